// The self-hosted library's build-time snapshot: used at start-up, the same
// bytes a fresh compile gives, and a reader that refuses damaged bytes.
#include <string>

#include "compiler/serialize.h"
#include "gtest/gtest.h"
#include "runtime/selfhost_snapshot.h"

namespace ratchet::internal {
namespace {

TEST(SelfHostedSnapshotTest, TheBuildsSnapshotIsUsed) { EXPECT_TRUE(SelfHostedFromSnapshot()); }

TEST(SelfHostedSnapshotTest, MatchesAFreshCompile) {
  std::string error;
  std::string fresh = CompileSelfHostedSnapshot(&error);
  ASSERT_FALSE(fresh.empty()) << error;
  EXPECT_EQ(fresh, RegisteredSelfHostedSnapshot());
}

TEST(SelfHostedSnapshotTest, RoundTripsAndRefusesDamagedBytes) {
  CompiledFunction f;
  f.bytecode = {1, 2, 3};
  f.constants.resize(2);
  f.constants[0].kind = Constant::Kind::kString;
  f.constants[0].string = u"name";
  f.constants[1].kind = Constant::Kind::kFunction;
  f.constants[1].function = 0;
  f.handlers.push_back({0, 2, 3});
  f.positions.push_back({0, 1, 5});
  f.children.push_back(std::make_unique<CompiledFunction>());
  f.children[0]->name = u"inner";
  f.children[0]->kind = CodeKind::kArrow;
  f.num_registers = 7;
  f.strict = true;
  ByteWriter w;
  w.Function(f);
  std::string bytes = w.Take();
  ByteReader r(bytes);
  std::unique_ptr<CompiledFunction> back = r.Function();
  ASSERT_NE(back, nullptr);
  EXPECT_TRUE(r.at_end());
  ByteWriter again;
  again.Function(*back);
  EXPECT_EQ(again.Take(), bytes);
  EXPECT_EQ(back->children[0]->name, u"inner");
  // Every truncation fails cleanly, as does a huge count.
  for (size_t n = 0; n < bytes.size(); ++n) {
    ByteReader cut(std::string_view(bytes).substr(0, n));
    EXPECT_EQ(cut.Function(), nullptr) << n;
  }
  std::string huge = bytes;
  huge[7] = '\xff';  // the constant count's high byte (after 4 + 3 bytecode bytes)
  huge[8] = '\x7f';
  ByteReader big(huge);
  EXPECT_EQ(big.Function(), nullptr);
}

}  // namespace
}  // namespace ratchet::internal
