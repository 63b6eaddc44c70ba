// Task runners: the built-in ones, custom ones, synchronous and
// asynchronous evaluations, completion callbacks, task ids.
#include <chrono>
#include <set>
#include <string>
#include <vector>

#include "api/ratchet.h"
#include "api/runners.h"
#include "gtest/gtest.h"

namespace ratchet {
namespace {

using std::chrono::milliseconds;

class RunnerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    realm_ = runtime_.NewRealm();
    ASSERT_NE(realm_, nullptr);
  }
  EvalOptions With(TaskRunner runner) {
    EvalOptions o;
    o.run_task = std::move(runner);
    return o;
  }
  Runtime runtime_;
  std::unique_ptr<Realm> realm_;
};

TEST_F(RunnerTest, StepBudgetStopsAtExactlyTheBudgetEveryTime) {
  for (int round = 0; round < 3; ++round) {
    std::shared_ptr<Task> task = realm_->EvaluateScript("for (;;) {}", With(StepBudgetRunner(12345)));
    ASSERT_TRUE(task->done());
    EXPECT_EQ(task->steps(), 12345u);
    Completion c = task->completion();
    EXPECT_EQ(c.kind, CompletionKind::kStepLimit);
    EXPECT_EQ(c.error_message, "the step budget was exhausted");
  }
  // Microtasks spend the same budget.
  Completion c = realm_->EvaluateScriptSync("Promise.resolve().then(() => { for (;;) {} }); 1",
                                            With(StepBudgetRunner(5000)));
  EXPECT_EQ(c.kind, CompletionKind::kStepLimit);
  // Within the budget, the program's own result.
  c = realm_->EvaluateScriptSync("let s = 0; for (let i = 0; i < 100; i++) s += i; s", With(StepBudgetRunner(100000)));
  ASSERT_TRUE(c.ok()) << c.Describe();
  EXPECT_EQ(c.value_string, "4950");
}

TEST_F(RunnerTest, TimeBoundStopsAnInfiniteLoopAfterItsTime) {
  auto start = std::chrono::steady_clock::now();
  Completion c = realm_->EvaluateScriptSync("for (;;) {}", With(TimeBoundRunner({milliseconds(50)})));
  auto took = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(c.kind, CompletionKind::kTimeLimit);
  EXPECT_EQ(c.error_message, "the time limit was reached");
  EXPECT_GE(took, milliseconds(50));
  EXPECT_LT(took, milliseconds(5000));
  c = realm_->EvaluateScriptSync("'fine'", With(TimeBoundRunner({milliseconds(50)})));
  EXPECT_EQ(c.value_string, "fine");
}

TEST_F(RunnerTest, TimeBoundLimitsEachMicrotask) {
  TimeBoundOptions o;
  o.max_task_time = milliseconds(30);
  o.operations_per_check = 1000;
  Completion c = realm_->EvaluateScriptSync(
      "globalThis.order = []; Promise.resolve().then(() => order.push('job1'));"
      "Promise.resolve().then(() => { for (;;) {} }); order.push('script'); 1",
      With(TimeBoundRunner(o)));
  EXPECT_EQ(c.kind, CompletionKind::kTimeLimit);
  EXPECT_EQ(c.error_message, "a macrotask or microtask ran past its time limit");
  EXPECT_EQ(realm_->EvaluateScriptSync("order.join()", {}).value_string, "script,job1");
}

TEST_F(RunnerTest, ASynchronousRunnerThatReturnsEarlyIsAnError) {
  int calls = 0;
  TaskRunner lazy = [&calls](const std::shared_ptr<Task>& task) {
    ++calls;
    task->Run(10);
  };
  Completion c = realm_->EvaluateScriptSync("let n = 0; for (let i = 0; i < 1e6; i++) n++; n", With(lazy));
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(c.kind, CompletionKind::kSynchronousTaskIncomplete);
  // The task was aborted: the realm goes on.
  c = realm_->EvaluateScriptSync("1 + 1", {});
  EXPECT_EQ(c.value_string, "2");
}

TEST_F(RunnerTest, RealmDefaultsApplyWhenACallNamesNoRunner) {
  int async_calls = 0;
  int sync_calls = 0;
  realm_->SetDefaultRunners(
      [&async_calls](const std::shared_ptr<Task>& t) {
        ++async_calls;
        StepBudgetRunner(1000)(t);
      },
      [&sync_calls](const std::shared_ptr<Task>& t) {
        ++sync_calls;
        StepBudgetRunner(2000)(t);
      });
  std::shared_ptr<Task> task = realm_->EvaluateScript("for (;;) {}", {});
  EXPECT_EQ(task->steps(), 1000u);
  Completion c = realm_->EvaluateScriptSync("for (;;) {}", {});
  EXPECT_EQ(c.kind, CompletionKind::kStepLimit);
  EXPECT_EQ(async_calls, 1);
  EXPECT_EQ(sync_calls, 1);
  // A per-call runner wins.
  c = realm_->EvaluateScriptSync("for (;;) {}", With(StepBudgetRunner(10)));
  EXPECT_EQ(sync_calls, 1);
  realm_->SetDefaultRunners(nullptr, nullptr);
  EXPECT_EQ(realm_->EvaluateScriptSync("'plain'", {}).value_string, "plain");
}

TEST_F(RunnerTest, TimeSharingInterleavesTasksOnAnEventLoop) {
  EventLoop loop;
  TimeSharingOptions o;
  o.operations_per_iteration = 500;
  TaskRunner sharing = TimeSharingRunner(o, loop.executor());
  ASSERT_TRUE(realm_->EvaluateScriptSync("globalThis.a = 0; globalThis.b = 0;", {}).ok());
  std::shared_ptr<Task> ta = realm_->EvaluateScript("for (let i = 0; i < 20000; i++) a++; 'a done'", With(sharing));
  std::shared_ptr<Task> tb = realm_->EvaluateScript("for (let i = 0; i < 20000; i++) b++; 'b done'", With(sharing));
  // Each ran one slice; neither is done; both go on in turns.
  EXPECT_FALSE(ta->done());
  EXPECT_FALSE(tb->done());
  std::vector<std::string> finished;
  ta->OnDone([&finished](const Completion& c) { finished.push_back(c.value_string); });
  tb->OnDone([&finished](const Completion& c) { finished.push_back(c.value_string); });
  for (int i = 0; i < 5; ++i) loop.RunReady();
  Completion progress = realm_->EvaluateScriptSync("a > 0 && b > 0 && a < 20000 && b < 20000", {});
  EXPECT_EQ(progress.value_string, "true");
  loop.Run();
  EXPECT_TRUE(ta->done());
  EXPECT_TRUE(tb->done());
  EXPECT_EQ(ta->completion().value_string, "a done");
  ASSERT_EQ(finished.size(), 2u);  // each callback once
  EXPECT_EQ(realm_->EvaluateScriptSync("a + b", {}).value_string, "40000");
  // Attached after the end: called at once.
  int late = 0;
  ta->OnDone([&late](const Completion&) { ++late; });
  EXPECT_EQ(late, 1);
}

TEST_F(RunnerTest, TimeSharingStopsAnInfiniteLoopAndKeepsTheHostResponsive) {
  EventLoop loop;
  TimeSharingOptions o;
  o.operations_per_iteration = 2000;
  o.max_run_time = milliseconds(60);
  std::shared_ptr<Task> task = realm_->EvaluateScript("for (;;) {}", With(TimeSharingRunner(o, loop.executor())));
  int host_turns = 0;
  std::function<void()> tick = [&] {
    ++host_turns;
    if (!task->done()) loop.Post(tick, milliseconds(5));
  };
  loop.Post(tick, milliseconds(5));
  loop.Run();
  EXPECT_EQ(task->completion().kind, CompletionKind::kTimeLimit);
  EXPECT_GE(host_turns, 3);  // the host's own work ran between slices
}

// An executor that runs the work inside its own call breaks the contract;
// the runner then goes on in a loop rather than recursing once per slice
// (hundreds of thousands of slices here would overflow the C++ stack).
TEST_F(RunnerTest, TimeSharingSurvivesAnExecutorThatRunsWorkAtOnce) {
  int posted = 0;
  Executor at_once = [&posted](std::function<void()> work, milliseconds) {
    ++posted;
    work();
  };
  TimeSharingOptions o;
  o.operations_per_iteration = 1;
  std::shared_ptr<Task> task = realm_->EvaluateScript("let n = 0; for (let i = 0; i < 100000; i++) n += i; n",
                                                      With(TimeSharingRunner(o, at_once)));
  ASSERT_TRUE(task->done());
  EXPECT_EQ(task->completion().value_string, "4999950000");
  EXPECT_GT(posted, 100000);
  o.operations_per_iteration = 100;
  o.max_run_time = milliseconds(30);
  task = realm_->EvaluateScript("for (;;) {}", With(TimeSharingRunner(o, at_once)));
  ASSERT_TRUE(task->done());
  EXPECT_EQ(task->completion().kind, CompletionKind::kTimeLimit);
}

TEST_F(RunnerTest, TimeSharingWaitsForAsynchronousHostFunctions) {
  EventLoop loop;
  ASSERT_TRUE(realm_->DefineAsyncHostFunction("later", [&loop](const std::vector<HostValue>& args, HostCallSettler s) {
    double x = args[0].number;
    loop.Post([s, x] { s.Resolve(HostValue::Number(x * 2)); }, milliseconds(5));
  }));
  TimeSharingOptions o;
  o.operations_per_iteration = 100;
  std::shared_ptr<Task> task =
      realm_->EvaluateScript("let t = 0; for (let i = 1; i <= 3; i++) t += later(i); t", With(TimeSharingRunner(o, loop.executor())));
  loop.Run();
  ASSERT_TRUE(task->done());
  EXPECT_EQ(task->completion().value_string, "12");
}

TEST_F(RunnerTest, EachMicrotaskHasItsOwnTaskId) {
  std::unique_ptr<Task> task =
      realm_->NewScriptTask("Promise.resolve().then(() => 1); Promise.resolve().then(() => 2); 0", {});
  std::set<uint64_t> ids;
  uint64_t first = task->current_task_id();
  EXPECT_NE(first, 0u);
  while (task->Step()) ids.insert(task->current_task_id());
  ids.insert(task->current_task_id());
  EXPECT_EQ(ids.size(), 3u);  // the script and two jobs
  EXPECT_TRUE(ids.count(first));
  // Another task's ids are different.
  std::unique_ptr<Task> other = realm_->NewScriptTask("1", {});
  EXPECT_EQ(ids.count(other->current_task_id()), 0u);
}

TEST_F(RunnerTest, OnDoneFiresForSyntaxErrorsAndAborts) {
  std::shared_ptr<Task> bad = realm_->EvaluateScript("let let = 1", {});
  Completion seen;
  bad->OnDone([&seen](const Completion& c) { seen = c; });
  EXPECT_EQ(seen.kind, CompletionKind::kSyntaxError);
  std::shared_ptr<Task> task = realm_->NewScriptTask("for (;;) {}", {});
  int calls = 0;
  task->OnDone([&](const Completion& c) {
    ++calls;
    seen = c;
  });
  task->Run(100);
  EXPECT_EQ(calls, 0);
  task->Abort("enough");
  task->Abort("twice");
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(seen.kind, CompletionKind::kTaskAborted);
  EXPECT_EQ(seen.error_message, "enough");
}

// A stepping debugger's view: where the task is and its call stack, as it
// steps through nested calls (the engine's self-hosted frames left out).
TEST_F(RunnerTest, LocationAndStackFollowTheSteps) {
  EvalOptions o;
  o.file_name = "dbg.js";
  std::unique_ptr<Task> task = realm_->NewScriptTask(
      "function inner(x) {\n"
      "  return x * 2;\n"
      "}\n"
      "function outer(y) {\n"
      "  return [y].map(inner)[0];\n"
      "}\n"
      "outer(21);\n",
      o);
  size_t deepest = 0;
  std::vector<Task::StackFrame> at_deepest;
  std::set<uint32_t> lines;
  do {
    std::vector<Task::StackFrame> s = task->stack();
    if (!s.empty()) {
      EXPECT_EQ(s[0].line, task->location().line);
      lines.insert(s[0].line);
    }
    if (s.size() > deepest) {
      deepest = s.size();
      at_deepest = s;
    }
  } while (task->Step());
  EXPECT_EQ(task->completion().value_string, "42");
  ASSERT_EQ(deepest, 3u);  // inner, outer, the script (map's own frame is the engine's)
  EXPECT_EQ(at_deepest[0].function, "inner");
  EXPECT_EQ(at_deepest[0].line, 2u);
  EXPECT_EQ(at_deepest[1].function, "outer");
  EXPECT_EQ(at_deepest[1].line, 5u);
  EXPECT_EQ(at_deepest[2].function, "");
  EXPECT_EQ(at_deepest[2].file, "dbg.js");
  EXPECT_EQ(at_deepest[2].line, 7u);
  EXPECT_TRUE(lines.count(2) && lines.count(5) && lines.count(7));
  EXPECT_TRUE(task->stack().empty());
  EXPECT_EQ(task->location().line, 0u);
}

}  // namespace
}  // namespace ratchet
