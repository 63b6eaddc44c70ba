// 24.1 Map, 24.2 Set, 24.3 WeakMap, 24.4 WeakSet, and their iterators.
// The tables live in vm/collection.h; what calls back into JavaScript (the
// constructors' iterable argument, forEach, groupBy, the set methods) is
// self-hosted in runtime/selfhost/*.js on top of the natives below.
#include "runtime/builtins/builtins.h"
#include "vm/collection.h"
#include "vm/interpreter.h"

namespace ratchet::internal {

namespace {

Realm& CurrentRealm(Vm& vm) { return *vm.current_realm(); }

// The receiver as a collection of class `cls`, or a TypeError.
CollectionObject* ThisCollection(Vm& vm, Value v, ObjectClass cls, const char* method) {
  if (v.IsObject() && v.AsObject()->cls == cls) return static_cast<CollectionObject*>(v.AsObject());
  vm.ThrowError(ErrorKind::kTypeError, std::string("Method ") + method + " called on incompatible receiver");
  return nullptr;
}

}  // namespace

// 7.2.? CanBeHeldWeakly: objects and symbols not in the registry.
bool CanBeHeldWeakly(Value v) {
  return v.IsObject() || (v.IsSymbol() && !v.AsSymbol()->registered);
}

namespace {

// Shared constructor: magic selects the class. With an iterable, the
// self-hosted initializer (the function's data) adds its entries.
Value CollectionConstructor(Vm& vm, CallArgs& a) {
  auto* self = static_cast<NativeFunction*>(a.callee);
  static const ObjectClass kClasses[] = {ObjectClass::kMap, ObjectClass::kSet, ObjectClass::kWeakMap,
                                         ObjectClass::kWeakSet};
  static const Intrinsic kProtos[] = {Intrinsic::kMapPrototype, Intrinsic::kSetPrototype,
                                      Intrinsic::kWeakMapPrototype, Intrinsic::kWeakSetPrototype};
  static const char* const kNames[] = {"Map", "Set", "WeakMap", "WeakSet"};
  int kind = self->magic;
  if (a.new_target.IsUndefined()) {
    return vm.ThrowError(ErrorKind::kTypeError, std::string("Constructor ") + kNames[kind] + " requires 'new'");
  }
  Object* proto = PrototypeFromConstructor(vm, a.new_target, CurrentRealm(vm).intrinsic(kProtos[kind]));
  CollectionObject* c = NewCollection(vm, proto, kClasses[kind]);
  if (c == nullptr) return Oom(vm);
  if (a.arg(0).IsNullish()) return Value::FromObject(c);
  return vm.RequestTailCall(self->data, Value::Undefined(), {Value::FromObject(c), a.arg(0)});
}

// ---- Map.prototype ----

Value MapGet(Vm& vm, CallArgs& a) {
  CollectionObject* m = ThisCollection(vm, a.this_value, ObjectClass::kMap, "Map.prototype.get");
  if (m == nullptr) return Value::Empty();
  const CollectionEntry* e = CollectionFind(m, a.arg(0));
  return e != nullptr ? e->value : Value::Undefined();
}

Value MapSet(Vm& vm, CallArgs& a) {
  CollectionObject* m = ThisCollection(vm, a.this_value, ObjectClass::kMap, "Map.prototype.set");
  if (m == nullptr) return Value::Empty();
  if (!CollectionSet(vm, m, a.arg(0), a.arg(1))) return Oom(vm);
  return a.this_value;
}

// has/delete/clear/size for all four kinds: magic is the ObjectClass.
Value CollectionHas(Vm& vm, CallArgs& a) {
  auto cls = static_cast<ObjectClass>(static_cast<NativeFunction*>(a.callee)->magic);
  CollectionObject* c = ThisCollection(vm, a.this_value, cls, "has");
  if (c == nullptr) return Value::Empty();
  return Value::Boolean(CollectionFind(c, a.arg(0)) != nullptr);
}

Value CollectionDeleteMethod(Vm& vm, CallArgs& a) {
  auto cls = static_cast<ObjectClass>(static_cast<NativeFunction*>(a.callee)->magic);
  CollectionObject* c = ThisCollection(vm, a.this_value, cls, "delete");
  if (c == nullptr) return Value::Empty();
  return Value::Boolean(CollectionDelete(vm, c, a.arg(0)));
}

Value CollectionClearMethod(Vm& vm, CallArgs& a) {
  auto cls = static_cast<ObjectClass>(static_cast<NativeFunction*>(a.callee)->magic);
  CollectionObject* c = ThisCollection(vm, a.this_value, cls, "clear");
  if (c == nullptr) return Value::Empty();
  CollectionClear(vm, c);
  return Value::Undefined();
}

Value CollectionSize(Vm& vm, CallArgs& a) {
  auto cls = static_cast<ObjectClass>(static_cast<NativeFunction*>(a.callee)->magic);
  CollectionObject* c = ThisCollection(vm, a.this_value, cls, "get size");
  if (c == nullptr) return Value::Empty();
  return Value::Number(c->data->live);
}

// keys/values/entries: magic = class * 4 + kind.
Value CollectionIterate(Vm& vm, CallArgs& a) {
  int magic = static_cast<NativeFunction*>(a.callee)->magic;
  auto cls = static_cast<ObjectClass>(magic / 4);
  CollectionObject* c = ThisCollection(vm, a.this_value, cls, "iterator");
  if (c == nullptr) return Value::Empty();
  Intrinsic proto = cls == ObjectClass::kMap ? Intrinsic::kMapIteratorPrototype : Intrinsic::kSetIteratorPrototype;
  CollectionIterator* it =
      NewCollectionIterator(vm, CurrentRealm(vm).intrinsic(proto), c, static_cast<uint8_t>(magic % 4));
  return it != nullptr ? Value::FromObject(it) : Oom(vm);
}

// %MapIteratorPrototype%.next / %SetIteratorPrototype%.next; magic: the
// collection class the iterator must belong to.
Value CollectionIteratorNextMethod(Vm& vm, CallArgs& a) {
  auto cls = static_cast<ObjectClass>(static_cast<NativeFunction*>(a.callee)->magic);
  Value t = a.this_value;
  if (!t.IsObject() || t.AsObject()->cls != ObjectClass::kCollectionIterator ||
      (static_cast<CollectionIterator*>(t.AsObject())->target != nullptr &&
       static_cast<CollectionIterator*>(t.AsObject())->target->cls != cls) ||
      t.AsObject()->proto == nullptr) {
    return vm.ThrowError(ErrorKind::kTypeError, "next method called on incompatible receiver");
  }
  auto* it = static_cast<CollectionIterator*>(t.AsObject());
  CollectionEntry e;
  Realm& realm = CurrentRealm(vm);
  if (!CollectionIteratorNext(it, &e)) {
    Object* r = NewIterResult(vm, realm, Value::Undefined(), true);
    return r != nullptr ? Value::FromObject(r) : Oom(vm);
  }
  Value v = it->kind == 0 ? e.key : e.value;
  if (it->kind == 2) {
    Object* pair = NewArray(vm, realm);
    if (pair == nullptr || !ArrayPush(vm, pair, e.key) || !ArrayPush(vm, pair, e.value)) return Oom(vm);
    v = Value::FromObject(pair);
  }
  Object* r = NewIterResult(vm, realm, v, false);
  return r != nullptr ? Value::FromObject(r) : Oom(vm);
}

// ---- Set.prototype ----

Value SetAdd(Vm& vm, CallArgs& a) {
  CollectionObject* s = ThisCollection(vm, a.this_value, ObjectClass::kSet, "Set.prototype.add");
  if (s == nullptr) return Value::Empty();
  Value k = NormalizeCollectionKey(a.arg(0));
  if (!CollectionSet(vm, s, k, k)) return Oom(vm);
  return a.this_value;
}

// ---- WeakMap.prototype / WeakSet.prototype ----

Value WeakMapGet(Vm& vm, CallArgs& a) {
  CollectionObject* m = ThisCollection(vm, a.this_value, ObjectClass::kWeakMap, "WeakMap.prototype.get");
  if (m == nullptr) return Value::Empty();
  const CollectionEntry* e = CanBeHeldWeakly(a.arg(0)) ? CollectionFind(m, a.arg(0)) : nullptr;
  return e != nullptr ? e->value : Value::Undefined();
}

Value WeakMapSet(Vm& vm, CallArgs& a) {
  CollectionObject* m = ThisCollection(vm, a.this_value, ObjectClass::kWeakMap, "WeakMap.prototype.set");
  if (m == nullptr) return Value::Empty();
  if (!CanBeHeldWeakly(a.arg(0))) return vm.ThrowError(ErrorKind::kTypeError, "Invalid value used as weak map key");
  if (!CollectionSet(vm, m, a.arg(0), a.arg(1))) return Oom(vm);
  return a.this_value;
}

Value WeakSetAdd(Vm& vm, CallArgs& a) {
  CollectionObject* s = ThisCollection(vm, a.this_value, ObjectClass::kWeakSet, "WeakSet.prototype.add");
  if (s == nullptr) return Value::Empty();
  if (!CanBeHeldWeakly(a.arg(0))) return vm.ThrowError(ErrorKind::kTypeError, "Invalid value used in weak set");
  if (!CollectionSet(vm, s, a.arg(0), a.arg(0))) return Oom(vm);
  return a.this_value;
}

// has/delete on weak collections: values that cannot be held are absent.
Value WeakHas(Vm& vm, CallArgs& a) {
  auto cls = static_cast<ObjectClass>(static_cast<NativeFunction*>(a.callee)->magic);
  CollectionObject* c = ThisCollection(vm, a.this_value, cls, "has");
  if (c == nullptr) return Value::Empty();
  return Value::Boolean(CanBeHeldWeakly(a.arg(0)) && CollectionFind(c, a.arg(0)) != nullptr);
}

Value WeakDelete(Vm& vm, CallArgs& a) {
  auto cls = static_cast<ObjectClass>(static_cast<NativeFunction*>(a.callee)->magic);
  CollectionObject* c = ThisCollection(vm, a.this_value, cls, "delete");
  if (c == nullptr) return Value::Empty();
  return Value::Boolean(CanBeHeldWeakly(a.arg(0)) && CollectionDelete(vm, c, a.arg(0)));
}

// Map.prototype.getOrInsert / WeakMap.prototype.getOrInsert ( key, value )
// (the upsert proposal); magic: the class.
Value GetOrInsert(Vm& vm, CallArgs& a) {
  auto cls = static_cast<ObjectClass>(static_cast<NativeFunction*>(a.callee)->magic);
  CollectionObject* c = ThisCollection(vm, a.this_value, cls, "getOrInsert");
  if (c == nullptr) return Value::Empty();
  if (cls == ObjectClass::kWeakMap && !CanBeHeldWeakly(a.arg(0))) {
    return vm.ThrowError(ErrorKind::kTypeError, "Invalid value used as weak map key");
  }
  if (const CollectionEntry* e = CollectionFind(c, a.arg(0))) return e->value;
  if (!CollectionSet(vm, c, a.arg(0), a.arg(1))) return Oom(vm);
  return a.arg(1);
}

Value NativeCanBeHeldWeakly(Vm& vm, CallArgs& a) { return Value::Boolean(CanBeHeldWeakly(a.arg(0))); }

Value SpeciesGetter(Vm& vm, CallArgs& a) { return a.this_value; }

// ---- Natives for the self-hosted parts ----

// isCollection(v, cls): v is a Map (0), Set (1), WeakMap (2) or WeakSet (3).
Value NativeIsCollection(Vm& vm, CallArgs& a) {
  static const ObjectClass kClasses[] = {ObjectClass::kMap, ObjectClass::kSet, ObjectClass::kWeakMap,
                                         ObjectClass::kWeakSet};
  int k = a.arg(1).IsNumber() ? static_cast<int>(a.arg(1).AsNumber()) : -1;
  return Value::Boolean(k >= 0 && k < 4 && a.arg(0).IsObject() && a.arg(0).AsObject()->cls == kClasses[k]);
}

CollectionObject* AsCollection(Value v) {
  if (!v.IsObject()) return nullptr;
  ObjectClass c = v.AsObject()->cls;
  if (c != ObjectClass::kMap && c != ObjectClass::kSet && c != ObjectClass::kWeakMap &&
      c != ObjectClass::kWeakSet) {
    return nullptr;
  }
  return static_cast<CollectionObject*>(v.AsObject());
}

// newMap() / newSet(): with the intrinsic prototypes.
Value NativeNewMap(Vm& vm, CallArgs& a) {
  CollectionObject* c = NewCollection(vm, CurrentRealm(vm).intrinsic(Intrinsic::kMapPrototype), ObjectClass::kMap);
  return c != nullptr ? Value::FromObject(c) : Oom(vm);
}
Value NativeNewSet(Vm& vm, CallArgs& a) {
  CollectionObject* c = NewCollection(vm, CurrentRealm(vm).intrinsic(Intrinsic::kSetPrototype), ObjectClass::kSet);
  return c != nullptr ? Value::FromObject(c) : Oom(vm);
}

// collectionGet(c, key) -> value or undefined; collectionHas(c, key);
// collectionAdd(c, key, value); collectionRemove(c, key); collectionSize(c).
Value NativeCollectionGet(Vm& vm, CallArgs& a) {
  CollectionObject* c = AsCollection(a.arg(0));
  const CollectionEntry* e = c != nullptr ? CollectionFind(c, a.arg(1)) : nullptr;
  return e != nullptr ? e->value : Value::Undefined();
}
Value NativeCollectionHas(Vm& vm, CallArgs& a) {
  CollectionObject* c = AsCollection(a.arg(0));
  return Value::Boolean(c != nullptr && CollectionFind(c, a.arg(1)) != nullptr);
}
Value NativeCollectionAdd(Vm& vm, CallArgs& a) {
  CollectionObject* c = AsCollection(a.arg(0));
  if (c == nullptr) return Value::Undefined();
  Value k = NormalizeCollectionKey(a.arg(1));
  return CollectionSet(vm, c, k, c->cls == ObjectClass::kSet ? k : a.arg(2)) ? Value::Undefined() : Oom(vm);
}
Value NativeCollectionRemove(Vm& vm, CallArgs& a) {
  CollectionObject* c = AsCollection(a.arg(0));
  return Value::Boolean(c != nullptr && CollectionDelete(vm, c, a.arg(1)));
}
Value NativeCollectionSize(Vm& vm, CallArgs& a) {
  CollectionObject* c = AsCollection(a.arg(0));
  return Value::Number(c != nullptr ? c->data->live : 0);
}
// collectionCursor(c): an internal iterator (no prototype) over entries.
Value NativeCollectionCursor(Vm& vm, CallArgs& a) {
  CollectionObject* c = AsCollection(a.arg(0));
  if (c == nullptr) return Value::Undefined();
  CollectionIterator* it = NewCollectionIterator(vm, nullptr, c, 2);
  return it != nullptr ? Value::FromObject(it) : Oom(vm);
}
// cursorNext(cursor, box): false at the end; else box[0], box[1] := key, value.
Value NativeCursorNext(Vm& vm, CallArgs& a) {
  if (!a.arg(0).IsObject() || a.arg(0).AsObject()->cls != ObjectClass::kCollectionIterator) {
    return Value::Boolean(false);
  }
  CollectionEntry e;
  if (!CollectionIteratorNext(static_cast<CollectionIterator*>(a.arg(0).AsObject()), &e)) {
    return Value::Boolean(false);
  }
  Object* box = a.arg(1).AsObject();
  if (!SetOwnData(vm, box, PropertyKey::Index(0), e.key) || !SetOwnData(vm, box, PropertyKey::Index(1), e.value)) {
    return Oom(vm);
  }
  return Value::Boolean(true);
}

}  // namespace

const std::vector<NativeBinding>& CollectionSelfHostNatives() {
  static const std::vector<NativeBinding> natives = {
      {"isCollection", NativeIsCollection, 2},
      {"newMap", NativeNewMap, 0},
      {"newSet", NativeNewSet, 0},
      {"collectionGet", NativeCollectionGet, 2},
      {"collectionHas", NativeCollectionHas, 2},
      {"collectionAdd", NativeCollectionAdd, 3},
      {"collectionRemove", NativeCollectionRemove, 2},
      {"collectionSize", NativeCollectionSize, 1},
      {"collectionCursor", NativeCollectionCursor, 1},
      {"cursorNext", NativeCursorNext, 2},
      {"canBeHeldWeakly", NativeCanBeHeldWeakly, 1},
  };
  return natives;
}

bool InstallCollections(Vm& vm, Realm& realm, const SelfHostedTable& sh) {
  struct Kind {
    const char* name;
    ObjectClass cls;
    Intrinsic proto;
    const char* initializer;
    const char* tag;
  };
  const Kind kinds[] = {
      {"Map", ObjectClass::kMap, Intrinsic::kMapPrototype, "MapInitialize", "Map"},
      {"Set", ObjectClass::kSet, Intrinsic::kSetPrototype, "SetInitialize", "Set"},
      {"WeakMap", ObjectClass::kWeakMap, Intrinsic::kWeakMapPrototype, "WeakMapInitialize", "WeakMap"},
      {"WeakSet", ObjectClass::kWeakSet, Intrinsic::kWeakSetPrototype, "WeakSetInitialize", "WeakSet"},
  };
  PropertyKey tag_key(Value::FromSymbol(vm.symbols().toStringTag));
  PropertyKey iter_key(Value::FromSymbol(vm.symbols().iterator));
  PropertyKey species_key(Value::FromSymbol(vm.symbols().species));
  auto method = [&](Object* target, const char* name, NativeFn fn, int length, int magic) {
    Object* f = DefineNativeMethod(vm, realm, target, name, fn, length);
    if (f != nullptr) static_cast<NativeFunction*>(f)->magic = magic;
    return f;
  };
  auto tag = [&](Object* target, const char* text) {
    String* s = vm.InternAscii(text);
    return s != nullptr && SetOwnData(vm, target, tag_key, Value::FromString(s), kConfigurable);
  };
  for (int i = 0; i < 4; ++i) {
    const Kind& k = kinds[i];
    Object* proto = realm.intrinsic(k.proto);
    Object* ctor = NewNativeFunction(vm, realm, k.name, CollectionConstructor, 0, true);
    if (ctor == nullptr) return false;
    auto* nf = static_cast<NativeFunction*>(ctor);
    nf->magic = i;
    nf->data = sh.Get(k.initializer);
    int cls = static_cast<int>(k.cls);
    bool weak = i >= 2;
    bool ok = DefineValue(vm, ctor, "prototype", Value::FromObject(proto), 0) &&
              DefineValue(vm, proto, "constructor", Value::FromObject(ctor)) &&
              DefineValue(vm, realm.global, k.name, Value::FromObject(ctor)) && tag(proto, k.tag) &&
              method(proto, "has", weak ? WeakHas : CollectionHas, 1, cls) != nullptr &&
              method(proto, "delete", weak ? WeakDelete : CollectionDeleteMethod, 1, cls) != nullptr;
    if (!ok) return false;
    if (weak) continue;
    if (!method(proto, "clear", CollectionClearMethod, 0, cls) ||
        !DefineGetter(vm, realm, proto, NameKey(vm, "size"), "size", CollectionSize) ||
        !DefineGetter(vm, realm, ctor, species_key, "[Symbol.species]", SpeciesGetter)) {
      return false;
    }
    // The size getter needs the class too.
    OwnProperty size_prop;
    if (GetOwnProperty(vm, proto, NameKey(vm, "size"), &size_prop)) {
      Value getter = ValueToAccessor(size_prop.value)->getter;
      static_cast<NativeFunction*>(getter.AsObject())->magic = cls;
    }
    if (!DefineSelfHostedMethod(vm, proto, "forEach", sh.Get(i == 0 ? "MapForEach" : "SetForEach"), 1)) {
      return false;
    }
  }
  Object* map_proto = realm.intrinsic(Intrinsic::kMapPrototype);
  Object* set_proto = realm.intrinsic(Intrinsic::kSetPrototype);
  int map_cls = static_cast<int>(ObjectClass::kMap);
  int set_cls = static_cast<int>(ObjectClass::kSet);
  Object* map_entries = method(map_proto, "entries", CollectionIterate, 0, map_cls * 4 + 2);
  Object* set_values = method(set_proto, "values", CollectionIterate, 0, set_cls * 4 + 1);
  if (!method(map_proto, "get", MapGet, 1, map_cls) || !method(map_proto, "set", MapSet, 2, map_cls) ||
      !method(map_proto, "keys", CollectionIterate, 0, map_cls * 4 + 0) ||
      !method(map_proto, "values", CollectionIterate, 0, map_cls * 4 + 1) || map_entries == nullptr ||
      !SetOwnData(vm, map_proto, iter_key, Value::FromObject(map_entries), kHiddenAttrs) ||
      !method(set_proto, "add", SetAdd, 1, set_cls) || set_values == nullptr ||
      !method(set_proto, "entries", CollectionIterate, 0, set_cls * 4 + 2) ||
      !DefineValue(vm, set_proto, "keys", Value::FromObject(set_values)) ||
      !SetOwnData(vm, set_proto, iter_key, Value::FromObject(set_values), kHiddenAttrs)) {
    return false;
  }
  Object* wm_proto = realm.intrinsic(Intrinsic::kWeakMapPrototype);
  Object* ws_proto = realm.intrinsic(Intrinsic::kWeakSetPrototype);
  if (!method(wm_proto, "get", WeakMapGet, 1, 0) || !method(wm_proto, "set", WeakMapSet, 2, 0) ||
      !method(ws_proto, "add", WeakSetAdd, 1, 0) ||
      !method(map_proto, "getOrInsert", GetOrInsert, 2, map_cls) ||
      !method(wm_proto, "getOrInsert", GetOrInsert, 2, static_cast<int>(ObjectClass::kWeakMap)) ||
      !DefineSelfHostedMethod(vm, map_proto, "getOrInsertComputed", sh.Get("MapGetOrInsertComputed"), 2) ||
      !DefineSelfHostedMethod(vm, wm_proto, "getOrInsertComputed", sh.Get("WeakMapGetOrInsertComputed"), 2)) {
    return false;
  }
  // Iterator prototypes.
  Object* map_iter = realm.intrinsic(Intrinsic::kMapIteratorPrototype);
  Object* set_iter = realm.intrinsic(Intrinsic::kSetIteratorPrototype);
  if (!method(map_iter, "next", CollectionIteratorNextMethod, 0, map_cls) || !tag(map_iter, "Map Iterator") ||
      !method(set_iter, "next", CollectionIteratorNextMethod, 0, set_cls) || !tag(set_iter, "Set Iterator")) {
    return false;
  }
  // Self-hosted statics and set methods.
  OwnProperty map_ctor;
  if (!GetOwnProperty(vm, realm.global, NameKey(vm, "Map"), &map_ctor)) return false;
  if (!DefineSelfHostedMethod(vm, map_ctor.value.AsObject(), "groupBy", sh.Get("MapGroupBy"), 2) ||
      !DefineSelfHostedMethod(vm, realm.intrinsic(Intrinsic::kObject), "groupBy", sh.Get("ObjectGroupBy"), 2)) {
    return false;
  }
  struct SetMethod {
    const char* name;
    const char* impl;
  };
  const SetMethod set_methods[] = {
      {"union", "SetUnion"},
      {"intersection", "SetIntersection"},
      {"difference", "SetDifference"},
      {"symmetricDifference", "SetSymmetricDifference"},
      {"isSubsetOf", "SetIsSubsetOf"},
      {"isSupersetOf", "SetIsSupersetOf"},
      {"isDisjointFrom", "SetIsDisjointFrom"},
  };
  for (const SetMethod& m : set_methods) {
    if (!DefineSelfHostedMethod(vm, set_proto, m.name, sh.Get(m.impl), 1)) return false;
  }
  return true;
}

}  // namespace ratchet::internal
