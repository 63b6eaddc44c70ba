// Bytecode generation: AST + scope analysis -> CompiledFunction tree.
#ifndef RATCHET_COMPILER_CODEGEN_H_
#define RATCHET_COMPILER_CODEGEN_H_

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "compiler/ast.h"
#include "compiler/compiled.h"

namespace ratchet::internal {

struct CompileOptions {
  /// The self-hosted library: the program is a list of function
  /// declarations whose environment the runtime builds (no code runs).
  bool self_hosted = false;
  /// Names bound by the host in the self-hosted environment (slots 0..n-1).
  std::vector<std::u16string> natives;
  /// Eval code (19.2.1.1 PerformEval in global code): lexical declarations
  /// are local to it; var and function declarations become deletable
  /// global bindings, or local ones when the code is strict.
  bool eval = false;
  /// Eval code's context (direct eval in a method / derived constructor).
  bool eval_super_property = false;
  bool eval_super_call = false;
};

/// Where the self-hosted library's functions live in its environment.
struct SelfHostedLayout {
  uint32_t env_size = 0;
  /// (function name, environment slot, index into the program's children)
  struct Entry {
    std::u16string name;
    uint32_t slot;
    uint32_t child;
  };
  std::vector<Entry> functions;
};

/// Compiles a parsed Script. Returns null with `*error` set on a compile-time
/// error (an unsupported construct is reported the same way, as a
/// SyntaxError naming the construct).
std::unique_ptr<CompiledFunction> CompileProgram(ast::Program* program,
                                                 const CompileOptions& options,
                                                 CompileError* error,
                                                 SelfHostedLayout* layout = nullptr);

}  // namespace ratchet::internal

#endif  // RATCHET_COMPILER_CODEGEN_H_
