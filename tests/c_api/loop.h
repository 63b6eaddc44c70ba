/* A tiny event loop for the C API tests, compiled as C: a queue of works a
   runner posts (RatchetExecutor) and the host's own callbacks, each with a
   due time, run in due order. Static: each test file gets its own. */
#ifndef RATCHET_TESTS_C_API_LOOP_H_
#define RATCHET_TESTS_C_API_LOOP_H_

#include <stdint.h>
#include <stdio.h>
#include <time.h>

#include "api/ratchet_c.h"

static double now_ms(void) {
  struct timespec ts;
  timespec_get(&ts, TIME_UTC);
  return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

typedef struct {
  RatchetWork* work;     /* posted by the runner, or */
  void (*fn)(void* arg); /* the host's own work */
  void* arg;
  double due;
  uint64_t seq;
} Item;

#define QUEUE_CAPACITY 256
static Item queue[QUEUE_CAPACITY];
static int queue_length = 0;
static uint64_t next_seq = 0;
static int works_posted = 0;

static void push(Item item) {
  if (queue_length == QUEUE_CAPACITY) {
    fprintf(stderr, "queue full\n");
    if (item.work != NULL) ratchet_work_free(item.work);
    return;
  }
  item.seq = next_seq++;
  queue[queue_length++] = item;
}

/* The RatchetExecutor: never runs the work inside this call. */
static void post_work(void* opaque, RatchetWork* work, uint64_t delay_ms) {
  (void)opaque;
  ++works_posted;
  Item item = {work, NULL, NULL, now_ms() + (double)delay_ms, 0};
  push(item);
}

static void post_host(void (*fn)(void*), void* arg, double delay_ms) {
  Item item = {NULL, fn, arg, now_ms() + delay_ms, 0};
  push(item);
}

/* Runs items in due order (posting order among equals) until none is left. */
static void run_loop(void) {
  while (queue_length > 0) {
    int next = 0;
    for (int i = 1; i < queue_length; ++i) {
      if (queue[i].due < queue[next].due || (queue[i].due == queue[next].due && queue[i].seq < queue[next].seq)) {
        next = i;
      }
    }
    if (queue[next].due > now_ms()) continue; /* (a test: spinning is fine) */
    Item item = queue[next];
    queue[next] = queue[--queue_length];
    if (item.work != NULL) {
      ratchet_work_run(item.work);
      ratchet_work_free(item.work);
    } else {
      item.fn(item.arg);
    }
  }
}

#endif /* RATCHET_TESTS_C_API_LOOP_H_ */
