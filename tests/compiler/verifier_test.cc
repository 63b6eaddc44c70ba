// Every function the compiler emits passes the bytecode verifier; corrupted
// bytecode does not.
#include <string>

#include "compiler/parser.h"
#include "gtest/gtest.h"
#include "runtime/realm.h"
#include "vm/code.h"
#include "vm/disassembler.h"
#include "vm/vm.h"

namespace ratchet::internal {
namespace {

void VerifyAll(Code* code, int* count) {
  std::string error;
  EXPECT_TRUE(VerifyBytecode(code, &error)) << error << "\n" << Disassemble(code, false);
  ++*count;
  for (uint32_t i = 0; i < code->num_constants; ++i) {
    Value v = code->constants[i];
    if (v.IsCell() && (v.bits() >> 48) == 0xFFFF && v.AsCell()->kind == CellKind::kCode) {
      VerifyAll(static_cast<Code*>(v.AsCell()), count);
    }
  }
}

Code* Compile(Vm& vm, const char* source) {
  ScriptError err;
  Code* code = CompileScript(vm, Utf8ToUtf16(source), "test.js", &err);
  EXPECT_NE(code, nullptr) << err.message;
  return code;
}

TEST(VerifierTest, CompiledCodeVerifies) {
  Vm vm;
  const char* sources[] = {
      "var x = 1; let y = x + 2; const z = [x, y, ...[3]]; print(z.join());",
      "function f(a, b = a, ...c) { for (let i = 0; i < c.length; i++) { try { g(() => i) } catch (e) {} "
      "finally { continue } } return arguments.length }",
      "class A { constructor() { this.x = 1 } get y() { return 2 } static z() {} } class B extends A { m() { "
      "return super.y } }",
      "outer: for (const k in o) { switch (k) { case 'a': break outer; default: continue outer } }",
      "const {a, b: [c, , d = 4], ...rest} = obj; a?.b?.[c]?.(d) ?? rest;",
      "var big = 0;",
  };
  int count = 0;
  for (const char* s : sources) {
    Code* code = Compile(vm, s);
    if (code != nullptr) VerifyAll(code, &count);
  }
  // Many registers and constants force the wide operand encodings.
  std::string wide = "var s = 0;";
  for (int i = 0; i < 400; ++i) wide += "var v" + std::to_string(i) + " = " + std::to_string(i * 1000003) + "; s += v" + std::to_string(i) + ";";
  wide = "function w() {" + wide + " return s; }";
  Code* code = Compile(vm, wide.c_str());
  ASSERT_NE(code, nullptr);
  VerifyAll(code, &count);
  EXPECT_GE(count, 10);
}

TEST(VerifierTest, CorruptedBytecodeIsRejected) {
  Vm vm;
  Code* code = Compile(vm, "function f(a) { if (a) { return a + 1 } return 0 }");
  ASSERT_NE(code, nullptr);
  Code* f = nullptr;
  for (uint32_t i = 0; i < code->num_constants; ++i) {
    Value v = code->constants[i];
    if (v.IsCell() && (v.bits() >> 48) == 0xFFFF) f = static_cast<Code*>(v.AsCell());
  }
  ASSERT_NE(f, nullptr);
  std::string error;
  ASSERT_TRUE(VerifyBytecode(f, &error)) << error;
  // A register out of range.
  uint32_t saved = f->num_registers;
  f->num_registers = 0;
  EXPECT_FALSE(VerifyBytecode(f, &error));
  f->num_registers = saved;
  // An unknown opcode.
  uint8_t first = f->bytecode[0];
  f->bytecode[0] = 0xFE;
  EXPECT_FALSE(VerifyBytecode(f, &error));
  f->bytecode[0] = first;
  // A truncated function.
  uint32_t size = f->bytecode_size;
  f->bytecode_size = size - 1;
  EXPECT_FALSE(VerifyBytecode(f, &error));
  f->bytecode_size = size;
  EXPECT_TRUE(VerifyBytecode(f, &error)) << error;
}

}  // namespace
}  // namespace ratchet::internal
