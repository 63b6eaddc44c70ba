// test262-parser-tests' equivalence check: every pass/X and its twin
// pass-explicit/X (the same program with grouping parentheses, semicolons
// and whitespace made explicit) must parse to the same AST (compared through
// DumpAst, which omits positions and grouping). Twins listed in the
// exceptions file (first word of each non-comment line) are twins the corpus
// itself made different programs — a renamed identifier, a changed literal —
// and must still differ, so the list cannot go stale.
//   ast_equivalence CORPUS_DIR EXCEPTIONS_FILE [--show NAME]
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <vector>

#include "compiler/arena.h"
#include "compiler/ast_dump.h"
#include "compiler/parser.h"

namespace fs = std::filesystem;
using namespace ratchet::internal;

namespace {

std::string Read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

bool Dump(const fs::path& p, bool module, std::string* out) {
  Arena arena;
  ParseOptions options;
  options.module = module;
  ParseError error;
  ratchet::ast::Program* program = ParseProgram(arena, Utf8ToUtf16(Read(p)), options, &error);
  if (program == nullptr) {
    *out = error.message;
    return false;
  }
  *out = DumpAst(program);
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: ast_equivalence CORPUS_DIR EXCEPTIONS_FILE [--show NAME]\n");
    return 2;
  }
  fs::path corpus = argv[1];
  std::set<std::string> exceptions;
  {
    std::ifstream in(argv[2]);
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      exceptions.insert(line.substr(0, line.find_first_of(" \t")));
    }
  }
  if (argc == 5 && std::string(argv[3]) == "--show") {
    std::string name = argv[4], a, b;
    bool module = name.find(".module.js") != std::string::npos;
    Dump(corpus / "pass" / name, module, &a);
    Dump(corpus / "pass-explicit" / name, module, &b);
    std::printf("pass:          %s\npass-explicit: %s\n", a.c_str(), b.c_str());
    return a == b ? 0 : 1;
  }
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(corpus / "pass-explicit")) names.push_back(e.path().filename());
  std::sort(names.begin(), names.end());
  int same = 0, listed_differ = 0, bad = 0;
  for (const std::string& name : names) {
    bool module = name.find(".module.js") != std::string::npos;
    std::string a, b;
    if (!Dump(corpus / "pass" / name, module, &a) || !Dump(corpus / "pass-explicit" / name, module, &b)) {
      std::printf("NOT PARSED %s\n", name.c_str());
      ++bad;
      continue;
    }
    bool listed = exceptions.count(name) > 0;
    if (a == b && !listed) {
      ++same;
    } else if (a != b && listed) {
      ++listed_differ;
    } else if (listed) {
      std::printf("LISTED BUT EQUIVALENT %s (remove it from the exceptions)\n", name.c_str());
      ++bad;
    } else {
      std::printf("DIFFERENT AST %s\n", name.c_str());
      ++bad;
    }
  }
  std::printf("pass-explicit twins: %d parse to the same AST, %d listed as different programs in the corpus, "
              "%d mismatches (of %zu)\n",
              same, listed_differ, bad, names.size());
  for (const std::string& e : exceptions) {
    if (!fs::exists(corpus / "pass-explicit" / e)) {
      std::printf("exception names no file: %s\n", e.c_str());
      ++bad;
    }
  }
  return bad == 0 ? 0 : 1;
}
