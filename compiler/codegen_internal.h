// The generator's private state, shared by codegen.cc (functions and
// statements), codegen_expr.cc (expressions and patterns), codegen_names.cc
// (variable references), codegen_class.cc and codegen_module.cc.
#ifndef RATCHET_COMPILER_CODEGEN_INTERNAL_H_
#define RATCHET_COMPILER_CODEGEN_INTERNAL_H_

#include <functional>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "compiler/ast.h"
#include "compiler/codegen.h"
#include "compiler/compiled.h"
#include "compiler/scope.h"
#include "compiler/stack_limit.h"
#include "vm/bytecode.h"

namespace ratchet::internal {

// Self-hosted helper ids, in the order of RATCHET_SELF_HOSTED in
// vm/realm.h (checked by a test).
enum class Helper : uint32_t {
  kAdd, kArith, kCompare, kLooseEquals, kToPropertyKey, kToStringSlow, kToNumericSlow,
  kInstanceOf, kIterableToArray, kGetKeyedSlow, kSetKeyedSlow, kDeleteKeyedSlow, kInSlow,
  kGetIterator, kIteratorClose, kCopyDataProperties, kObjectRest, kPromiseReactionJob,
  kResolveThenable, kPromiseCallExecutor, kAsyncAwait, kAsyncFunctionResolve, kAsyncFunctionReject,
  kAsyncGeneratorYield, kAsyncGeneratorComplete, kGetAsyncIterator, kConvertArgumentAndRetry, kUnaryArith,
  kTypedArraySetSlow, kUsingNew, kUsingAdd, kUsingDispose, kUsingDisposeAsync, kFinalizationRegistryCleanup,
  kIteratorCloseQuietly, kDynamicImport, kImportMeta, kModuleRun,
  kProxyGet, kProxySetAccess, kProxyHas, kProxyDelete, kProxyCall, kProxyConstruct, kProxyForInKeys, kOrdinaryHasInstanceSlow, kProxyGetPrototypeOf, kProxySetPrototypeOf, kProxyIsExtensible, kProxyPreventExtensions, kProxyGetOwnPropertyDescriptor, kProxyDefinePropertyOrThrow, kProxyDefineOwnProperty, kProxyOwnKeys, kProxyOwnKeysFiltered, kProxyHasOwn,
  kProxyReceiverSet, kProxyIntegrity, kConstructWithJsPrototype, kClassProtoParent, kWithHasBinding, kWithObject, kProxyCreateDataProperty, kWithGetBinding, kWithSetBinding,
  kInstallErrorCause, kSetterIgnoringPrototype, kBoundFunctionFinish, kEvalVarsHas, kEvalVarsDeclare,
  kDeleteGlobalBinding, kPrivateAddToProxy, kSuperSetWithProxy,
};

struct FinallyContext {
  uint32_t kind_reg;   // 0 normal, 1 throw, 2 return, >= 3 a pending jump
  uint32_t value_reg;  // the exception or the return value
  Label* finally_label;
  struct Pending {
    int32_t id;
    struct ControlEntry* target;  // null for return
    bool is_continue;
  };
  std::vector<Pending> pending;
  int32_t next_id = 3;
};

struct ControlEntry {
  std::vector<std::u16string_view> labels;
  bool is_loop = false;
  bool is_switch = false;
  bool is_breakable = false;  // loops, switch, labelled statements
  Label* break_label = nullptr;
  Label* continue_label = nullptr;
  int env_depth = 0;
  FinallyContext* finally = nullptr;  // a try-finally boundary
};

class Generator;

/// An evaluated member reference: its base and key in registers.
struct MemberRef {
  enum Kind : uint8_t { kNamed, kKeyed, kSuper, kPrivate } kind = kNamed;
  uint32_t obj = 0;   // the base; kSuper: this, with the home object in obj+1
  uint32_t key = 0;   // kKeyed, kSuper, kPrivate: the key (private: its name)
  uint32_t name = 0;  // kNamed: the name constant
};

/// Scoped temporaries: registers allocated through it are released when it
/// goes out of scope.
class RegScope {
 public:
  explicit RegScope(Generator* g);
  ~RegScope();
  uint32_t Temp();
  uint32_t Temps(uint32_t n);  // contiguous

 private:
  Generator* g_;
  uint32_t mark_;
};

class Generator {
 public:
  Generator(ScopeInfo& info, CompileError* error, const CompileOptions& options,
            CompiledFunction* out, Generator* parent)
      : info_(info),
        error_(error),
        stack_(parent != nullptr ? parent->stack_ : &own_stack_),
        options_(options),
        out_(out),
        parent_(parent) {}

  bool CompileScript(ast::Program* program, SelfHostedLayout* layout);
  bool CompileFunctionBody(const ast::Function* f);
  /// A module body (codegen_module.cc); `f` stands for the module's own
  /// (possibly async) function.
  bool CompileModuleBody(ast::Program* program, const ast::Function* f, ModuleLayout* layout);
  /// ExportDeclaration statements of a module body.
  void ExportStatement(ast::ExportDecl* e);
  /// The body of a class's instance or static field initializer.
  bool CompileClassInitializerBody(ast::Class* c, bool is_static);

  // ---- registers, constants, positions ----
  uint32_t AllocReg() {
    uint32_t r = next_reg_++;
    if (next_reg_ > out_->num_registers) out_->num_registers = next_reg_;
    return r;
  }
  uint32_t next_reg_ = 0;

 private:
  friend class RegScope;

  bool Fail(const std::string& msg, const ast::Node* at);
  uint32_t NumberConst(double d);
  uint32_t StringConst(std::u16string_view s);
  uint32_t NewIc() { return out_->num_ics++; }
  void SetPos(const ast::Node* n);
  uint32_t CompileNestedFunction(const ast::Function* f, CodeKind kind, std::u16string_view name);
  uint32_t CompileClassInitializer(ast::Class* c, bool is_static);
  /// Initializes the function's pseudo-variables (this, new.target,
  /// arguments, its own name, home object) that live in variables.
  void EmitPseudoBindings(Scope* fs, const ast::Function* f);

  // ---- scopes ----
  void EnterScope(Scope* s);   // pushes its env if it has one
  void LeaveScope(Scope* s);   // pops it
  void AllocateScopeRegisters(Scope* s);
  void InitLexicalsToEmpty(Scope* s);
  void HoistFunctionDeclarations(Scope* s, const ast::List<ast::Stmt*>& body);
  uint32_t EnvDepthTo(const Scope* target) const;
  bool NeedsTdzCheck(const Variable* v, const ast::Node* ref) const;

  // ---- variables ----
  void LoadVariable(Variable* v, const ast::Node* ref, uint32_t dst);
  void LoadName(const ast::Identifier* id, uint32_t dst);
  /// Stores src into the binding `id` refers to. `init`: a declaration's
  /// initialization (no TDZ check, const allowed).
  void StoreName(const ast::Identifier* id, uint32_t src, bool init);
  void LoadNameStatic(const ast::Identifier* id, uint32_t dst);
  void StoreNameStatic(const ast::Identifier* id, uint32_t src, bool init);
  /// A reference inside `with`: for each with object around it (innermost
  /// first) that has the name and does not block it with @@unscopables,
  /// `found(obj)` emits the access on the object; else `fallback()` the
  /// static one. Returns false (emitting nothing) when no with is around.
  bool WithLookup(const ast::Identifier* id, const std::function<void(uint32_t obj, uint32_t name)>& found,
                  const std::function<void()>& fallback);
  void WithGetBinding(uint32_t obj, uint32_t name, uint32_t dst);
  /// A reference inside with, resolved once (13.15.2 step 1): R[ref] := the
  /// object that has the binding, or undefined for the static binding;
  /// then read or written through that resolution.
  void ResolveWithRef(const ast::Identifier* id, uint32_t ref);
  void LoadWithRef(const ast::Identifier* id, uint32_t ref, uint32_t dst);
  void StoreWithRef(const ast::Identifier* id, uint32_t ref, uint32_t src);
  bool with_found_eval_vars_ = false;  // WithLookup's `found` has an eval var object
  /// Sloppy eval code whose variable environment is its caller's function:
  /// R[value] becomes the binding `name` there (a var the function has, or
  /// a property of its eval var object); `function`: overwrite an existing
  /// property (else only create it, as undefined).
  void EvalVarDeclare(std::u16string_view name, uint32_t value, bool function);
  void StoreVariable(Variable* v, const ast::Node* ref, uint32_t src, bool init);

  // ---- statements ----
  void Statements(const ast::List<ast::Stmt*>& body);
  void Statement(ast::Node* s);
  void VarDeclaration(ast::VarDecl* d);
  void IfStatement(ast::If* s);
  void ForStatement(ast::For* s, ControlEntry* ce);
  void ForInOfStatement(ast::Node* s, ControlEntry* ce);
  void WhileStatement(ast::While* s, ControlEntry* ce);
  void DoWhileStatement(ast::DoWhile* s, ControlEntry* ce);
  void SwitchStatement(ast::Switch* s, ControlEntry* ce);
  void TryStatement(ast::Try* s);
  // using / await using: runs `body` with a dispose stack, disposing its
  // resources on every exit (normal, throw, return, break, continue).
  void WithDisposal(const std::function<void()>& body, bool is_async);
  /// Runs `body`; an abrupt exit (other than `continue` of `loop`) closes
  /// `iter` — quietly for a throw — unless R[done] (when given) is true.
  void WithIteratorClose(uint32_t iter, struct ControlEntry* loop, const std::function<void()>& body,
                         uint32_t done = UINT32_MAX);
  /// A try-finally region; `normal_is_noop`: the finalizer does nothing on
  /// a normal completion, which then skips it (for-of loops' iterations).
  void FinallyRegion(const std::function<void()>& body, const std::function<void(FinallyContext&)>& finalizer,
                     bool normal_is_noop = false);
  // The finally part of a try-finally region opened at try_start (the
  // finalizer runs, then the pending completion resumes).
  void EmitFinally(struct FinallyContext& fin, Label* finally_label, uint32_t saved_env, uint32_t try_start,
                   const std::function<void()>& finalizer, bool normal_is_noop = false);
  uint32_t dispose_stack_reg_ = UINT32_MAX;  // the innermost using scope's dispose stack
  const ast::For* for_using_wrapped_ = nullptr;  // a for (using …;;) already inside its disposal
  static int UsingKind(const ast::List<ast::Stmt*>& body);
  void JumpTo(ControlEntry* target, bool is_continue, const ast::Node* at);
  void EmitReturn(uint32_t value_reg);
  void EmitDerivedReturnCheck();
  void EmitJumpThrough(size_t control_index, ControlEntry* target, bool is_continue);
  void EmitReturnThrough(size_t control_index, uint32_t value_reg);
  void EmitPopEnvs(int to_depth);
  void CompleteWithUndefined();

  // ---- expressions ----
  void Gen(ast::Node* e, uint32_t dst);
  /// The register holding e's value: a variable's own register when that is
  /// safe to read right now, else a fresh temporary of `rs`.
  uint32_t GenAny(ast::Node* e, RegScope& rs);
  bool IsSimple(const ast::Node* e) const;
  /// Evaluates e for its effects only (expression statements, a for
  /// loop's update): assignments and updates skip copying their value.
  void GenEffect(ast::Node* e);
  /// `l + k` / `l - k` for an integer literal k: one AddI/SubI. False when
  /// the operator or the operand does not fit.
  bool EmitImmediateOp(ast::BinaryOp op, uint32_t dst, uint32_t l, ast::Node* right);
  /// Jumps to `target` when the test is falsy (if, while, for): a relational
  /// comparison becomes one JmpNot* instruction on numbers.
  void JumpIfFalse(ast::Node* test, Label* target);
  /// `kNoDst` as the destination of AssignExpr/UpdateExpr: the value is
  /// not needed.
  static constexpr uint32_t kNoDst = UINT32_MAX;
  /// The register of a plain mutable variable that lives in a register and
  /// needs no TDZ check at `id` (writing it directly is unobservable), else
  /// kNoDst.
  uint32_t WritableRegister(const ast::Identifier* id);
  /// Whether evaluating e cannot assign any variable that lives in a
  /// register (conservative: literals, names, operators and property reads,
  /// whose getters and valueOf cannot reach a variable no closure captured).
  bool WritesNothing(const ast::Node* e, int depth = 0) const;
  void GenLiteral(ast::Node* e, uint32_t dst);
  void GenArrayLiteral(ast::ArrayLiteral* e, uint32_t dst);
  void GenObjectLiteral(ast::ObjectLiteral* e, uint32_t dst);
  void PropertyKeyToReg(ast::Node* key, bool computed, uint32_t dst);
  void GenTemplateLiteral(ast::TemplateLiteral* e, uint32_t dst);
  void TaggedTemplateExpr(ast::TaggedTemplate* e, uint32_t dst);
  void FunctionExpr(ast::Function* f, uint32_t dst, std::u16string_view inferred_name);
  /// Evaluates e; an anonymous function or class gets `name` (NamedEvaluation).
  void GenNamed(ast::Node* e, uint32_t dst, std::u16string_view name);
  void ClassExpr(ast::Class* c, uint32_t dst, std::u16string_view inferred_name);
  void EmitPrivateMethods(ast::Class* c, bool is_static, uint32_t target,
                          const std::map<const ast::ClassMember*, uint32_t>* regs);
  /// R[base] := this, R[base+1] := the home object, for `super` references.
  void LoadSuperBase(ast::Node* super_node, uint32_t base);
  /// Evaluates a member reference's base and key (`to_key`: converts a
  /// computed key once, for read-modify-write).
  /// Evaluates a member reference's base and key. With `then_known`,
  /// `then` is what the caller evaluates after it before using the
  /// reference (nullptr: nothing), and a variable base that it leaves alone
  /// is used in place instead of copied.
  void PrepareMember(ast::Member* m, MemberRef* r, RegScope& rs, bool to_key, bool then_known = false,
                     const ast::Node* then = nullptr);
  void LoadMember(const MemberRef& r, uint32_t dst);
  void StoreMember(const MemberRef& r, uint32_t src);
  void UnaryExpr(ast::Unary* e, uint32_t dst);
  void UpdateExpr(ast::Update* e, uint32_t dst);
  void BinaryExpr(ast::Binary* e, uint32_t dst);
  void LogicalExpr(ast::Logical* e, uint32_t dst);
  void AssignExpr(ast::Assign* e, uint32_t dst);
  void ConditionalExpr(ast::Conditional* e, uint32_t dst);
  void CallExpr(ast::Call* e, uint32_t dst);
  void NewExpr(ast::New* e, uint32_t dst);
  void MemberExpr(ast::Member* e, uint32_t dst);
  void YieldExpr(ast::Yield* e, uint32_t dst);
  void YieldDelegate(ast::Yield* e, uint32_t dst);
  /// Await R[value] (async functions): R[dst] := the fulfilled value.
  void EmitAwait(uint32_t value, uint32_t dst);
  void AsyncGeneratorYield(uint32_t value, uint32_t dst);
  void EmitAsyncGeneratorYieldStep(uint32_t value, uint32_t r);
  /// Suspend delivering R[src]; then dispatch on the resume mode: throw
  /// rethrows, return returns (through finally blocks); next leaves the
  /// resume value in R[dst].
  void EmitSuspendAndDispatch(uint32_t src, uint32_t dst);
  /// Evaluates arguments; returns true when they were spread into an array
  /// in `*argv` (else argv..argv+argc hold them).
  bool Arguments(const ast::List<ast::Expr*>& args, uint32_t* argv, uint32_t* argc, RegScope& rs);
  void EmitBinaryOp(ast::BinaryOp op, uint32_t dst, uint32_t l, uint32_t r);
  void CallHelper(Helper h, uint32_t dst, std::initializer_list<uint32_t> args);
  std::u16string_view InferredName(ast::Node* target) const;

  // ---- patterns ----
  /// Assigns the value in `value` to a binding or assignment target.
  void BindPattern(ast::Node* target, uint32_t value, bool init, bool is_declaration);
  void ObjectPatternBind(ast::ObjectPattern* p, uint32_t value, bool init, bool is_declaration);
  void ArrayPatternBind(ast::ArrayPattern* p, uint32_t value, bool init, bool is_declaration);

  ScopeInfo& info_;
  CompileError* error_;
  StackLimit own_stack_;
  const StackLimit* stack_;  // the outermost generator's budget
  const CompileOptions& options_;
  CompiledFunction* out_;
  Generator* parent_;
  BytecodeBuilder b_;
  bool failed_ = false;
  bool is_script_ = false;
  const ast::Function* function_ = nullptr;
  Scope* scope_ = nullptr;          // innermost scope whose env state is current
  Scope* function_scope_ = nullptr;
  int env_depth_ = 0;               // envs pushed by this function so far
  uint32_t completion_reg_ = 0;
  bool track_completion_ = false;
  uint32_t gen_reg_ = UINT32_MAX;      // generators/async: the generator object
  uint32_t promise_reg_ = UINT32_MAX;  // async functions: the result promise
  uint32_t derived_return_reg_ = UINT32_MAX;  // derived constructors: the
  Label derived_return_;                      // return value and epilogue
  std::vector<ControlEntry*> control_;
  std::vector<Label*> optional_chain_;
  std::map<uint64_t, uint32_t> number_consts_;
  std::map<std::u16string, uint32_t> string_consts_;
  uint32_t last_pos_pc_ = UINT32_MAX;
};

inline RegScope::RegScope(Generator* g) : g_(g), mark_(g->next_reg_) {}
inline RegScope::~RegScope() { g_->next_reg_ = mark_; }
inline uint32_t RegScope::Temp() { return g_->AllocReg(); }
inline uint32_t RegScope::Temps(uint32_t n) {
  uint32_t first = g_->next_reg_;
  for (uint32_t i = 0; i < n; ++i) g_->AllocReg();
  return first;
}

}  // namespace ratchet::internal

#endif  // RATCHET_COMPILER_CODEGEN_INTERNAL_H_
