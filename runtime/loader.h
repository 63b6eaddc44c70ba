// Loads compiled functions (compiler output) into Code cells on the heap.
#ifndef RATCHET_RUNTIME_LOADER_H_
#define RATCHET_RUNTIME_LOADER_H_

#include <string>
#include <string_view>

#include "compiler/compiled.h"
#include "vm/code.h"

namespace ratchet::internal {

class Vm;

/// Creates a Source cell holding `text` (for toString and stack traces).
Source* NewSource(Vm& vm, std::u16string text, std::string name);

/// Materializes `fn` and its nested functions. Null on out-of-memory.
/// `native` marks self-hosted library code (no [[Construct]], toString
/// prints [native code]).
Code* LoadCompiledFunction(Vm& vm, const CompiledFunction& fn, Source* source, bool native = false);

}  // namespace ratchet::internal

#endif  // RATCHET_RUNTIME_LOADER_H_
