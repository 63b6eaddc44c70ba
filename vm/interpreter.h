// The interpreter: one dispatch loop that runs a task's frames, and the
// operations it shares with builtins (property access, calls). Nothing here
// calls back into the loop: a JavaScript call pushes a frame and returns.
#ifndef RATCHET_VM_INTERPRETER_H_
#define RATCHET_VM_INTERPRETER_H_

#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

#include "vm/object.h"
#include "vm/realm.h"
#include "vm/task.h"
#include "vm/value.h"

namespace ratchet::internal {

class Vm;
struct Code;
struct Realm;

/// Runs up to `max_steps` instructions of `task` (exactly one when 1).
/// Returns the number executed. Stops early when the task completes.
uint64_t Interpret(Task& task, uint64_t max_steps);

/// Prepares `task` to run a script's top-level code in `realm`.
/// False (exception pending in the Vm) on stack or memory limits.
bool StartScript(Task& task, Code* code, Realm* realm);

/// Prepares `task` to call `fn` with `this_value` and `args` — to construct
/// it when `new_target` is not undefined (`this_value` is then ignored);
/// the call's result becomes the task's result. Natives run immediately.
bool StartCall(Task& task, Value fn, Value this_value, const std::vector<Value>& args,
               Value new_target = Value::Undefined());

// ---- Property access (shared with builtins) --------------------------------

enum class AccessStatus : uint8_t {
  kDone,        // *out holds the value (Get) / the write happened (Set)
  kThrow,       // exception pending in the Vm
  kCallAccessor // run *accessor (getter/setter) as a frame
};

/// [[Get]] of `key` on `base` (any value; primitives use their prototype).
AccessStatus GetProperty(Vm& vm, Realm& realm, Value base, PropertyKey key, Value* out,
                         Value* accessor);

/// [[Set]] (OrdinarySet) of `key` on `base`. In strict code failures throw.
AccessStatus SetProperty(Vm& vm, Realm& realm, Value base, PropertyKey key, Value v,
                         bool strict, Value* accessor);

/// Creates a closure of `code` over `env` in `realm` (null on OOM).
Object* NewClosure(Vm& vm, Realm& realm, Code* code, Env* env);

/// Whether `o` or an object on its prototype chain is a proxy.
bool ChainHasProxy(Object* o);
/// A property key as a JS value (an index as its canonical string).
/// Empty on out-of-memory.
Value PropertyKeyValue(Vm& vm, PropertyKey key);
/// A bound function calling the self-hosted helper `id` with `args` first
/// (how [[Get]]/[[Set]] hand a proxy's trap back as an accessor to call).
/// Empty on out-of-memory.
Value BoundSelfHostedCall(Vm& vm, Realm& realm, SelfHosted id, std::initializer_list<Value> args);

/// CreateIterResultObject(value, done). Null on out-of-memory.
Object* NewIterResult(Vm& vm, Realm& realm, Value value, bool done);

/// The function-name/length properties and, for constructors, prototype.
bool SetFunctionNameAndLength(Vm& vm, Object* fn, Value name, double length);

/// "\n    at f (file:1:2)" lines for the task's frames, innermost first.
std::string FormatStackTrace(Task* task, size_t max_frames);

/// One frame of a task's stack: the function's name (empty for top-level
/// and eval code), its file, and the line and column it is at.
struct StackEntry {
  std::string function;
  std::string file;
  uint32_t line;
  uint32_t column;
};
/// The task's frames, innermost first, without the self-hosted library's
/// (at most max_frames; below skip_through's topmost call when given).
std::vector<StackEntry> CaptureStack(Task* task, size_t max_frames, Object* skip_through);

}  // namespace ratchet::internal

#endif  // RATCHET_VM_INTERPRETER_H_
