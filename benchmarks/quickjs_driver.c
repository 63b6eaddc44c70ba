/* A minimal QuickJS command-line driver for side-by-side benchmarks:
 * evaluates one script file with print() / console.log() available (or,
 * with --compile-only, only compiles it; with --realm-bench N, measures
 * creating a context, evaluating 1+1 and freeing it, N times).
 * Built by benchmarks/build-quickjs against QuickJS's own sources (fetched
 * from the npm registry at build time, never committed here). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "quickjs-libc.h"
#include "quickjs.h"

static double now_us(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

/* The cost of a context: microseconds per create + eval("1+1") + free
   cycle (median of 5 rounds of n), and the bytes one empty context adds to
   its runtime's memory_used_size. */
static int realm_bench(int n) {
  JSRuntime *rt = JS_NewRuntime();
  double rounds[5];
  for (int r = 0; r < 5; r++) {
    double start = now_us();
    for (int i = 0; i < n; i++) {
      JSContext *ctx = JS_NewContext(rt);
      JSValue v = JS_Eval(ctx, "1+1", 3, "<bench>", JS_EVAL_TYPE_GLOBAL);
      if (JS_IsException(v)) return 1;
      JS_FreeValue(ctx, v);
      JS_FreeContext(ctx);
    }
    rounds[r] = (now_us() - start) / n;
  }
  for (int i = 0; i < 5; i++)
    for (int j = i + 1; j < 5; j++)
      if (rounds[j] < rounds[i]) { double t = rounds[i]; rounds[i] = rounds[j]; rounds[j] = t; }
  JSMemoryUsage before, after;
  JS_RunGC(rt);
  JS_ComputeMemoryUsage(rt, &before);
  JSContext *ctx = JS_NewContext(rt);
  JS_ComputeMemoryUsage(rt, &after);
  printf("us_per_cycle %.2f\nbytes_per_context %lld\n", rounds[2],
         (long long)(after.memory_used_size - before.memory_used_size));
  JS_FreeContext(ctx);
  JS_FreeRuntime(rt);
  return 0;
}

int main(int argc, char **argv) {
  if (argc == 3 && strcmp(argv[1], "--realm-bench") == 0) return realm_bench(atoi(argv[2]));
  /* --compile-only: parse and compile, run nothing (compile-speed);
     --module: as an ECMAScript module. */
  int compile_only = 0, module = 0;
  while (argc > 2 && argv[1][0] == '-') {
    if (strcmp(argv[1], "--compile-only") == 0) {
      compile_only = 1;
    } else if (strcmp(argv[1], "--module") == 0) {
      module = 1;
    } else {
      break;
    }
    argv++;
    argc--;
  }
  if (argc != 2) {
    fprintf(stderr, "usage: qjs-driver [--compile-only] [--module] FILE.js\n");
    return 2;
  }
  JSRuntime *rt = JS_NewRuntime();
  js_std_init_handlers(rt);
  JSContext *ctx = JS_NewContext(rt);
  js_std_add_helpers(ctx, 0, NULL);
  size_t len;
  uint8_t *buf = js_load_file(ctx, &len, argv[1]);
  if (buf == NULL) {
    fprintf(stderr, "cannot read %s\n", argv[1]);
    return 2;
  }
  int flags = (module ? JS_EVAL_TYPE_MODULE : JS_EVAL_TYPE_GLOBAL) | (compile_only ? JS_EVAL_FLAG_COMPILE_ONLY : 0);
  JSValue v = JS_Eval(ctx, (const char *)buf, len, argv[1], flags);
  int status = 0;
  if (JS_IsException(v)) {
    js_std_dump_error(ctx);
    status = 1;
  }
  JS_FreeValue(ctx, v);
  js_std_loop(ctx);
  js_free(ctx, buf);
  JS_FreeContext(ctx);
  JS_FreeRuntime(rt);
  return status;
}
