#include "vm/value.h"

#include <cmath>
#include <limits>

#include "gtest/gtest.h"

namespace ratchet::internal {
namespace {

TEST(ValueTest, Int32RoundTrips) {
  for (int32_t i : {0, 1, -1, 42, INT32_MAX, INT32_MIN}) {
    Value v = Value::Int32(i);
    EXPECT_TRUE(v.IsInt32());
    EXPECT_TRUE(v.IsNumber());
    EXPECT_FALSE(v.IsDouble());
    EXPECT_EQ(v.AsInt32(), i);
    EXPECT_EQ(v.AsNumber(), i);
  }
}

TEST(ValueTest, NumberPrefersInt32ButKeepsNegativeZero) {
  EXPECT_TRUE(Value::Number(3.0).IsInt32());
  EXPECT_TRUE(Value::Number(3.5).IsDouble());
  Value nz = Value::Number(-0.0);
  EXPECT_TRUE(nz.IsDouble());
  EXPECT_TRUE(std::signbit(nz.AsDouble()));
  EXPECT_TRUE(Value::Number(4294967296.0).IsDouble());
}

TEST(ValueTest, NaNsAreCanonicalAndStayNumbers) {
  double weird_nan;
  uint64_t bits = 0xFFFF'1234'5678'9ABCull;  // a NaN with a tag-like payload
  std::memcpy(&weird_nan, &bits, sizeof bits);
  Value v = Value::Double(weird_nan);
  EXPECT_TRUE(v.IsDouble());
  EXPECT_TRUE(std::isnan(v.AsDouble()));
  EXPECT_FALSE(v.IsCell());
  EXPECT_TRUE(Value::Double(-std::numeric_limits<double>::quiet_NaN()).IsDouble());
  EXPECT_TRUE(Value::Double(std::numeric_limits<double>::infinity()).IsDouble());
  EXPECT_TRUE(Value::Double(-std::numeric_limits<double>::infinity()).IsDouble());
}

TEST(ValueTest, MiscValuesAreDistinct) {
  Value values[] = {Value::Undefined(), Value::Null(), Value::Boolean(false), Value::Boolean(true),
                    Value::Empty(), Value::Int32(0)};
  for (size_t i = 0; i < std::size(values); ++i) {
    for (size_t j = 0; j < std::size(values); ++j) {
      EXPECT_EQ(values[i] == values[j], i == j);
    }
  }
  EXPECT_TRUE(Value::Undefined().IsNullish());
  EXPECT_TRUE(Value::Null().IsNullish());
  EXPECT_FALSE(Value::Boolean(false).IsNullish());
  EXPECT_FALSE(Value::Empty().IsNullish());
  EXPECT_TRUE(Value::Boolean(true).IsBoolean());
  EXPECT_TRUE(Value::Boolean(true).AsBoolean());
}

TEST(ValueTest, PointersRoundTrip) {
  alignas(16) static char cell[64];
  Object* o = reinterpret_cast<Object*>(cell);
  Value v = Value::FromObject(o);
  EXPECT_TRUE(v.IsObject());
  EXPECT_TRUE(v.IsCell());
  EXPECT_FALSE(v.IsString());
  EXPECT_FALSE(v.IsNumber());
  EXPECT_EQ(v.AsObject(), o);
  Value s = Value::FromString(reinterpret_cast<String*>(cell));
  EXPECT_TRUE(s.IsString());
  EXPECT_NE(s, v);
}

}  // namespace
}  // namespace ratchet::internal
