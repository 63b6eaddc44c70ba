// The compiler's output: heap-independent compiled functions. The runtime
// loads them into Code cells (runtime/loader.cc); the same form is what a
// bytecode serializer would write.
#ifndef RATCHET_COMPILER_COMPILED_H_
#define RATCHET_COMPILER_COMPILED_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "vm/bytecode.h"

namespace ratchet::internal {

struct Constant {
  enum class Kind : uint8_t { kNumber, kString, kFunction, kUndefined, kBigInt /* decimal digits in string */ };
  Kind kind = Kind::kNumber;
  double number = 0;
  std::u16string string;
  uint32_t function = 0;  // index into CompiledFunction::children
};

struct CompiledFunction {
  std::vector<uint8_t> bytecode;
  std::vector<Constant> constants;
  std::vector<HandlerEntry> handlers;
  std::vector<PositionEntry> positions;
  std::vector<std::unique_ptr<CompiledFunction>> children;
  uint32_t num_registers = 0;
  uint32_t num_params = 0;
  uint32_t length = 0;
  uint32_t num_ics = 0;
  CodeKind kind = CodeKind::kScript;
  bool strict = false;
  bool is_async = false;
  bool is_generator = false;
  bool simple_parameters = true;  // no defaults, rest or patterns
  std::u16string name;
  uint32_t source_start = 0;
  uint32_t source_end = 0;
};

/// A compile error (SyntaxError) found after parsing, or a feature the
/// compiler does not support yet.
struct CompileError {
  std::string message;
  bool unsupported = false;  // valid code the compiler cannot handle yet
  uint32_t line = 0;
  uint32_t column = 0;
};

}  // namespace ratchet::internal

#endif  // RATCHET_COMPILER_COMPILED_H_
