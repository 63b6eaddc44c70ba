// Bytecode generation for expressions and destructuring patterns.
#include "compiler/codegen_internal.h"

#include <cmath>

namespace ratchet::internal {

using namespace ast;  // NOLINT

bool Generator::IsSimple(const Node* e) const {
  switch (e->kind) {
    case Kind::kNumberLiteral:
    case Kind::kStringLiteral:
    case Kind::kNullLiteral:
    case Kind::kBooleanLiteral:
    case Kind::kThis:
      return true;
    case Kind::kIdentifier:
      return true;
    default:
      return false;
  }
}

uint32_t Generator::GenAny(Node* e, RegScope& rs) {
  if (auto* id = e->As<Identifier>()) {
    Variable* v = info_.Resolve(id);
    if (v != nullptr && !v->in_env && !NeedsTdzCheck(v, id) && v->kind != BindingKind::kThis) {
      return v->index;
    }
  }
  uint32_t t = rs.Temp();
  Gen(e, t);
  return t;
}

void Generator::CallHelper(Helper h, uint32_t dst, std::initializer_list<uint32_t> args) {
  RegScope rs(this);
  uint32_t fn = rs.Temp();
  uint32_t self = rs.Temp();
  uint32_t argv = rs.Temps(static_cast<uint32_t>(args.size()));
  b_.EmitLdIntrinsic(fn, static_cast<uint32_t>(h));
  b_.EmitLdUndef(self);
  uint32_t i = 0;
  for (uint32_t a : args) b_.EmitMov(argv + i++, a);
  b_.EmitCall(dst, fn, self, argv, static_cast<uint32_t>(args.size()));
}

std::u16string_view Generator::InferredName(Node* target) const {
  if (auto* id = target->As<Identifier>()) return id->name.view();
  return {};
}

void Generator::Gen(Node* e, uint32_t dst) {
  if (failed_ || e == nullptr) return;
  if (stack_->Exceeded()) {
    Fail("Maximum nesting depth exceeded", e);
    return;
  }
  switch (e->kind) {
    case Kind::kNumberLiteral:
    case Kind::kStringLiteral:
    case Kind::kNullLiteral:
    case Kind::kBooleanLiteral:
      GenLiteral(e, dst);
      break;
    case Kind::kTemplateLiteral:
      GenTemplateLiteral(e->As<ast::TemplateLiteral>(), dst);
      break;
    case Kind::kBigIntLiteral: {
      Constant c;
      c.kind = Constant::Kind::kBigInt;
      c.string = std::u16string(e->As<ast::BigIntLiteral>()->digits.view());
      out_->constants.push_back(std::move(c));
      b_.EmitLdConst(dst, static_cast<uint32_t>(out_->constants.size() - 1));
      break;
    }
    case Kind::kRegExpLiteral: {
      // The pattern and flags as two consecutive string constants.
      auto* r = e->As<ast::RegExpLiteral>();
      uint32_t k = static_cast<uint32_t>(out_->constants.size());
      for (const ast::Str* text : {&r->pattern, &r->flags}) {
        Constant c;
        c.kind = Constant::Kind::kString;
        c.string = std::u16string(text->view());
        out_->constants.push_back(std::move(c));
      }
      SetPos(e);
      b_.EmitNewRegExp(dst, k);
      break;
    }
    case Kind::kTaggedTemplate:
      TaggedTemplateExpr(e->As<TaggedTemplate>(), dst);
      break;
    case Kind::kIdentifier:
      LoadName(e->As<Identifier>(), dst);
      break;
    case Kind::kThis: {
      Variable* v = info_.Resolve(e);
      if (v != nullptr) {
        LoadVariable(v, e, dst);
      } else {
        b_.EmitLdThis(dst);
      }
      break;
    }
    case Kind::kNewTarget: {
      Variable* v = info_.Resolve(e);
      if (v != nullptr) {
        LoadVariable(v, e, dst);
      } else if (function_ == nullptr) {
        b_.EmitLdUndef(dst);
      } else {
        b_.EmitLdNewTarget(dst);
      }
      break;
    }
    case Kind::kArrayLiteral:
      GenArrayLiteral(e->As<ast::ArrayLiteral>(), dst);
      break;
    case Kind::kObjectLiteral:
      GenObjectLiteral(e->As<ast::ObjectLiteral>(), dst);
      break;
    case Kind::kFunction:
      FunctionExpr(e->As<Function>(), dst, {});
      break;
    case Kind::kClass:
      ClassExpr(e->As<Class>(), dst, {});
      break;
    case Kind::kUnary:
      UnaryExpr(e->As<Unary>(), dst);
      break;
    case Kind::kUpdate:
      UpdateExpr(e->As<Update>(), dst);
      break;
    case Kind::kBinary:
      BinaryExpr(e->As<Binary>(), dst);
      break;
    case Kind::kLogical:
      LogicalExpr(e->As<Logical>(), dst);
      break;
    case Kind::kAssign:
      AssignExpr(e->As<Assign>(), dst);
      break;
    case Kind::kConditional:
      ConditionalExpr(e->As<Conditional>(), dst);
      break;
    case Kind::kCall:
      CallExpr(e->As<Call>(), dst);
      break;
    case Kind::kNew:
      NewExpr(e->As<New>(), dst);
      break;
    case Kind::kMember:
      MemberExpr(e->As<Member>(), dst);
      break;
    case Kind::kOptionalChain: {
      Label end;
      optional_chain_.push_back(&end);
      Gen(e->As<OptionalChain>()->expression, dst);
      optional_chain_.pop_back();
      Label done;
      b_.EmitJump(Op::kJmp, {}, &done);
      b_.Bind(&end);
      b_.EmitLdUndef(dst);
      b_.Bind(&done);
      break;
    }
    case Kind::kSequence: {
      auto* s = e->As<Sequence>();
      for (uint32_t i = 0; i < s->expressions.size; ++i) {
        if (i + 1 == s->expressions.size) {
          Gen(s->expressions[i], dst);
        } else {
          RegScope rs(this);
          Gen(s->expressions[i], rs.Temp());
        }
      }
      break;
    }
    case Kind::kYield:
      YieldExpr(e->As<Yield>(), dst);
      break;
    case Kind::kImportMeta: {
      RegScope rs(this);
      uint32_t r = rs.Temp();
      b_.EmitLdReferrer(r);
      CallHelper(Helper::kImportMeta, dst, {r});
      break;
    }
    case Kind::kImportCall: {
      // 13.3.10.1 ImportCall evaluation: the specifier and options
      // expressions, then everything else in the helper (abrupt
      // completions reject the returned promise).
      auto* ic = e->As<ImportCall>();
      RegScope rs(this);
      uint32_t r = rs.Temp();
      uint32_t spec = rs.Temp();
      uint32_t opts = rs.Temp();
      uint32_t phase = rs.Temp();
      Gen(ic->source, spec);
      if (ic->options != nullptr) {
        Gen(ic->options, opts);
      } else {
        b_.EmitLdUndef(opts);
      }
      if (ic->source_phase) {
        b_.EmitLdTrue(phase);
      } else if (ic->defer_phase) {
        b_.EmitLdFalse(phase);
      } else {
        b_.EmitLdUndef(phase);
      }
      SetPos(e);
      b_.EmitLdReferrer(r);
      CallHelper(Helper::kDynamicImport, dst, {r, spec, opts, phase});
      break;
    }
    case Kind::kAwait: {
      RegScope rs(this);
      uint32_t v = GenAny(e->As<Await>()->argument, rs);
      EmitAwait(v, dst);
      break;
    }
    default:
      Fail("this expression is not supported yet", e);
      break;
  }
}

// ---- generators and async functions ----------------------------------------

void Generator::EmitSuspendAndDispatch(uint32_t src, uint32_t dst) {
  RegScope rs(this);
  uint32_t r = rs.Temps(2);  // resume value, resume mode
  b_.EmitSuspend(r, src, 0);
  Label next, throw_label;
  b_.EmitJump(Op::kJmpFalse, {r + 1}, &next);  // mode 0: next
  uint32_t k = rs.Temp();
  b_.EmitLdInt(k, 1);
  b_.EmitJump(Op::kJmpStrictEq, {r + 1, k}, &throw_label);
  EmitReturn(r);  // mode 2: return, through any finally blocks
  b_.Bind(&throw_label);
  b_.EmitThrow(r);
  b_.Bind(&next);
  b_.EmitMov(dst, r);
}

void Generator::EmitAwait(uint32_t value, uint32_t dst) {
  RegScope rs(this);
  uint32_t t = rs.Temp();
  CallHelper(Helper::kAsyncAwait, t, {value, gen_reg_});
  uint32_t r = rs.Temps(2);
  // Async functions hand their promise to whoever resumed them (the first
  // time, the caller); async generators return nothing that is used.
  b_.EmitSuspend(r, promise_reg_ != UINT32_MAX ? promise_reg_ : gen_reg_, 1);
  Label ok;
  b_.EmitJump(Op::kJmpFalse, {r + 1}, &ok);  // mode 0: fulfilled
  b_.EmitThrow(r);                            // mode 1: rejected
  b_.Bind(&ok);
  b_.EmitMov(dst, r);
}

// 15.5.5 YieldExpression evaluation (sync generators).
void Generator::YieldExpr(Yield* e, uint32_t dst) {
  if (e->delegate) {
    YieldDelegate(e, dst);
    return;
  }
  RegScope rs(this);
  uint32_t v = rs.Temp();
  if (e->argument != nullptr) {
    Gen(e->argument, v);
  } else {
    b_.EmitLdUndef(v);
  }
  SetPos(e);
  if (function_->is_async) {
    AsyncGeneratorYield(v, dst);
    return;
  }
  uint32_t res = rs.Temp();
  b_.EmitIterResult(res, v, 0);
  EmitSuspendAndDispatch(res, dst);
}

// 27.6.3.8 AsyncGeneratorYield steps 9-12 for R[value]: settle the current
// request, then take the next queued request without suspending, or
// suspend. Leaves the resumption in R[r] (value) and R[r+1] (mode).
void Generator::EmitAsyncGeneratorYieldStep(uint32_t value, uint32_t r) {
  RegScope rs(this);
  uint32_t info = rs.Temp();
  uint32_t k = rs.Temp();
  CallHelper(Helper::kAsyncGeneratorYield, info, {gen_reg_, value});
  Label suspend, resumed;
  b_.EmitJump(Op::kJmpUndefined, {info}, &suspend);
  b_.EmitLdInt(k, 0);
  b_.EmitGetKeyed(r + 1, info, k);
  b_.EmitLdInt(k, 1);
  b_.EmitGetKeyed(r, info, k);
  b_.EmitJump(Op::kJmp, {}, &resumed);
  b_.Bind(&suspend);
  b_.EmitSuspend(r, info, 0);
  b_.Bind(&resumed);
}

// 27.6.3.8 AsyncGeneratorYield: await the operand, settle the current
// request, and suspend unless another request is already queued.
void Generator::AsyncGeneratorYield(uint32_t value, uint32_t dst) {
  RegScope rs(this);
  uint32_t v = rs.Temp();
  EmitAwait(value, v);
  uint32_t r = rs.Temps(2);  // resume value, resume mode
  uint32_t k = rs.Temp();
  EmitAsyncGeneratorYieldStep(v, r);
  Label next, throw_label;
  b_.EmitJump(Op::kJmpFalse, {r + 1}, &next);
  b_.EmitLdInt(k, 1);
  b_.EmitJump(Op::kJmpStrictEq, {r + 1, k}, &throw_label);
  // 27.6.3.7 AsyncGeneratorUnwrapYieldResumption: a return is awaited first.
  EmitAwait(r, r);
  EmitReturn(r);
  b_.Bind(&throw_label);
  b_.EmitThrow(r);
  b_.Bind(&next);
  b_.EmitMov(dst, r);
}

// yield* (15.5.5, sync generators): the inner iterator's results are
// handed to the caller as they are; throw and return are forwarded.
void Generator::YieldDelegate(Yield* e, uint32_t dst) {
  const bool is_async = function_->is_async;
  RegScope rs(this);
  uint32_t obj = GenAny(e->argument, rs);
  uint32_t iter = rs.Temp();
  uint32_t next_fn = rs.Temp();
  uint32_t res = rs.Temp();
  uint32_t method = rs.Temp();
  uint32_t k = rs.Temp();
  uint32_t argv = rs.Temp();
  uint32_t r = rs.Temps(2);  // received value, resume mode
  SetPos(e);
  if (is_async) {
    CallHelper(Helper::kGetAsyncIterator, iter, {obj});
  } else {
    b_.EmitGetIterator(iter, obj);
  }
  b_.EmitGetNamed(next_fn, iter, StringConst(u"next"), NewIc());
  b_.EmitLdUndef(r);
  b_.EmitLdInt(r + 1, 0);
  Label loop, do_next, do_throw, do_call, finish;
  b_.Bind(&loop);
  b_.EmitJump(Op::kJmpFalse, {r + 1}, &do_next);
  b_.EmitLdInt(k, 1);
  b_.EmitJump(Op::kJmpStrictEq, {r + 1, k}, &do_throw);
  // Return: forward to iterator.return, or return ourselves.
  {
    b_.EmitGetNamed(method, iter, StringConst(u"return"), NewIc());
    Label has_return;
    b_.EmitJump(Op::kJmpNotNullish, {method}, &has_return);
    if (is_async) EmitAwait(r, r);
    EmitReturn(r);
    b_.Bind(&has_return);
    b_.EmitJump(Op::kJmp, {}, &do_call);
  }
  // Throw: forward to iterator.throw; without one, close it and fail.
  b_.Bind(&do_throw);
  {
    b_.EmitGetNamed(method, iter, StringConst(u"throw"), NewIc());
    b_.EmitJump(Op::kJmpNotNullish, {method}, &do_call);
    if (is_async) {
      // AsyncIteratorClose: the result of return() is awaited.
      Label no_return;
      b_.EmitGetNamed(method, iter, StringConst(u"return"), NewIc());
      b_.EmitJump(Op::kJmpNullish, {method}, &no_return);
      b_.EmitCall(res, method, iter, argv, 0);
      EmitAwait(res, res);
      b_.EmitThrowIfNotObject(res, StringConst(u"iterator.return() did not return an object"));
      b_.Bind(&no_return);
    } else {
      CallHelper(Helper::kIteratorClose, k, {iter});
    }
    b_.EmitThrowError(0, StringConst(u"The iterator does not provide a 'throw' method"));
  }
  b_.Bind(&do_next);
  b_.EmitMov(method, next_fn);
  b_.Bind(&do_call);
  b_.EmitMov(argv, r);
  b_.EmitCall(res, method, iter, argv, 1);
  if (is_async) EmitAwait(res, res);
  b_.EmitThrowIfNotObject(res, StringConst(u"Iterator result is not an object"));
  b_.EmitGetNamed(k, res, StringConst(u"done"), NewIc());
  b_.EmitJump(Op::kJmpTrue, {k}, &finish);
  if (is_async) {
    // AsyncGeneratorYield(IteratorValue(innerResult)) without another await.
    uint32_t value = rs.Temp();
    b_.EmitGetNamed(value, res, StringConst(u"value"), NewIc());
    EmitAsyncGeneratorYieldStep(value, r);
    // AsyncGeneratorUnwrapYieldResumption: a return value is awaited.
    Label is_ret, not_return;
    b_.EmitLdInt(k, 2);
    b_.EmitJump(Op::kJmpStrictEq, {r + 1, k}, &is_ret);
    b_.EmitJump(Op::kJmp, {}, &not_return);
    b_.Bind(&is_ret);
    EmitAwait(r, r);
    b_.Bind(&not_return);
  } else {
    b_.EmitSuspend(r, res, 0);
  }
  b_.EmitJump(Op::kJmp, {}, &loop);
  b_.Bind(&finish);
  b_.EmitGetNamed(dst, res, StringConst(u"value"), NewIc());
  // A forwarded return that completed returns from this generator too.
  Label is_return, done;
  b_.EmitLdInt(k, 2);
  b_.EmitJump(Op::kJmpStrictEq, {r + 1, k}, &is_return);
  b_.EmitJump(Op::kJmp, {}, &done);
  b_.Bind(&is_return);
  if (is_async) EmitAwait(dst, dst);
  EmitReturn(dst);
  b_.Bind(&done);
}

void Generator::GenLiteral(Node* e, uint32_t dst) {
  switch (e->kind) {
    case Kind::kNumberLiteral: {
      double d = e->As<NumberLiteral>()->value;
      if (d >= -2147483648.0 && d <= 2147483647.0 && static_cast<double>(static_cast<int32_t>(d)) == d &&
          !(d == 0 && std::signbit(d))) {
        b_.EmitLdInt(dst, static_cast<int32_t>(d));
      } else {
        b_.EmitLdConst(dst, NumberConst(d));
      }
      break;
    }
    case Kind::kStringLiteral:
      b_.EmitLdConst(dst, StringConst(e->As<StringLiteral>()->value.view()));
      break;
    case Kind::kNullLiteral:
      b_.EmitLdNull(dst);
      break;
    case Kind::kBooleanLiteral:
      if (e->As<BooleanLiteral>()->value) {
        b_.EmitLdTrue(dst);
      } else {
        b_.EmitLdFalse(dst);
      }
      break;
    default:
      break;
  }
}

void Generator::GenTemplateLiteral(ast::TemplateLiteral* e, uint32_t dst) {
  b_.EmitLdConst(dst, StringConst(e->quasis[0].cooked.view()));
  RegScope rs(this);
  uint32_t t = rs.Temp();
  for (uint32_t i = 0; i < e->expressions.size; ++i) {
    Gen(e->expressions[i], t);
    SetPos(e->expressions[i]);
    b_.EmitToString(t, t);
    b_.EmitAdd(dst, dst, t);
    const auto& q = e->quasis[i + 1];
    if (!q.cooked.empty()) {
      b_.EmitLdConst(t, StringConst(q.cooked.view()));
      b_.EmitAdd(dst, dst, t);
    }
  }
}

void Generator::GenArrayLiteral(ast::ArrayLiteral* e, uint32_t dst) {
  RegScope rs(this);
  uint32_t arr = rs.Temp();
  b_.EmitNewArray(arr, e->elements.size);
  uint32_t t = rs.Temp();
  for (Node* el : e->elements) {
    if (el->Is<Hole>()) {
      b_.EmitArrayHole(arr);
    } else if (auto* sp = el->As<Spread>()) {
      Gen(sp->argument, t);
      SetPos(sp);
      CallHelper(Helper::kIterableToArray, t, {t});
      b_.EmitArraySpread(arr, t);
    } else {
      Gen(el, t);
      b_.EmitArrayPush(arr, t);
    }
  }
  b_.EmitMov(dst, arr);
}

void Generator::PropertyKeyToReg(Node* key, bool computed, uint32_t dst) {
  if (computed) {
    Gen(key, dst);
    b_.EmitToPropertyKey(dst, dst);
    return;
  }
  if (auto* id = key->As<Identifier>()) {
    b_.EmitLdConst(dst, StringConst(id->name.view()));
  } else if (auto* s = key->As<StringLiteral>()) {
    b_.EmitLdConst(dst, StringConst(s->value.view()));
  } else if (key->Is<NumberLiteral>()) {
    GenLiteral(key, dst);
  } else if (auto* b = key->As<BigIntLiteral>()) {
    b_.EmitLdConst(dst, StringConst(b->digits.view()));
  } else {
    Fail("this property key is not supported yet", key);
  }
}

void Generator::GenObjectLiteral(ast::ObjectLiteral* e, uint32_t dst) {
  RegScope rs(this);
  uint32_t obj = rs.Temp();
  b_.EmitNewObject(obj);
  uint32_t key = rs.Temp();
  uint32_t val = rs.Temp();
  for (auto& p : e->properties) {
    switch (p.kind) {
      case PropertyKind::kSpread:
        Gen(p.value, val);
        CallHelper(Helper::kCopyDataProperties, val, {obj, val});
        break;
      case PropertyKind::kProto:
        Gen(p.value, val);
        b_.EmitSetProto(obj, val);
        break;
      case PropertyKind::kInit: {
        std::u16string_view name;
        if (!p.computed) {
          if (auto* id = p.key->As<Identifier>()) name = id->name.view();
          if (auto* s = p.key->As<StringLiteral>()) name = s->value.view();
        }
        if (auto* fn = p.value->As<Function>()) {
          FunctionExpr(fn, val, name);
        } else if (auto* cl = p.value->As<Class>()) {
          ClassExpr(cl, val, name);
        } else {
          Gen(p.value, val);
        }
        if (!p.computed && (p.key->Is<Identifier>() || p.key->Is<StringLiteral>())) {
          // Array-index-like names go through the keyed path (index keys).
          std::u16string_view n = name;
          bool numeric = !n.empty() && n.size() <= 10;
          for (char16_t c : n) numeric &= c >= '0' && c <= '9';
          if (!numeric) {
            b_.EmitDefineNamed(obj, StringConst(n), val, NewIc());
            break;
          }
        }
        PropertyKeyToReg(p.key, p.computed, key);
        b_.EmitDefineKeyed(obj, key, val);
        break;
      }
      case PropertyKind::kMethod:
      case PropertyKind::kGetter:
      case PropertyKind::kSetter: {
        PropertyKeyToReg(p.key, p.computed, key);
        auto* fn = p.value->As<Function>();
        std::u16string_view name;
        if (!p.computed) {
          if (auto* id = p.key->As<Identifier>()) name = id->name.view();
          if (auto* s = p.key->As<StringLiteral>()) name = s->value.view();
        }
        std::u16string full(name);
        if (p.kind == PropertyKind::kGetter) full = u"get " + full;
        if (p.kind == PropertyKind::kSetter) full = u"set " + full;
        CodeKind kind = p.kind == PropertyKind::kMethod   ? CodeKind::kMethod
                        : p.kind == PropertyKind::kGetter ? CodeKind::kGetter
                                                          : CodeKind::kSetter;
        uint32_t k = CompileNestedFunction(fn, kind, full);
        if (failed_) return;
        b_.EmitCreateClosure(val, k);
        b_.EmitSetHome(val, obj);
        if (p.kind == PropertyKind::kMethod) {
          b_.EmitDefineKeyed(obj, key, val);
        } else {
          b_.EmitDefineAccessor(obj, key, val, p.kind == PropertyKind::kGetter ? 0 : 1);
        }
        break;
      }
    }
  }
  b_.EmitMov(dst, obj);
}

void Generator::GenNamed(Node* e, uint32_t dst, std::u16string_view name) {
  if (auto* fn = e->As<Function>()) {
    FunctionExpr(fn, dst, name);
  } else if (auto* cl = e->As<Class>()) {
    ClassExpr(cl, dst, name);
  } else {
    Gen(e, dst);
  }
}

void Generator::FunctionExpr(Function* f, uint32_t dst, std::u16string_view inferred_name) {
  CodeKind kind = f->function_kind == FunctionKind::kArrow ? CodeKind::kArrow : CodeKind::kFunction;
  uint32_t k = CompileNestedFunction(f, kind, inferred_name);
  if (failed_) return;
  b_.EmitCreateClosure(dst, k);
}

void Generator::UnaryExpr(Unary* e, uint32_t dst) {
  RegScope rs(this);
  switch (e->op) {
    case UnaryOp::kTypeof: {
      if (auto* id = e->argument->As<Identifier>()) {
        auto static_typeof = [&] {
          if (info_.Resolve(id) == nullptr) {
            b_.EmitLdGlobalOrUndef(dst, StringConst(id->name.view()));
          } else {
            LoadNameStatic(id, dst);
          }
          b_.EmitTypeOf(dst, dst);
        };
        if (!WithLookup(
                id,
                [&](uint32_t obj, uint32_t name) {
                  WithGetBinding(obj, name, dst);
                  b_.EmitTypeOf(dst, dst);
                },
                static_typeof)) {
          static_typeof();
        }
        return;
      }
      uint32_t v = GenAny(e->argument, rs);
      b_.EmitTypeOf(dst, v);
      return;
    }
    case UnaryOp::kDelete: {
      Node* arg = e->argument;
      if (auto* m = arg->As<Member>(); m != nullptr && m->object->Is<Super>()) {
        // 13.5.1.2 step 5.a: a super reference cannot be deleted (after
        // this is checked and the key evaluated).
        MemberRef r;
        PrepareMember(m, &r, rs, false);
        SetPos(e);
        b_.EmitThrowError(1 /* ReferenceError */,
                          StringConst(u"Unsupported reference to 'super'"));
        return;
      }
      if (auto* m = arg->As<Member>(); m != nullptr) {
        if (m->property->Is<PrivateName>()) {
          Fail("Private fields can not be deleted", e);
          return;
        }
        uint32_t obj = rs.Temp();
        Gen(m->object, obj);
        uint32_t key = rs.Temp();
        if (m->computed) {
          Gen(m->property, key);
        } else {
          b_.EmitLdConst(key, StringConst(m->property->As<Identifier>()->name.view()));
        }
        SetPos(e);
        b_.EmitDeleteKeyed(dst, obj, key);
        return;
      }
      if (auto* id = arg->As<Identifier>()) {
        if (info_.WithObjects(id) != nullptr) {
          // A with object's property is deleted; otherwise the binding
          // (never deletable here) or the global property.
          WithLookup(
              id,
              [&](uint32_t obj, uint32_t name) { b_.EmitDeleteKeyed(dst, obj, name); },
              [&] {
                if (info_.Resolve(id) != nullptr) {
                  b_.EmitLdFalse(dst);
                } else {
                  RegScope inner(this);
                  uint32_t key = inner.Temp();
                  b_.EmitLdConst(key, StringConst(id->name.view()));
                  CallHelper(Helper::kDeleteGlobalBinding, dst, {key});
                }
              });
          return;
        }
        if (info_.Resolve(id) != nullptr) {
          b_.EmitLdFalse(dst);
          return;
        }
        // delete of a global binding: the global environment's DeleteBinding.
        uint32_t key = rs.Temp();
        b_.EmitLdConst(key, StringConst(id->name.view()));
        SetPos(e);
        CallHelper(Helper::kDeleteGlobalBinding, dst, {key});
        return;
      }
      uint32_t t = rs.Temp();
      Gen(arg, t);
      b_.EmitLdTrue(dst);
      return;
    }
    case UnaryOp::kVoid: {
      uint32_t t = rs.Temp();
      Gen(e->argument, t);
      b_.EmitLdUndef(dst);
      return;
    }
    case UnaryOp::kNot: {
      uint32_t v = GenAny(e->argument, rs);
      b_.EmitNot(dst, v);
      return;
    }
    case UnaryOp::kMinus: {
      uint32_t v = GenAny(e->argument, rs);
      SetPos(e);
      b_.EmitNeg(dst, v);
      return;
    }
    case UnaryOp::kPlus: {
      uint32_t v = GenAny(e->argument, rs);
      SetPos(e);
      b_.EmitToNumber(dst, v);
      return;
    }
    case UnaryOp::kBitNot: {
      uint32_t v = GenAny(e->argument, rs);
      SetPos(e);
      b_.EmitBitNot(dst, v);
      return;
    }
  }
}

void Generator::EmitBinaryOp(ast::BinaryOp op, uint32_t dst, uint32_t l, uint32_t r) {
  switch (op) {
    case BinaryOp::kAdd: b_.EmitAdd(dst, l, r); break;
    case BinaryOp::kSub: b_.EmitSub(dst, l, r); break;
    case BinaryOp::kMul: b_.EmitMul(dst, l, r); break;
    case BinaryOp::kDiv: b_.EmitDiv(dst, l, r); break;
    case BinaryOp::kMod: b_.EmitMod(dst, l, r); break;
    case BinaryOp::kExp: b_.EmitExp(dst, l, r); break;
    case BinaryOp::kShl: b_.EmitShl(dst, l, r); break;
    case BinaryOp::kSar: b_.EmitSar(dst, l, r); break;
    case BinaryOp::kShr: b_.EmitShr(dst, l, r); break;
    case BinaryOp::kBitAnd: b_.EmitBitAnd(dst, l, r); break;
    case BinaryOp::kBitOr: b_.EmitBitOr(dst, l, r); break;
    case BinaryOp::kBitXor: b_.EmitBitXor(dst, l, r); break;
    case BinaryOp::kEq: b_.EmitEq(dst, l, r); break;
    case BinaryOp::kNe: b_.EmitNe(dst, l, r); break;
    case BinaryOp::kStrictEq: b_.EmitStrictEq(dst, l, r); break;
    case BinaryOp::kStrictNe: b_.EmitStrictNe(dst, l, r); break;
    case BinaryOp::kLt: b_.EmitLt(dst, l, r); break;
    case BinaryOp::kGt: b_.EmitGt(dst, l, r); break;
    case BinaryOp::kLe: b_.EmitLe(dst, l, r); break;
    case BinaryOp::kGe: b_.EmitGe(dst, l, r); break;
    case BinaryOp::kIn: b_.EmitIn(dst, l, r); break;
    case BinaryOp::kInstanceof: b_.EmitInstanceOf(dst, l, r); break;
  }
}

void Generator::BinaryExpr(Binary* e, uint32_t dst) {
  // Left-deep chains (a + b + c + ...) are iterated, not recursed.
  RegScope rs(this);
  if (auto* pn = e->left->As<PrivateName>()) {
    // 13.10.1 `#x in o`: a brand check, no [[HasProperty]].
    uint32_t obj = GenAny(e->right, rs);
    uint32_t key = rs.Temp();
    LoadVariable(info_.Resolve(pn), nullptr, key);
    SetPos(e);
    b_.EmitHasPrivate(dst, obj, key);
    return;
  }
  std::vector<Binary*> chain;
  Node* leftmost = e;
  while (auto* b = leftmost->As<Binary>()) {
    if (b->left->Is<PrivateName>()) break;  // `#x in o` starts the chain
    chain.push_back(b);
    leftmost = b->left;
  }
  if (chain.size() == 1 && IsSimple(e->right)) {
    // A single operator whose right side cannot change the left: read the
    // left operand in place (a variable's own register).
    uint32_t l = GenAny(leftmost, rs);
    SetPos(e);
    if (EmitImmediateOp(e->op, dst, l, e->right)) return;
    uint32_t r = GenAny(e->right, rs);
    SetPos(e);
    EmitBinaryOp(e->op, dst, l, r);
    return;
  }
  uint32_t acc = rs.Temp();
  // The innermost operator reads a variable operand in place when its right
  // side leaves the variable alone.
  uint32_t first_left = acc;
  auto* left_id = leftmost->As<Identifier>();
  if (left_id != nullptr && WritesNothing(chain.back()->right)) {
    first_left = GenAny(leftmost, rs);
  } else {
    Gen(leftmost, acc);
  }
  for (size_t i = chain.size(); i-- > 0;) {
    Binary* b = chain[i];
    RegScope inner(this);
    uint32_t left = i == chain.size() - 1 ? first_left : acc;
    SetPos(b);
    if (EmitImmediateOp(b->op, i == 0 ? dst : acc, left, b->right)) continue;
    uint32_t r = GenAny(b->right, inner);
    SetPos(b);
    EmitBinaryOp(b->op, i == 0 ? dst : acc, left, r);
  }
}

void Generator::LogicalExpr(Logical* e, uint32_t dst) {
  // a || b || c ...: iterate the left spine; each link short-circuits to end.
  std::vector<Logical*> chain;
  Node* leftmost = e;
  while (auto* l = leftmost->As<Logical>()) {
    chain.push_back(l);
    leftmost = l->left;
  }
  RegScope rs(this);
  uint32_t t = rs.Temp();
  Gen(leftmost, t);
  for (size_t i = chain.size(); i-- > 0;) {
    Logical* l = chain[i];
    Label skip;
    switch (l->op) {
      case LogicalOp::kAnd: b_.EmitJump(Op::kJmpFalse, {t}, &skip); break;
      case LogicalOp::kOr: b_.EmitJump(Op::kJmpTrue, {t}, &skip); break;
      case LogicalOp::kNullish: b_.EmitJump(Op::kJmpNotNullish, {t}, &skip); break;
    }
    Gen(l->right, t);
    b_.Bind(&skip);
  }
  b_.EmitMov(dst, t);
}

void Generator::ConditionalExpr(Conditional* e, uint32_t dst) {
  Label else_label, end;
  JumpIfFalse(e->test, &else_label);
  Gen(e->consequent, dst);
  b_.EmitJump(Op::kJmp, {}, &end);
  b_.Bind(&else_label);
  Gen(e->alternate, dst);
  b_.Bind(&end);
}

void Generator::MemberExpr(Member* e, uint32_t dst) {
  RegScope rs(this);
  if (e->object->Is<Super>() || e->property->Is<PrivateName>()) {
    MemberRef r;
    PrepareMember(e, &r, rs, false);
    SetPos(e);
    LoadMember(r, dst);
    return;
  }
  auto* obj_id = e->object->As<Identifier>();
  bool in_place = !e->computed || IsSimple(e->property) ||
                  (obj_id != nullptr && WritesNothing(e->property));
  uint32_t obj;
  if (in_place) {
    obj = GenAny(e->object, rs);
  } else {
    obj = rs.Temp();
    Gen(e->object, obj);
  }
  if (e->optional) b_.EmitJump(Op::kJmpNullish, {obj}, optional_chain_.back());
  if (e->computed) {
    uint32_t key = GenAny(e->property, rs);
    SetPos(e);
    b_.EmitGetKeyed(dst, obj, key);
  } else {
    SetPos(e);
    b_.EmitGetNamed(dst, obj, StringConst(e->property->As<Identifier>()->name.view()), NewIc());
  }
}

bool Generator::Arguments(const List<ast::Expr*>& args, uint32_t* argv, uint32_t* argc, RegScope& rs) {
  bool spread = false;
  for (Node* a : args) spread |= a->Is<Spread>();
  if (!spread) {
    *argc = args.size;
    *argv = rs.Temps(args.size == 0 ? 1 : args.size);
    for (uint32_t i = 0; i < args.size; ++i) Gen(args[i], *argv + i);
    return false;
  }
  uint32_t arr = rs.Temp();
  b_.EmitNewArray(arr, args.size);
  uint32_t t = rs.Temp();
  for (Node* a : args) {
    if (auto* sp = a->As<Spread>()) {
      Gen(sp->argument, t);
      SetPos(sp);
      CallHelper(Helper::kIterableToArray, t, {t});
      b_.EmitArraySpread(arr, t);
    } else {
      Gen(a, t);
      b_.EmitArrayPush(arr, t);
    }
  }
  *argv = arr;
  *argc = 0;
  return true;
}

void Generator::CallExpr(Call* e, uint32_t dst) {
  RegScope rs(this);
  if (e->callee->Is<Super>()) {
    uint32_t argv, argc;
    if (!Arguments(e->arguments, &argv, &argc, rs)) {
      // SuperCall takes an array.
      uint32_t arr = rs.Temp();
      b_.EmitNewArray(arr, argc);
      for (uint32_t i = 0; i < argc; ++i) b_.EmitArrayPush(arr, argv + i);
      argv = arr;
    }
    // The active constructor and new.target: from this frame, or from the
    // constructor's when super() is in an arrow function.
    uint32_t fn = rs.Temps(2);
    if (Variable* fv = info_.Aux(e, AuxSlot::kSuperFunction)) {
      LoadVariable(fv, nullptr, fn);
    } else {
      b_.EmitLdCallee(fn);
    }
    if (Variable* nv = info_.Aux(e, AuxSlot::kSuperNewTarget)) {
      LoadVariable(nv, nullptr, fn + 1);
    } else {
      b_.EmitLdNewTarget(fn + 1);
    }
    SetPos(e);
    b_.EmitSuperCall(dst, argv, fn);
    // 13.3.7.1 steps 7-11: bind this (once), then initialize the fields.
    Variable* this_var = info_.Resolve(e->callee);
    if (this_var != nullptr) {
      uint32_t cur = this_var->index;
      if (this_var->in_env) {
        cur = rs.Temp();
        b_.EmitLdEnv(cur, EnvDepthTo(this_var->scope), this_var->index);
      }
      b_.EmitCheckThisUninit(cur);
      StoreVariable(this_var, nullptr, dst, true);
    }
    uint32_t init = rs.Temp();
    Label no_fields;
    b_.EmitLdFields(init, fn);
    b_.EmitJump(Op::kJmpUndefined, {init}, &no_fields);
    b_.EmitCall(init, init, dst, dst, 0);
    b_.Bind(&no_fields);
    return;
  }
  if (options_.self_hosted && e->arguments.size == 1) {
    // hostWait(id): the HostWait instruction (runtime/selfhost/core.js).
    if (auto* id = e->callee->As<Identifier>(); id != nullptr && id->name == u"hostWait") {
      uint32_t arg = GenAny(e->arguments[0], rs);
      b_.EmitHostWait(dst, arg);
      return;
    }
  }
  uint32_t callee = rs.Temp();
  uint32_t self = rs.Temp();
  bool this_undefined = false;  // a plain call: CallUndef
  Node* c = e->callee;
  if (auto* m = c->As<Member>()) {
    if (m->object->Is<Super>() || m->property->Is<PrivateName>()) {
      MemberRef r;
      PrepareMember(m, &r, rs, false);
      SetPos(m);
      LoadMember(r, callee);
      b_.EmitMov(self, r.obj);  // super.m(): this; o.#m(): o
    } else {
      bool args_write = m->computed && !WritesNothing(m->property);
      for (Node* a : e->arguments) args_write |= !WritesNothing(a);
      if (m->object->Is<Identifier>() && !args_write) {
        self = GenAny(m->object, rs);  // nothing before the call can assign it
      } else {
        Gen(m->object, self);
      }
      if (m->optional) b_.EmitJump(Op::kJmpNullish, {self}, optional_chain_.back());
      if (m->computed) {
        uint32_t key = GenAny(m->property, rs);
        SetPos(m);
        b_.EmitGetKeyed(callee, self, key);
      } else {
        SetPos(m);
        b_.EmitGetNamed(callee, self, StringConst(m->property->As<Identifier>()->name.view()), NewIc());
      }
    }
  } else if (auto* cid = c->As<Identifier>(); cid != nullptr && info_.WithObjects(cid) != nullptr) {
    // A call through a with object's property has the object as this.
    WithLookup(
        cid,
        [&](uint32_t obj, uint32_t name) {
          WithGetBinding(obj, name, callee);
          if (with_found_eval_vars_) {
            b_.EmitLdUndef(self);
          } else {
            b_.EmitMov(self, obj);
          }
        },
        [&] {
          LoadNameStatic(cid, callee);
          b_.EmitLdUndef(self);
        });
  } else {
    bool args_write = false;
    for (Node* a : e->arguments) args_write |= !WritesNothing(a);
    if (c->Is<Identifier>() && !args_write) {
      callee = GenAny(c, rs);  // nothing before the call can assign it
    } else {
      Gen(c, callee);
    }
    this_undefined = true;
  }
  if (e->optional) b_.EmitJump(Op::kJmpNullish, {callee}, optional_chain_.back());
  uint32_t argv, argc;
  bool spread = Arguments(e->arguments, &argv, &argc, rs);
  SetPos(e);
  auto* id = c->As<Identifier>();
  if (id != nullptr && id->name == u"eval" && !spread && !e->optional) {
    // 13.3.6.1: a direct eval when the callee turns out to be %eval%.
    // Global code hands over nothing; elsewhere the code gets a
    // description of the environments it sees (blocks without bindings
    // between the call and the script add nothing).
    bool global_position = is_script_ && function_ == nullptr && options_.outer == nullptr;
    for (Scope* s = scope_; global_position && s != nullptr && s != info_.script_scope(); s = s->parent) {
      if (s->type != ScopeType::kBlock || !s->vars.empty()) global_position = false;
    }
    if (global_position && options_.eval) {
      for (Variable* v : info_.script_scope()->vars) {
        if (v->kind != BindingKind::kThis && v->kind != BindingKind::kNewTarget) global_position = false;
      }
    }
    // The context the eval code's early errors depend on.
    int32_t flags = (out_->strict ? 1 : 0) | (global_position ? 2 : 0);
    for (Generator* g = this; g != nullptr; g = g->parent_) {
      const Function* f = g->function_;
      if (f == nullptr) break;
      if (f->function_kind == FunctionKind::kArrow) continue;
      flags |= 4;  // new.target
      switch (f->function_kind) {
        case FunctionKind::kDerivedConstructor:
          flags |= 16;  // super()
          [[fallthrough]];
        case FunctionKind::kMethod:
        case FunctionKind::kGetter:
        case FunctionKind::kSetter:
        case FunctionKind::kClassConstructor:
          flags |= 8;  // super.x
          break;
        case FunctionKind::kClassFieldInit:
        case FunctionKind::kClassStaticBlock:
          flags |= 8 | 32;  // super.x; `arguments` is an early error
          break;
        default:
          break;
      }
      break;
    }
    if (!global_position) {
      uint32_t k = StringConst(SerializeScopeChain(scope_, options_.eval ? info_.script_scope() : nullptr,
                                                   info_.IsParamEval(e)));
      flags |= 128 | static_cast<int32_t>(k << 8);
    }
    b_.EmitCallEval(dst, callee, argv, argc, flags);
    return;
  }
  if (spread) {
    if (this_undefined) b_.EmitLdUndef(self);
    b_.EmitCallSpread(dst, callee, self, argv);
  } else if (this_undefined) {
    b_.EmitCallUndef(dst, callee, argv, argc);
  } else {
    b_.EmitCall(dst, callee, self, argv, argc);
  }
}

void Generator::NewExpr(New* e, uint32_t dst) {
  RegScope rs(this);
  uint32_t callee = rs.Temp();
  Gen(e->callee, callee);
  uint32_t argv, argc;
  bool spread = Arguments(e->arguments, &argv, &argc, rs);
  SetPos(e);
  if (spread) {
    b_.EmitNewSpread(dst, callee, argv);
  } else {
    b_.EmitNew(dst, callee, argv, argc);
  }
}

void Generator::UpdateExpr(Update* e, uint32_t dst) {
  RegScope rs(this);
  // to := ToNumeric(from) ± 1 (from keeps the numeric old value, unless
  // it is `to`: Inc and Dec convert their operand themselves).
  auto step = [&](uint32_t to, uint32_t from) {
    SetPos(e);
    if (to != from) b_.EmitToNumeric(from, from);
    if (e->op == UpdateOp::kIncrement) {
      b_.EmitInc(to, from);
    } else {
      b_.EmitDec(to, from);
    }
  };
  if (auto* id = e->argument->As<Identifier>(); id != nullptr && (dst == kNoDst || e->prefix)) {
    // A register variable whose old value is not needed: in place.
    if (uint32_t reg = WritableRegister(id); reg != kNoDst) {
      step(reg, reg);
      if (dst != kNoDst) b_.EmitMov(dst, reg);
      return;
    }
  }
  uint32_t old_value = rs.Temp();
  uint32_t new_value = rs.Temp();
  auto compute = [&] { step(new_value, old_value); };
  if (auto* id = e->argument->As<Identifier>()) {
    LoadName(id, old_value);
    compute();
    StoreName(id, new_value, false);
  } else if (auto* m = e->argument->As<Member>()) {
    MemberRef r;
    PrepareMember(m, &r, rs, true, true, nullptr);
    SetPos(m);
    LoadMember(r, old_value);
    compute();
    StoreMember(r, new_value);
  } else {
    Fail("Invalid left-hand side expression in update operation", e);
    return;
  }
  if (dst != kNoDst) b_.EmitMov(dst, e->prefix ? new_value : old_value);
}

void Generator::AssignExpr(Assign* e, uint32_t dst) {
  RegScope rs(this);
  Node* target = e->target;
  if (e->op == AssignOp::kAssign) {
    if (auto* id = target->As<Identifier>(); id != nullptr && info_.WithObjects(id) != nullptr) {
      // 13.15.2 step 1.a: the reference is resolved before the value is
      // evaluated (which may add or remove bindings).
      uint32_t ref = rs.Temp();
      ResolveWithRef(id, ref);
      uint32_t v = rs.Temp();
      GenNamed(e->value, v, id->name.view());
      StoreWithRef(id, ref, v);
      if (dst != kNoDst) b_.EmitMov(dst, v);
      return;
    }
    if (auto* id = target->As<Identifier>()) {
      // x = a op b into a register variable: the operator writes the
      // variable once, at the end.
      if (uint32_t reg = WritableRegister(id); reg != kNoDst && e->value->Is<Binary>()) {
        Gen(e->value, reg);
        if (dst != kNoDst) b_.EmitMov(dst, reg);
        return;
      }
      uint32_t v = rs.Temp();
      if (auto* fn = e->value->As<Function>()) {
        FunctionExpr(fn, v, id->name.view());
      } else if (auto* cl = e->value->As<Class>()) {
        ClassExpr(cl, v, id->name.view());
      } else {
        Gen(e->value, v);
      }
      StoreName(id, v, false);
      if (dst != kNoDst) b_.EmitMov(dst, v);
      return;
    }
    if (auto* m = target->As<Member>()) {
      if (IsSimple(e->value) && !m->optional && !m->object->Is<Super>() && !m->property->Is<PrivateName>() &&
          (!m->computed || IsSimple(m->property))) {
        // Neither the key nor the value can observe anything: everything is
        // read in place, and the key converts when the store runs.
        MemberRef r;
        r.obj = GenAny(m->object, rs);
        if (m->computed) {
          r.kind = MemberRef::kKeyed;
          r.key = GenAny(m->property, rs);
        } else {
          r.name = StringConst(m->property->As<Identifier>()->name.view());
        }
        uint32_t v = GenAny(e->value, rs);
        SetPos(e);
        StoreMember(r, v);
        if (dst != kNoDst) b_.EmitMov(dst, v);
        return;
      }
      MemberRef r;
      PrepareMember(m, &r, rs, true, true, e->value);
      uint32_t v = rs.Temp();
      Gen(e->value, v);
      SetPos(e);
      StoreMember(r, v);
      if (dst != kNoDst) b_.EmitMov(dst, v);
      return;
    }
    // Destructuring assignment.
    uint32_t v = rs.Temp();
    Gen(e->value, v);
    BindPattern(target, v, false, false);
    if (dst != kNoDst) b_.EmitMov(dst, v);
    return;
  }
  // Compound and logical assignment: read, combine, write.
  bool logical = e->op == AssignOp::kAnd || e->op == AssignOp::kOr || e->op == AssignOp::kNullish;
  static const ast::BinaryOp kOps[] = {
      ast::BinaryOp::kAdd, ast::BinaryOp::kAdd, ast::BinaryOp::kSub, ast::BinaryOp::kMul,
      ast::BinaryOp::kDiv, ast::BinaryOp::kMod, ast::BinaryOp::kExp, ast::BinaryOp::kShl,
      ast::BinaryOp::kSar, ast::BinaryOp::kShr, ast::BinaryOp::kBitAnd, ast::BinaryOp::kBitOr,
      ast::BinaryOp::kBitXor};
  if (auto* id = target->As<Identifier>(); id != nullptr && !logical) {
    // x op= e on a register variable that e leaves alone: in place.
    uint32_t reg = WritableRegister(id);
    if (reg != kNoDst && WritesNothing(e->value)) {
      uint32_t r = GenAny(e->value, rs);
      SetPos(e);
      EmitBinaryOp(kOps[static_cast<int>(e->op)], reg, reg, r);
      if (dst != kNoDst) b_.EmitMov(dst, reg);
      return;
    }
  }
  uint32_t cur = rs.Temp();
  MemberRef r;
  auto* id = target->As<Identifier>();
  auto* m = target->As<Member>();
  uint32_t with_ref = UINT32_MAX;  // the resolved reference's object, inside with
  if (id != nullptr && info_.WithObjects(id) != nullptr) {
    with_ref = rs.Temp();
    ResolveWithRef(id, with_ref);
    LoadWithRef(id, with_ref, cur);
  } else if (id != nullptr) {
    LoadName(id, cur);
  } else if (m != nullptr) {
    PrepareMember(m, &r, rs, true, true, e->value);
    SetPos(m);
    LoadMember(r, cur);
  } else {
    Fail("Invalid left-hand side in assignment", e);
    return;
  }
  Label skip;
  uint32_t result = rs.Temp();
  if (logical) {
    b_.EmitMov(result, cur);
    switch (e->op) {
      case AssignOp::kAnd: b_.EmitJump(Op::kJmpFalse, {cur}, &skip); break;
      case AssignOp::kOr: b_.EmitJump(Op::kJmpTrue, {cur}, &skip); break;
      default: b_.EmitJump(Op::kJmpNotNullish, {cur}, &skip); break;
    }
    if (id != nullptr) {
      GenNamed(e->value, result, id->name.view());
    } else {
      Gen(e->value, result);
    }
  } else {
    uint32_t r = GenAny(e->value, rs);
    SetPos(e);
    EmitBinaryOp(kOps[static_cast<int>(e->op)], result, cur, r);
  }
  if (with_ref != UINT32_MAX) {
    StoreWithRef(id, with_ref, result);
  } else if (id != nullptr) {
    StoreName(id, result, false);
  } else {
    StoreMember(r, result);
  }
  b_.Bind(&skip);
  if (dst != kNoDst) b_.EmitMov(dst, result);
}

// ---- Patterns ----------------------------------------------------------------------

void Generator::BindPattern(Node* target, uint32_t value, bool init, bool is_declaration) {
  if (failed_) return;
  if (stack_->Exceeded()) {
    Fail("Maximum nesting depth exceeded", target);
    return;
  }
  switch (target->kind) {
    case Kind::kIdentifier: {
      auto* id = target->As<Identifier>();
      if (is_declaration && !init && info_.Resolve(id) == nullptr && function_ == nullptr &&
          scope_ == info_.script_scope() && info_.WithObjects(id) == nullptr) {
        b_.EmitStGlobal(value, StringConst(id->name.view()), NewIc());  // top-level var
        return;
      }
      StoreName(id, value, init);
      return;
    }
    case Kind::kMember: {
      RegScope rs(this);
      MemberRef r;
      PrepareMember(target->As<Member>(), &r, rs, false);
      StoreMember(r, value);
      return;
    }
    case Kind::kAssignmentPattern: {
      auto* ap = target->As<AssignmentPattern>();
      RegScope rs(this);
      uint32_t v = rs.Temp();
      b_.EmitMov(v, value);
      Label done;
      b_.EmitJump(Op::kJmpNotUndefined, {v}, &done);
      GenNamed(ap->default_value, v, InferredName(ap->target));
      b_.Bind(&done);
      BindPattern(ap->target, v, init, is_declaration);
      return;
    }
    case Kind::kObjectPattern:
      ObjectPatternBind(target->As<ObjectPattern>(), value, init, is_declaration);
      return;
    case Kind::kArrayPattern:
      ArrayPatternBind(target->As<ArrayPattern>(), value, init, is_declaration);
      return;
    default:
      Fail("Invalid destructuring assignment target", target);
      return;
  }
}

void Generator::ObjectPatternBind(ObjectPattern* p, uint32_t value, bool init, bool is_declaration) {
  RegScope rs(this);
  // RequireObjectCoercible.
  Label ok;
  b_.EmitJump(Op::kJmpNotNullish, {value}, &ok);
  SetPos(p);
  b_.EmitThrowError(0, StringConst(u"Cannot destructure 'undefined' or 'null'"));
  b_.Bind(&ok);
  uint32_t keys = 0;
  if (p->rest != nullptr) {
    keys = rs.Temp();
    b_.EmitNewArray(keys, p->properties.size);
  }
  uint32_t key = rs.Temp();
  uint32_t v = rs.Temp();
  for (auto& prop : p->properties) {
    PropertyKeyToReg(prop.key, prop.computed, key);
    if (p->rest != nullptr) b_.EmitArrayPush(keys, key);
    SetPos(prop.key);
    b_.EmitGetKeyed(v, value, key);
    BindPattern(prop.value, v, init, is_declaration);
  }
  if (p->rest != nullptr) {
    CallHelper(Helper::kObjectRest, v, {value, keys});
    BindPattern(p->rest, v, init, is_declaration);
  }
}

void Generator::ArrayPatternBind(ArrayPattern* p, uint32_t value, bool init, bool is_declaration) {
  RegScope rs(this);
  uint32_t iter = rs.Temp();
  uint32_t next_fn = rs.Temp();
  uint32_t done = rs.Temp();
  uint32_t v = rs.Temp();
  uint32_t argv = rs.Temp();
  SetPos(p);
  b_.EmitGetIterator(iter, value);
  b_.EmitGetNamed(next_fn, iter, StringConst(u"next"), NewIc());
  b_.EmitLdFalse(done);
  uint32_t flag = rs.Temp();
  // One IteratorStepValue: R[flag] := true when the iterator is done, else
  // R[v] := the value. A next(), done or value that throws leaves the
  // iterator done (7.4.8 step 2), so it is not closed.
  auto step_value = [&](Label* exhausted) {
    // Array iterators step without calling next (IterNextFast).
    Label fast_step, stepped;
    b_.EmitJump(Op::kIterNextFast, {v, flag, iter, next_fn}, &fast_step);
    b_.EmitLdTrue(done);
    b_.EmitCall(v, next_fn, iter, argv, 0);
    b_.EmitThrowIfNotObject(v, StringConst(u"Iterator result is not an object"));
    b_.EmitGetNamed(flag, v, StringConst(u"done"), NewIc());
    b_.EmitJump(Op::kJmpTrue, {flag}, exhausted);
    b_.EmitGetNamed(v, v, StringConst(u"value"), NewIc());
    b_.EmitJump(Op::kJmp, {}, &stepped);
    b_.Bind(&fast_step);
    b_.EmitMov(done, flag);
    b_.EmitJump(Op::kJmpTrue, {flag}, exhausted);
    b_.Bind(&stepped);
    b_.EmitLdFalse(done);
  };
  auto step = [&] {
    // v := done ? undefined : the next value (undefined once exhausted)
    Label end, exhausted;
    b_.EmitJump(Op::kJmpTrue, {done}, &exhausted);
    step_value(&exhausted);
    b_.EmitJump(Op::kJmp, {}, &end);
    b_.Bind(&exhausted);
    b_.EmitLdUndef(v);
    b_.Bind(&end);
  };
  // An abrupt completion of an element (a throw, or a generator's return
  // through a yield) closes the iterator unless it is done (8.6.2,
  // 13.15.5.2): quietly for a throw. Initializing fresh bindings from plain
  // names (`const [a, b] = x`) cannot complete abruptly: no region there.
  bool plain = init && is_declaration && (p->rest == nullptr || p->rest->Is<Identifier>());
  for (Node* el : p->elements) plain = plain && (el->Is<Identifier>() || el->Is<Hole>());
  auto elements = [&] {
    // 13.15.5.5: an assignment target that is a property reference is
    // evaluated before the iterator steps.
    auto member_target = [&](Node* target) -> Member* {
      return is_declaration ? nullptr : target->As<Member>();
    };
    for (Node* el : p->elements) {
      Node* target = el;
      Node* default_value = nullptr;
      if (auto* ap = el->As<AssignmentPattern>()) {
        target = ap->target;
        default_value = ap->default_value;
      }
      if (Member* m = member_target(target)) {
        RegScope es(this);
        MemberRef r;
        PrepareMember(m, &r, es, false);
        step();
        if (default_value != nullptr) {
          Label has_value;
          b_.EmitJump(Op::kJmpNotUndefined, {v}, &has_value);
          Gen(default_value, v);
          b_.Bind(&has_value);
        }
        SetPos(m);
        StoreMember(r, v);
        continue;
      }
      step();
      if (el->Is<Hole>()) continue;
      BindPattern(el, v, init, is_declaration);
    }
    if (p->rest != nullptr) {
      RegScope es(this);
      MemberRef r;
      Member* m = member_target(p->rest);
      if (m != nullptr) PrepareMember(m, &r, es, false);
      uint32_t arr = rs.Temp();
      b_.EmitNewArray(arr, 0);
      Label loop, end;
      b_.Bind(&loop);
      b_.EmitJump(Op::kJmpTrue, {done}, &end);
      step_value(&end);
      b_.EmitArrayPush(arr, v);
      b_.EmitJump(Op::kJmp, {}, &loop);
      b_.Bind(&end);
      if (m != nullptr) {
        SetPos(m);
        StoreMember(r, arr);
      } else {
        BindPattern(p->rest, arr, init, is_declaration);
      }
    }
  };
  if (plain) {
    elements();
  } else {
    WithIteratorClose(iter, nullptr, elements, done);
  }
  if (p->rest != nullptr) return;
  // Close the iterator when the pattern did not exhaust it.
  Label closed;
  b_.EmitJump(Op::kJmpTrue, {done}, &closed);
  CallHelper(Helper::kIteratorClose, v, {iter});
  b_.Bind(&closed);
}

}  // namespace ratchet::internal
