// Module records, the module map and the natives of selfhost/module.js.
#include "runtime/module.h"

#include <cstring>

#include "absl/strings/str_cat.h"
#include "compiler/codegen.h"
#include "compiler/parser.h"
#include "runtime/builtins/builtins.h"
#include "runtime/loader.h"
#include "vm/code.h"
#include "vm/interpreter.h"
#include "vm/string.h"
#include "vm/typed_array.h"
#include "vm/vm.h"

namespace ratchet::internal {

namespace {

Env* RecordEnv(Value record) {
  return static_cast<Env*>(static_cast<PrimitiveObject*>(record.AsObject())->primitive.AsCell());
}

bool IsRecord(Value v) { return v.IsObject() && v.AsObject()->cls == ObjectClass::kModuleRecord; }

Value DataProperty(Vm& vm, Object* o, std::string_view name) {
  OwnProperty prop;
  if (!GetOwnProperty(vm, o, NameKey(vm, name), &prop) || (prop.attrs & kAccessorBit)) return Value::Undefined();
  return prop.value;
}

bool Set(Vm& vm, Object* o, std::string_view name, Value v) { return SetOwnData(vm, o, NameKey(vm, name), v); }

Value Utf16(Vm& vm, std::u16string_view s) {
  String* str = NewStringFromUtf16(vm, s);
  return str != nullptr ? Value::FromString(str) : Value::Empty();
}

// A record for `env` with the fields selfhost/module.js reads; the
// caller fills in the entries.
Object* NewRecord(Vm& vm, Realm& realm, Env* env, const std::string& url, Value body, bool has_await) {
  Object* record = NewObject(vm, nullptr, ObjectClass::kModuleRecord, sizeof(PrimitiveObject));
  if (record == nullptr) return nullptr;
  static_cast<PrimitiveObject*>(record)->primitive = CellToValue(env);
  String* u = NewStringFromUtf8(vm, url);
  if (u == nullptr) return nullptr;
  bool ok = Set(vm, record, "url", Value::FromString(u)) && Set(vm, record, "body", body) &&
            Set(vm, record, "hasTLA", Value::Boolean(has_await)) && Set(vm, record, "status", Value::Int32(0));
  for (const char* list : {"requests", "requestTypes", "requestDefer", "imports", "exports", "starExports",
                           "loaded", "asyncParentModules"}) {
    Object* a = NewArray(vm, realm);
    ok = ok && a != nullptr && Set(vm, record, list, Value::FromObject(a));
  }
  return ok ? record : nullptr;
}

bool Push(Vm& vm, Object* record, std::string_view list, Value v) {
  if (v.IsEmpty()) return false;
  Value a = DataProperty(vm, record, list);
  return a.IsObject() && ArrayPush(vm, a.AsObject(), v);
}

// The module types of import attributes: `with { type: ... }`.
enum class ModuleType { kJavaScript, kJson, kText, kBytes };

// The default export of a synthetic module: JSON (16.2.1.7 ParseJSONModule)
// the parsed value; text the source as a string; bytes a Uint8Array over an
// immutable ArrayBuffer of the raw bytes. Empty with an exception pending.
Value SyntheticModuleValue(Vm& vm, Realm& realm, ModuleType type, const std::string& source) {
  if (type == ModuleType::kBytes) {
    ArrayBufferObject* b = NewArrayBuffer(vm, realm.intrinsic(Intrinsic::kArrayBufferPrototype), source.size(),
                                          source.size(), false, false);
    if (b == nullptr) return Value::Empty();
    if (!source.empty()) std::memcpy(b->data, source.data(), source.size());
    b->immutable = true;
    TypedArrayObject* t = NewTypedArrayObject(vm, realm.intrinsic(Intrinsic::kUint8ArrayPrototype),
                                              ElementKind::kUint8, b, 0, source.size(), false);
    return t != nullptr ? Value::FromObject(t) : Value::Empty();
  }
  String* text = NewStringFromUtf8(vm, source);
  if (text == nullptr) return Value::Empty();
  return type == ModuleType::kJson ? ParseJsonText(vm, text) : Value::FromString(text);
}

// A synthetic module whose one export, "default", is `value`.
Object* NewSyntheticModuleRecord(Vm& vm, Realm& realm, ModuleType type, const std::string& source,
                                 const std::string& url) {
  Value value = SyntheticModuleValue(vm, realm, type, source);
  if (value.IsEmpty()) return nullptr;
  Env* env = NewEnv(vm, nullptr, 1);
  if (env == nullptr) return nullptr;
  env->slots()[0] = value;
  Object* record = NewRecord(vm, realm, env, url, Value::Undefined(), false);
  if (record == nullptr || !Push(vm, record, "exports", Utf16(vm, u"default")) ||
      !Push(vm, record, "exports", Value::Int32(-1)) || !Push(vm, record, "exports", Value::Int32(0)) ||
      !Push(vm, record, "exports", Utf16(vm, u"")) || !Set(vm, record, "status", Value::Int32(5))) {
    return nullptr;
  }
  return record;
}

// The record for a loaded module's source, added to the module map; null
// with an exception pending (a SyntaxError, or out of memory).
Object* FinishLoad(Vm& vm, Realm& realm, const std::string& key, const std::string& url, ModuleType type,
                   const std::string& source) {
  Object* record;
  if (type != ModuleType::kJavaScript) {
    record = NewSyntheticModuleRecord(vm, realm, type, source, url);
    if (record == nullptr) {
      if (vm.pending_exception().IsUndefined()) Oom(vm);
      return nullptr;
    }
  } else {
    ScriptError err;
    record = CompileModuleRecord(vm, realm, Utf8ToUtf16(source), url, &err);
    if (record == nullptr) {
      if (err.message == "out of memory") {
        Oom(vm);
      } else {
        vm.ThrowError(err.unsupported ? ErrorKind::kInternalError : ErrorKind::kSyntaxError,
                      absl::StrCat(err.message, " (", url, ":", err.line, ":", err.column, ")"));
      }
      return nullptr;
    }
  }
  if (!RegisterModule(vm, realm, key, record)) {
    Oom(vm);
    return nullptr;
  }
  return record;
}

// HostLoadImportedModule with an asynchronous host: a promise for the
// record, settled when the host answers. The importing task waits for it
// (Task::host_waits) when it has nothing else to run.
Value StartAsyncLoad(Vm& vm, Realm& realm, const std::string& key, const std::string& url, ModuleType type) {
  PromiseObject* p = NewPromiseObject(vm, realm.intrinsic(Intrinsic::kPromisePrototype));
  Task* task = vm.current_task();
  if (p == nullptr || task == nullptr || !RegisterModule(vm, realm, key, p)) return Oom(vm);
  ++task->host_waits;
  uint32_t promise_root = vm.AddRoot(Value::FromObject(p));
  uint32_t realm_root = vm.AddRoot(CellToValue(&realm));
  auto answered = std::make_shared<bool>(false);
  Vm* vmp = &vm;
  Realm* realmp = &realm;
  uint64_t task_id = task->id;
  vm.module_hooks().load_async(url, [=](bool ok, std::string text) {
    if (*answered) return;
    *answered = true;
    Vm& vm = *vmp;
    auto* promise = static_cast<PromiseObject*>(vm.root(promise_root).AsObject());
    vm.RemoveRoot(promise_root);
    vm.RemoveRoot(realm_root);
    Task* waiting = vm.FindTask(task_id);
    if (waiting == nullptr) return;  // the task is gone: nobody waits
    --waiting->host_waits;
    Task* saved_task = vm.current_task();
    Realm* saved_realm = vm.current_realm();
    vm.set_current_task(waiting);
    vm.set_current_realm(realmp);
    Object* record = nullptr;
    if (ok) {
      record = FinishLoad(vm, *realmp, key, url, type, text);
    } else {
      vm.ThrowError(ErrorKind::kTypeError, text.empty() ? absl::StrCat("Cannot find module '", url, "'") : text);
    }
    if (record != nullptr) {
      SettlePromiseFromHost(vm, promise, true, Value::FromObject(record));
    } else {
      SetOwnData(vm, realmp->intrinsic(Intrinsic::kModuleMap), NameKey(vm, key), Value::Undefined());
      SettlePromiseFromHost(vm, promise, false, vm.TakeException());
    }
    vm.set_current_task(saved_task);
    vm.set_current_realm(saved_realm);
  });
  return Value::FromObject(p);
}

// moduleHostLoad(referrer, specifier, type): HostLoadImportedModule. The
// record for the resolved URL, from the module map or loaded, compiled and
// added to it; with an asynchronous host, a promise for it. The record for the resolved URL, from the module map
// or loaded, compiled and added to it.
Value NativeModuleHostLoad(Vm& vm, CallArgs& a) {
  Realm& realm = *vm.current_realm();
  std::string referrer;
  if (IsRecord(a.arg(0))) {
    Value u = DataProperty(vm, a.arg(0).AsObject(), "url");
    if (u.IsString()) referrer = ToUtf8(u.AsString());
  } else if (a.arg(0).IsString()) {
    referrer = ToUtf8(a.arg(0).AsString());
  }
  std::string specifier = a.arg(1).IsString() ? ToUtf8(a.arg(1).AsString()) : "";
  ModuleType type = ModuleType::kJavaScript;
  std::string type_name;
  if (a.arg(2).IsString()) {
    type_name = ToUtf8(a.arg(2).AsString());
    if (type_name == "json") {
      type = ModuleType::kJson;
    } else if (type_name == "text") {
      type = ModuleType::kText;
    } else if (type_name == "bytes") {
      type = ModuleType::kBytes;
    } else {
      return vm.ThrowError(ErrorKind::kTypeError, absl::StrCat("Unsupported module type '", type_name, "'"));
    }
  }
  const Vm::ModuleHooks& hooks = vm.module_hooks();
  std::string url, error;
  if (!hooks.resolve) {
    url = specifier;  // no normalizer: names are the specifiers (host modules)
  } else if (!hooks.resolve(specifier, referrer, &url, &error)) {
    return vm.ThrowError(ErrorKind::kTypeError, error);
  }
  // Each type of the same URL is its own module.
  std::string key = type == ModuleType::kJavaScript ? url : absl::StrCat(url, " (", type_name, ")");
  Object* map = realm.intrinsic(Intrinsic::kModuleMap);
  Value cached = DataProperty(vm, map, key);
  if (IsRecord(cached) || (cached.IsObject() && cached.AsObject()->cls == ObjectClass::kPromise)) return cached;
  if (!hooks.load && !hooks.load_async && !hooks.load_host) {
    return vm.ThrowError(ErrorKind::kTypeError,
                         absl::StrCat("Cannot import '", specifier, "': the host has no module loader"));
  }
  if (hooks.load_async) return StartAsyncLoad(vm, realm, key, url, type);
  std::string source;
  if (hooks.load_host) {
    // A loader that may answer with a host-built module.
    Object* host_record = nullptr;
    if (!hooks.load_host(realm, url, &source, &host_record, &error)) {
      if (error.empty()) error = absl::StrCat("Cannot find module '", specifier, "' imported from '", referrer, "'");
      return vm.ThrowError(ErrorKind::kTypeError, error);
    }
    if (host_record != nullptr) {
      if (type != ModuleType::kJavaScript) {
        return vm.ThrowError(ErrorKind::kTypeError,
                             absl::StrCat("Module '", url, "' is a host module, not of type '", type_name, "'"));
      }
      if (!RegisterModule(vm, realm, key, host_record)) return Oom(vm);
      return Value::FromObject(host_record);
    }
  } else if (!hooks.load(url, &source, &error)) {
    if (error.empty()) error = absl::StrCat("Cannot find module '", specifier, "' imported from '", referrer, "'");
    return vm.ThrowError(ErrorKind::kTypeError, error);
  }
  Object* record = FinishLoad(vm, realm, key, url, type, source);
  return record != nullptr ? Value::FromObject(record) : Value::Empty();
}

// moduleImportMetaProperties(url): the host's import.meta properties for
// the module, as an array [key, value, key, value, ...].
Value NativeModuleImportMetaProperties(Vm& vm, CallArgs& a) {
  Object* out = NewArray(vm, *vm.current_realm());
  if (out == nullptr) return Oom(vm);
  const Vm::ModuleHooks& hooks = vm.module_hooks();
  if (!hooks.import_meta || !a.arg(0).IsString()) return Value::FromObject(out);
  std::vector<std::pair<std::string, Value>> props;
  hooks.import_meta(vm, ToUtf8(a.arg(0).AsString()), &props);
  for (const auto& [key, value] : props) {
    String* k = NewStringFromUtf8(vm, key);
    if (k == nullptr || value.IsEmpty() || !ArrayPush(vm, out, Value::FromString(k)) || !ArrayPush(vm, out, value)) {
      return Oom(vm);
    }
  }
  return Value::FromObject(out);
}

// moduleBindImport(record, slot, target, targetSlot): the import binding
// at `slot` now reads the target module's binding.
Value NativeModuleBindImport(Vm& vm, CallArgs& a) {
  Env* indirection = NewEnv(vm, RecordEnv(a.arg(2)), 1);
  if (indirection == nullptr) return Oom(vm);
  indirection->slots()[0] = Value::Int32(a.arg(3).AsInt32());
  RecordEnv(a.arg(0))->slots()[a.arg(1).AsInt32()] = CellToValue(indirection);
  return Value::Undefined();
}

// An indirection to a binding that always holds `value` (a namespace).
Env* ConstantIndirection(Vm& vm, Value value) {
  Env* holder = NewEnv(vm, nullptr, 1);
  if (holder == nullptr) return nullptr;
  holder->slots()[0] = value;
  Env* indirection = NewEnv(vm, holder, 1);
  if (indirection == nullptr) return nullptr;
  indirection->slots()[0] = Value::Int32(0);
  return indirection;
}

// moduleBindNamespace(record, slot, namespace, direct): `import * as x`
// (direct: a constant binding) or an import that resolves to a namespace.
Value NativeModuleBindNamespace(Vm& vm, CallArgs& a) {
  Value v = a.arg(2);
  if (!a.arg(3).IsTrue()) {
    Env* indirection = ConstantIndirection(vm, v);
    if (indirection == nullptr) return Oom(vm);
    v = CellToValue(indirection);
  }
  RecordEnv(a.arg(0))->slots()[a.arg(1).AsInt32()] = v;
  return Value::Undefined();
}

// moduleNamespaceCreate(): an empty module namespace exotic object (10.4.6).
Value NativeModuleNamespaceCreate(Vm& vm, CallArgs& a) {
  Object* ns = NewObject(vm, nullptr, ObjectClass::kModuleNamespace);
  if (ns == nullptr || !ToDictionaryMode(vm, ns)) return Oom(vm);
  return Value::FromObject(ns);
}

// moduleNamespaceFill(ns, names, modules, slots): 10.4.6.12
// ModuleNamespaceCreate steps 6-10, `names` sorted. A slot of -1 means
// the export is the namespace modules[i].
Value NativeModuleNamespaceFill(Vm& vm, CallArgs& a) {
  Object* ns = a.arg(0).AsObject();
  Object* names = a.arg(1).AsObject();
  Object* modules = a.arg(2).AsObject();
  Object* slots = a.arg(3).AsObject();
  for (uint32_t i = 0; i < names->elements_size; ++i) {
    Value name = names->elements[i];
    int32_t slot = slots->elements[i].AsInt32();
    Env* indirection;
    if (slot < 0) {
      indirection = ConstantIndirection(vm, modules->elements[i]);
    } else {
      indirection = NewEnv(vm, RecordEnv(modules->elements[i]), 1);
      if (indirection != nullptr) indirection->slots()[0] = Value::Int32(slot);
    }
    if (indirection == nullptr ||
        !SetOwnData(vm, ns, vm.KeyFromString(name.AsString()), CellToValue(indirection), kWritable | kEnumerable)) {
      return Oom(vm);
    }
  }
  String* tag = NewStringFromUtf8(vm, "Module");
  if (tag == nullptr || !SetOwnData(vm, ns, PropertyKey(Value::FromSymbol(vm.symbols().toStringTag)),
                                    Value::FromString(tag), 0)) {
    return Oom(vm);
  }
  ns->extensible = false;
  return Value::Undefined();
}

Value NativeModuleHostIsAsync(Vm& vm, CallArgs& a) {
  return Value::Boolean(static_cast<bool>(vm.module_hooks().load_async));
}

Value NativeModuleNextAsyncOrder(Vm& vm, CallArgs& a) {
  return Value::Number(static_cast<double>(vm.NextAsyncEvaluationOrder()));
}

}  // namespace

Object* NewHostModuleRecord(Vm& vm, Realm& realm, const std::string& url,
                            const std::vector<std::pair<std::string, Value>>& exports) {
  Env* env = NewEnv(vm, nullptr, static_cast<uint32_t>(exports.size()));
  if (env == nullptr) return nullptr;
  for (size_t i = 0; i < exports.size(); ++i) env->slots()[i] = exports[i].second;
  Object* record = NewRecord(vm, realm, env, url, Value::Undefined(), false);
  if (record == nullptr || !Set(vm, record, "status", Value::Int32(5))) return nullptr;
  for (size_t i = 0; i < exports.size(); ++i) {
    String* name = NewStringFromUtf8(vm, exports[i].first);
    if (name == nullptr || !Push(vm, record, "exports", Value::FromString(name)) ||
        !Push(vm, record, "exports", Value::Int32(-1)) ||
        !Push(vm, record, "exports", Value::Int32(static_cast<int32_t>(i))) ||
        !Push(vm, record, "exports", Utf16(vm, u""))) {
      return nullptr;
    }
  }
  return record;
}

Object* CompileModuleRecord(Vm& vm, Realm& realm, std::u16string_view source, const std::string& url,
                            ScriptError* error) {
  Arena arena;
  ParseOptions options;
  options.module = true;
  ParseError perr;
  error->file = url;
  ast::Program* program = ParseProgram(arena, source, options, &perr);
  if (program == nullptr) {
    SetScriptError(perr, error);
    return nullptr;
  }
  ModuleLayout layout;
  CompileError cerr;
  std::unique_ptr<CompiledFunction> compiled = CompileModule(program, &cerr, &layout);
  if (compiled == nullptr) {
    SetScriptError(cerr, error);
    return nullptr;
  }
  error->message = "out of memory";
  Source* src = NewSource(vm, std::u16string(source), url);
  Code* code = src ? LoadCompiledFunction(vm, *compiled, src) : nullptr;
  if (code == nullptr) return nullptr;
  // 16.2.1.6.4 InitializeEnvironment steps 21-24: vars and hoisted functions.
  Env* env = NewEnv(vm, nullptr, layout.env_size);
  if (env == nullptr) return nullptr;
  for (uint32_t slot : layout.var_slots) env->slots()[slot] = Value::Undefined();
  for (const auto& f : layout.functions) {
    Object* fn = NewClosure(vm, realm, static_cast<Code*>(code->constants[f.constant].AsCell()), env);
    if (fn == nullptr) return nullptr;
    env->slots()[f.slot] = Value::FromObject(fn);
  }
  Object* body = NewClosure(vm, realm, code, env);
  if (body == nullptr) return nullptr;
  Object* record = NewRecord(vm, realm, env, url, Value::FromObject(body), layout.has_await);
  if (record == nullptr) return nullptr;
  for (const auto& r : layout.requests) {
    Value type = Value::Undefined();
    for (const auto& [k, v] : r.attributes) {
      if (k == u"type") type = Utf16(vm, v);  // the only attribute the host knows; others are ignored
    }
    if (!Push(vm, record, "requests", Utf16(vm, r.specifier)) || !Push(vm, record, "requestTypes", type) ||
        !Push(vm, record, "requestDefer", Value::Boolean(r.defer))) {
      return nullptr;
    }
  }
  for (const auto& im : layout.imports) {
    if (!Push(vm, record, "imports", Value::Int32(static_cast<int32_t>(im.slot))) ||
        !Push(vm, record, "imports", Value::Int32(static_cast<int32_t>(im.request))) ||
        !Push(vm, record, "imports", Utf16(vm, im.name))) {
      return nullptr;
    }
  }
  for (const auto& ex : layout.exports) {
    int32_t req = ex.request == ModuleLayout::kLocal ? -1 : static_cast<int32_t>(ex.request);
    if (!Push(vm, record, "exports", Utf16(vm, ex.name)) || !Push(vm, record, "exports", Value::Int32(req)) ||
        !Push(vm, record, "exports", Value::Int32(static_cast<int32_t>(ex.slot))) ||
        !Push(vm, record, "exports", Utf16(vm, ex.import_name))) {
      return nullptr;
    }
  }
  for (uint32_t r : layout.star_exports) {
    if (!Push(vm, record, "starExports", Value::Int32(static_cast<int32_t>(r)))) return nullptr;
  }
  src->module = Value::FromObject(record);
  error->message.clear();
  return record;
}

bool RegisterModule(Vm& vm, Realm& realm, const std::string& url, Object* record) {
  // (A pending asynchronous load registers its promise the same way.)
  return SetOwnData(vm, realm.intrinsic(Intrinsic::kModuleMap), NameKey(vm, url), Value::FromObject(record));
}

ModuleStatus GetModuleStatus(Vm& vm, Object* record) {
  Value s = DataProperty(vm, record, "status");
  return static_cast<ModuleStatus>(s.IsInt32() ? s.AsInt32() : 0);
}

ModuleOutcome EntryModuleOutcome(Value promise, Value* reason) {
  if (!promise.IsObject() || promise.AsObject()->cls != ObjectClass::kPromise) return ModuleOutcome::kFulfilled;
  auto* p = static_cast<PromiseObject*>(promise.AsObject());
  if (p->state == 0) return ModuleOutcome::kPending;
  if (p->state == 2) {
    *reason = p->result;
    return ModuleOutcome::kRejected;
  }
  return ModuleOutcome::kFulfilled;
}

std::string ResolveModulePath(const std::string& specifier, const std::string& referrer) {
  bool relative = specifier.rfind("./", 0) == 0 || specifier.rfind("../", 0) == 0;
  if (!relative) return specifier;
  std::string base;
  size_t slash = referrer.rfind('/');
  if (slash != std::string::npos) base = referrer.substr(0, slash + 1);
  std::string joined = base + specifier;
  // Lexical normalization of "." and ".." segments.
  bool absolute = !joined.empty() && joined[0] == '/';
  std::vector<std::string> parts;
  size_t i = 0;
  while (i <= joined.size()) {
    size_t j = joined.find('/', i);
    if (j == std::string::npos) j = joined.size();
    std::string seg = joined.substr(i, j - i);
    if (seg == "..") {
      if (!parts.empty() && parts.back() != "..") {
        parts.pop_back();
      } else if (!absolute) {
        parts.push_back(seg);
      }
    } else if (!seg.empty() && seg != ".") {
      parts.push_back(seg);
    }
    i = j + 1;
  }
  std::string out = absolute ? "/" : "";
  for (size_t k = 0; k < parts.size(); ++k) {
    if (k > 0) out += "/";
    out += parts[k];
  }
  return out;
}

const std::vector<NativeBinding>& ModuleSelfHostNatives() {
  static const std::vector<NativeBinding> natives = {
      {"moduleHostLoad", NativeModuleHostLoad, 3},
      {"moduleImportMetaProperties", NativeModuleImportMetaProperties, 1},
      {"moduleBindImport", NativeModuleBindImport, 4},
      {"moduleBindNamespace", NativeModuleBindNamespace, 4},
      {"moduleNamespaceCreate", NativeModuleNamespaceCreate, 0},
      {"moduleNamespaceFill", NativeModuleNamespaceFill, 4},
      {"moduleNextAsyncOrder", NativeModuleNextAsyncOrder, 0},
      {"moduleHostIsAsync", NativeModuleHostIsAsync, 0},
      {"throwSyntaxError",
       [](Vm& vm, CallArgs& a) -> Value {
         Value m = a.arg(0);
         return vm.ThrowError(ErrorKind::kSyntaxError, m.IsString() ? ToUtf8(m.AsString()) : "SyntaxError");
       },
       1},
  };
  return natives;
}

// 28.1.1 %AbstractModuleSource% ( ) (source phase imports): the abstract
// superclass of module source objects; calling or constructing it throws.
// Ratchet's modules (source text, JSON, host-built) have no source
// representation, so no object has [[ModuleSourceClassName]] yet.
bool InstallAbstractModuleSource(Vm& vm, Realm& realm) {
  Object* ctor = NewNativeFunction(vm, realm, "AbstractModuleSource", [](Vm& vm, CallArgs& a) -> Value {
    return vm.ThrowError(ErrorKind::kTypeError, "AbstractModuleSource cannot be called or constructed");
  }, 0, true);
  Object* proto = NewObject(vm, realm.intrinsic(Intrinsic::kObjectPrototype));
  if (ctor == nullptr || proto == nullptr || !DefineValue(vm, ctor, "prototype", Value::FromObject(proto), 0) ||
      !DefineValue(vm, proto, "constructor", Value::FromObject(ctor))) {
    return false;
  }
  // 28.1.3.2 get %AbstractModuleSource%.prototype [ %Symbol.toStringTag% ]:
  // [[ModuleSourceClassName]] when this has one, else undefined.
  if (!DefineGetter(vm, realm, proto, PropertyKey(Value::FromSymbol(vm.symbols().toStringTag)),
                    "[Symbol.toStringTag]", [](Vm&, CallArgs&) -> Value { return Value::Undefined(); })) {
    return false;
  }
  realm.intrinsics[static_cast<int>(Intrinsic::kAbstractModuleSource)] = ctor;
  return true;
}

}  // namespace ratchet::internal
