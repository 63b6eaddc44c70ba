// Fuzz target: a regular expression and an input -> RegExp construction and
// exec / replace / split / matchAll under a step budget. Input format: the
// first byte picks the flags (one bit each of d g i m s u v y; u and v are
// exclusive, v wins), then the pattern up to the first newline, then the
// subject string.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "api/ratchet.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  std::string flags;
  const char* all = "dgimsuvy";
  for (int bit = 0; bit < 8; ++bit) {
    if (data[0] & (1 << bit)) flags += all[bit];
  }
  if (flags.find('u') != std::string::npos && flags.find('v') != std::string::npos) flags.erase(flags.find('u'), 1);
  std::string_view rest(reinterpret_cast<const char*>(data + 1), size - 1);
  size_t nl = rest.find('\n');
  std::string pattern(rest.substr(0, nl));
  std::string subject(nl == std::string_view::npos ? "" : rest.substr(nl + 1));

  // One runtime and realm for every input (the script keeps nothing in
  // globals); a realm per input would bound the fuzzer's speed.
  static ratchet::Runtime* runtime = nullptr;
  static ratchet::Realm* realm = nullptr;
  static std::string g_pattern, g_flags, g_subject;
  if (runtime == nullptr) {
    runtime = new ratchet::Runtime();
    runtime->SetMemoryLimit(64 << 20);
    realm = runtime->NewRealm().release();
    if (realm == nullptr) std::abort();
    auto constant = [](const std::string* s) {
      return [s](const std::vector<ratchet::HostValue>&, std::string*) { return ratchet::HostValue::String(*s); };
    };
    realm->DefineHostFunction("pattern", constant(&g_pattern));
    realm->DefineHostFunction("flags", constant(&g_flags));
    realm->DefineHostFunction("subject", constant(&g_subject));
  }
  g_pattern = pattern;
  g_flags = flags;
  g_subject = subject;
  ratchet::EvalOptions options;
  options.limits.max_steps = 50000;
  ratchet::Completion c = realm->EvaluateScriptSync(R"((() => {
    let re;
    try { re = new RegExp(pattern(), flags()); } catch (e) { if (!(e instanceof SyntaxError)) throw e; }
    if (re) {
      const s = subject();
      const m = re.exec(s);
      if (m && m.index + m[0].length > s.length) throw new Error('match past the end');
      re.lastIndex = 0;
      s.replace(re, '[$&|$1]');
      s.split(re, 10);
      if (re.global) for (const x of s.matchAll(re)) if (x.index > s.length) throw new Error('matchAll index');
      re.test(s);
      String(re);
    }
    return 'ok';
  })();)", options);
  if (c.kind == ratchet::CompletionKind::kJsException && c.error_name == "Error") {
    std::fprintf(stderr, "regexp_fuzz: %s\n", c.Describe().c_str());
    std::abort();
  }
  static int calls = 0;
  if (++calls % 1024 == 0) runtime->RunGC();
  return 0;
}
