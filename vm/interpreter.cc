// The dispatch loop. Step() and Run(n) both come here: Interpret(task, 1)
// executes exactly one instruction. Handlers decode their operands from the
// opcode table's layout; fast paths are inline, slow paths are functions in
// vm/slow_paths.cc. Any handler that may run JavaScript pushes a frame and
// returns to this loop.
#include "vm/interpreter.h"

#include <cmath>

#include "absl/base/optimization.h"
#include "absl/strings/str_cat.h"
#include "vm/bytecode.h"
#include "vm/calls.h"
#include "vm/code.h"
#include "vm/conversions.h"
#include "vm/realm.h"
#include "vm/slow_paths.h"
#include "vm/string.h"
#include "vm/vm.h"

namespace ratchet::internal {

namespace {

constexpr uint64_t kInterruptPollMask = 1023;  // poll every 1024 steps

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

}  // namespace

uint64_t Interpret(Task& task, uint64_t max_steps) {
  Vm& vm = task.vm();
  if (task.done() || task.frames.empty()) return 0;
  Task* saved_task = vm.current_task();
  vm.set_current_task(&task);
  uint64_t steps = 0;

  Frame* frame;
  Code* code;
  const uint8_t* bc;
  Value* regs;
  uint32_t pc;
  Realm* realm;

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

  RELOAD();
  while (steps < max_steps) {
    if (ABSL_PREDICT_FALSE(vm.heap().gc_requested())) {
      frame->pc = pc;
      vm.CollectGarbage();
    }
    if (ABSL_PREDICT_FALSE(((task.steps_ + steps) & kInterruptPollMask) == kInterruptPollMask) &&
        vm.interrupt_handler() && vm.interrupt_handler()()) {
      task.Abort(AbortKind::kInterrupt, "interrupted by the host");
      break;
    }
    ++steps;
    const uint32_t start = pc;
    frame->pc = start;
    int scale = 1;
    uint32_t opc = pc;
    Op op = static_cast<Op>(bc[opc]);
    if (op == Op::kWide || op == Op::kExtraWide) {
      scale = op == Op::kWide ? 2 : 4;
      op = static_cast<Op>(bc[++opc]);
    }
    const uint8_t* ops = bc + opc + 1;
    const uint32_t next = opc + kLengths.len[scale >> 1][static_cast<int>(op)];

#define U(i) ReadUnsigned(ops + (i) * scale, scale)
#define S(i) ReadSigned(ops + (i) * scale, scale)
#define R(i) regs[U(i)]
#define JUMP_TARGET(i) (start + ReadSigned(ops + (i) * scale, 4))
#define K(i) code->constants[U(i)]
#define THROW() goto throw_exception
// Outcome of a slow path: continue, throw, or a new frame.
#define DISPATCH_SLOW(expr)          \
  switch (expr) {                    \
    case SlowResult::kNext:          \
      pc = next;                     \
      break;                         \
    case SlowResult::kThrow:         \
      THROW();                       \
    case SlowResult::kFrame:         \
      RELOAD();                      \
      break;                         \
    case SlowResult::kStop:          \
      goto stop;                     \
  }

    switch (op) {
      case Op::kWide:
      case Op::kExtraWide:
        vm.ThrowError(ErrorKind::kInternalError, "invalid bytecode");
        THROW();

      // Mov dst, src
      case Op::kMov:
        R(0) = R(1);
        pc = next;
        break;
      case Op::kLdUndef:
        R(0) = Value::Undefined();
        pc = next;
        break;
      case Op::kLdNull:
        R(0) = Value::Null();
        pc = next;
        break;
      case Op::kLdTrue:
        R(0) = Value::Boolean(true);
        pc = next;
        break;
      case Op::kLdFalse:
        R(0) = Value::Boolean(false);
        pc = next;
        break;
      case Op::kLdEmpty:
        R(0) = Value::Empty();
        pc = next;
        break;
      case Op::kLdInt:
        R(0) = Value::Int32(S(1));
        pc = next;
        break;
      case Op::kLdConst:
        R(0) = K(1);
        pc = next;
        break;
      case Op::kLdThis:
        R(0) = frame->this_value;
        pc = next;
        break;
      case Op::kLdNewTarget:
        R(0) = frame->new_target;
        pc = next;
        break;
      case Op::kLdCallee:
        R(0) = Value::FromObject(frame->callee);
        pc = next;
        break;
      case Op::kCreateArguments:
        DISPATCH_SLOW(CreateArgumentsObject(task, *frame, U(0)));
        break;
      case Op::kCreateRest:
        DISPATCH_SLOW(CreateRestArray(task, *frame, U(0), U(1)));
        break;

      // ---- Globals ----
      case Op::kLdGlobal: {
        InlineCache& ic = code->ics[U(2)];
        PropertyDict* dict = realm->global->dict;
        if (ic.slot != 0 && dict != nullptr && ic.epoch == realm->lexical_epoch &&
            ic.slot - 1 < dict->entries.size()) {
          const DictEntry& e = dict->entries[ic.slot - 1];
          if (e.key == K(1) && !(e.attrs & kAccessorBit)) {
            R(0) = e.value;
            pc = next;
            break;
          }
        }
        DISPATCH_SLOW(LoadGlobal(task, *frame, U(0), K(1).AsString(), true, next, &ic));
        break;
      }
      case Op::kLdGlobalOrUndef:
        DISPATCH_SLOW(LoadGlobal(task, *frame, U(0), K(1).AsString(), false, next));
        break;
      case Op::kStGlobal:
        DISPATCH_SLOW(StoreGlobal(task, *frame, R(0), K(1).AsString(), next));
        break;
      case Op::kDeclareGlobalVar:
        DISPATCH_SLOW(DeclareGlobal(task, *frame, K(0).AsString(), GlobalDecl::kVar, Value::Undefined()));
        break;
      case Op::kDeclareGlobalFunction:
        DISPATCH_SLOW(DeclareGlobal(task, *frame, K(0).AsString(), GlobalDecl::kFunction, R(1)));
        break;
      case Op::kDeclareGlobalLex:
        DISPATCH_SLOW(DeclareGlobal(task, *frame, K(0).AsString(),
                                    S(1) ? GlobalDecl::kConst : GlobalDecl::kLet, Value::Undefined()));
        break;
      case Op::kInitGlobalLex: {
        auto it = realm->lexicals->find(Value::FromString(K(1).AsString()).bits());
        if (it != realm->lexicals->end()) it->second.value = R(0);
        pc = next;
        break;
      }

      // ---- Environments ----
      case Op::kPushEnv: {
        Env* e = NewEnv(vm, frame->env, U(0));
        if (e == nullptr) {
          vm.ThrowOutOfMemory();
          THROW();
        }
        frame->env = e;
        pc = next;
        break;
      }
      case Op::kPopEnv:
        frame->env = frame->env->parent;
        pc = next;
        break;
      case Op::kCopyEnv: {
        Env* old = frame->env;
        Env* e = NewEnv(vm, old->parent, old->size);
        if (e == nullptr) {
          vm.ThrowOutOfMemory();
          THROW();
        }
        for (uint32_t i = 0; i < old->size; ++i) e->slots()[i] = old->slots()[i];
        frame->env = e;
        pc = next;
        break;
      }
      case Op::kSaveEnv:
        R(0) = frame->env ? CellToValue(frame->env) : Value::Undefined();
        pc = next;
        break;
      case Op::kRestoreEnv: {
        Value v = R(0);
        frame->env = v.IsUndefined() ? nullptr : static_cast<Env*>(v.AsCell());
        pc = next;
        break;
      }
      case Op::kLdEnv: {
        Env* e = frame->env;
        for (uint32_t d = U(1); d > 0; --d) e = e->parent;
        R(0) = e->slots()[U(2)];
        pc = next;
        break;
      }
      case Op::kLdEnvChecked: {
        Env* e = frame->env;
        for (uint32_t d = U(1); d > 0; --d) e = e->parent;
        Value v = e->slots()[U(2)];
        if (ABSL_PREDICT_FALSE(v.IsEmpty())) {
          ThrowTdzError(vm, K(3).AsString());
          THROW();
        }
        R(0) = v;
        pc = next;
        break;
      }
      case Op::kStEnv: {
        Env* e = frame->env;
        for (uint32_t d = U(1); d > 0; --d) e = e->parent;
        e->slots()[U(2)] = R(0);
        pc = next;
        break;
      }
      case Op::kStEnvChecked: {
        Env* e = frame->env;
        for (uint32_t d = U(1); d > 0; --d) e = e->parent;
        if (ABSL_PREDICT_FALSE(e->slots()[U(2)].IsEmpty())) {
          ThrowTdzError(vm, K(3).AsString());
          THROW();
        }
        e->slots()[U(2)] = R(0);
        pc = next;
        break;
      }
      case Op::kCheckTdz:
        if (ABSL_PREDICT_FALSE(R(0).IsEmpty())) {
          ThrowTdzError(vm, K(1).AsString());
          THROW();
        }
        pc = next;
        break;
      case Op::kThrowConstAssign:
        vm.ThrowError(ErrorKind::kTypeError, "Assignment to constant variable.");
        THROW();

      // ---- Properties ----
      case Op::kGetNamed: {
        Value base = R(1);
        if (ABSL_PREDICT_TRUE(base.IsObject())) {
          Object* obj = base.AsObject();
          InlineCache& ic = code->ics[U(3)];
          if (obj->shape == ic.shape && obj->shape != nullptr) {
            R(0) = obj->slots[ic.slot];
            pc = next;
            break;
          }
        }
        DISPATCH_SLOW(GetNamedSlow(task, *frame, U(0), base, K(2), &code->ics[U(3)], next));
        break;
      }
      case Op::kSetNamed: {
        Value base = R(0);
        if (ABSL_PREDICT_TRUE(base.IsObject())) {
          Object* obj = base.AsObject();
          InlineCache& ic = code->ics[U(3)];
          if (obj->shape == ic.shape && obj->shape != nullptr) {
            obj->slots[ic.slot] = R(2);
            pc = next;
            break;
          }
        }
        DISPATCH_SLOW(SetNamedSlow(task, *frame, base, K(1), R(2), &code->ics[U(3)], next));
        break;
      }
      case Op::kGetKeyed: {
        Value base = R(1), key = R(2);
        if (base.IsObject() && key.IsInt32()) {
          Object* obj = base.AsObject();
          uint32_t i = static_cast<uint32_t>(key.AsInt32());
          if (i < obj->elements_size && !obj->elements[i].IsEmpty()) {
            R(0) = obj->elements[i];
            pc = next;
            break;
          }
        }
        DISPATCH_SLOW(GetKeyedSlow(task, *frame, U(0), base, key, next));
        break;
      }
      case Op::kSetKeyed: {
        Value base = R(0), key = R(1);
        if (base.IsObject() && key.IsInt32()) {
          Object* obj = base.AsObject();
          uint32_t i = static_cast<uint32_t>(key.AsInt32());
          if (i < obj->elements_size && !obj->elements[i].IsEmpty()) {
            obj->elements[i] = R(2);
            pc = next;
            break;
          }
        }
        DISPATCH_SLOW(SetKeyedSlow(task, *frame, base, key, R(2), next));
        break;
      }
      case Op::kDefineNamed:
        if (!SetOwnData(vm, R(0).AsObject(), PropertyKey(K(1)), R(2))) {
          vm.ThrowOutOfMemory();
          THROW();
        }
        pc = next;
        break;
      case Op::kDefineKeyed:
        DISPATCH_SLOW(DefineKeyed(task, R(0), R(1), R(2)));
        break;
      case Op::kDefineAccessor:
        DISPATCH_SLOW(DefineAccessorProperty(task, R(0), R(1), R(2), S(3)));
        break;
      case Op::kDefineMethod:
        DISPATCH_SLOW(DefineMethodProperty(task, R(0), R(1), R(2)));
        break;
      case Op::kSetProto: {
        Value p = R(1);
        if (p.IsObject()) R(0).AsObject()->proto = p.AsObject();
        if (p.IsNull()) R(0).AsObject()->proto = nullptr;
        pc = next;
        break;
      }
      case Op::kSetHome: {
        Value f = R(0);
        if (f.IsObject() && f.AsObject()->cls == ObjectClass::kClosure) {
          static_cast<Closure*>(f.AsObject())->home_object = R(1).AsObject();
        }
        pc = next;
        break;
      }
      case Op::kDeleteKeyed:
        DISPATCH_SLOW(DeleteKeyedSlow(task, *frame, U(0), R(1), R(2), next));
        break;
      case Op::kIn:
        DISPATCH_SLOW(InSlow(task, *frame, U(0), R(1), R(2), next));
        break;
      case Op::kInstanceOf:
        DISPATCH_SLOW(InstanceOfSlow(task, *frame, U(0), R(1), R(2), next));
        break;
      case Op::kGetSuper:
        DISPATCH_SLOW(GetSuperSlow(task, *frame, U(0), R(1), next));
        break;

      case Op::kLdIntrinsic: {
        uint32_t id = U(1);
        if (id >= static_cast<uint32_t>(SelfHosted::kCount)) {
          vm.ThrowError(ErrorKind::kInternalError, "invalid intrinsic");
          THROW();
        }
        R(0) = realm->self_hosted[id];
        pc = next;
        break;
      }

      // ---- Object creation ----
      case Op::kNewObject: {
        Object* o = NewObject(vm, realm->intrinsic(Intrinsic::kObjectPrototype));
        if (o == nullptr) {
          vm.ThrowOutOfMemory();
          THROW();
        }
        R(0) = Value::FromObject(o);
        pc = next;
        break;
      }
      case Op::kNewArray: {
        Object* a = NewArray(vm, *realm);
        if (a == nullptr) {
          vm.ThrowOutOfMemory();
          THROW();
        }
        R(0) = Value::FromObject(a);
        pc = next;
        break;
      }
      case Op::kArrayPush:
        if (!ArrayPush(vm, R(0).AsObject(), R(1))) {
          vm.ThrowOutOfMemory();
          THROW();
        }
        pc = next;
        break;
      case Op::kArrayHole: {
        Object* a = R(0).AsObject();
        a->array_length++;
        pc = next;
        break;
      }
      case Op::kArraySpread:
        DISPATCH_SLOW(ArraySpreadAppend(task, R(0), R(1)));
        break;
      case Op::kCreateClosure: {
        Code* target = static_cast<Code*>(K(1).AsCell());
        Object* f = NewClosure(vm, *realm, target, frame->env);
        if (f == nullptr) {
          vm.ThrowOutOfMemory();
          THROW();
        }
        R(0) = Value::FromObject(f);
        pc = next;
        break;
      }
      case Op::kCreateClass:
        DISPATCH_SLOW(CreateClassSlow(task, *frame, U(0), R(1), R(2)));
        break;

      // ---- Operators ----
      case Op::kAdd: {
        Value l = R(1), r = R(2);
        if (ABSL_PREDICT_TRUE(l.IsInt32() && r.IsInt32())) {
          int64_t s = static_cast<int64_t>(l.AsInt32()) + r.AsInt32();
          R(0) = (s >= INT32_MIN && s <= INT32_MAX) ? Value::Int32(static_cast<int32_t>(s))
                                                    : Value::Double(static_cast<double>(s));
          pc = next;
          break;
        }
        if (l.IsNumber() && r.IsNumber()) {
          R(0) = Value::Number(l.AsNumber() + r.AsNumber());
          pc = next;
          break;
        }
        DISPATCH_SLOW(AddSlow(task, *frame, U(0), l, r, next));
        break;
      }
      case Op::kSub:
      case Op::kMul:
      case Op::kDiv:
      case Op::kMod:
      case Op::kExp:
      case Op::kBitAnd:
      case Op::kBitOr:
      case Op::kBitXor:
      case Op::kShl:
      case Op::kSar:
      case Op::kShr: {
        Value l = R(1), r = R(2);
        if (ABSL_PREDICT_TRUE(l.IsNumber() && r.IsNumber())) {
          R(0) = ArithmeticOnNumbers(op, l, r);
          pc = next;
          break;
        }
        DISPATCH_SLOW(ArithSlow(task, *frame, op, U(0), l, r, next));
        break;
      }
      case Op::kLt:
      case Op::kLe:
      case Op::kGt:
      case Op::kGe: {
        Value l = R(1), r = R(2);
        if (ABSL_PREDICT_TRUE(l.IsInt32() && r.IsInt32())) {
          int32_t a = l.AsInt32(), b = r.AsInt32();
          bool res = op == Op::kLt ? a < b : op == Op::kLe ? a <= b : op == Op::kGt ? a > b : a >= b;
          R(0) = Value::Boolean(res);
          pc = next;
          break;
        }
        DISPATCH_SLOW(CompareSlow(task, *frame, op, U(0), l, r, next));
        break;
      }
      case Op::kEq:
      case Op::kNe: {
        Value l = R(1), r = R(2);
        if (!l.IsObject() || !r.IsObject()) {
          if (l.IsObject() || r.IsObject()) {
            Value obj = l.IsObject() ? l : r, other = l.IsObject() ? r : l;
            if (!other.IsNullish()) {
              DISPATCH_SLOW(LooseEqualsSlow(task, *frame, op == Op::kNe, U(0), l, r, next));
              break;
            }
            (void)obj;
            R(0) = Value::Boolean(op == Op::kNe);
          } else {
            bool eq = LoosePrimitiveEquals(vm, l, r);
            R(0) = Value::Boolean(op == Op::kEq ? eq : !eq);
          }
        } else {
          R(0) = Value::Boolean((l == r) == (op == Op::kEq));
        }
        pc = next;
        break;
      }
      case Op::kStrictEq:
        R(0) = Value::Boolean(StrictEquals(R(1), R(2)));
        pc = next;
        break;
      case Op::kStrictNe:
        R(0) = Value::Boolean(!StrictEquals(R(1), R(2)));
        pc = next;
        break;
      case Op::kNeg: {
        Value v = R(1);
        if (v.IsInt32() && v.AsInt32() != 0 && v.AsInt32() != INT32_MIN) {
          R(0) = Value::Int32(-v.AsInt32());
        } else if (v.IsNumber()) {
          R(0) = Value::Double(-v.AsNumber());
        } else {
          DISPATCH_SLOW(ArithSlow(task, *frame, Op::kMul, U(0), v, Value::Int32(-1), next));
          break;
        }
        pc = next;
        break;
      }
      case Op::kBitNot: {
        Value v = R(1);
        if (v.IsNumber()) {
          R(0) = Value::Int32(~NumberToInt32(v));
        } else {
          DISPATCH_SLOW(ArithSlow(task, *frame, Op::kBitXor, U(0), v, Value::Int32(-1), next));
          break;
        }
        pc = next;
        break;
      }
      case Op::kToNumber:
      case Op::kToNumeric: {
        Value v = R(1);
        if (v.IsNumber()) {
          R(0) = v;
          pc = next;
          break;
        }
        DISPATCH_SLOW(ToNumericSlow(task, *frame, U(0), v, next));
        break;
      }
      case Op::kNot:
        R(0) = Value::Boolean(!ToBoolean(R(1)));
        pc = next;
        break;
      case Op::kTypeOf:
        R(0) = Value::FromString(TypeOf(vm, R(1)));
        pc = next;
        break;
      case Op::kInc:
      case Op::kDec: {
        Value v = R(1);
        int32_t delta = op == Op::kInc ? 1 : -1;
        if (v.IsInt32()) {
          int64_t s = static_cast<int64_t>(v.AsInt32()) + delta;
          R(0) = (s >= INT32_MIN && s <= INT32_MAX) ? Value::Int32(static_cast<int32_t>(s))
                                                    : Value::Double(static_cast<double>(s));
        } else if (v.IsNumber()) {
          R(0) = Value::Number(v.AsNumber() + delta);
        } else {
          DISPATCH_SLOW(ArithSlow(task, *frame, Op::kAdd, U(0), v, Value::Int32(delta), next));
          break;
        }
        pc = next;
        break;
      }
      case Op::kToPropertyKey: {
        Value v = R(1);
        if (v.IsString() || v.IsSymbol() || v.IsNumber()) {
          R(0) = v;
          pc = next;
          break;
        }
        DISPATCH_SLOW(ToPropertyKeySlow(task, *frame, U(0), v, next));
        break;
      }
      case Op::kToString: {
        Value v = R(1);
        if (v.IsString()) {
          R(0) = v;
          pc = next;
          break;
        }
        DISPATCH_SLOW(ToStringSlow(task, *frame, U(0), v, next));
        break;
      }

      // ---- Control flow ----
      case Op::kJmp:
        pc = JUMP_TARGET(0);
        break;
      case Op::kJmpTrue:
        pc = ToBoolean(R(0)) ? JUMP_TARGET(1) : next;
        break;
      case Op::kJmpFalse:
        pc = ToBoolean(R(0)) ? next : JUMP_TARGET(1);
        break;
      case Op::kJmpNullish:
        pc = R(0).IsNullish() ? JUMP_TARGET(1) : next;
        break;
      case Op::kJmpNotNullish:
        pc = R(0).IsNullish() ? next : JUMP_TARGET(1);
        break;
      case Op::kJmpUndefined:
        pc = R(0).IsUndefined() ? JUMP_TARGET(1) : next;
        break;
      case Op::kJmpNotUndefined:
        pc = R(0).IsUndefined() ? next : JUMP_TARGET(1);
        break;
      case Op::kJmpStrictEq:
        pc = StrictEquals(R(0), R(1)) ? JUMP_TARGET(2) : next;
        break;
      case Op::kReturn: {
        Value v = R(0);
        Frame done = *frame;
        task.frames.pop_back();
        if (done.flags & Frame::kConstruct) {
          if (!v.IsObject()) v = done.this_value;
        }
        if (task.frames.empty()) {
          CompleteTask(task, TaskState::kCompleted, v);
          goto stop;
        }
        if (!(done.flags & Frame::kDiscardResult)) {
          task.registers[task.frames.back().base + done.return_reg] = v;
        }
        RELOAD();
        break;
      }
      case Op::kThrow:
        vm.Throw(R(0));
        THROW();
      case Op::kThrowError: {
        String* msg = K(1).AsString();
        ErrorKind kind = S(0) == 0   ? ErrorKind::kTypeError
                         : S(0) == 1 ? ErrorKind::kReferenceError
                         : S(0) == 2 ? ErrorKind::kSyntaxError
                                     : ErrorKind::kRangeError;
        vm.ThrowError(kind, ToUtf8(msg));
        THROW();
      }
      case Op::kThrowIfNotObject:
        if (!R(0).IsObject()) {
          vm.ThrowError(ErrorKind::kTypeError, ToUtf8(K(1).AsString()));
          THROW();
        }
        pc = next;
        break;
      case Op::kCatch:
        R(0) = task.handling_exception;
        task.handling_exception = Value::Undefined();
        pc = next;
        break;

      // ---- Calls ----
      case Op::kCall: {
        Value result;
        CallStatus s = CallValue(task, R(1), R(2), &regs[U(3)], U(4), U(0), 0, Value::Undefined(),
                                 next, &result);
        if (s == CallStatus::kPushed) {
          RELOAD();
        } else if (s == CallStatus::kDone) {
          if (ABSL_PREDICT_FALSE(task.done())) goto stop;
          R(0) = result;
          pc = next;
        } else {
          THROW();
        }
        break;
      }
      case Op::kCallSpread:
        DISPATCH_SLOW(CallSpreadSlow(task, *frame, U(0), R(1), R(2), R(3), false, next));
        break;
      case Op::kNew: {
        Value result;
        Value callee = R(1);
        CallStatus s = CallValue(task, callee, Value::Undefined(), &regs[U(2)], U(3), U(0),
                                 Frame::kConstruct, callee, next, &result);
        if (s == CallStatus::kPushed) {
          RELOAD();
        } else if (s == CallStatus::kDone) {
          if (ABSL_PREDICT_FALSE(task.done())) goto stop;
          R(0) = result;
          pc = next;
        } else {
          THROW();
        }
        break;
      }
      case Op::kNewSpread:
        DISPATCH_SLOW(CallSpreadSlow(task, *frame, U(0), R(1), Value::Undefined(), R(2), true, next));
        break;
      case Op::kSuperCall:
        DISPATCH_SLOW(SuperCallSlow(task, *frame, U(0), R(1), next));
        break;
      case Op::kCheckThisInit:
        if (R(0).IsEmpty()) {
          vm.ThrowError(ErrorKind::kReferenceError,
                        "Must call super constructor in derived class before accessing 'this' or "
                        "returning from derived constructor");
          THROW();
        }
        pc = next;
        break;

      // ---- Iteration ----
      case Op::kForInPrepare:
        DISPATCH_SLOW(ForInPrepareSlow(task, *frame, U(0), R(1)));
        break;
      case Op::kForInNext: {
        Value key;
        if (ForInStep(vm, R(1).AsObject(), &key)) {
          R(0) = key;
          pc = next;
        } else {
          pc = JUMP_TARGET(2);
        }
        break;
      }

      case Op::kDebugger:
      case Op::kNop:
        pc = next;
        break;
      case Op::kCount:
        vm.ThrowError(ErrorKind::kInternalError, "invalid bytecode");
        THROW();
    }
    continue;

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
      task.frames.pop_back();
    }
    if (!handled) {
      CompleteTask(task, TaskState::kThrew, exception);
      goto stop;
    }
    RELOAD();
    continue;
  }
  }
  // Out of steps: save the resume point.
  if (!task.frames.empty()) task.frames.back().pc = pc;
stop:
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
#undef RELOAD
}

}  // namespace ratchet::internal
