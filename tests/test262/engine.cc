// The engine side of the test262 runner: a fresh runtime and realm per test,
// the $262 host object, print(), and the outcome of the evaluation.
#include "tests/test262/engine.h"

#include <fstream>
#include <memory>
#include <sstream>

#include "compiler/parser.h"
#include "runtime/builtins/builtins.h"
#include "runtime/module.h"
#include "runtime/realm.h"
#include "tests/test262/agents.h"
#include "vm/code.h"
#include "vm/interpreter.h"
#include "vm/task.h"
#include "vm/typed_array.h"
#include "vm/vm.h"

namespace ratchet::test262 {

namespace in = ::ratchet::internal;

namespace {

// The runner's per-test state, reachable from the natives.
struct TestHost {
  std::string printed;
};
thread_local TestHost* g_host = nullptr;

bool InstallHost(in::Vm& vm, in::Realm& realm);

in::Value Print(in::Vm& vm, in::CallArgs& a) {
  std::string line;
  for (uint32_t i = 0; i < a.argc; ++i) {
    if (i > 0) line += " ";
    in::Value v = a.args[i];
    if (v.IsObject() || v.IsSymbol()) {
      line += v.IsObject() ? "[object]" : "Symbol()";
      continue;
    }
    in::String* s = in::PrimitiveToString(vm, v);
    if (s == nullptr) return in::Value::Empty();
    line += in::ToUtf8(s);
  }
  if (g_host != nullptr) g_host->printed += line + "\n";
  return in::Value::Undefined();
}

// $262.evalScript(source): compiles in this realm and runs the script as a
// frame of the current task (no nested interpreter).
in::Value EvalScript(in::Vm& vm, in::CallArgs& a) {
  in::String* src = in::ArgToString(vm, a.arg(0));
  if (src == nullptr) return in::Value::Empty();
  in::ScriptError err;
  in::Code* code = in::CompileScript(vm, in::ToU16String(src), "<evalScript>", &err);
  if (code == nullptr) {
    return vm.ThrowError(err.unsupported ? in::ErrorKind::kInternalError : in::ErrorKind::kSyntaxError,
                         err.message);
  }
  in::Realm& realm = *vm.current_realm();
  in::Object* fn = in::NewClosure(vm, realm, code, nullptr);
  if (fn == nullptr) return vm.ThrowOutOfMemory();
  return vm.RequestTailCall(in::Value::FromObject(fn), realm.global_this, {});
}

in::Value CreateRealmNative(in::Vm& vm, in::CallArgs& a) {
  in::Realm* saved = vm.current_realm();
  in::Realm* r = in::CreateRealm(vm);
  vm.set_current_realm(saved);
  if (r == nullptr) return in::Value::Empty();
  if (!InstallHost(vm, *r)) return vm.ThrowOutOfMemory();
  in::OwnProperty prop;
  in::GetOwnProperty(vm, r->global, in::NameKey(vm, "$262"), &prop);
  return prop.value;
}

in::Value Gc(in::Vm& vm, in::CallArgs& a) {
  vm.heap().RequestGc();  // collected at the next safepoint
  return in::Value::Undefined();
}

// 25.1.3.5 DetachArrayBuffer ( arrayBuffer [ , key ] )
in::Value DetachArrayBuffer(in::Vm& vm, in::CallArgs& a) {
  in::Value v = a.arg(0);
  if (!v.IsObject() || v.AsObject()->cls != in::ObjectClass::kArrayBuffer) {
    return vm.ThrowError(in::ErrorKind::kTypeError, "detachArrayBuffer needs an ArrayBuffer (not shared)");
  }
  auto* buffer = static_cast<in::ArrayBufferObject*>(v.AsObject());
  if (buffer->immutable) return vm.ThrowError(in::ErrorKind::kTypeError, "an immutable ArrayBuffer cannot be detached");
  in::DetachBuffer(vm, buffer);
  return in::Value::Null();
}

bool InstallHost(in::Vm& vm, in::Realm& realm) {
  in::Realm* saved = vm.current_realm();
  vm.set_current_realm(&realm);
  in::Object* host = in::NewObject(vm, realm.intrinsic(in::Intrinsic::kObjectPrototype));
  in::Object* agent = in::NewObject(vm, realm.intrinsic(in::Intrinsic::kObjectPrototype));
  bool ok = host != nullptr && agent != nullptr &&
            in::DefineNativeMethod(vm, realm, realm.global, "print", Print, 1) &&
            in::DefineNativeMethod(vm, realm, host, "evalScript", EvalScript, 1) &&
            in::DefineNativeMethod(vm, realm, host, "createRealm", CreateRealmNative, 0) &&
            in::DefineNativeMethod(vm, realm, host, "gc", Gc, 0) &&
            in::DefineNativeMethod(vm, realm, host, "detachArrayBuffer", DetachArrayBuffer, 1) &&
            in::DefineValue(vm, host, "global", realm.global_this) &&
            in::DefineValue(vm, host, "AbstractModuleSource",
                            in::Value::FromObject(realm.intrinsic(in::Intrinsic::kAbstractModuleSource))) &&
            in::DefineValue(vm, host, "agent", in::Value::FromObject(agent));
  ok = ok && InstallMainAgent(vm, realm, agent);
  ok = ok && in::DefineValue(vm, realm.global, "$262", in::Value::FromObject(host));
  vm.set_current_realm(saved);
  return ok;
}

// The constructor name of a thrown value (what `negative.type` names).
std::string ErrorName(in::Vm& vm, in::Value v, std::string* message) {
  if (!v.IsObject()) {
    in::String* s = v.IsSymbol() ? nullptr : in::PrimitiveToString(vm, v);
    if (s != nullptr) *message = in::ToUtf8(s);
    vm.TakeException();
    return "";
  }
  in::Object* o = v.AsObject();
  in::OwnProperty prop;
  in::Object* holder;
  if (in::LookupProperty(vm, o, in::PropertyKey(in::Value::FromString(vm.atoms().message)), &prop, &holder) &&
      !(prop.attrs & in::kAccessorBit) && prop.value.IsString()) {
    *message = in::ToUtf8(prop.value.AsString());
  }
  if (in::LookupProperty(vm, o, in::PropertyKey(in::Value::FromString(vm.atoms().constructor)), &prop, &holder) &&
      !(prop.attrs & in::kAccessorBit) && prop.value.IsObject()) {
    in::OwnProperty name;
    if (in::GetOwnProperty(vm, prop.value.AsObject(), in::PropertyKey(in::Value::FromString(vm.atoms().name)),
                           &name) &&
        name.value.IsString()) {
      return in::ToUtf8(name.value.AsString());
    }
  }
  return "";
}

// Runs the task to its end (or the step budget) and records how it ended;
// returns false when the run must stop.
bool FinishTask(in::Vm& vm, in::Task& task, const RunRequest& req, RunResult* result) {
  uint64_t budget = req.max_steps == 0 ? UINT64_MAX : req.max_steps;
  DriveTask(vm, task, budget);
  bool keep_going = true;
  if (!task.done()) {
    result->outcome = Outcome::kLimit;
    result->message = "step limit reached";
    keep_going = false;
  } else if (task.state() == in::TaskState::kThrew) {
    result->outcome = Outcome::kThrew;
    result->error_name = ErrorName(vm, task.exception(), &result->message);
    keep_going = false;
  } else if (task.state() == in::TaskState::kAborted) {
    result->outcome = Outcome::kLimit;
    result->message = task.abort_reason();
    keep_going = false;
  }
  vm.UnregisterTask(&task);
  return keep_going;
}

void CompileFailure(const in::ScriptError& err, RunResult* result) {
  if (err.unsupported || err.message == "out of memory") {
    result->outcome = Outcome::kThrew;
    result->error_name = "InternalError";
  } else {
    result->outcome = Outcome::kParseError;
    result->error_name = "SyntaxError";
  }
  result->message = err.message + " (" + std::to_string(err.line) + ":" + std::to_string(err.column) + ")";
}

// Runs one script in the task; returns false when the run must stop.
bool RunScript(in::Vm& vm, in::Realm* realm, const std::string& source, const std::string& name,
               const RunRequest& req, RunResult* result) {
  in::ScriptError err;
  in::Code* code = in::CompileScript(vm, in::Utf8ToUtf16(source), name, &err);
  if (code == nullptr) {
    CompileFailure(err, result);
    return false;
  }
  in::Task task(vm, realm);
  vm.RegisterTask(&task);
  bool ok = in::StartScript(task, code, realm);
  if (!ok) in::CompleteTask(task, in::TaskState::kThrew, vm.TakeException());
  return FinishTask(vm, task, req, result);
}

// Modules load from files relative to their importer (module specifiers in
// test262 are relative paths), for module tests and import() in scripts.
void InstallModuleHooks(in::Vm& vm, const RunRequest& req) {
  std::string root = req.root;
  vm.module_hooks().resolve = [](const std::string& specifier, const std::string& referrer, std::string* url,
                                 std::string* error) {
    *url = in::ResolveModulePath(specifier, referrer);
    return true;
  };
  vm.module_hooks().load = [root](const std::string& url, std::string* source, std::string* error) {
    std::ifstream in(root + "/" + url, std::ios::binary);
    if (!in) {
      *error = "Cannot find module '" + url + "'";
      return false;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    *source = ss.str();
    return true;
  };
}

// Runs the test as a module.
void RunModule(in::Vm& vm, in::Realm* realm, const RunRequest& req, RunResult* result) {
  in::ScriptError err;
  in::Object* record = in::CompileModuleRecord(vm, *realm, in::Utf8ToUtf16(req.source), req.file_name, &err);
  if (record == nullptr) {
    CompileFailure(err, result);
    return;
  }
  uint32_t root_handle = vm.AddRoot(in::Value::FromObject(record));
  if (!in::RegisterModule(vm, *realm, req.file_name, record)) {
    result->outcome = Outcome::kLimit;
    result->message = "out of memory";
    vm.RemoveRoot(root_handle);
    return;
  }
  if (!req.harness_prelude.empty() && !RunScript(vm, realm, req.harness_prelude, "harness", req, result)) {
    vm.RemoveRoot(root_handle);
    return;
  }
  in::Task task(vm, realm);
  vm.RegisterTask(&task);
  if (!in::StartCall(task, realm->self_hosted_fn(in::SelfHosted::kModuleRun), in::Value::Undefined(),
                     {in::Value::FromObject(record)})) {
    in::CompleteTask(task, in::TaskState::kThrew, vm.TakeException());
  }
  bool finished = FinishTask(vm, task, req, result);
  if (!finished && result->outcome == Outcome::kThrew &&
      in::GetModuleStatus(vm, record) == in::ModuleStatus::kNew) {
    result->outcome = Outcome::kResolutionError;  // loading or linking failed
  }
  if (finished) {
    in::Value reason;
    if (in::EntryModuleOutcome(task.result(), &reason) == in::ModuleOutcome::kRejected) {
      result->outcome = Outcome::kThrew;
      result->error_name = ErrorName(vm, reason, &result->message);
    }
  }
  vm.RemoveRoot(root_handle);
}

}  // namespace

RunResult RunTest(const RunRequest& req) {
  RunResult result;
  auto vm = std::make_unique<in::Vm>();
  vm->set_can_block(req.can_block);
  if (req.memory_limit != 0) vm->heap().set_limit(vm->heap().used() + req.memory_limit);
  TestHost host;
  g_host = &host;
  in::Realm* realm = in::CreateRealm(*vm);
  if (realm == nullptr || !InstallHost(*vm, *realm)) {
    result.outcome = Outcome::kLimit;
    result.message = "could not create the realm";
    g_host = nullptr;
    return result;
  }
  uint32_t root = vm->AddRoot(in::CellToValue(realm));
  InstallModuleHooks(*vm, req);
  if (req.module) {
    result.outcome = Outcome::kCompleted;
    RunModule(*vm, realm, req, &result);
  } else {
    result.outcome = Outcome::kCompleted;
    RunScript(*vm, realm, req.source, req.file_name, req, &result);
  }
  vm->RemoveRoot(root);
  EndAgents();
  result.printed = host.printed;
  g_host = nullptr;
  return result;
}

void WarmUp() {
  in::Vm vm;
  in::CreateRealm(vm);
}

}  // namespace ratchet::test262
