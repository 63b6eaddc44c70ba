// The dispatch loop. Step() and Run(n) both come here: Interpret(task, 1)
// executes exactly one instruction. Handlers decode their operands from the
// opcode table's layout; fast paths are inline, slow paths are functions in
// vm/slow_paths.cc. Any handler that may run JavaScript pushes a frame and
// returns to this loop.
#include "vm/interpreter.h"

#include "vm/typed_array.h"

#include <algorithm>
#include <cmath>

#include "absl/base/optimization.h"
#include "absl/strings/str_cat.h"
#include "vm/bytecode.h"
#include "vm/calls.h"
#include "vm/code.h"
#include "vm/conversions.h"
#include "vm/generator.h"
#include "vm/object.h"
#include "vm/realm.h"
#include "vm/slow_paths.h"
#include "vm/string.h"
#include "vm/vm.h"

namespace ratchet::internal {

namespace {

constexpr uint64_t kInterruptPollMask = 1023;  // poll every 1024 steps
constexpr uint32_t kInlineNativeArgs = 6;     // calls of built-ins with up to 6 arguments run inline

// Instruction lengths (after any prefix) by operand scale, from the table.
struct LengthTable {
  uint8_t len[3][kNumOpcodes];
  constexpr LengthTable() : len() {
    for (int s = 0; s < 3; ++s) {
      int scale = s == 0 ? 1 : s == 1 ? 2 : 4;
      for (int op = 0; op < kNumOpcodes; ++op) {
        const OpInfo& info = kOpInfo[op];
        int n = info.num_operands - (info.has_jump ? 1 : 0);
        len[s][op] = static_cast<uint8_t>(1 + n * scale + (info.has_jump ? 4 : 0));
      }
    }
  }
};
constexpr LengthTable kLengths;

const HandlerEntry* FindHandler(const Code* code, uint32_t pc) {
  for (uint32_t i = 0; i < code->num_handlers; ++i) {
    const HandlerEntry& h = code->handlers[i];
    if (pc >= h.start && pc < h.end) return &h;
  }
  return nullptr;
}

// The length of the instruction at p, its prefix included.
inline uint32_t InstructionLengthAt(const uint8_t* p) {
  Op op = static_cast<Op>(p[0]);
  if (op == Op::kWide) return 1 + kLengths.len[1][p[1]];
  if (op == Op::kExtraWide) return 1 + kLengths.len[2][p[1]];
  return kLengths.len[0][p[0]];
}

// IterNextFast: %ArrayIteratorPrototype%.next's steps for a values
// iterator, when they cannot run user code or throw: the iterated object is
// an Array whose element at the index is a dense data element, a typed
// array in bounds, or the iterator is exhausted; and
// %StringIteratorPrototype%.next's (a code point of the string; false when
// its string cannot be allocated, so that next throws). Otherwise false and
// nothing changes (the caller calls next).
inline bool IterNextFast(Vm& vm, Realm* realm, Value iter, Value next, Value* value, Value* done) {
  if (!iter.IsObject() || iter.AsObject()->cls != ObjectClass::kIterator || !next.IsObject()) return false;
  bool array = next.AsObject() == realm->intrinsic(Intrinsic::kArrayIteratorNext);
  if (!array && next.AsObject() != realm->intrinsic(Intrinsic::kStringIteratorNext)) return false;
  Value st = static_cast<PrimitiveObject*>(iter.AsObject())->primitive;
  if (!st.IsObject()) return false;
  Object* state = st.AsObject();  // [iterated object, next index, kind]
  if (state->cls != ObjectClass::kArray || state->elements_size < 3 || !state->elements[1].IsInt32() ||
      (array && state->elements[2] != Value::Int32(1))) {
    return false;
  }
  Value target = state->elements[0];
  if (target.IsUndefined()) {
    *done = Value::Boolean(true);
    return true;
  }
  uint32_t i = static_cast<uint32_t>(state->elements[1].AsInt32());
  uint32_t size = 1;
  if (!array) {
    if (!target.IsString()) return false;
    String* s = target.AsString();
    if (i >= s->length) {
      state->elements[0] = Value::Undefined();
      *done = Value::Boolean(true);
      return true;
    }
    char16_t first = s->At(i);
    if (first >= 0xD800 && first <= 0xDBFF && i + 1 < s->length) {
      char16_t second = s->At(i + 1);
      if (second >= 0xDC00 && second <= 0xDFFF) size = 2;
    }
    String* r = Substring(vm, s, i, i + size);
    if (r == nullptr) return false;
    *value = Value::FromString(r);
  } else if (!target.IsObject()) {
    return false;
  } else if (Object* o = target.AsObject(); o->cls == ObjectClass::kArray) {
    if (i >= o->array_length) {
      state->elements[0] = Value::Undefined();
      *done = Value::Boolean(true);
      return true;
    }
    if (i >= o->elements_size || o->elements[i].IsEmpty() || i >= INT32_MAX) return false;
    *value = o->elements[i];
  } else if (o->cls == ObjectClass::kTypedArray) {
    auto* t = static_cast<TypedArrayObject*>(o);
    if (IsTypedArrayOutOfBounds(t)) return false;  // next throws
    if (i >= TypedArrayLength(t)) {
      state->elements[0] = Value::Undefined();
      *done = Value::Boolean(true);
      return true;
    }
    if (i >= INT32_MAX || !TypedArrayFastGet(t, i, value)) return false;
  } else {
    return false;
  }
  state->elements[1] = Value::Int32(static_cast<int32_t>(i + size));
  *done = Value::Boolean(false);
  return true;
}

// The common call of a bytecode function, inline: no more arguments than
// parameters, room in the register file and the frame vector, and `this`
// needing no wrapper object. False: PushFrame does it (and reports errors).
ABSL_ATTRIBUTE_ALWAYS_INLINE inline bool PushFrameFast(Task& task, Frame* caller, Closure* fn, Value this_value,
                                                       const Value* args, uint32_t argc, uint32_t return_reg,
                                                       uint32_t resume_pc) {
  Code* code = fn->code;
  uint32_t base = caller->base + caller->code->num_registers;
  size_t needed = static_cast<size_t>(base) + code->num_registers;
  if (argc > code->num_params || needed > task.registers.size() ||
      task.frames.size() == task.frames.capacity() ||
      needed * sizeof(Value) + (task.frames.size() + 1) * sizeof(Frame) > task.vm().max_stack_bytes()) {
    return false;
  }
  if (!code->strict && code->code_kind != CodeKind::kArrow) {
    if (this_value.IsNullish()) {
      this_value = fn->realm->global_this;
    } else if (!this_value.IsObject()) {
      return false;
    }
  }
  Value* regs = task.registers.data() + base;
  uint32_t i = 0;
  for (; i < argc; ++i) regs[i] = args[i];
  for (; i < code->num_registers; ++i) regs[i] = Value::Undefined();
  caller->pc = resume_pc;
  Frame& f = task.frames.emplace_back();
  f.code = code;
  f.callee = fn;
  f.env = fn->env;
  f.realm = fn->realm;
  f.pc = 0;
  f.base = base;
  f.argc = argc;
  f.return_reg = return_reg;
  f.this_value = this_value;
  f.new_target = Value::Undefined();
  f.generator = nullptr;
  f.flags = 0;
  return true;
}

}  // namespace

uint64_t Interpret(Task& task, uint64_t max_steps) {
  Vm& vm = task.vm();
  if (task.done() || task.host_suspended) return 0;
  Task* saved_task = vm.current_task();
  vm.set_current_task(&task);
  if (task.frames.empty()) {
    // A task that waited for the host: the jobs the host's answer queued
    // run now (or it goes on waiting).
    SlowResult r = task.in_jobs ? TaskStackEmpty(task, task.result()) : SlowResult::kStop;
    if (r == SlowResult::kThrow) CompleteTask(task, TaskState::kThrew, vm.TakeException());
    if (r != SlowResult::kFrame) {
      vm.set_current_task(saved_task);
      return 0;
    }
  }
  // Steps are counted in chunks: `countdown` instructions may run before
  // the next check (the step budget, the interrupt poll every 1024 steps,
  // a requested collection); steps == the steps before the current chunk.
  uint64_t steps = 0;
  uint64_t chunk = 0;
  uint64_t countdown = 0;
  const bool& gc_requested = vm.heap().gc_requested_flag();

  Frame* frame;
  Code* code;
  const uint8_t* bc;
  Value* regs;
  uint32_t pc;
  Realm* realm;
  uint32_t start;
  int scale = 1;
  Op op;
  const uint8_t* ops;
  uint32_t next;

#define RELOAD()                                      \
  do {                                                \
    frame = &task.frames.back();                      \
    code = frame->code;                               \
    bc = code->bytecode;                              \
    regs = task.registers.data() + frame->base;       \
    pc = frame->pc;                                   \
    realm = frame->realm;                             \
    vm.set_current_realm(realm);                      \
  } while (0)

  // Threaded dispatch: every handler ends by decoding and jumping to the
  // next instruction's handler (narrow operands), or through `dispatch`.
  // Tables are indexed by any byte: the padding catches invalid opcodes.
#define INVALID_16 &&invalid, &&invalid, &&invalid, &&invalid, &&invalid, &&invalid, &&invalid, &&invalid, \
                   &&invalid, &&invalid, &&invalid, &&invalid, &&invalid, &&invalid, &&invalid, &&invalid,
#define INVALID_256 INVALID_16 INVALID_16 INVALID_16 INVALID_16 INVALID_16 INVALID_16 INVALID_16 INVALID_16 \
                    INVALID_16 INVALID_16 INVALID_16 INVALID_16 INVALID_16 INVALID_16 INVALID_16 INVALID_16
#define OPCODE(name, ...) &&narrow_##name,
  static const void* const kNarrow[] = {
#include "vm/opcodes.def"
      INVALID_256};
#undef OPCODE
#define OPCODE(name, ...) &&wide_##name,
  static const void* const kWide[] = {
#include "vm/opcodes.def"
      INVALID_256};
#undef OPCODE
#undef INVALID_16
#undef INVALID_256

#define DISPATCH_NARROW()                                                 \
  do {                                                                    \
    if (ABSL_PREDICT_FALSE(countdown == 0 || gc_requested)) goto check;   \
    --countdown;                                                          \
    start = pc;                                                           \
    frame->pc = pc;                                                       \
    op = static_cast<Op>(bc[pc]);                                         \
    ops = bc + pc + 1;                                                    \
    next = pc + kLengths.len[0][static_cast<uint8_t>(op)];                \
    goto* kNarrow[static_cast<uint8_t>(op)];                              \
  } while (0)
// An instruction that did not run after all (it runs again on resume).
#define UNCOUNT_STEP() ++countdown

  RELOAD();
  goto check;

dispatch:
  DISPATCH_NARROW();

check:
  // The chunk ran out, or a collection was requested.
  steps += chunk - countdown;
  chunk = countdown = 0;
  if (ABSL_PREDICT_FALSE(gc_requested)) {
    frame->pc = pc;
    vm.CollectGarbage();
  }
  {
    uint64_t at = task.steps_ + steps;
    uint64_t until_poll = kInterruptPollMask - (at & kInterruptPollMask);
    if (until_poll == 0) {
      if (vm.TakeInterruptRequest() || (vm.interrupt_handler() && vm.interrupt_handler()())) {
        task.Abort(AbortKind::kInterrupt, "interrupted by the host");
        goto out_of_steps;
      }
      until_poll = kInterruptPollMask + 1;
    }
#ifdef RATCHET_NO_STEP_BUDGET
    // Measurement builds only (docs/performance.md, "The step budget's
    // cost"): the same loop without the budget; Run(n) ignores n.
    chunk = until_poll;
#else
    if (steps >= max_steps) goto out_of_steps;
    chunk = std::min(until_poll, max_steps - steps);
#endif
    countdown = chunk;
  }
  DISPATCH_NARROW();

narrow_Wide:
narrow_ExtraWide:
  scale = op == Op::kWide ? 2 : 4;
  op = static_cast<Op>(bc[pc + 1]);
  ops = bc + pc + 2;
  next = pc + 1 + kLengths.len[scale >> 1][static_cast<uint8_t>(op)];
  goto* kWide[static_cast<uint8_t>(op)];

wide_Wide:
wide_ExtraWide:
invalid:
  vm.ThrowError(ErrorKind::kInternalError, "invalid bytecode");
  goto throw_exception;

#define U(i) ReadUnsigned(ops + (i) * (SCALE), (SCALE))
#define S(i) ReadSigned(ops + (i) * (SCALE), (SCALE))
#define R(i) regs[U(i)]
#define JUMP_TARGET(i) (start + ReadSigned(ops + (i) * (SCALE), 4))
#define K(i) code->constants[U(i)]
#define THROW() goto throw_exception
// Outcome of a slow path: continue, throw, or a new frame.
#define DISPATCH_SLOW(expr)          \
  switch (expr) {                    \
    case SlowResult::kNext:          \
      pc = next;                     \
      goto dispatch;                 \
    case SlowResult::kThrow:         \
      THROW();                       \
    case SlowResult::kFrame:         \
      RELOAD();                      \
      goto dispatch;                 \
    case SlowResult::kStop:          \
      goto stop;                     \
  }

  {
#define SCALE 1
#define CASE(name) \
  case Op::k##name: \
  narrow_##name:
#define DISPATCH() DISPATCH_NARROW()
#include "vm/handlers.inc"
#undef DISPATCH
#undef CASE
#undef SCALE
  }
  goto dispatch;
  {
#define SCALE scale
#define CASE(name) \
  case Op::k##name: \
  wide_##name:
#define DISPATCH() goto dispatch
#include "vm/handlers.inc"
#undef DISPATCH
#undef CASE
#undef SCALE
  }
  goto dispatch;

throw_exception: {
  // Unwind to the innermost handler; frames without one are popped.
  Value exception = vm.TakeException();
  bool top = true;
  bool handled = false;
  while (!task.frames.empty()) {
    Frame& f = task.frames.back();
    uint32_t at = top ? f.pc : (f.pc > 0 ? f.pc - 1 : 0);
    top = false;
    if (const HandlerEntry* h = FindHandler(f.code, at)) {
      f.pc = h->target;
      task.handling_exception = exception;
      handled = true;
      break;
    }
    if (f.generator != nullptr) FinishGenerator(vm, f.generator);
    task.frames.pop_back();
  }
  if (!handled) {
    CompleteTask(task, TaskState::kThrew, exception);
    goto stop;
  }
  RELOAD();
  goto dispatch;
}

out_of_steps:
  // Save the resume point.
  if (!task.frames.empty()) task.frames.back().pc = pc;
stop:
  steps += chunk - countdown;
  task.steps_ += steps;
  vm.set_current_task(saved_task);
  return steps;

#undef U
#undef S
#undef R
#undef JUMP_TARGET
#undef K
#undef THROW
#undef DISPATCH_SLOW
#undef DISPATCH_NARROW
#undef UNCOUNT_STEP
#undef RELOAD
}

}  // namespace ratchet::internal
