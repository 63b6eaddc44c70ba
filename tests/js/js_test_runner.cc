// Runs every tests/js/**/*.js file in a fresh realm with harness.js
// prepended. A test passes when it completes without an uncaught exception
// and, when a sibling .expected file exists, prints exactly its contents.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "api/ratchet.h"
#include "gtest/gtest.h"

namespace {

namespace fs = std::filesystem;

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

fs::path TestDir() { return fs::path("tests/js"); }

std::vector<std::string> TestFiles() {
  std::vector<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(TestDir())) {
    if (e.path().extension() == ".js" && e.path().filename() != "harness.js") {
      out.push_back(fs::relative(e.path(), TestDir()).string());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

class JsTest : public ::testing::TestWithParam<std::string> {};

TEST_P(JsTest, Passes) {
  fs::path file = TestDir() / GetParam();
  std::string harness = ReadFile(TestDir() / "harness.js");
  std::string source = ReadFile(file);
  ratchet::Runtime runtime;
  runtime.SetMemoryLimit(256 << 20);
  std::string printed;
  runtime.SetPrintHandler([&](const std::string& line) { printed += line + "\n"; });
  auto realm = runtime.NewRealm();
  ASSERT_NE(realm, nullptr);
  ratchet::EvalOptions options;
  options.file_name = "harness.js";
  ratchet::Completion h = realm->EvaluateScriptSync(harness, options);
  ASSERT_TRUE(h.ok()) << h.Describe();
  options.file_name = GetParam();
  options.limits.max_steps = 100'000'000;
  ratchet::Completion c = realm->EvaluateScriptSync(source, options);
  ASSERT_TRUE(c.ok()) << GetParam() << ": " << c.Describe();
  fs::path expected = file;
  expected.replace_extension(".expected");
  if (fs::exists(expected)) EXPECT_EQ(printed, ReadFile(expected));
}

std::string Name(const ::testing::TestParamInfo<std::string>& info) {
  std::string n = info.param;
  for (char& c : n) {
    if (!isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return n;
}

INSTANTIATE_TEST_SUITE_P(Files, JsTest, ::testing::ValuesIn(TestFiles()), Name);

TEST(JsTestFiles, AreFound) { EXPECT_GE(TestFiles().size(), 5u); }

}  // namespace
