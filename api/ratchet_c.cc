// The C API (api/ratchet_c.h) over the C++ API.
#include "api/ratchet_c.h"

#include <cstdlib>
#include <cstring>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "api/ratchet.h"
#include "api/runners.h"

struct RatchetRuntime {
  ratchet::Runtime runtime;
  // Alive as long as the runtime's heap can be used: held here and by the
  // normalizer that each module-loader setter below installs (the heap
  // keeps its hooks while any realm or task of it lives, and only these
  // setters change the normalizer, always for one holding this). An
  // asynchronous load answered once it is gone does nothing: the C++
  // ModuleLoadDone must not be called after the runtime is destroyed.
  std::shared_ptr<int> alive = std::make_shared<int>(0);
};
struct RatchetRealm {
  std::unique_ptr<ratchet::Realm> realm;
};
struct RatchetTask {
  std::shared_ptr<ratchet::Task> task;  // shared with its runner (asynchronous evaluations)
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
  ratchet::Realm* realm;  // the function's (alive during the call)
};
struct RatchetWork {
  std::function<void()> work;
};
struct RatchetModuleAnswer {
  enum class State { kNone, kText, kHost, kError };
  bool for_normalizer = false;  // a name is the answer, else a module
  State state = State::kNone;
  std::string text;  // the source, the name or the error message
  ratchet::HostModule host;
};
struct RatchetModuleLoad {
  std::string name;
  ratchet::ModuleLoadDone done;
  std::weak_ptr<int> alive;  // RatchetRuntime::alive
  bool answered = false;
};
struct RatchetHostModule {
  ratchet::HostModule module;
};
struct RatchetImportMeta {
  std::vector<std::pair<std::string, ratchet::HostValue>>* properties;
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

// A handle argument: NULL reads as undefined.
const ratchet::Value& V(const RatchetValue* v) {
  static const ratchet::Value* const kUndefined = new ratchet::Value();
  return v == nullptr ? *kUndefined : v->v;
}

std::vector<ratchet::Value> Values(size_t count, const RatchetValue* const* values) {
  std::vector<ratchet::Value> out;
  for (size_t i = 0; values != nullptr && i < count; ++i) out.push_back(V(values[i]));
  return out;
}

// Writes a new handle to *out (when out is not NULL) on success.
RatchetCompletionKind Out(ratchet::Result<ratchet::Value> r, RatchetValue** out) {
  if (!r.ok()) return Kind(r.status().kind());
  if (out != nullptr) *out = NewValue(std::move(r).value());
  return RATCHET_NORMAL;
}

// *out = a malloc'd array of new handles (NULL for none), as
// ratchet_values_free frees; false when malloc fails.
bool HandleArray(const std::vector<ratchet::Value>& values, RatchetValue*** out) {
  *out = nullptr;
  if (values.empty()) return true;
  *out = static_cast<RatchetValue**>(std::malloc(values.size() * sizeof(RatchetValue*)));
  if (*out == nullptr) return false;
  for (size_t i = 0; i < values.size(); ++i) (*out)[i] = NewValue(values[i]);
  return true;
}

void FreeHandleArray(RatchetValue** values, size_t count) {
  for (size_t i = 0; values != nullptr && i < count; ++i) delete values[i];
  std::free(values);
}

// The host's loop, as an Executor: each work item becomes a RatchetWork.
ratchet::Executor CExecutor(RatchetExecutor executor, void* opaque) {
  return [executor, opaque](std::function<void()> work, std::chrono::milliseconds delay) {
    executor(opaque, new RatchetWork{std::move(work)}, static_cast<uint64_t>(delay.count()));
  };
}

ratchet::HostCallback ValueCallback(ratchet::Realm* realm, RatchetValueFunction fn, void* opaque) {
  return [realm, fn, opaque](const ratchet::HostCallInfo& info) -> ratchet::Result<ratchet::Value> {
    RatchetValueCall call{&info, ratchet::Value(), realm};
    fn(opaque, &call);
    return call.result;
  };
}

// The options of an asynchronous evaluation or call: the time-sharing
// runner posting its slices through the host's executor.
ratchet::EvalOptions TimeSharingOptions(const char* file_name, const RatchetTimeSharing* options,
                                        RatchetExecutor executor, void* executor_opaque) {
  ratchet::TimeSharingOptions sharing;
  if (options != nullptr) {
    if (options->operations_per_iteration != 0) sharing.operations_per_iteration = options->operations_per_iteration;
    sharing.yield_time = std::chrono::milliseconds(options->yield_time_ms);
    sharing.max_run_time = std::chrono::milliseconds(options->max_run_time_ms);
    sharing.max_task_time = std::chrono::milliseconds(options->max_task_time_ms);
  }
  ratchet::EvalOptions o = Options(file_name, 0, 0);
  o.run_task = ratchet::TimeSharingRunner(sharing, CExecutor(executor, executor_opaque));
  return o;
}

// The handle of an asynchronous evaluation's task, `on_done` attached (it
// runs now when the first slice finished the task).
RatchetTask* Track(std::shared_ptr<ratchet::Task> task, RatchetDoneCallback on_done, void* done_opaque) {
  if (on_done != nullptr) {
    task->OnDone([on_done, done_opaque](const ratchet::Completion& c) { on_done(done_opaque, Wrap(c)); });
  }
  return new RatchetTask{std::move(task)};
}

ratchet::HostFunction CHostFunction(RatchetHostFunction fn, void* opaque) {
  return [fn, opaque](const std::vector<ratchet::HostValue>& args, std::string* error) {
    RatchetHostCall call{&args, ratchet::HostValue::Undefined(), ""};
    fn(opaque, &call);
    if (!call.error.empty()) *error = call.error;
    return call.result;
  };
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
  return realm->realm->DefineHostFunction(name, CHostFunction(fn, opaque)) ? 1 : 0;
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
RatchetValue* ratchet_value_dup(const RatchetValue* v) { return NewValue(V(v)); }
RatchetValueType ratchet_value_type(const RatchetValue* v) {
  switch (V(v).type()) {
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
int ratchet_value_is_array(const RatchetValue* v) { return V(v).IsArray() ? 1 : 0; }
int ratchet_value_is_function(const RatchetValue* v) { return V(v).IsFunction() ? 1 : 0; }
int ratchet_value_is_promise(const RatchetValue* v) { return V(v).IsPromise() ? 1 : 0; }
int ratchet_value_is_error(const RatchetValue* v) { return V(v).IsError() ? 1 : 0; }
double ratchet_value_number(const RatchetValue* v) { return V(v).AsNumber(); }
int ratchet_value_boolean(const RatchetValue* v) { return V(v).AsBoolean() ? 1 : 0; }
char* ratchet_value_to_string(const RatchetValue* v) { return CopyString(V(v).ToString()); }
char* ratchet_value_dump(const RatchetValue* v) { return CopyString(V(v).Dump()); }
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
RatchetCompletionKind ratchet_realm_from_json(RatchetRealm* realm, const char* json, size_t length,
                                              RatchetHostConversion conversion, RatchetValue** out, char** error) {
  if (out != nullptr) *out = nullptr;
  if (error != nullptr) *error = nullptr;
  ratchet::HostData data;
  std::string message;
  if (!ratchet::HostData::FromJson(Source(json, length), &data, &message)) {
    if (error != nullptr) *error = CopyString(message);
    return RATCHET_JS_EXCEPTION;
  }
  ratchet::HostConversion how = conversion == RATCHET_COPY          ? ratchet::HostConversion::kCopy
                                : conversion == RATCHET_FROZEN_COPY ? ratchet::HostConversion::kFrozenCopy
                                                                    : ratchet::HostConversion::kReadOnlyView;
  ratchet::Result<ratchet::Value> r =
      how == ratchet::HostConversion::kReadOnlyView
          ? realm->realm->FromHost(std::make_shared<const ratchet::HostData>(std::move(data)), how)
          : realm->realm->FromHost(data, how);
  if (!r.ok() && error != nullptr) *error = CopyString(r.status().ToString());
  return Out(std::move(r), out);
}
RatchetCompletionKind ratchet_value_to_json(const RatchetValue* v, int max_depth, char** json, size_t* length) {
  if (json != nullptr) *json = nullptr;
  ratchet::Result<ratchet::HostData> r = V(v).ToHost(max_depth);
  if (!r.ok()) return Kind(r.status().kind());
  std::string text = r->ToJson();
  if (length != nullptr) *length = text.size();
  if (json != nullptr) *json = CopyString(text);
  return RATCHET_NORMAL;
}
RatchetCompletionKind ratchet_value_get(const RatchetValue* object, const char* key, RatchetValue** out) {
  return Out(V(object).Get(key == nullptr ? "" : key), out);
}
RatchetCompletionKind ratchet_value_set(const RatchetValue* object, const char* key, const RatchetValue* value) {
  return Kind(V(object).Set(key == nullptr ? "" : key, V(value)).kind());
}
RatchetCompletion* ratchet_realm_call_sync(RatchetRealm* realm, const RatchetValue* fn, const RatchetValue* this_value,
                                           size_t argc, const RatchetValue* const* argv, uint64_t max_steps,
                                           uint64_t timeout_ms) {
  return Wrap(realm->realm->CallSync(V(fn), V(this_value), Values(argc, argv), Options(nullptr, max_steps, timeout_ms)));
}

RatchetCompletion* ratchet_realm_construct_sync(RatchetRealm* realm, const RatchetValue* fn, size_t argc,
                                                const RatchetValue* const* argv, uint64_t max_steps,
                                                uint64_t timeout_ms) {
  return Wrap(realm->realm->ConstructSync(V(fn), Values(argc, argv), Options(nullptr, max_steps, timeout_ms)));
}

size_t ratchet_vcall_argc(const RatchetValueCall* call) { return call->info->args.size(); }
RatchetValue* ratchet_vcall_arg(const RatchetValueCall* call, size_t i) { return NewValue(call->info->arg(i)); }
RatchetValue* ratchet_vcall_this(const RatchetValueCall* call) { return NewValue(call->info->this_value); }
void ratchet_vcall_return(RatchetValueCall* call, const RatchetValue* v) { call->result = V(v); }
void ratchet_vcall_throw(RatchetValueCall* call, const char* error_name, const char* message) {
  call->result = ratchet::Status::Throw(error_name == nullptr ? "Error" : error_name, message == nullptr ? "" : message);
}
RatchetValue* ratchet_realm_new_function(RatchetRealm* realm, const char* name, RatchetValueFunction fn, void* opaque,
                                         int length) {
  if (realm == nullptr || fn == nullptr) return nullptr;
  return FromResult(
      realm->realm->NewFunction(name == nullptr ? "" : name, ValueCallback(realm->realm.get(), fn, opaque), length));
}

int ratchet_realm_install_timers(RatchetRealm* realm, RatchetExecutor executor, void* opaque, uint64_t max_steps) {
  ratchet::Executor post = CExecutor(executor, opaque);
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


// ---- More values ----

int ratchet_value_is_array_buffer(const RatchetValue* v) { return V(v).IsArrayBuffer() ? 1 : 0; }
int ratchet_value_is_typed_array(const RatchetValue* v) { return V(v).IsTypedArray() ? 1 : 0; }
int ratchet_value_is_map(const RatchetValue* v) { return V(v).IsMap() ? 1 : 0; }
int ratchet_value_is_set(const RatchetValue* v) { return V(v).IsSet() ? 1 : 0; }
int ratchet_value_alive(const RatchetValue* v) { return V(v).alive() ? 1 : 0; }
int ratchet_value_strict_equals(const RatchetValue* a, const RatchetValue* b) {
  return V(a).StrictEquals(V(b)) ? 1 : 0;
}
char* ratchet_value_string(const RatchetValue* v, size_t* length) {
  if (!V(v).IsString()) return nullptr;
  std::string s = V(v).AsString();
  if (length != nullptr) *length = s.size();
  return CopyString(s);
}

RatchetValue* ratchet_realm_new_array(RatchetRealm* realm, size_t count, const RatchetValue* const* elements) {
  if (realm == nullptr) return nullptr;
  return FromResult(realm->realm->NewArray(Values(count, elements)));
}
RatchetValue* ratchet_realm_new_error(RatchetRealm* realm, const char* error_name, const char* message) {
  if (realm == nullptr) return nullptr;
  return FromResult(realm->realm->NewError(error_name == nullptr ? "Error" : error_name, message == nullptr ? "" : message));
}
RatchetValue* ratchet_realm_new_symbol(RatchetRealm* realm, const char* description) {
  if (realm == nullptr) return nullptr;
  return FromResult(realm->realm->NewSymbol(description == nullptr ? "" : description));
}
RatchetValue* ratchet_realm_new_bigint(RatchetRealm* realm, const char* decimal) {
  if (realm == nullptr) return nullptr;
  return FromResult(realm->realm->NewBigInt(decimal == nullptr ? "" : decimal));
}

RatchetCompletionKind ratchet_value_get_index(const RatchetValue* object, uint32_t index, RatchetValue** out) {
  return Out(V(object).Get(index), out);
}
RatchetCompletionKind ratchet_value_set_index(const RatchetValue* object, uint32_t index, const RatchetValue* value) {
  return Kind(V(object).Set(index, V(value)).kind());
}
RatchetCompletionKind ratchet_value_length(const RatchetValue* object, uint64_t* out) {
  ratchet::Result<ratchet::Value> r = V(object).Get("length");
  if (!r.ok()) return Kind(r.status().kind());
  if (!r->IsNumber()) return RATCHET_JS_EXCEPTION;
  double d = r->AsNumber();
  // (ToLength, clamped to what a uint64_t holds.)
  uint64_t n = !(d > 0) ? 0 : d >= 18446744073709551615.0 ? UINT64_MAX : static_cast<uint64_t>(d);
  if (out != nullptr) *out = n;
  return RATCHET_NORMAL;
}

RatchetCompletionKind ratchet_value_keys(const RatchetValue* object, char*** keys, size_t* count) {
  ratchet::Result<std::vector<std::string>> r = V(object).Keys();
  if (!r.ok()) return Kind(r.status().kind());
  if (count != nullptr) *count = r->size();
  if (keys == nullptr) return RATCHET_NORMAL;
  *keys = nullptr;
  if (r->empty()) return RATCHET_NORMAL;
  *keys = static_cast<char**>(std::malloc(r->size() * sizeof(char*)));
  if (*keys == nullptr) return RATCHET_OUT_OF_MEMORY;
  for (size_t i = 0; i < r->size(); ++i) (*keys)[i] = CopyString((*r)[i]);
  return RATCHET_NORMAL;
}
void ratchet_strings_free(char** strings, size_t count) {
  for (size_t i = 0; strings != nullptr && i < count; ++i) std::free(strings[i]);
  std::free(strings);
}
RatchetCompletionKind ratchet_value_define(const RatchetValue* object, const char* key, const RatchetValue* value,
                                           unsigned attributes) {
  return Kind(V(object)
                  .Define(key == nullptr ? "" : key, V(value), (attributes & RATCHET_PROPERTY_WRITABLE) != 0,
                          (attributes & RATCHET_PROPERTY_ENUMERABLE) != 0,
                          (attributes & RATCHET_PROPERTY_CONFIGURABLE) != 0)
                  .kind());
}
RatchetCompletionKind ratchet_value_delete(const RatchetValue* object, const char* key, int* deleted) {
  ratchet::Result<bool> r = V(object).Delete(key == nullptr ? "" : key);
  if (!r.ok()) return Kind(r.status().kind());
  if (deleted != nullptr) *deleted = *r ? 1 : 0;
  return RATCHET_NORMAL;
}
void ratchet_values_free(RatchetValue** values, size_t count) { FreeHandleArray(values, count); }

RatchetValue* ratchet_realm_new_promise(RatchetRealm* realm, RatchetValue** resolve, RatchetValue** reject) {
  if (realm == nullptr) return nullptr;
  ratchet::Result<ratchet::Realm::PromiseCapability> cap = realm->realm->NewPromise();
  if (!cap.ok()) return nullptr;
  if (resolve != nullptr) *resolve = NewValue(cap->resolve);
  if (reject != nullptr) *reject = NewValue(cap->reject);
  return NewValue(cap->promise);
}
RatchetCompletionKind ratchet_value_promise_state(const RatchetValue* promise, RatchetPromiseState* out) {
  ratchet::Result<ratchet::Value::PromiseState> r = V(promise).promise_state();
  if (!r.ok()) return Kind(r.status().kind());
  if (out != nullptr) {
    *out = *r == ratchet::Value::PromiseState::kPending     ? RATCHET_PROMISE_PENDING
           : *r == ratchet::Value::PromiseState::kFulfilled ? RATCHET_PROMISE_FULFILLED
                                                            : RATCHET_PROMISE_REJECTED;
  }
  return RATCHET_NORMAL;
}
RatchetCompletionKind ratchet_value_promise_result(const RatchetValue* promise, RatchetValue** out) {
  return Out(V(promise).promise_result(), out);
}

RatchetValue* ratchet_realm_new_array_buffer(RatchetRealm* realm, size_t size, const void* data) {
  if (realm == nullptr) return nullptr;
  return FromResult(realm->realm->NewArrayBuffer(size, data));
}
RatchetValue* ratchet_realm_new_typed_array(RatchetRealm* realm, int type, const RatchetValue* buffer,
                                            size_t byte_offset, size_t length) {
  if (realm == nullptr || type < RATCHET_INT8_ARRAY || type > RATCHET_BIGUINT64_ARRAY) return nullptr;
  // (The two enums list the same types in the same order.)
  auto t = static_cast<ratchet::Realm::TypedArrayType>(type);
  return FromResult(realm->realm->NewTypedArray(t, V(buffer), byte_offset, length));
}
RatchetCompletionKind ratchet_value_bytes(const RatchetValue* v, uint8_t** data, size_t* size) {
  ratchet::Result<ratchet::Value::Bytes> r = V(v).bytes();
  if (!r.ok()) return Kind(r.status().kind());
  if (data != nullptr) *data = r->data;
  if (size != nullptr) *size = r->size;
  return RATCHET_NORMAL;
}

RatchetValue* ratchet_realm_new_map(RatchetRealm* realm) {
  return realm == nullptr ? nullptr : FromResult(realm->realm->NewMap());
}
RatchetValue* ratchet_realm_new_set(RatchetRealm* realm) {
  return realm == nullptr ? nullptr : FromResult(realm->realm->NewSet());
}
RatchetCompletionKind ratchet_map_entries(const RatchetValue* map, RatchetValue*** keys, RatchetValue*** values,
                                          size_t* count) {
  ratchet::Result<std::vector<std::pair<ratchet::Value, ratchet::Value>>> r = V(map).MapEntries();
  if (!r.ok()) return Kind(r.status().kind());
  std::vector<ratchet::Value> ks, vs;
  for (const auto& [k, v] : *r) {
    ks.push_back(k);
    vs.push_back(v);
  }
  if (count != nullptr) *count = r->size();
  if (keys != nullptr && !HandleArray(ks, keys)) return RATCHET_OUT_OF_MEMORY;
  if (values != nullptr && !HandleArray(vs, values)) {
    if (keys != nullptr) FreeHandleArray(*keys, ks.size());
    return RATCHET_OUT_OF_MEMORY;
  }
  return RATCHET_NORMAL;
}
RatchetCompletionKind ratchet_set_values(const RatchetValue* set, RatchetValue*** values, size_t* count) {
  ratchet::Result<std::vector<ratchet::Value>> r = V(set).SetValues();
  if (!r.ok()) return Kind(r.status().kind());
  if (count != nullptr) *count = r->size();
  if (values != nullptr && !HandleArray(*r, values)) return RATCHET_OUT_OF_MEMORY;
  return RATCHET_NORMAL;
}
RatchetCompletionKind ratchet_map_get(const RatchetValue* map, const RatchetValue* key, RatchetValue** out) {
  return Out(V(map).MapGet(V(key)), out);
}
RatchetCompletionKind ratchet_map_set(const RatchetValue* map, const RatchetValue* key, const RatchetValue* value) {
  return Kind(V(map).MapSet(V(key), V(value)).kind());
}
RatchetCompletionKind ratchet_set_add(const RatchetValue* set, const RatchetValue* value) {
  return Kind(V(set).SetAdd(V(value)).kind());
}

// ---- Host objects and classes ----

RatchetValue* ratchet_realm_new_host_object(RatchetRealm* realm, const void* tag, void* data,
                                            void (*finalizer)(void* data), const RatchetValue* prototype) {
  if (realm == nullptr) return nullptr;
  return FromResult(realm->realm->NewHostObject(tag, data, finalizer, V(prototype)));
}
void* ratchet_value_host_data(const RatchetValue* v, const void* tag) {
  ratchet::Result<void*> r = V(v).host_data(tag);
  return r.ok() ? *r : nullptr;
}
RatchetValue* ratchet_realm_new_class(RatchetRealm* realm, const char* name, RatchetValueFunction fn, void* opaque,
                                      int length, const RatchetValue* prototype) {
  if (realm == nullptr || fn == nullptr) return nullptr;
  ratchet::Result<ratchet::Value> proto = prototype != nullptr ? ratchet::Result<ratchet::Value>(prototype->v)
                                                               : realm->realm->NewObject();
  if (!proto.ok() || !proto->IsObject()) return nullptr;
  ratchet::Result<ratchet::Value> ctor = realm->realm->NewFunction(
      name == nullptr ? "" : name, ValueCallback(realm->realm.get(), fn, opaque), length, /*constructor=*/true);
  if (!ctor.ok()) return nullptr;
  // As a class declaration lays them out.
  if (!ctor->Define("prototype", *proto, false, false, false).ok() ||
      !proto->Define("constructor", *ctor, true, false, true).ok()) {
    return nullptr;
  }
  return NewValue(std::move(ctor).value());
}
RatchetValue* ratchet_vcall_new_target(const RatchetValueCall* call) { return NewValue(call->info->new_target); }
RatchetValue* ratchet_vcall_new_host_object(const RatchetValueCall* call, const void* tag, void* data,
                                            void (*finalizer)(void* data)) {
  if (call == nullptr || call->info->new_target.IsUndefined()) return nullptr;
  // GetPrototypeFromConstructor, with the class's own prototype as the
  // fallback (Reflect.construct with a newTarget whose prototype is not
  // an object).
  ratchet::Result<ratchet::Value> proto = call->info->new_target.Get("prototype");
  if (proto.ok() && !proto->IsObject()) proto = call->info->callee.Get("prototype");
  if (!proto.ok()) return nullptr;
  return FromResult(call->realm->NewHostObject(tag, data, finalizer, *proto));
}
void ratchet_vcall_throw_value(RatchetValueCall* call, const RatchetValue* exception) {
  call->result = ratchet::Status::ThrowValue(V(exception));
}

RatchetValue* ratchet_realm_global_this(RatchetRealm* realm) {
  return realm == nullptr ? nullptr : NewValue(realm->realm->GlobalThis());
}
RatchetCompletionKind ratchet_realm_set_global_this(RatchetRealm* realm, const RatchetValue* value) {
  if (realm == nullptr) return RATCHET_USE_AFTER_FREE;
  return Kind(realm->realm->SetGlobalThis(V(value)).kind());
}

// ---- Runners ----

RatchetTask* ratchet_eval_script_async(RatchetRealm* realm, const char* source, size_t length, const char* file_name,
                                       const RatchetTimeSharing* options, RatchetExecutor executor,
                                       void* executor_opaque, RatchetDoneCallback on_done, void* done_opaque) {
  if (realm == nullptr || executor == nullptr) return nullptr;
  return Track(realm->realm->EvaluateScript(Source(source, length),
                                            TimeSharingOptions(file_name, options, executor, executor_opaque)),
               on_done, done_opaque);
}
RatchetTask* ratchet_eval_module_async(RatchetRealm* realm, const char* source, size_t length, const char* file_name,
                                       const RatchetTimeSharing* options, RatchetExecutor executor,
                                       void* executor_opaque, RatchetDoneCallback on_done, void* done_opaque) {
  if (realm == nullptr || executor == nullptr) return nullptr;
  return Track(realm->realm->EvaluateModule(Source(source, length),
                                            TimeSharingOptions(file_name, options, executor, executor_opaque)),
               on_done, done_opaque);
}
RatchetCompletion* ratchet_eval_script_time_bound(RatchetRealm* realm, const char* source, size_t length,
                                                  const char* file_name, const RatchetTimeBound* options) {
  ratchet::TimeBoundOptions bound;
  if (options != nullptr) {
    bound.max_run_time = std::chrono::milliseconds(options->max_run_time_ms);
    bound.max_task_time = std::chrono::milliseconds(options->max_task_time_ms);
    if (options->operations_per_check != 0) bound.operations_per_check = options->operations_per_check;
  }
  if (realm == nullptr) return nullptr;
  ratchet::EvalOptions o = Options(file_name, 0, 0);
  o.run_task = ratchet::TimeBoundRunner(bound);
  return Wrap(realm->realm->EvaluateScriptSync(Source(source, length), o));
}

}  // extern "C"

namespace {

// A C runner as a ratchet::TaskRunner: each call hands the runner a new
// task handle it owns.
ratchet::TaskRunner CRunner(RatchetTaskRunner run, void* opaque) {
  if (run == nullptr) return nullptr;
  return [run, opaque](const std::shared_ptr<ratchet::Task>& task) { run(opaque, new RatchetTask{task}); };
}

ratchet::EvalOptions Options(const RatchetEvalOptions* options) {
  if (options == nullptr) return Options(nullptr, 0, 0);
  ratchet::EvalOptions o = Options(options->file_name, options->max_steps, options->timeout_ms);
  o.strict = options->strict != 0;
  o.run_task = CRunner(options->run_task, options->run_task_opaque);
  return o;
}

RatchetStackFrame Frame(const ratchet::Task::StackFrame& f) {
  return RatchetStackFrame{CopyString(f.function), CopyString(f.file), f.line, f.column};
}

RatchetMemoryCategory Category(const ratchet::MemoryUsage::Category& c) { return {c.count, c.bytes}; }

// The normalizer every module-loader setter installs: the C one, or the
// default rule. It holds the runtime's `alive` token (RatchetRuntime).
ratchet::ModuleNormalizer CNormalizer(RatchetModuleNormalizer normalizer, void* opaque,
                                      const std::shared_ptr<int>& alive) {
  return [normalizer, opaque, alive](const std::string& specifier, const std::string& referrer, std::string* name,
                                     std::string* error) {
    (void)alive;  // (held for its lifetime only)
    if (normalizer == nullptr) {
      *name = ratchet::ResolveModulePath(specifier, referrer);
      return true;
    }
    RatchetModuleAnswer answer;
    answer.for_normalizer = true;
    normalizer(opaque, specifier.c_str(), referrer.c_str(), &answer);
    if (answer.state == RatchetModuleAnswer::State::kText) {
      *name = std::move(answer.text);
      return true;
    }
    *error = answer.state == RatchetModuleAnswer::State::kError && !answer.text.empty()
                 ? answer.text
                 : "Cannot resolve module '" + specifier + "' imported from '" + referrer + "'";
    return false;
  };
}

// Records the first answer of a loader or normalizer call.
bool Answerable(const RatchetModuleAnswer* answer, bool for_normalizer) {
  return answer != nullptr && answer->state == RatchetModuleAnswer::State::kNone &&
         answer->for_normalizer == for_normalizer;
}

ratchet::HostValue HostString(const char* s) { return ratchet::HostValue::String(s == nullptr ? "" : s); }

}  // namespace

extern "C" {

// ---- More asynchronous evaluation ----

RatchetTask* ratchet_eval_expression_async(RatchetRealm* realm, const char* source, size_t length,
                                           const char* file_name, const RatchetTimeSharing* options,
                                           RatchetExecutor executor, void* executor_opaque, RatchetDoneCallback on_done,
                                           void* done_opaque) {
  if (realm == nullptr || executor == nullptr) return nullptr;
  return Track(realm->realm->EvaluateExpression(Source(source, length),
                                                TimeSharingOptions(file_name, options, executor, executor_opaque)),
               on_done, done_opaque);
}
RatchetTask* ratchet_realm_call_async(RatchetRealm* realm, const RatchetValue* fn, const RatchetValue* this_value,
                                      size_t argc, const RatchetValue* const* argv, const RatchetTimeSharing* options,
                                      RatchetExecutor executor, void* executor_opaque, RatchetDoneCallback on_done,
                                      void* done_opaque) {
  if (realm == nullptr || executor == nullptr) return nullptr;
  return Track(realm->realm->Call(V(fn), V(this_value), Values(argc, argv),
                                  TimeSharingOptions(nullptr, options, executor, executor_opaque)),
               on_done, done_opaque);
}
RatchetTask* ratchet_realm_construct_async(RatchetRealm* realm, const RatchetValue* fn, size_t argc,
                                           const RatchetValue* const* argv, const RatchetTimeSharing* options,
                                           RatchetExecutor executor, void* executor_opaque,
                                           RatchetDoneCallback on_done, void* done_opaque) {
  if (realm == nullptr || executor == nullptr) return nullptr;
  return Track(realm->realm->Construct(V(fn), Values(argc, argv),
                                       TimeSharingOptions(nullptr, options, executor, executor_opaque)),
               on_done, done_opaque);
}

// ---- Evaluation options, syntax checks, module tasks ----

RatchetCompletion* ratchet_eval_sync(RatchetRealm* realm, int kind, const char* source, size_t length,
                                     const RatchetEvalOptions* options) {
  if (realm == nullptr) return nullptr;
  switch (kind) {
    case RATCHET_SOURCE_SCRIPT: return Wrap(realm->realm->EvaluateScriptSync(Source(source, length), Options(options)));
    case RATCHET_SOURCE_EXPRESSION:
      return Wrap(realm->realm->EvaluateExpressionSync(Source(source, length), Options(options)));
    case RATCHET_SOURCE_MODULE: return Wrap(realm->realm->EvaluateModuleSync(Source(source, length), Options(options)));
  }
  return nullptr;
}
RatchetTask* ratchet_eval_async(RatchetRealm* realm, int kind, const char* source, size_t length,
                                const RatchetEvalOptions* options) {
  if (realm == nullptr) return nullptr;
  switch (kind) {
    case RATCHET_SOURCE_SCRIPT:
      return new RatchetTask{realm->realm->EvaluateScript(Source(source, length), Options(options))};
    case RATCHET_SOURCE_EXPRESSION:
      return new RatchetTask{realm->realm->EvaluateExpression(Source(source, length), Options(options))};
    case RATCHET_SOURCE_MODULE:
      return new RatchetTask{realm->realm->EvaluateModule(Source(source, length), Options(options))};
  }
  return nullptr;
}
void ratchet_realm_set_default_runners(RatchetRealm* realm, RatchetTaskRunner run_task, void* run_task_opaque,
                                       RatchetTaskRunner run_task_sync, void* run_task_sync_opaque) {
  if (realm == nullptr) return;
  realm->realm->SetDefaultRunners(CRunner(run_task, run_task_opaque), CRunner(run_task_sync, run_task_sync_opaque));
}
RatchetCompletion* ratchet_realm_compile_only(RatchetRealm* realm, const char* source, size_t length,
                                              const char* file_name) {
  if (realm == nullptr) return nullptr;
  return Wrap(realm->realm->CompileOnly(Source(source, length), Options(file_name, 0, 0)));
}
RatchetCompletion* ratchet_realm_check_module_syntax(RatchetRealm* realm, const char* source, size_t length,
                                                     const char* file_name) {
  if (realm == nullptr) return nullptr;
  return Wrap(realm->realm->CheckModuleSyntax(Source(source, length), Options(file_name, 0, 0)));
}
RatchetTask* ratchet_task_new_module(RatchetRealm* realm, const char* source, size_t length, const char* file_name) {
  if (realm == nullptr) return nullptr;
  return new RatchetTask{realm->realm->NewModuleTask(Source(source, length), Options(file_name, 0, 0))};
}

// ---- Tasks: more control and introspection ----

void ratchet_task_run_to_completion(RatchetTask* task, uint64_t max_steps, uint64_t timeout_ms) {
  ratchet::RunLimits limits;
  limits.max_steps = max_steps;
  limits.timeout_ms = timeout_ms;
  task->task->RunToCompletion(limits);
}
void ratchet_task_on_done(RatchetTask* task, RatchetDoneCallback on_done, void* opaque) {
  if (task == nullptr || on_done == nullptr) return;
  task->task->OnDone([on_done, opaque](const ratchet::Completion& c) { on_done(opaque, Wrap(c)); });
}
void ratchet_task_abort_with_kind(RatchetTask* task, const char* reason, RatchetCompletionKind kind) {
  ratchet::CompletionKind k = kind == RATCHET_STEP_LIMIT   ? ratchet::CompletionKind::kStepLimit
                              : kind == RATCHET_TIME_LIMIT ? ratchet::CompletionKind::kTimeLimit
                                                           : ratchet::CompletionKind::kTaskAborted;
  task->task->Abort(reason == nullptr ? "" : reason, k);
}
int ratchet_task_aborted(const RatchetTask* task) { return task->task->aborted() ? 1 : 0; }
int ratchet_task_is_async(const RatchetTask* task) { return task->task->is_async() ? 1 : 0; }
uint64_t ratchet_task_current_id(const RatchetTask* task) { return task->task->current_task_id(); }
RatchetTaskType ratchet_task_current_type(const RatchetTask* task) {
  return task->task->current_task_type() == ratchet::Task::TaskType::kMicrotask ? RATCHET_MICROTASK
                                                                                 : RATCHET_MACROTASK;
}
RatchetStackFrame* ratchet_task_stack(const RatchetTask* task, size_t* count) {
  std::vector<ratchet::Task::StackFrame> stack = task->task->stack();
  if (count != nullptr) *count = 0;
  if (stack.empty()) return nullptr;
  auto* frames = static_cast<RatchetStackFrame*>(std::malloc(stack.size() * sizeof(RatchetStackFrame)));
  if (frames == nullptr) return nullptr;
  for (size_t i = 0; i < stack.size(); ++i) frames[i] = Frame(stack[i]);
  if (count != nullptr) *count = stack.size();
  return frames;
}
RatchetStackFrame* ratchet_task_location(const RatchetTask* task) {
  auto* frame = static_cast<RatchetStackFrame*>(std::malloc(sizeof(RatchetStackFrame)));
  if (frame != nullptr) *frame = Frame(task->task->location());
  return frame;
}
void ratchet_stack_free(RatchetStackFrame* frames, size_t count) {
  for (size_t i = 0; frames != nullptr && i < count; ++i) {
    std::free(frames[i].function);
    std::free(frames[i].file);
  }
  std::free(frames);
}

// ---- Pending jobs, memory usage, the debug log ----

int ratchet_runtime_has_pending_job(const RatchetRuntime* rt) { return rt->runtime.HasPendingJob() ? 1 : 0; }
RatchetCompletion* ratchet_realm_execute_pending_jobs(RatchetRealm* realm, uint64_t max_steps, uint64_t timeout_ms) {
  if (realm == nullptr) return nullptr;
  ratchet::RunLimits limits;
  limits.max_steps = max_steps;
  limits.timeout_ms = timeout_ms;
  return Wrap(realm->realm->ExecutePendingJobs(limits));
}
void ratchet_runtime_compute_memory_usage(const RatchetRuntime* rt, RatchetMemoryUsage* out) {
  if (rt == nullptr || out == nullptr) return;
  ratchet::MemoryUsage u = rt->runtime.ComputeMemoryUsage();
  *out = RatchetMemoryUsage{u.limit,
                            u.used,
                            u.collections,
                            Category(u.objects),
                            Category(u.arrays),
                            Category(u.functions),
                            Category(u.array_buffers),
                            Category(u.strings),
                            Category(u.atoms),
                            Category(u.symbols),
                            Category(u.bigints),
                            Category(u.shapes),
                            Category(u.bytecode),
                            Category(u.environments),
                            Category(u.source_text),
                            Category(u.other),
                            u.tasks,
                            u.pending_host_calls};
}
void ratchet_runtime_set_debug_log(RatchetRuntime* rt, void (*log)(void* opaque, const char* line), void* opaque) {
  if (log == nullptr) {
    rt->runtime.SetDebugLog(nullptr);
    return;
  }
  rt->runtime.SetDebugLog([log, opaque](const std::string& line) { log(opaque, line.c_str()); });
}

// ---- Modules ----

void ratchet_runtime_set_module_loader(RatchetRuntime* rt, RatchetModuleLoader loader,
                                       RatchetModuleNormalizer normalizer, void* opaque) {
  ratchet::ModuleNormalizer resolve = CNormalizer(normalizer, opaque, rt->alive);
  if (loader == nullptr) {
    rt->runtime.SetModuleLoader(nullptr, std::move(resolve));
    return;
  }
  rt->runtime.SetHostModuleLoader(
      [loader, opaque](const std::string& name, ratchet::ModuleAnswer* out, std::string* error) {
        RatchetModuleAnswer answer;
        loader(opaque, name.c_str(), &answer);
        switch (answer.state) {
          case RatchetModuleAnswer::State::kText: out->source = std::move(answer.text); return true;
          case RatchetModuleAnswer::State::kHost:
            out->is_host = true;
            out->host = std::move(answer.host);
            return true;
          case RatchetModuleAnswer::State::kError: *error = std::move(answer.text); return false;
          case RatchetModuleAnswer::State::kNone: return false;  // "Cannot find module ..."
        }
        return false;
      },
      std::move(resolve));
}
void ratchet_module_answer_source(RatchetModuleAnswer* answer, const char* source, size_t length) {
  if (!Answerable(answer, false)) return;
  answer->state = RatchetModuleAnswer::State::kText;
  answer->text = std::string(Source(source, length));
}
void ratchet_module_answer_name(RatchetModuleAnswer* answer, const char* name) {
  if (!Answerable(answer, true)) return;
  answer->state = RatchetModuleAnswer::State::kText;
  answer->text = name == nullptr ? "" : name;
}
void ratchet_module_answer_error(RatchetModuleAnswer* answer, const char* message) {
  if (answer == nullptr || answer->state != RatchetModuleAnswer::State::kNone) return;
  answer->state = RatchetModuleAnswer::State::kError;
  answer->text = message == nullptr ? "" : message;
}
void ratchet_module_answer_host(RatchetModuleAnswer* answer, const RatchetHostModule* module) {
  if (!Answerable(answer, false) || module == nullptr) return;
  answer->state = RatchetModuleAnswer::State::kHost;
  answer->host = module->module;
}
char* ratchet_module_resolve_path(const char* specifier, const char* referrer) {
  return CopyString(ratchet::ResolveModulePath(specifier == nullptr ? "" : specifier, referrer == nullptr ? "" : referrer));
}

void ratchet_runtime_set_async_module_loader(RatchetRuntime* rt, RatchetAsyncModuleLoader loader,
                                             RatchetModuleNormalizer normalizer, void* opaque) {
  ratchet::ModuleNormalizer resolve = CNormalizer(normalizer, opaque, rt->alive);
  if (loader == nullptr) {
    rt->runtime.SetModuleLoader(nullptr, std::move(resolve));
    return;
  }
  std::weak_ptr<int> alive = rt->alive;
  rt->runtime.SetAsyncModuleLoader(
      [loader, opaque, alive](const std::string& name, ratchet::ModuleLoadDone done) {
        loader(opaque, name.c_str(), new RatchetModuleLoad{name, std::move(done), alive});
      },
      std::move(resolve));
}
void ratchet_module_load_done(RatchetModuleLoad* load, int ok, const char* text, size_t length) {
  if (load == nullptr || load->answered) return;
  load->answered = true;
  if (load->alive.expired()) return;  // the runtime is gone: nobody waits
  load->done(ok != 0, std::string(Source(text, length)));
}
const char* ratchet_module_load_name(const RatchetModuleLoad* load) { return load->name.c_str(); }
void ratchet_module_load_free(RatchetModuleLoad* load) { delete load; }

RatchetHostModule* ratchet_host_module_new(void) { return new RatchetHostModule(); }
void ratchet_host_module_free(RatchetHostModule* module) { delete module; }
void ratchet_host_module_add_number(RatchetHostModule* module, const char* name, double d) {
  if (module != nullptr && name != nullptr) module->module.values.emplace_back(name, ratchet::HostValue::Number(d));
}
void ratchet_host_module_add_string(RatchetHostModule* module, const char* name, const char* s) {
  if (module != nullptr && name != nullptr) module->module.values.emplace_back(name, HostString(s));
}
void ratchet_host_module_add_boolean(RatchetHostModule* module, const char* name, int b) {
  if (module != nullptr && name != nullptr) module->module.values.emplace_back(name, ratchet::HostValue::Boolean(b != 0));
}
void ratchet_host_module_add_function(RatchetHostModule* module, const char* name, RatchetHostFunction fn,
                                      void* opaque) {
  if (module != nullptr && name != nullptr && fn != nullptr) {
    module->module.functions.emplace_back(name, CHostFunction(fn, opaque));
  }
}
int ratchet_realm_define_host_module(RatchetRealm* realm, const char* name, const RatchetHostModule* module) {
  if (realm == nullptr || name == nullptr || module == nullptr) return 0;
  return realm->realm->DefineHostModule(name, module->module) ? 1 : 0;
}

void ratchet_runtime_set_import_meta_hook(RatchetRuntime* rt, RatchetImportMetaHook hook, void* opaque) {
  if (hook == nullptr) {
    rt->runtime.SetImportMetaHook(nullptr);
    return;
  }
  rt->runtime.SetImportMetaHook(
      [hook, opaque](const std::string& name, std::vector<std::pair<std::string, ratchet::HostValue>>* properties) {
        RatchetImportMeta meta{properties};
        hook(opaque, name.c_str(), &meta);
      });
}
void ratchet_import_meta_add_string(RatchetImportMeta* meta, const char* key, const char* value) {
  if (meta != nullptr && key != nullptr) meta->properties->emplace_back(key, HostString(value));
}
void ratchet_import_meta_add_number(RatchetImportMeta* meta, const char* key, double d) {
  if (meta != nullptr && key != nullptr) meta->properties->emplace_back(key, ratchet::HostValue::Number(d));
}

}  // extern "C"
