// RegExp objects, the per-Vm program cache and resumable matches.
#include "vm/regexp_object.h"

#include <string>

#include "absl/container/flat_hash_map.h"
#include "vm/realm.h"
#include "vm/string.h"
#include "vm/vm.h"

namespace ratchet::internal {

struct RegExpCache {
  absl::flat_hash_map<std::u16string, std::shared_ptr<const regexp::Program>> programs;
};

namespace {
constexpr size_t kMaxCachedPrograms = 512;

size_t ProgramBytes(const regexp::Program& p) {
  size_t bytes = sizeof(regexp::Program) + p.code.size() * sizeof(int32_t);
  for (const auto& s : p.sets) bytes += sizeof(s) + s.ranges.size() * sizeof(s.ranges[0]);
  return bytes;
}
}  // namespace

void DeleteRegExpCache(RegExpCache* cache) { delete cache; }

RegExpCache& Vm::regexp_cache() {
  if (regexp_cache_ == nullptr) regexp_cache_ = new RegExpCache();
  return *regexp_cache_;
}

RegExpObject* NewRegExpObject(Vm& vm, Object* proto, Realm* realm, bool legacy) {
  Object* o = NewObject(vm, proto, ObjectClass::kRegExp, sizeof(RegExpObject));
  if (o == nullptr) return nullptr;
  auto* r = static_cast<RegExpObject*>(o);
  r->source = Value::Undefined();
  r->flags = Value::Undefined();
  r->program = nullptr;
  r->accounted = 0;
  r->realm = realm;
  r->legacy = legacy;
  if (!SetOwnData(vm, r, PropertyKey(Value::FromString(vm.atoms().lastIndex)), Value::Undefined(), kWritable)) {
    return nullptr;
  }
  return r;
}

bool InitializeRegExp(Vm& vm, RegExpObject* r, String* pattern, String* flags) {
  std::u16string p16 = ToU16String(pattern), f16 = ToU16String(flags);
  regexp::Flags f;
  if (!regexp::ParseFlags(f16, &f)) {
    std::string message = "Invalid regular expression flags '" + ToUtf8(flags) + "'";
    vm.ThrowError(ErrorKind::kSyntaxError, message);
    return false;
  }
  std::u16string key = f16 + u"/" + p16;
  RegExpCache& cache = vm.regexp_cache();
  std::shared_ptr<const regexp::Program> program;
  if (auto it = cache.programs.find(key); it != cache.programs.end()) {
    program = it->second;
  } else {
    std::string error;
    program = regexp::Compile(p16, f, &error);
    if (program == nullptr) {
      std::string message = "Invalid regular expression: /" + ToUtf8(pattern) + "/" + ToUtf8(flags) + ": " + error;
      vm.ThrowError(ErrorKind::kSyntaxError, message);
      return false;
    }
    if (cache.programs.size() >= kMaxCachedPrograms) cache.programs.clear();
    cache.programs.emplace(std::move(key), program);
  }
  size_t bytes = ProgramBytes(*program);
  if (!vm.heap().AccountExternal(bytes)) {
    vm.ThrowOutOfMemory();
    return false;
  }
  if (r->program != nullptr) {
    vm.heap().ReleaseExternal(r->accounted);
    *r->program = std::move(program);
  } else {
    r->program = new std::shared_ptr<const regexp::Program>(std::move(program));
  }
  r->accounted = bytes;
  r->source = Value::FromString(pattern);
  r->flags = Value::FromString(flags);
  return true;
}

RegExpMatchState* NewRegExpMatchState(Vm& vm, RegExpObject* r, String* input, uint32_t last_index) {
  Object* o = NewObject(vm, nullptr, ObjectClass::kRegExpMatchState, sizeof(RegExpMatchState));
  if (o == nullptr) return nullptr;
  auto* st = static_cast<RegExpMatchState*>(o);
  st->input = Value::FromString(input);
  st->regexp = Value::FromObject(r);
  st->accounted = 0;
  st->matcher = new regexp::Matcher(*r->program);
  const regexp::Program& p = **r->program;
  st->matcher->Start(input->is_one_byte() ? input->chars8() : nullptr,
                     input->is_one_byte() ? nullptr : input->chars16(), input->length, last_index,
                     p.flags.sticky);
  return st;
}

bool RunRegExpSlice(Vm& vm, RegExpMatchState* st, regexp::MatchStatus* status) {
  uint64_t budget = kRegExpSliceSteps;
  *status = st->matcher->Run(&budget);
  return AccountRegExpMatcher(vm, st);
}

bool AccountRegExpMatcher(Vm& vm, RegExpMatchState* st) {
  size_t now = st->matcher->memory_bytes();
  if (now > st->accounted) {
    if (!vm.heap().AccountExternal(now - st->accounted)) {
      vm.ThrowOutOfMemory();
      return false;
    }
  } else {
    vm.heap().ReleaseExternal(st->accounted - now);
  }
  st->accounted = now;
  return true;
}

void TraceRegExpObject(Object* o, Tracer& t) {
  if (o->cls == ObjectClass::kRegExp) {
    auto* r = static_cast<RegExpObject*>(o);
    t.Mark(r->source);
    t.Mark(r->flags);
    t.Mark(r->realm);
  } else {
    auto* st = static_cast<RegExpMatchState*>(o);
    t.Mark(st->input);
    t.Mark(st->regexp);
  }
}

void FinalizeRegExpObject(Heap& heap, Object* o) {
  if (o->cls == ObjectClass::kRegExp) {
    auto* r = static_cast<RegExpObject*>(o);
    delete r->program;
    heap.ReleaseExternal(r->accounted);
  } else {
    auto* st = static_cast<RegExpMatchState*>(o);
    delete st->matcher;
    heap.ReleaseExternal(st->accounted);
  }
}

}  // namespace ratchet::internal
