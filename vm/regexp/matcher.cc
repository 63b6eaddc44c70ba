// The backtracking matcher: an explicit stack of choice points and undo
// records (no C++ recursion), run in slices of a step budget.
#include <algorithm>
#include <cstring>

#include "vm/regexp/internal.h"

namespace ratchet::regexp {

struct Matcher::Entry {
  enum Kind : int32_t {
    kBranch,           // a: pc, b: pos
    kRestoreCapture,   // a: slot, b: old value
    kRestoreRegister,  // a: register, b: old value
    kLook,             // a: end pc, b: pos, c: negative
    kGreedy,           // a: loop pc, b: lowest pos (after min items), c: current pos
    kLazy,             // a: loop pc, b: count, c: pos
  };
  int32_t kind;
  int32_t a, b, c;
};

namespace {

inline bool IsLead(uint32_t c) { return c >= 0xD800 && c <= 0xDBFF; }
inline bool IsTrail(uint32_t c) { return c >= 0xDC00 && c <= 0xDFFF; }

inline bool IsWordChar(uint32_t c, bool unicode_ignore_case) {
  if (c < 128) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  return unicode_ignore_case && (c == 0x017F || c == 0x212A);
}

}  // namespace

Matcher::Matcher(std::shared_ptr<const Program> program)
    : program_(std::move(program)), stack_(new std::vector<Entry>()) {}

Matcher::~Matcher() { delete stack_; }

size_t Matcher::memory_bytes() const {
  return stack_->capacity() * sizeof(Entry) + (captures_.capacity() + registers_.capacity()) * sizeof(int32_t);
}

void Matcher::Start(const uint8_t* one_byte, const char16_t* two_byte, uint32_t length, uint32_t start,
                    bool sticky) {
  s8_ = one_byte;
  s16_ = two_byte;
  length_ = length;
  sticky_ = sticky;
  running_ = false;
  start_ = start;
  stack_->clear();
}

void Matcher::Reset(uint32_t start) {
  start_ = start;
  pc_ = 0;
  pos_ = start;
  captures_.assign(2 * program_->capture_count, -1);
  registers_.assign(program_->register_count, 0);
  stack_->clear();
  running_ = true;
}

// The first position at or after `i` where a match can start by the
// program's first set (length_ when there is none). In Unicode mode the
// scan steps over surrogate pairs, as NextStart does.
uint32_t Matcher::SkipToCandidate(uint32_t i) const {
  const Program& p = *program_;
  if (s8_ != nullptr) {
    while (i < length_ && !p.MayStartWith(s8_[i])) ++i;
    return i;
  }
  const bool unicode = p.flags.either_unicode();
  while (i < length_ && !p.MayStartWith(s16_[i])) {
    i += unicode && IsLead(s16_[i]) && i + 1 < length_ && IsTrail(s16_[i + 1]) ? 2 : 1;
  }
  return std::min(i, length_);
}

// Moves start_ to the next candidate position; false when none is left.
bool Matcher::NextStart() {
  if (sticky_) return false;
  const Program& p = *program_;
  if (p.anchored) return false;
  uint32_t next = start_ + 1;
  if (p.flags.either_unicode() && start_ + 1 < length_) {
    uint32_t c = s8_ ? s8_[start_] : s16_[start_];
    uint32_t d = s8_ ? s8_[start_ + 1] : s16_[start_ + 1];
    if (IsLead(c) && IsTrail(d)) next = start_ + 2;
  }
  if (next > length_) return false;
  if (p.first_unit < 0 && p.has_first_set) {
    next = SkipToCandidate(next);
    if (next >= length_) return false;
  } else if (p.first_unit >= 0) {
    uint32_t unit = static_cast<uint32_t>(p.first_unit);
    if (s8_ != nullptr) {
      if (unit > 0xFF) return false;
      const void* hit = next < length_ ? std::memchr(s8_ + next, static_cast<int>(unit), length_ - next) : nullptr;
      if (hit == nullptr) return false;
      next = static_cast<uint32_t>(static_cast<const uint8_t*>(hit) - s8_);
    } else {
      while (next < length_ && s16_[next] != unit) ++next;
      if (next >= length_) return false;
    }
  }
  start_ = next;
  return true;
}

MatchStatus Matcher::Run(uint64_t* budget) {
  if (!running_) {
    const Program& p = *program_;
    if (start_ > length_) return MatchStatus::kNoMatch;
    if (p.anchored && start_ != 0) return MatchStatus::kNoMatch;
    if (p.first_unit >= 0 && !sticky_) {
      // Position the first attempt on the first occurrence of the unit.
      uint32_t unit = static_cast<uint32_t>(p.first_unit);
      uint32_t i = start_;
      if (s8_ != nullptr) {
        while (i < length_ && s8_[i] != unit) ++i;
      } else {
        while (i < length_ && s16_[i] != unit) ++i;
      }
      if (i >= length_) return MatchStatus::kNoMatch;
      start_ = i;
    } else if (p.has_first_set && !sticky_) {
      start_ = SkipToCandidate(start_);
      if (start_ >= length_) return MatchStatus::kNoMatch;
    }
    Reset(start_);
  }
  return s8_ != nullptr ? RunImpl(s8_, budget) : RunImpl(s16_, budget);
}

template <typename Char>
MatchStatus Matcher::RunImpl(const Char* s, uint64_t* budget) {
  const Program& prog = *program_;
  const int32_t* code = prog.code.data();
  const bool unicode = prog.flags.either_unicode();
  const int32_t len = static_cast<int32_t>(length_);
  std::vector<Entry>& stack = *stack_;
  int32_t pc = static_cast<int32_t>(pc_);
  int32_t pos = static_cast<int32_t>(pos_);

  // Reads the character after (forward) or before (backward) p, and its
  // width in code units; false at the input's end.
  auto read = [&](int32_t p, bool backward, uint32_t* c, int32_t* width) -> bool {
    if (!backward) {
      if (p >= len) return false;
      *c = s[p];
      *width = 1;
      if (unicode && IsLead(*c) && p + 1 < len && IsTrail(s[p + 1])) {
        *c = 0x10000 + ((*c - 0xD800) << 10) + (s[p + 1] - 0xDC00);
        *width = 2;
      }
      return true;
    }
    if (p <= 0) return false;
    *c = s[p - 1];
    *width = 1;
    if (unicode && IsTrail(*c) && p - 2 >= 0 && IsLead(s[p - 2])) {
      *c = 0x10000 + ((s[p - 2] - 0xD800) << 10) + (*c - 0xDC00);
      *width = 2;
    }
    return true;
  };

  // One character test at `ipc` (Char, Class, Any ...): advances *p.
  auto match_one = [&](int32_t ipc, int32_t* p) -> bool {
    int32_t word = code[ipc];
    bool backward = word & kBackward;
    uint32_t c;
    int32_t width;
    if (!read(*p, backward, &c, &width)) return false;
    bool ok;
    switch (word & kOpMask) {
      case kOpChar:
        ok = c == static_cast<uint32_t>(code[ipc + 1]);
        break;
      case kOpCharIgnoreCase:
        ok = Canonicalize(c, unicode) == static_cast<uint32_t>(code[ipc + 1]);
        break;
      case kOpClass:
        ok = prog.sets[code[ipc + 1]].Contains(c) != (code[ipc + 2] != 0);
        break;
      case kOpClassIgnoreCase:
        ok = prog.sets[code[ipc + 1]].Contains(Canonicalize(c, unicode)) != (code[ipc + 2] != 0);
        break;
      case kOpAny:
        ok = !IsLineTerminator(c);
        break;
      default:  // kOpAnyAll
        ok = true;
        break;
    }
    if (!ok) return false;
    *p += backward ? -width : width;
    return true;
  };

  auto set_capture = [&](int32_t slot, int32_t value) {
    stack.push_back({Entry::kRestoreCapture, slot, captures_[slot], 0});
    captures_[slot] = value;
  };
  auto set_register = [&](int32_t reg, int32_t value) {
    stack.push_back({Entry::kRestoreRegister, reg, registers_[reg], 0});
    registers_[reg] = value;
  };

  uint64_t steps = *budget;
  while (true) {
    if (steps == 0) {
      pc_ = static_cast<uint32_t>(pc);
      pos_ = static_cast<uint32_t>(pos);
      *budget = 0;
      return MatchStatus::kBudgetExhausted;
    }
    --steps;
    int32_t word = code[pc];
    bool fail = false;
    switch (word & kOpMask) {
      case kOpMatch:
        captures_[0] = static_cast<int32_t>(start_);
        captures_[1] = pos;
        running_ = false;
        stack.clear();
        *budget = steps;
        return MatchStatus::kMatch;
      case kOpChar:
      case kOpCharIgnoreCase:
        fail = !match_one(pc, &pos);
        pc += 2;
        break;
      case kOpClass:
      case kOpClassIgnoreCase:
        fail = !match_one(pc, &pos);
        pc += 3;
        break;
      case kOpAny:
      case kOpAnyAll:
        fail = !match_one(pc, &pos);
        pc += 1;
        break;
      case kOpAssertStart:
        fail = !(pos == 0 || (code[pc + 1] && IsLineTerminator(s[pos - 1])));
        pc += 2;
        break;
      case kOpAssertEnd:
        fail = !(pos == len || (code[pc + 1] && IsLineTerminator(s[pos])));
        pc += 2;
        break;
      case kOpWordBoundary: {
        bool ui = code[pc + 2] != 0;
        bool a = pos > 0 && IsWordChar(s[pos - 1], ui);
        bool b = pos < len && IsWordChar(s[pos], ui);
        fail = (a != b) == (code[pc + 1] != 0);
        pc += 3;
        break;
      }
      case kOpJump:
        pc = code[pc + 1];
        break;
      case kOpSplit:
        stack.push_back({Entry::kBranch, code[pc + 2], pos, 0});
        pc = code[pc + 1];
        break;
      case kOpSave:
        set_capture(code[pc + 1], pos);
        pc += 2;
        break;
      case kOpResetCaptures:
        for (int32_t i = code[pc + 1]; i < code[pc + 2]; ++i) {
          if (captures_[i] != -1) set_capture(i, -1);
        }
        pc += 3;
        break;
      case kOpBackref: {
        bool backward = word & kBackward;
        int32_t count = code[pc + 1];
        bool icase = code[pc + 2] != 0;
        // With duplicate names, the one group that participated.
        int32_t from = -1, to = -1;
        for (int32_t i = 0; i < count; ++i) {
          int32_t g = code[pc + 3 + i];
          if (captures_[2 * g] >= 0 && captures_[2 * g + 1] >= 0) {
            from = captures_[2 * g];
            to = captures_[2 * g + 1];
            break;
          }
        }
        pc += 3 + count;
        if (from < 0) break;  // an unset group matches empty
        int32_t n = to - from;
        int32_t begin = backward ? pos - n : pos;
        if (begin < 0 || begin + n > len) {
          fail = true;
          break;
        }
        for (int32_t i = 0; i < n && !fail; ++i) {
          uint32_t x = s[from + i], y = s[begin + i];
          if (x == y) continue;
          if (!icase) {
            fail = true;
          } else if (unicode && (IsLead(x) || IsLead(y)) && i + 1 < n) {
            // Compare whole code points under simple case folding.
            uint32_t xt = s[from + i + 1], yt = s[begin + i + 1];
            uint32_t xc = IsLead(x) && IsTrail(xt) ? 0x10000 + ((x - 0xD800) << 10) + (xt - 0xDC00) : x;
            uint32_t yc = IsLead(y) && IsTrail(yt) ? 0x10000 + ((y - 0xD800) << 10) + (yt - 0xDC00) : y;
            fail = Canonicalize(xc, true) != Canonicalize(yc, true);
            if (xc >= 0x10000) ++i;
          } else {
            fail = Canonicalize(x, unicode) != Canonicalize(y, unicode);
          }
        }
        if (!fail) pos = backward ? begin : begin + n;
        break;
      }
      case kOpSetRegister:
        set_register(code[pc + 1], code[pc + 2]);
        pc += 3;
        break;
      case kOpSetRegisterPos:
        set_register(code[pc + 1], pos);
        pc += 2;
        break;
      case kOpIncRegister:
        set_register(code[pc + 1], registers_[code[pc + 1]] + 1);
        pc += 2;
        break;
      case kOpJumpIfLess:
        pc = static_cast<uint32_t>(registers_[code[pc + 1]]) < static_cast<uint32_t>(code[pc + 2]) ? code[pc + 3]
                                                                                                   : pc + 4;
        break;
      case kOpJumpIfGreaterEq:
        pc = static_cast<uint32_t>(registers_[code[pc + 1]]) >= static_cast<uint32_t>(code[pc + 2]) ? code[pc + 3]
                                                                                                    : pc + 4;
        break;
      case kOpFailIfEmpty:
        fail = static_cast<uint32_t>(registers_[code[pc + 1]]) >= static_cast<uint32_t>(code[pc + 2]) &&
               registers_[code[pc + 3]] == pos;
        pc += 4;
        break;
      case kOpLookStart:
        stack.push_back({Entry::kLook, code[pc + 2], pos, code[pc + 1]});
        pc += 3;
        break;
      case kOpLookEnd: {
        // The body matched: find this lookaround's barrier.
        size_t b = stack.size();
        while (stack[--b].kind != Entry::kLook) {
        }
        Entry barrier = stack[b];
        if (barrier.c) {
          // Negative: undo the body's effects, then fail.
          while (stack.size() > b + 1) {
            Entry e = stack.back();
            stack.pop_back();
            if (e.kind == Entry::kRestoreCapture) captures_[e.a] = e.b;
            else if (e.kind == Entry::kRestoreRegister) registers_[e.a] = e.b;
          }
          stack.pop_back();
          fail = true;
          break;
        }
        // Positive: drop the body's choice points, keep its undo records.
        size_t out = b;
        for (size_t i = b + 1; i < stack.size(); ++i) {
          if (stack[i].kind == Entry::kRestoreCapture || stack[i].kind == Entry::kRestoreRegister) {
            stack[out++] = stack[i];
          }
        }
        stack.resize(out);
        pos = barrier.b;
        pc += 1;
        break;
      }
      case kOpGreedyLoop: {
        bool backward = word & kBackward;
        uint32_t min = static_cast<uint32_t>(code[pc + 1]);
        uint32_t max = static_cast<uint32_t>(code[pc + 2]);
        int32_t item = pc + 4;
        uint32_t count = 0;
        int32_t p = pos, lowest = pos;
        while (count < max && match_one(item, &p)) {
          ++count;
          if (count == min) lowest = p;
        }
        if (steps > count) steps -= count; else steps = 0;
        if (count < min) {
          fail = true;
          break;
        }
        if (min == 0) lowest = pos;
        if (p != lowest) stack.push_back({Entry::kGreedy, pc, lowest, p});
        pos = p;
        pc = item + code[pc + 3];
        (void)backward;
        break;
      }
      case kOpLazyLoop: {
        uint32_t min = static_cast<uint32_t>(code[pc + 1]);
        int32_t item = pc + 4;
        uint32_t count = 0;
        int32_t p = pos;
        while (count < min && match_one(item, &p)) ++count;
        if (count < min) {
          fail = true;
          break;
        }
        if (count < static_cast<uint32_t>(code[pc + 2])) {
          stack.push_back({Entry::kLazy, pc, static_cast<int32_t>(count), p});
        }
        pos = p;
        pc = item + code[pc + 3];
        break;
      }
      default:  // kOpFail
        fail = true;
        break;
    }
    if (!fail) continue;

    // Backtrack to the latest choice point.
    while (true) {
      if (stack.empty()) {
        if (!NextStart()) {
          running_ = false;
          *budget = steps;
          return MatchStatus::kNoMatch;
        }
        Reset(start_);
        pc = 0;
        pos = static_cast<int32_t>(start_);
        break;
      }
      Entry& e = stack.back();
      if (e.kind == Entry::kRestoreCapture) {
        captures_[e.a] = e.b;
        stack.pop_back();
        continue;
      }
      if (e.kind == Entry::kRestoreRegister) {
        registers_[e.a] = e.b;
        stack.pop_back();
        continue;
      }
      if (e.kind == Entry::kBranch) {
        pc = e.a;
        pos = e.b;
        stack.pop_back();
        break;
      }
      if (e.kind == Entry::kLook) {
        Entry barrier = e;
        stack.pop_back();
        if (barrier.c) {
          // Negative lookaround: the body failed, so the assertion holds.
          pc = barrier.a;
          pos = barrier.b;
          break;
        }
        continue;
      }
      if (e.kind == Entry::kGreedy) {
        // Give back one item.
        int32_t loop = e.a;
        bool backward = code[loop] & kBackward;
        int32_t cur = e.c;
        int32_t step = 1;
        if (!backward) {
          if (unicode && cur - 2 >= e.b && IsTrail(s[cur - 1]) && IsLead(s[cur - 2])) step = 2;
          cur -= step;
        } else {
          if (unicode && cur + 2 <= e.b && IsLead(s[cur]) && IsTrail(s[cur + 1])) step = 2;
          cur += step;
        }
        if (cur == e.b) {
          stack.pop_back();
        } else {
          e.c = cur;
        }
        pos = cur;
        pc = loop + 4 + code[loop + 3];
        break;
      }
      // kLazy: take one more item.
      {
        int32_t loop = e.a;
        int32_t p = e.c;
        uint32_t count = static_cast<uint32_t>(e.b);
        stack.pop_back();
        if (!match_one(loop + 4, &p)) continue;
        ++count;
        if (count < static_cast<uint32_t>(code[loop + 2])) {
          stack.push_back({Entry::kLazy, loop, static_cast<int32_t>(count), p});
        }
        pos = p;
        pc = loop + 4 + code[loop + 3];
        break;
      }
    }
  }
}

}  // namespace ratchet::regexp
