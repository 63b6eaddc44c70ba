// 23.1 Array Objects, https://tc39.es/ecma262/#sec-array-objects
// Methods that call back into JavaScript are self-hosted (runtime/selfhost/*.js).
#include "runtime/builtins/builtins.h"
#include "vm/interpreter.h"

namespace ratchet::internal {

namespace {

// The receiver when the native fast path applies (an array with dense
// storage and a writable length), else null. `no_holes`: every element is
// present too (methods that move elements; a hole would read the prototype
// chain) — checked in O(n) only by methods that are O(n) anyway.
// Indexed properties on the prototype chain (a setter, or a read-only
// element, would change what storing a new element does) also need the
// generic algorithm.
Object* FastArray(CallArgs& a, bool no_holes = false) {
  if (!a.this_value.IsObject()) return nullptr;
  Object* o = a.this_value.AsObject();
  if (!o->is_array() || !o->length_writable || o->sparse != nullptr) return nullptr;
  for (Object* p = o->proto; p != nullptr; p = p->proto) {
    if (p->elements_size != 0 || p->sparse != nullptr || p->is_proxy() || p->cls == ObjectClass::kTypedArray ||
        p->cls == ObjectClass::kString || p->cls == ObjectClass::kArguments) {
      return nullptr;
    }
  }
  if (no_holes) {
    if (o->elements_size != o->array_length) return nullptr;
    for (uint32_t i = 0; i < o->elements_size; ++i) {
      if (o->elements[i].IsEmpty()) return nullptr;
    }
  }
  return o;
}

// Everything else runs the spec's generic algorithm, self-hosted (the
// native's data): array-likes, holes, accessors, frozen lengths.
Value Generic(Vm& vm, CallArgs& a) {
  Value generic = static_cast<NativeFunction*>(a.callee)->data;
  std::vector<Value> args(a.args, a.args + a.argc);
  return vm.RequestTailCall(generic, a.this_value, std::move(args));
}

// 23.1.1.1 Array ( ...values )
Value ArrayConstructor(Vm& vm, CallArgs& a) {
  Realm& realm = *vm.current_realm();
  // 3. proto = GetPrototypeFromConstructor(newTarget, "%Array.prototype%"):
  // a subclass's prototype (super() from class C extends Array).
  Object* default_proto = realm.intrinsic(Intrinsic::kArrayPrototype);
  Object* proto = a.new_target.IsObject() && a.new_target.AsObject() != a.callee
                      ? PrototypeFromConstructor(vm, a.new_target, default_proto)
                      : default_proto;
  if (proto == nullptr) return Value::Empty();
  if (a.argc == 1 && a.args[0].IsNumber()) {
    double len = a.args[0].AsNumber();
    if (len < 0 || len != static_cast<double>(static_cast<uint32_t>(len))) {
      return vm.ThrowError(ErrorKind::kRangeError, "Invalid array length");
    }
    Object* arr = NewArray(vm, realm, static_cast<uint32_t>(len));
    if (arr == nullptr) return Oom(vm);
    arr->proto = proto;
    return Value::FromObject(arr);
  }
  Object* arr = NewArray(vm, realm);
  if (arr == nullptr) return Oom(vm);
  arr->proto = proto;
  for (uint32_t i = 0; i < a.argc; ++i) {
    if (!ArrayPush(vm, arr, a.args[i])) return Oom(vm);
  }
  return Value::FromObject(arr);
}

// 23.1.2.2 Array.isArray ( arg )
Value ArrayIsArray(Vm& vm, CallArgs& a) {
  int r = IsArrayValue(vm, a.arg(0));
  return r < 0 ? Value::Empty() : Value::Boolean(r == 1);
}

// 23.1.2.3 Array.of ( ...items )
Value ArrayOf(Vm& vm, CallArgs& a) {
  auto* self = static_cast<NativeFunction*>(a.callee);
  if (!a.this_value.IsObject() || a.this_value.AsObject() != self->realm->intrinsic(Intrinsic::kArray)) {
    // Another constructor (a subclass, or anything): the self-hosted algorithm.
    return vm.RequestTailCall(self->data, a.this_value, std::vector<Value>(a.args, a.args + a.argc));
  }
  Object* arr = NewArray(vm, *vm.current_realm());
  if (arr == nullptr) return Oom(vm);
  for (uint32_t i = 0; i < a.argc; ++i) {
    if (!ArrayPush(vm, arr, a.args[i])) return Oom(vm);
  }
  return Value::FromObject(arr);
}

// 23.1.3.23 Array.prototype.push ( ...items )
Value ArrayProtoPush(Vm& vm, CallArgs& a) {
  Object* arr = FastArray(a);
  if (arr == nullptr || !arr->extensible ||
      static_cast<uint64_t>(arr->array_length) + a.argc > 0xFFFFFFFEull) {
    return Generic(vm, a);
  }
  for (uint32_t i = 0; i < a.argc; ++i) {
    if (!ArrayPush(vm, arr, a.args[i])) return Oom(vm);
  }
  return Value::Number(arr->array_length);
}

// 23.1.3.22 Array.prototype.pop ( )
Value ArrayProtoPop(Vm& vm, CallArgs& a) {
  Object* arr = FastArray(a);
  if (arr == nullptr || arr->array_length == 0 || arr->elements_size != arr->array_length ||
      arr->elements[arr->array_length - 1].IsEmpty()) {
    return Generic(vm, a);
  }
  uint32_t i = arr->array_length - 1;
  Value v = arr->elements[i];
  SetArrayLength(vm, arr, i);
  return v;
}

// Moves elements of a dense array (shift/unshift).
Value ArrayProtoShift(Vm& vm, CallArgs& a) {
  Object* arr = FastArray(a, true);
  if (arr == nullptr || arr->array_length == 0) return Generic(vm, a);
  Value first = arr->elements[0];
  for (uint32_t i = 1; i < arr->elements_size; ++i) arr->elements[i - 1] = arr->elements[i];
  arr->elements_size--;
  arr->array_length--;
  return first.IsEmpty() ? Value::Undefined() : first;
}

Value ArrayProtoUnshift(Vm& vm, CallArgs& a) {
  Object* arr = FastArray(a, true);
  if (arr == nullptr || !arr->extensible ||
      static_cast<uint64_t>(arr->array_length) + a.argc > 0xFFFFFFFEull) {
    return Generic(vm, a);
  }
  uint32_t n = a.argc;
  uint32_t old = arr->array_length;
  for (uint32_t i = 0; i < n; ++i) {
    if (!ArrayPush(vm, arr, Value::Undefined())) return Oom(vm);
  }
  for (uint32_t i = old; i-- > 0;) arr->elements[i + n] = arr->elements[i];
  for (uint32_t i = 0; i < n; ++i) arr->elements[i] = a.args[i];
  return Value::Number(arr->array_length);
}

// 23.1.3.26 Array.prototype.reverse ( )
Value ArrayProtoReverse(Vm& vm, CallArgs& a) {
  Object* arr = FastArray(a, true);
  if (arr == nullptr) return Generic(vm, a);
  for (uint32_t i = 0, j = arr->elements_size; i + 1 < j; ++i, --j) {
    std::swap(arr->elements[i], arr->elements[j - 1]);
  }
  return a.this_value;
}

// Array.prototype.join's parts that need no code to run and no allocation
// to convert: strings, int32 numbers, booleans, null and undefined.
uint32_t Int32Digits(int32_t v) {
  uint32_t n = v < 0 ? 2 : 1;
  for (uint32_t u = v < 0 ? 0u - static_cast<uint32_t>(v) : static_cast<uint32_t>(v); u >= 10; u /= 10) ++n;
  return n;
}
bool JoinPartLength(Value v, uint32_t* length, bool* one_byte) {
  if (v.IsString()) {
    *length = v.AsString()->length;
    *one_byte = v.AsString()->is_one_byte();
  } else if (v.IsInt32()) {
    *length = Int32Digits(v.AsInt32());
  } else if (v.IsBoolean()) {
    *length = v.AsBoolean() ? 4 : 5;
  } else if (v.IsNullish()) {
    *length = 0;
  } else {
    return false;
  }
  return true;
}
template <typename Char>
Char* AppendJoinPart(Char* out, Value v) {
  if (v.IsString()) {
    String* s = v.AsString();
    for (uint32_t i = 0; i < s->length; ++i) *out++ = static_cast<Char>(s->At(i));
  } else if (v.IsInt32()) {
    int32_t x = v.AsInt32();
    uint32_t n = Int32Digits(x);
    uint32_t u = x < 0 ? 0u - static_cast<uint32_t>(x) : static_cast<uint32_t>(x);
    if (x < 0) *out = '-';
    for (Char* p = out + n - 1; p >= out + (x < 0 ? 1 : 0); --p, u /= 10) *p = static_cast<Char>('0' + u % 10);
    out += n;
  } else if (v.IsBoolean()) {
    for (const char* c = v.AsBoolean() ? "true" : "false"; *c != 0; ++c) *out++ = static_cast<Char>(*c);
  }
  return out;
}
template <typename Char>
void FillJoin(Char* out, Object* arr, String* sep) {
  for (uint32_t k = 0; k < arr->array_length; ++k) {
    if (k > 0) out = AppendJoinPart(out, Value::FromString(sep));
    out = AppendJoinPart(out, arr->elements[k]);
  }
}

// 23.1.3.18 Array.prototype.join ( separator ) on a dense array of the parts
// above with a string separator (or none); anything else (holes, objects
// whose toString runs code, doubles, symbols) takes the generic algorithm.
Value ArrayProtoJoin(Vm& vm, CallArgs& a) {
  Object* arr = FastArray(a, /*no_holes=*/true);
  Value sep_arg = a.arg(0);
  if (arr == nullptr || !(sep_arg.IsUndefined() || sep_arg.IsString())) return Generic(vm, a);
  String* sep = sep_arg.IsString() ? sep_arg.AsString() : vm.InternAscii(",");
  if (sep == nullptr) return Oom(vm);
  uint64_t total = arr->array_length > 0 ? static_cast<uint64_t>(sep->length) * (arr->array_length - 1) : 0;
  bool one_byte = sep->is_one_byte();
  for (uint32_t k = 0; k < arr->array_length; ++k) {
    uint32_t length;
    bool part_one_byte = true;
    if (!JoinPartLength(arr->elements[k], &length, &part_one_byte)) return Generic(vm, a);
    total += length;
    one_byte = one_byte && part_one_byte;
  }
  if (total > kMaxStringLength) return Generic(vm, a);  // it throws the RangeError
  String* r = NewRawString(vm, static_cast<uint32_t>(total), one_byte);
  if (r == nullptr) return Oom(vm);
  if (one_byte) {
    FillJoin(r->mutable_chars8(), arr, sep);
  } else {
    FillJoin(r->mutable_chars16(), arr, sep);
  }
  return Value::FromString(r);
}

// 23.1.3.7 Array.prototype.fill ( value [ , start [ , end ] ] ) on arrays.
Value ArrayProtoFill(Vm& vm, CallArgs& a) {
  Object* arr = FastArray(a);
  if (arr == nullptr || a.arg(1).IsObject() || a.arg(2).IsObject()) return Generic(vm, a);
  double len = arr->array_length;
  auto rel = [&](Value v, double dflt) -> double {
    if (v.IsUndefined()) return dflt;
    double d;
    if (!ArgToNumber(vm, v, &d)) return -1;
    d = ToIntegerOrInfinity(d);
    if (d < 0) return std::max(0.0, len + d);
    return std::min(d, len);
  };
  double start = rel(a.arg(1), 0);
  double end = rel(a.arg(2), len);
  if (start < 0 || end < 0) return Value::Empty();
  if (end - start > 0 && !vm.heap().CanAllocate(static_cast<size_t>(end) * sizeof(Value))) return Oom(vm);
  for (uint32_t i = static_cast<uint32_t>(start); i < end; ++i) {
    if (!SetOwnData(vm, arr, PropertyKey::Index(i), a.arg(0))) return Oom(vm);
  }
  return a.this_value;
}

}  // namespace

bool InstallArray(Vm& vm, Realm& realm, const SelfHostedTable& sh) {
  Object* proto = realm.intrinsic(Intrinsic::kArrayPrototype);
  Object* ctor = NewNativeFunction(vm, realm, "Array", ArrayConstructor, 1, true);
  if (ctor == nullptr) return false;
  realm.intrinsics[static_cast<int>(Intrinsic::kArray)] = ctor;
  bool ok = DefineValue(vm, ctor, "prototype", Value::FromObject(proto), 0) &&
            DefineValue(vm, proto, "constructor", Value::FromObject(ctor)) &&
            DefineValue(vm, realm.global, "Array", Value::FromObject(ctor)) &&
            DefineNativeMethod(vm, realm, ctor, "isArray", ArrayIsArray, 1) &&
            DefineNativeMethod(vm, realm, ctor, "of", ArrayOf, 0) != nullptr;
  if (ok) {
    OwnProperty of;
    ok = GetOwnProperty(vm, ctor, NameKey(vm, "of"), &of) && of.value.IsObject();
    if (ok) static_cast<NativeFunction*>(of.value.AsObject())->data = sh.Get("ArrayOf");
  }
  // Native fast paths for dense arrays, each with its generic self-hosted
  // algorithm for everything else.
  struct Fast {
    const char* name;
    NativeFn fn;
    int length;
    const char* generic;
  };
  static const Fast kFast[] = {
      {"push", ArrayProtoPush, 1, "ArrayPushGeneric"},
      {"pop", ArrayProtoPop, 0, "ArrayPopGeneric"},
      {"shift", ArrayProtoShift, 0, "ArrayShiftGeneric"},
      {"unshift", ArrayProtoUnshift, 1, "ArrayUnshiftGeneric"},
      {"reverse", ArrayProtoReverse, 0, "ArrayReverseGeneric"},
      {"fill", ArrayProtoFill, 1, "ArrayFillGeneric"},
      {"join", ArrayProtoJoin, 1, "ArrayJoin"},
  };
  for (const Fast& f : kFast) {
    Object* fn = ok ? DefineNativeMethod(vm, realm, proto, f.name, f.fn, f.length) : nullptr;
    ok = fn != nullptr && sh.Get(f.generic).IsObject();
    if (ok) static_cast<NativeFunction*>(fn)->data = sh.Get(f.generic);
  }
  struct S {
    const char* name;
    const char* self_hosted;
    int length;
  };
  static const S kSelfHosted[] = {
      {"toString", "ArrayToString", 0},
      {"forEach", "ArrayForEach", 1}, {"map", "ArrayMap", 1},
      {"filter", "ArrayFilter", 1},   {"some", "ArraySome", 1},
      {"every", "ArrayEvery", 1},     {"reduce", "ArrayReduce", 1},
      {"find", "ArrayFind", 1},       {"findIndex", "ArrayFindIndex", 1},
      {"indexOf", "ArrayIndexOf", 1}, {"includes", "ArrayIncludes", 1},
      {"slice", "ArraySlice", 2},     {"concat", "ArrayConcat", 1},
      {"toLocaleString", "ArrayToLocaleString", 0},
      {"sort", "ArraySort", 1},       {"keys", "ArrayKeys", 0},
      {"entries", "ArrayEntries", 0}, {"values", "ArrayValues", 0},
      {"reduceRight", "ArrayReduceRight", 1}, {"lastIndexOf", "ArrayLastIndexOf", 1},
      {"findLast", "ArrayFindLast", 1}, {"findLastIndex", "ArrayFindLastIndex", 1},
      {"at", "ArrayAt", 1}, {"splice", "ArraySplice", 2},
      {"copyWithin", "ArrayCopyWithin", 2}, {"flat", "ArrayFlat", 0},
      {"flatMap", "ArrayFlatMap", 1}, {"toReversed", "ArrayToReversed", 0},
      {"toSorted", "ArrayToSorted", 1}, {"toSpliced", "ArrayToSpliced", 2},
      {"with", "ArrayWith", 2},
  };
  for (const S& s : kSelfHosted) ok = ok && DefineSelfHostedMethod(vm, proto, s.name, sh.Get(s.self_hosted), s.length);
  // 23.1.2.5 get Array [ %Symbol.species% ]
  ok = ok && DefineGetter(vm, realm, ctor, PropertyKey(Value::FromSymbol(vm.symbols().species)), "[Symbol.species]",
                          [](Vm& vm, CallArgs& a) -> Value { return a.this_value; });
  ok = ok && DefineSelfHostedMethod(vm, ctor, "from", sh.Get("ArrayFrom"), 1) &&
       DefineSelfHostedMethod(vm, ctor, "fromAsync", sh.Get("ArrayFromAsync"), 1);
  // 23.1.3.41 Array.prototype [ %Symbol.unscopables% ]
  Object* unscopables = NewObject(vm, nullptr);
  if (unscopables == nullptr) return false;
  for (const char* name : {"at", "copyWithin", "entries", "fill", "find", "findIndex", "findLast",
                           "findLastIndex", "flat", "flatMap", "includes", "keys", "toReversed",
                           "toSorted", "toSpliced", "values"}) {
    ok = ok && DefineValue(vm, unscopables, name, Value::Boolean(true), kDefaultAttrs);
  }
  ok = ok && SetOwnData(vm, proto, PropertyKey(Value::FromSymbol(vm.symbols().unscopables)),
                        Value::FromObject(unscopables), kConfigurable);
  if (!ok) return false;
  Value values = sh.Get("ArrayValues");
  realm.intrinsics[static_cast<int>(Intrinsic::kArrayProtoValues)] = values.AsObject();
  Object* iter_proto = realm.intrinsic(Intrinsic::kIteratorPrototype);
  Object* array_iter_proto = realm.intrinsic(Intrinsic::kArrayIteratorPrototype);
  Object* string_iter_proto = realm.intrinsic(Intrinsic::kStringIteratorPrototype);
  Value iter_self = sh.Get("IteratorPrototypeIterator");
  String* iter_name = NewStringFromLatin1(vm, "[Symbol.iterator]");
  String* tag = NewStringFromLatin1(vm, "Array Iterator");
  String* stag = NewStringFromLatin1(vm, "String Iterator");
  if (iter_name == nullptr || tag == nullptr || stag == nullptr) return false;
  PropertyKey iter_key(Value::FromSymbol(vm.symbols().iterator));
  PropertyKey tag_key(Value::FromSymbol(vm.symbols().toStringTag));
  Value next = sh.Get("ArrayIteratorNext");
  Value string_next = sh.Get("StringIteratorNext");
  if (!next.IsObject() || !string_next.IsObject()) return false;
  // IterNextFast recognizes them.
  realm.intrinsics[static_cast<int>(Intrinsic::kArrayIteratorNext)] = next.AsObject();
  realm.intrinsics[static_cast<int>(Intrinsic::kStringIteratorNext)] = string_next.AsObject();
  return SetOwnData(vm, proto, iter_key, values, kHiddenAttrs) &&
         SetFunctionNameAndLength(vm, iter_self.AsObject(), Value::FromString(iter_name), 0) &&
         SetOwnData(vm, iter_proto, iter_key, iter_self, kHiddenAttrs) &&
         DefineSelfHostedMethod(vm, array_iter_proto, "next", next, 0) &&
         SetOwnData(vm, array_iter_proto, tag_key, Value::FromString(tag), kConfigurable) &&
         DefineSelfHostedMethod(vm, string_iter_proto, "next", string_next, 0) &&
         SetOwnData(vm, string_iter_proto, tag_key, Value::FromString(stag), kConfigurable);
}

}  // namespace ratchet::internal
