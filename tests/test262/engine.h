// The narrow interface between the test262 runner (runner.cc: metadata,
// modes, process pool, results, expectations) and the engine (engine.cc).
#ifndef RATCHET_TESTS_TEST262_ENGINE_H_
#define RATCHET_TESTS_TEST262_ENGINE_H_

#include <cstdint>
#include <string>

namespace ratchet::test262 {

struct RunRequest {
  std::string source;    // the full text to evaluate: harness files already
                         // prepended for scripts; the test file alone for
                         // modules (see harness_prelude)
  std::string harness_prelude;  // for modules: harness text to evaluate as a
                                // script first in the same realm
  std::string file_name;  // path shown in stack traces / module resolution
  std::string root;       // the test262 directory (modules load relative to it)
  bool strict = false;    // evaluate as strict script ("use strict" is also
                          // prepended by the runner per INTERPRETING.md)
  bool module = false;    // evaluate as a module
  bool async = false;     // async test: success is signalled by print()
                          // output containing Test262:AsyncTestComplete
  bool can_block = true;  // false for CanBlockIsFalse
  uint64_t max_steps = 0;  // 0: no step limit
  uint64_t memory_limit = 0;  // bytes; 0: none
};

enum class Outcome {
  kCompleted,    // evaluation (and all pending jobs) finished normally
  kParseError,   // rejected before running (early error); error_name set
  kResolutionError,  // module resolution failed
  kThrew,        // an uncaught exception at runtime; error_name/message set
  kLimit,        // step/time/memory limit hit (message says which)
};

struct RunResult {
  Outcome outcome = Outcome::kCompleted;
  std::string error_name;  // constructor name of the thrown value, e.g.
                           // "SyntaxError", "Test262Error"
  std::string message;     // its message (or a description)
  std::string printed;     // everything print() wrote, '\n'-separated
};

/// Runs one test in a fresh runtime and realm with the $262 host object and
/// print() installed, then drains the job queue. Never throws; a crash takes
/// the calling process down, so the runner calls this in a worker process.
RunResult RunTest(const RunRequest& request);

/// Fills the engine's process-wide caches (the self-hosted library, compiled
/// once per process) so that workers forked afterwards inherit them instead
/// of each compiling it again.
void WarmUp();

}  // namespace ratchet::test262

#endif  // RATCHET_TESTS_TEST262_ENGINE_H_
