// The public API over the internal engine.
#include "api/ratchet.h"

#include "api/api_internal.h"

#include <algorithm>
#include <chrono>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "compiler/parser.h"
#include "runtime/atomics.h"
#include "runtime/builtins/builtins.h"
#include "runtime/module.h"
#include "runtime/realm.h"
#include "vm/code.h"
#include "vm/disassembler.h"
#include "vm/interpreter.h"
#include "vm/task.h"
#include "vm/typed_array.h"
#include "vm/vm.h"

namespace ratchet {

namespace in = ::ratchet::internal;

namespace internal {

void ApiRealm::MarkAsync(::ratchet::Task& task) { task.state_->is_async = true; }

ApiRealm::~ApiRealm() {
  if (realm == nullptr) return;
  rt->Log("realm ", realm->uid, " destroyed");
  handles->Kill();
  if (host->timers != nullptr) {
    host->timers->ReleaseAll(rt->vm);
    host->timers->realm = nullptr;  // setTimeout from a task that outlives the realm does nothing
  }
  rt->vm.RemoveRoot(root);
  if (view_traps_root != UINT32_MAX) rt->vm.RemoveRoot(view_traps_root);
  // The runtime's "current realm" outside any task must not keep a
  // dropped realm (and everything its globals hold) alive.
  if (rt->vm.current_task() == nullptr && rt->vm.current_realm() == realm) rt->vm.set_current_realm(nullptr);
}

}  // namespace internal

std::string ValueToDisplayString(in::Vm& vm, in::Value v) {
  if (v.IsString()) return in::ToUtf8(v.AsString());
  if (v.IsSymbol()) {
    in::Value d = v.AsSymbol()->description;
    return absl::StrCat("Symbol(", d.IsString() ? in::ToUtf8(d.AsString()) : "", ")");
  }
  if (v.IsObject()) {
    in::Object* o = v.AsObject();
    if (o->is_callable()) {
      in::String* s = in::FunctionToString(vm, o);
      return s ? in::ToUtf8(s) : "function";
    }
    in::String* s = in::ObjectToStringTag(vm, v);
    return s ? in::ToUtf8(s) : "[object]";
  }
  if (v.IsEmpty()) return "undefined";
  in::String* s = in::PrimitiveToString(vm, v);
  if (s == nullptr) {
    vm.TakeException();
    return "?";
  }
  return in::ToUtf8(s);
}

// Reads a data property (no getters run) as a string.
std::string DataPropertyString(in::Vm& vm, in::Object* o, in::String* name) {
  in::OwnProperty prop;
  in::Object* holder;
  if (!in::LookupProperty(vm, o, in::PropertyKey(in::Value::FromString(name)), &prop, &holder)) return "";
  if (prop.attrs & in::kAccessorBit) return "";
  if (!prop.value.IsString()) {
    if (prop.value.IsUndefined()) return "";
    return ValueToDisplayString(vm, prop.value);
  }
  return in::ToUtf8(prop.value.AsString());
}

Completion ExceptionCompletion(in::Vm& vm, in::Value e, const std::shared_ptr<in::HandleRegistry>& handles,
                               uint8_t limits_hit) {
  Completion c;
  // An exhausted limit is reported as such, however the script passed the
  // error on (caught and rethrown, an async function's rejection) — if the
  // task really hit it (not one kept from an earlier task and thrown again).
  in::LimitError limit = in::LimitErrorOf(e);
  if (!(limits_hit & (1 << static_cast<int>(limit)))) limit = in::LimitError::kNone;
  switch (limit) {
    case in::LimitError::kOutOfMemory:
      c.kind = CompletionKind::kOutOfMemory;
      break;
    case in::LimitError::kStackOverflow:
      c.kind = CompletionKind::kStackOverflow;
      break;
    case in::LimitError::kNone:
      c.kind = CompletionKind::kJsException;
      break;
  }
  c.value = MakeValue(handles, e);
  if (e.IsObject()) {
    in::Object* o = e.AsObject();
    c.error_name = DataPropertyString(vm, o, vm.atoms().name);
    c.error_message = DataPropertyString(vm, o, vm.atoms().message);
    std::string stack = DataPropertyString(vm, o, vm.atoms().stack);
    if (stack.empty() && o->cls == in::ObjectClass::kError) {
      // Error.prototype.stack is an accessor over [[ErrorData]]'s stack.
      in::Value slot = static_cast<in::PrimitiveObject*>(o)->primitive;
      if (slot.IsString()) stack = in::ToUtf8(slot.AsString());
    }
    size_t nl = stack.find('\n');
    c.stack = nl == std::string::npos ? "" : stack.substr(nl + 1);
    if (c.error_name.empty() && c.error_message.empty()) c.error_message = ValueToDisplayString(vm, e);
  } else {
    c.error_message = ValueToDisplayString(vm, e);
  }
  return c;
}

namespace {

Completion CompletionFromTask(in::Vm& vm, in::Task& task, CompletionKind stop_kind,
                              const std::shared_ptr<in::HandleRegistry>& handles) {
  Completion c;
  switch (task.state()) {
    case in::TaskState::kRunnable:
      c.kind = stop_kind == CompletionKind::kNormal ? CompletionKind::kIncomplete : stop_kind;
      if (task.waiting()) {
        c.error_message = task.host_suspended ? "waiting for an asynchronous host function"
                                              : "waiting for the host to load a module";
      }
      if (c.kind == CompletionKind::kStepLimit) c.error_message = "the step limit was reached";
      if (c.kind == CompletionKind::kTimeLimit) c.error_message = "the time limit was reached";
      return c;
    case in::TaskState::kCompleted: {
      in::Value v = task.result();
      c.kind = CompletionKind::kNormal;
      c.value = MakeValue(handles, v.IsEmpty() ? in::Value::Undefined() : v);
      c.value_string = ValueToDisplayString(vm, v);
      c.value_type = in::ToUtf8(in::TypeOf(vm, v.IsEmpty() ? in::Value::Undefined() : v));
      return c;
    }
    case in::TaskState::kThrew:
      return ExceptionCompletion(vm, task.exception(), handles, task.limits_hit);
    case in::TaskState::kAborted:
      c.error_message = task.abort_reason();
      c.kind = task.abort_kind() == in::AbortKind::kInterrupt   ? CompletionKind::kInterrupted
               : task.abort_kind() == in::AbortKind::kStepLimit ? CompletionKind::kStepLimit
               : task.abort_kind() == in::AbortKind::kTimeLimit ? CompletionKind::kTimeLimit
                                                                : CompletionKind::kTaskAborted;
      return c;
  }
  return c;
}

in::Value HostToValue(in::Vm& vm, const HostValue& h) {
  switch (h.type) {
    case HostValue::Type::kUndefined: return in::Value::Undefined();
    case HostValue::Type::kNull: return in::Value::Null();
    case HostValue::Type::kBoolean: return in::Value::Boolean(h.boolean);
    case HostValue::Type::kNumber: return in::Value::Number(h.number);
    case HostValue::Type::kString:
    case HostValue::Type::kObject: {
      in::String* s = in::NewStringFromUtf8(vm, h.string);
      return s ? in::Value::FromString(s) : in::Value::Empty();
    }
  }
  return in::Value::Undefined();
}

HostValue ValueToHost(in::Vm& vm, in::Value v) {
  HostValue h;
  if (v.IsUndefined()) return h;
  if (v.IsNull()) {
    h.type = HostValue::Type::kNull;
  } else if (v.IsBoolean()) {
    h.type = HostValue::Type::kBoolean;
    h.boolean = v.AsBoolean();
  } else if (v.IsNumber()) {
    h.type = HostValue::Type::kNumber;
    h.number = v.AsNumber();
  } else if (v.IsString()) {
    h.type = HostValue::Type::kString;
    h.string = in::ToUtf8(v.AsString());
  } else {
    h.type = HostValue::Type::kObject;
    h.string = ValueToDisplayString(vm, v);
  }
  return h;
}

in::Value CallHostFunction(in::Vm& vm, in::CallArgs& a) {
  auto* nf = static_cast<in::NativeFunction*>(a.callee);
  auto* fn = reinterpret_cast<HostFunction*>(static_cast<uintptr_t>(nf->data.AsNumber()));
  std::vector<HostValue> args;
  for (uint32_t i = 0; i < a.argc; ++i) args.push_back(ValueToHost(vm, a.args[i]));
  std::string error;
  HostValue r = (*fn)(args, &error);
  if (!error.empty()) return vm.ThrowError(in::ErrorKind::kError, error);
  in::Value v = HostToValue(vm, r);
  return v.IsEmpty() ? vm.ThrowOutOfMemory() : v;
}

// An asynchronous host function: the host answers at once (an ordinary
// return or throw) or later: then the native asks to be replaced by the
// realm's self-hosted HostWait(id), whose HostWait instruction suspends the
// task until the host settles the call (runtime/selfhost/core.js).
in::Value CallAsyncHostFunction(in::Vm& vm, in::CallArgs& a) {
  auto* nf = static_cast<in::NativeFunction*>(a.callee);
  auto* entry = reinterpret_cast<internal::AsyncHostEntry*>(static_cast<uintptr_t>(nf->data.AsNumber()));
  std::vector<HostValue> args;
  for (uint32_t i = 0; i < a.argc; ++i) args.push_back(ValueToHost(vm, a.args[i]));
  if (a.task == nullptr) return vm.ThrowError(in::ErrorKind::kInternalError, "no task to suspend");
  uint64_t id = vm.BeginHostCall(a.task);
  if (std::shared_ptr<internal::ApiRuntime> rt = entry->rt.lock()) {
    rt->Log("host call ", id, " begun by task ", a.task->id);
  }
  entry->fn(args, internal::ApiRealm::Settler(entry->rt, id));
  in::Vm::HostCall* hc = vm.FindHostCall(id);
  if (hc == nullptr) return in::Value::Undefined();  // the host aborted the task
  if (hc->settled) {
    bool rejected = hc->rejected;
    in::Value v = hc->value;
    std::string message = std::move(hc->message);
    vm.EndHostCall(id);
    if (rejected) return vm.ThrowError(in::ErrorKind::kError, message);
    return v;
  }
  in::Value wait = nf->realm->self_hosted_fn(in::SelfHosted::kHostWait);
  return vm.RequestTailCall(wait, in::Value::Undefined(), {in::Value::Number(static_cast<double>(id))});
}

// The record of a host-built module (null: out of memory); `keep` owns
// its host functions.
in::Object* BuildHostModule(in::Vm& vm, in::Realm& realm, const std::string& name, HostModule module,
                            std::vector<std::unique_ptr<HostFunction>>* keep) {
  std::vector<std::pair<std::string, in::Value>> exports;
  for (auto& [export_name, value] : module.values) {
    in::Value v = HostToValue(vm, value);
    if (v.IsEmpty()) return nullptr;
    exports.emplace_back(export_name, v);
  }
  for (auto& [export_name, fn] : module.functions) {
    keep->push_back(std::make_unique<HostFunction>(std::move(fn)));
    in::Object* f = in::NewNativeFunction(vm, realm, export_name, CallHostFunction, 0);
    if (f == nullptr) return nullptr;
    // The function's C++ target, as a number (never exposed: natives only).
    static_cast<in::NativeFunction*>(f)->data =
        in::Value::Double(static_cast<double>(reinterpret_cast<uintptr_t>(keep->back().get())));
    exports.emplace_back(export_name, in::Value::FromObject(f));
  }
  return in::NewHostModuleRecord(vm, realm, name, exports);
}

}  // namespace

std::string Completion::Describe() const {
  switch (kind) {
    case CompletionKind::kNormal:
      return value_string;
    case CompletionKind::kSyntaxError:
      return absl::StrCat("Uncaught SyntaxError: ", error_message, "\n    at ", file, ":", line, ":", column);
    case CompletionKind::kOutOfMemory:
      if (error_name.empty()) return absl::StrCat("Out of memory: ", error_message);  // a value operation's
      [[fallthrough]];
    case CompletionKind::kStackOverflow:
    case CompletionKind::kJsException: {
      std::string head = error_name.empty() ? error_message
                         : error_message.empty() ? error_name
                                                 : absl::StrCat(error_name, ": ", error_message);
      std::string out = absl::StrCat("Uncaught ", head);
      if (!stack.empty()) absl::StrAppend(&out, "\n", stack);
      return out;
    }
    case CompletionKind::kTaskAborted:
      return absl::StrCat("Task aborted: ", error_message);
    case CompletionKind::kInterrupted:
      return "Interrupted";
    case CompletionKind::kStepLimit:
      return absl::StrCat("Stopped: ", error_message.empty() ? "the step limit was reached" : error_message);
    case CompletionKind::kTimeLimit:
      return absl::StrCat("Stopped: ", error_message.empty() ? "the time limit was reached" : error_message);
    case CompletionKind::kSynchronousTaskIncomplete:
      return absl::StrCat("Incomplete: ", error_message);
    case CompletionKind::kConcurrentEvaluation:
      return absl::StrCat("Not run: ", error_message);
    case CompletionKind::kWrongOwner:
      return absl::StrCat("Wrong owner: ", error_message);
    case CompletionKind::kUseAfterFree:
      return absl::StrCat("Use after free: ", error_message);
    case CompletionKind::kWouldRunCode:
      return absl::StrCat("Would run code: ", error_message);
    case CompletionKind::kIncomplete:
      return error_message.empty() ? "Incomplete: the task did not finish"
                                   : absl::StrCat("Incomplete: ", error_message);
  }
  return "";
}

// ---- Runtime ----

Runtime::Runtime() : state_(std::make_shared<internal::ApiRuntime>()) {}
Runtime::~Runtime() = default;

void Runtime::SetMemoryLimit(size_t bytes) { state_->vm.heap().set_limit(bytes == 0 ? SIZE_MAX : bytes); }
void Runtime::SetMaxStackSize(size_t bytes) { state_->vm.set_max_stack_bytes(bytes); }
void Runtime::SetInterruptHandler(std::function<bool()> handler) {
  state_->vm.set_interrupt_handler(std::move(handler));
}
void Runtime::SetDebugLog(std::function<void(const std::string&)> log) {
  state_->debug_log = std::move(log);
  if (!state_->debug_log) {
    state_->vm.set_gc_observer(nullptr);
    return;
  }
  internal::ApiRuntime* rt = state_.get();
  state_->vm.set_gc_observer([rt](size_t before, size_t after) {
    rt->Log("gc: ", before, " -> ", after, " bytes (", rt->vm.heap().collections(), " collections)");
  });
}

void Runtime::SetPrintHandler(std::function<void(const std::string&)> handler) {
  state_->vm.set_print_handler(std::move(handler));
}
void Runtime::RunGC() {
  in::Vm& vm = state_->vm;
  // Inside a host function the running native's values live on the C++
  // stack, where the collector cannot see them: collect at the next
  // safepoint instead.
  if (vm.current_task() != nullptr) {
    vm.heap().RequestGc();
    return;
  }
  vm.CollectGarbage();
  state_->RunFinalizers();
}

size_t Runtime::MemoryUsed() const { return state_->vm.heap().used(); }

bool Runtime::HasPendingJob() const { return state_->vm.has_orphan_jobs(); }

MemoryUsage Runtime::ComputeMemoryUsage() const {
  in::Vm& vm = state_->vm;
  MemoryUsage u;
  u.limit = vm.heap().limit() == SIZE_MAX ? 0 : vm.heap().limit();
  u.used = vm.heap().used();
  u.collections = vm.heap().collections();
  u.tasks = vm.task_count();
  u.pending_host_calls = vm.pending_host_calls();
  auto add = [](MemoryUsage::Category& c, size_t bytes) {
    ++c.count;
    c.bytes += bytes;
  };
  vm.heap().ForEachCell([&](in::Cell* c) {
    size_t bytes = c->alloc_size;
    switch (c->kind) {
      case in::CellKind::kString: {
        auto* s = static_cast<in::String*>(c);
        add(u.strings, bytes);
        if (s->is_atom()) add(u.atoms, bytes);
        break;
      }
      case in::CellKind::kSymbol: add(u.symbols, bytes); break;
      case in::CellKind::kBigInt: add(u.bigints, bytes); break;
      case in::CellKind::kShape: {
        auto* sh = static_cast<in::Shape*>(c);
        if (sh->entries != nullptr) bytes += sh->entries->capacity() * sizeof(in::ShapeEntry);
        if (sh->table != nullptr) bytes += sh->table->capacity() * (sizeof(uint64_t) + sizeof(uint32_t) + 1);
        if (sh->transitions != nullptr) bytes += sh->transitions->capacity() * (sizeof(uint64_t) + sizeof(void*) + 1);
        add(u.shapes, bytes);
        break;
      }
      case in::CellKind::kCode: {
        auto* code = static_cast<in::Code*>(c);
        bytes += code->bytecode_size + code->num_constants * sizeof(in::Value) +
                 code->num_handlers * sizeof(in::HandlerEntry) + code->num_positions * sizeof(in::PositionEntry) +
                 code->num_ics * sizeof(in::InlineCache);
        add(u.bytecode, bytes);
        break;
      }
      case in::CellKind::kEnv: add(u.environments, bytes); break;
      case in::CellKind::kSource: {
        auto* src = static_cast<in::Source*>(c);
        add(u.source_text, bytes + (src->text != nullptr ? src->text->size() * 2 : 0));
        break;
      }
      case in::CellKind::kAccessor:
      case in::CellKind::kRealm: add(u.other, bytes); break;
      case in::CellKind::kObject: {
        auto* o = static_cast<in::Object*>(c);
        if (o->slots != nullptr && !in::HasInlineSlots(o)) bytes += o->slot_capacity * sizeof(in::Value);
        if (o->elements != nullptr && !in::HasInlineElements(o)) bytes += o->elements_capacity * sizeof(in::Value);
        if (o->dict != nullptr) bytes += o->dict->entries.capacity() * sizeof(in::DictEntry);
        if (o->cls == in::ObjectClass::kArray) {
          add(u.arrays, bytes);
        } else if (o->cls == in::ObjectClass::kArrayBuffer || o->cls == in::ObjectClass::kSharedArrayBuffer) {
          add(u.array_buffers, bytes + static_cast<in::ArrayBufferObject*>(o)->capacity);
        } else if (o->is_callable()) {
          add(u.functions, bytes);
        } else {
          add(u.objects, bytes);
        }
        break;
      }
    }
  });
  return u;
}

std::string Runtime::DumpMemoryUsage() const {
  MemoryUsage u = ComputeMemoryUsage();
  std::string out = absl::StrCat("memory used: ", u.used, " bytes", u.limit ? absl::StrCat(" of ", u.limit) : "",
                                 " (", u.collections, " collections, ", u.tasks, " tasks, ",
                                 u.pending_host_calls, " pending host calls)\n");
  absl::StrAppend(&out, "category              count        bytes\n");
  auto row = [&out](const char* name, const MemoryUsage::Category& c) {
    std::string n(name);
    n.resize(18, ' ');
    std::string count = absl::StrCat(c.count);
    std::string bytes = absl::StrCat(c.bytes);
    absl::StrAppend(&out, n, std::string(count.size() < 9 ? 9 - count.size() : 0, ' '), count,
                    std::string(bytes.size() < 13 ? 13 - bytes.size() : 0, ' '), bytes, "\n");
  };
  row("objects", u.objects);
  row("arrays", u.arrays);
  row("functions", u.functions);
  row("array buffers", u.array_buffers);
  row("strings", u.strings);
  row("  of which atoms", u.atoms);
  row("symbols", u.symbols);
  row("bigints", u.bigints);
  row("shapes", u.shapes);
  row("bytecode", u.bytecode);
  row("environments", u.environments);
  row("source text", u.source_text);
  row("other", u.other);
  return out;
}

void Runtime::SetModuleLoader(ModuleLoader loader, ModuleNormalizer normalizer) {
  in::Vm::ModuleHooks& hooks = state_->vm.module_hooks();
  hooks.load = std::move(loader);
  hooks.load_async = nullptr;
  hooks.load_host = nullptr;
  if (normalizer) {
    hooks.resolve = std::move(normalizer);
  } else {
    hooks.resolve = [](const std::string& specifier, const std::string& referrer, std::string* name,
                       std::string*) {
      *name = in::ResolveModulePath(specifier, referrer);
      return true;
    };
  }
}

void Runtime::SetHostModuleLoader(HostModuleLoader loader, ModuleNormalizer normalizer) {
  SetModuleLoader(nullptr, std::move(normalizer));
  in::Vm::ModuleHooks& hooks = state_->vm.module_hooks();
  internal::ApiRuntime* rt = state_.get();
  hooks.load_host = [rt, loader = std::move(loader)](in::Realm& realm, const std::string& name,
                                                    std::string* source, in::Object** record,
                                                    std::string* error) {
    ModuleAnswer answer;
    if (!loader(name, &answer, error)) return false;
    if (!answer.is_host) {
      *source = std::move(answer.source);
      return true;
    }
    *record = BuildHostModule(rt->vm, realm, name, std::move(answer.host), &rt->module_functions);
    if (*record == nullptr) {
      *error = "out of memory";
      return false;
    }
    return true;
  };
}

void Runtime::SetImportMetaHook(ImportMetaHook hook) {
  in::Vm::ModuleHooks& hooks = state_->vm.module_hooks();
  if (!hook) {
    hooks.import_meta = nullptr;
    return;
  }
  hooks.import_meta = [hook = std::move(hook)](in::Vm& vm, const std::string& url,
                                               std::vector<std::pair<std::string, in::Value>>* out) {
    std::vector<std::pair<std::string, HostValue>> props;
    hook(url, &props);
    for (const auto& [key, value] : props) out->emplace_back(key, HostToValue(vm, value));
  };
}

void Runtime::SetAsyncModuleLoader(AsyncModuleLoader loader, ModuleNormalizer normalizer) {
  SetModuleLoader(nullptr, std::move(normalizer));
  in::Vm::ModuleHooks& hooks = state_->vm.module_hooks();
  // An answer that comes after the runtime (and every realm and task that
  // kept it) is gone does nothing.
  std::weak_ptr<internal::ApiRuntime> runtime = state_;
  hooks.load_async = [loader = std::move(loader), runtime](const std::string& name,
                                                          std::function<void(bool, std::string)> done) {
    loader(name, [runtime, done = std::move(done)](bool ok, std::string source_or_error) {
      if (runtime.expired()) return;
      done(ok, std::move(source_or_error));
    });
  };
}

std::string ResolveModulePath(const std::string& specifier, const std::string& referrer) {
  return in::ResolveModulePath(specifier, referrer);
}

// A safepoint outside the interpreter: an API call that allocates (compiling,
// creating a realm) first runs a collection the heap asked for, as the
// interpreter does between two instructions — after an out-of-memory error
// the garbage of the failed script is reclaimed before anything new is
// allocated. Never while a task is running (a host function calling back
// into the API): the interpreter's C++ frames may hold raw cell pointers.
// A task stopped before its end (a limit, the interrupt handler, the host)
// leaves its garbage behind, which no failed allocation has reported yet:
// the next API call that allocates collects first (Safepoint).
static void StopTask(internal::ApiTask& t, in::AbortKind kind, std::string reason) {
  t.task->Abort(kind, std::move(reason));
  t.rt->vm.heap().RequestGc();
}

// A task of the runtime is running: the caller is a host function, a
// module loader or another callback the interpreter made. Running a task
// from there would re-enter the interpreter from C++ (and could collect
// under the running native's values): the API refuses.
Completion ConcurrentEvaluation() {
  Completion c;
  c.kind = CompletionKind::kConcurrentEvaluation;
  c.error_message = "a task of this runtime is running (called from inside a host function?)";
  return c;
}

void Safepoint(in::Vm& vm) {
  if (vm.current_task() == nullptr && vm.heap().gc_requested()) vm.CollectGarbage();
}

std::unique_ptr<Realm> Runtime::NewRealm() {
  Safepoint(state_->vm);
  in::Realm* r = in::CreateRealm(state_->vm);
  if (r == nullptr) {
    state_->vm.TakeException();
    return nullptr;
  }
  auto rs = std::make_unique<internal::ApiRealm>();
  rs->rt = state_;
  rs->realm = r;
  rs->root = state_->vm.AddRoot(in::CellToValue(r));
  rs->handles = std::make_shared<internal::HandleRegistry>();
  rs->handles->rt = state_.get();
  rs->handles->realm = r;
  state_->Log("realm ", r->uid, " created (", state_->vm.heap().used(), " bytes used)");
  return std::unique_ptr<Realm>(new Realm(std::move(rs)));
}

std::unique_ptr<Realm> Runtime::NewRealm(const RealmOptions& options) {
  std::unique_ptr<Realm> realm = NewRealm();
  if (realm == nullptr) return nullptr;
  internal::ApiRealm& rs = *realm->state_;
  if (options.random) {
    rs.host->random = options.random;
    rs.realm->random_hook = &rs.host->random;
  }
  if (options.now) {
    rs.host->now = options.now;
    rs.realm->now_hook = &rs.host->now;
  }
  realm->SetDefaultRunners(options.run_task, options.run_task_sync);
  in::Vm& vm = state_->vm;
  for (const auto& [name, value] : options.globals) {
    in::Value v = HostToValue(vm, value);
    if (v.IsEmpty() || !in::SetOwnData(vm, rs.realm->global, vm.KeyFromString(in::NewStringFromUtf8(vm, name)), v,
                                       in::kWritable | in::kConfigurable)) {
      vm.TakeException();
      return nullptr;
    }
  }
  for (const auto& [name, fn] : options.functions) {
    if (!realm->DefineHostFunction(name, fn)) return nullptr;
  }
  for (const auto& [name, module] : options.host_modules) {
    if (!realm->DefineHostModule(name, module)) return nullptr;
  }
  if (options.global_this) {
    Result<Value> this_value = options.global_this(*realm);
    if (!this_value.ok() || !realm->SetGlobalThis(this_value.value()).ok()) return nullptr;
  }
  return realm;
}

// ---- Realm ----

Realm::Realm(std::unique_ptr<internal::ApiRealm> state) : state_(std::move(state)) {}
Realm::~Realm() = default;

namespace {

Completion SyntaxErrorCompletion(const in::ScriptError& err) {
  Completion c;
  c.kind = CompletionKind::kSyntaxError;
  c.error_name = "SyntaxError";
  c.error_message = err.message;
  c.file = err.file;
  c.line = err.line;
  c.column = err.column;
  return c;
}

// A task that finished before running: its source did not compile (or
// memory ran out while loading it).
Completion CompileFailureCompletion(const in::ScriptError& err) {
  if (err.message != "out of memory") return SyntaxErrorCompletion(err);
  Completion c;
  c.kind = CompletionKind::kOutOfMemory;
  c.error_name = "InternalError";
  c.error_message = "out of memory";
  return c;
}

}  // namespace

std::unique_ptr<Task> Realm::NewScriptTask(std::string_view source, const EvalOptions& options) {
  in::Vm& vm = state_->rt->vm;
  Safepoint(vm);
  auto ts = std::make_unique<internal::ApiTask>();
  ts->rt = state_->rt;
  ts->realm_host = state_->host;
  ts->handles = state_->handles;
  std::u16string text = in::Utf8ToUtf16(source);
  in::ScriptError err;
  in::Code* code = in::CompileScript(vm, text, options.file_name, &err, options.strict);
  if (code == nullptr) {
    ts->has_precomputed = true;
    ts->precomputed = CompileFailureCompletion(err);
    return std::unique_ptr<Task>(new Task(std::move(ts)));
  }
  ts->task = std::make_unique<in::Task>(vm, state_->realm);
  vm.RegisterTask(ts->task.get());
  state_->rt->Log("task ", ts->task->id, " started: script ", options.file_name);
  if (!in::StartScript(*ts->task, code, state_->realm)) {
    in::CompleteTask(*ts->task, in::TaskState::kThrew, vm.TakeException());
  }
  return std::unique_ptr<Task>(new Task(std::move(ts)));
}

// A synchronous evaluation: the call's runner, else the realm's, must
// finish or abort the task; without one it runs within the call's limits.
Completion RunSynchronously(const std::shared_ptr<Task>& task, const EvalOptions& options,
                            const TaskRunner& realm_default) {
  const TaskRunner& runner = options.run_task ? options.run_task : realm_default;
  if (!runner) {
    task->RunToCompletion(options.limits);
    return task->completion();
  }
  runner(task);
  if (!task->done()) {
    task->Abort("the runner of a synchronous evaluation returned before the task finished");
    Completion c;
    c.kind = CompletionKind::kSynchronousTaskIncomplete;
    c.error_message = "the runner of a synchronous evaluation returned before the task finished";
    return c;
  }
  return task->completion();
}

Completion Realm::EvaluateScriptSync(std::string_view source, const EvalOptions& options) {
  if (Busy(state_->rt->vm)) return ConcurrentEvaluation();
  return RunSynchronously(NewScriptTask(source, options), options, state_->run_task_sync);
}

// An asynchronous evaluation: the task goes to the call's runner, else the
// realm's, else runs to completion within the call's limits.
std::shared_ptr<Task> HandToRunner(std::shared_ptr<Task> task, const EvalOptions& options,
                                          const TaskRunner& realm_default) {
  internal::ApiRealm::MarkAsync(*task);
  const TaskRunner& runner = options.run_task ? options.run_task : realm_default;
  if (runner) {
    runner(task);
  } else {
    task->RunToCompletion(options.limits);
  }
  return task;
}

std::shared_ptr<Task> Realm::EvaluateScript(std::string_view source, const EvalOptions& options) {
  return HandToRunner(NewScriptTask(source, options), options, state_->run_task);
}

namespace {

// A script that is `source` as one expression, or a syntax error.
bool ExpressionScript(std::string_view source, std::string* script, Completion* error) {
  *script = absl::StrCat("(", std::string(source), "\n)");
  in::Arena arena;
  in::ParseOptions options;
  in::ParseError perr;
  std::u16string text = in::Utf8ToUtf16(*script);
  ::ratchet::ast::Program* program = in::ParseProgram(arena, text, options, &perr);
  if (program == nullptr) return true;  // compiling reports the error
  if (program->body.size == 1 && program->body[0]->kind == ::ratchet::ast::Kind::kExpressionStatement) return true;
  error->kind = CompletionKind::kSyntaxError;
  error->error_name = "SyntaxError";
  error->error_message = "not a single expression";
  error->line = 1;
  error->column = 1;
  return false;
}

}  // namespace

std::shared_ptr<Task> Realm::EvaluateExpression(std::string_view source, const EvalOptions& options) {
  std::string script;
  Completion error;
  if (!ExpressionScript(source, &script, &error)) {
    auto ts = std::make_unique<internal::ApiTask>();
    ts->rt = state_->rt;
    ts->handles = state_->handles;
    ts->has_precomputed = true;
    error.file = options.file_name;
    ts->precomputed = error;
    return HandToRunner(internal::ApiRealm::MakeTask(std::move(ts)), options, state_->run_task);
  }
  return EvaluateScript(script, options);
}

Completion Realm::EvaluateExpressionSync(std::string_view source, const EvalOptions& options) {
  std::string script;
  Completion error;
  if (!ExpressionScript(source, &script, &error)) {
    error.file = options.file_name;
    return error;
  }
  return EvaluateScriptSync(script, options);
}

Completion Realm::ExecutePendingJobs(const RunLimits& limits) {
  in::Vm& vm = state_->rt->vm;
  if (Busy(vm)) return ConcurrentEvaluation();
  if (!vm.has_orphan_jobs()) return Completion();
  Safepoint(vm);
  auto ts = std::make_unique<internal::ApiTask>();
  ts->rt = state_->rt;
  ts->realm_host = state_->host;
  ts->handles = state_->handles;
  ts->task = std::make_unique<in::Task>(vm, state_->realm);
  vm.RegisterTask(ts->task.get());
  state_->rt->Log("task ", ts->task->id, " started: pending jobs");
  // A task whose script is over: running it adopts the waiting jobs.
  ts->task->set_result(in::Value::Undefined());
  ts->task->in_jobs = true;
  std::unique_ptr<Task> task(new Task(std::move(ts)));
  task->RunToCompletion(limits);
  return task->completion();
}

void Realm::SetDefaultRunners(TaskRunner run_task, TaskRunner run_task_sync) {
  state_->run_task = std::move(run_task);
  state_->run_task_sync = std::move(run_task_sync);
}

std::unique_ptr<Task> Realm::NewModuleTask(std::string_view source, const EvalOptions& options) {
  in::Vm& vm = state_->rt->vm;
  Safepoint(vm);
  auto ts = std::make_unique<internal::ApiTask>();
  ts->rt = state_->rt;
  ts->realm_host = state_->host;
  ts->handles = state_->handles;
  ts->module = true;
  in::ScriptError err;
  in::Object* record = in::CompileModuleRecord(vm, *state_->realm, in::Utf8ToUtf16(source), options.file_name, &err);
  if (record != nullptr && !in::RegisterModule(vm, *state_->realm, options.file_name, record)) {
    record = nullptr;
    err.message = "out of memory";
  }
  if (record == nullptr) {
    ts->has_precomputed = true;
    ts->precomputed = CompileFailureCompletion(err);
    return std::unique_ptr<Task>(new Task(std::move(ts)));
  }
  ts->task = std::make_unique<in::Task>(vm, state_->realm);
  vm.RegisterTask(ts->task.get());
  state_->rt->Log("task ", ts->task->id, " started: module ", options.file_name);
  if (!in::StartCall(*ts->task, state_->realm->self_hosted_fn(in::SelfHosted::kModuleRun), in::Value::Undefined(),
                     {in::Value::FromObject(record)})) {
    in::CompleteTask(*ts->task, in::TaskState::kThrew, vm.TakeException());
  }
  return std::unique_ptr<Task>(new Task(std::move(ts)));
}

Completion Realm::EvaluateModuleSync(std::string_view source, const EvalOptions& options) {
  if (Busy(state_->rt->vm)) return ConcurrentEvaluation();
  std::unique_ptr<Task> task = NewModuleTask(source, options);
  task->RunToCompletion(options.limits);
  return task->completion();
}

std::shared_ptr<Task> Realm::EvaluateModule(std::string_view source, const EvalOptions& options) {
  return HandToRunner(NewModuleTask(source, options), options, state_->run_task);
}

Completion Realm::CompileOnly(std::string_view source, const EvalOptions& options) {
  in::Vm& vm = state_->rt->vm;
  Safepoint(vm);
  in::ScriptError err;
  if (in::CompileScript(vm, in::Utf8ToUtf16(source), options.file_name, &err, options.strict) == nullptr) {
    return SyntaxErrorCompletion(err);
  }
  return Completion();
}

Completion Realm::CheckModuleSyntax(std::string_view source, const EvalOptions& options) {
  Safepoint(state_->rt->vm);
  in::ScriptError err;
  // The whole compilation (grammar, early errors, bytecode), as for a
  // module about to run; the record is not registered and is collected.
  if (in::CompileModuleRecord(state_->rt->vm, *state_->realm, in::Utf8ToUtf16(source), options.file_name, &err) ==
      nullptr) {
    return CompileFailureCompletion(err);
  }
  return Completion();
}

std::string Realm::DumpBytecode(std::string_view source, const EvalOptions& options) {
  in::Vm& vm = state_->rt->vm;
  Safepoint(vm);
  in::ScriptError err;
  in::Code* code = in::CompileScript(vm, in::Utf8ToUtf16(source), options.file_name, &err, options.strict);
  return code ? in::Disassemble(code, true) : "";
}

bool Realm::DefineHostFunction(const std::string& name, HostFunction fn) {
  in::Vm& vm = state_->rt->vm;
  Safepoint(vm);
  state_->host->host_functions.push_back(std::make_unique<HostFunction>(std::move(fn)));
  in::Object* f = in::NewNativeFunction(vm, *state_->realm, name, CallHostFunction, 0);
  if (f == nullptr) return false;
  // The function's C++ target, as a number (never exposed: natives only).
  static_cast<in::NativeFunction*>(f)->data =
      in::Value::Double(static_cast<double>(reinterpret_cast<uintptr_t>(state_->host->host_functions.back().get())));
  return in::DefineValue(vm, state_->realm->global, name, in::Value::FromObject(f));
}

bool Realm::DefineHostModule(const std::string& name, HostModule module) {
  in::Vm& vm = state_->rt->vm;
  Safepoint(vm);
  in::Object* record = BuildHostModule(vm, *state_->realm, name, std::move(module), &state_->host->host_functions);
  return record != nullptr && in::RegisterModule(vm, *state_->realm, name, record);
}

bool Realm::DefineAsyncHostFunction(const std::string& name, AsyncHostFunction fn) {
  in::Vm& vm = state_->rt->vm;
  Safepoint(vm);
  state_->host->async_host_functions.push_back(
      std::make_unique<internal::AsyncHostEntry>(internal::AsyncHostEntry{state_->rt, std::move(fn)}));
  in::Object* f = in::NewNativeFunction(vm, *state_->realm, name, CallAsyncHostFunction, 0);
  if (f == nullptr) return false;
  static_cast<in::NativeFunction*>(f)->data = in::Value::Double(
      static_cast<double>(reinterpret_cast<uintptr_t>(state_->host->async_host_functions.back().get())));
  return in::DefineValue(vm, state_->realm->global, name, in::Value::FromObject(f));
}

// ---- Timers ----

namespace internal {

void TimerHost::Fire(uint64_t id) {
  if (firing) {
    fired_inline.push_back(id);  // run inline by the executor inside FireOne: the loop below takes it
    return;
  }
  firing = true;
  FireOne(id);
  // Inside a running task (the executor ran the work inline there) the
  // queued ids wait for the next Fire instead of spinning here.
  for (;;) {
    std::shared_ptr<ApiRuntime> runtime = rt.lock();
    if (fired_inline.empty() || (runtime != nullptr && runtime->vm.current_task() != nullptr)) break;
    uint64_t next = fired_inline.front();
    fired_inline.pop_front();
    FireOne(next);
  }
  firing = false;
}

void TimerHost::FireOne(uint64_t id) {
  std::shared_ptr<ApiRuntime> runtime = rt.lock();
  if (runtime == nullptr || realm == nullptr) return;
  in::Vm& vm = runtime->vm;
  auto it = timers.find(id);
  if (it == timers.end()) return;  // cleared
  if (vm.current_task() != nullptr) {
    // The executor ran this inside a running task (it must not): never
    // re-enter the interpreter; try again later.
    Post(id, 1);
    return;
  }
  Safepoint(vm);
  std::vector<in::Value> args;
  for (size_t i = 1; i < it->second.roots.size(); ++i) args.push_back(vm.root(it->second.roots[i]));
  in::Value fn = vm.root(it->second.roots[0]);
  // (A native callback may set or clear timers: `it` is not used below.)
  const bool repeat = it->second.repeat;
  if (repeat) Post(id, it->second.interval_ms);
  auto ts = std::make_unique<ApiTask>();
  ts->rt = runtime;
  ts->realm_host = host_objects.lock();
  ts->handles = handles.lock();
  ts->task = std::make_unique<in::Task>(vm, realm);
  vm.RegisterTask(ts->task.get());
  runtime->Log("task ", ts->task->id, " started: timer ", id);
  in::Task& t = *ts->task;
  // The callback's values stay rooted (the timer's roots) until the call
  // has its frame; a one-shot timer lets go of them after.
  in::Task* saved = vm.current_task();
  vm.set_current_task(&t);
  in::Realm* saved_realm = vm.current_realm();
  vm.set_current_realm(realm);
  if (!in::StartCall(t, fn, in::Value::Undefined(), args)) in::CompleteTask(t, in::TaskState::kThrew, vm.TakeException());
  vm.set_current_task(saved);
  vm.set_current_realm(saved_realm);
  if (!repeat) Release(vm, id);
  std::shared_ptr<::ratchet::Task> task = ApiRealm::MakeTask(std::move(ts));
  if (on_done) task->OnDone(on_done);
  if (runner) {
    runner(task);
  } else {
    task->RunToCompletion({});
  }
}

}  // namespace internal

namespace {

internal::TimerHost* TimerHostOf(in::CallArgs& a) {
  auto* nf = static_cast<in::NativeFunction*>(a.callee);
  return reinterpret_cast<internal::TimerHost*>(static_cast<uintptr_t>(nf->data.AsNumber()));
}

// setTimeout(fn, ms, ...args) / setInterval: the delay is clamped to
// [0, 2^31 - 1] ms (NaN and non-numbers: 0; intervals at least 1 ms).
in::Value SetTimer(in::Vm& vm, in::CallArgs& a, bool repeat) {
  internal::TimerHost* th = TimerHostOf(a);
  if (th->realm == nullptr) return in::Value::Undefined();  // the realm was dropped: nothing fires
  in::Value fn = a.arg(0);
  if (!fn.IsObject() || !fn.AsObject()->is_callable()) {
    return vm.ThrowError(in::ErrorKind::kTypeError, "the timer's callback is not a function");
  }
  double ms = a.arg(1).IsNumber() ? a.arg(1).AsNumber() : 0;
  if (!(ms >= 0)) ms = 0;
  ms = std::min(ms, 2147483647.0);
  int64_t delay = static_cast<int64_t>(ms);
  if (repeat && delay < 1) delay = 1;
  uint32_t extra = a.argc > 2 ? a.argc - 2 : 0;
  size_t charged = 96 + (extra + 1) * 16;
  if (!vm.heap().AccountExternal(charged)) return vm.ThrowOutOfMemory();
  internal::TimerHost::Timer timer{{}, delay, repeat, charged};
  timer.roots.push_back(vm.AddRoot(fn));
  for (uint32_t i = 0; i < extra; ++i) timer.roots.push_back(vm.AddRoot(a.args[2 + i]));
  uint64_t id = ++th->last_id;
  th->timers.emplace(id, std::move(timer));
  th->Post(id, delay);
  return in::Value::Number(static_cast<double>(id));
}

in::Value SetTimeoutNative(in::Vm& vm, in::CallArgs& a) { return SetTimer(vm, a, false); }
in::Value SetIntervalNative(in::Vm& vm, in::CallArgs& a) { return SetTimer(vm, a, true); }
in::Value ClearTimerNative(in::Vm& vm, in::CallArgs& a) {
  if (a.arg(0).IsNumber()) {
    double d = a.arg(0).AsNumber();
    if (d >= 1 && d == static_cast<double>(static_cast<uint64_t>(d))) TimerHostOf(a)->Release(vm, static_cast<uint64_t>(d));
  }
  return in::Value::Undefined();
}

}  // namespace

bool Realm::InstallTimers(Executor executor, TaskRunner runner, std::function<void(const Completion&)> on_done) {
  in::Vm& vm = state_->rt->vm;
  Safepoint(vm);
  std::shared_ptr<internal::TimerHost>& timers = state_->host->timers;
  if (timers == nullptr) {
    timers = std::make_shared<internal::TimerHost>();
    timers->rt = state_->rt;
    timers->host_objects = state_->host;
    timers->handles = state_->handles;
    timers->realm = state_->realm;
  }
  internal::TimerHost& th = *timers;
  th.executor = std::move(executor);
  th.runner = std::move(runner);
  th.on_done = std::move(on_done);
  struct Binding {
    const char* name;
    in::NativeFn fn;
    int length;
  };
  const Binding bindings[] = {{"setTimeout", SetTimeoutNative, 2},
                              {"setInterval", SetIntervalNative, 2},
                              {"clearTimeout", ClearTimerNative, 1},
                              {"clearInterval", ClearTimerNative, 1}};
  for (const Binding& b : bindings) {
    in::Object* f = in::NewNativeFunction(vm, *state_->realm, b.name, b.fn, b.length);
    if (f == nullptr) return false;
    static_cast<in::NativeFunction*>(f)->data =
        in::Value::Double(static_cast<double>(reinterpret_cast<uintptr_t>(timers.get())));
    if (!in::DefineValue(vm, state_->realm->global, b.name, in::Value::FromObject(f))) return false;
  }
  return true;
}

// ---- HostCallSettler ----

void HostCallSettler::Resolve(const HostValue& value) const {
  std::shared_ptr<internal::ApiRuntime> rt = rt_.lock();
  if (rt == nullptr || !pending()) return;
  in::Vm& vm = rt->vm;
  Safepoint(vm);
  in::Value v = HostToValue(vm, value);
  if (v.IsEmpty()) {
    vm.TakeException();
    vm.SettleHostCall(id_, true, in::Value::Undefined(), "out of memory");
    return;
  }
  vm.SettleHostCall(id_, false, v, "");
}

void HostCallSettler::Reject(const std::string& message) const {
  std::shared_ptr<internal::ApiRuntime> rt = rt_.lock();
  if (rt == nullptr) return;
  rt->vm.SettleHostCall(id_, true, in::Value::Undefined(), message);
}

bool HostCallSettler::pending() const {
  std::shared_ptr<internal::ApiRuntime> rt = rt_.lock();
  if (rt == nullptr) return false;
  in::Vm::HostCall* hc = rt->vm.FindHostCall(id_);
  return hc != nullptr && !hc->settled && hc->task != nullptr;
}

// ---- Task ----

Task::Task(std::unique_ptr<internal::ApiTask> state) : state_(std::move(state)) {}
Task::~Task() = default;

bool Task::Step() {
  if (state_->task == nullptr || Busy(state_->rt->vm)) return false;
  in::PollAtomicsWaiters(state_->rt->vm);
  bool more = in::Interpret(*state_->task, 1) > 0 && !state_->task->done();
  state_->rt->RunFinalizers();
  NotifyIfDone();  // (may drop the last reference to this task: nothing after it)
  return more;
}

uint64_t Task::Run(uint64_t max_steps) {
  if (state_->task == nullptr || Busy(state_->rt->vm)) return 0;
  in::PollAtomicsWaiters(state_->rt->vm);  // Atomics.waitAsync timeouts
  uint64_t ran = in::Interpret(*state_->task, max_steps);
  state_->rt->RunFinalizers();
  NotifyIfDone();  // (may drop the last reference to this task: nothing after it)
  return ran;
}

void Task::NotifyIfDone() {
  internal::ApiTask& s = *state_;
  if (s.notified || !done()) return;
  s.notified = true;
  if (s.rt->debug_log) {
    Completion c = completion();
    s.rt->Log("task ", s.task ? s.task->id : 0, " done: ", c.kind == CompletionKind::kNormal ? "normal" : c.Describe(),
              " after ", steps(), " steps");
  }
  if (s.on_done.empty()) return;
  std::vector<std::function<void(const Completion&)>> callbacks = std::move(s.on_done);
  Completion c = completion();
  for (auto& cb : callbacks) cb(c);
}

void Task::OnDone(std::function<void(const Completion&)> callback) {
  if (state_->notified || done()) {
    state_->notified = true;
    callback(completion());
    return;
  }
  state_->on_done.push_back(std::move(callback));
}

std::vector<Task::StackFrame> Task::stack() const {
  std::vector<StackFrame> out;
  if (state_->task == nullptr || state_->task->done()) return out;
  for (in::StackEntry& e : in::CaptureStack(state_->task.get(), SIZE_MAX, nullptr)) {
    out.push_back(StackFrame{std::move(e.function), std::move(e.file), e.line, e.column});
  }
  return out;
}

Task::StackFrame Task::location() const {
  if (state_->task == nullptr || state_->task->done()) return {};
  std::vector<in::StackEntry> s = in::CaptureStack(state_->task.get(), 1, nullptr);
  if (s.empty()) return {};
  return StackFrame{std::move(s[0].function), std::move(s[0].file), s[0].line, s[0].column};
}

uint64_t Task::current_task_id() const { return state_->task != nullptr ? state_->task->current_id : 0; }

void Task::RunToCompletion(const RunLimits& limits) {
  RunToCompletionUnnotified(limits);
  NotifyIfDone();
}

void Task::RunToCompletionUnnotified(const RunLimits& limits) {
  if (state_->task == nullptr || Busy(state_->rt->vm)) return;
  auto start = std::chrono::steady_clock::now();
  constexpr uint64_t kSlice = 1 << 14;
  in::Vm& vm = state_->rt->vm;
  while (!done()) {
    if (waiting()) {
      // Waiting for the host, or for an Atomics.waitAsync timeout: sleep
      // until the timeout in slices, polling the interrupt handler, within
      // the time limit.
      in::PollAtomicsWaiters(vm);
      if (!waiting()) continue;
      auto until = in::NextAtomicsDeadline(vm);
      if (until == std::chrono::steady_clock::time_point::max()) return;
      auto now = std::chrono::steady_clock::now();
      auto time_limit = limits.timeout_ms == 0 ? std::chrono::steady_clock::time_point::max()
                                               : start + std::chrono::milliseconds(limits.timeout_ms);
      if (now >= time_limit) {
        state_->stop_kind = CompletionKind::kTimeLimit;
        StopTask(*state_, in::AbortKind::kTimeLimit, "the time limit was reached");
        return;
      }
      in::SleepForAtomicsWaiters(vm, std::min({until, time_limit, now + std::chrono::milliseconds(50)}));
      if (vm.interrupt_handler() && vm.interrupt_handler()()) {
        StopTask(*state_, in::AbortKind::kInterrupt, "interrupted by the host");
        return;
      }
      continue;
    }
    uint64_t budget = kSlice;
    if (limits.max_steps != 0) {
      uint64_t used = steps();
      if (used >= limits.max_steps) {
        state_->stop_kind = CompletionKind::kStepLimit;
        StopTask(*state_, in::AbortKind::kStepLimit, "the step limit was reached");
        return;
      }
      budget = std::min(budget, limits.max_steps - used);
    }
    in::PollAtomicsWaiters(vm);
    in::Interpret(*state_->task, budget);
    state_->rt->RunFinalizers();
    if (limits.timeout_ms != 0 && !done()) {
      auto elapsed = std::chrono::steady_clock::now() - start;
      if (std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count() >=
          static_cast<int64_t>(limits.timeout_ms)) {
        state_->stop_kind = CompletionKind::kTimeLimit;
        StopTask(*state_, in::AbortKind::kTimeLimit, "the time limit was reached");
        return;
      }
    }
  }
}

bool Task::done() const { return state_->task == nullptr || state_->task->done(); }
bool Task::waiting() const { return state_->task != nullptr && state_->task->waiting(); }

void Task::Abort(std::string reason) { Abort(std::move(reason), CompletionKind::kTaskAborted); }

void Task::Abort(std::string reason, CompletionKind kind) {
  if (state_->task == nullptr || state_->task->done()) return;
  in::AbortKind k = kind == CompletionKind::kStepLimit   ? in::AbortKind::kStepLimit
                    : kind == CompletionKind::kTimeLimit ? in::AbortKind::kTimeLimit
                                                         : in::AbortKind::kAbort;
  StopTask(*state_, k, std::move(reason));
  NotifyIfDone();
}

Task::TaskType Task::current_task_type() const {
  return phase() == Phase::kMicrotasks ? TaskType::kMicrotask : TaskType::kMacrotask;
}

bool Task::aborted() const {
  return state_->task != nullptr && state_->task->state() == in::TaskState::kAborted;
}

bool Task::is_async() const { return state_->is_async; }

Task::Phase Task::phase() const {
  return state_->task != nullptr && state_->task->in_jobs ? Phase::kMicrotasks : Phase::kMacrotask;
}

uint64_t Task::steps() const { return state_->task ? state_->task->steps() : 0; }

Completion Task::completion() const {
  if (state_->has_precomputed) return state_->precomputed;
  in::Vm& vm = state_->rt->vm;
  if (state_->module && state_->task->state() == in::TaskState::kCompleted) {
    in::Value reason;
    switch (in::EntryModuleOutcome(state_->task->result(), &reason)) {
      case in::ModuleOutcome::kFulfilled: {
        Completion c;
        c.value_string = "undefined";
        c.value_type = "undefined";
        return c;
      }
      case in::ModuleOutcome::kRejected:
        return ExceptionCompletion(vm, reason, state_->handles, state_->task->limits_hit);
      case in::ModuleOutcome::kPending: {
        Completion c;
        c.kind = CompletionKind::kIncomplete;
        c.error_message = "the module's top-level await never settled";
        return c;
      }
    }
  }
  return CompletionFromTask(vm, *state_->task, state_->stop_kind, state_->handles);
}

}  // namespace ratchet
