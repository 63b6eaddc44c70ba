// The regular-expression engine on its own: syntax errors, matching
// semantics (backtracking order, captures, lookaround, case folding) and
// resumable, budgeted matching.
#include "vm/regexp/regexp.h"

#include <gtest/gtest.h>

#include <string>

namespace ratchet::regexp {
namespace {

std::u16string U(const std::string& s) { return std::u16string(s.begin(), s.end()); }

// Runs pattern/flags on input from `start`; returns the captures as
// "s,e;s,e;..." or "null", or "error: ..." on a syntax error.
std::string Exec(const std::string& pattern, const std::string& flags, const std::u16string& input,
                 uint32_t start = 0) {
  Flags f;
  if (!ParseFlags(U(flags), &f)) return "bad flags";
  std::string error;
  auto program = Compile(U(pattern), f, &error);
  if (!program) return "error: " + error;
  Matcher m(program);
  m.Start(nullptr, input.data(), static_cast<uint32_t>(input.size()), start, f.sticky);
  uint64_t budget = 1000000;
  MatchStatus st = m.Run(&budget);
  if (st == MatchStatus::kNoMatch) return "null";
  if (st != MatchStatus::kMatch) return "budget";
  std::string out;
  for (size_t i = 0; i < m.captures().size(); i += 2) {
    if (i) out += ";";
    if (m.captures()[i] < 0) {
      out += "u";
    } else {
      out += std::to_string(m.captures()[i]) + "," + std::to_string(m.captures()[i + 1]);
    }
  }
  return out;
}
std::string Exec(const std::string& pattern, const std::string& flags, const std::string& input) {
  return Exec(pattern, flags, U(input));
}

TEST(RegExpTest, Literals) {
  EXPECT_EQ(Exec("abc", "", "xxabcx"), "2,5");
  EXPECT_EQ(Exec("abc", "", "ab"), "null");
  EXPECT_EQ(Exec("", "", "ab"), "0,0");
  EXPECT_EQ(Exec("a|ab", "", "ab"), "0,1");
  EXPECT_EQ(Exec("b", "y", "ab"), "null");
}

TEST(RegExpTest, Quantifiers) {
  EXPECT_EQ(Exec("a*", "", "aaa"), "0,3");
  EXPECT_EQ(Exec("a*?", "", "aaa"), "0,0");
  EXPECT_EQ(Exec("a+?b", "", "aaab"), "0,4");
  EXPECT_EQ(Exec("a{2,3}", "", "aaaa"), "0,3");
  EXPECT_EQ(Exec("(a|b)*c", "", "abac"), "0,4;2,3");
  // Captures reset in each iteration (RepeatMatcher step 4).
  EXPECT_EQ(Exec("(z)((a+)?(b+)?(c))*", "", "zaacbbbcac"), "0,10;0,1;8,10;8,9;u;9,10");
  // An empty optional iteration fails.
  EXPECT_EQ(Exec("(a*)*", "", "b"), "0,0;u");
  EXPECT_EQ(Exec("(?:a|())*b", "", "aab"), "0,3;u");
  EXPECT_EQ(Exec(".*x", "", "abxcx"), "0,5");
  EXPECT_EQ(Exec("(\\d+)\\s(\\w+?)$", "", "12 ab"), "0,5;0,2;3,5");
}

TEST(RegExpTest, Backreferences) {
  EXPECT_EQ(Exec("(a)\\1", "", "aa"), "0,2;0,1");
  EXPECT_EQ(Exec("\\1(a)", "", "aa"), "0,1;0,1");
  EXPECT_EQ(Exec("(?<x>b)\\k<x>", "", "abb"), "1,3;1,2");
  EXPECT_EQ(Exec("(A)\\1", "i", "aA"), "0,2;0,1");
  EXPECT_EQ(Exec("(?:(?<y>a)|(?<y>b))\\k<y>", "", "bb"), "0,2;u;0,1");
}

TEST(RegExpTest, Lookaround) {
  EXPECT_EQ(Exec("a(?=b)", "", "acab"), "2,3");
  EXPECT_EQ(Exec("a(?!b)", "", "abac"), "2,3");
  EXPECT_EQ(Exec("(?<=\\$)\\d+", "", "a $42"), "3,5");
  EXPECT_EQ(Exec("(?<!\\$)\\d+", "", "$42"), "2,3");
  EXPECT_EQ(Exec("(?=(a+))a*b\\1", "", "baaabac"), "3,6;3,4");
  EXPECT_EQ(Exec("(?<=(\\d+)(\\d+))$", "", "1053"), "4,4;0,1;1,4");
  EXPECT_EQ(Exec("(?!(a))\\1b", "", "b"), "0,1;u");
}

TEST(RegExpTest, CaseInsensitive) {
  EXPECT_EQ(Exec("[a-z]+", "i", "ABC"), "0,3");
  EXPECT_EQ(Exec("\\u212a", "i", "k"), "null");
  EXPECT_EQ(Exec("\\u212a", "iu", "k"), "0,1");
  EXPECT_EQ(Exec("\\w", "iu", "\xc5\xbf"), "null");  // bytes, not the code point
  EXPECT_EQ(Exec("[^a]", "i", "A"), "null");
  EXPECT_EQ(Exec("\xdf", "i", "SS"), "null");
}

TEST(RegExpTest, Unicode) {
  std::u16string pair = u"\U0001F600";
  EXPECT_EQ(Exec(".", "u", pair), "0,2");
  EXPECT_EQ(Exec(".", "", pair), "0,1");
  EXPECT_EQ(Exec("\\udc00", "u", u"\xd800\xdc00"), "null");
  EXPECT_EQ(Exec("\\u{1F600}", "u", pair), "0,2");
  EXPECT_EQ(Exec("\\p{Lu}+", "u", "abCDe"), "2,4");
  EXPECT_EQ(Exec("\\p{Script=Greek}", "u", u"a\x3b1"), "1,2");
  EXPECT_EQ(Exec("[\\p{L}--[a-z]]", "v", "abC"), "2,3");
  EXPECT_EQ(Exec("[\\q{abc|d}x]", "v", "zabc"), "1,4");
}

TEST(RegExpTest, Modifiers) {
  EXPECT_EQ(Exec("a(?i:b)c", "", "aBc"), "0,3");
  EXPECT_EQ(Exec("a(?i:b)c", "", "aBC"), "null");
  EXPECT_EQ(Exec("(?-i:a)b", "i", "aB"), "0,2");
}

TEST(RegExpTest, SyntaxErrors) {
  for (const char* bad : {"(", ")", "[", "*", "a**", "a{2,1}", "(?<a>x)(?<a>y)", "\\k<z>(?<a>.)", "(?<=a)*",
                          "(?ii:a)", "(?-:a)", "(?<1a>x)"}) {
    EXPECT_EQ(Exec(bad, "", "").substr(0, 6), "error:") << bad;
  }
  for (const char* bad_u : {"\\c", "\\1", "{", "a{", "\\-", "[\\d-z]", "\\p{ascii}", "\\u{110000}", "]"}) {
    EXPECT_EQ(Exec(bad_u, "u", "").substr(0, 6), "error:") << bad_u;
  }
  // Annex B accepts these outside Unicode mode.
  EXPECT_EQ(Exec("\\c", "", "\\c"), "0,2");
  EXPECT_EQ(Exec("a{", "", "a{"), "0,2");
  EXPECT_EQ(Exec("\\8", "", "8"), "0,1");
  EXPECT_EQ(Exec("[\\d-z]", "", "-"), "0,1");
  EXPECT_EQ(Exec("\\101", "", "A"), "0,1");
}

TEST(RegExpTest, CatastrophicPatternIsResumable) {
  Flags f;
  std::string error;
  auto program = Compile(u"(a+)+$", f, &error);
  ASSERT_TRUE(program);
  std::u16string input(30, u'a');
  input += u"b";
  Matcher m(program);
  m.Start(nullptr, input.data(), static_cast<uint32_t>(input.size()), 0, false);
  int slices = 0;
  MatchStatus st;
  do {
    uint64_t budget = 1000;
    st = m.Run(&budget);
    ++slices;
  } while (st == MatchStatus::kBudgetExhausted && slices < 50);
  EXPECT_EQ(st, MatchStatus::kBudgetExhausted);  // still running after 50,000 steps
  EXPECT_EQ(slices, 50);
}

TEST(RegExpTest, HugePatternIsRejected) {
  Flags f;
  std::string error;
  EXPECT_FALSE(Compile(std::u16string(kMaxPatternLength + 1, u'a'), f, &error));
  EXPECT_EQ(error, "Regular expression too large");
}

}  // namespace
}  // namespace ratchet::regexp
