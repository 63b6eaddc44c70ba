// Pattern tree -> regex bytecode (22.2.2 Pattern Semantics, compiled).
// Quantifiers over one character test become a single loop instruction;
// other quantifiers use a counter and a position register per loop, which
// implement RepeatMatcher's capture reset and empty-iteration check.
#include <algorithm>

#include "vm/regexp/internal.h"

namespace ratchet::regexp {

namespace {

constexpr uint8_t kFlagI = 1, kFlagM = 2, kFlagS = 4;

class Compiler {
 public:
  Compiler(const ParsedPattern& parsed, const Flags& flags, Program* program)
      : parsed_(parsed), program_(program), unicode_(flags.either_unicode()), vmode_(flags.unicode_sets) {
    mode_ = (flags.ignore_case ? kFlagI : 0) | (flags.multiline ? kFlagM : 0) | (flags.dot_all ? kFlagS : 0);
  }

  bool Compile(std::string* error) {
    Emit(parsed_.root, false);
    Op(kOpMatch);
    if (program_->code.size() > kMaxCode) {
      *error = "Regular expression too large";
      return false;
    }
    program_->capture_count = parsed_.capture_count;
    program_->register_count = registers_;
    program_->group_names = parsed_.group_names;
    FindStartHints();
    FirstSet first;
    if (First(parsed_.root, mode_, &first) && !first.nullable && !first.any) {
      program_->has_first_set = true;
      program_->first_non_latin1 = first.non_latin1;
      std::copy(std::begin(first.latin1), std::end(first.latin1), program_->first_latin1);
    }
    return true;
  }

 private:
  static constexpr size_t kMaxCode = 1u << 24;
  std::vector<int32_t>& code() { return program_->code; }
  int32_t Here() const { return static_cast<int32_t>(program_->code.size()); }
  void Op(int32_t op) { code().push_back(op); }
  void Word(int32_t w) { code().push_back(w); }
  bool ignore_case() const { return mode_ & kFlagI; }

  int32_t AddSet(const Ranges& ranges) {
    CharRanges set;
    set.ranges = ranges;
    for (const auto& [lo, hi] : ranges) {
      for (uint32_t c = lo; c <= hi && c < 256; ++c) set.latin1[c >> 3] |= static_cast<uint8_t>(1u << (c & 7));
    }
    program_->sets.push_back(std::move(set));
    return static_cast<int32_t>(program_->sets.size() - 1);
  }

  void EmitChar(uint32_t c, bool backward) {
    int32_t dir = backward ? kBackward : 0;
    if (ignore_case()) {
      Op(kOpCharIgnoreCase | dir);
      Word(static_cast<int32_t>(Canonicalize(c, unicode_)));
    } else {
      Op(kOpChar | dir);
      Word(static_cast<int32_t>(c));
    }
  }

  // A class without strings: one instruction.
  void EmitSet(const Ranges& set, bool negate, bool backward) {
    int32_t dir = backward ? kBackward : 0;
    if (ignore_case()) {
      Ranges s = set;
      if (vmode_ && negate) {
        s = Complement(CaseClosure(s, true));
        negate = false;
      }
      Op(kOpClassIgnoreCase | dir);
      Word(AddSet(CanonicalizeSet(s, unicode_)));
    } else {
      Op(kOpClass | dir);
      Word(AddSet(set));
    }
    Word(negate ? 1 : 0);
  }

  // Whether `n` compiles to exactly one character test.
  static bool IsSingleCharacter(const Node* n) {
    return n->type == NodeType::kChar || n->type == NodeType::kDot ||
           (n->type == NodeType::kClass && n->strings.empty());
  }

  void Emit(const Node* n, bool backward) {
    int32_t dir = backward ? kBackward : 0;
    switch (n->type) {
      case NodeType::kEmpty:
        break;
      case NodeType::kChar:
        EmitChar(n->c, backward);
        break;
      case NodeType::kDot:
        Op((mode_ & kFlagS ? kOpAnyAll : kOpAny) | dir);
        break;
      case NodeType::kClass:
        EmitClass(n, backward);
        break;
      case NodeType::kSeq:
        if (backward) {
          for (auto it = n->children.rbegin(); it != n->children.rend(); ++it) Emit(*it, backward);
        } else {
          for (const Node* c : n->children) Emit(c, backward);
        }
        break;
      case NodeType::kAlt:
        EmitAlternatives(n->children, backward, [&](const Node* c) { Emit(c, backward); });
        break;
      case NodeType::kCapture:
        Op(kOpSave);
        Word(static_cast<int32_t>(2 * n->index + (backward ? 1 : 0)));
        Emit(n->children[0], backward);
        Op(kOpSave);
        Word(static_cast<int32_t>(2 * n->index + (backward ? 0 : 1)));
        break;
      case NodeType::kGroup: {
        uint8_t saved = mode_;
        mode_ = static_cast<uint8_t>((mode_ | n->add_flags) & ~n->remove_flags);
        Emit(n->children[0], backward);
        mode_ = saved;
        break;
      }
      case NodeType::kLook: {
        Op(kOpLookStart);
        Word(n->negate ? 1 : 0);
        int32_t patch = Here();
        Word(0);
        Emit(n->children[0], n->behind);
        Op(kOpLookEnd);
        code()[patch] = Here();
        break;
      }
      case NodeType::kBackref:
        Op(kOpBackref | dir);
        Word(static_cast<int32_t>(n->refs.size()));
        Word(ignore_case() ? 1 : 0);
        for (uint32_t r : n->refs) Word(static_cast<int32_t>(r));
        break;
      case NodeType::kAssert:
        switch (n->assert_kind) {
          case AssertKind::kStart:
            Op(kOpAssertStart);
            Word(mode_ & kFlagM ? 1 : 0);
            break;
          case AssertKind::kEnd:
            Op(kOpAssertEnd);
            Word(mode_ & kFlagM ? 1 : 0);
            break;
          case AssertKind::kWordBoundary:
          case AssertKind::kNotWordBoundary:
            Op(kOpWordBoundary);
            Word(n->assert_kind == AssertKind::kNotWordBoundary ? 1 : 0);
            Word(unicode_ && ignore_case() ? 1 : 0);
            break;
        }
        break;
      case NodeType::kRepeat:
        EmitRepeat(n, backward);
        break;
    }
  }

  template <typename EmitFn, typename T>
  void EmitAlternatives(const std::vector<T>& alts, bool backward, EmitFn emit) {
    (void)backward;
    std::vector<int32_t> jumps_to_end;
    for (size_t i = 0; i < alts.size(); ++i) {
      int32_t split_patch = -1;
      if (i + 1 < alts.size()) {
        Op(kOpSplit);
        Word(Here() + 2);
        split_patch = Here();
        Word(0);
      }
      emit(alts[i]);
      if (i + 1 < alts.size()) {
        Op(kOpJump);
        jumps_to_end.push_back(Here());
        Word(0);
        code()[split_patch] = Here();
      }
    }
    for (int32_t p : jumps_to_end) code()[p] = Here();
  }

  // A class with strings (v mode) matches the longest string first, then
  // single characters (22.2.2.7 CompileAtom, CharacterClass with strings).
  void EmitClass(const Node* n, bool backward) {
    if (n->strings.empty()) {
      EmitSet(n->set, n->negate, backward);
      return;
    }
    std::vector<const std::u32string*> strings;
    for (const auto& s : n->strings) strings.push_back(&s);
    std::stable_sort(strings.begin(), strings.end(),
                     [](const std::u32string* a, const std::u32string* b) { return a->size() > b->size(); });
    std::vector<const std::u32string*> alts = strings;
    bool has_chars = !n->set.empty();
    if (has_chars) alts.push_back(nullptr);
    EmitAlternatives(alts, backward, [&](const std::u32string* s) {
      if (s == nullptr) {
        EmitSet(n->set, false, backward);
        return;
      }
      if (backward) {
        for (auto it = s->rbegin(); it != s->rend(); ++it) EmitChar(*it, true);
      } else {
        for (char32_t c : *s) EmitChar(c, false);
      }
    });
  }

  void EmitRepeat(const Node* n, bool backward) {
    const Node* body = n->children[0];
    if (n->max == 0) return;
    if (n->min == 1 && n->max == 1) {
      Emit(body, backward);
      return;
    }
    if (IsSingleCharacter(body)) {
      Op((n->greedy ? kOpGreedyLoop : kOpLazyLoop) | (backward ? kBackward : 0));
      Word(static_cast<int32_t>(n->min));
      Word(static_cast<int32_t>(n->max));
      int32_t len_patch = Here();
      Word(0);
      int32_t item = Here();
      Emit(body, backward);
      code()[len_patch] = Here() - item;
      return;
    }
    int32_t counter = static_cast<int32_t>(registers_++);
    int32_t start_pos = static_cast<int32_t>(registers_++);
    Op(kOpSetRegister);
    Word(counter);
    Word(0);
    int32_t loop = Here();
    std::vector<int32_t> to_body, to_exit;
    if (n->min > 0) {
      Op(kOpJumpIfLess);
      Word(counter);
      Word(static_cast<int32_t>(n->min));
      to_body.push_back(Here());
      Word(0);
    }
    if (n->max != kInfinity) {
      Op(kOpJumpIfGreaterEq);
      Word(counter);
      Word(static_cast<int32_t>(n->max));
      to_exit.push_back(Here());
      Word(0);
    }
    Op(kOpSplit);
    if (n->greedy) {
      Word(Here() + 2);
      to_exit.push_back(Here());
      Word(0);
    } else {
      to_exit.push_back(Here());
      Word(0);
      to_body.push_back(Here());
      Word(0);
    }
    for (int32_t p : to_body) code()[p] = Here();
    Op(kOpSetRegisterPos);
    Word(start_pos);
    if (n->cap_end > n->cap_first) {
      Op(kOpResetCaptures);
      Word(static_cast<int32_t>(2 * n->cap_first));
      Word(static_cast<int32_t>(2 * n->cap_end));
    }
    Emit(body, backward);
    Op(kOpFailIfEmpty);
    Word(counter);
    Word(static_cast<int32_t>(n->min));
    Word(start_pos);
    Op(kOpIncRegister);
    Word(counter);
    Op(kOpJump);
    Word(loop);
    for (int32_t p : to_exit) code()[p] = Here();
  }

  // A code unit every match must start with (for a fast scan), and whether
  // the pattern is anchored at the input start.
  void FindStartHints() {
    const Node* n = parsed_.root;
    uint8_t mode = mode_;
    while (n != nullptr) {
      switch (n->type) {
        case NodeType::kSeq:
          n = n->children.empty() ? nullptr : n->children[0];
          continue;
        case NodeType::kCapture:
          n = n->children[0];
          continue;
        case NodeType::kGroup:
          mode = static_cast<uint8_t>((mode | n->add_flags) & ~n->remove_flags);
          n = n->children[0];
          continue;
        case NodeType::kRepeat:
          if (n->min == 0) return;
          n = n->children[0];
          continue;
        case NodeType::kChar:
          if (!(mode & kFlagI) && n->c < 0xD800) program_->first_unit = static_cast<int32_t>(n->c);
          return;
        case NodeType::kAssert:
          if (n->assert_kind == AssertKind::kStart && !(mode & kFlagM)) program_->anchored = true;
          return;
        default:
          return;
      }
    }
  }

  // The code units a match of a node can start with.
  struct FirstSet {
    uint8_t latin1[32] = {};
    bool non_latin1 = false;
    bool nullable = false;  // the node can match empty (what follows decides)
    bool any = false;       // unknown: no filtering
    void Add(uint32_t c) {
      if (c < 256) latin1[c >> 3] |= static_cast<uint8_t>(1u << (c & 7));
      else non_latin1 = true;  // includes the lead surrogate of c > 0xFFFF
    }
    void Merge(const FirstSet& o) {
      for (int i = 0; i < 32; ++i) latin1[i] |= o.latin1[i];
      non_latin1 |= o.non_latin1;
      any |= o.any;
    }
  };

  // Computes the first set of `n` under `mode` into *out (merging). Returns
  // false when the pattern is too deep to analyse (no filtering then).
  bool First(const Node* n, uint8_t mode, FirstSet* out, int depth = 0) {
    if (depth > 200) return false;
    switch (n->type) {
      case NodeType::kEmpty:
      case NodeType::kAssert:
      case NodeType::kLook:  // zero-width: what follows starts the match
        out->nullable = true;
        return true;
      case NodeType::kChar:
        if (mode & kFlagI) {
          uint32_t canon = Canonicalize(n->c, unicode_);
          for (uint32_t x = 0; x < 256; ++x) {
            if (Canonicalize(x, unicode_) == canon) out->Add(x);
          }
          out->non_latin1 = true;
        } else {
          out->Add(n->c >= 0x10000 ? 0xD800 : n->c);
        }
        return true;
      case NodeType::kClass:
        if (n->negate || !n->strings.empty() || (mode & kFlagI)) {
          out->any = true;
          return true;
        }
        for (const auto& [lo, hi] : n->set) {
          for (uint32_t c = lo; c <= hi && c < 256; ++c) out->Add(c);
          if (hi >= 256) out->non_latin1 = true;
        }
        return true;
      case NodeType::kSeq: {
        FirstSet acc;
        acc.nullable = true;
        for (const Node* child : n->children) {
          FirstSet f;
          if (!First(child, mode, &f, depth + 1)) return false;
          acc.Merge(f);
          if (!f.nullable) {
            acc.nullable = false;
            break;
          }
        }
        bool nullable = acc.nullable;
        out->Merge(acc);
        out->nullable |= nullable;
        return true;
      }
      case NodeType::kAlt:
        for (const Node* child : n->children) {
          if (!First(child, mode, out, depth + 1)) return false;
        }
        return true;
      case NodeType::kCapture:
        return First(n->children[0], mode, out, depth + 1);
      case NodeType::kGroup:
        return First(n->children[0], static_cast<uint8_t>((mode | n->add_flags) & ~n->remove_flags), out,
                     depth + 1);
      case NodeType::kRepeat: {
        if (n->max == 0) {
          out->nullable = true;
          return true;
        }
        FirstSet f;
        if (!First(n->children[0], mode, &f, depth + 1)) return false;
        if (n->min == 0) f.nullable = true;
        bool nullable = f.nullable;
        out->Merge(f);
        out->nullable |= nullable;
        return true;
      }
      default:  // kDot, kBackref
        out->any = true;
        return true;
    }
  }

  const ParsedPattern& parsed_;
  Program* program_;
  bool unicode_;
  bool vmode_;
  uint8_t mode_ = 0;
  uint32_t registers_ = 0;
};

}  // namespace

bool CompileTree(const ParsedPattern& parsed, const Flags& flags, Program* program, std::string* error) {
  program->flags = flags;
  Compiler compiler(parsed, flags, program);
  return compiler.Compile(error);
}

bool Validate(std::u16string_view pattern, std::u16string_view flags_text, std::string* error) {
  Flags flags;
  if (!ParseFlags(flags_text, &flags)) {
    *error = "Invalid flags";
    return false;
  }
  ParsedPattern parsed;
  return ParsePattern(pattern, flags, &parsed, error);
}

std::shared_ptr<const Program> Compile(std::u16string_view pattern, const Flags& flags, std::string* error) {
  ParsedPattern parsed;
  if (!ParsePattern(pattern, flags, &parsed, error)) return nullptr;
  auto program = std::make_shared<Program>();
  if (!CompileTree(parsed, flags, program.get(), error)) return nullptr;
  return program;
}

}  // namespace ratchet::regexp
