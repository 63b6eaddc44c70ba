#include "runtime/loader.h"

#include "vm/bigint.h"

#include <cstring>

#include "vm/string.h"
#include "vm/vm.h"

namespace ratchet::internal {

Source* NewSource(Vm& vm, std::u16string text, std::string name) {
  if (!vm.heap().AccountExternal(text.size() * 2)) return nullptr;
  Cell* c = vm.heap().AllocateCell(sizeof(Source), CellKind::kSource);
  if (c == nullptr) {
    vm.heap().ReleaseExternal(text.size() * 2);
    return nullptr;
  }
  Source* s = static_cast<Source*>(c);
  s->text = new std::u16string(std::move(text));
  s->name = new std::string(std::move(name));
  s->module = Value::Undefined();
  return s;
}

namespace {

template <typename T>
T* CopyToHeap(Vm& vm, const std::vector<T>& v, bool* ok) {
  if (v.empty()) return nullptr;
  void* p = vm.heap().AllocateBuffer(v.size() * sizeof(T));
  if (p == nullptr) {
    *ok = false;
    return nullptr;
  }
  std::memcpy(p, v.data(), v.size() * sizeof(T));
  return static_cast<T*>(p);
}

}  // namespace

Code* LoadCompiledFunction(Vm& vm, const CompiledFunction& fn, Source* source, bool native) {
  Cell* cell = vm.heap().AllocateCell(sizeof(Code), CellKind::kCode);
  if (cell == nullptr) return nullptr;
  Code* code = static_cast<Code*>(cell);
  bool ok = true;
  code->bytecode = CopyToHeap(vm, fn.bytecode, &ok);
  code->bytecode_size = static_cast<uint32_t>(fn.bytecode.size());
  code->handlers = CopyToHeap(vm, fn.handlers, &ok);
  code->num_handlers = static_cast<uint32_t>(fn.handlers.size());
  code->positions = CopyToHeap(vm, fn.positions, &ok);
  code->num_positions = static_cast<uint32_t>(fn.positions.size());
  if (fn.num_ics > 0) {
    code->ics = static_cast<InlineCache*>(vm.heap().AllocateBuffer(fn.num_ics * sizeof(InlineCache)));
    if (code->ics == nullptr) return nullptr;
    std::memset(code->ics, 0, fn.num_ics * sizeof(InlineCache));
  }
  code->num_ics = fn.num_ics;
  code->num_registers = fn.num_registers;
  code->num_params = fn.num_params;
  code->length = fn.length;
  code->code_kind = fn.kind;
  if (native && fn.kind == CodeKind::kFunction) code->code_kind = CodeKind::kMethod;
  code->strict = fn.strict;
  code->is_async = fn.is_async;
  code->is_generator = fn.is_generator;
  code->source = source;
  code->source_start = fn.source_start;
  code->source_end = fn.source_end;
  if (native) code->flags |= Code::kNative;
  if (fn.strict || !fn.simple_parameters) code->flags |= Code::kUnmappedArguments;
  if (!ok) return nullptr;
  if (!fn.name.empty()) {
    code->name = vm.InternUtf16(fn.name);
    if (code->name == nullptr) return nullptr;
  }
  // Constants last: nested functions are loaded recursively (depth bounded
  // by the parser's nesting limit).
  if (!fn.constants.empty()) {
    code->constants = static_cast<Value*>(vm.heap().AllocateBuffer(fn.constants.size() * sizeof(Value)));
    if (code->constants == nullptr) return nullptr;
    for (size_t i = 0; i < fn.constants.size(); ++i) code->constants[i] = Value::Undefined();
    code->num_constants = static_cast<uint32_t>(fn.constants.size());
    for (size_t i = 0; i < fn.constants.size(); ++i) {
      const Constant& c = fn.constants[i];
      switch (c.kind) {
        case Constant::Kind::kNumber:
          code->constants[i] = Value::Number(c.number);
          break;
        case Constant::Kind::kString: {
          String* s = vm.InternUtf16(c.string);
          if (s == nullptr) return nullptr;
          code->constants[i] = Value::FromString(s);
          break;
        }
        case Constant::Kind::kBigInt: {
          BigInt* b = BigIntFromDecimal(vm, c.string);
          if (b == nullptr) return nullptr;
          code->constants[i] = Value::FromBigInt(b);
          break;
        }
        case Constant::Kind::kUndefined:
          break;  // already undefined (also: a template object's cache slot)
        case Constant::Kind::kFunction: {
          Code* child = LoadCompiledFunction(vm, *fn.children[c.function], source, native);
          if (child == nullptr) return nullptr;
          code->constants[i] = CellToValue(child);
          break;
        }
      }
    }
  }
  return code;
}

}  // namespace ratchet::internal
