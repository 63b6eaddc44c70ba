// Compiled functions as bytes and back: what a bytecode snapshot stores
// (the self-hosted library is compiled at build time this way; see
// runtime/selfhost_snapshot.h). The bytes are for the same build only:
// host byte order, no versioning beyond what the caller adds.
#ifndef RATCHET_COMPILER_SERIALIZE_H_
#define RATCHET_COMPILER_SERIALIZE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "compiler/compiled.h"

namespace ratchet::internal {

/// Appends bytes for primitive fields and compiled functions; Reader reads
/// them back in the same order.
class ByteWriter {
 public:
  void U8(uint8_t v) { out_.push_back(static_cast<char>(v)); }
  void U32(uint32_t v) { out_.append(reinterpret_cast<const char*>(&v), sizeof(v)); }
  void F64(double v) { out_.append(reinterpret_cast<const char*>(&v), sizeof(v)); }
  void Bytes(std::string_view b) {
    U32(static_cast<uint32_t>(b.size()));
    out_.append(b);
  }
  void U16String(const std::u16string& s) {
    Bytes(std::string_view(reinterpret_cast<const char*>(s.data()), s.size() * sizeof(char16_t)));
  }
  void Function(const CompiledFunction& f);
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
};

/// Reads what ByteWriter wrote; every read is bounds-checked (ok() turns
/// false and stays false on truncated or malformed input).
class ByteReader {
 public:
  explicit ByteReader(std::string_view in) : in_(in) {}
  bool ok() const { return ok_; }
  bool at_end() const { return pos_ == in_.size(); }
  uint8_t U8();
  uint32_t U32();
  double F64();
  std::string_view Bytes();
  std::u16string U16String();
  /// Null on malformed input (nesting is bounded).
  std::unique_ptr<CompiledFunction> Function(int depth = 0);

 private:
  bool Need(size_t n) {
    if (!ok_ || in_.size() - pos_ < n) ok_ = false;
    return ok_;
  }
  std::string_view in_;
  size_t pos_ = 0;
  bool ok_ = true;
};

}  // namespace ratchet::internal

#endif  // RATCHET_COMPILER_SERIALIZE_H_
