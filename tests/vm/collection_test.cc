#include "vm/collection.h"

#include "gtest/gtest.h"
#include "vm/object.h"
#include "vm/string.h"
#include "vm/vm.h"

namespace ratchet::internal {
namespace {

TEST(CollectionTest, IteratorsSurviveDeletionInsertionAndCompaction) {
  Vm vm;
  CollectionObject* m = NewCollection(vm, nullptr, ObjectClass::kMap);
  ASSERT_NE(m, nullptr);
  uint32_t root = vm.AddRoot(Value::FromObject(m));
  for (int i = 0; i < 100; ++i) ASSERT_TRUE(CollectionSet(vm, m, Value::Int32(i), Value::Int32(i * 2)));
  CollectionIterator* it = NewCollectionIterator(vm, nullptr, m, 0);
  vm.AddRoot(Value::FromObject(it));
  CollectionEntry e;
  ASSERT_TRUE(CollectionIteratorNext(it, &e));
  EXPECT_EQ(e.key.AsNumber(), 0);
  // Deleting most entries compacts the table; the iterator resumes at 95.
  for (int i = 1; i < 95; ++i) ASSERT_TRUE(CollectionDelete(vm, m, Value::Int32(i)));
  EXPECT_LT(m->data->entries.size(), 100u);
  ASSERT_TRUE(CollectionSet(vm, m, Value::Int32(1000), Value::Undefined()));
  std::vector<double> seen;
  while (CollectionIteratorNext(it, &e)) seen.push_back(e.key.AsNumber());
  EXPECT_EQ(seen, (std::vector<double>{95, 96, 97, 98, 99, 1000}));
  // Once done, always done, even after an insertion.
  ASSERT_TRUE(CollectionSet(vm, m, Value::Int32(2000), Value::Undefined()));
  EXPECT_FALSE(CollectionIteratorNext(it, &e));
  vm.RemoveRoot(root);
}

TEST(CollectionTest, KeysUseSameValueZero) {
  Vm vm;
  CollectionObject* m = NewCollection(vm, nullptr, ObjectClass::kMap);
  vm.AddRoot(Value::FromObject(m));
  ASSERT_TRUE(CollectionSet(vm, m, Value::Double(-0.0), Value::Int32(1)));
  EXPECT_NE(CollectionFind(m, Value::Int32(0)), nullptr);
  ASSERT_TRUE(CollectionSet(vm, m, Value::Double(NAN), Value::Int32(2)));
  EXPECT_NE(CollectionFind(m, Value::Double(std::nan(""))), nullptr);
  // Equal strings that are different cells are the same key.
  String* a = NewStringFromLatin1(vm, "key");
  String* b = NewStringFromLatin1(vm, "key");
  ASSERT_NE(a, b);
  ASSERT_TRUE(CollectionSet(vm, m, Value::FromString(a), Value::Int32(3)));
  const CollectionEntry* e = CollectionFind(m, Value::FromString(b));
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->value.AsNumber(), 3);
  EXPECT_EQ(m->data->live, 3u);
}

TEST(CollectionTest, WeakMapEntriesDieWithTheirKeys) {
  Vm vm;
  CollectionObject* wm = NewCollection(vm, nullptr, ObjectClass::kWeakMap);
  vm.AddRoot(Value::FromObject(wm));
  Object* kept_key = NewObject(vm, nullptr);
  vm.AddRoot(Value::FromObject(kept_key));
  Object* kept_value = NewObject(vm, nullptr);  // reachable only through the map
  ASSERT_TRUE(CollectionSet(vm, wm, Value::FromObject(kept_key), Value::FromObject(kept_value)));
  // An ephemeron chain: key2 is reachable only through kept_value (the
  // value of a live key), so key2's own entry must survive too.
  Object* key2 = NewObject(vm, nullptr);
  Object* value2 = NewObject(vm, nullptr);
  ASSERT_TRUE(CollectionSet(vm, wm, Value::FromObject(key2), Value::FromObject(value2)));
  ASSERT_TRUE(SetOwnData(vm, kept_value, PropertyKey(Value::FromString(vm.InternAscii("next"))),
                         Value::FromObject(key2)));
  for (int i = 0; i < 50; ++i) {
    Object* dead_key = NewObject(vm, nullptr);
    ASSERT_TRUE(CollectionSet(vm, wm, Value::FromObject(dead_key), Value::Int32(i)));
  }
  EXPECT_EQ(wm->data->live, 52u);
  vm.CollectGarbage();
  EXPECT_EQ(wm->data->live, 2u);
  const CollectionEntry* e = CollectionFind(wm, Value::FromObject(kept_key));
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->value.AsObject(), kept_value);
  e = CollectionFind(wm, Value::FromObject(key2));
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->value.AsObject(), value2);  // still a valid object after the sweep
}

}  // namespace
}  // namespace ratchet::internal
