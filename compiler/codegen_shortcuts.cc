// Bytecode generation shortcuts that keep the bytecode short without
// changing what it does: effect-only expressions, in-place writes of
// register variables, fused test-and-jump, immediate operands. Each relies
// on one fact: a variable that lives in a register is never captured by a
// closure, so only a direct assignment in the same function can change it.
#include "compiler/codegen_internal.h"

#include <vector>

namespace ratchet::internal {

using namespace ast;  // NOLINT

void Generator::GenEffect(Node* e) {
  if (failed_ || e == nullptr) return;
  if (stack_->Exceeded()) {
    Fail("Maximum nesting depth exceeded", e);
    return;
  }
  if (auto* u = e->As<Update>()) {
    UpdateExpr(u, kNoDst);
  } else if (auto* a = e->As<Assign>()) {
    AssignExpr(a, kNoDst);
  } else if (auto* seq = e->As<Sequence>()) {
    for (Node* x : seq->expressions) GenEffect(x);
  } else {
    RegScope rs(this);
    Gen(e, rs.Temp());
  }
}

bool Generator::EmitImmediateOp(BinaryOp op, uint32_t dst, uint32_t l, Node* right) {
  if (op != BinaryOp::kAdd && op != BinaryOp::kSub) return false;
  auto* n = right->As<NumberLiteral>();
  if (n == nullptr || !(n->value >= 0 && n->value <= INT32_MAX) || n->value != static_cast<int32_t>(n->value)) {
    return false;
  }
  int32_t k = static_cast<int32_t>(n->value);
  if (op == BinaryOp::kAdd) {
    b_.EmitAddI(dst, l, k);
  } else {
    b_.EmitSubI(dst, l, k);
  }
  return true;
}

void Generator::JumpIfFalse(Node* test, Label* target) {
  if (failed_) return;
  if (stack_->Exceeded()) {
    Fail("Maximum nesting depth exceeded", test);
    return;
  }
  // a && b && c as a test: each operand jumps when falsy (only the truth
  // of the whole is needed). The left spine is iterated, not recursed.
  if (auto* l = test->As<Logical>(); l != nullptr && l->op == LogicalOp::kAnd) {
    std::vector<Node*> operands;
    Node* n = test;
    while (auto* a = n->As<Logical>()) {
      if (a->op != LogicalOp::kAnd) break;
      operands.push_back(a->right);
      n = a->left;
    }
    operands.push_back(n);
    for (size_t i = operands.size(); i-- > 0;) JumpIfFalse(operands[i], target);
    return;
  }
  RegScope rs(this);
  if (auto* u = test->As<Unary>(); u != nullptr && u->op == UnaryOp::kNot) {
    uint32_t t = GenAny(u->argument, rs);
    SetPos(u);
    b_.EmitJump(Op::kJmpTrue, {t}, target);
    return;
  }
  auto* b = test->As<Binary>();
  Op fused = Op::kJmpFalse;
  if (b != nullptr && !b->left->Is<PrivateName>()) {
    switch (b->op) {
      case BinaryOp::kLt: fused = Op::kJmpNotLt; break;
      case BinaryOp::kLe: fused = Op::kJmpNotLe; break;
      case BinaryOp::kGt: fused = Op::kJmpNotGt; break;
      case BinaryOp::kGe: fused = Op::kJmpNotGe; break;
      default: break;
    }
  }
  if (fused == Op::kJmpFalse) {
    uint32_t t = GenAny(test, rs);
    b_.EmitJump(Op::kJmpFalse, {t}, target);
    return;
  }
  // The operands as BinaryExpr evaluates them: the left one in place when
  // the right one leaves it alone.
  uint32_t l;
  auto* left_id = b->left->As<Identifier>();
  if (left_id != nullptr && (IsSimple(b->right) || WritesNothing(b->right))) {
    l = GenAny(b->left, rs);
  } else {
    l = rs.Temp();
    Gen(b->left, l);
  }
  uint32_t r = GenAny(b->right, rs);
  uint32_t t = rs.Temp();
  SetPos(b);
  b_.EmitJump(fused, {t, l, r}, target);
  b_.EmitJump(Op::kJmpFalse, {t}, target);
}

uint32_t Generator::WritableRegister(const Identifier* id) {
  if (info_.WithObjects(id) != nullptr) return kNoDst;
  Variable* v = info_.Resolve(id);
  if (v == nullptr || v->in_env || v->IsConst() || NeedsTdzCheck(v, id)) return kNoDst;
  switch (v->kind) {
    case BindingKind::kVar:
    case BindingKind::kLet:
    case BindingKind::kParam:
    case BindingKind::kCatchParam:
    case BindingKind::kFunction:
      return v->index;
    default:
      return kNoDst;
  }
}

bool Generator::WritesNothing(const Node* e, int depth) const {
  if (depth > 16) return false;
  if (IsSimple(e)) return true;  // literals, names, this
  if (auto* b = e->As<Binary>()) {
    return !b->left->Is<PrivateName>() && WritesNothing(b->left, depth + 1) && WritesNothing(b->right, depth + 1);
  }
  if (auto* m = e->As<Member>()) {
    return !m->optional && m->object->kind != Kind::kSuper && WritesNothing(m->object, depth + 1) &&
           (!m->computed || WritesNothing(m->property, depth + 1));
  }
  return false;
}

}  // namespace ratchet::internal
