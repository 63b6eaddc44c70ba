#include "compiler/serialize.h"

#include <cstring>

namespace ratchet::internal {

void ByteWriter::Function(const CompiledFunction& f) {
  Bytes(std::string_view(reinterpret_cast<const char*>(f.bytecode.data()), f.bytecode.size()));
  U32(static_cast<uint32_t>(f.constants.size()));
  for (const Constant& c : f.constants) {
    U8(static_cast<uint8_t>(c.kind));
    F64(c.number);
    U16String(c.string);
    U32(c.function);
  }
  U32(static_cast<uint32_t>(f.handlers.size()));
  for (const HandlerEntry& h : f.handlers) {
    U32(h.start);
    U32(h.end);
    U32(h.target);
  }
  U32(static_cast<uint32_t>(f.positions.size()));
  for (const PositionEntry& p : f.positions) {
    U32(p.pc);
    U32(p.line);
    U32(p.column);
  }
  U32(static_cast<uint32_t>(f.children.size()));
  for (const auto& child : f.children) Function(*child);
  U32(f.num_registers);
  U32(f.num_params);
  U32(f.length);
  U32(f.num_ics);
  U8(static_cast<uint8_t>(f.kind));
  U8(f.strict);
  U8(f.is_async);
  U8(f.is_generator);
  U8(f.simple_parameters);
  U16String(f.name);
  U32(f.source_start);
  U32(f.source_end);
}

uint8_t ByteReader::U8() {
  if (!Need(1)) return 0;
  return static_cast<uint8_t>(in_[pos_++]);
}

uint32_t ByteReader::U32() {
  uint32_t v = 0;
  if (!Need(sizeof(v))) return 0;
  std::memcpy(&v, in_.data() + pos_, sizeof(v));
  pos_ += sizeof(v);
  return v;
}

double ByteReader::F64() {
  double v = 0;
  if (!Need(sizeof(v))) return 0;
  std::memcpy(&v, in_.data() + pos_, sizeof(v));
  pos_ += sizeof(v);
  return v;
}

std::string_view ByteReader::Bytes() {
  uint32_t n = U32();
  if (!Need(n)) return {};
  std::string_view b = in_.substr(pos_, n);
  pos_ += n;
  return b;
}

std::u16string ByteReader::U16String() {
  std::string_view b = Bytes();
  if (b.size() % sizeof(char16_t) != 0) {
    ok_ = false;
    return {};
  }
  std::u16string s(b.size() / sizeof(char16_t), u'\0');
  if (!b.empty()) std::memcpy(s.data(), b.data(), b.size());
  return s;
}

std::unique_ptr<CompiledFunction> ByteReader::Function(int depth) {
  if (depth > 1000) {
    ok_ = false;
    return nullptr;
  }
  auto f = std::make_unique<CompiledFunction>();
  std::string_view code = Bytes();
  f->bytecode.assign(code.begin(), code.end());
  // Counts are checked against the bytes left before anything is reserved.
  auto count = [&](size_t min_bytes_each) {
    uint32_t n = U32();
    if (ok_ && n > (in_.size() - pos_) / min_bytes_each) ok_ = false;
    return ok_ ? n : 0;
  };
  uint32_t n = count(17);
  f->constants.resize(n);
  for (Constant& c : f->constants) {
    uint8_t kind = U8();
    if (kind > static_cast<uint8_t>(Constant::Kind::kBigInt)) ok_ = false;
    c.kind = static_cast<Constant::Kind>(kind);
    c.number = F64();
    c.string = U16String();
    c.function = U32();
  }
  n = count(12);
  f->handlers.resize(n);
  for (HandlerEntry& h : f->handlers) {
    h.start = U32();
    h.end = U32();
    h.target = U32();
  }
  n = count(12);
  f->positions.resize(n);
  for (PositionEntry& p : f->positions) {
    p.pc = U32();
    p.line = U32();
    p.column = U32();
  }
  n = count(4);
  for (uint32_t i = 0; ok_ && i < n; ++i) {
    std::unique_ptr<CompiledFunction> child = Function(depth + 1);
    if (child == nullptr) return nullptr;
    f->children.push_back(std::move(child));
  }
  f->num_registers = U32();
  f->num_params = U32();
  f->length = U32();
  f->num_ics = U32();
  uint8_t kind = U8();
  if (kind > static_cast<uint8_t>(CodeKind::kModule)) ok_ = false;
  f->kind = static_cast<CodeKind>(kind);
  f->strict = U8() != 0;
  f->is_async = U8() != 0;
  f->is_generator = U8() != 0;
  f->simple_parameters = U8() != 0;
  f->name = U16String();
  f->source_start = U32();
  f->source_end = U32();
  if (!ok_) return nullptr;
  return f;
}

}  // namespace ratchet::internal
