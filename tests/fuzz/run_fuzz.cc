// Fuzz target: source text -> compile and run in a fresh runtime under a
// small step budget, memory limit and stack limit. Whatever the script does,
// the evaluation must end with a completion (a value, a JS exception, a
// limit) and the runtime must then evaluate fresh code correctly.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "api/ratchet.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  ratchet::Runtime runtime;
  runtime.SetMemoryLimit(32 << 20);
  runtime.SetMaxStackSize(256 << 10);
  runtime.SetPrintHandler([](const std::string&) {});
  std::unique_ptr<ratchet::Realm> realm = runtime.NewRealm();
  if (realm == nullptr) std::abort();
  ratchet::EvalOptions options;
  options.file_name = "fuzz.js";
  options.limits.max_steps = 20000;
  realm->EvaluateScriptSync(std::string_view(reinterpret_cast<const char*>(data), size), options);
  // The runtime survives anything the script did: a fresh realm computes.
  std::unique_ptr<ratchet::Realm> fresh = runtime.NewRealm();
  if (fresh == nullptr) {
    runtime.RunGC();
    fresh = runtime.NewRealm();
  }
  if (fresh == nullptr) {
    std::fprintf(stderr, "run_fuzz: no realm after the script (memory used %zu)\n", runtime.MemoryUsed());
    std::abort();
  }
  ratchet::EvalOptions check;
  check.limits.max_steps = 1000;
  ratchet::Completion c = fresh->EvaluateScriptSync("[1, 2, 3].map((x) => x * 2).join()", check);
  if (!c.ok() || c.value_string != "2,4,6") {
    std::fprintf(stderr, "run_fuzz: fresh realm broken: %s\n", c.Describe().c_str());
    std::abort();
  }
  return 0;
}
