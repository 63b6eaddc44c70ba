#include "runtime/realm.h"

#include <cmath>
#include <cstring>
#include <memory>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "compiler/codegen.h"
#include "compiler/parser.h"
#include "compiler/scope.h"
#include "compiler/serialize.h"
#include "runtime/selfhost_snapshot.h"
#include "runtime/builtins/builtins.h"
#include "runtime/loader.h"
#include "runtime/module.h"
#include "vm/interpreter.h"
#include "vm/slow_paths.h"

namespace ratchet::internal {

extern const char kSelfHostedSource[];

namespace {

// ---- Natives bound in the self-hosted library's environment ----------------

Value NativeCallFunction(Vm& vm, CallArgs& a) {
  std::vector<Value> args;
  for (uint32_t i = 2; i < a.argc; ++i) args.push_back(a.args[i]);
  return vm.RequestTailCall(a.arg(0), a.arg(1), std::move(args));
}

Value NativeThrowTypeError(Vm& vm, CallArgs& a) {
  Value m = a.arg(0);
  return vm.ThrowError(ErrorKind::kTypeError, m.IsString() ? ToUtf8(m.AsString()) : "TypeError");
}

Value NativeThrowRangeError(Vm& vm, CallArgs& a) {
  Value m = a.arg(0);
  return vm.ThrowError(ErrorKind::kRangeError, m.IsString() ? ToUtf8(m.AsString()) : "RangeError");
}

// retryNative(fn, this, newTarget, args): calls fn again (a tail call).
Value NativeRetryNative(Vm& vm, CallArgs& a) {
  Object* arr = a.arg(3).AsObject();
  std::vector<Value> args;
  for (uint32_t i = 0; i < arr->array_length && i < arr->elements_size; ++i) args.push_back(arr->elements[i]);
  return vm.RequestTailCall(a.arg(0), a.arg(1), std::move(args), a.arg(2));
}

Value NativeIsCallable(Vm& vm, CallArgs& a) { return Value::Boolean(IsCallable(a.arg(0))); }

Value NativeOrdinaryHasInstance(Vm& vm, CallArgs& a) {
  Value c = a.arg(0), o = a.arg(1);
  if (!IsCallable(c)) return Value::Boolean(false);
  Object* t = c.AsObject();
  while (t->cls == ObjectClass::kBound) t = static_cast<BoundFunction*>(t)->target;
  if (!o.IsObject()) return Value::Boolean(false);
  if (t->is_proxy() || ChainHasProxy(o.AsObject())) {
    return ProxyHandOver(vm, SelfHosted::kOrdinaryHasInstanceSlow, {Value::FromObject(t), o});
  }
  OwnProperty prop;
  Object* holder;
  Object* proxy = nullptr;
  bool found = LookupPropertyOrProxy(vm, t, PropertyKey(Value::FromString(vm.atoms().prototype)), &prop, &holder,
                                     &proxy);
  if (proxy != nullptr || (found && (prop.attrs & kAccessorBit))) {
    return ProxyHandOver(vm, SelfHosted::kOrdinaryHasInstanceSlow, {Value::FromObject(t), o});
  }
  if (!found || !prop.value.IsObject()) {
    return vm.ThrowError(ErrorKind::kTypeError, "Function has non-object prototype in instanceof check");
  }
  for (Object* p = o.AsObject()->proto; p != nullptr; p = p->proto) {
    if (p == prop.value.AsObject()) return Value::Boolean(true);
  }
  return Value::Boolean(false);
}

Value NativeNewArray(Vm& vm, CallArgs& a) {
  Object* arr = NewArray(vm, *vm.current_realm());
  return arr ? Value::FromObject(arr) : Oom(vm);
}

Value NativeNewArrayWithLength(Vm& vm, CallArgs& a) {
  double n = a.arg(0).IsNumber() ? a.arg(0).AsNumber() : 0;
  if (n > 4294967295.0) return vm.ThrowError(ErrorKind::kRangeError, "Invalid array length");
  Object* arr = NewArray(vm, *vm.current_realm(), static_cast<uint32_t>(n));
  return arr ? Value::FromObject(arr) : Oom(vm);
}

// ArraySpeciesCreate step 4.b: another realm's %Array%.
Value NativeIsForeignArrayConstructor(Vm& vm, CallArgs& a) {
  Value c = a.arg(0);
  if (!c.IsObject() || c.AsObject()->cls != ObjectClass::kNative) return Value::Boolean(false);
  Realm* r = static_cast<NativeFunction*>(c.AsObject())->realm;
  return Value::Boolean(r != nullptr && r != vm.current_realm() && r->intrinsic(Intrinsic::kArray) == c.AsObject());
}

// hasOwn(o, key): [[GetOwnProperty]] is not undefined (key a property key).
Value NativeHasOwn(Vm& vm, CallArgs& a) {
  if (!a.arg(0).IsObject()) return Value::Boolean(false);
  PropertyKey k = PrimitiveToPropertyKey(vm, a.arg(1));
  if (k.v.IsEmpty()) return Value::Empty();
  OwnProperty prop;
  return Value::Boolean(GetOwnProperty(vm, a.arg(0).AsObject(), k, &prop));
}

// deleteGlobalBinding(name): 9.1.1.4.7 DeleteBinding of the current
// realm's global environment (a lexical declaration is not deletable).
Value NativeDeleteGlobalBinding(Vm& vm, CallArgs& a) {
  Realm& realm = *vm.current_realm();
  String* name = vm.Intern(a.arg(0).AsString());
  if (name == nullptr) return Oom(vm);
  if (realm.lexicals->contains(Value::FromString(name).bits())) return Value::Boolean(false);
  return Value::Boolean(DeleteOwnProperty(vm, realm.global, PropertyKey(Value::FromString(name))));
}

Value NativeNewRecord(Vm& vm, CallArgs& a) {
  Object* o = NewObject(vm, nullptr);
  return o ? Value::FromObject(o) : Oom(vm);
}

Value NativeNewObject(Vm& vm, CallArgs& a) {
  Object* o = NewObject(vm, vm.current_realm()->intrinsic(Intrinsic::kObjectPrototype));
  return o ? Value::FromObject(o) : Oom(vm);
}

Value NativeArrayPush(Vm& vm, CallArgs& a) {
  if (!a.arg(0).IsObject() || !ArrayPush(vm, a.arg(0).AsObject(), a.arg(1))) return Oom(vm);
  return Value::Undefined();
}

Value NativeToObject(Vm& vm, CallArgs& a) {
  Object* o = ToObject(vm, *vm.current_realm(), a.arg(0));
  return o ? Value::FromObject(o) : Value::Empty();
}

Value NativeOwnKeys(Vm& vm, CallArgs& a) {
  if (!a.arg(0).IsObject()) return vm.ThrowError(ErrorKind::kTypeError, "not an object");
  if (a.arg(0).AsObject()->is_proxy()) return ProxyHandOver(vm, SelfHosted::kProxyOwnKeys, {a.arg(0)});
  std::vector<PropertyKey> keys;
  OwnPropertyKeys(vm, a.arg(0).AsObject(), &keys);
  Object* arr = NewArray(vm, *vm.current_realm());
  if (arr == nullptr) return Oom(vm);
  for (PropertyKey k : keys) {
    Value v = k.v;
    if (k.IsIndex()) {
      String* s = NumberToString(vm, k.index());
      if (s == nullptr) return Oom(vm);
      v = Value::FromString(s);
    }
    if (!ArrayPush(vm, arr, v)) return Oom(vm);
  }
  return Value::FromObject(arr);
}

PropertyKey KeyArg(Vm& vm, Value v) { return PrimitiveToPropertyKey(vm, v); }

Value NativeIsEnumerable(Vm& vm, CallArgs& a) {
  if (!a.arg(0).IsObject()) return Value::Boolean(false);
  PropertyKey k = KeyArg(vm, a.arg(1));
  if (k.v.IsEmpty()) return Value::Empty();
  if (a.arg(0).AsObject()->is_proxy()) {
    return ProxyHandOver(vm, SelfHosted::kProxyHasOwn, {a.arg(0), a.arg(1), Value::Boolean(true)});
  }
  OwnProperty prop;
  return Value::Boolean(GetOwnProperty(vm, a.arg(0).AsObject(), k, &prop) && (prop.attrs & kEnumerable));
}

Value NativeCreateDataPropertyOrFalse(Vm& vm, CallArgs& a) {
  PropertyKey k = KeyArg(vm, a.arg(1));
  if (k.v.IsEmpty()) return Value::Empty();
  if (a.arg(0).AsObject()->is_proxy()) {
    return ProxyHandOver(vm, SelfHosted::kProxyCreateDataProperty,
                         {a.arg(0), PropertyKeyValue(vm, k), a.arg(2), Value::Boolean(false)});
  }
  PropertyDescriptor d;
  d.value = a.arg(2);
  d.writable = d.enumerable = d.configurable = 1;
  DefineResult r = DefineOwnProperty(vm, a.arg(0).AsObject(), k, d);
  if (r == DefineResult::kOutOfMemory) return Oom(vm);
  return Value::Boolean(r == DefineResult::kOk);
}

Value NativeDeleteOrFalse(Vm& vm, CallArgs& a) {
  PropertyKey k = KeyArg(vm, a.arg(1));
  if (k.v.IsEmpty()) return Value::Empty();
  if (a.arg(0).AsObject()->is_proxy()) {
    return ProxyHandOver(vm, SelfHosted::kProxyDelete, {a.arg(0), PropertyKeyValue(vm, k), Value::Boolean(false)});
  }
  return Value::Boolean(DeleteOwnProperty(vm, a.arg(0).AsObject(), k));
}

Value NativeCreateDataProperty(Vm& vm, CallArgs& a) {
  if (!a.arg(0).IsObject()) return vm.ThrowError(ErrorKind::kTypeError, "not an object");
  PropertyKey k = KeyArg(vm, a.arg(1));
  if (k.v.IsEmpty()) return Value::Empty();
  if (a.arg(0).AsObject()->is_proxy()) {
    return ProxyHandOver(vm, SelfHosted::kProxyCreateDataProperty,
                         {a.arg(0), PropertyKeyValue(vm, k), a.arg(2), Value::Boolean(true)});
  }
  PropertyDescriptor d;
  d.value = a.arg(2);
  d.writable = d.enumerable = d.configurable = 1;
  switch (DefineOwnProperty(vm, a.arg(0).AsObject(), k, d)) {
    case DefineResult::kOk:
      return Value::Boolean(true);
    case DefineResult::kRejected:
      return vm.ThrowError(ErrorKind::kTypeError, "Cannot define property");
    case DefineResult::kOutOfMemory:
      return Oom(vm);
  }
  return Value::Undefined();
}

Value NativeMathFloor(Vm& vm, CallArgs& a) {
  return Value::Number(std::floor(a.arg(0).IsNumber() ? a.arg(0).AsNumber() : NAN));
}

Value NativeObjectToString(Vm& vm, CallArgs& a) {
  String* s = ObjectToStringTag(vm, a.arg(0));
  return s ? Value::FromString(s) : Value::Empty();
}

Value NativeIsArray(Vm& vm, CallArgs& a) {
  int r = IsArrayValue(vm, a.arg(0));
  return r < 0 ? Value::Empty() : Value::Boolean(r == 1);
}

Value NativeSetLength(Vm& vm, CallArgs& a) {
  if (a.arg(0).IsObject() && a.arg(0).AsObject()->is_array() && a.arg(1).IsNumber()) {
    SetArrayLength(vm, a.arg(0).AsObject(), static_cast<uint32_t>(a.arg(1).AsNumber()));
  }
  return Value::Undefined();
}

Value NewIteratorObject(Vm& vm, Intrinsic proto, Value target, int32_t kind) {
  Object* it = NewIteratorObject(vm, *vm.current_realm(), proto, target, kind);
  return it == nullptr ? Oom(vm) : Value::FromObject(it);
}

Value NativeNewArrayIterator(Vm& vm, CallArgs& a) {
  return NewIteratorObject(vm, Intrinsic::kArrayIteratorPrototype, a.arg(0),
                           a.arg(1).IsInt32() ? a.arg(1).AsInt32() : 1);
}

Value NativeNewStringIterator(Vm& vm, CallArgs& a) {
  return NewIteratorObject(vm, Intrinsic::kStringIteratorPrototype, a.arg(0), 0);
}

Value NativeArrayIteratorState(Vm& vm, CallArgs& a) {
  Value it = a.arg(0);
  // Array and string iterators keep [target, index, kind]; other built-in
  // iterators (Iterator.from's wrappers) keep other shapes.
  if (!it.IsObject() || it.AsObject()->cls != ObjectClass::kIterator ||
      !static_cast<PrimitiveObject*>(it.AsObject())->primitive.IsObject() ||
      static_cast<PrimitiveObject*>(it.AsObject())->primitive.AsObject()->array_length != 3) {
    return vm.ThrowError(ErrorKind::kTypeError, "next method called on an incompatible receiver");
  }
  return static_cast<PrimitiveObject*>(it.AsObject())->primitive;
}

Value NativeIterResult(Vm& vm, CallArgs& a) {
  Object* o = NewObject(vm, vm.current_realm()->intrinsic(Intrinsic::kObjectPrototype));
  if (o == nullptr || !SetOwnData(vm, o, PropertyKey(Value::FromString(vm.atoms().value)), a.arg(0)) ||
      !SetOwnData(vm, o, PropertyKey(Value::FromString(vm.atoms().done)), a.arg(1))) {
    return Oom(vm);
  }
  return Value::FromObject(o);
}

Value NativeFunctionToString(Vm& vm, CallArgs& a) {
  if (!IsCallable(a.arg(0))) {
    return vm.ThrowError(ErrorKind::kTypeError, "Function.prototype.toString requires a function");
  }
  String* s = FunctionToString(vm, a.arg(0).AsObject());
  return s ? Value::FromString(s) : Oom(vm);
}

Value NativeSymbolDescriptiveString(Vm& vm, CallArgs& a) {
  Value d = a.arg(0).IsSymbol() ? a.arg(0).AsSymbol()->description : Value::Undefined();
  std::string s = absl::StrCat("Symbol(", d.IsString() ? ToUtf8(d.AsString()) : "", ")");
  String* r = NewStringFromUtf8(vm, s);
  return r ? Value::FromString(r) : Oom(vm);
}

Value NativePrimitiveWrapperKind(Vm& vm, CallArgs& a) {
  if (!a.arg(0).IsObject()) return Value::Int32(0);
  switch (a.arg(0).AsObject()->cls) {
    case ObjectClass::kNumber: return Value::Int32(1);
    case ObjectClass::kString: return Value::Int32(2);
    case ObjectClass::kBoolean:
    case ObjectClass::kBigInt: return Value::Int32(3);
    case ObjectClass::kRawJSON: return Value::Int32(4);
    default: return Value::Int32(0);
  }
}

Value NativePrimitiveValue(Vm& vm, CallArgs& a) {
  return static_cast<PrimitiveObject*>(a.arg(0).AsObject())->primitive;
}

Value NativeJsonQuote(Vm& vm, CallArgs& a) {
  String* s = JsonQuote(vm, a.arg(0).AsString());
  return s ? Value::FromString(s) : Oom(vm);
}

const NativeBinding kSelfHostNatives[] = {
    {"callFunction", NativeCallFunction, 2},
    {"throwTypeError", NativeThrowTypeError, 1},
    {"throwRangeError", NativeThrowRangeError, 1},
    {"retryNative", NativeRetryNative, 4},
    {"newRecord", NativeNewRecord, 0},
    {"hasOwn", NativeHasOwn, 2},
    {"deleteGlobalBinding", NativeDeleteGlobalBinding, 1},
    {"isForeignArrayConstructor", NativeIsForeignArrayConstructor, 1},
    {"isCallable", NativeIsCallable, 1},
    {"ordinaryHasInstance", NativeOrdinaryHasInstance, 2},
    {"newArray", NativeNewArray, 0},
    {"newArrayWithLength", NativeNewArrayWithLength, 1},
    {"newObject", NativeNewObject, 0},
    {"arrayPush", NativeArrayPush, 2},
    {"toObject", NativeToObject, 1},
    {"ownKeys", NativeOwnKeys, 1},
    {"isEnumerable", NativeIsEnumerable, 2},
    {"createDataProperty", NativeCreateDataProperty, 3},
    {"createDataPropertyOrFalse", NativeCreateDataPropertyOrFalse, 3},
    {"deleteOrFalse", NativeDeleteOrFalse, 2},
    {"mathFloor", NativeMathFloor, 1},
    {"objectToString", NativeObjectToString, 1},
    {"isArray", NativeIsArray, 1},
    {"setLength", NativeSetLength, 2},
    {"newArrayIterator", NativeNewArrayIterator, 2},
    {"newStringIterator", NativeNewStringIterator, 1},
    {"arrayIteratorState", NativeArrayIteratorState, 1},
    {"iterResult", NativeIterResult, 2},
    {"functionToString", NativeFunctionToString, 1},
    {"symbolDescriptiveString", NativeSymbolDescriptiveString, 1},
    {"primitiveWrapperKind", NativePrimitiveWrapperKind, 1},
    {"primitiveValue", NativePrimitiveValue, 1},
    {"jsonQuote", NativeJsonQuote, 1},
    {"sumPreciseExact", NativeSumPreciseExact, 1},
    {"finalizationRegistryTakePending", NativeFinalizationRegistryTakePending, 1},
};
const char* kSelfHostSymbols[] = {"symIterator", "symToPrimitive", "symHasInstance", "symSpecies",
                                  "symAsyncIterator", "symToStringTag", "symMatch",     "symMatchAll",
                                  "symReplace",  "symSearch",      "symSplit",       "symDispose",
                                  "symAsyncDispose", "symUnscopables", "symIsConcatSpreadable"};

// Every native of the self-hosted environment, in slot order.
const std::vector<NativeBinding>& AllSelfHostNatives() {
  static const std::vector<NativeBinding>* all = [] {
    auto* v = new std::vector<NativeBinding>(std::begin(kSelfHostNatives), std::end(kSelfHostNatives));
    for (const NativeBinding& n : PromiseSelfHostNatives()) v->push_back(n);
    for (const NativeBinding& n : CollectionSelfHostNatives()) v->push_back(n);
    for (const NativeBinding& n : IteratorSelfHostNatives()) v->push_back(n);
    for (const NativeBinding& n : DateSelfHostNatives()) v->push_back(n);
    for (const NativeBinding& n : RegExpSelfHostNatives()) v->push_back(n);
    for (const NativeBinding& n : TypedArraySelfHostNatives()) v->push_back(n);
    for (const NativeBinding& n : DisposableSelfHostNatives()) v->push_back(n);
    for (const NativeBinding& n : ModuleSelfHostNatives()) v->push_back(n);
    for (const NativeBinding& n : ProxySelfHostNatives()) v->push_back(n);
    return v;
  }();
  return *all;
}

// The self-hosted library, compiled once per process and loaded once per Vm.
struct SelfHostedProgram {
  std::unique_ptr<CompiledFunction> compiled;
  SelfHostedLayout layout;
  std::vector<std::u16string> natives;
  std::string error;
  // The library's functions by name: their environment slot (the same in
  // every realm, so realms share this table instead of building one).
  absl::flat_hash_map<std::string, uint32_t> slot_by_name;
  // The environment slot of each RATCHET_SELF_HOSTED helper, in enum order
  // (-1: missing from the library).
  std::vector<int64_t> helper_slots;
};

// The registered snapshot (runtime/selfhost_snapshot.h), if any.
std::string_view& SnapshotBytes() {
  static std::string_view bytes;
  return bytes;
}
bool& ProgramFromSnapshot() {
  static bool from_snapshot = false;
  return from_snapshot;
}

constexpr char kSnapshotMagic[] = "RATCHET-SELFHOST-2";

// The opcode table as text (names, effects, operand kinds): a snapshot of
// bytecode whose instructions were laid out differently is not used.
constexpr char kOpcodeTable[] =
#define OPCODE(name, effects, a, b, c, d, e) #name " " #effects " " #a " " #b " " #c " " #d " " #e ";"
#include "vm/opcodes.def"
#undef OPCODE
    ;

// What a snapshot was made from: the library's source, the natives it
// binds, the opcode table, the format. A snapshot of anything else is not
// used (the library is compiled instead).
uint64_t SelfHostedFingerprint(const std::vector<std::u16string>& natives) {
  uint64_t h = 1469598103934665603ull;  // FNV-1a
  auto mix = [&](const void* data, size_t n) {
    const auto* b = static_cast<const unsigned char*>(data);
    for (size_t i = 0; i < n; ++i) h = (h ^ b[i]) * 1099511628211ull;
  };
  mix(kSelfHostedSource, std::strlen(kSelfHostedSource));
  for (const std::u16string& n : natives) mix(n.data(), n.size() * sizeof(char16_t) + sizeof(char16_t));
  mix(kOpcodeTable, sizeof(kOpcodeTable));
  mix(kSnapshotMagic, sizeof(kSnapshotMagic));
  return h;
}

bool CompileSelfHosted(SelfHostedProgram* p) {
  Arena arena;
  ParseOptions options;
  options.strict = true;
  ParseError perr;
  std::u16string source = Utf8ToUtf16(kSelfHostedSource);
  ast::Program* ast = ParseProgram(arena, source, options, &perr);
  if (ast == nullptr) {
    p->error = absl::StrCat("selfhost:", perr.line, ":", perr.column, ": ", perr.message);
    return false;
  }
  CompileOptions copts;
  copts.self_hosted = true;
  copts.natives = p->natives;
  CompileError cerr;
  p->compiled = CompileProgram(ast, copts, &cerr, &p->layout);
  if (p->compiled == nullptr) {
    p->error = absl::StrCat("selfhost:", cerr.line, ":", cerr.column, ": ", cerr.message);
    return false;
  }
  return true;
}

std::string WriteSnapshot(const SelfHostedProgram& p) {
  ByteWriter w;
  w.Bytes(kSnapshotMagic);
  uint64_t fp = SelfHostedFingerprint(p.natives);
  w.U32(static_cast<uint32_t>(fp));
  w.U32(static_cast<uint32_t>(fp >> 32));
  w.U32(p.layout.env_size);
  w.U32(static_cast<uint32_t>(p.layout.functions.size()));
  for (const SelfHostedLayout::Entry& e : p.layout.functions) {
    w.U16String(e.name);
    w.U32(e.slot);
    w.U32(e.child);
  }
  w.Function(*p.compiled);
  return w.Take();
}

// Loads the registered snapshot into `p`; false when there is none or it
// is not this library's.
bool ReadSnapshot(std::string_view bytes, SelfHostedProgram* p) {
  ByteReader r(bytes);
  if (r.Bytes() != kSnapshotMagic) return false;
  uint64_t fp = r.U32();
  fp |= static_cast<uint64_t>(r.U32()) << 32;
  if (!r.ok() || fp != SelfHostedFingerprint(p->natives)) return false;
  SelfHostedLayout layout;
  layout.env_size = r.U32();
  uint32_t n = r.U32();
  for (uint32_t i = 0; r.ok() && i < n; ++i) {
    SelfHostedLayout::Entry e;
    e.name = r.U16String();
    e.slot = r.U32();
    e.child = r.U32();
    layout.functions.push_back(std::move(e));
  }
  std::unique_ptr<CompiledFunction> compiled = r.Function();
  if (compiled == nullptr || !r.ok() || !r.at_end()) return false;
  p->layout = std::move(layout);
  p->compiled = std::move(compiled);
  return true;
}

std::vector<std::u16string> SelfHostedNativeNames() {
  std::vector<std::u16string> natives;
  for (const auto& n : AllSelfHostNatives()) natives.push_back(Utf8ToUtf16(n.name));
  for (const char* n : kSelfHostSymbols) natives.push_back(Utf8ToUtf16(n));
  return natives;
}

const SelfHostedProgram& GetSelfHostedProgram() {
  static const SelfHostedProgram* program = [] {
    auto* p = new SelfHostedProgram();
    p->natives = SelfHostedNativeNames();
    // The build's snapshot when there is one (no parsing or compiling at
    // start-up); else the source, compiled now.
    if (ReadSnapshot(SnapshotBytes(), p)) {
      ProgramFromSnapshot() = true;
    } else if (!CompileSelfHosted(p)) {
      return p;
    }
    for (const auto& entry : p->layout.functions) {
      std::string name;
      for (char16_t ch : entry.name) name.push_back(static_cast<char>(ch));
      p->slot_by_name[name] = entry.slot;
    }
    static const char* kHelperNames[] = {
#define RATCHET_HELPER_NAME(name) #name,
        RATCHET_SELF_HOSTED(RATCHET_HELPER_NAME)
#undef RATCHET_HELPER_NAME
    };
    for (const char* name : kHelperNames) {
      auto it = p->slot_by_name.find(name);
      p->helper_slots.push_back(it == p->slot_by_name.end() ? -1 : static_cast<int64_t>(it->second));
      if (it == p->slot_by_name.end() && p->error.empty()) {
        p->error = absl::StrCat("missing self-hosted helper ", name);
      }
    }
    return p;
  }();
  return *program;
}

// A realm's self-hosted closures by name: the program's shared name -> slot
// table over the realm's environment.
class EnvTable : public SelfHostedTable {
 public:
  EnvTable(const SelfHostedProgram& program, Env* env) : program_(program), env_(env) {}
  Value Get(std::string_view name) const override {
    auto it = program_.slot_by_name.find(absl::string_view(name.data(), name.size()));
    return it == program_.slot_by_name.end() ? Value::Undefined() : env_->slots()[it->second];
  }

 private:
  const SelfHostedProgram& program_;
  Env* env_;
};

}  // namespace

void RegisterSelfHostedSnapshot(const unsigned char* data, size_t size) {
  SnapshotBytes() = std::string_view(reinterpret_cast<const char*>(data), size);
}

bool SelfHostedFromSnapshot() {
  GetSelfHostedProgram();
  return ProgramFromSnapshot();
}

std::string RegisteredSelfHostedSnapshot() { return std::string(SnapshotBytes()); }

std::string CompileSelfHostedSnapshot(std::string* error) {
  SelfHostedProgram p;
  p.natives = SelfHostedNativeNames();
  if (!CompileSelfHosted(&p)) {
    *error = p.error;
    return "";
  }
  return WriteSnapshot(p);
}

Realm* CreateRealm(Vm& vm) {
  if (vm.eval_compiler() == nullptr) vm.set_eval_compiler(CompileEvalCode);
  // The intrinsics' shapes are pinned: shared by every realm, kept when
  // realms die, so the next realm reuses them (and their atoms).
  struct PinShapes {
    Vm& vm;
    explicit PinShapes(Vm& v) : vm(v) { vm.set_pin_intrinsics(true); }
    ~PinShapes() { vm.set_pin_intrinsics(false); }
  } pin(vm);
  const SelfHostedProgram& shp = GetSelfHostedProgram();
  if (!shp.error.empty()) {
    vm.ThrowError(ErrorKind::kInternalError, shp.error);
    return nullptr;
  }
  if (vm.selfhost_code() == nullptr) {
    Source* src = NewSource(vm, u"", "selfhost.js");
    Code* code = src ? LoadCompiledFunction(vm, *shp.compiled, src, true) : nullptr;
    if (code == nullptr) {
      vm.ThrowOutOfMemory();
      return nullptr;
    }
    vm.set_selfhost_code(code);
  }
  Cell* c = vm.heap().AllocateCell(sizeof(Realm), CellKind::kRealm);
  if (c == nullptr) {
    vm.ThrowOutOfMemory();
    return nullptr;
  }
  Realm* realm = static_cast<Realm*>(c);
  realm->lexicals = new absl::node_hash_map<uint64_t, GlobalLexical>();
  realm->uid = vm.NextId();
  realm->regexp_legacy_input = Value::FromString(vm.atoms().empty);
  realm->regexp_legacy_match = Value::Undefined();
  Realm* saved = vm.current_realm();
  vm.set_current_realm(realm);
  auto fail = [&]() -> Realm* {
    vm.set_current_realm(saved);
    vm.ThrowOutOfMemory();
    return nullptr;
  };
  // The core prototypes first: everything else is built on them.
  Object* object_proto = NewObject(vm, nullptr);
  if (object_proto == nullptr) return fail();
  realm->intrinsics[static_cast<int>(Intrinsic::kObjectPrototype)] = object_proto;
  Object* function_proto = NewNativeFunction(vm, *realm, "", [](Vm&, CallArgs&) { return Value::Undefined(); }, 0);
  if (function_proto == nullptr) return fail();
  function_proto->proto = object_proto;
  realm->intrinsics[static_cast<int>(Intrinsic::kFunctionPrototype)] = function_proto;
  auto make_proto = [&](Intrinsic i, Object* proto, ObjectClass cls, size_t size) {
    Object* o = NewObject(vm, proto, cls, size);
    realm->intrinsics[static_cast<int>(i)] = o;
    return o != nullptr;
  };
  if (!make_proto(Intrinsic::kArrayPrototype, object_proto, ObjectClass::kArray, sizeof(Object)) ||
      !make_proto(Intrinsic::kStringPrototype, object_proto, ObjectClass::kString, sizeof(PrimitiveObject)) ||
      !make_proto(Intrinsic::kNumberPrototype, object_proto, ObjectClass::kNumber, sizeof(PrimitiveObject)) ||
      !make_proto(Intrinsic::kBooleanPrototype, object_proto, ObjectClass::kBoolean, sizeof(PrimitiveObject)) ||
      !make_proto(Intrinsic::kSymbolPrototype, object_proto, ObjectClass::kOrdinary, sizeof(Object)) ||
      !make_proto(Intrinsic::kBigIntPrototype, object_proto, ObjectClass::kOrdinary, sizeof(Object)) ||
      !make_proto(Intrinsic::kIteratorPrototype, object_proto, ObjectClass::kOrdinary, sizeof(Object))) {
    return fail();
  }
  Object* iter_proto = realm->intrinsic(Intrinsic::kIteratorPrototype);
  if (!make_proto(Intrinsic::kArrayIteratorPrototype, iter_proto, ObjectClass::kOrdinary, sizeof(Object)) ||
      !make_proto(Intrinsic::kStringIteratorPrototype, iter_proto, ObjectClass::kOrdinary, sizeof(Object)) ||
      !make_proto(Intrinsic::kGeneratorPrototype, iter_proto, ObjectClass::kOrdinary, sizeof(Object)) ||
      !make_proto(Intrinsic::kGeneratorFunctionPrototype, function_proto, ObjectClass::kOrdinary, sizeof(Object)) ||
      !make_proto(Intrinsic::kAsyncFunctionPrototype, function_proto, ObjectClass::kOrdinary, sizeof(Object)) ||
      !make_proto(Intrinsic::kAsyncGeneratorFunctionPrototype, function_proto, ObjectClass::kOrdinary,
                  sizeof(Object)) ||
      !make_proto(Intrinsic::kAsyncIteratorPrototype, object_proto, ObjectClass::kOrdinary, sizeof(Object)) ||
      !make_proto(Intrinsic::kPromisePrototype, object_proto, ObjectClass::kOrdinary, sizeof(Object)) ||
      !make_proto(Intrinsic::kMapPrototype, object_proto, ObjectClass::kOrdinary, sizeof(Object)) ||
      !make_proto(Intrinsic::kDatePrototype, object_proto, ObjectClass::kOrdinary, sizeof(Object)) ||
      !make_proto(Intrinsic::kRegExpPrototype, object_proto, ObjectClass::kOrdinary, sizeof(Object)) ||
      !make_proto(Intrinsic::kArrayBufferPrototype, object_proto, ObjectClass::kOrdinary, sizeof(Object)) ||
      !make_proto(Intrinsic::kSharedArrayBufferPrototype, object_proto, ObjectClass::kOrdinary, sizeof(Object)) ||
      !make_proto(Intrinsic::kTypedArrayPrototype, object_proto, ObjectClass::kOrdinary, sizeof(Object)) ||
      !make_proto(Intrinsic::kDataViewPrototype, object_proto, ObjectClass::kOrdinary, sizeof(Object)) ||
      !make_proto(Intrinsic::kDisposableStackPrototype, object_proto, ObjectClass::kOrdinary, sizeof(Object)) ||
      !make_proto(Intrinsic::kAsyncDisposableStackPrototype, object_proto, ObjectClass::kOrdinary,
                  sizeof(Object)) ||
      !make_proto(Intrinsic::kSetPrototype, object_proto, ObjectClass::kOrdinary, sizeof(Object)) ||
      !make_proto(Intrinsic::kWeakMapPrototype, object_proto, ObjectClass::kOrdinary, sizeof(Object)) ||
      !make_proto(Intrinsic::kWeakSetPrototype, object_proto, ObjectClass::kOrdinary, sizeof(Object)) ||
      !make_proto(Intrinsic::kWeakRefPrototype, object_proto, ObjectClass::kOrdinary, sizeof(Object)) ||
      !make_proto(Intrinsic::kFinalizationRegistryPrototype, object_proto, ObjectClass::kOrdinary, sizeof(Object)) ||
      !make_proto(Intrinsic::kMapIteratorPrototype, iter_proto, ObjectClass::kOrdinary, sizeof(Object)) ||
      !make_proto(Intrinsic::kSetIteratorPrototype, iter_proto, ObjectClass::kOrdinary, sizeof(Object)) ||
      !make_proto(Intrinsic::kIteratorHelperPrototype, iter_proto, ObjectClass::kOrdinary, sizeof(Object)) ||
      !make_proto(Intrinsic::kRegExpStringIteratorPrototype, iter_proto, ObjectClass::kOrdinary, sizeof(Object)) ||
      !make_proto(Intrinsic::kWrapForValidIteratorPrototype, iter_proto, ObjectClass::kOrdinary,
                  sizeof(Object))) {
    return fail();
  }
  // The twelve TypedArray prototypes inherit from %TypedArray.prototype%.
  for (int k = 0; k < 12; ++k) {
    auto id = static_cast<Intrinsic>(static_cast<int>(Intrinsic::kInt8ArrayPrototype) + k);
    if (!make_proto(id, realm->intrinsic(Intrinsic::kTypedArrayPrototype), ObjectClass::kOrdinary, sizeof(Object))) {
      return fail();
    }
  }
  if (!make_proto(Intrinsic::kAsyncGeneratorPrototype, realm->intrinsic(Intrinsic::kAsyncIteratorPrototype),
                  ObjectClass::kOrdinary, sizeof(Object))) {
    return fail();
  }
  realm->intrinsic(Intrinsic::kArrayPrototype)->length_writable = true;
  static_cast<PrimitiveObject*>(realm->intrinsic(Intrinsic::kStringPrototype))->primitive =
      Value::FromString(vm.atoms().empty);
  static_cast<PrimitiveObject*>(realm->intrinsic(Intrinsic::kNumberPrototype))->primitive = Value::Int32(0);
  static_cast<PrimitiveObject*>(realm->intrinsic(Intrinsic::kBooleanPrototype))->primitive =
      Value::Boolean(false);
  Object* global = NewObject(vm, object_proto, ObjectClass::kGlobal);
  if (global == nullptr) return fail();
  // The global object starts in dictionary mode: it holds every builtin
  // and script globals come and go; LdGlobal caches index its dictionary.
  if (!ToDictionaryMode(vm, global)) return fail();
  realm->global = global;
  realm->global_this = Value::FromObject(global);
  // The module map (16.2.1.? HostLoadImportedModule's cache): URL -> record.
  Object* module_map = NewObject(vm, nullptr);
  if (module_map == nullptr || !ToDictionaryMode(vm, module_map)) return fail();
  realm->intrinsics[static_cast<int>(Intrinsic::kModuleMap)] = module_map;

  // The self-hosted library: an environment of natives and closures.
  const SelfHostedLayout& layout = shp.layout;
  Env* env = NewEnv(vm, nullptr, layout.env_size);
  if (env == nullptr) return fail();
  size_t slot = 0;
  for (const auto& n : AllSelfHostNatives()) {
    Object* f = NewNativeFunction(vm, *realm, n.name, n.fn, n.length);
    if (f == nullptr) return fail();
    env->slots()[slot++] = Value::FromObject(f);
  }
  env->slots()[slot++] = Value::FromSymbol(vm.symbols().iterator);
  env->slots()[slot++] = Value::FromSymbol(vm.symbols().toPrimitive);
  env->slots()[slot++] = Value::FromSymbol(vm.symbols().hasInstance);
  env->slots()[slot++] = Value::FromSymbol(vm.symbols().species);
  env->slots()[slot++] = Value::FromSymbol(vm.symbols().asyncIterator);
  env->slots()[slot++] = Value::FromSymbol(vm.symbols().toStringTag);
  env->slots()[slot++] = Value::FromSymbol(vm.symbols().match);
  env->slots()[slot++] = Value::FromSymbol(vm.symbols().matchAll);
  env->slots()[slot++] = Value::FromSymbol(vm.symbols().replace);
  env->slots()[slot++] = Value::FromSymbol(vm.symbols().search);
  env->slots()[slot++] = Value::FromSymbol(vm.symbols().split);
  env->slots()[slot++] = Value::FromSymbol(vm.symbols().dispose);
  env->slots()[slot++] = Value::FromSymbol(vm.symbols().asyncDispose);
  env->slots()[slot++] = Value::FromSymbol(vm.symbols().unscopables);
  env->slots()[slot++] = Value::FromSymbol(vm.symbols().isConcatSpreadable);
  // The program's children (its functions' code), in constant-pool order.
  Code* sh = vm.selfhost_code();
  std::vector<Code*> children;
  children.reserve(layout.functions.size());
  for (uint32_t i = 0; i < sh->num_constants; ++i) {
    Value v = sh->constants[i];
    if (v.IsCell() && (v.bits() >> 48) == 0xFFFF && v.AsCell()->kind == CellKind::kCode) {
      children.push_back(static_cast<Code*>(v.AsCell()));
    }
  }
  for (const auto& entry : layout.functions) {
    if (entry.child >= children.size()) return fail();
    Object* f = NewClosure(vm, *realm, children[entry.child], env);
    if (f == nullptr) return fail();
    env->slots()[entry.slot] = Value::FromObject(f);
  }
  EnvTable table(shp, env);
  for (int i = 0; i < static_cast<int>(SelfHosted::kCount); ++i) {
    realm->self_hosted[i] = env->slots()[shp.helper_slots[i]];
  }
  if (!InstallObject(vm, *realm, table) || !InstallProxy(vm, *realm) || !InstallFunction(vm, *realm, table) ||
      !InstallArray(vm, *realm, table) || !InstallString(vm, *realm, table) ||
      !InstallNumberAndMath(vm, *realm, table) || !InstallErrors(vm, *realm, table) ||
      !InstallGlobals(vm, *realm, table) || !InstallGenerators(vm, *realm, table) ||
      !InstallPromise(vm, *realm, table) || !InstallCollections(vm, *realm, table) || !InstallWeakRefs(vm, *realm) ||
      !InstallIterator(vm, *realm, table) || !InstallDate(vm, *realm, table) ||
      !InstallRegExp(vm, *realm, table) || !InstallBigInt(vm, *realm, table) ||
      !InstallTypedArrays(vm, *realm, table) || !InstallDisposables(vm, *realm, table) ||
      !InstallAbstractModuleSource(vm, *realm)) {
    vm.set_current_realm(saved);
    if (vm.pending_exception().IsUndefined()) vm.ThrowOutOfMemory();
    return nullptr;
  }
  vm.set_current_realm(saved);
  return realm;
}

void SetScriptError(const ParseError& e, ScriptError* error) {
  error->message = e.message;
  error->line = e.line;
  error->column = e.column;
}

void SetScriptError(const CompileError& e, ScriptError* error) {
  error->message = e.message;
  error->unsupported = e.unsupported;
  error->line = e.line;
  error->column = e.column;
}

Code* CompileScript(Vm& vm, std::u16string_view source, const std::string& file_name,
                    ScriptError* error, bool strict) {
  Arena arena;
  ParseOptions options;
  options.strict = strict;
  ParseError perr;
  error->file = file_name;
  ast::Program* program = ParseProgram(arena, source, options, &perr);
  if (program == nullptr) {
    SetScriptError(perr, error);
    return nullptr;
  }
  CompileError cerr;
  std::unique_ptr<CompiledFunction> compiled = CompileProgram(program, CompileOptions(), &cerr);
  if (compiled == nullptr) {
    SetScriptError(cerr, error);
    return nullptr;
  }
  Source* src = NewSource(vm, std::u16string(source), file_name);
  Code* code = src ? LoadCompiledFunction(vm, *compiled, src) : nullptr;
  if (code == nullptr) error->message = "out of memory";
  return code;
}

bool CheckModuleSyntax(std::u16string_view source, const std::string& file_name, ScriptError* error) {
  Arena arena;
  ParseOptions options;
  options.module = true;
  ParseError perr;
  error->file = file_name;
  ast::Program* program = ParseProgram(arena, source, options, &perr);
  if (program == nullptr) {
    SetScriptError(perr, error);
    return false;
  }
  // The early errors the scope analysis finds (`super` outside methods,
  // ...) too: compile, link nothing.
  ModuleLayout layout;
  CompileError cerr;
  if (CompileModule(program, &cerr, &layout) == nullptr) {
    SetScriptError(cerr, error);
    return false;
  }
  return true;
}

// 19.2.1.1 PerformEval steps 4-11: parse and compile the eval code; a
// closure over the global environment, or over the caller's environment
// `env` that `scopes` describes (null: exception pending).
Object* CompileEvalCode(Vm& vm, Realm& realm, String* source, int32_t flags, String* scopes, Env* env) {
  bool strict_caller = (flags & 1) != 0;
  Arena arena;
  ParseOptions options;
  options.strict = strict_caller;
  options.allow_new_target = (flags & 4) != 0;
  options.in_class_field_init = (flags & 32) != 0;
  ParseError perr;
  std::u16string text = ToU16String(source);
  ast::Program* program = ParseProgram(arena, text, options, &perr);
  if (program == nullptr) {
    vm.ThrowError(ErrorKind::kSyntaxError, perr.message);
    return nullptr;
  }
  if (strict_caller) program->strict = true;
  CompileOptions copts;
  copts.eval = true;
  copts.eval_super_property = (flags & 8) != 0;
  copts.eval_super_call = (flags & 16) != 0;
  std::u16string scope_text;
  std::vector<OuterScope> outer;
  if (scopes != nullptr) {
    scope_text = ToU16String(scopes);
    if (!ParseScopeChain(scope_text, &outer)) {
      vm.ThrowError(ErrorKind::kInternalError, "invalid eval scope description");
      return nullptr;
    }
    // The description must match the environments that exist.
    Env* e = env;
    for (const OuterScope& o : outer) {
      if (e == nullptr || e->size != o.env_size) {
        vm.ThrowError(ErrorKind::kInternalError, "eval scope description does not match its environment");
        return nullptr;
      }
      e = e->parent;
    }
    copts.outer = &outer;
  } else {
    env = nullptr;
  }
  CompileError cerr;
  std::unique_ptr<CompiledFunction> compiled = CompileProgram(program, copts, &cerr);
  if (compiled == nullptr) {
    vm.ThrowError(cerr.unsupported ? ErrorKind::kInternalError : ErrorKind::kSyntaxError, cerr.message);
    return nullptr;
  }
  Source* src = NewSource(vm, std::move(text), "<eval>");
  if (src != nullptr && vm.current_task() != nullptr && !vm.current_task()->frames.empty()) {
    // GetActiveScriptOrModule: import() and import.meta in eval code see
    // the script or module that called eval.
    Source* caller = vm.current_task()->frames.back().code->source;
    if (!caller->module.IsUndefined()) {
      src->module = caller->module;
    } else if (String* name = NewStringFromUtf8(vm, *caller->name)) {
      src->module = Value::FromString(name);
    }
  }
  Code* code = src ? LoadCompiledFunction(vm, *compiled, src) : nullptr;
  Object* fn = code ? NewClosure(vm, realm, code, env) : nullptr;
  if (fn == nullptr) vm.ThrowOutOfMemory();
  return fn;
}

Object* CreateDynamicFunction(Vm& vm, Realm& realm, std::u16string_view params,
                              std::u16string_view body, std::u16string_view prefix) {
  std::u16string text = u"(";
  text += prefix;
  text += u" anonymous(";
  text += params;
  text += u"\n) {\n";
  text += body;
  text += u"\n})";
  ScriptError err;
  Code* code = CompileScript(vm, text, "<anonymous>", &err);
  if (code == nullptr) {
    if (err.message == "out of memory") {
      vm.ThrowOutOfMemory();
    } else {
      vm.ThrowError(ErrorKind::kSyntaxError, err.message);
    }
    return nullptr;
  }
  for (uint32_t i = 0; i < code->num_constants; ++i) {
    Value v = code->constants[i];
    if (v.IsCell() && (v.bits() >> 48) == 0xFFFF && v.AsCell()->kind == CellKind::kCode) {
      Object* f = NewClosure(vm, realm, static_cast<Code*>(v.AsCell()), nullptr);
      if (f == nullptr) vm.ThrowOutOfMemory();
      return f;
    }
  }
  vm.ThrowError(ErrorKind::kSyntaxError, "invalid function source");
  return nullptr;
}

}  // namespace ratchet::internal
