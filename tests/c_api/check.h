/* The C API tests' checks: each CHECK that fails is printed and makes the
   test fail (main returns CHECK_RESULT()). */
#ifndef RATCHET_TESTS_C_API_CHECK_H_
#define RATCHET_TESTS_C_API_CHECK_H_

#include <stdio.h>
#include <string.h>

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

#endif /* RATCHET_TESTS_C_API_CHECK_H_ */
