// The waiter lists of Atomics.wait / waitAsync / notify (25.4.3), shared by
// every runtime of the process: one process-wide critical section (25.4.3.10
// EnterCriticalSection) over waiters keyed by (shared block, byte index).
//  - A synchronous waiter (Atomics.wait, only in a runtime that may block:
//    Vm::can_block) sleeps on its own condition variable until notified or
//    timed out, polling the runtime's interrupt handler.
//  - An asynchronous waiter (Atomics.waitAsync) belongs to a runtime and the
//    task that created it. Atomics.notify from the same runtime settles it
//    at once; from another thread it marks it woken and posts it to the
//    owner's mailbox, and the owner settles the promise on its own thread in
//    PollAtomicsWaiters (where timeouts also fire).
// The task that created an async waiter waits for it (Task::host_waits) when
// its timeout is finite or when the runtime shares memory with other agents
// (Vm::in_agent_cluster); otherwise nothing could ever wake it, and its
// promise just stays pending.
#ifndef RATCHET_RUNTIME_ATOMICS_H_
#define RATCHET_RUNTIME_ATOMICS_H_

#include <chrono>
#include <cstddef>
#include <cstdint>

#include "vm/shared_block.h"
#include "vm/value.h"

namespace ratchet::internal {

class Vm;

enum class WaitResult { kOk, kNotEqual, kTimedOut, kError /* exception pending */ };

/// DoWait in sync mode (25.4.3.14) on the element of `size` bytes (4 or 8)
/// at `byte_index` of `block`: compares it with `expected` inside the
/// critical section, then blocks this thread for up to `timeout_ms`
/// (+Infinity: no timeout). Returns early with kTimedOut when the runtime's
/// interrupt handler asks to stop (Vm::RequestInterrupt makes the
/// interpreter abort the task right after).
WaitResult WaitSync(Vm& vm, SharedBlock* block, size_t byte_index, size_t size, uint64_t expected,
                    double timeout_ms);

/// DoWait in async mode: kNotEqual, or kTimedOut for a zero timeout, right
/// away; else kOk after registering `promise` (an intrinsic promise) as a
/// waiter of the current task.
WaitResult WaitAsync(Vm& vm, SharedBlock* block, size_t byte_index, size_t size, uint64_t expected,
                     double timeout_ms, Value promise);

/// Atomics.notify: removes up to `count` waiters of the location, oldest
/// first, from every runtime; returns how many.
double Notify(Vm& vm, SharedBlock* block, size_t byte_index, double count);

/// Settles this runtime's async waiters woken by other threads or whose
/// timeout passed. Call between interpreter slices, on the runtime's thread.
void PollAtomicsWaiters(Vm& vm);
/// The earliest timeout among this runtime's async waiters
/// (time_point::max() when none).
std::chrono::steady_clock::time_point NextAtomicsDeadline(Vm& vm);
/// Blocks until one of this runtime's async waiters is woken by another
/// thread, or `until`.
void SleepForAtomicsWaiters(Vm& vm, std::chrono::steady_clock::time_point until);
/// Removes every async waiter of this runtime (their promises stay pending)
/// and releases the tasks waiting for them. The Vm's destructor calls it.
void DropAtomicsWaiters(Vm& vm);

}  // namespace ratchet::internal

#endif  // RATCHET_RUNTIME_ATOMICS_H_
