// Bytecode generation for classes (15.7 ClassDefinitionEvaluation: methods,
// fields, private names, static blocks) and for member references of every
// kind (obj.name, obj[key], super[key], obj.#name).
#include "compiler/codegen_internal.h"

namespace ratchet::internal {

using namespace ast;  // NOLINT

namespace {

std::u16string_view StaticName(const ClassMember& m) {
  if (m.computed || m.key == nullptr) return {};
  if (auto* id = m.key->As<Identifier>()) return id->name.view();
  if (auto* s = m.key->As<StringLiteral>()) return s->value.view();
  return {};
}

bool IsPrivate(const ClassMember& m) { return m.key != nullptr && m.key->Is<PrivateName>(); }

bool IsMethodLike(const ClassMember& m) {
  return m.kind == ClassMemberKind::kMethod || m.kind == ClassMemberKind::kGetter ||
         m.kind == ClassMemberKind::kSetter;
}

// The display name of a member ("#x" for private names), without prefix.
std::u16string MemberName(const ClassMember& m) {
  if (IsPrivate(m)) return u"#" + std::u16string(m.key->As<PrivateName>()->name.view());
  return std::u16string(StaticName(m));
}

// An anonymous function or class expression: named after its binding.
bool IsAnonymousFunctionDefinition(const Node* n) {
  if (auto* f = n->As<Function>()) return f->name == nullptr;
  if (auto* c = n->As<Class>()) return c->name == nullptr;
  return false;
}

}  // namespace

void Generator::ClassExpr(Class* c, uint32_t dst, std::u16string_view inferred_name) {
  Scope* cs = info_.ScopeOf(c);
  uint32_t mark = next_reg_;
  RegScope rs(this);
  uint32_t parent = rs.Temps(2);  // the heritage and its prototype
  std::u16string_view name = c->name != nullptr ? c->name->name.view() : inferred_name;
  AllocateScopeRegisters(cs);
  EnterScope(cs);
  InitLexicalsToEmpty(cs);
  // Every evaluation of the class makes new private names.
  {
    RegScope inner(this);
    uint32_t t = inner.Temp();
    for (Variable* v : cs->vars) {
      if (v->kind != BindingKind::kPrivateName) continue;
      b_.EmitNewPrivateName(t, StringConst(v->name));
      StoreVariable(v, nullptr, t, true);
    }
  }
  if (c->super_class != nullptr) {
    Gen(c->super_class, parent);
    // 15.7.14 steps 8.e-h: the checks and Get(superclass, "prototype"),
    // which may run a getter or a proxy trap.
    SetPos(c->super_class);
    CallHelper(Helper::kClassProtoParent, parent + 1, {parent});
  } else {
    b_.EmitLdEmpty(parent);
  }
  uint32_t ctor = rs.Temp();
  uint32_t proto = rs.Temp();
  if (c->constructor != nullptr) {
    CodeKind kind = c->super_class != nullptr ? CodeKind::kDerivedConstructor
                                              : CodeKind::kClassConstructor;
    uint32_t k = CompileNestedFunction(c->constructor, kind, name);
    if (failed_) return;
    b_.EmitCreateClosure(ctor, k);
  } else {
    // The default constructor: `constructor(...args) { super(...args); }`
    // for derived classes (without the iterator protocol), an empty body
    // otherwise; both initialize the fields.
    auto fn = std::make_unique<CompiledFunction>();
    fn->kind = c->super_class != nullptr ? CodeKind::kDerivedConstructor : CodeKind::kClassConstructor;
    fn->strict = true;
    fn->name = std::u16string(name);
    fn->source_start = c->source_start;
    fn->source_end = c->source_end;
    BytecodeBuilder bb;
    if (c->super_class != nullptr) {
      bb.EmitCreateRest(0, 0);
      bb.EmitLdCallee(2);
      bb.EmitLdNewTarget(3);
      bb.EmitSuperCall(1, 0, 2);
      if (c->instance_init != nullptr) {
        bb.EmitLdFields(2, 2);
        bb.EmitCall(2, 2, 1, 1, 0);
      }
      bb.EmitReturn(1);
    } else {
      if (c->instance_init != nullptr) {
        bb.EmitLdCallee(0);
        bb.EmitLdFields(0, 0);
        bb.EmitLdThis(1);
        bb.EmitCall(0, 0, 1, 1, 0);
      }
      bb.EmitLdUndef(0);
      bb.EmitReturn(0);
    }
    fn->num_registers = 4;
    fn->bytecode = std::move(bb.bytes());
    out_->children.push_back(std::move(fn));
    Constant cst;
    cst.kind = Constant::Kind::kFunction;
    cst.function = static_cast<uint32_t>(out_->children.size() - 1);
    out_->constants.push_back(cst);
    b_.EmitCreateClosure(ctor, static_cast<uint32_t>(out_->constants.size() - 1));
  }
  SetPos(c);
  b_.EmitCreateClass(proto, ctor, parent);
  uint32_t key = rs.Temp();
  uint32_t fnr = rs.Temp();
  // Static private methods wait in registers until the class binding is
  // initialized (step 30).
  std::map<const ClassMember*, uint32_t> static_private;
  for (auto& m : c->members) {
    if (failed_) return;
    if (m.kind == ClassMemberKind::kField) {
      if (m.computed) {
        // The key is evaluated now, in order with the methods' keys.
        PropertyKeyToReg(m.key, true, key);
        StoreVariable(info_.Aux(&m, AuxSlot::kComputedKey), nullptr, key, true);
      }
      continue;
    }
    if (!IsMethodLike(m)) continue;  // static blocks run with the static fields
    uint32_t home = m.is_static ? ctor : proto;
    bool priv = IsPrivate(m);
    if (!priv) PropertyKeyToReg(m.key, m.computed, key);
    std::u16string full = MemberName(m);
    CodeKind kind = CodeKind::kMethod;
    int32_t prefix = 0;
    if (m.kind == ClassMemberKind::kGetter) {
      full = u"get " + full;
      kind = CodeKind::kGetter;
      prefix = 1;
    }
    if (m.kind == ClassMemberKind::kSetter) {
      full = u"set " + full;
      kind = CodeKind::kSetter;
      prefix = 2;
    }
    uint32_t k = CompileNestedFunction(m.function, kind, full);
    if (failed_) return;
    uint32_t target = fnr;
    if (priv && m.is_static) {
      target = AllocReg();
      static_private[&m] = target;
    }
    b_.EmitCreateClosure(target, k);
    b_.EmitSetHome(target, home);
    if (m.computed) b_.EmitSetFunctionName(target, key, prefix);
    if (priv) {
      if (!m.is_static) StoreVariable(info_.Aux(&m, AuxSlot::kPrivateMethod), nullptr, target, true);
    } else if (m.kind == ClassMemberKind::kMethod) {
      b_.EmitDefineMethod(home, key, target);
    } else {
      b_.EmitDefineAccessor(home, key, target, (m.kind == ClassMemberKind::kGetter ? 0 : 1) | 2);
    }
  }
  if (c->instance_init != nullptr) {
    uint32_t k = CompileClassInitializer(c, false);
    if (failed_) return;
    b_.EmitCreateClosure(fnr, k);
    b_.EmitSetHome(fnr, proto);
    b_.EmitSetFields(ctor, fnr);
  }
  if (c->name != nullptr) {
    Variable* inner = cs->Find(c->name->name.view());
    if (inner != nullptr) StoreVariable(inner, nullptr, ctor, true);
  }
  EmitPrivateMethods(c, true, ctor, &static_private);
  if (c->static_init != nullptr) {
    uint32_t k = CompileClassInitializer(c, true);
    if (failed_) return;
    b_.EmitCreateClosure(fnr, k);
    b_.EmitSetHome(fnr, ctor);
    b_.EmitCall(fnr, fnr, ctor, ctor, 0);
  }
  b_.EmitMov(dst, ctor);
  LeaveScope(cs);
  next_reg_ = std::max(mark, next_reg_);
}

void Generator::EmitPrivateMethods(Class* c, bool is_static, uint32_t target,
                                   const std::map<const ClassMember*, uint32_t>* regs) {
  // 7.3.29 PrivateMethodOrAccessorAdd, in declaration order; a getter and a
  // setter of one name make one accessor.
  struct Entry {
    Variable* name;
    const ClassMember* method = nullptr;
    const ClassMember* getter = nullptr;
    const ClassMember* setter = nullptr;
  };
  std::vector<Entry> entries;
  for (auto& m : c->members) {
    if (m.is_static != is_static || !IsPrivate(m) || !IsMethodLike(m)) continue;
    Variable* v = info_.Resolve(m.key);
    Entry* e = nullptr;
    for (Entry& x : entries) {
      if (x.name == v) e = &x;
    }
    if (e == nullptr) {
      entries.push_back({v});
      e = &entries.back();
    }
    if (m.kind == ClassMemberKind::kGetter) e->getter = &m;
    if (m.kind == ClassMemberKind::kSetter) e->setter = &m;
    if (m.kind == ClassMemberKind::kMethod) e->method = &m;
  }
  auto load = [&](const ClassMember* m, uint32_t dst) {
    if (m == nullptr) {
      b_.EmitLdUndef(dst);
    } else if (regs != nullptr) {
      b_.EmitMov(dst, regs->at(m));
    } else {
      LoadVariable(info_.Aux(m, AuxSlot::kPrivateMethod), nullptr, dst);
    }
  };
  for (Entry& e : entries) {
    RegScope rs(this);
    uint32_t key = rs.Temp();
    uint32_t pair = rs.Temps(2);
    LoadVariable(e.name, nullptr, key);
    if (e.method != nullptr) {
      load(e.method, pair);
      b_.EmitDefinePrivate(target, key, pair, 1);
    } else {
      load(e.getter, pair);
      load(e.setter, pair + 1);
      b_.EmitDefinePrivate(target, key, pair, 2);
    }
  }
}

uint32_t Generator::CompileClassInitializer(Class* c, bool is_static) {
  auto child = std::make_unique<CompiledFunction>();
  child->kind = CodeKind::kMethod;
  child->strict = true;
  child->source_start = c->source_start;
  child->source_end = c->source_end;
  Generator g(info_, error_, options_, child.get(), this);
  if (!g.CompileClassInitializerBody(c, is_static)) {
    failed_ = true;
    return 0;
  }
  out_->children.push_back(std::move(child));
  Constant k;
  k.kind = Constant::Kind::kFunction;
  k.function = static_cast<uint32_t>(out_->children.size() - 1);
  out_->constants.push_back(k);
  return static_cast<uint32_t>(out_->constants.size() - 1);
}

bool Generator::CompileClassInitializerBody(Class* c, bool is_static) {
  const Function* init = is_static ? c->static_init : c->instance_init;
  function_ = init;
  Scope* fs = info_.ScopeOf(init);
  function_scope_ = fs;
  next_reg_ = 0;
  for (Variable* v : fs->vars) {
    if (!v->in_env) v->index = AllocReg();
  }
  scope_ = fs->parent;
  EnterScope(fs);
  EmitPseudoBindings(fs, init);
  RegScope rs(this);
  uint32_t self = rs.Temp();
  b_.EmitLdThis(self);
  // 7.3.35 InitializeInstanceElements: private methods, then the fields.
  if (!is_static) EmitPrivateMethods(c, false, self, nullptr);
  for (auto& m : c->members) {
    if (failed_) return false;
    if (m.is_static != is_static) continue;
    if (m.kind == ClassMemberKind::kField) {
      RegScope inner(this);
      uint32_t key = inner.Temp();
      uint32_t val = inner.Temp();
      if (IsPrivate(m)) {
        LoadVariable(info_.Resolve(m.key), nullptr, key);
      } else if (m.computed) {
        LoadVariable(info_.Aux(&m, AuxSlot::kComputedKey), nullptr, key);
      } else {
        PropertyKeyToReg(m.key, false, key);
      }
      std::u16string name = MemberName(m);
      if (m.value == nullptr) {
        b_.EmitLdUndef(val);
      } else {
        GenNamed(m.value, val, name);
      }
      if (m.computed && m.value != nullptr && IsAnonymousFunctionDefinition(m.value)) {
        b_.EmitSetFunctionName(val, key, 0);
      }
      SetPos(m.key);
      if (IsPrivate(m)) {
        b_.EmitDefinePrivate(self, key, val, 0);
      } else {
        b_.EmitDefineField(self, key, val);
      }
    } else if (m.kind == ClassMemberKind::kStaticBlock) {
      RegScope inner(this);
      uint32_t fn = inner.Temp();
      uint32_t k = CompileNestedFunction(m.function, CodeKind::kMethod, u"");
      if (failed_) return false;
      b_.EmitCreateClosure(fn, k);
      b_.EmitSetHome(fn, self);
      b_.EmitCall(fn, fn, self, self, 0);
    }
  }
  uint32_t t = rs.Temp();
  b_.EmitLdUndef(t);
  b_.EmitReturn(t);
  if (failed_) return false;
  out_->bytecode = std::move(b_.bytes());
  return true;
}

// ---- Tagged templates (13.3.11) ------------------------------------------------------

void Generator::TaggedTemplateExpr(TaggedTemplate* e, uint32_t dst) {
  RegScope rs(this);
  uint32_t callee = rs.Temp();
  uint32_t self = rs.Temp();
  if (auto* m = e->tag->As<Member>()) {
    MemberRef r;
    PrepareMember(m, &r, rs, false);
    SetPos(m);
    LoadMember(r, callee);
    b_.EmitMov(self, r.obj);
  } else {
    Gen(e->tag, callee);
    b_.EmitLdUndef(self);
  }
  // 13.2.8.4 GetTemplateObject: this site's constants are its cache slot,
  // the raw strings, then the cooked strings (undefined where invalid).
  const List<TemplateElement>& quasis = e->quasi->quasis;
  uint32_t site = static_cast<uint32_t>(out_->constants.size());
  Constant slot;
  slot.kind = Constant::Kind::kUndefined;
  out_->constants.push_back(slot);
  for (const TemplateElement& q : quasis) {
    Constant c;
    c.kind = Constant::Kind::kString;
    c.string = std::u16string(q.raw.view());
    out_->constants.push_back(std::move(c));
  }
  for (const TemplateElement& q : quasis) {
    Constant c;
    c.kind = q.cooked_valid ? Constant::Kind::kString : Constant::Kind::kUndefined;
    if (q.cooked_valid) c.string = std::u16string(q.cooked.view());
    out_->constants.push_back(std::move(c));
  }
  uint32_t argc = e->quasi->expressions.size + 1;
  uint32_t argv = rs.Temps(argc);
  b_.EmitGetTemplateObject(argv, site, quasis.size);
  for (uint32_t i = 0; i + 1 < argc; ++i) Gen(e->quasi->expressions[i], argv + 1 + i);
  SetPos(e);
  b_.EmitCall(dst, callee, self, argv, argc);
}

// ---- Member references -------------------------------------------------------------

void Generator::LoadSuperBase(Node* super_node, uint32_t base) {
  // 13.3.7.1: this first (a ReferenceError before super() in a derived
  // constructor), then the home object.
  if (Variable* tv = info_.Resolve(super_node)) {
    LoadVariable(tv, super_node, base);
  } else {
    b_.EmitLdThis(base);
  }
  if (Variable* hv = info_.Aux(super_node, AuxSlot::kSuperHome)) {
    LoadVariable(hv, nullptr, base + 1);
  } else {
    b_.EmitLdHome(base + 1);
  }
}

void Generator::PrepareMember(Member* m, MemberRef* r, RegScope& rs, bool to_key, bool then_known,
                              const ast::Node* then) {
  if (m->object->Is<Super>()) {
    r->kind = MemberRef::kSuper;
    r->obj = rs.Temps(2);
    LoadSuperBase(m->object, r->obj);
    r->key = rs.Temp();
    PropertyKeyToReg(m->property, m->computed, r->key);
    return;
  }
  auto* obj_id = m->object->As<Identifier>();
  if (then_known && obj_id != nullptr && (then == nullptr || WritesNothing(then)) &&
      (!m->computed || WritesNothing(m->property))) {
    r->obj = GenAny(m->object, rs);  // nothing can change the variable before the access
  } else {
    r->obj = rs.Temp();
    Gen(m->object, r->obj);
  }
  if (m->optional) b_.EmitJump(Op::kJmpNullish, {r->obj}, optional_chain_.back());
  if (auto* pn = m->property->As<PrivateName>()) {
    r->kind = MemberRef::kPrivate;
    r->key = rs.Temp();
    LoadVariable(info_.Resolve(pn), nullptr, r->key);
  } else if (m->computed) {
    r->kind = MemberRef::kKeyed;
    if (to_key) {
      // GetValue makes the base an object before converting the key: on a
      // null or undefined base, the read throws its TypeError first.
      uint32_t k = GenAny(m->property, rs);
      r->key = rs.Temp();
      b_.EmitToStoreKey(r->key, r->obj, k);
    } else {
      r->key = rs.Temp();
      Gen(m->property, r->key);
    }
  } else {
    r->kind = MemberRef::kNamed;
    r->name = StringConst(m->property->As<Identifier>()->name.view());
  }
}

void Generator::LoadMember(const MemberRef& r, uint32_t dst) {
  switch (r.kind) {
    case MemberRef::kNamed: b_.EmitGetNamed(dst, r.obj, r.name, NewIc()); break;
    case MemberRef::kKeyed: b_.EmitGetKeyed(dst, r.obj, r.key); break;
    case MemberRef::kSuper: b_.EmitGetSuper(dst, r.key, r.obj); break;
    case MemberRef::kPrivate: b_.EmitGetPrivate(dst, r.obj, r.key); break;
  }
}

void Generator::StoreMember(const MemberRef& r, uint32_t src) {
  switch (r.kind) {
    case MemberRef::kNamed: b_.EmitSetNamed(r.obj, r.name, src, NewIc()); break;
    case MemberRef::kKeyed: b_.EmitSetKeyed(r.obj, r.key, src); break;
    case MemberRef::kSuper: b_.EmitSetSuper(r.key, src, r.obj); break;
    case MemberRef::kPrivate: b_.EmitSetPrivate(r.obj, r.key, src); break;
  }
}

}  // namespace ratchet::internal
