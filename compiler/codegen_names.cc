// Bytecode generation for references to variables: bindings in registers
// and environments, globals, `with` objects and sloppy functions' eval var
// objects, and the var declarations of eval code in its caller's function.
#include <functional>

#include "compiler/codegen_internal.h"

namespace ratchet::internal {

using namespace ast;  // NOLINT: node names read best unqualified here

void Generator::EvalVarDeclare(std::u16string_view name, uint32_t value, bool function) {
  Scope* vs = info_.eval_var_scope();
  // (From a parameter list, the function's own vars are not visible.)
  if (Variable* v = vs->Find(name);
      v != nullptr && !v->IsLexical() && v->kind != BindingKind::kCallee && !info_.eval_in_params()) {
    if (function) StoreVariable(v, nullptr, value, true);
    return;
  }
  if (vs->eval_vars == nullptr) {
    Fail("eval code has no variable environment", nullptr);
    return;
  }
  RegScope rs(this);
  uint32_t obj = rs.Temp();
  uint32_t key = rs.Temp();
  uint32_t flag = rs.Temp();
  LoadVariable(vs->eval_vars, nullptr, obj);
  b_.EmitLdConst(key, StringConst(name));
  if (function) {
    b_.EmitLdTrue(flag);
  } else {
    b_.EmitLdFalse(flag);
  }
  CallHelper(Helper::kEvalVarsDeclare, obj, {obj, key, value, flag});
  StoreVariable(vs->eval_vars, nullptr, obj, true);
}

// ---- Variables -----------------------------------------------------------------

void Generator::LoadVariable(Variable* v, const Node* ref, uint32_t dst) {
  if (v->kind == BindingKind::kImport) {
    b_.EmitLdImport(dst, EnvDepthTo(v->scope), v->index, StringConst(v->name));
    return;
  }
  if (!v->in_env) {
    if (NeedsTdzCheck(v, ref)) b_.EmitCheckTdz(v->index, StringConst(v->name));
    if (v->kind == BindingKind::kThis && function_ != nullptr &&
        function_->function_kind == FunctionKind::kDerivedConstructor) {
      b_.EmitCheckThisInit(v->index);
    }
    if (dst != v->index) b_.EmitMov(dst, v->index);
    return;
  }
  uint32_t depth = EnvDepthTo(v->scope);
  if (NeedsTdzCheck(v, ref)) {
    b_.EmitLdEnvChecked(dst, depth, v->index, StringConst(v->name));
  } else {
    b_.EmitLdEnv(dst, depth, v->index);
  }
  if (v->kind == BindingKind::kThis && v->scope->type == ScopeType::kFunction &&
      v->scope->function_kind == FunctionKind::kDerivedConstructor) {
    b_.EmitCheckThisInit(dst);
  }
}

bool Generator::WithLookup(const Identifier* id, const std::function<void(uint32_t obj, uint32_t name)>& found,
                           const std::function<void()>& fallback) {
  const std::vector<Variable*>* withs = info_.WithObjects(id);
  if (withs == nullptr) return false;
  RegScope rs(this);
  uint32_t obj = rs.Temp();
  uint32_t flag = rs.Temp();
  uint32_t name = rs.Temp();
  b_.EmitLdConst(name, StringConst(id->name.view()));
  Label done;
  bool saved = with_found_eval_vars_;
  for (Variable* w : *withs) {
    Label next;
    LoadVariable(w, nullptr, obj);
    SetPos(id);
    // A sloppy function's eval var object (undefined until eval code
    // declares a var) holds plain bindings: no @@unscopables, no this.
    CallHelper(w->eval_vars ? Helper::kEvalVarsHas : Helper::kWithHasBinding, flag, {obj, name});
    b_.EmitJump(Op::kJmpFalse, {flag}, &next);
    with_found_eval_vars_ = w->eval_vars;
    found(obj, name);
    with_found_eval_vars_ = saved;
    b_.EmitJump(Op::kJmp, {}, &done);
    b_.Bind(&next);
  }
  fallback();
  b_.Bind(&done);
  return true;
}

// 9.1.1.2.6 GetBindingValue of an object environment: HasProperty again
// (ReferenceError in strict code when it is gone), then Get.
void Generator::WithGetBinding(uint32_t obj, uint32_t name, uint32_t dst) {
  RegScope rs(this);
  uint32_t strict = rs.Temp();
  if (out_->strict) {
    b_.EmitLdTrue(strict);
  } else {
    b_.EmitLdFalse(strict);
  }
  CallHelper(Helper::kWithGetBinding, dst, {obj, name, strict});
}

void Generator::ResolveWithRef(const Identifier* id, uint32_t ref) {
  WithLookup(
      id, [&](uint32_t obj, uint32_t) { b_.EmitMov(ref, obj); }, [&] { b_.EmitLdUndef(ref); });
}

void Generator::LoadWithRef(const Identifier* id, uint32_t ref, uint32_t dst) {
  Label object, done;
  b_.EmitJump(Op::kJmpNotUndefined, {ref}, &object);
  LoadNameStatic(id, dst);
  b_.EmitJump(Op::kJmp, {}, &done);
  b_.Bind(&object);
  {
    RegScope rs(this);
    uint32_t name = rs.Temp();
    b_.EmitLdConst(name, StringConst(id->name.view()));
    WithGetBinding(ref, name, dst);
  }
  b_.Bind(&done);
}

void Generator::StoreWithRef(const Identifier* id, uint32_t ref, uint32_t src) {
  Label object, done;
  b_.EmitJump(Op::kJmpNotUndefined, {ref}, &object);
  StoreNameStatic(id, src, false);
  b_.EmitJump(Op::kJmp, {}, &done);
  b_.Bind(&object);
  {
    RegScope rs(this);
    uint32_t name = rs.Temp();
    uint32_t strict = rs.Temp();
    uint32_t ignored = rs.Temp();
    b_.EmitLdConst(name, StringConst(id->name.view()));
    if (out_->strict) {
      b_.EmitLdTrue(strict);
    } else {
      b_.EmitLdFalse(strict);
    }
    SetPos(id);
    CallHelper(Helper::kWithSetBinding, ignored, {ref, name, src, strict});
  }
  b_.Bind(&done);
}

void Generator::LoadName(const Identifier* id, uint32_t dst) {
  if (WithLookup(
          id, [&](uint32_t obj, uint32_t name) { WithGetBinding(obj, name, dst); },
          [&] { LoadNameStatic(id, dst); })) {
    return;
  }
  LoadNameStatic(id, dst);
}

void Generator::LoadNameStatic(const Identifier* id, uint32_t dst) {
  Variable* v = info_.Resolve(id);
  if (v == nullptr) {
    SetPos(id);
    b_.EmitLdGlobal(dst, StringConst(id->name.view()), NewIc());
    return;
  }
  LoadVariable(v, id, dst);
}

void Generator::StoreVariable(Variable* v, const Node* ref, uint32_t src, bool init) {
  if (!init) {
    if (v->kind == BindingKind::kCallee) {
      if (out_->strict) b_.EmitThrowConstAssign(StringConst(v->name));
      return;
    }
    if (v->IsConst()) {
      RegScope rs(this);
      if (NeedsTdzCheck(v, ref)) {
        uint32_t t = rs.Temp();
        LoadVariable(v, ref, t);
      }
      b_.EmitThrowConstAssign(StringConst(v->name));
      return;
    }
  }
  if (!v->in_env) {
    if (!init && NeedsTdzCheck(v, ref)) b_.EmitCheckTdz(v->index, StringConst(v->name));
    if (src != v->index) b_.EmitMov(v->index, src);
    return;
  }
  uint32_t depth = EnvDepthTo(v->scope);
  if (!init && NeedsTdzCheck(v, ref)) {
    b_.EmitStEnvChecked(src, depth, v->index, StringConst(v->name));
  } else {
    b_.EmitStEnv(src, depth, v->index);
  }
}

void Generator::StoreName(const Identifier* id, uint32_t src, bool init) {
  if (WithLookup(
          id,
          [&](uint32_t obj, uint32_t name) {
            // 9.1.1.2.5 SetMutableBinding: HasProperty again, then Set.
            RegScope rs(this);
            uint32_t strict = rs.Temp();
            uint32_t ignored = rs.Temp();
            if (out_->strict) {
              b_.EmitLdTrue(strict);
            } else {
              b_.EmitLdFalse(strict);
            }
            CallHelper(Helper::kWithSetBinding, ignored, {obj, name, src, strict});
          },
          [&] { StoreNameStatic(id, src, init); })) {
    return;
  }
  StoreNameStatic(id, src, init);
}

void Generator::StoreNameStatic(const Identifier* id, uint32_t src, bool init) {
  Variable* v = info_.Resolve(id);
  if (v == nullptr) {
    SetPos(id);
    if (init && is_script_ && scope_ == info_.script_scope()) {
      b_.EmitInitGlobalLex(src, StringConst(id->name.view()));
    } else {
      b_.EmitStGlobal(src, StringConst(id->name.view()), NewIc());
    }
    return;
  }
  StoreVariable(v, id, src, init);
}

}  // namespace ratchet::internal
