// Ratchet's self-hosted library (runtime/selfhost/*.js, concatenated in the
// order runtime/BUILD.bazel lists them into one program): the slow paths of operators that may run
// user code (ToPrimitive, iteration) and builtins that call back into
// JavaScript. Compiled once per runtime; every realm gets its own closures
// over an environment the runtime builds. Only function declarations are
// allowed here. The names below (callFunction, throwTypeError, ...) are
// natives bound by runtime/realm.cc; user code cannot reach any of this.

function isObject(v) {
  return (typeof v === 'object' && v !== null) || typeof v === 'function';
}

// 7.1.1 ToPrimitive ( input [ , preferredType ] ), https://tc39.es/ecma262/#sec-toprimitive
function ToPrimitive(input, hint) {
  if (!isObject(input)) return input;
  // 1.a. Let exoticToPrim be ? GetMethod(input, @@toPrimitive).
  const exotic = input[symToPrimitive];
  if (exotic !== undefined && exotic !== null) {
    if (!isCallable(exotic)) throwTypeError('Symbol.toPrimitive is not a function');
    const result = callFunction(exotic, input, hint);
    if (isObject(result)) throwTypeError('Cannot convert object to primitive value');
    return result;
  }
  return OrdinaryToPrimitive(input, hint === 'string' ? 'string' : 'number');
}

// 7.1.1.1 OrdinaryToPrimitive ( O, hint )
function OrdinaryToPrimitive(O, hint) {
  const first = hint === 'string' ? 'toString' : 'valueOf';
  const second = hint === 'string' ? 'valueOf' : 'toString';
  let method = O[first];
  if (isCallable(method)) {
    const result = callFunction(method, O);
    if (!isObject(result)) return result;
  }
  method = O[second];
  if (isCallable(method)) {
    const result = callFunction(method, O);
    if (!isObject(result)) return result;
  }
  throwTypeError('Cannot convert object to primitive value');
}

function Add(a, b) {
  a = ToPrimitive(a, 'default');
  b = ToPrimitive(b, 'default');
  return a + b;
}

// 7.1.3 ToNumeric (toNumber false: BigInts pass) or 7.1.4 ToNumber.
function ToNumericSlow(v, toNumber) {
  const prim = ToPrimitive(v, 'number');
  if (typeof prim === 'bigint' && !toNumber) return prim;
  return +prim;
}

function ToNumberSlow(v) {
  return +ToPrimitive(v, 'number');
}

// Unary -, ~, ++, -- on an object (kind 0..3), after ToNumeric.
function UnaryArith(v, kind) {
  let n = ToNumericSlow(v);
  switch (kind) {
    case 0: return -n;
    case 1: return ~n;
    case 2: return ++n;
    default: return --n;
  }
}

function Arith(a, b, op) {
  a = ToNumericSlow(a);
  b = ToNumericSlow(b);
  switch (op) {
    case 0: return a - b;
    case 1: return a * b;
    case 2: return a / b;
    case 3: return a % b;
    case 4: return a ** b;
    case 5: return a & b;
    case 6: return a | b;
    case 7: return a ^ b;
    case 8: return a << b;
    case 9: return a >> b;
    case 10: return a >>> b;
    default: return a + b;
  }
}

function Compare(a, b, op) {
  a = ToPrimitive(a, 'number');
  b = ToPrimitive(b, 'number');
  switch (op) {
    case 0: return a < b;
    case 1: return a <= b;
    case 2: return a > b;
    default: return a >= b;
  }
}

// 7.2.14 IsLooselyEqual ( x, y ), with one side an object.
function LooseEquals(a, b, negate) {
  let result;
  if (isObject(a) && isObject(b)) {
    result = a === b;
  } else if (isObject(a)) {
    result = ToPrimitive(a, 'default') == b;
  } else {
    result = a == ToPrimitive(b, 'default');
  }
  return negate ? !result : result;
}

function ToStringSlow(v) {
  if (typeof v === 'symbol') throwTypeError('Cannot convert a Symbol value to a string');
  if (!isObject(v)) return '' + v;
  return ToStringSlow(ToPrimitive(v, 'string'));
}

function ToPropertyKey(v) {
  const key = ToPrimitive(v, 'string');
  if (typeof key === 'symbol') return key;
  return '' + key;
}

function InstanceOf(v, target) {
  if (!isObject(target)) throwTypeError("Right-hand side of 'instanceof' is not an object");
  const handler = target[symHasInstance];
  if (handler !== undefined && handler !== null) {
    return !!callFunction(handler, target, v);
  }
  if (!isCallable(target)) throwTypeError("Right-hand side of 'instanceof' is not callable");
  return ordinaryHasInstance(target, v);
}

function GetIterator(obj) {
  const method = obj[symIterator];
  if (!isCallable(method)) throwTypeError('object is not iterable');
  const iterator = callFunction(method, obj);
  if (!isObject(iterator)) throwTypeError('Result of the Symbol.iterator method is not an object');
  return iterator;
}

function IteratorClose(iterator) {
  const ret = iterator.return;
  if (ret === undefined || ret === null) return;
  const result = callFunction(ret, iterator);
  if (!isObject(result)) throwTypeError('iterator.return() did not return an object');
}

function IterableToArray(obj) {
  const iterator = GetIterator(obj);
  const next = iterator.next;
  const out = newArray();
  for (;;) {
    const r = callFunction(next, iterator);
    if (!isObject(r)) throwTypeError('Iterator result is not an object');
    if (r.done) return out;
    arrayPush(out, r.value);
  }
}

// GetValue / PutValue / delete on a property reference: the base is made an
// object (a TypeError for null and undefined) before the key is converted.
function RequireBase(o, action) {
  if (o === undefined || o === null) throwTypeError('Cannot ' + action + ' properties of ' + o);
}

function GetKeyedSlow(o, k) {
  RequireBase(o, 'read');
  return o[ToPropertyKey(k)];
}

function SetKeyedSlow(o, k, v) {
  RequireBase(o, 'set');
  o[ToPropertyKey(k)] = v;
}

function DeleteKeyedSlow(o, k) {
  RequireBase(o, 'delete');
  return delete o[ToPropertyKey(k)];
}

function InSlow(k, o) {
  return ToPropertyKey(k) in o;
}

function CopyDataProperties(target, source) {
  if (source === undefined || source === null) return target;
  const from = toObject(source);
  const keys = ownKeys(from);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (isEnumerable(from, k)) createDataProperty(target, k, from[k]);
  }
  return target;
}

function ObjectRest(source, excluded) {
  const target = newObject();
  const from = toObject(source);
  const keys = ownKeys(from);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    let skip = false;
    for (let j = 0; j < excluded.length; j++) {
      if (excluded[j] === k || ('' + excluded[j]) === k) skip = true;
    }
    if (!skip && isEnumerable(from, k)) createDataProperty(target, k, from[k]);
  }
  return target;
}

// A native met an object where it needs a primitive: convert it (hint 0
// ToString, 1 ToNumber, 2 ToPropertyKey) and call the native again
// (runtime/builtins/builtins.cc RequestArgumentConversion).
function ConvertArgumentAndRetry(fn, thisValue, newTarget, index, hint, args) {
  let v = index < 0 ? thisValue : args[index];
  if (hint === 0) {
    v = ToStringSlow(v);
  } else if (hint === 1) {
    v = ToNumberSlow(v);
  } else if (hint === 2) {
    v = ToPropertyKey(v);
  } else if (hint === 3) {
    v = ToPropertyDescriptorRecord(v);
  } else if (hint === 5) {
    v = CreateListFromArrayLike(v);
  } else if (hint === 6) {
    v = ToPrimitive(v, 'default');
  } else if (hint === 7) {
    v = ToNumericSlow(v);
  } else if (hint === 8) {
    v = ToPrimitive(v, 'number');
  } else {
    v = ToPropertyDescriptorMap(v);
  }
  if (index < 0) {
    thisValue = v;
  } else {
    args[index] = v;
  }
  return retryNative(fn, thisValue, newTarget, args);
}

// 7.3.19 CreateListFromArrayLike ( obj )
function CreateListFromArrayLike(obj) {
  if (!isObject(obj)) throwTypeError('CreateListFromArrayLike called on non-object');
  const len = ToLength(obj.length);
  const list = newArray();
  for (let i = 0; i < len; i++) arrayPush(list, obj[i]);
  return list;
}

// Reflect.set through a setter: the setter's result is dropped.
function CallSetterReturnTrue(setter, receiver, value) {
  callFunction(setter, receiver, value);
  return true;
}

// 6.2.6.5 ToPropertyDescriptor ( Obj ), as a prototype-less object holding
// only the fields present, as data properties.
function ToPropertyDescriptorRecord(desc) {
  if (!isObject(desc)) throwTypeError('Property description must be an object');
  const r = newRecord();
  if ('enumerable' in desc) r.enumerable = !!desc.enumerable;
  if ('configurable' in desc) r.configurable = !!desc.configurable;
  if ('value' in desc) r.value = desc.value;
  if ('writable' in desc) r.writable = !!desc.writable;
  if ('get' in desc) {
    const getter = desc.get;
    if (getter !== undefined && !isCallable(getter)) throwTypeError('Getter must be a function');
    r.get = getter;
  }
  if ('set' in desc) {
    const setter = desc.set;
    if (setter !== undefined && !isCallable(setter)) throwTypeError('Setter must be a function');
    r.set = setter;
  }
  if (('get' in r || 'set' in r) && ('value' in r || 'writable' in r)) {
    throwTypeError('Invalid property descriptor. Cannot both specify accessors and a value or writable attribute');
  }
  return r;
}

// 20.1.2.3.1 ObjectDefineProperties steps 3-4: every descriptor read first.
function ToPropertyDescriptorMap(properties) {
  const props = toObject(properties);
  const keys = ownKeys(props);
  const out = newRecord();
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (isEnumerable(props, k)) createDataProperty(out, k, ToPropertyDescriptorRecord(props[k]));
  }
  return out;
}

// 15.7.14 ClassDefinitionEvaluation steps 8.e-h: the prototype parent of a
// class with an extends clause.
function ClassProtoParent(superclass) {
  if (superclass === null) return null;
  if (!isConstructor(superclass)) throwTypeError('Class extends value is not a constructor or null');
  const protoParent = superclass.prototype;
  if (!isObject(protoParent) && protoParent !== null) {
    throwTypeError('Class extends value does not have valid prototype property');
  }
  return protoParent;
}

// 9.1.1.2.1 HasBinding of a with statement's object Environment Record.
function WithHasBinding(obj, name) {
  if (!(name in obj)) return false;
  const unscopables = obj[symUnscopables];
  if (isObject(unscopables) && unscopables[name]) return false;
  return true;
}

// 14.11.7 step 2: ToObject of the with statement's expression.
function WithObject(v) {
  if (v === undefined || v === null) throwTypeError('Cannot convert undefined or null to object');
  return toObject(v);
}

// 9.1.1.2.6 GetBindingValue ( N, S ) of a with object.
function WithGetBinding(obj, name, strict) {
  if (!(name in obj)) {
    if (strict) throwReferenceError(name + ' is not defined');
    return undefined;
  }
  return obj[name];
}

// 9.1.1.2.5 SetMutableBinding ( N, V, S ) of a with object.
function WithSetBinding(obj, name, value, strict) {
  if (!(name in obj) && strict) throwReferenceError(name + ' is not defined');
  const ok = callFunction(reflectOp(8), undefined, obj, name, value, obj);
  if (!ok && strict) throwTypeError("Cannot assign to read only property '" + name + "'");
  return undefined;
}

// A sloppy function's variable environment extended by direct eval code:
// an object only the compiled code can reach (undefined until the first
// var). HasBinding, and EvalDeclarationInstantiation's CreateMutableBinding
// (deletable) / InitializeBinding or SetMutableBinding for functions.
// `delete name` of an unresolved name in function code: the global
// environment's DeleteBinding.
function DeleteGlobalBinding(name) {
  return deleteGlobalBinding(name);
}

function EvalVarsHas(obj, name) {
  return isObject(obj) && hasOwn(obj, name);
}

function EvalVarsDeclare(obj, name, value, isFunction) {
  if (!isObject(obj)) obj = { __proto__: null };
  if (isFunction || !hasOwn(obj, name)) createDataProperty(obj, name, value);
  return obj;
}

// The call of an asynchronous host function that the host did not answer
// at once (api/ratchet.cc CallAsyncHostFunction calls this in its place):
// hostWait compiles to the HostWait instruction, which suspends the task
// until the host settles call `id`, then returns its result or throws.
function HostWait(id) {
  return hostWait(id);
}
