// Asynchronous host functions: the sandbox sees a synchronous call; the
// task suspends until the host settles it, then goes on.
#include <algorithm>
#include <chrono>
#include <functional>
#include <cstdlib>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "api/ratchet.h"
#include "gtest/gtest.h"

namespace ratchet {
namespace {

// A host that records every call and answers when the test says so.
struct PendingCalls {
  std::vector<std::vector<HostValue>> args;
  std::vector<HostCallSettler> settlers;
  AsyncHostFunction Function() {
    return [this](const std::vector<HostValue>& a, HostCallSettler settle) {
      args.push_back(a);
      settlers.push_back(settle);
    };
  }
};

class HostAsyncTest : public ::testing::Test {
 protected:
  void SetUp() override {
    runtime_.SetPrintHandler([this](const std::string& line) { printed_ += line + "\n"; });
    realm_ = runtime_.NewRealm();
    ASSERT_NE(realm_, nullptr);
    ASSERT_TRUE(realm_->DefineAsyncHostFunction("fetchValue", calls_.Function()));
  }
  std::unique_ptr<Task> Start(const std::string& code) {
    std::unique_ptr<Task> task = realm_->NewScriptTask(code, {});
    task->Run(1'000'000);
    return task;
  }
  Runtime runtime_;
  std::unique_ptr<Realm> realm_;
  PendingCalls calls_;
  std::string printed_;
};

TEST_F(HostAsyncTest, TheTaskSuspendsInTheCallAndResumesWithTheResult) {
  std::unique_ptr<Task> task = Start("let a = fetchValue('a', 1); let b = fetchValue('b', 2); a + ':' + b");
  ASSERT_FALSE(task->done());
  EXPECT_TRUE(task->waiting());
  ASSERT_EQ(calls_.args.size(), 1u);
  EXPECT_EQ(calls_.args[0][0].string, "a");
  EXPECT_EQ(calls_.args[0][1].number, 1);
  // Nothing runs while the call is pending, one step at a time or in bursts.
  uint64_t steps = task->steps();
  EXPECT_FALSE(task->Step());
  EXPECT_EQ(task->Run(1000), 0u);
  EXPECT_EQ(task->steps(), steps);
  EXPECT_EQ(task->completion().kind, CompletionKind::kIncomplete);
  EXPECT_EQ(task->completion().error_message, "waiting for an asynchronous host function");

  EXPECT_TRUE(calls_.settlers[0].pending());
  calls_.settlers[0].Resolve(HostValue::String("first"));
  EXPECT_FALSE(calls_.settlers[0].pending());
  EXPECT_FALSE(task->waiting());
  task->Run(1'000'000);
  ASSERT_EQ(calls_.args.size(), 2u);
  EXPECT_TRUE(task->waiting());
  calls_.settlers[1].Resolve(HostValue::Number(42));
  task->Run(1'000'000);
  ASSERT_TRUE(task->done());
  Completion c = task->completion();
  ASSERT_TRUE(c.ok()) << c.Describe();
  EXPECT_EQ(c.value_string, "first:42");
}

TEST_F(HostAsyncTest, AnAnswerGivenDuringTheCallDoesNotSuspend) {
  ASSERT_TRUE(realm_->DefineAsyncHostFunction("now", [](const std::vector<HostValue>& args, HostCallSettler s) {
    s.Resolve(HostValue::Number(args.empty() ? 0 : args[0].number * 10));
  }));
  ASSERT_TRUE(realm_->DefineAsyncHostFunction("fails", [](const std::vector<HostValue>&, HostCallSettler s) {
    s.Reject("no such thing");
  }));
  Completion c = realm_->EvaluateScriptSync(
      "let r = []; for (let i = 0; i < 5; i++) r.push(now(i));"
      "try { fails(); } catch (e) { r.push(e instanceof Error, e.message); }"
      "r.join()",
      {});
  ASSERT_TRUE(c.ok()) << c.Describe();
  EXPECT_EQ(c.value_string, "0,10,20,30,40,true,no such thing");
}

TEST_F(HostAsyncTest, ARejectionIsAnErrorTheSandboxCanCatch) {
  std::unique_ptr<Task> task = Start(
      "let out; try { fetchValue(); out = 'no'; } catch (e) { out = e.constructor.name + ': ' + e.message; }"
      "finally { out += ' (finally)'; } out");
  ASSERT_TRUE(task->waiting());
  calls_.settlers[0].Reject("host lookup failed");
  task->Run(1'000'000);
  ASSERT_TRUE(task->done());
  EXPECT_EQ(task->completion().value_string, "Error: host lookup failed (finally)");
  // Uncaught, it ends the task with that error.
  std::unique_ptr<Task> second = Start("fetchValue()");
  calls_.settlers[1].Reject("gone");
  second->Run(1'000'000);
  Completion c = second->completion();
  EXPECT_EQ(c.kind, CompletionKind::kJsException);
  EXPECT_EQ(c.error_name, "Error");
  EXPECT_EQ(c.error_message, "gone");
}

TEST_F(HostAsyncTest, OnlyTheFirstSettlementCounts) {
  std::unique_ptr<Task> task = Start("fetchValue()");
  HostCallSettler copy = calls_.settlers[0];
  calls_.settlers[0].Resolve(HostValue::Number(1));
  copy.Resolve(HostValue::Number(2));
  copy.Reject("too late");
  task->Run(1000);
  EXPECT_EQ(task->completion().value_string, "1");
  // A default-constructed settler is inert.
  HostCallSettler none;
  EXPECT_FALSE(none.pending());
  none.Resolve(HostValue::Number(3));
}

TEST_F(HostAsyncTest, CallsFromCallbacksGettersAsyncFunctionsAndPromiseJobs) {
  std::unique_ptr<Task> task = Start(
      "const o = { get g() { return fetchValue('getter'); } };"
      "let log = [];"
      "log.push([1, 2].map((x) => fetchValue('map', x)).join('+'));"
      "log.push(o.g);"
      "(async () => { await null; log.push(fetchValue('async')); })();"
      "Promise.resolve().then(() => log.push(fetchValue('job')));"
      "new Promise((resolve) => resolve(fetchValue('executor'))).then((v) => log.push(v));"
      "log.length");
  std::vector<std::string> seen;
  while (!task->done()) {
    ASSERT_TRUE(task->waiting());
    ASSERT_EQ(calls_.settlers.size(), seen.size() + 1);
    std::string what = calls_.args.back()[0].string;
    if (calls_.args.back().size() > 1) what += std::to_string(static_cast<int>(calls_.args.back()[1].number));
    seen.push_back(what);
    calls_.settlers.back().Resolve(HostValue::String("<" + what + ">"));
    task->Run(1'000'000);
  }
  Completion c = task->completion();
  ASSERT_TRUE(c.ok()) << c.Describe();
  EXPECT_EQ(c.value_string, "2");  // the script's value; the jobs ran after it
  c = realm_->EvaluateScriptSync("log.join()", {});
  EXPECT_EQ(c.value_string, "<map1>+<map2>,<getter>,<async>,<job>,<executor>");
  EXPECT_EQ(seen, (std::vector<std::string>{"map1", "map2", "getter", "executor", "async", "job"}));
}

TEST_F(HostAsyncTest, AbortingOrDroppingASuspendedTaskMakesTheAnswerANoOp) {
  std::unique_ptr<Task> task = Start("try { fetchValue(); } finally { print('finally ran'); }");
  ASSERT_TRUE(task->waiting());
  task->Abort("the host gave up");
  EXPECT_TRUE(task->done());
  EXPECT_FALSE(task->waiting());
  EXPECT_FALSE(calls_.settlers[0].pending());
  calls_.settlers[0].Resolve(HostValue::Number(1));
  EXPECT_EQ(task->Run(1000), 0u);
  EXPECT_EQ(task->completion().kind, CompletionKind::kTaskAborted);
  EXPECT_EQ(printed_, "");

  std::unique_ptr<Task> dropped = Start("fetchValue()");
  ASSERT_TRUE(dropped->waiting());
  dropped.reset();
  EXPECT_FALSE(calls_.settlers[1].pending());
  calls_.settlers[1].Resolve(HostValue::String("nobody listens"));
  calls_.settlers[1].Reject("nobody listens");

  // The runtime goes on: a fresh call suspends and resumes as before.
  std::unique_ptr<Task> fresh = Start("fetchValue() * 2");
  calls_.settlers[2].Resolve(HostValue::Number(21));
  fresh->Run(1000);
  EXPECT_EQ(fresh->completion().value_string, "42");
}

TEST(HostAsync, SettlingAfterTheRuntimeIsGoneDoesNothing) {
  HostCallSettler kept;
  {
    Runtime runtime;
    std::unique_ptr<Realm> realm = runtime.NewRealm();
    ASSERT_TRUE(realm->DefineAsyncHostFunction(
        "later", [&kept](const std::vector<HostValue>&, HostCallSettler s) { kept = s; }));
    std::unique_ptr<Task> task = realm->NewScriptTask("later()", {});
    task->Run(1000);
    ASSERT_TRUE(task->waiting());
    EXPECT_TRUE(kept.pending());
  }
  EXPECT_FALSE(kept.pending());
  kept.Resolve(HostValue::Number(1));
  kept.Reject("x");
}

TEST_F(HostAsyncTest, ASynchronousEvaluationThatWaitsIsIncomplete) {
  Completion c = realm_->EvaluateScriptSync("fetchValue()", {});
  EXPECT_EQ(c.kind, CompletionKind::kIncomplete);
  EXPECT_EQ(c.error_message, "waiting for an asynchronous host function");
}

TEST_F(HostAsyncTest, TheHostCanAbortTheTaskFromInsideTheCall) {
  Task* running = nullptr;
  ASSERT_TRUE(realm_->DefineAsyncHostFunction("stop", [&running](const std::vector<HostValue>&, HostCallSettler) {
    running->Abort("stopped by the host function");
  }));
  std::unique_ptr<Task> task = realm_->NewScriptTask("try { stop(); print('after'); } finally { print('f'); }", {});
  running = task.get();
  task->Run(1000);
  EXPECT_TRUE(task->done());
  EXPECT_EQ(task->completion().kind, CompletionKind::kTaskAborted);
  EXPECT_EQ(printed_, "");
}

// A task may outlive the Realm handle it came from: its host functions
// (synchronous and asynchronous) keep working, and its timers do nothing.
TEST(HostAsync, ATaskThatOutlivesItsRealmHandleKeepsItsHostFunctions) {
  Runtime runtime;
  std::unique_ptr<Realm> realm = runtime.NewRealm();
  ASSERT_NE(realm, nullptr);
  HostCallSettler pending;
  ASSERT_TRUE(realm->DefineHostFunction("twice", [](const std::vector<HostValue>& args, std::string*) {
    return HostValue::Number(args[0].number * 2);
  }));
  ASSERT_TRUE(realm->DefineAsyncHostFunction(
      "later", [&pending](const std::vector<HostValue>&, HostCallSettler s) { pending = s; }));
  int posted = 0;
  ASSERT_TRUE(realm->InstallTimers([&posted](std::function<void()>, std::chrono::milliseconds) { ++posted; },
                                   nullptr));
  std::unique_ptr<Task> task =
      realm->NewScriptTask("let a = later(); setTimeout(() => {}, 1); twice(a) + (typeof setTimeout(() => {}, 1))", {});
  task->Run(1000);
  ASSERT_TRUE(task->waiting());
  realm.reset();
  runtime.RunGC();
  pending.Resolve(HostValue::Number(20));
  task->Run(1000);
  ASSERT_TRUE(task->done());
  EXPECT_EQ(task->completion().value_string, "40undefined");
  EXPECT_EQ(posted, 0);  // timers of a dropped realm are never scheduled
}

// A host function cannot run JavaScript of its own runtime (that would
// re-enter the interpreter from C++): evaluations and tasks started from
// inside one do nothing and say so; the calling script goes on unharmed.
TEST(HostAsync, NoEvaluationFromInsideAHostFunction) {
  Runtime runtime;
  std::unique_ptr<Realm> realm = runtime.NewRealm();
  ASSERT_NE(realm, nullptr);
  std::unique_ptr<Task> other = realm->NewScriptTask("globalThis.ran = true; 1", {});
  Completion inner;
  uint64_t other_steps = 99;
  ASSERT_TRUE(realm->DefineHostFunction("nested", [&](const std::vector<HostValue>&, std::string*) {
    inner = realm->EvaluateScriptSync("globalThis.ran = true; 2", {});
    other_steps = other->Run(1000);
    other->RunToCompletion({});
    EXPECT_FALSE(other->Step());
    return HostValue::Number(5);
  }));
  Completion c = realm->EvaluateScriptSync("let x = nested(); [x, typeof ran].join()", {});
  ASSERT_TRUE(c.ok()) << c.Describe();
  EXPECT_EQ(c.value_string, "5,undefined");
  EXPECT_EQ(inner.kind, CompletionKind::kConcurrentEvaluation);
  EXPECT_EQ(other_steps, 0u);
  EXPECT_FALSE(other->done());
  // From the host's own level, the same task runs.
  other->RunToCompletion({});
  EXPECT_EQ(other->completion().value_string, "1");
}

// 10,000 tasks in one runtime, each suspended in an asynchronous host call
// at once, resumed in a random order: every one completes with its own
// result, and every call's state is gone afterwards.
// (The GC-stress twin, which collects after every allocation, runs 300.)
TEST(HostAsync, TenThousandSuspendedTasksResumeInRandomOrder) {
  const char* stress = std::getenv("RATCHET_GC_STRESS");
  const int kTasks = stress != nullptr && stress[0] == '1' ? 300 : 10'000;
  Runtime runtime;
  runtime.SetMemoryLimit(size_t{512} << 20);
  std::unique_ptr<Realm> realm = runtime.NewRealm();
  ASSERT_NE(realm, nullptr);
  std::map<int, HostCallSettler> settlers;  // by the task's number
  ASSERT_TRUE(realm->DefineAsyncHostFunction(
      "lookup", [&settlers](const std::vector<HostValue>& args, HostCallSettler s) {
        settlers[static_cast<int>(args[0].number)] = s;
      }));
  std::vector<std::unique_ptr<Task>> tasks;
  tasks.reserve(kTasks);
  for (int i = 0; i < kTasks; ++i) {
    std::string code = "{ const n = " + std::to_string(i) +
                       "; const words = []; const f = (k) => lookup(k).repeat(2) + k;"
                       " words.push(f(n)); words.join('') + ':' + words.length }";
    tasks.push_back(realm->NewScriptTask(code, {}));
    tasks.back()->Run(10'000);
    ASSERT_TRUE(tasks.back()->waiting()) << i;
  }
  ASSERT_EQ(settlers.size(), static_cast<size_t>(kTasks));
  std::vector<int> order(kTasks);
  for (int i = 0; i < kTasks; ++i) order[i] = i;
  std::mt19937 rng(12345);
  std::shuffle(order.begin(), order.end(), rng);
  for (int k = 0; k < kTasks; ++k) {
    int i = order[k];
    settlers[i].Resolve(HostValue::String("w" + std::to_string(i)));
    // Resume this one now, and every 100th resolution also give every
    // runnable task a slice, in order: resolved tasks finish, others wait.
    tasks[i]->Run(10'000);
    ASSERT_TRUE(tasks[i]->done()) << i;
    if (k % 100 == 0) {
      for (auto& t : tasks) t->Run(10'000);
    }
  }
  for (int i = 0; i < kTasks; ++i) {
    Completion c = tasks[i]->completion();
    ASSERT_TRUE(c.ok()) << i << ": " << c.Describe();
    std::string w = "w" + std::to_string(i);
    ASSERT_EQ(c.value_string, w + w + std::to_string(i) + ":1") << i;
    EXPECT_FALSE(settlers[i].pending());
  }
  tasks.clear();
  Completion after = realm->EvaluateScriptSync("'runtime ok'", {});
  EXPECT_EQ(after.value_string, "runtime ok");
}

}  // namespace
}  // namespace ratchet
