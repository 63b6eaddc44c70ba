// Recursive-descent parser for ECMAScript scripts: entry points, tokens and
// statements. Expressions use precedence climbing (no recursion per binary
// operand); every recursive construct counts against ParseOptions::max_depth
// and the C++ stack budget (compiler/stack_limit.h).
#include "compiler/parser_impl.h"

namespace ratchet::internal {

Program* Parser::ParseScript() {
  Program* p = arena_.New<Program>();
  program_ = p;
  FunctionContext top;
  top.strict = options_.strict || options_.module;
  top.is_async = options_.allow_await || options_.module;  // top-level await
  top.is_class_init = options_.in_class_field_init;
  ctx_ = &top;
  Next();
  std::vector<Stmt*> body;
  ParseDirectives(&body, &top, nullptr);
  while (!failed_ && tok_.type != Tok::kEof) {
    Stmt* s = options_.module ? ParseModuleItem() : ParseStatementListItem();
    if (s == nullptr) break;
    if (auto* d = s->As<VarDecl>(); d != nullptr && !options_.module &&
        (d->var_kind == ast::VarKind::kUsing || d->var_kind == ast::VarKind::kAwaitUsing)) {
      FailNode("using declarations are not allowed at the top level of a script", s);
      break;
    }
    body.push_back(s);
  }
  if (failed_) return nullptr;
  if (options_.module ? !CheckModule(body) : !CheckDeclarations(body, true, nullptr)) return nullptr;
  p->is_module = options_.module;
  p->has_await = top.yield_await_seen > 0;
  p->strict = top.strict;
  p->body = MakeList(body);
  p->end = static_cast<uint32_t>(lex_.source().size());
  return p;
}

void Parser::Unexpected() {
  if (tok_.type == Tok::kEof) {
    Fail("Unexpected end of input");
  } else if (tok_.type == Tok::kPunct) {
    Fail("Unexpected token '" + std::string(tok_.punct) + "'");
  } else if (tok_.type == Tok::kIdentifier) {
    std::string name;
    for (char16_t c : tok_.value) name.push_back(c < 128 ? static_cast<char>(c) : '?');
    Fail("Unexpected identifier '" + name + "'");
  } else if (tok_.type == Tok::kString) {
    Fail("Unexpected string");
  } else if (tok_.type == Tok::kNumber) {
    Fail("Unexpected number");
  } else if (tok_.type == Tok::kTemplate) {
    Fail("Unexpected template string");
  } else {
    Fail("Unexpected token");
  }
}

void Parser::FailAt(const std::string& msg, uint32_t line, uint32_t column, uint32_t offset) {
  if (failed_) return;
  failed_ = true;
  error_->message = msg;
  error_->line = line;
  error_->column = column;
  error_->offset = offset;
}

bool Parser::IsReservedWord(const std::u16string& n) {
  static constexpr std::u16string_view kWords[] = {  // (sizes compared first)
      u"await",  u"break",  u"case",   u"catch",  u"class",   u"const",      u"continue", u"debugger",
      u"default", u"delete", u"do",    u"else",   u"enum",    u"export",     u"extends",  u"false",
      u"finally", u"for",    u"function", u"if",  u"import",  u"in",         u"instanceof", u"new",
      u"null",   u"return", u"super",  u"switch", u"this",    u"throw",      u"true",     u"try",
      u"typeof", u"var",    u"void",   u"while",  u"with",    u"yield"};
  if (n.size() < 2 || n.size() > 10) return false;
  for (std::u16string_view w : kWords) {
    if (n == w) return true;
  }
  return false;
}

bool Parser::IsStrictReserved(const std::u16string& n) const {
  static constexpr std::u16string_view kWords[] = {u"implements", u"interface", u"let",    u"package",
                                           u"private",    u"protected", u"public", u"static", u"yield"};
  if (n.size() < 3 || n.size() > 10) return false;
  for (std::u16string_view w : kWords) {
    if (n == w) return true;
  }
  return false;
}

bool Parser::IsIdentifierToken() const {
  if (tok_.type != Tok::kIdentifier) return false;
  const std::u16string& n = tok_.value;
  if (n == u"yield") {
    if (strict() || ctx_->is_generator) return false;
    // Arrow parameters inside a generator: yield is an expression there,
    // and expressions in parameters are early errors.
    if (ctx_->is_arrow && ctx_->in_params) {
      const FunctionContext* c = ctx_;
      while (c != nullptr && c->is_arrow) c = c->parent;
      if (c != nullptr && c->is_generator) return false;
    }
    return true;
  }
  if (n == u"await") return !options_.module && !ctx_->is_async && !InStaticBlock();
  if (IsReservedWord(n)) return false;
  if (strict() && IsStrictReserved(n)) return false;
  return true;
}

Identifier* Parser::ParseIdentifier(bool binding) {
  if (!IsIdentifierToken()) {
    Unexpected();
    return nullptr;
  }
  if (binding && strict() && (tok_.value == u"eval" || tok_.value == u"arguments")) {
    Fail("Unexpected eval or arguments in strict mode");
    return nullptr;
  }
  Identifier* id = Make<Identifier>(CurPos());
  id->name = MakeStr(tok_.value);
  Next();
  return Finish(id);
}

void Parser::ParseDirectives(std::vector<Stmt*>* body, FunctionContext* ctx, Function* fn) {
  const Stmt* octal_directive = nullptr;  // an earlier directive with a legacy escape
  while (tok_.type == Tok::kString) {
    Lexer::State save = lex_.Save();
    Token saved = tok_;
    uint32_t saved_end = prev_end_;
    bool use_strict = !tok_.legacy_octal && tok_.end - tok_.start == 12 && tok_.value == u"use strict";
    bool octal = tok_.legacy_octal;
    Stmt* s = ParseStatement();
    if (s == nullptr) return;
    auto* es = s->As<ExpressionStatement>();
    if (es == nullptr || !es->expression->Is<StringLiteral>()) {
      body->push_back(s);
      return;
    }
    es->directive = true;
    if (use_strict) {
      if (fn != nullptr && !fn->simple_parameters) {
        FailNode("Illegal 'use strict' directive in function with non-simple parameter list", s);
        return;
      }
      ctx->strict = true;
      if (fn != nullptr) fn->has_use_strict = true;
    }
    if (octal && octal_directive == nullptr) octal_directive = s;
    if (octal_directive != nullptr && ctx->strict) {
      FailNode("Octal escape sequences are not allowed in strict mode", octal_directive);
      return;
    }
    (void)save;
    (void)saved;
    (void)saved_end;
    body->push_back(s);
  }
}

Stmt* Parser::ParseStatementListItem() {
  if (IsName(u"function")) return ParseFunctionDeclaration(false);
  if (tok_.type == Tok::kIdentifier && !tok_.escaped && (tok_.value == u"using" || tok_.value == u"await")) {
    if (int kind = UsingDeclarationAhead()) {
      if (kind == 2) {
        Next();  // await
        ctx_->yield_await_seen++;
      }
      return ParseVarStatement(kind == 2 ? ast::VarKind::kAwaitUsing : ast::VarKind::kUsing);
    }
  }
  if (IsName(u"async") && PeekIsFunctionNoNewline()) return ParseFunctionDeclaration(true);
  if (IsName(u"class")) return ParseClassDeclaration();
  if (IsName(u"const")) return ParseVarStatement(ast::VarKind::kConst);
  if (IsName(u"let") && LetIsDeclaration()) return ParseVarStatement(ast::VarKind::kLet);
  if (IsName(u"import") && !PeekIsPunct("(") && !PeekIsPunct(".")) {
    Fail("Cannot use import statement outside a module");
    return nullptr;
  }
  if (IsName(u"export")) {
    Fail("Unexpected token 'export'");
    return nullptr;
  }
  return ParseStatement();
}

// Whether a `using` (1) or `await using` (2) declaration starts here:
// `using` [no LineTerminator] BindingIdentifier, with `await` first only
// where await is an operator.
int Parser::UsingDeclarationAhead() {
  auto binding_follows = [](const Token& t) {
    return t.type == Tok::kIdentifier && !t.newline_before && t.value != u"in" && t.value != u"instanceof";
  };
  if (tok_.value == u"using") return binding_follows(PeekToken()) ? 1 : 0;
  if (!ctx_->is_async || InStaticBlock()) return 0;
  Token next = PeekToken();
  if (next.type != Tok::kIdentifier || next.escaped || next.value != u"using" || next.newline_before) return 0;
  Lexer::State save = lex_.Save();
  Token saved = tok_;
  uint32_t saved_end = prev_end_;
  Next();
  bool yes = binding_follows(PeekToken());
  lex_.Restore(save);
  tok_ = saved;
  prev_end_ = saved_end;
  return yes ? 2 : 0;
}

// In a for head: `using x` (1) or `await using x` (2) starts a declaration;
// `for (using of …)` keeps `using` an identifier.
int Parser::ForUsingAhead() {
  if (tok_.type != Tok::kIdentifier || tok_.escaped) return 0;
  if (tok_.value != u"using" && tok_.value != u"await") return 0;
  int kind = UsingDeclarationAhead();
  if (kind != 1) return kind;
  Token t = PeekToken();
  return t.value == u"of" ? 0 : 1;
}

bool Parser::LetIsDeclaration() {
  Token t = PeekToken();
  if (t.type == Tok::kPunct) return t.punct == "[" || t.punct == "{";
  if (t.type == Tok::kIdentifier) {
    if (t.newline_before && !strict()) {
      // `let` newline identifier: still a declaration unless ASI applies
      // (a let declaration; keywords like `in`/`instanceof` are not names).
      return !(t.value == u"in" || t.value == u"instanceof");
    }
    return !(t.value == u"in" || t.value == u"instanceof");
  }
  return false;
}

Stmt* Parser::ParseStatement() {
  DepthGuard guard(this);
  if (failed_) return nullptr;
  Pos pos = CurPos();
  if (tok_.type == Tok::kPunct) {
    if (IsPunct("{")) return ParseBlock();
    if (IsPunct(";")) {
      Next();
      return Finish(Make<Empty>(pos));
    }
  }
  if (tok_.type == Tok::kIdentifier && !tok_.escaped) {
    const std::u16string& k = tok_.value;
    if (k == u"var") return ParseVarStatement(ast::VarKind::kVar);
    if (k == u"if") return ParseIf();
    if (k == u"for") return ParseFor();
    if (k == u"while") return ParseWhile();
    if (k == u"do") return ParseDoWhile();
    if (k == u"continue" || k == u"break") return ParseBreakContinue(k == u"continue");
    if (k == u"return") return ParseReturn();
    if (k == u"with") return ParseWith();
    if (k == u"switch") return ParseSwitch();
    if (k == u"throw") return ParseThrow();
    if (k == u"try") return ParseTry();
    if (k == u"debugger") {
      Next();
      ConsumeSemicolon();
      return Finish(Make<Debugger>(pos));
    }
    if (k == u"function" || (k == u"async" && PeekIsFunctionNoNewline())) {
      Fail(strict() ? "In strict mode code, functions can only be declared at top level or inside a block."
                    : "Function declarations are not allowed in this position");
      return nullptr;
    }
    if (k == u"class") {
      Unexpected();
      return nullptr;
    }
    if (k == u"let" && PeekIsPunct("[")) {
      Fail("Lexical declaration cannot appear in a single-statement context");
      return nullptr;
    }
    if (IsIdentifierToken() && PeekIsPunct(":")) return ParseLabeled();
  }
  Expr* e = ParseExpression(true);
  if (e == nullptr) return nullptr;
  ConsumeSemicolon();
  auto* s = Make<ExpressionStatement>(pos);
  s->expression = e;
  return Finish(s);
}

Stmt* Parser::ParseBlock() {
  bool static_block_body = static_block_body_;
  static_block_body_ = false;
  Pos pos = CurPos();
  Expect("{");
  std::vector<Stmt*> body;
  while (!failed_ && !IsPunct("}")) {
    if (tok_.type == Tok::kEof) {
      Unexpected();
      return nullptr;
    }
    Stmt* s = ParseStatementListItem();
    if (s == nullptr) return nullptr;
    body.push_back(s);
  }
  Expect("}");
  // A class static block's statement list is a function body's: its
  // function declarations are var-scoped.
  if (failed_ || !CheckDeclarations(body, static_block_body, nullptr)) return nullptr;
  auto* b = Make<Block>(pos);
  b->body = MakeList(body);
  return Finish(b);
}

VarDecl* Parser::ParseVarDeclarations(ast::VarKind kind, bool in_for, bool* single_no_init) {
  Pos pos = CurPos();
  Next();  // var / let / const
  std::vector<Declarator> decls;
  do {
    Declarator d;
    d.pos = CurPos();
    d.target = ParseBindingTarget();
    if (d.target == nullptr) return nullptr;
    if ((kind == ast::VarKind::kUsing || kind == ast::VarKind::kAwaitUsing) && !d.target->Is<Identifier>()) {
      FailNode("using declarations may not contain binding patterns", d.target);
      return nullptr;
    }
    if (auto* id = d.target->As<Identifier>(); id != nullptr && kind != ast::VarKind::kVar &&
                                                id->name == u"let") {
      FailNode("let is disallowed as a lexically bound name", id);
      return nullptr;
    }
    if (Eat("=")) {
      d.init = ParseAssignment(!in_for);
      if (d.init == nullptr) return nullptr;
    } else if (!in_for) {
      if (kind == ast::VarKind::kConst) {
        Fail("Missing initializer in const declaration");
        return nullptr;
      }
      if (kind == ast::VarKind::kUsing || kind == ast::VarKind::kAwaitUsing) {
        Fail("Missing initializer in using declaration");
        return nullptr;
      }
      if (!d.target->Is<Identifier>()) {
        Fail("Missing initializer in destructuring declaration");
        return nullptr;
      }
    }
    decls.push_back(d);
  } while (Eat(","));
  if (single_no_init != nullptr) *single_no_init = decls.size() == 1;
  auto* v = Make<VarDecl>(pos);
  v->var_kind = kind;
  v->declarators = MakeList(decls);
  return Finish(v);
}

Stmt* Parser::ParseIf() {
  Pos pos = CurPos();
  Next();
  Expect("(");
  Expr* test = ParseExpression(true);
  Expect(")");
  Stmt* cons = ParseSubStatement();
  Stmt* alt = nullptr;
  if (EatName(u"else")) alt = ParseSubStatement();
  if (failed_) return nullptr;
  auto* s = Make<If>(pos);
  s->test = test;
  s->consequent = cons;
  s->alternate = alt;
  return Finish(s);
}

Stmt* Parser::ParseSubStatement() {
  if (IsName(u"function") && !strict()) {
    Pos pos = CurPos();
    Stmt* f = ParseFunctionDeclaration(false);
    if (f == nullptr) return nullptr;
    // B.3.3: only plain function declarations (not generators).
    if (f->As<FunctionDecl>()->function->is_generator) {
      FailNode("Generators can only be declared at the top level or inside a block", f);
      return nullptr;
    }
    auto* b = Make<Block>(pos);
    b->body = MakeList(std::vector<Stmt*>{f});
    return Finish(b);
  }
  Stmt* s = ParseStatement();
  if (!CheckNotLabelledFunction(s)) return nullptr;
  return s;
}

Stmt* Parser::LoopBody() {
  ctx_->loop_depth++;
  ctx_->breakable_depth++;
  Stmt* body = ParseStatement();
  ctx_->loop_depth--;
  ctx_->breakable_depth--;
  if (!CheckNotLabelledFunction(body)) return nullptr;
  return body;
}

Stmt* Parser::ParseWhile() {
  Pos pos = CurPos();
  Next();
  Expect("(");
  Expr* test = ParseExpression(true);
  Expect(")");
  Stmt* body = LoopBody();
  if (failed_) return nullptr;
  auto* s = Make<While>(pos);
  s->test = test;
  s->body = body;
  return Finish(s);
}

Stmt* Parser::ParseDoWhile() {
  Pos pos = CurPos();
  Next();
  Stmt* body = LoopBody();
  if (!EatName(u"while")) {
    Unexpected();
    return nullptr;
  }
  Expect("(");
  Expr* test = ParseExpression(true);
  Expect(")");
  Eat(";");  // ASI always applies after do-while
  if (failed_) return nullptr;
  auto* s = Make<DoWhile>(pos);
  s->body = body;
  s->test = test;
  return Finish(s);
}

Stmt* Parser::ParseFor() {
  Pos pos = CurPos();
  Next();
  bool is_await = false;
  if (IsName(u"await")) {
    if (!ctx_->is_async) {
      Unexpected();
      return nullptr;
    }
    is_await = true;
    ctx_->yield_await_seen++;
    Next();
  }
  Expect("(");
  Node* init = nullptr;
  if (IsPunct(";")) {
    // no init
  } else if (int using_kind = ForUsingAhead()) {
    // for (using x of …) / for (await using x of …) / for (using x = …; …; …)
    if (using_kind == 2) {
      Next();  // await
      ctx_->yield_await_seen++;
    }
    ast::VarKind kind = using_kind == 2 ? ast::VarKind::kAwaitUsing : ast::VarKind::kUsing;
    bool single = false;
    VarDecl* d = ParseVarDeclarations(kind, true, &single);
    if (d == nullptr) return nullptr;
    if (IsName(u"in")) {
      Fail("using declarations are not allowed in for-in loops");
      return nullptr;
    }
    if (IsName(u"of") && single) {
      if (d->declarators[0].init != nullptr) {
        Fail("for-of loop variable declaration may not have an initializer.");
        return nullptr;
      }
      return ParseForInOfRest(pos, d, true, is_await);
    }
    for (auto& decl : d->declarators) {
      if (decl.init == nullptr) {
        Fail("Missing initializer in using declaration");
        return nullptr;
      }
    }
    init = d;
  } else if (IsName(u"var") || IsName(u"const") || (IsName(u"let") && LetIsDeclarationInFor())) {
    ast::VarKind kind = IsName(u"var") ? ast::VarKind::kVar : IsName(u"let") ? ast::VarKind::kLet
                                                                              : ast::VarKind::kConst;
    bool single = false;
    VarDecl* d = ParseVarDeclarations(kind, true, &single);
    if (d == nullptr) return nullptr;
    init = d;
    if ((IsName(u"of") || IsName(u"in")) && single) {
      bool of = IsName(u"of");
      if (d->declarators[0].init != nullptr &&
          (of || strict() || kind != ast::VarKind::kVar || !d->declarators[0].target->Is<Identifier>())) {
        Fail(of ? "for-of loop variable declaration may not have an initializer."
                : "for-in loop variable declaration may not have an initializer.");
        return nullptr;
      }
      return ParseForInOfRest(pos, d, of, is_await);
    }
    for (auto& decl : d->declarators) {
      if (decl.init == nullptr && (kind == ast::VarKind::kConst || !decl.target->Is<Identifier>())) {
        Fail("Missing initializer in declaration");
        return nullptr;
      }
    }
  } else {
    bool starts_with_let = IsName(u"let");
    bool starts_with_async = IsName(u"async") && !tok_.escaped;
    ++literal_depth_;
    Expr* e = ParseExpressionNoIn();
    --literal_depth_;
    if (e == nullptr) return nullptr;
    if (IsName(u"of") || IsName(u"in")) {
      bool of = IsName(u"of");
      if (of && starts_with_let) {
        Fail("The left-hand side of a for-of loop may not be 'let'.");
        return nullptr;
      }
      if (of && starts_with_async && e->Is<Identifier>() && !is_await) {
        Fail("The left-hand side of a for-of loop may not be 'async'.");
        return nullptr;
      }
      Node* target = ToAssignmentTarget(e, true);
      if (target == nullptr) return nullptr;
      return ParseForInOfRest(pos, target, of, is_await);
    }
    if (!cover_init_errors_.empty()) {
      FailNode("Invalid shorthand property initializer", cover_init_errors_.back());
      return nullptr;
    }
    init = e;
  }
  if (is_await) {
    Unexpected();
    return nullptr;
  }
  Expect(";");
  Expr* test = IsPunct(";") ? nullptr : ParseExpression(true);
  Expect(";");
  Expr* update = IsPunct(")") ? nullptr : ParseExpression(true);
  Expect(")");
  Stmt* body = LoopBody();
  if (failed_ || !CheckForDeclarations(init, body)) return nullptr;
  auto* f = Make<For>(pos);
  f->init = init;
  f->test = test;
  f->update = update;
  f->body = body;
  return Finish(f);
}

Stmt* Parser::ParseForInOfRest(Pos pos, Node* left, bool of, bool is_await) {
  Next();  // in / of
  Expr* right = of ? ParseAssignment(true) : ParseExpression(true);
  Expect(")");
  Stmt* body = LoopBody();
  if (failed_ || !CheckForDeclarations(left, body)) return nullptr;
  if (of) {
    auto* s = Make<ForOf>(pos);
    s->left = left;
    s->right = right;
    s->body = body;
    s->is_await = is_await;
    return Finish(s);
  }
  if (is_await) {
    Fail("Unexpected token 'in'");
    return nullptr;
  }
  auto* s = Make<ForIn>(pos);
  s->left = left;
  s->right = right;
  s->body = body;
  return Finish(s);
}

Stmt* Parser::ParseBreakContinue(bool is_continue) {
  Pos pos = CurPos();
  Next();
  Identifier* label = nullptr;
  if (!tok_.newline_before && tok_.type == Tok::kIdentifier && !IsPunct(";") && IsIdentifierToken()) {
    label = ParseIdentifier(false);
    if (label == nullptr) return nullptr;
    bool found = false;
    for (size_t i = 0; i < ctx_->labels.size(); ++i) {
      if (ctx_->labels[i] == label->name.view()) {
        found = true;
        if (is_continue && !ctx_->label_is_loop[i]) {
          FailNode("Illegal continue statement: '" + std::string(label->name.view().begin(), label->name.view().end()) +
                       "' does not denote an iteration statement",
                   label);
          return nullptr;
        }
      }
    }
    if (!found) {
      FailNode("Undefined label", label);
      return nullptr;
    }
  } else if (is_continue ? ctx_->loop_depth == 0 : ctx_->breakable_depth == 0) {
    FailAt(is_continue ? "Illegal continue statement: no surrounding iteration statement"
                       : "Illegal break statement",
           pos.line, pos.column, pos.offset);
    return nullptr;
  }
  ConsumeSemicolon();
  if (is_continue) {
    auto* s = Make<Continue>(pos);
    s->label = label;
    return Finish(s);
  }
  auto* s = Make<Break>(pos);
  s->label = label;
  return Finish(s);
}

Stmt* Parser::ParseReturn() {
  Pos pos = CurPos();
  if ((ctx_->fn == nullptr && !options_.allow_return) || ctx_->is_static_block) {
    Fail("Illegal return statement");
    return nullptr;
  }
  Next();
  Expr* arg = nullptr;
  if (!IsPunct(";") && !IsPunct("}") && tok_.type != Tok::kEof && !tok_.newline_before) {
    arg = ParseExpression(true);
    if (arg == nullptr) return nullptr;
  }
  ConsumeSemicolon();
  auto* r = Make<Return>(pos);
  r->argument = arg;
  return Finish(r);
}

Stmt* Parser::ParseWith() {
  Pos pos = CurPos();
  if (strict()) {
    Fail("Strict mode code may not include a with statement");
    return nullptr;
  }
  Next();
  Expect("(");
  Expr* obj = ParseExpression(true);
  Expect(")");
  Stmt* body = ParseStatement();
  if (failed_ || !CheckNotLabelledFunction(body)) return nullptr;
  auto* w = Make<With>(pos);
  w->object = obj;
  w->body = body;
  return Finish(w);
}

Stmt* Parser::ParseSwitch() {
  Pos pos = CurPos();
  Next();
  Expect("(");
  Expr* disc = ParseExpression(true);
  Expect(")");
  Expect("{");
  std::vector<SwitchCase> cases;
  bool has_default = false;
  ctx_->breakable_depth++;
  while (!failed_ && !IsPunct("}")) {
    SwitchCase c;
    c.pos = CurPos();
    if (EatName(u"case")) {
      c.test = ParseExpression(true);
    } else if (EatName(u"default")) {
      if (has_default) {
        Fail("More than one default clause in switch statement");
        break;
      }
      has_default = true;
    } else {
      Unexpected();
      break;
    }
    Expect(":");
    std::vector<Stmt*> body;
    while (!failed_ && !IsPunct("}") && !IsName(u"case") && !IsName(u"default")) {
      if (tok_.type == Tok::kEof) {
        Unexpected();
        break;
      }
      Stmt* s = ParseStatementListItem();
      if (s == nullptr) break;
      body.push_back(s);
    }
    c.body = MakeList(body);
    cases.push_back(c);
  }
  ctx_->breakable_depth--;
  Expect("}");
  if (failed_) return nullptr;
  auto* s = Make<Switch>(pos);
  s->discriminant = disc;
  s->cases = MakeList(cases);
  if (!CheckSwitchDeclarations(s->cases)) return nullptr;
  return Finish(s);
}

Stmt* Parser::ParseThrow() {
  Pos pos = CurPos();
  Next();
  if (tok_.newline_before) {
    Fail("Illegal newline after throw");
    return nullptr;
  }
  Expr* e = ParseExpression(true);
  if (e == nullptr) return nullptr;
  ConsumeSemicolon();
  auto* t = Make<Throw>(pos);
  t->argument = e;
  return Finish(t);
}

Stmt* Parser::ParseTry() {
  Pos pos = CurPos();
  Next();
  if (!IsPunct("{")) {
    Unexpected();
    return nullptr;
  }
  auto* t = Make<Try>(pos);
  t->block = static_cast<Block*>(ParseBlock());
  if (EatName(u"catch")) {
    if (Eat("(")) {
      t->param = ParseBindingTarget();
      Expect(")");
    }
    if (!IsPunct("{")) {
      Unexpected();
      return nullptr;
    }
    t->handler = static_cast<Block*>(ParseBlock());
  }
  if (EatName(u"finally")) {
    if (!IsPunct("{")) {
      Unexpected();
      return nullptr;
    }
    t->finalizer = static_cast<Block*>(ParseBlock());
  }
  if (failed_) return nullptr;
  if (t->handler == nullptr && t->finalizer == nullptr) {
    Fail("Missing catch or finally after try");
    return nullptr;
  }
  if (!CheckCatchDeclarations(t)) {
    return nullptr;
  }
  return Finish(t);
}

Stmt* Parser::ParseLabeled() {
  Pos pos = CurPos();
  Identifier* label = ParseIdentifier(false);
  if (label == nullptr) return nullptr;
  for (const auto& l : ctx_->labels) {
    if (l == label->name.view()) {
      FailNode("Label has already been declared", label);
      return nullptr;
    }
  }
  Expect(":");
  bool is_loop = IsName(u"for") || IsName(u"while") || IsName(u"do");
  // A label set (`a: b: while ...`): every label of it denotes the loop, so
  // the labels just before this one, each labelling the next, do too.
  bool body_is_label = tok_.type == Tok::kIdentifier && PeekIsPunct(":");
  if (is_loop) {
    for (size_t i = ctx_->labels.size(); i-- > 0 && ctx_->label_labels_next[i];) ctx_->label_is_loop[i] = true;
  }
  ctx_->labels.emplace_back(label->name.view());
  ctx_->label_is_loop.push_back(is_loop);
  ctx_->label_labels_next.push_back(body_is_label);
  Stmt* body;
  if (IsName(u"function") && !strict()) {
    body = ParseFunctionDeclaration(false);
    // B.3.1: only plain function declarations may be labelled.
    if (body != nullptr && body->As<FunctionDecl>()->function->is_generator) {
      FailNode("Generators can only be declared at the top level or inside a block", body);
      body = nullptr;
    }
  } else {
    body = ParseStatement();
  }
  ctx_->labels.pop_back();
  ctx_->label_is_loop.pop_back();
  ctx_->label_labels_next.pop_back();
  if (body == nullptr) return nullptr;
  auto* l = Make<Labeled>(pos);
  l->label = label;
  l->body = body;
  return Finish(l);
}

ast::Program* ParseProgram(Arena& arena, std::u16string_view source, const ParseOptions& options,
                           ParseError* error) {
  Parser p(arena, source, options, error);
  return p.ParseScript();
}

ast::Function* ParseDynamicFunction(Arena& arena, std::u16string_view params, std::u16string_view body,
                                    bool is_async, bool is_generator, ParseError* error) {
  error->message = "ParseDynamicFunction is not implemented yet";
  return nullptr;
}

}  // namespace ratchet::internal
