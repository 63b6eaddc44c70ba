// Host data in the sandbox and back (api/ratchet.h: HostData,
// Realm::FromHost, Value::ToHost).
//
// A read-only view is a Proxy whose handler is a host object of this file:
// its traps are natives reading the host's data (a shared HostData and a
// path from its root, resolved on every access, so a host that changes its
// data between runs is seen, and a path that no longer resolves reads as an
// empty object). Nothing of the host but that data is reachable: the
// handler and its traps never reach JavaScript (proxies do not expose
// them), keys the data does not have fall through to the target — an
// empty object or array whose prototype gives the usual methods — through
// the realm's original Reflect.get / Reflect.has as tail calls, so a getter
// there runs as a frame, never as a C++ call into the interpreter.
#include <algorithm>
#include <cmath>
#include <memory>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "api/api_internal.h"
#include "api/ratchet.h"
#include "runtime/builtins/builtins.h"
#include "vm/conversions.h"
#include "vm/object.h"
#include "vm/realm.h"
#include "vm/string.h"

namespace ratchet {

namespace {

using ::ratchet::Value;

// Tags the host_objects entries of view handlers (private to this file).
const char kViewTag = 0;

constexpr int kMaxCopyDepth = 1000;
// The realm's original Reflect functions (runtime/builtins/proxy.cc order).
constexpr uint32_t kReflectHas = 6;
constexpr uint32_t kReflectGet = 7;

// One step of a view's path: a member name (array indices in decimal),
// after its parent's steps. Shared by the views below it, so a view costs
// the same at any depth.
struct PathStep {
  mutable std::shared_ptr<const PathStep> parent;  // null: a step from the root
  std::string name;
  size_t depth;  // steps from the root, this one included
  // Releases a long chain of steps nobody else holds in a loop, not by
  // one nested destructor per step.
  ~PathStep() {
    std::shared_ptr<const PathStep> p = std::move(parent);
    while (p != nullptr && p.use_count() == 1) p = std::move(p->parent);
  }
};

// What a view reads: a node of the host's data, by its path from the root.
struct ViewNode {
  std::shared_ptr<const HostData> root;
  std::shared_ptr<const PathStep> path;  // null: the root itself
  bool array;                            // the view's kind (its target's)

  const HostData* Resolve() const {
    std::vector<const std::string*> steps(path != nullptr ? path->depth : 0);
    for (const PathStep* p = path.get(); p != nullptr; p = p->parent.get()) steps[p->depth - 1] = &p->name;
    const HostData* d = root.get();
    for (const std::string* step : steps) {
      d = Child(*d, *step);
      if (d == nullptr) return nullptr;
    }
    if (d->type != (array ? HostData::Type::kArray : HostData::Type::kObject)) return nullptr;
    return d;
  }
  // A member of an object, or an element of an array by its canonical index.
  static const HostData* Child(const HostData& d, std::string_view name) {
    if (d.type == HostData::Type::kObject) return d.Find(name);
    if (d.type != HostData::Type::kArray) return nullptr;
    // A canonical index: digits, no leading zero, below the size.
    if (name.empty() || name.size() > 15 || (name.size() > 1 && name[0] == '0')) return nullptr;
    uint64_t i = 0;
    for (char c : name) {
      if (c < '0' || c > '9') return nullptr;
      i = i * 10 + static_cast<uint64_t>(c - '0');
    }
    return i < d.elements.size() ? &d.elements[i] : nullptr;
  }
};

in::ApiRuntime* RuntimeOf(const in::CallArgs& a) {
  auto* nf = static_cast<in::NativeFunction*>(a.callee);
  return reinterpret_cast<in::ApiRuntime*>(static_cast<uintptr_t>(nf->data.AsNumber()));
}

ViewNode* NodeOf(const in::ApiRuntime& rt, in::Value handler) {
  if (!handler.IsObject()) return nullptr;
  auto it = rt.host_objects.find(handler.AsObject());
  if (it == rt.host_objects.end() || it->second.tag != &kViewTag) return nullptr;
  return static_cast<ViewNode*>(it->second.data);
}

// The view behind a proxy made here (null for any other value).
const ViewNode* ViewOf(const in::ApiRuntime& rt, in::Value v) {
  if (!v.IsObject() || v.AsObject()->cls != in::ObjectClass::kProxy) return nullptr;
  return NodeOf(rt, static_cast<in::ProxyObject*>(v.AsObject())->handler);
}

// A new view of `node` in `realm`: an empty Proxy target of the view's kind,
// a handler inheriting `traps`. Empty on OOM (thrown).
in::Value NewView(in::Vm& vm, in::ApiRuntime& rt, in::Realm& realm, in::Object* traps, std::unique_ptr<ViewNode> node) {
  in::Object* target = node->array ? in::NewArray(vm, realm)
                                   : in::NewObject(vm, realm.intrinsic(in::Intrinsic::kObjectPrototype));
  if (target == nullptr) return in::Oom(vm);
  in::Object* handler = in::NewObject(vm, traps);
  if (handler == nullptr) return in::Oom(vm);
  in::Object* proxy = in::NewObject(vm, nullptr, in::ObjectClass::kProxy, sizeof(in::ProxyObject));
  if (proxy == nullptr) return in::Oom(vm);
  if (!vm.heap().AccountExternal(in::ApiRuntime::kHostObjectCharge)) return in::Oom(vm);
  auto* p = static_cast<in::ProxyObject*>(proxy);
  p->target = in::Value::FromObject(target);
  p->handler = in::Value::FromObject(handler);
  p->is_constructor = false;
  rt.host_objects.emplace(handler, in::ApiRuntime::HostObject{&kViewTag, node.release(), [](void* n) {
                                                                delete static_cast<ViewNode*>(n);
                                                              }});
  return in::Value::FromObject(proxy);
}

in::Value NewStringValue(in::Vm& vm, std::string_view utf8) {
  in::String* s = in::NewStringFromUtf8(vm, utf8);
  return s != nullptr ? in::Value::FromString(s) : in::Value::Empty();
}

// The value the sandbox reads for `child`, the member `name` of the view
// whose handler is `handler`: a primitive, or the child view (one per path:
// the handler's `cache` object keeps them).
in::Value ChildValue(in::Vm& vm, in::ApiRuntime& rt, in::NativeFunction* trap, in::Object* handler,
                     const ViewNode& node, const std::string& name, const HostData& child) {
  switch (child.type) {
    case HostData::Type::kUndefined:
      return in::Value::Undefined();
    case HostData::Type::kNull:
      return in::Value::Null();
    case HostData::Type::kBoolean:
      return in::Value::Boolean(child.boolean);
    case HostData::Type::kNumber:
      return in::Value::Number(child.number);
    case HostData::Type::kString:
      return NewStringValue(vm, child.string);
    case HostData::Type::kArray:
    case HostData::Type::kObject:
      break;
  }
  bool array = child.type == HostData::Type::kArray;
  in::PropertyKey cache_key = in::NameKey(vm, "cache");
  in::OwnProperty prop;
  in::Object* cache;
  if (in::GetOwnProperty(vm, handler, cache_key, &prop) && prop.value.IsObject()) {
    cache = prop.value.AsObject();
  } else {
    cache = in::NewObject(vm, nullptr);
    if (cache == nullptr || !in::SetOwnData(vm, handler, cache_key, in::Value::FromObject(cache))) return in::Oom(vm);
  }
  in::String* key_string = in::NewStringFromUtf8(vm, name);
  if (key_string == nullptr) return in::Value::Empty();
  in::PropertyKey key = vm.KeyFromString(key_string);
  if (key.v.IsEmpty()) return in::Value::Empty();
  if (in::GetOwnProperty(vm, cache, key, &prop) && prop.value.IsObject()) {
    in::Value target = static_cast<in::ProxyObject*>(prop.value.AsObject())->target;
    if (target.IsObject() && target.AsObject()->is_array() == array) return prop.value;
  }
  auto child_node = std::make_unique<ViewNode>();
  child_node->root = node.root;
  child_node->path = std::make_shared<const PathStep>(
      PathStep{node.path, name, node.path != nullptr ? node.path->depth + 1 : 1});
  child_node->array = array;
  in::Value view = NewView(vm, rt, *trap->realm, handler->proto, std::move(child_node));
  if (view.IsEmpty()) return view;
  if (!in::SetOwnData(vm, cache, key, view)) return in::Oom(vm);
  return view;
}

// The trap's key argument as a member name: false for symbols and for
// strings with a lone surrogate (UTF-8 has no form for it: no host member
// can be named by it, and it must not read as the U+FFFD one).
bool KeyName(in::Value key, std::string* name) {
  if (!key.IsString()) return false;
  const in::String* s = key.AsString();
  if (!s->is_one_byte()) {
    for (uint32_t i = 0; i < s->length; ++i) {
      char16_t c = s->At(i);
      if (c >= 0xD800 && c <= 0xDBFF && i + 1 < s->length && s->At(i + 1) >= 0xDC00 && s->At(i + 1) <= 0xDFFF) {
        ++i;
      } else if (c >= 0xD800 && c <= 0xDFFF) {
        return false;
      }
    }
  }
  *name = in::ToUtf8(s);
  return true;
}

// The realm's original Reflect function `i`, called as a tail call.
in::Value ReflectTail(in::Vm& vm, in::NativeFunction* trap, uint32_t i, std::vector<in::Value> args) {
  in::Object* ops = trap->realm->intrinsic(in::Intrinsic::kReflectOps);
  return vm.RequestTailCall(ops->elements[i], in::Value::Undefined(), std::move(args));
}

in::Value NotAView(in::Vm& vm) { return vm.ThrowError(in::ErrorKind::kTypeError, "not a host data view"); }

// get(target, key, receiver)
in::Value TrapGet(in::Vm& vm, in::CallArgs& a) {
  in::ApiRuntime& rt = *RuntimeOf(a);
  ViewNode* node = NodeOf(rt, a.this_value);
  if (node == nullptr) return NotAView(vm);
  std::string name;
  if (KeyName(a.arg(1), &name)) {
    if (const HostData* d = node->Resolve()) {
      if (node->array && name == "length") return in::Value::Number(static_cast<double>(d->elements.size()));
      if (const HostData* child = ViewNode::Child(*d, name)) {
        return ChildValue(vm, rt, static_cast<in::NativeFunction*>(a.callee), a.this_value.AsObject(), *node, name,
                          *child);
      }
    }
  }
  return ReflectTail(vm, static_cast<in::NativeFunction*>(a.callee), kReflectGet, {a.arg(0), a.arg(1), a.arg(2)});
}

// has(target, key)
in::Value TrapHas(in::Vm& vm, in::CallArgs& a) {
  ViewNode* node = NodeOf(*RuntimeOf(a), a.this_value);
  if (node == nullptr) return NotAView(vm);
  std::string name;
  if (KeyName(a.arg(1), &name)) {
    if (node->array && name == "length") return in::Value::Boolean(true);
    const HostData* d = node->Resolve();
    if (d != nullptr && ViewNode::Child(*d, name) != nullptr) return in::Value::Boolean(true);
  }
  return ReflectTail(vm, static_cast<in::NativeFunction*>(a.callee), kReflectHas, {a.arg(0), a.arg(1)});
}

// ownKeys(target): the members (a repeated name once), or the indices and
// "length" (the target array's own non-configurable property: a proxy must
// report it).
in::Value TrapOwnKeys(in::Vm& vm, in::CallArgs& a) {
  ViewNode* node = NodeOf(*RuntimeOf(a), a.this_value);
  if (node == nullptr) return NotAView(vm);
  auto* trap = static_cast<in::NativeFunction*>(a.callee);
  in::Object* keys = in::NewArray(vm, *trap->realm);
  if (keys == nullptr) return in::Oom(vm);
  const HostData* d = node->Resolve();
  auto push = [&](std::string_view name) {
    in::Value s = NewStringValue(vm, name);
    return !s.IsEmpty() && in::ArrayPush(vm, keys, s);
  };
  if (d != nullptr && node->array) {
    for (size_t i = 0; i < d->elements.size(); ++i) {
      if (!push(absl::StrCat(i))) return in::Oom(vm);
    }
  } else if (d != nullptr) {
    absl::flat_hash_set<std::string_view> seen;
    for (const auto& [key, value] : d->members) {
      if (!seen.insert(key).second) continue;
      if (!push(key)) return in::Oom(vm);
    }
  }
  if (node->array && !push("length")) return in::Oom(vm);
  return in::Value::FromObject(keys);
}

// getOwnPropertyDescriptor(target, key): members are enumerable,
// non-writable and configurable (the data may change); an array's length
// is the target's non-configurable one with the data's value.
in::Value TrapGetOwnPropertyDescriptor(in::Vm& vm, in::CallArgs& a) {
  in::ApiRuntime& rt = *RuntimeOf(a);
  ViewNode* node = NodeOf(rt, a.this_value);
  if (node == nullptr) return NotAView(vm);
  std::string name;
  if (!KeyName(a.arg(1), &name)) return in::Value::Undefined();
  auto* trap = static_cast<in::NativeFunction*>(a.callee);
  const HostData* d = node->Resolve();
  in::Value value;
  uint8_t attrs;
  if (node->array && name == "length") {
    value = in::Value::Number(d != nullptr ? static_cast<double>(d->elements.size()) : 0);
    attrs = in::kWritable;
  } else {
    const HostData* child = d != nullptr ? ViewNode::Child(*d, name) : nullptr;
    if (child == nullptr) return in::Value::Undefined();
    value = ChildValue(vm, rt, trap, a.this_value.AsObject(), *node, name, *child);
    if (value.IsEmpty()) return value;
    attrs = in::kEnumerable | in::kConfigurable;
  }
  in::Object* desc = in::NewObject(vm, trap->realm->intrinsic(in::Intrinsic::kObjectPrototype));
  if (desc == nullptr) return in::Oom(vm);
  const in::Atoms& at = vm.atoms();
  auto put = [&](in::String* atom, in::Value v) { return in::SetOwnData(vm, desc, in::PropertyKey(in::Value::FromString(atom)), v); };
  if (!put(at.value, value) || !put(at.writable, in::Value::Boolean(attrs & in::kWritable)) ||
      !put(at.enumerable, in::Value::Boolean(attrs & in::kEnumerable)) ||
      !put(at.configurable, in::Value::Boolean(attrs & in::kConfigurable))) {
    return in::Oom(vm);
  }
  return in::Value::FromObject(desc);
}

// deleteProperty(target, key): what the data has stays.
in::Value TrapDeleteProperty(in::Vm& vm, in::CallArgs& a) {
  ViewNode* node = NodeOf(*RuntimeOf(a), a.this_value);
  if (node == nullptr) return NotAView(vm);
  std::string name;
  if (!KeyName(a.arg(1), &name)) return in::Value::Boolean(true);
  if (node->array && name == "length") return in::Value::Boolean(false);
  const HostData* d = node->Resolve();
  return in::Value::Boolean(d == nullptr || ViewNode::Child(*d, name) == nullptr);
}

// setPrototypeOf(target, proto): only to the prototype it has.
in::Value TrapSetPrototypeOf(in::Vm& vm, in::CallArgs& a) {
  in::Value target = a.arg(0);
  if (!target.IsObject()) return in::Value::Boolean(false);
  in::Object* proto = target.AsObject()->proto;
  in::Value want = a.arg(1);
  return in::Value::Boolean(want.IsObject() ? want.AsObject() == proto : proto == nullptr);
}

// set, defineProperty, preventExtensions: refused.
in::Value TrapRefuse(in::Vm& vm, in::CallArgs& a) { return in::Value::Boolean(false); }

// The realm's handler prototype: the traps, each a native knowing the runtime.
in::Object* MakeTraps(in::Vm& vm, in::ApiRuntime& rt, in::Realm& realm) {
  in::Object* traps = in::NewObject(vm, nullptr);
  if (traps == nullptr) return nullptr;
  struct Trap {
    const char* name;
    in::NativeFn fn;
    int length;
  };
  static constexpr Trap kTraps[] = {
      {"get", TrapGet, 3},
      {"has", TrapHas, 2},
      {"ownKeys", TrapOwnKeys, 1},
      {"getOwnPropertyDescriptor", TrapGetOwnPropertyDescriptor, 2},
      {"deleteProperty", TrapDeleteProperty, 2},
      {"setPrototypeOf", TrapSetPrototypeOf, 2},
      {"set", TrapRefuse, 4},
      {"defineProperty", TrapRefuse, 3},
      {"preventExtensions", TrapRefuse, 1},
  };
  for (const Trap& t : kTraps) {
    in::Object* f = in::DefineNativeMethod(vm, realm, traps, t.name, t.fn, t.length);
    if (f == nullptr) return nullptr;
    static_cast<in::NativeFunction*>(f)->data =
        in::Value::Double(static_cast<double>(reinterpret_cast<uintptr_t>(&rt)));
  }
  return traps;
}

// Builds plain objects and arrays from host data (kCopy, kFrozenCopy).
// Empty with the exception pending on failure.
in::Value CopyIn(in::Vm& vm, in::Realm& realm, const HostData& d, bool frozen, int depth) {
  switch (d.type) {
    case HostData::Type::kUndefined:
      return in::Value::Undefined();
    case HostData::Type::kNull:
      return in::Value::Null();
    case HostData::Type::kBoolean:
      return in::Value::Boolean(d.boolean);
    case HostData::Type::kNumber:
      return in::Value::Number(d.number);
    case HostData::Type::kString:
      return NewStringValue(vm, d.string);
    case HostData::Type::kArray:
    case HostData::Type::kObject:
      break;
  }
  if (depth >= kMaxCopyDepth) {
    return vm.ThrowError(in::ErrorKind::kRangeError, "host data nested more than 1000 levels deep");
  }
  in::Object* o;
  if (d.type == HostData::Type::kArray) {
    if (d.elements.size() > UINT32_MAX - 1) return vm.ThrowError(in::ErrorKind::kRangeError, "array too long");
    o = in::NewArray(vm, realm);
    if (o == nullptr) return in::Oom(vm);
    for (const HostData& e : d.elements) {
      in::Value v = CopyIn(vm, realm, e, frozen, depth + 1);
      if (v.IsEmpty()) return v;
      if (!in::ArrayPush(vm, o, v)) return in::Oom(vm);
    }
  } else {
    o = in::NewObject(vm, realm.intrinsic(in::Intrinsic::kObjectPrototype));
    if (o == nullptr) return in::Oom(vm);
    for (const auto& [name, member] : d.members) {
      in::String* s = in::NewStringFromUtf8(vm, name);
      if (s == nullptr) return in::Value::Empty();
      in::PropertyKey key = vm.KeyFromString(s);
      if (key.v.IsEmpty()) return in::Value::Empty();
      in::OwnProperty existing;
      if (in::GetOwnProperty(vm, o, key, &existing)) continue;  // a repeated name: the first counts
      in::Value v = CopyIn(vm, realm, member, frozen, depth + 1);
      if (v.IsEmpty()) return v;
      if (!in::SetOwnData(vm, o, key, v)) return in::Oom(vm);
    }
  }
  if (frozen) {
    // SetIntegrityLevel(frozen) on a plain object of our own making.
    o->extensible = false;
    std::vector<in::PropertyKey> keys;
    in::OwnPropertyKeys(vm, o, &keys);
    for (in::PropertyKey k : keys) {
      in::PropertyDescriptor desc;
      desc.configurable = 0;
      desc.writable = 0;
      if (in::DefineOwnProperty(vm, o, k, desc) != in::DefineResult::kOk) return in::Oom(vm);
    }
  }
  return in::Value::FromObject(o);
}

Status ConversionError(std::string name, std::string message) { return Status::Throw(std::move(name), std::move(message)); }

// Value::ToHost's walk. `path` holds the objects being converted (cycles);
// `budget` the bytes of host data it may still make: shared objects are
// copied each time they are met and a sparse array is as long as its
// length, so a small sandbox value can stand for a huge tree.
struct CopyOutState {
  const in::ApiRuntime& rt;
  in::Vm& vm;
  int max_depth;
  size_t budget;
  std::vector<in::Object*> path;
};

Status OverBudget() {
  return Status(CompletionKind::kOutOfMemory, "the value's host data would exceed the memory limit");
}

bool Charge(CopyOutState& st, size_t bytes) {
  if (bytes > st.budget) return false;
  st.budget -= bytes;
  return true;
}

// The bytes a copy of `d` takes, charged; false past the budget (the walk
// stops there).
bool ChargeTree(CopyOutState& st, const HostData& d) {
  if (!Charge(st, sizeof(HostData) + d.string.size())) return false;
  for (const HostData& e : d.elements) {
    if (!ChargeTree(st, e)) return false;
  }
  for (const auto& [key, value] : d.members) {
    if (!Charge(st, key.size()) || !ChargeTree(st, value)) return false;
  }
  return true;
}

Status CopyOut(CopyOutState& st, in::Value v, int depth, HostData* out) {
  in::Vm& vm = st.vm;
  if (!Charge(st, sizeof(HostData))) return OverBudget();
  bool array_view = false;
  if (v.IsUndefined() || v.IsEmpty()) {
    *out = HostData::Undefined();
  } else if (v.IsNull()) {
    *out = HostData::Null();
  } else if (v.IsBoolean()) {
    *out = HostData::Boolean(v.IsTrue());
  } else if (v.IsNumber()) {
    *out = HostData::Number(v.AsNumber());
  } else if (v.IsString()) {
    if (!Charge(st, v.AsString()->length * 3)) return OverBudget();
    *out = HostData::String(in::ToUtf8(v.AsString()));
  } else if (v.IsBigInt()) {
    return ConversionError("TypeError", "a BigInt has no host data form");
  } else if (v.IsSymbol() || in::IsCallable(v)) {
    *out = HostData::Undefined();  // left out by the caller (objects) or undefined (arrays)
  } else if (const HostData* d = ViewData(st.rt, v, &array_view)) {
    // A view gives its host data (charged: it is copied).
    if (!ChargeTree(st, *d)) return OverBudget();
    *out = *d;
  } else if (IsView(st.rt, v)) {
    *out = array_view ? HostData::Array() : HostData::Object();  // its path no longer resolves
  } else {
    in::Object* o = v.AsObject();
    if (o->is_proxy()) return Status(CompletionKind::kWouldRunCode, "a proxy's traps would run JavaScript");
    if (std::find(st.path.begin(), st.path.end(), o) != st.path.end()) {
      return ConversionError("TypeError", "a cycle has no host data form");
    }
    if (depth >= st.max_depth) {
      return ConversionError("RangeError", absl::StrCat("nested more than ", st.max_depth, " levels deep"));
    }
    st.path.push_back(o);
    bool array = o->is_array();
    *out = array ? HostData::Array() : HostData::Object();
    if (array) {
      // Every element of the length becomes one (holes as undefined).
      if (o->array_length > st.budget / sizeof(HostData)) return OverBudget();
      st.budget -= static_cast<size_t>(o->array_length) * sizeof(HostData);
      out->elements.resize(o->array_length);
    }
    std::vector<in::PropertyKey> keys;
    in::OwnPropertyKeys(vm, o, &keys);
    for (const in::PropertyKey& k : keys) {
      if (k.IsSymbol()) continue;
      in::OwnProperty prop;
      if (!in::GetOwnProperty(vm, o, k, &prop) || !(prop.attrs & in::kEnumerable)) continue;
      if (array && !k.IsIndex()) continue;  // elements only (length is not enumerable)
      if (prop.attrs & in::kAccessorBit) {
        return Status(CompletionKind::kWouldRunCode, "a getter would run JavaScript");
      }
      if (prop.value.IsEmpty()) {
        return ConversionError("ReferenceError", "a module binding is not initialized");
      }
      HostData member;
      Status s = CopyOut(st, prop.value, depth + 1, &member);
      if (!s.ok()) return s;
      if (array) {
        out->elements[k.index()] = std::move(member);
      } else if (!prop.value.IsSymbol() && !in::IsCallable(prop.value)) {
        std::string name = k.IsIndex() ? absl::StrCat(k.index()) : in::ToUtf8(k.v.AsString());
        if (!Charge(st, name.size())) return OverBudget();
        out->members.emplace_back(std::move(name), std::move(member));
      }
    }
    st.path.pop_back();
  }
  return Status();
}

}  // namespace

const HostData* ViewData(const in::ApiRuntime& rt, in::Value v, bool* array) {
  const ViewNode* view = ViewOf(rt, v);
  if (view == nullptr) return nullptr;
  *array = view->array;
  return view->Resolve();
}

bool IsView(const in::ApiRuntime& rt, in::Value v) { return ViewOf(rt, v) != nullptr; }

Result<Value> Realm::FromHost(std::shared_ptr<const HostData> data, HostConversion conversion) {
  if (data == nullptr) return Status::Throw("TypeError", "no host data");
  in::Vm& vm = state_->rt->vm;
  in::Realm* saved = vm.current_realm();
  vm.set_current_realm(state_->realm);
  in::Value v;
  if (conversion != HostConversion::kReadOnlyView ||
      (data->type != HostData::Type::kArray && data->type != HostData::Type::kObject)) {
    v = CopyIn(vm, *state_->realm, *data, conversion == HostConversion::kFrozenCopy, 0);
  } else {
    in::Object* traps = state_->view_traps;
    if (traps == nullptr && (traps = MakeTraps(vm, *state_->rt, *state_->realm)) != nullptr) {
      state_->view_traps = traps;
      state_->view_traps_root = vm.AddRoot(in::Value::FromObject(traps));
    }
    if (traps == nullptr) {
      v = in::Oom(vm);
    } else {
      auto node = std::make_unique<ViewNode>();
      node->array = data->type == HostData::Type::kArray;
      node->root = std::move(data);
      v = NewView(vm, *state_->rt, *state_->realm, traps, std::move(node));
    }
  }
  Result<Value> result = v.IsEmpty() ? Result<Value>(TakeErrorStatus(vm, state_->handles))
                                     : Result<Value>(MakeValue(state_->handles, v));
  vm.set_current_realm(saved);
  return result;
}

Result<Value> Realm::FromHost(const HostData& data, HostConversion conversion) {
  if (conversion != HostConversion::kReadOnlyView) {
    // A copy needs no shared snapshot.
    return FromHost(std::shared_ptr<const HostData>(&data, [](const HostData*) {}), conversion);
  }
  return FromHost(std::make_shared<const HostData>(data), conversion);
}

Result<HostData> Value::ToHost(int max_depth) const {
  if (h_ == nullptr) return HostData::Undefined();
  if (h_->reg != nullptr && !h_->reg->alive) {
    return Status(CompletionKind::kUseAfterFree, "the value's realm was destroyed");
  }
  in::Value v = h_->value;
  if (!v.IsCell()) {
    if (v.IsNull()) return HostData::Null();
    if (v.IsBoolean()) return HostData::Boolean(v.IsTrue());
    if (v.IsNumber()) return HostData::Number(v.AsNumber());
    return HostData::Undefined();
  }
  in::ApiRuntime& rt = *h_->reg->rt;
  // The host data may take as many bytes as the runtime's memory limit,
  // and at most 256 MB.
  size_t budget = std::min(rt.vm.heap().limit(), size_t{256} << 20);
  CopyOutState st{rt, rt.vm, std::clamp(max_depth, 0, kMaxCopyDepth), budget, {}};
  HostData out;
  Status s = CopyOut(st, v, 0, &out);
  if (!s.ok()) return s;
  return out;
}

}  // namespace ratchet
