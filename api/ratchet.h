// Ratchet's public C++ embedding API. The only public header: everything
// behind it is private (pimpl), and no C++ exception crosses it.
//
//   ratchet::Runtime runtime;
//   runtime.SetMemoryLimit(64 << 20);
//   auto realm = runtime.NewRealm();
//   ratchet::Completion c = (*realm)->EvaluateScriptSync("1 + 1", {});
//   // c.ok(), c.value_string == "2"
//
// A Runtime owns one heap; it is single-threaded and may be used from one
// thread at a time. Realms are isolated global environments inside it.
// Evaluating code creates a Task: a frame stack the host drives one
// instruction (Step) or a burst (Run) at a time, and may Abort at any point.
#ifndef RATCHET_API_RATCHET_H_
#define RATCHET_API_RATCHET_H_

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ratchet {

namespace internal {
struct ApiRuntime;
struct ApiRealm;
struct ApiTask;
struct ApiHandle;
}  // namespace internal

class Realm;

/// How an evaluation ended.
enum class CompletionKind {
  kNormal,        // finished; value_string holds the completion value
  kSyntaxError,   // the source did not compile; error_* and line/column set
  kJsException,   // an uncaught JavaScript exception; error_* set
  kTaskAborted,   // Task::Abort was called; error_message holds the reason
  kInterrupted,   // the interrupt handler asked to stop
  kStepLimit,     // the step budget ran out
  kTimeLimit,     // the time budget ran out
  kIncomplete,    // (synchronous APIs) the task did not finish
  kSynchronousTaskIncomplete,  // a synchronous evaluation's runner returned before the
                               // task finished (the task was then aborted)
  kConcurrentEvaluation,       // called while a task of the runtime runs (from inside a
                               // host function or loader): nothing ran; try from the host's loop
  // Value operations (ratchet::Value, Realm::New*):
  kWrongOwner,    // a value handle of another realm or runtime was passed
  kUseAfterFree,  // the handle's realm was destroyed
  kOutOfMemory,   // the memory limit does not allow the new value
  kWouldRunCode,  // the operation would run JavaScript (a getter, setter or proxy
                  // trap): nothing happened; run it as a task (Realm::Call)
  kStackOverflow,  // the call stack outgrew Runtime::SetMaxStackSize: the script
                   // did not catch the RangeError (error_*, value set)
};
// An evaluation that ran out of memory completes with kOutOfMemory, the
// sandbox's uncaught `InternalError: out of memory` in error_* and value.

class Value;
struct HostData;

/// The outcome of an API operation: ok, or one error of the closed set of
/// CompletionKind. Value operations report misuse as kJsException with the
/// TypeError or RangeError JavaScript would throw (error_name()), and the
/// kinds above; a host callback returns Throw or ThrowValue to throw into
/// the sandbox.
class Status {
 public:
  Status() = default;
  Status(CompletionKind kind, std::string message, std::string error_name = "")
      : kind_(kind), message_(std::move(message)), error_name_(std::move(error_name)) {}
  /// (Host callbacks) throw a new error: `error_name` is "Error",
  /// "TypeError", "RangeError", "SyntaxError", "ReferenceError", "EvalError"
  /// or "URIError".
  static Status Throw(std::string error_name, std::string message) {
    return Status(CompletionKind::kJsException, std::move(message), std::move(error_name));
  }
  /// (Host callbacks) throw this value.
  static Status ThrowValue(const Value& exception);
  bool ok() const { return kind_ == CompletionKind::kNormal; }
  CompletionKind kind() const { return kind_; }
  const std::string& message() const { return message_; }
  const std::string& error_name() const { return error_name_; }
  /// ThrowValue's value (undefined otherwise).
  Value exception() const;
  /// "WrongOwner: message", "TypeError: message", ...
  std::string ToString() const;

 private:
  friend struct ValueAccess;  // api/api_internal.h
  CompletionKind kind_ = CompletionKind::kNormal;
  std::string message_;
  std::string error_name_;
  std::shared_ptr<internal::ApiHandle> exception_;
};

/// A value or the Status saying why there is none.
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit on purpose
  Result(Status status) : status_(std::move(status)) {}  // NOLINT
  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }
  const T& value() const& { return value_; }
  T& value() & { return value_; }
  T&& value() && { return std::move(value_); }
  const T& operator*() const& { return value_; }
  const T* operator->() const { return &value_; }

 private:
  Status status_;
  T value_{};
};

/// A handle to a JavaScript value, owned by the realm it came from: it keeps
/// the value alive until the last copy of the handle is dropped or the realm
/// is destroyed, whichever comes first. After the realm is gone every
/// operation reports kUseAfterFree; passing it to another realm or runtime
/// reports kWrongOwner (undefined, null, booleans and numbers belong to no
/// realm and go anywhere). Copies share one handle; they are cheap.
///
/// No operation runs JavaScript: reading a property whose getter is a
/// function, or going through a proxy, reports kWouldRunCode (call the
/// getter with Realm::Call, which runs as a task under a runner). Use a
/// handle on the thread that uses its runtime.
class Value {
 public:
  enum class Type { kUndefined, kNull, kBoolean, kNumber, kString, kSymbol, kBigInt, kObject };
  enum class PromiseState { kPending, kFulfilled, kRejected };
  /// A window on an ArrayBuffer's bytes (or a typed array's or DataView's
  /// part of its buffer), without a copy. Valid until JavaScript runs again
  /// in the runtime or the realm is destroyed (the buffer may be detached
  /// or resized then); empty for a detached buffer.
  struct Bytes {
    uint8_t* data = nullptr;
    size_t size = 0;
  };

  Value();  // undefined
  static Value Undefined() { return Value(); }
  static Value Null();
  static Value Boolean(bool b);
  static Value Number(double d);

  Type type() const;
  bool IsUndefined() const { return type() == Type::kUndefined; }
  bool IsNull() const { return type() == Type::kNull; }
  bool IsBoolean() const { return type() == Type::kBoolean; }
  bool IsNumber() const { return type() == Type::kNumber; }
  bool IsString() const { return type() == Type::kString; }
  bool IsSymbol() const { return type() == Type::kSymbol; }
  bool IsBigInt() const { return type() == Type::kBigInt; }
  bool IsObject() const { return type() == Type::kObject; }
  bool IsArray() const;
  bool IsFunction() const;
  bool IsPromise() const;
  bool IsError() const;
  bool IsArrayBuffer() const;  // ArrayBuffer or SharedArrayBuffer
  bool IsTypedArray() const;
  bool IsMap() const;  // a Map (subclasses included; not a WeakMap)
  bool IsSet() const;  // a Set (subclasses included; not a WeakSet)
  /// False once the owning realm was destroyed (the handle is then dead:
  /// type() is kUndefined and every operation reports kUseAfterFree).
  bool alive() const;

  bool AsBoolean() const;     // false unless a boolean
  double AsNumber() const;    // NaN unless a number
  std::string AsString() const;  // a string's text in UTF-8; "" unless a string
  /// String(value) computed without running code: strings, numbers,
  /// BigInts (decimal), symbols ("Symbol(desc)"), functions (their source
  /// text), other objects ("[object Tag]").
  std::string ToString() const;
  /// A JSON-like rendering for logs and tests: objects and arrays by their
  /// own enumerable data properties (to `max_depth`, cycles as
  /// [Circular]); accessors as [Getter/Setter]; functions as [Function
  /// name]; strings quoted; BigInts with an n; nothing runs. `max_depth`
  /// is at most 64.
  std::string Dump(int max_depth = 6) const;
  /// Identity (===): the same primitive value or the same object.
  bool StrictEquals(const Value& other) const;

  /// The value as host data, read without running code: primitives;
  /// arrays (holes as undefined); other objects by their own enumerable
  /// string-keyed data properties, in property order, members whose value
  /// is a function or a symbol left out (in arrays: undefined, as
  /// JSON.stringify writes null). Read-only views (Realm::FromHost) give
  /// their host data (at any depth). Errors: a getter or another proxy on
  /// the way (kWouldRunCode), a cycle or a BigInt ("TypeError"), nesting
  /// deeper than `max_depth` (at most 1,000; "RangeError"), host data
  /// larger than the runtime's memory limit or 256 MB, whichever is less
  /// (kOutOfMemory: an object met twice is copied twice, a sparse array is
  /// as long as its length). Lone surrogates become U+FFFD.
  Result<HostData> ToHost(int max_depth = 100) const;
  /// Properties of an object (kJsException "TypeError" on a non-object).
  Result<Value> Get(std::string_view key) const;
  Result<Value> Get(uint32_t index) const;
  /// [[Set]] with the handle as receiver, as strict-mode code would (a
  /// read-only property or a non-extensible object is a TypeError).
  Status Set(std::string_view key, const Value& value) const;
  Status Set(uint32_t index, const Value& value) const;
  /// Defines (or redefines) an own data property.
  Status Define(std::string_view key, const Value& value, bool writable = true, bool enumerable = true,
                bool configurable = true) const;
  /// [[Delete]]: false when the property is non-configurable.
  Result<bool> Delete(std::string_view key) const;
  /// Own enumerable string keys, in property order.
  Result<std::vector<std::string>> Keys() const;
  /// The value of a promise, once settled.
  Result<PromiseState> promise_state() const;
  Result<Value> promise_result() const;
  Result<Bytes> bytes() const;
  /// The pointer given to Realm::NewHostObject with the same `tag`;
  /// kJsException "TypeError" for other objects or another tag.
  Result<void*> host_data(const void* tag) const;

  /// A Map's entries, in insertion order (deleted ones skipped), read from
  /// its storage: no iterator, no JavaScript ("TypeError" unless a Map).
  Result<std::vector<std::pair<Value, Value>>> MapEntries() const;
  /// A Set's values, in insertion order, the same way.
  Result<std::vector<Value>> SetValues() const;
  /// The value a Map holds for `key` (SameValueZero), undefined when none.
  Result<Value> MapGet(const Value& key) const;
  /// Adds or updates a Map's entry, or adds a Set's value, in its storage
  /// as Map.prototype.set / Set.prototype.add do (a subclass's overriding
  /// method is not called). kOutOfMemory leaves the collection unchanged.
  Status MapSet(const Value& key, const Value& value) const;
  Status SetAdd(const Value& value) const;

 private:
  friend struct ValueAccess;  // api/api_internal.h
  explicit Value(std::shared_ptr<internal::ApiHandle> h) : h_(std::move(h)) {}
  std::shared_ptr<internal::ApiHandle> h_;
};

struct Completion {
  CompletionKind kind = CompletionKind::kNormal;
  /// kNormal: the completion value; kJsException: the thrown value. Owned
  /// by the task's realm.
  Value value;
  std::string value_string;  // String(completion value), for kNormal
  std::string value_type;    // typeof of the completion value
  std::string error_name;    // e.g. "TypeError"; "SyntaxError" for kSyntaxError
  std::string error_message;
  std::string stack;         // "    at f (file:1:2)" lines
  std::string file;          // kSyntaxError: where
  uint32_t line = 0;
  uint32_t column = 0;

  bool ok() const { return kind == CompletionKind::kNormal; }
  /// "Uncaught TypeError: message" and the stack, as the CLI prints it.
  std::string Describe() const;
};

/// Limits for one evaluation. Zero means none.
struct RunLimits {
  uint64_t max_steps = 0;
  uint64_t timeout_ms = 0;
};

class Task;

/// Runs an evaluation's task: called once per evaluation. A runner steps the
/// task (Task::Run, Task::Step) to the end, or part of the way — an
/// asynchronous evaluation goes on whenever the runner, or the host, runs
/// the task again (keep the shared_ptr) — or aborts it. A synchronous
/// evaluation's runner must finish or abort the task before it returns.
/// Built-in runners: api/runners.h.
using TaskRunner = std::function<void(const std::shared_ptr<Task>& task)>;

/// Where asynchronous runners and timers post work: run `work` once, after
/// `delay`, later — from the host's event loop, never inside this call
/// (api/runners.h EventLoop::executor() is one).
using Executor = std::function<void(std::function<void()> work, std::chrono::milliseconds delay)>;

struct EvalOptions {
  std::string file_name = "<eval>";
  /// Compile scripts (and expressions) as strict mode code, as if they
  /// began with "use strict" (modules always are).
  bool strict = false;
  /// Limits applied when no runner is given (see EvaluateScript).
  RunLimits limits;
  /// The runner of this evaluation (null: the realm's default).
  TaskRunner run_task;
};

/// A value passed to or returned from a host function (primitives only in
/// this version; objects arrive as kObject with their String() form).
struct HostValue {
  enum class Type { kUndefined, kNull, kBoolean, kNumber, kString, kObject };
  Type type = Type::kUndefined;
  bool boolean = false;
  double number = 0;
  std::string string;  // kString, or the String() of an object
  static HostValue Undefined() { return {}; }
  static HostValue Number(double d) {
    HostValue v;
    v.type = Type::kNumber;
    v.number = d;
    return v;
  }
  static HostValue String(std::string s) {
    HostValue v;
    v.type = Type::kString;
    v.string = std::move(s);
    return v;
  }
  static HostValue Boolean(bool b) {
    HostValue v;
    v.type = Type::kBoolean;
    v.boolean = b;
    return v;
  }
};

/// JSON-like data of the host: what Value::ToHost gives and Realm::FromHost
/// takes. Plain values; objects keep their members in order (a name
/// appearing twice: the first one counts).
struct HostData {
  enum class Type { kUndefined, kNull, kBoolean, kNumber, kString, kArray, kObject };
  Type type = Type::kUndefined;
  bool boolean = false;
  double number = 0;
  std::string string;
  std::vector<HostData> elements;                         // kArray
  std::vector<std::pair<std::string, HostData>> members;  // kObject

  static HostData Undefined() { return {}; }
  static HostData Null() { return Make(Type::kNull); }
  static HostData Boolean(bool b) {
    HostData d = Make(Type::kBoolean);
    d.boolean = b;
    return d;
  }
  static HostData Number(double n) {
    HostData d = Make(Type::kNumber);
    d.number = n;
    return d;
  }
  static HostData String(std::string s) {
    HostData d = Make(Type::kString);
    d.string = std::move(s);
    return d;
  }
  static HostData Array(std::vector<HostData> elements = {}) {
    HostData d = Make(Type::kArray);
    d.elements = std::move(elements);
    return d;
  }
  static HostData Object(std::vector<std::pair<std::string, HostData>> members = {}) {
    HostData d = Make(Type::kObject);
    d.members = std::move(members);
    return d;
  }
  /// An object's member (null when absent or not an object).
  const HostData* Find(std::string_view name) const;
  HostData* Find(std::string_view name);
  /// Parses JSON text (RFC 8259; nesting up to 1,000 levels); false with
  /// *error ("line:column: message") on bad input.
  static bool FromJson(std::string_view json, HostData* out, std::string* error);
  /// JSON text: undefined members are left out, undefined elements and
  /// non-finite numbers are null (as JSON.stringify does).
  std::string ToJson() const;
  friend bool operator==(const HostData& a, const HostData& b);

 private:
  static HostData Make(Type t) {
    HostData d;
    d.type = t;
    return d;
  }
};

/// How Realm::FromHost gives host data to the sandbox.
enum class HostConversion {
  /// A read-only view (the default): a Proxy reading the host's data when
  /// the sandbox reads a property — property access, `in`, Object.keys,
  /// for-in, spread, JSON.stringify, Array.isArray and array methods work;
  /// writes, deletes, defineProperty, preventExtensions/freeze and
  /// setPrototypeOf fail (a TypeError in strict code; a sloppy write does
  /// nothing). Live: a host that keeps the shared data and changes it
  /// between runs is seen by the next read. Nested objects are views too,
  /// the same one each time a path is read.
  kReadOnlyView,
  /// Plain objects and arrays that the sandbox owns (a snapshot: its
  /// changes stay in the sandbox, the host's later ones are not seen).
  kCopy,
  /// kCopy deeply frozen: non-writable, non-configurable, not extensible.
  kFrozenCopy,
};

/// A host function: receives the arguments; returns a value, or sets
/// *error to throw an Error with that message into the sandbox.
using HostFunction =
    std::function<HostValue(const std::vector<HostValue>& args, std::string* error)>;

class Task;

/// Settles one call of an asynchronous host function. Copyable and cheap;
/// the first Resolve or Reject counts, later ones do nothing, and so does
/// settling a call whose task was aborted or destroyed, or whose runtime is
/// gone. Call it on the thread that uses the runtime: from the host
/// function itself (the call then returns without suspending) or later,
/// between Task::Run calls.
class HostCallSettler {
 public:
  HostCallSettler() = default;
  /// The call returns `value` to the sandbox.
  void Resolve(const HostValue& value) const;
  /// The call throws an Error with `message`, which the sandbox can catch.
  void Reject(const std::string& message) const;
  /// True until the call is settled or its task stops waiting for it.
  bool pending() const;

 private:
  friend struct internal::ApiRealm;
  HostCallSettler(std::weak_ptr<internal::ApiRuntime> rt, uint64_t id) : rt_(std::move(rt)), id_(id) {}
  std::weak_ptr<internal::ApiRuntime> rt_;
  uint64_t id_ = 0;
};

/// An asynchronous host function: receives the arguments and a settler.
/// The sandbox sees an ordinary synchronous call; if the host does not
/// settle it before returning, the calling task suspends right there
/// (Task::waiting() is true, Run() and Step() do nothing) until the host
/// settles it, then goes on with the result or the thrown Error. Any number
/// of calls, from any number of tasks, may be pending at once.
using AsyncHostFunction = std::function<void(const std::vector<HostValue>& args, HostCallSettler settle)>;

/// A call of a host function made with Realm::NewFunction: handles of the
/// caller's realm, valid after the call too if the host keeps them.
struct HostCallInfo {
  Value this_value;
  std::vector<Value> args;
  Value new_target;  // undefined: called, not constructed
  Value callee;      // the host function itself
  Value arg(size_t i) const { return i < args.size() ? args[i] : Value(); }
};
/// A host function taking and returning value handles: return a value of
/// the function's realm (or a primitive), or Status::Throw / ThrowValue to
/// throw; any other error status throws an Error with its message. It must
/// not run JavaScript of its runtime (Status kConcurrentEvaluation).
using HostCallback = std::function<Result<Value>(const HostCallInfo& call)>;

/// Resolves a module specifier imported by `referrer` (the importing
/// module's name, or the file name of the script calling import()) to the
/// module's name: the key of the realm's module map and what the loader
/// receives. Returns false with *error to make the import fail.
using ModuleNormalizer = std::function<bool(const std::string& specifier, const std::string& referrer,
                                            std::string* name, std::string* error)>;
/// Returns the source text of the module `name`, or false with *error
/// (the error becomes a TypeError at the import site).
using ModuleLoader = std::function<bool(const std::string& name, std::string* source, std::string* error)>;

/// A module whose exports the host defines: plain values and host
/// functions, by export name. Importing it runs no code; its exports are
/// fixed (live bindings that never change).
struct HostModule {
  std::vector<std::pair<std::string, HostValue>> values;
  std::vector<std::pair<std::string, HostFunction>> functions;
};

/// What a HostModuleLoader answers for a module name: its source text, or
/// (is_host) a module the host builds.
struct ModuleAnswer {
  std::string source;
  bool is_host = false;
  HostModule host;
};
/// A synchronous loader that may answer with a host-built module; false
/// with *error makes the import fail (a TypeError at the import site).
using HostModuleLoader = std::function<bool(const std::string& name, ModuleAnswer* answer, std::string* error)>;

/// Adds properties to a module's import.meta (HostGetImportMetaProperties),
/// besides `url`; called once per module, when its code first reads
/// import.meta.
using ImportMetaHook =
    std::function<void(const std::string& module_name, std::vector<std::pair<std::string, HostValue>>* properties)>;

/// The answer to an asynchronous load: `done(true, source)` or
/// `done(false, error message)`. Call it once, now or later, on the thread
/// that uses the runtime and never while one of its tasks is running
/// (between Task::Run calls). Once the Runtime and every realm and task
/// of it are destroyed it does nothing.
using ModuleLoadDone = std::function<void(bool ok, std::string source_or_error)>;
/// Starts loading module `name` and returns; answers through `done`.
using AsyncModuleLoader = std::function<void(const std::string& name, ModuleLoadDone done)>;

/// The default normalizer's rule: "./x" and "../x" resolve against the
/// referrer's directory, lexically ("a/b/../c.js" -> "a/c.js"); any other
/// specifier is the name itself.
std::string ResolveModulePath(const std::string& specifier, const std::string& referrer);

class Realm {
 public:
  ~Realm();
  Realm(const Realm&) = delete;
  Realm& operator=(const Realm&) = delete;

  /// Compiles `source` as a script and returns a task that will run it (no
  /// instruction has run yet). A syntax error gives a finished task whose
  /// completion is kSyntaxError.
  std::unique_ptr<Task> NewScriptTask(std::string_view source, const EvalOptions& options);

  /// Compiles and runs `source` to completion or until a limit stops it.
  /// With a runner (options.run_task, else the realm's run_task_sync), the
  /// runner runs the task and must finish or abort it: if it returns with
  /// the task unfinished, the task is aborted and the completion is
  /// kSynchronousTaskIncomplete. Without one, the task runs to completion
  /// within options.limits.
  Completion EvaluateScriptSync(std::string_view source, const EvalOptions& options);
  /// Compiles `source` and hands its task to the runner (options.run_task,
  /// else the realm's run_task, else a run to completion within
  /// options.limits); returns the task: the pending result. Poll done() and
  /// completion(), or attach Task::OnDone.
  std::shared_ptr<Task> EvaluateScript(std::string_view source, const EvalOptions& options);
  /// Evaluates `source` as one expression (no statements: a program of
  /// several, a declaration or a trailing `;` is a SyntaxError) and
  /// completes with its value, like EvaluateScript; columns on the first
  /// line of a syntax error count one extra character.
  std::shared_ptr<Task> EvaluateExpression(std::string_view source, const EvalOptions& options);
  Completion EvaluateExpressionSync(std::string_view source, const EvalOptions& options);
  /// Runs the jobs waiting outside any task (Runtime::HasPendingJob) in a
  /// new task of this realm, to completion within `limits`; kNormal when
  /// there were none. An uncaught error of a job is the completion (the
  /// built-in jobs queued this way report none: FinalizationRegistry
  /// cleanup callbacks' errors are dropped, as HostCleanupFinalizationRegistry
  /// allows; what stops the task is a limit).
  Completion ExecutePendingJobs(const RunLimits& limits = {});
  /// The runners used when an evaluation names none (null: run to
  /// completion within the call's limits).
  void SetDefaultRunners(TaskRunner run_task, TaskRunner run_task_sync);

  /// Compiles `source` as an ECMAScript module named options.file_name and
  /// returns a task that loads its imports (through the runtime's module
  /// loader), links and evaluates it, top-level await included. The task
  /// completes with undefined, or kJsException when loading, linking or
  /// evaluation fails; a syntax error in `source` gives a finished task
  /// (kSyntaxError).
  std::unique_ptr<Task> NewModuleTask(std::string_view source, const EvalOptions& options);
  /// NewModuleTask run to completion (or until a limit stops it).
  Completion EvaluateModuleSync(std::string_view source, const EvalOptions& options);
  /// NewModuleTask handed to a runner, as EvaluateScript does.
  std::shared_ptr<Task> EvaluateModule(std::string_view source, const EvalOptions& options);

  /// Compiles only (nothing runs); returns kNormal or kSyntaxError.
  Completion CompileOnly(std::string_view source, const EvalOptions& options);
  /// Compiles `source` as an ECMAScript module: the grammar, every early
  /// error and the bytecode (nothing is loaded, linked or run); kNormal or
  /// kSyntaxError (an out-of-memory failure reports as kJsException).
  Completion CheckModuleSyntax(std::string_view source, const EvalOptions& options);

  /// The disassembled bytecode of a script (empty on a syntax error).
  std::string DumpBytecode(std::string_view source, const EvalOptions& options);

  /// globalThis[name] = a function calling `fn`.
  bool DefineHostFunction(const std::string& name, HostFunction fn);
  /// globalThis[name] = a function calling `fn`, which may answer later
  /// (AsyncHostFunction). False when the memory limit is hit.
  bool DefineAsyncHostFunction(const std::string& name, AsyncHostFunction fn);

  /// Installs timers as globals of this realm: setTimeout(fn, ms, ...args),
  /// setInterval, clearTimeout, clearInterval. `executor` calls back when a
  /// timer is due; its callback then runs as a new task (a macrotask) handed
  /// to `runner` (null: run to completion), and `on_done` (may be null)
  /// receives that task's completion — uncaught errors included. Timers die
  /// with the realm; each pending one is charged to the memory limit. False
  /// when the memory limit is hit.
  bool InstallTimers(Executor executor, TaskRunner runner,
                     std::function<void(const Completion&)> on_done = nullptr);

  /// Preloads a host-built module in this realm under `name` (a module
  /// name, as the normalizer returns it): imports of it get these exports
  /// and never reach the loader. Works without any loader installed (the
  /// specifier is then the name). False when the memory limit is hit.
  bool DefineHostModule(const std::string& name, HostModule module);

  // ---- Values (ratchet::Value): nothing here runs JavaScript ----

  /// The global object: where global variables and functions live.
  Value Global();
  /// The realm's global `this` ([[GlobalThisValue]]): the value of the
  /// `globalThis` property, of `this` at the top level of scripts (and in
  /// indirect eval and `new Function` code), and of `this` in sloppy-mode
  /// functions called without a receiver. The global object unless set.
  Value GlobalThis();
  /// Makes `value` (an object of this realm) the global `this`, as a host
  /// may when it creates a realm (ECMA-262 InitializeHostDefinedRealm: a
  /// browser's WindowProxy), and the value of the `globalThis` property
  /// (redefined writable, configurable, not enumerable). Undefined or null
  /// restores the global object. Global bindings stay on Global(). Meant
  /// for a fresh realm (RealmOptions::global_this): a script already
  /// running keeps the `this` it started with. Nothing runs.
  Status SetGlobalThis(const Value& value);
  Result<Value> NewString(std::string_view utf8);
  Result<Value> NewObject();
  Result<Value> NewArray(const std::vector<Value>& elements = {});
  /// An empty Map or Set (fill it with Value::MapSet / SetAdd).
  Result<Value> NewMap();
  Result<Value> NewSet();
  /// A new error of the realm's constructor `error_name` ("Error",
  /// "TypeError", "RangeError", "SyntaxError", "ReferenceError",
  /// "EvalError", "URIError"), with a stack when a task is running.
  Result<Value> NewError(std::string_view error_name, std::string_view message);
  Result<Value> NewSymbol(std::string_view description);
  /// A BigInt from decimal digits (an optional leading '-').
  Result<Value> NewBigInt(std::string_view decimal);
  /// An ArrayBuffer of `size` bytes, zeroed or copied from `data`.
  Result<Value> NewArrayBuffer(size_t size, const void* data = nullptr);
  enum class TypedArrayType {
    kInt8, kUint8, kUint8Clamped, kInt16, kUint16, kInt32, kUint32, kFloat32, kFloat64, kBigInt64, kBigUint64
  };
  /// A typed array viewing `length` elements of `buffer` (an ArrayBuffer of
  /// this realm) from `byte_offset`; shares its bytes.
  Result<Value> NewTypedArray(TypedArrayType type, const Value& buffer, size_t byte_offset, size_t length);
  /// Parses JSON text into values of this realm (JSON.parse without a
  /// reviver); a SyntaxError as kJsException.
  Result<Value> ParseJson(std::string_view json);
  /// Host data for the sandbox (HostConversion: a read-only view by
  /// default, or a copy). With a shared pointer the view reads the host's
  /// object itself: change it only between task runs (or from a host
  /// function, which runs between two instructions), never from another
  /// thread. The view keeps the pointer until the collector has found it
  /// dead and control is back with the host (finalizers run then). Host data nesting deeper
  /// than 1,000 levels is a "RangeError" for the copies (views read lazily,
  /// any depth).
  Result<Value> FromHost(std::shared_ptr<const HostData> data,
                         HostConversion conversion = HostConversion::kReadOnlyView);
  Result<Value> FromHost(const HostData& data, HostConversion conversion = HostConversion::kReadOnlyView);
  /// A function calling `fn`; `length` is its length property. With
  /// `constructor`, `new` works too: the callback sees call.new_target and
  /// returns the new object (a host class: NewHostObject with
  /// new_target's "prototype", so `class X extends HostClass` works).
  Result<Value> NewFunction(std::string_view name, HostCallback fn, int length = 0, bool constructor = false);
  /// An object carrying `data` for the host (Value::host_data(tag)), with
  /// `prototype` (an object of this realm, or null/undefined for none).
  /// `finalizer` (may be null) runs once the object is garbage — during a
  /// later collection or when the realm's runtime is destroyed — and must
  /// not use the runtime.
  Result<Value> NewHostObject(const void* tag, void* data, std::function<void(void*)> finalizer,
                              const Value& prototype = Value());
  /// A pending promise and its resolving functions. The host settles it by
  /// calling one of them (Call or CallSync): the promise's reactions then
  /// run inside that call's task.
  struct PromiseCapability {
    Value promise;
    Value resolve;
    Value reject;
  };
  Result<PromiseCapability> NewPromise();

  /// Calls `fn` as a new task: the pending result, handed to the runner as
  /// EvaluateScript does. The completion's value is the call's result.
  std::shared_ptr<Task> Call(const Value& fn, const Value& this_value, const std::vector<Value>& args,
                             const EvalOptions& options = {});
  /// Call run to completion, as EvaluateScriptSync runs a script.
  Completion CallSync(const Value& fn, const Value& this_value, const std::vector<Value>& args,
                      const EvalOptions& options = {});
  /// `new fn(...args)` as a task (a TypeError when fn is not a
  /// constructor); the completion's value is the new object.
  std::shared_ptr<Task> Construct(const Value& fn, const std::vector<Value>& args, const EvalOptions& options = {});
  Completion ConstructSync(const Value& fn, const std::vector<Value>& args, const EvalOptions& options = {});

 private:
  friend class Runtime;
  explicit Realm(std::unique_ptr<internal::ApiRealm> state);
  std::shared_ptr<Task> StartHostCall(const Value& fn, const Value& this_value, const std::vector<Value>& args,
                                      bool construct);
  Completion RunHostCallSync(const Value& fn, const Value& this_value, const std::vector<Value>& args,
                             bool construct, const EvalOptions& options);
  std::unique_ptr<internal::ApiRealm> state_;
};

class Task {
 public:
  ~Task();
  Task(const Task&) = delete;
  Task& operator=(const Task&) = delete;

  /// Executes exactly one instruction. Returns false when the task is done
  /// (or waiting). Step, Run and RunToCompletion do nothing when called
  /// while a task of the same runtime runs (from inside a host function):
  /// the interpreter is never re-entered from C++.
  bool Step();
  /// Executes up to `max_steps` instructions; returns how many ran.
  uint64_t Run(uint64_t max_steps);
  /// Runs until done, waiting, or stopped by `limits`.
  void RunToCompletion(const RunLimits& limits);
  bool done() const;
  /// Not done, but nothing can run until the host answers: an asynchronous
  /// host function's call (AsyncHostFunction) or module load
  /// (AsyncModuleLoader); Run() and Step() do nothing meanwhile.
  bool waiting() const;
  /// Stops the task: no further instruction, no catch or finally runs.
  void Abort(std::string reason);
  /// Abort, reported as `kind`: kTaskAborted, kStepLimit or kTimeLimit (for
  /// runners enforcing limits).
  void Abort(std::string reason, CompletionKind kind);
  /// Calls `callback` with the completion once the task is done (now, if
  /// it already is). Callbacks run on the thread that ran or aborted it.
  void OnDone(std::function<void(const Completion&)> callback);
  /// One frame of the sandbox's call stack.
  struct StackFrame {
    std::string function;  // empty for top-level and eval code
    std::string file;
    uint32_t line = 0;
    uint32_t column = 0;
  };
  /// The call stack, innermost first (the engine's self-hosted frames left
  /// out); empty before the first step's frame exists or once done.
  std::vector<StackFrame> stack() const;
  /// Where the task is: its innermost frame (line 0 when it has none).
  StackFrame location() const;
  /// The id of what runs now: the script (a macrotask), then a new id for
  /// each microtask it spawns (promise jobs); unique in the runtime.
  uint64_t current_task_id() const;
  /// Instructions executed so far.
  uint64_t steps() const;
  /// What the task is running: its script (a macrotask), or — once that
  /// finished — the promise jobs (microtasks) it spawned, which run inside
  /// the same task before it completes.
  enum class Phase { kMacrotask, kMicrotasks };
  Phase phase() const;
  /// The same, by the name StaticJs uses.
  enum class TaskType { kMacrotask, kMicrotask };
  TaskType current_task_type() const;
  /// Done because it was stopped: Abort, a step or time limit, the
  /// interrupt handler (the completion says which).
  bool aborted() const;
  /// The task belongs to an asynchronous evaluation (EvaluateScript,
  /// EvaluateModule, EvaluateExpression, Call) handed to a runner, rather
  /// than to a synchronous one or NewScriptTask/NewModuleTask.
  bool is_async() const;
  /// The result once done().
  Completion completion() const;

 private:
  friend class Realm;
  friend struct internal::ApiRealm;
  void NotifyIfDone();
  void RunToCompletionUnnotified(const RunLimits& limits);
  explicit Task(std::unique_ptr<internal::ApiTask> state);
  std::unique_ptr<internal::ApiTask> state_;
};

/// How Runtime::NewRealm sets a realm up.
struct RealmOptions {
  /// Math.random's source: numbers in [0, 1) (anything else reads as 0).
  /// Null: a generator seeded by the system. Deterministic replays set both.
  std::function<double()> random;
  /// The clock of Date.now() and new Date(), in milliseconds since
  /// 1970-01-01 UTC (truncated; not finite reads as 0). Null: the system's.
  std::function<double()> now;
  /// The realm's default runners (Realm::SetDefaultRunners).
  TaskRunner run_task;
  TaskRunner run_task_sync;
  /// Extra global properties (writable, configurable, not enumerable, as
  /// the built-in globals are) and host functions (DefineHostFunction).
  std::vector<std::pair<std::string, HostValue>> globals;
  std::vector<std::pair<std::string, HostFunction>> functions;
  /// Host modules preloaded by name (DefineHostModule).
  std::vector<std::pair<std::string, HostModule>> host_modules;
  /// The realm's global `this` (Realm::SetGlobalThis): called once, after
  /// the options above are in place and before any code runs, with the new
  /// realm; returns an object of that realm (often one made with
  /// NewHostObject or NewObject, with Global() as its prototype), or
  /// undefined to keep the global object. An error (or a value
  /// SetGlobalThis refuses) makes NewRealm return null.
  std::function<Result<Value>(Realm& realm)> global_this;
};

/// What a runtime's heap holds (Runtime::ComputeMemoryUsage): live cells by
/// category — their count and bytes, buffers they own included — measured
/// at the time of the call (garbage not collected yet is counted too; call
/// RunGC first for live data only).
struct MemoryUsage {
  struct Category {
    size_t count = 0;
    size_t bytes = 0;
  };
  size_t limit = 0;        // SetMemoryLimit (0: none)
  size_t used = 0;         // every byte accounted against the limit
  size_t collections = 0;  // collections so far
  Category objects;        // ordinary and other objects, with their slots and elements
  Category arrays;         // Array objects, with their elements
  Category functions;      // closures, native, bound and host functions
  Category array_buffers;  // ArrayBuffer and SharedArrayBuffer objects, with their bytes
  Category strings;        // string cells, characters included
  Category atoms;          // of which interned property keys
  Category symbols;
  Category bigints;
  Category shapes;         // hidden classes, with their lookup tables
  Category bytecode;       // compiled functions: bytecode, constants, tables
  Category environments;   // closures' captured variables
  Category source_text;    // the source of compiled scripts and modules
  Category other;          // accessors, realms
  size_t tasks = 0;        // tasks alive (their frame stacks are in `used`)
  size_t pending_host_calls = 0;  // asynchronous host calls not taken yet
};

class Runtime {
 public:
  Runtime();
  ~Runtime();
  Runtime(const Runtime&) = delete;
  Runtime& operator=(const Runtime&) = delete;

  /// Hard cap on the heap (objects, strings, bytecode, frame stacks).
  void SetMemoryLimit(size_t bytes);
  /// Cap on a task's frame stack (registers and frames), in bytes.
  void SetMaxStackSize(size_t bytes);
  /// Polled every 1024 instructions; returning true stops the running task
  /// (kInterrupted), which the sandbox cannot catch.
  void SetInterruptHandler(std::function<bool()> handler);
  /// Where print() and console.log() lines go (default: stdout).
  void SetPrintHandler(std::function<void(const std::string& line)> handler);
  /// Debug logging: one line per event of the runtime's life — realms
  /// created and destroyed, tasks started and finished (with their kind
  /// and steps), collections (bytes before and after, whoever triggered
  /// them), asynchronous host calls begun. Null (the default) turns it off;
  /// nothing is formatted then.
  void SetDebugLog(std::function<void(const std::string& line)> log);

  /// How modules are found: `import` declarations and import() in every
  /// realm of this runtime call `normalizer` (null: ResolveModulePath) then,
  /// once per module name and realm, `loader`.
  void SetModuleLoader(ModuleLoader loader, ModuleNormalizer normalizer = nullptr);
  /// The same with a loader that answers asynchronously: a task importing a
  /// module that is not loaded yet waits (Task::waiting()) until the host
  /// calls `done`, then Run() goes on where it stopped. There is no limit
  /// on how many loads are in flight or how deep the graph is.
  void SetAsyncModuleLoader(AsyncModuleLoader loader, ModuleNormalizer normalizer = nullptr);
  /// The same as SetModuleLoader with a loader that may answer with a
  /// host-built module (ModuleAnswer::is_host) instead of source text.
  void SetHostModuleLoader(HostModuleLoader loader, ModuleNormalizer normalizer = nullptr);
  /// The host's import.meta properties (null: url only).
  void SetImportMetaHook(ImportMetaHook hook);

  /// Creates a realm; null when the memory limit does not allow one.
  std::unique_ptr<Realm> NewRealm();
  std::unique_ptr<Realm> NewRealm(const RealmOptions& options);

  /// Collects garbage now; called while a task of this runtime runs (from
  /// a host function), it asks for a collection at the next safepoint
  /// instead.
  void RunGC();
  /// Promise jobs wait outside any task: queued while no task ran (a
  /// FinalizationRegistry cleanup after a collection, an Atomics.waitAsync
  /// wake-up). Jobs a task spawns always run inside it; these run in the
  /// next task that finishes its script, or in Realm::ExecutePendingJobs.
  bool HasPendingJob() const;
  /// Bytes currently accounted against the memory limit.
  size_t MemoryUsed() const;
  /// What the heap holds, by category (walks every cell: O(heap)).
  MemoryUsage ComputeMemoryUsage() const;
  /// ComputeMemoryUsage as a human-readable table.
  std::string DumpMemoryUsage() const;

 private:
  friend class Realm;
  std::shared_ptr<internal::ApiRuntime> state_;
};

}  // namespace ratchet

#endif  // RATCHET_API_RATCHET_H_
