// RegExp instances and in-progress matches on the JS heap. The pattern's
// compiled program (vm/regexp) is shared between instances through a
// per-Vm cache; a match that runs out of its step slice keeps its state in a
// RegExpMatchState so the task can return to the interpreter loop between
// slices (runtime/builtins/regexp.cc drives it).
#ifndef RATCHET_VM_REGEXP_OBJECT_H_
#define RATCHET_VM_REGEXP_OBJECT_H_

#include <cstdint>
#include <memory>

#include "vm/object.h"
#include "vm/regexp/regexp.h"

namespace ratchet::internal {

/// ObjectClass::kRegExp: [[OriginalSource]], [[OriginalFlags]] and
/// [[RegExpMatcher]] (null until RegExpInitialize).
struct RegExpObject : Object {
  Value source;
  Value flags;
  std::shared_ptr<const regexp::Program>* program;
  size_t accounted;  // bytes of the program charged to the heap
  Realm* realm;      // [[Realm]] (legacy static properties)
  bool legacy;       // [[LegacyFeaturesEnabled]]: made by %RegExp% itself
};

/// ObjectClass::kRegExpMatchState: a match in progress.
struct RegExpMatchState : Object {
  Value input;   // the subject String (kept alive: the matcher borrows its characters)
  Value regexp;  // the RegExpObject
  regexp::Matcher* matcher;
  size_t accounted;
};

/// Matcher steps run per slice before control returns to the interpreter.
inline constexpr uint64_t kRegExpSliceSteps = 2000;

/// 22.2.3.2 RegExpAlloc: an uninitialized RegExp with the lastIndex
/// property (writable, not enumerable, not configurable). Null on OOM.
RegExpObject* NewRegExpObject(Vm& vm, Object* proto, Realm* realm, bool legacy);

/// 22.2.3.3 RegExpInitialize steps 5-: parses flags and pattern (throwing a
/// SyntaxError) and sets the internal slots. Does not touch lastIndex.
bool InitializeRegExp(Vm& vm, RegExpObject* r, String* pattern, String* flags);

/// The program of an initialized RegExp.
inline const regexp::Program* RegExpProgram(const RegExpObject* r) {
  return r->program != nullptr ? r->program->get() : nullptr;
}

/// Starts matching `input` from `last_index`. Null on OOM.
RegExpMatchState* NewRegExpMatchState(Vm& vm, RegExpObject* r, String* input, uint32_t last_index);

/// Runs one slice; the memory the matcher holds is charged to the heap
/// (false with an out-of-memory error pending when over the limit).
bool RunRegExpSlice(Vm& vm, RegExpMatchState* state, regexp::MatchStatus* status);
/// Charges (or releases) the matcher's current memory; false with an
/// out-of-memory error pending when over the limit.
bool AccountRegExpMatcher(Vm& vm, RegExpMatchState* state);

/// The per-Vm program cache.
struct RegExpCache;
void DeleteRegExpCache(RegExpCache* cache);

void TraceRegExpObject(Object* o, Tracer& t);
void FinalizeRegExpObject(Heap& heap, Object* o);

}  // namespace ratchet::internal

#endif  // RATCHET_VM_REGEXP_OBJECT_H_
