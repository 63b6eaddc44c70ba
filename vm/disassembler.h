// Disassembler and verifier for Code objects, generated from the opcode table.
#ifndef RATCHET_VM_DISASSEMBLER_H_
#define RATCHET_VM_DISASSEMBLER_H_

#include <string>

namespace ratchet::internal {

struct Code;

/// Human-readable listing of a function's bytecode (and nested functions).
std::string Disassemble(const Code* code, bool recursive = true);

/// Checks operand ranges, register counts, constant indices and jump targets
/// (instruction boundaries inside the function). Returns false with a message.
bool VerifyBytecode(const Code* code, std::string* error);

}  // namespace ratchet::internal

#endif  // RATCHET_VM_DISASSEMBLER_H_
