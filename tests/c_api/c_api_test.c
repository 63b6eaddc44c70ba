/* The C API, compiled as C: runtimes, realms, evaluation, completions,
   tasks, limits, host functions (synchronous and asynchronous), printing,
   memory reports. A plain C program: each CHECK that fails is printed and
   makes the test fail. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/ratchet_c.h"
#include "tests/c_api/check.h"

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

/* A value host function: point(x, y) -> {x, y, norm}. */
static void point(void* opaque, RatchetValueCall* call) {
  RatchetRealm* realm = (RatchetRealm*)opaque;
  if (ratchet_vcall_argc(call) < 2) {
    ratchet_vcall_throw(call, "RangeError", "point needs x and y");
    return;
  }
  RatchetValue* x = ratchet_vcall_arg(call, 0);
  RatchetValue* y = ratchet_vcall_arg(call, 1);
  RatchetValue* o = ratchet_realm_new_object(realm);
  double nx = ratchet_value_number(x), ny = ratchet_value_number(y);
  RatchetValue* norm = ratchet_value_new_number(nx * nx + ny * ny);
  ratchet_value_set(o, "x", x);
  ratchet_value_set(o, "y", y);
  ratchet_value_set(o, "norm2", norm);
  ratchet_vcall_return(call, o);
  ratchet_value_free(x);
  ratchet_value_free(y);
  ratchet_value_free(o);
  ratchet_value_free(norm);
}

static double fixed_random(void* opaque) { return 0.25; }
static double fixed_now(void* opaque) { return 86400000.0; }

/* A toy event loop for timers: posted work, run in order of due time. */
static RatchetWork* posted[16];
static uint64_t posted_delay[16];
static int posted_count = 0;
static void post(void* opaque, RatchetWork* work, uint64_t delay_ms) {
  if (posted_count < 16) {
    posted[posted_count] = work;
    posted_delay[posted_count] = delay_ms;
    ++posted_count;
  } else {
    ratchet_work_free(work);
  }
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
  CHECK(ratchet_completion_kind(c) == RATCHET_OUT_OF_MEMORY);
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

  /* Value handles. */
  c = eval(realm, "({list: [1, 'two', null], ok: true})");
  CHECK(ratchet_completion_kind(c) == RATCHET_NORMAL);
  RatchetValue* obj = ratchet_completion_value_handle(c);
  ratchet_completion_free(c);
  CHECK(ratchet_value_type(obj) == RATCHET_OBJECT);
  char* text = ratchet_value_dump(obj);
  CHECK_STR(text, "{\"list\": [1, \"two\", null], \"ok\": true}");
  ratchet_free(text);
  RatchetValue* list = NULL;
  CHECK(ratchet_value_get(obj, "list", &list) == RATCHET_NORMAL);
  CHECK(ratchet_value_is_array(list));
  RatchetValue* len = NULL;
  CHECK(ratchet_value_get(list, "length", &len) == RATCHET_NORMAL);
  CHECK(ratchet_value_number(len) == 3);
  ratchet_value_free(len);
  ratchet_value_free(list);
  RatchetValue* global = ratchet_realm_global(realm);
  RatchetValue* fn = ratchet_realm_new_function(realm, "point", point, realm, 2);
  CHECK(fn != NULL && ratchet_value_is_function(fn));
  CHECK(ratchet_value_set(global, "point", fn) == RATCHET_NORMAL);
  c = eval(realm, "var p = point(3, 4); p.x + p.y + ':' + p.norm2 + ':' + (() => { try { point() } catch (e) { return e.name } })()");
  CHECK_STR(ratchet_completion_value(c), "7:25:RangeError");
  ratchet_completion_free(c);
  /* A call from the host, with a handle argument. */
  RatchetValue* args[2];
  args[0] = ratchet_value_new_number(5);
  args[1] = ratchet_value_new_number(12);
  c = ratchet_realm_call_sync(realm, fn, NULL, 2, (const RatchetValue* const*)args, 0, 0);
  CHECK(ratchet_completion_kind(c) == RATCHET_NORMAL);
  RatchetValue* result = ratchet_completion_value_handle(c);
  text = ratchet_value_dump(result);
  CHECK_STR(text, "{\"x\": 5, \"y\": 12, \"norm2\": 169}");
  ratchet_free(text);
  RatchetValue* s12 = ratchet_realm_new_string(realm, "12", 2);
  text = ratchet_value_to_string(s12);
  CHECK_STR(text, "12");
  CHECK(ratchet_value_type(s12) == RATCHET_STRING);
  ratchet_value_free(s12);
  ratchet_free(text);
  ratchet_value_free(result);
  ratchet_completion_free(c);
  ratchet_value_free(args[0]);
  ratchet_value_free(args[1]);
  /* Constructing from the host. */
  c = eval(realm, "Date");
  RatchetValue* date_ctor = ratchet_completion_value_handle(c);
  ratchet_completion_free(c);
  RatchetValue* epoch[1];
  epoch[0] = ratchet_value_new_number(0);
  c = ratchet_realm_construct_sync(realm, date_ctor, 1, (const RatchetValue* const*)epoch, 0, 0);
  CHECK(ratchet_completion_kind(c) == RATCHET_NORMAL);
  CHECK_STR(ratchet_completion_value_type(c), "object");
  RatchetValue* date = ratchet_completion_value_handle(c);
  RatchetValue* date_global = ratchet_realm_global(realm);
  CHECK(ratchet_value_set(date_global, "epochDate", date) == RATCHET_NORMAL);
  ratchet_value_free(date_global);
  ratchet_value_free(date);
  ratchet_completion_free(c);
  c = eval(realm, "epochDate.getTime() === 0 && epochDate instanceof Date");
  CHECK_STR(ratchet_completion_value(c), "true");
  ratchet_completion_free(c);
  ratchet_value_free(epoch[0]);
  ratchet_value_free(date_ctor);
  /* Getters are not run from the host. */
  c = eval(realm, "({get g() { return 1; }})");
  RatchetValue* getter_obj = ratchet_completion_value_handle(c);
  ratchet_completion_free(c);
  RatchetValue* unused = NULL;
  CHECK(ratchet_value_get(getter_obj, "g", &unused) == RATCHET_WOULD_RUN_CODE);
  ratchet_value_free(getter_obj);
  /* JSON in, expressions. */
  RatchetValue* parsed = ratchet_realm_parse_json(realm, "[1,2,3]", 7);
  CHECK(parsed != NULL && ratchet_value_is_array(parsed));
  CHECK(ratchet_realm_parse_json(realm, "{bad", 4) == NULL);
  ratchet_value_free(parsed);
  c = ratchet_eval_expression_sync(realm, "6 * 7", 5, NULL, 0, 0);
  CHECK_STR(ratchet_completion_value(c), "42");
  ratchet_completion_free(c);
  c = ratchet_eval_expression_sync(realm, "1; 2", 4, NULL, 0, 0);
  CHECK(ratchet_completion_kind(c) == RATCHET_SYNTAX_ERROR);
  ratchet_completion_free(c);
  /* Another realm's values are refused; a freed realm's are dead. */
  RatchetRealm* other = ratchet_realm_new(rt);
  RatchetValue* other_global = ratchet_realm_global(other);
  CHECK(ratchet_value_set(other_global, "stolen", obj) == RATCHET_WRONG_OWNER);
  ratchet_realm_free(other);
  CHECK(ratchet_value_set(other_global, "x", fn) == RATCHET_USE_AFTER_FREE);
  ratchet_value_free(other_global);
  ratchet_value_free(obj);
  ratchet_value_free(fn);
  ratchet_value_free(global);

  /* Deterministic hooks. */
  RatchetRealm* det = ratchet_realm_new_with_hooks(rt, fixed_random, fixed_now, NULL);
  c = eval(det, "Math.random() + ' ' + new Date().toISOString()");
  CHECK_STR(ratchet_completion_value(c), "0.25 1970-01-02T00:00:00.000Z");
  ratchet_completion_free(c);

  /* Timers on the host's loop. */
  CHECK(ratchet_realm_install_timers(det, post, NULL, 100000));
  c = eval(det, "var order = []; setTimeout(() => order.push('b'), 20); setTimeout(() => order.push('a'), 10); 0");
  ratchet_completion_free(c);
  CHECK(posted_count == 2);
  while (posted_count > 0) {
    int next = 0;
    for (int i = 1; i < posted_count; ++i) {
      if (posted_delay[i] < posted_delay[next]) next = i;
    }
    RatchetWork* w = posted[next];
    posted[next] = posted[posted_count - 1];
    posted_delay[next] = posted_delay[posted_count - 1];
    --posted_count;
    ratchet_work_run(w);
    ratchet_work_free(w);
  }
  c = eval(det, "order.join()");
  CHECK_STR(ratchet_completion_value(c), "a,b");
  ratchet_completion_free(c);
  ratchet_realm_free(det);

  /* Handles may be freed in any order. */
  ratchet_runtime_free(rt);
  c = eval(realm, "'still usable'");
  CHECK_STR(ratchet_completion_value(c), "still usable");
  ratchet_completion_free(c);
  ratchet_realm_free(realm);

  return CHECK_RESULT("c_api_test");
}
