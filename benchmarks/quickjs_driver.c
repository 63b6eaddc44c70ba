/* A minimal QuickJS command-line driver for side-by-side benchmarks:
 * evaluates one script file with print() / console.log() available (or,
 * with --compile-only, only compiles it).
 * Built by benchmarks/build-quickjs against QuickJS's own sources (fetched
 * from the npm registry at build time, never committed here). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "quickjs-libc.h"
#include "quickjs.h"

int main(int argc, char **argv) {
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
