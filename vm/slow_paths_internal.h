// Helpers shared by the slow paths' files (vm/slow_paths*.cc): register
// access and calls whose outcome becomes a SlowResult. Private to vm/.
#ifndef RATCHET_VM_SLOW_PATHS_INTERNAL_H_
#define RATCHET_VM_SLOW_PATHS_INTERNAL_H_

#include <initializer_list>
#include <string_view>
#include <vector>

#include "vm/calls.h"
#include "vm/interpreter.h"
#include "vm/realm.h"
#include "vm/slow_paths.h"
#include "vm/vm.h"

namespace ratchet::internal::slow {


inline Value& Reg(Task& task, Frame& frame, uint32_t r) { return task.registers[frame.base + r]; }

inline SlowResult FromCall(Task& task, Frame& frame, CallStatus s, uint32_t dst, Value result,
                    bool discard = false) {
  switch (s) {
    case CallStatus::kPushed:
      return SlowResult::kFrame;
    case CallStatus::kThrow:
      return SlowResult::kThrow;
    case CallStatus::kDone:
      if (task.done()) return SlowResult::kStop;
      if (!discard) Reg(task, frame, dst) = result;
      return SlowResult::kNext;
  }
  return SlowResult::kThrow;
}

// Calls a self-hosted helper; its result lands in `dst`.
inline SlowResult CallHelper(Task& task, Frame& frame, SelfHosted id, std::initializer_list<Value> args,
                      uint32_t dst, uint32_t next) {
  Value fn = frame.realm->self_hosted_fn(id);
  std::vector<Value> a(args);
  Value result;
  CallStatus s = CallValue(task, fn, Value::Undefined(), a.data(), static_cast<uint32_t>(a.size()),
                           dst, 0, Value::Undefined(), next, &result);
  return FromCall(task, frame, s, dst, result);
}

// Runs a getter (result to dst) or a setter (result dropped).
inline SlowResult CallAccessor(Task& task, Frame& frame, Value fn, Value receiver, const Value* args,
                        uint32_t argc, uint32_t dst, bool is_setter, uint32_t next) {
  Value result;
  CallStatus s = CallValue(task, fn, receiver, args, argc, dst,
                           is_setter ? Frame::kDiscardResult : 0, Value::Undefined(), next, &result);
  return FromCall(task, frame, s, dst, result, is_setter);
}

inline SlowResult OutOfMemory(Vm& vm) {
  vm.ThrowOutOfMemory();
  return SlowResult::kThrow;
}

inline SlowResult TypeError(Vm& vm, std::string_view msg) {
  vm.ThrowError(ErrorKind::kTypeError, msg);
  return SlowResult::kThrow;
}


}  // namespace ratchet::internal::slow

#endif  // RATCHET_VM_SLOW_PATHS_INTERNAL_H_
