/* The C API, compiled as C: runtimes, realms, evaluation, completions,
   tasks, limits, host functions (synchronous and asynchronous), printing,
   memory reports. A plain C program: each CHECK that fails is printed and
   makes the test fail. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/ratchet_c.h"

static int failures = 0;
#define CHECK(cond)                                                  \
  do {                                                               \
    if (!(cond)) {                                                   \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
      failures++;                                                    \
    }                                                                \
  } while (0)
#define CHECK_STR(a, b) CHECK(strcmp((a), (b)) == 0)

static RatchetCompletion* eval(RatchetRealm* realm, const char* src) {
  return ratchet_eval_script_sync(realm, src, strlen(src), "test.js", 10000000, 0);
}

static void add(void* opaque, RatchetHostCall* call) {
  int* calls = (int*)opaque;
  (*calls)++;
  if (ratchet_call_argc(call) != 2 || ratchet_call_arg_type(call, 0) != RATCHET_NUMBER) {
    ratchet_call_throw(call, "add needs two numbers");
    return;
  }
  ratchet_call_return_number(call, ratchet_call_arg_number(call, 0) + ratchet_call_arg_number(call, 1));
}

static void greet(void* opaque, RatchetHostCall* call) {
  char buf[128];
  (void)opaque;
  snprintf(buf, sizeof buf, "hello, %s", ratchet_call_arg_string(call, 0));
  ratchet_call_return_string(call, buf);
}

static RatchetSettler* pending_settler = NULL;
static void later(void* opaque, const RatchetHostCall* call, RatchetSettler* settler) {
  (void)opaque;
  (void)call;
  pending_settler = settler; /* answered after the task suspends */
}

static char printed[256];
static void on_print(void* opaque, const char* line) {
  (void)opaque;
  strncat(printed, line, sizeof printed - strlen(printed) - 2);
  strcat(printed, "|");
}

static int interrupt_now = 0;
static int on_interrupt(void* opaque) {
  (void)opaque;
  return interrupt_now;
}

int main(void) {
  RatchetRuntime* rt = ratchet_runtime_new();
  ratchet_runtime_set_memory_limit(rt, 64u << 20);
  ratchet_runtime_set_print_handler(rt, on_print, NULL);
  ratchet_runtime_set_interrupt_handler(rt, on_interrupt, NULL);
  RatchetRealm* realm = ratchet_realm_new(rt);
  CHECK(realm != NULL);

  /* Values, errors, syntax errors. */
  RatchetCompletion* c = eval(realm, "[1, 2, 3].map((x) => x * 2).join('-')");
  CHECK(ratchet_completion_kind(c) == RATCHET_NORMAL);
  CHECK_STR(ratchet_completion_value(c), "2-4-6");
  CHECK_STR(ratchet_completion_value_type(c), "string");
  ratchet_completion_free(c);
  c = eval(realm, "null.x");
  CHECK(ratchet_completion_kind(c) == RATCHET_JS_EXCEPTION);
  CHECK_STR(ratchet_completion_error_name(c), "TypeError");
  CHECK(strncmp(ratchet_completion_describe(c), "Uncaught TypeError", 18) == 0);
  ratchet_completion_free(c);
  c = eval(realm, "let let = 1;");
  CHECK(ratchet_completion_kind(c) == RATCHET_SYNTAX_ERROR);
  CHECK_STR(ratchet_completion_file(c), "test.js");
  CHECK(ratchet_completion_line(c) == 1);
  ratchet_completion_free(c);

  /* Limits: steps, memory, interrupts. */
  c = ratchet_eval_script_sync(realm, "for (;;) {}", 11, NULL, 100000, 0);
  CHECK(ratchet_completion_kind(c) == RATCHET_STEP_LIMIT);
  ratchet_completion_free(c);
  c = eval(realm, "'x'.repeat(2 ** 28)");
  CHECK(ratchet_completion_kind(c) == RATCHET_JS_EXCEPTION);
  CHECK_STR(ratchet_completion_error_name(c), "InternalError");
  ratchet_completion_free(c);
  interrupt_now = 1;
  c = ratchet_eval_script_sync(realm, "for (;;) {}", 11, NULL, 0, 0);
  CHECK(ratchet_completion_kind(c) == RATCHET_INTERRUPTED);
  ratchet_completion_free(c);
  interrupt_now = 0;

  /* Host functions. */
  int calls = 0;
  CHECK(ratchet_realm_define_function(realm, "add", add, &calls));
  CHECK(ratchet_realm_define_function(realm, "greet", greet, NULL));
  c = eval(realm, "add(40, 2) + ':' + greet('c') + ':' + (() => { try { add('x'); } catch (e) { return e.message; } })()");
  CHECK_STR(ratchet_completion_value(c), "42:hello, c:add needs two numbers");
  CHECK(calls == 2);
  ratchet_completion_free(c);

  /* print() goes to the handler. */
  c = eval(realm, "print('one'); console.log('two', 3); 0");
  CHECK_STR(printed, "one|two 3|");
  ratchet_completion_free(c);

  /* Tasks: step, run, abort. */
  const char* loop = "let n = 0; for (let i = 0; i < 1000; i++) n += i; n";
  RatchetTask* task = ratchet_task_new_script(realm, loop, strlen(loop), "task.js");
  CHECK(ratchet_task_step(task));
  CHECK(ratchet_task_steps(task) == 1);
  ratchet_task_run(task, 100);
  CHECK(!ratchet_task_done(task));
  c = ratchet_task_completion(task);
  CHECK(ratchet_completion_kind(c) == RATCHET_INCOMPLETE);
  ratchet_completion_free(c);
  while (ratchet_task_run(task, 1000) > 0) {
  }
  CHECK(ratchet_task_done(task));
  c = ratchet_task_completion(task);
  CHECK_STR(ratchet_completion_value(c), "499500");
  ratchet_completion_free(c);
  ratchet_task_free(task);
  task = ratchet_task_new_script(realm, "for (;;) {}", 11, NULL);
  ratchet_task_run(task, 500);
  ratchet_task_abort(task, "stop");
  c = ratchet_task_completion(task);
  CHECK(ratchet_completion_kind(c) == RATCHET_TASK_ABORTED);
  CHECK_STR(ratchet_completion_error_message(c), "stop");
  ratchet_completion_free(c);
  ratchet_task_free(task);

  /* An asynchronous host function: the task waits until it is settled. */
  CHECK(ratchet_realm_define_async_function(realm, "later", later, NULL));
  const char* wait = "later() * 2";
  task = ratchet_task_new_script(realm, wait, strlen(wait), NULL);
  ratchet_task_run(task, 1000);
  CHECK(ratchet_task_waiting(task));
  CHECK(pending_settler != NULL && ratchet_settler_pending(pending_settler));
  ratchet_settler_resolve_number(pending_settler, 21);
  CHECK(!ratchet_settler_pending(pending_settler));
  ratchet_settler_free(pending_settler);
  pending_settler = NULL;
  ratchet_task_run(task, 1000);
  c = ratchet_task_completion(task);
  CHECK_STR(ratchet_completion_value(c), "42");
  ratchet_completion_free(c);
  ratchet_task_free(task);

  /* Modules. */
  const char* mod = "export const x = 1; globalThis.fromModule = x + 1;";
  c = ratchet_eval_module_sync(realm, mod, strlen(mod), "m.mjs", 0, 0);
  CHECK(ratchet_completion_kind(c) == RATCHET_NORMAL);
  ratchet_completion_free(c);
  c = eval(realm, "fromModule");
  CHECK_STR(ratchet_completion_value(c), "2");
  ratchet_completion_free(c);

  /* Memory: a report, and a collection. */
  ratchet_runtime_run_gc(rt);
  CHECK(ratchet_runtime_memory_used(rt) > 0);
  char* dump = ratchet_runtime_dump_memory_usage(rt);
  CHECK(dump != NULL && strstr(dump, "memory used: ") == dump);
  ratchet_free(dump);

  /* Handles may be freed in any order. */
  ratchet_runtime_free(rt);
  c = eval(realm, "'still usable'");
  CHECK_STR(ratchet_completion_value(c), "still usable");
  ratchet_completion_free(c);
  ratchet_realm_free(realm);

  if (failures == 0) printf("c_api_test: all checks passed\n");
  return failures == 0 ? 0 : 1;
}
