// Timers (Realm::InstallTimers): setTimeout, setInterval, clearTimeout,
// clearInterval, driven by an event loop; callbacks run as new tasks.
#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "api/ratchet.h"
#include "api/runners.h"
#include "gtest/gtest.h"

namespace ratchet {
namespace {

class TimerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    runtime_.SetMemoryLimit(64 << 20);
    realm_ = runtime_.NewRealm();
    ASSERT_NE(realm_, nullptr);
    ASSERT_TRUE(realm_->InstallTimers(loop_.executor(), nullptr,
                                      [this](const Completion& c) { completions_.push_back(c); }));
  }
  std::string Eval(const std::string& code) {
    Completion c = realm_->EvaluateScriptSync(code, {});
    EXPECT_TRUE(c.ok()) << c.Describe();
    return c.value_string;
  }
  Runtime runtime_;
  EventLoop loop_;
  std::unique_ptr<Realm> realm_;
  std::vector<Completion> completions_;
};

TEST_F(TimerTest, CallbacksRunInDelayOrderWithTheirArguments) {
  Eval("globalThis.log = [];"
       "setTimeout((x) => log.push(x), 30, 'late');"
       "setTimeout((x, y) => log.push(x + y), 5, 'ear', 'ly');"
       "setTimeout(() => log.push('zero'));"
       "setTimeout(() => { log.push('then'); Promise.resolve().then(() => log.push('job of then')); }, 30);"
       "log.push('script'); 0");
  EXPECT_EQ(loop_.Run(), 4u);
  EXPECT_EQ(Eval("log.join()"), "script,zero,early,late,then,job of then");
  ASSERT_EQ(completions_.size(), 4u);
  for (const Completion& c : completions_) EXPECT_TRUE(c.ok()) << c.Describe();
}

TEST_F(TimerTest, ClearTimeoutCancelsAndIntervalsRepeatUntilCleared) {
  Eval("globalThis.ticks = 0; globalThis.fired = false;"
       "const t = setTimeout(() => { fired = true; }, 10); clearTimeout(t);"
       "const i = setInterval(() => { if (++ticks === 3) clearInterval(i); }, 2);"
       "typeof t === 'number' && t !== i");
  loop_.Run();
  EXPECT_EQ(Eval("ticks + ':' + fired"), "3:false");
  EXPECT_EQ(completions_.size(), 3u);
  // Clearing unknown or bad ids does nothing.
  Eval("clearTimeout(12345); clearTimeout('x'); clearInterval(-1); clearTimeout(); 0");
}

TEST_F(TimerTest, ErrorsInCallbacksAreReportedAndOtherTimersGoOn) {
  Eval("globalThis.after = 0; setTimeout(() => { throw new RangeError('in a timer'); }, 1);"
       "setTimeout(() => { after = 1; }, 5); 0");
  loop_.Run();
  ASSERT_EQ(completions_.size(), 2u);
  EXPECT_EQ(completions_[0].kind, CompletionKind::kJsException);
  EXPECT_EQ(completions_[0].error_name, "RangeError");
  EXPECT_EQ(completions_[0].error_message, "in a timer");
  EXPECT_EQ(Eval("after"), "1");
  Completion c = realm_->EvaluateScriptSync("setTimeout('not a function', 1)", {});
  EXPECT_EQ(c.error_name, "TypeError");
}

TEST_F(TimerTest, CallbacksRunUnderTheGivenRunner) {
  ASSERT_TRUE(realm_->InstallTimers(loop_.executor(), StepBudgetRunner(10'000),
                                    [this](const Completion& c) { completions_.push_back(c); }));
  Eval("globalThis.done = false; setTimeout(() => { for (;;) {} }, 1); setTimeout(() => { done = true; }, 2); 0");
  loop_.Run();
  ASSERT_EQ(completions_.size(), 2u);
  EXPECT_EQ(completions_[0].kind, CompletionKind::kStepLimit);
  EXPECT_TRUE(completions_[1].ok());
  EXPECT_EQ(Eval("done"), "true");
}

// An executor that runs posted work inside its own call (it must not, but a
// naive host loop does): each tick of an interval posts the next before its
// callback runs, which must not make TimerHost::Fire recurse once per tick.
TEST_F(TimerTest, AnExecutorRunningWorkInlineDoesNotMakeIntervalsRecurse) {
  std::vector<std::function<void()>> deferred;
  bool run_inline = false;
  Executor executor = [&](std::function<void()> work, std::chrono::milliseconds) {
    if (run_inline) {
      work();
    } else {
      deferred.push_back(std::move(work));
    }
  };
  size_t done = 0;
  ASSERT_TRUE(realm_->InstallTimers(executor, nullptr, [&](const Completion& c) {
    EXPECT_TRUE(c.ok()) << c.Describe();
    ++done;
  }));
  // Started by a script (inside a task, so its first tick is deferred), the
  // interval then runs from the host with the executor running work inline.
  Eval("globalThis.ticks = 0; const i = setInterval(() => { if (++ticks === 100000) clearInterval(i); }, 1); 0");
  ASSERT_EQ(deferred.size(), 1u);
  run_inline = true;
  deferred[0]();
  EXPECT_EQ(Eval("ticks"), "100000");
  EXPECT_EQ(done, 100000u);
}

TEST_F(TimerTest, TimersDieWithTheirRealm) {
  Eval("globalThis.big = []; setInterval(() => big.push(new Array(1000).fill(1)), 1); setTimeout(() => {}, 5); 0");
  realm_.reset();
  EXPECT_LE(loop_.Run(), 2u);  // the posted work finds no realm and does nothing
  EXPECT_TRUE(completions_.empty());
  std::unique_ptr<Realm> fresh = runtime_.NewRealm();
  EXPECT_EQ(fresh->EvaluateScriptSync("typeof setTimeout", {}).value_string, "undefined");
}

TEST_F(TimerTest, PendingTimersCountTowardTheMemoryLimit) {
  Completion c = realm_->EvaluateScriptSync(
      "for (let i = 0; ; i++) setTimeout(() => {}, 1e9, i, i, i, i, i, i, i, i)", {});
  EXPECT_EQ(c.kind, CompletionKind::kOutOfMemory);
  EXPECT_EQ(c.error_name, "InternalError");
  // Dropping the realm gives it all back.
  size_t full = runtime_.MemoryUsed();
  realm_.reset();
  runtime_.RunGC();
  EXPECT_LT(runtime_.MemoryUsed(), full / 4);
}

}  // namespace
}  // namespace ratchet
