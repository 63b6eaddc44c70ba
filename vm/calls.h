// Frames and calls: the only way JavaScript code is entered.
#ifndef RATCHET_VM_CALLS_H_
#define RATCHET_VM_CALLS_H_

#include <cstdint>

#include "vm/object.h"
#include "vm/task.h"
#include "vm/value.h"

namespace ratchet::internal {

enum class CallStatus : uint8_t {
  kPushed,  // a frame was pushed; the loop continues in it
  kDone,    // a native finished; *result holds its value
  kThrow,   // exception pending in the Vm
};

/// Grows the task's register array to at least `needed` values (accounted).
/// False when over the memory limit. Pointers into the array may dangle.
bool EnsureRegisters(Task& task, size_t needed);

/// Pushes a frame for a bytecode function. `args` may point into the task's
/// registers. `resume_pc` is stored in the caller's frame.
CallStatus PushFrame(Task& task, Closure* fn, Value this_value, const Value* args, uint32_t argc,
                     uint32_t return_reg, uint8_t flags, Value new_target, uint32_t resume_pc);

/// After a native called outside CallValue (the interpreter's inline native
/// calls) returned Empty(): the generator resume or the tail call it asked
/// for, as CallValue would do them; otherwise its exception (kThrow).
CallStatus FinishNativeRequest(Task& task, uint32_t return_reg, uint8_t flags, uint32_t resume_pc, Value* result);

/// [[Call]] (or [[Construct]] with Frame::kConstruct in flags) of any value:
/// bytecode functions push a frame, natives run (and may ask for a tail
/// call), bound functions unwrap. For [[Construct]] of a base constructor
/// the new object is created here.
CallStatus CallValue(Task& task, Value callee, Value this_value, const Value* args, uint32_t argc,
                     uint32_t return_reg, uint8_t flags, Value new_target, uint32_t resume_pc,
                     Value* result);

}  // namespace ratchet::internal

#endif  // RATCHET_VM_CALLS_H_
