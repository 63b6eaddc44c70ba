/* Embedding Ratchet from C (api/ratchet_c.h): a runtime with a memory
   limit, a realm, a host function, a step limit.
     bazel-bin/examples/hello_c */
#include <stdio.h>
#include <string.h>

#include "api/ratchet_c.h"

static void square(void* opaque, RatchetHostCall* call) {
  (void)opaque;
  double x = ratchet_call_arg_number(call, 0);
  ratchet_call_return_number(call, x * x);
}

static void run(RatchetRealm* realm, const char* source) {
  RatchetCompletion* c = ratchet_eval_script_sync(realm, source, strlen(source), "hello.js", 1000000, 0);
  printf("%s\n", ratchet_completion_describe(c));
  ratchet_completion_free(c);
}

int main(void) {
  RatchetRuntime* rt = ratchet_runtime_new();
  ratchet_runtime_set_memory_limit(rt, 32u << 20);
  RatchetRealm* realm = ratchet_realm_new(rt);
  if (realm == NULL) return 1;
  ratchet_realm_define_function(realm, "square", square, NULL);
  run(realm, "[1, 2, 3].map(square).join(' + ') + ' = 14'");
  run(realm, "JSON.stringify({ hello: 'from C', squares: [square(4), square(5)] })");
  run(realm, "undefinedFunction()");
  run(realm, "while (true) {}");
  ratchet_realm_free(realm);
  ratchet_runtime_free(rt);
  return 0;
}
