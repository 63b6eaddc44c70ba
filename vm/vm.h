// The Vm: one runtime's heap, atom table, shapes root, tasks and limits.
// Single-threaded; usable from one thread at a time.
#ifndef RATCHET_VM_VM_H_
#define RATCHET_VM_VM_H_

#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <set>
#include <utility>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "vm/heap.h"
#include "vm/object.h"
#include "vm/realm.h"
#include "vm/string.h"
#include "vm/task.h"
#include "vm/value.h"

namespace ratchet::internal {

struct Code;

// Names the engine uses as property keys, interned once per runtime.
#define RATCHET_COMMON_ATOMS(V)              \
  V(length, "length")                        \
  V(prototype, "prototype")                  \
  V(constructor, "constructor")              \
  V(name, "name")                            \
  V(message, "message")                      \
  V(stack, "stack")                          \
  V(cause, "cause")                          \
  V(errors, "errors")                        \
  V(toString, "toString")                    \
  V(valueOf, "valueOf")                      \
  V(value, "value")                          \
  V(done, "done")                            \
  V(next, "next")                            \
  V(get, "get")                              \
  V(set, "set")                              \
  V(writable, "writable")                    \
  V(enumerable, "enumerable")                \
  V(configurable, "configurable")            \
  V(callee, "callee")                        \
  V(caller, "caller")                        \
  V(arguments, "arguments")                  \
  V(undefined, "undefined")                  \
  V(null, "null")                            \
  V(true_, "true")                           \
  V(false_, "false")                         \
  V(empty, "")                               \
  V(object, "object")                        \
  V(function, "function")                    \
  V(number, "number")                        \
  V(string, "string")                        \
  V(boolean, "boolean")                      \
  V(symbol, "symbol")                        \
  V(bigint, "bigint")                        \
  V(default_, "default")                     \
  V(NaN, "NaN")                              \
  V(Infinity, "Infinity")                    \
  V(anonymous, "anonymous")                  \
  V(globalThis, "globalThis")                \
  V(lastIndex, "lastIndex")                  \
  V(index, "index")                          \
  V(input, "input")                          \
  V(groups, "groups")                        \
  V(indices, "indices")                      \
  V(join, "join")                            \
  V(raw, "raw")                              \
  V(description, "description")              \
  V(__proto__, "__proto__")

#define RATCHET_WELL_KNOWN_SYMBOLS(V) \
  V(iterator, "Symbol.iterator")      \
  V(asyncIterator, "Symbol.asyncIterator") \
  V(hasInstance, "Symbol.hasInstance") \
  V(toPrimitive, "Symbol.toPrimitive") \
  V(toStringTag, "Symbol.toStringTag") \
  V(species, "Symbol.species")        \
  V(isConcatSpreadable, "Symbol.isConcatSpreadable") \
  V(unscopables, "Symbol.unscopables") \
  V(match, "Symbol.match")            \
  V(matchAll, "Symbol.matchAll")      \
  V(replace, "Symbol.replace")        \
  V(search, "Symbol.search")          \
  V(split, "Symbol.split")            \
  V(dispose, "Symbol.dispose")        \
  V(asyncDispose, "Symbol.asyncDispose")

struct Atoms {
#define RATCHET_ATOM_FIELD(field, text) String* field;
  RATCHET_COMMON_ATOMS(RATCHET_ATOM_FIELD)
#undef RATCHET_ATOM_FIELD
};

struct WellKnownSymbols {
#define RATCHET_SYMBOL_FIELD(field, text) Symbol* field;
  RATCHET_WELL_KNOWN_SYMBOLS(RATCHET_SYMBOL_FIELD)
#undef RATCHET_SYMBOL_FIELD
};

enum class ErrorKind : uint8_t {
  kTypeError,
  kReferenceError,
  kSyntaxError,
  kRangeError,
  kError,
  kEvalError,
  kURIError,
  kInternalError,
};

/// Arguments of a native function call.
struct CallArgs {
  Value this_value;
  Value* args;
  uint32_t argc;
  Value new_target;  // undefined for [[Call]]
  Object* callee;
  Task* task;
  Value arg(uint32_t i) const { return i < argc ? args[i] : Value::Undefined(); }
};

struct RegExpCache;

class Vm {
 public:
  Vm();
  ~Vm();
  Vm(const Vm&) = delete;
  Vm& operator=(const Vm&) = delete;

  Heap& heap() { return heap_; }
  const Atoms& atoms() const { return atoms_; }
  const WellKnownSymbols& symbols() const { return symbols_; }
  Shape* root_shape() const { return root_shape_; }

  /// Interns a string; returns the atom (null on out-of-memory).
  String* Intern(String* s);
  String* InternAscii(std::string_view ascii);
  String* InternAsciiSlow(std::string_view ascii);
  String* InternUtf16(std::u16string_view s);
  /// Converts a property-key value (string, symbol, number) to a key.
  /// Strings that are canonical array indices become index keys. Null-valued
  /// PropertyKey (v == Empty) on out-of-memory.
  PropertyKey KeyFromString(String* s);

  // ---- Exceptions ----
  /// Sets the pending exception and returns Value::Empty(), the throw marker.
  Value Throw(Value exception);
  Value ThrowError(ErrorKind kind, std::string_view message);
  Value ThrowOutOfMemory();
  /// Throws the RangeError of a call stack over its limit. Both errors
  /// carry their cause (LimitErrorOf): a host reports them as such.
  Value ThrowStackOverflow();
  Value pending_exception() const { return pending_exception_; }
  Value TakeException() {
    Value v = pending_exception_;
    pending_exception_ = Value::Undefined();
    return v;
  }
  /// Creates an error object of the current realm (with a stack trace from
  /// the current task). Null on OOM.
  Object* NewError(ErrorKind kind, std::string_view message);

  // ---- Tasks and realms ----
  Realm* current_realm() const { return current_realm_; }
  void set_current_realm(Realm* r) { current_realm_ = r; }
  Task* current_task() const { return current_task_; }
  void set_current_task(Task* t) { current_task_ = t; }
  void RegisterTask(Task* t);
  void UnregisterTask(Task* t);
  size_t task_count() const { return tasks_.size(); }
  /// A fresh id from the sequence of task ids (microtasks take one each).
  uint64_t NewTaskId() { return ++last_task_id_; }
  /// The registered task with this id (Task::id), or null once it is gone.
  Task* FindTask(uint64_t id) const;

  /// The embedding API's weak references (host objects with finalizers):
  /// runs in every collection once marking is complete (cells' `marked`
  /// bits are final) and before anything is freed. It must not allocate.
  void set_host_sweep(std::function<void()> sweep) { host_sweep_ = std::move(sweep); }
  /// Called after every collection with the accounted bytes before and
  /// after it (the embedding API's debug log).
  void set_gc_observer(std::function<void(size_t before, size_t after)> observer) {
    gc_observer_ = std::move(observer);
  }

  /// Extra roots held by the host (API handles, realms in use).
  uint32_t AddRoot(Value v);
  void RemoveRoot(uint32_t index);
  Value& root(uint32_t index) { return roots_[index]; }

  /// Native requests: a native function may ask the interpreter to call a
  /// function in its place (Function.prototype.call/apply, Reflect.apply).
  struct TailCall {
    bool pending = false;
    Value function;
    Value this_value;
    Value new_target;  // undefined: [[Call]]
    std::vector<Value> args;
  };
  TailCall& tail_call() { return tail_call_; }
  /// Compiles eval code in a realm's global environment (installed by the
  /// runtime): a closure to call with the caller's this, or null with an
  /// exception pending.
  /// `flags` as CallEval's; `scopes` (may be null: global code) describes
  /// the caller's environments, of which `env` is the innermost.
  using EvalCompiler = Object* (*)(Vm& vm, Realm& realm, String* source, int32_t flags, String* scopes,
                                   Env* env);
  EvalCompiler eval_compiler() const { return eval_compiler_; }
  void set_eval_compiler(EvalCompiler f) { eval_compiler_ = f; }
  /// The GlobalSymbolRegistry (Symbol.for), shared by the runtime's realms.
  absl::flat_hash_map<String*, Symbol*>& symbol_registry() { return symbol_registry_; }
  /// The arguments of the native function running now (null outside
  /// natives): lets a native ask to be re-called with an argument converted
  /// by JavaScript (runtime/builtins/builtins.cc RequestArgumentConversion).
  CallArgs* current_native_args() const { return current_native_args_; }
  void set_current_native_args(CallArgs* a) { current_native_args_ = a; }
  Value RequestTailCall(Value fn, Value this_value, std::vector<Value> args,
                        Value new_target = Value::Undefined());

  /// Native requests: resume a generator's parked frame in place of the
  /// native call (Generator.prototype.next, promise jobs resuming an await).
  struct ResumeRequest {
    bool pending = false;
    Object* generator = nullptr;
    int32_t mode = 0;  // a ResumeMode
    Value value;
  };
  ResumeRequest& resume_request() { return resume_request_; }
  Value RequestResume(Object* generator, int32_t mode, Value value) {
    resume_request_ = ResumeRequest{true, generator, mode, value};
    return Value::Empty();
  }

  /// While set, new shapes (Shape::pinned) and atoms (String::kPinned) are
  /// pinned — kept for the life of the runtime: CreateRealm sets it while it
  /// builds the intrinsics, a bounded set the same in every realm.
  bool pin_intrinsics() const { return pin_intrinsics_; }
  void set_pin_intrinsics(bool b) { pin_intrinsics_ = b; }

  // ---- Asynchronous host calls ----
  /// A call of an asynchronous host function (api: AsyncHostFunction): the
  /// task that made it suspends in HostWait until the host settles it.
  struct HostCall {
    Task* task;  // null once the task is gone or aborted
    bool settled = false;
    bool rejected = false;
    Value value;          // the result (settled, not rejected)
    std::string message;  // the Error's message (rejected)
  };
  /// Starts a host call made by `task` (task->host_call := its id; ids are
  /// never reused); a call the task left behind (its HostWait never ran) is
  /// forgotten.
  uint64_t BeginHostCall(Task* task);
  HostCall* FindHostCall(uint64_t id) {
    auto it = host_calls_.find(id);
    return it == host_calls_.end() ? nullptr : &it->second;
  }
  /// Settles call `id` (false when it is unknown, already settled, or its
  /// task is gone): its task may run again.
  bool SettleHostCall(uint64_t id, bool rejected, Value value, std::string message);
  /// Forgets call `id` (its result was taken, or its task stopped waiting).
  void EndHostCall(uint64_t id);
  size_t pending_host_calls() const { return host_calls_.size(); }

  // ---- Jobs (HostEnqueuePromiseJob) ----
  /// Jobs join the queue of the running task (microtasks run inside the
  /// task that spawned them); with no task running they wait for the next.
  using Job = ::ratchet::internal::Job;
  void EnqueueJob(const Job& job) {
    if (current_task_ != nullptr) {
      current_task_->jobs.push_back(job);
    } else {
      jobs_.push_back(job);
    }
  }
  /// AddToKeptObjects / ClearKeptObjects (WeakRef): kept alive until the
  /// running job ends.
  /// Atomics.waitAsync waiters of this agent (runtime/atomics.cc), by their
  /// id in the process-wide waiter list: the promise, the task that waits
  /// for it, the timeout, and the list entry (valid while it is listed).
  struct AsyncWaiter {
    Value promise;
    uint64_t task_id;
    int64_t deadline_ns;  // steady clock; INT64_MAX: none
    bool task_waits;      // counted in the task's host_waits
    void* entry;
  };
  absl::flat_hash_map<uint64_t, AsyncWaiter>& async_waiters() { return async_waiters_; }
  /// (deadline, id) of the waiters with a timeout, earliest first.
  std::set<std::pair<int64_t, uint64_t>>& async_deadlines() { return async_deadlines_; }
  /// The agent's mailbox in the process-wide waiter list (runtime/atomics.cc
  /// owns the type) and what to do with it when the Vm dies.
  std::shared_ptr<void>& atomics_mailbox() { return atomics_mailbox_; }
  void set_atomics_cleanup(void (*cleanup)(Vm&)) { atomics_cleanup_ = cleanup; }
  /// [[CanBlock]]: whether Atomics.wait may suspend this agent's thread.
  bool can_block() const { return can_block_; }
  void set_can_block(bool b) { can_block_ = b; }
  /// Whether other agents share memory with this one (an async waiter with
  /// no timeout may then be woken by them, so its task waits for it).
  bool in_agent_cluster() const { return in_agent_cluster_; }
  void set_in_agent_cluster(bool b) { in_agent_cluster_ = b; }
  void AddToKeptObjects(Value v) { kept_objects_.insert(v.bits()); }
  void ClearKeptObjects() { kept_objects_.clear(); }
  /// Jobs enqueued outside any task (FinalizationRegistry cleanups after a
  /// collection, Atomics.waitAsync wake-ups), waiting for a task to run them.
  bool has_orphan_jobs() const { return !jobs_.empty(); }
  /// Moves jobs enqueued outside any task into `task`.
  void AdoptOrphanJobs(Task& task) {
    while (!jobs_.empty()) {
      task.jobs.push_back(jobs_.front());
      jobs_.pop_front();
    }
  }

  // ---- Limits ----
  void set_max_stack_bytes(size_t bytes) { max_stack_bytes_ = bytes; }
  size_t max_stack_bytes() const { return max_stack_bytes_; }
  using InterruptHandler = std::function<bool()>;
  void set_interrupt_handler(InterruptHandler h) { interrupt_handler_ = std::move(h); }
  const InterruptHandler& interrupt_handler() const { return interrupt_handler_; }
  /// Makes the interpreter abort the running task at its next interrupt
  /// poll, as if the interrupt handler had returned true (a blocking native
  /// that saw the handler return true ends early and calls this).
  void RequestInterrupt() { interrupt_requested_ = true; }
  bool TakeInterruptRequest() {
    bool r = interrupt_requested_;
    interrupt_requested_ = false;
    return r;
  }

  /// Collects garbage now (only call at a safepoint: no raw pointers held
  /// by C++ frames other than roots).
  void CollectGarbage();
  /// Visit every root (GC).
  void TraceRoots(Tracer& t);

  /// Where print() and console.log() write (default: stdout).
  using PrintHandler = std::function<void(const std::string& line)>;
  void set_print_handler(PrintHandler h) { print_handler_ = std::move(h); }
  const PrintHandler& print_handler() const { return print_handler_; }

  /// The embedder's module hooks (runtime/module.h): resolve a specifier
  /// against its referrer, and load a module's source text.
  struct ModuleHooks {
    std::function<bool(const std::string& specifier, const std::string& referrer, std::string* url,
                       std::string* error)>
        resolve;
    std::function<bool(const std::string& url, std::string* source, std::string* error)> load;
    /// Asynchronous loading (instead of `load`): the host calls `done`
    /// (ok, source or error message) now or later.
    std::function<void(const std::string& url, std::function<void(bool ok, std::string text)> done)> load_async;
    /// Synchronous loading that may answer with a host-built module record
    /// (*record; else *source), instead of `load`.
    std::function<bool(Realm& realm, const std::string& url, std::string* source, Object** record,
                       std::string* error)>
        load_host;
    /// HostGetImportMetaProperties: extra import.meta properties of a module.
    std::function<void(Vm& vm, const std::string& url, std::vector<std::pair<std::string, Value>>* properties)>
        import_meta;
  };
  ModuleHooks& module_hooks() { return module_hooks_; }
  /// GetPrototypeFromConstructor computed by JavaScript (a proxy or a getter
  /// as newTarget.prototype): the next construction uses it (an object, or
  /// null for the constructor realm's default). Empty: none.
  Value& construct_proto() { return construct_proto_; }
  /// The same, for the native constructor running now (read by
  /// PrototypeFromConstructor).
  Value& native_construct_proto() { return native_construct_proto_; }

  /// 16.2.1.5.3.4 [[AsyncEvaluationOrder]]: the agent's counter.
  uint64_t NextAsyncEvaluationOrder() { return ++async_evaluation_order_; }

  /// Code compiled once per runtime (self-hosted library).
  Code* selfhost_code() const { return selfhost_code_; }
  void set_selfhost_code(Code* c) { selfhost_code_ = c; }

  /// A symbol for each private name of the runtime is not shared; this
  /// counter numbers realms for debugging.
  uint64_t NextId() { return ++next_id_; }

  /// The interned one-code-unit string of a Latin-1 character (null when
  /// out of memory); cached, so s[i] and iteration do not allocate.
  String* SingleCharString(uint8_t c) {
    if (single_chars_[c] == nullptr) single_chars_[c] = MakeSingleCharString(c);
    return single_chars_[c];
  }

  /// Compiled regular expressions shared by RegExp objects with the same
  /// pattern and flags (vm/regexp_object.cc).
  RegExpCache& regexp_cache();

 private:
  Heap heap_;
  struct AtomHash {
    size_t operator()(String* s) const;
  };
  struct AtomEq {
    bool operator()(String* a, String* b) const;
  };
  // Weak: entries whose string was not marked are dropped before the sweep.
  absl::flat_hash_set<String*, AtomHash, AtomEq> atom_table_;
  // InternAscii's answers by the caller's characters' address (names are
  // mostly literals: realm set-up interns the same ~2,000 each time),
  // checked against the atom's text and valid until the next collection.
  struct NameCacheEntry {
    const char* chars = nullptr;
    size_t length = 0;
    size_t epoch = 0;
    String* atom = nullptr;
  };
  static constexpr size_t kNameCacheSize = 2048;
  std::unique_ptr<NameCacheEntry[]> name_cache_{new NameCacheEntry[kNameCacheSize]};
  /// Drops what died from the weak tables: atoms, registered symbols and the
  /// transitions of the live `shapes` (Heap::Collect's before_sweep).
  void SweepWeakTables(const std::vector<Cell*>& shapes);
  Atoms atoms_{};
  WellKnownSymbols symbols_{};
  Shape* root_shape_ = nullptr;
  Value pending_exception_;
  Realm* current_realm_ = nullptr;
  Task* current_task_ = nullptr;
  std::vector<Task*> tasks_;
  std::vector<Value> roots_;
  absl::flat_hash_map<String*, Symbol*> symbol_registry_;  // Symbol.for: atom -> symbol
  std::function<void()> host_sweep_;  // set_host_sweep
  std::function<void(size_t, size_t)> gc_observer_;  // set_gc_observer
  std::vector<uint32_t> free_roots_;
  TailCall tail_call_;
  CallArgs* current_native_args_ = nullptr;
  EvalCompiler eval_compiler_ = nullptr;
  ResumeRequest resume_request_;
  std::deque<Job> jobs_;
  absl::flat_hash_map<uint64_t, HostCall> host_calls_;
  uint64_t last_host_call_id_ = 0;
  absl::flat_hash_set<uint64_t> kept_objects_;  // [[KeptAlive]] (bits of Values)
  absl::flat_hash_map<uint64_t, AsyncWaiter> async_waiters_;
  std::set<std::pair<int64_t, uint64_t>> async_deadlines_;
  String* MakeSingleCharString(uint8_t c);
  String* single_chars_[256] = {};  // atoms, roots (TraceRoots)
  std::shared_ptr<void> atomics_mailbox_;
  void (*atomics_cleanup_)(Vm&) = nullptr;
  bool can_block_ = false;
  bool pin_intrinsics_ = false;
  std::vector<String*> pinned_atoms_;  // String::kPinned atoms, roots
  bool in_agent_cluster_ = false;
  bool interrupt_requested_ = false;
  size_t max_stack_bytes_ = 8 << 20;
  InterruptHandler interrupt_handler_;
  PrintHandler print_handler_;
  ModuleHooks module_hooks_;
  uint64_t async_evaluation_order_ = 0;
  uint64_t last_task_id_ = 0;
  Value construct_proto_ = Value::Empty();
  Value native_construct_proto_ = Value::Empty();
  Code* selfhost_code_ = nullptr;
  uint64_t next_id_ = 0;
  RegExpCache* regexp_cache_ = nullptr;
};

}  // namespace ratchet::internal

#endif  // RATCHET_VM_VM_H_
