// 22.2 RegExp Objects and the String methods that delegate to them
// (22.1.3.13 match, .14 matchAll, .19 replace, .20 replaceAll, .21 search,
// .23 split). Matching itself is native (runtime/builtins/regexp.cc,
// vm/regexp): regexpExec runs the matcher for one slice of steps and
// returns null, the match array, or a pending state that regexpResume
// continues, so a long match returns to the interpreter between slices.

// 22.2.3.? IsRegExp ( argument ), https://tc39.es/ecma262/#sec-isregexp
function IsRegExp(argument) {
  if (!isObject(argument)) return false;
  const matcher = argument[symMatch];
  if (matcher !== undefined) return !!matcher;
  return isRegExpObject(argument);
}

function HasFlag(flags, ch) {
  for (let i = 0; i < flags.length; i++) {
    if (flags[i] === ch) return true;
  }
  return false;
}

// 22.2.4.1 RegExp ( pattern, flags ), https://tc39.es/ecma262/#sec-regexp-pattern-flags
function RegExpConstruct(pattern, flags, newTarget, activeFunction) {
  // 1. Let patternIsRegExp be ? IsRegExp(pattern).
  const patternIsRegExp = IsRegExp(pattern);
  // 2. If NewTarget is undefined, then
  if (newTarget === undefined) {
    newTarget = activeFunction;
    if (patternIsRegExp && flags === undefined) {
      const patternConstructor = pattern.constructor;
      if (patternConstructor === newTarget) return pattern;
    }
  }
  let P;
  let F;
  if (isRegExpObject(pattern)) {
    // 4. If pattern is an Object with a [[RegExpMatcher]] internal slot:
    P = regexpOriginalSource(pattern);
    F = flags === undefined ? regexpOriginalFlags(pattern) : flags;
  } else if (patternIsRegExp) {
    P = pattern.source;
    F = flags === undefined ? pattern.flags : flags;
  } else {
    P = pattern;
    F = flags;
  }
  // 7. Let O be ? RegExpAlloc(newTarget).
  const O = regexpAlloc(newTarget);
  // 8. Return ? RegExpInitialize(O, P, F).
  return RegExpInitialize(O, P, F);
}

// 22.2.3.3 RegExpInitialize ( obj, pattern, flags )
function RegExpInitialize(obj, pattern, flags) {
  const P = pattern === undefined ? '' : ToStringSlow(pattern);
  const F = flags === undefined ? '' : ToStringSlow(flags);
  regexpInitialize(obj, P, F);
  obj.lastIndex = 0;
  return obj;
}

// 22.2.3.1 RegExpCreate ( P, F )
function RegExpCreate(P, F) {
  return RegExpInitialize(regexpAlloc(undefined), P, F);
}

// B.2.4.1 RegExp.prototype.compile ( pattern, flags )
function RegExpCompile(pattern, flags) {
  const O = this;
  if (!isRegExpObject(O)) throwTypeError('RegExp.prototype.compile called on incompatible receiver');
  if (!regexpCanCompile(O)) throwTypeError('RegExp.prototype.compile called on a subclass or cross-realm instance');
  let P = pattern;
  let F = flags;
  if (isRegExpObject(pattern)) {
    if (flags !== undefined) throwTypeError('Cannot supply flags when constructing one RegExp from another');
    P = regexpOriginalSource(pattern);
    F = regexpOriginalFlags(pattern);
  }
  return RegExpInitialize(O, P, F);
}

// 22.2.7.1 RegExpExec ( R, S )
function RegExpExec(R, S) {
  const fast = regexpFast(0, R, S);
  if (fast !== undefined) return fast;
  const exec = R.exec;
  if (isCallable(exec)) {
    const result = callFunction(exec, R, S);
    if (result !== null && !isObject(result)) throwTypeError('exec result must be an object or null');
    return result;
  }
  if (!isRegExpObject(R)) throwTypeError('RegExp exec method called on incompatible receiver');
  return RegExpBuiltinExec(R, S);
}

// 22.2.7.2 RegExpBuiltinExec ( R, S )
function RegExpBuiltinExec(R, S) {
  // 2. Let lastIndex be ℝ(? ToLength(! Get(R, "lastIndex"))).
  let lastIndex = ToLength(R.lastIndex);
  const bits = regexpFlagBits(R);
  const global = (bits & 1) !== 0;
  const sticky = (bits & 2) !== 0;
  if (!global && !sticky) lastIndex = 0;
  if (lastIndex > S.length) {
    if (global || sticky) R.lastIndex = 0;
    return null;
  }
  let m = regexpExec(R, S, lastIndex);
  while (isPendingMatch(m)) m = regexpResume(m);
  if (m === null) {
    if (global || sticky) R.lastIndex = 0;
    return null;
  }
  if (global || sticky) R.lastIndex = regexpMatchEnd(m);
  return m;
}

// 22.2.7.3 AdvanceStringIndex ( S, index, unicode )
function AdvanceStringIndex(S, index, unicode) {
  if (!unicode) return index + 1;
  const length = S.length;
  if (index + 1 >= length) return index + 1;
  const c = stringCharCode(S, index);
  if (c < 0xD800 || c > 0xDBFF) return index + 1;
  const d = stringCharCode(S, index + 1);
  return d >= 0xDC00 && d <= 0xDFFF ? index + 2 : index + 1;
}

function ThisObjectForRegExpMethod(R, name) {
  if (!isObject(R)) throwTypeError('RegExp.prototype.' + name + ' called on a non-object');
  return R;
}

// 22.2.6.2 RegExp.prototype.exec ( string )
function RegExpProtoExec(string) {
  const R = this;
  if (!isRegExpObject(R)) throwTypeError('RegExp.prototype.exec called on incompatible receiver');
  const S = ToStringSlow(string);
  const fast = regexpFast(0, R, S);
  if (fast !== undefined) return fast;
  return RegExpBuiltinExec(R, S);
}

// 22.2.6.16 RegExp.prototype.test ( S )
function RegExpTest(S) {
  const R = ThisObjectForRegExpMethod(this, 'test');
  const string = ToStringSlow(S);
  const fast = regexpFast(1, R, string);
  if (fast !== undefined) return fast;
  return RegExpExec(R, string) !== null;
}

// 22.2.6.17 RegExp.prototype.toString ( )
function RegExpToString() {
  const R = ThisObjectForRegExpMethod(this, 'toString');
  const pattern = ToStringSlow(R.source);
  const flags = ToStringSlow(R.flags);
  return '/' + pattern + '/' + flags;
}

// 22.2.6.4 get RegExp.prototype.flags
function RegExpFlagsGetter() {
  const R = ThisObjectForRegExpMethod(this, 'flags');
  let result = '';
  if (R.hasIndices) result += 'd';
  if (R.global) result += 'g';
  if (R.ignoreCase) result += 'i';
  if (R.multiline) result += 'm';
  if (R.dotAll) result += 's';
  if (R.unicode) result += 'u';
  if (R.unicodeSets) result += 'v';
  if (R.sticky) result += 'y';
  return result;
}

// 22.2.6.8 RegExp.prototype [ %Symbol.match% ] ( string )
function RegExpSymbolMatch(string) {
  const rx = ThisObjectForRegExpMethod(this, '[Symbol.match]');
  const S = ToStringSlow(string);
  const fast = regexpFast(3, rx, S);
  if (fast !== undefined) return fast;
  const flags = ToStringSlow(rx.flags);
  if (!HasFlag(flags, 'g')) return RegExpExec(rx, S);
  const fullUnicode = HasFlag(flags, 'u') || HasFlag(flags, 'v');
  rx.lastIndex = 0;
  const A = newArray();
  let n = 0;
  while (true) {
    const result = RegExpExec(rx, S);
    if (result === null) return n === 0 ? null : A;
    const matchStr = ToStringSlow(result[0]);
    createDataProperty(A, n, matchStr);
    if (matchStr === '') {
      const thisIndex = ToLength(rx.lastIndex);
      rx.lastIndex = AdvanceStringIndex(S, thisIndex, fullUnicode);
    }
    n++;
  }
}

// 22.2.6.9 RegExp.prototype [ %Symbol.matchAll% ] ( string )
function RegExpSymbolMatchAll(string) {
  const R = ThisObjectForRegExpMethod(this, '[Symbol.matchAll]');
  const S = ToStringSlow(string);
  const C = SpeciesConstructor(R, intrinsicRegExp());
  const flags = ToStringSlow(R.flags);
  const matcher = new C(R, flags);
  const lastIndex = ToLength(R.lastIndex);
  matcher.lastIndex = lastIndex;
  const global = HasFlag(flags, 'g');
  const fullUnicode = HasFlag(flags, 'u') || HasFlag(flags, 'v');
  return newRegExpStringIterator(matcher, S, global, fullUnicode);
}

// 22.2.9.2.1 %RegExpStringIteratorPrototype%.next ( )
function RegExpStringIteratorNext() {
  // state: [R, S, global, fullUnicode, done]
  const state = regexpStringIteratorState(this);
  if (state[4]) return iterResult(undefined, true);
  const R = state[0];
  const S = state[1];
  const match = RegExpExec(R, S);
  if (match === null) {
    state[4] = true;
    return iterResult(undefined, true);
  }
  if (!state[2]) {
    state[4] = true;
    return iterResult(match, false);
  }
  const matchStr = ToStringSlow(match[0]);
  if (matchStr === '') {
    const thisIndex = ToLength(R.lastIndex);
    R.lastIndex = AdvanceStringIndex(S, thisIndex, state[3]);
  }
  return iterResult(match, false);
}

// 22.1.3.19.1 GetSubstitution ( matched, str, position, captures, namedCaptures, replacementTemplate )
function GetSubstitution(matched, str, position, captures, namedCaptures, template) {
  const stringLength = str.length;
  let result = '';
  let i = 0;
  const m = captures.length;
  const n = template.length;
  while (i < n) {
    const c = template[i];
    if (c !== '$' || i + 1 >= n) {
      result += c;
      i++;
      continue;
    }
    const d = template[i + 1];
    if (d === '$') {
      result += '$';
      i += 2;
    } else if (d === '&') {
      result += matched;
      i += 2;
    } else if (d === '`') {
      result += stringSubstring(str, 0, position);
      i += 2;
    } else if (d === "'") {
      const tailPos = position + matched.length;
      if (tailPos < stringLength) result += stringSubstring(str, tailPos, stringLength);
      i += 2;
    } else if (d >= '0' && d <= '9') {
      // $n or $nn: the longest valid capture reference.
      let digits = 1;
      let index = stringCharCode(d, 0) - 48;
      if (i + 2 < n && template[i + 2] >= '0' && template[i + 2] <= '9') {
        const two = index * 10 + (stringCharCode(template, i + 2) - 48);
        if (two >= 1 && two <= m) {
          index = two;
          digits = 2;
        }
      }
      if (index >= 1 && index <= m) {
        const capture = captures[index - 1];
        if (capture !== undefined) result += capture;
      } else {
        result += '$' + d;
        digits = 1;
      }
      i += 1 + digits;
    } else if (d === '<') {
      const gtPos = namedCaptures === undefined ? -1 : stringIndexOf(template, '>', i);
      if (gtPos === -1) {
        result += '$<';
        i += 2;
      } else {
        const groupName = stringSubstring(template, i + 2, gtPos);
        const capture = namedCaptures[groupName];
        if (capture !== undefined) result += ToStringSlow(capture);
        i = gtPos + 1;
      }
    } else {
      result += '$';
      i++;
    }
  }
  return result;
}

// 22.2.6.11 RegExp.prototype [ %Symbol.replace% ] ( string, replaceValue )
function RegExpSymbolReplace(string, replaceValue) {
  const rx = ThisObjectForRegExpMethod(this, '[Symbol.replace]');
  const S = ToStringSlow(string);
  const lengthS = S.length;
  const functionalReplace = isCallable(replaceValue);
  if (!functionalReplace) {
    replaceValue = ToStringSlow(replaceValue);
    const fast = regexpFast(2, rx, S, replaceValue);
    if (fast !== undefined) return fast;
  }
  const flags = ToStringSlow(rx.flags);
  const global = HasFlag(flags, 'g');
  let fullUnicode = false;
  if (global) {
    fullUnicode = HasFlag(flags, 'u') || HasFlag(flags, 'v');
    rx.lastIndex = 0;
  }
  const results = newArray();
  while (true) {
    const result = RegExpExec(rx, S);
    if (result === null) break;
    arrayPush(results, result);
    if (!global) break;
    const matchStr = ToStringSlow(result[0]);
    if (matchStr === '') {
      const thisIndex = ToLength(rx.lastIndex);
      rx.lastIndex = AdvanceStringIndex(S, thisIndex, fullUnicode);
    }
  }
  let accumulatedResult = '';
  let nextSourcePosition = 0;
  for (let r = 0; r < results.length; r++) {
    const result = results[r];
    const resultLength = ToLength(result.length);
    const nCaptures = resultLength > 1 ? resultLength - 1 : 0;
    const matched = ToStringSlow(result[0]);
    const matchLength = matched.length;
    let position = ToIntegerOrInfinity(result.index);
    position = position < 0 ? 0 : position > lengthS ? lengthS : position;
    const captures = newArray();
    for (let n = 1; n <= nCaptures; n++) {
      let capN = result[n];
      if (capN !== undefined) capN = ToStringSlow(capN);
      arrayPush(captures, capN);
    }
    let namedCaptures = result.groups;
    let replacement;
    if (functionalReplace) {
      const replacerArgs = newArray();
      arrayPush(replacerArgs, matched);
      for (let k = 0; k < captures.length; k++) arrayPush(replacerArgs, captures[k]);
      arrayPush(replacerArgs, position);
      arrayPush(replacerArgs, S);
      if (namedCaptures !== undefined) arrayPush(replacerArgs, namedCaptures);
      const replValue = callFunctionWithArgs(replaceValue, undefined, replacerArgs);
      replacement = ToStringSlow(replValue);
    } else {
      if (namedCaptures !== undefined) namedCaptures = toObject(namedCaptures);
      replacement = GetSubstitution(matched, S, position, captures, namedCaptures, replaceValue);
    }
    if (position >= nextSourcePosition) {
      accumulatedResult += stringSubstring(S, nextSourcePosition, position) + replacement;
      nextSourcePosition = position + matchLength;
    }
  }
  if (nextSourcePosition >= lengthS) return accumulatedResult;
  return accumulatedResult + stringSubstring(S, nextSourcePosition, lengthS);
}

// 22.2.6.12 RegExp.prototype [ %Symbol.search% ] ( string )
function RegExpSymbolSearch(string) {
  const rx = ThisObjectForRegExpMethod(this, '[Symbol.search]');
  const S = ToStringSlow(string);
  const fast = regexpFast(4, rx, S);
  if (fast !== undefined) return fast;
  const previousLastIndex = rx.lastIndex;
  if (!sameValue(previousLastIndex, 0)) rx.lastIndex = 0;
  const result = RegExpExec(rx, S);
  const currentLastIndex = rx.lastIndex;
  if (!sameValue(currentLastIndex, previousLastIndex)) rx.lastIndex = previousLastIndex;
  if (result === null) return -1;
  return result.index;
}

// 22.2.6.14 RegExp.prototype [ %Symbol.split% ] ( string, limit )
function RegExpSymbolSplit(string, limit) {
  const rx = ThisObjectForRegExpMethod(this, '[Symbol.split]');
  const S = ToStringSlow(string);
  if (limit === undefined || typeof limit === 'number') {
    const fast = regexpFast(5, rx, S, limit === undefined ? 4294967295 : limit >>> 0);
    if (fast !== undefined) return fast;
  }
  const C = SpeciesConstructor(rx, intrinsicRegExp());
  const flags = ToStringSlow(rx.flags);
  const unicodeMatching = HasFlag(flags, 'u') || HasFlag(flags, 'v');
  const newFlags = HasFlag(flags, 'y') ? flags : flags + 'y';
  const splitter = new C(rx, newFlags);
  const A = newArray();
  let lengthA = 0;
  const lim = limit === undefined ? 4294967295 : ToUint32Slow(limit);
  if (lim === 0) return A;
  const size = S.length;
  if (size === 0) {
    const z = RegExpExec(splitter, S);
    if (z !== null) return A;
    createDataProperty(A, 0, S);
    return A;
  }
  let p = 0;
  let q = p;
  while (q < size) {
    splitter.lastIndex = q;
    const z = RegExpExec(splitter, S);
    if (z === null) {
      q = AdvanceStringIndex(S, q, unicodeMatching);
      continue;
    }
    let e = ToLength(splitter.lastIndex);
    if (e > size) e = size;
    if (e === p) {
      q = AdvanceStringIndex(S, q, unicodeMatching);
      continue;
    }
    createDataProperty(A, lengthA, stringSubstring(S, p, q));
    lengthA++;
    if (lengthA === lim) return A;
    p = e;
    const numberOfCaptures = ToLength(z.length);
    const captures = numberOfCaptures > 1 ? numberOfCaptures - 1 : 0;
    for (let i = 1; i <= captures; i++) {
      createDataProperty(A, lengthA, z[i]);
      lengthA++;
      if (lengthA === lim) return A;
    }
    q = p;
  }
  createDataProperty(A, lengthA, stringSubstring(S, p, size));
  return A;
}

function ToUint32Slow(v) {
  return ToNumberSlow(v) >>> 0;
}

function RequireObjectCoercible(v, name) {
  if (v === undefined || v === null) throwTypeError('String.prototype.' + name + ' called on null or undefined');
  return v;
}

// 22.1.3.8 String.prototype.includes, .24 startsWith, .7 endsWith, steps 3-5:
// fn is the native method, S the converted receiver.
function StringSearchArgument(fn, S, searchString, position) {
  if (IsRegExp(searchString)) throwTypeError('First argument must not be a regular expression');
  return callFunction(fn, S, ToStringSlow(searchString), position);
}

// matchAll / replaceAll step 2.b: a RegExp argument must have the g flag.
function RequireGlobalIfRegExp(value, name) {
  if (!IsRegExp(value)) return;
  const flags = value.flags;
  if (flags === undefined || flags === null) throwTypeError('RegExp flags is undefined or null');
  if (!HasFlag(ToStringSlow(flags), 'g')) throwTypeError('String.prototype.' + name + ' called with a non-global RegExp');
}

// 22.1.3.13 String.prototype.match ( regexp )
function StringMatch(regexp) {
  const O = RequireObjectCoercible(this, 'match');
  if (isObject(regexp)) {
    const matcher = regexp[symMatch];
    if (matcher !== undefined && matcher !== null) return callFunction(matcher, regexp, O);
  }
  const S = ToStringSlow(O);
  const rx = RegExpCreate(regexp, undefined);
  return callFunction(rx[symMatch], rx, S);
}

// 22.1.3.14 String.prototype.matchAll ( regexp )
function StringMatchAll(regexp) {
  const O = RequireObjectCoercible(this, 'matchAll');
  if (isObject(regexp)) {
    RequireGlobalIfRegExp(regexp, 'matchAll');
    const matcher = regexp[symMatchAll];
    if (matcher !== undefined && matcher !== null) return callFunction(matcher, regexp, O);
  }
  const S = ToStringSlow(O);
  const rx = RegExpCreate(regexp, 'g');
  return callFunction(rx[symMatchAll], rx, S);
}

// 22.1.3.19 String.prototype.replace ( searchValue, replaceValue )
function StringReplace(searchValue, replaceValue) {
  const O = RequireObjectCoercible(this, 'replace');
  if (isObject(searchValue)) {
    const replacer = searchValue[symReplace];
    if (replacer !== undefined && replacer !== null) return callFunction(replacer, searchValue, O, replaceValue);
  }
  const string = ToStringSlow(O);
  const searchString = ToStringSlow(searchValue);
  const functionalReplace = isCallable(replaceValue);
  if (!functionalReplace) replaceValue = ToStringSlow(replaceValue);
  const searchLength = searchString.length;
  const position = stringIndexOf(string, searchString, 0);
  if (position === -1) return string;
  const preceding = stringSubstring(string, 0, position);
  const following = stringSubstring(string, position + searchLength, string.length);
  let replacement;
  if (functionalReplace) {
    replacement = ToStringSlow(callFunction(replaceValue, undefined, searchString, position, string));
  } else {
    replacement = GetSubstitution(searchString, string, position, newArray(), undefined, replaceValue);
  }
  return preceding + replacement + following;
}

// 22.1.3.20 String.prototype.replaceAll ( searchValue, replaceValue )
function StringReplaceAll(searchValue, replaceValue) {
  const O = RequireObjectCoercible(this, 'replaceAll');
  if (isObject(searchValue)) {
    RequireGlobalIfRegExp(searchValue, 'replaceAll');
    const replacer = searchValue[symReplace];
    if (replacer !== undefined && replacer !== null) return callFunction(replacer, searchValue, O, replaceValue);
  }
  const string = ToStringSlow(O);
  const searchString = ToStringSlow(searchValue);
  const functionalReplace = isCallable(replaceValue);
  if (!functionalReplace) {
    replaceValue = ToStringSlow(replaceValue);
    // No `$` pattern: every replacement is the string itself.
    if (stringIndexOf(replaceValue, '$', 0) === -1) return stringReplaceAllPlain(string, searchString, replaceValue);
  }
  const searchLength = searchString.length;
  const advanceBy = searchLength > 1 ? searchLength : 1;
  const matchPositions = newArray();
  let position = stringIndexOf(string, searchString, 0);
  while (position !== -1) {
    arrayPush(matchPositions, position);
    position = stringIndexOf(string, searchString, position + advanceBy);
  }
  let endOfLastMatch = 0;
  let result = '';
  for (let i = 0; i < matchPositions.length; i++) {
    const p = matchPositions[i];
    const preserved = stringSubstring(string, endOfLastMatch, p);
    let replacement;
    if (functionalReplace) {
      replacement = ToStringSlow(callFunction(replaceValue, undefined, searchString, p, string));
    } else {
      replacement = GetSubstitution(searchString, string, p, newArray(), undefined, replaceValue);
    }
    result = result + preserved + replacement;
    endOfLastMatch = p + searchLength;
  }
  if (endOfLastMatch < string.length) result += stringSubstring(string, endOfLastMatch, string.length);
  return result;
}

// 22.1.3.21 String.prototype.search ( regexp )
function StringSearch(regexp) {
  const O = RequireObjectCoercible(this, 'search');
  if (isObject(regexp)) {
    const searcher = regexp[symSearch];
    if (searcher !== undefined && searcher !== null) return callFunction(searcher, regexp, O);
  }
  const string = ToStringSlow(O);
  const rx = RegExpCreate(regexp, undefined);
  return callFunction(rx[symSearch], rx, string);
}

// 22.1.3.23 String.prototype.split ( separator, limit )
function StringSplit(separator, limit) {
  const O = RequireObjectCoercible(this, 'split');
  if (isObject(separator)) {
    const splitter = separator[symSplit];
    if (splitter !== undefined && splitter !== null) return callFunction(splitter, separator, O, limit);
  }
  const S = ToStringSlow(O);
  const lim = limit === undefined ? 4294967295 : ToUint32Slow(limit);
  const R = ToStringSlow(separator);
  return stringSplit(S, R, lim, separator === undefined);
}

// B.2.2.2.1 CreateHTML ( string, tag, attribute, value )
function CreateHTML(string, tag, attribute, value, name) {
  const str = RequireObjectCoercible(string, name);
  const S = ToStringSlow(str);
  let p1 = '<' + tag;
  if (attribute !== '') {
    const V = ToStringSlow(value);
    let escapedV = '';
    for (let i = 0; i < V.length; i++) escapedV += V[i] === '"' ? '&quot;' : V[i];
    p1 = p1 + ' ' + attribute + '="' + escapedV + '"';
  }
  return p1 + '>' + S + '</' + tag + '>';
}

// B.2.2.2 - B.2.2.14: the string HTML methods.
function StringAnchor(name) { return CreateHTML(this, 'a', 'name', name, 'anchor'); }
function StringBig() { return CreateHTML(this, 'big', '', '', 'big'); }
function StringBlink() { return CreateHTML(this, 'blink', '', '', 'blink'); }
function StringBold() { return CreateHTML(this, 'b', '', '', 'bold'); }
function StringFixed() { return CreateHTML(this, 'tt', '', '', 'fixed'); }
function StringFontcolor(color) { return CreateHTML(this, 'font', 'color', color, 'fontcolor'); }
function StringFontsize(size) { return CreateHTML(this, 'font', 'size', size, 'fontsize'); }
function StringItalics() { return CreateHTML(this, 'i', '', '', 'italics'); }
function StringLink(url) { return CreateHTML(this, 'a', 'href', url, 'link'); }
function StringSmall() { return CreateHTML(this, 'small', '', '', 'small'); }
function StringStrike() { return CreateHTML(this, 'strike', '', '', 'strike'); }
function StringSub() { return CreateHTML(this, 'sub', '', '', 'sub'); }
function StringSup() { return CreateHTML(this, 'sup', '', '', 'sup'); }
