// The parser's private declarations, shared by parser.cc (entry points,
// statements), parser_functions.cc (functions, parameters, patterns,
// classes) and parser_expressions.cc (expressions).
#ifndef RATCHET_COMPILER_PARSER_IMPL_H_
#define RATCHET_COMPILER_PARSER_IMPL_H_

#include <cstring>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "compiler/lexer.h"
#include "compiler/parser.h"
#include "compiler/stack_limit.h"

namespace ratchet::internal {

using namespace ast;  // NOLINT: the AST's node names read best unqualified here

struct FunctionContext {
  Function* fn = nullptr;  // null for the program
  bool is_arrow = false;
  bool is_async = false;
  bool is_generator = false;
  bool strict = false;
  bool is_class_init = false;    // a field initializer or static block:
                                 // `arguments` is an early error
  bool is_static_block = false;  // `await` reserved, `return` illegal
  FunctionContext* parent = nullptr;
  bool in_params = false;      // parsing this function's formal parameters
  int yield_await_seen = 0;    // yield/await expressions parsed in this context
  int breakable_depth = 0;  // loops and switches (for unlabelled break)
  int loop_depth = 0;
  std::vector<std::u16string> labels;
  std::vector<bool> label_is_loop;
  std::vector<bool> label_labels_next;  // the label's statement is another label
};

class Parser {
 public:
  Parser(Arena& arena, std::u16string_view source, const ParseOptions& options, ParseError* error)
      : arena_(arena), lex_(source, options.module), options_(options), error_(error) {}

  Program* ParseScript();

  Function* ParseDynamic(std::u16string_view, std::u16string_view) { return nullptr; }

 private:
  // ---- Tokens ----
  void Next() {
    prev_end_ = tok_.end;
    prev_line_ = tok_.line;
    tok_ = lex_.Next();
    if (tok_.type == Tok::kError) Fail(tok_.error.empty() ? "Invalid or unexpected token" : tok_.error);
  }
  bool IsPunct(std::string_view p) const { return tok_.type == Tok::kPunct && tok_.punct == p; }
  bool IsName(std::u16string_view name) const {
    return tok_.type == Tok::kIdentifier && !tok_.escaped && tok_.value == name;
  }
  bool Eat(std::string_view p) {
    if (!IsPunct(p)) return false;
    Next();
    return true;
  }
  bool Expect(std::string_view p) {
    if (Eat(p)) return true;
    Unexpected();
    return false;
  }
  bool EatName(std::u16string_view name) {
    if (!IsName(name)) return false;
    Next();
    return true;
  }
  void Unexpected();
  void Fail(const std::string& msg) { FailAt(msg, tok_.line, tok_.column, tok_.start); }
  void FailAt(const std::string& msg, uint32_t line, uint32_t column, uint32_t offset);
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
      if (++p->depth_ > p->options_.max_depth || p->stack_.Exceeded()) p->FailDepth();
    }
    ~DepthGuard() { --p->depth_; }
  };

  // Out of line and cold: the message's temporaries stay out of the frames
  // of the recursive functions that check the depth.
  [[gnu::noinline, gnu::cold]] void FailDepth() {
    Fail("Maximum nesting depth exceeded");
  }

  bool strict() const { return ctx_->strict; }

  static bool IsReservedWord(const std::u16string& n);
  bool IsStrictReserved(const std::u16string& n) const;
  // An identifier usable as a binding or reference here.
  bool IsIdentifierToken() const;
  Identifier* ParseIdentifier(bool binding);

  // True inside a static block, including the parameters of arrow functions
  // directly inside it (they inherit its [Await]; arrow bodies do not):
  // `await` is reserved there.
  bool InStaticBlock() const {
    for (FunctionContext* c = ctx_; c != nullptr; c = c->parent) {
      if (c->is_static_block) return true;
      if (!c->is_arrow || !c->in_params) return false;
    }
    return false;
  }
  void MarkThis() {
    for (FunctionContext* c = ctx_; c != nullptr; c = c->parent) {
      if (c->fn != nullptr) c->fn->uses_this = true;
      if (!c->is_arrow) break;
    }
  }
  void MarkArguments() {
    for (FunctionContext* c = ctx_; c != nullptr; c = c->parent) {
      if (c->is_class_init) {
        Fail("'arguments' is not allowed in class field initializer or static initialization block");
        return;
      }
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
  void ParseDirectives(std::vector<Stmt*>* body, FunctionContext* ctx, Function* fn);

  // ---- Statements ----
  Stmt* ParseStatementListItem();

  [[gnu::noinline]] Token PeekToken() {
    Lexer::State s = lex_.Save();
    Token t = lex_.Next();
    lex_.Restore(s);
    return t;
  }
  [[gnu::noinline]] bool PeekIsPunct(std::string_view p) {
    Token t = PeekToken();
    return t.type == Tok::kPunct && t.punct == p;
  }
  [[gnu::noinline]] bool PeekIsFunctionNoNewline() {
    Token t = PeekToken();
    return t.type == Tok::kIdentifier && !t.escaped && t.value == u"function" && !t.newline_before;
  }
  [[gnu::noinline]] bool LetIsDeclaration();

  Stmt* ParseStatement();

  Stmt* ParseBlock();

  VarDecl* ParseVarDeclarations(ast::VarKind kind, bool in_for, bool* single_no_init);

  Stmt* ParseVarStatement(ast::VarKind kind) {
    VarDecl* v = ParseVarDeclarations(kind, false, nullptr);
    if (v == nullptr) return nullptr;
    ConsumeSemicolon();
    return Finish(v);
  }

  Stmt* ParseIf();

  // The body of if/loops/labels: Annex B allows function declarations in if
  // bodies in sloppy mode.
  Stmt* ParseSubStatement();

  Stmt* LoopBody();

  Stmt* ParseWhile();

  Stmt* ParseDoWhile();

  Stmt* ParseFor();

  bool LetIsDeclarationInFor() {
    Token t = PeekToken();
    if (t.type == Tok::kPunct) return t.punct == "[" || t.punct == "{";
    return t.type == Tok::kIdentifier && !(t.value == u"in" || t.value == u"of");
  }

  Stmt* ParseForInOfRest(Pos pos, Node* left, bool of, bool is_await);

  Stmt* ParseBreakContinue(bool is_continue);

  Stmt* ParseReturn();

  Stmt* ParseWith();

  Stmt* ParseSwitch();

  Stmt* ParseThrow();

  Stmt* ParseTry();

  Stmt* ParseLabeled();

  // ---- Functions ----
  Stmt* ParseFunctionDeclaration(bool is_async);

  // At `function`.
  [[gnu::noinline]] Function* ParseFunctionRest(Pos pos, FunctionKind kind, bool is_async, bool declaration);

  // At `(` of the parameters.
  Function* ParseFunctionBody(Pos pos, FunctionKind kind, bool is_async, bool generator, Identifier* name);

  bool CheckStrictParams(Function* f);
  // Declaration early errors (parser_declarations.cc); false after Fail.
  bool Redeclared(const Identifier* id);
  bool CheckDeclarations(const std::vector<Stmt*>& body, bool top_level, const List<Expr*>* params);
  bool CheckSwitchDeclarations(const List<SwitchCase>& cases);
  bool CheckCatchDeclarations(Try* t);
  bool CheckForDeclarations(Node* head, Stmt* body);
  bool CheckNotLabelledFunction(Stmt* s);
  bool static_block_body_ = false;
  int UsingDeclarationAhead();
  int ForUsingAhead();
  void CollectVarDeclaredNames(Node* n, std::vector<Identifier*>* out);
  // Modules (parser_modules.cc).
  Stmt* ParseModuleItem();
  bool ParseModuleExportName(Str* out, bool* is_string, Pos* pos);
  bool ParseModuleSpecifier(Str* source, List<ImportAttribute>* attributes);
  Stmt* ParseImportDeclaration();
  bool ParsePhaseImportBinding(std::u16string_view imported, std::vector<ImportSpecifier>* specs);
  Stmt* ParseExportDeclaration();
  bool CheckModule(const std::vector<Stmt*>& items);  // the next ParseBlock is a class static block's body

  void CollectNames(Node* p, std::vector<Identifier*>* out);

  bool ParseFormalParameters(Function* f, std::vector<Expr*>* params);

  // BindingElement: a target with an optional default.
  Node* ParseBindingElement();

  Node* ParseBindingTarget();

  // A number, BigInt or string literal token.
  Expr* ParseLiteralToken();

  // PropertyName: identifier name, string, number, or [computed].
  Expr* ParsePropertyName(bool* computed);

  // ---- Classes ----
  Stmt* ParseClassDeclaration();

  [[gnu::noinline]] Class* ParseClass(bool declaration);

  // ---- Expressions ----
  Expr* ParseExpression(bool allow_in);
  Expr* ParseExpressionNoIn() { return ParseExpression(false); }

  // At `(`: is the matching `)` followed by `=>` on the same line? Every
  // parenthesis seen while scanning is memoized, so nested parentheses cost
  // linear time overall (hostile input like 100,000 `(` stays fast).
  [[gnu::noinline]] bool ArrowAhead();

  [[gnu::noinline]] Expr* ParseArrow(Pos pos, bool is_async, Identifier* single_param);

  // `async x => ...` or `async (...) => ...`; null (no error) when the
  // tokens are something else. Out of line: its Token copies would otherwise
  // enlarge every ParseAssignment frame (nesting depth costs stack).
  [[gnu::noinline]] Expr* TryAsyncArrow(Pos pos);

  Expr* ParseAssignment(bool allow_in);

  Expr* ParseAssignmentInner();

  [[gnu::noinline]] Expr* ParseYield();

  // Cover grammar: an expression that must become an assignment target.
  // `element`: a destructuring element (where `x = default` is allowed).
  Node* ToAssignmentTarget(Node* e, bool allow_pattern, bool element = false);

  Node* ObjectToPattern(ObjectLiteral* o);

  Node* ArrayToPattern(ArrayLiteral* a);

  void RemoveCoverInit(Node* n);

  Expr* ParseConditional();

  struct OpInfo {
    int prec;
    bool logical;
    BinaryOp bop;
    LogicalOp lop;
  };
  bool BinaryOperator(OpInfo* info);

  // Precedence climbing with an explicit operand/operator stack: long
  // chains (a+b+c+...) use no C++ recursion.
  Expr* ParseBinary(int min_prec);

  bool CheckNullishMix(const OpInfo& op, Expr* right);

  Expr* ParseUnary();

  Node* ToSimpleTarget(Node* e, const char* msg);

  Expr* ParsePostfix();

  bool ParseArguments(std::vector<Expr*>* args);

  Expr* ParseLeftHandSide();

  Expr* MemberDot(Pos pos, Expr* object, bool optional);

  Expr* ParseSuper();

  [[gnu::noinline]] Expr* ParseImportExpression();

  [[gnu::noinline]] Expr* ParseNew();

  [[gnu::noinline]] TemplateLiteral* ParseTemplate(bool tagged);

  [[gnu::noinline]] Expr* ParseRegExpLiteral(Pos pos);
  Expr* ParsePrimary();

  [[gnu::noinline]] Expr* ParseArrayLiteral();

  [[gnu::noinline]] Expr* ParseObjectLiteral();

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
  std::unordered_set<const Node*> spread_with_comma_;  // `...x,` in an array literal
  std::unordered_map<uint32_t, bool> arrow_cache_;
  int literal_depth_ = 0;  // inside array/object literals (cover grammar)
};

}  // namespace ratchet::internal

#endif  // RATCHET_COMPILER_PARSER_IMPL_H_
