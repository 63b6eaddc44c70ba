// The bytecode format, generated from vm/opcodes.def: the opcode enum, the
// operand layout table, the builder's emit functions, the decoder, the
// disassembler and the verifier.
//
// Encoding: [Wide|ExtraWide] opcode operands... Reg/Idx/Imm operands take
// `scale` bytes each (1, or 2 after Wide, 4 after ExtraWide), little-endian;
// a Jmp operand is always the last and always 4 bytes, a signed offset from
// the first byte of the instruction (its prefix, if any).
#ifndef RATCHET_VM_BYTECODE_H_
#define RATCHET_VM_BYTECODE_H_

#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string>
#include <vector>

namespace ratchet::internal {

struct Code;

enum class Op : uint8_t {
#define OPCODE(name, effects, a, b, c, d, e) k##name,
#include "vm/opcodes.def"
#undef OPCODE
  kCount
};

inline constexpr int kNumOpcodes = static_cast<int>(Op::kCount);

enum class OperandKind : uint8_t { kNone, kReg, kIdx, kImm, kJmp };
enum Effects : uint8_t { kPure = 0, kMayThrow = 1, kMayCallJs = 3 };

struct OpInfo {
  const char* name;
  Effects effects;
  OperandKind operands[5];
  uint8_t num_operands;
  bool has_jump;
};

namespace internal {
inline constexpr OperandKind None = OperandKind::kNone;
inline constexpr OperandKind Reg = OperandKind::kReg;
inline constexpr OperandKind Idx = OperandKind::kIdx;
inline constexpr OperandKind Imm = OperandKind::kImm;
inline constexpr OperandKind Jmp = OperandKind::kJmp;
constexpr uint8_t CountOperands(OperandKind a, OperandKind b, OperandKind c, OperandKind d,
                                OperandKind e) {
  return (a != None) + (b != None) + (c != None) + (d != None) + (e != None);
}
constexpr bool AnyJump(OperandKind a, OperandKind b, OperandKind c, OperandKind d,
                       OperandKind e) {
  return a == Jmp || b == Jmp || c == Jmp || d == Jmp || e == Jmp;
}
}  // namespace internal

inline constexpr OpInfo kOpInfo[] = {
#define OPCODE(name, effects, a, b, c, d, e)                                             \
  {#name, effects, {internal::a, internal::b, internal::c, internal::d, internal::e}, \
   internal::CountOperands(internal::a, internal::b, internal::c, internal::d, internal::e), \
   internal::AnyJump(internal::a, internal::b, internal::c, internal::d, internal::e)},
#include "vm/opcodes.def"
#undef OPCODE
};

inline const OpInfo& InfoOf(Op op) { return kOpInfo[static_cast<int>(op)]; }

/// Reads a little-endian operand of `scale` bytes.
inline uint32_t ReadUnsigned(const uint8_t* p, int scale) {
  if (scale == 1) return p[0];
  if (scale == 2) return static_cast<uint32_t>(p[0] | (p[1] << 8));
  uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}
inline int32_t ReadSigned(const uint8_t* p, int scale) {
  if (scale == 1) return static_cast<int8_t>(p[0]);
  if (scale == 2) return static_cast<int16_t>(p[0] | (p[1] << 8));
  int32_t v;
  std::memcpy(&v, p, 4);
  return v;
}

/// A try region: an exception thrown at pc in [start, end) jumps to target.
struct HandlerEntry {
  uint32_t start;
  uint32_t end;
  uint32_t target;
};

/// pc -> source position (the entry with the greatest pc <= the pc asked).
struct PositionEntry {
  uint32_t pc;
  uint32_t line;
  uint32_t column;
};

enum class CodeKind : uint8_t {
  kScript,
  kFunction,
  kArrow,
  kMethod,
  kGetter,
  kSetter,
  kClassConstructor,
  kDerivedConstructor,
  kEval,
  kModule,
};

/// Which operand of `op` indexes the constant pool (names are atoms in the
/// pool too); -1 when none does.
constexpr int ConstantOperand(Op op) {
  switch (op) {
    case Op::kLdConst: case Op::kCreateClosure: case Op::kSetNamed: case Op::kDefineNamed:
    case Op::kLdGlobal: case Op::kLdGlobalOrUndef: case Op::kStGlobal: case Op::kInitGlobalLex:
    case Op::kCheckTdz: case Op::kThrowError: case Op::kThrowIfNotObject:
      return 1;
    case Op::kGetNamed:
      return 2;
    case Op::kLdEnvChecked: case Op::kStEnvChecked:
      return 3;
    case Op::kDeclareGlobalVar: case Op::kDeclareGlobalFunction: case Op::kDeclareGlobalLex:
    case Op::kThrowConstAssign:
      return 0;
    default:
      return -1;
  }
}

/// Which operand of `op` is an inline-cache slot; -1 when none is.
constexpr int IcOperand(Op op) {
  switch (op) {
    case Op::kGetNamed: case Op::kSetNamed: return 3;
    case Op::kLdGlobal: return 2;
    default: return -1;
  }
}

/// Length in bytes of the instruction at `pc` (including any prefix).
int InstructionLength(const uint8_t* pc);

/// A forward or backward jump target inside one function.
struct Label {
  int64_t offset = -1;             // bound position, or -1
  std::vector<size_t> jump_sites;  // (instruction start, operand position)
  std::vector<size_t> operand_sites;
};

/// Builds the bytecode of one function.
class BytecodeBuilder {
 public:
  /// Emits `op` with its operands (registers, indices, immediates).
  void Emit(Op op, std::initializer_list<int64_t> operands);
  /// Emits a jumping `op`: its non-jump operands, then the offset to `label`.
  void EmitJump(Op op, std::initializer_list<int64_t> operands, Label* label);
  void Bind(Label* label);

  size_t size() const { return code_.size(); }
  std::vector<uint8_t>& bytes() { return code_; }
  /// Start of the last emitted instruction.
  size_t last_instruction() const { return last_; }

  // One typed emit function per opcode: EmitMov(dst, src), EmitAdd(...).
#define OPCODE(name, effects, a, b, c, d, e)                                       \
  template <typename... Args>                                                      \
  void Emit##name(Args... args) {                                                  \
    static_assert(!InfoOf_##name().has_jump || sizeof...(Args) == 99, "use EmitJump");            \
    static_assert(sizeof...(Args) == InfoOf_##name().num_operands, "operands");    \
    Emit(Op::k##name, {static_cast<int64_t>(args)...});                            \
  }                                                                                \
  static constexpr OpInfo InfoOf_##name() { return kOpInfo[static_cast<int>(Op::k##name)]; }
#include "vm/opcodes.def"
#undef OPCODE

 private:
  void Patch(size_t instruction_start, size_t operand_pos, int64_t target);
  std::vector<uint8_t> code_;
  size_t last_ = 0;
};


}  // namespace ratchet::internal

#endif  // RATCHET_VM_BYTECODE_H_
