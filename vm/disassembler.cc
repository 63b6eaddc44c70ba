#include "vm/disassembler.h"

#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "vm/bytecode.h"
#include "vm/code.h"
#include "vm/string.h"

namespace ratchet::internal {

PositionEntry Code::PositionAt(uint32_t pc) const {
  PositionEntry best{0, 0, 0};
  // Entries are sorted by pc: binary search for the last entry <= pc.
  uint32_t lo = 0, hi = num_positions;
  while (lo < hi) {
    uint32_t mid = (lo + hi) / 2;
    if (positions[mid].pc <= pc) {
      best = positions[mid];
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return best;
}

namespace {

std::string ConstantToString(Value v) {
  if (v.IsInt32()) return absl::StrCat(v.AsInt32());
  if (v.IsDouble()) return absl::StrFormat("%.17g", v.AsDouble());
  if (v.IsString()) {
    std::string s = ToUtf8(v.AsString());
    if (s.size() > 40) s = s.substr(0, 37) + "...";
    return absl::StrCat("\"", s, "\"");
  }
  if (v.IsCell() && (v.bits() >> 48) == 0xFFFF) {
    Cell* c = v.AsCell();
    if (c->kind == CellKind::kCode) {
      const Code* code = static_cast<const Code*>(c);
      return absl::StrCat("<code ", code->name ? ToUtf8(code->name) : "anonymous", ">");
    }
    return "<cell>";
  }
  return "<value>";
}

}  // namespace

std::string Disassemble(const Code* code, bool recursive) {
  std::string out = absl::StrFormat(
      "function %s (registers %u, params %u, constants %u)\n",
      code->name ? ToUtf8(code->name) : "<anonymous>", code->num_registers, code->num_params,
      code->num_constants);
  const uint8_t* bc = code->bytecode;
  uint32_t pc = 0;
  while (pc < code->bytecode_size) {
    int scale = 1;
    uint32_t p = pc;
    Op op = static_cast<Op>(bc[p]);
    if (op == Op::kWide || op == Op::kExtraWide) {
      scale = op == Op::kWide ? 2 : 4;
      op = static_cast<Op>(bc[++p]);
    }
    const OpInfo& info = InfoOf(op);
    std::string line = absl::StrFormat("  %4u  %s%s", pc, info.name,
                                       scale == 2 ? ".w" : scale == 4 ? ".x" : "");
    const uint8_t* operand = bc + p + 1;
    for (int i = 0; i < info.num_operands; ++i) {
      absl::StrAppend(&line, i == 0 ? " " : ", ");
      switch (info.operands[i]) {
        case OperandKind::kReg:
          absl::StrAppend(&line, "r", ReadUnsigned(operand, scale));
          operand += scale;
          break;
        case OperandKind::kIdx: {
          uint32_t idx = ReadUnsigned(operand, scale);
          absl::StrAppend(&line, "#", idx);
          if (i == ConstantOperand(op) && idx < code->num_constants) {
            absl::StrAppend(&line, "(", ConstantToString(code->constants[idx]), ")");
          }
          operand += scale;
          break;
        }
        case OperandKind::kImm:
          absl::StrAppend(&line, ReadSigned(operand, scale));
          operand += scale;
          break;
        case OperandKind::kJmp: {
          int32_t rel = ReadSigned(operand, 4);
          absl::StrAppend(&line, "-> ", static_cast<int64_t>(pc) + rel);
          operand += 4;
          break;
        }
        case OperandKind::kNone:
          break;
      }
    }
    out += line + "\n";
    pc += InstructionLength(bc + pc);
  }
  for (uint32_t i = 0; i < code->num_handlers; ++i) {
    absl::StrAppendFormat(&out, "  handler [%u, %u) -> %u\n", code->handlers[i].start,
                          code->handlers[i].end, code->handlers[i].target);
  }
  if (recursive) {
    for (uint32_t i = 0; i < code->num_constants; ++i) {
      Value v = code->constants[i];
      if (v.IsCell() && (v.bits() >> 48) == 0xFFFF && v.AsCell()->kind == CellKind::kCode) {
        out += "\n" + Disassemble(static_cast<const Code*>(v.AsCell()), true);
      }
    }
  }
  return out;
}

bool VerifyBytecode(const Code* code, std::string* error) {
  const uint8_t* bc = code->bytecode;
  uint32_t size = code->bytecode_size;
  std::vector<bool> starts(size + 1, false);
  std::vector<uint32_t> targets;
  uint32_t pc = 0;
  while (pc < size) {
    starts[pc] = true;
    uint32_t p = pc;
    int scale = 1;
    uint8_t raw = bc[p];
    if (raw >= kNumOpcodes) {
      *error = absl::StrCat("bad opcode ", raw, " at ", pc);
      return false;
    }
    Op op = static_cast<Op>(raw);
    if (op == Op::kWide || op == Op::kExtraWide) {
      scale = op == Op::kWide ? 2 : 4;
      if (++p >= size || bc[p] >= kNumOpcodes || bc[p] <= static_cast<uint8_t>(Op::kExtraWide)) {
        *error = absl::StrCat("bad prefixed opcode at ", pc);
        return false;
      }
      op = static_cast<Op>(bc[p]);
    }
    const OpInfo& info = InfoOf(op);
    uint32_t len = static_cast<uint32_t>(
        (p - pc) + 1 + (info.num_operands - (info.has_jump ? 1 : 0)) * scale +
        (info.has_jump ? 4 : 0));
    if (pc + len > size) {
      *error = absl::StrCat("truncated instruction at ", pc);
      return false;
    }
    const uint8_t* operand = bc + p + 1;
    for (int i = 0; i < info.num_operands; ++i) {
      switch (info.operands[i]) {
        case OperandKind::kReg: {
          uint32_t r = ReadUnsigned(operand, scale);
          if (r >= code->num_registers) {
            *error = absl::StrCat("register r", r, " out of range at ", pc);
            return false;
          }
          operand += scale;
          break;
        }
        case OperandKind::kIdx: {
          uint32_t idx = ReadUnsigned(operand, scale);
          bool is_constant = i == ConstantOperand(op);
          if (is_constant && idx >= code->num_constants) {
            *error = absl::StrCat("constant #", idx, " out of range at ", pc);
            return false;
          }
          bool is_ic = i == IcOperand(op);
          if (is_ic && idx >= code->num_ics) {
            *error = absl::StrCat("inline cache #", idx, " out of range at ", pc);
            return false;
          }
          operand += scale;
          break;
        }
        case OperandKind::kImm:
          operand += scale;
          break;
        case OperandKind::kJmp: {
          int64_t target = static_cast<int64_t>(pc) + ReadSigned(operand, 4);
          if (target < 0 || target > size) {
            *error = absl::StrCat("jump out of range at ", pc);
            return false;
          }
          targets.push_back(static_cast<uint32_t>(target));
          operand += 4;
          break;
        }
        case OperandKind::kNone:
          break;
      }
    }
    pc += len;
  }
  starts[size] = true;
  for (uint32_t t : targets) {
    if (!starts[t]) {
      *error = absl::StrCat("jump into the middle of an instruction: ", t);
      return false;
    }
  }
  for (uint32_t i = 0; i < code->num_handlers; ++i) {
    const HandlerEntry& h = code->handlers[i];
    if (h.start > h.end || h.end > size || h.target >= size || !starts[h.target]) {
      *error = absl::StrCat("bad handler entry ", i);
      return false;
    }
  }
  return true;
}

}  // namespace ratchet::internal
