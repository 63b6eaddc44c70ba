/* The C API's host hooks, compiled as C: module loaders (synchronous, with
   a normalizer and host-built modules; asynchronous, answered later from a
   queue the test drives), asynchronous calls and constructs on the
   time-sharing runner, pending jobs, task introspection while stepping
   (location, stack, task ids and types, aborts with a kind), evaluation
   options and syntax checks, structured memory usage and the debug log. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "api/ratchet_c.h"
#include "tests/c_api/check.h"
#include "tests/c_api/loop.h"

/* Evaluates an expression; its String() in `out`. */
static void expr(RatchetRealm* realm, const char* src, char* out, size_t size) {
  RatchetCompletion* c = ratchet_eval_expression_sync(realm, src, strlen(src), "expr.js", 10000000, 0);
  snprintf(out, size, "%s", ratchet_completion_kind(c) == RATCHET_NORMAL ? ratchet_completion_value(c)
                                                                          : ratchet_completion_describe(c));
  ratchet_completion_free(c);
}
#define CHECK_EXPR(realm, src, expected)         \
  do {                                          \
    char got_[512];                             \
    expr((realm), (src), got_, sizeof got_);    \
    CHECK_STR(got_, (expected));                \
    if (strcmp(got_, (expected)) != 0) fprintf(stderr, "  got: %s\n", got_); \
  } while (0)

static char printed[1024];
static void on_print(void* opaque, const char* line) {
  (void)opaque;
  strncat(printed, line, sizeof printed - strlen(printed) - 2);
  strcat(printed, "|");
}

typedef struct {
  int calls;
  RatchetCompletionKind kind;
  char value[256];
  char message[256];
  char error_name[64];
  RatchetValue* handle; /* the completion value */
} Done;

static void on_done(void* opaque, RatchetCompletion* c) {
  Done* d = (Done*)opaque;
  d->calls++;
  d->kind = ratchet_completion_kind(c);
  snprintf(d->value, sizeof d->value, "%s", ratchet_completion_value(c));
  snprintf(d->message, sizeof d->message, "%s", ratchet_completion_error_message(c));
  snprintf(d->error_name, sizeof d->error_name, "%s", ratchet_completion_error_name(c));
  if (d->handle != NULL) ratchet_value_free(d->handle);
  d->handle = ratchet_completion_value_handle(c);
  ratchet_completion_free(c);
}

static void done_reset(Done* d) {
  if (d->handle != NULL) ratchet_value_free(d->handle);
  memset(d, 0, sizeof *d);
}

/* ---- Synchronous module loader ---- */

typedef struct {
  const char* name;
  const char* source;
} File;

static const File kFiles[] = {
    {"lib/math.js", "export const twice = (x) => 2 * x;"},
    {"lib/lazy.js", "export default 'lazy';"},
    {"lib/broken.js", "export let = 1;"},
    {"app/main.js",
     "import { twice } from '@lib/math.js';\n"
     "import { version, add, fail } from 'native:tools';\n"
     "let caught = '';\n"
     "try { await import('./missing.js'); } catch (e) { caught = e.name + ': ' + e.message; }\n"
     "let refused = '';\n"
     "try { await import('forbidden'); } catch (e) { refused = e.name + ': ' + e.message; }\n"
     "let broken = '';\n"
     "try { await import('../lib/broken.js'); } catch (e) { broken = e.name; }\n"
     "let thrown = '';\n"
     "try { fail(); } catch (e) { thrown = e.message; }\n"
     "const lazy = await import('../lib/lazy.js');\n"
     "const again = await import('@lib/math.js');\n"
     "globalThis.result = [twice(21), version, add(2, 3), lazy.default, again.twice === twice,\n"
     "                     caught, refused, broken, thrown, import.meta.url, import.meta.env,\n"
     "                     import.meta.depth].join('|');\n"},
};

static char loads[512]; /* the names the loader was asked for, comma-separated */
static int loader_calls = 0;

static void tools_add(void* opaque, RatchetHostCall* call) {
  (void)opaque;
  ratchet_call_return_number(call, ratchet_call_arg_number(call, 0) + ratchet_call_arg_number(call, 1));
}
static void tools_fail(void* opaque, RatchetHostCall* call) {
  (void)opaque;
  ratchet_call_throw(call, "the tool failed");
}

static void load_file(void* opaque, const char* name, RatchetModuleAnswer* answer) {
  (void)opaque;
  ++loader_calls;
  if (loads[0] != '\0') strncat(loads, ",", sizeof loads - strlen(loads) - 1);
  strncat(loads, name, sizeof loads - strlen(loads) - 1);
  if (strcmp(name, "native:tools") == 0) {
    RatchetHostModule* m = ratchet_host_module_new();
    ratchet_host_module_add_string(m, "version", "1.2");
    ratchet_host_module_add_function(m, "add", tools_add, NULL);
    ratchet_host_module_add_function(m, "fail", tools_fail, NULL);
    ratchet_module_answer_host(answer, m);
    ratchet_host_module_free(m); /* the answer holds a copy */
    return;
  }
  if (strcmp(name, "silent.js") == 0) return; /* no answer: not found */
  for (size_t i = 0; i < sizeof kFiles / sizeof kFiles[0]; ++i) {
    if (strcmp(kFiles[i].name, name) == 0) {
      ratchet_module_answer_source(answer, kFiles[i].source, strlen(kFiles[i].source));
      ratchet_module_answer_error(answer, "ignored: the first answer counts");
      return;
    }
  }
  char message[128];
  snprintf(message, sizeof message, "no such file: %s", name);
  ratchet_module_answer_error(answer, message);
}

/* "@lib/x" -> "lib/x"; "forbidden" is refused; "unanswered" gets no
   answer; anything else by the default rule. */
static void normalize(void* opaque, const char* specifier, const char* referrer, RatchetModuleAnswer* answer) {
  ++*(int*)opaque;
  if (strncmp(specifier, "@lib/", 5) == 0) {
    char name[256];
    snprintf(name, sizeof name, "lib/%s", specifier + 5);
    ratchet_module_answer_source(answer, "ignored in a normalizer", 5); /* the wrong kind of answer */
    ratchet_module_answer_name(answer, name);
    return;
  }
  if (strcmp(specifier, "forbidden") == 0) {
    ratchet_module_answer_error(answer, "forbidden is not allowed");
    return;
  }
  if (strcmp(specifier, "unanswered") == 0) return;
  char* name = ratchet_module_resolve_path(specifier, referrer);
  ratchet_module_answer_name(answer, name);
  ratchet_free(name);
}

static void import_meta(void* opaque, const char* module_name, RatchetImportMeta* meta) {
  (void)opaque;
  ratchet_import_meta_add_string(meta, "env", strcmp(module_name, "app/main.js") == 0 ? "test" : "other");
  ratchet_import_meta_add_number(meta, "depth", 2);
}

static RatchetCompletion* run_module(RatchetRealm* realm, const char* source, const char* name) {
  return ratchet_eval_module_sync(realm, source, strlen(source), name, 10000000, 0);
}

static void test_module_loader(void) {
  RatchetRuntime* rt;
  RatchetRealm* realm = test_realm(&rt);
  int normalized = 0;
  ratchet_runtime_set_module_loader(rt, load_file, normalize, &normalized);
  ratchet_runtime_set_import_meta_hook(rt, import_meta, NULL);
  loads[0] = '\0';
  loader_calls = 0;

  /* A graph: a static import through the normalizer's mapping, a host
     module the loader builds, dynamic imports (a loader error, a
     normalizer error, a syntax error: all catchable), each name loaded
     once. */
  RatchetCompletion* c = run_module(realm, kFiles[3].source, "app/main.js");
  CHECK(ratchet_completion_kind(c) == RATCHET_NORMAL);
  if (ratchet_completion_kind(c) != RATCHET_NORMAL) fprintf(stderr, "  %s\n", ratchet_completion_describe(c));
  ratchet_completion_free(c);
  CHECK_EXPR(realm, "result",
             "42|1.2|5|lazy|true|TypeError: no such file: app/missing.js|TypeError: forbidden is not allowed|"
             "SyntaxError|the tool failed|app/main.js|test|2");
  CHECK_STR(loads, "lib/math.js,native:tools,app/missing.js,lib/broken.js,lib/lazy.js");
  CHECK(normalized >= 7);

  /* A static import the loader refuses fails the evaluation. */
  c = run_module(realm, "import { x } from './nope.js';", "app/second.js");
  CHECK(ratchet_completion_kind(c) == RATCHET_JS_EXCEPTION);
  CHECK_STR(ratchet_completion_error_name(c), "TypeError");
  CHECK_STR(ratchet_completion_error_message(c), "no such file: app/nope.js");
  ratchet_completion_free(c);
  /* No answer from the loader: not found; none from the normalizer: refused. */
  c = run_module(realm, "import './silent.js';", "third.js");
  CHECK_STR(ratchet_completion_error_message(c), "Cannot find module './silent.js' imported from 'third.js'");
  ratchet_completion_free(c);
  c = run_module(realm, "import 'unanswered';", "fourth.js");
  CHECK(ratchet_completion_kind(c) == RATCHET_JS_EXCEPTION);
  CHECK_STR(ratchet_completion_error_message(c), "Cannot resolve module 'unanswered' imported from 'fourth.js'");
  ratchet_completion_free(c);
  /* An export the module lacks: a link error naming it. */
  c = run_module(realm, "import { thrice } from '@lib/math.js';", "fifth.js");
  CHECK_STR(ratchet_completion_error_message(c),
            "The requested module 'lib/math.js' does not provide an export named 'thrice'");
  ratchet_completion_free(c);

  /* import() from a script, whose file name is the referrer. */
  const char* script = "import('./lazy.js').then(ns => print('from script', ns.default));";
  printed[0] = '\0';
  ratchet_runtime_set_print_handler(rt, on_print, NULL);
  c = ratchet_eval_script_sync(realm, script, strlen(script), "lib/script.js", 0, 0);
  CHECK(ratchet_completion_kind(c) == RATCHET_NORMAL);
  ratchet_completion_free(c);
  CHECK_STR(printed, "from script lazy|");
  CHECK(loader_calls == 7); /* lib/lazy.js was loaded in this realm already: nothing new */

  /* The default normalizer (NULL): "./" and "../" against the referrer. */
  ratchet_runtime_set_module_loader(rt, load_file, NULL, NULL);
  loads[0] = '\0';
  RatchetRealm* fresh = ratchet_realm_new(rt);
  c = run_module(fresh, "import { twice } from '../lib/math.js'; globalThis.t = twice(4);", "app/x.js");
  CHECK(ratchet_completion_kind(c) == RATCHET_NORMAL);
  ratchet_completion_free(c);
  CHECK_STR(loads, "lib/math.js");
  CHECK_EXPR(fresh, "t", "8");
  ratchet_realm_free(fresh);

  char* p = ratchet_module_resolve_path("../c.js", "a/b/main.js");
  CHECK_STR(p, "a/c.js");
  ratchet_free(p);
  p = ratchet_module_resolve_path("./d/../e.js", "main.js");
  CHECK_STR(p, "e.js");
  ratchet_free(p);
  p = ratchet_module_resolve_path("pkg", "a/main.js");
  CHECK_STR(p, "pkg");
  ratchet_free(p);

  /* Preloaded host modules work without a loader. */
  ratchet_runtime_set_module_loader(rt, NULL, NULL, NULL);
  ratchet_runtime_set_import_meta_hook(rt, NULL, NULL);
  RatchetRealm* hosted = ratchet_realm_new(rt);
  RatchetHostModule* env = ratchet_host_module_new();
  ratchet_host_module_add_number(env, "answer", 42);
  ratchet_host_module_add_string(env, "name", "env");
  ratchet_host_module_add_boolean(env, "debug", 1);
  ratchet_host_module_add_function(env, "add", tools_add, NULL);
  CHECK(ratchet_realm_define_host_module(hosted, "host:env", env) == 1);
  CHECK(ratchet_realm_define_host_module(hosted, NULL, env) == 0);
  ratchet_host_module_free(env);
  c = run_module(hosted,
                 "import { answer, name, debug, add } from 'host:env';\n"
                 "import * as ns from 'host:env';\n"
                 "globalThis.h = [answer, name, debug, add(answer, 1), Object.keys(ns).join(), import.meta.env].join();",
                 "h.js");
  CHECK(ratchet_completion_kind(c) == RATCHET_NORMAL);
  ratchet_completion_free(c);
  CHECK_EXPR(hosted, "h", "42,env,true,43,add,answer,debug,name,");
  loader_calls = 0;
  c = run_module(hosted, "import '@lib/math.js';", "i.js");
  CHECK(ratchet_completion_kind(c) == RATCHET_JS_EXCEPTION);
  CHECK_STR(ratchet_completion_error_name(c), "TypeError");
  CHECK(loader_calls == 0); /* removed */
  ratchet_completion_free(c);
  ratchet_realm_free(hosted);

  ratchet_realm_free(realm);
  ratchet_runtime_free(rt);
}

/* ---- Asynchronous module loader ---- */

#define MAX_LOADS 16
static RatchetModuleLoad* pending_loads[MAX_LOADS];
static int pending_count = 0;

static void queue_load(void* opaque, const char* name, RatchetModuleLoad* load) {
  ++*(int*)opaque;
  if (strcmp(name, "app/now.js") == 0) { /* answered inside the loader call */
    const char* src = "export const now = 'at once';";
    ratchet_module_load_done(load, 1, src, strlen(src));
    ratchet_module_load_free(load);
    return;
  }
  if (pending_count < MAX_LOADS) pending_loads[pending_count++] = load;
}

/* Answers the oldest pending load: `source`, or an error when ok is 0. */
static const char* answer_next(int ok, const char* text) {
  static char name[128];
  if (pending_count == 0) return "";
  RatchetModuleLoad* load = pending_loads[0];
  memmove(pending_loads, pending_loads + 1, (size_t)(pending_count - 1) * sizeof pending_loads[0]);
  --pending_count;
  snprintf(name, sizeof name, "%s", ratchet_module_load_name(load));
  ratchet_module_load_done(load, ok, text, text == NULL ? 0 : strlen(text));
  ratchet_module_load_done(load, 1, "export default 'twice';", 23); /* ignored: answered already */
  ratchet_module_load_free(load);
  return name;
}

/* The host's own work on the loop: every 3 ms, answers the load pending
   then (if any), until it answered `*left` of them. */
static void answer_later(void* arg) {
  int* left = (int*)arg;
  if (pending_count > 0) {
    const char* name = ratchet_module_load_name(pending_loads[0]);
    answer_next(1, strcmp(name, "math.js") == 0 ? "export const twice = (x) => 2 * x;" : "export default 'later';");
    --*left;
  }
  if (*left > 0) post_host(answer_later, left, 3);
}

static void test_async_module_loader(void) {
  RatchetRuntime* rt;
  RatchetRealm* realm = test_realm(&rt);
  int asked = 0;
  ratchet_runtime_set_async_module_loader(rt, queue_load, NULL, &asked);
  printed[0] = '\0';
  ratchet_runtime_set_print_handler(rt, on_print, NULL);
  pending_count = 0;

  /* A task the host runs: it waits while a load is pending. */
  const char* main_src =
      "import { twice } from './math.js';\n"
      "import { now } from './now.js';\n"
      "print('main', twice(21), now);\n"
      "try { await import('./missing.js'); } catch (e) { print(e.name + ': ' + e.message); }\n"
      "try { await import('./unnamed.js'); } catch (e) { print(e.message); }\n"
      "try { await import('./broken.js'); } catch (e) { print(e.name); }\n"
      "const lazy = await import('./lazy.js');\n"
      "print('lazy', lazy.default);";
  RatchetTask* task = ratchet_task_new_module(realm, main_src, strlen(main_src), "app/main.js");
  CHECK(task != NULL);
  ratchet_task_run_to_completion(task, 0, 0);
  CHECK(!ratchet_task_done(task));
  CHECK(ratchet_task_waiting(task));
  CHECK(pending_count == 1);
  CHECK(asked == 1); /* the imports load one at a time: math.js first */
  CHECK_STR(printed, "");
  CHECK(ratchet_task_step(task) == 0); /* nothing runs while it waits */
  RatchetCompletion* c = ratchet_task_completion(task);
  CHECK(ratchet_completion_kind(c) == RATCHET_INCOMPLETE);
  CHECK_STR(ratchet_completion_error_message(c), "waiting for the host to load a module");
  ratchet_completion_free(c);

  CHECK_STR(answer_next(1, "export const twice = (x) => 2 * x;"), "app/math.js");
  ratchet_task_run_to_completion(task, 0, 0);
  CHECK(ratchet_task_waiting(task));
  CHECK_STR(printed, "main 42 at once|");
  CHECK(asked == 3); /* now.js, answered inside the loader call, then missing.js */
  CHECK_STR(answer_next(0, "no such module here"), "app/missing.js");
  ratchet_task_run_to_completion(task, 0, 0);
  CHECK_STR(answer_next(0, NULL), "app/unnamed.js");
  ratchet_task_run_to_completion(task, 0, 0);
  CHECK_STR(answer_next(1, "export let = 1;"), "app/broken.js");
  ratchet_task_run_to_completion(task, 0, 0);
  CHECK(pending_count == 1 && !ratchet_task_done(task));
  CHECK_STR(answer_next(1, "export default 'later';"), "app/lazy.js");
  ratchet_task_run_to_completion(task, 0, 0);
  CHECK(ratchet_task_done(task));
  c = ratchet_task_completion(task);
  CHECK(ratchet_completion_kind(c) == RATCHET_NORMAL);
  ratchet_completion_free(c);
  CHECK_STR(printed,
            "main 42 at once|TypeError: no such module here|Cannot find module 'app/unnamed.js'|SyntaxError|"
            "lazy later|");
  ratchet_task_free(task);

  /* The time-sharing runner on the host's loop: the loads are answered by
     the host's own work, later; the runner polls meanwhile. */
  RatchetRealm* second = ratchet_realm_new(rt);
  printed[0] = '\0';
  const char* src =
      "import { twice } from './math.js';\n"
      "const lazy = await import('./lazy.js');\n"
      "print(twice(5), lazy.default);";
  Done done = {0};
  task = ratchet_eval_module_async(second, src, strlen(src), "main.js", NULL, post_work, NULL, on_done, &done);
  CHECK(ratchet_task_is_async(task));
  CHECK(pending_count == 1 && done.calls == 0);
  int left = 2;
  post_host(answer_later, &left, 3);
  run_loop();
  CHECK(left == 0);
  CHECK(done.calls == 1 && done.kind == RATCHET_NORMAL);
  CHECK_STR(printed, "10 later|");
  CHECK(pending_count == 0);
  ratchet_task_free(task);
  done_reset(&done);
  ratchet_realm_free(second);

  /* A synchronous evaluation that ends up waiting is incomplete. */
  c = run_module(realm, "import './never.js';", "sync.js");
  CHECK(ratchet_completion_kind(c) == RATCHET_INCOMPLETE);
  ratchet_completion_free(c);
  CHECK(pending_count == 1);

  /* The runtime's handle may go first: a realm keeps the runtime, and
     its loads, alive. */
  RatchetRuntime* rt2 = ratchet_runtime_new();
  RatchetRealm* realm2 = ratchet_realm_new(rt2);
  int asked2 = 0;
  ratchet_runtime_set_async_module_loader(rt2, queue_load, NULL, &asked2);
  const char* v_src = "import { v } from './v.js'; globalThis.v = v;";
  RatchetTask* v_task = ratchet_task_new_module(realm2, v_src, strlen(v_src), "v_main.js");
  ratchet_task_run_to_completion(v_task, 0, 0);
  CHECK(ratchet_task_waiting(v_task) && pending_count == 2);
  ratchet_runtime_free(rt2);
  RatchetModuleLoad* never = pending_loads[0]; /* (never.js waits on) */
  pending_loads[0] = pending_loads[1];
  pending_count = 1;
  CHECK_STR(answer_next(1, "export const v = 5;"), "v.js");
  ratchet_task_run_to_completion(v_task, 0, 0);
  CHECK(ratchet_task_done(v_task));
  CHECK_EXPR(realm2, "v", "5");
  ratchet_task_free(v_task);
  ratchet_realm_free(realm2);
  pending_loads[0] = never;
  pending_count = 1;

  /* Answering once the runtime and everything of it is gone does nothing. */
  ratchet_realm_free(realm);
  ratchet_runtime_free(rt);
  answer_next(1, "export {};");
  CHECK(pending_count == 0);
}

/* ---- Asynchronous calls and constructs ---- */

static RatchetValue* global_get(RatchetRealm* realm, const char* name) {
  RatchetValue* global = ratchet_realm_global(realm);
  RatchetValue* v = NULL;
  CHECK(ratchet_value_get(global, name, &v) == RATCHET_NORMAL);
  ratchet_value_free(global);
  return v;
}

typedef struct {
  RatchetTask* task;
  int ticks;
} Ticker;

static void tick(void* arg) {
  Ticker* t = (Ticker*)arg;
  t->ticks++;
  if (!ratchet_task_done(t->task)) post_host(tick, t, 1);
}

static void test_call_async(void) {
  RatchetRuntime* rt;
  RatchetRealm* realm = test_realm(&rt);
  const char* setup =
      "function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }\n"
      "function who(greeting) { return greeting + ', ' + this.name; }\n"
      "function spin() { for (;;) {} }\n"
      "function thrower() { throw new RangeError('bad call'); }\n"
      "var Point = class { constructor(x, y) { this.x = x; this.y = y; } };\n"
      "var arrow = () => 1;";
  RatchetCompletion* c = ratchet_eval_script_sync(realm, setup, strlen(setup), "setup.js", 0, 0);
  CHECK(ratchet_completion_kind(c) == RATCHET_NORMAL);
  ratchet_completion_free(c);
  RatchetValue* fib = global_get(realm, "fib");
  RatchetValue* who = global_get(realm, "who");
  RatchetValue* spin = global_get(realm, "spin");
  RatchetValue* thrower = global_get(realm, "thrower");
  RatchetValue* point = global_get(realm, "Point");
  RatchetValue* arrow = global_get(realm, "arrow");

  /* A call that takes many slices. */
  RatchetValue* n = ratchet_value_new_number(20);
  const RatchetValue* args1[] = {n};
  RatchetTimeSharing sharing = {1000, 0, 0, 0};
  Done done = {0};
  works_posted = 0;
  RatchetTask* task = ratchet_realm_call_async(realm, fib, NULL, 1, args1, &sharing, post_work, NULL, on_done, &done);
  CHECK(task != NULL);
  CHECK(done.calls == 0 && !ratchet_task_done(task));
  CHECK(ratchet_task_is_async(task));
  run_loop();
  CHECK(done.calls == 1 && done.kind == RATCHET_NORMAL);
  CHECK_STR(done.value, "6765");
  CHECK(ratchet_value_number(done.handle) == 6765);
  CHECK(works_posted > 10);
  ratchet_task_free(task);
  ratchet_value_free(n);

  /* this and arguments reach the function. */
  RatchetValue* self = ratchet_realm_parse_json(realm, "{\"name\": \"Ada\"}", 15);
  RatchetValue* hello = ratchet_realm_new_string(realm, "hello", 5);
  const RatchetValue* args2[] = {hello};
  done_reset(&done);
  task = ratchet_realm_call_async(realm, who, self, 1, args2, NULL, post_work, NULL, on_done, &done);
  run_loop();
  CHECK(done.calls == 1);
  CHECK_STR(done.value, "hello, Ada");
  ratchet_task_free(task);
  ratchet_value_free(self);
  ratchet_value_free(hello);

  /* A thrown error is the completion. */
  done_reset(&done);
  task = ratchet_realm_call_async(realm, thrower, NULL, 0, NULL, NULL, post_work, NULL, on_done, &done);
  run_loop();
  CHECK(done.calls == 1 && done.kind == RATCHET_JS_EXCEPTION);
  CHECK_STR(done.message, "bad call");
  CHECK(ratchet_value_is_error(done.handle));
  ratchet_task_free(task);

  /* A function that never returns is stopped by the time limit, while the
     host's own work keeps running in between. */
  RatchetTimeSharing limited = {2000, 0, 50, 0};
  done_reset(&done);
  double began = now_ms();
  task = ratchet_realm_call_async(realm, spin, NULL, 0, NULL, &limited, post_work, NULL, on_done, &done);
  Ticker ticker = {task, 0};
  post_host(tick, &ticker, 1);
  run_loop();
  CHECK(done.calls == 1 && done.kind == RATCHET_TIME_LIMIT);
  CHECK_STR(done.message, "the time limit was reached");
  CHECK(now_ms() - began >= 50);
  CHECK(ticker.ticks >= 3);
  CHECK(ratchet_task_aborted(task));
  ratchet_task_free(task);

  /* new Point(3, 4) */
  RatchetValue* three = ratchet_value_new_number(3);
  RatchetValue* four = ratchet_value_new_number(4);
  const RatchetValue* args3[] = {three, four};
  done_reset(&done);
  task = ratchet_realm_construct_async(realm, point, 2, args3, &sharing, post_work, NULL, on_done, &done);
  run_loop();
  CHECK(done.calls == 1 && done.kind == RATCHET_NORMAL);
  CHECK(ratchet_value_type(done.handle) == RATCHET_OBJECT);
  RatchetValue* y = NULL;
  CHECK(ratchet_value_get(done.handle, "y", &y) == RATCHET_NORMAL);
  CHECK(ratchet_value_number(y) == 4);
  ratchet_value_free(y);
  char* dumped = ratchet_value_dump(done.handle);
  CHECK_STR(dumped, "{\"x\": 3, \"y\": 4}");
  if (strcmp(dumped, "{\"x\": 3, \"y\": 4}") != 0) fprintf(stderr, "  dump: %s\n", dumped);
  ratchet_free(dumped);
  ratchet_task_free(task);
  ratchet_value_free(three);
  ratchet_value_free(four);

  /* An arrow function is no constructor: a TypeError. */
  done_reset(&done);
  task = ratchet_realm_construct_async(realm, arrow, 0, NULL, NULL, post_work, NULL, on_done, &done);
  run_loop();
  CHECK(done.calls == 1 && done.kind == RATCHET_JS_EXCEPTION);
  CHECK_STR(done.error_name, "TypeError");
  CHECK_STR(done.message, "not a constructor");
  ratchet_task_free(task);

  /* Expressions. */
  done_reset(&done);
  task = ratchet_eval_expression_async(realm, "fib(10) + 1", 11, "e.js", NULL, post_work, NULL, on_done, &done);
  run_loop();
  CHECK(done.calls == 1);
  CHECK_STR(done.value, "56");
  CHECK(ratchet_task_is_async(task));
  ratchet_task_free(task);
  done_reset(&done);
  task = ratchet_eval_expression_async(realm, "var x = 1;", 10, "e.js", NULL, post_work, NULL, on_done, &done);
  CHECK(done.calls == 1 && done.kind == RATCHET_SYNTAX_ERROR);
  ratchet_task_free(task);
  done_reset(&done);

  /* Refused without a realm or an executor. */
  CHECK(ratchet_realm_call_async(NULL, fib, NULL, 0, NULL, NULL, post_work, NULL, NULL, NULL) == NULL);
  CHECK(ratchet_realm_call_async(realm, fib, NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL) == NULL);
  CHECK(ratchet_realm_construct_async(realm, point, 0, NULL, NULL, NULL, NULL, NULL, NULL) == NULL);
  CHECK(ratchet_eval_expression_async(realm, "1", 1, NULL, NULL, NULL, NULL, NULL, NULL) == NULL);

  ratchet_value_free(fib);
  ratchet_value_free(who);
  ratchet_value_free(spin);
  ratchet_value_free(thrower);
  ratchet_value_free(point);
  ratchet_value_free(arrow);
  ratchet_realm_free(realm);
  ratchet_runtime_free(rt);
}

/* ---- Pending jobs ---- */

static void test_pending_jobs(void) {
  RatchetRuntime* rt;
  RatchetRealm* realm = test_realm(&rt);
  CHECK(ratchet_runtime_has_pending_job(rt) == 0);
  RatchetCompletion* c = ratchet_realm_execute_pending_jobs(realm, 0, 0);
  CHECK(ratchet_completion_kind(c) == RATCHET_NORMAL); /* nothing to do */
  ratchet_completion_free(c);
  const char* src =
      "var cleaned = []; var registry = new FinalizationRegistry(h => cleaned.push(h));\n"
      "(function () { for (let i = 0; i < 3; i++) registry.register({}, 'held' + i); })();";
  c = ratchet_eval_script_sync(realm, src, strlen(src), "fr.js", 0, 0);
  CHECK(ratchet_completion_kind(c) == RATCHET_NORMAL);
  ratchet_completion_free(c);
  CHECK(ratchet_runtime_has_pending_job(rt) == 0);
  ratchet_runtime_run_gc(rt); /* the objects die: their cleanup job waits outside any task */
  CHECK(ratchet_runtime_has_pending_job(rt) == 1);
  c = ratchet_realm_execute_pending_jobs(realm, 0, 0);
  CHECK(ratchet_completion_kind(c) == RATCHET_NORMAL);
  ratchet_completion_free(c);
  CHECK(ratchet_runtime_has_pending_job(rt) == 0);
  CHECK_EXPR(realm, "cleaned.sort().join()", "held0,held1,held2");

  /* Under limits: a cleanup that never ends is stopped; one that throws
     is the completion. */
  src = "var r2 = new FinalizationRegistry(() => { for (;;) {} }); (function () { r2.register({}, 1); })();";
  c = ratchet_eval_script_sync(realm, src, strlen(src), "fr2.js", 0, 0);
  ratchet_completion_free(c);
  ratchet_runtime_run_gc(rt);
  CHECK(ratchet_runtime_has_pending_job(rt) == 1);
  c = ratchet_realm_execute_pending_jobs(realm, 10000, 0);
  CHECK(ratchet_completion_kind(c) == RATCHET_STEP_LIMIT);
  ratchet_completion_free(c);
  src = "var r3 = new FinalizationRegistry(() => { for (;;) {} }); (function () { r3.register({}, 1); })();";
  c = ratchet_eval_script_sync(realm, src, strlen(src), "fr3.js", 0, 0);
  ratchet_completion_free(c);
  ratchet_runtime_run_gc(rt);
  CHECK(ratchet_runtime_has_pending_job(rt) == 1);
  double began = now_ms();
  c = ratchet_realm_execute_pending_jobs(realm, 0, 30);
  CHECK(ratchet_completion_kind(c) == RATCHET_TIME_LIMIT);
  CHECK(now_ms() - began >= 30);
  ratchet_completion_free(c);
  CHECK(ratchet_runtime_has_pending_job(rt) == 0);
  CHECK(ratchet_realm_execute_pending_jobs(NULL, 0, 0) == NULL);
  ratchet_realm_free(realm);
  ratchet_runtime_free(rt);
}

/* ---- Task introspection ---- */

static void test_location_and_stack(RatchetRealm* realm) {
  const char* src =
      "function inner(a) {\n"  /* 1 */
      "  return a + 1;\n"      /* 2 */
      "}\n"                    /* 3 */
      "function outer() {\n"   /* 4 */
      "  let v = inner(1);\n"  /* 5 */
      "  return v;\n"          /* 6 */
      "}\n"                    /* 7 */
      "var r = 0;\n"           /* 8 */
      "r = outer();\n"         /* 9 */
      "r + 10;\n";             /* 10 */
  RatchetTask* task = ratchet_task_new_script(realm, src, strlen(src), "steps.js");
  CHECK(!ratchet_task_is_async(task));
  int seen_top[12] = {0};
  int seen_inner = 0, seen_outer = 0, stack_ok = 0;
  int steps = 0;
  while (ratchet_task_step(task) && steps < 10000) {
    ++steps;
    RatchetStackFrame* at = ratchet_task_location(task);
    CHECK(at != NULL);
    if (at == NULL) break;
    if (at->function[0] == '\0' && at->line < 12) seen_top[at->line] = 1;
    if (strcmp(at->function, "outer") == 0) seen_outer = at->line;
    if (strcmp(at->function, "inner") == 0) {
      seen_inner = at->line;
      size_t count = 0;
      RatchetStackFrame* stack = ratchet_task_stack(task, &count);
      if (count == 3 && strcmp(stack[0].function, "inner") == 0 && stack[0].line == 2 &&
          strcmp(stack[1].function, "outer") == 0 && stack[1].line == 5 && stack[2].function[0] == '\0' &&
          stack[2].line == 9 && strcmp(stack[2].file, "steps.js") == 0 && stack[0].column > 0) {
        stack_ok = 1;
      }
      ratchet_stack_free(stack, count);
    }
    ratchet_stack_free(at, 1);
  }
  CHECK(ratchet_task_done(task));
  CHECK(seen_inner == 2);
  CHECK(seen_outer == 5 || seen_outer == 6);
  CHECK(stack_ok);
  CHECK(seen_top[8] && seen_top[9] && seen_top[10]);
  CHECK(!seen_top[2] && !seen_top[5]);
  /* Done: no frame. */
  size_t count = 99;
  CHECK(ratchet_task_stack(task, &count) == NULL);
  CHECK(count == 0);
  RatchetStackFrame* at = ratchet_task_location(task);
  CHECK(at != NULL && at->line == 0 && at->function[0] == '\0');
  ratchet_stack_free(at, 1);
  RatchetCompletion* c = ratchet_task_completion(task);
  CHECK_STR(ratchet_completion_value(c), "12");
  ratchet_completion_free(c);
  ratchet_task_free(task);
}

static void test_task_types_and_aborts(RatchetRealm* realm) {
  const char* src = "Promise.resolve().then(() => { for (;;) {} }); 'script over'";
  RatchetTask* task = ratchet_task_new_script(realm, src, strlen(src), "types.js");
  CHECK(ratchet_task_current_type(task) == RATCHET_MACROTASK);
  uint64_t script_id = ratchet_task_current_id(task);
  CHECK(script_id != 0);
  ratchet_task_run(task, 1000);
  CHECK(ratchet_task_current_type(task) == RATCHET_MICROTASK); /* in the job's loop */
  CHECK(ratchet_task_current_id(task) != script_id);
  CHECK(ratchet_task_current_id(task) != 0);
  CHECK(!ratchet_task_aborted(task));
  ratchet_task_abort_with_kind(task, "out of budget", RATCHET_STEP_LIMIT);
  CHECK(ratchet_task_done(task));
  CHECK(ratchet_task_aborted(task));
  RatchetCompletion* c = ratchet_task_completion(task);
  CHECK(ratchet_completion_kind(c) == RATCHET_STEP_LIMIT);
  CHECK_STR(ratchet_completion_error_message(c), "out of budget");
  ratchet_completion_free(c);
  ratchet_task_free(task);

  task = ratchet_task_new_script(realm, "for (;;) {}", 11, "spin.js");
  ratchet_task_run(task, 100);
  ratchet_task_abort_with_kind(task, "too slow", RATCHET_TIME_LIMIT);
  c = ratchet_task_completion(task);
  CHECK(ratchet_completion_kind(c) == RATCHET_TIME_LIMIT);
  ratchet_completion_free(c);
  ratchet_task_free(task);
  task = ratchet_task_new_script(realm, "for (;;) {}", 11, "spin.js");
  ratchet_task_abort_with_kind(task, "other", RATCHET_NORMAL); /* any other kind: an abort */
  c = ratchet_task_completion(task);
  CHECK(ratchet_completion_kind(c) == RATCHET_TASK_ABORTED);
  CHECK(ratchet_task_aborted(task));
  ratchet_completion_free(c);
  ratchet_task_free(task);

  /* A finished task was not aborted. */
  task = ratchet_task_new_script(realm, "1", 1, "one.js");
  ratchet_task_run_to_completion(task, 0, 0);
  CHECK(ratchet_task_done(task) && !ratchet_task_aborted(task));
  ratchet_task_free(task);

  /* run_to_completion under a step limit. */
  task = ratchet_task_new_script(realm, "for (;;) {}", 11, "spin.js");
  ratchet_task_run_to_completion(task, 5000, 0);
  CHECK(ratchet_task_done(task));
  CHECK(ratchet_task_steps(task) == 5000);
  c = ratchet_task_completion(task);
  CHECK(ratchet_completion_kind(c) == RATCHET_STEP_LIMIT);
  ratchet_completion_free(c);
  ratchet_task_free(task);

  /* on_done: once, when the task finishes; at once when it has. */
  Done first = {0}, second = {0}, late = {0};
  const char* sum = "let k = 0; for (let i = 0; i < 100; i++) k += i; k";
  task = ratchet_task_new_script(realm, sum, strlen(sum), "k.js");
  ratchet_task_on_done(task, on_done, &first);
  ratchet_task_on_done(task, on_done, &second);
  ratchet_task_run(task, 10);
  CHECK(first.calls == 0);
  ratchet_task_run_to_completion(task, 0, 0);
  CHECK(first.calls == 1 && second.calls == 1);
  CHECK_STR(first.value, "4950");
  ratchet_task_on_done(task, on_done, &late);
  CHECK(late.calls == 1);
  CHECK_STR(late.value, "4950");
  ratchet_task_run_to_completion(task, 0, 0);
  CHECK(first.calls == 1);
  ratchet_task_free(task);
  done_reset(&first);
  done_reset(&second);
  done_reset(&late);
}

/* ---- Evaluation options, syntax checks, module tasks ---- */

static void test_eval_options(RatchetRealm* realm) {
  RatchetEvalOptions strict = {"strict.js", 1, 0, 0};
  RatchetCompletion* c = ratchet_eval_sync(realm, RATCHET_SOURCE_SCRIPT, "undeclared = 1", 14, &strict);
  CHECK(ratchet_completion_kind(c) == RATCHET_JS_EXCEPTION);
  CHECK_STR(ratchet_completion_error_name(c), "ReferenceError");
  ratchet_completion_free(c);
  c = ratchet_eval_sync(realm, RATCHET_SOURCE_SCRIPT, "sloppyGlobal = 1", 16, NULL);
  CHECK(ratchet_completion_kind(c) == RATCHET_NORMAL);
  ratchet_completion_free(c);
  const char* this_src = "(function () { return typeof this; })()";
  c = ratchet_eval_sync(realm, RATCHET_SOURCE_EXPRESSION, this_src, strlen(this_src), &strict);
  CHECK_STR(ratchet_completion_value(c), "undefined");
  ratchet_completion_free(c);
  c = ratchet_eval_sync(realm, RATCHET_SOURCE_EXPRESSION, this_src, strlen(this_src), NULL);
  CHECK_STR(ratchet_completion_value(c), "object");
  ratchet_completion_free(c);
  c = ratchet_eval_sync(realm, RATCHET_SOURCE_SCRIPT, "with ({}) {}", 12, &strict);
  CHECK(ratchet_completion_kind(c) == RATCHET_SYNTAX_ERROR);
  CHECK_STR(ratchet_completion_file(c), "strict.js");
  ratchet_completion_free(c);
  RatchetEvalOptions limited = {NULL, 0, 1000, 0};
  c = ratchet_eval_sync(realm, RATCHET_SOURCE_SCRIPT, "for (;;) {}", 11, &limited);
  CHECK(ratchet_completion_kind(c) == RATCHET_STEP_LIMIT);
  ratchet_completion_free(c);
  c = ratchet_eval_sync(realm, RATCHET_SOURCE_MODULE, "globalThis.fromModule = typeof this;", 36, NULL);
  CHECK(ratchet_completion_kind(c) == RATCHET_NORMAL);
  ratchet_completion_free(c);
  CHECK_EXPR(realm, "fromModule", "undefined");
  CHECK(ratchet_eval_sync(realm, 7, "1", 1, NULL) == NULL);
  CHECK(ratchet_eval_sync(realm, -1, "1", 1, NULL) == NULL);
  CHECK(ratchet_eval_sync(NULL, RATCHET_SOURCE_SCRIPT, "1", 1, NULL) == NULL);

  c = ratchet_realm_compile_only(realm, "var ok = 1;\nlet let = 2;", 24, "bad.js");
  CHECK(ratchet_completion_kind(c) == RATCHET_SYNTAX_ERROR);
  CHECK_STR(ratchet_completion_file(c), "bad.js");
  CHECK(ratchet_completion_line(c) == 2);
  ratchet_completion_free(c);
  c = ratchet_realm_compile_only(realm, "globalThis.compiled = 1;", 24, NULL);
  CHECK(ratchet_completion_kind(c) == RATCHET_NORMAL);
  ratchet_completion_free(c);
  CHECK_EXPR(realm, "typeof compiled", "undefined"); /* nothing ran */
  const char* mod = "import { a } from './nowhere.js';\nexport { a };";
  c = ratchet_realm_check_module_syntax(realm, mod, strlen(mod), "m.js");
  CHECK(ratchet_completion_kind(c) == RATCHET_NORMAL); /* nothing loaded */
  ratchet_completion_free(c);
  c = ratchet_realm_check_module_syntax(realm, "export default default;", 23, "m.js");
  CHECK(ratchet_completion_kind(c) == RATCHET_SYNTAX_ERROR);
  CHECK_STR(ratchet_completion_file(c), "m.js");
  ratchet_completion_free(c);

  /* A module as a task the host steps. */
  const char* src = "globalThis.moduleSteps = await Promise.resolve(7) * 6;";
  RatchetTask* task = ratchet_task_new_module(realm, src, strlen(src), "task.mjs");
  CHECK(!ratchet_task_done(task));
  CHECK(ratchet_task_step(task) == 1);
  ratchet_task_run_to_completion(task, 0, 0);
  CHECK(ratchet_task_done(task));
  c = ratchet_task_completion(task);
  CHECK(ratchet_completion_kind(c) == RATCHET_NORMAL);
  ratchet_completion_free(c);
  ratchet_task_free(task);
  CHECK_EXPR(realm, "moduleSteps", "42");
  task = ratchet_task_new_module(realm, "export let = 1;", 15, "bad.mjs");
  CHECK(ratchet_task_done(task));
  c = ratchet_task_completion(task);
  CHECK(ratchet_completion_kind(c) == RATCHET_SYNTAX_ERROR);
  ratchet_completion_free(c);
  ratchet_task_free(task);
}

/* ---- Task runners from C ---- */

static RatchetTask* runner_tasks[8];
static int runner_task_count = 0;
static int sync_runner_calls = 0;

/* An asynchronous runner: a first slice of 100 steps now, the rest from
   the host's loop (drive_runner_tasks). */
static void slice_runner(void* opaque, RatchetTask* task) {
  (void)opaque;
  ratchet_task_run(task, 100);
  if (runner_task_count < 8) {
    runner_tasks[runner_task_count++] = task;
  } else {
    ratchet_task_free(task);
  }
}
static void drive_runner_tasks(void) {
  for (int i = 0; i < runner_task_count; ++i) {
    while (!ratchet_task_done(runner_tasks[i])) ratchet_task_run(runner_tasks[i], 100);
    ratchet_task_free(runner_tasks[i]);
  }
  runner_task_count = 0;
}
/* A synchronous runner with a deterministic budget: 5,000 steps, then abort. */
static void budget_runner(void* opaque, RatchetTask* task) {
  (void)opaque;
  ++sync_runner_calls;
  ratchet_task_run(task, 5000);
  if (!ratchet_task_done(task)) ratchet_task_abort_with_kind(task, "budget spent", RATCHET_STEP_LIMIT);
  ratchet_task_free(task);
}
/* A synchronous runner that breaks the rule: returns with the task unfinished. */
static void lazy_runner(void* opaque, RatchetTask* task) {
  (void)opaque;
  ratchet_task_step(task);
  ratchet_task_free(task);
}

static void test_runners(void) {
  RatchetRuntime* rt;
  RatchetRealm* realm = test_realm(&rt);
  /* (A block: the script runs twice in the realm.) */
  const char* loop = "{ let s = 0; for (let i = 0; i < 3000; i++) s += i; s }";
  RatchetEvalOptions sliced = {"sliced.js", 0, 0, 0, slice_runner, NULL};
  RatchetTask* task = ratchet_eval_async(realm, RATCHET_SOURCE_SCRIPT, loop, strlen(loop), &sliced);
  CHECK(task != NULL && !ratchet_task_done(task));
  CHECK(ratchet_task_steps(task) == 100); /* the runner's first slice, nothing more */
  CHECK(runner_task_count == 1);
  drive_runner_tasks();
  CHECK(ratchet_task_done(task));
  RatchetCompletion* c = ratchet_task_completion(task);
  CHECK_STR(ratchet_completion_value(c), "4498500");
  ratchet_completion_free(c);
  ratchet_task_free(task);

  /* Without a runner: a run to completion within the limits. */
  RatchetEvalOptions limited = {NULL, 0, 1000, 0};
  task = ratchet_eval_async(realm, RATCHET_SOURCE_EXPRESSION, "6 * 7", 5, &limited);
  CHECK(ratchet_task_done(task));
  c = ratchet_task_completion(task);
  CHECK_STR(ratchet_completion_value(c), "42");
  ratchet_completion_free(c);
  ratchet_task_free(task);
  task = ratchet_eval_async(realm, RATCHET_SOURCE_SCRIPT, "for (;;) {}", 11, &limited);
  c = ratchet_task_completion(task);
  CHECK(ratchet_completion_kind(c) == RATCHET_STEP_LIMIT);
  ratchet_completion_free(c);
  ratchet_task_free(task);
  CHECK(ratchet_eval_async(realm, 9, "1", 1, NULL) == NULL);

  /* A synchronous runner per evaluation, then as the realm's default. */
  RatchetEvalOptions budget = {NULL, 0, 0, 0, budget_runner, NULL};
  c = ratchet_eval_sync(realm, RATCHET_SOURCE_SCRIPT, "for (;;) {}", 11, &budget);
  CHECK(ratchet_completion_kind(c) == RATCHET_STEP_LIMIT);
  CHECK(sync_runner_calls == 1);
  ratchet_completion_free(c);
  ratchet_realm_set_default_runners(realm, slice_runner, NULL, budget_runner, NULL);
  c = ratchet_eval_script_sync(realm, "1 + 1", 5, "d.js", 0, 0);
  CHECK_STR(ratchet_completion_value(c), "2");
  CHECK(sync_runner_calls == 2);
  ratchet_completion_free(c);
  c = ratchet_eval_script_sync(realm, "while (true) {}", 15, "d.js", 0, 0);
  CHECK(ratchet_completion_kind(c) == RATCHET_STEP_LIMIT);
  CHECK(sync_runner_calls == 3);
  ratchet_completion_free(c);
  task = ratchet_eval_async(realm, RATCHET_SOURCE_SCRIPT, loop, strlen(loop), NULL); /* the default async runner */
  CHECK(runner_task_count == 1 && !ratchet_task_done(task));
  drive_runner_tasks();
  CHECK(ratchet_task_done(task));
  c = ratchet_task_completion(task);
  CHECK_STR(ratchet_completion_value(c), "4498500");
  ratchet_completion_free(c);
  ratchet_task_free(task);
  ratchet_realm_set_default_runners(realm, NULL, NULL, lazy_runner, NULL);
  c = ratchet_eval_script_sync(realm, "let a = 1; a + 1", 16, "lazy.js", 0, 0);
  CHECK(ratchet_completion_kind(c) == RATCHET_SYNCHRONOUS_TASK_INCOMPLETE);
  ratchet_completion_free(c);
  ratchet_realm_set_default_runners(realm, NULL, NULL, NULL, NULL);
  c = ratchet_eval_script_sync(realm, "3", 1, "plain.js", 0, 0);
  CHECK_STR(ratchet_completion_value(c), "3");
  ratchet_completion_free(c);

  /* Exhausted limits are kinds of their own. */
  c = ratchet_eval_script_sync(realm, "function f() { return f(); } f()", 32, "deep.js", 0, 0);
  CHECK(ratchet_completion_kind(c) == RATCHET_STACK_OVERFLOW);
  CHECK_STR(ratchet_completion_error_name(c), "RangeError");
  ratchet_completion_free(c);
  ratchet_runtime_set_memory_limit(rt, ratchet_runtime_memory_used(rt) + (4u << 20));
  const char* bomb = "(() => { const a = []; for (;;) a.push([a.length]); })()";
  c = ratchet_eval_script_sync(realm, bomb, strlen(bomb), "bomb.js", 0, 0);
  CHECK(ratchet_completion_kind(c) == RATCHET_OUT_OF_MEMORY);
  CHECK_STR(ratchet_completion_error_message(c), "out of memory");
  ratchet_completion_free(c);
  c = ratchet_eval_script_sync(realm, "[1, 2].join()", 13, "after.js", 0, 0);
  CHECK_STR(ratchet_completion_value(c), "1,2");
  ratchet_completion_free(c);
  ratchet_realm_free(realm);
  ratchet_runtime_free(rt);
}

/* ---- Memory usage ---- */

static RatchetSettler* held_settler = NULL;
static void hold(void* opaque, const RatchetHostCall* call, RatchetSettler* settler) {
  (void)opaque;
  (void)call;
  held_settler = settler;
}

static void test_memory_usage(void) {
  RatchetRuntime* rt;
  RatchetRealm* realm = test_realm(&rt);
  RatchetMemoryUsage before;
  memset(&before, 0xff, sizeof before);
  ratchet_runtime_compute_memory_usage(rt, &before);
  CHECK(before.limit == 64u << 20);
  CHECK(before.used > 0 && before.used == ratchet_runtime_memory_used(rt));
  CHECK(before.objects.count > 0 && before.objects.bytes > before.objects.count);
  CHECK(before.functions.count > 100); /* the built-ins */
  CHECK(before.strings.count > 0 && before.atoms.count > 0);
  CHECK(before.atoms.count <= before.strings.count && before.atoms.bytes <= before.strings.bytes);
  CHECK(before.shapes.count > 0);
  CHECK(before.other.count > 0); /* the realm */
  CHECK(before.tasks == 0);
  CHECK(before.pending_host_calls == 0);
  size_t categories = before.objects.bytes + before.arrays.bytes + before.functions.bytes + before.array_buffers.bytes +
                      before.strings.bytes + before.symbols.bytes + before.bigints.bytes + before.shapes.bytes +
                      before.bytecode.bytes + before.environments.bytes + before.source_text.bytes +
                      before.other.bytes;
  CHECK(categories > before.used / 4 && categories <= before.used * 2);

  const char* src =
      "globalThis.keep = [];\n"
      "for (let i = 0; i < 20000; i++) keep.push({ i });\n"
      "globalThis.buf = new ArrayBuffer(1 << 20);\n"
      "globalThis.big = 2n ** 200n;\n"
      "globalThis.text = 'x'.repeat(100000) + 'y';";
  RatchetCompletion* c = ratchet_eval_script_sync(realm, src, strlen(src), "alloc.js", 0, 0);
  CHECK(ratchet_completion_kind(c) == RATCHET_NORMAL);
  ratchet_completion_free(c);
  RatchetMemoryUsage after;
  ratchet_runtime_compute_memory_usage(rt, &after);
  CHECK(after.objects.count >= before.objects.count + 20000);
  CHECK(after.objects.bytes > before.objects.bytes + 20000 * 16);
  CHECK(after.arrays.bytes >= before.arrays.bytes + 20000 * 8);
  CHECK(after.array_buffers.bytes >= before.array_buffers.bytes + (1u << 20));
  CHECK(after.bigints.count > before.bigints.count);
  CHECK(after.strings.bytes >= before.strings.bytes + 100000);
  CHECK(after.source_text.bytes > before.source_text.bytes);
  CHECK(after.bytecode.count > before.bytecode.count);
  CHECK(after.used > before.used + (1u << 20));

  /* Dropped and collected: the count goes down, collections up. */
  c = ratchet_eval_script_sync(realm, "keep = null; buf = null;", 24, "drop.js", 0, 0);
  ratchet_completion_free(c);
  ratchet_runtime_run_gc(rt);
  RatchetMemoryUsage collected;
  ratchet_runtime_compute_memory_usage(rt, &collected);
  CHECK(collected.collections > after.collections);
  CHECK(collected.objects.count + 20000 <= after.objects.count);
  CHECK(collected.array_buffers.bytes + (1u << 20) <= after.array_buffers.bytes);
  CHECK(collected.used < after.used);

  /* Live tasks and pending asynchronous host calls. */
  CHECK(ratchet_realm_define_async_function(realm, "hold", hold, NULL) == 1);
  RatchetTask* task = ratchet_task_new_script(realm, "hold(); 1", 9, "hold.js");
  ratchet_task_run(task, 1000);
  CHECK(ratchet_task_waiting(task));
  RatchetMemoryUsage waiting;
  ratchet_runtime_compute_memory_usage(rt, &waiting);
  CHECK(waiting.tasks == 1);
  CHECK(waiting.pending_host_calls == 1);
  ratchet_settler_resolve_undefined(held_settler);
  ratchet_settler_free(held_settler);
  ratchet_task_run_to_completion(task, 0, 0);
  CHECK(ratchet_task_done(task));
  ratchet_task_free(task);
  ratchet_runtime_compute_memory_usage(rt, &waiting);
  CHECK(waiting.tasks == 0 && waiting.pending_host_calls == 0);

  ratchet_runtime_compute_memory_usage(rt, NULL); /* nothing to fill */
  ratchet_realm_free(realm);
  ratchet_runtime_free(rt);
}

/* ---- The debug log ---- */

static char log_text[8192];
static int log_lines = 0;
static void on_log(void* opaque, const char* line) {
  ++*(int*)opaque;
  ++log_lines;
  strncat(log_text, line, sizeof log_text - strlen(log_text) - 2);
  strcat(log_text, "\n");
}

static void test_debug_log(void) {
  RatchetRuntime* rt = ratchet_runtime_new();
  int calls = 0;
  log_text[0] = '\0';
  ratchet_runtime_set_debug_log(rt, on_log, &calls);
  RatchetRealm* realm = ratchet_realm_new(rt);
  RatchetCompletion* c = ratchet_eval_script_sync(realm, "var a = [1, 2]; a.length", 24, "log.js", 0, 0);
  ratchet_completion_free(c);
  c = ratchet_eval_script_sync(realm, "for (;;) {}", 11, "spin.js", 100, 0);
  ratchet_completion_free(c);
  ratchet_runtime_run_gc(rt);
  ratchet_realm_free(realm);
  CHECK(calls == log_lines && calls >= 6);
  CHECK(strstr(log_text, " created (") != NULL);
  CHECK(strstr(log_text, " started: script log.js") != NULL);
  CHECK(strstr(log_text, " done: normal after ") != NULL);
  CHECK(strstr(log_text, " done: Stopped: the step limit was reached after 100 steps") != NULL);
  CHECK(strstr(log_text, "gc: ") != NULL);
  CHECK(strstr(log_text, " destroyed") != NULL);
  /* Off: nothing more. */
  ratchet_runtime_set_debug_log(rt, NULL, NULL);
  int n = calls;
  realm = ratchet_realm_new(rt);
  c = ratchet_eval_script_sync(realm, "1", 1, NULL, 0, 0);
  ratchet_completion_free(c);
  ratchet_realm_free(realm);
  CHECK(calls == n);
  ratchet_runtime_free(rt);
}

int main(void) {
  test_module_loader();
  test_async_module_loader();
  test_call_async();
  test_pending_jobs();
  RatchetRuntime* rt;
  RatchetRealm* realm = test_realm(&rt);
  test_location_and_stack(realm);
  test_task_types_and_aborts(realm);
  test_eval_options(realm);
  ratchet_realm_free(realm);
  ratchet_runtime_free(rt);
  test_memory_usage();
  test_debug_log();
  test_runners();
  return CHECK_RESULT("c_host_test");
}
