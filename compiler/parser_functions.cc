// The parser: functions, parameters, binding patterns, property names and classes.
#include "compiler/parser_impl.h"
#include "vm/utf8.h"

namespace ratchet::internal {

Stmt* Parser::ParseFunctionDeclaration(bool is_async) {
  Pos pos = CurPos();
  if (is_async) Next();
  Function* f = ParseFunctionRest(pos, FunctionKind::kNormal, is_async, /*declaration=*/true);
  if (f == nullptr) return nullptr;
  auto* d = Make<FunctionDecl>(pos);
  d->function = f;
  return Finish(d);
}

Function* Parser::ParseFunctionRest(Pos pos, FunctionKind kind, bool is_async, bool declaration) {
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

Function* Parser::ParseFunctionBody(Pos pos, FunctionKind kind, bool is_async, bool generator, Identifier* name) {
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
  if (!CheckDeclarations(body, true, &f->params)) return nullptr;
  f->body = MakeList(body);
  f->source_end = prev_end_;
  if (f->strict && !CheckStrictParams(f)) return nullptr;
  return Finish(f);
}

bool Parser::CheckStrictParams(Function* f) {
  std::vector<Identifier*> names;
  for (Node* p : f->params) CollectNames(p, &names);
  for (size_t i = 0; i < names.size(); ++i) {
    auto n = names[i]->name.view();
    if (n == u"eval" || n == u"arguments") {
      FailNode("Unexpected eval or arguments in strict mode", names[i]);
      return false;
    }
    // A "use strict" body makes the parameters strict code retroactively.
    if (IsStrictReserved(std::u16string(n))) {
      FailNode("Unexpected strict mode reserved word", names[i]);
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
  if (f->name != nullptr && IsStrictReserved(std::u16string(f->name->name.view()))) {
    FailNode("Unexpected strict mode reserved word", f->name);
    return false;
  }
  return true;
}

void Parser::CollectNames(Node* p, std::vector<Identifier*>* out) {
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

bool Parser::ParseFormalParameters(Function* f, std::vector<Expr*>* params) {
  if (!Expect("(")) return false;
  // Yield and await expressions may not appear in parameters (15.5.1,
  // 15.6.1, 15.8.1).
  int seen = ctx_->yield_await_seen;
  ctx_->in_params = true;
  struct Reset {
    FunctionContext* c;
    ~Reset() { c->in_params = false; }
  } reset{ctx_};
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
  if (ctx_->yield_await_seen != seen) {
    Fail(ctx_->is_generator ? "Yield expression not allowed in formal parameter"
                            : "Illegal await-expression in formal parameters of async function");
    return false;
  }
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

Node* Parser::ParseBindingElement() {
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

Node* Parser::ParseBindingTarget() {
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
        if (prop.key != nullptr && prop.key->Is<PrivateName>()) {
          FailNode("Unexpected private name", prop.key);
          return nullptr;
        }
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

Expr* Parser::ParseLiteralToken() {
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

Expr* Parser::ParsePropertyName(bool* computed) {
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

Stmt* Parser::ParseClassDeclaration() {
  Pos pos = CurPos();
  Class* c = ParseClass(true);
  if (c == nullptr) return nullptr;
  auto* d = Make<ClassDecl>(pos);
  d->class_node = c;
  return Finish(d);
}

namespace {

// The static-semantics name of a non-computed class element key, for the
// `constructor`/`prototype` early errors.
std::u16string_view StaticKeyName(const ClassMember& m) {
  if (m.computed || m.key == nullptr) return {};
  if (auto* id = m.key->As<Identifier>()) return id->name.view();
  if (auto* s = m.key->As<StringLiteral>()) return s->value.view();
  return {};
}

}  // namespace

Class* Parser::ParseClass(bool declaration) {
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
  // The synthesized initializer functions: field initializers are parsed
  // as their bodies' expressions (`this` is the instance or the class).
  auto make_init = [&](bool is_static) {
    Function* f = Make<Function>(pos);
    f->function_kind = FunctionKind::kClassFieldInit;
    f->strict = true;
    f->source_start = pos.offset;
    (void)is_static;
    return f;
  };
  Function* instance_init = make_init(false);
  Function* static_init = make_init(true);
  bool need_instance_init = false, need_static_init = false;
  // Private names declared so far: bit 1 getter, 2 setter, 4 anything else,
  // 8 static.
  std::vector<std::pair<std::u16string, int>> private_names;
  auto declare_private = [&](const ClassMember& m) {
    auto* pn = m.key->As<PrivateName>();
    std::u16string name(pn->name.view());
    if (name == u"constructor") {
      FailNode("Classes may not have a private field named '#constructor'", pn);
      return false;
    }
    int kind = m.kind == ClassMemberKind::kGetter ? 1 : m.kind == ClassMemberKind::kSetter ? 2 : 4;
    int st = m.is_static ? 8 : 0;
    for (auto& [n, bits] : private_names) {
      if (n != name) continue;
      // Only a getter and a setter of the same placement may share a name.
      if (kind == 4 || (bits & 4) || (bits & kind) || (bits & 8) != st) {
        FailNode("Identifier '#" + EncodeUtf8(name) + "' has already been declared", pn);
        return false;
      }
      bits |= kind;
      return true;
    }
    private_names.emplace_back(name, kind | st);
    return true;
  };
  std::vector<ClassMember> members;
  while (!failed_ && !IsPunct("}")) {
    if (Eat(";")) continue;
    ClassMember m;
    m.pos = CurPos();
    Pos mpos = CurPos();
    if (IsName(u"static") && !PeekIsPunct("(") && !PeekIsPunct("=") && !PeekIsPunct(";") && !PeekIsPunct("}")) {
      Next();
      m.is_static = true;
      mpos = CurPos();  // a static method's source text starts after `static`
      if (IsPunct("{")) {
        // static { ... }: a body of its own (var scope, `this` the class).
        Pos bpos = CurPos();
        Function* f = Make<Function>(bpos);
        f->function_kind = FunctionKind::kClassStaticBlock;
        f->strict = true;
        f->source_start = bpos.offset;
        FunctionContext bctx;
        bctx.fn = f;
        bctx.strict = true;
        bctx.is_class_init = true;
        bctx.is_static_block = true;
        bctx.parent = ctx_;
        FunctionContext* saved = ctx_;
        ctx_ = &bctx;
        static_block_body_ = true;
        Stmt* body = ParseBlock();
        ctx_ = saved;
        if (body == nullptr) return nullptr;
        f->body = body->As<Block>()->body;
        f->source_end = prev_end_;
        m.kind = ClassMemberKind::kStaticBlock;
        m.function = Finish(f);
        members.push_back(m);
        need_static_init = true;
        continue;
      }
    }
    bool is_async = false, is_generator = false;
    FunctionKind fk = FunctionKind::kMethod;
    ClassMemberKind mk = ClassMemberKind::kMethod;
    if (IsName(u"async") && !PeekIsPunct("(") && !PeekIsPunct("=") && !PeekIsPunct(";") &&
        !PeekIsPunct("}") && !PeekToken().newline_before) {
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
    std::u16string_view key_name = StaticKeyName(m);
    if (IsPunct("(")) {
      bool is_ctor = !m.is_static && mk == ClassMemberKind::kMethod && key_name == u"constructor" &&
                     !m.key->Is<PrivateName>();
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
      } else if (!m.is_static && key_name == u"constructor") {
        Fail("Class constructor may not be an accessor");
        return nullptr;
      } else if (m.is_static && key_name == u"prototype") {
        Fail("Classes may not have a static property named 'prototype'");
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
      if (m.key->Is<PrivateName>()) {
        if (!declare_private(m)) return nullptr;
        if (!m.is_static) need_instance_init = true;
      }
    } else {
      // A field: key [= initializer];
      if (is_async || is_generator || mk != ClassMemberKind::kMethod) {
        Unexpected();
        return nullptr;
      }
      if (key_name == u"constructor" || (m.is_static && key_name == u"prototype")) {
        FailNode("Classes may not have a field named '" + EncodeUtf8(key_name) + "'", m.key);
        return nullptr;
      }
      m.kind = ClassMemberKind::kField;
      if (m.key->Is<PrivateName>() && !declare_private(m)) return nullptr;
      if (Eat("=")) {
        FunctionContext fctx;
        fctx.fn = m.is_static ? static_init : instance_init;
        fctx.strict = true;
        fctx.is_class_init = true;
        fctx.parent = ctx_;
        FunctionContext* saved = ctx_;
        ctx_ = &fctx;
        m.value = ParseAssignment(true);
        ctx_ = saved;
        if (m.value == nullptr) return nullptr;
      }
      (m.is_static ? need_static_init : need_instance_init) = true;
      ConsumeSemicolon();
    }
    members.push_back(m);
  }
  Expect("}");
  ctx_->strict = saved_strict;
  if (failed_) return nullptr;
  c->members = MakeList(members);
  c->source_end = prev_end_;
  if (c->constructor != nullptr) {
    // The class constructor's source text is the whole class (20.2.3.5).
    c->constructor->source_start = c->source_start;
    c->constructor->source_end = c->source_end;
  }
  instance_init->source_end = prev_end_;
  static_init->source_end = prev_end_;
  if (need_instance_init) {
    c->instance_init = Finish(instance_init);
    if (c->constructor != nullptr) c->constructor->class_has_fields = true;
  }
  if (need_static_init) c->static_init = Finish(static_init);
  return Finish(c);
}


}  // namespace ratchet::internal
