// Internals of the regular-expression engine: the pattern tree the parser
// builds, code-point set algebra and the regex bytecode.
#ifndef RATCHET_VM_REGEXP_INTERNAL_H_
#define RATCHET_VM_REGEXP_INTERNAL_H_

#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include "vm/regexp/regexp.h"

namespace ratchet::regexp {

inline constexpr uint32_t kMaxCodePoint = 0x10FFFF;
inline constexpr uint32_t kInfinity = 0xFFFFFFFF;

// ---- Code-point sets --------------------------------------------------------

using Ranges = std::vector<std::pair<uint32_t, uint32_t>>;

/// Sorts and merges overlapping or adjacent ranges.
void Normalize(Ranges* r);
Ranges Union(const Ranges& a, const Ranges& b);
Ranges Intersect(const Ranges& a, const Ranges& b);
Ranges Subtract(const Ranges& a, const Ranges& b);
Ranges Complement(const Ranges& a);
bool RangesContain(const Ranges& r, uint32_t c);

/// {Canonicalize(c) : c in r}.
Ranges CanonicalizeSet(const Ranges& r, bool unicode);
/// Simple case folding closure for /v with /i: every c whose scf is in r.
Ranges CaseClosure(const Ranges& r, bool unicode);

/// \d \s \w (22.2.2.9): ranges of the class escape; `ignore_unicode` adds
/// the two extra word characters of WordCharacters under /ui.
Ranges DigitRanges();
Ranges SpaceRanges();
Ranges WordRanges(bool unicode_ignore_case);
bool IsLineTerminator(uint32_t c);

/// A set of strings from a Unicode property of strings (v mode).
struct StringSet {
  Ranges chars;
  std::vector<std::u32string> strings;  // each of length != 1
};

/// Looks up \p{name} or \p{name=value}. Returns false (with *error) for
/// names ECMAScript does not allow. Properties of strings are accepted only
/// when `allow_strings` (v mode) and fill out->strings.
bool UnicodePropertySet(const std::u16string& name, const std::u16string& value, bool has_value,
                        bool allow_strings, StringSet* out, std::string* error);

// ---- Pattern tree -----------------------------------------------------------

enum class NodeType : uint8_t {
  kEmpty,
  kChar,        // one code point (or code unit outside Unicode mode)
  kClass,       // a character class; set + strings
  kDot,
  kSeq,
  kAlt,
  kCapture,     // ( ... ) with index
  kGroup,       // (?: ... ) or (?ims-ims: ... ) when has_modifiers
  kLook,        // lookahead / lookbehind
  kBackref,
  kRepeat,
  kAssert,
};

enum class AssertKind : uint8_t { kStart, kEnd, kWordBoundary, kNotWordBoundary };

struct Node {
  NodeType type = NodeType::kEmpty;
  uint32_t c = 0;                 // kChar
  Ranges set;                     // kClass
  std::vector<std::u32string> strings;  // kClass (v mode): multi-code-point alternatives
  bool negate = false;            // kClass; kLook negative
  bool behind = false;            // kLook
  AssertKind assert_kind = AssertKind::kStart;
  uint32_t index = 0;             // kCapture
  std::vector<uint32_t> refs;     // kBackref: capture indices (several for duplicate names)
  uint32_t min = 0, max = 0;      // kRepeat
  bool greedy = true;
  uint32_t cap_first = 0, cap_end = 0;  // captures inside (kRepeat resets them)
  // kGroup with modifiers: flags to add and remove (bit 0 i, 1 m, 2 s).
  uint8_t add_flags = 0, remove_flags = 0;
  std::vector<Node*> children;    // kSeq, kAlt; one child for groups/looks/repeats
};

struct ParsedPattern {
  std::deque<Node> nodes;
  Node* root = nullptr;
  uint32_t capture_count = 1;
  std::vector<std::pair<std::u16string, uint32_t>> group_names;
};

/// Parses `pattern` per 22.2.1 (and B.1.2 outside Unicode mode).
bool ParsePattern(std::u16string_view pattern, const Flags& flags, ParsedPattern* out, std::string* error);

// ---- Bytecode ---------------------------------------------------------------
// Each instruction is an opcode word followed by its operands. Opcodes that
// read input have a backward variant (kBackward bit) used inside lookbehind.

enum Op : int32_t {
  kOpMatch,          // the whole pattern matched
  kOpChar,           // c: the next character is c
  kOpCharIgnoreCase, // c: Canonicalize(next) == c (c canonical already)
  kOpClass,          // set, invert: next in sets[set]
  kOpClassIgnoreCase,// set, invert: Canonicalize(next) in sets[set]
  kOpAny,            // any character except line terminators
  kOpAnyAll,         // any character
  kOpAssertStart,    // multiline
  kOpAssertEnd,      // multiline
  kOpWordBoundary,   // negate, unicode_ignore_case
  kOpJump,           // target
  kOpSplit,          // first, second: try first, on failure second
  kOpSave,           // slot: captures[slot] = pos
  kOpResetCaptures,  // from, to: captures[from..to) = -1
  kOpBackref,        // count, ignore_case, then `count` group indices
  kOpSetRegister,    // reg, value
  kOpSetRegisterPos, // reg
  kOpIncRegister,    // reg
  kOpJumpIfLess,     // reg, value, target: reg < value
  kOpJumpIfGreaterEq,// reg, value, target: reg >= value
  kOpFailIfEmpty,    // count_reg, min, pos_reg: an optional iteration matched empty
  kOpLookStart,      // negative, end: pushes a lookaround barrier
  kOpLookEnd,        // the lookaround body matched
  kOpGreedyLoop,     // min, max, item length: a loop over one character test that follows
  kOpLazyLoop,       // min, max, item length
  kOpFail,
};
inline constexpr int32_t kBackward = 1 << 16;
inline constexpr int32_t kOpMask = 0xFFFF;

/// Compiles the tree into `program`.
bool CompileTree(const ParsedPattern& parsed, const Flags& flags, Program* program, std::string* error);

}  // namespace ratchet::regexp

#endif  // RATCHET_VM_REGEXP_INTERNAL_H_
