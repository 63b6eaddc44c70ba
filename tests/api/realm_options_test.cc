// Realm options (deterministic Math.random and Date.now, extra globals,
// host functions and modules, default runners) and expression evaluation.
#include <memory>
#include <string>
#include <vector>

#include "api/ratchet.h"
#include "api/runners.h"
#include "gtest/gtest.h"

namespace ratchet {
namespace {

TEST(RealmOptions, DeterministicRandomAndClock) {
  auto make = [](Runtime& rt) {
    RealmOptions options;
    auto state = std::make_shared<uint64_t>(12345);
    options.random = [state] {
      *state = *state * 6364136223846793005ull + 1442695040888963407ull;
      return static_cast<double>(*state >> 11) / 9007199254740992.0;
    };
    auto clock = std::make_shared<double>(1'700'000'000'000.0);
    options.now = [clock] { return *clock += 1000.5; };
    return rt.NewRealm(options);
  };
  const char* script =
      "[Math.random(), Math.random(), Date.now(), new Date().toISOString(), Date.now()].join(' ')";
  Runtime rt1, rt2;
  std::unique_ptr<Realm> a = make(rt1), b = make(rt2);
  ASSERT_NE(a, nullptr);
  ASSERT_NE(b, nullptr);
  Completion ca = a->EvaluateScriptSync(script, {});
  Completion cb = b->EvaluateScriptSync(script, {});
  ASSERT_TRUE(ca.ok()) << ca.Describe();
  EXPECT_EQ(ca.value_string, cb.value_string);  // the same replay, twice
  EXPECT_NE(ca.value_string.find("1700000001000 2023-11-14T22:13:22.001Z 1700000003001"), std::string::npos)
      << ca.value_string;
  // Out-of-range answers read as 0; other realms keep the engine's own.
  RealmOptions bad;
  bad.random = [] { return 7.0; };
  bad.now = [] { return 0.0 / 0.0; };
  std::unique_ptr<Realm> c = rt1.NewRealm(bad);
  EXPECT_EQ(c->EvaluateScriptSync("Math.random() + ':' + Date.now()", {}).value_string, "0:0");
  std::unique_ptr<Realm> plain = rt1.NewRealm();
  EXPECT_EQ(plain->EvaluateScriptSync("Date.now() > 1.7e12 && Math.random() !== Math.random()", {}).value_string,
            "true");
}

TEST(RealmOptions, GlobalsFunctionsAndModules) {
  Runtime rt;
  RealmOptions options;
  options.globals = {{"VERSION", HostValue::String("1.2.3")}, {"LIMIT", HostValue::Number(10)}};
  options.functions = {{"twice", [](const std::vector<HostValue>& args, std::string*) {
                          return HostValue::Number(args.empty() ? 0 : args[0].number * 2);
                        }}};
  HostModule config;
  config.values = {{"mode", HostValue::String("test")}};
  options.host_modules = {{"config", config}};
  std::unique_ptr<Realm> realm = rt.NewRealm(options);
  ASSERT_NE(realm, nullptr);
  Completion c = realm->EvaluateScriptSync(
      "VERSION + ' ' + twice(LIMIT) + ' ' + Object.keys(globalThis).includes('VERSION') + ' ' +"
      " Object.getOwnPropertyDescriptor(globalThis, 'LIMIT').writable",
      {});
  EXPECT_EQ(c.value_string, "1.2.3 20 false true");
  EvalOptions mod;
  mod.file_name = "main.js";
  std::vector<std::string> printed;
  rt.SetPrintHandler([&](const std::string& line) { printed.push_back(line); });
  c = realm->EvaluateModuleSync("import {mode} from 'config'; print(mode);", mod);
  ASSERT_TRUE(c.ok()) << c.Describe();
  EXPECT_EQ(printed, std::vector<std::string>{"test"});
}

TEST(RealmOptions, DefaultRunners) {
  Runtime rt;
  RealmOptions options;
  int async_runs = 0;
  options.run_task = [&](const std::shared_ptr<Task>& t) {
    ++async_runs;
    t->Run(1000);
  };
  options.run_task_sync = StepBudgetRunner(10'000);
  std::unique_ptr<Realm> realm = rt.NewRealm(options);
  std::shared_ptr<Task> t = realm->EvaluateScript("for (;;) {}", {});
  EXPECT_EQ(async_runs, 1);
  EXPECT_FALSE(t->done());
  t->Abort("enough");
  Completion c = realm->EvaluateScriptSync("for (;;) {}", {});
  EXPECT_EQ(c.kind, CompletionKind::kStepLimit);
}

// RealmOptions::global_this: the realm's [[GlobalThisValue]] is a host
// object (a facade whose prototype is the global object, as a browser's
// WindowProxy stands in front of its Window); global bindings stay on the
// global object.
TEST(RealmOptions, GlobalThis) {
  static const char kFacadeTag = 0;
  Runtime rt;
  RealmOptions options;
  options.globals = {{"VERSION", HostValue::String("1.0")}};
  options.global_this = [](Realm& realm) -> Result<Value> {
    Result<Value> facade = realm.NewHostObject(&kFacadeTag, nullptr, nullptr, realm.Global());
    if (!facade.ok()) return facade;
    Status s = facade->Define("facade", Value::Boolean(true), false, false, false);
    if (!s.ok()) return s;
    return facade;
  };
  std::unique_ptr<Realm> realm = rt.NewRealm(options);
  ASSERT_NE(realm, nullptr);
  Value facade = realm->GlobalThis();
  EXPECT_TRUE(facade.host_data(&kFacadeTag).ok());
  EXPECT_FALSE(facade.StrictEquals(realm->Global()));
  auto eval = [&](const std::string& code) {
    Completion c = realm->EvaluateScriptSync(code, {});
    EXPECT_TRUE(c.ok()) << code << ": " << c.Describe();
    return c.value_string;
  };
  // globalThis, top-level this, sloppy functions' this, indirect eval and
  // new Function all see the facade; strict functions see undefined.
  EXPECT_EQ(eval("[globalThis.facade, this === globalThis, (function () { return this; })() === globalThis,"
                 " (0, eval)('this') === globalThis, Function('return this')() === globalThis,"
                 " (function () { 'use strict'; return this; })()].join()"),
            "true,true,true,true,true,");
  EXPECT_TRUE(realm->GlobalThis().StrictEquals(realm->EvaluateScriptSync("this", {}).value));
  // Global bindings live on the global object and show through the facade.
  EXPECT_EQ(eval("var declared = 1; let lexical = 2; implicit = 3;"
                 "[globalThis.declared, globalThis.implicit, globalThis.VERSION, typeof globalThis.lexical,"
                 " Object.getOwnPropertyNames(globalThis).join('/')].join()"),
            "1,3,1.0,undefined,facade");
  EXPECT_EQ(realm->Global().Get("declared")->AsNumber(), 1);
  EXPECT_TRUE(realm->Global().Get("facade")->IsUndefined());
  // The property is the global object's: writable, configurable, hidden.
  EXPECT_EQ(eval("var d = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(globalThis), 'globalThis');"
                 "[d.value === globalThis, d.writable, d.enumerable, d.configurable].join()"),
            "true,true,false,true");
  // Properties set through globalThis land on the facade, not on the
  // global object (a facade that forwards them would be a Proxy).
  EXPECT_EQ(eval("globalThis.viaFacade = 1; typeof viaFacade + ':' + Object.hasOwn(globalThis, 'viaFacade')"),
            "undefined:true");
  // Modules' top-level this is undefined as always.
  EvalOptions mod;
  mod.file_name = "m.js";
  ASSERT_TRUE(realm->EvaluateModuleSync("globalThis.moduleThis = this;", mod).ok());
  EXPECT_EQ(eval("'moduleThis' in globalThis && globalThis.moduleThis === undefined && globalThis.facade"), "true");
  // It survives collections without a host handle.
  facade = Value();
  rt.RunGC();
  EXPECT_EQ(eval("globalThis.facade && this === globalThis"), "true");
}

TEST(RealmOptions, GlobalThisHookResults) {
  Runtime rt;
  RealmOptions options;
  // Undefined keeps the global object.
  options.global_this = [](Realm&) -> Result<Value> { return Value(); };
  std::unique_ptr<Realm> plain = rt.NewRealm(options);
  ASSERT_NE(plain, nullptr);
  EXPECT_TRUE(plain->GlobalThis().StrictEquals(plain->Global()));
  EXPECT_EQ(plain->EvaluateScriptSync("this === globalThis && globalThis.globalThis === globalThis", {}).value_string,
            "true");
  // A hook may run code in the new realm to build its value.
  options.global_this = [](Realm& realm) -> Result<Value> {
    return realm.EvaluateScriptSync("({built: 'by script', __proto__: this})", {}).value;
  };
  std::unique_ptr<Realm> scripted = rt.NewRealm(options);
  ASSERT_NE(scripted, nullptr);
  EXPECT_EQ(scripted->EvaluateScriptSync("globalThis.built + ':' + (typeof Array)", {}).value_string, "by script:function");
  // Errors, primitives and other realms' objects make NewRealm fail.
  options.global_this = [](Realm&) -> Result<Value> { return Status::Throw("Error", "no"); };
  EXPECT_EQ(rt.NewRealm(options), nullptr);
  options.global_this = [](Realm&) -> Result<Value> { return Value::Number(1); };
  EXPECT_EQ(rt.NewRealm(options), nullptr);
  options.global_this = [&plain](Realm&) -> Result<Value> { return plain->NewObject(); };
  EXPECT_EQ(rt.NewRealm(options), nullptr);
  EXPECT_TRUE(plain->EvaluateScriptSync("1", {}).ok());
}

TEST(Realm, SetGlobalThis) {
  Runtime rt;
  std::unique_ptr<Realm> realm = rt.NewRealm();
  Value o = *realm->NewObject();
  ASSERT_TRUE(o.Set("mine", Value::Boolean(true)).ok());
  ASSERT_TRUE(realm->SetGlobalThis(o).ok());
  EXPECT_EQ(realm->EvaluateScriptSync("this.mine === true && globalThis === this && typeof Math", {}).value_string,
            "object");
  // Functions defined before see the new value when called.
  ASSERT_TRUE(realm->SetGlobalThis(Value::Null()).ok());  // the global object again
  EXPECT_TRUE(realm->GlobalThis().StrictEquals(realm->Global()));
  EXPECT_EQ(realm->EvaluateScriptSync("this.mine === undefined && globalThis === this", {}).value_string, "true");
  // Refused: primitives, other realms', dead handles, a locked property.
  EXPECT_EQ(realm->SetGlobalThis(Value::Number(1)).error_name(), "TypeError");
  std::unique_ptr<Realm> other = rt.NewRealm();
  Value foreign = *other->NewObject();
  EXPECT_EQ(realm->SetGlobalThis(foreign).kind(), CompletionKind::kWrongOwner);
  other.reset();
  EXPECT_EQ(realm->SetGlobalThis(foreign).kind(), CompletionKind::kUseAfterFree);
  ASSERT_TRUE(realm->EvaluateScriptSync("Object.defineProperty(globalThis, 'globalThis', {configurable: false})", {}).ok());
  EXPECT_EQ(realm->SetGlobalThis(o).error_name(), "TypeError");
  EXPECT_TRUE(realm->GlobalThis().StrictEquals(realm->Global()));  // unchanged
  // Hiding globalThis: delete the property (the this value stays).
  std::unique_ptr<Realm> hidden = rt.NewRealm();
  ASSERT_TRUE(*hidden->Global().Delete("globalThis"));
  EXPECT_EQ(hidden->EvaluateScriptSync("typeof globalThis + ':' + (this === undefined)", {}).value_string,
            "undefined:false");
}

TEST(EvaluateExpression, OneExpressionOnly) {
  Runtime rt;
  std::unique_ptr<Realm> realm = rt.NewRealm();
  EXPECT_EQ(realm->EvaluateExpressionSync("1 + 2 * 3", {}).value.AsNumber(), 7);
  EXPECT_EQ(realm->EvaluateExpressionSync("{a: 1}", {}).value.Dump(), R"({"a": 1})");  // an object, not a block
  EXPECT_EQ(realm->EvaluateExpressionSync("x = 5, x * 2 // comment", {}).value.AsNumber(), 10);
  for (const char* bad : {"1); globalThis.injected = (1", "1;", "var y = 1", "1; 2", "", "if (1) 2"}) {
    Completion c = realm->EvaluateExpressionSync(bad, {});
    EXPECT_EQ(c.kind, CompletionKind::kSyntaxError) << bad;
  }
  EXPECT_EQ(realm->EvaluateExpressionSync("typeof injected", {}).value_string, "undefined");
  EXPECT_EQ(realm->EvaluateExpressionSync("null.x", {}).error_name, "TypeError");
  std::shared_ptr<Task> t = realm->EvaluateExpression("[1, 2, 3].map(n => n * n)", {});
  ASSERT_TRUE(t->done());
  EXPECT_EQ(t->completion().value.Dump(), "[1, 4, 9]");
  EXPECT_EQ(realm->EvaluateExpression("1;", {})->completion().kind, CompletionKind::kSyntaxError);
}

TEST(EvalOptions, Strict) {
  Runtime rt;
  std::unique_ptr<Realm> realm = rt.NewRealm();
  EvalOptions strict;
  strict.strict = true;
  EXPECT_EQ(realm->EvaluateScriptSync("undeclared = 1", strict).error_name, "ReferenceError");
  EXPECT_TRUE(realm->EvaluateScriptSync("sloppyGlobal = 1", {}).ok());
  EXPECT_EQ(realm->EvaluateScriptSync("with ({}) {}", strict).kind, CompletionKind::kSyntaxError);
  EXPECT_EQ(realm->EvaluateExpressionSync("(function() { return this; })()", strict).value_string, "undefined");
  EXPECT_EQ(realm->EvaluateExpressionSync("typeof (function() { return this; })()", {}).value_string, "object");
}

TEST(PendingJobs, CleanupJobsOutsideTasks) {
  Runtime rt;
  std::unique_ptr<Realm> realm = rt.NewRealm();
  EXPECT_FALSE(rt.HasPendingJob());
  EXPECT_TRUE(realm->ExecutePendingJobs().ok());  // nothing to do
  ASSERT_TRUE(realm->EvaluateScriptSync(
                       "var cleaned = []; var registry = new FinalizationRegistry(h => cleaned.push(h));"
                       "(function () { for (let i = 0; i < 3; i++) registry.register({}, 'held' + i); })();",
                       {})
                  .ok());
  rt.RunGC();  // the three objects die: their cleanup job waits outside any task
  EXPECT_TRUE(rt.HasPendingJob());
  Completion c = realm->ExecutePendingJobs();
  ASSERT_TRUE(c.ok()) << c.Describe();
  EXPECT_FALSE(rt.HasPendingJob());
  EXPECT_EQ(realm->EvaluateExpressionSync("cleaned.sort().join()", {}).value_string, "held0,held1,held2");
  // Under limits: a cleanup callback that never ends is stopped.
  ASSERT_TRUE(realm->EvaluateScriptSync(
                       "var r2 = new FinalizationRegistry(() => { for (;;) {} });"
                       "(function () { r2.register({}, 1); })();",
                       {})
                  .ok());
  rt.RunGC();
  ASSERT_TRUE(rt.HasPendingJob());
  RunLimits limits;
  limits.max_steps = 10'000;
  EXPECT_EQ(realm->ExecutePendingJobs(limits).kind, CompletionKind::kStepLimit);
}

TEST(TaskState, AbortedAsyncAndTaskType) {
  Runtime rt;
  std::unique_ptr<Realm> realm = rt.NewRealm();
  std::unique_ptr<Task> sync_task = realm->NewScriptTask("1", {});
  EXPECT_FALSE(sync_task->is_async());
  EvalOptions options;
  options.run_task = [](const std::shared_ptr<Task>&) {};  // runs nothing yet
  std::shared_ptr<Task> t = realm->EvaluateScript("Promise.resolve().then(() => { for (;;) {} })", options);
  EXPECT_TRUE(t->is_async());
  EXPECT_EQ(t->current_task_type(), Task::TaskType::kMacrotask);
  t->Run(1000);
  EXPECT_EQ(t->current_task_type(), Task::TaskType::kMicrotask);  // in the job's loop
  EXPECT_FALSE(t->aborted());
  t->Abort("stop");
  EXPECT_TRUE(t->done());
  EXPECT_TRUE(t->aborted());
  std::shared_ptr<Task> ok = realm->EvaluateScript("2", {});
  EXPECT_TRUE(ok->done());
  EXPECT_FALSE(ok->aborted());
  EXPECT_TRUE(realm->Call(*realm->NewFunction("f", [](const HostCallInfo&) -> Result<Value> { return Value(); }),
                          Value(), {})
                  ->is_async());
}

TEST(DebugLog, OneLinePerEvent) {
  Runtime rt;
  std::vector<std::string> lines;
  rt.SetDebugLog([&](const std::string& line) { lines.push_back(line); });
  {
    std::unique_ptr<Realm> realm = rt.NewRealm();
    EvalOptions options;
    options.file_name = "job.js";
    realm->EvaluateScriptSync("var a = []; for (let i = 0; i < 1000; i++) a.push({i}); a.length", options);
    options.limits.max_steps = 100;
    realm->EvaluateScriptSync("for (;;) {}", options);
    rt.RunGC();
  }
  auto has = [&](const std::string& needle) {
    for (const std::string& l : lines) {
      if (l.find(needle) != std::string::npos) return true;
    }
    return false;
  };
  EXPECT_TRUE(has("realm ")) << lines.size();
  EXPECT_TRUE(has(" created ("));
  EXPECT_TRUE(has(" started: script job.js"));
  EXPECT_TRUE(has(" done: normal after "));
  EXPECT_TRUE(has(" done: Stopped: the step limit was reached after 100 steps"));
  EXPECT_TRUE(has("gc: "));
  EXPECT_TRUE(has(" destroyed"));
  // Off again: nothing more.
  rt.SetDebugLog(nullptr);
  size_t n = lines.size();
  std::unique_ptr<Realm> quiet = rt.NewRealm();
  quiet->EvaluateScriptSync("1", {});
  EXPECT_EQ(lines.size(), n);
}

}  // namespace
}  // namespace ratchet
