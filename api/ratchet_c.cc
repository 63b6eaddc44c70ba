// The C API (api/ratchet_c.h) over the C++ API.
#include "api/ratchet_c.h"

#include <cstdlib>
#include <cstring>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "api/ratchet.h"

struct RatchetRuntime {
  ratchet::Runtime runtime;
};
struct RatchetRealm {
  std::unique_ptr<ratchet::Realm> realm;
};
struct RatchetTask {
  std::unique_ptr<ratchet::Task> task;
};
struct RatchetCompletion {
  ratchet::Completion c;
  std::string described;
};
struct RatchetHostCall {
  const std::vector<ratchet::HostValue>* args;
  ratchet::HostValue result;
  std::string error;
};
struct RatchetSettler {
  ratchet::HostCallSettler settler;
};
struct RatchetValue {
  ratchet::Value v;
};
struct RatchetValueCall {
  const ratchet::HostCallInfo* info;
  ratchet::Result<ratchet::Value> result;
};
struct RatchetWork {
  std::function<void()> work;
};

namespace {

RatchetCompletion* Wrap(ratchet::Completion c) {
  auto* out = new RatchetCompletion{std::move(c), ""};
  out->described = out->c.Describe();
  return out;
}

std::string_view Source(const char* source, size_t length) {
  return source == nullptr ? std::string_view() : std::string_view(source, length);
}

ratchet::EvalOptions Options(const char* file_name, uint64_t max_steps, uint64_t timeout_ms) {
  ratchet::EvalOptions o;
  if (file_name != nullptr) o.file_name = file_name;
  o.limits.max_steps = max_steps;
  o.limits.timeout_ms = timeout_ms;
  return o;
}

const ratchet::HostValue* Arg(const RatchetHostCall* call, size_t i) {
  return call != nullptr && i < call->args->size() ? &(*call->args)[i] : nullptr;
}

ratchet::HostValue Null() {
  ratchet::HostValue v;
  v.type = ratchet::HostValue::Type::kNull;
  return v;
}

RatchetValue* NewValue(ratchet::Value v) { return new RatchetValue{std::move(v)}; }

char* CopyString(const std::string& s) {
  char* out = static_cast<char*>(std::malloc(s.size() + 1));
  if (out != nullptr) std::memcpy(out, s.c_str(), s.size() + 1);
  return out;
}

RatchetCompletionKind Kind(ratchet::CompletionKind k) {
  return static_cast<RatchetCompletionKind>(static_cast<int>(k));
}

RatchetValue* FromResult(ratchet::Result<ratchet::Value> r) {
  return r.ok() ? NewValue(std::move(r).value()) : nullptr;
}

}  // namespace

extern "C" {

RatchetCompletionKind ratchet_completion_kind(const RatchetCompletion* c) { return Kind(c->c.kind); }
RatchetValue* ratchet_completion_value_handle(const RatchetCompletion* c) { return NewValue(c->c.value); }
const char* ratchet_completion_value(const RatchetCompletion* c) { return c->c.value_string.c_str(); }
const char* ratchet_completion_value_type(const RatchetCompletion* c) { return c->c.value_type.c_str(); }
const char* ratchet_completion_error_name(const RatchetCompletion* c) { return c->c.error_name.c_str(); }
const char* ratchet_completion_error_message(const RatchetCompletion* c) { return c->c.error_message.c_str(); }
const char* ratchet_completion_file(const RatchetCompletion* c) { return c->c.file.c_str(); }
uint32_t ratchet_completion_line(const RatchetCompletion* c) { return c->c.line; }
uint32_t ratchet_completion_column(const RatchetCompletion* c) { return c->c.column; }
const char* ratchet_completion_describe(const RatchetCompletion* c) { return c->described.c_str(); }
void ratchet_completion_free(RatchetCompletion* c) { delete c; }

void ratchet_free(char* s) { std::free(s); }

RatchetRuntime* ratchet_runtime_new(void) { return new RatchetRuntime(); }
void ratchet_runtime_free(RatchetRuntime* rt) { delete rt; }
void ratchet_runtime_set_memory_limit(RatchetRuntime* rt, size_t bytes) {
  rt->runtime.SetMemoryLimit(bytes);
}
void ratchet_runtime_set_max_stack_size(RatchetRuntime* rt, size_t bytes) { rt->runtime.SetMaxStackSize(bytes); }
void ratchet_runtime_set_interrupt_handler(RatchetRuntime* rt, int (*handler)(void* opaque), void* opaque) {
  if (handler == nullptr) {
    rt->runtime.SetInterruptHandler(nullptr);
    return;
  }
  rt->runtime.SetInterruptHandler([handler, opaque] { return handler(opaque) != 0; });
}
void ratchet_runtime_set_print_handler(RatchetRuntime* rt, void (*handler)(void* opaque, const char* line),
                                       void* opaque) {
  if (handler == nullptr) {
    rt->runtime.SetPrintHandler(nullptr);
    return;
  }
  rt->runtime.SetPrintHandler([handler, opaque](const std::string& line) { handler(opaque, line.c_str()); });
}
void ratchet_runtime_run_gc(RatchetRuntime* rt) { rt->runtime.RunGC(); }
size_t ratchet_runtime_memory_used(const RatchetRuntime* rt) { return rt->runtime.MemoryUsed(); }
char* ratchet_runtime_dump_memory_usage(const RatchetRuntime* rt) { return CopyString(rt->runtime.DumpMemoryUsage()); }

RatchetRealm* ratchet_realm_new(RatchetRuntime* rt) {
  std::unique_ptr<ratchet::Realm> realm = rt->runtime.NewRealm();
  return realm == nullptr ? nullptr : new RatchetRealm{std::move(realm)};
}
void ratchet_realm_free(RatchetRealm* realm) { delete realm; }
RatchetRealm* ratchet_realm_new_with_hooks(RatchetRuntime* rt, double (*random)(void* opaque),
                                           double (*now)(void* opaque), void* opaque) {
  ratchet::RealmOptions options;
  if (random != nullptr) options.random = [random, opaque] { return random(opaque); };
  if (now != nullptr) options.now = [now, opaque] { return now(opaque); };
  std::unique_ptr<ratchet::Realm> realm = rt->runtime.NewRealm(options);
  return realm == nullptr ? nullptr : new RatchetRealm{std::move(realm)};
}
RatchetCompletion* ratchet_eval_expression_sync(RatchetRealm* realm, const char* source, size_t length,
                                                const char* file_name, uint64_t max_steps, uint64_t timeout_ms) {
  return Wrap(
      realm->realm->EvaluateExpressionSync(Source(source, length), Options(file_name, max_steps, timeout_ms)));
}

RatchetCompletion* ratchet_eval_script_sync(RatchetRealm* realm, const char* source, size_t length,
                                            const char* file_name, uint64_t max_steps, uint64_t timeout_ms) {
  return Wrap(realm->realm->EvaluateScriptSync(Source(source, length), Options(file_name, max_steps, timeout_ms)));
}
RatchetCompletion* ratchet_eval_module_sync(RatchetRealm* realm, const char* source, size_t length,
                                            const char* file_name, uint64_t max_steps, uint64_t timeout_ms) {
  return Wrap(realm->realm->EvaluateModuleSync(Source(source, length), Options(file_name, max_steps, timeout_ms)));
}

RatchetTask* ratchet_task_new_script(RatchetRealm* realm, const char* source, size_t length, const char* file_name) {
  return new RatchetTask{realm->realm->NewScriptTask(Source(source, length), Options(file_name, 0, 0))};
}
void ratchet_task_free(RatchetTask* task) { delete task; }
int ratchet_task_step(RatchetTask* task) { return task->task->Step() ? 1 : 0; }
uint64_t ratchet_task_run(RatchetTask* task, uint64_t max_steps) { return task->task->Run(max_steps); }
int ratchet_task_done(const RatchetTask* task) { return task->task->done() ? 1 : 0; }
int ratchet_task_waiting(const RatchetTask* task) { return task->task->waiting() ? 1 : 0; }
uint64_t ratchet_task_steps(const RatchetTask* task) { return task->task->steps(); }
void ratchet_task_abort(RatchetTask* task, const char* reason) { task->task->Abort(reason == nullptr ? "" : reason); }
RatchetCompletion* ratchet_task_completion(const RatchetTask* task) { return Wrap(task->task->completion()); }

size_t ratchet_call_argc(const RatchetHostCall* call) { return call->args->size(); }
RatchetValueType ratchet_call_arg_type(const RatchetHostCall* call, size_t i) {
  const ratchet::HostValue* v = Arg(call, i);
  return v == nullptr ? RATCHET_UNDEFINED : static_cast<RatchetValueType>(static_cast<int>(v->type));
}
double ratchet_call_arg_number(const RatchetHostCall* call, size_t i) {
  const ratchet::HostValue* v = Arg(call, i);
  return v == nullptr ? 0 : v->number;
}
int ratchet_call_arg_boolean(const RatchetHostCall* call, size_t i) {
  const ratchet::HostValue* v = Arg(call, i);
  return v != nullptr && v->boolean ? 1 : 0;
}
const char* ratchet_call_arg_string(const RatchetHostCall* call, size_t i) {
  const ratchet::HostValue* v = Arg(call, i);
  return v == nullptr ? "" : v->string.c_str();
}
void ratchet_call_return_undefined(RatchetHostCall* call) { call->result = ratchet::HostValue::Undefined(); }
void ratchet_call_return_null(RatchetHostCall* call) { call->result = Null(); }
void ratchet_call_return_boolean(RatchetHostCall* call, int b) { call->result = ratchet::HostValue::Boolean(b != 0); }
void ratchet_call_return_number(RatchetHostCall* call, double d) { call->result = ratchet::HostValue::Number(d); }
void ratchet_call_return_string(RatchetHostCall* call, const char* s) {
  call->result = ratchet::HostValue::String(s == nullptr ? "" : s);
}
void ratchet_call_throw(RatchetHostCall* call, const char* message) {
  call->error = message == nullptr || message[0] == '\0' ? "host function failed" : message;
}

int ratchet_realm_define_function(RatchetRealm* realm, const char* name, RatchetHostFunction fn, void* opaque) {
  return realm->realm->DefineHostFunction(
             name, [fn, opaque](const std::vector<ratchet::HostValue>& args, std::string* error) {
               RatchetHostCall call{&args, ratchet::HostValue::Undefined(), ""};
               fn(opaque, &call);
               if (!call.error.empty()) *error = call.error;
               return call.result;
             })
             ? 1
             : 0;
}

int ratchet_realm_define_async_function(RatchetRealm* realm, const char* name, RatchetAsyncHostFunction fn,
                                        void* opaque) {
  return realm->realm->DefineAsyncHostFunction(
             name,
             [fn, opaque](const std::vector<ratchet::HostValue>& args, ratchet::HostCallSettler settle) {
               RatchetHostCall call{&args, ratchet::HostValue::Undefined(), ""};
               fn(opaque, &call, new RatchetSettler{settle});
             })
             ? 1
             : 0;
}

void ratchet_settler_resolve_number(const RatchetSettler* s, double d) {
  s->settler.Resolve(ratchet::HostValue::Number(d));
}
void ratchet_settler_resolve_string(const RatchetSettler* s, const char* str) {
  s->settler.Resolve(ratchet::HostValue::String(str == nullptr ? "" : str));
}
void ratchet_settler_resolve_boolean(const RatchetSettler* s, int b) {
  s->settler.Resolve(ratchet::HostValue::Boolean(b != 0));
}
void ratchet_settler_resolve_undefined(const RatchetSettler* s) { s->settler.Resolve(ratchet::HostValue::Undefined()); }
void ratchet_settler_reject(const RatchetSettler* s, const char* message) {
  s->settler.Reject(message == nullptr || message[0] == '\0' ? "host function failed" : message);
}
int ratchet_settler_pending(const RatchetSettler* s) { return s->settler.pending() ? 1 : 0; }
void ratchet_settler_free(RatchetSettler* s) { delete s; }

void ratchet_value_free(RatchetValue* v) { delete v; }
RatchetValue* ratchet_value_dup(const RatchetValue* v) { return NewValue(v->v); }
RatchetValueType ratchet_value_type(const RatchetValue* v) {
  switch (v->v.type()) {
    case ratchet::Value::Type::kUndefined: return RATCHET_UNDEFINED;
    case ratchet::Value::Type::kNull: return RATCHET_NULL;
    case ratchet::Value::Type::kBoolean: return RATCHET_BOOLEAN;
    case ratchet::Value::Type::kNumber: return RATCHET_NUMBER;
    case ratchet::Value::Type::kString: return RATCHET_STRING;
    case ratchet::Value::Type::kSymbol: return RATCHET_SYMBOL;
    case ratchet::Value::Type::kBigInt: return RATCHET_BIGINT;
    case ratchet::Value::Type::kObject: return RATCHET_OBJECT;
  }
  return RATCHET_UNDEFINED;
}
int ratchet_value_is_array(const RatchetValue* v) { return v->v.IsArray() ? 1 : 0; }
int ratchet_value_is_function(const RatchetValue* v) { return v->v.IsFunction() ? 1 : 0; }
int ratchet_value_is_promise(const RatchetValue* v) { return v->v.IsPromise() ? 1 : 0; }
int ratchet_value_is_error(const RatchetValue* v) { return v->v.IsError() ? 1 : 0; }
double ratchet_value_number(const RatchetValue* v) { return v->v.AsNumber(); }
int ratchet_value_boolean(const RatchetValue* v) { return v->v.AsBoolean() ? 1 : 0; }
char* ratchet_value_to_string(const RatchetValue* v) { return CopyString(v->v.ToString()); }
char* ratchet_value_dump(const RatchetValue* v) { return CopyString(v->v.Dump()); }
RatchetValue* ratchet_value_undefined(void) { return NewValue(ratchet::Value()); }
RatchetValue* ratchet_value_null(void) { return NewValue(ratchet::Value::Null()); }
RatchetValue* ratchet_value_new_number(double d) { return NewValue(ratchet::Value::Number(d)); }
RatchetValue* ratchet_value_new_boolean(int b) { return NewValue(ratchet::Value::Boolean(b != 0)); }
RatchetValue* ratchet_realm_global(RatchetRealm* realm) { return NewValue(realm->realm->Global()); }
RatchetValue* ratchet_realm_new_string(RatchetRealm* realm, const char* utf8, size_t length) {
  return FromResult(realm->realm->NewString(Source(utf8, length)));
}
RatchetValue* ratchet_realm_new_object(RatchetRealm* realm) { return FromResult(realm->realm->NewObject()); }
RatchetValue* ratchet_realm_parse_json(RatchetRealm* realm, const char* json, size_t length) {
  return FromResult(realm->realm->ParseJson(Source(json, length)));
}
RatchetCompletionKind ratchet_value_get(const RatchetValue* object, const char* key, RatchetValue** out) {
  ratchet::Result<ratchet::Value> r = object->v.Get(key == nullptr ? "" : key);
  if (!r.ok()) return Kind(r.status().kind());
  *out = NewValue(std::move(r).value());
  return RATCHET_NORMAL;
}
RatchetCompletionKind ratchet_value_set(const RatchetValue* object, const char* key, const RatchetValue* value) {
  return Kind(object->v.Set(key == nullptr ? "" : key, value->v).kind());
}
RatchetCompletion* ratchet_realm_call_sync(RatchetRealm* realm, const RatchetValue* fn, const RatchetValue* this_value,
                                           size_t argc, const RatchetValue* const* argv, uint64_t max_steps,
                                           uint64_t timeout_ms) {
  std::vector<ratchet::Value> args;
  for (size_t i = 0; i < argc; ++i) args.push_back(argv[i]->v);
  return Wrap(realm->realm->CallSync(fn->v, this_value == nullptr ? ratchet::Value() : this_value->v, args,
                                     Options(nullptr, max_steps, timeout_ms)));
}

RatchetCompletion* ratchet_realm_construct_sync(RatchetRealm* realm, const RatchetValue* fn, size_t argc,
                                                const RatchetValue* const* argv, uint64_t max_steps,
                                                uint64_t timeout_ms) {
  std::vector<ratchet::Value> args;
  for (size_t i = 0; i < argc; ++i) args.push_back(argv[i]->v);
  return Wrap(realm->realm->ConstructSync(fn->v, args, Options(nullptr, max_steps, timeout_ms)));
}

size_t ratchet_vcall_argc(const RatchetValueCall* call) { return call->info->args.size(); }
RatchetValue* ratchet_vcall_arg(const RatchetValueCall* call, size_t i) { return NewValue(call->info->arg(i)); }
RatchetValue* ratchet_vcall_this(const RatchetValueCall* call) { return NewValue(call->info->this_value); }
void ratchet_vcall_return(RatchetValueCall* call, const RatchetValue* v) {
  call->result = v == nullptr ? ratchet::Value() : v->v;
}
void ratchet_vcall_throw(RatchetValueCall* call, const char* error_name, const char* message) {
  call->result = ratchet::Status::Throw(error_name == nullptr ? "Error" : error_name, message == nullptr ? "" : message);
}
RatchetValue* ratchet_realm_new_function(RatchetRealm* realm, const char* name, RatchetValueFunction fn, void* opaque,
                                         int length) {
  return FromResult(realm->realm->NewFunction(
      name == nullptr ? "" : name,
      [fn, opaque](const ratchet::HostCallInfo& info) -> ratchet::Result<ratchet::Value> {
        RatchetValueCall call{&info, ratchet::Value()};
        fn(opaque, &call);
        return call.result;
      },
      length));
}

int ratchet_realm_install_timers(RatchetRealm* realm, RatchetExecutor executor, void* opaque, uint64_t max_steps) {
  ratchet::Executor post = [executor, opaque](std::function<void()> work, std::chrono::milliseconds delay) {
    executor(opaque, new RatchetWork{std::move(work)}, static_cast<uint64_t>(delay.count()));
  };
  ratchet::TaskRunner runner = [max_steps](const std::shared_ptr<ratchet::Task>& task) {
    ratchet::RunLimits limits;
    limits.max_steps = max_steps;
    task->RunToCompletion(limits);
  };
  return realm->realm->InstallTimers(std::move(post), std::move(runner)) ? 1 : 0;
}
void ratchet_work_run(RatchetWork* work) {
  if (work != nullptr && work->work) work->work();
}
void ratchet_work_free(RatchetWork* work) { delete work; }

}  // extern "C"
