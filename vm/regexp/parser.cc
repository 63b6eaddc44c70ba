// 22.2.1 Patterns: the pattern grammar with its early errors, and Annex
// B.1.2 (Regular Expressions Patterns) outside Unicode mode.
// https://tc39.es/ecma262/#sec-patterns
#include <algorithm>
#include <set>

#include "vm/regexp/internal.h"

namespace ratchet::regexp {

namespace {

bool IsSyntaxCharacter(uint32_t c) {
  switch (c) {
    case '^': case '$': case '\\': case '.': case '*': case '+': case '?':
    case '(': case ')': case '[': case ']': case '{': case '}': case '|':
      return true;
    default:
      return false;
  }
}

bool IsDecimalDigit(uint32_t c) { return c >= '0' && c <= '9'; }
bool IsAsciiLetter(uint32_t c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
int HexValue(uint32_t c) {
  if (c >= '0' && c <= '9') return static_cast<int>(c - '0');
  if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f') return static_cast<int>((c | 0x20) - 'a' + 10);
  return -1;
}
bool IsLead(uint32_t c) { return c >= 0xD800 && c <= 0xDBFF; }
bool IsTrail(uint32_t c) { return c >= 0xDC00 && c <= 0xDFFF; }
uint32_t Combine(uint32_t lead, uint32_t trail) { return 0x10000 + ((lead - 0xD800) << 10) + (trail - 0xDC00); }

// v-mode: characters that must be escaped inside a class, and the doubled
// punctuators that are reserved.
bool IsClassSetSyntaxCharacter(uint32_t c) {
  switch (c) {
    case '(': case ')': case '[': case ']': case '{': case '}': case '/': case '-': case '\\': case '|':
      return true;
    default:
      return false;
  }
}
bool IsClassSetReservedDoublePunctuatorChar(uint32_t c) {
  switch (c) {
    case '&': case '!': case '#': case '$': case '%': case '*': case '+': case ',': case '.':
    case ':': case ';': case '<': case '=': case '>': case '?': case '@': case '^': case '`': case '~':
      return true;
    default:
      return false;
  }
}
bool IsClassSetReservedPunctuator(uint32_t c) {
  switch (c) {
    case '&': case '-': case '!': case '#': case '%': case ',': case ':': case ';': case '<':
    case '=': case '>': case '@': case '`': case '~':
      return true;
    default:
      return false;
  }
}

// A class atom: a single character or a set (class escape).
struct ClassAtom {
  bool is_set = false;
  uint32_t c = 0;
  StringSet set;
};

class Parser {
 public:
  Parser(std::u16string_view src, const Flags& flags, ParsedPattern* out)
      : src_(src), flags_(flags), unicode_(flags.either_unicode()), vmode_(flags.unicode_sets), out_(out) {}

  bool Parse(std::string* error) {
    Prescan();
    Node* root = ParseDisjunction();
    if (ok_ && pos_ < src_.size()) {
      Fail(Peek() == ')' ? "Unmatched ')'" : "Unexpected character");
    }
    if (ok_) ResolveNamedReferences();
    if (!ok_) {
      *error = error_;
      return false;
    }
    out_->root = root;
    out_->capture_count = capture_index_;
    return true;
  }

 private:
  // ---- Source reading (code points in Unicode mode) ----
  bool AtEnd() const { return pos_ >= src_.size(); }
  uint32_t Peek(size_t ahead = 0) const {
    size_t p = pos_ + ahead;
    return p < src_.size() ? src_[p] : 0xFFFFFFFF;
  }
  // The source character at pos_ (a code point in Unicode mode), and its
  // width in code units.
  uint32_t PeekChar(size_t* width) const {
    uint32_t c = src_[pos_];
    *width = 1;
    if (unicode_ && IsLead(c) && pos_ + 1 < src_.size() && IsTrail(src_[pos_ + 1])) {
      *width = 2;
      return Combine(c, src_[pos_ + 1]);
    }
    return c;
  }
  uint32_t NextChar() {
    size_t w;
    uint32_t c = PeekChar(&w);
    pos_ += w;
    return c;
  }
  bool Eat(uint32_t c) {
    if (Peek() == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  Node* Fail(const char* message) {
    if (ok_) {
      ok_ = false;
      error_ = message;
    }
    return nullptr;
  }
  Node* NewNode(NodeType type) {
    out_->nodes.emplace_back();
    Node* n = &out_->nodes.back();
    n->type = type;
    return n;
  }

  // Counts capturing groups and notes named groups (the parse needs both
  // before it sees a backreference).
  void Prescan() {
    size_t i = 0;
    int class_depth = 0;
    while (i < src_.size()) {
      char16_t c = src_[i];
      if (c == '\\') {
        i += 2;
        continue;
      }
      if (class_depth > 0) {
        if (c == ']') --class_depth;
        else if (c == '[' && vmode_) ++class_depth;
      } else if (c == '[') {
        ++class_depth;
      } else if (c == '(') {
        if (i + 1 < src_.size() && src_[i + 1] == '?') {
          if (i + 2 < src_.size() && src_[i + 2] == '<' && i + 3 < src_.size() && src_[i + 3] != '=' &&
              src_[i + 3] != '!') {
            ++total_groups_;
            has_named_groups_ = true;
          }
        } else {
          ++total_groups_;
        }
      }
      ++i;
    }
  }

  // ---- Disjunction / Alternative / Term ----
  Node* ParseDisjunction() {
    if (++depth_ > kMaxDepth) return Fail("Regular expression too large");
    uint32_t disj_id = next_disjunction_id_++;
    uint32_t alt_index = 0;
    path_.push_back({disj_id, alt_index});
    Node* first = ParseAlternative();
    if (!ok_) return nullptr;
    Node* result = first;
    if (Peek() == '|') {
      Node* alt = NewNode(NodeType::kAlt);
      alt->children.push_back(first);
      while (Eat('|')) {
        path_.back().second = ++alt_index;
        Node* next = ParseAlternative();
        if (!ok_) return nullptr;
        alt->children.push_back(next);
      }
      result = alt;
    }
    path_.pop_back();
    --depth_;
    return result;
  }

  Node* ParseAlternative() {
    Node* seq = NewNode(NodeType::kSeq);
    while (ok_ && !AtEnd() && Peek() != '|' && Peek() != ')') {
      Node* term = ParseTerm();
      if (!ok_) return nullptr;
      if (term != nullptr) seq->children.push_back(term);
    }
    return seq;
  }

  Node* ParseTerm() {
    uint32_t c = Peek();
    uint32_t captures_before = capture_index_;
    Node* atom = nullptr;
    bool quantifiable = true;
    switch (c) {
      case '^':
      case '$': {
        ++pos_;
        Node* n = NewNode(NodeType::kAssert);
        n->assert_kind = c == '^' ? AssertKind::kStart : AssertKind::kEnd;
        return RejectQuantifier(n);
      }
      case '\\':
        if (Peek(1) == 'b' || Peek(1) == 'B') {
          pos_ += 2;
          Node* n = NewNode(NodeType::kAssert);
          n->assert_kind = src_[pos_ - 1] == 'b' ? AssertKind::kWordBoundary : AssertKind::kNotWordBoundary;
          return RejectQuantifier(n);
        }
        ++pos_;
        atom = ParseAtomEscape();
        break;
      case '(':
        atom = ParseGroup(&quantifiable);
        break;
      case '.':
        ++pos_;
        atom = NewNode(NodeType::kDot);
        break;
      case '[':
        ++pos_;
        atom = vmode_ ? ParseClassSetClass() : ParseClass();
        break;
      case '*':
      case '+':
      case '?':
        return Fail("Nothing to repeat");
      case '{':
        if (unicode_) return Fail("Lone quantifier brackets");
        {
          // B.1.2: an InvalidBracedQuantifier is an error; any other { is literal.
          size_t save = pos_;
          uint32_t min, max;
          if (ParseBracedQuantifier(&min, &max)) return Fail("Nothing to repeat");
          pos_ = save + 1;
          atom = NewChar('{');
        }
        break;
      case ']':
      case '}':
        if (unicode_) return Fail("Lone quantifier brackets");
        ++pos_;
        atom = NewChar(c);
        break;
      default:
        atom = NewChar(NextChar());
        break;
    }
    if (!ok_) return nullptr;
    if (!quantifiable) return RejectQuantifier(atom);
    return ParseQuantifier(atom, captures_before);
  }

  Node* NewChar(uint32_t c) {
    Node* n = NewNode(NodeType::kChar);
    n->c = c;
    return n;
  }

  Node* RejectQuantifier(Node* n) {
    uint32_t c = Peek();
    if (c == '*' || c == '+' || c == '?') return Fail("Nothing to repeat");
    if (c == '{') {
      size_t save = pos_;
      uint32_t min, max;
      if (ParseBracedQuantifier(&min, &max)) return Fail("Nothing to repeat");
      pos_ = save;
      if (unicode_) return Fail("Lone quantifier brackets");
    }
    return n;
  }

  // {n}, {n,}, {n,m} at pos_; on success consumes it.
  bool ParseBracedQuantifier(uint32_t* min, uint32_t* max) {
    size_t save = pos_;
    if (!Eat('{')) return false;
    if (!ParseDecimal(min)) {
      pos_ = save;
      return false;
    }
    *max = *min;
    if (Eat(',')) {
      if (IsDecimalDigit(Peek())) {
        ParseDecimal(max);
      } else {
        *max = kInfinity;
      }
    }
    if (!Eat('}')) {
      pos_ = save;
      return false;
    }
    return true;
  }

  bool ParseDecimal(uint32_t* out) {
    if (!IsDecimalDigit(Peek())) return false;
    uint64_t v = 0;
    while (IsDecimalDigit(Peek())) {
      v = v * 10 + (Peek() - '0');
      if (v > kInfinity - 1) v = kInfinity - 1;
      ++pos_;
    }
    *out = static_cast<uint32_t>(v);
    return true;
  }

  Node* ParseQuantifier(Node* atom, uint32_t captures_before) {
    uint32_t min, max;
    uint32_t c = Peek();
    if (c == '*') {
      min = 0, max = kInfinity, ++pos_;
    } else if (c == '+') {
      min = 1, max = kInfinity, ++pos_;
    } else if (c == '?') {
      min = 0, max = 1, ++pos_;
    } else if (c == '{') {
      if (!ParseBracedQuantifier(&min, &max)) {
        if (unicode_) return Fail("Incomplete quantifier");
        return atom;  // B.1.2: a literal { follows
      }
      if (min > max) return Fail("numbers out of order in {} quantifier");
    } else {
      return atom;
    }
    bool greedy = !Eat('?');
    Node* n = NewNode(NodeType::kRepeat);
    n->min = min;
    n->max = max;
    n->greedy = greedy;
    n->cap_first = captures_before;
    n->cap_end = capture_index_;
    n->children.push_back(atom);
    return n;
  }

  // ---- Groups ----
  Node* ParseGroup(bool* quantifiable) {
    ++pos_;  // (
    if (Eat('?')) {
      uint32_t c = Peek();
      if (c == '=' || c == '!') {
        ++pos_;
        // B.1.2 QuantifiableAssertion: lookaheads take quantifiers outside Unicode mode.
        *quantifiable = !unicode_;
        return FinishLook(c == '!', false);
      }
      if (c == '<' && (Peek(1) == '=' || Peek(1) == '!')) {
        pos_ += 2;
        *quantifiable = false;
        return FinishLook(src_[pos_ - 1] == '!', true);
      }
      if (c == '<') {
        ++pos_;
        std::u16string name;
        if (!ParseGroupName(&name)) return nullptr;
        uint32_t index = capture_index_++;
        for (const NamedGroup& g : named_groups_) {
          if (g.name == name && MightBothParticipate(g.path, path_)) {
            return Fail("Duplicate capture group name");
          }
        }
        named_groups_.push_back({name, path_});
        out_->group_names.emplace_back(name, index);
        return FinishCapture(index);
      }
      if (c == ':') {
        ++pos_;
        return FinishGroup(NewNode(NodeType::kGroup));
      }
      return ParseModifiers();
    }
    return FinishCapture(capture_index_++);
  }

  Node* FinishLook(bool negative, bool behind) {
    Node* n = NewNode(NodeType::kLook);
    n->negate = negative;
    n->behind = behind;
    return FinishGroup(n);
  }

  Node* FinishCapture(uint32_t index) {
    Node* n = NewNode(NodeType::kCapture);
    n->index = index;
    return FinishGroup(n);
  }

  Node* FinishGroup(Node* n) {
    Node* body = ParseDisjunction();
    if (!ok_) return nullptr;
    if (!Eat(')')) return Fail("Unterminated group");
    n->children.push_back(body);
    return n;
  }

  // (?ims-ims: ... ) (RegularExpressionModifiers).
  Node* ParseModifiers() {
    auto parse_set = [&](uint8_t* bits) {
      while (Peek() == 'i' || Peek() == 'm' || Peek() == 's') {
        uint8_t bit = Peek() == 'i' ? 1 : Peek() == 'm' ? 2 : 4;
        if (*bits & bit) return false;
        *bits |= bit;
        ++pos_;
      }
      return true;
    };
    Node* n = NewNode(NodeType::kGroup);
    if (!parse_set(&n->add_flags)) return Fail("Repeated flag in modifiers");
    bool dash = Eat('-');
    if (dash && !parse_set(&n->remove_flags)) return Fail("Repeated flag in modifiers");
    if (!Eat(':')) return Fail("Invalid group");
    if (n->add_flags & n->remove_flags) return Fail("Repeated flag in modifiers");
    if (dash && n->add_flags == 0 && n->remove_flags == 0) return Fail("Invalid group");
    // The modifiers apply to the class escapes inside (\w under /ui).
    bool saved = ignore_case_;
    if (n->add_flags & 1) ignore_case_ = true;
    if (n->remove_flags & 1) ignore_case_ = false;
    Node* result = FinishGroup(n);
    ignore_case_ = saved;
    return result;
  }

  // GroupName :: < RegExpIdentifierName > (the < is consumed).
  bool ParseGroupName(std::u16string* name) {
    bool first = true;
    while (true) {
      if (AtEnd()) return Fail("Invalid capture group name"), false;
      uint32_t c;
      if (Eat('>')) break;
      if (Peek() == '\\') {
        ++pos_;
        if (!Eat('u') || !ParseUnicodeEscapeInName(&c)) return Fail("Invalid capture group name"), false;
      } else {
        c = src_[pos_++];
        if (IsLead(c) && !AtEnd() && IsTrail(Peek())) c = Combine(c, src_[pos_++]);
      }
      if (first ? !IsIdentifierStart(c) : !IsIdentifierPart(c)) {
        return Fail("Invalid capture group name"), false;
      }
      AppendCodePointTo(name, c);
      first = false;
    }
    if (first) return Fail("Invalid capture group name"), false;
    return true;
  }

  static void AppendCodePointTo(std::u16string* s, uint32_t c) {
    if (c >= 0x10000) {
      c -= 0x10000;
      s->push_back(static_cast<char16_t>(0xD800 + (c >> 10)));
      s->push_back(static_cast<char16_t>(0xDC00 + (c & 0x3FF)));
    } else {
      s->push_back(static_cast<char16_t>(c));
    }
  }

  // After "\u" in a group name: u{...} or XXXX (pairs joined), in every mode.
  bool ParseUnicodeEscapeInName(uint32_t* out) {
    if (Eat('{')) return ParseBracedHex(out);
    if (!ParseHex4(out)) return false;
    if (IsLead(*out) && Peek() == '\\' && Peek(1) == 'u') {
      size_t save = pos_;
      pos_ += 2;
      uint32_t trail;
      if (ParseHex4(&trail) && IsTrail(trail)) {
        *out = Combine(*out, trail);
      } else {
        pos_ = save;
      }
    }
    return true;
  }

  bool ParseHex4(uint32_t* out) {
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i) {
      int h = HexValue(Peek(i));
      if (h < 0) return false;
      v = v * 16 + h;
    }
    pos_ += 4;
    *out = v;
    return true;
  }

  // After "{": hex digits up to "}", at most 0x10FFFF.
  bool ParseBracedHex(uint32_t* out) {
    uint32_t v = 0;
    bool any = false;
    while (HexValue(Peek()) >= 0) {
      v = v * 16 + HexValue(Peek());
      if (v > kMaxCodePoint) return false;
      any = true;
      ++pos_;
    }
    if (!any || !Eat('}')) return false;
    *out = v;
    return true;
  }

  struct NamedGroup {
    std::u16string name;
    std::vector<std::pair<uint32_t, uint32_t>> path;
  };

  // Two groups may both participate unless some disjunction holds them in
  // different alternatives.
  static bool MightBothParticipate(const std::vector<std::pair<uint32_t, uint32_t>>& a,
                                   const std::vector<std::pair<uint32_t, uint32_t>>& b) {
    size_t n = std::min(a.size(), b.size());
    for (size_t i = 0; i < n; ++i) {
      if (a[i].first != b[i].first) return true;
      if (a[i].second != b[i].second) return false;
    }
    return true;
  }

  // ---- Escapes ----
  // AtomEscape (after the backslash).
  Node* ParseAtomEscape() {
    if (AtEnd()) return Fail("\\ at end of pattern");
    uint32_t c = Peek();
    if (c >= '1' && c <= '9') {
      size_t save = pos_;
      uint32_t n;
      ParseDecimal(&n);
      if (n < total_groups_ + 1) {
        Node* r = NewNode(NodeType::kBackref);
        r->refs.push_back(n);
        return r;
      }
      if (unicode_) return Fail("Invalid escape");
      pos_ = save;  // B.1.2: a legacy octal escape or an identity escape
      return NewChar(ParseLegacyOctalOrIdentity());
    }
    if (c == 'k' && (unicode_ || has_named_groups_)) {
      ++pos_;
      if (!Eat('<')) return Fail("Invalid named reference");
      std::u16string name;
      if (!ParseGroupName(&name)) return nullptr;
      Node* r = NewNode(NodeType::kBackref);
      named_refs_.emplace_back(r, name);
      return r;
    }
    StringSet set;
    int kind = ParseClassEscape(&set);
    if (!ok_) return nullptr;
    if (kind == 1) return NewClassNode(std::move(set), false);
    uint32_t ch;
    if (!ParseCharacterEscape(false, &ch)) return nullptr;
    return NewChar(ch);
  }

  Node* NewClassNode(StringSet set, bool negate) {
    Node* n = NewNode(NodeType::kClass);
    n->set = std::move(set.chars);
    n->strings = std::move(set.strings);
    n->negate = negate;
    return n;
  }

  // \d \D \s \S \w \W and (Unicode mode) \p{..} \P{..} at pos_. Returns 1
  // when it parsed one (into *set), 0 when pos_ holds something else.
  int ParseClassEscape(StringSet* set) {
    uint32_t c = Peek();
    bool ui = unicode_ && ignore_case_;
    switch (c) {
      case 'd': ++pos_; set->chars = DigitRanges(); return 1;
      case 'D': ++pos_; set->chars = Complement(DigitRanges()); return 1;
      case 's': ++pos_; set->chars = SpaceRanges(); return 1;
      case 'S': ++pos_; set->chars = Complement(SpaceRanges()); return 1;
      case 'w': ++pos_; set->chars = WordRanges(ui); return 1;
      case 'W': ++pos_; set->chars = Complement(WordRanges(ui)); return 1;
      case 'p':
      case 'P':
        if (!unicode_) return 0;
        ++pos_;
        ParsePropertyEscape(c == 'P', set);
        return 1;
      default:
        return 0;
    }
  }

  void ParsePropertyEscape(bool negate, StringSet* set) {
    if (!Eat('{')) {
      Fail("Invalid property name");
      return;
    }
    std::u16string name, value;
    bool has_value = false;
    auto is_name_char = [](uint32_t ch) { return IsAsciiLetter(ch) || IsDecimalDigit(ch) || ch == '_'; };
    while (is_name_char(Peek())) name.push_back(static_cast<char16_t>(src_[pos_++]));
    if (Eat('=')) {
      has_value = true;
      while (is_name_char(Peek())) value.push_back(static_cast<char16_t>(src_[pos_++]));
    }
    if (!Eat('}') || name.empty() || (has_value && value.empty())) {
      Fail("Invalid property name");
      return;
    }
    std::string message;
    if (!UnicodePropertySet(name, value, has_value, vmode_ && !negate, set, &message)) {
      error_storage_ = message;
      Fail(error_storage_.c_str());
      return;
    }
    if (negate) set->chars = Complement(set->chars);
  }

  // B.1.2 LegacyOctalEscapeSequence, or \8 \9 as identity escapes.
  uint32_t ParseLegacyOctalOrIdentity() {
    uint32_t c = Peek();
    if (c == '8' || c == '9') {
      ++pos_;
      return c;
    }
    uint32_t v = 0;
    int digits = 0;
    while (digits < 3 && Peek() >= '0' && Peek() <= '7') {
      uint32_t nv = v * 8 + (Peek() - '0');
      if (nv > 0377) break;
      v = nv;
      ++pos_;
      ++digits;
    }
    return v;
  }

  // CharacterEscape (after the backslash) into *out.
  bool ParseCharacterEscape(bool in_class, uint32_t* out) {
    if (AtEnd()) return Fail("\\ at end of pattern"), false;
    uint32_t c = Peek();
    switch (c) {
      case 'f': ++pos_; *out = 0x0C; return true;
      case 'n': ++pos_; *out = 0x0A; return true;
      case 'r': ++pos_; *out = 0x0D; return true;
      case 't': ++pos_; *out = 0x09; return true;
      case 'v': ++pos_; *out = 0x0B; return true;
      case 'c':
        if (IsAsciiLetter(Peek(1))) {
          *out = Peek(1) % 32;
          pos_ += 2;
          return true;
        }
        if (unicode_) return Fail("Invalid unicode escape"), false;
        if (in_class && (IsDecimalDigit(Peek(1)) || Peek(1) == '_')) {
          *out = Peek(1) % 32;  // B.1.2 ClassControlLetter
          pos_ += 2;
          return true;
        }
        *out = '\\';  // B.1.2: "\c" is a backslash; the c is read next
        return true;
      case '0':
        if (!IsDecimalDigit(Peek(1))) {
          ++pos_;
          *out = 0;
          return true;
        }
        if (unicode_) return Fail("Invalid decimal escape"), false;
        *out = ParseLegacyOctalOrIdentity();
        return true;
      case 'x': {
        int h1 = HexValue(Peek(1)), h2 = HexValue(Peek(2));
        if (h1 >= 0 && h2 >= 0) {
          pos_ += 3;
          *out = h1 * 16 + h2;
          return true;
        }
        if (unicode_) return Fail("Invalid escape"), false;
        ++pos_;
        *out = 'x';
        return true;
      }
      case 'u': {
        ++pos_;
        if (ParseRegExpUnicodeEscape(out)) return true;
        if (!ok_) return false;
        if (unicode_) return Fail("Invalid Unicode escape"), false;
        *out = 'u';
        return true;
      }
      default:
        break;
    }
    if (unicode_) {
      if (IsSyntaxCharacter(c) || c == '/' || (in_class && c == '-')) {
        ++pos_;
        *out = c;
        return true;
      }
      return Fail("Invalid escape"), false;
    }
    if (c == 'k' && has_named_groups_) return Fail("Invalid named reference"), false;
    if (IsDecimalDigit(c)) {
      *out = ParseLegacyOctalOrIdentity();
      return true;
    }
    *out = NextChar();
    return true;
  }

  // RegExpUnicodeEscapeSequence after "\u". False (without consuming) when
  // it is not one; in Unicode mode pairs of escapes join into one code point.
  bool ParseRegExpUnicodeEscape(uint32_t* out) {
    size_t save = pos_;
    if (unicode_ && Eat('{')) {
      if (ParseBracedHex(out)) return true;
      pos_ = save;
      return false;
    }
    if (!ParseHex4(out)) return false;
    if (unicode_ && IsLead(*out) && Peek() == '\\' && Peek(1) == 'u') {
      size_t mid = pos_;
      pos_ += 2;
      uint32_t trail;
      if (ParseHex4(&trail) && IsTrail(trail)) {
        *out = Combine(*out, trail);
      } else {
        pos_ = mid;
      }
    }
    return true;
  }

  // ---- Character classes (without the v flag) ----
  Node* ParseClass() {
    bool negate = Eat('^');
    StringSet result;
    Ranges& ranges = result.chars;
    while (true) {
      if (AtEnd()) return Fail("Unterminated character class");
      if (Eat(']')) break;
      ClassAtom a;
      if (!ParseClassAtom(&a)) return nullptr;
      if (Peek() == '-' && Peek(1) != ']' && pos_ + 1 < src_.size()) {
        ++pos_;
        ClassAtom b;
        if (!ParseClassAtom(&b)) return nullptr;
        if (a.is_set || b.is_set) {
          if (unicode_) return Fail("Invalid character class");
          // B.1.2: a class escape next to - is a union of both and the dash.
          AddAtom(&ranges, a);
          AddAtom(&ranges, b);
          ranges.push_back({'-', '-'});
          continue;
        }
        if (a.c > b.c) return Fail("Range out of order in character class");
        ranges.push_back({a.c, b.c});
        continue;
      }
      AddAtom(&ranges, a);
    }
    Normalize(&ranges);
    return NewClassNode(std::move(result), negate);
  }

  static void AddAtom(Ranges* ranges, const ClassAtom& a) {
    if (a.is_set) {
      ranges->insert(ranges->end(), a.set.chars.begin(), a.set.chars.end());
    } else {
      ranges->push_back({a.c, a.c});
    }
  }

  bool ParseClassAtom(ClassAtom* a) {
    if (Peek() != '\\') {
      a->c = NextChar();
      return true;
    }
    ++pos_;
    if (AtEnd()) return Fail("\\ at end of pattern"), false;
    uint32_t c = Peek();
    if (c == 'b') {
      ++pos_;
      a->c = 8;
      return true;
    }
    if (unicode_ && c == '-') {
      ++pos_;
      a->c = '-';
      return true;
    }
    if (ParseClassEscape(&a->set) == 1) {
      a->is_set = true;
      return ok_;
    }
    if (!ok_) return false;
    if (c == 'B' && unicode_) return Fail("Invalid class escape"), false;
    if (c >= '1' && c <= '9' && unicode_) return Fail("Invalid class escape"), false;
    return ParseCharacterEscape(true, &a->c);
  }

  // ---- Character classes with the v flag (ClassSetExpression) ----
  Node* ParseClassSetClass() {
    bool negate = Eat('^');
    StringSet set;
    if (!ParseClassSetExpression(&set)) return nullptr;
    if (negate && !set.strings.empty()) return Fail("Negated character class may contain strings");
    return NewClassNode(std::move(set), negate);
  }

  // After "[" (and "^"): ClassContents up to and including "]".
  bool ParseClassSetExpression(StringSet* out) {
    if (++depth_ > kMaxDepth) return Fail("Regular expression too large"), false;
    if (Eat(']')) {
      --depth_;
      return true;
    }
    StringSet first;
    bool first_is_operand_only = false;
    if (!ParseClassSetOperandOrRange(&first, &first_is_operand_only)) return false;
    if (Peek() == '&' && Peek(1) == '&') {
      if (!first_is_operand_only) return Fail("Invalid set operation in character class"), false;
      while (Peek() == '&' && Peek(1) == '&') {
        pos_ += 2;
        if (Peek() == '&') return Fail("Invalid character in character class"), false;
        StringSet rhs;
        bool operand_only;
        if (!ParseClassSetOperandOrRange(&rhs, &operand_only)) return false;
        if (!operand_only) return Fail("Invalid set operation in character class"), false;
        first.chars = Intersect(first.chars, rhs.chars);
        std::vector<std::u32string> kept;
        for (const auto& s : first.strings) {
          if (std::find(rhs.strings.begin(), rhs.strings.end(), s) != rhs.strings.end()) kept.push_back(s);
        }
        first.strings = std::move(kept);
      }
      if (!Eat(']')) return Fail("Invalid set operation in character class"), false;
    } else if (Peek() == '-' && Peek(1) == '-') {
      if (!first_is_operand_only) return Fail("Invalid set operation in character class"), false;
      while (Peek() == '-' && Peek(1) == '-') {
        pos_ += 2;
        StringSet rhs;
        bool operand_only;
        if (!ParseClassSetOperandOrRange(&rhs, &operand_only)) return false;
        if (!operand_only) return Fail("Invalid set operation in character class"), false;
        first.chars = Subtract(first.chars, rhs.chars);
        std::vector<std::u32string> kept;
        for (const auto& s : first.strings) {
          if (std::find(rhs.strings.begin(), rhs.strings.end(), s) == rhs.strings.end()) kept.push_back(s);
        }
        first.strings = std::move(kept);
      }
      if (!Eat(']')) return Fail("Invalid set operation in character class"), false;
    } else {
      // ClassUnion.
      while (!Eat(']')) {
        if (AtEnd()) return Fail("Unterminated character class"), false;
        if ((Peek() == '&' && Peek(1) == '&') || (Peek() == '-' && Peek(1) == '-')) {
          return Fail("Invalid set operation in character class"), false;
        }
        StringSet next;
        bool operand_only;
        if (!ParseClassSetOperandOrRange(&next, &operand_only)) return false;
        first.chars = Union(first.chars, next.chars);
        for (auto& s : next.strings) {
          if (std::find(first.strings.begin(), first.strings.end(), s) == first.strings.end()) {
            first.strings.push_back(std::move(s));
          }
        }
      }
    }
    --depth_;
    *out = std::move(first);
    return true;
  }

  // A ClassSetRange or a ClassSetOperand. *operand_only is false for ranges.
  bool ParseClassSetOperandOrRange(StringSet* out, bool* operand_only) {
    *operand_only = true;
    if (AtEnd()) return Fail("Unterminated character class"), false;
    uint32_t c = Peek();
    if (c == '[') {
      ++pos_;
      bool negate = Eat('^');
      StringSet inner;
      if (!ParseClassSetExpression(&inner)) return false;
      if (negate) {
        if (!inner.strings.empty()) return Fail("Negated character class may contain strings"), false;
        Ranges chars = ignore_case_ ? CaseClosure(inner.chars, true) : inner.chars;
        inner.chars = Complement(chars);
      }
      *out = std::move(inner);
      return true;
    }
    if (c == '\\') {
      if (Peek(1) == 'q' && Peek(2) == '{') {
        pos_ += 3;
        return ParseClassStringDisjunction(out);
      }
      ++pos_;
      if (ParseClassEscape(out) == 1) return ok_;
      if (!ok_) return false;
    }
    uint32_t lo;
    if (!ParseClassSetCharacter(c == '\\', &lo)) return false;
    if (Peek() == '-' && Peek(1) != '-') {
      ++pos_;
      uint32_t hi;
      bool escaped = Eat('\\');
      if (escaped && (Peek() == 'd' || Peek() == 'D' || Peek() == 's' || Peek() == 'S' || Peek() == 'w' ||
                      Peek() == 'W' || Peek() == 'p' || Peek() == 'P' || Peek() == 'q')) {
        return Fail("Invalid character class"), false;
      }
      if (!escaped && AtEnd()) return Fail("Unterminated character class"), false;
      if (!ParseClassSetCharacter(escaped, &hi)) return false;
      if (lo > hi) return Fail("Range out of order in character class"), false;
      out->chars = {{lo, hi}};
      *operand_only = false;
      return true;
    }
    out->chars = {{lo, lo}};
    return true;
  }

  // ClassSetCharacter at pos_ (after the backslash when `escaped`).
  bool ParseClassSetCharacter(bool escaped, uint32_t* out) {
    if (escaped) {
      if (AtEnd()) return Fail("\\ at end of pattern"), false;
      uint32_t c = Peek();
      if (c == 'b') {
        ++pos_;
        *out = 8;
        return true;
      }
      if (IsClassSetReservedPunctuator(c)) {
        ++pos_;
        *out = c;
        return true;
      }
      return ParseCharacterEscape(true, out);
    }
    if (AtEnd()) return Fail("Unterminated character class"), false;
    uint32_t c = Peek();
    if (IsClassSetReservedDoublePunctuatorChar(c) && Peek(1) == c) {
      return Fail("Invalid set operation in character class"), false;
    }
    if (IsClassSetSyntaxCharacter(c)) return Fail("Invalid character in character class"), false;
    *out = NextChar();
    return true;
  }

  // \q{ ... | ... } after "\q{".
  bool ParseClassStringDisjunction(StringSet* out) {
    std::u32string current;
    auto flush = [&] {
      if (current.size() == 1) {
        out->chars = Union(out->chars, {{current[0], current[0]}});
      } else if (std::find(out->strings.begin(), out->strings.end(), current) == out->strings.end()) {
        out->strings.push_back(current);
      }
      current.clear();
    };
    while (true) {
      if (AtEnd()) return Fail("Unterminated character class"), false;
      if (Eat('}')) break;
      if (Eat('|')) {
        flush();
        continue;
      }
      uint32_t c;
      bool escaped = Eat('\\');
      if (!ParseClassSetCharacter(escaped, &c)) return false;
      current.push_back(c);
    }
    flush();
    return true;
  }

  void ResolveNamedReferences() {
    for (auto& [node, name] : named_refs_) {
      for (const auto& [group, index] : out_->group_names) {
        if (group == name) node->refs.push_back(index);
      }
      if (node->refs.empty()) {
        Fail("Invalid named capture referenced");
        return;
      }
    }
  }

  static constexpr int kMaxDepth = 2000;

  std::u16string_view src_;
  Flags flags_;
  bool ignore_case_ = flags_.ignore_case;  // under the enclosing modifiers
  bool unicode_;
  bool vmode_;
  ParsedPattern* out_;
  size_t pos_ = 0;
  bool ok_ = true;
  const char* error_ = "";
  std::string error_storage_;
  int depth_ = 0;
  uint32_t capture_index_ = 1;
  uint32_t total_groups_ = 0;
  bool has_named_groups_ = false;
  uint32_t next_disjunction_id_ = 0;
  std::vector<std::pair<uint32_t, uint32_t>> path_;
  std::vector<NamedGroup> named_groups_;
  std::vector<std::pair<Node*, std::u16string>> named_refs_;
};

}  // namespace

bool ParseFlags(std::u16string_view text, Flags* out) {
  Flags f;
  for (char16_t c : text) {
    bool* bit = nullptr;
    switch (c) {
      case 'd': bit = &f.has_indices; break;
      case 'g': bit = &f.global; break;
      case 'i': bit = &f.ignore_case; break;
      case 'm': bit = &f.multiline; break;
      case 's': bit = &f.dot_all; break;
      case 'u': bit = &f.unicode; break;
      case 'v': bit = &f.unicode_sets; break;
      case 'y': bit = &f.sticky; break;
      default: return false;
    }
    if (*bit) return false;
    *bit = true;
  }
  if (f.unicode && f.unicode_sets) return false;
  *out = f;
  return true;
}

bool ParsePattern(std::u16string_view pattern, const Flags& flags, ParsedPattern* out, std::string* error) {
  if (pattern.size() > kMaxPatternLength) {
    *error = "Regular expression too large";
    return false;
  }
  Parser parser(pattern, flags, out);
  return parser.Parse(error);
}

}  // namespace ratchet::regexp
