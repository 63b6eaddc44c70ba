/* The C API: the embedding API (api/ratchet.h) for C and for every language
 * with a C FFI. Opaque handles, no C++ types, no exceptions: every failure
 * is a return value or a completion.
 *
 * Ownership: every object a ratchet_*_new or a function returning a pointer
 * hands out is freed by its ratchet_*_free (strings by ratchet_free, arrays
 * of strings by ratchet_strings_free, arrays of value handles by
 * ratchet_values_free), in any order (a realm or task keeps what it needs
 * of its runtime alive).
 * Use a runtime, and everything made from it, from one thread at a time.
 */
#ifndef RATCHET_API_RATCHET_C_H_
#define RATCHET_API_RATCHET_C_H_

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct RatchetRuntime RatchetRuntime;
typedef struct RatchetRealm RatchetRealm;
typedef struct RatchetTask RatchetTask;
typedef struct RatchetCompletion RatchetCompletion;
typedef struct RatchetHostCall RatchetHostCall;
typedef struct RatchetSettler RatchetSettler;
typedef struct RatchetValue RatchetValue;
typedef struct RatchetValueCall RatchetValueCall;
typedef struct RatchetWork RatchetWork;

/* ---- Completions: how an evaluation ended ---- */
typedef enum {
  RATCHET_NORMAL = 0,
  RATCHET_SYNTAX_ERROR,
  RATCHET_JS_EXCEPTION,
  RATCHET_TASK_ABORTED,
  RATCHET_INTERRUPTED,
  RATCHET_STEP_LIMIT,
  RATCHET_TIME_LIMIT,
  RATCHET_INCOMPLETE,
  RATCHET_SYNCHRONOUS_TASK_INCOMPLETE,
  RATCHET_CONCURRENT_EVALUATION,
  /* value operations (ratchet_value_*): */
  RATCHET_WRONG_OWNER,    /* a value of another realm or runtime */
  RATCHET_USE_AFTER_FREE, /* the value's realm was freed */
  RATCHET_OUT_OF_MEMORY,
  RATCHET_WOULD_RUN_CODE  /* a getter, setter or proxy trap: call it with ratchet_realm_call_sync */
} RatchetCompletionKind;

RatchetCompletionKind ratchet_completion_kind(const RatchetCompletion* c);
/* String(completion value) for RATCHET_NORMAL, else "". */
const char* ratchet_completion_value(const RatchetCompletion* c);
/* typeof the completion value ("number", ...), else "". */
const char* ratchet_completion_value_type(const RatchetCompletion* c);
/* "TypeError", "SyntaxError", ... or "". */
const char* ratchet_completion_error_name(const RatchetCompletion* c);
const char* ratchet_completion_error_message(const RatchetCompletion* c);
/* RATCHET_SYNTAX_ERROR: where (line and column are 1-based). */
const char* ratchet_completion_file(const RatchetCompletion* c);
uint32_t ratchet_completion_line(const RatchetCompletion* c);
uint32_t ratchet_completion_column(const RatchetCompletion* c);
/* The completion as the CLI prints it ("Uncaught TypeError: ..." and the
   stack). */
const char* ratchet_completion_describe(const RatchetCompletion* c);
void ratchet_completion_free(RatchetCompletion* c);
/* The completion value (RATCHET_NORMAL) or thrown value (RATCHET_JS_EXCEPTION)
   as a handle (free with ratchet_value_free); undefined otherwise. */
RatchetValue* ratchet_completion_value_handle(const RatchetCompletion* c);

/* Frees a string the API returned. */
void ratchet_free(char* s);

/* ---- Runtimes: one heap, its limits ---- */
RatchetRuntime* ratchet_runtime_new(void);
void ratchet_runtime_free(RatchetRuntime* rt);
/* Hard cap on the heap in bytes (0: none). */
void ratchet_runtime_set_memory_limit(RatchetRuntime* rt, size_t bytes);
/* Cap on a task's frame stack in bytes. */
void ratchet_runtime_set_max_stack_size(RatchetRuntime* rt, size_t bytes);
/* Polled every 1024 instructions; returning nonzero stops the running task
   (RATCHET_INTERRUPTED), which the sandbox cannot catch. NULL removes it. */
void ratchet_runtime_set_interrupt_handler(RatchetRuntime* rt, int (*handler)(void* opaque), void* opaque);
/* Where print() and console.log() lines go (NULL: stdout). */
void ratchet_runtime_set_print_handler(RatchetRuntime* rt, void (*handler)(void* opaque, const char* line),
                                       void* opaque);
void ratchet_runtime_run_gc(RatchetRuntime* rt);
/* Bytes accounted against the memory limit. */
size_t ratchet_runtime_memory_used(const RatchetRuntime* rt);
/* The memory usage report as a table (free with ratchet_free). */
char* ratchet_runtime_dump_memory_usage(const RatchetRuntime* rt);

/* ---- Realms: isolated globals ---- */
/* NULL when the memory limit does not allow one. */
RatchetRealm* ratchet_realm_new(RatchetRuntime* rt);
void ratchet_realm_free(RatchetRealm* realm);

/* Compiles and runs a script to completion or until a limit stops it
   (max_steps, timeout_ms: 0 for none). `file_name` may be NULL. */
RatchetCompletion* ratchet_eval_script_sync(RatchetRealm* realm, const char* source, size_t length,
                                            const char* file_name, uint64_t max_steps, uint64_t timeout_ms);
/* The same for an ECMAScript module named `file_name`. */
RatchetCompletion* ratchet_eval_module_sync(RatchetRealm* realm, const char* source, size_t length,
                                            const char* file_name, uint64_t max_steps, uint64_t timeout_ms);

/* The same for one expression (a statement is a RATCHET_SYNTAX_ERROR). */
RatchetCompletion* ratchet_eval_expression_sync(RatchetRealm* realm, const char* source, size_t length,
                                                const char* file_name, uint64_t max_steps, uint64_t timeout_ms);

/* A realm whose Math.random (numbers in [0, 1)) and Date.now / new Date()
   (ms since 1970 UTC) come from the host; either may be NULL. */
RatchetRealm* ratchet_realm_new_with_hooks(RatchetRuntime* rt, double (*random)(void* opaque),
                                           double (*now)(void* opaque), void* opaque);

/* ---- Tasks: step, run, abort ---- */
/* A task that will run the script (nothing has run yet); a syntax error
   gives a finished task. */
RatchetTask* ratchet_task_new_script(RatchetRealm* realm, const char* source, size_t length, const char* file_name);
void ratchet_task_free(RatchetTask* task);
/* Exactly one instruction; 0 when the task is done or waiting. */
int ratchet_task_step(RatchetTask* task);
/* Up to max_steps instructions; returns how many ran. */
uint64_t ratchet_task_run(RatchetTask* task, uint64_t max_steps);
int ratchet_task_done(const RatchetTask* task);
/* Waiting for the host (an asynchronous host function's answer). */
int ratchet_task_waiting(const RatchetTask* task);
uint64_t ratchet_task_steps(const RatchetTask* task);
/* Stops the task: no catch or finally of the sandbox runs. */
void ratchet_task_abort(RatchetTask* task, const char* reason);
/* The result (RATCHET_INCOMPLETE while not done). */
RatchetCompletion* ratchet_task_completion(const RatchetTask* task);

/* ---- Host functions ---- */
typedef enum {
  RATCHET_UNDEFINED = 0,
  RATCHET_NULL,
  RATCHET_BOOLEAN,
  RATCHET_NUMBER,
  RATCHET_STRING,
  RATCHET_OBJECT, /* host calls: arrives as its String() form */
  RATCHET_SYMBOL, /* (value handles only) */
  RATCHET_BIGINT
} RatchetValueType;

/* A call of a host function: its arguments, and its answer. The pointers
   it gives are valid during the call only. */
size_t ratchet_call_argc(const RatchetHostCall* call);
RatchetValueType ratchet_call_arg_type(const RatchetHostCall* call, size_t i);
double ratchet_call_arg_number(const RatchetHostCall* call, size_t i);
int ratchet_call_arg_boolean(const RatchetHostCall* call, size_t i);
/* The string (or an object's String() form); "" for other types. */
const char* ratchet_call_arg_string(const RatchetHostCall* call, size_t i);
void ratchet_call_return_undefined(RatchetHostCall* call);
void ratchet_call_return_null(RatchetHostCall* call);
void ratchet_call_return_boolean(RatchetHostCall* call, int b);
void ratchet_call_return_number(RatchetHostCall* call, double d);
void ratchet_call_return_string(RatchetHostCall* call, const char* s);
/* The call throws an Error with `message` into the sandbox. */
void ratchet_call_throw(RatchetHostCall* call, const char* message);

typedef void (*RatchetHostFunction)(void* opaque, RatchetHostCall* call);
/* globalThis[name] = a function calling `fn`; 0 when the memory limit is hit. */
int ratchet_realm_define_function(RatchetRealm* realm, const char* name, RatchetHostFunction fn, void* opaque);

/* Asynchronous host functions: `fn` receives the call and a settler it
   owns; the sandbox's call returns when the host settles it — at once, or
   later (the task waits: ratchet_task_waiting). Settle once, then free the
   settler; settling a call whose task or runtime is gone does nothing. */
typedef void (*RatchetAsyncHostFunction)(void* opaque, const RatchetHostCall* call, RatchetSettler* settler);
int ratchet_realm_define_async_function(RatchetRealm* realm, const char* name, RatchetAsyncHostFunction fn,
                                        void* opaque);
void ratchet_settler_resolve_number(const RatchetSettler* s, double d);
void ratchet_settler_resolve_string(const RatchetSettler* s, const char* str);
void ratchet_settler_resolve_boolean(const RatchetSettler* s, int b);
void ratchet_settler_resolve_undefined(const RatchetSettler* s);
void ratchet_settler_reject(const RatchetSettler* s, const char* message);
/* Nonzero until the call is settled or its task stops waiting. */
int ratchet_settler_pending(const RatchetSettler* s);
void ratchet_settler_free(RatchetSettler* s);

/* ---- Value handles (the C++ ratchet::Value) ----
   A handle keeps its value alive until freed or until its realm is freed
   (then every operation reports RATCHET_USE_AFTER_FREE). Handles of one
   realm are refused by another (RATCHET_WRONG_OWNER). Nothing runs
   JavaScript: a getter, setter or proxy gives RATCHET_WOULD_RUN_CODE.
   A NULL RatchetValue* argument reads as undefined; a NULL out-pointer
   drops that result (no handle is made). */
void ratchet_value_free(RatchetValue* v);
RatchetValue* ratchet_value_dup(const RatchetValue* v);
RatchetValueType ratchet_value_type(const RatchetValue* v);
int ratchet_value_is_array(const RatchetValue* v);
int ratchet_value_is_function(const RatchetValue* v);
int ratchet_value_is_promise(const RatchetValue* v);
int ratchet_value_is_error(const RatchetValue* v);
double ratchet_value_number(const RatchetValue* v);  /* NaN unless a number */
int ratchet_value_boolean(const RatchetValue* v);    /* 0 unless true */
/* String(value) computed without running code; free with ratchet_free. */
char* ratchet_value_to_string(const RatchetValue* v);
/* A JSON-like rendering (objects by own enumerable data properties). */
char* ratchet_value_dump(const RatchetValue* v);
/* Unowned primitives, usable in any realm. */
RatchetValue* ratchet_value_undefined(void);
RatchetValue* ratchet_value_null(void);
RatchetValue* ratchet_value_new_number(double d);
RatchetValue* ratchet_value_new_boolean(int b);
/* Values of a realm; NULL when the memory limit is hit (or bad JSON). */
RatchetValue* ratchet_realm_global(RatchetRealm* realm);
RatchetValue* ratchet_realm_new_string(RatchetRealm* realm, const char* utf8, size_t length);
RatchetValue* ratchet_realm_new_object(RatchetRealm* realm);
RatchetValue* ratchet_realm_parse_json(RatchetRealm* realm, const char* json, size_t length);
/* *out receives a new handle (free it) when the result is RATCHET_NORMAL. */
RatchetCompletionKind ratchet_value_get(const RatchetValue* object, const char* key, RatchetValue** out);
RatchetCompletionKind ratchet_value_set(const RatchetValue* object, const char* key, const RatchetValue* value);
/* Calls `fn` as a task run to completion (limits: 0 for none). */
RatchetCompletion* ratchet_realm_call_sync(RatchetRealm* realm, const RatchetValue* fn, const RatchetValue* this_value,
                                           size_t argc, const RatchetValue* const* argv, uint64_t max_steps,
                                           uint64_t timeout_ms);

/* new fn(...argv) as a task run to completion. */
RatchetCompletion* ratchet_realm_construct_sync(RatchetRealm* realm, const RatchetValue* fn, size_t argc,
                                                const RatchetValue* const* argv, uint64_t max_steps,
                                                uint64_t timeout_ms);

/* Host functions taking and returning handles. During the call: */
size_t ratchet_vcall_argc(const RatchetValueCall* call);
/* A new handle to argument i (undefined past the end); free it. */
RatchetValue* ratchet_vcall_arg(const RatchetValueCall* call, size_t i);
RatchetValue* ratchet_vcall_this(const RatchetValueCall* call);
/* The call returns `v` (undefined when never called). */
void ratchet_vcall_return(RatchetValueCall* call, const RatchetValue* v);
/* The call throws a new `error_name` ("TypeError", "RangeError", "Error", ...). */
void ratchet_vcall_throw(RatchetValueCall* call, const char* error_name, const char* message);
typedef void (*RatchetValueFunction)(void* opaque, RatchetValueCall* call);
/* A function object calling `fn` (NULL when the memory limit is hit). */
RatchetValue* ratchet_realm_new_function(RatchetRealm* realm, const char* name, RatchetValueFunction fn, void* opaque,
                                         int length);

/* More values. Factories return NULL when the memory limit is hit or the
   input is refused (another realm's handle, a bad name); the RatchetCompletionKind
   of the others says why (RATCHET_JS_EXCEPTION: what JavaScript would throw,
   a TypeError for a non-object). */
int ratchet_value_is_array_buffer(const RatchetValue* v); /* or a SharedArrayBuffer */
int ratchet_value_is_typed_array(const RatchetValue* v);
int ratchet_value_is_map(const RatchetValue* v);
int ratchet_value_is_set(const RatchetValue* v);
/* False once the value's realm was freed. */
int ratchet_value_alive(const RatchetValue* v);
/* Identity (===). */
int ratchet_value_strict_equals(const RatchetValue* a, const RatchetValue* b);
/* A string's UTF-8 text and its length in bytes (it may hold NULs); NULL
   unless a string. Free with ratchet_free. */
char* ratchet_value_string(const RatchetValue* v, size_t* length);

/* `elements` (count handles; NULL when count is 0) in order. */
RatchetValue* ratchet_realm_new_array(RatchetRealm* realm, size_t count, const RatchetValue* const* elements);
/* A new "Error", "TypeError", "RangeError", "SyntaxError", "ReferenceError",
   "EvalError" or "URIError"; NULL for another name. */
RatchetValue* ratchet_realm_new_error(RatchetRealm* realm, const char* error_name, const char* message);
RatchetValue* ratchet_realm_new_symbol(RatchetRealm* realm, const char* description);
/* From decimal digits with an optional leading '-'; NULL otherwise. */
RatchetValue* ratchet_realm_new_bigint(RatchetRealm* realm, const char* decimal);

/* Elements and length (arrays and other array-likes). */
RatchetCompletionKind ratchet_value_get_index(const RatchetValue* object, uint32_t index, RatchetValue** out);
RatchetCompletionKind ratchet_value_set_index(const RatchetValue* object, uint32_t index, const RatchetValue* value);
/* The `length` property (a number: truncated, negative and NaN read as 0;
   anything else is RATCHET_JS_EXCEPTION): arrays, strings, array-likes. A
   typed array's length is a getter (RATCHET_WOULD_RUN_CODE): its bytes
   (ratchet_value_bytes) tell its size. */
RatchetCompletionKind ratchet_value_length(const RatchetValue* object, uint64_t* out);

/* Own enumerable string keys in property order: *keys receives an array
   of *count strings; free it with ratchet_strings_free. */
RatchetCompletionKind ratchet_value_keys(const RatchetValue* object, char*** keys, size_t* count);
void ratchet_strings_free(char** strings, size_t count);
/* Attributes of ratchet_value_define (OR them). */
enum {
  RATCHET_PROPERTY_WRITABLE = 1,
  RATCHET_PROPERTY_ENUMERABLE = 2,
  RATCHET_PROPERTY_CONFIGURABLE = 4,
  RATCHET_PROPERTY_DEFAULT = 7
};
/* Defines (or redefines) an own data property. */
RatchetCompletionKind ratchet_value_define(const RatchetValue* object, const char* key, const RatchetValue* value,
                                           unsigned attributes);
/* [[Delete]]; *deleted is 0 when the property is non-configurable. */
RatchetCompletionKind ratchet_value_delete(const RatchetValue* object, const char* key, int* deleted);
/* Frees `count` handles and the array holding them (as the functions
   below and ratchet_map_entries hand out). */
void ratchet_values_free(RatchetValue** values, size_t count);

/* Promises: a pending promise and its resolving functions (*resolve and
   *reject receive handles; settle it with ratchet_realm_call_sync). */
RatchetValue* ratchet_realm_new_promise(RatchetRealm* realm, RatchetValue** resolve, RatchetValue** reject);
typedef enum { RATCHET_PROMISE_PENDING = 0, RATCHET_PROMISE_FULFILLED, RATCHET_PROMISE_REJECTED } RatchetPromiseState;
RatchetCompletionKind ratchet_value_promise_state(const RatchetValue* promise, RatchetPromiseState* out);
/* The value or reason once settled (undefined while pending). */
RatchetCompletionKind ratchet_value_promise_result(const RatchetValue* promise, RatchetValue** out);

/* Bytes: an ArrayBuffer of `size` bytes, zeroed or copied from `data`; a
   typed array over `length` elements of a buffer from `byte_offset`. */
RatchetValue* ratchet_realm_new_array_buffer(RatchetRealm* realm, size_t size, const void* data);
typedef enum {
  RATCHET_INT8_ARRAY = 0,
  RATCHET_UINT8_ARRAY,
  RATCHET_UINT8_CLAMPED_ARRAY,
  RATCHET_INT16_ARRAY,
  RATCHET_UINT16_ARRAY,
  RATCHET_INT32_ARRAY,
  RATCHET_UINT32_ARRAY,
  RATCHET_FLOAT32_ARRAY,
  RATCHET_FLOAT64_ARRAY,
  RATCHET_BIGINT64_ARRAY,
  RATCHET_BIGUINT64_ARRAY
} RatchetTypedArrayType;
/* `type` is a RatchetTypedArrayType (an int, so that any value the caller
   passes is checked: another gives NULL). */
RatchetValue* ratchet_realm_new_typed_array(RatchetRealm* realm, int type, const RatchetValue* buffer,
                                            size_t byte_offset, size_t length);
/* The bytes of an ArrayBuffer, typed array or DataView, without a copy:
   valid until JavaScript runs again in the runtime or the realm is freed;
   *data NULL and *size 0 for a detached buffer. */
RatchetCompletionKind ratchet_value_bytes(const RatchetValue* v, uint8_t** data, size_t* size);

/* Maps and Sets, read from their storage in insertion order (no iterator,
   no JavaScript). ratchet_map_set / ratchet_set_add write it as
   Map.prototype.set / Set.prototype.add do. */
RatchetValue* ratchet_realm_new_map(RatchetRealm* realm);
RatchetValue* ratchet_realm_new_set(RatchetRealm* realm);
/* *keys and *values receive *count handles each (free both arrays with
   ratchet_values_free). */
RatchetCompletionKind ratchet_map_entries(const RatchetValue* map, RatchetValue*** keys, RatchetValue*** values,
                                          size_t* count);
RatchetCompletionKind ratchet_set_values(const RatchetValue* set, RatchetValue*** values, size_t* count);
/* The value for `key` (SameValueZero), undefined when none. */
RatchetCompletionKind ratchet_map_get(const RatchetValue* map, const RatchetValue* key, RatchetValue** out);
RatchetCompletionKind ratchet_map_set(const RatchetValue* map, const RatchetValue* key, const RatchetValue* value);
RatchetCompletionKind ratchet_set_add(const RatchetValue* set, const RatchetValue* value);

/* ---- Host objects and host classes ----
   A host object carries `data` for the host, told apart by `tag` (any
   address). `finalizer` (may be NULL) runs exactly once, with `data`,
   after a collection finds the object dead (when control is back with the
   host) or when the runtime is finally freed; it must not use the runtime.
   `prototype` NULL (or null) gives an object without a prototype. On
   failure (NULL) the finalizer is not called: `data` is still the host's. */
RatchetValue* ratchet_realm_new_host_object(RatchetRealm* realm, const void* tag, void* data,
                                            void (*finalizer)(void* data), const RatchetValue* prototype);
/* The data of a host object made with this `tag`; NULL for any other value
   (or tag, or a dead handle). */
void* ratchet_value_host_data(const RatchetValue* v, const void* tag);
/* A host class: a constructor calling `fn` for `new Name(...)` (and for
   plain calls: ratchet_vcall_new_target then reads undefined), with
   `prototype` (NULL: a new object) as its non-writable `prototype` and the
   constructor as the prototype's `constructor`. Put methods on the
   prototype (ratchet_value_define); the sandbox may subclass it. */
RatchetValue* ratchet_realm_new_class(RatchetRealm* realm, const char* name, RatchetValueFunction fn, void* opaque,
                                      int length, const RatchetValue* prototype);
/* new.target of a call (undefined when not constructing). */
RatchetValue* ratchet_vcall_new_target(const RatchetValueCall* call);
/* In a constructor: a new host object whose prototype is new.target's
   `prototype` (so subclasses work; the class's own prototype when that is
   not an object). NULL when not constructing, or when that property is a getter
   or the memory limit is hit: throw then. Return it (ratchet_vcall_return)
   and free the handle. */
RatchetValue* ratchet_vcall_new_host_object(const RatchetValueCall* call, const void* tag, void* data,
                                            void (*finalizer)(void* data));
/* The call throws `exception` (a value of the call's realm). */
void ratchet_vcall_throw_value(RatchetValueCall* call, const RatchetValue* exception);

/* ---- The global this ----
   The realm's [[GlobalThisValue]]: the `globalThis` property, `this` at
   the top level of scripts and in sloppy functions called without one
   (the global object unless set). Setting it to an object of the realm
   (NULL or null: the global object again) redefines `globalThis`; global
   variables stay on the global object. Set it before running code. */
RatchetValue* ratchet_realm_global_this(RatchetRealm* realm);
RatchetCompletionKind ratchet_realm_set_global_this(RatchetRealm* realm, const RatchetValue* value);

/* ---- Timers: setTimeout, setInterval, clearTimeout, clearInterval ----
   Due callbacks are posted to the host's loop through `executor`, which
   must call ratchet_work_run later (after `delay_ms`, never inside the
   executor call) and then ratchet_work_free. Each callback runs as a task
   to completion within max_steps (0: no limit). */
typedef void (*RatchetExecutor)(void* opaque, RatchetWork* work, uint64_t delay_ms);
int ratchet_realm_install_timers(RatchetRealm* realm, RatchetExecutor executor, void* opaque, uint64_t max_steps);
void ratchet_work_run(RatchetWork* work);
void ratchet_work_free(RatchetWork* work);

/* ---- Runners ----
   A time-sharing evaluation runs in slices of operations_per_iteration
   instructions (0: 10000), each posted to the host's loop through
   `executor` (as for timers: run each RatchetWork later, after delay_ms,
   then free it) with yield_time_ms between slices, until the task ends or
   a limit passes (RATCHET_TIME_LIMIT): max_run_time_ms for the whole
   evaluation, max_task_time_ms for any one macrotask or microtask (0: no
   limit). The host's loop stays responsive however long the script runs.
   NULL options: the defaults. (An executor that runs the work inside its
   own call, which it must not, gets an evaluation that goes on inside
   that call to the end.) */
typedef struct {
  uint64_t operations_per_iteration;
  uint64_t yield_time_ms;
  uint64_t max_run_time_ms;
  uint64_t max_task_time_ms;
} RatchetTimeSharing;
/* Receives the completion once the task is done; owns it (free it with
   ratchet_completion_free). May be called before the evaluating call
   returns (a syntax error, or a script that ends within its first slice). */
typedef void (*RatchetDoneCallback)(void* opaque, RatchetCompletion* c);
/* Evaluates a script asynchronously on the host's loop: the first slice
   runs now, the rest from posted work. Returns the task (the pending
   result: poll it, abort it; freeing it does not stop the evaluation);
   `on_done` may be NULL. */
RatchetTask* ratchet_eval_script_async(RatchetRealm* realm, const char* source, size_t length, const char* file_name,
                                       const RatchetTimeSharing* options, RatchetExecutor executor,
                                       void* executor_opaque, RatchetDoneCallback on_done, void* done_opaque);
/* The same for an ECMAScript module named `file_name`. */
RatchetTask* ratchet_eval_module_async(RatchetRealm* realm, const char* source, size_t length, const char* file_name,
                                       const RatchetTimeSharing* options, RatchetExecutor executor,
                                       void* executor_opaque, RatchetDoneCallback on_done, void* done_opaque);
/* A blocking evaluation under wall-clock limits (RATCHET_TIME_LIMIT):
   max_run_time_ms for the whole of it, max_task_time_ms for any one
   macrotask or microtask (0: none); the clock is read every
   operations_per_check instructions (0: 10000). NULL options: no limit. */
typedef struct {
  uint64_t max_run_time_ms;
  uint64_t max_task_time_ms;
  uint64_t operations_per_check;
} RatchetTimeBound;
RatchetCompletion* ratchet_eval_script_time_bound(RatchetRealm* realm, const char* source, size_t length,
                                                  const char* file_name, const RatchetTimeBound* options);

#ifdef __cplusplus
}
#endif

#endif /* RATCHET_API_RATCHET_C_H_ */
