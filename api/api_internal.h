// Private to the API layer (api/*.cc): the state behind the public
// classes of api/ratchet.h. Never installed, never included by embedders.
#ifndef RATCHET_API_API_INTERNAL_H_
#define RATCHET_API_API_INTERNAL_H_

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "api/ratchet.h"
#include "vm/object.h"
#include "vm/task.h"
#include "vm/value.h"
#include "vm/vm.h"

namespace ratchet {

namespace in = ::ratchet::internal;

namespace internal {

struct ApiHandle;

// The value handles a realm owns. While the realm lives each handle of a
// heap value holds a Vm root; when the realm is destroyed every root is
// released at once and the handles turn dead (kUseAfterFree), however long
// the host keeps them.
struct HandleRegistry {
  struct ApiRuntime* rt = nullptr;  // valid while alive
  Realm* realm = nullptr;           // the internal realm
  bool alive = true;
  absl::flat_hash_set<ApiHandle*> live;
  void Kill();
};

// What a ratchet::Value points to. `reg` is null for values that need no
// owner (undefined, null, booleans, numbers): usable in every realm.
struct ApiHandle {
  std::shared_ptr<HandleRegistry> reg;
  Value value = Value::Undefined();
  uint32_t root = UINT32_MAX;
  ApiHandle() = default;
  ApiHandle(const ApiHandle&) = delete;
  ApiHandle& operator=(const ApiHandle&) = delete;
  ~ApiHandle();
};

struct ApiRuntime {
  in::Vm vm;
  // Host functions of modules a HostModuleLoader built (they live as long
  // as the runtime).
  std::vector<std::unique_ptr<HostFunction>> module_functions;
  // Realm::NewHostObject: the host's data of each live host object; the
  // collector's sweep (Vm::set_host_sweep) moves the finalizers of dead
  // ones to `finalizers_due`, run when control is back with the host.
  struct HostObject {
    const void* tag;
    void* data;
    std::function<void(void*)> finalizer;
  };
  absl::flat_hash_map<Object*, HostObject> host_objects;
  std::vector<HostObject> finalizers_due;
  static constexpr size_t kHostObjectCharge = 64;  // bytes charged per host object
  std::function<void(const std::string&)> debug_log;  // Runtime::SetDebugLog
  template <typename... Parts>
  void Log(const Parts&... parts) {
    if (debug_log) debug_log(absl::StrCat(parts...));
  }
  ApiRuntime();
  ~ApiRuntime();
  // Runs the finalizers of host objects found dead (when the host has control).
  void RunFinalizers() {
    if (!finalizers_due.empty()) RunFinalizersSlow();
  }
  void RunFinalizersSlow();
};

// A Realm::NewFunction callback (its NativeFunction::data points here);
// owned by ApiRuntime::host_objects, freed when the function object dies.
struct HostCallbackEntry {
  HostCallback fn;
  std::weak_ptr<HandleRegistry> handles;  // the realm's
};

struct AsyncHostEntry {
  std::weak_ptr<ApiRuntime> rt;
  AsyncHostFunction fn;
};

struct ApiTask;
struct TimerHost;

struct ApiRealm {
  std::shared_ptr<ApiRuntime> rt;
  in::Realm* realm = nullptr;
  uint32_t root = 0;
  // What the realm's host natives point to (their NativeFunction::data):
  // shared with every task of the realm, so a task that outlives its Realm
  // handle never calls into freed host state.
  struct HostObjects {
    std::vector<std::unique_ptr<HostFunction>> host_functions;
    std::vector<std::unique_ptr<AsyncHostEntry>> async_host_functions;
    std::shared_ptr<TimerHost> timers;  // InstallTimers
    std::function<double()> random;  // RealmOptions (in::Realm::random_hook points here)
    std::function<double()> now;     // RealmOptions (in::Realm::now_hook)
  };
  std::shared_ptr<HostObjects> host = std::make_shared<HostObjects>();
  // The value handles owned by this realm (api/values.cc).
  std::shared_ptr<HandleRegistry> handles;
  TaskRunner run_task;       // SetDefaultRunners
  TaskRunner run_task_sync;
  // The handler prototype of this realm's read-only views of host data
  // (api/views.cc), made on first use, and its Vm root.
  in::Object* view_traps = nullptr;
  uint32_t view_traps_root = UINT32_MAX;
  static std::shared_ptr<::ratchet::Task> MakeTask(std::unique_ptr<ApiTask> state) {
    return std::shared_ptr<::ratchet::Task>(new ::ratchet::Task(std::move(state)));
  }
  static HostCallSettler Settler(std::weak_ptr<ApiRuntime> rt, uint64_t id) { return HostCallSettler(std::move(rt), id); }
  static void MarkAsync(::ratchet::Task& task);
  ~ApiRealm();
};

struct ApiTask {
  std::shared_ptr<ApiRuntime> rt;
  std::unique_ptr<in::Task> task;
  Completion precomputed;  // syntax errors: finished before running
  bool module = false;     // a module task: its result is the evaluation promise
  bool has_precomputed = false;
  CompletionKind stop_kind = CompletionKind::kNormal;  // limit that stopped it
  std::vector<std::function<void(const Completion&)>> on_done;
  bool notified = false;
  bool is_async = false;  // handed to a runner by an asynchronous evaluation
  std::shared_ptr<void> realm_host;  // the realm's ApiRealm::HostObjects, kept while the task lives
  std::shared_ptr<HandleRegistry> handles;  // the realm's: owner of the completion's value
  ~ApiTask() {
    if (task != nullptr) rt->vm.UnregisterTask(task.get());
  }
};

// The timers of one realm (Realm::InstallTimers). The realm owns it; work
// posted to the executor holds it weakly, so a timer of a dropped realm
// never fires.
struct TimerHost : std::enable_shared_from_this<TimerHost> {
  struct Timer {
    std::vector<uint32_t> roots;  // the callback, then its arguments (Vm roots)
    int64_t interval_ms;
    bool repeat;
    size_t charged;
  };
  std::weak_ptr<ApiRuntime> rt;
  std::weak_ptr<void> host_objects;  // the realm's ApiRealm::HostObjects (for its tasks)
  std::weak_ptr<HandleRegistry> handles;  // the realm's value handles (for its tasks)
  in::Realm* realm = nullptr;
  Executor executor;
  TaskRunner runner;
  std::function<void(const Completion&)> on_done;
  absl::flat_hash_map<uint64_t, Timer> timers;
  uint64_t last_id = 0;
  // Fire is running: an executor that runs posted work inside its own call
  // (it must not) makes Fire re-enter (an interval posts its next tick
  // before its callback runs); those ids wait here and the outer Fire runs
  // them in its loop instead of recursing once per tick.
  bool firing = false;
  std::deque<uint64_t> fired_inline;

  void Post(uint64_t id, int64_t delay_ms) {
    std::weak_ptr<TimerHost> self = weak_from_this();
    executor([self, id] {
      if (std::shared_ptr<TimerHost> th = self.lock()) th->Fire(id);
    }, std::chrono::milliseconds(delay_ms));
  }
  void Release(in::Vm& vm, uint64_t id) {
    auto it = timers.find(id);
    if (it == timers.end()) return;
    for (uint32_t r : it->second.roots) vm.RemoveRoot(r);
    vm.heap().ReleaseExternal(it->second.charged);
    timers.erase(it);
  }
  void ReleaseAll(in::Vm& vm) {
    while (!timers.empty()) Release(vm, timers.begin()->first);
  }
  void Fire(uint64_t id);
  void FireOne(uint64_t id);
};

}  // namespace internal

// Shared by api/ratchet.cc and api/values.cc.
std::string ValueToDisplayString(in::Vm& vm, in::Value v);
/// The completion of an uncaught exception `e`. A marked limit error
/// (in::LimitErrorOf) is kOutOfMemory / kStackOverflow when its bit is in
/// `limits_hit` (the task's in::Task::limits_hit; 0xff: an API operation's
/// own error), else kJsException.
Completion ExceptionCompletion(in::Vm& vm, in::Value e, const std::shared_ptr<in::HandleRegistry>& handles,
                               uint8_t limits_hit = 0);
/// A handle owned by `reg` (unowned for numbers, booleans, null, undefined;
/// a dead handle when the registry is dead).
::ratchet::Value MakeValue(const std::shared_ptr<in::HandleRegistry>& reg, in::Value v);
/// Collects garbage the heap asked for, outside any task (see ratchet.cc).
void Safepoint(in::Vm& vm);
/// A task of the runtime is running (a host function is calling the API).
inline bool Busy(in::Vm& vm) { return vm.current_task() != nullptr; }
Completion ConcurrentEvaluation();
/// A read-only view (Realm::FromHost, api/views.cc): whether `v` is one,
/// and the host data it reads now (null when it is not a view or its path
/// no longer resolves; *array says which kind of view).
bool IsView(const in::ApiRuntime& rt, in::Value v);
const HostData* ViewData(const in::ApiRuntime& rt, in::Value v, bool* array);
/// HostData::ToJson stopping once `out` holds more than `limit` characters.
void AppendJsonLimited(const HostData& d, size_t limit, std::string* out);
/// The pending exception of a failed internal operation, as a Status
/// (kOutOfMemory, or kJsException with the thrown value).
Status TakeErrorStatus(in::Vm& vm, const std::shared_ptr<in::HandleRegistry>& reg);
std::shared_ptr<Task> HandToRunner(std::shared_ptr<Task> task, const EvalOptions& options,
                                   const TaskRunner& realm_default);
Completion RunSynchronously(const std::shared_ptr<Task>& task, const EvalOptions& options,
                            const TaskRunner& realm_default);

}  // namespace ratchet

#endif  // RATCHET_API_API_INTERNAL_H_
