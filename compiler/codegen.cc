// Bytecode generation for scripts, functions and statements. Expressions and
// patterns are in codegen_expr.cc.
#include "compiler/codegen.h"

#include <cstring>

#include "compiler/codegen_internal.h"

namespace ratchet::internal {

using namespace ast;  // NOLINT: node names read best unqualified here

std::unique_ptr<CompiledFunction> CompileProgram(Program* program, const CompileOptions& options,
                                                 CompileError* error, SelfHostedLayout* layout) {
  ScopeInfo info;
  if (!info.Analyze(program, options.self_hosted, options.natives, error, options.eval,
                    options.eval_super_property, options.eval_super_call, options.outer)) {
    return nullptr;
  }
  auto out = std::make_unique<CompiledFunction>();
  out->kind = CodeKind::kScript;
  out->strict = program->strict || options.self_hosted;
  Generator g(info, error, options, out.get(), nullptr);
  if (!g.CompileScript(program, layout)) return nullptr;
  return out;
}

bool Generator::Fail(const std::string& msg, const Node* at) {
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

uint32_t Generator::NumberConst(double d) {
  uint64_t bits;
  std::memcpy(&bits, &d, sizeof bits);
  auto it = number_consts_.find(bits);
  if (it != number_consts_.end()) return it->second;
  Constant c;
  c.kind = Constant::Kind::kNumber;
  c.number = d;
  out_->constants.push_back(c);
  uint32_t idx = static_cast<uint32_t>(out_->constants.size() - 1);
  number_consts_[bits] = idx;
  return idx;
}

uint32_t Generator::StringConst(std::u16string_view s) {
  std::u16string key(s);
  auto it = string_consts_.find(key);
  if (it != string_consts_.end()) return it->second;
  Constant c;
  c.kind = Constant::Kind::kString;
  c.string = key;
  out_->constants.push_back(std::move(c));
  uint32_t idx = static_cast<uint32_t>(out_->constants.size() - 1);
  string_consts_[key] = idx;
  return idx;
}

void Generator::SetPos(const Node* n) {
  if (n == nullptr) return;
  uint32_t pc = static_cast<uint32_t>(b_.size());
  if (!out_->positions.empty() && out_->positions.back().pc == pc) {
    out_->positions.back() = {pc, n->pos.line, n->pos.column};
    return;
  }
  out_->positions.push_back({pc, n->pos.line, n->pos.column});
}

uint32_t Generator::CompileNestedFunction(const Function* f, CodeKind kind, std::u16string_view name) {
  auto child = std::make_unique<CompiledFunction>();
  child->kind = kind;
  child->strict = f->strict;
  child->is_async = f->is_async;
  child->is_generator = f->is_generator;
  child->simple_parameters = f->simple_parameters;
  child->name = std::u16string(f->name != nullptr && kind != CodeKind::kMethod &&
                                       kind != CodeKind::kGetter && kind != CodeKind::kSetter
                                   ? f->name->name.view()
                                   : name);
  child->source_start = f->source_start;
  child->source_end = f->source_end;
  Generator g(info_, error_, options_, child.get(), this);
  if (!g.CompileFunctionBody(f)) {
    failed_ = true;
    return 0;
  }
  out_->children.push_back(std::move(child));
  Constant c;
  c.kind = Constant::Kind::kFunction;
  c.function = static_cast<uint32_t>(out_->children.size() - 1);
  out_->constants.push_back(c);
  return static_cast<uint32_t>(out_->constants.size() - 1);
}

// ---- Scopes ------------------------------------------------------------------

void Generator::AllocateScopeRegisters(Scope* s) {
  for (Variable* v : s->vars) {
    if (!v->in_env && !(v->kind == BindingKind::kParam)) v->index = AllocReg();
  }
}

void Generator::EnterScope(Scope* s) {
  if (s == nullptr) return;
  if (s->has_env() && !s->env_prebuilt) {
    b_.EmitPushEnv(s->env_size);
    ++env_depth_;
  }
  scope_ = s;
}

void Generator::LeaveScope(Scope* s) {
  if (s == nullptr) return;
  if (s->has_env() && !s->env_prebuilt) {
    b_.EmitPopEnv();
    --env_depth_;
  }
  scope_ = s->parent;
}

void Generator::InitLexicalsToEmpty(Scope* s) {
  for (Variable* v : s->vars) {
    if ((v->IsLexical() || v->kind == BindingKind::kConst) && !v->in_env && !v->TdzUnobservable()) {
      b_.EmitLdEmpty(v->index);
    }
  }
}

void Generator::EmitPopEnvs(int to_depth) {
  for (int d = env_depth_; d > to_depth; --d) b_.EmitPopEnv();
}

uint32_t Generator::EnvDepthTo(const Scope* target) const {
  uint32_t depth = 0;
  for (const Scope* s = scope_; s != nullptr && s != target; s = s->parent) {
    if (s->has_env()) ++depth;
  }
  return depth;
}

bool Generator::NeedsTdzCheck(const Variable* v, const Node* ref) const {
  if (!v->IsLexical() && !v->tdz_param) return false;
  if (v->scope->always_tdz) return true;
  // References from another function may run before initialization.
  const Scope* s = scope_;
  for (; s != nullptr && s != v->scope; s = s->parent) {
    if (s->type == ScopeType::kFunction) return true;
  }
  return ref == nullptr || ref->pos.offset < v->decl_end;
}

void Generator::HoistFunctionDeclarations(Scope* s, const List<Stmt*>& body) {
  for (Node* st : body) {
    auto* fd = st->As<FunctionDecl>();
    if (fd == nullptr) continue;
    Variable* v = info_.Binding(fd->function->name);
    uint32_t k = CompileNestedFunction(fd->function, CodeKind::kFunction, fd->function->name->name.view());
    if (failed_) return;
    RegScope rs(this);
    uint32_t t = rs.Temp();
    b_.EmitCreateClosure(t, k);
    bool global = s->type == ScopeType::kScript && !options_.self_hosted && !options_.eval;
    if (v == nullptr && s->type == ScopeType::kScript && options_.eval && info_.eval_var_scope() != nullptr) {
      EvalVarDeclare(fd->function->name->name.view(), t, true);
    } else if (v == nullptr || global) {
      b_.EmitDeclareGlobalFunction(StringConst(fd->function->name->name.view()), t, options_.eval ? 1 : 0);
    } else {
      StoreVariable(v, nullptr, t, true);
    }
  }
}

// ---- Scripts and functions ---------------------------------------------------------

bool Generator::CompileScript(Program* program, SelfHostedLayout* layout) {
  is_script_ = true;
  Scope* script = info_.script_scope();
  function_scope_ = script;
  if (options_.self_hosted) {
    scope_ = script;
    layout->env_size = script->env_size;
    for (Node* s : program->body) {
      auto* fd = s->As<FunctionDecl>();
      Variable* v = info_.Binding(fd->function->name);
      uint32_t k = CompileNestedFunction(fd->function, CodeKind::kFunction,
                                         fd->function->name->name.view());
      if (failed_) return false;
      layout->functions.push_back({std::u16string(fd->function->name->name.view()), v->index,
                                   out_->constants[k].function});
    }
    uint32_t r = AllocReg();
    b_.EmitLdUndef(r);
    b_.EmitReturn(r);
    out_->bytecode = std::move(b_.bytes());
    return true;
  }
  completion_reg_ = AllocReg();
  track_completion_ = true;
  b_.EmitLdUndef(completion_reg_);
  AllocateScopeRegisters(script);
  EnterScope(script);
  for (Variable* v : script->vars) {
    RegScope rs(this);
    uint32_t t = rs.Temp();
    if (v->kind == BindingKind::kThis) {
      b_.EmitLdThis(t);
      StoreVariable(v, nullptr, t, true);
    } else if (v->kind == BindingKind::kNewTarget) {
      b_.EmitLdUndef(t);
      StoreVariable(v, nullptr, t, true);
    }
  }
  bool eval_strict = options_.eval && program->strict;
  if (options_.eval) {
    // 19.2.1.3 EvalDeclarationInstantiation: lexicals (and, when strict,
    // vars and functions) are local variables of the eval code.
    InitLexicalsToEmpty(script);
    for (Variable* v : script->vars) {
      if ((v->kind == BindingKind::kVar || v->kind == BindingKind::kFunction) && v->in_env) {
        RegScope rs(this);
        uint32_t t = rs.Temp();
        b_.EmitLdUndef(t);
        StoreVariable(v, nullptr, t, true);
      }
    }
  }
  // GlobalDeclarationInstantiation: lexical names, then vars, then functions.
  for (Node* s : options_.eval ? List<Stmt*>{} : program->body) {
    if (auto* d = s->As<VarDecl>()) {
      if (d->var_kind == ast::VarKind::kVar) continue;
      std::vector<Identifier*> names;
      for (auto& decl : d->declarators) CollectBoundNames(decl.target, &names);
      for (Identifier* id : names) {
        SetPos(id);
        b_.EmitDeclareGlobalLex(StringConst(id->name.view()), d->var_kind == ast::VarKind::kConst ? 1 : 0);
      }
    } else if (auto* c = s->As<ClassDecl>()) {
      SetPos(c);
      b_.EmitDeclareGlobalLex(StringConst(c->class_node->name->name.view()), 0);
    }
  }
  // Sloppy eval code in a function declares its vars there.
  bool eval_in_function = options_.eval && !eval_strict && info_.eval_var_scope() != nullptr;
  // CanDeclareGlobalFunction for every function before any var is made.
  if (!eval_strict && !eval_in_function) {
    RegScope rs(this);
    uint32_t t = rs.Temp();
    for (Node* s : program->body) {
      if (auto* fd = s->As<FunctionDecl>()) {
        SetPos(fd);
        b_.EmitDeclareGlobalFunction(StringConst(fd->function->name->name.view()), t, 2);
      }
    }
  }
  std::vector<Identifier*> var_names;
  for (Node* s : program->body) CollectVarNames(s, &var_names);
  for (const FunctionDecl* fd : info_.annexb_globals) var_names.push_back(fd->function->name);
  if (eval_in_function) {
    RegScope rs(this);
    uint32_t t = rs.Temp();
    b_.EmitLdUndef(t);
    for (Identifier* id : var_names) EvalVarDeclare(id->name.view(), t, false);
  } else if (!eval_strict) {
    for (Identifier* id : var_names) b_.EmitDeclareGlobalVar(StringConst(id->name.view()), options_.eval ? 1 : 0);
  }
  HoistFunctionDeclarations(script, program->body);
  Statements(program->body);
  if (failed_) return false;
  b_.EmitReturn(completion_reg_);
  out_->bytecode = std::move(b_.bytes());
  return true;
}

void Generator::EmitPseudoBindings(Scope* fs, const Function* f) {
  RegScope rs(this);
  uint32_t t = rs.Temp();
  for (Variable* v : fs->vars) {
    switch (v->kind) {
      case BindingKind::kThis:
        if (f->function_kind == FunctionKind::kDerivedConstructor) {
          b_.EmitLdEmpty(t);
        } else {
          b_.EmitLdThis(t);
        }
        StoreVariable(v, nullptr, t, true);
        break;
      case BindingKind::kNewTarget:
        b_.EmitLdNewTarget(t);
        StoreVariable(v, nullptr, t, true);
        break;
      case BindingKind::kArguments: {
        // 10.2.11 step 22: sloppy code with simple parameters gets a mapped
        // arguments object (its parameters live in the environment).
        std::u16string map;
        bool mapped = !f->strict && f->function_kind != FunctionKind::kArrow;
        for (const Node* p : f->params) mapped = mapped && p->Is<Identifier>();
        for (size_t i = f->params.size; mapped && i-- > 0;) {
          Variable* pv = info_.Binding(f->params[i]);
          bool later = false;  // a later parameter of the same name wins
          for (size_t j = i + 1; j < f->params.size; ++j) later |= info_.Binding(f->params[j]) == pv;
          if (pv == nullptr || !pv->in_env || pv->index >= 0xFFFF) {
            mapped = false;
            break;
          }
          map.insert(map.begin(), later ? char16_t{0} : static_cast<char16_t>(pv->index + 1));
        }
        if (mapped && !map.empty()) {
          b_.EmitCreateMappedArguments(t, StringConst(map));
        } else {
          b_.EmitCreateArguments(t);
        }
        StoreVariable(v, nullptr, t, true);
        break;
      }
      case BindingKind::kCallee:
      case BindingKind::kActiveFunction:
        b_.EmitLdCallee(t);
        StoreVariable(v, nullptr, t, true);
        break;
      case BindingKind::kHome:
        b_.EmitLdHome(t);
        StoreVariable(v, nullptr, t, true);
        break;
      case BindingKind::kVar:
      case BindingKind::kFunction:
        if (v->in_env) {
          b_.EmitLdUndef(t);
          StoreVariable(v, nullptr, t, true);
        }
        break;
      case BindingKind::kLet:
      case BindingKind::kConst:
      case BindingKind::kClass:
        if (!v->in_env && !v->TdzUnobservable()) b_.EmitLdEmpty(v->index);
        break;
      case BindingKind::kHidden:
        if (v->eval_vars) {
          b_.EmitLdUndef(t);
          StoreVariable(v, nullptr, t, true);
        }
        break;
      case BindingKind::kParam:
      case BindingKind::kCatchParam:
      case BindingKind::kNative:
      case BindingKind::kImport:
      case BindingKind::kPrivateName:
        break;
    }
  }
}

bool Generator::CompileFunctionBody(const Function* f) {
  function_ = f;
  Scope* fs = info_.ScopeOf(f);
  function_scope_ = fs;
  // Parameters: registers 0..n-1 hold the arguments (before any rest).
  uint32_t num_params = 0;
  uint32_t length = 0;
  bool seen_default = false;
  for (Node* p : f->params) {
    if (p->Is<RestElement>()) break;
    ++num_params;
    if (p->Is<AssignmentPattern>()) seen_default = true;
    if (!seen_default) ++length;
  }
  out_->num_params = num_params;
  out_->length = length;
  next_reg_ = num_params;
  if (out_->num_registers < num_params) out_->num_registers = num_params;
  // Simple parameters in registers use their argument register (not when
  // they need a TDZ: their own register starts empty).
  for (uint32_t i = 0; i < num_params; ++i) {
    if (auto* id = f->params[i]->As<Identifier>()) {
      Variable* v = info_.Binding(id);
      if (v != nullptr && !v->in_env && !v->tdz_param) v->index = i;
    }
  }
  for (Variable* v : fs->vars) {
    if (!v->in_env && v->kind != BindingKind::kParam) v->index = AllocReg();
    if (!v->in_env && v->kind == BindingKind::kParam) {
      bool simple_position = false;
      for (uint32_t i = 0; i < num_params; ++i) {
        auto* id = f->params[i]->As<Identifier>();
        if (id != nullptr && info_.Binding(id) == v) simple_position = true;
      }
      if (!simple_position || v->tdz_param) v->index = AllocReg();
    }
  }
  bool is_async_fn = f->is_async && !f->is_generator;
  if (f->is_async || f->is_generator) gen_reg_ = AllocReg();
  if (is_async_fn) promise_reg_ = AllocReg();
  uint32_t async_try_start = 0;
  if (is_async_fn) {
    // 27.7.5.1 AsyncFunctionStart: the promise exists before the parameters
    // are bound; any abrupt completion from here on rejects it.
    b_.EmitGeneratorCreate(promise_reg_);
    b_.EmitLdGenerator(gen_reg_);
    async_try_start = static_cast<uint32_t>(b_.size());
  }
  scope_ = fs->parent;
  EnterScope(fs);
  for (Variable* v : fs->vars) {
    if (v->tdz_param && !v->in_env) b_.EmitLdEmpty(v->index);
  }
  EmitPseudoBindings(fs, f);
  if (f->function_kind == FunctionKind::kClassConstructor && f->class_has_fields) {
    // 10.2.2 [[Construct]] step 6.b: a base class initializes its fields
    // before the parameters are bound.
    RegScope rs(this);
    uint32_t init = rs.Temp();
    uint32_t self = rs.Temp();
    b_.EmitLdCallee(init);
    b_.EmitLdFields(init, init);
    b_.EmitLdThis(self);
    b_.EmitCall(init, init, self, self, 0);
  }
  // Parameter initialization (defaults, patterns, rest, captured params).
  for (uint32_t i = 0; i < f->params.size; ++i) {
    Node* p = f->params[i];
    if (auto* rest = p->As<RestElement>()) {
      RegScope rs(this);
      uint32_t t = rs.Temp();
      b_.EmitCreateRest(t, i);
      BindPattern(rest->target, t, true, true);
      break;
    }
    if (auto* id = p->As<Identifier>()) {
      Variable* v = info_.Binding(id);
      if (v != nullptr && (v->in_env || v->index != i)) StoreVariable(v, id, i, true);
      continue;
    }
    if (auto* ap = p->As<AssignmentPattern>()) {
      Label done;
      b_.EmitJump(Op::kJmpNotUndefined, {i}, &done);
      GenNamed(ap->default_value, i, InferredName(ap->target));
      b_.Bind(&done);
      BindPattern(ap->target, i, true, true);
      continue;
    }
    BindPattern(p, i, true, true);
  }
  // 10.2.11 step 28: a separate variable environment for the body; a var
  // named like a parameter starts with the parameter's value.
  Scope* body_scope = info_.BodyScopeOf(f);
  if (body_scope != nullptr) {
    AllocateScopeRegisters(body_scope);
    EnterScope(body_scope);
    InitLexicalsToEmpty(body_scope);
    RegScope rs(this);
    uint32_t t = rs.Temp();
    for (Variable* v : body_scope->vars) {
      if (v->kind != BindingKind::kVar && v->kind != BindingKind::kFunction && !v->eval_vars) continue;
      Variable* param = fs->Find(v->name);
      if (param != nullptr && (param->kind == BindingKind::kParam || param->kind == BindingKind::kArguments)) {
        LoadVariable(param, nullptr, t);
      } else {
        b_.EmitLdUndef(t);
      }
      StoreVariable(v, nullptr, t, true);
    }
  }
  HoistFunctionDeclarations(body_scope != nullptr ? body_scope : fs, f->body);
  uint32_t async_gen_try_start = 0;
  if (f->is_generator) {
    // 27.5.3.1 / 27.6.3.1: the generator object is returned once the
    // parameters are bound; the body runs on the first next().
    b_.EmitGeneratorCreate(gen_reg_);
    b_.EmitLdGenerator(gen_reg_);
    async_gen_try_start = static_cast<uint32_t>(b_.size());
  }
  if (int kind = UsingKind(f->body)) {
    WithDisposal([&] { Statements(f->body); }, kind == 2);
  } else {
    Statements(f->body);
  }
  if (failed_) return false;
  // Implicit return.
  {
    RegScope rs(this);
    uint32_t t = rs.Temp();
    b_.EmitLdUndef(t);
    EmitReturn(t);
  }
  if (f->function_kind == FunctionKind::kDerivedConstructor) EmitDerivedReturnCheck();
  if (is_async_fn) {
    uint32_t try_end = static_cast<uint32_t>(b_.size());
    uint32_t handler = try_end;
    RegScope rs(this);
    uint32_t e = rs.Temp();
    b_.EmitCatch(e);
    CallHelper(Helper::kAsyncFunctionReject, e, {promise_reg_, e});
    b_.EmitReturn(promise_reg_);
    out_->handlers.push_back({async_try_start, try_end, handler});
  }
  if (f->is_async && f->is_generator) {
    // 27.6.3.2 AsyncGeneratorStart step 4.e-i: a throw completes the
    // current request with a rejection.
    uint32_t try_end = static_cast<uint32_t>(b_.size());
    RegScope rs(this);
    uint32_t e = rs.Temp();
    uint32_t yes = rs.Temp();
    b_.EmitCatch(e);
    b_.EmitLdTrue(yes);
    CallHelper(Helper::kAsyncGeneratorComplete, e, {gen_reg_, e, yes});
    b_.EmitLdUndef(e);
    b_.EmitReturn(e);
    out_->handlers.push_back({async_gen_try_start, try_end, try_end});
  }
  out_->bytecode = std::move(b_.bytes());
  return true;
}

// ---- Statements --------------------------------------------------------------------

void Generator::Statements(const List<Stmt*>& body) {
  for (Node* s : body) {
    if (failed_) return;
    Statement(s);
  }
}

void Generator::CompleteWithUndefined() {
  if (track_completion_ && function_ == nullptr) b_.EmitLdUndef(completion_reg_);
}

void Generator::Statement(Node* n) {
  if (n == nullptr || failed_) return;
  if (stack_->Exceeded()) {
    Fail("Maximum nesting depth exceeded", n);
    return;
  }
  SetPos(n);
  switch (n->kind) {
    case Kind::kExpressionStatement: {
      auto* es = n->As<ExpressionStatement>();
      if (track_completion_ && function_ == nullptr) {
        Gen(es->expression, completion_reg_);
      } else {
        GenEffect(es->expression);
      }
      break;
    }
    case Kind::kVarDecl:
      VarDeclaration(n->As<VarDecl>());
      break;
    case Kind::kFunctionDecl: {
      // B.3.2.1 / B.3.2.2: evaluating a block-level function declaration
      // copies the block's binding to its var binding.
      auto* fd = n->As<FunctionDecl>();
      Variable* outer = info_.Aux(fd, AuxSlot::kAnnexBVar);
      bool global = outer == nullptr && info_.IsAnnexBGlobal(fd);
      Variable* inner = info_.Binding(fd->function->name);
      if ((outer != nullptr || global) && inner != nullptr && inner != outer) {
        RegScope rs(this);
        uint32_t t = rs.Temp();
        LoadVariable(inner, nullptr, t);
        if (outer != nullptr) {
          StoreVariable(outer, nullptr, t, true);
        } else if (options_.eval && info_.eval_var_scope() != nullptr) {
          EvalVarDeclare(fd->function->name->name.view(), t, true);
        } else {
          SetPos(fd);
          b_.EmitStGlobal(t, StringConst(fd->function->name->name.view()), NewIc());
        }
      }
      break;
    }
    case Kind::kEmpty:
    case Kind::kImportDecl:
      break;
    case Kind::kWith: {
      // 14.11.7: the object (ToObject), then the body in an object
      // environment; the completion value starts as undefined.
      auto* w = n->As<With>();
      Scope* s = info_.ScopeOf(n);
      RegScope rs(this);
      uint32_t t = rs.Temp();
      Gen(w->object, t);
      SetPos(w);
      CallHelper(Helper::kWithObject, t, {t});
      CompleteWithUndefined();
      EnterScope(s);
      StoreVariable(s->with_object, nullptr, t, true);
      Statement(w->body);
      LeaveScope(s);
      break;
    }
    case Kind::kExportDecl:
      ExportStatement(n->As<ExportDecl>());
      break;
    case Kind::kClassDecl: {
      auto* c = n->As<ClassDecl>()->class_node;
      RegScope rs(this);
      uint32_t t = rs.Temp();
      ClassExpr(c, t, c->name->name.view());
      StoreName(c->name, t, true);
      break;
    }
    case Kind::kBlock: {
      auto* blk = n->As<Block>();
      Scope* s = info_.ScopeOf(n);
      uint32_t mark = next_reg_;
      AllocateScopeRegisters(s);
      EnterScope(s);
      InitLexicalsToEmpty(s);
      HoistFunctionDeclarations(s, blk->body);
      if (int kind = UsingKind(blk->body)) {
        WithDisposal([&] { Statements(blk->body); }, kind == 2);
      } else {
        Statements(blk->body);
      }
      LeaveScope(s);
      next_reg_ = mark;
      break;
    }
    case Kind::kIf:
      IfStatement(n->As<If>());
      break;
    case Kind::kFor:
    case Kind::kForIn:
    case Kind::kForOf:
    case Kind::kWhile:
    case Kind::kDoWhile:
    case Kind::kSwitch: {
      ControlEntry ce;
      ce.is_loop = !n->Is<Switch>();
      ce.is_switch = n->Is<Switch>();
      ce.is_breakable = true;
      if (n->Is<For>()) ForStatement(n->As<For>(), &ce);
      if (n->Is<ForIn>() || n->Is<ForOf>()) ForInOfStatement(n, &ce);
      if (n->Is<While>()) WhileStatement(n->As<While>(), &ce);
      if (n->Is<DoWhile>()) DoWhileStatement(n->As<DoWhile>(), &ce);
      if (n->Is<Switch>()) SwitchStatement(n->As<Switch>(), &ce);
      break;
    }
    case Kind::kLabeled: {
      // Collect the label set; a loop takes it as its own.
      std::vector<std::u16string_view> labels;
      Node* body = n;
      while (auto* l = body->As<Labeled>()) {
        labels.push_back(l->label->name.view());
        body = l->body;
      }
      ControlEntry ce;
      ce.labels = labels;
      ce.is_breakable = true;
      bool loop = body->Is<For>() || body->Is<ForIn>() || body->Is<ForOf>() || body->Is<While>() ||
                  body->Is<DoWhile>();
      if (loop) {
        ce.is_loop = true;
        SetPos(body);
        if (body->Is<For>()) ForStatement(body->As<For>(), &ce);
        if (body->Is<ForIn>() || body->Is<ForOf>()) ForInOfStatement(body, &ce);
        if (body->Is<While>()) WhileStatement(body->As<While>(), &ce);
        if (body->Is<DoWhile>()) DoWhileStatement(body->As<DoWhile>(), &ce);
        break;
      }
      if (body->Is<Switch>()) {
        ce.is_switch = true;
        SwitchStatement(body->As<Switch>(), &ce);
        break;
      }
      Label brk;
      ce.break_label = &brk;
      ce.env_depth = env_depth_;
      control_.push_back(&ce);
      Statement(body);
      control_.pop_back();
      b_.Bind(&brk);
      break;
    }
    case Kind::kContinue:
    case Kind::kBreak: {
      bool is_continue = n->Is<Continue>();
      Identifier* label = is_continue ? n->As<Continue>()->label : n->As<Break>()->label;
      ControlEntry* target = nullptr;
      for (size_t i = control_.size(); i-- > 0;) {
        ControlEntry* ce = control_[i];
        if (!ce->is_breakable) continue;
        if (label != nullptr) {
          bool match = false;
          for (auto l : ce->labels) match |= l == label->name.view();
          if (!match || (is_continue && !ce->is_loop)) continue;
        } else if (is_continue ? !ce->is_loop : !(ce->is_loop || ce->is_switch)) {
          continue;
        }
        target = ce;
        break;
      }
      if (target == nullptr) {
        Fail("Illegal break or continue statement", n);
        return;
      }
      JumpTo(target, is_continue, n);
      break;
    }
    case Kind::kReturn: {
      RegScope rs(this);
      uint32_t t = rs.Temp();
      if (auto* arg = n->As<Return>()->argument) {
        Gen(arg, t);
        // 15.6.2 / 14.10.1: `return x` in an async generator awaits x.
        if (function_ != nullptr && function_->is_async && function_->is_generator) EmitAwait(t, t);
      } else {
        b_.EmitLdUndef(t);
      }
      EmitReturn(t);
      break;
    }
    case Kind::kThrow: {
      RegScope rs(this);
      uint32_t t = GenAny(n->As<Throw>()->argument, rs);
      SetPos(n);
      b_.EmitThrow(t);
      break;
    }
    case Kind::kTry:
      TryStatement(n->As<Try>());
      break;
    case Kind::kDebugger:
      b_.EmitDebugger();
      break;
    default:
      Fail("this statement is not supported yet", n);
      break;
  }
}

void Generator::VarDeclaration(VarDecl* d) {
  bool lexical = d->var_kind != ast::VarKind::kVar;
  bool using_decl = d->var_kind == ast::VarKind::kUsing || d->var_kind == ast::VarKind::kAwaitUsing;
  if (using_decl && dispose_stack_reg_ == UINT32_MAX) {
    Fail("'using' declarations are not supported here yet", d);
    return;
  }
  for (auto& decl : d->declarators) {
    RegScope rs(this);
    if (decl.init == nullptr) {
      if (!lexical) continue;  // `var x;` does nothing at run time
      uint32_t t = rs.Temp();
      b_.EmitLdUndef(t);
      BindPattern(decl.target, t, true, true);
      continue;
    }
    // A register binding whose dead zone nothing observes gets its value
    // written directly.
    Variable* direct = decl.target->Is<Identifier>() && !using_decl ? info_.Binding(decl.target->As<Identifier>())
                                                                     : nullptr;
    if (direct != nullptr && !direct->TdzUnobservable()) direct = nullptr;
    uint32_t t = direct != nullptr ? direct->index : rs.Temp();
    if (auto* fn = decl.init->As<Function>(); fn != nullptr && decl.target->Is<Identifier>()) {
      FunctionExpr(fn, t, decl.target->As<Identifier>()->name.view());
    } else if (auto* cl = decl.init->As<Class>(); cl != nullptr && decl.target->Is<Identifier>()) {
      ClassExpr(cl, t, decl.target->As<Identifier>()->name.view());
    } else {
      Gen(decl.init, t);
    }
    if (using_decl) {
      // AddDisposableResource, then the binding (const) is initialized.
      uint32_t hint = rs.Temp();
      b_.EmitLdInt(hint, d->var_kind == ast::VarKind::kAwaitUsing ? 1 : 0);
      CallHelper(Helper::kUsingAdd, t, {dispose_stack_reg_, t, hint});
    }
    if (direct != nullptr) continue;
    BindPattern(decl.target, t, lexical, true);
  }
}

// 0: no using declaration directly in `body`; 1: `using` only; 2: some
// `await using`.
int Generator::UsingKind(const List<Stmt*>& body) {
  int kind = 0;
  for (Node* s : body) {
    if (auto* d = s->As<VarDecl>()) {
      if (d->var_kind == ast::VarKind::kAwaitUsing) kind = 2;
      else if (d->var_kind == ast::VarKind::kUsing && kind == 0) kind = 1;
    }
  }
  return kind;
}

void Generator::IfStatement(If* s) {
  CompleteWithUndefined();
  Label else_label, end;
  {
    JumpIfFalse(s->test, &else_label);
  }
  Statement(s->consequent);
  if (s->alternate != nullptr) {
    b_.EmitJump(Op::kJmp, {}, &end);
    b_.Bind(&else_label);
    Statement(s->alternate);
    b_.Bind(&end);
  } else {
    b_.Bind(&else_label);
  }
}

void Generator::ForStatement(For* s, ControlEntry* ce) {
  CompleteWithUndefined();
  // for (using x = …; …; …): the resources live until the loop ends.
  if (auto* d = s->init != nullptr ? s->init->As<VarDecl>() : nullptr;
      d != nullptr && (d->var_kind == ast::VarKind::kUsing || d->var_kind == ast::VarKind::kAwaitUsing) &&
      for_using_wrapped_ != s) {
    for_using_wrapped_ = s;
    WithDisposal([&] { ForStatement(s, ce); }, d->var_kind == ast::VarKind::kAwaitUsing);
    return;
  }
  Scope* scope = info_.ScopeOf(s);
  uint32_t mark = next_reg_;
  AllocateScopeRegisters(scope);
  EnterScope(scope);
  InitLexicalsToEmpty(scope);
  if (s->init != nullptr) {
    if (auto* d = s->init->As<VarDecl>()) {
      VarDeclaration(d);
    } else {
      RegScope rs(this);
      Gen(s->init, rs.Temp());
    }
  }
  Label top, cont, brk;
  ce->break_label = &brk;
  ce->continue_label = &cont;
  ce->env_depth = env_depth_;
  b_.Bind(&top);
  if (s->test != nullptr) {
    JumpIfFalse(s->test, &brk);
  }
  control_.push_back(ce);
  Statement(s->body);
  control_.pop_back();
  b_.Bind(&cont);
  // Per-iteration bindings: closures of this iteration keep their copy.
  if (scope != nullptr && scope->has_env()) b_.EmitCopyEnv();
  if (s->update != nullptr) {
    RegScope rs(this);
    GenEffect(s->update);
  }
  b_.EmitJump(Op::kJmp, {}, &top);
  b_.Bind(&brk);
  LeaveScope(scope);
  next_reg_ = mark;
}

void Generator::ForInOfStatement(Node* s, ControlEntry* ce) {
  CompleteWithUndefined();
  bool is_of = s->Is<ForOf>();
  Node* left = is_of ? s->As<ForOf>()->left : s->As<ForIn>()->left;
  Node* right = is_of ? s->As<ForOf>()->right : s->As<ForIn>()->right;
  Node* body = is_of ? s->As<ForOf>()->body : s->As<ForIn>()->body;
  bool is_await = is_of && s->As<ForOf>()->is_await;
  Scope* scope = info_.ScopeOf(s);
  uint32_t mark = next_reg_;
  AllocateScopeRegisters(scope);
  RegScope rs(this);
  uint32_t iter = rs.Temp();
  uint32_t next_fn = rs.Temp();
  uint32_t value = rs.Temp();
  // The right side sees the head's bindings in their temporal dead zone.
  {
    EnterScope(scope);
    InitLexicalsToEmpty(scope);
    RegScope inner(this);
    uint32_t obj = GenAny(right, inner);
    LeaveScope(scope);
    if (is_of) {
      if (is_await) {
        CallHelper(Helper::kGetAsyncIterator, iter, {obj});
      } else {
        b_.EmitGetIterator(iter, obj);
      }
      SetPos(right);
      b_.EmitGetNamed(next_fn, iter, StringConst(u"next"), NewIc());
    } else {
      b_.EmitForInPrepare(iter, obj);
    }
  }
  Label top, brk;
  ce->break_label = &brk;
  ce->continue_label = &top;
  ce->env_depth = env_depth_;
  b_.Bind(&top);
  if (is_of) {
    RegScope step(this);
    uint32_t argv = step.Temp();
    uint32_t done = step.Temp();
    Label fast_step, body;
    SetPos(s);
    // Array iterators step without calling next (IterNextFast); the
    // generic step below runs for every other iterator.
    if (!is_await) b_.EmitJump(Op::kIterNextFast, {value, done, iter, next_fn}, &fast_step);
    b_.EmitCall(value, next_fn, iter, argv, 0);
    if (is_await) EmitAwait(value, value);
    b_.EmitThrowIfNotObject(value, StringConst(u"Iterator result is not an object"));
    b_.EmitGetNamed(done, value, StringConst(u"done"), NewIc());
    b_.EmitJump(Op::kJmpTrue, {done}, &brk);
    b_.EmitGetNamed(value, value, StringConst(u"value"), NewIc());
    if (!is_await) {
      b_.EmitJump(Op::kJmp, {}, &body);
      b_.Bind(&fast_step);
      b_.EmitJump(Op::kJmpTrue, {done}, &brk);
      b_.Bind(&body);
    }
  } else {
    b_.EmitJump(Op::kForInNext, {value, iter}, &brk);
  }
  EnterScope(scope);
  InitLexicalsToEmpty(scope);
  auto* decl = left->As<VarDecl>();
  bool using_head =
      decl != nullptr && (decl->var_kind == ast::VarKind::kUsing || decl->var_kind == ast::VarKind::kAwaitUsing);
  // The loop's entry is below a using head's finally: continue and break
  // dispose of the iteration's resource first.
  control_.push_back(ce);
  auto bind_and_run = [&] {
    if (decl != nullptr) {
      if (using_head) {
        RegScope us(this);
        uint32_t hint = us.Temp();
        b_.EmitLdInt(hint, decl->var_kind == ast::VarKind::kAwaitUsing ? 1 : 0);
        CallHelper(Helper::kUsingAdd, value, {dispose_stack_reg_, value, hint});
      }
      BindPattern(decl->declarators[0].target, value, decl->var_kind != ast::VarKind::kVar, true);
    } else {
      BindPattern(left, value, false, false);
    }
    Statement(body);
  };
  auto run_iteration = [&] {
    if (using_head) {
      WithDisposal(bind_and_run, decl->var_kind == ast::VarKind::kAwaitUsing);
    } else {
      bind_and_run();
    }
  };
  if (is_of && !is_await) {
    WithIteratorClose(iter, ce, run_iteration);
  } else {
    run_iteration();
  }
  control_.pop_back();
  LeaveScope(scope);
  b_.EmitJump(Op::kJmp, {}, &top);
  b_.Bind(&brk);
  next_reg_ = mark;
}

void Generator::WhileStatement(While* s, ControlEntry* ce) {
  CompleteWithUndefined();
  Label top, brk;
  ce->break_label = &brk;
  ce->continue_label = &top;
  ce->env_depth = env_depth_;
  b_.Bind(&top);
  {
    JumpIfFalse(s->test, &brk);
  }
  control_.push_back(ce);
  Statement(s->body);
  control_.pop_back();
  b_.EmitJump(Op::kJmp, {}, &top);
  b_.Bind(&brk);
}

void Generator::DoWhileStatement(DoWhile* s, ControlEntry* ce) {
  CompleteWithUndefined();
  Label top, cont, brk;
  ce->break_label = &brk;
  ce->continue_label = &cont;
  ce->env_depth = env_depth_;
  b_.Bind(&top);
  control_.push_back(ce);
  Statement(s->body);
  control_.pop_back();
  b_.Bind(&cont);
  {
    RegScope rs(this);
    uint32_t t = GenAny(s->test, rs);
    b_.EmitJump(Op::kJmpTrue, {t}, &top);
  }
  b_.Bind(&brk);
}

void Generator::SwitchStatement(Switch* s, ControlEntry* ce) {
  CompleteWithUndefined();
  Scope* scope = info_.ScopeOf(s);
  uint32_t mark = next_reg_;
  RegScope rs(this);
  uint32_t d = rs.Temp();
  Gen(s->discriminant, d);
  AllocateScopeRegisters(scope);
  EnterScope(scope);
  InitLexicalsToEmpty(scope);
  for (auto& c : s->cases) HoistFunctionDeclarations(scope, c.body);
  Label brk;
  std::vector<Label> labels(s->cases.size);
  int default_index = -1;
  for (uint32_t i = 0; i < s->cases.size; ++i) {
    if (s->cases[i].test == nullptr) {
      default_index = static_cast<int>(i);
      continue;
    }
    RegScope t(this);
    uint32_t v = GenAny(s->cases[i].test, t);
    b_.EmitJump(Op::kJmpStrictEq, {d, v}, &labels[i]);
  }
  if (default_index >= 0) {
    b_.EmitJump(Op::kJmp, {}, &labels[default_index]);
  } else {
    b_.EmitJump(Op::kJmp, {}, &brk);
  }
  ce->break_label = &brk;
  ce->env_depth = env_depth_;
  ce->is_loop = false;
  control_.push_back(ce);
  uint32_t saved_stack = dispose_stack_reg_;
  dispose_stack_reg_ = UINT32_MAX;  // FIXME: using declarations in case blocks
  for (uint32_t i = 0; i < s->cases.size; ++i) {
    b_.Bind(&labels[i]);
    Statements(s->cases[i].body);
  }
  dispose_stack_reg_ = saved_stack;
  control_.pop_back();
  b_.Bind(&brk);
  LeaveScope(scope);
  next_reg_ = std::max(mark, next_reg_);
}

void Generator::TryStatement(Try* s) {
  CompleteWithUndefined();
  RegScope rs(this);
  FinallyContext fin;
  ControlEntry fin_entry;
  Label finally_label;
  if (s->finalizer != nullptr) {
    fin.kind_reg = rs.Temp();
    fin.value_reg = rs.Temp();
    fin.finally_label = &finally_label;
    b_.EmitLdInt(fin.kind_reg, 0);
    fin_entry.finally = &fin;
    fin_entry.env_depth = env_depth_;
    control_.push_back(&fin_entry);
  }
  uint32_t saved_env = rs.Temp();
  b_.EmitSaveEnv(saved_env);
  uint32_t try_start = static_cast<uint32_t>(b_.size());
  Statement(s->block);
  uint32_t try_end = static_cast<uint32_t>(b_.size());
  if (s->handler != nullptr) {
    Label after_catch;
    b_.EmitJump(Op::kJmp, {}, &after_catch);
    uint32_t catch_target = static_cast<uint32_t>(b_.size());
    RegScope cs(this);
    uint32_t exc = cs.Temp();
    b_.EmitCatch(exc);
    b_.EmitRestoreEnv(saved_env);
    Scope* scope = info_.ScopeOf(s);
    uint32_t mark = next_reg_;
    AllocateScopeRegisters(scope);
    EnterScope(scope);
    if (s->param != nullptr) BindPattern(s->param, exc, true, true);
    Statement(s->handler);
    LeaveScope(scope);
    next_reg_ = mark;
    out_->handlers.push_back({try_start, try_end, catch_target});
    b_.Bind(&after_catch);
  }
  if (s->finalizer == nullptr) return;
  control_.pop_back();
  EmitFinally(fin, &finally_label, saved_env, try_start, [&] {
    // The finally block's own completion value does not replace the try's.
    RegScope fs(this);
    uint32_t saved_completion = fs.Temp();
    bool script_level = track_completion_ && function_ == nullptr;
    if (script_level) b_.EmitMov(saved_completion, completion_reg_);
    Statement(s->finalizer);
    if (script_level) b_.EmitMov(completion_reg_, saved_completion);
  });
}

void Generator::EmitFinally(FinallyContext& fin, Label* finally_label, uint32_t saved_env, uint32_t try_start,
                            const std::function<void()>& finalizer, bool normal_is_noop) {
  RegScope rs(this);
  Label end;
  uint32_t region_end = static_cast<uint32_t>(b_.size());
  b_.EmitJump(Op::kJmp, {}, normal_is_noop ? &end : finally_label);
  uint32_t handler = static_cast<uint32_t>(b_.size());
  b_.EmitCatch(fin.value_reg);
  b_.EmitRestoreEnv(saved_env);
  b_.EmitLdInt(fin.kind_reg, 1);
  out_->handlers.push_back({try_start, region_end, handler});
  b_.Bind(finally_label);
  finalizer();
  // Resume whatever completion was pending.
  uint32_t k = rs.Temp();
  b_.EmitLdInt(k, 0);
  b_.EmitJump(Op::kJmpStrictEq, {fin.kind_reg, k}, &end);
  Label not_throw;
  b_.EmitLdInt(k, 1);
  b_.EmitJump(Op::kJmpStrictEq, {fin.kind_reg, k}, &not_throw);
  Label not_return;
  b_.EmitLdInt(k, 2);
  b_.EmitJump(Op::kJmpStrictEq, {fin.kind_reg, k}, &not_return);
  for (auto& p : fin.pending) {
    Label skip;
    b_.EmitLdInt(k, p.id);
    Label take;
    b_.EmitJump(Op::kJmpStrictEq, {fin.kind_reg, k}, &take);
    b_.EmitJump(Op::kJmp, {}, &skip);
    b_.Bind(&take);
    JumpTo(p.target, p.is_continue, nullptr);
    b_.Bind(&skip);
  }
  b_.EmitJump(Op::kJmp, {}, &end);
  b_.Bind(&not_throw);
  b_.EmitThrow(fin.value_reg);
  b_.Bind(&not_return);
  EmitReturn(fin.value_reg);
  b_.Bind(&end);
}

// 14.7.5.7 ForIn/OfBodyEvaluation: when an iteration of a for-of loop ends
// abruptly (break, return, throw, or a jump out of the loop), the iterator is
// closed; `continue` of this loop and normal completion keep it open. A
// throw completion closes it quietly (the original exception wins).
void Generator::WithIteratorClose(uint32_t iter, ControlEntry* loop, const std::function<void()>& body,
                                  uint32_t done) {
  FinallyRegion(body, [&](FinallyContext& fin) {
    RegScope cs(this);
    uint32_t k = cs.Temp();
    uint32_t t = cs.Temp();
    Label keep_open, quiet;
    if (done != UINT32_MAX) b_.EmitJump(Op::kJmpTrue, {done}, &keep_open);
    b_.EmitLdInt(k, 0);
    b_.EmitJump(Op::kJmpStrictEq, {fin.kind_reg, k}, &keep_open);
    for (const auto& p : fin.pending) {
      if (p.target != loop || !p.is_continue) continue;
      b_.EmitLdInt(k, p.id);
      b_.EmitJump(Op::kJmpStrictEq, {fin.kind_reg, k}, &keep_open);
    }
    b_.EmitLdInt(k, 1);
    b_.EmitJump(Op::kJmpStrictEq, {fin.kind_reg, k}, &quiet);
    CallHelper(Helper::kIteratorClose, t, {iter});
    b_.EmitJump(Op::kJmp, {}, &keep_open);
    b_.Bind(&quiet);
    CallHelper(Helper::kIteratorCloseQuietly, t, {iter});
    b_.Bind(&keep_open);
  }, /*normal_is_noop=*/true);
}

// A try-finally region around `body` with a compiler-made finalizer (which
// sees the completion kind and value in the FinallyContext).
void Generator::FinallyRegion(const std::function<void()>& body,
                              const std::function<void(FinallyContext&)>& finalizer, bool normal_is_noop) {
  RegScope rs(this);
  FinallyContext fin;
  ControlEntry fin_entry;
  Label finally_label;
  fin.kind_reg = rs.Temp();
  fin.value_reg = rs.Temp();
  fin.finally_label = &finally_label;
  b_.EmitLdInt(fin.kind_reg, 0);
  fin_entry.finally = &fin;
  fin_entry.env_depth = env_depth_;
  control_.push_back(&fin_entry);
  uint32_t saved_env = rs.Temp();
  b_.EmitSaveEnv(saved_env);
  uint32_t try_start = static_cast<uint32_t>(b_.size());
  body();
  control_.pop_back();
  EmitFinally(fin, &finally_label, saved_env, try_start, [&] { finalizer(fin); }, normal_is_noop);
}

void Generator::WithDisposal(const std::function<void()>& body, bool is_async) {
  RegScope rs(this);
  uint32_t stack = rs.Temp();
  CallHelper(Helper::kUsingNew, stack, {});
  FinallyRegion(
      [&] {
        uint32_t saved_stack = dispose_stack_reg_;
        dispose_stack_reg_ = stack;
        body();
        dispose_stack_reg_ = saved_stack;
      },
      [&](FinallyContext& fin) {
        RegScope ds(this);
        uint32_t t = ds.Temp();
        CallHelper(is_async ? Helper::kUsingDisposeAsync : Helper::kUsingDispose, t,
                   {stack, fin.kind_reg, fin.value_reg});
        if (is_async) {
          // Undefined when no `await using` declaration ran: nothing to await.
          Label done;
          b_.EmitJump(Op::kJmpUndefined, {t}, &done);
          EmitAwait(t, t);
          b_.Bind(&done);
        }
      });
}

void Generator::JumpTo(ControlEntry* target, bool is_continue, const Node* at) {
  for (size_t i = control_.size(); i-- > 0;) {
    ControlEntry* ce = control_[i];
    if (ce == target) break;
    if (ce->finally != nullptr) {
      FinallyContext* fin = ce->finally;
      int32_t id = fin->next_id++;
      fin->pending.push_back({id, target, is_continue});
      EmitPopEnvs(ce->env_depth);
      b_.EmitLdInt(fin->kind_reg, id);
      b_.EmitJump(Op::kJmp, {}, fin->finally_label);
      return;
    }
  }
  EmitPopEnvs(target->env_depth);
  b_.EmitJump(Op::kJmp, {}, is_continue ? target->continue_label : target->break_label);
}

void Generator::EmitDerivedReturnCheck() {
  if (derived_return_reg_ == UINT32_MAX) return;  // no return reaches here
  b_.Bind(&derived_return_);
  uint32_t value_reg = derived_return_reg_;
  Label undef;
  b_.EmitJump(Op::kJmpUndefined, {value_reg}, &undef);
  b_.EmitThrowIfNotObject(value_reg,
                          StringConst(u"Derived constructors may only return object or undefined"));
  b_.EmitReturn(value_reg);
  b_.Bind(&undef);
  Variable* this_var = function_scope_->Find(u"this");
  RegScope rs(this);
  uint32_t t = rs.Temp();
  if (this_var != nullptr) {
    LoadVariable(this_var, nullptr, t);
  } else {
    b_.EmitLdThis(t);
  }
  b_.EmitCheckThisInit(t);
  b_.EmitReturn(t);
}

void Generator::EmitReturn(uint32_t value_reg) {
  for (size_t i = control_.size(); i-- > 0;) {
    if (FinallyContext* fin = control_[i]->finally) {
      if (value_reg != fin->value_reg) b_.EmitMov(fin->value_reg, value_reg);
      EmitPopEnvs(control_[i]->env_depth);
      b_.EmitLdInt(fin->kind_reg, 2);
      b_.EmitJump(Op::kJmp, {}, fin->finally_label);
      return;
    }
  }
  if (function_ != nullptr && function_->function_kind == FunctionKind::kDerivedConstructor) {
    // The checks of 10.2.2 [[Construct]] steps 10-12 happen after the body
    // completed, outside its try blocks: one shared epilogue.
    if (derived_return_reg_ == UINT32_MAX) derived_return_reg_ = AllocReg();
    if (value_reg != derived_return_reg_) b_.EmitMov(derived_return_reg_, value_reg);
    b_.EmitJump(Op::kJmp, {}, &derived_return_);
    return;
  }
  if (function_ != nullptr && function_->is_generator && !function_->is_async) {
    RegScope rs(this);
    uint32_t t = rs.Temp();
    b_.EmitIterResult(t, value_reg, 1);
    b_.EmitReturn(t);
    return;
  }
  if (function_ != nullptr && function_->is_async && function_->is_generator) {
    RegScope rs(this);
    uint32_t t = rs.Temp();
    uint32_t no = rs.Temp();
    b_.EmitLdFalse(no);
    CallHelper(Helper::kAsyncGeneratorComplete, t, {gen_reg_, value_reg, no});
    b_.EmitLdUndef(t);
    b_.EmitReturn(t);
    return;
  }
  if (function_ != nullptr && function_->is_async && !function_->is_generator) {
    RegScope rs(this);
    uint32_t t = rs.Temp();
    CallHelper(Helper::kAsyncFunctionResolve, t, {promise_reg_, value_reg});
    b_.EmitReturn(promise_reg_);
    return;
  }
  b_.EmitReturn(value_reg);
}

}  // namespace ratchet::internal
