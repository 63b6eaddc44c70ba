// $262.agent: agents on threads, broadcast of shared memory, reports.
#include "tests/test262/agents.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "compiler/parser.h"
#include "runtime/atomics.h"
#include "runtime/builtins/builtins.h"
#include "runtime/realm.h"
#include "vm/code.h"
#include "vm/interpreter.h"
#include "vm/typed_array.h"

namespace ratchet::test262 {

namespace in = ::ratchet::internal;

namespace {

using Clock = std::chrono::steady_clock;

// The agents of one test and their mailboxes. Shared by the main agent and
// every agent thread: a detached agent thread may still hold it after the
// test ends, and the last holder frees it.
struct Cluster {
  ~Cluster() {
    if (block != nullptr) in::ReleaseSharedBlock(block);
  }
  std::mutex mu;
  std::condition_variable cv;
  std::atomic<bool> shutdown{false};
  int alive = 0;                 // started agents that did not fail or leave
  bool starting = false;         // an agent is evaluating its script
  std::deque<std::string> reports;
  uint64_t broadcast_seq = 0;    // the current broadcast
  in::SharedBlock* block = nullptr;
  size_t byte_length = 0;
  size_t max_byte_length = 0;
  bool growable = false;
  double id = 0;
  int received = 0;              // agents that took the current broadcast
};

std::shared_ptr<Cluster> g_cluster = std::make_shared<Cluster>();

// The agent thread's own state, reachable from its natives.
struct AgentState {
  Cluster* cluster = nullptr;
  uint32_t callback_root = 0;
  bool has_callback = false;
  bool leaving = false;
};
thread_local AgentState* t_agent = nullptr;

// setTimeout's timers of this thread's runtime: the callback (rooted), when
// it is due, and the task that waits for it (Task::host_waits).
struct Timer {
  Clock::time_point due;
  uint64_t seq;
  uint32_t root;
  uint64_t task_id;
};
thread_local std::vector<Timer> t_timers;
thread_local uint64_t t_timer_seq = 0;

// setTimeout(callback, delay): calls callback in a job of the calling task
// once delay milliseconds have passed; the task waits for it. (The harness
// polyfill spins on promise jobs instead, which a step limit cannot afford.)
in::Value SetTimeout(in::Vm& vm, in::CallArgs& a) {
  if (!in::IsCallable(a.arg(0))) return vm.ThrowError(in::ErrorKind::kTypeError, "setTimeout needs a function");
  double ms = a.arg(1).IsNumber() && a.arg(1).AsNumber() > 0 ? std::min(a.arg(1).AsNumber(), 60000.0) : 0;
  in::Task* task = vm.current_task();
  if (task == nullptr) return vm.ThrowError(in::ErrorKind::kTypeError, "setTimeout outside a task");
  ++task->host_waits;
  auto due = Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double, std::milli>(ms));
  t_timers.push_back({due, ++t_timer_seq, vm.AddRoot(a.arg(0)), task->id});
  return in::Value::Undefined();
}

// Queues the callbacks of the timers that are due, oldest first; returns
// the next due time.
Clock::time_point FireTimers(in::Vm& vm) {
  Clock::time_point next = Clock::time_point::max();
  if (t_timers.empty()) return next;
  std::stable_sort(t_timers.begin(), t_timers.end(), [](const Timer& x, const Timer& y) {
    return x.due != y.due ? x.due < y.due : x.seq < y.seq;
  });
  Clock::time_point now = Clock::now();
  size_t fired = 0;
  for (; fired < t_timers.size() && t_timers[fired].due <= now; ++fired) {
    const Timer& t = t_timers[fired];
    in::Task* task = vm.FindTask(t.task_id);
    if (task != nullptr) {
      if (task->host_waits > 0) --task->host_waits;
      task->jobs.push_back(in::Job{vm.root(t.root), {}, 0});
    }
    vm.RemoveRoot(t.root);
  }
  t_timers.erase(t_timers.begin(), t_timers.begin() + static_cast<std::ptrdiff_t>(fired));
  if (!t_timers.empty()) next = t_timers.front().due;
  return next;
}

double MonotonicMs() {
  return std::chrono::duration<double, std::milli>(Clock::now().time_since_epoch()).count();
}

in::Value Sleep(in::Vm& vm, in::CallArgs& a) {
  double ms = a.arg(0).IsNumber() ? a.arg(0).AsNumber() : 0;
  if (ms > 0) std::this_thread::sleep_for(std::chrono::duration<double, std::milli>(std::min(ms, 60000.0)));
  return in::Value::Undefined();
}

in::Value MonotonicNow(in::Vm& vm, in::CallArgs& a) { return in::Value::Number(MonotonicMs()); }

// ---- The agents' side ----

in::Value ReceiveBroadcast(in::Vm& vm, in::CallArgs& a) {
  if (t_agent == nullptr || !in::IsCallable(a.arg(0))) {
    return vm.ThrowError(in::ErrorKind::kTypeError, "receiveBroadcast needs a function");
  }
  if (t_agent->has_callback) {
    vm.root(t_agent->callback_root) = a.arg(0);
  } else {
    t_agent->callback_root = vm.AddRoot(a.arg(0));
    t_agent->has_callback = true;
  }
  t_agent->cluster->cv.notify_all();
  return in::Value::Undefined();
}

in::Value Report(in::Vm& vm, in::CallArgs& a) {
  in::String* s = in::ArgToString(vm, a.arg(0));
  if (s == nullptr) return in::Value::Empty();
  Cluster* c = t_agent->cluster;
  std::lock_guard<std::mutex> lock(c->mu);
  c->reports.push_back(in::ToUtf8(s));
  return in::Value::Undefined();
}

in::Value Leaving(in::Vm& vm, in::CallArgs& a) {
  t_agent->leaving = true;
  return in::Value::Undefined();
}

bool InstallAgentHost(in::Vm& vm, in::Realm& realm) {
  in::Object* host = in::NewObject(vm, realm.intrinsic(in::Intrinsic::kObjectPrototype));
  in::Object* agent = in::NewObject(vm, realm.intrinsic(in::Intrinsic::kObjectPrototype));
  return host != nullptr && agent != nullptr &&
         in::DefineNativeMethod(vm, realm, agent, "receiveBroadcast", ReceiveBroadcast, 1) &&
         in::DefineNativeMethod(vm, realm, agent, "report", Report, 1) &&
         in::DefineNativeMethod(vm, realm, agent, "leaving", Leaving, 0) &&
         in::DefineNativeMethod(vm, realm, agent, "sleep", Sleep, 1) &&
         in::DefineNativeMethod(vm, realm, agent, "monotonicNow", MonotonicNow, 0) &&
         in::DefineNativeMethod(vm, realm, realm.global, "setTimeout", SetTimeout, 2) &&
         in::DefineValue(vm, host, "agent", in::Value::FromObject(agent)) &&
         in::DefineValue(vm, realm.global, "$262", in::Value::FromObject(host));
}

// Runs a task of the agent to its end; false when it threw.
bool RunAgentTask(in::Vm& vm, in::Task& task) {
  DriveTask(vm, task, UINT64_MAX);
  bool ok = task.state() == in::TaskState::kCompleted;
  vm.UnregisterTask(&task);
  return ok;
}

// Marks the agent started (its script evaluated, or failed).
void Started(Cluster* c, bool ok) {
  std::lock_guard<std::mutex> lock(c->mu);
  c->starting = false;
  if (!ok) --c->alive;
  c->cv.notify_all();
}

void AgentMain(std::shared_ptr<Cluster> holder, std::string source) {
  Cluster* c = holder.get();
  AgentState state;
  state.cluster = c;
  t_agent = &state;
  auto vm = std::make_unique<in::Vm>();
  vm->set_can_block(true);
  vm->set_in_agent_cluster(true);
  vm->set_interrupt_handler([c] { return c->shutdown.load(); });
  in::Realm* realm = in::CreateRealm(*vm);
  if (realm == nullptr || !InstallAgentHost(*vm, *realm)) {
    Started(c, false);
    return;
  }
  uint32_t realm_root = vm->AddRoot(in::CellToValue(realm));
  in::ScriptError err;
  in::Code* code = in::CompileScript(*vm, in::Utf8ToUtf16(source), "agent", &err);
  bool ok = code != nullptr;
  if (ok) {
    in::Task task(*vm, realm);
    vm->RegisterTask(&task);
    if (!in::StartScript(task, code, realm)) in::CompleteTask(task, in::TaskState::kThrew, vm->TakeException());
    ok = RunAgentTask(*vm, task);
  }
  Started(c, ok);
  uint64_t seen = 0;
  while (ok && !c->shutdown.load() && !state.leaving) {
    in::SharedBlock* block = nullptr;
    size_t byte_length = 0, max_byte_length = 0;
    bool growable = false;
    double id = 0;
    {
      std::unique_lock<std::mutex> lock(c->mu);
      c->cv.wait_for(lock, std::chrono::milliseconds(5), [&] {
        return c->shutdown.load() || (state.has_callback && c->broadcast_seq != seen);
      });
      if (state.has_callback && c->broadcast_seq != seen && c->block != nullptr) {
        seen = c->broadcast_seq;
        block = c->block;
        in::RetainSharedBlock(block);
        byte_length = c->byte_length;
        max_byte_length = c->max_byte_length;
        growable = c->growable;
        id = c->id;
        ++c->received;
        c->cv.notify_all();
      }
    }
    if (block == nullptr) continue;
    in::ArrayBufferObject* sab = in::NewSharedArrayBufferFromBlock(
        *vm, realm->intrinsic(in::Intrinsic::kSharedArrayBufferPrototype), block, byte_length, max_byte_length,
        growable);
    in::ReleaseSharedBlock(block);
    if (sab == nullptr) break;
    in::Task task(*vm, realm);
    vm->RegisterTask(&task);
    if (!in::StartCall(task, vm->root(state.callback_root), in::Value::Undefined(),
                       {in::Value::FromObject(sab), in::Value::Number(id)})) {
      in::CompleteTask(task, in::TaskState::kThrew, vm->TakeException());
    }
    ok = RunAgentTask(*vm, task);
  }
  {
    std::lock_guard<std::mutex> lock(c->mu);
    if (ok) --c->alive;
    c->cv.notify_all();
  }
  vm->RemoveRoot(realm_root);
  t_agent = nullptr;
}

// ---- The main agent's side ----

in::Value Start(in::Vm& vm, in::CallArgs& a) {
  in::String* s = in::ArgToString(vm, a.arg(0));
  if (s == nullptr) return in::Value::Empty();
  std::shared_ptr<Cluster> holder = g_cluster;
  Cluster* c = holder.get();
  vm.set_in_agent_cluster(true);
  std::unique_lock<std::mutex> lock(c->mu);
  ++c->alive;
  c->starting = true;
  try {
    std::thread(AgentMain, holder, in::ToUtf8(s)).detach();
  } catch (...) {
    --c->alive;
    c->starting = false;
    return vm.ThrowError(in::ErrorKind::kInternalError, "cannot start an agent thread");
  }
  // INTERPRETING.md: start blocks until the agent is running.
  c->cv.wait_for(lock, std::chrono::seconds(10), [c] { return !c->starting; });
  return in::Value::Undefined();
}

in::Value Broadcast(in::Vm& vm, in::CallArgs& a) {
  in::Value v = a.arg(0);
  if (!v.IsObject() || v.AsObject()->cls != in::ObjectClass::kSharedArrayBuffer) {
    return vm.ThrowError(in::ErrorKind::kTypeError, "broadcast needs a SharedArrayBuffer");
  }
  auto* sab = static_cast<in::ArrayBufferObject*>(v.AsObject());
  Cluster* c = g_cluster.get();
  std::unique_lock<std::mutex> lock(c->mu);
  if (c->block != nullptr) in::ReleaseSharedBlock(c->block);
  c->block = sab->shared;
  in::RetainSharedBlock(c->block);
  c->byte_length = sab->byte_length;
  c->max_byte_length = sab->max_byte_length;
  c->growable = sab->resizable;
  c->id = a.arg(1).IsNumber() ? a.arg(1).AsNumber() : 0;
  c->received = 0;
  ++c->broadcast_seq;
  c->cv.notify_all();
  // Blocks until every running agent has the message.
  c->cv.wait_for(lock, std::chrono::seconds(10), [c] { return c->received >= c->alive; });
  return in::Value::Undefined();
}

in::Value GetReport(in::Vm& vm, in::CallArgs& a) {
  std::string report;
  {
    Cluster* c = g_cluster.get();
    std::lock_guard<std::mutex> lock(c->mu);
    if (c->reports.empty()) return in::Value::Null();
    report = std::move(c->reports.front());
    c->reports.pop_front();
  }
  in::String* s = in::NewStringFromUtf8(vm, report);
  return s == nullptr ? vm.ThrowOutOfMemory() : in::Value::FromString(s);
}

}  // namespace

bool InstallMainAgent(in::Vm& vm, in::Realm& realm, in::Object* agent) {
  return in::DefineNativeMethod(vm, realm, agent, "start", Start, 1) &&
         in::DefineNativeMethod(vm, realm, agent, "broadcast", Broadcast, 2) &&
         in::DefineNativeMethod(vm, realm, agent, "getReport", GetReport, 0) &&
         in::DefineNativeMethod(vm, realm, agent, "sleep", Sleep, 1) &&
         in::DefineNativeMethod(vm, realm, agent, "monotonicNow", MonotonicNow, 0) &&
         in::DefineNativeMethod(vm, realm, realm.global, "setTimeout", SetTimeout, 2);
}

void DriveTask(in::Vm& vm, in::Task& task, uint64_t max_steps) {
  while (!task.done() && task.steps() < max_steps) {
    in::PollAtomicsWaiters(vm);
    Clock::time_point next_timer = FireTimers(vm);
    if (task.waiting()) {
      Clock::time_point deadline = std::min(in::NextAtomicsDeadline(vm), next_timer);
      if (deadline == Clock::time_point::max() && !vm.in_agent_cluster()) {
        in::DropAtomicsWaiters(vm);  // nothing can wake them
      } else {
        // Sleep in short slices so that a stop request is seen.
        in::SleepForAtomicsWaiters(vm, std::min(deadline, Clock::now() + std::chrono::milliseconds(20)));
        if (vm.interrupt_handler() && vm.interrupt_handler()()) {
          task.Abort(in::AbortKind::kInterrupt, "the test ended");
          return;
        }
      }
      if (task.waiting()) continue;
    }
    in::Interpret(task, std::min<uint64_t>(1 << 16, max_steps - task.steps()));
  }
}

void EndAgents() {
  Cluster* c = g_cluster.get();
  c->shutdown = true;
  c->cv.notify_all();
  g_cluster = std::make_shared<Cluster>();
  t_timers.clear();
}

}  // namespace ratchet::test262
