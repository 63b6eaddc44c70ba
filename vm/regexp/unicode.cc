// Unicode data for regular expressions, from ICU: Canonicalize
// (22.2.2.7.3), property escapes (22.2.2.9 UnicodeMatchProperty and
// UnicodeMatchPropertyValue, exact names only), identifier characters for
// group names, and code-point set algebra.
#include <algorithm>
#include <cstring>
#include <mutex>

#include <unicode/uchar.h>
#include <unicode/uniset.h>
#include <unicode/usetiter.h>
#include <unicode/ustring.h>

#include "vm/regexp/internal.h"

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

// ---- Canonicalize ----------------------------------------------------------------

namespace {

// Canonicalize outside Unicode mode for every code unit, and the code points
// that Canonicalize changes in each mode (sorted).
struct CaseTables {
  std::vector<uint16_t> upper;  // 65536 entries
  std::vector<uint32_t> changed_units;
  std::vector<uint32_t> changed_points;  // under simple case folding
};

const CaseTables& Tables() {
  static const CaseTables* tables = [] {
    auto* t = new CaseTables();
    t->upper.resize(0x10000);
    for (uint32_t c = 0; c < 0x10000; ++c) {
      uint16_t result = static_cast<uint16_t>(c);
      if (c < 0xD800 || c > 0xDFFF) {
        UChar in[1] = {static_cast<UChar>(c)};
        UChar out[8];
        UErrorCode status = U_ZERO_ERROR;
        int32_t n = u_strToUpper(out, 8, in, 1, "", &status);
        // 3. If u does not consist of a single code unit, return ch.
        // 5. If ch >= 128 and cu < 128, return ch.
        if (U_SUCCESS(status) && n == 1 && !(c >= 128 && out[0] < 128)) result = out[0];
      }
      t->upper[c] = result;
      if (result != c) t->changed_units.push_back(c);
    }
    for (uint32_t c = 0; c <= kMaxCodePoint; ++c) {
      if (static_cast<uint32_t>(u_foldCase(static_cast<UChar32>(c), U_FOLD_CASE_DEFAULT)) != c) {
        t->changed_points.push_back(c);
      }
    }
    return t;
  }();
  return *tables;
}

}  // namespace

uint32_t Canonicalize(uint32_t c, bool unicode) {
  if (unicode) {
    if (c < 128) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
    return static_cast<uint32_t>(u_foldCase(static_cast<UChar32>(c), U_FOLD_CASE_DEFAULT));
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

bool IsIdentifierStart(uint32_t c) {
  if (c < 128) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z' ? true : c == '$' || c == '_';
  return u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_ID_START);
}

bool IsIdentifierPart(uint32_t c) {
  if (c < 128) {
    return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (c >= '0' && c <= '9') || c == '$' || c == '_';
  }
  return c == 0x200C || c == 0x200D || u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_ID_CONTINUE);
}

// ---- Property escapes ----------------------------------------------------------

namespace {

// Table 67: binary Unicode properties (canonical name, alias).
struct BinaryProperty {
  const char* name;
  const char* alias;
};
constexpr BinaryProperty kBinaryProperties[] = {
    {"ASCII", nullptr}, {"ASCII_Hex_Digit", "AHex"}, {"Alphabetic", "Alpha"}, {"Any", nullptr},
    {"Assigned", nullptr}, {"Bidi_Control", "Bidi_C"}, {"Bidi_Mirrored", "Bidi_M"},
    {"Case_Ignorable", "CI"}, {"Cased", nullptr}, {"Changes_When_Casefolded", "CWCF"},
    {"Changes_When_Casemapped", "CWCM"}, {"Changes_When_Lowercased", "CWL"},
    {"Changes_When_NFKC_Casefolded", "CWKCF"}, {"Changes_When_Titlecased", "CWT"},
    {"Changes_When_Uppercased", "CWU"}, {"Dash", nullptr}, {"Default_Ignorable_Code_Point", "DI"},
    {"Deprecated", "Dep"}, {"Diacritic", "Dia"}, {"Emoji", nullptr}, {"Emoji_Component", "EComp"},
    {"Emoji_Modifier", "EMod"}, {"Emoji_Modifier_Base", "EBase"}, {"Emoji_Presentation", "EPres"},
    {"Extended_Pictographic", "ExtPict"}, {"Extender", "Ext"}, {"Grapheme_Base", "Gr_Base"},
    {"Grapheme_Extend", "Gr_Ext"}, {"Hex_Digit", "Hex"}, {"IDS_Binary_Operator", "IDSB"},
    {"IDS_Trinary_Operator", "IDST"}, {"ID_Continue", "IDC"}, {"ID_Start", "IDS"},
    {"Ideographic", "Ideo"}, {"Join_Control", "Join_C"}, {"Logical_Order_Exception", "LOE"},
    {"Lowercase", "Lower"}, {"Math", nullptr}, {"Noncharacter_Code_Point", "NChar"},
    {"Pattern_Syntax", "Pat_Syn"}, {"Pattern_White_Space", "Pat_WS"}, {"Quotation_Mark", "QMark"},
    {"Radical", nullptr}, {"Regional_Indicator", "RI"}, {"Sentence_Terminal", "STerm"},
    {"Soft_Dotted", "SD"}, {"Terminal_Punctuation", "Term"}, {"Unified_Ideograph", "UIdeo"},
    {"Uppercase", "Upper"}, {"Variation_Selector", "VS"}, {"White_Space", "space"},
    {"XID_Continue", "XIDC"}, {"XID_Start", "XIDS"},
};

// Table 68: binary properties of strings (v mode).
constexpr const char* kStringProperties[] = {
    "Basic_Emoji", "Emoji_Keycap_Sequence", "RGI_Emoji_Modifier_Sequence", "RGI_Emoji_Flag_Sequence",
    "RGI_Emoji_Tag_Sequence", "RGI_Emoji_ZWJ_Sequence", "RGI_Emoji",
};

std::string Ascii(const std::u16string& s) {
  std::string out;
  for (char16_t c : s) out.push_back(c < 128 ? static_cast<char>(c) : '?');
  return out;
}

void AppendSet(const icu::UnicodeSet& set, StringSet* out) {
  for (int32_t i = 0; i < set.getRangeCount(); ++i) {
    out->chars.push_back({static_cast<uint32_t>(set.getRangeStart(i)), static_cast<uint32_t>(set.getRangeEnd(i))});
  }
  icu::UnicodeSetIterator it(set);
  while (it.next()) {
    if (!it.isString()) continue;
    const icu::UnicodeString& s = it.getString();
    std::u32string cps;
    for (int32_t i = 0; i < s.length();) {
      UChar32 c = s.char32At(i);
      cps.push_back(static_cast<char32_t>(c));
      i += U16_LENGTH(c);
    }
    if (cps.size() == 1) {
      out->chars.push_back({cps[0], cps[0]});
    } else {
      out->strings.push_back(std::move(cps));
    }
  }
  Normalize(&out->chars);
}

// The value of `prop` named exactly `value` (a name or alias ICU lists), or -1.
int32_t ExactPropertyValue(UProperty prop, const std::string& value) {
  int32_t v = u_getPropertyValueEnum(prop, value.c_str());
  if (v == UCHAR_INVALID_CODE) return -1;
  for (int choice = 0; choice < 8; ++choice) {
    const char* name = u_getPropertyValueName(prop, v, static_cast<UPropertyNameChoice>(choice));
    if (name != nullptr && value == name) return v;
  }
  return -1;
}

}  // namespace

bool UnicodePropertySet(const std::u16string& name16, const std::u16string& value16, bool has_value,
                        bool allow_strings, StringSet* out, std::string* error) {
  std::string name = Ascii(name16), value = Ascii(value16);
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeSet set;
  if (has_value) {
    UProperty prop;
    if (name == "General_Category" || name == "gc") {
      prop = UCHAR_GENERAL_CATEGORY_MASK;
    } else if (name == "Script" || name == "sc") {
      prop = UCHAR_SCRIPT;
    } else if (name == "Script_Extensions" || name == "scx") {
      prop = UCHAR_SCRIPT_EXTENSIONS;
    } else {
      *error = "Invalid property name";
      return false;
    }
    int32_t v = ExactPropertyValue(prop == UCHAR_SCRIPT_EXTENSIONS ? UCHAR_SCRIPT : prop, value);
    if (v < 0) {
      *error = "Invalid property name";
      return false;
    }
    set.applyIntPropertyValue(prop, v, status);
  } else if (int32_t gc = ExactPropertyValue(UCHAR_GENERAL_CATEGORY_MASK, name); gc >= 0) {
    set.applyIntPropertyValue(UCHAR_GENERAL_CATEGORY_MASK, gc, status);
  } else {
    const BinaryProperty* found = nullptr;
    for (const BinaryProperty& p : kBinaryProperties) {
      if (name == p.name || (p.alias != nullptr && name == p.alias)) found = &p;
    }
    if (found != nullptr) {
      std::string canonical = found->name;
      if (canonical == "Any") {
        set.add(0, kMaxCodePoint);
      } else if (canonical == "ASCII") {
        set.add(0, 0x7F);
      } else if (canonical == "Assigned") {
        set.applyIntPropertyValue(UCHAR_GENERAL_CATEGORY_MASK, U_GC_CN_MASK, status);
        set.complement();
      } else {
        UProperty prop = u_getPropertyEnum(canonical.c_str());
        if (prop == UCHAR_INVALID_CODE) {
          *error = "Invalid property name";
          return false;
        }
        set.applyIntPropertyValue(prop, 1, status);
      }
    } else {
      bool is_string_property = false;
      for (const char* p : kStringProperties) is_string_property |= name == p;
      if (!is_string_property || !allow_strings) {
        *error = "Invalid property name";
        return false;
      }
      set.applyIntPropertyValue(u_getPropertyEnum(name.c_str()), 1, status);
    }
  }
  if (U_FAILURE(status)) {
    *error = "Invalid property name";
    return false;
  }
  AppendSet(set, out);
  return true;
}

}  // namespace ratchet::regexp
