// The `ratchet` command-line interface.
//
//   ratchet [options] FILE.js      run a script
//   ratchet [options] -e CODE      run CODE
//
// Exit status: 0 success; 1 uncaught exception (or a syntax error);
// 2 usage error; 3 stopped by a limit (steps, time).
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "api/ratchet.h"

namespace {

constexpr const char* kUsage =
    "usage: ratchet [options] FILE.js\n"
    "       ratchet [options] -e CODE\n"
    "options:\n"
    "  -e CODE              evaluate CODE instead of a file\n"
    "  --compile-only       parse and compile, run nothing\n"
    "  --dump-bytecode      print the bytecode, run nothing\n"
    "  --max-steps N        stop after N instructions (exit status 3)\n"
    "  --timeout MS         stop after MS milliseconds (exit status 3)\n"
    "  --memory-limit BYTES cap the heap; exceeding it throws InternalError\n"
    "  --stack-size BYTES   cap the frame stack; exceeding it throws RangeError\n"
    "  --module             run FILE as an ECMAScript module\n"
    "  --memory-report      print the heap's memory usage report to stderr at the end\n"
    "  -h, --help           show this help\n";

int Usage(const std::string& error) {
  if (!error.empty()) std::fprintf(stderr, "ratchet: %s\n", error.c_str());
  std::fputs(kUsage, stderr);
  return 2;
}

bool ParseNumber(const char* text, uint64_t* out) {
  if (text == nullptr || *text == '\0') return false;
  char* end = nullptr;
  errno = 0;
  unsigned long long v = std::strtoull(text, &end, 10);
  if (errno != 0 || *end != '\0' || text[0] == '-') return false;
  *out = v;
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  std::string code, file;
  bool have_code = false, compile_only = false, dump_bytecode = false, module = false, memory_report = false;
  uint64_t max_steps = 0, timeout_ms = 0, memory_limit = 0, stack_size = 0;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto number = [&](uint64_t* out) {
      if (i + 1 >= argc || !ParseNumber(argv[i + 1], out)) return false;
      ++i;
      return true;
    };
    if (arg == "-h" || arg == "--help") {
      std::fputs(kUsage, stdout);
      return 0;
    } else if (arg == "-e") {
      if (i + 1 >= argc) return Usage("-e needs an argument");
      code = argv[++i];
      have_code = true;
    } else if (arg == "--compile-only") {
      compile_only = true;
    } else if (arg == "--dump-bytecode") {
      dump_bytecode = true;
    } else if (arg == "--module") {
      module = true;
    } else if (arg == "--memory-report") {
      memory_report = true;
    } else if (arg == "--max-steps") {
      if (!number(&max_steps)) return Usage("--max-steps needs a number");
    } else if (arg == "--timeout") {
      if (!number(&timeout_ms)) return Usage("--timeout needs a number of milliseconds");
    } else if (arg == "--memory-limit") {
      if (!number(&memory_limit)) return Usage("--memory-limit needs a number of bytes");
    } else if (arg == "--stack-size") {
      if (!number(&stack_size)) return Usage("--stack-size needs a number of bytes");
    } else if (!arg.empty() && arg[0] == '-') {
      return Usage("unknown option " + arg);
    } else if (file.empty() && !have_code) {
      file = arg;
    } else {
      return Usage("unexpected argument " + arg);
    }
  }
  if (!have_code && file.empty()) return Usage("no script given");
  if (file.size() > 4 && file.substr(file.size() - 4) == ".mjs") module = true;
  std::string name = "<eval>";
  if (!have_code) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "ratchet: cannot read %s: %s\n", file.c_str(), std::strerror(errno));
      return 2;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    code = ss.str();
    name = file;
  }

  ratchet::Runtime runtime;
  if (memory_limit != 0) runtime.SetMemoryLimit(memory_limit);
  if (stack_size != 0) runtime.SetMaxStackSize(stack_size);
  std::unique_ptr<ratchet::Realm> realm = runtime.NewRealm();
  if (realm == nullptr) {
    std::fprintf(stderr, "ratchet: could not create a realm (memory limit too low?)\n");
    return 1;
  }
  ratchet::EvalOptions options;
  options.file_name = name;
  options.limits.max_steps = max_steps;
  options.limits.timeout_ms = timeout_ms;
  // Modules (and import() from scripts) load from files; relative
  // specifiers resolve against the importing file.
  runtime.SetModuleLoader([](const std::string& path, std::string* source, std::string* error) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;  // the engine names the specifier and the importer
    std::ostringstream ss;
    ss << in.rdbuf();
    *source = ss.str();
    return true;
  });
  if (module && compile_only) {
    ratchet::Completion c = realm->CheckModuleSyntax(code, options);
    if (!c.ok()) {
      std::fprintf(stderr, "%s\n", c.Describe().c_str());
      return 1;
    }
    return 0;
  }
  if (dump_bytecode) {
    std::string listing = realm->DumpBytecode(code, options);
    if (listing.empty()) {
      std::fprintf(stderr, "%s\n", realm->CompileOnly(code, options).Describe().c_str());
      return 1;
    }
    std::fputs(listing.c_str(), stdout);
    return 0;
  }
  if (compile_only) {
    ratchet::Completion c = realm->CompileOnly(code, options);
    if (!c.ok()) {
      std::fprintf(stderr, "%s\n", c.Describe().c_str());
      return 1;
    }
    return 0;
  }
  ratchet::Completion c =
      module ? realm->EvaluateModuleSync(code, options) : realm->EvaluateScriptSync(code, options);
  if (memory_report) std::fputs(runtime.DumpMemoryUsage().c_str(), stderr);
  switch (c.kind) {
    case ratchet::CompletionKind::kNormal:
      return 0;
    case ratchet::CompletionKind::kStepLimit:
      std::fprintf(stderr, "ratchet: stopped: the step limit of %llu instructions was reached\n",
                   static_cast<unsigned long long>(max_steps));
      return 3;
    case ratchet::CompletionKind::kTimeLimit:
      std::fprintf(stderr, "ratchet: stopped: the time limit of %llu ms was reached\n",
                   static_cast<unsigned long long>(timeout_ms));
      return 3;
    case ratchet::CompletionKind::kInterrupted:
    case ratchet::CompletionKind::kTaskAborted:
    case ratchet::CompletionKind::kIncomplete:
    case ratchet::CompletionKind::kSynchronousTaskIncomplete:
    case ratchet::CompletionKind::kConcurrentEvaluation:
    case ratchet::CompletionKind::kWrongOwner:
    case ratchet::CompletionKind::kUseAfterFree:
    case ratchet::CompletionKind::kWouldRunCode:
      std::fprintf(stderr, "ratchet: %s\n", c.Describe().c_str());
      return 3;
    case ratchet::CompletionKind::kSyntaxError:
    case ratchet::CompletionKind::kJsException:
    case ratchet::CompletionKind::kOutOfMemory:    // uncaught, as the script saw it
    case ratchet::CompletionKind::kStackOverflow:
      std::fprintf(stderr, "%s\n", c.Describe().c_str());
      return 1;
  }
  return 1;
}
