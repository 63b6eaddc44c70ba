// Ratchet's regular-expression engine: a parser for the full ECMAScript
// pattern grammar (22.2.1, with Annex B.1.2 in non-Unicode mode), a compiler
// to regex bytecode and a backtracking matcher whose state (position,
// captures, registers, the backtrack stack) lives in a heap object, not on
// the C++ stack. Run() executes at most a given number of matcher steps and
// can be resumed, so the runtime charges matching to the task's step budget
// and a catastrophic pattern can be interrupted like any other loop.
//
// The engine knows nothing about the JS heap: it matches over borrowed
// Latin-1 or UTF-16 code units. runtime/builtins/regexp.cc builds RegExp
// objects and match results on top of it.
#ifndef RATCHET_VM_REGEXP_REGEXP_H_
#define RATCHET_VM_REGEXP_REGEXP_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ratchet::regexp {

/// The flags of a RegExp (22.2.3.? ParsePattern's inputs).
struct Flags {
  bool has_indices = false;   // d
  bool global = false;        // g
  bool ignore_case = false;   // i
  bool multiline = false;     // m
  bool dot_all = false;       // s
  bool unicode = false;       // u
  bool unicode_sets = false;  // v
  bool sticky = false;        // y
  bool either_unicode() const { return unicode || unicode_sets; }
};

/// Parses a flags string; false on an unknown or repeated flag, or on both
/// u and v.
bool ParseFlags(std::u16string_view text, Flags* out);

/// A sorted list of disjoint, non-adjacent closed code-point ranges.
struct CharRanges {
  std::vector<std::pair<uint32_t, uint32_t>> ranges;
  uint8_t latin1[32] = {};  // bitmap of members below 256
  bool Contains(uint32_t c) const;
};

/// A compiled pattern. Immutable and shareable between RegExp objects.
struct Program {
  std::vector<int32_t> code;
  std::vector<CharRanges> sets;
  uint32_t capture_count = 1;  // groups, including group 0 (the whole match)
  uint32_t register_count = 0; // loop counters and positions
  /// Named groups in source order: (name, capture index). A name appears
  /// more than once only for duplicate named groups in different
  /// alternatives.
  std::vector<std::pair<std::u16string, uint32_t>> group_names;
  Flags flags;
  int32_t first_unit = -1;  // a code unit every match starts with, or -1
  bool anchored = false;    // every match starts at a ^ without /m
  /// When has_first_set, every match is non-empty and starts with a code
  /// unit below 256 whose bit is set in first_latin1, or (only when
  /// first_non_latin1) with a unit of 256 or more: other start positions
  /// are skipped without running the program.
  bool has_first_set = false;
  bool first_non_latin1 = false;
  uint8_t first_latin1[32] = {};
  bool MayStartWith(uint32_t unit) const {
    return unit < 256 ? (first_latin1[unit >> 3] >> (unit & 7)) & 1 : first_non_latin1;
  }
};

/// Longest pattern accepted (code units): the parse tree is built before
/// the runtime can charge it to a memory limit.
inline constexpr size_t kMaxPatternLength = size_t{1} << 20;

/// Compiles `pattern` (the source text between the slashes, or the
/// RegExp constructor's pattern string). Null with *error set on a syntax
/// error (the message excludes the "Invalid regular expression" prefix).
std::shared_ptr<const Program> Compile(std::u16string_view pattern, const Flags& flags, std::string* error);

/// Checks flags and pattern without compiling (early errors of regular
/// expression literals). False with *error set when either is invalid.
bool Validate(std::u16string_view pattern, std::u16string_view flags, std::string* error);

enum class MatchStatus : uint8_t {
  kMatch,
  kNoMatch,
  kBudgetExhausted,  // Run() again to continue
};

/// One match attempt series (the RegExpBuiltinExec loop over start
/// positions), resumable between Run() calls.
class Matcher {
 public:
  explicit Matcher(std::shared_ptr<const Program> program);
  ~Matcher();
  Matcher(const Matcher&) = delete;
  Matcher& operator=(const Matcher&) = delete;

  /// Sets the subject (borrowed: it must stay alive and unmoved while the
  /// matcher runs; exactly one of one_byte/two_byte is non-null) and the
  /// first start position. With `sticky`, only `start` is tried.
  void Start(const uint8_t* one_byte, const char16_t* two_byte, uint32_t length, uint32_t start,
             bool sticky);

  /// Runs at most *budget steps (decrementing it).
  MatchStatus Run(uint64_t* budget);

  /// After kMatch: 2 * capture_count positions (start, end), -1 when unset.
  const std::vector<int32_t>& captures() const { return captures_; }
  const Program& program() const { return *program_; }
  /// Bytes held by the backtrack stack and captures (for memory accounting).
  size_t memory_bytes() const;

 private:
  struct Entry;
  template <typename Char>
  MatchStatus RunImpl(const Char* s, uint64_t* budget);
  bool NextStart();
  uint32_t SkipToCandidate(uint32_t i) const;
  void Reset(uint32_t start);

  std::shared_ptr<const Program> program_;
  const uint8_t* s8_ = nullptr;
  const char16_t* s16_ = nullptr;
  uint32_t length_ = 0;
  uint32_t start_ = 0;
  bool sticky_ = false;
  bool running_ = false;
  uint32_t pc_ = 0;
  uint32_t pos_ = 0;
  std::vector<int32_t> captures_;
  std::vector<int32_t> registers_;
  std::vector<Entry>* stack_;
};

// Unicode support (the generated UCD tables), shared with the compiler's
// validation and the lexer.

/// Canonicalize (22.2.2.7.3): simple case folding in Unicode mode, the
/// single-code-unit toUppercase otherwise.
uint32_t Canonicalize(uint32_t c, bool unicode);

/// ID_Start / ID_Continue plus $, _ and ZWNJ/ZWJ, as RegExpIdentifierName.
bool IsIdentifierStart(uint32_t c);
bool IsIdentifierPart(uint32_t c);

}  // namespace ratchet::regexp

#endif  // RATCHET_VM_REGEXP_REGEXP_H_
