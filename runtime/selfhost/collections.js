// Part of Ratchet's self-hosted library (see core.js): Map, Set, WeakMap, WeakSet.

// ---- Map, Set, WeakMap, WeakSet (runtime/builtins/collections.cc) ----------------

// 24.1.1.2 AddEntriesFromIterable, with `adder` looked up on the new object.
function AddEntriesFromIterable(target, iterable, adderName, pairs) {
  const adder = target[adderName];
  if (!isCallable(adder)) throwTypeError("'" + adderName + "' is not a function");
  const iterator = GetIterator(iterable);
  const next = iterator.next;
  for (;;) {
    const r = callFunction(next, iterator);
    if (!isObject(r)) throwTypeError('Iterator result is not an object');
    if (r.done) return target;
    const item = r.value;
    try {
      if (pairs) {
        if (!isObject(item)) throwTypeError('Iterator value ' + ToStringSlowSafe(item) + ' is not an entry object');
        callFunction(adder, target, item[0], item[1]);
      } else {
        callFunction(adder, target, item);
      }
    } catch (e) {
      IteratorCloseQuietly(iterator);
      throw e;
    }
  }
}

function MapInitialize(map, iterable) { return AddEntriesFromIterable(map, iterable, 'set', true); }
function SetInitialize(set, iterable) { return AddEntriesFromIterable(set, iterable, 'add', false); }
function WeakMapInitialize(map, iterable) { return AddEntriesFromIterable(map, iterable, 'set', true); }
function WeakSetInitialize(set, iterable) { return AddEntriesFromIterable(set, iterable, 'add', false); }

// Map.prototype.getOrInsertComputed ( key, callbackfn ) (upsert proposal)
function MapGetOrInsertComputed(key, callbackfn) {
  if (!isCollection(this, 0)) throwTypeError('Map.prototype.getOrInsertComputed called on incompatible receiver');
  CheckCallback(callbackfn);
  key = NormalizeZero(key);
  if (collectionHas(this, key)) return collectionGet(this, key);
  const value = callFunction(callbackfn, undefined, key);
  collectionAdd(this, key, value);
  return value;
}

function WeakMapGetOrInsertComputed(key, callbackfn) {
  if (!isCollection(this, 2)) throwTypeError('WeakMap.prototype.getOrInsertComputed called on incompatible receiver');
  CheckCallback(callbackfn);
  if (!canBeHeldWeakly(key)) throwTypeError('Invalid value used as weak map key');
  if (collectionHas(this, key)) return collectionGet(this, key);
  const value = callFunction(callbackfn, undefined, key);
  collectionAdd(this, key, value);
  return value;
}

// 24.1.3.5 Map.prototype.forEach ( callbackfn [ , thisArg ] )
function MapForEach(callbackfn, thisArg) {
  if (!isCollection(this, 0)) throwTypeError('Map.prototype.forEach called on incompatible receiver');
  CheckCallback(callbackfn);
  const cursor = collectionCursor(this);
  const box = newArrayWithLength(2);
  while (cursorNext(cursor, box)) callFunction(callbackfn, thisArg, box[1], box[0], this);
}

// 24.2.4.7 Set.prototype.forEach ( callbackfn [ , thisArg ] )
function SetForEach(callbackfn, thisArg) {
  if (!isCollection(this, 1)) throwTypeError('Set.prototype.forEach called on incompatible receiver');
  CheckCallback(callbackfn);
  const cursor = collectionCursor(this);
  const box = newArrayWithLength(2);
  while (cursorNext(cursor, box)) callFunction(callbackfn, thisArg, box[0], box[0], this);
}

// 7.3.35 GroupBy ( items, callback, keyCoercion ): calls add(key, value).
function GroupByInto(items, callbackfn, propertyKeys, add) {
  if (items === undefined || items === null) throwTypeError('groupBy called on null or undefined');
  CheckCallback(callbackfn);
  const iterator = GetIterator(items);
  const next = iterator.next;
  for (let k = 0; ; k++) {
    const r = callFunction(next, iterator);
    if (!isObject(r)) throwTypeError('Iterator result is not an object');
    if (r.done) return;
    const value = r.value;
    let key;
    try {
      key = callFunction(callbackfn, undefined, value, k);
      if (propertyKeys) key = ToPropertyKey(key);
    } catch (e) {
      IteratorCloseQuietly(iterator);
      throw e;
    }
    add(key, value);
  }
}

// 24.1.2.1 Map.groupBy ( items, callback )
function MapGroupBy(items, callbackfn) {
  const map = newMap();
  GroupByInto(items, callbackfn, false, (key, value) => {
    let group = collectionGet(map, key);
    if (group === undefined) {
      group = newArray();
      collectionAdd(map, key, group);
    }
    arrayPush(group, value);
  });
  return map;
}

// 20.1.2.12 Object.groupBy ( items, callback )
function ObjectGroupBy(items, callbackfn) {
  const groups = newMap();
  GroupByInto(items, callbackfn, true, (key, value) => {
    let group = collectionGet(groups, key);
    if (group === undefined) {
      group = newArray();
      collectionAdd(groups, key, group);
    }
    arrayPush(group, value);
  });
  const obj = newRecord();
  const cursor = collectionCursor(groups);
  const box = newArrayWithLength(2);
  while (cursorNext(cursor, box)) createDataProperty(obj, box[0], box[1]);
  return obj;
}

// 24.2.1.2 GetSetRecord ( obj )
function GetSetRecord(obj) {
  if (!isObject(obj)) throwTypeError('The argument must be an object');
  const rawSize = obj.size;
  const numSize = ToNumberSlow(rawSize);
  if (numSize !== numSize) throwTypeError("The argument's size is not a number");
  const intSize = ToIntegerOrInfinity(numSize);
  if (intSize < 0) throwRangeError("The argument's size must not be negative");
  const has = obj.has;
  if (!isCallable(has)) throwTypeError("The argument's has is not a function");
  const keys = obj.keys;
  if (!isCallable(keys)) throwTypeError("The argument's keys is not a function");
  return [obj, intSize, has, keys];
}

// GetIteratorFromMethod on the record's keys(); returns [iterator, next].
function SetRecordKeys(rec) {
  const iterator = callFunction(rec[3], rec[0]);
  if (!isObject(iterator)) throwTypeError('keys() did not return an object');
  return [iterator, iterator.next];
}

// IteratorStepValue: the next value, or the `done` marker.
function SetRecordStep(it, done) {
  const r = callFunction(it[1], it[0]);
  if (!isObject(r)) throwTypeError('Iterator result is not an object');
  return r.done ? done : r.value;
}

function ThisSet(o, name) {
  if (!isCollection(o, 1)) throwTypeError('Set.prototype.' + name + ' called on incompatible receiver');
  return o;
}

function CopySet(set) {
  const result = newSet();
  const cursor = collectionCursor(set);
  const box = newArrayWithLength(2);
  while (cursorNext(cursor, box)) collectionAdd(result, box[0]);
  return result;
}

function NormalizeZero(v) { return v === 0 ? 0 : v; }

// 24.2.4.20 Set.prototype.union ( other )
function SetUnion(other) {
  ThisSet(this, 'union');
  const rec = GetSetRecord(other);
  const it = SetRecordKeys(rec);
  const result = CopySet(this);
  const done = {};
  for (;;) {
    const v = SetRecordStep(it, done);
    if (v === done) return result;
    collectionAdd(result, NormalizeZero(v));
  }
}

// 24.2.4.9 Set.prototype.intersection ( other )
function SetIntersection(other) {
  ThisSet(this, 'intersection');
  const rec = GetSetRecord(other);
  const result = newSet();
  if (collectionSize(this) <= rec[1]) {
    const cursor = collectionCursor(this);
    const box = newArrayWithLength(2);
    while (cursorNext(cursor, box)) {
      const e = box[0];
      if (callFunction(rec[2], rec[0], e)) collectionAdd(result, e);
    }
    return result;
  }
  const it = SetRecordKeys(rec);
  const done = {};
  for (;;) {
    const v = SetRecordStep(it, done);
    if (v === done) return result;
    if (collectionHas(this, v)) collectionAdd(result, NormalizeZero(v));
  }
}

// 24.2.4.5 Set.prototype.difference ( other )
function SetDifference(other) {
  ThisSet(this, 'difference');
  const rec = GetSetRecord(other);
  const result = CopySet(this);
  if (collectionSize(this) <= rec[1]) {
    const cursor = collectionCursor(this);
    const box = newArrayWithLength(2);
    while (cursorNext(cursor, box)) {
      const e = box[0];
      if (callFunction(rec[2], rec[0], e)) collectionRemove(result, e);
    }
    return result;
  }
  const it = SetRecordKeys(rec);
  const done = {};
  for (;;) {
    const v = SetRecordStep(it, done);
    if (v === done) return result;
    collectionRemove(result, v);
  }
}

// 24.2.4.15 Set.prototype.symmetricDifference ( other )
function SetSymmetricDifference(other) {
  ThisSet(this, 'symmetricDifference');
  const rec = GetSetRecord(other);
  const it = SetRecordKeys(rec);
  const result = CopySet(this);
  const done = {};
  for (;;) {
    const v = SetRecordStep(it, done);
    if (v === done) return result;
    const n = NormalizeZero(v);
    if (collectionHas(this, n)) {
      collectionRemove(result, n);
    } else {
      collectionAdd(result, n);
    }
  }
}

// 24.2.4.12 Set.prototype.isSubsetOf ( other )
function SetIsSubsetOf(other) {
  ThisSet(this, 'isSubsetOf');
  const rec = GetSetRecord(other);
  if (collectionSize(this) > rec[1]) return false;
  const cursor = collectionCursor(this);
  const box = newArrayWithLength(2);
  while (cursorNext(cursor, box)) {
    if (!callFunction(rec[2], rec[0], box[0])) return false;
  }
  return true;
}

// 24.2.4.13 Set.prototype.isSupersetOf ( other )
function SetIsSupersetOf(other) {
  ThisSet(this, 'isSupersetOf');
  const rec = GetSetRecord(other);
  if (collectionSize(this) < rec[1]) return false;
  const it = SetRecordKeys(rec);
  const done = {};
  for (;;) {
    const v = SetRecordStep(it, done);
    if (v === done) return true;
    if (!collectionHas(this, v)) {
      IteratorClose(it[0]);
      return false;
    }
  }
}

// 24.2.4.11 Set.prototype.isDisjointFrom ( other )
function SetIsDisjointFrom(other) {
  ThisSet(this, 'isDisjointFrom');
  const rec = GetSetRecord(other);
  if (collectionSize(this) <= rec[1]) {
    const cursor = collectionCursor(this);
    const box = newArrayWithLength(2);
    while (cursorNext(cursor, box)) {
      if (callFunction(rec[2], rec[0], box[0])) return false;
    }
    return true;
  }
  const it = SetRecordKeys(rec);
  const done = {};
  for (;;) {
    const v = SetRecordStep(it, done);
    if (v === done) return true;
    if (collectionHas(this, v)) {
      IteratorClose(it[0]);
      return false;
    }
  }
}

// 7.3.23 EnumerableOwnProperties ( O, kind ) for Object.values (1) and
// Object.entries (2) when a property is an accessor.
function EnumerableOwnPropertiesSlow(O, kind) {
  const keys = ownKeys(O);
  const results = newArray();
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (typeof key !== 'string' || !isEnumerable(O, key)) continue;
    const value = O[key];
    if (kind === 1) {
      arrayPush(results, value);
    } else {
      const entry = newArray();
      arrayPush(entry, key);
      arrayPush(entry, value);
      arrayPush(results, entry);
    }
  }
  return results;
}

// 20.1.2.7 Object.fromEntries ( iterable )
function ObjectFromEntries(iterable) {
  if (iterable === undefined || iterable === null) throwTypeError('Object.fromEntries requires an iterable');
  const obj = newObject();
  const iterator = GetIterator(iterable);
  const next = iterator.next;
  for (;;) {
    const r = callFunction(next, iterator);
    if (!isObject(r)) throwTypeError('Iterator result is not an object');
    if (r.done) return obj;
    const item = r.value;
    try {
      if (!isObject(item)) throwTypeError('Iterator value ' + ToStringSlowSafe(item) + ' is not an entry object');
      const k = item[0];
      const v = item[1];
      createDataProperty(obj, ToPropertyKey(k), v);
    } catch (e) {
      IteratorCloseQuietly(iterator);
      throw e;
    }
  }
}
