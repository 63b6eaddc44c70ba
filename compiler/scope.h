// Scope analysis: declares every binding, resolves every identifier
// reference, and decides where each variable lives — a register of its
// function's frame, or a slot of a heap environment when a nested function
// captures it. Unresolved names are globals.
#ifndef RATCHET_COMPILER_SCOPE_H_
#define RATCHET_COMPILER_SCOPE_H_

#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "compiler/ast.h"
#include "compiler/compiled.h"

namespace ratchet::internal {

struct Scope;

enum class BindingKind : uint8_t {
  kVar,
  kLet,
  kConst,
  kClass,       // class declaration (let-like)
  kFunction,    // function declaration (var-like)
  kParam,
  kCatchParam,
  kCallee,      // a named function expression's own name (immutable)
  kThis,        // pseudo-variables of non-arrow functions and scripts
  kNewTarget,
  kArguments,
  kNative,      // self-hosted library: a host-provided binding
  kPrivateName,  // a class's private name #x (holds its private symbol)
  kHidden,       // compiler-internal class binding (computed field key,
                 // private method closure)
  kHome,         // the home object of the nearest method (super in arrows)
  kActiveFunction,  // the nearest non-arrow function (super() in arrows)
  kImport,       // a module's import binding: its slot holds an indirection
                 // to the exporting module's binding (live, immutable)
};

/// Extra per-node resolutions (ScopeInfo::Aux).
enum class AuxSlot : uint8_t {
  kComputedKey,    // a field's computed key (keyed by its ClassMember)
  kPrivateMethod,  // an instance private method's closure (ClassMember)
  kSuperHome,      // `super` in an arrow: the method's home object
  kSuperFunction,  // `super()` in an arrow: the constructor
  kSuperNewTarget, // `super()` in an arrow: its new.target
  kAnnexBVar,      // B.3.2.1: the var binding a block-level function also
                   // gets in its function (keyed by the FunctionDecl)
};

struct Variable {
  std::u16string_view name;
  BindingKind kind = BindingKind::kVar;
  Scope* scope = nullptr;
  bool captured = false;  // referenced from a nested function
  bool in_env = false;    // lives in an environment slot (else a register)
  bool eval_vars = false;  // holds a sloppy function's direct-eval var object
  bool tdz_param = false;  // a parameter of a list with expressions: TDZ until bound
  uint32_t index = 0;     // register or slot
  uint32_t decl_end = 0;  // source offset where the binding is initialized
  bool lexical_decl = false;  // declared by a let/const statement
  bool early_ref = false;     // referenced at an offset before decl_end
  /// A let/const of a statement whose temporal dead zone nothing can
  /// observe: every reference comes after its initializer (textually, in
  /// the same function — it lives in a register — and not in a switch
  /// block, where textual order proves nothing).
  bool TdzUnobservable() const {
    return lexical_decl && !early_ref && !captured && !in_env && !eval_vars && !scope_always_tdz();
  }
  bool scope_always_tdz() const;
  bool IsLexical() const {
    return kind == BindingKind::kLet || kind == BindingKind::kConst || kind == BindingKind::kClass;
  }
  bool IsConst() const {
    return kind == BindingKind::kConst || kind == BindingKind::kCallee || kind == BindingKind::kImport;
  }
  bool IsInternal() const {
    return kind == BindingKind::kPrivateName || kind == BindingKind::kHidden ||
           kind == BindingKind::kHome || kind == BindingKind::kActiveFunction;
  }
};

enum class ScopeType : uint8_t { kScript, kFunction, kBlock };

struct Scope {
  ScopeType type = ScopeType::kBlock;
  Scope* parent = nullptr;
  const ast::Function* function = nullptr;  // kFunction (null when external)
  ast::FunctionKind function_kind = ast::FunctionKind::kNormal;  // kFunction
  std::vector<Variable*> vars;
  std::unordered_map<std::u16string_view, Variable*> names;
  uint32_t env_size = 0;
  bool env_prebuilt = false;  // self-hosted library: the host makes the env
  bool always_tdz = false;    // switch blocks: textual order proves nothing
  Variable* with_object = nullptr;  // a `with` statement's scope: its object
  /// A sloppy function whose code calls eval directly: the object holding
  /// the var bindings eval code adds to its variable environment
  /// (consulted like a with object, without @@unscopables or a this).
  Variable* eval_vars = nullptr;
  /// A direct eval sees this scope: every binding lives in the environment.
  bool sees_direct_eval = false;
  /// Described by a direct eval's caller: its environment exists at run
  /// time with this layout; nothing is declared into it.
  bool external = false;
  /// Eval code compiled against its caller's scopes: for this, new.target
  /// and super it is transparent, like an arrow function.
  bool eval_transparent = false;
  /// External function scope seen from its parameter list: its bindings
  /// other than parameters and arguments are not visible to eval code.
  bool params_only = false;
  /// The body of a function with parameter expressions: its variable
  /// environment, apart from the parameters' (kBlock type).
  bool is_function_body = false;
  bool has_env() const { return env_size > 0 || env_prebuilt; }
  bool is_function_boundary() const { return type != ScopeType::kBlock; }
  Variable* Find(std::u16string_view n) const {
    auto it = names.find(n);
    return it == names.end() ? nullptr : it->second;
  }
};

/// One environment of a direct eval's caller, innermost first. The names
/// point into the serialized text.
struct OuterVariable {
  std::u16string_view name;
  BindingKind kind = BindingKind::kVar;
  uint32_t index = 0;
  bool with_object = false;
  bool eval_vars = false;
};
struct OuterScope {
  ScopeType type = ScopeType::kBlock;
  ast::FunctionKind function_kind = ast::FunctionKind::kNormal;
  bool params_only = false;  // a direct eval in this function's parameters
  bool function_body = false;  // Scope::is_function_body
  uint32_t env_size = 0;
  std::vector<OuterVariable> vars;
};

/// The environments a direct eval at a position whose innermost scope is
/// `s` can reach, as text (a string constant of the calling code).
/// `eval_program`: the calling code's own top level when it is eval code.
/// `in_params`: the call is in its function's parameter list.
std::u16string SerializeScopeChain(const Scope* s, const Scope* eval_program, bool in_params);
/// Reads SerializeScopeChain's text; false when it is malformed.
bool ParseScopeChain(std::u16string_view text, std::vector<OuterScope>* out);

/// The results of the analysis of one Program.
class ScopeInfo {
 public:
  /// Runs the analysis. Returns false with `*error` on an early error the
  /// parser left to this pass or an unsupported construct.
  /// A Module (program->is_module) is analyzed like strict eval code whose
  /// every top-level binding lives in the module environment.
  bool Analyze(ast::Program* program, bool self_hosted,
               const std::vector<std::u16string>& natives, CompileError* error,
               bool eval_code = false, bool super_property = false, bool super_call = false,
               const std::vector<OuterScope>* outer = nullptr);

  Scope* ScopeOf(const ast::Node* n) const {
    auto it = scopes_by_node_.find(n);
    return it == scopes_by_node_.end() ? nullptr : it->second;
  }
  /// The variable an identifier reference (or This/NewTarget node, or the
  /// `arguments` identifier) resolves to; null for globals.
  Variable* Resolve(const ast::Node* ref) const {
    auto it = resolved_.find(ref);
    return it == resolved_.end() ? nullptr : it->second;
  }
  /// The `with` objects an identifier reference must consult before its
  /// static resolution, innermost first; null when there are none.
  const std::vector<Variable*>* WithObjects(const ast::Node* ref) const {
    auto it = with_refs_.find(ref);
    return it == with_refs_.end() ? nullptr : &it->second;
  }
  /// Variable of a binding identifier (a declaration's name).
  Variable* Binding(const ast::Node* id) const { return Resolve(id); }
  Scope* script_scope() const { return script_scope_; }
  /// Sloppy eval code that sees its caller's scopes: the caller's function
  /// scope that is its variable environment (null: the global one).
  Scope* eval_var_scope() const { return eval_var_scope_; }
  /// ... seen from that function's parameter list.
  bool eval_in_params() const { return eval_in_params_; }
  /// The separate var scope of a function with parameter expressions.
  Scope* BodyScopeOf(const ast::Function* f) const {
    auto it = body_scopes_.find(f);
    return it == body_scopes_.end() ? nullptr : it->second;
  }
  /// A direct eval call in its function's parameter list.
  bool IsParamEval(const ast::Node* call) const { return param_evals_.count(call) != 0; }
  /// A compiler-internal variable attached to a node or class member; null
  /// when there is none (the value is then read directly from the frame).
  Variable* Aux(const void* key, AuxSlot slot) const {
    auto it = aux_.find({key, slot});
    return it == aux_.end() ? nullptr : it->second;
  }

 private:
  friend class Analyzer;
  std::vector<std::unique_ptr<Scope>> scopes_;
  std::vector<std::unique_ptr<Variable>> variables_;
  absl::flat_hash_map<const ast::Node*, Scope*> scopes_by_node_;
  absl::flat_hash_map<const ast::Node*, Variable*> resolved_;
  std::unordered_map<const ast::Node*, std::vector<Variable*>> with_refs_;
  Scope* script_scope_ = nullptr;
  Scope* eval_var_scope_ = nullptr;
  bool eval_in_params_ = false;
  absl::flat_hash_map<const ast::Function*, Scope*> body_scopes_;
  std::unordered_set<const ast::Node*> param_evals_;
  std::map<std::pair<const void*, AuxSlot>, Variable*> aux_;
 public:
  /// B.3.2.2: block-level functions of sloppy global code that also get a
  /// global var binding.
  std::vector<const ast::FunctionDecl*> annexb_globals;
  bool IsAnnexBGlobal(const ast::FunctionDecl* fd) const {
    for (auto* x : annexb_globals) {
      if (x == fd) return true;
    }
    return false;
  }

 private:
  std::deque<std::u16string> owned_names_;  // names of internal variables
};

/// Collects the names a statement declares with `var` (not looking into
/// nested functions).
void CollectVarNames(ast::Node* stmt, std::vector<ast::Identifier*>* out);

/// Collects the names bound by a binding pattern (Identifier nodes).
void CollectBoundNames(ast::Node* pattern, std::vector<ast::Identifier*>* out);

}  // namespace ratchet::internal

#endif  // RATCHET_COMPILER_SCOPE_H_
