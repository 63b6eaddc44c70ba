/* Modules, asynchronous calls and task introspection from C (api/ratchet_c.h).

   1. A synchronous loader over an in-memory file table, with a normalizer
      mapping "@lib/..." to "lib/..." and a host-built module.
   2. An asynchronous loader: each load is "fetched" by the host's own
      event loop a few milliseconds later, while the module evaluates under
      the time-sharing runner on that loop.
   3. A function of the sandbox called on the loop (ratchet_realm_call_async).
   4. A task stepped by the host, printing its call stack once.
     bazel-bin/examples/modules_c */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "api/ratchet_c.h"

static const char* const kFiles[][2] = {
    {"lib/math.js", "export const square = (x) => x * x;\nexport function sum(...xs) { return xs.reduce((a, b) => a + b, 0); }"},
    {"lib/words.js", "export default ['alpha', 'beta', 'gamma'];"},
    {"app/main.js",
     "import { square } from '@lib/math.js';\n"
     "import { version, greet } from 'host:info';\n"
     "print(greet('modules'), 'on', version, '- square(12) =', square(12));\n"
     "try { await import('./missing.js'); } catch (e) { print('caught:', e.name, e.message); }\n"
     "const words = await import('@lib/words.js');\n"
     "print('words:', words.default.join(' '));"},
};

static const char* find_file(const char* name) {
  for (size_t i = 0; i < sizeof kFiles / sizeof kFiles[0]; ++i) {
    if (strcmp(kFiles[i][0], name) == 0) return kFiles[i][1];
  }
  return NULL;
}

static void greet(void* opaque, RatchetHostCall* call) {
  (void)opaque;
  char text[128];
  snprintf(text, sizeof text, "hello, %s,", ratchet_call_arg_string(call, 0));
  ratchet_call_return_string(call, text);
}

/* ---- 1. The synchronous loader ---- */

static void normalize(void* opaque, const char* specifier, const char* referrer, RatchetModuleAnswer* answer) {
  (void)opaque;
  if (strncmp(specifier, "@lib/", 5) == 0) {
    char name[256];
    snprintf(name, sizeof name, "lib/%s", specifier + 5);
    ratchet_module_answer_name(answer, name);
    return;
  }
  char* name = ratchet_module_resolve_path(specifier, referrer); /* "./x" against the referrer */
  ratchet_module_answer_name(answer, name);
  ratchet_free(name);
}

static void load(void* opaque, const char* name, RatchetModuleAnswer* answer) {
  (void)opaque;
  if (strcmp(name, "host:info") == 0) {
    RatchetHostModule* info = ratchet_host_module_new();
    ratchet_host_module_add_string(info, "version", "1.0");
    ratchet_host_module_add_function(info, "greet", greet, NULL);
    ratchet_module_answer_host(answer, info); /* copied */
    ratchet_host_module_free(info);
    return;
  }
  const char* text = find_file(name);
  if (text != NULL) {
    ratchet_module_answer_source(answer, text, strlen(text));
  } else {
    char message[128];
    snprintf(message, sizeof message, "no file named %s", name);
    ratchet_module_answer_error(answer, message);
  }
}

/* ---- The host's event loop: runner slices and the host's own jobs ---- */

static double now_ms(void) {
  struct timespec ts;
  timespec_get(&ts, TIME_UTC);
  return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

typedef struct {
  RatchetWork* work;      /* a slice the runner posted, or */
  RatchetModuleLoad* load; /* a "fetch" to answer */
  double due;
} Job;

static Job jobs[64];
static int job_count = 0;

static void add_job(Job job) {
  if (job_count == (int)(sizeof jobs / sizeof jobs[0])) abort(); /* (an example: a fixed queue) */
  jobs[job_count++] = job;
}

static void post(void* opaque, RatchetWork* work, uint64_t delay_ms) {
  (void)opaque;
  add_job((Job){work, NULL, now_ms() + (double)delay_ms});
}

static void run_loop(void) {
  while (job_count > 0) {
    int next = 0;
    for (int i = 1; i < job_count; ++i) {
      if (jobs[i].due < jobs[next].due) next = i;
    }
    if (jobs[next].due > now_ms()) continue;
    Job job = jobs[next];
    jobs[next] = jobs[--job_count];
    if (job.work != NULL) {
      ratchet_work_run(job.work);
      ratchet_work_free(job.work);
      continue;
    }
    const char* name = ratchet_module_load_name(job.load);
    const char* text = find_file(name);
    printf("(fetched %s)\n", name);
    ratchet_module_load_done(job.load, text != NULL, text != NULL ? text : "", text != NULL ? strlen(text) : 0);
    ratchet_module_load_free(job.load);
  }
}

/* ---- 2. The asynchronous loader: answers 5 ms later, from the loop ---- */

static void start_fetch(void* opaque, const char* name, RatchetModuleLoad* load) {
  (void)opaque;
  (void)name;
  add_job((Job){NULL, load, now_ms() + 5});
}

static void print_done(void* opaque, RatchetCompletion* c) {
  printf("%s: %s\n", (const char*)opaque,
         ratchet_completion_kind(c) == RATCHET_NORMAL ? ratchet_completion_value(c) : ratchet_completion_describe(c));
  ratchet_completion_free(c);
}

int main(void) {
  RatchetRuntime* rt = ratchet_runtime_new();
  ratchet_runtime_set_memory_limit(rt, 64u << 20);
  RatchetRealm* realm = ratchet_realm_new(rt);

  puts("-- a synchronous loader");
  ratchet_runtime_set_module_loader(rt, load, normalize, NULL);
  const char* main_js = find_file("app/main.js");
  RatchetCompletion* c = ratchet_eval_module_sync(realm, main_js, strlen(main_js), "app/main.js", 0, 0);
  if (ratchet_completion_kind(c) != RATCHET_NORMAL) puts(ratchet_completion_describe(c));
  ratchet_completion_free(c);

  puts("-- an asynchronous loader");
  ratchet_runtime_set_async_module_loader(rt, start_fetch, normalize, NULL);
  RatchetRealm* second = ratchet_realm_new(rt);
  const char* src =
      "import { sum } from '@lib/math.js';\n"
      "const words = await import('./lib/words.js');\n"
      "globalThis.total = sum(...words.default.map((w) => w.length));\n"
      "globalThis.sum = sum;\n"
      "print('letters:', total);";
  RatchetTask* task = ratchet_eval_module_async(second, src, strlen(src), "main.js", NULL, post, NULL, print_done,
                                                "module");
  run_loop();
  ratchet_task_free(task);

  puts("-- a call on the loop");
  RatchetValue* global = ratchet_realm_global(second);
  RatchetValue* sum = NULL;
  ratchet_value_get(global, "sum", &sum);
  RatchetValue* args[3] = {ratchet_value_new_number(1), ratchet_value_new_number(2), ratchet_value_new_number(39)};
  task = ratchet_realm_call_async(second, sum, NULL, 3, (const RatchetValue* const*)args, NULL, post, NULL, print_done,
                                  "sum(1, 2, 39)");
  run_loop();
  ratchet_task_free(task);
  for (int i = 0; i < 3; ++i) ratchet_value_free(args[i]);
  ratchet_value_free(sum);
  ratchet_value_free(global);

  puts("-- a task stepped by the host");
  const char* steps =
      "function leaf() {\n"
      "  return 'leaf';\n"
      "}\n"
      "function branch() {\n"
      "  return leaf();\n"
      "}\n"
      "branch();\n";
  task = ratchet_task_new_script(realm, steps, strlen(steps), "steps.js");
  int shown = 0;
  while (ratchet_task_step(task)) {
    RatchetStackFrame* at = ratchet_task_location(task);
    if (!shown && strcmp(at->function, "leaf") == 0) {
      shown = 1;
      size_t count = 0;
      RatchetStackFrame* stack = ratchet_task_stack(task, &count);
      for (size_t i = 0; i < count; ++i) {
        printf("  at %s (%s:%u)\n", stack[i].function[0] ? stack[i].function : "<top>", stack[i].file, stack[i].line);
      }
      ratchet_stack_free(stack, count);
    }
    ratchet_stack_free(at, 1);
  }
  c = ratchet_task_completion(task);
  printf("result: %s\n", ratchet_completion_value(c));
  ratchet_completion_free(c);
  ratchet_task_free(task);

  ratchet_realm_free(second);
  ratchet_realm_free(realm);
  ratchet_runtime_free(rt);
  return 0;
}
