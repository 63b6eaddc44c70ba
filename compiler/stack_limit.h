// A C++ stack budget for the recursive parts of the compiler. The nesting
// limit in tokens is not enough on its own: frame sizes differ between
// builds (sanitizers make them several times larger) and host threads may
// have small stacks. Each phase measures from where it starts and fails
// cleanly ("nesting too deep") when it has used its budget.
#ifndef RATCHET_COMPILER_STACK_LIMIT_H_
#define RATCHET_COMPILER_STACK_LIMIT_H_

#include <cstddef>
#include <cstdint>

namespace ratchet::internal {

class StackLimit {
 public:
  /// Bytes of C++ stack a compiler phase may use below its starting point.
  static constexpr size_t kDefaultBudget = 1536 * 1024;

  explicit StackLimit(size_t budget = kDefaultBudget) : base_(Here()), budget_(budget) {}

  /// True when the current stack depth exceeds the budget (the stack grows
  /// down on every platform Ratchet supports).
  bool Exceeded() const {
    uintptr_t here = Here();
    return here < base_ && base_ - here > budget_;
  }

 private:
  static uintptr_t Here() { return reinterpret_cast<uintptr_t>(__builtin_frame_address(0)); }
  uintptr_t base_;
  size_t budget_;
};

}  // namespace ratchet::internal

#endif  // RATCHET_COMPILER_STACK_LIMIT_H_
