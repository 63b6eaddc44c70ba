// The parser: expressions, the cover grammar, templates and literals.
#include "compiler/parser_impl.h"
#include "vm/regexp/regexp.h"
#include "vm/utf8.h"

namespace ratchet::internal {

Expr* Parser::ParseExpression(bool allow_in) {
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

bool Parser::ArrowAhead() {
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

Expr* Parser::ParseArrow(Pos pos, bool is_async, Identifier* single_param) {
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
  // ArrowParameters[?Await]: in an async function's body (or an async
  // arrow's parameters) `await` in a nested arrow's parameters is an
  // AwaitExpression — an early error there — not an identifier.
  ctx.is_async = is_async || saved->is_async;
  if (single_param != nullptr) {
    params.push_back(single_param);
  } else if (!ParseFormalParameters(f, &params)) {
    ctx_ = saved;
    return nullptr;
  }
  ctx.is_async = is_async;
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
    if (!failed_) CheckDeclarations(body, true, &f->params);
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

Expr* Parser::TryAsyncArrow(Pos pos) {
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

Expr* Parser::ParseAssignment(bool allow_in) {
  DepthGuard guard(this);
  if (failed_) return nullptr;
  bool saved_in = allow_in_;
  allow_in_ = allow_in;
  Expr* r = ParseAssignmentInner();
  allow_in_ = saved_in;
  return r;
}

Expr* Parser::ParseAssignmentInner() {
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
  if (tok_.type != Tok::kPunct) {
    // Not an assignment: a CoverInitializedName left in a literal is an error.
    if (literal_depth_ == 0 && !cover_init_errors_.empty()) {
      FailNode("Invalid shorthand property initializer", cover_init_errors_.back());
      return nullptr;
    }
    return left;
  }
  static const struct {
    std::string_view p;  // (sizes compared first: no strlen per entry)
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

Expr* Parser::ParseYield() {
  Pos pos = CurPos();
  Next();
  ctx_->yield_await_seen++;
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

Node* Parser::ToAssignmentTarget(Node* e, bool allow_pattern, bool element) {
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
    // A parenthesized literal is an expression, never a pattern.
    case Kind::kObjectLiteral:
      if (allow_pattern && parenthesized_.count(e) == 0) return ObjectToPattern(e->As<ObjectLiteral>());
      break;
    case Kind::kArrayLiteral:
      if (allow_pattern && parenthesized_.count(e) == 0) return ArrayToPattern(e->As<ArrayLiteral>());
      break;
    case Kind::kAssign:
      if (allow_pattern && element && parenthesized_.count(e) == 0 && e->As<Assign>()->op == AssignOp::kAssign) {
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

Node* Parser::ObjectToPattern(ObjectLiteral* o) {
  auto* p = Make<ObjectPattern>(o->pos);
  std::vector<PatternProperty> props;
  for (uint32_t i = 0; i < o->properties.size; ++i) {
    Property& prop = o->properties[i];
    if (prop.kind == PropertyKind::kSpread) {
      if (i + 1 != o->properties.size || spread_with_comma_.count(prop.value) != 0 ||
          !(prop.value->Is<Identifier>() || prop.value->Is<Member>())) {
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
      pp.value = ToAssignmentTarget(v, true, true);
      if (pp.value == nullptr) return nullptr;
    }
    props.push_back(pp);
  }
  p->properties = MakeList(props);
  p->end = o->end;
  return p;
}

Node* Parser::ArrayToPattern(ArrayLiteral* a) {
  auto* p = Make<ArrayPattern>(a->pos);
  std::vector<Expr*> elements;
  for (uint32_t i = 0; i < a->elements.size; ++i) {
    Node* e = a->elements[i];
    if (auto* s = e->As<Spread>()) {
      if (i + 1 != a->elements.size || spread_with_comma_.count(e) != 0) {
        FailNode("Rest element must be last element", e);
        return nullptr;
      }
      p->rest = ToAssignmentTarget(s->argument, true, true);
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
    Node* t = ToAssignmentTarget(e, true, true);
    if (t == nullptr) return nullptr;
    elements.push_back(t);
  }
  p->elements = MakeList(elements);
  p->end = a->end;
  return p;
}

void Parser::RemoveCoverInit(Node* n) {
  for (size_t i = 0; i < cover_init_errors_.size(); ++i) {
    if (cover_init_errors_[i] == n) {
      cover_init_errors_.erase(cover_init_errors_.begin() + static_cast<long>(i));
      return;
    }
  }
}

Expr* Parser::ParseConditional() {
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

bool Parser::BinaryOperator(OpInfo* info) {
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
    std::string_view p;  // (sizes compared first: no strlen per entry)
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

Expr* Parser::ParseBinary(int min_prec) {
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
      if (!CheckNullishMix(p.op, p.left) || !CheckNullishMix(p.op, left)) return nullptr;
      left = reduce(p, left);
    }
    Pos opos = stack.empty() ? start : stack.back().pos;
    (void)opos;
    stack.push_back({left, op, left->pos});
    Next();
    left = ParseUnary();
    if (left == nullptr) return nullptr;
    // `#x in o`: a private name is only ever the left operand of `in`, so
    // after an operator that binds looser than `in` (`a && #x in o`).
    if (left->Is<PrivateName>()) {
      OpInfo next;
      if (!(tok_.type == Tok::kIdentifier && tok_.value == u"in" && BinaryOperator(&next) && op.prec < next.prec)) {
        FailNode("Unexpected private name", left);
        return nullptr;
      }
    }
    left_is_unary = last_was_unary_;
  }
  while (!stack.empty()) {
    Pending p = stack.back();
    stack.pop_back();
    if (!CheckNullishMix(p.op, p.left) || !CheckNullishMix(p.op, left)) return nullptr;
    left = reduce(p, left);
  }
  return left;
}

bool Parser::CheckNullishMix(const OpInfo& op, Expr* right) {
  // a ?? b || c and a || b ?? c without parentheses are errors (`right`
  // is either operand).
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

Expr* Parser::ParseUnary() {
  DepthGuard guard(this);
  if (failed_) return nullptr;
  Pos pos = CurPos();
  last_was_unary_ = false;
  if (tok_.type == Tok::kPunct) {
    static const struct {
      std::string_view p;  // (sizes compared first: no strlen per entry)
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
      if (op == UnaryOp::kDelete) {
        Node* target = arg;
        if (auto* oc = target->As<OptionalChain>()) target = oc->expression;
        if (auto* m = target->As<Member>(); m != nullptr && m->property->Is<PrivateName>()) {
          FailNode("Private fields can not be deleted", arg);
          return nullptr;
        }
      }
      auto* u = Make<Unary>(pos);
      u->op = op;
      u->argument = arg;
      last_was_unary_ = true;
      return Finish(u);
    }
    if (tok_.value == u"await" && ctx_->is_async) {
      Next();
      ctx_->yield_await_seen++;
      Expr* arg = ParseUnary();
      if (arg == nullptr) return nullptr;
      auto* a = Make<Await>(pos);
      a->argument = arg;
      last_was_unary_ = true;
      return Finish(a);
    }
  }
  Expr* e = ParsePostfix();
  // (A unary expression inside parentheses, `(-1) ** 2`, is a primary here.)
  last_was_unary_ = false;
  return e;
}

Node* Parser::ToSimpleTarget(Node* e, const char* msg) {
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

Expr* Parser::ParsePostfix() {
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

bool Parser::ParseArguments(std::vector<Expr*>* args) {
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

Expr* Parser::ParseLeftHandSide() {
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
      FailDepth();
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

Expr* Parser::MemberDot(Pos pos, Expr* object, bool optional) {
  Pos ppos = CurPos();
  Node* prop;
  if (tok_.type == Tok::kIdentifier) {
    auto* id = Make<Identifier>(ppos);
    id->name = MakeStr(tok_.value);
    Next();
    prop = Finish(id);
  } else if (tok_.type == Tok::kPrivateName) {
    if (object->Is<Super>()) {
      Fail("Unexpected private field");
      return nullptr;
    }
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

Expr* Parser::ParseSuper() {
  Pos pos = CurPos();
  Next();
  if (!IsPunct("(") && !IsPunct(".") && !IsPunct("[")) {
    Fail("'super' keyword unexpected here");
    return nullptr;
  }
  MarkThis();
  return Finish(Make<Super>(pos));
}

Expr* Parser::ParseImportExpression() {
  Pos pos = CurPos();
  Next();
  bool defer_phase = false;
  if (Eat(".")) {
    if (IsName(u"source") && !tok_.escaped) {
      // import . source ( AssignmentExpression ): the source phase.
      Next();
      if (!Expect("(")) return nullptr;
      auto* c = Make<ImportCall>(pos);
      c->source_phase = true;
      c->source = ParseAssignment(true);
      if (c->source == nullptr || !Expect(")")) return nullptr;
      return Finish(c);
    }
    if (IsName(u"defer") && !tok_.escaped) {
      // import . defer ( ... ): the arguments of import().
      Next();
      defer_phase = true;
    } else {
      if (!IsName(u"meta") || !options_.module) {
        Fail("Cannot use 'import.meta' outside a module");
        return nullptr;
      }
      Next();
      return Finish(Make<ImportMeta>(pos));
    }
  }
  if (!Expect("(")) return nullptr;
  auto* c = Make<ImportCall>(pos);
  c->defer_phase = defer_phase;
  c->source = ParseAssignment(true);
  if (c->source == nullptr) return nullptr;
  if (Eat(",") && !IsPunct(")")) {
    c->options = ParseAssignment(true);
    Eat(",");
  }
  if (!Expect(")")) return nullptr;
  return Finish(c);
}

Expr* Parser::ParseNew() {
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
  } else if (IsName(u"import") && !PeekIsPunct(".")) {
    Fail("Cannot use new with import");
    return nullptr;
  } else if (IsName(u"import")) {
    callee = ParseImportExpression();  // new import.meta.x()
    if (callee != nullptr && callee->As<ImportCall>() != nullptr) {
      Fail("Cannot use new with import.source");
      return nullptr;
    }
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

TemplateLiteral* Parser::ParseTemplate(bool tagged) {
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

// Out of line: its token copy and strings would otherwise sit in the frame
// of every ParsePrimary, which recursion through parentheses multiplies.
Expr* Parser::ParseRegExpLiteral(Pos pos) {
  tok_ = lex_.RescanRegExp(tok_);
  if (tok_.type == Tok::kError) {
    Fail(tok_.error);
    return nullptr;
  }
  // 13.2.7.2 Static Semantics: Early Errors: the flags and the pattern
  // must parse (22.2.3.4 ParsePattern).
  std::string regexp_error;
  if (!regexp::Validate(tok_.value, tok_.raw, &regexp_error)) {
    Fail("Invalid regular expression: /" + EncodeUtf8(tok_.value) + "/" + EncodeUtf8(tok_.raw) + ": " +
         regexp_error);
    return nullptr;
  }
  auto* r = Make<RegExpLiteral>(pos);
  r->pattern = MakeStr(tok_.value);
  r->flags = MakeStr(tok_.raw);
  Next();
  return Finish(r);
}

Expr* Parser::ParsePrimary() {
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
      if (IsPunct("/") || IsPunct("/=")) return ParseRegExpLiteral(pos);
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

Expr* Parser::ParseArrayLiteral() {
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
    if (!IsPunct("]")) {
      if (!Expect(",")) return nullptr;
      // `[...x,]` is an array literal but never a pattern.
      if (e->Is<Spread>()) spread_with_comma_.insert(e);
    }
  }
  Next();
  auto* a = Make<ArrayLiteral>(pos);
  a->elements = MakeList(elements);
  return Finish(a);
}

Expr* Parser::ParseObjectLiteral() {
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
      if (!IsPunct("}")) {
        if (!Expect(",")) return nullptr;
        spread_with_comma_.insert(p.value);  // `{...x,}` is never a pattern
      }
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
    bool key_is_ident_ref = IsIdentifierToken();
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


}  // namespace ratchet::internal
