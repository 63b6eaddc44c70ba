// The task API: stepping, running in bursts, aborting, limits — and that
// the runtime stays usable after each.
#include <atomic>
#include <string>
#include <vector>

#include "api/ratchet.h"
#include "gtest/gtest.h"

namespace ratchet {
namespace {

class TaskTest : public ::testing::Test {
 protected:
  void SetUp() override {
    runtime_.SetPrintHandler([this](const std::string& line) { printed_ += line + "\n"; });
    realm_ = runtime_.NewRealm();
    ASSERT_NE(realm_, nullptr);
  }
  Completion Eval(const std::string& code, RunLimits limits = {}) {
    EvalOptions options;
    options.limits = limits;
    return realm_->EvaluateScriptSync(code, options);
  }
  Runtime runtime_;
  std::unique_ptr<Realm> realm_;
  std::string printed_;
};

TEST_F(TaskTest, EvaluatesAndReturnsTheCompletionValue) {
  Completion c = Eval("1 + 1");
  ASSERT_TRUE(c.ok()) << c.Describe();
  EXPECT_EQ(c.value_string, "2");
  EXPECT_EQ(c.value_type, "number");
  c = Eval("function fib(n){return n<2?n:fib(n-1)+fib(n-2)} fib(20)");
  ASSERT_TRUE(c.ok()) << c.Describe();
  EXPECT_EQ(c.value_string, "6765");
}

TEST_F(TaskTest, PromiseJobsRunAsMicrotasksOfTheSameTask) {
  std::vector<std::string> printed;
  runtime_.SetPrintHandler([&](const std::string& line) { printed.push_back(line); });
  auto task = realm_->NewScriptTask(
      "async function f() { await null; print('after await'); return 2; }"
      "f().then(v => print('then ' + v)); print('script end'); 'completion'",
      {});
  bool saw_macrotask = false, saw_microtasks = false;
  size_t printed_when_script_ended = 0;
  while (task->Step()) {
    if (task->phase() == Task::Phase::kMacrotask) {
      saw_macrotask = true;
      EXPECT_FALSE(saw_microtasks) << "the script runs before its jobs";
    } else {
      if (!saw_microtasks) printed_when_script_ended = printed.size();
      saw_microtasks = true;
    }
  }
  EXPECT_TRUE(saw_macrotask);
  EXPECT_TRUE(saw_microtasks) << "jobs must run inside the task that spawned them";
  EXPECT_EQ(printed_when_script_ended, 1u);
  ASSERT_EQ(printed, (std::vector<std::string>{"script end", "after await", "then 2"}));
  ASSERT_TRUE(task->completion().ok()) << task->completion().Describe();
  EXPECT_EQ(task->completion().value_string, "completion") << "the script's value, not a job's";
}

TEST_F(TaskTest, AbortDuringMicrotasksIsUncatchable) {
  auto task = realm_->NewScriptTask(
      "Promise.resolve().then(async () => { try { for (;;) await null; } finally { print('no'); } })", {});
  task->Run(100000);
  EXPECT_FALSE(task->done());
  EXPECT_EQ(task->phase(), Task::Phase::kMicrotasks);
  task->Abort("stop");
  EXPECT_TRUE(task->done());
  EXPECT_EQ(task->completion().kind, CompletionKind::kTaskAborted);
  EXPECT_TRUE(Eval("1").ok());
}

TEST_F(TaskTest, StepExecutesExactlyOneInstruction) {
  auto task = realm_->NewScriptTask("var x = 0; for (var i = 0; i < 3; i++) x += i; x", {});
  uint64_t n = 0;
  while (!task->done()) {
    uint64_t before = task->steps();
    task->Step();
    ++n;
    ASSERT_EQ(task->steps(), before + 1) << "Step() must run exactly one instruction";
    ASSERT_LT(n, 10000u);
  }
  EXPECT_EQ(task->steps(), n);
  ASSERT_TRUE(task->completion().ok());
  EXPECT_EQ(task->completion().value_string, "3");
  // The same program in one burst takes the same number of steps.
  auto burst = realm_->NewScriptTask("var x = 0; for (var i = 0; i < 3; i++) x += i; x", {});
  burst->Run(1000000);
  EXPECT_TRUE(burst->done());
  EXPECT_EQ(burst->steps(), n);
}

TEST_F(TaskTest, AbortMidLoopIsUncatchableAndTheRuntimeStaysUsable) {
  auto task = realm_->NewScriptTask(
      "var caught = false; try { for (;;) {} } catch (e) { caught = true } finally { caught = 'finally' }", {});
  EXPECT_EQ(task->Run(5000), 5000u);
  EXPECT_FALSE(task->done());
  task->Abort("host says stop");
  EXPECT_TRUE(task->done());
  EXPECT_EQ(task->Run(100), 0u);
  Completion c = task->completion();
  EXPECT_EQ(c.kind, CompletionKind::kTaskAborted);
  EXPECT_EQ(c.error_message, "host says stop");
  // Neither catch nor finally ran.
  Completion after = Eval("caught");
  ASSERT_TRUE(after.ok()) << after.Describe();
  EXPECT_EQ(after.value_string, "false");
  EXPECT_EQ(Eval("[1, 2, 3].map(x => x * 2).join()").value_string, "2,4,6");
}

TEST_F(TaskTest, GeneratorSuspendedInsideForOfSteppedOneInstructionAtATime) {
  // outer() is suspended in the middle of a for-of over inner() between
  // the next() calls; the whole script runs one Step() at a time.
  auto task = realm_->NewScriptTask(
      "function* inner() { try { yield 1; yield 2; yield 3; } finally { print('inner closed'); } }\n"
      "function* outer() { for (const x of inner()) { yield x * 10; } }\n"
      "const g = outer();\n"
      "const first = g.next().value;\n"
      "const second = g.next().value;\n"
      "g.return(0);\n"
      "first + second", {});
  uint64_t steps = 0;
  while (!task->done()) {
    task->Step();
    ++steps;
    ASSERT_LT(steps, 100000u);
  }
  Completion c = task->completion();
  ASSERT_TRUE(c.ok()) << c.Describe();
  EXPECT_EQ(c.value_string, "30");
  EXPECT_EQ(printed_, "inner closed\n");  // return() closed the inner iterator
  EXPECT_GT(steps, 50u);
}

TEST_F(TaskTest, AbortInsideFinallyIsUncatchable) {
  std::atomic<bool> in_finally{false};
  realm_->DefineHostFunction("enteredFinally", [&](const std::vector<HostValue>&, std::string*) {
    in_finally = true;
    return HostValue::Undefined();
  });
  auto task = realm_->NewScriptTask(
      "var after = 'no';\n"
      "try { try { throw new Error('x'); } finally { enteredFinally(); for (;;) {} } }\n"
      "catch (e) { after = 'caught'; } finally { after = 'outer finally'; }", {});
  while (!in_finally) ASSERT_GT(task->Run(100), 0u);
  EXPECT_EQ(task->Run(5000), 5000u);  // spinning inside the finally block
  task->Abort("stopped in finally");
  EXPECT_TRUE(task->done());
  Completion c = task->completion();
  EXPECT_EQ(c.kind, CompletionKind::kTaskAborted);
  EXPECT_EQ(c.error_message, "stopped in finally");
  // Neither the outer catch nor the outer finally ran; the realm works.
  EXPECT_EQ(Eval("after").value_string, "no");
  EXPECT_EQ(Eval("[3, 1, 2].sort().join()").value_string, "1,2,3");
}

TEST_F(TaskTest, AsyncFunctionAwaitsAHostSettledPromise) {
  // The import() promise is settled by the host when it answers the load.
  ModuleLoadDone pending;
  runtime_.SetAsyncModuleLoader([&](const std::string&, ModuleLoadDone done) { pending = std::move(done); });
  EvalOptions options;
  options.file_name = "main.js";
  auto task = realm_->NewScriptTask(
      "var result = 'waiting';\n"
      "async function load() { const m = await import('./config.js'); return m.value * 2; }\n"
      "load().then((v) => { result = v; print('settled', v); });", options);
  task->Run(100000);
  EXPECT_FALSE(task->done());
  EXPECT_TRUE(task->waiting());
  ASSERT_TRUE(pending != nullptr);
  EXPECT_EQ(task->Run(1000), 0u);  // nothing to do until the host answers
  pending(true, "export const value = 21;");
  task->Run(100000);
  EXPECT_TRUE(task->done());
  EXPECT_TRUE(task->completion().ok()) << task->completion().Describe();
  EXPECT_EQ(printed_, "settled 42\n");
  EXPECT_EQ(Eval("result").value_string, "42");
}

TEST_F(TaskTest, StepLimitStopsInfiniteLoops) {
  RunLimits limits;
  limits.max_steps = 100000;
  Completion c = Eval("for (;;) {}", limits);
  EXPECT_EQ(c.kind, CompletionKind::kStepLimit);
  EXPECT_EQ(Eval("6 * 7").value_string, "42");
}

TEST_F(TaskTest, TimeLimitStopsInfiniteLoops) {
  RunLimits limits;
  limits.timeout_ms = 100;
  Completion c = Eval("while (true) {}", limits);
  EXPECT_EQ(c.kind, CompletionKind::kTimeLimit);
  EXPECT_EQ(Eval("'still ' + 'alive'").value_string, "still alive");
}

TEST_F(TaskTest, InterruptHandlerStopsTheTask) {
  std::atomic<int> polls{0};
  runtime_.SetInterruptHandler([&] { return ++polls > 3; });
  Completion c = Eval("for (;;) {}");
  EXPECT_EQ(c.kind, CompletionKind::kInterrupted);
  runtime_.SetInterruptHandler(nullptr);
  EXPECT_EQ(Eval("1").value_string, "1");
}

TEST_F(TaskTest, DeepRecursionIsAStackOverflowNotACrash) {
  Completion c = Eval("function f() { return f() } f()");
  ASSERT_EQ(c.kind, CompletionKind::kStackOverflow);
  EXPECT_EQ(c.error_name, "RangeError");
  EXPECT_EQ(c.error_message, "Maximum call stack size exceeded");
  EXPECT_TRUE(c.value.IsError());
  EXPECT_EQ(c.Describe().substr(0, 50), "Uncaught RangeError: Maximum call stack size excee");
  // Catchable, and the runtime is fine afterwards.
  c = Eval("function g(n) { return g(n + 1) } try { g(0) } catch (e) { e instanceof RangeError }");
  ASSERT_TRUE(c.ok()) << c.Describe();
  EXPECT_EQ(c.value_string, "true");
  // Caught and rethrown, it is still the limit; a script's own RangeError
  // with the same message is not.
  EXPECT_EQ(Eval("try { g(0) } catch (e) { throw e }").kind, CompletionKind::kStackOverflow);
  EXPECT_EQ(Eval("throw new RangeError('Maximum call stack size exceeded')").kind, CompletionKind::kJsException);
  // One kept from an earlier task and thrown again is the script's own.
  ASSERT_TRUE(Eval("var kept; try { g(0) } catch (e) { kept = e } kept instanceof RangeError").ok());
  EXPECT_EQ(Eval("kept.message = 'steer the host'; throw kept").kind, CompletionKind::kJsException);
  // An async function's overflow rejects its promise; a module's top level
  // reports it as its completion.
  EvalOptions module;
  module.file_name = "deep.mjs";
  EXPECT_EQ(realm_->EvaluateModuleSync("function h() { return h() } h();", module).kind,
            CompletionKind::kStackOverflow);
}

TEST_F(TaskTest, RaisingTheStackLimitLetsDeepRecursionFinish) {
  const char* code = "function d(n) { return n === 0 ? 0 : 1 + d(n - 1) } d(100000)";
  Completion c = Eval(code);
  EXPECT_EQ(c.error_name, "RangeError");
  runtime_.SetMaxStackSize(256 << 20);
  c = Eval(code);
  ASSERT_TRUE(c.ok()) << c.Describe();
  EXPECT_EQ(c.value_string, "100000");
}

TEST_F(TaskTest, MemoryLimitGivesACatchableOutOfMemory) {
  runtime_.SetMemoryLimit(runtime_.MemoryUsed() + (8 << 20));
  // A function-local array: once the error unwinds, it is garbage.
  Completion c = Eval("(function () { let a = []; for (;;) a.push({x: a.length}) })()");
  ASSERT_EQ(c.kind, CompletionKind::kOutOfMemory);
  EXPECT_EQ(c.error_name, "InternalError");
  EXPECT_EQ(c.error_message, "out of memory");
  EXPECT_EQ(c.Describe().substr(0, 37), "Uncaught InternalError: out of memory");
  // Catchable inside the sandbox.
  c = Eval("(function () { try { let a = []; for (;;) a.push({x: a.length}) } catch (e) { return e.message } })()");
  ASSERT_TRUE(c.ok()) << c.Describe();
  EXPECT_EQ(c.value_string, "out of memory");
  runtime_.RunGC();
  c = Eval("var s = 0; for (var i = 0; i < 100; i++) s += i; s");
  ASSERT_TRUE(c.ok()) << c.Describe();
  EXPECT_EQ(c.value_string, "4950");
}

TEST_F(TaskTest, SyntaxErrorsCarryALocation) {
  EvalOptions options;
  options.file_name = "bad.js";
  Completion c = realm_->EvaluateScriptSync("var x = ;", options);
  EXPECT_EQ(c.kind, CompletionKind::kSyntaxError);
  EXPECT_EQ(c.file, "bad.js");
  EXPECT_EQ(c.line, 1u);
  EXPECT_GT(c.column, 0u);
}

TEST_F(TaskTest, UncaughtErrorsHaveAStackTrace) {
  EvalOptions options;
  options.file_name = "trace.js";
  Completion c = realm_->EvaluateScriptSync("function inner() {\n  null.x;\n}\nfunction outer() { inner() }\nouter()",
                                            options);
  ASSERT_EQ(c.kind, CompletionKind::kJsException);
  EXPECT_EQ(c.error_name, "TypeError");
  EXPECT_NE(c.stack.find("at inner (trace.js:2:"), std::string::npos) << c.stack;
  EXPECT_NE(c.stack.find("at outer (trace.js:4:"), std::string::npos) << c.stack;
}

TEST_F(TaskTest, HostFunctionsAndPrint) {
  realm_->DefineHostFunction("add", [](const std::vector<HostValue>& args, std::string* error) {
    if (args.size() != 2) {
      *error = "add needs two arguments";
      return HostValue::Undefined();
    }
    return HostValue::Number(args[0].number + args[1].number);
  });
  Completion c = Eval("print('sum', add(2, 3)); add(1)");
  EXPECT_EQ(printed_, "sum 5\n");
  ASSERT_EQ(c.kind, CompletionKind::kJsException);
  EXPECT_EQ(c.error_message, "add needs two arguments");
  c = Eval("try { add() } catch (e) { 'caught ' + e.message }");
  EXPECT_EQ(c.value_string, "caught add needs two arguments");
}

TEST_F(TaskTest, RealmsAreIsolated) {
  auto other = runtime_.NewRealm();
  ASSERT_NE(other, nullptr);
  Eval("var shared = 1; Array.prototype.extra = 5");
  EvalOptions options;
  Completion c = other->EvaluateScriptSync("typeof shared + ' ' + typeof [].extra", options);
  EXPECT_EQ(c.value_string, "undefined undefined");
}

}  // namespace
TEST_F(TaskTest, FinalizationRegistryCallbackRunsAfterTheCollectorFreesTheTarget) {
  ASSERT_TRUE(Eval("var log = []; var keep = {};"
                   "var fr = new FinalizationRegistry(held => log.push(held));"
                   "(function () { fr.register({}, 'gone'); fr.register(keep, 'kept'); })();"
                   "var dead = new WeakRef({}); var live = new WeakRef(keep); 0")
                  .ok());
  // Nothing is collected while a WeakRef's target was created or deref'ed in
  // the running job; here that job has ended.
  runtime_.RunGC();
  // The cleanup job was queued outside any task: the next task runs it as a
  // microtask, after its own script.
  Completion c = Eval("log.length");
  ASSERT_TRUE(c.ok()) << c.Describe();
  EXPECT_EQ(c.value_string, "0");
  c = Eval("log.join() + '|' + (dead.deref() === undefined) + '|' + (live.deref() === keep)");
  ASSERT_TRUE(c.ok()) << c.Describe();
  EXPECT_EQ(c.value_string, "gone|true|true");
  // Unregistered cells never call back.
  ASSERT_TRUE(Eval("(function () { var t = {}; fr.register({}, 'never', t); fr.unregister(t); })(); 0").ok());
  runtime_.RunGC();
  Eval("0");
  c = Eval("log.join()");
  EXPECT_EQ(c.value_string, "gone");
}

}  // namespace ratchet

namespace ratchet {
namespace {

// Dropping the realm the runtime last used (its "current realm" outside
// tasks is then cleared) leaves the other realms fully usable: compiling,
// throwing errors, syntax errors, new realms.
TEST(RealmLifetime, DroppingTheLastUsedRealmLeavesTheOthersUsable) {
  Runtime runtime;
  std::unique_ptr<Realm> a = runtime.NewRealm();
  std::unique_ptr<Realm> b = runtime.NewRealm();
  ASSERT_NE(a, nullptr);
  ASSERT_NE(b, nullptr);
  ASSERT_TRUE(b->EvaluateScriptSync("globalThis.x = 1", {}).ok());
  b.reset();
  runtime.RunGC();
  Completion c = a->EvaluateScriptSync("try { null.x } catch (e) { e.constructor === TypeError }", {});
  ASSERT_TRUE(c.ok()) << c.Describe();
  EXPECT_EQ(c.value_string, "true");
  EXPECT_EQ(static_cast<int>(a->CompileOnly("let let = 1;", {}).kind), static_cast<int>(CompletionKind::kSyntaxError));
  EXPECT_TRUE(a->CheckModuleSyntax("export const y = 2;", {}).ok());
  Completion thrown = a->EvaluateScriptSync("throw new RangeError('r')", {});
  EXPECT_EQ(thrown.error_name, "RangeError");
  std::unique_ptr<Realm> c2 = runtime.NewRealm();
  ASSERT_NE(c2, nullptr);
  EXPECT_EQ(c2->EvaluateScriptSync("typeof x", {}).value_string, "undefined");
}

// Realms share the intrinsics' shapes and atoms, which are kept for the
// life of the runtime (pinned while a realm is built); that set is bounded:
// creating and dropping realms — whose scripts made shapes and keys of their
// own — leaves the heap where it was.
TEST(RealmLifetime, CreatingAndDroppingRealmsDoesNotGrowTheHeap) {
  Runtime runtime;
  auto cycle = [&runtime](int i) {
    std::unique_ptr<Realm> r = runtime.NewRealm();
    ASSERT_NE(r, nullptr);
    Completion c = r->EvaluateScriptSync(
        "const o = {}; for (let k = 0; k < 200; k++) o['key' + k + '_' + " + std::to_string(i) +
            "] = k; Object.keys(o).length",
        {});
    ASSERT_EQ(c.value_string, "200");
    r.reset();
    runtime.RunGC();
  };
  for (int i = 0; i < 5; ++i) cycle(i);
  size_t settled = runtime.MemoryUsed();
  for (int i = 5; i < 60; ++i) cycle(i);
  EXPECT_LE(runtime.MemoryUsed(), settled + 4096) << "after 5 cycles: " << settled;
}

// ComputeMemoryUsage reports what the heap holds by category, and sees a
// script's data come and go.
TEST(MemoryUsageReport, CountsWhatScriptsAllocateByCategory) {
  Runtime runtime;
  runtime.SetMemoryLimit(size_t{256} << 20);
  std::unique_ptr<Realm> realm = runtime.NewRealm();
  ASSERT_NE(realm, nullptr);
  runtime.RunGC();
  MemoryUsage before = runtime.ComputeMemoryUsage();
  EXPECT_EQ(before.limit, size_t{256} << 20);
  EXPECT_GT(before.functions.count, 100u);  // the intrinsics
  EXPECT_GT(before.shapes.count, 0u);
  EXPECT_GT(before.bytecode.count, 0u);     // the self-hosted library
  EXPECT_LE(before.atoms.count, before.strings.count);
  size_t sum = before.objects.bytes + before.arrays.bytes + before.functions.bytes + before.array_buffers.bytes +
               before.strings.bytes + before.symbols.bytes + before.bigints.bytes + before.shapes.bytes +
               before.bytecode.bytes + before.environments.bytes + before.source_text.bytes + before.other.bytes;
  EXPECT_LE(sum, before.used) << runtime.DumpMemoryUsage();
  EXPECT_GT(sum, before.used / 2);

  ASSERT_TRUE(realm->EvaluateScriptSync(
      "globalThis.keep = { arrays: [], buffers: [], strings: [], fns: [] };"
      "for (let i = 0; i < 1000; i++) {"
      "  keep.arrays.push([i, i + 1, i + 2, i + 3, i + 4, i + 5]);"
      "  keep.strings.push('s'.repeat(100) + i);"
      "  keep.fns.push(() => i);"
      "}"
      "keep.buffers.push(new ArrayBuffer(1 << 20));",
      {}).ok());
  runtime.RunGC();
  MemoryUsage during = runtime.ComputeMemoryUsage();
  EXPECT_GE(during.arrays.count, before.arrays.count + 1000);
  EXPECT_GE(during.functions.count, before.functions.count + 1000);
  EXPECT_GE(during.environments.count, before.environments.count + 1000);
  EXPECT_GE(during.strings.bytes, before.strings.bytes + 1000 * 100);
  EXPECT_GE(during.array_buffers.bytes, before.array_buffers.bytes + (1 << 20));
  EXPECT_GT(during.used, before.used + (1 << 20));
  EXPECT_GT(during.collections, before.collections);

  ASSERT_TRUE(realm->EvaluateScriptSync("delete globalThis.keep", {}).ok());
  runtime.RunGC();
  MemoryUsage after = runtime.ComputeMemoryUsage();
  EXPECT_LT(after.arrays.count, before.arrays.count + 10);
  EXPECT_LT(after.array_buffers.bytes, before.array_buffers.bytes + 1024);
  EXPECT_LT(after.used, during.used - (1 << 20));

  std::string dump = runtime.DumpMemoryUsage();
  EXPECT_NE(dump.find("memory used: "), std::string::npos) << dump;
  EXPECT_NE(dump.find("of 268435456"), std::string::npos) << dump;
  EXPECT_NE(dump.find("array buffers"), std::string::npos) << dump;
  EXPECT_NE(dump.find("  of which atoms"), std::string::npos) << dump;
}

// RunGC from inside a host function (a task is running, its values on the
// C++ stack) defers the collection to the next safepoint: the running code
// keeps every value it holds.
TEST(MemoryUsageReport, RunGcInsideAHostFunctionIsDeferred) {
  Runtime runtime;
  std::unique_ptr<Realm> realm = runtime.NewRealm();
  ASSERT_NE(realm, nullptr);
  ASSERT_TRUE(realm->DefineHostFunction("collect", [&runtime](const std::vector<HostValue>& args, std::string*) {
    runtime.RunGC();
    return HostValue::String(args.empty() ? "" : args[0].string);
  }));
  Completion c = realm->EvaluateScriptSync(
      "let out = ''; for (let i = 0; i < 200; i++) out = collect('v' + i + ':' + [i, i].join('/'));"
      "[out, {a: 1}.a, 'x'.repeat(3)].join(' ')",
      {});
  ASSERT_TRUE(c.ok()) << c.Describe();
  EXPECT_EQ(c.value_string, "v199:199/199 1 xxx");
}

}  // namespace
}  // namespace ratchet
