// The garbage-collected heap: cells with a common header, byte accounting
// against a hard memory limit, and a precise, non-moving mark-sweep collector.
//
// Collection only happens at safepoints chosen by the interpreter (between
// two instructions), never inside an allocation, so C++ code may hold raw
// cell pointers until it returns to the loop. Allocation past the limit fails
// (returns null) and the caller throws InternalError: out of memory.
#ifndef RATCHET_VM_HEAP_H_
#define RATCHET_VM_HEAP_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

#include "vm/value.h"

namespace ratchet::internal {

enum class CellKind : uint8_t {
  kString,
  kSymbol,
  kBigInt,
  kObject,
  kShape,
  kCode,
  kEnv,
  kAccessor,
  kSource,
  kRealm,
};

/// Header of every heap cell.
struct Cell {
  CellKind kind;
  uint8_t marked = 0;
  uint16_t flags = 0;  // free for the cell type's use
  uint32_t alloc_size = 0;  // bytes of this allocation (without buffers)
  Cell* next = nullptr;     // all-cells list for sweeping
};

class Heap;

/// Marks reachable cells; the collector's explicit mark stack (no recursion).
class Tracer {
 public:
  explicit Tracer(std::vector<Cell*>* stack, std::vector<Cell*>* weak = nullptr,
                  std::vector<Cell*>* weak_tables = nullptr)
      : stack_(stack), weak_(weak), weak_tables_(weak_tables) {}
  /// Registers a reachable container of ephemerons (WeakMap, WeakSet): its
  /// entries are processed once everything strongly reachable is marked.
  void AddWeak(Cell* c) {
    if (weak_ != nullptr) weak_->push_back(c);
  }
  /// Registers a reachable cell holding weak references to other cells (a
  /// shape's transitions): the references it holds are not marked, and the
  /// collection's `before_sweep` step drops those that died.
  void AddWeakTable(Cell* c) {
    if (weak_tables_ != nullptr) weak_tables_->push_back(c);
  }
  void Mark(Cell* c) {
    if (c != nullptr && !c->marked) {
      c->marked = 1;
      stack_->push_back(c);
    }
  }
  void Mark(Value v) {
    if (v.IsCell()) Mark(v.AsCell());
  }
  void MarkRange(const Value* v, size_t n) {
    for (size_t i = 0; i < n; ++i) Mark(v[i]);
  }

 private:
  std::vector<Cell*>* stack_;
  std::vector<Cell*>* weak_;
  std::vector<Cell*>* weak_tables_;
};

/// Memory usage by category, for ComputeMemoryUsage().
struct HeapStats {
  size_t count[16] = {};
  size_t bytes[16] = {};
  size_t buffer_bytes = 0;
};

class Heap {
 public:
  /// `trace_children(cell, tracer)` marks a cell's references;
  /// `finalize(cell)` releases its buffers before it is freed.
  using TraceFn = void (*)(Cell*, Tracer&);
  using FinalizeFn = void (*)(Heap&, Cell*);

  Heap(TraceFn trace, FinalizeFn finalize);
  /// Ephemeron processing for cells registered with Tracer::AddWeak: `mark`
  /// marks values of live keys (true if it marked something), `clear`
  /// drops entries whose key is dead.
  using EphemeronFn = bool (*)(Cell*, Tracer&);
  using ClearWeakFn = void (*)(Heap&, Cell*);
  void set_weak_callbacks(EphemeronFn mark, ClearWeakFn clear) {
    mark_ephemerons_ = mark;
    clear_weak_ = clear;
  }
  ~Heap();
  Heap(const Heap&) = delete;
  Heap& operator=(const Heap&) = delete;

  /// Allocates a zeroed cell of `bytes` with its header set, or returns null
  /// when the memory limit would be exceeded.
  Cell* AllocateCell(size_t bytes, CellKind kind);

  /// Accounts and allocates an out-of-cell buffer (element storage, string
  /// data, bytecode); null when over the limit.
  void* AllocateBuffer(size_t bytes);
  /// AllocateBuffer, zero-filled (calloc: large reservations stay untouched
  /// until written).
  void* AllocateZeroedBuffer(size_t bytes);
  void* ReallocateBuffer(void* p, size_t old_bytes, size_t new_bytes);
  void FreeBuffer(void* p, size_t bytes);
  /// Accounts memory owned elsewhere (e.g. a std::u16string of source text).
  bool AccountExternal(size_t bytes) { return Account(bytes); }
  void ReleaseExternal(size_t bytes) { used_ -= bytes; }
  /// Accounts memory already allocated, past the limit if need be (for
  /// small bounded tables that must exist: the next allocation then fails).
  void Charge(size_t bytes) {
    used_ += bytes;
    if (used_ >= threshold_ || stress_) gc_requested_ = true;
  }

  /// True when an allocation of `bytes` more would succeed.
  bool CanAllocate(size_t bytes) const {
    return bytes <= limit_ && used_ <= limit_ - bytes;
  }

  void set_limit(size_t bytes) { limit_ = bytes; }
  size_t limit() const { return limit_; }
  size_t used() const { return used_; }
  size_t collections() const { return collections_; }

  /// Set when allocation crossed the GC threshold; the interpreter collects
  /// at its next safepoint.
  bool gc_requested() const { return gc_requested_; }
  /// The flag itself, read by the dispatch loop before each instruction.
  const bool& gc_requested_flag() const { return gc_requested_; }
  void RequestGc() { gc_requested_ = true; }
  /// The Vm that owns this heap (for weak-reference processing).
  void set_owner(void* owner) { owner_ = owner; }
  void* owner() const { return owner_; }

  /// GC stress testing: request a collection after every allocation.
  void set_stress(bool b) { stress_ = b; }

  /// Temporarily lifts the limit (to build the out-of-memory error itself).
  void set_over_limit_allowed(bool b) { over_limit_allowed_ = b; }

  /// Runs a full collection. `trace_roots` marks every root; `before_sweep`
  /// runs once marking is complete (cells' `marked` bits are final) and
  /// before anything is freed: it drops weak references to unmarked cells —
  /// the atom table's, and those of the cells registered with
  /// Tracer::AddWeakTable (passed in).
  using BeforeSweepFn = std::function<void(const std::vector<Cell*>& weak_tables)>;
  void Collect(const std::function<void(Tracer&)>& trace_roots, const BeforeSweepFn& before_sweep = {});

  /// Bytes of the pages of small cells (live cells and free slots).
  size_t page_bytes() const { return pages_.size() * kPageBytes; }
  /// The most page_bytes() may reach under a limit.
  size_t max_page_bytes() const { return limit_ == SIZE_MAX ? SIZE_MAX : limit_ + kNumClasses * kPageBytes; }

  /// Visits every live cell (for memory statistics).
  template <typename F>
  void ForEachCell(F&& f) const {
    for (const Page* p : pages_) {
      for (uint32_t i = 0; i < p->used; ++i) {
        Cell* c = p->cell(i);
        if (c->marked != kFreeSlot) f(c);
      }
    }
    for (Cell* c = cells_; c != nullptr; c = c->next) f(c);
  }

 private:
  // Small cells (up to kMaxSmallCell bytes) live in pages of one size class
  // (16-byte steps): allocation takes a free slot of the class or the next
  // untouched one; the sweep walks the pages in address order and threads
  // dead slots (marked == kFreeSlot) into the class's free list. Larger
  // cells are malloc'ed one by one and listed in cells_. A page whose
  // cells all died goes back to malloc. (Builds with AddressSanitizer
  // malloc every cell, so that use-after-free of cells stays detected.)
  static constexpr size_t kMaxSmallCell = 512;
  static constexpr size_t kNumClasses = kMaxSmallCell / 16 + 1;
  static constexpr size_t kPageBytes = 64 << 10;
  static constexpr uint8_t kFreeSlot = 2;
  struct Page {
    uint32_t cell_size;
    uint32_t capacity;  // cells
    uint32_t used;      // cells handed out so far (the rest untouched)
    uint32_t live;
    Cell* cell(uint32_t i) const {
      return reinterpret_cast<Cell*>(reinterpret_cast<char*>(const_cast<Page*>(this)) + kHeaderBytes +
                                     static_cast<size_t>(i) * cell_size);
    }
    static constexpr size_t kHeaderBytes = 64;
  };
  Cell* AllocateSmall(size_t cls);
  void SweepPages();
  bool Account(size_t bytes);
  void UpdateThreshold();

  std::vector<Page*> pages_;
  Cell* free_[kNumClasses] = {};
  Page* current_[kNumClasses] = {};  // where untouched slots of the class remain

  TraceFn trace_;
  FinalizeFn finalize_;
  Cell* cells_ = nullptr;
  size_t used_ = 0;
  size_t limit_ = SIZE_MAX;
  size_t threshold_ = 4 << 20;
  size_t collections_ = 0;
  bool gc_requested_ = false;
  bool over_limit_allowed_ = false;
  bool stress_ = false;
  std::vector<Cell*> mark_stack_;
  std::vector<Cell*> weak_;
  std::vector<Cell*> weak_tables_;
  EphemeronFn mark_ephemerons_ = nullptr;
  ClearWeakFn clear_weak_ = nullptr;
  void* owner_ = nullptr;
};

}  // namespace ratchet::internal

#endif  // RATCHET_VM_HEAP_H_
