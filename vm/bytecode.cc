#include "vm/bytecode.h"

#include <cassert>


namespace ratchet::internal {

namespace {

int ScaleFor(int64_t v, OperandKind kind) {
  if (kind == OperandKind::kImm) {
    if (v >= -128 && v <= 127) return 1;
    if (v >= -32768 && v <= 32767) return 2;
    return 4;
  }
  if (v >= 0 && v <= 0xFF) return 1;
  if (v >= 0 && v <= 0xFFFF) return 2;
  return 4;
}

void WriteN(std::vector<uint8_t>& out, uint32_t v, int n) {
  for (int i = 0; i < n; ++i) out.push_back(static_cast<uint8_t>(v >> (8 * i)));
}

}  // namespace

int InstructionLength(const uint8_t* pc) {
  int scale = 1;
  int prefix = 0;
  Op op = static_cast<Op>(*pc);
  if (op == Op::kWide || op == Op::kExtraWide) {
    scale = op == Op::kWide ? 2 : 4;
    prefix = 1;
    op = static_cast<Op>(pc[1]);
  }
  const OpInfo& info = InfoOf(op);
  int n = info.num_operands - (info.has_jump ? 1 : 0);
  return prefix + 1 + n * scale + (info.has_jump ? 4 : 0);
}

void BytecodeBuilder::Emit(Op op, std::initializer_list<int64_t> operands) {
  const OpInfo& info = InfoOf(op);
  assert(operands.size() == info.num_operands - (info.has_jump ? 1 : 0));
  int scale = 1;
  int i = 0;
  for (int64_t v : operands) scale = std::max(scale, ScaleFor(v, info.operands[i++]));
  last_ = code_.size();
  if (scale == 2) code_.push_back(static_cast<uint8_t>(Op::kWide));
  if (scale == 4) code_.push_back(static_cast<uint8_t>(Op::kExtraWide));
  code_.push_back(static_cast<uint8_t>(op));
  for (int64_t v : operands) WriteN(code_, static_cast<uint32_t>(v), scale);
}

void BytecodeBuilder::EmitJump(Op op, std::initializer_list<int64_t> operands, Label* label) {
  Emit(op, operands);
  size_t start = last_;
  size_t operand_pos = code_.size();
  WriteN(code_, 0, 4);
  if (label->offset >= 0) {
    Patch(start, operand_pos, label->offset);
  } else {
    label->jump_sites.push_back(start);
    label->operand_sites.push_back(operand_pos);
  }
}

void BytecodeBuilder::Bind(Label* label) {
  label->offset = static_cast<int64_t>(code_.size());
  for (size_t i = 0; i < label->jump_sites.size(); ++i) {
    Patch(label->jump_sites[i], label->operand_sites[i], label->offset);
  }
  label->jump_sites.clear();
  label->operand_sites.clear();
}

void BytecodeBuilder::Patch(size_t instruction_start, size_t operand_pos, int64_t target) {
  int32_t rel = static_cast<int32_t>(target - static_cast<int64_t>(instruction_start));
  std::memcpy(&code_[operand_pos], &rel, 4);
}

}  // namespace ratchet::internal
