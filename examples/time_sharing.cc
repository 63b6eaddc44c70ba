// Fair time-sharing of untrusted scripts on one event loop.
//
// Three scripts share a runtime and an event loop: each runs in slices of
// 5,000 instructions, the host's own work runs between slices, and a
// script that never ends is stopped by its time limit (100 ms) while the
// others finish. A fourth runs synchronously under a step budget.
//
//   bazel-bin/examples/time_sharing
#include <chrono>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "api/ratchet.h"
#include "api/runners.h"

int main() {
  ratchet::Runtime runtime;
  runtime.SetMemoryLimit(64 << 20);
  std::unique_ptr<ratchet::Realm> realm = runtime.NewRealm();
  if (realm == nullptr) return 1;

  ratchet::EventLoop loop;
  ratchet::TimeSharingOptions sharing;
  sharing.operations_per_iteration = 5'000;
  ratchet::EvalOptions options;
  options.run_task = ratchet::TimeSharingRunner(sharing, loop.executor());
  // The script that never ends gets a time limit of its own.
  ratchet::TimeSharingOptions limited = sharing;
  limited.max_run_time = std::chrono::milliseconds(100);
  ratchet::EvalOptions limited_options;
  limited_options.run_task = ratchet::TimeSharingRunner(limited, loop.executor());

  std::vector<std::shared_ptr<ratchet::Task>> tasks;
  int finished = 0;
  auto count = [&finished](const ratchet::Completion&) { ++finished; };
  tasks.push_back(realm->EvaluateScript(
      "let primes = 0; for (let n = 2; n < 5000; n++) { let p = true;"
      " for (let d = 2; d * d <= n; d++) if (n % d === 0) { p = false; break; } if (p) primes++; }"
      " 'primes below 5000: ' + primes",
      options));
  tasks.push_back(realm->EvaluateScript("for (;;) {}", limited_options));
  tasks.push_back(realm->EvaluateScript(
      "(async () => { let s = 0; for (let i = 0; i < 1000; i++) s += await i; return s; })()"
      ".then((s) => globalThis.sum = s); 'started'",
      options));
  for (auto& t : tasks) t->OnDone(count);
  // The host's own work, between the scripts' slices.
  int host_ticks = 0;
  std::function<void()> tick = [&] {
    ++host_ticks;
    for (auto& t : tasks) {
      if (!t->done()) {
        loop.Post(tick, std::chrono::milliseconds(10));
        return;
      }
    }
  };
  loop.Post(tick, std::chrono::milliseconds(10));
  loop.Run();
  for (size_t i = 0; i < tasks.size(); ++i) {
    std::printf("script %zu: %s\n", i + 1, tasks[i]->completion().Describe().c_str());
  }
  std::printf("finished: %d of %zu\n", finished, tasks.size());
  std::printf("the host ran between slices: %s\n", host_ticks > 5 ? "yes" : "no");
  std::printf("sum = %s\n", realm->EvaluateScriptSync("globalThis.sum", {}).value_string.c_str());

  ratchet::EvalOptions budget;
  budget.run_task = ratchet::StepBudgetRunner(100'000);
  ratchet::Completion c = realm->EvaluateScriptSync("while (true) {}", budget);
  std::printf("with a budget of 100000 steps: %s\n", c.Describe().c_str());
  return 0;
}
