#include "vm/heap.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>

namespace ratchet::internal {

Heap::Heap(TraceFn trace, FinalizeFn finalize) : trace_(trace), finalize_(finalize) {}

Heap::~Heap() {
  Cell* c = cells_;
  while (c != nullptr) {
    Cell* next = c->next;
    finalize_(*this, c);
    used_ -= c->alloc_size;
    std::free(c);
    c = next;
  }
  cells_ = nullptr;
}

bool Heap::Account(size_t bytes) {
  if (!CanAllocate(bytes) && !over_limit_allowed_) {
    gc_requested_ = true;
    return false;
  }
  used_ += bytes;
  if (used_ >= threshold_ || stress_) gc_requested_ = true;
  return true;
}

Cell* Heap::AllocateCell(size_t bytes, CellKind kind) {
  if (!Account(bytes)) return nullptr;
  void* mem = std::calloc(1, bytes);
  if (mem == nullptr) {
    used_ -= bytes;
    return nullptr;
  }
  Cell* c = static_cast<Cell*>(mem);
  c->kind = kind;
  c->alloc_size = static_cast<uint32_t>(bytes);
  c->next = cells_;
  cells_ = c;
  return c;
}

void* Heap::AllocateBuffer(size_t bytes) {
  if (bytes == 0) return nullptr;
  if (!Account(bytes)) return nullptr;
  void* p = std::malloc(bytes);
  if (p == nullptr) used_ -= bytes;
  return p;
}

void* Heap::AllocateZeroedBuffer(size_t bytes) {
  if (bytes == 0) return nullptr;
  if (!Account(bytes)) return nullptr;
  void* p = std::calloc(1, bytes);
  if (p == nullptr) used_ -= bytes;
  return p;
}

void* Heap::ReallocateBuffer(void* p, size_t old_bytes, size_t new_bytes) {
  if (new_bytes > old_bytes) {
    if (!Account(new_bytes - old_bytes)) return nullptr;
  } else {
    used_ -= old_bytes - new_bytes;
  }
  void* q = std::realloc(p, new_bytes);
  if (q == nullptr && new_bytes != 0) {
    used_ -= new_bytes - std::min(old_bytes, new_bytes);
    return nullptr;
  }
  return q;
}

void Heap::FreeBuffer(void* p, size_t bytes) {
  if (p == nullptr) return;
  used_ -= bytes;
  std::free(p);
}

void Heap::Collect(const std::function<void(Tracer&)>& trace_roots, const BeforeSweepFn& before_sweep) {
  ++collections_;
  Tracer tracer(&mark_stack_, &weak_, &weak_tables_);
  trace_roots(tracer);
  auto drain = [&] {
    while (!mark_stack_.empty()) {
      Cell* c = mark_stack_.back();
      mark_stack_.pop_back();
      trace_(c, tracer);
    }
  };
  drain();
  // Ephemerons: a value is reachable when its key is; iterate to a fixpoint
  // (marking values may reach more keys and more weak containers).
  if (mark_ephemerons_ != nullptr) {
    for (bool more = true; more;) {
      more = false;
      for (size_t i = 0; i < weak_.size(); ++i) more |= mark_ephemerons_(weak_[i], tracer);
      drain();
    }
    for (Cell* w : weak_) clear_weak_(*this, w);
  }
  weak_.clear();
  if (before_sweep) before_sweep(weak_tables_);
  weak_tables_.clear();
  // Sweep: free unmarked cells, clear marks on the rest.
  Cell** link = &cells_;
  while (*link != nullptr) {
    Cell* c = *link;
    if (c->marked) {
      c->marked = 0;
      link = &c->next;
    } else {
      *link = c->next;
      finalize_(*this, c);
      used_ -= c->alloc_size;
      std::free(c);
    }
  }
  mark_stack_.shrink_to_fit();
  gc_requested_ = false;
  UpdateThreshold();
}

void Heap::UpdateThreshold() {
  // Grow with the live size; collect early when close to the hard limit.
  size_t next = std::max<size_t>(used_ * 2, 4 << 20);
  if (limit_ != SIZE_MAX) {
    size_t near_limit = limit_ - limit_ / 8;
    if (next > near_limit) next = std::max(near_limit, used_ + (limit_ - used_) / 2);
  }
  threshold_ = next;
}

}  // namespace ratchet::internal
