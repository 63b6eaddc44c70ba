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

struct OuterScope;

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
  /// Direct eval code: the caller's environments (ParseScopeChain),
  /// innermost first; the code is closed over the innermost.
  const std::vector<OuterScope>* outer = nullptr;
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

/// What the runtime needs to instantiate a compiled Module (16.2.1.6): its
/// environment, hoisted functions, requested modules, imports and exports.
/// The module body (the compiled root) runs with the environment the
/// runtime built as its own; it never creates the hoisted functions.
struct ModuleLayout {
  uint32_t env_size = 0;
  /// Hoisted function declarations: environment slot and the root's
  /// constant-pool index of the function's code.
  struct Function {
    uint32_t slot;
    uint32_t constant;
  };
  std::vector<Function> functions;
  std::vector<uint32_t> var_slots;  // `var` bindings: undefined at instantiation
  /// ModuleRequests in source order, deduplicated. `attributes` holds
  /// key/value pairs of the `with { }` clause.
  struct Request {
    std::u16string specifier;
    std::vector<std::pair<std::u16string, std::u16string>> attributes;
    bool defer = false;  // [[Phase]] defer (import defer * as ns)
  };
  std::vector<Request> requests;
  /// Import bindings: slot, request, and the imported name ("*" for a
  /// namespace import).
  struct Import {
    uint32_t slot;
    uint32_t request;
    std::u16string name;
  };
  std::vector<Import> imports;
  /// Export entries. Local: request == kLocal and `slot` is the binding.
  /// Indirect: request and import_name ("*" for `export * as x from`).
  static constexpr uint32_t kLocal = UINT32_MAX;
  struct Export {
    std::u16string name;
    uint32_t request;
    uint32_t slot;
    std::u16string import_name;
  };
  std::vector<Export> exports;
  std::vector<uint32_t> star_exports;  // `export * from`: request indices
  bool has_await = false;              // an async module (top-level await)
};

/// Compiles a parsed Module (program->is_module). The root's code is the
/// module body: an async function when the module has top-level await.
std::unique_ptr<CompiledFunction> CompileModule(ast::Program* program, CompileError* error,
                                                ModuleLayout* layout);

/// Compiles a parsed Script. Returns null with `*error` set on a compile-time
/// error (an unsupported construct is reported the same way, as a
/// SyntaxError naming the construct).
std::unique_ptr<CompiledFunction> CompileProgram(ast::Program* program,
                                                 const CompileOptions& options,
                                                 CompileError* error,
                                                 SelfHostedLayout* layout = nullptr);

}  // namespace ratchet::internal

#endif  // RATCHET_COMPILER_CODEGEN_H_
