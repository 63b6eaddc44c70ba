// ratchet::HostData: the host's JSON-like data (api/ratchet.h) — member
// lookup, equality, and JSON text both ways. Pure C++: no runtime needed.
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "api/ratchet.h"
#include "double-conversion/double-conversion.h"
#include "vm/utf8.h"

namespace ratchet {

const HostData* HostData::Find(std::string_view name) const {
  if (type != Type::kObject) return nullptr;
  for (const auto& [key, value] : members) {
    if (key == name) return &value;
  }
  return nullptr;
}

HostData* HostData::Find(std::string_view name) {
  return const_cast<HostData*>(static_cast<const HostData*>(this)->Find(name));
}

bool operator==(const HostData& a, const HostData& b) {
  if (a.type != b.type) return false;
  switch (a.type) {
    case HostData::Type::kUndefined:
    case HostData::Type::kNull:
      return true;
    case HostData::Type::kBoolean:
      return a.boolean == b.boolean;
    case HostData::Type::kNumber:
      return a.number == b.number || (std::isnan(a.number) && std::isnan(b.number));
    case HostData::Type::kString:
      return a.string == b.string;
    case HostData::Type::kArray:
      return a.elements == b.elements;
    case HostData::Type::kObject:
      return a.members == b.members;
  }
  return false;
}

namespace {

constexpr int kMaxJsonDepth = 1000;

// A code point (a scalar value, or U+FFFD) as UTF-8.
void AppendUtf8(uint32_t cp, std::string* out) {
  std::u16string units;
  internal::AppendCodePoint(&units, cp);
  out->append(internal::EncodeUtf8(units));
}

// A recursive-descent JSON parser; nesting is bounded (kMaxJsonDepth), so
// the C++ stack is too.
class JsonParser {
 public:
  explicit JsonParser(std::string_view text) : text_(text) {}

  bool Parse(HostData* out, std::string* error) {
    SkipSpace();
    if (!Value(out, 0)) {
      *error = Where() + error_;
      return false;
    }
    SkipSpace();
    if (pos_ != text_.size()) {
      *error = Where() + "unexpected text after the JSON value";
      return false;
    }
    return true;
  }

 private:
  std::string Where() const {
    uint32_t line = 1, column = 1;
    for (size_t i = 0; i < pos_ && i < text_.size(); ++i) {
      if (text_[i] == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
    }
    return absl::StrCat(line, ":", column, ": ");
  }
  bool Fail(std::string message) {
    error_ = std::move(message);
    return false;
  }
  void SkipSpace() {
    while (pos_ < text_.size() &&
           (text_[pos_] == ' ' || text_[pos_] == '\t' || text_[pos_] == '\n' || text_[pos_] == '\r')) {
      ++pos_;
    }
  }
  bool Literal(std::string_view word) {
    if (text_.substr(pos_, word.size()) != word) return Fail("unexpected token");
    pos_ += word.size();
    return true;
  }

  bool Value(HostData* out, int depth) {
    if (depth >= kMaxJsonDepth) return Fail("JSON nested too deeply");
    if (pos_ >= text_.size()) return Fail("unexpected end of JSON input");
    char c = text_[pos_];
    switch (c) {
      case 'n':
        *out = HostData::Null();
        return Literal("null");
      case 't':
        *out = HostData::Boolean(true);
        return Literal("true");
      case 'f':
        *out = HostData::Boolean(false);
        return Literal("false");
      case '"':
        *out = HostData::String("");
        return String(&out->string);
      case '[': {
        ++pos_;
        *out = HostData::Array();
        SkipSpace();
        if (pos_ < text_.size() && text_[pos_] == ']') {
          ++pos_;
          return true;
        }
        for (;;) {
          SkipSpace();
          out->elements.emplace_back();
          if (!Value(&out->elements.back(), depth + 1)) return false;
          SkipSpace();
          if (pos_ < text_.size() && text_[pos_] == ',') {
            ++pos_;
            continue;
          }
          if (pos_ < text_.size() && text_[pos_] == ']') {
            ++pos_;
            return true;
          }
          return Fail("expected ',' or ']'");
        }
      }
      case '{': {
        ++pos_;
        *out = HostData::Object();
        SkipSpace();
        if (pos_ < text_.size() && text_[pos_] == '}') {
          ++pos_;
          return true;
        }
        absl::flat_hash_map<std::string, size_t> index;  // member positions, by key
        for (;;) {
          SkipSpace();
          if (pos_ >= text_.size() || text_[pos_] != '"') return Fail("expected a string key");
          std::string key;
          if (!String(&key)) return false;
          SkipSpace();
          if (pos_ >= text_.size() || text_[pos_] != ':') return Fail("expected ':'");
          ++pos_;
          SkipSpace();
          HostData value;
          if (!Value(&value, depth + 1)) return false;
          // JSON.parse keeps the last of duplicate keys, in the first one's place.
          auto [it, added] = index.try_emplace(key, out->members.size());
          if (added) {
            out->members.emplace_back(std::move(key), std::move(value));
          } else {
            out->members[it->second].second = std::move(value);
          }
          SkipSpace();
          if (pos_ < text_.size() && text_[pos_] == ',') {
            ++pos_;
            continue;
          }
          if (pos_ < text_.size() && text_[pos_] == '}') {
            ++pos_;
            return true;
          }
          return Fail("expected ',' or '}'");
        }
      }
      default:
        if (c == '-' || (c >= '0' && c <= '9')) return Number(out);
        return Fail("unexpected token");
    }
  }

  bool Number(HostData* out) {
    size_t start = pos_;
    auto digits = [&] {
      size_t from = pos_;
      while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') ++pos_;
      return pos_ > from;
    };
    if (text_[pos_] == '-') ++pos_;
    if (pos_ < text_.size() && text_[pos_] == '0') {
      ++pos_;
    } else if (!digits()) {
      return Fail("bad number");
    }
    if (pos_ < text_.size() && text_[pos_] == '.') {
      ++pos_;
      if (!digits()) return Fail("bad number");
    }
    if (pos_ < text_.size() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
      ++pos_;
      if (pos_ < text_.size() && (text_[pos_] == '+' || text_[pos_] == '-')) ++pos_;
      if (!digits()) return Fail("bad number");
    }
    // (double-conversion: the host's locale does not change what "1.5" means.)
    static const double_conversion::StringToDoubleConverter converter(
        double_conversion::StringToDoubleConverter::NO_FLAGS, 0.0, std::nan(""), nullptr, nullptr);
    int processed = 0;
    *out = HostData::Number(converter.StringToDouble(text_.data() + start, static_cast<int>(pos_ - start), &processed));
    return true;
  }

  bool Hex4(uint32_t* out) {
    if (pos_ + 4 > text_.size()) return Fail("bad \\u escape");
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i) {
      char h = text_[pos_++];
      v <<= 4;
      if (h >= '0' && h <= '9') {
        v |= h - '0';
      } else if (h >= 'a' && h <= 'f') {
        v |= h - 'a' + 10;
      } else if (h >= 'A' && h <= 'F') {
        v |= h - 'A' + 10;
      } else {
        return Fail("bad \\u escape");
      }
    }
    *out = v;
    return true;
  }

  bool String(std::string* out) {
    ++pos_;  // the opening quote
    for (;;) {
      if (pos_ >= text_.size()) return Fail("unterminated string");
      unsigned char c = text_[pos_];
      if (c == '"') {
        ++pos_;
        return true;
      }
      if (c < 0x20) return Fail("control character in a string");
      if (c != '\\') {
        out->push_back(static_cast<char>(c));
        ++pos_;
        continue;
      }
      if (++pos_ >= text_.size()) return Fail("unterminated string");
      char e = text_[pos_++];
      switch (e) {
        case '"': out->push_back('"'); break;
        case '\\': out->push_back('\\'); break;
        case '/': out->push_back('/'); break;
        case 'b': out->push_back('\b'); break;
        case 'f': out->push_back('\f'); break;
        case 'n': out->push_back('\n'); break;
        case 'r': out->push_back('\r'); break;
        case 't': out->push_back('\t'); break;
        case 'u': {
          uint32_t cp;
          if (!Hex4(&cp)) return false;
          if (cp >= 0xD800 && cp <= 0xDBFF && text_.substr(pos_, 2) == "\\u") {
            size_t save = pos_;
            pos_ += 2;
            uint32_t low;
            if (!Hex4(&low)) return false;
            if (low >= 0xDC00 && low <= 0xDFFF) {
              cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            } else {
              pos_ = save;  // a lone high surrogate, then another escape
            }
          }
          // A lone surrogate has no UTF-8 form: U+FFFD stands for it.
          if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xFFFD;
          AppendUtf8(cp, out);
          break;
        }
        default:
          return Fail("bad escape in a string");
      }
    }
  }

  std::string_view text_;
  size_t pos_ = 0;
  std::string error_;
};

void Quote(const std::string& s, std::string* out) {
  out->push_back('"');
  for (unsigned char c : s) {
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\b': out->append("\\b"); break;
      case '\f': out->append("\\f"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof(buf), "\\u%04x", c);
          out->append(buf);
        } else {
          out->push_back(static_cast<char>(c));
        }
    }
  }
  out->push_back('"');
}

// Number::toString's form (ECMA-262 6.1.6.1.20), whatever the locale.
void AppendNumber(double d, std::string* out) {
  if (!std::isfinite(d)) {
    out->append("null");
    return;
  }
  char buf[64];
  double_conversion::StringBuilder builder(buf, sizeof(buf));
  double_conversion::DoubleToStringConverter::EcmaScriptConverter().ToShortest(d, &builder);
  out->append(builder.Finalize());
}

// Recursive over nesting depth: host data the host built is as deep as
// the host made it; data built by FromJson or ToHost is bounded (1,000
// levels). Stops adding once `out` is longer than `limit`.
void AppendJson(const HostData& d, size_t limit, std::string* out) {
  if (out->size() > limit) return;
  switch (d.type) {
    case HostData::Type::kUndefined:
    case HostData::Type::kNull:
      out->append("null");
      return;
    case HostData::Type::kBoolean:
      out->append(d.boolean ? "true" : "false");
      return;
    case HostData::Type::kNumber:
      AppendNumber(d.number, out);
      return;
    case HostData::Type::kString:
      Quote(d.string, out);
      return;
    case HostData::Type::kArray: {
      out->push_back('[');
      for (size_t i = 0; i < d.elements.size() && out->size() <= limit; ++i) {
        if (i > 0) out->push_back(',');
        AppendJson(d.elements[i], limit, out);
      }
      out->push_back(']');
      return;
    }
    case HostData::Type::kObject: {
      out->push_back('{');
      bool first = true;
      for (const auto& [key, value] : d.members) {
        if (out->size() > limit) break;
        if (value.type == HostData::Type::kUndefined) continue;
        if (!first) out->push_back(',');
        first = false;
        Quote(key, out);
        out->push_back(':');
        AppendJson(value, limit, out);
      }
      out->push_back('}');
      return;
    }
  }
}

}  // namespace

bool HostData::FromJson(std::string_view json, HostData* out, std::string* error) {
  return JsonParser(json).Parse(out, error);
}

std::string HostData::ToJson() const {
  std::string out;
  AppendJson(*this, SIZE_MAX, &out);
  return out;
}

void AppendJsonLimited(const HostData& d, size_t limit, std::string* out) { AppendJson(d, limit, out); }

}  // namespace ratchet
