// Part of Ratchet's self-hosted library (see core.js): 10.5 Proxy exotic
// objects. The interpreter and the natives hand every internal method of a
// proxy to these functions, which run as frames. `reflectOp(i)` is the
// realm's original Reflect function i (the target's own internal method,
// which comes back here when the target is a proxy too):
//   0 getPrototypeOf, 1 setPrototypeOf, 2 isExtensible, 3 preventExtensions,
//   4 getOwnPropertyDescriptor, 5 defineProperty, 6 has, 7 get, 8 set,
//   9 deleteProperty, 10 ownKeys, 11 apply, 12 construct.

function ProxyHandler(proxy, operation) {
  const handler = proxyHandler(proxy);
  if (handler === null) throwTypeError("Cannot perform '" + operation + "' on a proxy that has been revoked");
  return handler;
}

// 7.3.11 GetMethod ( handler, name )
function ProxyTrap(handler, name) {
  const trap = handler[name];
  if (trap === undefined || trap === null) return undefined;
  if (!isCallable(trap)) throwTypeError("proxy trap '" + name + "' is not a function");
  return trap;
}

function KeyName(key) {
  return typeof key === 'symbol' ? symbolDescriptiveString(key) : '' + key;
}

function SameValue(a, b) {
  if (a === b) return a !== 0 || 1 / a === 1 / b;
  return a !== a && b !== b;
}

function ProxyInvariant(trap, what) {
  throwTypeError("'" + trap + "' on proxy: " + what);
}

// 10.5.1 [[GetPrototypeOf]] ( )
function ProxyGetPrototypeOf(proxy) {
  const handler = ProxyHandler(proxy, 'getPrototypeOf');
  const target = proxyTarget(proxy);
  const trap = ProxyTrap(handler, 'getPrototypeOf');
  if (trap === undefined) return callFunction(reflectOp(0), undefined, target);
  const handlerProto = callFunction(trap, handler, target);
  if (!isObject(handlerProto) && handlerProto !== null) {
    ProxyInvariant('getPrototypeOf', 'trap returned neither object nor null');
  }
  if (callFunction(reflectOp(2), undefined, target)) return handlerProto;
  if (!SameValue(handlerProto, callFunction(reflectOp(0), undefined, target))) {
    ProxyInvariant('getPrototypeOf', 'proxy target is non-extensible but the trap did not return its actual prototype');
  }
  return handlerProto;
}

// 10.5.2 [[SetPrototypeOf]] ( V ). mode 0: the boolean (Reflect); 1: throw
// on false, return the proxy (Object.setPrototypeOf); 2: throw on false
// (the __proto__ setter).
function ProxySetPrototypeOf(proxy, V, mode) {
  const ok = ProxySetPrototypeOfResult(proxy, V);
  if (mode === 0) return ok;
  if (!ok) throwTypeError("'setPrototypeOf' on proxy: trap returned falsish");
  return mode === 1 ? proxy : undefined;
}

function ProxySetPrototypeOfResult(proxy, V) {
  const handler = ProxyHandler(proxy, 'setPrototypeOf');
  const target = proxyTarget(proxy);
  const trap = ProxyTrap(handler, 'setPrototypeOf');
  if (trap === undefined) return callFunction(reflectOp(1), undefined, target, V);
  if (!callFunction(trap, handler, target, V)) return false;
  if (callFunction(reflectOp(2), undefined, target)) return true;
  if (!SameValue(V, callFunction(reflectOp(0), undefined, target))) {
    ProxyInvariant('setPrototypeOf', 'trap returned truish for setting a new prototype on the non-extensible proxy target');
  }
  return true;
}

// 10.5.3 [[IsExtensible]] ( )
function ProxyIsExtensible(proxy) {
  const handler = ProxyHandler(proxy, 'isExtensible');
  const target = proxyTarget(proxy);
  const trap = ProxyTrap(handler, 'isExtensible');
  if (trap === undefined) return callFunction(reflectOp(2), undefined, target);
  const result = !!callFunction(trap, handler, target);
  if (result !== callFunction(reflectOp(2), undefined, target)) {
    ProxyInvariant('isExtensible', 'trap result does not reflect extensibility of proxy target');
  }
  return result;
}

// 10.5.4 [[PreventExtensions]] ( ). mode 1: Object.preventExtensions
// (throws on false, returns the proxy).
function ProxyPreventExtensions(proxy, mode) {
  const ok = ProxyPreventExtensionsResult(proxy);
  if (mode !== 1) return ok;
  if (!ok) throwTypeError("'preventExtensions' on proxy: trap returned falsish");
  return proxy;
}

function ProxyPreventExtensionsResult(proxy) {
  const handler = ProxyHandler(proxy, 'preventExtensions');
  const target = proxyTarget(proxy);
  const trap = ProxyTrap(handler, 'preventExtensions');
  if (trap === undefined) return callFunction(reflectOp(3), undefined, target);
  const result = !!callFunction(trap, handler, target);
  if (result && callFunction(reflectOp(2), undefined, target)) {
    ProxyInvariant('preventExtensions', 'trap returned truish but the proxy target is extensible');
  }
  return result;
}

// 6.2.6.6 CompletePropertyDescriptor ( Desc ) on a descriptor record.
function CompletePropertyDescriptorRecord(desc) {
  if (!('get' in desc) && !('set' in desc)) {
    if (!('value' in desc)) desc.value = undefined;
    if (!('writable' in desc)) desc.writable = false;
  } else {
    if (!('get' in desc)) desc.get = undefined;
    if (!('set' in desc)) desc.set = undefined;
  }
  if (!('enumerable' in desc)) desc.enumerable = false;
  if (!('configurable' in desc)) desc.configurable = false;
  return desc;
}

function IsAccessorDescriptorRecord(desc) { return 'get' in desc || 'set' in desc; }
function IsDataDescriptorRecord(desc) { return 'value' in desc || 'writable' in desc; }

// 10.1.6.3 ValidateAndApplyPropertyDescriptor ( undefined, P, extensible,
// Desc, current ): IsCompatiblePropertyDescriptor. `current` is a complete
// descriptor record or undefined.
function IsCompatiblePropertyDescriptor(extensible, desc, current) {
  if (current === undefined) return extensible;
  if ('enumerable' in desc || 'configurable' in desc || 'value' in desc || 'writable' in desc ||
      'get' in desc || 'set' in desc) {
    // (an empty descriptor is always compatible)
  } else {
    return true;
  }
  if (!current.configurable) {
    if (desc.configurable === true) return false;
    if ('enumerable' in desc && desc.enumerable !== current.enumerable) return false;
    if (!(!IsAccessorDescriptorRecord(desc) && !IsDataDescriptorRecord(desc)) &&
        IsAccessorDescriptorRecord(desc) !== IsAccessorDescriptorRecord(current)) {
      return false;
    }
    if (IsAccessorDescriptorRecord(current)) {
      if ('get' in desc && !SameValue(desc.get, current.get)) return false;
      if ('set' in desc && !SameValue(desc.set, current.set)) return false;
    } else if (!current.writable) {
      if (desc.writable === true) return false;
      if ('value' in desc && !SameValue(desc.value, current.value)) return false;
    }
  }
  return true;
}

// The target's own property as a complete descriptor record, or undefined.
function TargetDescriptor(target, P) {
  const d = callFunction(reflectOp(4), undefined, target, P);
  return d === undefined ? undefined : ToPropertyDescriptorRecord(d);
}

// 6.2.6.4 FromPropertyDescriptor ( Desc )
function FromPropertyDescriptorRecord(desc) {
  if (desc === undefined) return undefined;
  const obj = newObject();
  if ('value' in desc) createDataProperty(obj, 'value', desc.value);
  if ('writable' in desc) createDataProperty(obj, 'writable', desc.writable);
  if ('get' in desc) createDataProperty(obj, 'get', desc.get);
  if ('set' in desc) createDataProperty(obj, 'set', desc.set);
  if ('enumerable' in desc) createDataProperty(obj, 'enumerable', desc.enumerable);
  if ('configurable' in desc) createDataProperty(obj, 'configurable', desc.configurable);
  return obj;
}

// 10.5.5 [[GetOwnProperty]] ( P ): a complete descriptor record or undefined.
function ProxyGetOwnProperty(proxy, P) {
  const handler = ProxyHandler(proxy, 'getOwnPropertyDescriptor');
  const target = proxyTarget(proxy);
  const trap = ProxyTrap(handler, 'getOwnPropertyDescriptor');
  if (trap === undefined) return TargetDescriptor(target, P);
  const trapResultObj = callFunction(trap, handler, target, P);
  if (!isObject(trapResultObj) && trapResultObj !== undefined) {
    ProxyInvariant('getOwnPropertyDescriptor', 'trap returned neither object nor undefined for property ' + KeyName(P));
  }
  const targetDesc = TargetDescriptor(target, P);
  if (trapResultObj === undefined) {
    if (targetDesc === undefined) return undefined;
    if (!targetDesc.configurable) {
      ProxyInvariant('getOwnPropertyDescriptor', 'trap returned undefined for a non-configurable property');
    }
    if (!callFunction(reflectOp(2), undefined, target)) {
      ProxyInvariant('getOwnPropertyDescriptor', 'trap returned undefined for a property of a non-extensible target');
    }
    return undefined;
  }
  const extensibleTarget = callFunction(reflectOp(2), undefined, target);
  const resultDesc = CompletePropertyDescriptorRecord(ToPropertyDescriptorRecord(trapResultObj));
  if (!IsCompatiblePropertyDescriptor(extensibleTarget, resultDesc, targetDesc)) {
    ProxyInvariant('getOwnPropertyDescriptor', 'trap returned a descriptor incompatible with the target property');
  }
  if (!resultDesc.configurable) {
    if (targetDesc === undefined || targetDesc.configurable) {
      ProxyInvariant('getOwnPropertyDescriptor', 'trap reported non-configurability for a configurable or missing property');
    }
    if ('writable' in resultDesc && !resultDesc.writable && targetDesc.writable) {
      ProxyInvariant('getOwnPropertyDescriptor', 'trap reported non-writability for a writable property');
    }
  }
  return resultDesc;
}

// Object.getOwnPropertyDescriptor / Reflect.getOwnPropertyDescriptor.
function ProxyGetOwnPropertyDescriptor(proxy, P) {
  return FromPropertyDescriptorRecord(ProxyGetOwnProperty(proxy, P));
}

// 10.5.6 [[DefineOwnProperty]] ( P, Desc ), from the attributes object
// (ToPropertyDescriptor first).
function ProxyDefineOwnProperty(proxy, P, attributes) {
  const desc = ToPropertyDescriptorRecord(attributes);
  const handler = ProxyHandler(proxy, 'defineProperty');
  const target = proxyTarget(proxy);
  const trap = ProxyTrap(handler, 'defineProperty');
  if (trap === undefined) return callFunction(reflectOp(5), undefined, target, P, desc);
  const descObj = FromPropertyDescriptorRecord(desc);
  if (!callFunction(trap, handler, target, P, descObj)) return false;
  const targetDesc = TargetDescriptor(target, P);
  const extensibleTarget = callFunction(reflectOp(2), undefined, target);
  const settingConfigFalse = 'configurable' in desc && !desc.configurable;
  if (targetDesc === undefined) {
    if (!extensibleTarget) ProxyInvariant('defineProperty', 'trap returned truish for adding a property to a non-extensible target');
    if (settingConfigFalse) ProxyInvariant('defineProperty', 'trap returned truish for defining a non-configurable property which does not exist on the target');
  } else {
    if (!IsCompatiblePropertyDescriptor(extensibleTarget, desc, targetDesc)) {
      ProxyInvariant('defineProperty', 'trap returned truish for a descriptor incompatible with the target property');
    }
    if (settingConfigFalse && targetDesc.configurable) {
      ProxyInvariant('defineProperty', 'trap returned truish for defining a non-configurable property which is configurable on the target');
    }
    if (IsDataDescriptorRecord(targetDesc) && !targetDesc.configurable && targetDesc.writable &&
        'writable' in desc && !desc.writable) {
      ProxyInvariant('defineProperty', 'trap returned truish for making a non-configurable property non-writable');
    }
  }
  return true;
}

// Object.defineProperty on a proxy: DefinePropertyOrThrow.
function ProxyDefinePropertyOrThrow(proxy, P, desc) {
  if (!ProxyDefineOwnProperty(proxy, P, desc)) throwTypeError("'defineProperty' on proxy: trap returned falsish for property '" + KeyName(P) + "'");
  return proxy;
}

// 10.5.7 [[HasProperty]] ( P )
function ProxyHas(proxy, P) {
  const handler = ProxyHandler(proxy, 'has');
  const target = proxyTarget(proxy);
  const trap = ProxyTrap(handler, 'has');
  if (trap === undefined) return callFunction(reflectOp(6), undefined, target, P);
  const result = !!callFunction(trap, handler, target, P);
  if (!result) {
    const targetDesc = TargetDescriptor(target, P);
    if (targetDesc !== undefined) {
      if (!targetDesc.configurable) ProxyInvariant('has', 'trap returned falsish for a non-configurable property');
      if (!callFunction(reflectOp(2), undefined, target)) {
        ProxyInvariant('has', 'trap returned falsish for a property of a non-extensible target');
      }
    }
  }
  return result;
}

// 10.5.8 [[Get]] ( P, Receiver )
function ProxyGet(proxy, P, receiver) {
  const handler = ProxyHandler(proxy, 'get');
  const target = proxyTarget(proxy);
  const trap = ProxyTrap(handler, 'get');
  if (trap === undefined) return callFunction(reflectOp(7), undefined, target, P, receiver);
  const trapResult = callFunction(trap, handler, target, P, receiver);
  const targetDesc = TargetDescriptor(target, P);
  if (targetDesc !== undefined && !targetDesc.configurable) {
    if (IsDataDescriptorRecord(targetDesc) && !targetDesc.writable && !SameValue(trapResult, targetDesc.value)) {
      ProxyInvariant('get', 'the value of a non-writable, non-configurable property must be reported as is');
    }
    if (IsAccessorDescriptorRecord(targetDesc) && targetDesc.get === undefined && trapResult !== undefined) {
      ProxyInvariant('get', 'a non-configurable accessor property without a getter must be reported as undefined');
    }
  }
  return trapResult;
}

// 10.5.9 [[Set]] ( P, V, Receiver ). `strict`: a false result throws (a
// PutValue in strict code).
function ProxySet(proxy, P, V, receiver, strict) {
  const handler = ProxyHandler(proxy, 'set');
  const target = proxyTarget(proxy);
  const trap = ProxyTrap(handler, 'set');
  let ok;
  if (trap === undefined) {
    ok = callFunction(reflectOp(8), undefined, target, P, V, receiver);
  } else {
    ok = !!callFunction(trap, handler, target, P, V, receiver);
    if (ok) {
      const targetDesc = TargetDescriptor(target, P);
      if (targetDesc !== undefined && !targetDesc.configurable) {
        if (IsDataDescriptorRecord(targetDesc) && !targetDesc.writable && !SameValue(V, targetDesc.value)) {
          ProxyInvariant('set', 'trap returned truish for changing a non-writable, non-configurable property');
        }
        if (IsAccessorDescriptorRecord(targetDesc) && targetDesc.set === undefined) {
          ProxyInvariant('set', 'trap returned truish for a non-configurable accessor property without a setter');
        }
      }
    }
  }
  if (!ok && strict) throwTypeError("'set' on proxy: trap returned falsish for property '" + KeyName(P) + "'");
  return ok;
}

// 10.5.10 [[Delete]] ( P )
function ProxyDelete(proxy, P, strict) {
  const handler = ProxyHandler(proxy, 'deleteProperty');
  const target = proxyTarget(proxy);
  const trap = ProxyTrap(handler, 'deleteProperty');
  let ok;
  if (trap === undefined) {
    ok = callFunction(reflectOp(9), undefined, target, P);
  } else {
    ok = !!callFunction(trap, handler, target, P);
    if (ok) {
      const targetDesc = TargetDescriptor(target, P);
      if (targetDesc !== undefined) {
        if (!targetDesc.configurable) ProxyInvariant('deleteProperty', 'trap returned truish for a non-configurable property');
        if (!callFunction(reflectOp(2), undefined, target)) {
          ProxyInvariant('deleteProperty', 'trap returned truish for a property of a non-extensible target');
        }
      }
    }
  }
  if (!ok && strict) throwTypeError("'deleteProperty' on proxy: trap returned falsish for property '" + KeyName(P) + "'");
  return ok;
}

// 10.5.11 [[OwnPropertyKeys]] ( )
function ProxyOwnKeys(proxy) {
  const handler = ProxyHandler(proxy, 'ownKeys');
  const target = proxyTarget(proxy);
  const trap = ProxyTrap(handler, 'ownKeys');
  if (trap === undefined) return callFunction(reflectOp(10), undefined, target);
  const trapResultArray = callFunction(trap, handler, target);
  if (!isObject(trapResultArray)) ProxyInvariant('ownKeys', 'trap result is not an object');
  const len = ToLength(trapResultArray.length);
  const trapResult = newArray();
  for (let i = 0; i < len; i++) {
    const key = trapResultArray[i];
    if (typeof key !== 'string' && typeof key !== 'symbol') {
      ProxyInvariant('ownKeys', 'trap result contains a value that is neither a string nor a symbol');
    }
    if (ListIncludes(trapResult, key)) ProxyInvariant('ownKeys', 'trap result contains duplicate entries');
    arrayPush(trapResult, key);
  }
  const extensibleTarget = callFunction(reflectOp(2), undefined, target);
  const targetKeys = callFunction(reflectOp(10), undefined, target);
  const configurableKeys = newArray();
  const nonconfigurableKeys = newArray();
  for (let i = 0; i < targetKeys.length; i++) {
    const key = targetKeys[i];
    const desc = TargetDescriptor(target, key);
    if (desc !== undefined && !desc.configurable) {
      arrayPush(nonconfigurableKeys, key);
    } else {
      arrayPush(configurableKeys, key);
    }
  }
  if (extensibleTarget && nonconfigurableKeys.length === 0) return trapResult;
  const unchecked = newArray();
  for (let i = 0; i < trapResult.length; i++) arrayPush(unchecked, trapResult[i]);
  const take = (key, what) => {
    for (let i = 0; i < unchecked.length; i++) {
      if (unchecked[i] === key) {
        unchecked[i] = unchecked[unchecked.length - 1];
        setLength(unchecked, unchecked.length - 1);
        return;
      }
    }
    ProxyInvariant('ownKeys', 'trap result did not include ' + what + " '" + KeyName(key) + "'");
  };
  for (let i = 0; i < nonconfigurableKeys.length; i++) take(nonconfigurableKeys[i], 'the non-configurable key');
  if (extensibleTarget) return trapResult;
  for (let i = 0; i < configurableKeys.length; i++) take(configurableKeys[i], 'the key of a non-extensible target');
  if (unchecked.length !== 0) ProxyInvariant('ownKeys', 'trap returned extra keys but proxy target is non-extensible');
  return trapResult;
}

// 10.5.12 [[Call]] ( thisArgument, argumentsList )
function ProxyCall(proxy, thisArgument, args) {
  const handler = ProxyHandler(proxy, 'apply');
  const target = proxyTarget(proxy);
  const trap = ProxyTrap(handler, 'apply');
  if (trap === undefined) return callFunction(reflectOp(11), undefined, target, thisArgument, args);
  return callFunction(trap, handler, target, thisArgument, args);
}

// 10.5.13 [[Construct]] ( argumentsList, newTarget )
function ProxyConstruct(proxy, args, newTarget) {
  const handler = ProxyHandler(proxy, 'construct');
  const target = proxyTarget(proxy);
  const trap = ProxyTrap(handler, 'construct');
  if (trap === undefined) return callFunction(reflectOp(12), undefined, target, args, newTarget);
  const newObj = callFunction(trap, handler, target, args, newTarget);
  if (!isObject(newObj)) ProxyInvariant('construct', 'trap returned non-object');
  return newObj;
}

// [[Set]] reached from a property assignment (GetProperty/SetProperty hand
// this back as a setter bound to the proxy, key, receiver and strictness).
function ProxySetAccess(proxy, P, receiver, strict, V) {
  return ProxySet(proxy, P, V, receiver, strict);
}

// HasOwnProperty / propertyIsEnumerable on a proxy.
function ProxyHasOwn(proxy, P, enumerableOnly) {
  const desc = ProxyGetOwnProperty(proxy, P);
  return desc !== undefined && (!enumerableOnly || desc.enumerable);
}

// Own keys of a proxy for Object.getOwnPropertyNames (1), ...Symbols (2),
// and Object.keys / values / entries (3, 4, 5: enumerable string keys).
function ProxyOwnKeysFiltered(proxy, filter) {
  const keys = ProxyOwnKeys(proxy);
  const out = newArray();
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (filter === 1 && typeof k !== 'string') continue;
    if (filter === 2 && typeof k !== 'symbol') continue;
    if (filter >= 3) {
      if (typeof k !== 'string') continue;
      const desc = ProxyGetOwnProperty(proxy, k);
      if (desc === undefined || !desc.enumerable) continue;
      if (filter === 4) {
        arrayPush(out, proxy[k]);
        continue;
      }
      if (filter === 5) {
        const pair = newArray();
        arrayPush(pair, k);
        arrayPush(pair, proxy[k]);
        arrayPush(out, pair);
        continue;
      }
    }
    arrayPush(out, k);
  }
  return out;
}

// 14.7.5.9 EnumerateObjectProperties for a chain with a proxy: the
// for-in state [object, keys...] with the keys of every object of the chain
// (each proxy's through its ownKeys and getOwnPropertyDescriptor traps).
function ProxyForInKeys(O) {
  const state = newArray();
  arrayPush(state, O);
  const seen = newArray();
  let o = O;
  while (o !== null) {
    const keys = callFunction(reflectOp(10), undefined, o);
    const next = callFunction(reflectOp(0), undefined, o);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      if (typeof k !== 'string' || ListIncludes(seen, k)) continue;
      const desc = callFunction(reflectOp(4), undefined, o, k);
      if (desc === undefined) continue;
      arrayPush(seen, k);
      if (desc.enumerable) arrayPush(state, k);
    }
    o = next;
  }
  return forInState(state);
}

// 20.2.3.6 Function.prototype [ @@hasInstance ] / OrdinaryHasInstance when
// a proxy is involved: every [[GetPrototypeOf]] is a trap call.
function OrdinaryHasInstanceSlow(C, O) {
  if (!isObject(O)) return false;
  const P = C.prototype;
  if (!isObject(P)) throwTypeError('Function has non-object prototype in instanceof check');
  let o = O;
  for (;;) {
    o = callFunction(reflectOp(0), undefined, o);
    if (o === null) return false;
    if (o === P) return true;
  }
}

// 10.1.9.2 OrdinarySetWithOwnDescriptor step 2 with a proxy as the
// receiver (Reflect.set and [[Set]] without a trap reach it).
function ProxyReceiverSet(receiver, P, V) {
  const existing = ProxyGetOwnProperty(receiver, P);
  const desc = newRecord();
  desc.value = V;
  if (existing !== undefined) {
    if (IsAccessorDescriptorRecord(existing) || !existing.writable) return false;
  } else {
    desc.writable = true;
    desc.enumerable = true;
    desc.configurable = true;
  }
  return ProxyDefineOwnProperty(receiver, P, desc);
}

// 7.3.15 SetIntegrityLevel / 7.3.16 TestIntegrityLevel through a proxy's
// traps (level 0 sealed, 1 frozen).
function ProxyIntegrity(O, level, test) {
  const keys = callFunction(reflectOp(10), undefined, O);
  if (test) {
    if (callFunction(reflectOp(2), undefined, O)) return false;
    for (let i = 0; i < keys.length; i++) {
      const d = callFunction(reflectOp(4), undefined, O, keys[i]);
      if (d === undefined) continue;
      if (d.configurable) return false;
      if (level === 1 && 'value' in d && d.writable) return false;
    }
    return true;
  }
  if (!callFunction(reflectOp(3), undefined, O)) throwTypeError('Cannot prevent extensions');
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    const desc = newRecord();
    desc.configurable = false;
    if (level === 1) {
      const current = callFunction(reflectOp(4), undefined, O, k);
      if (current === undefined) continue;
      if (!('get' in current) && !('set' in current)) desc.writable = false;
    }
    if (!callFunction(reflectOp(5), undefined, O, k, desc)) throwTypeError("Cannot redefine property: " + KeyName(k));
  }
  return O;
}

// 10.1.14 GetPrototypeFromConstructor when newTarget.prototype is a getter
// or newTarget a proxy: read it here, then construct with it.
function ConstructWithJsPrototype(F, args, newTarget) {
  const proto = newTarget.prototype;
  return constructWithPrototype(F, args, newTarget, isObject(proto) ? proto : null);
}

// 7.3.5 CreateDataProperty / 7.3.7 CreateDataPropertyOrThrow on a proxy.
// super[key] = v when a proxy is on the home object's chain or is `this`:
// [[Set]] of the home object's prototype with `this` as the receiver.
function SuperSetWithProxy(proto, key, value, receiver, strict) {
  const ok = callFunction(reflectOp(8), undefined, proto, key, value, receiver);
  if (!ok && strict) throwTypeError("Cannot assign to property '" + KeyName(key) + "' of super");
}

// PrivateFieldAdd / PrivateMethodOrAccessorAdd on a proxy: the
// isExtensible trap decides whether it takes private elements.
function PrivateAddToProxy(proxy, name, value, setter, kind) {
  if (!callFunction(reflectOp(2), undefined, proxy)) {
    throwTypeError('Cannot add a private member to a non-extensible object');
  }
  privateAdd(proxy, name, value, setter, kind);
}

function ProxyCreateDataProperty(O, P, V, throwing) {
  const desc = newRecord();
  desc.value = V;
  desc.writable = true;
  desc.enumerable = true;
  desc.configurable = true;
  const ok = ProxyDefineOwnProperty(O, P, desc);
  if (!ok && throwing) throwTypeError("Cannot define property '" + KeyName(P) + "' on a proxy");
  return ok;
}
