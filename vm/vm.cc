#include "vm/vm.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <new>

#include "absl/strings/str_cat.h"
#include "vm/code.h"
#include "vm/collection.h"
#include "vm/regexp_object.h"

namespace ratchet::internal {

namespace {

void TraceCell(Cell* c, Tracer& t) {
  switch (c->kind) {
    case CellKind::kString:
      if (static_cast<String*>(c)->is_slice()) t.Mark(static_cast<String*>(c)->parent());
      break;
    case CellKind::kBigInt:
      break;
    case CellKind::kSymbol:
      t.Mark(static_cast<Symbol*>(c)->description);
      break;
    case CellKind::kObject:
      TraceObject(static_cast<Object*>(c), t);
      break;
    case CellKind::kShape:
      TraceShape(static_cast<Shape*>(c), t);
      break;
    case CellKind::kCode: {
      Code* code = static_cast<Code*>(c);
      t.MarkRange(code->constants, code->num_constants);
      t.Mark(code->name);
      t.Mark(code->source);
      for (uint32_t i = 0; i < code->num_ics; ++i) {
        const InlineCache& ic = code->ics[i];
        t.Mark(ic.shape);
        t.Mark(ic.transition);
        t.Mark(ic.holder);
        t.Mark(ic.holder_shape);
        t.Mark(ic.proto_shape);
        t.Mark(ic.holder2);
        t.Mark(ic.shape2);
      }
      break;
    }
    case CellKind::kEnv: {
      Env* e = static_cast<Env*>(c);
      t.Mark(e->parent);
      t.MarkRange(e->slots(), e->size);
      break;
    }
    case CellKind::kAccessor:
      t.Mark(static_cast<Accessor*>(c)->getter);
      t.Mark(static_cast<Accessor*>(c)->setter);
      break;
    case CellKind::kSource:
      t.Mark(static_cast<Source*>(c)->module);
      break;
    case CellKind::kRealm: {
      Realm* r = static_cast<Realm*>(c);
      t.Mark(r->global);
      t.Mark(r->global_this);
      for (Object* o : r->intrinsics) t.Mark(o);
      for (Value v : r->self_hosted) t.Mark(v);
      t.Mark(r->regexp_legacy_input);
      t.Mark(r->regexp_legacy_match);
      if (r->regexp_snapshot != nullptr) {
        t.Mark(r->regexp_snapshot->proto_shape);
        t.Mark(r->regexp_snapshot->ctor_shape);
        for (Value v : r->regexp_snapshot->proto_slots) t.Mark(v);
        for (Value v : r->regexp_snapshot->ctor_slots) t.Mark(v);
      }
      if (r->lexicals != nullptr) {
        for (const auto& [k, b] : *r->lexicals) {
          t.Mark(Value::FromBits(k));
          t.Mark(b.value);
        }
      }
      break;
    }
  }
}

void FinalizeCell(Heap& heap, Cell* c) {
  switch (c->kind) {
    case CellKind::kObject:
      FinalizeObject(heap, static_cast<Object*>(c));
      break;
    case CellKind::kShape:
      FinalizeShape(heap, static_cast<Shape*>(c));
      break;
    case CellKind::kCode: {
      Code* code = static_cast<Code*>(c);
      heap.FreeBuffer(code->bytecode, code->bytecode_size);
      heap.FreeBuffer(code->constants, code->num_constants * sizeof(Value));
      heap.FreeBuffer(code->handlers, code->num_handlers * sizeof(HandlerEntry));
      heap.FreeBuffer(code->positions, code->num_positions * sizeof(PositionEntry));
      heap.FreeBuffer(code->ics, code->num_ics * sizeof(InlineCache));
      break;
    }
    case CellKind::kSource: {
      Source* s = static_cast<Source*>(c);
      if (s->text != nullptr) heap.ReleaseExternal(s->text->size() * 2);
      delete s->text;
      delete s->name;
      break;
    }
    case CellKind::kRealm:
      delete static_cast<Realm*>(c)->lexicals;
      delete static_cast<Realm*>(c)->regexp_snapshot;
      break;
    default:
      break;
  }
}

bool MarkWeakCell(Cell* c, Tracer& t) {
  ObjectClass cls = static_cast<Object*>(c)->cls;
  if (cls != ObjectClass::kWeakMap && cls != ObjectClass::kWeakSet) return false;
  return MarkEphemerons(static_cast<CollectionObject*>(c), t);
}

void ClearWeakCell(Heap& heap, Cell* c) {
  auto* o = static_cast<Object*>(c);
  switch (o->cls) {
    case ObjectClass::kWeakRef:
      ClearDeadWeakRef(o);
      break;
    case ObjectClass::kFinalizationRegistry:
      ClearDeadFinalizationCells(*static_cast<Vm*>(heap.owner()), static_cast<FinalizationRegistryObject*>(o));
      break;
    default:
      ClearDeadEphemerons(heap, static_cast<CollectionObject*>(c));
      break;
  }
}

}  // namespace

size_t Vm::AtomHash::operator()(String* s) const { return StringHash(s); }
bool Vm::AtomEq::operator()(String* a, String* b) const {
  return a->length == b->length && StringEquals(a, b);
}

Vm::Vm() : heap_(TraceCell, FinalizeCell) {
  heap_.set_weak_callbacks(MarkWeakCell, ClearWeakCell);
  heap_.set_owner(this);
  // RATCHET_GC_STRESS=1: collect at every safepoint after an allocation.
  if (const char* stress = std::getenv("RATCHET_GC_STRESS"); stress != nullptr && stress[0] == '1') {
    heap_.set_stress(true);
  }
  Cell* root = heap_.AllocateCell(sizeof(Shape), CellKind::kShape);
  root_shape_ = static_cast<Shape*>(root);
  root_shape_->key = Value::Undefined();
#define RATCHET_INIT_ATOM(field, text) atoms_.field = InternAscii(text);
  RATCHET_COMMON_ATOMS(RATCHET_INIT_ATOM)
#undef RATCHET_INIT_ATOM
#define RATCHET_INIT_SYMBOL(field, text) \
  symbols_.field = NewSymbol(*this, Value::FromString(InternAscii(text)));
  RATCHET_WELL_KNOWN_SYMBOLS(RATCHET_INIT_SYMBOL)
#undef RATCHET_INIT_SYMBOL
}

Vm::~Vm() {
  if (atomics_cleanup_ != nullptr) atomics_cleanup_(*this);
  DeleteRegExpCache(regexp_cache_);
}

String* Vm::MakeSingleCharString(uint8_t c) {
  char ch = static_cast<char>(c);
  String* s = NewStringFromLatin1(*this, std::string_view(&ch, 1));
  return s == nullptr ? nullptr : Intern(s);
}

String* Vm::Intern(String* s) {
  if (!s->is_atom()) {
    auto it = atom_table_.find(s);
    if (it != atom_table_.end()) {
      s = *it;
    } else {
      StringHash(s);
      s->flags |= String::kAtom;
      atom_table_.insert(s);
    }
  }
  // Atoms interned while a realm's intrinsics are built (their names) are
  // kept for the life of the runtime: every realm uses the same ones.
  if (pin_intrinsics_ && !(s->flags & String::kPinned)) {
    s->flags |= String::kPinned;
    pinned_atoms_.push_back(s);
  }
  return s;
}

String* Vm::InternAscii(std::string_view ascii) {
  size_t slot = ((reinterpret_cast<uintptr_t>(ascii.data()) >> 2) ^ ascii.size()) & (kNameCacheSize - 1);
  NameCacheEntry& cached = name_cache_[slot];
  // (The epoch starts at 1: a fresh entry never matches.)
  size_t epoch = heap_.collections() + 1;
  if (cached.chars == ascii.data() && cached.length == ascii.size() && cached.epoch == epoch &&
      std::memcmp(cached.atom->chars8(), ascii.data(), ascii.size()) == 0) {
    return cached.atom;
  }
  String* atom = InternAsciiSlow(ascii);
  if (atom != nullptr && atom->is_one_byte() && atom->length == ascii.size()) {
    cached = NameCacheEntry{ascii.data(), ascii.size(), epoch, atom};
  }
  return atom;
}

String* Vm::InternAsciiSlow(std::string_view ascii) {
  // Most names are atoms already (every realm installs the same ones): look
  // them up with a probe on the stack instead of allocating a string that
  // would only be garbage.
  constexpr size_t kProbeChars = 64;
  if (ascii.size() <= kProbeChars) {
    alignas(String) unsigned char probe_bytes[sizeof(String) + kProbeChars];
    String* probe = new (probe_bytes) String();
    probe->kind = CellKind::kString;
    probe->flags = String::kOneByte;
    probe->length = static_cast<uint32_t>(ascii.size());
    probe->hash = 0;
    std::memcpy(probe->mutable_chars8(), ascii.data(), ascii.size());
    auto it = atom_table_.find(probe);
    if (it != atom_table_.end()) return Intern(*it);
  }
  String* s = NewStringFromLatin1(*this, ascii);
  return s == nullptr ? nullptr : Intern(s);
}

String* Vm::InternUtf16(std::u16string_view u) {
  String* s = NewStringFromUtf16(*this, u);
  return s == nullptr ? nullptr : Intern(s);
}

PropertyKey Vm::KeyFromString(String* s) {
  uint32_t index;
  if (StringToArrayIndex(s, &index)) return PropertyKey::Index(index);
  String* atom = Intern(s);
  if (atom == nullptr) return PropertyKey(Value::Empty());
  return PropertyKey(Value::FromString(atom));
}

Value Vm::Throw(Value exception) {
  pending_exception_ = exception;
  return Value::Empty();
}

Value Vm::ThrowError(ErrorKind kind, std::string_view message) {
  Object* e = NewError(kind, message);
  if (e == nullptr) return ThrowOutOfMemory();
  return Throw(Value::FromObject(e));
}

Value Vm::ThrowOutOfMemory() {
  heap_.set_over_limit_allowed(true);
  Object* e = NewError(ErrorKind::kInternalError, "out of memory");
  heap_.set_over_limit_allowed(false);
  if (e != nullptr) e->pad = static_cast<uint8_t>(LimitError::kOutOfMemory);
  if (current_task_ != nullptr) current_task_->limits_hit |= 1 << static_cast<int>(LimitError::kOutOfMemory);
  return Throw(e ? Value::FromObject(e) : Value::Null());
}

Value Vm::ThrowStackOverflow() {
  Object* e = NewError(ErrorKind::kRangeError, "Maximum call stack size exceeded");
  if (e == nullptr) return ThrowOutOfMemory();
  e->pad = static_cast<uint8_t>(LimitError::kStackOverflow);
  if (current_task_ != nullptr) current_task_->limits_hit |= 1 << static_cast<int>(LimitError::kStackOverflow);
  return Throw(Value::FromObject(e));
}

namespace {

Intrinsic ErrorPrototypeFor(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kTypeError: return Intrinsic::kTypeErrorPrototype;
    case ErrorKind::kReferenceError: return Intrinsic::kReferenceErrorPrototype;
    case ErrorKind::kSyntaxError: return Intrinsic::kSyntaxErrorPrototype;
    case ErrorKind::kRangeError: return Intrinsic::kRangeErrorPrototype;
    case ErrorKind::kEvalError: return Intrinsic::kEvalErrorPrototype;
    case ErrorKind::kURIError: return Intrinsic::kURIErrorPrototype;
    case ErrorKind::kInternalError: return Intrinsic::kInternalErrorPrototype;
    case ErrorKind::kError: return Intrinsic::kErrorPrototype;
  }
  return Intrinsic::kErrorPrototype;
}

const char* ErrorName(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kTypeError: return "TypeError";
    case ErrorKind::kReferenceError: return "ReferenceError";
    case ErrorKind::kSyntaxError: return "SyntaxError";
    case ErrorKind::kRangeError: return "RangeError";
    case ErrorKind::kEvalError: return "EvalError";
    case ErrorKind::kURIError: return "URIError";
    case ErrorKind::kInternalError: return "InternalError";
    case ErrorKind::kError: return "Error";
  }
  return "Error";
}

}  // namespace

std::string FormatStackTrace(Task* task, size_t max_frames);

Object* Vm::NewError(ErrorKind kind, std::string_view message) {
  Realm* realm = current_realm_;
  Object* proto = realm ? realm->intrinsic(ErrorPrototypeFor(kind)) : nullptr;
  Object* e = NewObject(*this, proto, ObjectClass::kError, sizeof(PrimitiveObject));
  if (e == nullptr) return nullptr;
  String* msg = NewStringFromUtf8(*this, message);
  if (msg == nullptr) return nullptr;
  if (!SetOwnData(*this, e, PropertyKey(Value::FromString(atoms_.message)), Value::FromString(msg),
                  kHiddenAttrs)) {
    return nullptr;
  }
  std::string stack = absl::StrCat(ErrorName(kind), ": ", std::string(message));
  if (current_task_ != nullptr) stack += FormatStackTrace(current_task_, 10);
  String* st = NewStringFromUtf8(*this, stack);
  if (st == nullptr) return nullptr;
  static_cast<PrimitiveObject*>(e)->primitive = Value::FromString(st);  // Error.prototype.stack
  return e;
}

void Vm::RegisterTask(Task* t) {
  t->id = ++last_task_id_;
  t->current_id = t->id;
  tasks_.push_back(t);
}

Task* Vm::FindTask(uint64_t id) const {
  for (Task* t : tasks_) {
    if (t->id == id) return t;
  }
  return nullptr;
}

void Vm::UnregisterTask(Task* t) {
  if (t->host_call != 0) EndHostCall(t->host_call);  // a later settle finds nothing
  tasks_.erase(std::remove(tasks_.begin(), tasks_.end(), t), tasks_.end());
  if (current_task_ == t) current_task_ = nullptr;
}

uint64_t Vm::BeginHostCall(Task* task) {
  if (task->host_call != 0) EndHostCall(task->host_call);
  uint64_t id = ++last_host_call_id_;
  host_calls_.emplace(id, HostCall{task});
  task->host_call = id;
  return id;
}

void Vm::EndHostCall(uint64_t id) {
  auto it = host_calls_.find(id);
  if (it == host_calls_.end()) return;
  if (Task* t = it->second.task; t != nullptr && t->host_call == id) {
    t->host_call = 0;
    t->host_suspended = false;
  }
  host_calls_.erase(it);
}

bool Vm::SettleHostCall(uint64_t id, bool rejected, Value value, std::string message) {
  HostCall* hc = FindHostCall(id);
  if (hc == nullptr || hc->settled || hc->task == nullptr) return false;
  hc->settled = true;
  hc->rejected = rejected;
  hc->value = value;
  hc->message = std::move(message);
  hc->task->host_suspended = false;  // HostWait runs again and takes the result
  return true;
}

uint32_t Vm::AddRoot(Value v) {
  if (!free_roots_.empty()) {
    uint32_t i = free_roots_.back();
    free_roots_.pop_back();
    roots_[i] = v;
    return i;
  }
  roots_.push_back(v);
  return static_cast<uint32_t>(roots_.size() - 1);
}

void Vm::RemoveRoot(uint32_t index) {
  roots_[index] = Value::Undefined();
  free_roots_.push_back(index);
}

Value Vm::RequestTailCall(Value fn, Value this_value, std::vector<Value> args, Value new_target) {
  tail_call_.pending = true;
  tail_call_.function = fn;
  tail_call_.this_value = this_value;
  tail_call_.new_target = new_target;
  tail_call_.args = std::move(args);
  return Value::Empty();
}

void Vm::TraceRoots(Tracer& t) {
  t.Mark(root_shape_);
  // The atom table is weak (SweepAtoms): only the engine's own atoms are
  // roots; every other atom lives while a property key, a constant or a
  // string value refers to it.
#define RATCHET_MARK_ATOM(field, text) t.Mark(atoms_.field);
  RATCHET_COMMON_ATOMS(RATCHET_MARK_ATOM)
#undef RATCHET_MARK_ATOM
  for (String* s : single_chars_) t.Mark(s);
  for (String* s : pinned_atoms_) t.Mark(s);
#define RATCHET_MARK_SYMBOL(field, text) t.Mark(symbols_.field);
  RATCHET_WELL_KNOWN_SYMBOLS(RATCHET_MARK_SYMBOL)
#undef RATCHET_MARK_SYMBOL
  t.Mark(pending_exception_);
  t.Mark(current_realm_);
  for (Value v : roots_) t.Mark(v);
  t.Mark(selfhost_code_);
  // The Symbol.for registry is weak too: a registered symbol nothing refers
  // to cannot be told apart from the one Symbol.for would create again (it
  // cannot be a WeakMap key), so its entry is dropped (SweepWeakTables); a
  // live symbol keeps its key, which is its description.
  if (tail_call_.pending) {
    t.Mark(tail_call_.function);
    t.Mark(tail_call_.this_value);
    t.Mark(tail_call_.new_target);
    for (Value v : tail_call_.args) t.Mark(v);
  }
  if (resume_request_.pending) {
    t.Mark(resume_request_.generator);
    t.Mark(resume_request_.value);
  }
  for (uint64_t bits : kept_objects_) t.Mark(Value::FromBits(bits));
  for (const auto& [id, w] : async_waiters_) t.Mark(w.promise);
  for (const auto& [id, hc] : host_calls_) t.Mark(hc.value);
  for (const Job& job : jobs_) {
    t.Mark(job.function);
    t.MarkRange(job.args, job.argc);
  }
  for (Task* task : tasks_) {
    for (const Job& job : task->jobs) {
      t.Mark(job.function);
      t.MarkRange(job.args, job.argc);
    }
    t.Mark(task->realm());
    t.Mark(task->result());
    t.Mark(task->exception());
    t.Mark(task->handling_exception);
    size_t live_top = 0;  // registers above every frame are dead
    for (const Frame& f : task->frames) {
      live_top = std::max<size_t>(live_top, static_cast<size_t>(f.base) + f.code->num_registers);
      t.Mark(f.code);
      t.Mark(f.callee);
      t.Mark(f.env);
      t.Mark(f.realm);
      t.Mark(f.this_value);
      t.Mark(f.new_target);
      t.Mark(f.generator);
    }
    // Returned frames leave their values behind: clear them rather than
    // keep whatever they referenced alive (deep recursion would pin the
    // temporaries of every level it ever reached).
    live_top = std::min(live_top, task->registers.size());
    std::fill(task->registers.begin() + live_top, task->registers.end(), Value::Undefined());
    t.MarkRange(task->registers.data(), live_top);
  }
}

void Vm::CollectGarbage() {
  size_t before = heap_.used();
  heap_.Collect([this](Tracer& t) { TraceRoots(t); },
                [this](const std::vector<Cell*>& weak_tables) { SweepWeakTables(weak_tables); });
  if (gc_observer_) gc_observer_(before, heap_.used());
}

void Vm::SweepWeakTables(const std::vector<Cell*>& shapes) {
  for (Cell* c : shapes) PruneDeadTransitions(heap_, static_cast<Shape*>(c));
  size_t dead_symbols = absl::erase_if(symbol_registry_, [](const auto& entry) { return !entry.second->marked; });
  heap_.ReleaseExternal(dead_symbols * (sizeof(String*) + sizeof(Symbol*) + 8));
  absl::erase_if(atom_table_, [](String* s) { return !s->marked; });
  if (host_sweep_) host_sweep_();
}

}  // namespace ratchet::internal
