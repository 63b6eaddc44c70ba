// A runtime and a realm for value tests, with helpers that evaluate a
// script to its value and unwrap a Result, failing the test otherwise.
#ifndef RATCHET_TESTS_API_REALM_FIXTURE_H_
#define RATCHET_TESTS_API_REALM_FIXTURE_H_

#include <memory>
#include <string>

#include "api/ratchet.h"
#include "gtest/gtest.h"

namespace ratchet {

class RealmFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    realm_ = runtime_.NewRealm();
    ASSERT_NE(realm_, nullptr);
  }
  Value Eval(const std::string& code) {
    Completion c = realm_->EvaluateScriptSync(code, {});
    EXPECT_TRUE(c.ok()) << c.Describe();
    return c.value;
  }
  Value Make(Result<Value> r) {
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.value();
  }
  Runtime runtime_;
  std::unique_ptr<Realm> realm_;
};

}  // namespace ratchet

#endif  // RATCHET_TESTS_API_REALM_FIXTURE_H_
