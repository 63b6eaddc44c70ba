// The Shared Data Blocks of SharedArrayBuffers (6.2.9): reference-counted
// memory allocated outside any heap, so that several runtimes (agents, each
// on its own thread) can hold SharedArrayBuffer objects over the same bytes.
// Each runtime that holds a block accounts its capacity against its own
// memory limit; the last release frees it.
#ifndef RATCHET_VM_SHARED_BLOCK_H_
#define RATCHET_VM_SHARED_BLOCK_H_

#include <atomic>
#include <cstddef>
#include <cstdint>

namespace ratchet::internal {

struct SharedBlock {
  std::atomic<int64_t> refs{1};
  uint8_t* data = nullptr;
  size_t capacity = 0;
};

/// A zeroed block of `capacity` bytes with one reference (nullptr when the
/// allocation fails).
SharedBlock* NewSharedBlock(size_t capacity);
void RetainSharedBlock(SharedBlock* b);
void ReleaseSharedBlock(SharedBlock* b);

}  // namespace ratchet::internal

#endif  // RATCHET_VM_SHARED_BLOCK_H_
