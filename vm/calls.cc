// Frames: pushing and popping them, native calls, stack traces.
#include "vm/calls.h"

#include <algorithm>

#include "absl/container/inlined_vector.h"
#include "absl/strings/str_cat.h"
#include "vm/code.h"
#include "vm/conversions.h"
#include "vm/generator.h"
#include "vm/interpreter.h"
#include "vm/realm.h"
#include "vm/string.h"
#include "vm/vm.h"

namespace ratchet::internal {

bool EnsureRegisters(Task& task, size_t needed) {
  if (task.registers.size() >= needed) return true;
  size_t old_size = task.registers.size();
  size_t new_size = std::max(needed, old_size + old_size / 2 + 64);
  if (!task.vm().heap().AccountExternal((new_size - old_size) * sizeof(Value))) return false;
  task.registers.resize(new_size, Value::Undefined());
  task.accounted_register_bytes += (new_size - old_size) * sizeof(Value);
  return true;
}

CallStatus PushFrame(Task& task, Closure* fn, Value this_value, const Value* args, uint32_t argc,
                     uint32_t return_reg, uint8_t flags, Value new_target, uint32_t resume_pc) {
  Vm& vm = task.vm();
  Code* code = fn->code;
  uint32_t caller_end = 0;
  if (!task.frames.empty()) {
    const Frame& top = task.frames.back();
    caller_end = top.base + top.code->num_registers;
  }
  uint32_t extra = argc > code->num_params ? argc - code->num_params : 0;
  uint32_t base = caller_end + extra;
  size_t needed = static_cast<size_t>(base) + code->num_registers;
  size_t stack_bytes = needed * sizeof(Value) + (task.frames.size() + 1) * sizeof(Frame);
  if (stack_bytes > vm.max_stack_bytes()) {
    vm.ThrowStackOverflow();
    return CallStatus::kThrow;
  }
  // Arguments may live in the register array, which may move when it
  // grows: re-derive the pointer from its offset. They always lie below
  // caller_end, so copying them up into the new window never overlaps.
  if (task.registers.size() < needed) {
    const Value* reg_begin = task.registers.data();
    bool in_registers = args >= reg_begin && args < reg_begin + task.registers.size();
    size_t offset = in_registers ? static_cast<size_t>(args - reg_begin) : 0;
    if (!EnsureRegisters(task, needed)) {
      vm.ThrowOutOfMemory();
      return CallStatus::kThrow;
    }
    if (in_registers) args = task.registers.data() + offset;
  }
  Value* regs = task.registers.data();
  if (extra > 0) {
    // Overflow arguments go just below the new window (for `arguments`).
    for (uint32_t j = 0; j < extra; ++j) regs[caller_end + j] = args[code->num_params + j];
  }
  for (uint32_t i = 0; i < code->num_params; ++i) {
    regs[base + i] = i < argc ? args[i] : Value::Undefined();
  }
  for (uint32_t i = code->num_params; i < code->num_registers; ++i) regs[base + i] = Value::Undefined();

  // OrdinaryCallBindThis for sloppy functions.
  if (!code->strict && code->code_kind != CodeKind::kArrow && !(flags & Frame::kConstruct)) {
    if (this_value.IsNullish()) {
      this_value = fn->realm->global_this;
    } else if (!this_value.IsObject()) {
      Object* wrapped = ToObject(vm, *fn->realm, this_value);
      if (wrapped == nullptr) return CallStatus::kThrow;
      this_value = Value::FromObject(wrapped);
    }
  }
  if (!task.frames.empty()) task.frames.back().pc = resume_pc;
  // Written in place: a Frame built on the stack and copied stalls on
  // store forwarding (a quarter of a call's time in fib).
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
  f.new_target = new_target;
  f.generator = nullptr;
  f.flags = flags;
  return CallStatus::kPushed;
}

namespace {

// The arguments as an array (what the self-hosted [[Call]]/[[Construct]]
// helpers take); null with out-of-memory thrown.
Object* ArgumentsArray(Vm& vm, Realm& realm, const Value* args, uint32_t argc) {
  Object* list = NewArray(vm, realm);
  for (uint32_t i = 0; list != nullptr && i < argc; ++i) {
    if (!ArrayPush(vm, list, args[i])) list = nullptr;
  }
  if (list == nullptr) vm.ThrowOutOfMemory();
  return list;
}

// Whether Get(newTarget, "prototype") may run user code.
bool PrototypeNeedsJs(Vm& vm, Value new_target) {
  if (!new_target.IsObject()) return false;
  OwnProperty prop;
  Object* holder;
  Object* proxy;
  bool found = LookupPropertyOrProxy(vm, new_target.AsObject(), PropertyKey(Value::FromString(vm.atoms().prototype)),
                                     &prop, &holder, &proxy);
  return proxy != nullptr || (found && (prop.attrs & kAccessorBit));
}

}  // namespace

namespace {

// The generator resume a native asked for (%GeneratorPrototype%.next).
CallStatus ResumeRequested(Task& task, uint32_t return_reg, uint8_t flags, uint32_t resume_pc) {
  Vm::ResumeRequest& rr = task.vm().resume_request();
  rr.pending = false;
  return ResumeGenerator(task, static_cast<GeneratorObject*>(rr.generator), static_cast<ResumeMode>(rr.mode),
                         rr.value, return_reg, flags, resume_pc);
}

// The tail call a native asked for, if any: what to call next.
bool TakeTailCall(Vm& vm, std::vector<Value>* args, Value* callee, Value* this_value, uint8_t* flags,
                  Value* new_target) {
  Vm::TailCall& tc = vm.tail_call();
  if (!tc.pending) return false;
  tc.pending = false;
  *args = std::move(tc.args);
  *callee = tc.function;
  *this_value = tc.this_value;
  if (!tc.new_target.IsUndefined()) {
    *flags |= Frame::kConstruct;
    *new_target = tc.new_target;
  } else {
    *flags &= ~Frame::kConstruct;
    *new_target = Value::Undefined();
  }
  return true;
}

}  // namespace

CallStatus FinishNativeRequest(Task& task, uint32_t return_reg, uint8_t flags, uint32_t resume_pc, Value* result) {
  Vm& vm = task.vm();
  if (vm.resume_request().pending) return ResumeRequested(task, return_reg, flags, resume_pc);
  std::vector<Value> args;
  Value callee, this_value, new_target;
  if (!TakeTailCall(vm, &args, &callee, &this_value, &flags, &new_target)) return CallStatus::kThrow;
  // CallValue loops over any further tail calls itself (no recursion here).
  return CallValue(task, callee, this_value, args.data(), static_cast<uint32_t>(args.size()), return_reg, flags,
                   new_target, resume_pc, result);
}

CallStatus CallValue(Task& task, Value callee, Value this_value, const Value* args, uint32_t argc,
                     uint32_t return_reg, uint8_t flags, Value new_target, uint32_t resume_pc,
                     Value* result) {
  Vm& vm = task.vm();
  std::vector<Value> owned;  // arguments after unwrapping bound functions
  bool prototype_needs_js = false;  // newTarget.prototype must be read by JavaScript
  for (int hops = 0;; ++hops) {
    if (!callee.IsObject() || !callee.AsObject()->is_callable()) {
      vm.ThrowError(ErrorKind::kTypeError, (flags & Frame::kConstruct)
                                               ? "value is not a constructor"
                                               : "value is not a function");
      return CallStatus::kThrow;
    }
    if ((flags & Frame::kConstruct) && !IsConstructor(callee)) {
      vm.ThrowError(ErrorKind::kTypeError, "value is not a constructor");
      return CallStatus::kThrow;
    }
    Object* fo = callee.AsObject();
    // GetPrototypeFromConstructor that runs user code (a proxy's get trap
    // or a getter): the self-hosted helper reads newTarget.prototype, then
    // constructs. (Closures check in their own lookup below.)
    if (!prototype_needs_js && (flags & Frame::kConstruct) && fo->cls == ObjectClass::kNative &&
        vm.construct_proto().IsEmpty()) {
      prototype_needs_js = PrototypeNeedsJs(vm, new_target);
    }
    if (prototype_needs_js) {
      prototype_needs_js = false;
      Realm* realm = vm.current_realm() != nullptr ? vm.current_realm() : task.realm();
      Object* list = ArgumentsArray(vm, *realm, args, argc);
      if (list == nullptr) return CallStatus::kThrow;
      owned = {callee, Value::FromObject(list), new_target};
      callee = realm->self_hosted_fn(SelfHosted::kConstructWithJsPrototype);
      flags &= ~Frame::kConstruct;
      new_target = Value::Undefined();
      this_value = Value::Undefined();
      args = owned.data();
      argc = 3;
      continue;
    }
    switch (fo->cls) {
      case ObjectClass::kClosure: {
        Closure* fn = static_cast<Closure*>(fo);
        if (fn->code->code_kind == CodeKind::kClassConstructor ||
            fn->code->code_kind == CodeKind::kDerivedConstructor) {
          if (!(flags & Frame::kConstruct)) {
            vm.ThrowError(ErrorKind::kTypeError, "Class constructor cannot be invoked without 'new'");
            return CallStatus::kThrow;
          }
        }
        if (flags & Frame::kConstruct) {
          if (fn->code->code_kind == CodeKind::kDerivedConstructor) {
            vm.construct_proto() = Value::Empty();
            this_value = Value::Empty();
            flags |= Frame::kDerived;
          } else {
            // OrdinaryCreateFromConstructor(newTarget, "%Object.prototype%").
            OwnProperty prop;
            Object* holder;
            Object* proxy = nullptr;
            Object* proto = fn->realm->intrinsic(Intrinsic::kObjectPrototype);
            Value computed = vm.construct_proto();
            vm.construct_proto() = Value::Empty();
            if (!computed.IsEmpty()) {
              if (computed.IsObject()) proto = computed.AsObject();
            } else if (new_target.IsObject() &&
                       LookupPropertyOrProxy(vm, new_target.AsObject(),
                                             PropertyKey(Value::FromString(vm.atoms().prototype)), &prop, &holder,
                                             &proxy)) {
              if (prop.attrs & kAccessorBit) {
                prototype_needs_js = true;
                continue;
              }
              if (prop.value.IsObject()) proto = prop.value.AsObject();
            } else if (proxy != nullptr) {
              prototype_needs_js = true;
              continue;
            }
            Object* obj = NewObject(vm, proto);
            if (obj == nullptr) {
              vm.ThrowOutOfMemory();
              return CallStatus::kThrow;
            }
            this_value = Value::FromObject(obj);
          }
        }
        return PushFrame(task, fn, this_value, args, argc, return_reg, flags, new_target, resume_pc);
      }
      case ObjectClass::kBound: {
        BoundFunction* b = static_cast<BoundFunction*>(fo);
        std::vector<Value> combined(b->args, b->args + b->argc);
        combined.insert(combined.end(), args, args + argc);
        owned = std::move(combined);
        args = owned.data();
        argc = static_cast<uint32_t>(owned.size());
        if (!(flags & Frame::kConstruct)) {
          this_value = b->bound_this;
        } else if (new_target == callee) {
          new_target = Value::FromObject(b->target);
        }
        callee = Value::FromObject(b->target);
        if (hops > 10000) {
          vm.ThrowStackOverflow();
          return CallStatus::kThrow;
        }
        continue;
      }
      case ObjectClass::kNative: {
        NativeFunction* nf = static_cast<NativeFunction*>(fo);
        Realm* saved = vm.current_realm();
        vm.set_current_realm(nf->realm);
        // The native gets its own copy of the arguments (it may write
        // them); on the C++ stack for the usual few.
        Value small[8];
        std::vector<Value> large;
        Value* arg_copy = small;
        if (argc > 8) {
          large.assign(args, args + argc);
          arg_copy = large.data();
        } else {
          std::copy(args, args + argc, small);
        }
        CallArgs call{this_value, arg_copy, argc,
                      (flags & Frame::kConstruct) ? new_target : Value::Undefined(), fo, &task};
        CallArgs* saved_args = vm.current_native_args();
        vm.set_current_native_args(&call);
        Value saved_proto = vm.native_construct_proto();
        vm.native_construct_proto() = vm.construct_proto();
        vm.construct_proto() = Value::Empty();
        Value r = nf->fn(vm, call);
        vm.native_construct_proto() = saved_proto;
        vm.set_current_native_args(saved_args);
        vm.set_current_realm(saved);
        if (r.IsEmpty()) {
          Vm::ResumeRequest& rr = vm.resume_request();
          if (rr.pending) return ResumeRequested(task, return_reg, flags, resume_pc);
          if (TakeTailCall(vm, &owned, &callee, &this_value, &flags, &new_target)) {
            args = owned.data();
            argc = static_cast<uint32_t>(owned.size());
            if (hops > 10000) {
              vm.ThrowStackOverflow();
              return CallStatus::kThrow;
            }
            continue;
          }
          return CallStatus::kThrow;
        }
        *result = r;
        return CallStatus::kDone;
      }
      case ObjectClass::kCallableProxy: {
        // 10.5.12 [[Call]] / 10.5.13 [[Construct]]: the self-hosted handler
        // gets the arguments as an array.
        Realm* realm = vm.current_realm() != nullptr ? vm.current_realm() : task.realm();
        Object* list = ArgumentsArray(vm, *realm, args, argc);
        if (list == nullptr) return CallStatus::kThrow;
        if (flags & Frame::kConstruct) {
          vm.construct_proto() = Value::Empty();
          owned = {callee, Value::FromObject(list), new_target};
          callee = realm->self_hosted_fn(SelfHosted::kProxyConstruct);
          flags &= ~Frame::kConstruct;
          new_target = Value::Undefined();
        } else {
          owned = {callee, this_value, Value::FromObject(list)};
          callee = realm->self_hosted_fn(SelfHosted::kProxyCall);
        }
        this_value = Value::Undefined();
        args = owned.data();
        argc = 3;
        if (hops > 10000) {
          vm.ThrowStackOverflow();
          return CallStatus::kThrow;
        }
        continue;
      }
      default:
        vm.ThrowError(ErrorKind::kTypeError, "value is not a function");
        return CallStatus::kThrow;
    }
  }
}

std::vector<StackEntry> CaptureStack(Task* task, size_t max_frames, Object* skip_through) {
  std::vector<StackEntry> out;
  size_t n = 0;
  // Frames of the self-hosted library are the engine's own builtins: they
  // are not shown (the user's frames around them are).
  Code* selfhost = task->vm().selfhost_code();
  const Source* builtin_source = selfhost != nullptr ? selfhost->source : nullptr;
  size_t top = task->frames.size();
  if (skip_through != nullptr) {
    // Error.captureStackTrace(o, fn): the frames below fn's topmost call
    // (none when fn is not running).
    size_t i = top;
    while (i > 0 && task->frames[i - 1].callee != skip_through) --i;
    top = i == 0 ? 0 : i - 1;
  }
  for (size_t i = top; i-- > 0 && n < max_frames;) {
    const Frame& f = task->frames[i];
    Code* code = f.code;
    if (builtin_source != nullptr && code->source == builtin_source) continue;
    ++n;
    uint32_t pc = (i + 1 == task->frames.size()) ? f.pc : (f.pc > 0 ? f.pc - 1 : 0);
    PositionEntry pos = code->PositionAt(pc);
    std::string file = code->source && code->source->name ? *code->source->name : "<anonymous>";
    std::string name = code->name && code->name->length > 0 ? ToUtf8(code->name) : "";
    if (code->code_kind == CodeKind::kScript || code->code_kind == CodeKind::kEval) name = "";
    out.push_back(StackEntry{std::move(name), std::move(file), pos.line, pos.column});
  }
  return out;
}

std::string FormatStackTraceBelow(Task* task, size_t max_frames, Object* skip_through) {
  std::string out;
  for (const StackEntry& e : CaptureStack(task, max_frames, skip_through)) {
    if (e.function.empty()) {
      absl::StrAppend(&out, "\n    at ", e.file, ":", e.line, ":", e.column);
    } else {
      absl::StrAppend(&out, "\n    at ", e.function, " (", e.file, ":", e.line, ":", e.column, ")");
    }
  }
  return out;
}

std::string FormatStackTrace(Task* task, size_t max_frames) {
  return FormatStackTraceBelow(task, max_frames, nullptr);
}

bool StartScript(Task& task, Code* code, Realm* realm) {
  Vm& vm = task.vm();
  Object* fn = NewClosure(vm, *realm, code, nullptr);
  if (fn == nullptr) {
    vm.ThrowOutOfMemory();
    return false;
  }
  return PushFrame(task, static_cast<Closure*>(fn), realm->global_this, nullptr, 0, 0,
                   Frame::kDiscardResult, Value::Undefined(), 0) == CallStatus::kPushed;
}

bool StartCall(Task& task, Value fn, Value this_value, const std::vector<Value>& args, Value new_target) {
  Value result;
  uint8_t flags = Frame::kDiscardResult;
  if (!new_target.IsUndefined()) flags |= Frame::kConstruct;
  CallStatus s = CallValue(task, fn, this_value, args.data(), static_cast<uint32_t>(args.size()), 0, flags,
                           new_target, 0, &result);
  if (s == CallStatus::kThrow) return false;
  if (s == CallStatus::kDone) {
    if (task.jobs.empty()) {
      CompleteTask(task, TaskState::kCompleted, result);
    } else {
      // A native that queued promise jobs (a resolving function): they run
      // in this task when it runs, then it completes with `result`.
      task.set_result(result);
      task.in_jobs = true;
    }
  }
  return true;
}

void CompleteTask(Task& task, TaskState state, Value v) {
  task.state_ = state;
  if (state == TaskState::kCompleted) task.result_ = v;
  if (state == TaskState::kThrew) task.exception_ = v;
  task.frames.clear();
}

Task::~Task() { vm_.heap().ReleaseExternal(accounted_register_bytes); }

void Task::Abort(AbortKind kind, std::string reason) {
  if (done()) return;
  frames.clear();
  jobs.clear();  // its microtasks die with it
  if (host_call != 0) vm_.EndHostCall(host_call);  // the host's answer, if it comes, is ignored
  state_ = TaskState::kAborted;
  abort_kind_ = kind;
  abort_reason_ = std::move(reason);
}

}  // namespace ratchet::internal
