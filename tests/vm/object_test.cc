#include "vm/object.h"

#include <string>

#include "gtest/gtest.h"
#include "vm/string.h"
#include "vm/vm.h"

namespace ratchet::internal {
namespace {

PropertyKey Key(Vm& vm, const char* name) { return vm.KeyFromString(vm.InternAscii(name)); }

TEST(ObjectTest, ObjectsWithTheSamePropertiesShareAShape) {
  Vm vm;
  Object* a = NewObject(vm, nullptr);
  Object* b = NewObject(vm, nullptr);
  for (Object* o : {a, b}) {
    ASSERT_TRUE(SetOwnData(vm, o, Key(vm, "x"), Value::Int32(1)));
    ASSERT_TRUE(SetOwnData(vm, o, Key(vm, "y"), Value::Int32(2)));
  }
  EXPECT_EQ(a->shape, b->shape);
  EXPECT_EQ(a->shape->count, 2u);
  Object* c = NewObject(vm, nullptr);
  ASSERT_TRUE(SetOwnData(vm, c, Key(vm, "y"), Value::Int32(2)));
  EXPECT_NE(c->shape, a->shape);  // different order, different shape
  EXPECT_EQ(ShapeLookup(vm.heap(), a->shape, Key(vm, "y").v), 1);
}

TEST(ObjectTest, DeleteAndAttributeChangesUseDictionaryMode) {
  Vm vm;
  Object* o = NewObject(vm, nullptr);
  for (const char* n : {"a", "b", "c"}) ASSERT_TRUE(SetOwnData(vm, o, Key(vm, n), Value::Int32(1)));
  EXPECT_TRUE(DeleteOwnProperty(vm, o, Key(vm, "b")));
  EXPECT_EQ(o->shape, nullptr);
  std::vector<PropertyKey> keys;
  OwnPropertyKeys(vm, o, &keys);
  ASSERT_EQ(keys.size(), 2u);
  EXPECT_EQ(keys[0], Key(vm, "a"));
  EXPECT_EQ(keys[1], Key(vm, "c"));
  PropertyDescriptor d;
  d.writable = 0;
  d.configurable = 0;
  EXPECT_EQ(DefineOwnProperty(vm, o, Key(vm, "a"), d), DefineResult::kOk);
  d = PropertyDescriptor();
  d.value = Value::Int32(5);
  EXPECT_EQ(DefineOwnProperty(vm, o, Key(vm, "a"), d), DefineResult::kRejected);
  EXPECT_FALSE(DeleteOwnProperty(vm, o, Key(vm, "a")));
}

TEST(ObjectTest, ManyPropertiesSwitchToDictionary) {
  Vm vm;
  Object* o = NewObject(vm, nullptr);
  for (int i = 0; i < 200; ++i) {
    std::string name = "p" + std::to_string(i);
    ASSERT_TRUE(SetOwnData(vm, o, Key(vm, name.c_str()), Value::Int32(i)));
  }
  EXPECT_EQ(o->shape, nullptr);
  OwnProperty prop;
  ASSERT_TRUE(GetOwnProperty(vm, o, Key(vm, "p150"), &prop));
  EXPECT_EQ(prop.value.AsInt32(), 150);
}

// Functions keep their first named slots after their own struct, in the
// cell (NewObjectWithSlots); growing past them, and dictionary mode, move
// the slots to a buffer, and every byte is released with the object.
TEST(ObjectTest, SlotsInTheCellOfAFunctionGrowAndAreReleased) {
  Vm vm;
  vm.CollectGarbage();
  size_t before = vm.heap().used();
  {
    Object* f = NewObjectWithSlots(vm, nullptr, ObjectClass::kNative, sizeof(NativeFunction), 2);
    ASSERT_NE(f, nullptr);
    EXPECT_TRUE(HasInlineSlots(f));
    EXPECT_EQ(f->slot_capacity, 2u);
    for (int i = 0; i < 10; ++i) {
      std::string name = "p" + std::to_string(i);
      ASSERT_TRUE(SetOwnData(vm, f, Key(vm, name.c_str()), Value::Int32(i)));
      EXPECT_EQ(HasInlineSlots(f), i < 2);
    }
    OwnProperty prop;
    ASSERT_TRUE(GetOwnProperty(vm, f, Key(vm, "p1"), &prop));
    EXPECT_EQ(prop.value.AsInt32(), 1);
    Object* g = NewObjectWithSlots(vm, nullptr, ObjectClass::kClosure, sizeof(Closure), 3);
    ASSERT_NE(g, nullptr);
    ASSERT_TRUE(SetOwnData(vm, g, Key(vm, "a"), Value::Int32(7)));
    ASSERT_TRUE(SetOwnData(vm, g, Key(vm, "b"), Value::Int32(8)));
    EXPECT_TRUE(DeleteOwnProperty(vm, g, Key(vm, "a")));  // dictionary mode
    EXPECT_EQ(g->shape, nullptr);
    EXPECT_FALSE(HasInlineSlots(g));
    ASSERT_TRUE(GetOwnProperty(vm, g, Key(vm, "b"), &prop));
    EXPECT_EQ(prop.value.AsInt32(), 8);
    // Plain objects and arrays keep their inline slots and elements.
    Object* o = NewObject(vm, nullptr);
    EXPECT_TRUE(HasInlineSlots(o));
    Object* a = NewObject(vm, nullptr, ObjectClass::kArray);
    EXPECT_FALSE(HasInlineSlots(a));
    EXPECT_TRUE(HasInlineElements(a));
  }
  vm.CollectGarbage();
  EXPECT_EQ(vm.heap().used(), before);
}

TEST(ObjectTest, ElementsDenseSparseAndOrder) {
  Vm vm;
  Object* o = NewObject(vm, nullptr);
  ASSERT_TRUE(SetOwnData(vm, o, Key(vm, "name"), Value::Int32(0)));
  ASSERT_TRUE(SetOwnData(vm, o, PropertyKey::Index(2), Value::Int32(2)));
  ASSERT_TRUE(SetOwnData(vm, o, PropertyKey::Index(4000000000u), Value::Int32(4)));
  ASSERT_TRUE(SetOwnData(vm, o, PropertyKey::Index(0), Value::Int32(0)));
  EXPECT_LT(o->elements_capacity, 100u);  // the far index did not allocate
  std::vector<PropertyKey> keys;
  OwnPropertyKeys(vm, o, &keys);
  ASSERT_EQ(keys.size(), 4u);
  EXPECT_EQ(keys[0], PropertyKey::Index(0));
  EXPECT_EQ(keys[1], PropertyKey::Index(2));
  EXPECT_EQ(keys[2], PropertyKey::Index(4000000000u));
  EXPECT_EQ(keys[3], Key(vm, "name"));
}

TEST(ObjectTest, ArrayLengthTruncates) {
  Vm vm;
  Object* a = NewObject(vm, nullptr, ObjectClass::kArray);
  a->length_writable = true;
  for (int i = 0; i < 10; ++i) ASSERT_TRUE(ArrayPush(vm, a, Value::Int32(i)));
  EXPECT_EQ(a->array_length, 10u);
  EXPECT_TRUE(SetArrayLength(vm, a, 3));
  OwnProperty prop;
  EXPECT_FALSE(GetOwnProperty(vm, a, PropertyKey::Index(5), &prop));
  EXPECT_TRUE(GetOwnProperty(vm, a, PropertyKey::Index(2), &prop));
  EXPECT_TRUE(SetArrayLength(vm, a, 4000000000u));  // no allocation
  EXPECT_LT(a->elements_capacity, 100u);
}

}  // namespace
}  // namespace ratchet::internal
