// Out-of-line handler bodies for the interpreter. Each either finishes the
// instruction (kNext), throws (kThrow, exception pending), or pushes a frame
// whose result lands in the instruction's destination register (kFrame).
// After kFrame the Frame& argument may dangle: callers reload.
#ifndef RATCHET_VM_SLOW_PATHS_H_
#define RATCHET_VM_SLOW_PATHS_H_

#include <cstdint>

#include "vm/bytecode.h"
#include "vm/code.h"
#include "vm/realm.h"
#include "vm/task.h"
#include "vm/value.h"

namespace ratchet::internal {

class Vm;
struct String;

enum class SlowResult : uint8_t { kNext, kThrow, kFrame, kStop };
enum class GlobalDecl : uint8_t {
  kVar, kFunction, kLet, kConst, kEvalVar, kEvalFunction,
  kCheckFunction,  // CanDeclareGlobalFunction only (before any binding is made)
};

void ThrowTdzError(Vm& vm, String* name);

/// `map` (null: unmapped) as CreateMappedArguments's.
SlowResult CreateArgumentsObject(Task& task, Frame& frame, uint32_t dst, String* map);
SlowResult CreateRestArray(Task& task, Frame& frame, uint32_t dst, uint32_t first);

SlowResult LoadGlobal(Task& task, Frame& frame, uint32_t dst, String* name, bool throw_if_missing,
                      uint32_t next, InlineCache* ic = nullptr);
SlowResult StoreGlobal(Task& task, Frame& frame, Value v, String* name, uint32_t next, InlineCache* ic = nullptr);
SlowResult DeclareGlobal(Task& task, Frame& frame, String* name, GlobalDecl kind, Value v);

SlowResult GetNamedSlow(Task& task, Frame& frame, uint32_t dst, Value base, Value key,
                        InlineCache* ic, uint32_t next);
SlowResult SetNamedSlow(Task& task, Frame& frame, Value base, Value key, Value v, InlineCache* ic,
                        uint32_t next);
/// An array or string iterator of `realm` over `target` (kind: 0 keys,
/// 1 values, 2 entries), its state in an internal array [target, next
/// index, kind]; null when out of memory (nothing thrown).
Object* NewIteratorObject(Vm& vm, Realm& realm, Intrinsic proto, Value target, int32_t kind);
/// GetIterator dst, obj (the opcode's slow and fast paths).
SlowResult GetIteratorOp(Task& task, Frame& frame, uint32_t dst, Value obj, uint32_t next);
SlowResult GetKeyedSlow(Task& task, Frame& frame, uint32_t dst, Value base, Value key,
                        uint32_t next);
SlowResult SetKeyedSlow(Task& task, Frame& frame, Value base, Value key, Value v, uint32_t next);
SlowResult DefineKeyed(Task& task, Value obj, Value key, Value v);
SlowResult DefineAccessorProperty(Task& task, Value obj, Value key, Value fn, int32_t kind);
SlowResult DefineMethodProperty(Task& task, Value obj, Value key, Value fn);
SlowResult DeleteKeyedSlow(Task& task, Frame& frame, uint32_t dst, Value obj, Value key,
                           uint32_t next);
SlowResult InSlow(Task& task, Frame& frame, uint32_t dst, Value key, Value obj, uint32_t next);
SlowResult InstanceOfSlow(Task& task, Frame& frame, uint32_t dst, Value v, Value target,
                          uint32_t next);
SlowResult GetSuperSlow(Task& task, Frame& frame, uint32_t dst, Value key, Value this_value,
                        Value home, uint32_t next);
SlowResult SetSuperSlow(Task& task, Frame& frame, Value key, Value v, Value this_value, Value home,
                        uint32_t next);
SlowResult NewRegExpSlow(Task& task, Frame& frame, uint32_t dst, uint32_t k);
SlowResult GetTemplateObjectSlow(Task& task, Frame& frame, uint32_t dst, uint32_t k, uint32_t n);
SlowResult SetFunctionNameSlow(Task& task, Value fn, Value key, int32_t prefix);
SlowResult NewPrivateNameSlow(Task& task, uint32_t dst, Frame& frame, Value description);
SlowResult GetPrivateSlow(Task& task, Frame& frame, uint32_t dst, Value obj, Value key,
                          uint32_t next);
SlowResult SetPrivateSlow(Task& task, Frame& frame, Value obj, Value key, Value v, uint32_t next);
SlowResult DefinePrivateSlow(Task& task, Frame& frame, Value obj, Value key, const Value* values, int32_t kind,
                             uint32_t next);
SlowResult HasPrivateSlow(Task& task, Frame& frame, uint32_t dst, Value obj, Value key);
SlowResult DefineFieldSlow(Task& task, Frame& frame, Value obj, Value key, Value v, uint32_t next);

/// The task's last frame returned `v`: run the next pending job as a frame,
/// or complete the task.
SlowResult TaskStackEmpty(Task& task, Value v);
/// Pops the top frame, delivering `v` to its caller.
SlowResult PopFrameWithValue(Task& task, Value v);
SlowResult GeneratorCreateSlow(Task& task, uint32_t dst, uint32_t next);
SlowResult SuspendSlow(Task& task, uint32_t dst, Value v, bool is_await, uint32_t next);

SlowResult ArraySpreadAppend(Task& task, Value arr, Value src);
SlowResult CreateClassSlow(Task& task, Frame& frame, uint32_t dst, Value ctor, Value parent, Value parent_proto);

/// Arithmetic, bitwise and shift operators on two numbers.
Value ArithmeticOnNumbers(Op op, Value l, Value r);
SlowResult AddSlow(Task& task, Frame& frame, uint32_t dst, Value l, Value r, uint32_t next);
SlowResult ArithSlow(Task& task, Frame& frame, Op op, uint32_t dst, Value l, Value r,
                     uint32_t next);
SlowResult CompareSlow(Task& task, Frame& frame, Op op, uint32_t dst, Value l, Value r,
                       uint32_t next);
SlowResult LooseEqualsSlow(Task& task, Frame& frame, bool negate, uint32_t dst, Value l, Value r,
                           uint32_t next);
SlowResult ToNumericSlow(Task& task, Frame& frame, uint32_t dst, Value v, bool to_number, uint32_t next);
SlowResult UnarySlow(Task& task, Frame& frame, int kind, uint32_t dst, Value v, uint32_t next);
SlowResult ToPropertyKeySlow(Task& task, Frame& frame, uint32_t dst, Value v, uint32_t next);
SlowResult ToStringSlow(Task& task, Frame& frame, uint32_t dst, Value v, uint32_t next);

SlowResult CallSpreadSlow(Task& task, Frame& frame, uint32_t dst, Value callee, Value this_value,
                          Value args, bool construct, uint32_t next);
SlowResult CallEvalSlow(Task& task, Frame& frame, uint32_t dst, Value callee, uint32_t argv,
                        uint32_t argc, int32_t flags, uint32_t next);
SlowResult SuperCallSlow(Task& task, Frame& frame, uint32_t dst, Value args, Value active_fn,
                         Value new_target, uint32_t next);

SlowResult ForInPrepareSlow(Task& task, Frame& frame, uint32_t dst, Value obj, uint32_t next);
/// Next key of a for-in iterator still present on the object; false when done.
bool ForInStep(Vm& vm, Object* iter, Value* key);

}  // namespace ratchet::internal

#endif  // RATCHET_VM_SLOW_PATHS_H_
