/* The C API tests' checks: each CHECK that fails is printed and makes the
   test fail (main returns CHECK_RESULT()); a realm to test in. */
#ifndef RATCHET_TESTS_C_API_CHECK_H_
#define RATCHET_TESTS_C_API_CHECK_H_

#include <stdio.h>
#include <string.h>

#include "api/ratchet_c.h"

static int failures = 0;
static int checks = 0;
#define CHECK(cond)                                                            \
  do {                                                                         \
    checks++;                                                                  \
    if (!(cond)) {                                                             \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
      failures++;                                                              \
    }                                                                          \
  } while (0)
#define CHECK_STR(a, b) CHECK(strcmp((a), (b)) == 0)
/* Prints the outcome; the exit status of main. */
#define CHECK_RESULT(name)                                                         \
  (failures == 0 ? (printf("%s: all %d checks passed\n", (name), checks), 0)      \
                 : (printf("%s: %d of %d checks failed\n", (name), failures, checks), 1))

/* A runtime (64 MiB limit) and a realm of it. */
static inline RatchetRealm* test_realm(RatchetRuntime** rt) {
  *rt = ratchet_runtime_new();
  ratchet_runtime_set_memory_limit(*rt, 64u << 20);
  RatchetRealm* realm = ratchet_realm_new(*rt);
  CHECK(realm != NULL);
  return realm;
}

#endif /* RATCHET_TESTS_C_API_CHECK_H_ */
