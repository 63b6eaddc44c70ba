// $262.agent (INTERPRETING.md): concurrent agents for the Atomics tests.
// Each agent is a runtime of its own on its own thread; they share memory
// only through SharedArrayBuffers handed over by $262.agent.broadcast, and
// talk back through $262.agent.report.
#ifndef RATCHET_TESTS_TEST262_AGENTS_H_
#define RATCHET_TESTS_TEST262_AGENTS_H_

#include <cstdint>

#include "vm/object.h"
#include "vm/realm.h"
#include "vm/task.h"
#include "vm/vm.h"

namespace ratchet::test262 {

/// Defines the main agent's functions on `agent` ($262.agent): start,
/// broadcast, getReport, sleep, monotonicNow.
bool InstallMainAgent(internal::Vm& vm, internal::Realm& realm, internal::Object* agent);

/// Runs `task` until it is done or has taken `max_steps` steps: settles
/// Atomics.waitAsync waiters between slices and sleeps while the task only
/// waits for them. A task that waits for waiters nothing can wake (no
/// timeout, no agent) stops waiting.
void DriveTask(internal::Vm& vm, internal::Task& task, uint64_t max_steps);

/// Ends the agents of the current test (they stop at their next poll, also
/// inside Atomics.wait) and starts a new cluster for the next one.
void EndAgents();

}  // namespace ratchet::test262

#endif  // RATCHET_TESTS_TEST262_AGENTS_H_
