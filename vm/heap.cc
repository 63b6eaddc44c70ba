#include "vm/heap.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>

namespace ratchet::internal {

Heap::Heap(TraceFn trace, FinalizeFn finalize) : trace_(trace), finalize_(finalize) {}

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kPagedCells = false;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kPagedCells = false;
#else
constexpr bool kPagedCells = true;
#endif
#else
constexpr bool kPagedCells = true;
#endif

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
  for (Page* p : pages_) {
    for (uint32_t i = 0; i < p->used; ++i) {
      Cell* cell = p->cell(i);
      if (cell->marked == kFreeSlot) continue;
      finalize_(*this, cell);
      used_ -= cell->alloc_size;
    }
    std::free(p);
  }
  pages_.clear();
}

Cell* Heap::AllocateSmall(size_t cls) {
  size_t size = cls * 16;
  if (Cell* c = free_[cls]) {
    free_[cls] = c->next;
    std::memset(static_cast<void*>(c), 0, size);
    return c;
  }
  Page* p = current_[cls];
  if (p == nullptr || p->used == p->capacity) {
    // Pages count against the limit too (with a page per size class of
    // slack): cells kept alive one per page must not hold memory the
    // accounting does not see. Past it, this allocation fails (and asks for
    // a collection, which returns empty pages).
    if (limit_ != SIZE_MAX && !over_limit_allowed_ &&
        (pages_.size() + 1) * kPageBytes > limit_ + kNumClasses * kPageBytes) {
      gc_requested_ = true;
      return nullptr;
    }
    void* mem = std::malloc(kPageBytes);
    if (mem == nullptr) return nullptr;
    p = static_cast<Page*>(mem);
    p->cell_size = static_cast<uint32_t>(size);
    p->capacity = static_cast<uint32_t>((kPageBytes - Page::kHeaderBytes) / size);
    p->used = 0;
    p->live = 0;
    pages_.push_back(p);
    current_[cls] = p;
  }
  Cell* c = p->cell(p->used++);
  std::memset(static_cast<void*>(c), 0, size);
  return c;
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
  if (kPagedCells && bytes <= kMaxSmallCell) {
    Cell* c = AllocateSmall((bytes + 15) >> 4);
    if (c == nullptr) {
      used_ -= bytes;
      return nullptr;
    }
    c->kind = kind;
    c->alloc_size = static_cast<uint32_t>(bytes);
    return c;
  }
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
  SweepPages();
  mark_stack_.shrink_to_fit();
  gc_requested_ = false;
  UpdateThreshold();
}

void Heap::SweepPages() {
  for (Cell*& list : free_) list = nullptr;
  for (Page*& slot : current_) slot = nullptr;
  size_t kept = 0;
  for (Page* p : pages_) {
    size_t cls = p->cell_size >> 4;
    Cell* free_list = free_[cls];
    uint32_t live = 0;
    for (uint32_t i = 0; i < p->used; ++i) {
      Cell* c = p->cell(i);
      if (c->marked == kFreeSlot) {
        c->next = free_list;
        free_list = c;
      } else if (c->marked) {
        c->marked = 0;
        ++live;
      } else {
        finalize_(*this, c);
        used_ -= c->alloc_size;
        c->marked = kFreeSlot;
        c->next = free_list;
        free_list = c;
      }
    }
    if (live == 0) {
      std::free(p);  // its slots leave the free list below
      continue;
    }
    p->live = live;
    free_[cls] = free_list;
    if (p->used < p->capacity) current_[cls] = p;
    pages_[kept++] = p;
  }
  pages_.resize(kept);
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
