// Recursive-descent parser for ECMAScript scripts. Expressions use
// precedence climbing (no recursion per binary operand); every recursive
// construct counts against ParseOptions::max_depth.
#include "compiler/parser.h"

#include <cstring>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "compiler/lexer.h"
#include "compiler/stack_limit.h"

namespace ratchet::internal {

using namespace ast;  // NOLINT

namespace {

struct FunctionContext {
  Function* fn = nullptr;  // null for the program
  bool is_arrow = false;
  bool is_async = false;
  bool is_generator = false;
  bool strict = false;
  FunctionContext* parent = nullptr;
  int breakable_depth = 0;  // loops and switches (for unlabelled break)
  int loop_depth = 0;
  std::vector<std::u16string> labels;
  std::vector<bool> label_is_loop;
};

class Parser {
 public:
  Parser(Arena& arena, std::u16string_view source, const ParseOptions& options, ParseError* error)
      : arena_(arena), lex_(source, options.module), options_(options), error_(error) {}

  Program* ParseScript() {
    Program* p = arena_.New<Program>();
    program_ = p;
    FunctionContext top;
    top.strict = options_.strict || options_.module;
    top.is_async = options_.allow_await;
    ctx_ = &top;
    Next();
    std::vector<Stmt*> body;
    ParseDirectives(&body, &top, nullptr);
    while (!failed_ && tok_.type != Tok::kEof) {
      Stmt* s = ParseStatementListItem();
      if (s == nullptr) break;
      body.push_back(s);
    }
    if (failed_) return nullptr;
    p->strict = top.strict;
    p->body = MakeList(body);
    p->end = static_cast<uint32_t>(lex_.source().size());
    return p;
  }

  Function* ParseDynamic(std::u16string_view, std::u16string_view) { return nullptr; }

 private:
  // ---- Tokens ----
  void Next() {
    prev_end_ = tok_.end;
    prev_line_ = tok_.line;
    tok_ = lex_.Next();
    if (tok_.type == Tok::kError) Fail(tok_.error.empty() ? "Invalid or unexpected token" : tok_.error);
  }
  bool IsPunct(const char* p) const { return tok_.type == Tok::kPunct && tok_.punct == p; }
  bool IsName(const char16_t* name) const {
    return tok_.type == Tok::kIdentifier && !tok_.escaped && tok_.value == name;
  }
  bool Eat(const char* p) {
    if (!IsPunct(p)) return false;
    Next();
    return true;
  }
  bool Expect(const char* p) {
    if (Eat(p)) return true;
    Unexpected();
    return false;
  }
  bool EatName(const char16_t* name) {
    if (!IsName(name)) return false;
    Next();
    return true;
  }
  void Unexpected() {
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
  void Fail(const std::string& msg) { FailAt(msg, tok_.line, tok_.column, tok_.start); }
  void FailAt(const std::string& msg, uint32_t line, uint32_t column, uint32_t offset) {
    if (failed_) return;
    failed_ = true;
    error_->message = msg;
    error_->line = line;
    error_->column = column;
    error_->offset = offset;
  }
  void FailNode(const std::string& msg, const Node* n) { FailAt(msg, n->pos.line, n->pos.column, n->pos.offset); }
  void ConsumeSemicolon() {
    if (Eat(";")) return;
    if (IsPunct("}") || tok_.type == Tok::kEof || tok_.newline_before) return;
    Unexpected();
  }
  Pos CurPos() const { return Pos{tok_.start, tok_.line, tok_.column}; }

  template <typename T>
  T* Make(Pos pos) {
    T* n = arena_.New<T>();
    n->pos = pos;
    return n;
  }
  template <typename T>
  T* Finish(T* n) {
    n->end = prev_end_;
    return n;
  }
  template <typename T>
  List<T> MakeList(const std::vector<T>& v) {
    return List<T>{arena_.CopyArray(v), static_cast<uint32_t>(v.size())};
  }
  Str MakeStr(std::u16string_view s) {
    if (s.empty()) return Str{};
    char16_t* d = static_cast<char16_t*>(arena_.Allocate(s.size() * 2, alignof(char16_t)));
    std::memcpy(d, s.data(), s.size() * 2);
    return Str{d, static_cast<uint32_t>(s.size())};
  }

  struct DepthGuard {
    Parser* p;
    explicit DepthGuard(Parser* parser) : p(parser) {
      if (++p->depth_ > p->options_.max_depth || p->stack_.Exceeded()) {
        p->Fail("Maximum nesting depth exceeded (limit " + std::to_string(p->options_.max_depth) + ")");
      }
    }
    ~DepthGuard() { --p->depth_; }
  };

  bool strict() const { return ctx_->strict; }

  static bool IsReservedWord(const std::u16string& n) {
    static const char16_t* const kWords[] = {
        u"await",  u"break",  u"case",   u"catch",  u"class",   u"const",      u"continue", u"debugger",
        u"default", u"delete", u"do",    u"else",   u"enum",    u"export",     u"extends",  u"false",
        u"finally", u"for",    u"function", u"if",  u"import",  u"in",         u"instanceof", u"new",
        u"null",   u"return", u"super",  u"switch", u"this",    u"throw",      u"true",     u"try",
        u"typeof", u"var",    u"void",   u"while",  u"with",    u"yield"};
    for (const char16_t* w : kWords) {
      if (n == w) return true;
    }
    return false;
  }
  bool IsStrictReserved(const std::u16string& n) const {
    static const char16_t* const kWords[] = {u"implements", u"interface", u"let",    u"package",
                                             u"private",    u"protected", u"public", u"static", u"yield"};
    for (const char16_t* w : kWords) {
      if (n == w) return true;
    }
    return false;
  }
  // An identifier usable as a binding or reference here.
  bool IsIdentifierToken() const {
    if (tok_.type != Tok::kIdentifier) return false;
    const std::u16string& n = tok_.value;
    if (n == u"yield") return !strict() && !ctx_->is_generator;
    if (n == u"await") return !options_.module && !ctx_->is_async;
    if (IsReservedWord(n)) return false;
    if (strict() && IsStrictReserved(n)) return false;
    return true;
  }
  Identifier* ParseIdentifier(bool binding) {
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

  void MarkThis() {
    for (FunctionContext* c = ctx_; c != nullptr; c = c->parent) {
      if (c->fn != nullptr) c->fn->uses_this = true;
      if (!c->is_arrow) break;
    }
  }
  void MarkArguments() {
    for (FunctionContext* c = ctx_; c != nullptr; c = c->parent) {
      if (c->fn != nullptr) c->fn->uses_arguments = true;
      if (c->fn == nullptr) program_->uses_arguments = true;
      if (!c->is_arrow) break;
    }
  }
  void MarkEval() {
    for (FunctionContext* c = ctx_; c != nullptr; c = c->parent) {
      if (c->fn != nullptr) c->fn->contains_direct_eval = true;
    }
    program_->contains_direct_eval = true;
  }

  // ---- Directives ----
  void ParseDirectives(std::vector<Stmt*>* body, FunctionContext* ctx, Function* fn) {
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
      if (octal && ctx->strict) {
        FailNode("Octal escape sequences are not allowed in strict mode", s);
        return;
      }
      (void)save;
      (void)saved;
      (void)saved_end;
      body->push_back(s);
    }
  }

  // ---- Statements ----
  Stmt* ParseStatementListItem() {
    if (IsName(u"function")) return ParseFunctionDeclaration(false);
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

  [[gnu::noinline]] Token PeekToken() {
    Lexer::State s = lex_.Save();
    Token t = lex_.Next();
    lex_.Restore(s);
    return t;
  }
  [[gnu::noinline]] bool PeekIsPunct(const char* p) {
    Token t = PeekToken();
    return t.type == Tok::kPunct && t.punct == p;
  }
  [[gnu::noinline]] bool PeekIsFunctionNoNewline() {
    Token t = PeekToken();
    return t.type == Tok::kIdentifier && !t.escaped && t.value == u"function" && !t.newline_before;
  }
  [[gnu::noinline]] bool LetIsDeclaration() {
    Token t = PeekToken();
    if (t.type == Tok::kPunct) return t.punct == "[" || t.punct == "{";
    if (t.type == Tok::kIdentifier) {
      if (t.newline_before && !strict()) {
        // `let` newline identifier: still a declaration unless ASI applies
        // (a let declaration; keywords like `in`/`instanceof` are not names).
        return !(t.value == u"in" || t.value == u"instanceof");
      }
      return !(t.value == u"in" || t.value == u"instanceof" || t.value == u"of" && false);
    }
    return false;
  }

  Stmt* ParseStatement() {
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
      if (k == u"function") {
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

  Stmt* ParseBlock() {
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
    auto* b = Make<Block>(pos);
    b->body = MakeList(body);
    return Finish(b);
  }

  VarDecl* ParseVarDeclarations(ast::VarKind kind, bool in_for, bool* single_no_init) {
    Pos pos = CurPos();
    Next();  // var / let / const
    std::vector<Declarator> decls;
    do {
      Declarator d;
      d.pos = CurPos();
      d.target = ParseBindingTarget();
      if (d.target == nullptr) return nullptr;
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

  Stmt* ParseVarStatement(ast::VarKind kind) {
    VarDecl* v = ParseVarDeclarations(kind, false, nullptr);
    if (v == nullptr) return nullptr;
    ConsumeSemicolon();
    return Finish(v);
  }

  Stmt* ParseIf() {
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

  // The body of if/loops/labels: Annex B allows function declarations in if
  // bodies in sloppy mode.
  Stmt* ParseSubStatement() {
    if (IsName(u"function") && !strict()) {
      Pos pos = CurPos();
      Stmt* f = ParseFunctionDeclaration(false);
      if (f == nullptr) return nullptr;
      auto* b = Make<Block>(pos);
      b->body = MakeList(std::vector<Stmt*>{f});
      return Finish(b);
    }
    return ParseStatement();
  }

  Stmt* LoopBody() {
    ctx_->loop_depth++;
    ctx_->breakable_depth++;
    Stmt* body = ParseStatement();
    ctx_->loop_depth--;
    ctx_->breakable_depth--;
    return body;
  }

  Stmt* ParseWhile() {
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

  Stmt* ParseDoWhile() {
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

  Stmt* ParseFor() {
    Pos pos = CurPos();
    Next();
    bool is_await = false;
    if (IsName(u"await")) {
      if (!ctx_->is_async) {
        Unexpected();
        return nullptr;
      }
      is_await = true;
      Next();
    }
    Expect("(");
    Node* init = nullptr;
    if (IsPunct(";")) {
      // no init
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
    if (failed_) return nullptr;
    auto* f = Make<For>(pos);
    f->init = init;
    f->test = test;
    f->update = update;
    f->body = body;
    return Finish(f);
  }

  bool LetIsDeclarationInFor() {
    Token t = PeekToken();
    if (t.type == Tok::kPunct) return t.punct == "[" || t.punct == "{";
    return t.type == Tok::kIdentifier && !(t.value == u"in" || t.value == u"of");
  }

  Stmt* ParseForInOfRest(Pos pos, Node* left, bool of, bool is_await) {
    Next();  // in / of
    Expr* right = of ? ParseAssignment(true) : ParseExpression(true);
    Expect(")");
    Stmt* body = LoopBody();
    if (failed_) return nullptr;
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

  Stmt* ParseBreakContinue(bool is_continue) {
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

  Stmt* ParseReturn() {
    Pos pos = CurPos();
    if (ctx_->fn == nullptr && !options_.allow_return) {
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

  Stmt* ParseWith() {
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
    if (failed_) return nullptr;
    auto* w = Make<With>(pos);
    w->object = obj;
    w->body = body;
    return Finish(w);
  }

  Stmt* ParseSwitch() {
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
    return Finish(s);
  }

  Stmt* ParseThrow() {
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

  Stmt* ParseTry() {
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
    return Finish(t);
  }

  Stmt* ParseLabeled() {
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
    ctx_->labels.emplace_back(label->name.view());
    ctx_->label_is_loop.push_back(is_loop);
    Stmt* body;
    if (IsName(u"function") && !strict()) {
      body = ParseFunctionDeclaration(false);
    } else {
      body = ParseStatement();
    }
    ctx_->labels.pop_back();
    ctx_->label_is_loop.pop_back();
    if (body == nullptr) return nullptr;
    auto* l = Make<Labeled>(pos);
    l->label = label;
    l->body = body;
    return Finish(l);
  }

  // ---- Functions ----
  Stmt* ParseFunctionDeclaration(bool is_async) {
    Pos pos = CurPos();
    if (is_async) Next();
    Function* f = ParseFunctionRest(pos, FunctionKind::kNormal, is_async, /*declaration=*/true);
    if (f == nullptr) return nullptr;
    auto* d = Make<FunctionDecl>(pos);
    d->function = f;
    return Finish(d);
  }

  // At `function`.
  [[gnu::noinline]] Function* ParseFunctionRest(Pos pos, FunctionKind kind, bool is_async, bool declaration) {
    Next();  // function
    bool generator = Eat("*");
    Identifier* name = nullptr;
    if (tok_.type == Tok::kIdentifier && !IsPunct("(")) {
      // The name of a function expression is bound inside it: yield/await
      // follow the function's own kind there.
      FunctionContext tmp = *ctx_;
      if (!declaration) {
        tmp.is_generator = generator;
        tmp.is_async = is_async;
      }
      FunctionContext* saved = ctx_;
      ctx_ = &tmp;
      name = ParseIdentifier(true);
      ctx_ = saved;
      if (name == nullptr) return nullptr;
    } else if (declaration) {
      Unexpected();
      return nullptr;
    }
    Function* f = ParseFunctionBody(pos, kind, is_async, generator, name);
    return f;
  }

  // At `(` of the parameters.
  Function* ParseFunctionBody(Pos pos, FunctionKind kind, bool is_async, bool generator, Identifier* name) {
    DepthGuard guard(this);
    if (failed_) return nullptr;
    Function* f = Make<Function>(pos);
    f->function_kind = kind;
    f->is_async = is_async;
    f->is_generator = generator;
    f->name = name;
    f->source_start = pos.offset;
    FunctionContext ctx;
    ctx.fn = f;
    ctx.is_async = is_async;
    ctx.is_generator = generator;
    ctx.strict = ctx_->strict;
    ctx.parent = ctx_;
    FunctionContext* saved = ctx_;
    ctx_ = &ctx;
    std::vector<Expr*> params;
    if (!ParseFormalParameters(f, &params)) {
      ctx_ = saved;
      return nullptr;
    }
    f->params = MakeList(params);
    if (!Expect("{")) {
      ctx_ = saved;
      return nullptr;
    }
    std::vector<Stmt*> body;
    ParseDirectives(&body, &ctx, f);
    while (!failed_ && !IsPunct("}")) {
      if (tok_.type == Tok::kEof) {
        Unexpected();
        break;
      }
      Stmt* s = ParseStatementListItem();
      if (s == nullptr) break;
      body.push_back(s);
    }
    Expect("}");
    ctx_ = saved;
    if (failed_) return nullptr;
    f->strict = ctx.strict;
    f->body = MakeList(body);
    f->source_end = prev_end_;
    if (f->strict && !CheckStrictParams(f)) return nullptr;
    return Finish(f);
  }

  bool CheckStrictParams(Function* f) {
    std::vector<Identifier*> names;
    for (Node* p : f->params) CollectNames(p, &names);
    for (size_t i = 0; i < names.size(); ++i) {
      auto n = names[i]->name.view();
      if (n == u"eval" || n == u"arguments") {
        FailNode("Unexpected eval or arguments in strict mode", names[i]);
        return false;
      }
      for (size_t j = 0; j < i; ++j) {
        if (names[j]->name.view() == n) {
          FailNode("Duplicate parameter name not allowed in this context", names[i]);
          return false;
        }
      }
    }
    if (f->name != nullptr && (f->name->name == u"eval" || f->name->name == u"arguments")) {
      FailNode("Unexpected eval or arguments in strict mode", f->name);
      return false;
    }
    return true;
  }

  void CollectNames(Node* p, std::vector<Identifier*>* out) {
    if (p == nullptr) return;
    if (auto* id = p->As<Identifier>()) out->push_back(id);
    if (auto* op = p->As<ObjectPattern>()) {
      for (auto& prop : op->properties) CollectNames(prop.value, out);
      CollectNames(op->rest, out);
    }
    if (auto* ap = p->As<ArrayPattern>()) {
      for (Node* e : ap->elements) CollectNames(e, out);
      CollectNames(ap->rest, out);
    }
    if (auto* as = p->As<AssignmentPattern>()) CollectNames(as->target, out);
    if (auto* r = p->As<RestElement>()) CollectNames(r->target, out);
  }

  bool ParseFormalParameters(Function* f, std::vector<Expr*>* params) {
    if (!Expect("(")) return false;
    while (!IsPunct(")")) {
      Pos pos = CurPos();
      if (Eat("...")) {
        Node* target = ParseBindingTarget();
        if (target == nullptr) return false;
        auto* r = Make<RestElement>(pos);
        r->target = target;
        params->push_back(Finish(r));
        f->simple_parameters = false;
        if (!IsPunct(")")) {
          Fail("Rest parameter must be last formal parameter");
          return false;
        }
        break;
      }
      Node* p = ParseBindingElement();
      if (p == nullptr) return false;
      if (!p->Is<Identifier>()) f->simple_parameters = false;
      params->push_back(p);
      if (!IsPunct(")") && !Expect(",")) return false;
    }
    Next();  // )
    if (!f->simple_parameters || f->function_kind == FunctionKind::kArrow ||
        f->function_kind == FunctionKind::kMethod || f->function_kind == FunctionKind::kGetter ||
        f->function_kind == FunctionKind::kSetter || f->function_kind == FunctionKind::kClassConstructor ||
        f->function_kind == FunctionKind::kDerivedConstructor) {
      std::vector<Identifier*> names;
      for (Node* p : *params) CollectNames(p, &names);
      for (size_t i = 0; i < names.size(); ++i) {
        for (size_t j = 0; j < i; ++j) {
          if (names[j]->name.view() == names[i]->name.view()) {
            FailNode("Duplicate parameter name not allowed in this context", names[i]);
            return false;
          }
        }
      }
    }
    if (f->function_kind == FunctionKind::kGetter && !params->empty()) {
      Fail("Getter must not have any formal parameters.");
      return false;
    }
    if (f->function_kind == FunctionKind::kSetter &&
        (params->size() != 1 || (*params)[0]->Is<RestElement>())) {
      Fail("Setter must have exactly one formal parameter.");
      return false;
    }
    return true;
  }

  // BindingElement: a target with an optional default.
  Node* ParseBindingElement() {
    Pos pos = CurPos();
    Node* target = ParseBindingTarget();
    if (target == nullptr) return nullptr;
    if (Eat("=")) {
      Expr* init = ParseAssignment(true);
      if (init == nullptr) return nullptr;
      auto* a = Make<AssignmentPattern>(pos);
      a->target = target;
      a->default_value = init;
      return Finish(a);
    }
    return target;
  }

  Node* ParseBindingTarget() {
    DepthGuard guard(this);
    if (failed_) return nullptr;
    Pos pos = CurPos();
    if (IsPunct("[")) {
      Next();
      std::vector<Expr*> elements;
      Node* rest = nullptr;
      while (!IsPunct("]")) {
        if (IsPunct(",")) {
          Next();
          elements.push_back(Finish(Make<Hole>(CurPos())));
          continue;
        }
        if (Eat("...")) {
          rest = ParseBindingTarget();
          if (rest == nullptr) return nullptr;
          if (!IsPunct("]")) {
            Fail("Rest element must be last element");
            return nullptr;
          }
          break;
        }
        Node* e = ParseBindingElement();
        if (e == nullptr) return nullptr;
        elements.push_back(e);
        if (!IsPunct("]") && !Expect(",")) return nullptr;
      }
      Next();
      auto* p = Make<ArrayPattern>(pos);
      p->elements = MakeList(elements);
      p->rest = rest;
      return Finish(p);
    }
    if (IsPunct("{")) {
      Next();
      std::vector<PatternProperty> props;
      Node* rest = nullptr;
      while (!IsPunct("}")) {
        if (Eat("...")) {
          rest = ParseIdentifier(true);
          if (rest == nullptr) return nullptr;
          break;
        }
        PatternProperty prop;
        prop.pos = CurPos();
        if (tok_.type == Tok::kIdentifier && !PeekIsPunct(":")) {
          // Shorthand: {a} or {a = 1}.
          Identifier* id = ParseIdentifier(true);
          if (id == nullptr) return nullptr;
          prop.shorthand = true;
          prop.key = id;
          Node* value = id;
          if (Eat("=")) {
            Expr* init = ParseAssignment(true);
            if (init == nullptr) return nullptr;
            auto* a = Make<AssignmentPattern>(prop.pos);
            a->target = id;
            a->default_value = init;
            value = Finish(a);
          }
          prop.value = value;
        } else {
          prop.key = ParsePropertyName(&prop.computed);
          if (prop.key == nullptr || !Expect(":")) return nullptr;
          prop.value = ParseBindingElement();
          if (prop.value == nullptr) return nullptr;
        }
        props.push_back(prop);
        if (!IsPunct("}") && !Expect(",")) return nullptr;
      }
      Expect("}");
      auto* p = Make<ObjectPattern>(pos);
      p->properties = MakeList(props);
      p->rest = rest;
      return Finish(p);
    }
    return ParseIdentifier(true);
  }

  // A number, BigInt or string literal token.
  Expr* ParseLiteralToken() {
    Pos pos = CurPos();
    if (tok_.legacy_octal && strict()) {
      Fail(tok_.type == Tok::kString ? "Octal escape sequences are not allowed in strict mode."
                                     : "Octal literals are not allowed in strict mode.");
      return nullptr;
    }
    if (tok_.type == Tok::kNumber) {
      auto* n = Make<NumberLiteral>(pos);
      n->value = tok_.number;
      Next();
      return Finish(n);
    }
    if (tok_.type == Tok::kBigInt) {
      auto* n = Make<BigIntLiteral>(pos);
      n->digits = MakeStr(tok_.value);
      Next();
      return Finish(n);
    }
    auto* str = Make<StringLiteral>(pos);
    str->value = MakeStr(tok_.value);
    str->has_escape = tok_.end - tok_.start != tok_.value.size() + 2;
    Next();
    return Finish(str);
  }

  // PropertyName: identifier name, string, number, or [computed].
  Expr* ParsePropertyName(bool* computed) {
    Pos pos = CurPos();
    *computed = false;
    switch (tok_.type) {
      case Tok::kIdentifier: {
        auto* id = Make<Identifier>(pos);
        id->name = MakeStr(tok_.value);
        Next();
        return Finish(id);
      }
      case Tok::kString:
      case Tok::kNumber:
      case Tok::kBigInt:
        return ParseLiteralToken();
      case Tok::kPrivateName: {
        auto* p = Make<PrivateName>(pos);
        p->name = MakeStr(tok_.value);
        Next();
        return Finish(p);
      }
      default:
        break;
    }
    if (Eat("[")) {
      *computed = true;
      Expr* e = ParseAssignment(true);
      Expect("]");
      return e;
    }
    Unexpected();
    return nullptr;
  }

  // ---- Classes ----
  Stmt* ParseClassDeclaration() {
    Pos pos = CurPos();
    Class* c = ParseClass(true);
    if (c == nullptr) return nullptr;
    auto* d = Make<ClassDecl>(pos);
    d->class_node = c;
    return Finish(d);
  }

  [[gnu::noinline]] Class* ParseClass(bool declaration) {
    DepthGuard guard(this);
    Pos pos = CurPos();
    Next();  // class
    Class* c = Make<Class>(pos);
    c->source_start = pos.offset;
    bool saved_strict = ctx_->strict;
    ctx_->strict = true;  // class code is strict
    if (tok_.type == Tok::kIdentifier && !IsName(u"extends")) {
      c->name = ParseIdentifier(true);
      if (c->name == nullptr) return nullptr;
    } else if (declaration) {
      Unexpected();
      return nullptr;
    }
    if (EatName(u"extends")) {
      c->super_class = ParseLeftHandSide();
      if (c->super_class == nullptr) return nullptr;
    }
    if (!Expect("{")) return nullptr;
    std::vector<ClassMember> members;
    while (!failed_ && !IsPunct("}")) {
      if (Eat(";")) continue;
      ClassMember m;
      m.pos = CurPos();
      Pos mpos = CurPos();
      if (IsName(u"static") && !PeekIsPunct("(") && !PeekIsPunct("=") && !PeekIsPunct(";") && !PeekIsPunct("}")) {
        Next();
        m.is_static = true;
        if (IsPunct("{")) {
          // static { ... }
          Pos bpos = CurPos();
          Function* f = Make<Function>(bpos);
          f->function_kind = FunctionKind::kMethod;
          f->strict = true;
          Stmt* body = ParseBlock();
          if (body == nullptr) return nullptr;
          f->body = body->As<Block>()->body;
          m.kind = ClassMemberKind::kStaticBlock;
          m.function = Finish(f);
          members.push_back(m);
          continue;
        }
      }
      bool is_async = false, is_generator = false;
      FunctionKind fk = FunctionKind::kMethod;
      ClassMemberKind mk = ClassMemberKind::kMethod;
      if (IsName(u"async") && !PeekIsPunct("(") && !PeekIsPunct("=") && !PeekToken().newline_before) {
        Next();
        is_async = true;
      }
      if (Eat("*")) is_generator = true;
      if (!is_async && !is_generator && (IsName(u"get") || IsName(u"set")) && !PeekIsPunct("(") &&
          !PeekIsPunct("=") && !PeekIsPunct(";") && !PeekIsPunct("}")) {
        bool get = IsName(u"get");
        Next();
        fk = get ? FunctionKind::kGetter : FunctionKind::kSetter;
        mk = get ? ClassMemberKind::kGetter : ClassMemberKind::kSetter;
      }
      m.key = ParsePropertyName(&m.computed);
      if (m.key == nullptr) return nullptr;
      if (IsPunct("(")) {
        bool is_ctor = !m.is_static && !m.computed && mk == ClassMemberKind::kMethod &&
                       ((m.key->Is<Identifier>() && m.key->As<Identifier>()->name == u"constructor") ||
                        (m.key->Is<StringLiteral>() && m.key->As<StringLiteral>()->value == u"constructor"));
        if (is_ctor) {
          if (is_async || is_generator) {
            Fail("Class constructor may not be an async method or a generator");
            return nullptr;
          }
          if (c->constructor != nullptr) {
            Fail("A class may only have one constructor");
            return nullptr;
          }
          fk = c->super_class != nullptr ? FunctionKind::kDerivedConstructor : FunctionKind::kClassConstructor;
        } else if (!m.computed && !m.is_static && m.key->Is<Identifier>() &&
                   m.key->As<Identifier>()->name == u"constructor") {
          Fail("Class constructor may not be an accessor");
          return nullptr;
        }
        Function* f = ParseFunctionBody(mpos, fk, is_async, is_generator, nullptr);
        if (f == nullptr) return nullptr;
        if (is_ctor) {
          f->name = c->name;
          c->constructor = f;
          continue;
        }
        m.kind = mk;
        m.function = f;
      } else {
        // A field: key [= initializer];
        if (is_async || is_generator || mk != ClassMemberKind::kMethod) {
          Unexpected();
          return nullptr;
        }
        m.kind = ClassMemberKind::kField;
        if (Eat("=")) {
          m.value = ParseAssignment(true);
          if (m.value == nullptr) return nullptr;
        }
        ConsumeSemicolon();
      }
      members.push_back(m);
    }
    Expect("}");
    ctx_->strict = saved_strict;
    if (failed_) return nullptr;
    c->members = MakeList(members);
    c->source_end = prev_end_;
    return Finish(c);
  }

  // ---- Expressions ----
  Expr* ParseExpression(bool allow_in) {
    Pos pos = CurPos();
    bool saved = allow_in_;
    allow_in_ = allow_in;
    Expr* first = ParseAssignment(allow_in);
    if (first == nullptr || !IsPunct(",")) {
      allow_in_ = saved;
      return first;
    }
    std::vector<Expr*> exprs{first};
    while (Eat(",")) {
      Expr* e = ParseAssignment(allow_in);
      if (e == nullptr) return nullptr;
      exprs.push_back(e);
    }
    allow_in_ = saved;
    auto* s = Make<Sequence>(pos);
    s->expressions = MakeList(exprs);
    return Finish(s);
  }
  Expr* ParseExpressionNoIn() { return ParseExpression(false); }

  // At `(`: is the matching `)` followed by `=>` on the same line? Every
  // parenthesis seen while scanning is memoized, so nested parentheses cost
  // linear time overall (hostile input like 100,000 `(` stays fast).
  [[gnu::noinline]] bool ArrowAhead() {
    auto cached = arrow_cache_.find(tok_.start);
    if (cached != arrow_cache_.end()) return cached->second;
    Lexer::State s = lex_.Save();
    std::vector<uint32_t> open{tok_.start};
    std::vector<char> kinds{'('};
    bool result = false;
    while (!open.empty()) {
      Token t = lex_.Next();
      if (t.type == Tok::kEof || t.type == Tok::kError) break;
      if (t.type == Tok::kTemplate && !t.template_tail) {
        open.push_back(t.start);
        kinds.push_back('`');
        continue;
      }
      if (t.type != Tok::kPunct) continue;
      if (t.punct == "(" || t.punct == "[" || t.punct == "{") {
        open.push_back(t.start);
        kinds.push_back(t.punct[0]);
      } else if (t.punct == ")" || t.punct == "]" || t.punct == "}") {
        char kind = kinds.back();
        uint32_t start = open.back();
        open.pop_back();
        kinds.pop_back();
        if (kind == '`') {
          // The end of a template substitution: continue the template.
          Token cont = lex_.RescanTemplate(t);
          if (cont.type == Tok::kError) break;
          if (!cont.template_tail) {
            open.push_back(start);
            kinds.push_back('`');
          }
          continue;
        }
        if (kind == '(') {
          Lexer::State after = lex_.Save();
          Token next = lex_.Next();
          lex_.Restore(after);
          bool arrow = next.type == Tok::kPunct && next.punct == "=>" && !next.newline_before;
          arrow_cache_[start] = arrow;
          if (open.empty()) result = arrow;
        }
      }
    }
    lex_.Restore(s);
    arrow_cache_[tok_.start] = result;
    return result;
  }

  [[gnu::noinline]] Expr* ParseArrow(Pos pos, bool is_async, Identifier* single_param) {
    DepthGuard guard(this);
    Function* f = Make<Function>(pos);
    f->function_kind = FunctionKind::kArrow;
    f->is_async = is_async;
    f->source_start = pos.offset;
    FunctionContext ctx;
    ctx.fn = f;
    ctx.is_arrow = true;
    ctx.is_async = is_async;
    ctx.is_generator = false;
    ctx.strict = ctx_->strict;
    ctx.parent = ctx_;
    FunctionContext* saved = ctx_;
    ctx_ = &ctx;
    std::vector<Expr*> params;
    if (single_param != nullptr) {
      params.push_back(single_param);
    } else if (!ParseFormalParameters(f, &params)) {
      ctx_ = saved;
      return nullptr;
    }
    f->params = MakeList(params);
    if (tok_.newline_before || !Expect("=>")) {
      if (!failed_) Unexpected();
      ctx_ = saved;
      return nullptr;
    }
    if (IsPunct("{")) {
      Next();
      std::vector<Stmt*> body;
      ParseDirectives(&body, &ctx, f);
      while (!failed_ && !IsPunct("}")) {
        if (tok_.type == Tok::kEof) {
          Unexpected();
          break;
        }
        Stmt* s = ParseStatementListItem();
        if (s == nullptr) break;
        body.push_back(s);
      }
      Expect("}");
      f->body = MakeList(body);
    } else {
      Pos bpos = CurPos();
      Expr* e = ParseAssignment(allow_in_);
      if (e == nullptr) {
        ctx_ = saved;
        return nullptr;
      }
      auto* r = Make<Return>(bpos);
      r->argument = e;
      Finish(r);
      f->body = MakeList(std::vector<Stmt*>{r});
      f->expression_body = true;
    }
    ctx_ = saved;
    if (failed_) return nullptr;
    f->strict = ctx.strict;
    f->source_end = prev_end_;
    if (f->strict && !CheckStrictParams(f)) return nullptr;
    return Finish(f);
  }

  // `async x => ...` or `async (...) => ...`; null (no error) when the
  // tokens are something else. Out of line: its Token copies would otherwise
  // enlarge every ParseAssignment frame (nesting depth costs stack).
  [[gnu::noinline]] Expr* TryAsyncArrow(Pos pos) {
      Token next = PeekToken();
      if (!next.newline_before) {
        if (next.type == Tok::kIdentifier && next.value != u"function") {
          // async x => ...
          Lexer::State s = lex_.Save();
          Token saved_tok = tok_;
          uint32_t saved_end = prev_end_;
          Next();
          if (IsIdentifierToken() && PeekIsPunct("=>")) {
            FunctionContext tmp = *ctx_;
            tmp.is_async = true;
            FunctionContext* saved_ctx = ctx_;
            ctx_ = &tmp;
            Identifier* param = ParseIdentifier(true);
            ctx_ = saved_ctx;
            if (param == nullptr) return nullptr;
            return ParseArrow(pos, true, param);
          }
          lex_.Restore(s);
          tok_ = saved_tok;
          prev_end_ = saved_end;
        } else if (next.type == Tok::kPunct && next.punct == "(") {
          Lexer::State s = lex_.Save();
          Token saved_tok = tok_;
          uint32_t saved_end = prev_end_;
          Next();  // at (
          if (ArrowAhead()) return ParseArrow(pos, true, nullptr);
          lex_.Restore(s);
          tok_ = saved_tok;
          prev_end_ = saved_end;
        }
      }
    return nullptr;
  }

  Expr* ParseAssignment(bool allow_in) {
    DepthGuard guard(this);
    if (failed_) return nullptr;
    bool saved_in = allow_in_;
    allow_in_ = allow_in;
    Expr* r = ParseAssignmentInner();
    allow_in_ = saved_in;
    return r;
  }

  Expr* ParseAssignmentInner() {
    Pos pos = CurPos();
    // Arrow functions.
    if (IsPunct("(") && ArrowAhead()) return ParseArrow(pos, false, nullptr);
    if (tok_.type == Tok::kIdentifier && !tok_.escaped && tok_.value == u"async") {
      if (Expr* arrow = TryAsyncArrow(pos)) return arrow;
      if (failed_) return nullptr;
    }
    if (IsIdentifierToken() && PeekIsPunct("=>")) {
      Identifier* param = ParseIdentifier(true);
      if (param == nullptr) return nullptr;
      return ParseArrow(pos, false, param);
    }
    if (IsName(u"yield") && ctx_->is_generator) return ParseYield();
    Expr* left = ParseConditional();
    if (left == nullptr) return nullptr;
    if (tok_.type != Tok::kPunct) return left;
    static const struct {
      const char* p;
      AssignOp op;
    } kOps[] = {{"=", AssignOp::kAssign},   {"+=", AssignOp::kAdd},     {"-=", AssignOp::kSub},
                {"*=", AssignOp::kMul},     {"/=", AssignOp::kDiv},     {"%=", AssignOp::kMod},
                {"**=", AssignOp::kExp},    {"<<=", AssignOp::kShl},    {">>=", AssignOp::kSar},
                {">>>=", AssignOp::kShr},   {"&=", AssignOp::kBitAnd},  {"|=", AssignOp::kBitOr},
                {"^=", AssignOp::kBitXor},  {"&&=", AssignOp::kAnd},    {"||=", AssignOp::kOr},
                {"??=", AssignOp::kNullish}};
    for (const auto& o : kOps) {
      if (tok_.punct != o.p) continue;
      Node* target;
      if (o.op == AssignOp::kAssign) {
        target = ToAssignmentTarget(left, true);
      } else {
        target = ToAssignmentTarget(left, false);
      }
      if (target == nullptr) return nullptr;
      Next();
      Expr* value = ParseAssignment(allow_in_);
      if (value == nullptr) return nullptr;
      auto* a = Make<Assign>(pos);
      a->op = o.op;
      a->target = target;
      a->value = value;
      return Finish(a);
    }
    if (literal_depth_ == 0 && !cover_init_errors_.empty()) {
      FailNode("Invalid shorthand property initializer", cover_init_errors_.back());
      return nullptr;
    }
    return left;
  }

  [[gnu::noinline]] Expr* ParseYield() {
    Pos pos = CurPos();
    Next();
    auto* y = Make<Yield>(pos);
    if (!tok_.newline_before && Eat("*")) {
      y->delegate = true;
      y->argument = ParseAssignment(allow_in_);
      if (y->argument == nullptr) return nullptr;
    } else if (!tok_.newline_before && !IsPunct(")") && !IsPunct("]") && !IsPunct("}") && !IsPunct(",") &&
               !IsPunct(";") && !IsPunct(":") && tok_.type != Tok::kEof && !IsName(u"in") && !IsPunct("?")) {
      y->argument = ParseAssignment(allow_in_);
      if (y->argument == nullptr) return nullptr;
    }
    return Finish(y);
  }

  // Cover grammar: an expression that must become an assignment target.
  Node* ToAssignmentTarget(Node* e, bool allow_pattern) {
    if (e == nullptr) return nullptr;
    switch (e->kind) {
      case Kind::kIdentifier: {
        auto* id = e->As<Identifier>();
        if (strict() && (id->name == u"eval" || id->name == u"arguments")) {
          FailNode("Unexpected eval or arguments in strict mode", e);
          return nullptr;
        }
        return e;
      }
      case Kind::kMember:
        return e;
      case Kind::kCall:
        if (!strict() && !allow_pattern) return e;  // Annex B: runtime ReferenceError
        break;
      case Kind::kObjectLiteral:
        if (allow_pattern) return ObjectToPattern(e->As<ObjectLiteral>());
        break;
      case Kind::kArrayLiteral:
        if (allow_pattern) return ArrayToPattern(e->As<ArrayLiteral>());
        break;
      case Kind::kAssign:
        if (allow_pattern && e->As<Assign>()->op == AssignOp::kAssign) {
          auto* a = e->As<Assign>();
          auto* p = Make<AssignmentPattern>(e->pos);
          p->target = a->target;
          p->default_value = a->value;
          p->end = e->end;
          return p;
        }
        break;
      default:
        break;
    }
    FailNode("Invalid left-hand side in assignment", e);
    return nullptr;
  }

  Node* ObjectToPattern(ObjectLiteral* o) {
    auto* p = Make<ObjectPattern>(o->pos);
    std::vector<PatternProperty> props;
    for (uint32_t i = 0; i < o->properties.size; ++i) {
      Property& prop = o->properties[i];
      if (prop.kind == PropertyKind::kSpread) {
        if (i + 1 != o->properties.size || !(prop.value->Is<Identifier>() || prop.value->Is<Member>())) {
          FailNode("Invalid rest element", prop.value);
          return nullptr;
        }
        p->rest = ToAssignmentTarget(prop.value, false);
        if (p->rest == nullptr) return nullptr;
        continue;
      }
      if (prop.kind != PropertyKind::kInit && prop.kind != PropertyKind::kProto) {
        FailNode("Invalid destructuring assignment target", prop.value);
        return nullptr;
      }
      PatternProperty pp;
      pp.pos = prop.pos;
      pp.computed = prop.computed;
      pp.shorthand = prop.shorthand;
      pp.key = prop.key;
      Node* v = prop.value;
      if (prop.shorthand && v->Is<Assign>()) {
        // CoverInitializedName: {a = 1}
        auto* a = v->As<Assign>();
        RemoveCoverInit(a);
        auto* ap = Make<AssignmentPattern>(a->pos);
        ap->target = ToAssignmentTarget(a->target, false);
        ap->default_value = a->value;
        ap->end = a->end;
        if (ap->target == nullptr) return nullptr;
        pp.value = ap;
      } else {
        pp.value = ToAssignmentTarget(v, true);
        if (pp.value == nullptr) return nullptr;
      }
      props.push_back(pp);
    }
    p->properties = MakeList(props);
    p->end = o->end;
    return p;
  }

  Node* ArrayToPattern(ArrayLiteral* a) {
    auto* p = Make<ArrayPattern>(a->pos);
    std::vector<Expr*> elements;
    for (uint32_t i = 0; i < a->elements.size; ++i) {
      Node* e = a->elements[i];
      if (auto* s = e->As<Spread>()) {
        if (i + 1 != a->elements.size) {
          FailNode("Rest element must be last element", e);
          return nullptr;
        }
        p->rest = ToAssignmentTarget(s->argument, true);
        if (p->rest == nullptr) return nullptr;
        if (p->rest->Is<AssignmentPattern>()) {
          FailNode("Rest element may not have a default initializer", e);
          return nullptr;
        }
        continue;
      }
      if (e->Is<Hole>()) {
        elements.push_back(e);
        continue;
      }
      Node* t = ToAssignmentTarget(e, true);
      if (t == nullptr) return nullptr;
      elements.push_back(t);
    }
    p->elements = MakeList(elements);
    p->end = a->end;
    return p;
  }

  void RemoveCoverInit(Node* n) {
    for (size_t i = 0; i < cover_init_errors_.size(); ++i) {
      if (cover_init_errors_[i] == n) {
        cover_init_errors_.erase(cover_init_errors_.begin() + static_cast<long>(i));
        return;
      }
    }
  }

  Expr* ParseConditional() {
    Pos pos = CurPos();
    Expr* test = ParseBinary(0);
    if (test == nullptr || !IsPunct("?")) return test;
    Next();
    Expr* cons = ParseAssignment(true);
    if (cons == nullptr || !Expect(":")) return nullptr;
    Expr* alt = ParseAssignment(allow_in_);
    if (alt == nullptr) return nullptr;
    auto* c = Make<Conditional>(pos);
    c->test = test;
    c->consequent = cons;
    c->alternate = alt;
    return Finish(c);
  }

  struct OpInfo {
    int prec;
    bool logical;
    BinaryOp bop;
    LogicalOp lop;
  };
  bool BinaryOperator(OpInfo* info) {
    if (tok_.type == Tok::kIdentifier && !tok_.escaped) {
      if (tok_.value == u"instanceof") {
        *info = {7, false, BinaryOp::kInstanceof, LogicalOp::kAnd};
        return true;
      }
      if (tok_.value == u"in" && allow_in_) {
        *info = {7, false, BinaryOp::kIn, LogicalOp::kAnd};
        return true;
      }
      return false;
    }
    if (tok_.type != Tok::kPunct) return false;
    static const struct {
      const char* p;
      OpInfo info;
    } kOps[] = {
        {"??", {1, true, BinaryOp::kAdd, LogicalOp::kNullish}},
        {"||", {1, true, BinaryOp::kAdd, LogicalOp::kOr}},
        {"&&", {2, true, BinaryOp::kAdd, LogicalOp::kAnd}},
        {"|", {3, false, BinaryOp::kBitOr, LogicalOp::kAnd}},
        {"^", {4, false, BinaryOp::kBitXor, LogicalOp::kAnd}},
        {"&", {5, false, BinaryOp::kBitAnd, LogicalOp::kAnd}},
        {"==", {6, false, BinaryOp::kEq, LogicalOp::kAnd}},
        {"!=", {6, false, BinaryOp::kNe, LogicalOp::kAnd}},
        {"===", {6, false, BinaryOp::kStrictEq, LogicalOp::kAnd}},
        {"!==", {6, false, BinaryOp::kStrictNe, LogicalOp::kAnd}},
        {"<", {7, false, BinaryOp::kLt, LogicalOp::kAnd}},
        {">", {7, false, BinaryOp::kGt, LogicalOp::kAnd}},
        {"<=", {7, false, BinaryOp::kLe, LogicalOp::kAnd}},
        {">=", {7, false, BinaryOp::kGe, LogicalOp::kAnd}},
        {"<<", {8, false, BinaryOp::kShl, LogicalOp::kAnd}},
        {">>", {8, false, BinaryOp::kSar, LogicalOp::kAnd}},
        {">>>", {8, false, BinaryOp::kShr, LogicalOp::kAnd}},
        {"+", {9, false, BinaryOp::kAdd, LogicalOp::kAnd}},
        {"-", {9, false, BinaryOp::kSub, LogicalOp::kAnd}},
        {"*", {10, false, BinaryOp::kMul, LogicalOp::kAnd}},
        {"/", {10, false, BinaryOp::kDiv, LogicalOp::kAnd}},
        {"%", {10, false, BinaryOp::kMod, LogicalOp::kAnd}},
        {"**", {11, false, BinaryOp::kExp, LogicalOp::kAnd}},
    };
    for (const auto& o : kOps) {
      if (tok_.punct == o.p) {
        *info = o.info;
        return true;
      }
    }
    return false;
  }

  // Precedence climbing with an explicit operand/operator stack: long
  // chains (a+b+c+...) use no C++ recursion.
  Expr* ParseBinary(int min_prec) {
    struct Pending {
      Expr* left;
      OpInfo op;
      Pos pos;
    };
    std::vector<Pending> stack;
    Pos start = CurPos();
    Expr* left = ParseUnary();
    if (left == nullptr) return nullptr;
    bool left_is_unary = last_was_unary_;
    auto reduce = [&](Pending& p, Expr* right) -> Expr* {
      if (p.op.logical) {
        auto* l = Make<Logical>(p.pos);
        l->op = p.op.lop;
        l->left = p.left;
        l->right = right;
        return Finish(l);
      }
      auto* b = Make<Binary>(p.pos);
      b->op = p.op.bop;
      b->left = p.left;
      b->right = right;
      return Finish(b);
    };
    OpInfo op;
    while (BinaryOperator(&op) && op.prec > min_prec) {
      if (op.bop == BinaryOp::kExp && !op.logical && left_is_unary) {
        Fail("Unary operator used immediately before exponentiation expression. Parenthesis must be used to "
             "disambiguate operator precedence");
        return nullptr;
      }
      // Right-associative **: parse the right side at the same precedence.
      while (!stack.empty() && (stack.back().op.prec > op.prec ||
                                (stack.back().op.prec == op.prec && op.bop != BinaryOp::kExp))) {
        Pending p = stack.back();
        stack.pop_back();
        if (!CheckNullishMix(p.op, left)) return nullptr;
        left = reduce(p, left);
      }
      Pos opos = stack.empty() ? start : stack.back().pos;
      (void)opos;
      stack.push_back({left, op, left->pos});
      Next();
      left = ParseUnary();
      if (left == nullptr) return nullptr;
      left_is_unary = last_was_unary_;
    }
    while (!stack.empty()) {
      Pending p = stack.back();
      stack.pop_back();
      if (!CheckNullishMix(p.op, left)) return nullptr;
      left = reduce(p, left);
    }
    return left;
  }

  bool CheckNullishMix(const OpInfo& op, Expr* right) {
    // a ?? b || c and a || b ?? c without parentheses are errors.
    if (!op.logical) return true;
    auto is_mix = [&](Node* n) {
      auto* l = n->As<Logical>();
      if (l == nullptr || parenthesized_.count(n)) return false;
      return (op.lop == LogicalOp::kNullish) != (l->op == LogicalOp::kNullish);
    };
    if (is_mix(right)) {
      FailNode("Unexpected token: cannot mix ?? with && or || without parentheses", right);
      return false;
    }
    return true;
  }

  Expr* ParseUnary() {
    DepthGuard guard(this);
    if (failed_) return nullptr;
    Pos pos = CurPos();
    last_was_unary_ = false;
    if (tok_.type == Tok::kPunct) {
      static const struct {
        const char* p;
        UnaryOp op;
      } kOps[] = {{"!", UnaryOp::kNot}, {"~", UnaryOp::kBitNot}, {"+", UnaryOp::kPlus}, {"-", UnaryOp::kMinus}};
      for (const auto& o : kOps) {
        if (tok_.punct == o.p) {
          Next();
          Expr* arg = ParseUnary();
          if (arg == nullptr) return nullptr;
          auto* u = Make<Unary>(pos);
          u->op = o.op;
          u->argument = arg;
          last_was_unary_ = true;
          return Finish(u);
        }
      }
      if (IsPunct("++") || IsPunct("--")) {
        bool inc = IsPunct("++");
        Next();
        Expr* arg = ParseUnary();
        if (arg == nullptr) return nullptr;
        Node* target = ToSimpleTarget(arg, "Invalid left-hand side expression in prefix operation");
        if (target == nullptr) return nullptr;
        auto* u = Make<Update>(pos);
        u->op = inc ? UpdateOp::kIncrement : UpdateOp::kDecrement;
        u->prefix = true;
        u->argument = target;
        return Finish(u);
      }
    }
    if (tok_.type == Tok::kIdentifier && !tok_.escaped) {
      UnaryOp op;
      bool is_op = true;
      if (tok_.value == u"typeof") {
        op = UnaryOp::kTypeof;
      } else if (tok_.value == u"void") {
        op = UnaryOp::kVoid;
      } else if (tok_.value == u"delete") {
        op = UnaryOp::kDelete;
      } else {
        is_op = false;
      }
      if (is_op) {
        Next();
        Expr* arg = ParseUnary();
        if (arg == nullptr) return nullptr;
        if (op == UnaryOp::kDelete && strict() && arg->Is<Identifier>()) {
          FailNode("Delete of an unqualified identifier in strict mode.", arg);
          return nullptr;
        }
        auto* u = Make<Unary>(pos);
        u->op = op;
        u->argument = arg;
        last_was_unary_ = true;
        return Finish(u);
      }
      if (tok_.value == u"await" && ctx_->is_async) {
        Next();
        Expr* arg = ParseUnary();
        if (arg == nullptr) return nullptr;
        auto* a = Make<Await>(pos);
        a->argument = arg;
        last_was_unary_ = true;
        return Finish(a);
      }
    }
    Expr* e = ParsePostfix();
    return e;
  }

  Node* ToSimpleTarget(Node* e, const char* msg) {
    if (auto* id = e->As<Identifier>()) {
      if (strict() && (id->name == u"eval" || id->name == u"arguments")) {
        FailNode("Unexpected eval or arguments in strict mode", e);
        return nullptr;
      }
      return e;
    }
    if (e->Is<Member>()) return e;
    if (e->Is<Call>() && !strict()) return e;
    FailNode(msg, e);
    return nullptr;
  }

  Expr* ParsePostfix() {
    Pos pos = CurPos();
    Expr* e = ParseLeftHandSide();
    if (e == nullptr) return nullptr;
    if ((IsPunct("++") || IsPunct("--")) && !tok_.newline_before) {
      bool inc = IsPunct("++");
      Node* target = ToSimpleTarget(e, "Invalid left-hand side expression in postfix operation");
      if (target == nullptr) return nullptr;
      Next();
      auto* u = Make<Update>(pos);
      u->op = inc ? UpdateOp::kIncrement : UpdateOp::kDecrement;
      u->prefix = false;
      u->argument = target;
      return Finish(u);
    }
    return e;
  }

  bool ParseArguments(std::vector<Expr*>* args) {
    if (!Expect("(")) return false;
    while (!IsPunct(")")) {
      Pos pos = CurPos();
      if (Eat("...")) {
        Expr* a = ParseAssignment(true);
        if (a == nullptr) return false;
        auto* s = Make<Spread>(pos);
        s->argument = a;
        args->push_back(Finish(s));
      } else {
        Expr* a = ParseAssignment(true);
        if (a == nullptr) return false;
        args->push_back(a);
      }
      if (!IsPunct(")") && !Expect(",")) return false;
    }
    Next();
    return true;
  }

  Expr* ParseLeftHandSide() {
    DepthGuard guard(this);
    if (failed_) return nullptr;
    Pos pos = CurPos();
    Expr* e;
    if (IsName(u"new")) {
      e = ParseNew();
    } else if (IsName(u"super")) {
      e = ParseSuper();
    } else if (IsName(u"import")) {
      e = ParseImportExpression();
    } else {
      e = ParsePrimary();
    }
    if (e == nullptr) return nullptr;
    bool in_chain = false;
    int links = 0;
    while (!failed_) {
      if (++links > options_.max_depth) {
        Fail("Maximum nesting depth exceeded (limit " + std::to_string(options_.max_depth) + ")");
        return nullptr;
      }
      if (IsPunct(".")) {
        Next();
        e = MemberDot(pos, e, false);
      } else if (IsPunct("?.")) {
        Next();
        in_chain = true;
        if (IsPunct("(")) {
          std::vector<Expr*> args;
          if (!ParseArguments(&args)) return nullptr;
          auto* c = Make<Call>(pos);
          c->callee = e;
          c->arguments = MakeList(args);
          c->optional = true;
          e = Finish(c);
        } else if (IsPunct("[")) {
          Next();
          Expr* key = ParseExpression(true);
          if (key == nullptr || !Expect("]")) return nullptr;
          auto* m = Make<Member>(pos);
          m->object = e;
          m->property = key;
          m->computed = true;
          m->optional = true;
          e = Finish(m);
        } else if (tok_.type == Tok::kTemplate) {
          Fail("Invalid tagged template on optional chain");
          return nullptr;
        } else {
          e = MemberDot(pos, e, true);
        }
      } else if (IsPunct("[")) {
        Next();
        Expr* key = ParseExpression(true);
        if (key == nullptr || !Expect("]")) return nullptr;
        auto* m = Make<Member>(pos);
        m->object = e;
        m->property = key;
        m->computed = true;
        e = Finish(m);
      } else if (IsPunct("(")) {
        std::vector<Expr*> args;
        if (!ParseArguments(&args)) return nullptr;
        auto* c = Make<Call>(pos);
        c->callee = e;
        c->arguments = MakeList(args);
        if (auto* id = e->As<Identifier>(); id != nullptr && id->name == u"eval" && !in_chain) MarkEval();
        e = Finish(c);
      } else if (tok_.type == Tok::kTemplate) {
        if (in_chain) {
          Fail("Invalid tagged template on optional chain");
          return nullptr;
        }
        TemplateLiteral* t = ParseTemplate(true);
        if (t == nullptr) return nullptr;
        auto* tt = Make<TaggedTemplate>(pos);
        tt->tag = e;
        tt->quasi = t;
        e = Finish(tt);
      } else {
        break;
      }
      if (e == nullptr) return nullptr;
    }
    if (in_chain) {
      auto* oc = Make<OptionalChain>(pos);
      oc->expression = e;
      return Finish(oc);
    }
    return e;
  }

  Expr* MemberDot(Pos pos, Expr* object, bool optional) {
    Pos ppos = CurPos();
    Node* prop;
    if (tok_.type == Tok::kIdentifier) {
      auto* id = Make<Identifier>(ppos);
      id->name = MakeStr(tok_.value);
      Next();
      prop = Finish(id);
    } else if (tok_.type == Tok::kPrivateName) {
      auto* p = Make<PrivateName>(ppos);
      p->name = MakeStr(tok_.value);
      Next();
      prop = Finish(p);
    } else {
      Unexpected();
      return nullptr;
    }
    auto* m = Make<Member>(pos);
    m->object = object;
    m->property = prop;
    m->optional = optional;
    return Finish(m);
  }

  Expr* ParseSuper() {
    Pos pos = CurPos();
    Next();
    if (!IsPunct("(") && !IsPunct(".") && !IsPunct("[")) {
      Fail("'super' keyword unexpected here");
      return nullptr;
    }
    MarkThis();
    return Finish(Make<Super>(pos));
  }

  [[gnu::noinline]] Expr* ParseImportExpression() {
    Pos pos = CurPos();
    Next();
    if (Eat(".")) {
      if (!IsName(u"meta") || !options_.module) {
        Fail("Cannot use 'import.meta' outside a module");
        return nullptr;
      }
      Next();
      return Finish(Make<ImportMeta>(pos));
    }
    if (!Expect("(")) return nullptr;
    auto* c = Make<ImportCall>(pos);
    c->source = ParseAssignment(true);
    if (c->source == nullptr) return nullptr;
    if (Eat(",") && !IsPunct(")")) {
      c->options = ParseAssignment(true);
      Eat(",");
    }
    if (!Expect(")")) return nullptr;
    return Finish(c);
  }

  [[gnu::noinline]] Expr* ParseNew() {
    DepthGuard guard(this);
    Pos pos = CurPos();
    Next();  // new
    if (Eat(".")) {
      if (!IsName(u"target")) {
        Unexpected();
        return nullptr;
      }
      bool in_function = false;
      for (FunctionContext* c = ctx_; c != nullptr; c = c->parent) {
        if (c->fn != nullptr && !c->is_arrow) in_function = true;
      }
      if (!in_function && !options_.allow_new_target) {
        Fail("new.target expression is not allowed here");
        return nullptr;
      }
      Next();
      return Finish(Make<NewTarget>(pos));
    }
    Expr* callee;
    if (IsName(u"new")) {
      callee = ParseNew();
    } else if (IsName(u"super")) {
      callee = ParseSuper();
    } else if (IsName(u"import")) {
      Fail("Cannot use new with import");
      return nullptr;
    } else {
      callee = ParsePrimary();
    }
    if (callee == nullptr) return nullptr;
    // Member accesses bind tighter than `new`.
    while (!failed_) {
      if (IsPunct(".")) {
        Next();
        callee = MemberDot(pos, callee, false);
      } else if (IsPunct("[")) {
        Next();
        Expr* key = ParseExpression(true);
        if (key == nullptr || !Expect("]")) return nullptr;
        auto* m = Make<Member>(pos);
        m->object = callee;
        m->property = key;
        m->computed = true;
        callee = Finish(m);
      } else if (tok_.type == Tok::kTemplate) {
        TemplateLiteral* t = ParseTemplate(true);
        if (t == nullptr) return nullptr;
        auto* tt = Make<TaggedTemplate>(pos);
        tt->tag = callee;
        tt->quasi = t;
        callee = Finish(tt);
      } else if (IsPunct("?.")) {
        Fail("Invalid optional chain from new expression");
        return nullptr;
      } else {
        break;
      }
      if (callee == nullptr) return nullptr;
    }
    std::vector<Expr*> args;
    if (IsPunct("(") && !ParseArguments(&args)) return nullptr;
    auto* n = Make<New>(pos);
    n->callee = callee;
    n->arguments = MakeList(args);
    return Finish(n);
  }

  [[gnu::noinline]] TemplateLiteral* ParseTemplate(bool tagged) {
    Pos pos = CurPos();
    auto* t = Make<TemplateLiteral>(pos);
    std::vector<TemplateElement> quasis;
    std::vector<Expr*> exprs;
    while (true) {
      if (tok_.type != Tok::kTemplate) {
        Unexpected();
        return nullptr;
      }
      if (!tok_.cooked_valid && !tagged) {
        Fail("Invalid escape sequence in template");
        return nullptr;
      }
      if (tok_.legacy_octal && !tagged) {
        Fail("Octal escape sequences are not allowed in template strings");
        return nullptr;
      }
      TemplateElement el;
      el.cooked = MakeStr(tok_.value);
      el.raw = MakeStr(tok_.raw);
      el.cooked_valid = tok_.cooked_valid && !tok_.legacy_octal;
      quasis.push_back(el);
      bool tail = tok_.template_tail;
      Next();
      if (tail) break;
      Expr* e = ParseExpression(true);
      if (e == nullptr) return nullptr;
      exprs.push_back(e);
      if (!IsPunct("}")) {
        Unexpected();
        return nullptr;
      }
      tok_ = lex_.RescanTemplate(tok_);
      if (tok_.type == Tok::kError) {
        Fail(tok_.error);
        return nullptr;
      }
    }
    t->quasis = MakeList(quasis);
    t->expressions = MakeList(exprs);
    return Finish(t);
  }

  Expr* ParsePrimary() {
    DepthGuard guard(this);
    if (failed_) return nullptr;
    Pos pos = CurPos();
    switch (tok_.type) {
      case Tok::kNumber:
      case Tok::kBigInt:
      case Tok::kString:
        return ParseLiteralToken();
      case Tok::kTemplate:
        return ParseTemplate(false);
      case Tok::kPrivateName: {
        // `#x in obj`
        auto* p = Make<PrivateName>(pos);
        p->name = MakeStr(tok_.value);
        Next();
        if (!IsName(u"in")) {
          Unexpected();
          return nullptr;
        }
        return Finish(p);
      }
      case Tok::kPunct:
        if (IsPunct("(")) {
          Next();
          Expr* e = ParseExpression(true);
          if (e == nullptr || !Expect(")")) return nullptr;
          parenthesized_.insert(e);
          return e;
        }
        if (IsPunct("[")) return ParseArrayLiteral();
        if (IsPunct("{")) return ParseObjectLiteral();
        if (IsPunct("/") || IsPunct("/=")) {
          tok_ = lex_.RescanRegExp(tok_);
          if (tok_.type == Tok::kError) {
            Fail(tok_.error);
            return nullptr;
          }
          auto* r = Make<RegExpLiteral>(pos);
          r->pattern = MakeStr(tok_.value);
          r->flags = MakeStr(tok_.raw);
          Next();
          return Finish(r);
        }
        Unexpected();
        return nullptr;
      case Tok::kIdentifier:
        break;
      default:
        Unexpected();
        return nullptr;
    }
    if (!tok_.escaped) {
      const std::u16string& k = tok_.value;
      if (k == u"function") return ParseFunctionRest(pos, FunctionKind::kNormal, false, false);
      if (k == u"async" && PeekIsFunctionNoNewline()) {
        Next();
        return ParseFunctionRest(pos, FunctionKind::kNormal, true, false);
      }
      if (k == u"class") return ParseClass(false);
      if (k == u"this") {
        Next();
        MarkThis();
        return Finish(Make<This>(pos));
      }
      if (k == u"null") {
        Next();
        return Finish(Make<NullLiteral>(pos));
      }
      if (k == u"true" || k == u"false") {
        auto* b = Make<BooleanLiteral>(pos);
        b->value = k == u"true";
        Next();
        return Finish(b);
      }
    } else if (tok_.type == Tok::kIdentifier && IsReservedWord(tok_.value)) {
      Fail("Keyword must not contain escaped characters");
      return nullptr;
    }
    Identifier* id = ParseIdentifier(false);
    if (id != nullptr && id->name == u"arguments") MarkArguments();
    return id;
  }

  [[gnu::noinline]] Expr* ParseArrayLiteral() {
    Pos pos = CurPos();
    Next();
    ++literal_depth_;
    struct Restore {
      int* d;
      ~Restore() { --*d; }
    } restore{&literal_depth_};
    std::vector<Expr*> elements;
    while (!IsPunct("]")) {
      if (IsPunct(",")) {
        elements.push_back(Finish(Make<Hole>(CurPos())));
        Next();
        continue;
      }
      Pos epos = CurPos();
      Expr* e;
      if (Eat("...")) {
        Expr* arg = ParseAssignment(true);
        if (arg == nullptr) return nullptr;
        auto* s = Make<Spread>(epos);
        s->argument = arg;
        e = Finish(s);
      } else {
        e = ParseAssignment(true);
        if (e == nullptr) return nullptr;
      }
      elements.push_back(e);
      if (!IsPunct("]") && !Expect(",")) return nullptr;
    }
    Next();
    auto* a = Make<ArrayLiteral>(pos);
    a->elements = MakeList(elements);
    return Finish(a);
  }

  [[gnu::noinline]] Expr* ParseObjectLiteral() {
    Pos pos = CurPos();
    Next();
    ++literal_depth_;
    struct Restore {
      int* d;
      ~Restore() { --*d; }
    } restore{&literal_depth_};
    std::vector<Property> props;
    bool has_proto = false;
    while (!IsPunct("}")) {
      Property p;
      p.pos = CurPos();
      if (Eat("...")) {
        p.kind = PropertyKind::kSpread;
        p.value = ParseAssignment(true);
        if (p.value == nullptr) return nullptr;
        props.push_back(p);
        if (!IsPunct("}") && !Expect(",")) return nullptr;
        continue;
      }
      bool is_async = false, is_generator = false;
      FunctionKind fk = FunctionKind::kMethod;
      PropertyKind pk = PropertyKind::kMethod;
      if (IsName(u"async") && !PeekIsPunct("(") && !PeekIsPunct(":") && !PeekIsPunct(",") &&
          !PeekIsPunct("}") && !PeekIsPunct("=") && !PeekToken().newline_before) {
        Next();
        is_async = true;
      }
      if (Eat("*")) is_generator = true;
      if (!is_async && !is_generator && (IsName(u"get") || IsName(u"set")) && !PeekIsPunct("(") &&
          !PeekIsPunct(":") && !PeekIsPunct(",") && !PeekIsPunct("}") && !PeekIsPunct("=")) {
        bool get = IsName(u"get");
        Next();
        fk = get ? FunctionKind::kGetter : FunctionKind::kSetter;
        pk = get ? PropertyKind::kGetter : PropertyKind::kSetter;
      }
      bool key_is_identifier = tok_.type == Tok::kIdentifier;
      bool key_is_ident_ref = IsIdentifierToken() || (tok_.type == Tok::kIdentifier && !tok_.escaped &&
                                                      (tok_.value == u"yield" || tok_.value == u"await"));
      Token key_tok = tok_;
      p.key = ParsePropertyName(&p.computed);
      if (p.key == nullptr) return nullptr;
      if (p.key->Is<PrivateName>()) {
        FailNode("Unexpected private name", p.key);
        return nullptr;
      }
      if (IsPunct("(")) {
        Function* f = ParseFunctionBody(p.pos, fk, is_async, is_generator, nullptr);
        if (f == nullptr) return nullptr;
        p.kind = pk;
        p.value = f;
      } else if (is_async || is_generator || pk != PropertyKind::kMethod) {
        Unexpected();
        return nullptr;
      } else if (Eat(":")) {
        p.kind = PropertyKind::kInit;
        p.value = ParseAssignment(true);
        if (p.value == nullptr) return nullptr;
        bool is_proto_name = !p.computed &&
                             ((p.key->Is<Identifier>() && p.key->As<Identifier>()->name == u"__proto__") ||
                              (p.key->Is<StringLiteral>() && p.key->As<StringLiteral>()->value == u"__proto__"));
        if (is_proto_name) {
          if (has_proto) duplicate_proto_.push_back(p.key);
          has_proto = true;
          p.kind = PropertyKind::kProto;
        }
      } else if (key_is_identifier && !p.computed) {
        // Shorthand {x} or CoverInitializedName {x = 1}.
        if (!key_is_ident_ref) {
          FailAt("Unexpected token", key_tok.line, key_tok.column, key_tok.start);
          return nullptr;
        }
        if (strict() && key_tok.value != u"yield" && IsStrictReserved(key_tok.value)) {
          FailAt("Unexpected strict mode reserved word", key_tok.line, key_tok.column, key_tok.start);
          return nullptr;
        }
        p.kind = PropertyKind::kInit;
        p.shorthand = true;
        auto* ref = Make<Identifier>(p.key->pos);
        ref->name = p.key->As<Identifier>()->name;
        ref->end = p.key->end;
        if (ref->name == u"arguments") MarkArguments();
        if (IsPunct("=")) {
          Next();
          Expr* init = ParseAssignment(true);
          if (init == nullptr) return nullptr;
          auto* a = Make<Assign>(p.pos);
          a->op = AssignOp::kAssign;
          a->target = ref;
          a->value = init;
          Finish(a);
          cover_init_errors_.push_back(a);
          p.value = a;
        } else {
          p.value = ref;
        }
      } else {
        Unexpected();
        return nullptr;
      }
      props.push_back(p);
      if (!IsPunct("}") && !Expect(",")) return nullptr;
    }
    Next();
    auto* o = Make<ObjectLiteral>(pos);
    o->properties = MakeList(props);
    Finish(o);
    if (!duplicate_proto_.empty() && !IsPunct("=")) {
      // Duplicate __proto__ is only allowed when this becomes a pattern.
      Node* dup = duplicate_proto_.back();
      duplicate_proto_.clear();
      FailNode("Duplicate __proto__ fields are not allowed in object literals", dup);
      return nullptr;
    }
    duplicate_proto_.clear();
    return o;
  }

  Arena& arena_;
  Lexer lex_;
  const ParseOptions& options_;
  ParseError* error_;
  Program* program_ = nullptr;
  Token tok_;
  uint32_t prev_end_ = 0;
  uint32_t prev_line_ = 1;
  bool failed_ = false;
  int depth_ = 0;
  StackLimit stack_;
  bool allow_in_ = true;
  bool last_was_unary_ = false;
  FunctionContext* ctx_ = nullptr;
  std::vector<Node*> cover_init_errors_;
  std::vector<Node*> duplicate_proto_;
  std::unordered_set<const Node*> parenthesized_;
  std::unordered_map<uint32_t, bool> arrow_cache_;
  int literal_depth_ = 0;  // inside array/object literals (cover grammar)
};

}  // namespace

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
