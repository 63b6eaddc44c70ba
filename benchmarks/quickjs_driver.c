/* A minimal QuickJS command-line driver for side-by-side benchmarks:
 * evaluates one script file with print() / console.log() available.
 * Built by benchmarks/build-quickjs against QuickJS's own sources (fetched
 * from the npm registry at build time, never committed here). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "quickjs-libc.h"
#include "quickjs.h"

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: qjs-driver FILE.js\n");
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
  JSValue v = JS_Eval(ctx, (const char *)buf, len, argv[1], JS_EVAL_TYPE_GLOBAL);
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
