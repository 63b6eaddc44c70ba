/* The C API: the embedding API (api/ratchet.h) for C and for every language
 * with a C FFI. Opaque handles, no C++ types, no exceptions: every failure
 * is a return value or a completion.
 *
 * Ownership: every object a ratchet_*_new or a function returning a pointer
 * hands out is freed by its ratchet_*_free (strings by ratchet_free), in
 * any order (a realm or task keeps what it needs of its runtime alive).
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
  RATCHET_CONCURRENT_EVALUATION
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
  RATCHET_OBJECT /* arrives as its String() form */
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

#ifdef __cplusplus
}
#endif

#endif /* RATCHET_API_RATCHET_C_H_ */
