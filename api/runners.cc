// Built-in task runners and the minimal event loop (api/runners.h).
#include "api/runners.h"

#include <algorithm>
#include <thread>

namespace ratchet {

namespace {

using Clock = std::chrono::steady_clock;

constexpr const char* kRunTimeReason = "the time limit was reached";
constexpr const char* kTaskTimeReason = "a macrotask or microtask ran past its time limit";

// The wall-clock limits of TimeBoundRunner and TimeSharingRunner, checked
// once per slice. A microtask that began during the last slice is timed
// from the end of that slice (the clock is not read per step).
struct TimeLimits {
  std::chrono::milliseconds max_run_time;
  std::chrono::milliseconds max_task_time;
  Clock::time_point start = Clock::now();
  Clock::time_point task_start = start;
  uint64_t task_id = 0;

  // Aborts the task past a limit; true when it did. Time spent waiting
  // for the host counts toward max_run_time only.
  bool Check(Task& task) {
    Clock::time_point now = Clock::now();
    if (max_run_time.count() > 0 && now - start >= max_run_time) {
      task.Abort(kRunTimeReason, CompletionKind::kTimeLimit);
      return true;
    }
    if (task.waiting() || task.current_task_id() != task_id) {
      task_id = task.current_task_id();
      task_start = now;
    } else if (max_task_time.count() > 0 && now - task_start >= max_task_time) {
      task.Abort(kTaskTimeReason, CompletionKind::kTimeLimit);
      return true;
    }
    return false;
  }
};

struct Sharing {
  TimeSharingOptions options;
  Executor executor;
  std::shared_ptr<Task> task;
  TimeLimits limits;
  bool posting = false;     // inside the executor call
  bool ran_inline = false;  // the executor ran the next slice inside that call
};

void RunSlice(const std::shared_ptr<Sharing>& s) {
  if (s->posting) {
    // The executor ran the work inside its own call (it must not): go on
    // in the caller's loop below instead of recursing once per slice.
    s->ran_inline = true;
    return;
  }
  Task& task = *s->task;
  for (;;) {
    if (task.done()) return;
    if (!task.waiting()) task.Run(std::max<uint64_t>(s->options.operations_per_iteration, 1));
    if (task.done() || s->limits.Check(task)) return;
    std::chrono::milliseconds delay = s->options.yield_time;
    if (task.waiting()) delay = std::max(delay, std::chrono::milliseconds(1));
    s->posting = true;
    s->ran_inline = false;
    s->executor([s] { RunSlice(s); }, delay);
    s->posting = false;
    if (!s->ran_inline) return;
  }
}

}  // namespace

TaskRunner StepBudgetRunner(uint64_t max_steps) {
  return [max_steps](const std::shared_ptr<Task>& task) {
    while (!task->done() && !task->waiting()) {
      uint64_t used = task->steps();
      if (used >= max_steps) {
        task->Abort("the step budget was exhausted", CompletionKind::kStepLimit);
        return;
      }
      if (task->Run(std::min<uint64_t>(max_steps - used, uint64_t{1} << 16)) == 0) return;
    }
  };
}

TaskRunner TimeBoundRunner(TimeBoundOptions options) {
  return [options](const std::shared_ptr<Task>& task) {
    TimeLimits limits{options.max_run_time, options.max_task_time};
    limits.task_id = task->current_task_id();
    uint64_t slice = std::max<uint64_t>(options.operations_per_check, 1);
    while (!task->done() && !task->waiting()) {
      if (task->Run(slice) == 0) return;
      if (task->done() || limits.Check(*task)) return;
    }
  };
}

TaskRunner TimeSharingRunner(TimeSharingOptions options, Executor executor) {
  return [options, executor](const std::shared_ptr<Task>& task) {
    auto s = std::make_shared<Sharing>(
        Sharing{options, executor, task, TimeLimits{options.max_run_time, options.max_task_time}});
    s->limits.task_id = task->current_task_id();
    RunSlice(s);
  };
}

void EventLoop::Post(std::function<void()> work, std::chrono::milliseconds delay) {
  queue_.push(Item{Clock::now() + delay, seq_++, std::move(work)});
}

Executor EventLoop::executor() {
  return [this](std::function<void()> work, std::chrono::milliseconds delay) { Post(std::move(work), delay); };
}

size_t EventLoop::Run() {
  size_t ran = 0;
  while (!queue_.empty()) {
    Clock::time_point due = queue_.top().due;
    if (due > Clock::now()) std::this_thread::sleep_until(due);
    Item item = queue_.top();
    queue_.pop();
    item.work();
    ++ran;
  }
  return ran;
}

size_t EventLoop::RunReady() {
  Clock::time_point now = Clock::now();
  uint64_t end = seq_;
  size_t ran = 0;
  std::vector<Item> later;  // due now but posted during this call
  while (!queue_.empty() && queue_.top().due <= now) {
    Item item = queue_.top();
    queue_.pop();
    if (item.seq >= end) {
      later.push_back(std::move(item));
      continue;
    }
    item.work();
    ++ran;
  }
  for (Item& item : later) queue_.push(std::move(item));
  return ran;
}

}  // namespace ratchet
