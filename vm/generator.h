// Generators, async functions and async generators are ordinary frames that
// detach from the task's frame stack when they suspend and reattach when
// they are resumed: the frame record and its register window are parked in
// the generator object, nothing else is copied and no C++ stack is involved.
#ifndef RATCHET_VM_GENERATOR_H_
#define RATCHET_VM_GENERATOR_H_

#include <cstdint>

#include "vm/calls.h"
#include "vm/object.h"
#include "vm/task.h"
#include "vm/value.h"

namespace ratchet::internal {

class Vm;

enum class GeneratorState : uint8_t {
  kSuspendedStart,
  kSuspendedYield,
  kExecuting,
  kCompleted,
  kAwaiting,        // parked at an await: still "executing" to the outside
  kAwaitingReturn,  // async generators: awaiting a return request's value
};
enum class GeneratorKind : uint8_t { kSync, kAsync, kAsyncGenerator };

/// How a suspended frame is resumed; the frame reads it from the register
/// after the resume value (codegen dispatches on it right after Suspend).
enum class ResumeMode : int32_t { kNext = 0, kThrow = 1, kReturn = 2 };

inline constexpr uint32_t kNoResumeRegister = 0xFFFFFFFFu;

struct GeneratorObject : Object {
  GeneratorState state;
  GeneratorKind kind;
  uint32_t resume_reg;  // receives the resume value (mode in resume_reg + 1)
  uint32_t num_regs;    // size of the parked register window
  Frame frame;          // the parked frame (pc = where to resume)
  Value* regs;          // the parked registers (an accounted buffer)
  Value queue;          // async generators: the request queue (an array)
  bool is_helper;       // an iterator helper (27.1.2.1): only
                        // %IteratorHelperPrototype% methods accept it
};

/// Creates the generator object for the running frame `frame` (kind from its
/// code) with the prototype from the callee's `prototype` property. Null on
/// out-of-memory.
GeneratorObject* NewGeneratorObject(Vm& vm, const Frame& frame);

/// Parks the task's top frame (which must be `gen`'s) in `gen`: it will
/// resume at `resume_pc` with the resume value in `resume_reg`. The caller
/// pops the frame. False on out-of-memory.
bool ParkGeneratorFrame(Task& task, GeneratorObject* gen, uint32_t resume_pc, uint32_t resume_reg,
                        GeneratorState state);

/// Reattaches `gen`'s frame on top of the stack as a callee of the current
/// top frame (which resumes at `resume_pc`); its result goes to
/// `return_reg` of that frame.
CallStatus ResumeGenerator(Task& task, GeneratorObject* gen, ResumeMode mode, Value value,
                           uint32_t return_reg, uint8_t flags, uint32_t resume_pc);

/// The generator's frame returned or threw: it is completed for good.
void FinishGenerator(Vm& vm, Object* gen);

inline GeneratorObject* AsGenerator(Value v) {
  if (!v.IsObject() || v.AsObject()->cls != ObjectClass::kGenerator) return nullptr;
  return static_cast<GeneratorObject*>(v.AsObject());
}

}  // namespace ratchet::internal

#endif  // RATCHET_VM_GENERATOR_H_
