// The scope chain a direct eval hands to its code (19.2.1.1 PerformEval):
// the calling code describes, at each direct eval call, the environments
// that exist at run time there — their layout and bindings — as a string
// constant; the runtime compiles the eval code against that description
// and closes it over the caller's current environment.
//
// Text: per environment, innermost first: type, function kind, size,
// binding count; per binding: kind, flags, slot, name length, name.
// 32-bit numbers take two code units.
#include "compiler/scope.h"

namespace ratchet::internal {

namespace {

void PutNumber(std::u16string* out, uint32_t n) {
  out->push_back(static_cast<char16_t>(n & 0xFFFF));
  out->push_back(static_cast<char16_t>(n >> 16));
}

class Reader {
 public:
  explicit Reader(std::u16string_view text) : text_(text) {}
  bool Number(uint32_t* n) {
    if (text_.size() - pos_ < 2) return false;
    *n = static_cast<uint32_t>(text_[pos_]) | (static_cast<uint32_t>(text_[pos_ + 1]) << 16);
    pos_ += 2;
    return true;
  }
  bool Text(uint32_t length, std::u16string_view* out) {
    if (text_.size() - pos_ < length) return false;
    *out = text_.substr(pos_, length);
    pos_ += length;
    return true;
  }
  bool done() const { return pos_ == text_.size(); }

 private:
  std::u16string_view text_;
  size_t pos_ = 0;
};

constexpr uint32_t kWithObject = 1;
constexpr uint32_t kEvalVars = 2;
constexpr uint32_t kParamsOnly = 0x100;  // with the scope type
constexpr uint32_t kFunctionBody = 0x200;

}  // namespace

std::u16string SerializeScopeChain(const Scope* innermost, const Scope* eval_program, bool in_params) {
  std::u16string out;
  for (const Scope* s = innermost; s != nullptr; s = s->parent) {
    bool params_only = in_params && s->type == ScopeType::kFunction;
    if (s->type == ScopeType::kFunction) in_params = false;
    if (!s->has_env()) continue;
    // Eval code's own top level is, for eval code it calls, one more
    // lexical environment.
    ScopeType type = s == eval_program ? ScopeType::kBlock : s->type;
    PutNumber(&out, static_cast<uint32_t>(type) | (params_only ? kParamsOnly : 0) |
                        (s->is_function_body ? kFunctionBody : 0));
    PutNumber(&out, static_cast<uint32_t>(s->function_kind));
    PutNumber(&out, s->env_size);
    uint32_t count = 0;
    for (const Variable* v : s->vars) count += v->in_env ? 1 : 0;
    PutNumber(&out, count);
    for (const Variable* v : s->vars) {
      if (!v->in_env) continue;
      PutNumber(&out, static_cast<uint32_t>(v->kind));
      PutNumber(&out, (v == s->with_object ? kWithObject : 0) | (v->eval_vars ? kEvalVars : 0));
      PutNumber(&out, v->index);
      PutNumber(&out, static_cast<uint32_t>(v->name.size()));
      out.append(v->name);
    }
  }
  return out;
}

bool ParseScopeChain(std::u16string_view text, std::vector<OuterScope>* out) {
  Reader r(text);
  while (!r.done()) {
    OuterScope scope;
    uint32_t type, kind, count;
    if (!r.Number(&type) || !r.Number(&kind) || !r.Number(&scope.env_size) || !r.Number(&count)) return false;
    scope.params_only = (type & kParamsOnly) != 0;
    scope.function_body = (type & kFunctionBody) != 0;
    type &= ~(kParamsOnly | kFunctionBody);
    if (type > static_cast<uint32_t>(ScopeType::kBlock) ||
        kind > static_cast<uint32_t>(ast::FunctionKind::kClassStaticBlock)) {
      return false;
    }
    scope.type = static_cast<ScopeType>(type);
    scope.function_kind = static_cast<ast::FunctionKind>(kind);
    for (uint32_t i = 0; i < count; ++i) {
      OuterVariable v;
      uint32_t binding, flags, length;
      if (!r.Number(&binding) || !r.Number(&flags) || !r.Number(&v.index) || !r.Number(&length) ||
          !r.Text(length, &v.name)) {
        return false;
      }
      if (binding > static_cast<uint32_t>(BindingKind::kImport) || v.index >= scope.env_size) return false;
      v.kind = static_cast<BindingKind>(binding);
      v.with_object = (flags & kWithObject) != 0;
      v.eval_vars = (flags & kEvalVars) != 0;
      scope.vars.push_back(v);
    }
    out->push_back(std::move(scope));
  }
  return true;
}

}  // namespace ratchet::internal
