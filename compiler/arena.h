// Bump allocator for AST nodes. Nodes are trivially destructible and die with
// the arena, so freeing a deeply nested tree never recurses.
#ifndef RATCHET_COMPILER_ARENA_H_
#define RATCHET_COMPILER_ARENA_H_

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <new>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace ratchet::internal {

class Arena {
 public:
  Arena() = default;
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;
  ~Arena() {
    for (void* block : blocks_) std::free(block);
  }

  /// Allocates `size` bytes aligned to `align`. Aborts the process only if the
  /// C allocator fails; callers bound sizes by the source length.
  void* Allocate(size_t size, size_t align = alignof(std::max_align_t)) {
    uintptr_t p = (reinterpret_cast<uintptr_t>(cur_) + align - 1) & ~(align - 1);
    if (p + size > reinterpret_cast<uintptr_t>(end_)) {
      size_t block = size + align > kBlockSize ? size + align : kBlockSize;
      char* mem = static_cast<char*>(std::malloc(block));
      if (mem == nullptr) std::abort();
      blocks_.push_back(mem);
      bytes_ += block;
      cur_ = mem;
      end_ = mem + block;
      p = (reinterpret_cast<uintptr_t>(cur_) + align - 1) & ~(align - 1);
    }
    cur_ = reinterpret_cast<char*>(p + size);
    return reinterpret_cast<void*>(p);
  }

  template <typename T, typename... Args>
  T* New(Args&&... args) {
    static_assert(std::is_trivially_destructible_v<T>,
                  "arena objects are never destroyed");
    return new (Allocate(sizeof(T), alignof(T))) T(std::forward<Args>(args)...);
  }

  /// Copies a vector into arena storage.
  template <typename T>
  T* CopyArray(const std::vector<T>& v) {
    if (v.empty()) return nullptr;
    T* out = static_cast<T*>(Allocate(sizeof(T) * v.size(), alignof(T)));
    std::memcpy(static_cast<void*>(out), v.data(), sizeof(T) * v.size());
    return out;
  }

  size_t bytes() const { return bytes_; }

 private:
  static constexpr size_t kBlockSize = 64 * 1024;
  std::vector<void*> blocks_;
  char* cur_ = nullptr;
  char* end_ = nullptr;
  size_t bytes_ = 0;
};

}  // namespace ratchet::internal

#endif  // RATCHET_COMPILER_ARENA_H_
