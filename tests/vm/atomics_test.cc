// Shared blocks and the process-wide waiter list across runtimes on
// different threads (runtime/atomics.h).
#include "runtime/atomics.h"

#include <atomic>
#include <chrono>
#include <thread>

#include "gtest/gtest.h"
#include "vm/shared_block.h"
#include "vm/vm.h"

namespace ratchet::internal {
namespace {

using namespace std::chrono_literals;

// Notifies the location until one waiter was woken (the waiter may not be
// listed yet when the first notify runs).
double NotifyOne(Vm& vm, SharedBlock* block, size_t byte_index) {
  for (int i = 0; i < 2000; ++i) {
    double n = Notify(vm, block, byte_index, 1);
    if (n > 0) return n;
    std::this_thread::sleep_for(1ms);
  }
  return 0;
}

TEST(AtomicsTest, BlockingWaitIsWokenByAnotherRuntimesNotify) {
  SharedBlock* block = NewSharedBlock(16);
  ASSERT_NE(block, nullptr);
  std::atomic<int> result{-1};
  std::thread waiter([&] {
    Vm vm;
    vm.set_can_block(true);
    result = static_cast<int>(WaitSync(vm, block, 4, 4, 0, INFINITY));
  });
  Vm notifier;
  EXPECT_EQ(Notify(notifier, block, 0, 1), 0) << "nobody waits on another index";
  EXPECT_EQ(NotifyOne(notifier, block, 4), 1);
  waiter.join();
  EXPECT_EQ(result.load(), static_cast<int>(WaitResult::kOk));
  EXPECT_EQ(Notify(notifier, block, 4, 1), 0) << "the woken waiter left the list";
  ReleaseSharedBlock(block);
}

TEST(AtomicsTest, BlockingWaitComparesAndTimesOut) {
  SharedBlock* block = NewSharedBlock(16);
  ASSERT_NE(block, nullptr);
  Vm vm;
  reinterpret_cast<int32_t*>(block->data)[1] = 7;
  EXPECT_EQ(WaitSync(vm, block, 4, 4, 6, INFINITY), WaitResult::kNotEqual);
  auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(WaitSync(vm, block, 4, 4, 7, 30), WaitResult::kTimedOut);
  EXPECT_GE(std::chrono::steady_clock::now() - start, 30ms);
  // 64-bit elements compare all 64 bits.
  reinterpret_cast<int64_t*>(block->data)[1] = int64_t{1} << 40;
  EXPECT_EQ(WaitSync(vm, block, 8, 8, 0, 0), WaitResult::kNotEqual);
  EXPECT_EQ(WaitSync(vm, block, 8, 8, uint64_t{1} << 40, 0), WaitResult::kTimedOut);
  ReleaseSharedBlock(block);
}

TEST(AtomicsTest, InterruptHandlerEndsABlockingWait) {
  SharedBlock* block = NewSharedBlock(8);
  ASSERT_NE(block, nullptr);
  Vm vm;
  auto start = std::chrono::steady_clock::now();
  vm.set_interrupt_handler([start] { return std::chrono::steady_clock::now() - start > 60ms; });
  EXPECT_EQ(WaitSync(vm, block, 0, 4, 0, INFINITY), WaitResult::kTimedOut);
  EXPECT_TRUE(vm.TakeInterruptRequest()) << "the interpreter aborts the task next";
  EXPECT_EQ(Notify(vm, block, 0, 1), 0) << "the waiter is gone";
  ReleaseSharedBlock(block);
}

TEST(AtomicsTest, NotifyCountWakesOldestFirstAcrossThreads) {
  SharedBlock* block = NewSharedBlock(8);
  ASSERT_NE(block, nullptr);
  std::atomic<int> woken{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 3; ++i) {
    threads.emplace_back([&] {
      Vm vm;
      vm.set_can_block(true);
      if (WaitSync(vm, block, 0, 4, 0, 5000) == WaitResult::kOk) ++woken;
    });
  }
  Vm notifier;
  double total = 0;
  for (int i = 0; i < 3000 && total < 3; ++i) {
    total += Notify(notifier, block, 0, 2);
    std::this_thread::sleep_for(1ms);
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(total, 3);
  EXPECT_EQ(woken.load(), 3);
  ReleaseSharedBlock(block);
}

TEST(AtomicsTest, BlocksAreReferenceCounted) {
  SharedBlock* block = NewSharedBlock(32);
  ASSERT_NE(block, nullptr);
  RetainSharedBlock(block);
  EXPECT_EQ(block->refs.load(), 2);
  ReleaseSharedBlock(block);
  EXPECT_EQ(block->refs.load(), 1);
  for (size_t i = 0; i < 32; ++i) EXPECT_EQ(block->data[i], 0);
  ReleaseSharedBlock(block);  // frees (LeakSanitizer would report otherwise)
}

}  // namespace
}  // namespace ratchet::internal
