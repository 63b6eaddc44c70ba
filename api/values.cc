// Value handles (ratchet::Value), the realm's value factories, host
// callbacks taking handles, host objects with finalizers, and calls from
// the host. Nothing here runs JavaScript: an operation that would (a
// getter, a setter, a proxy trap) reports kWouldRunCode, and a call from
// the host is a new task handed to a runner.
#include <algorithm>
#include <cmath>
#include <limits>

#include "absl/strings/str_cat.h"
#include "api/api_internal.h"
#include "api/ratchet.h"
#include "runtime/builtins/builtins.h"
#include "vm/bigint.h"
#include "vm/collection.h"
#include "vm/conversions.h"
#include "vm/interpreter.h"
#include "vm/object.h"
#include "vm/realm.h"
#include "vm/string.h"
#include "vm/typed_array.h"
#include "vm/utf8.h"

namespace ratchet {

namespace internal {

void HandleRegistry::Kill() {
  if (!alive) return;
  alive = false;
  for (ApiHandle* h : live) {
    rt->vm.RemoveRoot(h->root);
    h->root = UINT32_MAX;
    h->value = Value::Undefined();
  }
  live.clear();
  rt = nullptr;
  realm = nullptr;
}

ApiHandle::~ApiHandle() {
  if (reg == nullptr || !reg->alive || root == UINT32_MAX) return;
  reg->rt->vm.RemoveRoot(root);
  reg->live.erase(this);
}

}  // namespace internal

struct ValueAccess {
  static const std::shared_ptr<in::ApiHandle>& handle(const ::ratchet::Value& v) { return v.h_; }
  static ::ratchet::Value Make(std::shared_ptr<in::ApiHandle> h) { return ::ratchet::Value(std::move(h)); }
  static Status Thrown(std::string message, std::string error_name, const ::ratchet::Value& v) {
    Status s(CompletionKind::kJsException, std::move(message), std::move(error_name));
    s.exception_ = v.h_;
    return s;
  }
};

::ratchet::Value MakeValue(const std::shared_ptr<in::HandleRegistry>& reg, in::Value v) {
  auto h = std::make_shared<in::ApiHandle>();
  if (!v.IsCell()) {
    h->value = v.IsEmpty() ? in::Value::Undefined() : v;
    return ValueAccess::Make(std::move(h));
  }
  h->reg = reg;
  if (reg == nullptr || !reg->alive) return ValueAccess::Make(std::move(h));  // dead from the start
  h->value = v;
  h->root = reg->rt->vm.AddRoot(v);
  reg->live.insert(h.get());
  return ValueAccess::Make(std::move(h));
}

namespace {

using ::ratchet::Value;

Status UseAfterFree() {
  return Status(CompletionKind::kUseAfterFree, "the value's realm was destroyed");
}
Status WrongOwner() {
  return Status(CompletionKind::kWrongOwner, "the value belongs to another realm or runtime");
}
Status OutOfMemory() { return Status(CompletionKind::kOutOfMemory, "out of memory"); }
Status WouldRunCode(std::string_view what) {
  return Status(CompletionKind::kWouldRunCode,
                absl::StrCat(std::string(what), " would run JavaScript (a getter, setter or proxy trap); use Realm::Call"));
}
Status TypeError(std::string message) { return Status::Throw("TypeError", std::move(message)); }

// A handle's registry and value, checked: alive.
struct Target {
  std::shared_ptr<in::HandleRegistry> reg;  // null: an unowned primitive
  in::Value value;
};

Status Open(const Value& v, Target* out) {
  const std::shared_ptr<in::ApiHandle>& h = ValueAccess::handle(v);
  if (h == nullptr) {
    out->value = in::Value::Undefined();
    return Status();
  }
  if (h->reg != nullptr && !h->reg->alive) return UseAfterFree();
  out->reg = h->reg;
  out->value = h->value;
  return Status();
}

// `v` as an internal value usable in `reg`'s realm.
Status Import(const Value& v, const in::HandleRegistry& reg, in::Value* out) {
  Target t;
  Status s = Open(v, &t);
  if (!s.ok()) return s;
  if (t.reg != nullptr && t.reg.get() != &reg) {
    // Another realm's primitives of the same heap are immutable and carry
    // no realm: strings, symbols, BigInts may cross. Objects may not.
    if (t.reg->rt != reg.rt || t.value.IsObject()) return WrongOwner();
  }
  *out = t.value;
  return Status();
}

// The object behind a handle, with its registry.
Status OpenObject(const Value& v, Target* t, in::Object** obj) {
  Status s = Open(v, t);
  if (!s.ok()) return s;
  if (!t->value.IsObject()) return TypeError("not an object");
  *obj = t->value.AsObject();
  return Status();
}

in::PropertyKey KeyOf(in::Vm& vm, std::string_view key) {
  in::String* s = in::NewStringFromUtf8(vm, key);
  if (s == nullptr) {
    vm.TakeException();
    return in::PropertyKey(in::Value::Empty());
  }
  in::PropertyKey k = vm.KeyFromString(s);
  if (k.v.IsEmpty()) vm.TakeException();
  return k;
}

// The pending exception of a failed internal operation, as a Status.
Status TakeError(in::Vm& vm, const std::shared_ptr<in::HandleRegistry>& reg) {
  in::Value e = vm.TakeException();
  Completion c = ExceptionCompletion(vm, e, reg, 0xff);
  if (c.kind == CompletionKind::kOutOfMemory) return OutOfMemory();
  return ValueAccess::Thrown(c.error_message, c.error_name, c.value);
}

}  // namespace

Status TakeErrorStatus(in::Vm& vm, const std::shared_ptr<in::HandleRegistry>& reg) { return TakeError(vm, reg); }

namespace {

// Runs `fn` with the handle's realm current (errors made meanwhile belong
// to it), restoring the previous one.
template <typename F>
auto InRealm(in::HandleRegistry& reg, F fn) {
  in::Vm& vm = reg.rt->vm;
  in::Realm* saved = vm.current_realm();
  vm.set_current_realm(reg.realm);
  auto r = fn(vm);
  vm.set_current_realm(saved);
  return r;
}

bool IsClass(in::Value v, in::ObjectClass cls) { return v.IsObject() && v.AsObject()->cls == cls; }

// Objects whose own-property definitions and deletions are exotic in ways
// the host-side Define/Delete do not model (integer-indexed elements,
// module exports, mapped arguments).
bool ExoticForDefine(const in::Object* o) {
  return o->cls == in::ObjectClass::kTypedArray || o->cls == in::ObjectClass::kModuleNamespace ||
         o->cls == in::ObjectClass::kArguments;
}

const char* ErrorNameOf(in::ErrorKind k) {
  switch (k) {
    case in::ErrorKind::kTypeError: return "TypeError";
    case in::ErrorKind::kReferenceError: return "ReferenceError";
    case in::ErrorKind::kSyntaxError: return "SyntaxError";
    case in::ErrorKind::kRangeError: return "RangeError";
    case in::ErrorKind::kEvalError: return "EvalError";
    case in::ErrorKind::kURIError: return "URIError";
    case in::ErrorKind::kInternalError: return "InternalError";
    case in::ErrorKind::kError: return "Error";
  }
  return "Error";
}

bool ErrorKindOf(std::string_view name, in::ErrorKind* out) {
  for (in::ErrorKind k : {in::ErrorKind::kTypeError, in::ErrorKind::kReferenceError, in::ErrorKind::kSyntaxError,
                          in::ErrorKind::kRangeError, in::ErrorKind::kEvalError, in::ErrorKind::kURIError,
                          in::ErrorKind::kError}) {
    if (name == ErrorNameOf(k)) {
      *out = k;
      return true;
    }
  }
  return false;
}

// Defines (or redefines) an own data property of an ordinary object.
Status DefineData(in::Vm& vm, in::Object* o, std::string_view key, in::Value v, bool writable, bool enumerable,
                  bool configurable) {
  in::PropertyKey k = KeyOf(vm, key);
  if (k.v.IsEmpty()) return OutOfMemory();
  in::PropertyDescriptor d;
  d.value = v;
  d.writable = writable;
  d.enumerable = enumerable;
  d.configurable = configurable;
  switch (in::DefineOwnProperty(vm, o, k, d)) {
    case in::DefineResult::kOk: return Status();
    case in::DefineResult::kRejected: return TypeError(absl::StrCat("Cannot redefine property: ", std::string(key)));
    case in::DefineResult::kOutOfMemory:
      vm.TakeException();
      return OutOfMemory();
  }
  return Status();
}

}  // namespace

// ---- Status ----

Status Status::ThrowValue(const Value& exception) {
  Status s(CompletionKind::kJsException, "", "");
  s.exception_ = ValueAccess::handle(exception);
  return s;
}

Value Status::exception() const { return exception_ ? ValueAccess::Make(exception_) : Value(); }

std::string Status::ToString() const {
  const char* kind = "";
  switch (kind_) {
    case CompletionKind::kNormal: return "OK";
    case CompletionKind::kWrongOwner: kind = "WrongOwner"; break;
    case CompletionKind::kUseAfterFree: kind = "UseAfterFree"; break;
    case CompletionKind::kOutOfMemory: kind = "OutOfMemory"; break;
    case CompletionKind::kStackOverflow: kind = "StackOverflow"; break;
    case CompletionKind::kWouldRunCode: kind = "WouldRunCode"; break;
    case CompletionKind::kConcurrentEvaluation: kind = "ConcurrentEvaluation"; break;
    case CompletionKind::kJsException: kind = error_name_.empty() ? "JsException" : error_name_.c_str(); break;
    default: kind = "Error"; break;
  }
  return message_.empty() ? std::string(kind) : absl::StrCat(kind, ": ", message_);
}

}  // namespace ratchet

namespace ratchet {
namespace internal {

ApiRuntime::ApiRuntime() {
  vm.set_host_sweep([this] {
    // (No allocation here: the collector is between marking and sweeping.)
    for (auto it = host_objects.begin(); it != host_objects.end();) {
      if (it->first->marked) {
        ++it;
        continue;
      }
      vm.heap().ReleaseExternal(kHostObjectCharge);
      finalizers_due.push_back(std::move(it->second));
      host_objects.erase(it++);
    }
  });
}

ApiRuntime::~ApiRuntime() {
  // Every object dies with the heap: finalize what is left, once.
  for (auto& [obj, entry] : host_objects) finalizers_due.push_back(std::move(entry));
  host_objects.clear();
  RunFinalizers();
}

void ApiRuntime::RunFinalizersSlow() {
  while (!finalizers_due.empty()) {
    std::vector<HostObject> due = std::move(finalizers_due);
    finalizers_due.clear();
    for (HostObject& h : due) {
      if (h.finalizer) h.finalizer(h.data);
    }
  }
}

}  // namespace internal

// ---- Value ----

Value::Value() = default;
Value Value::Null() { return MakeValue(nullptr, in::Value::Null()); }
Value Value::Boolean(bool b) { return MakeValue(nullptr, in::Value::Boolean(b)); }
Value Value::Number(double d) { return MakeValue(nullptr, in::Value::Number(d)); }

bool Value::alive() const { return h_ == nullptr || h_->reg == nullptr || h_->reg->alive; }

Value::Type Value::type() const {
  if (!alive() || h_ == nullptr) return Type::kUndefined;
  in::Value v = h_->value;
  if (v.IsNull()) return Type::kNull;
  if (v.IsBoolean()) return Type::kBoolean;
  if (v.IsNumber()) return Type::kNumber;
  if (v.IsString()) return Type::kString;
  if (v.IsSymbol()) return Type::kSymbol;
  if (v.IsBigInt()) return Type::kBigInt;
  if (v.IsObject()) return Type::kObject;
  return Type::kUndefined;
}

namespace {
in::Value Raw(const std::shared_ptr<in::ApiHandle>& h) {
  if (h == nullptr || (h->reg != nullptr && !h->reg->alive)) return in::Value::Undefined();
  return h->value;
}
}  // namespace

bool Value::IsArray() const { return IsClass(Raw(h_), in::ObjectClass::kArray); }
bool Value::IsFunction() const { return in::IsCallable(Raw(h_)); }
bool Value::IsPromise() const { return IsClass(Raw(h_), in::ObjectClass::kPromise); }
bool Value::IsError() const { return IsClass(Raw(h_), in::ObjectClass::kError); }
bool Value::IsArrayBuffer() const {
  return IsClass(Raw(h_), in::ObjectClass::kArrayBuffer) || IsClass(Raw(h_), in::ObjectClass::kSharedArrayBuffer);
}
bool Value::IsTypedArray() const { return IsClass(Raw(h_), in::ObjectClass::kTypedArray); }
bool Value::IsMap() const { return IsClass(Raw(h_), in::ObjectClass::kMap); }
bool Value::IsSet() const { return IsClass(Raw(h_), in::ObjectClass::kSet); }

bool Value::AsBoolean() const { return Raw(h_).IsTrue(); }
double Value::AsNumber() const {
  in::Value v = Raw(h_);
  return v.IsNumber() ? v.AsNumber() : std::numeric_limits<double>::quiet_NaN();
}
std::string Value::AsString() const {
  in::Value v = Raw(h_);
  return v.IsString() ? in::ToUtf8(v.AsString()) : "";
}

std::string Value::ToString() const {
  if (!alive()) return "";
  in::Value v = Raw(h_);
  if (!v.IsCell()) {
    if (v.IsUndefined()) return "undefined";
    if (v.IsNull()) return "null";
    if (v.IsBoolean()) return v.IsTrue() ? "true" : "false";
    return in::NumberToStdString(v.AsNumber());
  }
  return ValueToDisplayString(h_->reg->rt->vm, v);
}

bool Value::StrictEquals(const Value& other) const {
  if (!alive() || !other.alive()) return false;
  return in::StrictEquals(Raw(h_), Raw(other.h_));
}

namespace {

void JsonQuote(const std::string& s, std::string* out) {
  out->push_back('"');
  for (unsigned char c : s) {
    switch (c) {
      case '"': *out += "\\\""; break;
      case '\\': *out += "\\\\"; break;
      case '\n': *out += "\\n"; break;
      case '\r': *out += "\\r"; break;
      case '\t': *out += "\\t"; break;
      default:
        if (c < 0x20) {
          absl::StrAppend(out, "\\u00", c < 0x10 ? "0" : "", absl::Hex(c));
        } else {
          out->push_back(static_cast<char>(c));
        }
    }
  }
  out->push_back('"');
}

// Value::Dump's walk: own enumerable data properties only, nothing runs.
void DumpValue(in::ApiRuntime& rt, in::Value v, int depth, int max_depth, std::vector<in::Object*>* path,
               std::string* out) {
  in::Vm& vm = rt.vm;
  if (v.IsString()) return JsonQuote(in::ToUtf8(v.AsString()), out);
  if (v.IsBigInt()) return absl::StrAppend(out, in::BigIntToStdString(v.AsBigInt()), "n");
  if (!v.IsObject()) return absl::StrAppend(out, ValueToDisplayString(vm, v));
  in::Object* o = v.AsObject();
  if (o->is_callable()) {
    std::string name;
    in::OwnProperty prop;
    if (!o->is_proxy() && in::GetOwnProperty(vm, o, in::PropertyKey(in::Value::FromString(vm.atoms().name)), &prop) &&
        !(prop.attrs & in::kAccessorBit) && prop.value.IsString()) {
      name = in::ToUtf8(prop.value.AsString());
    }
    return absl::StrAppend(out, name.empty() ? "[Function]" : absl::StrCat("[Function ", name, "]"));
  }
  if (std::find(path->begin(), path->end(), o) != path->end()) return absl::StrAppend(out, "[Circular]");
  if (o->is_proxy()) {
    // A read-only view shows the host data it reads (at most 1,000 chars).
    if (!IsView(rt, v)) return absl::StrAppend(out, "[Proxy]");
    bool array = false;
    const HostData* data = ViewData(rt, v, &array);
    std::string json;
    if (data != nullptr) {
      AppendJsonLimited(*data, 1000, &json);
    } else {
      json = array ? "[]" : "{}";
    }
    if (json.size() > 1000) json = json.substr(0, 1000) + "...";
    return absl::StrAppend(out, "View ", json);
  }
  if (o->cls == in::ObjectClass::kError) {
    std::string name, message;
    in::OwnProperty prop;
    in::Object* holder;
    if (in::LookupProperty(vm, o, in::PropertyKey(in::Value::FromString(vm.atoms().name)), &prop, &holder) &&
        !(prop.attrs & in::kAccessorBit) && prop.value.IsString()) {
      name = in::ToUtf8(prop.value.AsString());
    }
    if (in::GetOwnProperty(vm, o, in::PropertyKey(in::Value::FromString(vm.atoms().message)), &prop) &&
        !(prop.attrs & in::kAccessorBit) && prop.value.IsString()) {
      message = in::ToUtf8(prop.value.AsString());
    }
    return absl::StrAppend(out, "[", name.empty() ? "Error" : name, message.empty() ? "" : ": ", message, "]");
  }
  if (depth >= max_depth) {
    return absl::StrAppend(out, o->cls == in::ObjectClass::kArray     ? "[Array]"
                                : o->cls == in::ObjectClass::kPromise ? "[Promise]"
                                : o->cls == in::ObjectClass::kMap     ? "[Map]"
                                : o->cls == in::ObjectClass::kSet     ? "[Set]"
                                                                      : "[Object]");
  }
  if (o->cls == in::ObjectClass::kPromise) {
    auto* p = static_cast<in::PromiseObject*>(o);
    absl::StrAppend(out, p->state == 0 ? "Promise { <pending> }" : p->state == 1 ? "Promise { " : "Promise { <rejected> ");
    if (p->state != 0) {
      DumpValue(rt, p->result, depth + 1, max_depth, path, out);
      absl::StrAppend(out, " }");
    }
    return;
  }
  if (o->cls == in::ObjectClass::kMap || o->cls == in::ObjectClass::kSet) {
    // Map(2) {"a" => 1, "b" => 2} and Set(1) {"x"}: the live entries, in
    // insertion order, from the storage (no iterator runs).
    bool map = o->cls == in::ObjectClass::kMap;
    const in::CollectionData* data = static_cast<in::CollectionObject*>(o)->data;
    absl::StrAppend(out, map ? "Map(" : "Set(", data != nullptr ? data->live : 0, ") {");
    path->push_back(o);
    bool first = true;
    for (size_t i = 0; data != nullptr && i < data->entries.size(); ++i) {
      const in::CollectionEntry& e = data->entries[i];
      if (e.key.IsEmpty()) continue;
      absl::StrAppend(out, first ? "" : ", ");
      first = false;
      DumpValue(rt, e.key, depth + 1, max_depth, path, out);
      if (!map) continue;
      absl::StrAppend(out, " => ");
      DumpValue(rt, e.value, depth + 1, max_depth, path, out);
    }
    path->pop_back();
    return absl::StrAppend(out, "}");
  }
  bool array = o->cls == in::ObjectClass::kArray;
  std::vector<in::PropertyKey> keys;
  in::OwnPropertyKeys(vm, o, &keys);
  path->push_back(o);
  absl::StrAppend(out, array ? "[" : "{");
  bool first = true;
  for (const in::PropertyKey& k : keys) {
    if (k.v.IsSymbol()) continue;
    in::OwnProperty prop;
    if (!in::GetOwnProperty(vm, o, k, &prop) || !(prop.attrs & in::kEnumerable)) continue;
    if (array && k.v == in::Value::FromString(vm.atoms().length)) continue;
    if (!first) absl::StrAppend(out, ", ");
    first = false;
    if (!array || !k.IsIndex()) {
      std::string name = k.IsIndex() ? absl::StrCat(k.index()) : in::ToUtf8(k.v.AsString());
      JsonQuote(name, out);
      absl::StrAppend(out, ": ");
    }
    if (prop.attrs & in::kAccessorBit) {
      in::Accessor* a = in::ValueToAccessor(prop.value);
      absl::StrAppend(out, !a->getter.IsUndefined() && !a->setter.IsUndefined() ? "[Getter/Setter]"
                           : !a->getter.IsUndefined()                             ? "[Getter]"
                                                                                  : "[Setter]");
    } else if (prop.value.IsEmpty()) {
      absl::StrAppend(out, "<uninitialized>");
    } else {
      DumpValue(rt, prop.value, depth + 1, max_depth, path, out);
    }
  }
  path->pop_back();
  absl::StrAppend(out, array ? "]" : "}");
}

}  // namespace

std::string Value::Dump(int max_depth) const {
  if (!alive()) return "<dead>";
  in::Value v = Raw(h_);
  if (!v.IsCell()) return ToString();
  std::vector<in::Object*> path;
  std::string out;
  // (Bounded: the walk recurses on the C++ stack, and hostile data nests.)
  DumpValue(*h_->reg->rt, v, 0, std::clamp(max_depth, 0, 64), &path, &out);
  return out;
}

Result<Value> Value::Get(std::string_view key) const {
  Target t;
  Status s = Open(*this, &t);
  if (!s.ok()) return s;
  // Objects, and strings, symbols and BigInts through their prototypes.
  if (t.reg == nullptr) return TypeError("not an object");
  return InRealm(*t.reg, [&](in::Vm& vm) -> Result<Value> {
    in::PropertyKey k = KeyOf(vm, key);
    if (k.v.IsEmpty()) return OutOfMemory();
    in::Value out, accessor;
    switch (in::GetProperty(vm, *t.reg->realm, t.value, k, &out, &accessor)) {
      case in::AccessStatus::kDone: return MakeValue(t.reg, out);
      case in::AccessStatus::kCallAccessor: return WouldRunCode("reading this property");
      default: return TakeError(vm, t.reg);
    }
  });
}

Result<Value> Value::Get(uint32_t index) const { return Get(std::string_view(absl::StrCat(index))); }

Status Value::Set(std::string_view key, const Value& value) const {
  Target t;
  in::Object* o;
  Status s = OpenObject(*this, &t, &o);
  if (!s.ok()) return s;
  in::Value v;
  s = Import(value, *t.reg, &v);
  if (!s.ok()) return s;
  return InRealm(*t.reg, [&](in::Vm& vm) -> Status {
    in::PropertyKey k = KeyOf(vm, key);
    if (k.v.IsEmpty()) return OutOfMemory();
    in::Value accessor;
    switch (in::SetProperty(vm, *t.reg->realm, t.value, k, v, true, &accessor)) {
      case in::AccessStatus::kDone: return Status();
      case in::AccessStatus::kCallAccessor: return WouldRunCode("setting this property");
      default: return TakeError(vm, t.reg);
    }
  });
}

Status Value::Set(uint32_t index, const Value& value) const {
  return Set(std::string_view(absl::StrCat(index)), value);
}

Status Value::Define(std::string_view key, const Value& value, bool writable, bool enumerable,
                     bool configurable) const {
  Target t;
  in::Object* o;
  Status s = OpenObject(*this, &t, &o);
  if (!s.ok()) return s;
  if (o->is_proxy()) return WouldRunCode("defining a property of a proxy");
  if (ExoticForDefine(o)) return TypeError("cannot define properties of this exotic object from the host");
  in::Value v;
  s = Import(value, *t.reg, &v);
  if (!s.ok()) return s;
  return InRealm(*t.reg, [&](in::Vm& vm) { return DefineData(vm, o, key, v, writable, enumerable, configurable); });
}

Result<bool> Value::Delete(std::string_view key) const {
  Target t;
  in::Object* o;
  Status s = OpenObject(*this, &t, &o);
  if (!s.ok()) return s;
  if (o->is_proxy()) return WouldRunCode("deleting a property of a proxy");
  if (ExoticForDefine(o)) return TypeError("cannot delete properties of this exotic object from the host");
  in::Vm& vm = t.reg->rt->vm;
  in::PropertyKey k = KeyOf(vm, key);
  if (k.v.IsEmpty()) return OutOfMemory();
  return in::DeleteOwnProperty(vm, o, k);
}

Result<std::vector<std::string>> Value::Keys() const {
  Target t;
  in::Object* o;
  Status s = OpenObject(*this, &t, &o);
  if (!s.ok()) return s;
  if (o->is_proxy()) return WouldRunCode("listing the keys of a proxy");
  in::Vm& vm = t.reg->rt->vm;
  std::vector<in::PropertyKey> keys;
  in::OwnPropertyKeys(vm, o, &keys);
  std::vector<std::string> out;
  for (const in::PropertyKey& k : keys) {
    if (k.v.IsSymbol()) continue;
    in::OwnProperty prop;
    if (!in::GetOwnProperty(vm, o, k, &prop) || !(prop.attrs & in::kEnumerable)) continue;
    out.push_back(k.IsIndex() ? absl::StrCat(k.index()) : in::ToUtf8(k.v.AsString()));
  }
  return out;
}

Result<Value::PromiseState> Value::promise_state() const {
  Target t;
  in::Object* o;
  Status s = OpenObject(*this, &t, &o);
  if (!s.ok()) return s;
  if (o->cls != in::ObjectClass::kPromise) return TypeError("not a promise");
  int32_t state = static_cast<in::PromiseObject*>(o)->state;
  return state == 0 ? PromiseState::kPending : state == 1 ? PromiseState::kFulfilled : PromiseState::kRejected;
}

Result<Value> Value::promise_result() const {
  Target t;
  in::Object* o;
  Status s = OpenObject(*this, &t, &o);
  if (!s.ok()) return s;
  if (o->cls != in::ObjectClass::kPromise) return TypeError("not a promise");
  auto* p = static_cast<in::PromiseObject*>(o);
  if (p->state == 0) return Value();
  return MakeValue(t.reg, p->result);
}

Result<Value::Bytes> Value::bytes() const {
  Target t;
  in::Object* o;
  Status s = OpenObject(*this, &t, &o);
  if (!s.ok()) return s;
  Bytes b;
  switch (o->cls) {
    case in::ObjectClass::kArrayBuffer:
    case in::ObjectClass::kSharedArrayBuffer: {
      auto* ab = static_cast<in::ArrayBufferObject*>(o);
      if (ab->data == nullptr) return b;  // detached
      b.data = ab->data;
      b.size = ab->byte_length;
      return b;
    }
    case in::ObjectClass::kTypedArray: {
      auto* ta = static_cast<in::TypedArrayObject*>(o);
      if (ta->buffer->data == nullptr) return b;
      size_t n = in::TypedArrayLength(ta);
      if (n == 0) return b;
      b.data = ta->buffer->data + ta->byte_offset;
      b.size = n * in::ElementSize(ta->kind);
      return b;
    }
    case in::ObjectClass::kDataView: {
      auto* dv = static_cast<in::DataViewObject*>(o);
      if (dv->buffer->data == nullptr) return b;
      size_t n = in::ViewByteLength(dv);
      if (n == 0) return b;
      b.data = dv->buffer->data + dv->byte_offset;
      b.size = n;
      return b;
    }
    default:
      return TypeError("not an ArrayBuffer, typed array or DataView");
  }
}

Result<void*> Value::host_data(const void* tag) const {
  Target t;
  in::Object* o;
  Status s = OpenObject(*this, &t, &o);
  if (!s.ok()) return s;
  auto& objects = t.reg->rt->host_objects;
  auto it = objects.find(o);
  if (it == objects.end() || it->second.tag != tag) return TypeError("not a host object of this kind");
  return it->second.data;
}

namespace {

// The Map (or Set) behind a handle, with its registry.
Status OpenCollection(const Value& v, in::ObjectClass cls, Target* t, in::CollectionObject** out) {
  in::Object* o;
  Status s = OpenObject(v, t, &o);
  if (!s.ok()) return s;
  if (o->cls != cls) return TypeError(cls == in::ObjectClass::kMap ? "not a Map" : "not a Set");
  *out = static_cast<in::CollectionObject*>(o);
  return Status();
}

// Calls fn(entry) for each live entry, in insertion order. Nothing it
// does may run JavaScript or collect (MakeValue only adds roots).
template <typename F>
void ForEachEntry(const in::CollectionObject* c, F fn) {
  if (c->data == nullptr) return;
  for (const in::CollectionEntry& e : c->data->entries) {
    if (!e.key.IsEmpty()) fn(e);
  }
}

// Adds or updates an entry; on out of memory the collection is left as it was.
Status CollectionPut(const Value& collection, in::ObjectClass cls, const Value& key, const Value* value) {
  Target t;
  in::CollectionObject* c;
  Status s = OpenCollection(collection, cls, &t, &c);
  if (!s.ok()) return s;
  in::Value k, v;
  s = Import(key, *t.reg, &k);
  if (s.ok() && value != nullptr) s = Import(*value, *t.reg, &v);
  if (!s.ok()) return s;
  in::Vm& vm = t.reg->rt->vm;
  bool existed = in::CollectionFind(c, k) != nullptr;
  if (in::CollectionSet(vm, c, k, value != nullptr ? v : in::NormalizeCollectionKey(k))) return Status();
  if (!existed) in::CollectionDelete(vm, c, k);
  return OutOfMemory();
}

}  // namespace

Result<std::vector<std::pair<Value, Value>>> Value::MapEntries() const {
  Target t;
  in::CollectionObject* c;
  Status s = OpenCollection(*this, in::ObjectClass::kMap, &t, &c);
  if (!s.ok()) return s;
  std::vector<std::pair<Value, Value>> out;
  ForEachEntry(c, [&](const in::CollectionEntry& e) { out.emplace_back(MakeValue(t.reg, e.key), MakeValue(t.reg, e.value)); });
  return out;
}

Result<std::vector<Value>> Value::SetValues() const {
  Target t;
  in::CollectionObject* c;
  Status s = OpenCollection(*this, in::ObjectClass::kSet, &t, &c);
  if (!s.ok()) return s;
  std::vector<Value> out;
  ForEachEntry(c, [&](const in::CollectionEntry& e) { out.push_back(MakeValue(t.reg, e.key)); });
  return out;
}

Result<Value> Value::MapGet(const Value& key) const {
  Target t;
  in::CollectionObject* c;
  Status s = OpenCollection(*this, in::ObjectClass::kMap, &t, &c);
  if (!s.ok()) return s;
  in::Value k;
  s = Import(key, *t.reg, &k);
  if (!s.ok()) return s;
  const in::CollectionEntry* e = in::CollectionFind(c, k);
  return e != nullptr ? MakeValue(t.reg, e->value) : Value();
}

Status Value::MapSet(const Value& key, const Value& value) const {
  return CollectionPut(*this, in::ObjectClass::kMap, key, &value);
}

Status Value::SetAdd(const Value& value) const { return CollectionPut(*this, in::ObjectClass::kSet, value, nullptr); }

}  // namespace ratchet

namespace ratchet {

namespace {

// A host callback's Status, thrown into the sandbox.
in::Value ThrowStatus(in::Vm& vm, const in::HandleRegistry& reg, const Status& s) {
  if (s.kind() == CompletionKind::kOutOfMemory) return vm.ThrowOutOfMemory();
  if (s.kind() == CompletionKind::kJsException) {
    Value thrown = s.exception();
    if (ValueAccess::handle(thrown) != nullptr) {
      in::Value v;
      Status is = Import(thrown, reg, &v);
      if (is.ok()) return vm.Throw(v);
      return vm.ThrowError(in::ErrorKind::kTypeError, is.ToString());
    }
    in::ErrorKind kind;
    if (!ErrorKindOf(s.error_name(), &kind)) kind = in::ErrorKind::kError;
    return vm.ThrowError(kind, s.message());
  }
  return vm.ThrowError(in::ErrorKind::kError, s.ToString());
}

in::Value CallHostCallback(in::Vm& vm, in::CallArgs& a) {
  auto* nf = static_cast<in::NativeFunction*>(a.callee);
  auto* entry = reinterpret_cast<in::HostCallbackEntry*>(static_cast<uintptr_t>(nf->data.AsNumber()));
  std::shared_ptr<in::HandleRegistry> reg = entry->handles.lock();
  if (reg == nullptr || !reg->alive) return vm.ThrowError(in::ErrorKind::kError, "the host function's realm is gone");
  HostCallInfo info;
  info.this_value = MakeValue(reg, a.this_value);
  info.new_target = MakeValue(reg, a.new_target);
  info.callee = MakeValue(reg, in::Value::FromObject(a.callee));
  info.args.reserve(a.argc);
  for (uint32_t i = 0; i < a.argc; ++i) info.args.push_back(MakeValue(reg, a.args[i]));
  Result<Value> r = entry->fn(info);
  if (!reg->alive) return vm.ThrowError(in::ErrorKind::kError, "the host function's realm is gone");
  if (!r.ok()) return ThrowStatus(vm, *reg, r.status());
  in::Value v;
  Status s = Import(r.value(), *reg, &v);
  if (!s.ok()) return vm.ThrowError(in::ErrorKind::kTypeError, s.ToString());
  if (!a.new_target.IsUndefined() && !v.IsObject()) {
    return vm.ThrowError(in::ErrorKind::kTypeError, "a host constructor must return an object");
  }
  return v;
}

Completion StatusCompletion(const Status& s) {
  Completion c;
  c.kind = s.kind();
  c.error_name = s.error_name();
  c.error_message = s.message();
  c.value = s.exception();
  return c;
}

in::ElementKind ElementKindOf(Realm::TypedArrayType t) {
  switch (t) {
    case Realm::TypedArrayType::kInt8: return in::ElementKind::kInt8;
    case Realm::TypedArrayType::kUint8: return in::ElementKind::kUint8;
    case Realm::TypedArrayType::kUint8Clamped: return in::ElementKind::kUint8Clamped;
    case Realm::TypedArrayType::kInt16: return in::ElementKind::kInt16;
    case Realm::TypedArrayType::kUint16: return in::ElementKind::kUint16;
    case Realm::TypedArrayType::kInt32: return in::ElementKind::kInt32;
    case Realm::TypedArrayType::kUint32: return in::ElementKind::kUint32;
    case Realm::TypedArrayType::kFloat32: return in::ElementKind::kFloat32;
    case Realm::TypedArrayType::kFloat64: return in::ElementKind::kFloat64;
    case Realm::TypedArrayType::kBigInt64: return in::ElementKind::kBigInt64;
    case Realm::TypedArrayType::kBigUint64: return in::ElementKind::kBigUint64;
  }
  return in::ElementKind::kUint8;
}

in::Intrinsic TypedArrayPrototypeOf(in::ElementKind k) {
  switch (k) {
    case in::ElementKind::kInt8: return in::Intrinsic::kInt8ArrayPrototype;
    case in::ElementKind::kUint8: return in::Intrinsic::kUint8ArrayPrototype;
    case in::ElementKind::kUint8Clamped: return in::Intrinsic::kUint8ClampedArrayPrototype;
    case in::ElementKind::kInt16: return in::Intrinsic::kInt16ArrayPrototype;
    case in::ElementKind::kUint16: return in::Intrinsic::kUint16ArrayPrototype;
    case in::ElementKind::kInt32: return in::Intrinsic::kInt32ArrayPrototype;
    case in::ElementKind::kUint32: return in::Intrinsic::kUint32ArrayPrototype;
    case in::ElementKind::kFloat16: return in::Intrinsic::kFloat16ArrayPrototype;
    case in::ElementKind::kFloat32: return in::Intrinsic::kFloat32ArrayPrototype;
    case in::ElementKind::kFloat64: return in::Intrinsic::kFloat64ArrayPrototype;
    case in::ElementKind::kBigInt64: return in::Intrinsic::kBigInt64ArrayPrototype;
    case in::ElementKind::kBigUint64: return in::Intrinsic::kBigUint64ArrayPrototype;
  }
  return in::Intrinsic::kUint8ArrayPrototype;
}

}  // namespace

// ---- Realm: values ----

Value Realm::Global() { return MakeValue(state_->handles, in::Value::FromObject(state_->realm->global)); }

Value Realm::GlobalThis() { return MakeValue(state_->handles, state_->realm->global_this); }

Status Realm::SetGlobalThis(const Value& value) {
  in::Value v;
  Status s = Import(value, *state_->handles, &v);
  if (!s.ok()) return s;
  if (v.IsNullish()) v = in::Value::FromObject(state_->realm->global);
  if (!v.IsObject()) return TypeError("the global this value must be an object");
  s = DefineData(state_->rt->vm, state_->realm->global, "globalThis", v, true, false, true);
  if (s.ok()) state_->realm->global_this = v;
  return s;
}

// The realm's new value, or out of memory (the pending exception taken).
static Result<Value> Made(internal::ApiRealm& rs, in::Value v) {
  if (v.IsEmpty()) {
    rs.rt->vm.TakeException();
    return OutOfMemory();
  }
  return MakeValue(rs.handles, v);
}

Result<Value> Realm::NewString(std::string_view utf8) {
  in::String* s = in::NewStringFromUtf8(state_->rt->vm, utf8);
  return Made(*state_, s ? in::Value::FromString(s) : in::Value::Empty());
}

Result<Value> Realm::NewObject() {
  in::Object* o = in::NewObject(state_->rt->vm, state_->realm->intrinsic(in::Intrinsic::kObjectPrototype));
  return Made(*state_, o ? in::Value::FromObject(o) : in::Value::Empty());
}

Result<Value> Realm::NewArray(const std::vector<Value>& elements) {
  std::vector<in::Value> vs(elements.size());
  for (size_t i = 0; i < elements.size(); ++i) {
    Status s = Import(elements[i], *state_->handles, &vs[i]);
    if (!s.ok()) return s;
  }
  in::Vm& vm = state_->rt->vm;
  in::Object* a = in::NewArray(vm, *state_->realm, 0);
  for (size_t i = 0; a != nullptr && i < vs.size(); ++i) {
    if (!in::ArrayPush(vm, a, vs[i])) a = nullptr;
  }
  return Made(*state_, a ? in::Value::FromObject(a) : in::Value::Empty());
}

Result<Value> Realm::NewMap() {
  in::CollectionObject* c =
      in::NewCollection(state_->rt->vm, state_->realm->intrinsic(in::Intrinsic::kMapPrototype), in::ObjectClass::kMap);
  return Made(*state_, c ? in::Value::FromObject(c) : in::Value::Empty());
}

Result<Value> Realm::NewSet() {
  in::CollectionObject* c =
      in::NewCollection(state_->rt->vm, state_->realm->intrinsic(in::Intrinsic::kSetPrototype), in::ObjectClass::kSet);
  return Made(*state_, c ? in::Value::FromObject(c) : in::Value::Empty());
}

Result<Value> Realm::NewError(std::string_view error_name, std::string_view message) {
  in::ErrorKind kind;
  if (!ErrorKindOf(error_name, &kind)) return TypeError(absl::StrCat("no error constructor named ", std::string(error_name)));
  return InRealm(*state_->handles, [&](in::Vm& vm) {
    in::Object* e = vm.NewError(kind, message);
    return Made(*state_, e ? in::Value::FromObject(e) : in::Value::Empty());
  });
}

Result<Value> Realm::NewSymbol(std::string_view description) {
  in::Vm& vm = state_->rt->vm;
  in::String* d = in::NewStringFromUtf8(vm, description);
  in::Symbol* sym = d ? in::NewSymbol(vm, in::Value::FromString(d)) : nullptr;
  return Made(*state_, sym ? in::Value::FromSymbol(sym) : in::Value::Empty());
}

Result<Value> Realm::NewBigInt(std::string_view decimal) {
  size_t digits = decimal.size() > 0 && decimal[0] == '-' ? 1 : 0;
  if (digits == decimal.size()) return Status::Throw("SyntaxError", "not a decimal integer");
  for (size_t i = digits; i < decimal.size(); ++i) {
    if (decimal[i] < '0' || decimal[i] > '9') return Status::Throw("SyntaxError", "not a decimal integer");
  }
  in::Vm& vm = state_->rt->vm;
  in::String* s = in::NewStringFromUtf8(vm, decimal);
  in::BigInt* b = nullptr;
  if (s != nullptr && !in::StringToBigInt(vm, s, &b)) return Status::Throw("SyntaxError", "not a decimal integer");
  return Made(*state_, b ? in::Value::FromBigInt(b) : in::Value::Empty());
}

Result<Value> Realm::NewArrayBuffer(size_t size, const void* data) {
  if (size > in::kMaxArrayBufferBytes) return Status::Throw("RangeError", "Array buffer allocation failed");
  return InRealm(*state_->handles, [&](in::Vm& vm) -> Result<Value> {
    in::ArrayBufferObject* ab = in::NewArrayBuffer(vm, state_->realm->intrinsic(in::Intrinsic::kArrayBufferPrototype),
                                                   size, size, false, false);
    if (ab == nullptr) return TakeError(vm, state_->handles);
    if (data != nullptr && size > 0) std::memcpy(ab->data, data, size);
    return MakeValue(state_->handles, in::Value::FromObject(ab));
  });
}

Result<Value> Realm::NewTypedArray(TypedArrayType type, const Value& buffer, size_t byte_offset, size_t length) {
  in::Value b;
  Status s = Import(buffer, *state_->handles, &b);
  if (!s.ok()) return s;
  if (!IsClass(b, in::ObjectClass::kArrayBuffer) && !IsClass(b, in::ObjectClass::kSharedArrayBuffer)) {
    return TypeError("not an ArrayBuffer");
  }
  auto* ab = static_cast<in::ArrayBufferObject*>(b.AsObject());
  in::ElementKind kind = ElementKindOf(type);
  size_t size = in::ElementSize(kind);
  if (ab->data == nullptr) return TypeError("the ArrayBuffer is detached");
  if (byte_offset % size != 0) return Status::Throw("RangeError", "the offset is not a multiple of the element size");
  if (byte_offset > ab->byte_length || length > (ab->byte_length - byte_offset) / size) {
    return Status::Throw("RangeError", "the view does not fit in the buffer");
  }
  in::TypedArrayObject* ta = in::NewTypedArrayObject(
      state_->rt->vm, state_->realm->intrinsic(TypedArrayPrototypeOf(kind)), kind, ab, byte_offset, length, false);
  return Made(*state_, ta ? in::Value::FromObject(ta) : in::Value::Empty());
}

Result<Value> Realm::ParseJson(std::string_view json) {
  return InRealm(*state_->handles, [&](in::Vm& vm) -> Result<Value> {
    in::String* text = in::NewStringFromUtf8(vm, json);
    if (text == nullptr) return TakeError(vm, state_->handles);
    in::Value v = in::ParseJsonText(vm, text);
    if (v.IsEmpty()) return TakeError(vm, state_->handles);
    return MakeValue(state_->handles, v);
  });
}

// Tags the host_objects entries that own a NewFunction callback (never a
// tag the host can pass: it is private to this file).
const char kHostCallbackTag = 0;

Result<Value> Realm::NewFunction(std::string_view name, HostCallback fn, int length, bool constructor) {
  in::Vm& vm = state_->rt->vm;
  // The callback lives as long as its function object: freed (and its
  // charge released) by the collector's host sweep, like a host object's
  // data, so functions made per call do not pile up outside the limit.
  if (!vm.heap().AccountExternal(internal::ApiRuntime::kHostObjectCharge)) return OutOfMemory();
  in::Object* f = in::NewNativeFunction(vm, *state_->realm, name, CallHostCallback, std::max(length, 0), constructor);
  if (f == nullptr) {
    vm.heap().ReleaseExternal(internal::ApiRuntime::kHostObjectCharge);
    return Made(*state_, in::Value::Empty());
  }
  auto* entry = new internal::HostCallbackEntry{std::move(fn), state_->handles};
  state_->rt->host_objects.emplace(
      f, internal::ApiRuntime::HostObject{&kHostCallbackTag, entry,
                                          [](void* p) { delete static_cast<internal::HostCallbackEntry*>(p); }});
  // The callback's address, as a number (never exposed: natives only).
  static_cast<in::NativeFunction*>(f)->data = in::Value::Double(static_cast<double>(reinterpret_cast<uintptr_t>(entry)));
  return MakeValue(state_->handles, in::Value::FromObject(f));
}

Result<Value> Realm::NewHostObject(const void* tag, void* data, std::function<void(void*)> finalizer,
                                   const Value& prototype) {
  in::Value proto;
  Status s = Import(prototype, *state_->handles, &proto);
  if (!s.ok()) return s;
  if (!proto.IsObject() && !proto.IsNullish()) return TypeError("the prototype is not an object or null");
  in::Vm& vm = state_->rt->vm;
  if (!vm.heap().AccountExternal(internal::ApiRuntime::kHostObjectCharge)) return OutOfMemory();
  in::Object* o = in::NewObject(vm, proto.IsObject() ? proto.AsObject() : nullptr);
  if (o == nullptr) {
    vm.heap().ReleaseExternal(internal::ApiRuntime::kHostObjectCharge);
    return Made(*state_, in::Value::Empty());
  }
  state_->rt->host_objects.emplace(o, internal::ApiRuntime::HostObject{tag, data, std::move(finalizer)});
  return MakeValue(state_->handles, in::Value::FromObject(o));
}

// ---- Realm: calls from the host ----

std::shared_ptr<Task> Realm::Call(const Value& fn, const Value& this_value, const std::vector<Value>& args,
                                  const EvalOptions& options) {
  return HandToRunner(StartHostCall(fn, this_value, args, false), options, state_->run_task);
}

std::shared_ptr<Task> Realm::Construct(const Value& fn, const std::vector<Value>& args, const EvalOptions& options) {
  return HandToRunner(StartHostCall(fn, Value(), args, true), options, state_->run_task);
}

Completion Realm::CallSync(const Value& fn, const Value& this_value, const std::vector<Value>& args,
                           const EvalOptions& options) {
  return RunHostCallSync(fn, this_value, args, false, options);
}

Completion Realm::ConstructSync(const Value& fn, const std::vector<Value>& args, const EvalOptions& options) {
  return RunHostCallSync(fn, Value(), args, true, options);
}

std::shared_ptr<Task> Realm::StartHostCall(const Value& fn, const Value& this_value, const std::vector<Value>& args,
                                           bool construct) {
  in::Vm& vm = state_->rt->vm;
  auto ts = std::make_unique<internal::ApiTask>();
  ts->rt = state_->rt;
  ts->realm_host = state_->host;
  ts->handles = state_->handles;
  auto finished = [&](Completion c) {
    ts->has_precomputed = true;
    ts->precomputed = std::move(c);
    return internal::ApiRealm::MakeTask(std::move(ts));
  };
  if (Busy(vm)) return finished(ConcurrentEvaluation());
  Safepoint(vm);
  in::Value f, self;
  std::vector<in::Value> vs(args.size());
  Status s = Import(fn, *state_->handles, &f);
  if (s.ok()) s = Import(this_value, *state_->handles, &self);
  for (size_t i = 0; s.ok() && i < args.size(); ++i) s = Import(args[i], *state_->handles, &vs[i]);
  if (s.ok() && !in::IsCallable(f)) s = TypeError("not a function");
  if (s.ok() && construct && !in::IsConstructor(f)) s = TypeError("not a constructor");
  if (s.kind() == CompletionKind::kJsException && s.exception().IsUndefined()) {
    // The TypeError the call would throw, as a value of the realm: the
    // completion carries the thrown value, as for any exception.
    in::Realm* saved = vm.current_realm();
    vm.set_current_realm(state_->realm);
    vm.ThrowError(in::ErrorKind::kTypeError, s.message());
    Completion c = ExceptionCompletion(vm, vm.TakeException(), state_->handles);
    vm.set_current_realm(saved);
    return finished(std::move(c));
  }
  if (!s.ok()) return finished(StatusCompletion(s));
  ts->task = std::make_unique<in::Task>(vm, state_->realm);
  vm.RegisterTask(ts->task.get());
  state_->rt->Log("task ", ts->task->id, " started: call from the host");
  in::Task& t = *ts->task;
  in::Task* saved = vm.current_task();
  in::Realm* saved_realm = vm.current_realm();
  vm.set_current_task(&t);
  vm.set_current_realm(state_->realm);
  if (!in::StartCall(t, f, self, vs, construct ? f : in::Value::Undefined())) {
    in::CompleteTask(t, in::TaskState::kThrew, vm.TakeException());
  }
  vm.set_current_task(saved);
  vm.set_current_realm(saved_realm);
  return internal::ApiRealm::MakeTask(std::move(ts));
}

Completion Realm::RunHostCallSync(const Value& fn, const Value& this_value, const std::vector<Value>& args,
                                  bool construct, const EvalOptions& options) {
  if (Busy(state_->rt->vm)) return ConcurrentEvaluation();
  return RunSynchronously(StartHostCall(fn, this_value, args, construct), options, state_->run_task_sync);
}

}  // namespace ratchet

namespace ratchet {

Result<Realm::PromiseCapability> Realm::NewPromise() {
  in::Vm& vm = state_->rt->vm;
  in::Value resolve, reject;
  in::PromiseObject* p = in::NewPromiseWithResolvers(vm, *state_->realm, &resolve, &reject);
  if (p == nullptr) {
    vm.TakeException();
    return OutOfMemory();
  }
  PromiseCapability cap;
  cap.promise = MakeValue(state_->handles, in::Value::FromObject(p));
  cap.resolve = MakeValue(state_->handles, resolve);
  cap.reject = MakeValue(state_->handles, reject);
  return cap;
}

}  // namespace ratchet
