#include "compiler/scope.h"

#include <string>

#include "compiler/stack_limit.h"

namespace ratchet::internal {

bool Variable::scope_always_tdz() const { return scope != nullptr && scope->always_tdz; }

using namespace ast;  // NOLINT: the AST's node names read best unqualified here

void CollectBoundNames(Node* pattern, std::vector<Identifier*>* out) {
  if (pattern == nullptr) return;
  switch (pattern->kind) {
    case Kind::kIdentifier:
      out->push_back(pattern->As<Identifier>());
      break;
    case Kind::kObjectPattern: {
      auto* p = pattern->As<ObjectPattern>();
      for (auto& prop : p->properties) CollectBoundNames(prop.value, out);
      CollectBoundNames(p->rest, out);
      break;
    }
    case Kind::kArrayPattern: {
      auto* p = pattern->As<ArrayPattern>();
      for (Node* e : p->elements) CollectBoundNames(e, out);
      CollectBoundNames(p->rest, out);
      break;
    }
    case Kind::kAssignmentPattern:
      CollectBoundNames(pattern->As<AssignmentPattern>()->target, out);
      break;
    case Kind::kRestElement:
      CollectBoundNames(pattern->As<RestElement>()->target, out);
      break;
    default:
      break;
  }
}

void CollectVarNames(Node* n, std::vector<Identifier*>* out) {
  if (n == nullptr) return;
  switch (n->kind) {
    case Kind::kVarDecl: {
      auto* d = n->As<VarDecl>();
      if (d->var_kind == ast::VarKind::kVar) {
        for (auto& decl : d->declarators) CollectBoundNames(decl.target, out);
      }
      break;
    }
    case Kind::kBlock:
      for (Node* s : n->As<Block>()->body) CollectVarNames(s, out);
      break;
    case Kind::kIf:
      CollectVarNames(n->As<If>()->consequent, out);
      CollectVarNames(n->As<If>()->alternate, out);
      break;
    case Kind::kFor:
      CollectVarNames(n->As<For>()->init, out);
      CollectVarNames(n->As<For>()->body, out);
      break;
    case Kind::kForIn:
      CollectVarNames(n->As<ForIn>()->left, out);
      CollectVarNames(n->As<ForIn>()->body, out);
      break;
    case Kind::kForOf:
      CollectVarNames(n->As<ForOf>()->left, out);
      CollectVarNames(n->As<ForOf>()->body, out);
      break;
    case Kind::kWhile:
      CollectVarNames(n->As<While>()->body, out);
      break;
    case Kind::kDoWhile:
      CollectVarNames(n->As<DoWhile>()->body, out);
      break;
    case Kind::kLabeled:
      CollectVarNames(n->As<Labeled>()->body, out);
      break;
    case Kind::kWith:
      CollectVarNames(n->As<With>()->body, out);
      break;
    case Kind::kSwitch:
      for (auto& c : n->As<Switch>()->cases) {
        for (Node* s : c.body) CollectVarNames(s, out);
      }
      break;
    case Kind::kTry: {
      auto* t = n->As<Try>();
      CollectVarNames(t->block, out);
      CollectVarNames(t->handler, out);
      CollectVarNames(t->finalizer, out);
      break;
    }
    case Kind::kExportDecl:
      CollectVarNames(n->As<ExportDecl>()->declaration, out);
      break;
    default:
      break;
  }
}

class Analyzer {
 public:
  Analyzer(ScopeInfo& info, CompileError* error) : info_(info), error_(error) {}

  bool Run(Program* program, bool self_hosted, const std::vector<std::u16string>& natives,
           const std::vector<OuterScope>* outer) {
    // A direct eval's code: its caller's environments, outermost first.
    Scope* parent = nullptr;
    if (outer != nullptr) {
      for (size_t i = outer->size(); i-- > 0;) {
        const OuterScope& o = (*outer)[i];
        Scope* s = NewScope(o.type, parent, nullptr);
        s->function_kind = o.function_kind;
        s->params_only = o.params_only;
        s->is_function_body = o.function_body;
        s->external = true;
        s->env_prebuilt = true;
        s->always_tdz = true;  // positions of another source prove nothing
        s->env_size = o.env_size;
        for (const OuterVariable& ov : o.vars) {
          // Seen from the parameter list, the body's declarations do not
          // exist yet (10.2.11 steps 27-28: a separate environment).
          bool body = ov.kind == BindingKind::kVar || ov.kind == BindingKind::kFunction ||
                      ov.kind == BindingKind::kLet || ov.kind == BindingKind::kConst ||
                      ov.kind == BindingKind::kClass;
          if (o.params_only && body) continue;
          info_.variables_.push_back(std::make_unique<Variable>());
          Variable* v = info_.variables_.back().get();
          v->name = ov.name;
          v->kind = ov.kind;
          v->scope = s;
          v->captured = v->in_env = true;
          v->index = ov.index;
          v->eval_vars = ov.eval_vars;
          s->vars.push_back(v);
          s->names[ov.name] = v;
          if (ov.with_object) s->with_object = v;
          if (ov.eval_vars) s->eval_vars = v;
        }
        parent = s;
      }
    }
    Scope* script = NewScope(ScopeType::kScript, parent, program);
    script->eval_transparent = parent != nullptr;
    info_.script_scope_ = script;
    self_hosted_ = self_hosted;
    if (self_hosted) {
      script->env_prebuilt = true;
      for (const std::u16string& n : natives) {
        native_names_.push_back(n);
      }
      for (const std::u16string& n : native_names_) {
        Variable* v = Declare(script, n, BindingKind::kNative, 0);
        v->captured = true;
      }
      // Top-level function declarations are the library's functions.
      for (Node* s : program->body) {
        if (auto* fd = s->As<FunctionDecl>()) {
          Variable* v = Declare(script, fd->function->name->name.view(), BindingKind::kFunction, 0);
          v->captured = true;
          info_.resolved_[fd->function->name] = v;
        } else {
          return Fail("self-hosted code may only contain function declarations", s);
        }
      }
    }
    current_ = script;
    if (program->is_module) {
      // 16.2.1.6.4 InitializeEnvironment: imports, then the module's own
      // declarations, all in the (host-built) module environment.
      module_ = true;
      eval_code_ = eval_strict_ = true;
      script->env_prebuilt = true;
      for (Node* s : program->body) {
        auto* im = s->As<ImportDecl>();
        if (im == nullptr) continue;
        for (auto& sp : im->specifiers) {
          bool ns = sp.imported == u"*" || sp.imported == ast::kDeferImportName;
          Variable* v = Declare(script, sp.local->name.view(), ns ? BindingKind::kConst : BindingKind::kImport, 0);
          info_.resolved_[sp.local] = v;
        }
      }
      for (Node* s : program->body) {
        auto* e = s->As<ExportDecl>();
        if (e == nullptr) continue;
        if (e->export_kind == ExportKind::kDefaultExpr) {
          Declare(script, u"*default*", BindingKind::kLet, e->end);
        } else if (e->export_kind == ExportKind::kDefaultDecl) {
          if (auto* fd = e->declaration->As<FunctionDecl>(); fd != nullptr && fd->function->name == nullptr) {
            Declare(script, u"*default*", BindingKind::kFunction, 0);
          } else if (auto* cd = e->declaration->As<ClassDecl>(); cd != nullptr && cd->class_node->name == nullptr) {
            Declare(script, u"*default*", BindingKind::kClass, e->end);
          }
        }
      }
    }
    if (!program->strict && !self_hosted) {  // B.3.2.2, and B.3.2.3 for global eval code
      for (FunctionDecl* fd : AnnexBFunctions(program->body, nullptr)) info_.annexb_globals.push_back(fd);
    }
    if (eval_code_) {
      // 19.2.1.3 EvalDeclarationInstantiation: a new lexical environment;
      // strict eval code also gets its own variable environment.
      DeclareLexicals(script, program->body);
      for (Node* s : program->body) HoistVars(script, s);
    }
    if (eval_code_ && !eval_strict_ && script->eval_transparent) CheckEvalVarNames(script, program);
    VisitStatements(program->body);
    AssignSlots();
    return !failed_;
  }

  // 19.2.1.3 EvalDeclarationInstantiation step 3 for eval code that sees
  // its caller's scopes: a var or function name bound lexically between
  // the eval and its variable environment is a SyntaxError (a catch
  // parameter is not, B.3.4); Annex B functions with such a name get no
  // var binding (B.3.2.3).
  void CheckEvalVarNames(Scope* script, Program* program) {
    Scope* var_scope = script->parent;
    while (var_scope != nullptr && var_scope->type == ScopeType::kBlock && !var_scope->is_function_body) {
      var_scope = var_scope->parent;
    }
    if (var_scope != nullptr && var_scope->type != ScopeType::kScript) {
      info_.eval_var_scope_ = var_scope;
      info_.eval_in_params_ = var_scope->params_only;
    }
    auto clashes = [&](std::u16string_view name) {
      for (Scope* s = script->parent; s != nullptr && s != var_scope; s = s->parent) {
        Variable* v = s->Find(name);
        if (v != nullptr && !v->IsInternal() && v->kind != BindingKind::kCatchParam) return true;
      }
      if (info_.eval_var_scope_ != nullptr) {
        Variable* v = info_.eval_var_scope_->Find(name);
        if (v != nullptr && (info_.eval_in_params_ ? v->kind == BindingKind::kParam || v->kind == BindingKind::kArguments
                                                   : v->IsLexical())) {
          return true;
        }
        // A function with parameter expressions always binds its arguments
        // object with the parameters (10.2.11 steps 18-22).
        if (info_.eval_in_params_ && name == u"arguments" &&
            info_.eval_var_scope_->function_kind != FunctionKind::kArrow) {
          return true;
        }
      }
      return false;
    };
    std::vector<Identifier*> names;
    for (Node* s : program->body) {
      CollectVarNames(s, &names);
      if (auto* fd = s->As<FunctionDecl>()) names.push_back(fd->function->name);
    }
    for (Identifier* id : names) {
      if (clashes(id->name.view())) {
        std::string utf8;
        for (char16_t ch : id->name.view()) utf8 += ch < 0x80 ? static_cast<char>(ch) : '?';
        Fail("Identifier '" + utf8 + "' has already been declared", id);
        return;
      }
    }
    std::vector<const FunctionDecl*> kept;
    for (const FunctionDecl* fd : info_.annexb_globals) {
      if (!clashes(fd->function->name->name.view())) kept.push_back(fd);
    }
    info_.annexb_globals = std::move(kept);
  }

  // The object for a sloppy function's eval-declared vars; declared before
  // the body is visited when the parser saw a direct eval in it, so that
  // references before the call consult it too.
  void DeclareEvalVars(Scope* fs) {
    if (fs->function->strict || fs->eval_vars != nullptr || self_hosted_) return;
    Variable* v = Declare(fs, u".evalvars", BindingKind::kHidden, 0);
    v->captured = true;
    v->eval_vars = true;
    fs->eval_vars = v;
  }

  // A direct eval call: the scopes it sees keep every binding in their
  // environments; a sloppy function gets the object for the vars its eval
  // code declares; the nearest non-arrow function keeps this, new.target,
  // arguments and its home object where eval code can read them.
  void NoteDirectEval(const Call* call) {
    for (Scope* s = current_; s != nullptr; s = s->parent) s->sees_direct_eval = true;
    Scope* vs = current_;
    while (vs != nullptr && vs->type == ScopeType::kBlock && !vs->is_function_body) vs = vs->parent;
    // In a parameter list: the parameters are the eval's lexical scope;
    // its vars live outside them (10.2.11 step 20).
    if (vs != nullptr && vs == params_of_) info_.param_evals_.insert(call);
    if (vs != nullptr && vs->type != ScopeType::kScript && !vs->external) DeclareEvalVars(vs);
    bool crossed;
    Scope* fs = NonArrowFunctionScope(&crossed);
    if (fs == nullptr || fs->external) return;
    auto keep = [&](BindingKind kind, std::u16string_view name) {
      Variable* v = Declare(fs, name, kind, 0);
      if (v != nullptr) v->captured = true;
    };
    if (fs->type == ScopeType::kScript) {
      if (crossed && !fs->eval_transparent && !self_hosted_) keep(BindingKind::kThis, u"this");
      return;
    }
    keep(BindingKind::kThis, u"this");
    keep(BindingKind::kNewTarget, u"new.target");
    switch (fs->function_kind) {
      case FunctionKind::kDerivedConstructor:
        keep(BindingKind::kActiveFunction, u".function");
        [[fallthrough]];
      case FunctionKind::kMethod:
      case FunctionKind::kGetter:
      case FunctionKind::kSetter:
      case FunctionKind::kClassConstructor:
        keep(BindingKind::kHome, u".home");
        keep(BindingKind::kArguments, u"arguments");
        break;
      case FunctionKind::kClassFieldInit:
      case FunctionKind::kClassStaticBlock:
        keep(BindingKind::kHome, u".home");
        break;
      case FunctionKind::kNormal:
        keep(BindingKind::kArguments, u"arguments");
        break;
      case FunctionKind::kArrow:
        break;
    }
  }

 private:
  bool Fail(const std::string& msg, const Node* at) {
    if (!failed_) {
      failed_ = true;
      error_->message = msg;
      error_->unsupported = msg.find("not supported yet") != std::string::npos;
      if (at != nullptr) {
        error_->line = at->pos.line;
        error_->column = at->pos.column;
      }
    }
    return false;
  }

  Scope* NewScope(ScopeType type, Scope* parent, const Node* node) {
    info_.scopes_.push_back(std::make_unique<Scope>());
    Scope* s = info_.scopes_.back().get();
    s->type = type;
    s->parent = parent;
    if (node != nullptr) info_.scopes_by_node_[node] = s;
    return s;
  }

  Variable* Declare(Scope* s, std::u16string_view name, BindingKind kind, uint32_t decl_end) {
    if (s->external) return s->Find(name);  // its layout is fixed
    if (Variable* existing = s->Find(name)) {
      // Redeclaration of var/function/param in the same function scope is
      // the same binding (the parser rejects the illegal combinations).
      if (kind == BindingKind::kFunction && existing->kind == BindingKind::kVar) existing->kind = kind;
      return existing;
    }
    info_.variables_.push_back(std::make_unique<Variable>());
    Variable* v = info_.variables_.back().get();
    v->name = name;
    v->kind = kind;
    v->scope = s;
    v->decl_end = decl_end;
    s->vars.push_back(v);
    s->names[name] = v;
    return v;
  }

  void DeclarePattern(Scope* s, Node* pattern, BindingKind kind, uint32_t decl_end) {
    std::vector<Identifier*> names;
    CollectBoundNames(pattern, &names);
    for (Identifier* id : names) {
      Variable* v = Declare(s, id->name.view(), kind, decl_end);
      info_.resolved_[id] = v;
    }
  }

  // Var-scoped declarations of a function body (not into nested functions).
  void HoistVars(Scope* fs, Node* n) {
    if (fs->type == ScopeType::kScript && !self_hosted_ && !eval_strict_) return;  // globals
    std::vector<Identifier*> names;
    CollectVarNames(n, &names);
    for (Identifier* id : names) Declare(fs, id->name.view(), BindingKind::kVar, 0);
  }

  // Lexical declarations directly in a statement list (block, switch,
  // function body).
  void DeclareLexicals(Scope* s, const List<Stmt*>& body) {
    for (Node* st : body) DeclareLexical(s, st);
  }
  void DeclareLexical(Scope* s, Node* st) {
    bool globals = s->type == ScopeType::kScript && !self_hosted_ && !eval_code_;
    bool global_functions = s->type == ScopeType::kScript && !self_hosted_ && !eval_strict_;
    if (auto* d = st->As<VarDecl>()) {
      if (d->var_kind == ast::VarKind::kVar || globals) return;
      BindingKind k = d->var_kind == ast::VarKind::kLet ? BindingKind::kLet : BindingKind::kConst;
      for (auto& decl : d->declarators) {
        // The binding is initialized once its initializer has run.
        DeclarePattern(s, decl.target, k, decl.init != nullptr ? decl.init->end : decl.target->end);
        std::vector<Identifier*> names;
        CollectBoundNames(decl.target, &names);
        for (Identifier* id : names) {
          if (Variable* v = s->Find(id->name.view()); v != nullptr && v->kind == k) v->lexical_decl = true;
        }
      }
    } else if (auto* c = st->As<ClassDecl>()) {
      if (globals || c->class_node->name == nullptr) return;
      Variable* v = Declare(s, c->class_node->name->name.view(), BindingKind::kClass, c->end);
      info_.resolved_[c->class_node->name] = v;
    } else if (auto* f = st->As<FunctionDecl>()) {
      if (global_functions || (self_hosted_ && s->type == ScopeType::kScript)) return;
      if (f->function->name == nullptr) return;  // export default function () {}
      BindingKind k = s->type == ScopeType::kBlock ? BindingKind::kLet : BindingKind::kFunction;
      Variable* v = Declare(s, f->function->name->name.view(), k, 0);
      if (s->type == ScopeType::kBlock) v->kind = BindingKind::kFunction;  // initialized at entry
      info_.resolved_[f->function->name] = v;
    } else if (auto* e = st->As<ExportDecl>()) {
      if (e->declaration != nullptr) DeclareLexical(s, e->declaration);
    }
  }

  // ---- Resolution ----

  Variable* Lookup(std::u16string_view name, bool* crossed, std::vector<Variable*>* withs = nullptr) {
    *crossed = false;
    for (Scope* s = current_; s != nullptr; s = s->parent) {
      if (Variable* v = s->Find(name)) return v;
      if (s->with_object != nullptr && withs != nullptr) withs->push_back(s->with_object);
      if (s->eval_vars != nullptr && withs != nullptr) withs->push_back(s->eval_vars);
      if (s->type == ScopeType::kFunction || s->eval_transparent) *crossed = true;
    }
    return nullptr;
  }

  void ResolveIdentifier(Identifier* id, bool declaration = false) {
    bool crossed;
    std::vector<Variable*> withs;
    Variable* v = Lookup(id->name.view(), &crossed, &withs);
    if (!withs.empty()) info_.with_refs_[id] = std::move(withs);
    if (v == nullptr && id->name == u"arguments") {
      // The implicit arguments object of the nearest non-arrow function.
      Scope* fs = NonArrowFunctionScope(&crossed);
      if (fs != nullptr && fs->type == ScopeType::kFunction && !fs->external) {
        v = Declare(fs, u"arguments", BindingKind::kArguments, 0);
      }
    }
    if (v == nullptr) return;  // global
    if (crossed) v->captured = true;
    if (!declaration && id->pos.offset < v->decl_end) v->early_ref = true;
    info_.resolved_[id] = v;
  }

  // Nearest scope whose `this` an arrow function sees; sets *crossed when an
  // arrow function boundary is between.
  Scope* NonArrowFunctionScope(bool* crossed) {
    *crossed = false;
    for (Scope* s = current_; s != nullptr; s = s->parent) {
      if (s->type == ScopeType::kScript) {
        if (!s->eval_transparent) return s;
        *crossed = true;  // eval code: its caller's this
      }
      if (s->type == ScopeType::kFunction) {
        if (s->function_kind != FunctionKind::kArrow) return s;
        *crossed = true;
      }
    }
    return nullptr;
  }

  void ResolvePseudo(Node* ref, BindingKind kind, std::u16string_view name) {
    Variable* v = PseudoVariable(kind, name);
    if (v != nullptr) info_.resolved_[ref] = v;
  }

  // The variable holding a pseudo-binding of the nearest non-arrow function
  // (this, new.target, its home object, itself); null when the code can
  // read it from its own frame.
  Variable* PseudoVariable(BindingKind kind, std::u16string_view name) {
    bool crossed;
    Scope* fs = NonArrowFunctionScope(&crossed);
    if (fs == nullptr) return nullptr;
    bool derived = fs->type == ScopeType::kFunction &&
                   fs->function_kind == FunctionKind::kDerivedConstructor;
    if (!crossed && !(kind == BindingKind::kThis && derived)) return nullptr;  // direct LdThis/...
    // A caller's scope without the binding: eval code's own frame has it
    // (the script's this, handed along).
    Variable* v = Declare(fs, name, kind, 0);
    if (crossed && v != nullptr) v->captured = true;
    return v;
  }

  // The nearest non-arrow function, if it is one where `super.x` is valid.
  bool SuperPropertyAllowed() {
    bool crossed;
    Scope* fs = NonArrowFunctionScope(&crossed);
    if (fs != nullptr && fs->type == ScopeType::kScript) return eval_super_property_;
    if (fs == nullptr || fs->type != ScopeType::kFunction) return false;
    switch (fs->function_kind) {
      case FunctionKind::kMethod:
      case FunctionKind::kGetter:
      case FunctionKind::kSetter:
      case FunctionKind::kClassConstructor:
      case FunctionKind::kDerivedConstructor:
      case FunctionKind::kClassFieldInit:
      case FunctionKind::kClassStaticBlock:
        return true;
      case FunctionKind::kNormal:
      case FunctionKind::kArrow:
        return false;
    }
    return false;
  }

  bool SuperCallAllowed() {
    bool crossed;
    Scope* fs = NonArrowFunctionScope(&crossed);
    if (fs != nullptr && fs->type == ScopeType::kScript) return eval_super_call_;
    return fs != nullptr && fs->type == ScopeType::kFunction &&
           fs->function_kind == FunctionKind::kDerivedConstructor;
  }

  std::u16string_view OwnName(std::u16string name) {
    info_.owned_names_.push_back(std::move(name));
    return info_.owned_names_.back();
  }

  Variable* DeclareHidden(Scope* s, const void* key, AuxSlot slot) {
    std::u16string name = u".";
    name += static_cast<char16_t>(u'a' + static_cast<int>(slot));
    for (uint32_t n = static_cast<uint32_t>(s->vars.size()); n != 0; n /= 10) {
      name += static_cast<char16_t>(u'0' + n % 10);
    }
    Variable* v = Declare(s, OwnName(std::move(name)), BindingKind::kHidden, 0);
    v->captured = true;
    info_.aux_[{key, slot}] = v;
    return v;
  }

  void ResolvePrivateName(PrivateName* pn) {
    std::u16string name = u"#";
    name += pn->name.view();
    bool crossed;
    Variable* v = Lookup(name, &crossed);
    if (v == nullptr || v->kind != BindingKind::kPrivateName) {
      std::string utf8;
      for (char16_t ch : name) utf8 += ch < 0x80 ? static_cast<char>(ch) : '?';
      Fail("Private field '" + utf8 + "' must be declared in an enclosing class", pn);
      return;
    }
    if (crossed) v->captured = true;
    info_.resolved_[pn] = v;
  }

  // ---- Walk ----

  void VisitStatements(const List<Stmt*>& body) {
    for (Node* s : body) VisitStmt(s);
  }

  void EnterBlock(Node* node, const List<Stmt*>& body) {
    Scope* s = NewScope(ScopeType::kBlock, current_, node);
    DeclareLexicals(s, body);
    Scope* saved = current_;
    current_ = s;
    VisitStatements(body);
    current_ = saved;
  }

  void VisitStmt(Node* n) {
    if (n == nullptr || failed_) return;
    if (stack_.Exceeded()) {
      Fail("Maximum nesting depth exceeded", n);
      return;
    }
    switch (n->kind) {
      case Kind::kVarDecl:
        for (auto& d : n->As<VarDecl>()->declarators) {
          VisitPattern(d.target, /*declaration=*/true);
          VisitExpr(d.init);
        }
        break;
      case Kind::kFunctionDecl:
        MarkDeclared(n->As<FunctionDecl>()->function);
        VisitFunction(n->As<FunctionDecl>()->function);
        break;
      case Kind::kClassDecl:
        VisitClass(n->As<ClassDecl>()->class_node);
        break;
      case Kind::kExpressionStatement:
        VisitExpr(n->As<ExpressionStatement>()->expression);
        break;
      case Kind::kBlock:
        EnterBlock(n, n->As<Block>()->body);
        break;
      case Kind::kEmpty:
      case Kind::kDebugger:
      case Kind::kContinue:
      case Kind::kBreak:
        break;
      case Kind::kIf:
        VisitExpr(n->As<If>()->test);
        VisitStmt(n->As<If>()->consequent);
        VisitStmt(n->As<If>()->alternate);
        break;
      case Kind::kFor: {
        auto* f = n->As<For>();
        Scope* s = NewScope(ScopeType::kBlock, current_, n);
        if (f->init != nullptr && f->init->Is<VarDecl>()) DeclareLexical(s, f->init);
        Scope* saved = current_;
        current_ = s;
        if (f->init != nullptr) {
          if (f->init->Is<VarDecl>()) {
            VisitStmt(f->init);
          } else {
            VisitExpr(f->init);
          }
        }
        VisitExpr(f->test);
        VisitExpr(f->update);
        VisitStmt(f->body);
        current_ = saved;
        break;
      }
      case Kind::kForIn:
      case Kind::kForOf: {
        Node* left = n->Is<ForIn>() ? n->As<ForIn>()->left : n->As<ForOf>()->left;
        Node* right = n->Is<ForIn>() ? n->As<ForIn>()->right : n->As<ForOf>()->right;
        Node* body = n->Is<ForIn>() ? n->As<ForIn>()->body : n->As<ForOf>()->body;
        Scope* s = NewScope(ScopeType::kBlock, current_, n);
        if (left->Is<VarDecl>()) DeclareLexical(s, left);
        Scope* saved = current_;
        // The right side sees the head's bindings in their TDZ.
        current_ = s;
        VisitExpr(right);
        if (left->Is<VarDecl>()) {
          for (auto& d : left->As<VarDecl>()->declarators) {
            VisitPattern(d.target);
            VisitExpr(d.init);
          }
        } else {
          VisitPattern(left);
        }
        VisitStmt(body);
        current_ = saved;
        break;
      }
      case Kind::kWhile:
        VisitExpr(n->As<While>()->test);
        VisitStmt(n->As<While>()->body);
        break;
      case Kind::kDoWhile:
        VisitStmt(n->As<DoWhile>()->body);
        VisitExpr(n->As<DoWhile>()->test);
        break;
      case Kind::kReturn:
        VisitExpr(n->As<Return>()->argument);
        break;
      case Kind::kThrow:
        VisitExpr(n->As<Throw>()->argument);
        break;
      case Kind::kWith: {
        // 14.11 The with statement: an object environment between the body
        // and the outer scopes; references that cross it consult the object.
        auto* w = n->As<With>();
        VisitExpr(w->object);
        Scope* s = NewScope(ScopeType::kBlock, current_, n);
        Variable* obj = Declare(s, u".with", BindingKind::kHidden, 0);
        obj->captured = true;
        s->with_object = obj;
        Scope* saved = current_;
        current_ = s;
        VisitStmt(w->body);
        current_ = saved;
        break;
      }
      case Kind::kSwitch: {
        auto* sw = n->As<Switch>();
        VisitExpr(sw->discriminant);
        Scope* s = NewScope(ScopeType::kBlock, current_, n);
        s->always_tdz = true;
        for (auto& c : sw->cases) DeclareLexicals(s, c.body);
        Scope* saved = current_;
        current_ = s;
        for (auto& c : sw->cases) {
          VisitExpr(c.test);
          VisitStatements(c.body);
        }
        current_ = saved;
        break;
      }
      case Kind::kLabeled:
        VisitStmt(n->As<Labeled>()->body);
        break;
      case Kind::kTry: {
        auto* t = n->As<Try>();
        VisitStmt(t->block);
        if (t->handler != nullptr) {
          Scope* s = NewScope(ScopeType::kBlock, current_, n);
          if (t->param != nullptr) DeclarePattern(s, t->param, BindingKind::kCatchParam, 0);
          Scope* saved = current_;
          current_ = s;
          if (t->param != nullptr) VisitPattern(t->param);
          VisitStmt(t->handler);
          current_ = saved;
        }
        VisitStmt(t->finalizer);
        break;
      }
      case Kind::kImportDecl:
        break;
      case Kind::kExportDecl: {
        auto* e = n->As<ExportDecl>();
        if (e->declaration != nullptr) VisitStmt(e->declaration);
        VisitExpr(e->expression);
        break;
      }
      default:
        Fail("unexpected statement", n);
        break;
    }
  }

  // Binding or assignment targets: resolve identifiers, visit defaults and
  // computed keys. `declaration`: the identifiers are the bindings a
  // declaration creates (not references before their initialization).
  void VisitPattern(Node* n, bool declaration = false) {
    if (n == nullptr) return;
    switch (n->kind) {
      case Kind::kIdentifier:
        ResolveIdentifier(n->As<Identifier>(), declaration);
        break;
      case Kind::kObjectPattern: {
        auto* p = n->As<ObjectPattern>();
        for (auto& prop : p->properties) {
          if (prop.computed) VisitExpr(prop.key);
          VisitPattern(prop.value, declaration);
        }
        VisitPattern(p->rest, declaration);
        break;
      }
      case Kind::kArrayPattern: {
        auto* p = n->As<ArrayPattern>();
        for (Node* e : p->elements) VisitPattern(e, declaration);
        VisitPattern(p->rest, declaration);
        break;
      }
      case Kind::kAssignmentPattern:
        VisitPattern(n->As<AssignmentPattern>()->target, declaration);
        VisitExpr(n->As<AssignmentPattern>()->default_value);
        break;
      case Kind::kRestElement:
        VisitPattern(n->As<RestElement>()->target, declaration);
        break;
      case Kind::kHole:
        break;
      default:
        VisitExpr(n);  // member expressions in assignment patterns
        break;
    }
  }

  // ---- B.3.2 Block-level function declarations in sloppy code ----

  static void LexicalNames(const List<Stmt*>& body, std::vector<std::u16string_view>* out, bool functions) {
    for (Node* st : body) {
      if (auto* d = st->As<VarDecl>()) {
        if (d->var_kind == ast::VarKind::kVar) continue;
        std::vector<Identifier*> ids;
        for (auto& decl : d->declarators) CollectBoundNames(decl.target, &ids);
        for (Identifier* id : ids) out->push_back(id->name.view());
      } else if (auto* c = st->As<ClassDecl>()) {
        if (c->class_node->name != nullptr) out->push_back(c->class_node->name->name.view());
      } else if (auto* fd = st->As<FunctionDecl>(); fd != nullptr && functions) {
        out->push_back(fd->function->name->name.view());
      }
    }
  }

  // Collects the functions declared in blocks under `n` (not in nested
  // functions) whose name clashes with no enclosing lexical declaration.
  void WalkAnnexB(Node* n, std::vector<std::u16string_view>& lex, std::vector<FunctionDecl*>* out) {
    if (n == nullptr || stack_.Exceeded()) return;
    auto statements = [&](const List<Stmt*>& body) {
      size_t mark = lex.size();
      LexicalNames(body, &lex, false);
      for (Node* st : body) {
        auto* fd = st->As<FunctionDecl>();
        if (fd == nullptr || fd->function->is_async || fd->function->is_generator) continue;
        std::u16string_view name = fd->function->name->name.view();
        bool clash = false;
        for (size_t i = 0; i < mark; ++i) clash |= lex[i] == name;
        if (!clash) out->push_back(fd);
      }
      for (Node* st : body) {
        if (auto* fd = st->As<FunctionDecl>()) lex.push_back(fd->function->name->name.view());
      }
      for (Node* st : body) WalkAnnexB(st, lex, out);
      lex.resize(mark);
    };
    switch (n->kind) {
      case Kind::kBlock:
        statements(n->As<Block>()->body);
        break;
      case Kind::kSwitch: {
        std::vector<Stmt*> all;
        for (auto& c : n->As<Switch>()->cases) {
          for (Stmt* st : c.body) all.push_back(st);
        }
        statements(List<Stmt*>{all.data(), static_cast<uint32_t>(all.size())});
        break;
      }
      case Kind::kIf:
        WalkAnnexB(n->As<If>()->consequent, lex, out);
        WalkAnnexB(n->As<If>()->alternate, lex, out);
        break;
      case Kind::kFor:
      case Kind::kForIn:
      case Kind::kForOf: {
        size_t mark = lex.size();
        Node* head = n->Is<For>() ? n->As<For>()->init : n->Is<ForIn>() ? n->As<ForIn>()->left : n->As<ForOf>()->left;
        if (auto* d = head != nullptr ? head->As<VarDecl>() : nullptr; d != nullptr && d->var_kind != ast::VarKind::kVar) {
          std::vector<Identifier*> ids;
          for (auto& decl : d->declarators) CollectBoundNames(decl.target, &ids);
          for (Identifier* id : ids) lex.push_back(id->name.view());
        }
        Node* body = n->Is<For>() ? n->As<For>()->body : n->Is<ForIn>() ? n->As<ForIn>()->body : n->As<ForOf>()->body;
        WalkAnnexB(body, lex, out);
        lex.resize(mark);
        break;
      }
      case Kind::kWhile:
        WalkAnnexB(n->As<While>()->body, lex, out);
        break;
      case Kind::kDoWhile:
        WalkAnnexB(n->As<DoWhile>()->body, lex, out);
        break;
      case Kind::kLabeled:
        WalkAnnexB(n->As<Labeled>()->body, lex, out);
        break;
      case Kind::kWith:
        WalkAnnexB(n->As<With>()->body, lex, out);
        break;
      case Kind::kTry: {
        auto* t = n->As<Try>();
        WalkAnnexB(t->block, lex, out);
        size_t mark = lex.size();
        // B.3.4: a simple catch parameter does not block the var binding.
        if (t->param != nullptr && !t->param->Is<Identifier>()) {
          std::vector<Identifier*> ids;
          CollectBoundNames(t->param, &ids);
          for (Identifier* id : ids) lex.push_back(id->name.view());
        }
        WalkAnnexB(t->handler, lex, out);
        lex.resize(mark);
        WalkAnnexB(t->finalizer, lex, out);
        break;
      }
      default:
        break;
    }
  }

  std::vector<FunctionDecl*> AnnexBFunctions(const List<Stmt*>& body, const List<Expr*>* params) {
    std::vector<std::u16string_view> lex;
    LexicalNames(body, &lex, false);
    if (params != nullptr) {
      std::vector<Identifier*> ids;
      for (Node* p : *params) CollectBoundNames(p, &ids);
      for (Identifier* id : ids) lex.push_back(id->name.view());
    }
    std::vector<FunctionDecl*> out;
    for (Node* st : body) WalkAnnexB(st, lex, &out);
    return out;
  }

  void VisitFunction(Function* f) {
    Scope* fs = NewScope(ScopeType::kFunction, current_, f);
    fs->function = f;
    fs->function_kind = f->function_kind;
    // Parameters, then the callee's own name (shadowed by anything else).
    for (Node* p : f->params) DeclarePattern(fs, p, BindingKind::kParam, 0);
    // 10.2.11 step 28: with parameter expressions, the body's vars (and
    // lexicals) live in an environment of their own, below the parameters,
    // and each parameter is in its TDZ until its element is bound (step 26).
    Scope* vs = fs;
    if (HasParameterExpressions(f)) {
      for (Node* p : f->params) {
        std::vector<Identifier*> ids;
        CollectBoundNames(p, &ids);
        for (Identifier* id : ids) {
          if (Variable* v = fs->Find(id->name.view()); v != nullptr && v->kind == BindingKind::kParam) {
            v->tdz_param = true;
            v->decl_end = p->end;
          }
        }
      }
      vs = NewScope(ScopeType::kBlock, fs, nullptr);
      vs->function = f;
      vs->is_function_body = true;
      info_.body_scopes_[f] = vs;
    }
    for (Node* s : f->body) HoistVars(vs, s);
    DeclareLexicals(vs, f->body);
    if (!f->strict && !self_hosted_) {
      for (FunctionDecl* fd : AnnexBFunctions(f->body, &f->params)) {
        if (fd->function->name->name == u"arguments") continue;  // B.3.2.1 step 22.e
        Variable* v = Declare(vs, fd->function->name->name.view(), BindingKind::kVar, 0);
        info_.aux_[{fd, AuxSlot::kAnnexBVar}] = v;
      }
    }
    for (Node* s : f->body) {
      if (auto* fd = s->As<FunctionDecl>()) {
        Variable* v = Declare(vs, fd->function->name->name.view(), BindingKind::kFunction, 0);
        info_.resolved_[fd->function->name] = v;
      }
    }
    bool is_expression = f->name != nullptr && !declared_functions_.count(f);
    if (is_expression && f->function_kind == FunctionKind::kNormal && !fs->Find(f->name->name.view())) {
      Variable* v = Declare(fs, f->name->name.view(), BindingKind::kCallee, 0);
      info_.resolved_[f->name] = v;
    }
    Scope* saved = current_;
    current_ = fs;
    if (f->contains_direct_eval) {
      DeclareEvalVars(vs);
      if (vs != fs) DeclareEvalVars(fs);  // evals in the parameter list
    }
    Scope* saved_params = params_of_;
    params_of_ = fs;
    for (Node* p : f->params) VisitPattern(p);
    params_of_ = nullptr;
    current_ = vs;
    VisitStatements(f->body);
    params_of_ = saved_params;
    current_ = saved;
    // A mapped arguments object aliases the parameters: they live in the
    // environment, where it can reach them.
    Variable* args = fs->Find(u"arguments");
    if (args != nullptr && args->kind == BindingKind::kArguments && !f->strict && vs == fs) {
      for (Variable* v : fs->vars) {
        if (v->kind == BindingKind::kParam) v->captured = true;
      }
    }
  }

  static bool HasParameterExpressions(const Function* f) {
    for (const Node* p : f->params) {
      if (!p->Is<Identifier>()) return true;
    }
    return false;
  }

  void VisitClass(Class* c) {
    Scope* cs = NewScope(ScopeType::kBlock, current_, c);
    if (c->name != nullptr) {
      Variable* v = Declare(cs, c->name->name.view(), BindingKind::kConst, c->end);
      (void)v;
    }
    Scope* saved = current_;
    current_ = cs;
    // The heritage is evaluated in the class scope (the name in its TDZ)
    // but with the outer private names (15.7.14 step 8).
    VisitExpr(c->super_class);
    // Private names are visible in the whole body (the parser rejected
    // duplicates). A getter and a setter share one name.
    for (auto& m : c->members) {
      if (m.key == nullptr || !m.key->Is<PrivateName>()) continue;
      std::u16string name = u"#";
      name += m.key->As<PrivateName>()->name.view();
      Variable* v = cs->Find(name);
      if (v == nullptr) v = Declare(cs, OwnName(std::move(name)), BindingKind::kPrivateName, 0);
      // The field initializers (separate functions the generator makes)
      // install private methods with this name: it lives in the class's
      // environment.
      v->captured = true;
      info_.resolved_[m.key] = v;
    }
    if (c->constructor != nullptr) VisitFunction(c->constructor);
    for (auto& m : c->members) {
      if (failed_) break;
      if (m.computed) VisitExpr(m.key);
      if (m.kind == ClassMemberKind::kAccessor) {
        Fail("'accessor' class members are not supported yet", c);
        break;
      }
      if (m.kind == ClassMemberKind::kField && m.computed) DeclareHidden(cs, &m, AuxSlot::kComputedKey);
      if (m.kind == ClassMemberKind::kMethod || m.kind == ClassMemberKind::kGetter ||
          m.kind == ClassMemberKind::kSetter) {
        VisitFunction(m.function);
        if (!m.is_static && m.key->Is<PrivateName>()) DeclareHidden(cs, &m, AuxSlot::kPrivateMethod);
      }
    }
    // Field initializers run in their own functions (`this` the instance
    // or the class); static blocks are functions nested in the static one.
    for (Function* init : {c->instance_init, c->static_init}) {
      if (init == nullptr || failed_) continue;
      Scope* fs = NewScope(ScopeType::kFunction, cs, init);
      fs->function = init;
      fs->function_kind = init->function_kind;
      current_ = fs;
      bool is_static = init == c->static_init;
      for (auto& m : c->members) {
        if (m.is_static != is_static) continue;
        if (m.kind == ClassMemberKind::kField) VisitExpr(m.value);
        if (m.kind == ClassMemberKind::kStaticBlock) VisitFunction(m.function);
      }
      current_ = cs;
    }
    current_ = saved;
  }

  void VisitExpr(Node* n) {
    if (n == nullptr || failed_) return;
    if (stack_.Exceeded()) {
      Fail("Maximum nesting depth exceeded", n);
      return;
    }
    switch (n->kind) {
      case Kind::kNumberLiteral:
      case Kind::kStringLiteral:
      case Kind::kNullLiteral:
      case Kind::kBooleanLiteral:
      case Kind::kHole:
      case Kind::kSuper:
        break;
      case Kind::kBigIntLiteral:
        break;
      case Kind::kRegExpLiteral:
        break;
      case Kind::kTemplateLiteral:
        for (Node* e : n->As<TemplateLiteral>()->expressions) VisitExpr(e);
        break;
      case Kind::kTaggedTemplate:
        VisitExpr(n->As<TaggedTemplate>()->tag);
        for (Node* e : n->As<TaggedTemplate>()->quasi->expressions) VisitExpr(e);
        break;
      case Kind::kIdentifier:
        ResolveIdentifier(n->As<Identifier>());
        break;
      case Kind::kPrivateName:
        ResolvePrivateName(n->As<PrivateName>());
        break;
      case Kind::kThis:
        ResolvePseudo(n, BindingKind::kThis, u"this");
        break;
      case Kind::kNewTarget:
        ResolvePseudo(n, BindingKind::kNewTarget, u"new.target");
        break;
      case Kind::kImportMeta:
        break;
      case Kind::kImportCall:
        VisitExpr(n->As<ImportCall>()->source);
        VisitExpr(n->As<ImportCall>()->options);
        break;
      case Kind::kArrayLiteral:
        for (Node* e : n->As<ArrayLiteral>()->elements) VisitExpr(e);
        break;
      case Kind::kObjectLiteral:
        for (auto& p : n->As<ObjectLiteral>()->properties) {
          if (p.computed) VisitExpr(p.key);
          VisitExpr(p.value);
        }
        break;
      case Kind::kFunction:
        VisitFunction(n->As<Function>());
        break;
      case Kind::kClass:
        VisitClass(n->As<Class>());
        break;
      case Kind::kUnary:
        VisitExpr(n->As<Unary>()->argument);
        break;
      case Kind::kUpdate:
        VisitExpr(n->As<Update>()->argument);
        break;
      case Kind::kBinary:
      case Kind::kLogical: {
        // Left-deep chains (a + b + c + ...) can be very long: walk the
        // left spine iteratively, then the right operands in order.
        std::vector<Node*> rights;
        Node* left = n;
        while (left->Is<Binary>() || left->Is<Logical>()) {
          rights.push_back(left->Is<Binary>() ? left->As<Binary>()->right : left->As<Logical>()->right);
          left = left->Is<Binary>() ? left->As<Binary>()->left : left->As<Logical>()->left;
        }
        VisitExpr(left);
        for (size_t i = rights.size(); i-- > 0;) VisitExpr(rights[i]);
        break;
      }
      case Kind::kAssign:
        VisitPattern(n->As<Assign>()->target);
        VisitExpr(n->As<Assign>()->value);
        break;
      case Kind::kConditional:
        VisitExpr(n->As<Conditional>()->test);
        VisitExpr(n->As<Conditional>()->consequent);
        VisitExpr(n->As<Conditional>()->alternate);
        break;
      case Kind::kCall: {
        auto* c = n->As<Call>();
        if (c->callee->Is<Super>()) {
          if (!SuperCallAllowed()) {
            Fail("'super' keyword unexpected here", c->callee);
            break;
          }
          // super(...) binds this: resolve it like a `this` reference; in
          // arrows, the constructor and new.target come from the
          // constructor's frame.
          ResolvePseudo(c->callee, BindingKind::kThis, u"this");
          if (Variable* f = PseudoVariable(BindingKind::kActiveFunction, u".function")) {
            info_.aux_[{c, AuxSlot::kSuperFunction}] = f;
          }
          if (Variable* nt = PseudoVariable(BindingKind::kNewTarget, u"new.target")) {
            info_.aux_[{c, AuxSlot::kSuperNewTarget}] = nt;
          }
        }
        if (auto* id = c->callee->As<Identifier>(); id != nullptr && id->name == u"eval" && !c->optional) {
          NoteDirectEval(c);
        }
        VisitExpr(c->callee);
        for (Node* a : c->arguments) VisitExpr(a);
        break;
      }
      case Kind::kNew:
        VisitExpr(n->As<New>()->callee);
        for (Node* a : n->As<New>()->arguments) VisitExpr(a);
        break;
      case Kind::kMember: {
        auto* m = n->As<Member>();
        if (m->object->Is<Super>()) {
          if (!SuperPropertyAllowed()) {
            Fail("'super' keyword unexpected here", m->object);
            break;
          }
          ResolvePseudo(m->object, BindingKind::kThis, u"this");
          if (Variable* h = PseudoVariable(BindingKind::kHome, u".home")) {
            info_.aux_[{m->object, AuxSlot::kSuperHome}] = h;
          }
        }
        VisitExpr(m->object);
        if (m->computed) VisitExpr(m->property);
        if (m->property != nullptr && m->property->Is<PrivateName>()) {
          ResolvePrivateName(m->property->As<PrivateName>());
        }
        break;
      }
      case Kind::kOptionalChain:
        VisitExpr(n->As<OptionalChain>()->expression);
        break;
      case Kind::kSequence:
        for (Node* e : n->As<Sequence>()->expressions) VisitExpr(e);
        break;
      case Kind::kSpread:
        VisitExpr(n->As<Spread>()->argument);
        break;
      case Kind::kYield:
        VisitExpr(n->As<Yield>()->argument);
        break;
      case Kind::kAwait:
        VisitExpr(n->As<Await>()->argument);
        break;
      case Kind::kObjectPattern:
      case Kind::kArrayPattern:
      case Kind::kAssignmentPattern:
        VisitPattern(n);
        break;
      default:
        Fail("unexpected expression", n);
        break;
    }
  }

  void AssignSlots() {
    for (auto& s : info_.scopes_) {
      if (s->external) continue;
      for (Variable* v : s->vars) {
        if (v->captured || s->sees_direct_eval || (s->type == ScopeType::kScript && (self_hosted_ || module_))) {
          v->in_env = true;
          v->index = s->env_size++;
        }
      }
    }
  }

  ScopeInfo& info_;
  CompileError* error_;
  StackLimit stack_;
  bool failed_ = false;
  bool self_hosted_ = false;
  bool module_ = false;
  Scope* current_ = nullptr;
  Scope* params_of_ = nullptr;  // the function whose parameters are being visited
  std::vector<std::u16string> native_names_;
  std::unordered_map<const Function*, bool> declared_functions_;

  bool eval_code_ = false;    // eval code: top-level lexicals are local
  bool eval_strict_ = false;  // strict eval code: all declarations local
  bool eval_super_property_ = false;  // eval code inside a method
  bool eval_super_call_ = false;      // eval code inside a derived constructor

 public:
  void MarkDeclared(const Function* f) { declared_functions_[f] = true; }
  void SetEval(bool eval_code, bool strict, bool super_property, bool super_call) {
    eval_code_ = eval_code;
    eval_strict_ = strict;
    eval_super_property_ = super_property;
    eval_super_call_ = super_call;
  }
};

bool ScopeInfo::Analyze(Program* program, bool self_hosted, const std::vector<std::u16string>& natives,
                        CompileError* error, bool eval_code, bool super_property,
                        bool super_call, const std::vector<OuterScope>* outer) {
  Analyzer a(*this, error);
  a.SetEval(eval_code, eval_code && program->strict, super_property, super_call);
  return a.Run(program, self_hosted, natives, outer);
}

}  // namespace ratchet::internal
