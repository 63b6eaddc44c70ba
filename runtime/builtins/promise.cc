// 27.2 Promise Objects, https://tc39.es/ecma262/#sec-promise-objects
//
// The promise state machine (fulfil, reject, reactions, jobs) is C++: none
// of it runs user code. Everything that may run user code — resolving with
// a thenable, reaction jobs, the executor, `then` with species, the
// combinators — is self-hosted (runtime/selfhost/*.js) on top of the natives
// below, so every user call is a frame (ARCHITECTURE.md invariant 1).
#include "runtime/builtins/builtins.h"
#include "vm/generator.h"
#include "vm/interpreter.h"

namespace ratchet::internal {

namespace {

// A reaction record is an internal array:
// [capability promise, capability resolve, capability reject, handler, type]
// with type 0 (fulfil) or 1 (reject); the capability fields are undefined
// for awaits and handler is then the awaiting generator object.
enum ReactionField { kCapPromise, kCapResolve, kCapReject, kHandler, kType, kReactionSize };

PromiseObject* AsPromise(Value v) {
  if (!v.IsObject() || v.AsObject()->cls != ObjectClass::kPromise) return nullptr;
  return static_cast<PromiseObject*>(v.AsObject());
}

bool EnqueueReactionJob(Vm& vm, Value reaction, Value argument) {
  Realm* realm = vm.current_realm();
  Vm::Job job;
  job.function = realm->self_hosted_fn(SelfHosted::kPromiseReactionJob);
  job.args[0] = reaction;
  job.args[1] = argument;
  job.args[2] = Value::Undefined();
  job.argc = 2;
  vm.EnqueueJob(job);
  return true;
}

// 27.2.1.8 TriggerPromiseReactions ( reactions, argument )
void TriggerPromiseReactions(Vm& vm, Value reactions, Value argument) {
  if (!reactions.IsObject()) return;
  Object* list = reactions.AsObject();
  for (uint32_t i = 0; i < list->elements_size; ++i) EnqueueReactionJob(vm, list->elements[i], argument);
}

// 27.2.1.4 FulfillPromise / 27.2.1.7 RejectPromise.
void SettlePromise(Vm& vm, PromiseObject* p, int32_t state, Value value) {
  if (p->state != 0) return;
  Value reactions = state == 1 ? p->fulfill_reactions : p->reject_reactions;
  p->result = value;
  p->state = state;
  p->fulfill_reactions = Value::Undefined();
  p->reject_reactions = Value::Undefined();
  TriggerPromiseReactions(vm, reactions, value);
}

Value ResolvePromiseValue(Vm& vm, PromiseObject* p, Value resolution);

}  // namespace

void SettlePromiseFromHost(Vm& vm, PromiseObject* p, bool fulfilled, Value value) {
  SettlePromise(vm, p, fulfilled ? 1 : 2, value);
}

namespace {

// The resolving functions' shared record: [promise, alreadyResolved].
Value ResolvingFunction(Vm& vm, CallArgs& a) {
  auto* self = static_cast<NativeFunction*>(a.callee);
  Object* record = self->data.AsObject();
  if (record->elements[1].IsTrue()) return Value::Undefined();
  record->elements[1] = Value::Boolean(true);
  PromiseObject* p = static_cast<PromiseObject*>(record->elements[0].AsObject());
  if (self->magic == 1) {  // 27.2.1.3.1 Promise Reject Functions
    SettlePromise(vm, p, 2, a.arg(0));
    return Value::Undefined();
  }
  return ResolvePromiseValue(vm, p, a.arg(0));  // 27.2.1.3.2 Promise Resolve Functions
}

// 27.2.1.3.2 steps 7-16 after the already-resolved check.
Value ResolvePromiseValue(Vm& vm, PromiseObject* p, Value resolution) {
  // 7. If SameValue(resolution, promise) is true, reject with a TypeError.
  if (resolution.IsObject() && resolution.AsObject() == p) {
    Object* err = vm.NewError(ErrorKind::kTypeError, "Chaining cycle detected for promise");
    if (err == nullptr) return Oom(vm);
    SettlePromise(vm, p, 2, Value::FromObject(err));
    return Value::Undefined();
  }
  // 8. If resolution is not an Object, fulfil.
  if (!resolution.IsObject()) {
    SettlePromise(vm, p, 1, resolution);
    return Value::Undefined();
  }
  // 9-16. Get(resolution, "then") may run user code: self-hosted.
  Value fn = vm.current_realm()->self_hosted_fn(SelfHosted::kResolveThenable);
  return vm.RequestTailCall(fn, Value::Undefined(), {Value::FromObject(p), resolution});
}

// 27.2.1.3 CreateResolvingFunctions ( promise ) -> [resolve, reject]
Object* CreateResolvingFunctions(Vm& vm, Realm& realm, PromiseObject* p) {
  Object* record = NewArray(vm, realm);
  if (record == nullptr || !ArrayPush(vm, record, Value::FromObject(p)) ||
      !ArrayPush(vm, record, Value::Boolean(false))) {
    return nullptr;
  }
  Object* pair = NewArray(vm, realm);
  if (pair == nullptr) return nullptr;
  for (int i = 0; i < 2; ++i) {
    Object* f = NewNativeFunction(vm, realm, "", ResolvingFunction, 1);
    if (f == nullptr) return nullptr;
    static_cast<NativeFunction*>(f)->data = Value::FromObject(record);
    static_cast<NativeFunction*>(f)->magic = i;
    if (!ArrayPush(vm, pair, Value::FromObject(f))) return nullptr;
  }
  return pair;
}

// 27.2.1.5 NewPromiseCapability: GetCapabilitiesExecutor Functions. The
// record [resolve, reject] is the function's data.
Value CapabilitiesExecutor(Vm& vm, CallArgs& a) {
  auto* self = static_cast<NativeFunction*>(a.callee);
  Object* record = self->data.AsObject();
  if (!record->elements[0].IsUndefined()) {
    return vm.ThrowError(ErrorKind::kTypeError, "Promise executor has already been invoked with a resolve function");
  }
  if (!record->elements[1].IsUndefined()) {
    return vm.ThrowError(ErrorKind::kTypeError, "Promise executor has already been invoked with a reject function");
  }
  record->elements[0] = a.arg(0);
  record->elements[1] = a.arg(1);
  return Value::Undefined();
}

// 27.2.5.4.1 PerformPromiseThen ( promise, onFulfilled, onRejected [ , resultCapability ] )
bool PerformPromiseThen(Vm& vm, Realm& realm, PromiseObject* p, Value on_fulfilled, Value on_rejected,
                        Value cap_promise, Value cap_resolve, Value cap_reject, bool await) {
  Value handlers[2] = {on_fulfilled, on_rejected};
  Value reactions[2];
  for (int type = 0; type < 2; ++type) {
    Object* r = NewArray(vm, realm);
    if (r == nullptr) return false;
    Value handler = handlers[type];
    if (!await && !IsCallable(handler)) handler = Value::Undefined();
    Value fields[kReactionSize] = {cap_promise, cap_resolve, cap_reject, handler, Value::Int32(type)};
    for (Value f : fields) {
      if (!ArrayPush(vm, r, f)) return false;
    }
    reactions[type] = Value::FromObject(r);
  }
  if (p->state == 0) {
    Value* lists[2] = {&p->fulfill_reactions, &p->reject_reactions};
    for (int type = 0; type < 2; ++type) {
      if (!lists[type]->IsObject()) {
        Object* list = NewArray(vm, realm);
        if (list == nullptr) return false;
        *lists[type] = Value::FromObject(list);
      }
      if (!ArrayPush(vm, lists[type]->AsObject(), reactions[type])) return false;
    }
  } else {
    EnqueueReactionJob(vm, reactions[p->state == 1 ? 0 : 1], p->result);
  }
  p->is_handled = true;
  return true;
}

// ---- Natives of the self-hosted library ----

Value NativeNewPromise(Vm& vm, CallArgs& a) {
  PromiseObject* p = NewPromiseObject(vm, vm.current_realm()->intrinsic(Intrinsic::kPromisePrototype));
  return p ? Value::FromObject(p) : Oom(vm);
}
Value NativeIsPromise(Vm& vm, CallArgs& a) { return Value::Boolean(AsPromise(a.arg(0)) != nullptr); }
Value NativeCreateResolvingFunctions(Vm& vm, CallArgs& a) {
  Object* pair = CreateResolvingFunctions(vm, *vm.current_realm(), AsPromise(a.arg(0)));
  return pair ? Value::FromObject(pair) : Oom(vm);
}
Value NativeFulfillPromise(Vm& vm, CallArgs& a) {
  SettlePromise(vm, AsPromise(a.arg(0)), 1, a.arg(1));
  return Value::Undefined();
}
Value NativeRejectPromise(Vm& vm, CallArgs& a) {
  SettlePromise(vm, AsPromise(a.arg(0)), 2, a.arg(1));
  return Value::Undefined();
}
// resolvePromise(p, v): resolve without resolving functions (async return).
Value NativeResolvePromise(Vm& vm, CallArgs& a) { return ResolvePromiseValue(vm, AsPromise(a.arg(0)), a.arg(1)); }
Value NativePerformPromiseThen(Vm& vm, CallArgs& a) {
  if (!PerformPromiseThen(vm, *vm.current_realm(), AsPromise(a.arg(0)), a.arg(1), a.arg(2), a.arg(3), a.arg(4),
                          a.arg(5), false)) {
    return Oom(vm);
  }
  return Value::Undefined();
}
// performAwait(promise, generator): resume the generator when it settles.
Value NativePerformAwait(Vm& vm, CallArgs& a) {
  if (!PerformPromiseThen(vm, *vm.current_realm(), AsPromise(a.arg(0)), a.arg(1), a.arg(1), Value::Undefined(),
                          Value::Undefined(), Value::Undefined(), true)) {
    return Oom(vm);
  }
  return Value::Undefined();
}
Value NativeNewCapabilityExecutor(Vm& vm, CallArgs& a) {
  Object* record = NewArray(vm, *vm.current_realm());
  if (record == nullptr || !ArrayPush(vm, record, Value::Undefined()) ||
      !ArrayPush(vm, record, Value::Undefined())) {
    return Oom(vm);
  }
  Object* f = NewNativeFunction(vm, *vm.current_realm(), "", CapabilitiesExecutor, 2);
  if (f == nullptr) return Oom(vm);
  static_cast<NativeFunction*>(f)->data = Value::FromObject(record);
  return Value::FromObject(f);
}
Value NativeCapabilityRecord(Vm& vm, CallArgs& a) {
  return static_cast<NativeFunction*>(a.arg(0).AsObject())->data;
}
Value NativeIsGeneratorObject(Vm& vm, CallArgs& a) { return Value::Boolean(AsGenerator(a.arg(0)) != nullptr); }
// resumeGenerator(gen, mode, value): continue the awaiting frame.
Value NativeResumeGenerator(Vm& vm, CallArgs& a) {
  GeneratorObject* gen = AsGenerator(a.arg(0));
  if (gen == nullptr || (gen->state != GeneratorState::kSuspendedYield &&
                         gen->state != GeneratorState::kSuspendedStart &&
                         gen->state != GeneratorState::kAwaiting)) {
    return Value::Undefined();
  }
  return vm.RequestResume(gen, a.arg(1).AsInt32(), a.arg(2));
}
// Async generator bookkeeping for the self-hosted request queue.
Value NativeIsAsyncGenerator(Vm& vm, CallArgs& a) {
  GeneratorObject* gen = AsGenerator(a.arg(0));
  return Value::Boolean(gen != nullptr && gen->kind == GeneratorKind::kAsyncGenerator);
}
Value NativeGeneratorState(Vm& vm, CallArgs& a) {
  return Value::Int32(static_cast<int32_t>(AsGenerator(a.arg(0))->state));
}
Value NativeSetGeneratorState(Vm& vm, CallArgs& a) {
  GeneratorObject* gen = AsGenerator(a.arg(0));
  auto state = static_cast<GeneratorState>(a.arg(1).AsInt32());
  if (state == GeneratorState::kCompleted) {
    FinishGenerator(vm, gen);
  } else {
    gen->state = state;
  }
  return Value::Undefined();
}
Value NativeGeneratorQueue(Vm& vm, CallArgs& a) {
  GeneratorObject* gen = AsGenerator(a.arg(0));
  if (!gen->queue.IsObject()) {
    Object* q = NewArray(vm, *vm.current_realm());
    if (q == nullptr) return Oom(vm);
    gen->queue = Value::FromObject(q);
  }
  return gen->queue;
}
// queueShift(array): removes and returns the first element (internal arrays).
Value NativeQueueShift(Vm& vm, CallArgs& a) {
  Object* q = a.arg(0).AsObject();
  if (q->elements_size == 0) return Value::Undefined();
  Value first = q->elements[0];
  for (uint32_t i = 1; i < q->elements_size; ++i) q->elements[i - 1] = q->elements[i];
  SetArrayLength(vm, q, q->array_length - 1);
  return first;
}
Value NativeNewTypeError(Vm& vm, CallArgs& a) {
  String* s = a.arg(0).IsString() ? a.arg(0).AsString() : vm.atoms().empty;
  Object* e = vm.NewError(ErrorKind::kTypeError, ToUtf8(s));
  return e ? Value::FromObject(e) : Oom(vm);
}
// enqueueJob(fn, a, b, c): HostEnqueuePromiseJob of fn(a, b, c).
Value NativeEnqueueJob(Vm& vm, CallArgs& a) {
  Vm::Job job;
  job.function = a.arg(0);
  job.argc = 3;
  for (uint32_t i = 0; i < 3; ++i) job.args[i] = a.arg(i + 1);
  vm.EnqueueJob(job);
  return Value::Undefined();
}
Value NativeIsConstructor(Vm& vm, CallArgs& a) { return Value::Boolean(IsConstructor(a.arg(0))); }
Value NativeIntrinsicPromise(Vm& vm, CallArgs& a) {
  return Value::FromObject(vm.current_realm()->intrinsic(Intrinsic::kPromise));
}
Value NativeNewAggregateError(Vm& vm, CallArgs& a) {
  Object* e = vm.NewError(ErrorKind::kError, "All promises were rejected");
  if (e == nullptr) return Oom(vm);
  e->proto = vm.current_realm()->intrinsic(Intrinsic::kAggregateErrorPrototype);
  if (!SetOwnData(vm, e, PropertyKey(Value::FromString(vm.atoms().errors)), a.arg(0), kHiddenAttrs)) {
    return Oom(vm);
  }
  return Value::FromObject(e);
}

// 27.2.3.1 Promise ( executor )
Value PromiseConstructor(Vm& vm, CallArgs& a) {
  // 1. If NewTarget is undefined, throw a TypeError exception.
  if (a.new_target.IsUndefined()) {
    return vm.ThrowError(ErrorKind::kTypeError, "Promise constructor cannot be invoked without 'new'");
  }
  // 2. If IsCallable(executor) is false, throw a TypeError exception.
  if (!IsCallable(a.arg(0))) return vm.ThrowError(ErrorKind::kTypeError, "Promise resolver is not a function");
  // 3. OrdinaryCreateFromConstructor(NewTarget, "%Promise.prototype%").
  Realm& realm = *vm.current_realm();
  Object* proto = PrototypeFromConstructor(vm, a.new_target, realm.intrinsic(Intrinsic::kPromisePrototype));
  PromiseObject* p = NewPromiseObject(vm, proto);
  if (p == nullptr) return Oom(vm);
  // 8. CreateResolvingFunctions; 9-10. call the executor (a frame).
  Object* fns = CreateResolvingFunctions(vm, realm, p);
  if (fns == nullptr) return Oom(vm);
  Value call = realm.self_hosted_fn(SelfHosted::kPromiseCallExecutor);
  return vm.RequestTailCall(call, Value::Undefined(),
                            {a.arg(0), fns->elements[0], fns->elements[1], Value::FromObject(p)});
}

// 27.2.4.9 get Promise [ @@species ]
Value PromiseSpecies(Vm& vm, CallArgs& a) { return a.this_value; }

}  // namespace

PromiseObject* NewPromiseWithResolvers(Vm& vm, Realm& realm, Value* resolve, Value* reject) {
  PromiseObject* p = NewPromiseObject(vm, realm.intrinsic(Intrinsic::kPromisePrototype));
  Object* pair = p ? CreateResolvingFunctions(vm, realm, p) : nullptr;
  if (pair == nullptr) return nullptr;
  *resolve = pair->elements[0];
  *reject = pair->elements[1];
  return p;
}


const std::vector<NativeBinding>& PromiseSelfHostNatives() {
  static const std::vector<NativeBinding> natives = {
      {"newPromise", NativeNewPromise, 0},
      {"isPromise", NativeIsPromise, 1},
      {"createResolvingFunctions", NativeCreateResolvingFunctions, 1},
      {"fulfillPromise", NativeFulfillPromise, 2},
      {"rejectPromise", NativeRejectPromise, 2},
      {"resolvePromise", NativeResolvePromise, 2},
      {"performPromiseThen", NativePerformPromiseThen, 6},
      {"performAwait", NativePerformAwait, 2},
      {"newCapabilityExecutor", NativeNewCapabilityExecutor, 0},
      {"capabilityRecord", NativeCapabilityRecord, 1},
      {"isGeneratorObject", NativeIsGeneratorObject, 1},
      {"resumeGenerator", NativeResumeGenerator, 3},
      {"isConstructor", NativeIsConstructor, 1},
      {"enqueueJob", NativeEnqueueJob, 4},
      {"isAsyncGenerator", NativeIsAsyncGenerator, 1},
      {"generatorState", NativeGeneratorState, 1},
      {"setGeneratorState", NativeSetGeneratorState, 2},
      {"generatorQueue", NativeGeneratorQueue, 1},
      {"queueShift", NativeQueueShift, 1},
      {"newTypeError", NativeNewTypeError, 1},
      {"intrinsicPromise", NativeIntrinsicPromise, 0},
      {"newAggregateError", NativeNewAggregateError, 1},
  };
  return natives;
}

bool InstallPromise(Vm& vm, Realm& realm, const SelfHostedTable& sh) {
  Object* proto = realm.intrinsic(Intrinsic::kPromisePrototype);
  Object* ctor = NewNativeFunction(vm, realm, "Promise", PromiseConstructor, 1, true);
  if (ctor == nullptr) return false;
  realm.intrinsics[static_cast<int>(Intrinsic::kPromise)] = ctor;
  String* tag = vm.InternAscii("Promise");
  if (tag == nullptr || !DefineValue(vm, ctor, "prototype", Value::FromObject(proto), 0) ||
      !DefineValue(vm, proto, "constructor", Value::FromObject(ctor)) ||
      !SetOwnData(vm, proto, PropertyKey(Value::FromSymbol(vm.symbols().toStringTag)), Value::FromString(tag),
                  kConfigurable) ||
      !DefineGetter(vm, realm, ctor, PropertyKey(Value::FromSymbol(vm.symbols().species)), "[Symbol.species]",
                    PromiseSpecies) ||
      !DefineValue(vm, realm.global, "Promise", Value::FromObject(ctor))) {
    return false;
  }
  struct Method {
    Object* target;
    const char* name;
    const char* impl;
    int length;
  };
  const Method methods[] = {
      {proto, "then", "PromiseThen", 2},
      {proto, "catch", "PromiseCatch", 1},
      {proto, "finally", "PromiseFinally", 1},
      {ctor, "all", "PromiseAll", 1},
      {ctor, "allSettled", "PromiseAllSettled", 1},
      {ctor, "allKeyed", "PromiseAllKeyed", 1},
      {ctor, "allSettledKeyed", "PromiseAllSettledKeyed", 1},
      {ctor, "any", "PromiseAny", 1},
      {ctor, "race", "PromiseRace", 1},
      {ctor, "reject", "PromiseStaticReject", 1},
      {ctor, "resolve", "PromiseStaticResolve", 1},
      {ctor, "try", "PromiseTry", 1},
      {ctor, "withResolvers", "PromiseWithResolvers", 0},
  };
  for (const Method& m : methods) {
    if (!DefineSelfHostedMethod(vm, m.target, m.name, sh.Get(m.impl), m.length)) return false;
  }
  return true;
}

}  // namespace ratchet::internal
