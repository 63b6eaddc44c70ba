#include "vm/heap.h"

#include <string>

#include "gtest/gtest.h"
#include "vm/object.h"
#include "vm/string.h"
#include "vm/vm.h"

namespace ratchet::internal {
namespace {

TEST(HeapTest, CollectsUnreachableAndKeepsRoots) {
  Vm vm;
  size_t before = vm.heap().used();
  Object* kept = NewObject(vm, nullptr);
  ASSERT_NE(kept, nullptr);
  uint32_t root = vm.AddRoot(Value::FromObject(kept));
  // A chain hanging off the root survives; garbage does not.
  Object* child = NewObject(vm, nullptr);
  ASSERT_TRUE(SetOwnData(vm, kept, PropertyKey(Value::FromString(vm.InternAscii("child"))),
                         Value::FromObject(child)));
  for (int i = 0; i < 10000; ++i) ASSERT_NE(NewObject(vm, nullptr), nullptr);
  size_t with_garbage = vm.heap().used();
  vm.CollectGarbage();
  size_t after = vm.heap().used();
  EXPECT_LT(after, with_garbage);
  EXPECT_LT(after - before, 4096u);
  OwnProperty prop;
  ASSERT_TRUE(GetOwnProperty(vm, kept, PropertyKey(Value::FromString(vm.InternAscii("child"))), &prop));
  EXPECT_EQ(prop.value.AsObject(), child);
  vm.RemoveRoot(root);
  vm.CollectGarbage();
  EXPECT_LE(vm.heap().used(), before + 256);
}

TEST(HeapTest, GcUnderPressureWithDeepStructures) {
  Vm vm;
  // A long linked list (deeper than any C++ stack could recurse) is marked
  // with the explicit mark stack.
  Object* head = NewObject(vm, nullptr);
  uint32_t root = vm.AddRoot(Value::FromObject(head));
  Object* cur = head;
  for (int i = 0; i < 200000; ++i) {
    Object* next = NewObject(vm, nullptr);
    ASSERT_NE(next, nullptr);
    cur->proto = next;
    cur = next;
  }
  vm.CollectGarbage();
  int n = 0;
  for (Object* o = head; o != nullptr; o = o->proto) ++n;
  EXPECT_EQ(n, 200001);
  vm.RemoveRoot(root);
  vm.CollectGarbage();
}

TEST(HeapTest, MemoryLimitFailsAllocationCleanly) {
  Vm vm;
  vm.heap().set_limit(vm.heap().used() + 64 * 1024);
  int allocated = 0;
  while (NewObject(vm, nullptr) != nullptr) ++allocated;
  EXPECT_GT(allocated, 100);
  EXPECT_EQ(NewStringFromLatin1(vm, std::string(100000, 'x')), nullptr);
  // After a collection the garbage is gone and allocation works again.
  vm.CollectGarbage();
  EXPECT_NE(NewObject(vm, nullptr), nullptr);
}

// Cells of many sizes, each kept one per page after a collection, would pin
// pages the accounting does not see: pages count against the limit.
TEST(HeapTest, FragmentedPagesStayUnderTheLimit) {
  Vm vm;
  const size_t limit = vm.heap().used() + (4 << 20);
  vm.heap().set_limit(limit);
  Object* keep = NewObject(vm, nullptr);
  ASSERT_NE(keep, nullptr);
  uint32_t root = vm.AddRoot(Value::FromObject(keep));
  uint32_t kept = 0;
  for (uint32_t length = 16; length <= 400; length += 24) {
    for (uint32_t i = 0;; ++i) {
      String* s = NewRawString(vm, length, true);
      if (s == nullptr) break;
      if (i % 512 == 0) {
        if (!SetOwnData(vm, keep, PropertyKey(Value::FromString(vm.InternAscii("k" + std::to_string(kept)))),
                        Value::FromString(s))) {
          break;
        }
        ++kept;
      }
    }
    vm.CollectGarbage();
    EXPECT_LE(vm.heap().page_bytes(), vm.heap().max_page_bytes()) << "cells of " << length << " bytes";
  }
  EXPECT_GT(kept, 16u);
  // The runtime stays usable: with the kept strings gone, allocation works.
  vm.RemoveRoot(root);
  vm.CollectGarbage();
  EXPECT_NE(NewRawString(vm, 100, true), nullptr);
  EXPECT_LT(vm.heap().page_bytes(), 8u << 20);
}

TEST(HeapTest, StringsAndAtoms) {
  Vm vm;
  String* a = vm.InternAscii("hello");
  String* b = vm.Intern(NewStringFromUtf8(vm, "hello"));
  EXPECT_EQ(a, b);
  String* u = NewStringFromUtf8(vm, "h\xC3\xA9llo \xE2\x82\xAC");  // héllo €
  ASSERT_NE(u, nullptr);
  EXPECT_FALSE(u->is_one_byte());
  EXPECT_EQ(u->length, 7u);
  EXPECT_EQ(ToUtf8(u), "h\xC3\xA9llo \xE2\x82\xAC");
  String* latin = NewStringFromUtf8(vm, "caf\xC3\xA9");
  EXPECT_TRUE(latin->is_one_byte());
  uint32_t index;
  EXPECT_TRUE(StringToArrayIndex(vm.InternAscii("42"), &index));
  EXPECT_EQ(index, 42u);
  EXPECT_FALSE(StringToArrayIndex(vm.InternAscii("042"), &index));
  EXPECT_FALSE(StringToArrayIndex(vm.InternAscii("4294967295"), &index));
  EXPECT_TRUE(StringToArrayIndex(vm.InternAscii("4294967294"), &index));
}

}  // namespace
}  // namespace ratchet::internal
