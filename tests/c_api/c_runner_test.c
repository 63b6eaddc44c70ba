/* The time-sharing runner from C, on a tiny event loop of the test's own
   (a queue of posted works and host callbacks with due times): an
   infinite loop ends with RATCHET_TIME_LIMIT while the loop stays
   responsive, long scripts finish over many slices, tasks are aborted or
   dropped mid-way, modules run; and the blocking time-bound runner. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "api/ratchet_c.h"
#include "tests/c_api/check.h"
#include "tests/c_api/loop.h"

/* ---- Completions ---- */

typedef struct {
  int calls;
  RatchetCompletionKind kind;
  char value[128];
  char message[128];
} Done;

static void on_done(void* opaque, RatchetCompletion* c) {
  Done* d = (Done*)opaque;
  d->calls++;
  d->kind = ratchet_completion_kind(c);
  snprintf(d->value, sizeof d->value, "%s", ratchet_completion_value(c));
  snprintf(d->message, sizeof d->message, "%s", ratchet_completion_error_message(c));
  ratchet_completion_free(c);
}

/* The host's own periodic work: counts its turns while `task` runs. */
typedef struct {
  RatchetTask* task;
  int ticks;
  double longest_gap_ms;
  double last;
} Ticker;

static void tick(void* arg) {
  Ticker* t = (Ticker*)arg;
  double now = now_ms();
  if (t->ticks > 0 && now - t->last > t->longest_gap_ms) t->longest_gap_ms = now - t->last;
  t->last = now;
  t->ticks++;
  if (!ratchet_task_done(t->task)) post_host(tick, t, 1);
}

static RatchetTask* start(RatchetRealm* realm, const char* source, const RatchetTimeSharing* options, Done* done) {
  return ratchet_eval_script_async(realm, source, strlen(source), "async.js", options, post_work, NULL, on_done, done);
}

static void test_infinite_loop_hits_the_time_limit(RatchetRealm* realm) {
  RatchetTimeSharing options = {5000, 0, 100, 0};
  Done done = {0};
  works_posted = 0;
  double began = now_ms();
  RatchetTask* task = start(realm, "for (;;) {}", &options, &done);
  CHECK(task != NULL);
  CHECK(done.calls == 0);        /* one slice ran, the rest is posted */
  CHECK(!ratchet_task_done(task));
  CHECK(ratchet_task_steps(task) >= 5000);
  Ticker ticker = {task, 0, 0, 0};
  post_host(tick, &ticker, 1);
  run_loop();
  double elapsed = now_ms() - began;
  CHECK(done.calls == 1);
  CHECK(done.kind == RATCHET_TIME_LIMIT);
  CHECK_STR(done.message, "the time limit was reached");
  CHECK(ratchet_task_done(task));
  CHECK(elapsed >= 100);
  CHECK(works_posted > 2);        /* many slices */
  CHECK(ticker.ticks >= 5);       /* the host's work ran in between */
  CHECK(ticker.longest_gap_ms < 90); /* and never waited for the whole script */
  RatchetCompletion* c = ratchet_task_completion(task);
  CHECK(ratchet_completion_kind(c) == RATCHET_TIME_LIMIT);
  ratchet_completion_free(c);
  ratchet_task_free(task);
  /* The realm is still usable. */
  c = ratchet_eval_script_sync(realm, "1 + 1", 5, NULL, 0, 0);
  CHECK_STR(ratchet_completion_value(c), "2");
  ratchet_completion_free(c);
}

static void test_long_script_finishes_over_slices(RatchetRealm* realm) {
  RatchetTimeSharing options = {1000, 0, 0, 0};
  Done done = {0};
  works_posted = 0;
  RatchetTask* task = start(realm,
                            "let s = 0; for (let i = 0; i < 100000; i++) s += i;"
                            "Promise.resolve().then(() => { globalThis.afterJob = s; }); s",
                            &options, &done);
  /* Freeing the handle does not stop the evaluation. */
  ratchet_task_free(task);
  run_loop();
  CHECK(done.calls == 1);
  CHECK(done.kind == RATCHET_NORMAL);
  CHECK_STR(done.value, "4999950000");
  CHECK(works_posted > 100);
  RatchetCompletion* c = ratchet_eval_script_sync(realm, "afterJob", 8, NULL, 0, 0);
  CHECK_STR(ratchet_completion_value(c), "4999950000");
  ratchet_completion_free(c);
  /* NULL options: the defaults (10000 instructions a slice, no limit). */
  done.calls = 0;
  task = start(realm, "let t = 0; for (let i = 0; i < 30000; i++) t++; t", NULL, &done);
  run_loop();
  CHECK(done.calls == 1 && done.kind == RATCHET_NORMAL);
  CHECK_STR(done.value, "30000");
  ratchet_task_free(task);
}

static void test_done_at_once(RatchetRealm* realm) {
  Done done = {0};
  works_posted = 0;
  RatchetTask* task = start(realm, "6 * 7", NULL, &done);
  CHECK(done.calls == 1 && done.kind == RATCHET_NORMAL); /* within the first slice */
  CHECK_STR(done.value, "42");
  CHECK(ratchet_task_done(task));
  ratchet_task_free(task);
  task = start(realm, "let let = 1", NULL, &done);
  CHECK(done.calls == 2 && done.kind == RATCHET_SYNTAX_ERROR);
  ratchet_task_free(task);
  CHECK(works_posted == 0);
  /* No completion wanted; a NULL realm or executor makes no task. */
  task = ratchet_eval_script_async(realm, "1", 1, NULL, NULL, post_work, NULL, NULL, NULL);
  CHECK(task != NULL && ratchet_task_done(task));
  ratchet_task_free(task);
  CHECK(ratchet_eval_script_async(NULL, "1", 1, NULL, NULL, post_work, NULL, NULL, NULL) == NULL);
  CHECK(ratchet_eval_script_async(realm, "1", 1, NULL, NULL, NULL, NULL, NULL, NULL) == NULL);
}

/* Aborts the task from the host's loop after a few turns. */
static void abort_later(void* arg) { ratchet_task_abort((RatchetTask*)arg, "the host said stop"); }

static void test_abort_from_the_loop(RatchetRealm* realm) {
  RatchetTimeSharing options = {2000, 1, 0, 0};
  Done done = {0};
  RatchetTask* task = start(realm, "var spins = 0; for (;;) { spins++; }", &options, &done);
  post_host(abort_later, task, 20);
  run_loop();
  CHECK(done.calls == 1);
  CHECK(done.kind == RATCHET_TASK_ABORTED);
  CHECK_STR(done.message, "the host said stop");
  ratchet_task_free(task);
  RatchetCompletion* c = ratchet_eval_script_sync(realm, "spins > 500", 11, NULL, 0, 0);
  CHECK_STR(ratchet_completion_value(c), "true");
  ratchet_completion_free(c);
}

static void test_task_time_limit(RatchetRealm* realm) {
  /* Each macrotask or microtask: a job that never ends is stopped. */
  RatchetTimeSharing options = {1000, 0, 0, 30};
  Done done = {0};
  RatchetTask* task = start(realm, "var before = 1; Promise.resolve().then(() => { for (;;) {} }); 'script done'",
                            &options, &done);
  run_loop();
  CHECK(done.calls == 1 && done.kind == RATCHET_TIME_LIMIT);
  CHECK_STR(done.message, "a macrotask or microtask ran past its time limit");
  ratchet_task_free(task);
}

static void test_module(RatchetRealm* realm) {
  const char* source = "export const x = 1; globalThis.fromModule = await Promise.resolve(41) + x;";
  Done done = {0};
  RatchetTask* task =
      ratchet_eval_module_async(realm, source, strlen(source), "async.mjs", NULL, post_work, NULL, on_done, &done);
  run_loop();
  CHECK(done.calls == 1 && done.kind == RATCHET_NORMAL);
  ratchet_task_free(task);
  RatchetCompletion* c = ratchet_eval_script_sync(realm, "fromModule", 10, NULL, 0, 0);
  CHECK_STR(ratchet_completion_value(c), "42");
  ratchet_completion_free(c);
}

static void test_freed_realm(RatchetRuntime* rt) {
  /* The realm (and the runtime's handle) go while the task still has
     slices to run: they run safely, until the limit stops the task. */
  RatchetRealm* realm = ratchet_realm_new(rt);
  RatchetTimeSharing options = {1000, 0, 30, 0};
  Done done = {0};
  RatchetTask* task = start(realm, "var o = []; for (;;) { o.push({}); if (o.length > 1000) o = []; }", &options, &done);
  ratchet_realm_free(realm);
  run_loop();
  CHECK(done.calls == 1 && done.kind == RATCHET_TIME_LIMIT);
  ratchet_task_free(task);
}

/* An executor that runs the work at once (it must not): no recursion per
   slice, the evaluation simply goes on inside the call. */
static void run_at_once(void* opaque, RatchetWork* work, uint64_t delay_ms) {
  (void)delay_ms;
  ++*(int*)opaque;
  ratchet_work_run(work);
  ratchet_work_free(work);
}

static void test_executor_running_work_at_once(RatchetRealm* realm) {
  RatchetTimeSharing options = {1, 0, 0, 0};
  Done done = {0};
  int posted = 0;
  const char* source = "let u = 0; for (let i = 0; i < 50000; i++) u += i; u";
  RatchetTask* task = ratchet_eval_script_async(realm, source, strlen(source), NULL, &options, run_at_once, &posted,
                                                on_done, &done);
  CHECK(done.calls == 1 && done.kind == RATCHET_NORMAL);
  CHECK_STR(done.value, "1249975000");
  CHECK(posted > 50000);
  ratchet_task_free(task);
}

static void test_time_bound(RatchetRealm* realm) {
  RatchetTimeBound bound = {50, 0, 1000};
  double began = now_ms();
  RatchetCompletion* c = ratchet_eval_script_time_bound(realm, "for (;;) {}", 11, "bound.js", &bound);
  CHECK(ratchet_completion_kind(c) == RATCHET_TIME_LIMIT);
  CHECK(now_ms() - began >= 50);
  ratchet_completion_free(c);
  RatchetTimeBound per_task = {0, 30, 1000};
  const char* jobs = "Promise.resolve().then(() => { for (;;) {} }); 1";
  c = ratchet_eval_script_time_bound(realm, jobs, strlen(jobs), NULL, &per_task);
  CHECK(ratchet_completion_kind(c) == RATCHET_TIME_LIMIT);
  ratchet_completion_free(c);
  c = ratchet_eval_script_time_bound(realm, "'fine'", 6, NULL, NULL);
  CHECK(ratchet_completion_kind(c) == RATCHET_NORMAL);
  CHECK_STR(ratchet_completion_value(c), "fine");
  ratchet_completion_free(c);
  CHECK(ratchet_eval_script_time_bound(NULL, "1", 1, NULL, NULL) == NULL);
}

int main(void) {
  RatchetRuntime* rt;
  RatchetRealm* realm = test_realm(&rt);
  test_infinite_loop_hits_the_time_limit(realm);
  test_long_script_finishes_over_slices(realm);
  test_done_at_once(realm);
  test_abort_from_the_loop(realm);
  test_task_time_limit(realm);
  test_module(realm);
  test_time_bound(realm);
  test_executor_running_work_at_once(realm);
  test_freed_realm(rt);
  ratchet_realm_free(realm);
  ratchet_runtime_free(rt);
  return CHECK_RESULT("c_runner_test");
}
