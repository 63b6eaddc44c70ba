// Part of Ratchet's self-hosted library (see core.js): Date, String.raw, generic Array mutators.

// ---- Date (runtime/builtins/date.cc) ------------------------------------------------

// 21.4.4.45 Date.prototype [ %Symbol.toPrimitive% ] ( hint )
function DateToPrimitive(hint) {
  if (!isObject(this)) throwTypeError('Date.prototype[Symbol.toPrimitive] called on non-object');
  if (hint === 'string' || hint === 'default') return OrdinaryToPrimitive(this, 'string');
  if (hint === 'number') return OrdinaryToPrimitive(this, 'number');
  throwTypeError('Invalid hint: ' + ToStringSlowSafe(hint));
}

// 21.4.4.37 Date.prototype.toJSON ( key )
function DateToJSON(key) {
  const O = toObject(this);
  const tv = ToPrimitive(O, 'number');
  if (typeof tv === 'number' && (tv !== tv || tv === 1 / 0 || tv === -1 / 0)) return null;
  const toISO = O.toISOString;
  if (!isCallable(toISO)) throwTypeError('toISOString is not a function');
  return callFunction(toISO, O);
}

// A Date setter whose arguments need ToNumber in JavaScript: the date value
// was read first (by the native), then the arguments are converted in order.
function DateSetterConvert(date, tv, magic, args) {
  for (let i = 0; i < args.length; i++) args[i] = +ToPrimitive(args[i], 'number');
  return dateSetFields(date, tv, magic, args);
}

// 22.1.2.4 String.raw ( template, ...substitutions )
function StringRaw(template) {
  const cooked = toObject(template);
  const literals = toObject(cooked.raw);
  const literalCount = ToLength(literals.length);
  if (literalCount <= 0) return '';
  let r = '';
  for (let i = 0; ; i++) {
    r += ToStringSlow(literals[i]);
    if (i + 1 === literalCount) return r;
    if (i + 1 < arguments.length) r += ToStringSlow(arguments[i + 1]);
  }
}

// ---- Generic Array.prototype mutators (the natives' fallbacks) --------------------

// 23.1.3.23 Array.prototype.push ( ...items )
function ArrayPushGeneric() {
  const O = toObject(this);
  let len = ToLength(O.length);
  const n = arguments.length;
  if (len + n > 9007199254740991) throwTypeError('Pushing past the maximum array length');
  for (let i = 0; i < n; i++, len++) O[len] = arguments[i];
  O.length = len;
  return len;
}

// 23.1.3.22 Array.prototype.pop ( )
function ArrayPopGeneric() {
  const O = toObject(this);
  const len = ToLength(O.length);
  if (len === 0) {
    O.length = 0;
    return undefined;
  }
  const newLen = len - 1;
  const element = O[newLen];
  delete O[newLen];
  O.length = newLen;
  return element;
}

// 23.1.3.27 Array.prototype.shift ( )
function ArrayShiftGeneric() {
  const O = toObject(this);
  const len = ToLength(O.length);
  if (len === 0) {
    O.length = 0;
    return undefined;
  }
  const first = O[0];
  for (let k = 1; k < len; k++) {
    if (k in O) {
      O[k - 1] = O[k];
    } else {
      delete O[k - 1];
    }
  }
  delete O[len - 1];
  O.length = len - 1;
  return first;
}

// 23.1.3.37 Array.prototype.unshift ( ...items )
function ArrayUnshiftGeneric() {
  const O = toObject(this);
  const len = ToLength(O.length);
  const argCount = arguments.length;
  if (argCount > 0) {
    if (len + argCount > 9007199254740991) throwTypeError('Unshifting past the maximum array length');
    for (let k = len; k > 0; k--) {
      const from = k - 1;
      const to = k + argCount - 1;
      if (from in O) {
        O[to] = O[from];
      } else {
        delete O[to];
      }
    }
    for (let j = 0; j < argCount; j++) O[j] = arguments[j];
  }
  O.length = len + argCount;
  return len + argCount;
}

// 23.1.3.26 Array.prototype.reverse ( )
function ArrayReverseGeneric() {
  const O = toObject(this);
  const len = ToLength(O.length);
  const middle = mathFloor(len / 2);
  for (let lower = 0; lower !== middle; lower++) {
    const upper = len - lower - 1;
    const lowerExists = lower in O;
    const lowerValue = lowerExists ? O[lower] : undefined;
    const upperExists = upper in O;
    const upperValue = upperExists ? O[upper] : undefined;
    if (lowerExists && upperExists) {
      O[lower] = upperValue;
      O[upper] = lowerValue;
    } else if (upperExists) {
      O[lower] = upperValue;
      delete O[upper];
    } else if (lowerExists) {
      delete O[lower];
      O[upper] = lowerValue;
    }
  }
  return O;
}

// 23.1.3.7 Array.prototype.fill ( value [ , start [ , end ] ] )
function ArrayFillGeneric(value, start, end) {
  const O = toObject(this);
  const len = ToLength(O.length);
  const k0 = RelativeIndex(start, len, 0);
  const final = RelativeIndex(end, len, len);
  for (let k = k0; k < final; k++) O[k] = value;
  return O;
}
