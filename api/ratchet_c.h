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
typedef struct RatchetModuleAnswer RatchetModuleAnswer;
typedef struct RatchetModuleLoad RatchetModuleLoad;
typedef struct RatchetHostModule RatchetHostModule;
typedef struct RatchetImportMeta RatchetImportMeta;

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
  RATCHET_WOULD_RUN_CODE, /* a getter, setter or proxy trap: call it with ratchet_realm_call_sync */
  /* evaluations: the call stack outgrew ratchet_runtime_set_max_stack_size
     (the uncaught RangeError is the completion's error); an evaluation out
     of memory completes with RATCHET_OUT_OF_MEMORY the same way */
  RATCHET_STACK_OVERFLOW
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
/* The completion value (RATCHET_NORMAL) or thrown value (RATCHET_JS_EXCEPTION,
   and the error of RATCHET_OUT_OF_MEMORY / RATCHET_STACK_OVERFLOW) as a
   handle (free with ratchet_value_free); undefined otherwise. */
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
/* Waiting for the host (an asynchronous host function's answer or an
   asynchronous module load). */
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

/* ---- Host data: read-only views and copies ----
   Host data given to the sandbox as JSON text, under a policy
   (ratchet::HostConversion): a read-only view (the default: a Proxy that
   reads the data; every write, delete, define, freeze or prototype change
   fails with a TypeError in strict code), a plain copy the sandbox owns, or
   a deeply frozen copy. A view made here reads a snapshot of the text (live
   views of changing host data are C++: Realm::FromHost with a shared
   HostData). Bad JSON: RATCHET_JS_EXCEPTION and, when `error` is not NULL,
   *error = "line:column: message" (free it with ratchet_free). */
typedef enum {
  RATCHET_READ_ONLY_VIEW = 0,
  RATCHET_COPY = 1,
  RATCHET_FROZEN_COPY = 2
} RatchetHostConversion;
RatchetCompletionKind ratchet_realm_from_json(RatchetRealm* realm, const char* json, size_t length,
                                              RatchetHostConversion conversion, RatchetValue** out, char** error);
/* The value's data as JSON text (Value::ToHost then HostData::ToJson),
   read without running code: primitives, arrays, objects by their own
   enumerable data properties; functions and symbols left out (null in
   arrays); a view gives its host data. RATCHET_WOULD_RUN_CODE for a getter
   or another proxy on the way, RATCHET_JS_EXCEPTION for a cycle, a BigInt
   (TypeError) or nesting deeper than max_depth (at most 1000; RangeError),
   RATCHET_OUT_OF_MEMORY past the memory limit (or 256 MB) of host data.
   On success *json (free with ratchet_free) and, when not NULL, *length. */
RatchetCompletionKind ratchet_value_to_json(const RatchetValue* v, int max_depth, char** json, size_t* length);

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

/* The same for one expression (as ratchet_eval_expression_sync). */
RatchetTask* ratchet_eval_expression_async(RatchetRealm* realm, const char* source, size_t length,
                                           const char* file_name, const RatchetTimeSharing* options,
                                           RatchetExecutor executor, void* executor_opaque, RatchetDoneCallback on_done,
                                           void* done_opaque);
/* Calls `fn` with `this_value` and argc handles of argv (NULL when argc is
   0) as a task on the host's loop, as ratchet_eval_script_async runs a
   script: the first slice runs now, `on_done` receives the completion,
   whose value is the call's result (a handle: ratchet_completion_value_handle).
   A `fn` that is not callable (for construct: not a constructor) completes
   at once with RATCHET_JS_EXCEPTION and the TypeError as its value
   (nothing ran). */
RatchetTask* ratchet_realm_call_async(RatchetRealm* realm, const RatchetValue* fn, const RatchetValue* this_value,
                                      size_t argc, const RatchetValue* const* argv, const RatchetTimeSharing* options,
                                      RatchetExecutor executor, void* executor_opaque, RatchetDoneCallback on_done,
                                      void* done_opaque);
/* new fn(...argv) the same way; the completion's value is the new object. */
RatchetTask* ratchet_realm_construct_async(RatchetRealm* realm, const RatchetValue* fn, size_t argc,
                                           const RatchetValue* const* argv, const RatchetTimeSharing* options,
                                           RatchetExecutor executor, void* executor_opaque,
                                           RatchetDoneCallback on_done, void* done_opaque);

/* ---- Evaluation options, syntax checks, module tasks ---- */
/* What to evaluate (ratchet_eval_sync). */
typedef enum { RATCHET_SOURCE_SCRIPT = 0, RATCHET_SOURCE_EXPRESSION, RATCHET_SOURCE_MODULE } RatchetSourceKind;
/* A task runner (ratchet::TaskRunner), called once per evaluation with the
   evaluation's task: a new handle the runner owns (free it with
   ratchet_task_free, now or later; freeing does not stop the evaluation).
   It steps the task (ratchet_task_run, ratchet_task_step) to the end, or
   part of the way — an asynchronous evaluation goes on whenever the host
   runs the task again, from its own loop — or aborts it. A synchronous
   evaluation's runner must finish or abort the task before it returns;
   otherwise the task is aborted and the completion is
   RATCHET_SYNCHRONOUS_TASK_INCOMPLETE. It must not evaluate in the same
   runtime itself. */
typedef void (*RatchetTaskRunner)(void* opaque, RatchetTask* task);
/* file_name NULL: "<eval>"; strict nonzero compiles a script or expression
   as strict mode code, as if it began with "use strict" (modules always
   are); max_steps and timeout_ms: 0 for none — the limits of a run without
   a runner. run_task (NULL: the realm's default runner, if any) runs the
   task instead; the limits are then the runner's business. */
typedef struct {
  const char* file_name;
  int strict;
  uint64_t max_steps;
  uint64_t timeout_ms;
  RatchetTaskRunner run_task;
  void* run_task_opaque;
} RatchetEvalOptions;
/* Evaluates `source` as `kind` (a RatchetSourceKind; another gives NULL)
   to completion or until a limit stops it, as ratchet_eval_script_sync,
   _expression_sync and _module_sync do. NULL options: the defaults. */
RatchetCompletion* ratchet_eval_sync(RatchetRealm* realm, int kind, const char* source, size_t length,
                                     const RatchetEvalOptions* options);
/* The asynchronous form: compiles `source` and hands its task to the
   runner (options->run_task, else the realm's default run_task, else a run
   to completion within the options' limits); returns the task — the
   pending result: poll it (ratchet_task_done, ratchet_task_completion) or
   attach ratchet_task_on_done. NULL for an unknown kind. */
RatchetTask* ratchet_eval_async(RatchetRealm* realm, int kind, const char* source, size_t length,
                                const RatchetEvalOptions* options);
/* The runners a realm's evaluations use when their options name none
   (Realm::SetDefaultRunners): `run_task` for asynchronous ones without a
   runner of their own (ratchet_eval_async; the time-sharing functions
   bring theirs), `run_task_sync` for synchronous ones — every
   ratchet_*_sync evaluation and call of the realm then goes to it, and
   their max_steps/timeout_ms arguments are the runner's business. NULL:
   none (the default). */
void ratchet_realm_set_default_runners(RatchetRealm* realm, RatchetTaskRunner run_task, void* run_task_opaque,
                                       RatchetTaskRunner run_task_sync, void* run_task_sync_opaque);
/* Compiles a script without running it: RATCHET_NORMAL, or
   RATCHET_SYNTAX_ERROR with the message, file, line and column. */
RatchetCompletion* ratchet_realm_compile_only(RatchetRealm* realm, const char* source, size_t length,
                                              const char* file_name);
/* Compiles an ECMAScript module (every early error, the bytecode; nothing
   is loaded, linked or run): RATCHET_NORMAL or RATCHET_SYNTAX_ERROR. */
RatchetCompletion* ratchet_realm_check_module_syntax(RatchetRealm* realm, const char* source, size_t length,
                                                     const char* file_name);
/* A task that will load the imports of the module named `file_name`, link
   and evaluate it, top-level await included (nothing has run yet); a
   syntax error gives a finished task. */
RatchetTask* ratchet_task_new_module(RatchetRealm* realm, const char* source, size_t length, const char* file_name);

/* ---- Tasks: more control and introspection ---- */
/* Runs until done, waiting, or stopped by a limit (0: none). */
void ratchet_task_run_to_completion(RatchetTask* task, uint64_t max_steps, uint64_t timeout_ms);
/* `on_done` receives the completion once the task is done (now, if it is
   already) and owns it. Several may be attached. */
void ratchet_task_on_done(RatchetTask* task, RatchetDoneCallback on_done, void* opaque);
/* ratchet_task_abort reported as `kind`: RATCHET_TASK_ABORTED,
   RATCHET_STEP_LIMIT or RATCHET_TIME_LIMIT (for the host's own runners
   enforcing limits); any other kind reads as RATCHET_TASK_ABORTED. */
void ratchet_task_abort_with_kind(RatchetTask* task, const char* reason, RatchetCompletionKind kind);
/* Done because it was stopped: an abort, a limit, the interrupt handler. */
int ratchet_task_aborted(const RatchetTask* task);
/* Made by an asynchronous evaluation or call (ratchet_*_async), rather
   than by a synchronous one or ratchet_task_new_script / _new_module. */
int ratchet_task_is_async(const RatchetTask* task);
/* The id of what runs now: the script (a macrotask), then a new id for
   each promise job (microtask) it spawns; unique in the runtime. */
uint64_t ratchet_task_current_id(const RatchetTask* task);
typedef enum { RATCHET_MACROTASK = 0, RATCHET_MICROTASK } RatchetTaskType;
/* A macrotask while the script runs, a microtask once it is over and its
   promise jobs run (inside the same task). */
RatchetTaskType ratchet_task_current_type(const RatchetTask* task);
/* One frame of the sandbox's call stack. */
typedef struct {
  char* function; /* "" for top-level and eval code */
  char* file;
  uint32_t line;  /* 1-based; 0: no frame */
  uint32_t column;
} RatchetStackFrame;
/* The call stack, innermost first: an array of *count frames, NULL (and
   *count 0) before the first step's frame exists or once the task is
   done. Free it with ratchet_stack_free. */
RatchetStackFrame* ratchet_task_stack(const RatchetTask* task, size_t* count);
/* Where the task is: its innermost frame (line 0 when it has none); one
   frame, never NULL unless out of memory: free with ratchet_stack_free(f, 1). */
RatchetStackFrame* ratchet_task_location(const RatchetTask* task);
void ratchet_stack_free(RatchetStackFrame* frames, size_t count);

/* ---- Pending jobs ----
   Promise jobs queued while no task ran (a FinalizationRegistry cleanup
   after a collection, an Atomics.waitAsync wake-up). They run in the next
   task that finishes its script, or now: ratchet_realm_execute_pending_jobs
   runs them in a new task of the realm within the limits (0: none), and
   answers RATCHET_NORMAL when there were none, or the first uncaught error
   of a job, or the limit that stopped them. */
int ratchet_runtime_has_pending_job(const RatchetRuntime* rt);
RatchetCompletion* ratchet_realm_execute_pending_jobs(RatchetRealm* realm, uint64_t max_steps, uint64_t timeout_ms);

/* ---- Memory usage and the debug log ---- */
typedef struct {
  size_t count;
  size_t bytes;
} RatchetMemoryCategory;
/* What the heap holds (ratchet::MemoryUsage): live cells by category, with
   the buffers they own, garbage not collected yet included (run
   ratchet_runtime_run_gc first for live data only). */
typedef struct {
  size_t limit;       /* the memory limit (0: none) */
  size_t used;        /* every byte accounted against it */
  size_t collections; /* so far */
  RatchetMemoryCategory objects;
  RatchetMemoryCategory arrays;
  RatchetMemoryCategory functions;
  RatchetMemoryCategory array_buffers;
  RatchetMemoryCategory strings;
  RatchetMemoryCategory atoms; /* of which interned property keys */
  RatchetMemoryCategory symbols;
  RatchetMemoryCategory bigints;
  RatchetMemoryCategory shapes;
  RatchetMemoryCategory bytecode;
  RatchetMemoryCategory environments;
  RatchetMemoryCategory source_text;
  RatchetMemoryCategory other; /* accessors, realms */
  size_t tasks;                /* alive */
  size_t pending_host_calls;   /* asynchronous host calls not settled yet */
} RatchetMemoryUsage;
/* Fills *out (walks every cell: O(heap)). */
void ratchet_runtime_compute_memory_usage(const RatchetRuntime* rt, RatchetMemoryUsage* out);
/* One line per event of the runtime's life (realms created and freed,
   tasks started and finished, collections, asynchronous host calls); the
   line is valid during the call. NULL turns it off. */
void ratchet_runtime_set_debug_log(RatchetRuntime* rt, void (*log)(void* opaque, const char* line), void* opaque);

/* ---- Modules: loaders, normalizers, host modules ----
   `import` declarations and import() in every realm of the runtime call
   the normalizer, then — once per module name and realm — the loader.
   Both answer through a RatchetModuleAnswer valid during the call only;
   the first answer counts, the API copies what it is given. */
/* Turns `specifier`, imported by `referrer` (the importing module's name,
   or the file name of the script calling import()), into the module's
   name: ratchet_module_answer_name, or ratchet_module_answer_error to make
   the import fail (a TypeError at the import site). No answer fails too. */
typedef void (*RatchetModuleNormalizer)(void* opaque, const char* specifier, const char* referrer,
                                        RatchetModuleAnswer* answer);
/* Answers the module `name`: ratchet_module_answer_source (its text),
   ratchet_module_answer_host (a host-built module) or
   ratchet_module_answer_error (a TypeError at the import site, catchable
   around await import()); no answer: "Cannot find module ...". */
typedef void (*RatchetModuleLoader)(void* opaque, const char* name, RatchetModuleAnswer* answer);
/* Installs a synchronous loader and a normalizer (NULL: the default rule,
   ratchet_module_resolve_path), both called with `opaque`, in place of any
   loader before. A NULL loader removes it: imports then fail, except those
   of host modules preloaded with ratchet_realm_define_host_module. */
void ratchet_runtime_set_module_loader(RatchetRuntime* rt, RatchetModuleLoader loader,
                                       RatchetModuleNormalizer normalizer, void* opaque);
void ratchet_module_answer_source(RatchetModuleAnswer* answer, const char* source, size_t length);
void ratchet_module_answer_name(RatchetModuleAnswer* answer, const char* name);
void ratchet_module_answer_error(RatchetModuleAnswer* answer, const char* message);
/* (Loaders) a copy of `module`: its exports are fixed, importing it runs
   no code. */
void ratchet_module_answer_host(RatchetModuleAnswer* answer, const RatchetHostModule* module);
/* The default normalizer's rule: "./x" and "../x" resolve against the
   referrer's directory ("a/b/../c.js" -> "a/c.js"); any other specifier
   is the name itself. Free with ratchet_free. */
char* ratchet_module_resolve_path(const char* specifier, const char* referrer);

/* An asynchronous loader: receives a load it owns, and answers it now or
   later with ratchet_module_load_done, then frees it. A task importing a
   module not loaded yet waits (ratchet_task_waiting) until then; the
   time-sharing runner polls it every yield_time_ms (at least 1 ms), a task
   the host runs goes on at its next ratchet_task_run. Answer between
   ratchet_task_run calls (or inside the loader call), never from inside a
   host function. Answering after the runtime and all its realms and tasks
   were freed does nothing; a load freed unanswered leaves its importer
   waiting (abort it). */
typedef void (*RatchetAsyncModuleLoader)(void* opaque, const char* name, RatchetModuleLoad* load);
void ratchet_runtime_set_async_module_loader(RatchetRuntime* rt, RatchetAsyncModuleLoader loader,
                                             RatchetModuleNormalizer normalizer, void* opaque);
/* ok nonzero: `text` is the module's source; 0: the error message (a
   TypeError at the import site; NULL or "": "Cannot find module 'name'").
   Only the first call counts. */
void ratchet_module_load_done(RatchetModuleLoad* load, int ok, const char* text, size_t length);
/* The module name the load is for (valid until the load is freed). */
const char* ratchet_module_load_name(const RatchetModuleLoad* load);
void ratchet_module_load_free(RatchetModuleLoad* load);

/* Host-built modules: plain values and host functions by export name. */
RatchetHostModule* ratchet_host_module_new(void);
void ratchet_host_module_free(RatchetHostModule* module);
void ratchet_host_module_add_number(RatchetHostModule* module, const char* name, double d);
void ratchet_host_module_add_string(RatchetHostModule* module, const char* name, const char* s);
void ratchet_host_module_add_boolean(RatchetHostModule* module, const char* name, int b);
void ratchet_host_module_add_function(RatchetHostModule* module, const char* name, RatchetHostFunction fn,
                                      void* opaque);
/* Preloads a copy of `module` in the realm under `name` (a module name, as
   the normalizer returns it): imports of it never reach the loader, and
   work without one. 0 when the memory limit is hit. */
int ratchet_realm_define_host_module(RatchetRealm* realm, const char* name, const RatchetHostModule* module);

/* import.meta properties besides `url`: the hook is called once per
   module, when its code first reads import.meta (NULL removes it). */
typedef void (*RatchetImportMetaHook)(void* opaque, const char* module_name, RatchetImportMeta* meta);
void ratchet_runtime_set_import_meta_hook(RatchetRuntime* rt, RatchetImportMetaHook hook, void* opaque);
void ratchet_import_meta_add_string(RatchetImportMeta* meta, const char* key, const char* value);
void ratchet_import_meta_add_number(RatchetImportMeta* meta, const char* key, double d);

#ifdef __cplusplus
}
#endif

#endif /* RATCHET_API_RATCHET_C_H_ */
