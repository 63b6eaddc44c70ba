// Unicode data for regular expressions, from the generated UCD tables of
// unicode_data.cc (a pinned Unicode version, not the system ICU's): Canonicalize
// (22.2.2.7.3), property escapes (22.2.2.9 UnicodeMatchProperty and
// UnicodeMatchPropertyValue, exact names only), identifier characters for
// group names, and code-point set algebra.
#include <algorithm>
#include <cstring>
#include <mutex>

#include "vm/regexp/internal.h"
#include "vm/regexp/unicode_data.h"

namespace ratchet::regexp {

// ---- Set algebra -------------------------------------------------------------

void Normalize(Ranges* r) {
  std::sort(r->begin(), r->end());
  Ranges out;
  for (const auto& [lo, hi] : *r) {
    if (!out.empty() && lo <= out.back().second + 1) {
      out.back().second = std::max(out.back().second, hi);
    } else {
      out.push_back({lo, hi});
    }
  }
  *r = std::move(out);
}

Ranges Union(const Ranges& a, const Ranges& b) {
  Ranges r = a;
  r.insert(r.end(), b.begin(), b.end());
  Normalize(&r);
  return r;
}

Ranges Complement(const Ranges& a) {
  Ranges sorted = a;
  Normalize(&sorted);
  Ranges out;
  uint32_t next = 0;
  for (const auto& [lo, hi] : sorted) {
    if (lo > next) out.push_back({next, lo - 1});
    next = hi + 1;
  }
  if (next <= kMaxCodePoint) out.push_back({next, kMaxCodePoint});
  return out;
}

Ranges Intersect(const Ranges& a, const Ranges& b) {
  Ranges x = a, y = b;
  Normalize(&x);
  Normalize(&y);
  Ranges out;
  size_t i = 0, j = 0;
  while (i < x.size() && j < y.size()) {
    uint32_t lo = std::max(x[i].first, y[j].first);
    uint32_t hi = std::min(x[i].second, y[j].second);
    if (lo <= hi) out.push_back({lo, hi});
    if (x[i].second < y[j].second) ++i; else ++j;
  }
  return out;
}

Ranges Subtract(const Ranges& a, const Ranges& b) { return Intersect(a, Complement(b)); }

bool RangesContain(const Ranges& r, uint32_t c) {
  auto it = std::upper_bound(r.begin(), r.end(), std::make_pair(c, kMaxCodePoint + 1));
  if (it == r.begin()) return false;
  --it;
  return c >= it->first && c <= it->second;
}

bool CharRanges::Contains(uint32_t c) const {
  if (c < 256) return (latin1[c >> 3] >> (c & 7)) & 1;
  size_t lo = 0, hi = ranges.size();
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (ranges[mid].second < c) {
      lo = mid + 1;
    } else if (ranges[mid].first > c) {
      hi = mid;
    } else {
      return true;
    }
  }
  return false;
}

// ---- Generated tables ------------------------------------------------------------

namespace {

// Reads the varints of tools/gen-unicode-data's encoding.
class Reader {
 public:
  explicit Reader(uint32_t offset) : p_(ucd::kData + offset) {}
  uint32_t Next() {
    uint32_t value = 0;
    for (int shift = 0;; shift += 7) {
      uint8_t b = *p_++;
      value |= static_cast<uint32_t>(b & 0x7F) << shift;
      if ((b & 0x80) == 0) return value;
    }
  }

 private:
  const uint8_t* p_;
};

void ReadSet(uint32_t offset, StringSet* out) {
  Reader r(offset);
  uint32_t n = r.Next();
  uint32_t next = 0;
  for (uint32_t i = 0; i < n; ++i) {
    uint32_t lo = next + r.Next();
    uint32_t hi = lo + r.Next();
    out->chars.push_back({lo, hi});
    next = hi + 1;
  }
  uint32_t strings = r.Next();
  for (uint32_t i = 0; i < strings; ++i) {
    std::u32string s(r.Next(), U'\0');
    for (char32_t& c : s) c = r.Next();
    out->strings.push_back(std::move(s));
  }
}

// Calls f(key, value) for each entry of an encoded mapping.
template <typename F>
void ReadMapping(uint32_t offset, F f) {
  Reader r(offset);
  uint32_t n = r.Next();
  uint32_t key = 0;
  for (uint32_t i = 0; i < n; ++i) {
    key += r.Next();
    uint32_t z = r.Next();
    int64_t delta = (z & 1) ? -static_cast<int64_t>((z + 1) / 2) : static_cast<int64_t>(z / 2);
    f(key, static_cast<uint32_t>(key + delta));
  }
}

const ucd::Entry* FindEntry(ucd::Kind kind, const std::string& name) {
  for (size_t i = 0; i < ucd::kEntryCount; ++i) {
    if (ucd::kEntries[i].kind == kind && name == ucd::kEntries[i].name) return &ucd::kEntries[i];
  }
  return nullptr;
}

// The entry named `name` exactly, by its canonical name or an alias.
const ucd::Entry* FindValue(ucd::Kind kind, const std::string& name) {
  if (const ucd::Entry* e = FindEntry(kind, name)) return e;
  for (size_t i = 0; i < ucd::kAliasCount; ++i) {
    if (ucd::kAliases[i].kind == kind && name == ucd::kAliases[i].alias) {
      return FindEntry(kind, ucd::kAliases[i].name);
    }
  }
  return nullptr;
}

Ranges ReadRanges(ucd::Kind kind, const char* name) {
  StringSet set;
  ReadSet(FindEntry(kind, name)->offset, &set);
  return std::move(set.chars);
}

}  // namespace

// ---- Canonicalize ----------------------------------------------------------------

namespace {

// Canonicalize for every BMP code unit in each mode, supplementary simple case
// foldings, and the code points that Canonicalize changes in each mode (sorted).
struct CaseTables {
  std::vector<uint16_t> upper;  // 65536 entries
  std::vector<uint16_t> fold;   // 65536 entries
  std::vector<std::pair<uint32_t, uint32_t>> fold_supplementary;
  std::vector<uint32_t> changed_units;
  std::vector<uint32_t> changed_points;  // under simple case folding
};

const CaseTables& Tables() {
  static const CaseTables* tables = [] {
    auto* t = new CaseTables();
    t->upper.resize(0x10000);
    t->fold.resize(0x10000);
    for (uint32_t c = 0; c < 0x10000; ++c) t->upper[c] = t->fold[c] = static_cast<uint16_t>(c);
    ReadMapping(ucd::kUppercaseOffset, [t](uint32_t c, uint32_t u) {
      t->upper[c] = static_cast<uint16_t>(u);
      t->changed_units.push_back(c);
    });
    ReadMapping(ucd::kSimpleFoldOffset, [t](uint32_t c, uint32_t f) {
      if (c < 0x10000 && f < 0x10000) {
        t->fold[c] = static_cast<uint16_t>(f);
      } else {
        t->fold_supplementary.push_back({c, f});
      }
      t->changed_points.push_back(c);
    });
    return t;
  }();
  return *tables;
}

}  // namespace

uint32_t Canonicalize(uint32_t c, bool unicode) {
  if (unicode) {
    if (c < 128) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
    const CaseTables& t = Tables();
    if (c < 0x10000) return t.fold[c];
    auto it = std::lower_bound(t.fold_supplementary.begin(), t.fold_supplementary.end(), std::make_pair(c, 0u));
    return it != t.fold_supplementary.end() && it->first == c ? it->second : c;
  }
  if (c < 128) return (c >= 'a' && c <= 'z') ? c - 32 : c;
  if (c > 0xFFFF) return c;
  return Tables().upper[c];
}

Ranges CanonicalizeSet(const Ranges& r, bool unicode) {
  const CaseTables& t = Tables();
  const std::vector<uint32_t>& changed = unicode ? t.changed_points : t.changed_units;
  Ranges removed, added;
  for (const auto& [lo, hi] : r) {
    auto it = std::lower_bound(changed.begin(), changed.end(), lo);
    for (; it != changed.end() && *it <= hi; ++it) {
      removed.push_back({*it, *it});
      uint32_t k = Canonicalize(*it, unicode);
      added.push_back({k, k});
    }
  }
  Normalize(&removed);
  return Union(Subtract(r, removed), added);
}

Ranges CaseClosure(const Ranges& r, bool unicode) {
  const CaseTables& t = Tables();
  const std::vector<uint32_t>& changed = unicode ? t.changed_points : t.changed_units;
  Ranges canon = CanonicalizeSet(r, unicode);
  Ranges added;
  for (uint32_t c : changed) {
    if (RangesContain(canon, Canonicalize(c, unicode))) added.push_back({c, c});
  }
  return Union(Union(r, canon), added);
}

// ---- Class escapes -------------------------------------------------------------

Ranges DigitRanges() { return {{'0', '9'}}; }

Ranges SpaceRanges() {
  return {{0x09, 0x0D}, {0x20, 0x20},     {0xA0, 0xA0},     {0x1680, 0x1680}, {0x2000, 0x200A},
          {0x2028, 0x2029}, {0x202F, 0x202F}, {0x205F, 0x205F}, {0x3000, 0x3000}, {0xFEFF, 0xFEFF}};
}

Ranges WordRanges(bool unicode_ignore_case) {
  Ranges r = {{'0', '9'}, {'A', 'Z'}, {'_', '_'}, {'a', 'z'}};
  if (unicode_ignore_case) {
    r.push_back({0x017F, 0x017F});
    r.push_back({0x212A, 0x212A});
  }
  return r;
}

bool IsLineTerminator(uint32_t c) { return c == 0x0A || c == 0x0D || c == 0x2028 || c == 0x2029; }

namespace {

const Ranges& IdRanges(bool start) {
  static const Ranges* id_start = new Ranges(ReadRanges(ucd::Kind::kBinary, "ID_Start"));
  static const Ranges* id_continue = new Ranges(ReadRanges(ucd::Kind::kBinary, "ID_Continue"));
  return start ? *id_start : *id_continue;
}

}  // namespace

bool IsIdentifierStart(uint32_t c) {
  if (c < 128) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z' ? true : c == '$' || c == '_';
  return RangesContain(IdRanges(true), c);
}

bool IsIdentifierPart(uint32_t c) {
  if (c < 128) {
    return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (c >= '0' && c <= '9') || c == '$' || c == '_';
  }
  return c == 0x200C || c == 0x200D || RangesContain(IdRanges(false), c);
}

// ---- Property escapes ----------------------------------------------------------

namespace {

std::string Ascii(const std::u16string& s) {
  std::string out;
  for (char16_t c : s) out.push_back(c < 128 ? static_cast<char>(c) : '?');
  return out;
}

}  // namespace

// 22.2.2.9 UnicodeMatchProperty / UnicodeMatchPropertyValue: names and values
// match exactly (canonical names or the aliases of PropertyAliases.txt and
// PropertyValueAliases.txt that ECMAScript lists).
bool UnicodePropertySet(const std::u16string& name16, const std::u16string& value16, bool has_value,
                        bool allow_strings, StringSet* out, std::string* error) {
  std::string name = Ascii(name16), value = Ascii(value16);
  const ucd::Entry* entry = nullptr;
  if (has_value) {
    for (size_t i = 0; i < ucd::kAliasCount; ++i) {
      if (ucd::kAliases[i].kind == ucd::Kind::kPropertyName && name == ucd::kAliases[i].alias) {
        name = ucd::kAliases[i].name;
      }
    }
    if (name == "General_Category") {
      entry = FindValue(ucd::Kind::kGeneralCategory, value);
    } else if (name == "Script") {
      entry = FindValue(ucd::Kind::kScript, value);
    } else if (name == "Script_Extensions") {
      entry = FindValue(ucd::Kind::kScriptExtensions, value);
    }
  } else {
    entry = FindValue(ucd::Kind::kGeneralCategory, name);
    if (entry == nullptr) entry = FindValue(ucd::Kind::kBinary, name);
    if (entry == nullptr && allow_strings) entry = FindEntry(ucd::Kind::kString, name);
  }
  if (entry == nullptr) {
    *error = "Invalid property name";
    return false;
  }
  ReadSet(entry->offset, out);
  Normalize(&out->chars);
  return true;
}

}  // namespace ratchet::regexp
