// The process-wide waiter list of Atomics.wait / waitAsync / notify.
#include "runtime/atomics.h"

#include <algorithm>
#include <cmath>
#include <condition_variable>
#include <list>
#include <memory>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "runtime/builtins/builtins.h"
#include "vm/object.h"
#include "vm/task.h"
#include "vm/vm.h"

namespace ratchet::internal {

namespace {

using Clock = std::chrono::steady_clock;

// An agent's inbox: async waiters of that agent woken by other threads.
// Guarded by the waiter list's mutex.
struct Mailbox {
  std::condition_variable cv;
  std::vector<uint64_t> woken;
};

struct Waiter {
  SharedBlock* block;  // retained while listed
  size_t byte_index;
  // Synchronous: the waiting thread's condition variable (the Waiter lives
  // on that thread's stack).
  std::condition_variable* cv = nullptr;
  bool notified = false;
  // Asynchronous: the owner's mailbox and the waiter's id there.
  std::shared_ptr<Mailbox> mailbox;
  uint64_t id = 0;
  std::list<Waiter*>::iterator pos;  // in its location's list
};

// Waiters by location, each location's list oldest first: notify and
// removal cost what they touch, however many waiters a script creates.
struct WaiterList {
  std::mutex mu;
  absl::flat_hash_map<std::pair<SharedBlock*, size_t>, std::list<Waiter*>> by_location;
  uint64_t next_id = 0;

  void Add(Waiter* w) {
    auto& l = by_location[{w->block, w->byte_index}];
    w->pos = l.insert(l.end(), w);
  }
  void Remove(Waiter* w) {
    auto it = by_location.find(std::make_pair(w->block, w->byte_index));
    it->second.erase(w->pos);
    if (it->second.empty()) by_location.erase(it);
  }
};

// Never destroyed: agent threads may outlive static destruction at exit.
WaiterList& List() {
  static WaiterList* list = new WaiterList;
  return *list;
}

// A waiter and its entries in the list, the id map and the deadline set.
constexpr size_t kAsyncWaiterBytes = sizeof(Waiter) + sizeof(Vm::AsyncWaiter) + 128;

void Cleanup(Vm& vm) { DropAtomicsWaiters(vm); }

Mailbox* MailboxOf(Vm& vm) { return static_cast<Mailbox*>(vm.atomics_mailbox().get()); }

std::shared_ptr<Mailbox> EnsureMailbox(Vm& vm) {
  if (vm.atomics_mailbox() == nullptr) {
    vm.atomics_mailbox() = std::make_shared<Mailbox>();
    vm.set_atomics_cleanup(Cleanup);
  }
  return std::static_pointer_cast<Mailbox>(vm.atomics_mailbox());
}

// Reads the element inside the critical section.
uint64_t LoadElement(SharedBlock* block, size_t byte_index, size_t size) {
  uint8_t* p = block->data + byte_index;
  if (size == 8) return __atomic_load_n(reinterpret_cast<uint64_t*>(p), __ATOMIC_SEQ_CST);
  return __atomic_load_n(reinterpret_cast<uint32_t*>(p), __ATOMIC_SEQ_CST);
}

bool Matches(SharedBlock* block, size_t byte_index, size_t size, uint64_t expected) {
  uint64_t mask = size == 8 ? ~uint64_t{0} : 0xFFFFFFFFu;
  return (LoadElement(block, byte_index, size) & mask) == (expected & mask);
}

// Deadline of a timeout in milliseconds (+Infinity or absurdly far: none).
Clock::time_point DeadlineAfter(double timeout_ms) {
  if (!(timeout_ms < 1e15)) return Clock::time_point::max();
  return Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double, std::milli>(timeout_ms));
}

int64_t ToNs(Clock::time_point t) {
  if (t == Clock::time_point::max()) return INT64_MAX;
  return std::chrono::duration_cast<std::chrono::nanoseconds>(t.time_since_epoch()).count();
}

Clock::time_point FromNs(int64_t ns) {
  if (ns == INT64_MAX) return Clock::time_point::max();
  return Clock::time_point(std::chrono::duration_cast<Clock::duration>(std::chrono::nanoseconds(ns)));
}

// Settles this agent's waiter `id` (already out of the shared list) with
// "ok" or "timed-out", as a host answer to the task that waits for it.
void Settle(Vm& vm, uint64_t id, bool timed_out) {
  auto it = vm.async_waiters().find(id);
  if (it == vm.async_waiters().end()) return;
  Vm::AsyncWaiter w = it->second;
  vm.async_waiters().erase(it);
  if (w.deadline_ns != INT64_MAX) vm.async_deadlines().erase({w.deadline_ns, id});
  vm.heap().ReleaseExternal(kAsyncWaiterBytes);
  Task* task = vm.FindTask(w.task_id);
  if (task != nullptr && w.task_waits && task->host_waits > 0) --task->host_waits;
  Task* saved_task = vm.current_task();
  Realm* saved_realm = vm.current_realm();
  if (task != nullptr) {
    vm.set_current_task(task);
    vm.set_current_realm(task->realm());
  }
  auto* promise = static_cast<PromiseObject*>(w.promise.AsObject());
  String* result = vm.InternAscii(timed_out ? "timed-out" : "ok");
  if (result != nullptr) {
    SettlePromiseFromHost(vm, promise, true, Value::FromString(result));
  } else {
    vm.ThrowOutOfMemory();
    SettlePromiseFromHost(vm, promise, false, vm.TakeException());
  }
  vm.set_current_task(saved_task);
  vm.set_current_realm(saved_realm);
}

}  // namespace

WaitResult WaitSync(Vm& vm, SharedBlock* block, size_t byte_index, size_t size, uint64_t expected,
                    double timeout_ms) {
  WaiterList& list = List();
  std::unique_lock<std::mutex> lock(list.mu);
  if (!Matches(block, byte_index, size, expected)) return WaitResult::kNotEqual;
  if (timeout_ms <= 0) return WaitResult::kTimedOut;
  std::condition_variable cv;
  Waiter self{block, byte_index};
  self.cv = &cv;
  RetainSharedBlock(block);
  list.Add(&self);
  Clock::time_point deadline = DeadlineAfter(timeout_ms);
  bool interrupted = false;
  while (!self.notified) {
    Clock::time_point now = Clock::now();
    if (now >= deadline) break;
    // Wake up regularly to poll the host's interrupt handler (never called
    // inside the critical section).
    cv.wait_until(lock, std::min(deadline, now + std::chrono::milliseconds(20)));
    if (self.notified) break;
    if (vm.interrupt_handler()) {
      lock.unlock();
      interrupted = vm.interrupt_handler()();
      lock.lock();
      if (interrupted && !self.notified) break;
      interrupted = false;
    }
  }
  bool notified = self.notified;
  if (!notified) list.Remove(&self);
  ReleaseSharedBlock(block);
  lock.unlock();
  if (interrupted) vm.RequestInterrupt();
  return notified ? WaitResult::kOk : WaitResult::kTimedOut;
}

WaitResult WaitAsync(Vm& vm, SharedBlock* block, size_t byte_index, size_t size, uint64_t expected,
                     double timeout_ms, Value promise) {
  std::shared_ptr<Mailbox> mailbox = EnsureMailbox(vm);
  if (!vm.heap().AccountExternal(kAsyncWaiterBytes)) {
    vm.ThrowOutOfMemory();
    return WaitResult::kError;
  }
  WaiterList& list = List();
  Waiter* w;
  {
    std::lock_guard<std::mutex> lock(list.mu);
    bool equal = Matches(block, byte_index, size, expected);
    if (!equal || timeout_ms <= 0) {
      vm.heap().ReleaseExternal(kAsyncWaiterBytes);
      return equal ? WaitResult::kTimedOut : WaitResult::kNotEqual;
    }
    w = new Waiter{block, byte_index};
    w->mailbox = mailbox;
    w->id = ++list.next_id;
    RetainSharedBlock(block);
    list.Add(w);
  }
  int64_t deadline = ToNs(DeadlineAfter(timeout_ms));
  Task* task = vm.current_task();
  bool task_waits = task != nullptr && (deadline != INT64_MAX || vm.in_agent_cluster());
  if (task_waits) ++task->host_waits;
  vm.async_waiters()[w->id] = {promise, task != nullptr ? task->id : 0, deadline, task_waits, w};
  if (deadline != INT64_MAX) vm.async_deadlines().insert({deadline, w->id});
  return WaitResult::kOk;
}

double Notify(Vm& vm, SharedBlock* block, size_t byte_index, double count) {
  WaiterList& list = List();
  Mailbox* mine = MailboxOf(vm);
  std::vector<uint64_t> own;
  double n = 0;
  {
    std::lock_guard<std::mutex> lock(list.mu);
    auto it = list.by_location.find(std::make_pair(block, byte_index));
    while (it != list.by_location.end() && n < count) {
      Waiter* w = it->second.front();
      list.Remove(w);  // may erase the location
      it = list.by_location.find(std::make_pair(block, byte_index));
      ++n;
      if (w->cv != nullptr) {  // the waiting thread releases its block
        w->notified = true;
        w->cv->notify_one();
        continue;
      }
      if (w->mailbox.get() == mine) {
        own.push_back(w->id);
      } else {
        w->mailbox->woken.push_back(w->id);
        w->mailbox->cv.notify_all();
      }
      ReleaseSharedBlock(w->block);
      delete w;
    }
  }
  for (uint64_t id : own) Settle(vm, id, false);
  return n;
}

void PollAtomicsWaiters(Vm& vm) {
  if (vm.async_waiters().empty()) return;
  Mailbox* mine = MailboxOf(vm);
  std::vector<uint64_t> woken, expired;
  int64_t now = ToNs(Clock::now());
  auto& deadlines = vm.async_deadlines();
  {
    std::lock_guard<std::mutex> lock(List().mu);
    woken.swap(mine->woken);
    if (!deadlines.empty() && deadlines.begin()->first <= now) {
      // Woken waiters are gone from the list already (their entries freed).
      absl::flat_hash_set<uint64_t> gone(woken.begin(), woken.end());
      while (!deadlines.empty() && deadlines.begin()->first <= now) {
        uint64_t id = deadlines.begin()->second;
        deadlines.erase(deadlines.begin());
        if (gone.contains(id)) continue;
        auto* w = static_cast<Waiter*>(vm.async_waiters().at(id).entry);
        List().Remove(w);
        ReleaseSharedBlock(w->block);
        delete w;
        expired.push_back(id);
      }
    }
  }
  // Woken before timed out: the order the notifications came in.
  for (uint64_t id : woken) Settle(vm, id, false);
  for (uint64_t id : expired) Settle(vm, id, true);
}

Clock::time_point NextAtomicsDeadline(Vm& vm) {
  auto& deadlines = vm.async_deadlines();
  return deadlines.empty() ? Clock::time_point::max() : FromNs(deadlines.begin()->first);
}

void SleepForAtomicsWaiters(Vm& vm, Clock::time_point until) {
  Mailbox* mine = MailboxOf(vm);
  if (mine == nullptr) {
    if (until != Clock::time_point::max()) std::this_thread::sleep_until(until);
    return;
  }
  std::unique_lock<std::mutex> lock(List().mu);
  if (!mine->woken.empty()) return;
  if (until == Clock::time_point::max()) {
    mine->cv.wait(lock);
  } else {
    mine->cv.wait_until(lock, until);
  }
}

void DropAtomicsWaiters(Vm& vm) {
  Mailbox* mine = MailboxOf(vm);
  if (mine != nullptr) {
    std::lock_guard<std::mutex> lock(List().mu);
    absl::flat_hash_set<uint64_t> gone(mine->woken.begin(), mine->woken.end());
    mine->woken.clear();
    for (const auto& [id, w] : vm.async_waiters()) {
      if (gone.contains(id)) continue;  // notified: already out of the list
      auto* entry = static_cast<Waiter*>(w.entry);
      List().Remove(entry);
      ReleaseSharedBlock(entry->block);
      delete entry;
    }
  }
  for (const auto& [id, w] : vm.async_waiters()) {
    Task* task = vm.FindTask(w.task_id);
    if (task != nullptr && w.task_waits && task->host_waits > 0) --task->host_waits;
    vm.heap().ReleaseExternal(kAsyncWaiterBytes);
  }
  vm.async_waiters().clear();
  vm.async_deadlines().clear();
}

}  // namespace ratchet::internal
