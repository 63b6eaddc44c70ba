// Fuzz target: text -> JSON.parse, and for text that parses, the round trip
// JSON.stringify(JSON.parse(JSON.stringify(v))) === JSON.stringify(v).
// A parse may only fail with SyntaxError (or a limit); a round trip that
// changes the text is a bug.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "api/ratchet.h"

namespace {
// One runtime and realm for every input (JSON.parse and stringify run no
// user code, so one input cannot affect the next): creating a realm per
// input would bound the fuzzer's speed.
std::string g_text;
ratchet::Runtime* g_runtime = nullptr;
ratchet::Realm* g_realm = nullptr;
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (g_runtime == nullptr) {
    g_runtime = new ratchet::Runtime();
    g_runtime->SetMemoryLimit(64 << 20);
    g_realm = g_runtime->NewRealm().release();
    if (g_realm == nullptr) std::abort();
    g_realm->DefineHostFunction(
        "text", [](const std::vector<ratchet::HostValue>&, std::string*) { return ratchet::HostValue::String(g_text); });
  }
  g_text.assign(reinterpret_cast<const char*>(data), size);
  ratchet::EvalOptions options;
  options.limits.max_steps = 50000;
  ratchet::Completion c = g_realm->EvaluateScriptSync(R"(
    (() => {
      let v, parsed = true;
      try { v = JSON.parse(text()); } catch (e) { if (!(e instanceof SyntaxError)) throw e; parsed = false; }
      if (parsed) {
        const a = JSON.stringify(v);
        const b = JSON.stringify(JSON.parse(a));
        if (a !== b) throw new Error('round trip changed ' + a + ' into ' + b);
        JSON.stringify(v, null, 2);
      }
      return 'ok';
    })();
  )", options);
  if (c.kind == ratchet::CompletionKind::kJsException && c.error_name == "Error") {
    std::fprintf(stderr, "json_fuzz: %s\n", c.Describe().c_str());
    std::abort();
  }
  static int calls = 0;
  if (++calls % 1024 == 0) g_runtime->RunGC();
  return 0;
}
