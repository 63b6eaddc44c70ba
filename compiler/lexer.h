// The tokenizer: UTF-16 source -> tokens, on demand. The parser decides
// between division and a regular expression, and resumes template literals
// after a substitution, by asking for a rescan in the right mode.
#ifndef RATCHET_COMPILER_LEXER_H_
#define RATCHET_COMPILER_LEXER_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace ratchet::internal {

enum class Tok : uint8_t {
  kEof,
  kIdentifier,   // identifiers and keywords (value = name, escaped if any \u)
  kPrivateName,  // #name
  kPunct,        // punctuators (text in `punct`)
  kNumber,
  kBigInt,
  kString,
  kTemplate,     // a template chunk: `...` or `...${ or }...${ or }...`
  kRegExp,
  kError,
};

struct Token {
  Tok type = Tok::kEof;
  uint32_t start = 0;  // offset
  uint32_t end = 0;
  uint32_t line = 1;
  uint32_t column = 1;
  bool newline_before = false;
  bool escaped = false;        // identifier written with \u escapes
  bool legacy_octal = false;   // 017, 08, "\01" (sloppy only)
  bool template_tail = false;  // kTemplate: ends with ` (not ${)
  bool cooked_valid = true;    // kTemplate: cooked value is valid
  std::string_view punct;      // kPunct
  double number = 0;           // kNumber
  std::u16string value;        // identifier name, string value, cooked template, regexp body,
                               // BigInt decimal digits
  std::u16string raw;          // template raw text; regexp flags
  std::string error;           // kError
};

class Lexer {
 public:
  explicit Lexer(std::u16string_view source, bool module);

  /// Scans the next token (a '/' is division).
  Token Next();
  /// Rescans from `t.start` as a regular expression literal.
  Token RescanRegExp(const Token& t);
  /// Rescans from `t.start` (a '}' token) as a template continuation.
  Token RescanTemplate(const Token& t);

  struct State {
    uint32_t pos, line, line_start;
  };
  State Save() const { return {pos_, line_, line_start_}; }
  void Restore(State s) {
    pos_ = s.pos;
    line_ = s.line;
    line_start_ = s.line_start;
  }
  std::u16string_view source() const { return src_; }

 private:
  char16_t Peek(uint32_t k = 0) const { return pos_ + k < src_.size() ? src_[pos_ + k] : 0; }
  bool AtEnd() const { return pos_ >= src_.size(); }
  bool SkipTrivia(Token* t);  // false on an error (unterminated comment)
  void NewLine();
  Token Error(Token t, std::string msg);
  Token ScanIdentifier(Token t, bool private_name);
  Token ScanNumber(Token t);
  Token ScanString(Token t, char16_t quote);
  Token ScanTemplate(Token t);
  bool ScanEscape(Token* t, std::u16string* out, bool in_template);
  bool ReadIdentifierChar(uint32_t* cp, bool* escaped, bool start);
  bool ReadUnicodeEscape(uint32_t* out);

  std::u16string_view src_;
  bool module_;
  uint32_t pos_ = 0;
  uint32_t line_ = 1;
  uint32_t line_start_ = 0;
};

bool IsIdStart(uint32_t cp);
bool IsIdPart(uint32_t cp);
bool IsLineTerminator(char16_t c);

}  // namespace ratchet::internal

#endif  // RATCHET_COMPILER_LEXER_H_
