// Fuzz target: text -> JSON.parse, and for text that parses, the round trip
// JSON.stringify(JSON.parse(JSON.stringify(v))) === JSON.stringify(v).
// A parse may only fail with SyntaxError (or a limit); a round trip that
// changes the text is a bug.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "api/ratchet.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  ratchet::Runtime runtime;
  runtime.SetMemoryLimit(32 << 20);
  std::unique_ptr<ratchet::Realm> realm = runtime.NewRealm();
  if (realm == nullptr) std::abort();
  realm->DefineHostFunction(
      "text", [text](const std::vector<ratchet::HostValue>&, std::string*) { return ratchet::HostValue::String(text); });
  ratchet::EvalOptions options;
  options.limits.max_steps = 50000;
  ratchet::Completion c = realm->EvaluateScriptSync(R"(
    let v, parsed = true;
    try { v = JSON.parse(text()); } catch (e) { if (!(e instanceof SyntaxError)) throw e; parsed = false; }
    if (parsed) {
      const a = JSON.stringify(v);
      const b = JSON.stringify(JSON.parse(a));
      if (a !== b) throw new Error('round trip changed ' + a + ' into ' + b);
      JSON.stringify(v, null, 2);
    }
    'ok';
  )", options);
  if (c.kind == ratchet::CompletionKind::kJsException && c.error_name == "Error") {
    std::fprintf(stderr, "json_fuzz: %s\n", c.Describe().c_str());
    std::abort();
  }
  return 0;
}
