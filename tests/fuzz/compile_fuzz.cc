// Fuzz target: source text -> lexer, parser, early errors and bytecode
// generator, as a script and as a module. Any input must end in a compiled
// script or a SyntaxError (a crash, a sanitizer report or a hang is a bug).
#include <cstdint>
#include <string_view>

#include "api/ratchet.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static ratchet::Runtime* runtime = [] {
    auto* rt = new ratchet::Runtime();
    rt->SetMemoryLimit(256 << 20);
    return rt;
  }();
  static std::unique_ptr<ratchet::Realm> realm = runtime->NewRealm();
  std::string_view source(reinterpret_cast<const char*>(data), size);
  ratchet::EvalOptions options;
  options.file_name = "fuzz.js";
  realm->CompileOnly(source, options);
  options.file_name = "fuzz.mjs";
  realm->CheckModuleSyntax(source, options);
  // Compiled code lives on the heap: collect now and then so a long run
  // measures the compiler, not the collector's backlog.
  static int calls = 0;
  if (++calls % 256 == 0) runtime->RunGC();
  return 0;
}
