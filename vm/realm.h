// A realm: a global object, a global lexical environment and the intrinsic
// objects. Realms are heap cells: objects of one realm may reference another
// realm's objects, and a realm lives as long as anything references it.
#ifndef RATCHET_VM_REALM_H_
#define RATCHET_VM_REALM_H_

#include <cstdint>
#include <functional>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/node_hash_map.h"
#include "vm/heap.h"
#include "vm/value.h"

namespace ratchet::internal {

struct Object;

#define RATCHET_INTRINSICS(V)   \
  V(ObjectPrototype)            \
  V(FunctionPrototype)          \
  V(ArrayPrototype)             \
  V(StringPrototype)            \
  V(NumberPrototype)            \
  V(BooleanPrototype)           \
  V(SymbolPrototype)            \
  V(BigIntPrototype)            \
  V(ErrorPrototype)             \
  V(TypeErrorPrototype)         \
  V(RangeErrorPrototype)        \
  V(ReferenceErrorPrototype)    \
  V(SyntaxErrorPrototype)       \
  V(EvalErrorPrototype)         \
  V(URIErrorPrototype)          \
  V(AggregateErrorPrototype)    \
  V(InternalErrorPrototype)     \
  V(IteratorPrototype)          \
  V(ArrayIteratorPrototype)     \
  V(StringIteratorPrototype)    \
  V(Object)                     \
  V(Function)                   \
  V(Array)                      \
  V(ThrowTypeError)             \
  V(ArrayProtoValues)           \
  V(GeneratorFunctionPrototype) \
  V(GeneratorPrototype)         \
  V(AsyncFunctionPrototype)     \
  V(AsyncGeneratorFunctionPrototype) \
  V(AsyncGeneratorPrototype)    \
  V(AsyncIteratorPrototype)     \
  V(PromisePrototype)           \
  V(Promise)                    \
  V(MapPrototype)               \
  V(SetPrototype)               \
  V(WeakMapPrototype)           \
  V(WeakSetPrototype)           \
  V(WeakRefPrototype)           \
  V(FinalizationRegistryPrototype) \
  V(MapIteratorPrototype)       \
  V(SetIteratorPrototype)       \
  V(Eval)                       \
  V(IteratorHelperPrototype)    \
  V(WrapForValidIteratorPrototype) \
  V(Iterator)                   \
  V(DatePrototype)              \
  V(RegExpPrototype)            \
  V(RegExp)                     \
  V(RegExpStringIteratorPrototype) \
  V(ArrayBufferPrototype)       \
  V(SharedArrayBufferPrototype) \
  V(TypedArrayPrototype)        \
  V(TypedArray)                 \
  V(DataViewPrototype)          \
  V(Int8ArrayPrototype)         \
  V(Uint8ArrayPrototype)        \
  V(Uint8ClampedArrayPrototype) \
  V(Int16ArrayPrototype)        \
  V(Uint16ArrayPrototype)       \
  V(Int32ArrayPrototype)        \
  V(Uint32ArrayPrototype)       \
  V(Float16ArrayPrototype)      \
  V(Float32ArrayPrototype)      \
  V(Float64ArrayPrototype)      \
  V(BigInt64ArrayPrototype)     \
  V(BigUint64ArrayPrototype)    \
  V(Int8Array)                  \
  V(Uint8Array)                 \
  V(Uint8ClampedArray)          \
  V(Int16Array)                 \
  V(Uint16Array)                \
  V(Int32Array)                 \
  V(Uint32Array)                \
  V(Float16Array)               \
  V(Float32Array)               \
  V(Float64Array)               \
  V(BigInt64Array)              \
  V(BigUint64Array)             \
  V(ArrayBuffer)                \
  V(SuppressedErrorPrototype)   \
  V(DisposableStackPrototype)   \
  V(AsyncDisposableStackPrototype) \
  V(ModuleMap)                  \
  V(ReflectOps)                 \
  V(AbstractModuleSource)      \
  V(ArrayIteratorNext)          \
  V(StringIteratorNext)

enum class Intrinsic : uint16_t {
#define RATCHET_INTRINSIC_ENUM(name) k##name,
  RATCHET_INTRINSICS(RATCHET_INTRINSIC_ENUM)
#undef RATCHET_INTRINSIC_ENUM
      kCount
};

/// Self-hosted JavaScript helpers the interpreter and builtins call (as
/// frames) for the slow paths that may run user code.
#define RATCHET_SELF_HOSTED(V) \
  V(Add)                       \
  V(Arith)                     \
  V(Compare)                   \
  V(LooseEquals)               \
  V(ToPropertyKey)             \
  V(ToStringSlow)              \
  V(ToNumericSlow)             \
  V(InstanceOf)                \
  V(IterableToArray)           \
  V(GetKeyedSlow)              \
  V(SetKeyedSlow)              \
  V(DeleteKeyedSlow)           \
  V(InSlow)                    \
  V(GetIterator)               \
  V(IteratorClose)             \
  V(CopyDataProperties)        \
  V(ObjectRest)                \
  V(PromiseReactionJob)        \
  V(ResolveThenable)           \
  V(PromiseCallExecutor)       \
  V(AsyncAwait)                \
  V(AsyncFunctionResolve)      \
  V(AsyncFunctionReject)       \
  V(AsyncGeneratorYield)       \
  V(AsyncGeneratorComplete)    \
  V(GetAsyncIterator)          \
  V(ConvertArgumentAndRetry)   \
  V(UnaryArith)                \
  V(TypedArraySetSlow)         \
  V(UsingNew)                  \
  V(UsingAdd)                  \
  V(UsingDispose)              \
  V(UsingDisposeAsync)         \
  V(FinalizationRegistryCleanup) \
  V(IteratorCloseQuietly)      \
  V(DynamicImport)             \
  V(ImportMeta)                \
  V(ModuleRun)                 \
  V(ProxyGet)                   \
  V(ProxySetAccess)             \
  V(ProxyHas)                   \
  V(ProxyDelete)                \
  V(ProxyCall)                  \
  V(ProxyConstruct)             \
  V(ProxyForInKeys)             \
  V(OrdinaryHasInstanceSlow)    \
  V(ProxyGetPrototypeOf)        \
  V(ProxySetPrototypeOf)        \
  V(ProxyIsExtensible)          \
  V(ProxyPreventExtensions)     \
  V(ProxyGetOwnPropertyDescriptor) \
  V(ProxyDefinePropertyOrThrow) \
  V(ProxyDefineOwnProperty)     \
  V(ProxyOwnKeys)               \
  V(ProxyOwnKeysFiltered)       \
  V(ProxyHasOwn)                \
  V(ProxyReceiverSet)           \
  V(ProxyIntegrity)             \
  V(ConstructWithJsPrototype)   \
  V(ClassProtoParent)           \
  V(WithHasBinding)             \
  V(WithObject)                 \
  V(ProxyCreateDataProperty)    \
  V(WithGetBinding)             \
  V(WithSetBinding)             \
  V(InstallErrorCause)          \
  V(SetterIgnoringPrototype)    \
  V(BoundFunctionFinish) \
  V(EvalVarsHas) \
  V(EvalVarsDeclare) \
  V(DeleteGlobalBinding) \
  V(PrivateAddToProxy) \
  V(SuperSetWithProxy) \
  V(HostWait)

enum class SelfHosted : uint16_t {
#define RATCHET_SELF_HOSTED_ENUM(name) k##name,
  RATCHET_SELF_HOSTED(RATCHET_SELF_HOSTED_ENUM)
#undef RATCHET_SELF_HOSTED_ENUM
      kCount
};

struct GlobalLexical {
  Value value;  // Empty() until initialized
  bool is_const;
};

struct Realm : Cell {
  Object* global;
  Value global_this;  // the value of `this` at the top level
  Object* intrinsics[static_cast<int>(Intrinsic::kCount)];
  Value self_hosted[static_cast<int>(SelfHosted::kCount)];
  // atom bits -> binding; a node map: bindings never move or die while the
  // realm lives (inline caches point at them)
  absl::node_hash_map<uint64_t, GlobalLexical>* lexicals;
  uint64_t uid;  // unique in the runtime (inline caches name the realm by it)
  void* host_data;  // the embedding API's realm
  // The embedder's sources for Math.random and Date.now / new Date() (null:
  // the engine's own); owned by the API and kept while any task of the
  // realm lives.
  const std::function<double()>* random_hook;
  const std::function<double()>* now_hook;
  uint32_t lexical_epoch;  // bumped when a global lexical binding is added
  // Legacy RegExp static properties (RegExp.$1, lastMatch, ...): the input
  // (a String) and the RegExpMatchState of the last successful legacy
  // match; undefined before any match, null once invalidated.
  Value regexp_legacy_input;
  Value regexp_legacy_match;
  // %RegExp.prototype% and %RegExp% as built (shape and slot values), to
  // tell when RegExp methods may take their native fast paths.
  struct RegExpSnapshot {
    Shape* proto_shape = nullptr;
    std::vector<Value> proto_slots;
    Shape* ctor_shape = nullptr;
    std::vector<Value> ctor_slots;
  };
  RegExpSnapshot* regexp_snapshot;

  Object* intrinsic(Intrinsic i) const { return intrinsics[static_cast<int>(i)]; }
  Value self_hosted_fn(SelfHosted s) const { return self_hosted[static_cast<int>(s)]; }
};

}  // namespace ratchet::internal

#endif  // RATCHET_VM_REALM_H_
