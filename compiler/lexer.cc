#include "compiler/lexer.h"

#include <cmath>
#include <cstdlib>

#include "compiler/parser.h"
#include "unicode/uchar.h"
#include "vm/regexp/regexp.h"
#include "vm/utf8.h"

namespace ratchet::internal {

bool IsLineTerminator(char16_t c) { return c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029; }

// ID_Start / ID_Continue at the engine's pinned Unicode version (the regexp
// engine's generated tables), not the system ICU's.
bool IsIdStart(uint32_t cp) { return regexp::IsIdentifierStart(cp); }

bool IsIdPart(uint32_t cp) { return regexp::IsIdentifierPart(cp); }

namespace {

bool IsWhitespace(char16_t c) {
  return c == 0x09 || c == 0x0B || c == 0x0C || c == 0x20 || c == 0xA0 || c == 0xFEFF ||
         (c > 127 && u_charType(c) == U_SPACE_SEPARATOR);
}

int HexValue(char16_t c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Punctuators, longest first within each leading character.
constexpr std::string_view kPunctuators[] = {
    ">>>=", "...", "===", "!==", "**=", "<<=", ">>=", ">>>", "&&=", "||=", "??=", "=>", "==", "!=", "<=",
    ">=",   "&&",  "||",  "??",  "?.",  "++",  "--",  "+=",  "-=",  "*=",  "/=",  "%=", "&=", "|=", "^=",
    "<<",   ">>",  "**",  "{",   "}",   "(",   ")",   "[",   "]",   ";",   ",",   "<",  ">",  "+",  "-",
    "*",    "/",   "%",   "&",   "|",   "^",   "!",   "~",   "?",   ":",   "=",   ".",  "@",
};

}  // namespace

std::u16string Utf8ToUtf16(std::string_view utf8) { return DecodeUtf8(utf8); }

Lexer::Lexer(std::u16string_view source, bool module) : src_(source), module_(module) {
  // Hashbang comment at the very start.
  if (src_.size() >= 2 && src_[0] == '#' && src_[1] == '!') {
    while (!AtEnd() && !IsLineTerminator(Peek())) ++pos_;
  }
}

void Lexer::NewLine() {
  char16_t c = Peek();
  ++pos_;
  if (c == '\r' && Peek() == '\n') ++pos_;
  ++line_;
  line_start_ = pos_;
}

Token Lexer::Error(Token t, std::string msg) {
  t.type = Tok::kError;
  t.error = std::move(msg);
  t.end = pos_;
  return t;
}

bool Lexer::SkipTrivia(Token* t) {
  bool line_start = pos_ == 0;
  while (!AtEnd()) {
    char16_t c = Peek();
    if (IsLineTerminator(c)) {
      NewLine();
      t->newline_before = true;
      line_start = true;
      // Annex B: --> at the start of a line is a comment (scripts only).
      continue;
    }
    if (IsWhitespace(c)) {
      ++pos_;
      continue;
    }
    if (c == '/' && Peek(1) == '/') {
      while (!AtEnd() && !IsLineTerminator(Peek())) ++pos_;
      continue;
    }
    if (c == '/' && Peek(1) == '*') {
      pos_ += 2;
      bool closed = false;
      while (!AtEnd()) {
        if (Peek() == '*' && Peek(1) == '/') {
          pos_ += 2;
          closed = true;
          break;
        }
        if (IsLineTerminator(Peek())) {
          NewLine();
          t->newline_before = true;
          line_start = true;
        } else {
          ++pos_;
        }
      }
      if (!closed) return false;
      continue;
    }
    if (!module_ && c == '<' && Peek(1) == '!' && Peek(2) == '-' && Peek(3) == '-') {
      while (!AtEnd() && !IsLineTerminator(Peek())) ++pos_;
      continue;
    }
    // B.1.1 SingleLineHTMLCloseComment: `-->` with only whitespace and
    // comments before it on its line (or at the start of the input) is a
    // comment to the end of the line (scripts only).
    if (!module_ && line_start && c == '-' && Peek(1) == '-' && Peek(2) == '>') {
      while (!AtEnd() && !IsLineTerminator(Peek())) ++pos_;
      continue;
    }
    break;
  }
  return true;
}

// After "\u": XXXX or {X...} (at most U+10FFFF). Leaves pos_ after it.
bool Lexer::ReadUnicodeEscape(uint32_t* out) {
  uint32_t v = 0;
  if (Peek() == '{') {
    ++pos_;
    int digits = 0;
    while (HexValue(Peek()) >= 0) {
      v = v * 16 + HexValue(Peek());
      if (v > 0x10FFFF) return false;
      ++pos_;
      ++digits;
    }
    if (Peek() != '}' || digits == 0) return false;
    ++pos_;
  } else {
    for (int k = 0; k < 4; ++k) {
      int h = HexValue(Peek());
      if (h < 0) return false;
      v = v * 16 + h;
      ++pos_;
    }
  }
  *out = v;
  return true;
}

bool Lexer::ReadIdentifierChar(uint32_t* cp, bool* escaped, bool start) {
  char16_t c = Peek();
  if (c == '\\') {
    if (Peek(1) != 'u') return false;
    uint32_t save = pos_;
    pos_ += 2;
    uint32_t v = 0;
    if (!ReadUnicodeEscape(&v)) {
      pos_ = save;
      return false;
    }
    if (start ? !IsIdStart(v) : !IsIdPart(v)) {
      pos_ = save;
      return false;
    }
    *cp = v;
    *escaped = true;
    return true;
  }
  uint32_t v = c;
  int len = 1;
  if (c >= 0xD800 && c <= 0xDBFF && Peek(1) >= 0xDC00 && Peek(1) <= 0xDFFF) {
    v = 0x10000 + ((c - 0xD800) << 10) + (Peek(1) - 0xDC00);
    len = 2;
  }
  if (start ? !IsIdStart(v) : !IsIdPart(v)) return false;
  pos_ += len;
  *cp = v;
  return true;
}

Token Lexer::ScanIdentifier(Token t, bool private_name) {
  uint32_t cp;
  bool escaped = false;
  if (!ReadIdentifierChar(&cp, &escaped, true)) return Error(t, "Invalid or unexpected token");
  AppendCodePoint(&t.value, cp);
  while (!AtEnd() && ReadIdentifierChar(&cp, &escaped, false)) AppendCodePoint(&t.value, cp);
  if (Peek() == '\\') return Error(t, "Invalid Unicode escape sequence");
  t.escaped = escaped;
  t.type = private_name ? Tok::kPrivateName : Tok::kIdentifier;
  t.end = pos_;
  return t;
}

Token Lexer::ScanNumber(Token t) {
  uint32_t start = pos_;
  std::string digits;
  auto read_digits = [&](int base, bool allow_sep) -> bool {
    bool any = false;
    bool last_sep = false;
    while (!AtEnd()) {
      char16_t c = Peek();
      if (c == '_' && allow_sep) {
        if (!any || last_sep) return false;
        last_sep = true;
        ++pos_;
        continue;
      }
      int v = HexValue(c);
      if (c >= 'g' && c <= 'z') v = 99;
      if (v < 0 || v >= base) break;
      digits.push_back(static_cast<char>(c));
      any = true;
      last_sep = false;
      ++pos_;
    }
    return !last_sep;
  };
  char16_t c = Peek();
  if (c == '0' && (Peek(1) == 'x' || Peek(1) == 'X' || Peek(1) == 'o' || Peek(1) == 'O' || Peek(1) == 'b' ||
                   Peek(1) == 'B')) {
    int base = (Peek(1) | 0x20) == 'x' ? 16 : (Peek(1) | 0x20) == 'o' ? 8 : 2;
    pos_ += 2;
    if (!read_digits(base, true) || digits.empty()) return Error(t, "Invalid or unexpected token");
    if (Peek() == 'n') {
      ++pos_;
      // Convert to decimal digits (arbitrary precision, simple schoolbook).
      std::string dec = "0";
      for (char d : digits) {
        int v = HexValue(d);
        int carry = v;
        for (int i = static_cast<int>(dec.size()) - 1; i >= 0; --i) {
          int x = (dec[i] - '0') * base + carry;
          dec[i] = static_cast<char>('0' + x % 10);
          carry = x / 10;
        }
        while (carry > 0) {
          dec.insert(dec.begin(), static_cast<char>('0' + carry % 10));
          carry /= 10;
        }
      }
      t.type = Tok::kBigInt;
      for (char d : dec) t.value.push_back(d);
    } else {
      double v = 0;
      for (char d : digits) v = v * base + HexValue(d);
      t.type = Tok::kNumber;
      t.number = v;
    }
  } else if (c == '0' && Peek(1) == '_') {
    return Error(t, "Numeric separators are not allowed here");
  } else if (c == '0' && Peek(1) >= '0' && Peek(1) <= '9') {
    // Legacy octal (017) or non-octal decimal (08, 09).
    t.legacy_octal = true;
    ++pos_;
    bool octal = true;
    while (Peek() >= '0' && Peek() <= '9') {
      if (Peek() >= '8') octal = false;
      digits.push_back(static_cast<char>(Peek()));
      ++pos_;
    }
    if (Peek() == '_') return Error(t, "Numeric separators are not allowed here");
    if (!octal && (Peek() == '.' || Peek() == 'e' || Peek() == 'E')) {
      // 08.5 is a decimal literal.
      std::string text = "0" + digits;
      if (Peek() == '.') {
        text.push_back('.');
        ++pos_;
        while (Peek() >= '0' && Peek() <= '9') text.push_back(static_cast<char>(Peek())), ++pos_;
      }
      t.number = std::strtod(text.c_str(), nullptr);
    } else {
      double v = 0;
      for (char d : digits) v = v * (octal ? 8 : 10) + (d - '0');
      t.number = v;
    }
    t.type = Tok::kNumber;
  } else {
    if (!read_digits(10, true)) return Error(t, "Numeric separators are not allowed here");
    std::string text = digits;
    bool is_int = true;
    if (Peek() == '.') {
      is_int = false;
      ++pos_;
      text.push_back('.');
      digits.clear();
      if (Peek() == '_') return Error(t, "Numeric separators are not allowed here");
      if (!read_digits(10, true)) return Error(t, "Numeric separators are not allowed here");
      text += digits;
    }
    if (Peek() == 'e' || Peek() == 'E') {
      is_int = false;
      ++pos_;
      text.push_back('e');
      if (Peek() == '+' || Peek() == '-') text.push_back(static_cast<char>(Peek())), ++pos_;
      digits.clear();
      if (!read_digits(10, true) || digits.empty()) return Error(t, "Invalid or unexpected token");
      text += digits;
    }
    if (text == "." ) return Error(t, "Invalid or unexpected token");
    if (Peek() == 'n' && is_int) {
      ++pos_;
      t.type = Tok::kBigInt;
      size_t nz = text.find_first_not_of('0');
      std::string dec = nz == std::string::npos ? "0" : text.substr(nz);
      for (char d : dec) t.value.push_back(d);
    } else {
      t.type = Tok::kNumber;
      t.number = std::strtod(text.c_str(), nullptr);
    }
  }
  (void)start;
  // An identifier start or digit right after a number is an error (3in).
  if (!AtEnd()) {
    uint32_t cp = Peek();
    if (IsIdStart(cp) || (cp >= '0' && cp <= '9') || cp == '\\') {
      return Error(t, "Invalid or unexpected token");
    }
  }
  t.end = pos_;
  return t;
}

bool Lexer::ScanEscape(Token* t, std::u16string* out, bool in_template) {
  // At the character after the backslash.
  char16_t c = Peek();
  if (IsLineTerminator(c)) {  // line continuation
    NewLine();
    return true;
  }
  ++pos_;
  switch (c) {
    case 'n': out->push_back('\n'); return true;
    case 't': out->push_back('\t'); return true;
    case 'r': out->push_back('\r'); return true;
    case 'b': out->push_back('\b'); return true;
    case 'f': out->push_back('\f'); return true;
    case 'v': out->push_back('\v'); return true;
    case 'x': {
      int h1 = HexValue(Peek()), h2 = HexValue(Peek(1));
      if (h1 < 0 || h2 < 0) return false;
      pos_ += 2;
      out->push_back(static_cast<char16_t>(h1 * 16 + h2));
      return true;
    }
    case 'u': {
      uint32_t v = 0;
      if (!ReadUnicodeEscape(&v)) return false;
      AppendCodePoint(out, v);
      return true;
    }
    default:
      break;
  }
  if (c >= '0' && c <= '7') {
    if (c == '0' && !(Peek() >= '0' && Peek() <= '9')) {
      out->push_back(0);
      return true;
    }
    if (in_template) return false;
    t->legacy_octal = true;
    uint32_t v = c - '0';
    if (Peek() >= '0' && Peek() <= '7') {
      v = v * 8 + (Peek() - '0');
      ++pos_;
      if (c <= '3' && Peek() >= '0' && Peek() <= '7') {
        v = v * 8 + (Peek() - '0');
        ++pos_;
      }
    }
    out->push_back(static_cast<char16_t>(v));
    return true;
  }
  if (c == '8' || c == '9') {
    if (in_template) return false;
    t->legacy_octal = true;
  }
  if (c == 0 && AtEnd()) return false;
  out->push_back(c);
  return true;
}

Token Lexer::ScanString(Token t, char16_t quote) {
  ++pos_;
  while (true) {
    if (AtEnd()) return Error(t, "Invalid or unexpected token");
    char16_t c = Peek();
    if (c == quote) {
      ++pos_;
      break;
    }
    if (c == '\n' || c == '\r') return Error(t, "Invalid or unexpected token");
    if (c == '\\') {
      ++pos_;
      if (AtEnd() || !ScanEscape(&t, &t.value, false)) return Error(t, "Invalid escape sequence");
      continue;
    }
    t.value.push_back(c);
    ++pos_;
  }
  t.type = Tok::kString;
  t.end = pos_;
  return t;
}

Token Lexer::ScanTemplate(Token t) {
  // At the character after ` or }.
  t.type = Tok::kTemplate;
  while (true) {
    if (AtEnd()) return Error(t, "Unterminated template literal");
    char16_t c = Peek();
    if (c == '`') {
      ++pos_;
      t.template_tail = true;
      break;
    }
    if (c == '$' && Peek(1) == '{') {
      pos_ += 2;
      break;
    }
    if (c == '\\') {
      uint32_t raw_start = pos_;
      ++pos_;
      std::u16string cooked;
      if (AtEnd() || !ScanEscape(&t, &cooked, true)) {
        t.cooked_valid = false;
        // Skip the rest of the bad escape: up to the next ` or ${ handled by loop.
        if (pos_ == raw_start + 1 && !AtEnd()) ++pos_;
      } else {
        t.value += cooked;
      }
      for (uint32_t k = raw_start; k < pos_; ++k) {
        char16_t r = src_[k];
        if (r == '\r') {
          t.raw.push_back('\n');
          if (k + 1 < pos_ && src_[k + 1] == '\n') ++k;
        } else {
          t.raw.push_back(r);
        }
      }
      continue;
    }
    if (IsLineTerminator(c)) {
      char16_t normalized = c == '\r' ? '\n' : c;
      NewLine();
      t.value.push_back(normalized);
      t.raw.push_back(normalized);
      continue;
    }
    t.value.push_back(c);
    t.raw.push_back(c);
    ++pos_;
  }
  t.end = pos_;
  return t;
}

Token Lexer::Next() {
  Token t;
  if (!SkipTrivia(&t)) {
    t.start = pos_;
    return Error(t, "Invalid or unexpected token");
  }
  t.start = pos_;
  t.line = line_;
  t.column = pos_ - line_start_ + 1;
  if (AtEnd()) {
    t.type = Tok::kEof;
    t.end = pos_;
    return t;
  }
  char16_t c = Peek();
  if (c == '"' || c == '\'') return ScanString(t, c);
  if (c == '`') {
    ++pos_;
    return ScanTemplate(t);
  }
  if ((c >= '0' && c <= '9') || (c == '.' && Peek(1) >= '0' && Peek(1) <= '9')) return ScanNumber(t);
  if (c == '#') {
    ++pos_;
    return ScanIdentifier(t, true);
  }
  uint32_t cp = c;
  if (c >= 0xD800 && c <= 0xDBFF && Peek(1) >= 0xDC00 && Peek(1) <= 0xDFFF) {
    cp = 0x10000 + ((c - 0xD800) << 10) + (Peek(1) - 0xDC00);
  }
  if (IsIdStart(cp) || c == '\\') return ScanIdentifier(t, false);
  for (std::string_view p : kPunctuators) {
    if (static_cast<unsigned char>(p[0]) != c) continue;
    size_t n = p.size();
    bool match = true;
    for (size_t k = 1; k < n; ++k) {
      if (Peek(static_cast<uint32_t>(k)) != static_cast<unsigned char>(p[k])) {
        match = false;
        break;
      }
    }
    // `?.` followed by a digit is `?` then a number.
    if (match && n == 2 && p[0] == '?' && p[1] == '.' && Peek(2) >= '0' && Peek(2) <= '9') match = false;
    if (match) {
      pos_ += static_cast<uint32_t>(n);
      t.type = Tok::kPunct;
      t.punct = p;
      t.end = pos_;
      return t;
    }
  }
  ++pos_;
  return Error(t, "Invalid or unexpected token");
}

Token Lexer::RescanRegExp(const Token& prev) {
  pos_ = prev.start;
  Token t = prev;
  t.type = Tok::kRegExp;
  t.value.clear();
  t.raw.clear();
  ++pos_;  // '/'
  bool in_class = false;
  while (true) {
    if (AtEnd() || IsLineTerminator(Peek())) return Error(t, "Invalid regular expression: missing /");
    char16_t c = Peek();
    if (c == '\\') {
      t.value.push_back(c);
      ++pos_;
      if (AtEnd() || IsLineTerminator(Peek())) return Error(t, "Invalid regular expression: missing /");
      t.value.push_back(Peek());
      ++pos_;
      continue;
    }
    if (c == '[') in_class = true;
    if (c == ']') in_class = false;
    if (c == '/' && !in_class) {
      ++pos_;
      break;
    }
    t.value.push_back(c);
    ++pos_;
  }
  uint32_t cp;
  bool escaped = false;
  while (!AtEnd() && ReadIdentifierChar(&cp, &escaped, false)) {
    if (escaped) return Error(t, "Invalid regular expression flags");
    AppendCodePoint(&t.raw, cp);
  }
  // Flags: from dgimsuyv, no duplicates, not both u and v.
  std::u16string seen;
  for (char16_t f : t.raw) {
    if (std::u16string_view(u"dgimsuyv").find(f) == std::u16string_view::npos ||
        seen.find(f) != std::u16string::npos) {
      return Error(t, "Invalid regular expression flags");
    }
    seen.push_back(f);
  }
  if (seen.find(u'u') != std::u16string::npos && seen.find(u'v') != std::u16string::npos) {
    return Error(t, "Invalid regular expression flags");
  }
  t.end = pos_;
  return t;
}

Token Lexer::RescanTemplate(const Token& prev) {
  pos_ = prev.start + 1;  // after '}'
  Token t = prev;
  t.value.clear();
  t.raw.clear();
  t.cooked_valid = true;
  t.template_tail = false;
  return ScanTemplate(t);
}

}  // namespace ratchet::internal
