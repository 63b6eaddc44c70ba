// A task: a frame stack (frames plus one register array shared by all of
// them, both heap-allocated and growable) and a completion. The interpreter
// runs a task one instruction at a time or in bursts; nothing about a running
// task lives on the C++ stack, so it can be suspended, resumed or aborted
// between any two instructions.
#ifndef RATCHET_VM_TASK_H_
#define RATCHET_VM_TASK_H_

#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include "vm/value.h"

namespace ratchet::internal {

class Vm;
struct Code;
struct Object;
struct Env;
struct Realm;

struct Frame {
  static constexpr uint8_t kConstruct = 1;      // [[Construct]]: non-object result -> this
  static constexpr uint8_t kDiscardResult = 2;  // setters: the result is dropped
  static constexpr uint8_t kDerived = 4;        // derived constructor (this starts empty)

  Code* code;
  Object* callee;
  Env* env;
  Realm* realm;
  uint32_t pc;          // start of the current instruction; resume pc in callers
  uint32_t base;        // index of register 0 in the register array
  uint32_t argc;        // actual argument count
  uint32_t return_reg;  // register of the caller that receives the result
  Value this_value;
  Value new_target;
  Object* generator;  // generators and async functions: their object; else null
  uint8_t flags;
};

/// A pending promise job (HostEnqueuePromiseJob): call function(args...)
/// with undefined this.
struct Job {
  Value function;
  Value args[3];
  uint32_t argc;
};

enum class TaskState : uint8_t {
  kRunnable,   // has frames to run
  kCompleted,  // finished normally; result() is the completion value
  kThrew,      // finished with an uncaught exception; exception()
  kAborted,    // stopped by Abort(), an interrupt or a limit; abort_reason()
};

enum class AbortKind : uint8_t { kNone, kAbort, kInterrupt, kStepLimit, kTimeLimit };

class Task {
 public:
  Task(Vm& vm, Realm* realm) : vm_(vm), realm_(realm) {}
  ~Task();
  Task(const Task&) = delete;
  Task& operator=(const Task&) = delete;

  Vm& vm() { return vm_; }
  Realm* realm() const { return realm_; }
  TaskState state() const { return state_; }
  bool done() const { return state_ != TaskState::kRunnable; }
  /// Runnable, but with nothing to run until the host answers (host_waits).
  bool waiting() const {
    return !done() && (host_suspended || (frames.empty() && in_jobs && jobs.empty() && host_waits > 0));
  }
  Value result() const { return result_; }
  Value exception() const { return exception_; }
  const std::string& abort_reason() const { return abort_reason_; }
  AbortKind abort_kind() const { return abort_kind_; }
  uint64_t steps() const { return steps_; }
  /// The completion value of the task's main frame, kept while the task
  /// goes on to run the promise jobs it spawned.
  void set_result(Value v) { result_ = v; }

  /// Unwinds every frame without running catch or finally.
  void Abort(AbortKind kind, std::string reason);

  // Interpreter state (public to the interpreter and the GC).
  std::vector<Frame> frames;
  std::vector<Value> registers;
  Value handling_exception;  // the exception a handler is catching
  bool in_jobs = false;      // the main frame finished; running promise jobs
  uint32_t host_waits = 0;   // host operations (async module loads) not answered yet:
                             // with no frame and no job left, the task waits for them
  std::deque<Job> jobs;      // jobs this task spawned, run before it completes
  uint64_t host_call = 0;       // the asynchronous host call it waits in (HostWait), or 0
  bool host_suspended = false;  // that call is not settled: nothing runs until it is
  size_t accounted_register_bytes = 0;  // charged to the heap's limit
  uint64_t id = 0;  // set by Vm::RegisterTask; never reused
  // The limits the engine threw an error for while this task ran (bits of
  // 1 << LimitError): an uncaught marked error reports its limit only if
  // this task hit it, so a script cannot replay an old one.
  uint8_t limits_hit = 0;
  uint64_t current_id = 0;  // id, then a new id (Vm::NewTaskId) per microtask it runs

 private:
  friend void CompleteTask(Task& task, TaskState state, Value v);
  friend uint64_t Interpret(Task& task, uint64_t max_steps);
  Vm& vm_;
  Realm* realm_;
  TaskState state_ = TaskState::kRunnable;
  Value result_;
  Value exception_;
  std::string abort_reason_;
  AbortKind abort_kind_ = AbortKind::kNone;
  uint64_t steps_ = 0;
};

void CompleteTask(Task& task, TaskState state, Value v);

}  // namespace ratchet::internal

#endif  // RATCHET_VM_TASK_H_
