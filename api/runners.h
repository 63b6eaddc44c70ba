// Built-in task runners (TaskRunner, api/ratchet.h) and a minimal event loop.
//
//   StepBudgetRunner   deterministic: at most N instructions, then abort
//   TimeBoundRunner    blocking: runs to the end within wall-clock limits
//   TimeSharingRunner  asynchronous: slices of N instructions posted to an
//                      executor (an event loop the embedder provides, or
//                      EventLoop below), so the host stays responsive
//
// Runners read the clock once per slice of operations, never per step.
#ifndef RATCHET_API_RUNNERS_H_
#define RATCHET_API_RUNNERS_H_

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <queue>
#include <vector>

#include "api/ratchet.h"

namespace ratchet {

/// Runs the task until it is done or waits for the host, at most
/// `max_steps` instructions over its whole life (macrotask and
/// microtasks); then aborts it (kStepLimit). The same program and budget
/// always end the same way.
TaskRunner StepBudgetRunner(uint64_t max_steps);

struct TimeBoundOptions {
  /// The whole evaluation, from the runner's start; zero: no limit.
  std::chrono::milliseconds max_run_time{0};
  /// Any one macrotask or microtask (Task::current_task_id); zero: none.
  std::chrono::milliseconds max_task_time{0};
  /// Instructions between two reads of the clock.
  uint64_t operations_per_check = 10'000;
};
/// Blocking: runs the task to the end, aborting it (kTimeLimit) when a
/// limit passes. A task waiting for the host (an asynchronous host function
/// or module load) makes the runner return with the task unfinished — for
/// a synchronous evaluation, that is kSynchronousTaskIncomplete.
TaskRunner TimeBoundRunner(TimeBoundOptions options);

struct TimeSharingOptions {
  /// Instructions per slice; the clock is read once per slice.
  uint64_t operations_per_iteration = 10'000;
  /// Delay between two slices (the host's turn), and the polling period
  /// while the task waits for the host.
  std::chrono::milliseconds yield_time{0};
  std::chrono::milliseconds max_run_time{0};   // as TimeBoundOptions
  std::chrono::milliseconds max_task_time{0};  // as TimeBoundOptions
};
/// Asynchronous: runs one slice now, then posts the next to `executor`
/// after yield_time, until the task is done or aborted (kTimeLimit past a
/// limit). Keeps the task alive until then. While the task waits for the
/// host, polls every yield_time (at least 1 ms). An executor that runs the
/// work inside its own call (it must not) gets a runner that goes on in a
/// loop there — no recursion per slice, but no turn for the host either.
TaskRunner TimeSharingRunner(TimeSharingOptions options, Executor executor);

/// A minimal single-threaded event loop: work items posted with a delay,
/// run in due order. Enough for tests, tools and simple hosts; embedders
/// with their own loop pass their own Executor.
class EventLoop {
 public:
  EventLoop() = default;
  EventLoop(const EventLoop&) = delete;
  EventLoop& operator=(const EventLoop&) = delete;

  void Post(std::function<void()> work, std::chrono::milliseconds delay = std::chrono::milliseconds(0));
  /// An Executor posting here (valid while the loop lives).
  Executor executor();
  /// Runs work items as they come due, sleeping in between, until none is
  /// left; returns how many ran.
  size_t Run();
  /// Runs the items due now (not those they post); returns how many ran.
  size_t RunReady();
  bool empty() const { return queue_.empty(); }

 private:
  struct Item {
    std::chrono::steady_clock::time_point due;
    uint64_t seq;
    std::function<void()> work;
  };
  struct Later {
    bool operator()(const Item& a, const Item& b) const {
      return a.due != b.due ? a.due > b.due : a.seq > b.seq;
    }
  };
  std::priority_queue<Item, std::vector<Item>, Later> queue_;
  uint64_t seq_ = 0;
};

}  // namespace ratchet

#endif  // RATCHET_API_RUNNERS_H_
