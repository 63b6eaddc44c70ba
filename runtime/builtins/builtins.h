// Helpers shared by the builtin files: creating native functions and
// installing properties, argument conversion for natives (primitives only:
// conversions that may run user code are self-hosted).
#ifndef RATCHET_RUNTIME_BUILTINS_BUILTINS_H_
#define RATCHET_RUNTIME_BUILTINS_BUILTINS_H_

#include <string>
#include <string_view>
#include <vector>

#include "vm/conversions.h"
#include "vm/object.h"
#include "vm/realm.h"
#include "vm/string.h"
#include "vm/vm.h"

namespace ratchet::internal {

/// The self-hosted library's closures of one realm, by function name.
class SelfHostedTable {
 public:
  virtual ~SelfHostedTable() = default;
  virtual Value Get(std::string_view name) const = 0;
};

/// Creates a native function object (null on OOM).
Object* NewNativeFunction(Vm& vm, Realm& realm, std::string_view name, NativeFn fn, int length,
                          bool constructor = false);

/// target[name] = a new native function (writable, configurable).
Object* DefineNativeMethod(Vm& vm, Realm& realm, Object* target, std::string_view name, NativeFn fn,
                           int length);
/// target[name] = a self-hosted function, renamed `name` with `length`.
bool DefineSelfHostedMethod(Vm& vm, Object* target, std::string_view name, Value fn, int length);
bool DefineValue(Vm& vm, Object* target, std::string_view name, Value v, uint8_t attrs = kHiddenAttrs);
bool DefineGetter(Vm& vm, Realm& realm, Object* target, PropertyKey key, std::string_view name,
                  NativeFn fn);
PropertyKey NameKey(Vm& vm, std::string_view name);

/// GetPrototypeFromConstructor(newTarget, fallback) for natives: newTarget's
/// `prototype` when it is an object-valued data property, else `fallback`
/// (an accessor there would need a frame).
Object* PrototypeFromConstructor(Vm& vm, Value new_target, Object* fallback);

/// Throws when a native allocation failed (returns the throw marker).
inline Value Oom(Vm& vm) { return vm.ThrowOutOfMemory(); }

/// ToString / ToNumber of a primitive argument; objects are a TypeError
/// (their conversion needs a frame: such natives are self-hosted).
enum class ConversionHint : int32_t {
  kString = 0,
  kNumber = 1,
  kPropertyKey = 2,
  kPropertyDescriptor = 3,     // an object to a record of its descriptor fields
  kPropertyDescriptorMap = 4,  // Object.defineProperties' argument
  kListFromArrayLike = 5,      // an array-like to a plain array
  kPrimitive = 6,              // ToPrimitive with no hint
  kNumeric = 7,                // ToNumeric (a Number or a BigInt)
  kPrimitiveNumber = 8,        // ToPrimitive with hint number
};
/// Asks the VM to call the running native again with `v` (one of its
/// arguments or its this value) converted; see builtins.cc.
bool RequestArgumentConversion(Vm& vm, Value v, ConversionHint hint);
/// RequestArgumentConversion for a native to return directly: Empty() with
/// the retry requested, or with a TypeError when `v` is not an argument.
Value ConvertArgument(Vm& vm, Value v, ConversionHint hint);
/// ToString / ToNumber of a native's argument. An object argument makes the
/// native re-run with it converted (return the failure value upward).
String* ArgToString(Vm& vm, Value v);
bool ArgToNumber(Vm& vm, Value v, double* out);
double ToIntegerOrInfinity(double d);
/// 7.3.19 CreateListFromArrayLike (null/undefined: an empty list). Array-likes
/// with accessors make the native re-run with a plain array.
bool ListFromArrayLike(Vm& vm, Value v, std::vector<Value>* out);

// Installers, one per builtin file.
bool InstallObject(Vm& vm, Realm& realm, const SelfHostedTable& sh);
bool InstallFunction(Vm& vm, Realm& realm, const SelfHostedTable& sh);
bool InstallArray(Vm& vm, Realm& realm, const SelfHostedTable& sh);
bool InstallString(Vm& vm, Realm& realm, const SelfHostedTable& sh);
bool InstallNumberAndMath(Vm& vm, Realm& realm, const SelfHostedTable& sh);
/// sumPreciseExact(numbers): the exact, once-rounded sum (Math.sumPrecise).
Value NativeSumPreciseExact(Vm& vm, CallArgs& a);
bool InstallErrors(Vm& vm, Realm& realm, const SelfHostedTable& sh);
bool InstallGlobals(Vm& vm, Realm& realm, const SelfHostedTable& sh);
bool InstallGenerators(Vm& vm, Realm& realm, const SelfHostedTable& sh);
bool InstallPromise(Vm& vm, Realm& realm, const SelfHostedTable& sh);
bool InstallCollections(Vm& vm, Realm& realm, const SelfHostedTable& sh);
bool InstallWeakRefs(Vm& vm, Realm& realm);
/// CanBeHeldWeakly ( v ): objects and symbols not in the global registry.
bool CanBeHeldWeakly(Value v);
Value NativeFinalizationRegistryTakePending(Vm& vm, CallArgs& a);
bool InstallIterator(Vm& vm, Realm& realm, const SelfHostedTable& sh);
bool InstallDate(Vm& vm, Realm& realm, const SelfHostedTable& sh);
bool InstallRegExp(Vm& vm, Realm& realm, const SelfHostedTable& sh);
bool InstallBigInt(Vm& vm, Realm& realm, const SelfHostedTable& sh);
bool InstallTypedArrays(Vm& vm, Realm& realm, const SelfHostedTable& sh);
bool InstallDisposables(Vm& vm, Realm& realm, const SelfHostedTable& sh);
bool InstallUriFunctions(Vm& vm, Realm& realm);
/// Records %RegExp.prototype% and %RegExp% as built (RegExp fast paths).
void SnapshotRegExpIntrinsics(Realm& realm);

/// The Function constructor family (magic 0 Function, 1 GeneratorFunction,
/// 2 AsyncFunction, 3 AsyncGeneratorFunction).
Value FunctionConstructor(Vm& vm, CallArgs& a);

/// A native bound by name in the self-hosted library's environment.
struct NativeBinding {
  const char* name;
  NativeFn fn;
  int length;
};
/// The promise natives of the self-hosted library (runtime/builtins/promise.cc).
const std::vector<NativeBinding>& PromiseSelfHostNatives();
/// The natives of selfhost/proxy.js (runtime/builtins/proxy.cc).
const std::vector<NativeBinding>& ProxySelfHostNatives();
bool InstallProxy(Vm& vm, Realm& realm);
/// %AbstractModuleSource% (source phase imports): an intrinsic, not a global.
bool InstallAbstractModuleSource(Vm& vm, Realm& realm);
/// 7.2.2 IsArray: 1, 0, or -1 with a TypeError pending (a revoked proxy).
int IsArrayValue(Vm& vm, Value v);
/// A native that met a proxy hands the operation to the self-hosted
/// internal method `id` (a tail call).
Value ProxyHandOver(Vm& vm, SelfHosted id, std::vector<Value> args);
/// FulfillPromise / RejectPromise for host code (its reaction jobs go to
/// the current task, in the current realm).
void SettlePromiseFromHost(Vm& vm, PromiseObject* p, bool fulfilled, Value value);
/// A pending promise of `realm` and its resolving functions (27.2.1.3);
/// null on OOM.
PromiseObject* NewPromiseWithResolvers(Vm& vm, Realm& realm, Value* resolve, Value* reject);
const std::vector<NativeBinding>& CollectionSelfHostNatives();
const std::vector<NativeBinding>& IteratorSelfHostNatives();
const std::vector<NativeBinding>& DateSelfHostNatives();
const std::vector<NativeBinding>& RegExpSelfHostNatives();
const std::vector<NativeBinding>& TypedArraySelfHostNatives();
const std::vector<NativeBinding>& DisposableSelfHostNatives();

/// Function.prototype.toString of any callable.
String* FunctionToString(Vm& vm, Object* fn);
/// Object.prototype.toString's result for `v` ("[object Array]", ...).
/// "[object Tag]" for Object.prototype.toString. When @@toStringTag is a
/// getter and `tag_getter` is given, returns null without an exception and
/// reports the getter, the receiver and the builtin tag instead.
String* ObjectToStringTag(Vm& vm, Value v, Value* tag_getter = nullptr, Object** receiver = nullptr,
                          std::string* builtin_tag = nullptr);
/// A JSON-quoted string.
String* JsonQuote(Vm& vm, String* s);
/// JSON.stringify: a native fast path, else the self-hosted algorithm
/// (runtime/builtins/json_stringify.cc).
Value JsonStringify(Vm& vm, CallArgs& a);
/// JSON.parse without a reviver (JSON modules): the value, or Empty with a
/// SyntaxError pending.
Value ParseJsonText(Vm& vm, String* text);

/// Sets an error object's `stack`: `header` and the task's frames.
bool SetErrorStack(Vm& vm, Object* e, std::string header, Task* task);

/// The first index >= from where `search` occurs in `s`, or -1.
int64_t StringIndexOf(String* s, String* search, uint32_t from);
/// String.prototype.split for a string separator (null: undefined).
Value SplitString(Vm& vm, String* s, String* sep, double lim);

}  // namespace ratchet::internal

#endif  // RATCHET_RUNTIME_BUILTINS_BUILTINS_H_
