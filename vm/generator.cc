// Parking and reattaching generator frames (vm/generator.h).
#include "vm/generator.h"

#include <algorithm>

#include "vm/code.h"
#include "vm/realm.h"
#include "vm/vm.h"

namespace ratchet::internal {

GeneratorObject* NewGeneratorObject(Vm& vm, const Frame& frame) {
  Code* code = frame.code;
  Realm* realm = frame.realm;
  GeneratorKind kind = !code->is_async       ? GeneratorKind::kSync
                       : code->is_generator ? GeneratorKind::kAsyncGenerator
                                            : GeneratorKind::kAsync;
  // OrdinaryCreateFromConstructor(functionObject, "%GeneratorPrototype%"):
  // the `prototype` property of a generator function is a non-configurable
  // data property, so reading it runs no JavaScript.
  Object* proto = nullptr;
  if (kind != GeneratorKind::kAsync) {
    proto = realm->intrinsic(kind == GeneratorKind::kSync ? Intrinsic::kGeneratorPrototype
                                                          : Intrinsic::kAsyncGeneratorPrototype);
    OwnProperty prop;
    if (frame.callee != nullptr &&
        GetOwnProperty(vm, frame.callee, PropertyKey(Value::FromString(vm.atoms().prototype)), &prop) &&
        !(prop.attrs & kAccessorBit) && prop.value.IsObject()) {
      proto = prop.value.AsObject();
    }
  }
  Object* o = NewObject(vm, proto, ObjectClass::kGenerator, sizeof(GeneratorObject));
  if (o == nullptr) return nullptr;
  auto* gen = static_cast<GeneratorObject*>(o);
  gen->state = GeneratorState::kExecuting;
  gen->kind = kind;
  gen->resume_reg = kNoResumeRegister;
  gen->num_regs = 0;
  gen->frame = frame;
  gen->regs = nullptr;
  gen->queue = Value::Undefined();
  return gen;
}

bool ParkGeneratorFrame(Task& task, GeneratorObject* gen, uint32_t resume_pc, uint32_t resume_reg,
                        GeneratorState state) {
  Vm& vm = task.vm();
  const Frame& frame = task.frames.back();
  uint32_t n = frame.code->num_registers;
  if (gen->regs == nullptr || gen->num_regs != n) {
    if (gen->regs != nullptr) vm.heap().FreeBuffer(gen->regs, gen->num_regs * sizeof(Value));
    gen->num_regs = 0;
    gen->regs = static_cast<Value*>(vm.heap().AllocateBuffer(std::max<size_t>(n, 1) * sizeof(Value)));
    if (gen->regs == nullptr) return false;
    gen->num_regs = n;
  }
  std::copy_n(task.registers.data() + frame.base, n, gen->regs);
  gen->frame = frame;
  gen->frame.pc = resume_pc;
  gen->resume_reg = resume_reg;
  gen->state = state;
  return true;
}

CallStatus ResumeGenerator(Task& task, GeneratorObject* gen, ResumeMode mode, Value value,
                           uint32_t return_reg, uint8_t flags, uint32_t resume_pc) {
  Vm& vm = task.vm();
  uint32_t base = 0;
  if (!task.frames.empty()) {
    const Frame& top = task.frames.back();
    base = top.base + top.code->num_registers;
  }
  size_t needed = static_cast<size_t>(base) + gen->num_regs;
  size_t stack_bytes = needed * sizeof(Value) + (task.frames.size() + 1) * sizeof(Frame);
  if (stack_bytes > vm.max_stack_bytes()) {
    vm.ThrowStackOverflow();
    return CallStatus::kThrow;
  }
  if (!EnsureRegisters(task, needed)) {
    vm.ThrowOutOfMemory();
    return CallStatus::kThrow;
  }
  Value* regs = task.registers.data() + base;
  std::copy_n(gen->regs, gen->num_regs, regs);
  if (gen->resume_reg != kNoResumeRegister && gen->resume_reg + 1 < gen->num_regs) {
    regs[gen->resume_reg] = value;
    regs[gen->resume_reg + 1] = Value::Int32(static_cast<int32_t>(mode));
  }
  Frame f = gen->frame;
  f.base = base;
  f.return_reg = return_reg;
  f.flags = flags & Frame::kDiscardResult;
  f.generator = gen;
  gen->state = GeneratorState::kExecuting;
  if (!task.frames.empty()) task.frames.back().pc = resume_pc;
  task.frames.push_back(f);
  return CallStatus::kPushed;
}

void FinishGenerator(Vm& vm, Object* o) {
  auto* gen = static_cast<GeneratorObject*>(o);
  gen->state = GeneratorState::kCompleted;
  if (gen->regs != nullptr) {
    vm.heap().FreeBuffer(gen->regs, gen->num_regs * sizeof(Value));
    gen->regs = nullptr;
    gen->num_regs = 0;
  }
  gen->frame.env = nullptr;
  gen->frame.this_value = Value::Undefined();
}

}  // namespace ratchet::internal
