// 22.2 RegExp (Regular Expression) Objects, https://tc39.es/ecma262/#sec-regexp-regular-expression-objects
// The engine is vm/regexp; the algorithms that may run user code (the
// constructor's IsRegExp, exec lookups, lastIndex conversions, the Symbol
// methods and the String methods that delegate to them) are self-hosted in
// runtime/selfhost/regexp.js on top of the natives here.
#include <cmath>
#include <cstdio>

#include <unicode/uchar.h>

#include "runtime/builtins/builtins.h"
#include "vm/interpreter.h"
#include "vm/regexp_object.h"

namespace ratchet::internal {

namespace {

Realm& CurrentRealm(Vm& vm) { return *vm.current_realm(); }

RegExpObject* AsRegExp(Value v) {
  if (v.IsObject() && v.AsObject()->cls == ObjectClass::kRegExp) return static_cast<RegExpObject*>(v.AsObject());
  return nullptr;
}

// 22.2.4.1 RegExp ( pattern, flags ): the self-hosted RegExpConstruct does
// the work (IsRegExp and the conversions may run user code).
Value RegExpConstructor(Vm& vm, CallArgs& a) {
  auto* self = static_cast<NativeFunction*>(a.callee);
  return vm.RequestTailCall(self->data, Value::Undefined(),
                            {a.arg(0), a.arg(1), a.new_target, Value::FromObject(a.callee)});
}

// regexpAlloc(newTarget): 22.2.3.2 RegExpAlloc; newTarget undefined means %RegExp%.
Value NativeRegExpAlloc(Vm& vm, CallArgs& a) {
  Realm& realm = CurrentRealm(vm);
  Object* proto = PrototypeFromConstructor(vm, a.arg(0), realm.intrinsic(Intrinsic::kRegExpPrototype));
  if (proto == nullptr) return Value::Empty();
  // Legacy features are on when newTarget is this realm's %RegExp%.
  bool legacy = a.arg(0).IsUndefined() ||
                (a.arg(0).IsObject() && a.arg(0).AsObject() == realm.intrinsic(Intrinsic::kRegExp));
  RegExpObject* r = NewRegExpObject(vm, proto, &realm, legacy);
  return r ? Value::FromObject(r) : Oom(vm);
}

// regexpInitialize(obj, P, F) with P and F strings: parses and compiles.
Value NativeRegExpInitialize(Vm& vm, CallArgs& a) {
  RegExpObject* r = AsRegExp(a.arg(0));
  if (r == nullptr || !a.arg(1).IsString() || !a.arg(2).IsString()) {
    return vm.ThrowError(ErrorKind::kTypeError, "invalid RegExp initialization");
  }
  if (!InitializeRegExp(vm, r, a.arg(1).AsString(), a.arg(2).AsString())) return Value::Empty();
  return Value::FromObject(r);
}

Value NativeIsRegExpObject(Vm& vm, CallArgs& a) { return Value::Boolean(AsRegExp(a.arg(0)) != nullptr); }

Value NativeRegExpOriginalSource(Vm& vm, CallArgs& a) {
  RegExpObject* r = AsRegExp(a.arg(0));
  return r != nullptr && r->source.IsString() ? r->source : Value::FromString(vm.atoms().empty);
}

Value NativeRegExpOriginalFlags(Vm& vm, CallArgs& a) {
  RegExpObject* r = AsRegExp(a.arg(0));
  return r != nullptr && r->flags.IsString() ? r->flags : Value::FromString(vm.atoms().empty);
}

// regexpFlagBits(R): 1 global, 2 sticky, 4 unicode or unicodeSets, 8 hasIndices.
Value NativeRegExpFlagBits(Vm& vm, CallArgs& a) {
  RegExpObject* r = AsRegExp(a.arg(0));
  const regexp::Program* p = r ? RegExpProgram(r) : nullptr;
  if (p == nullptr) return vm.ThrowError(ErrorKind::kTypeError, "RegExp is not initialized");
  int bits = (p->flags.global ? 1 : 0) | (p->flags.sticky ? 2 : 0) | (p->flags.either_unicode() ? 4 : 0) |
             (p->flags.has_indices ? 8 : 0);
  return Value::Int32(bits);
}

bool Put(Vm& vm, Object* o, String* key, Value v) {
  return SetOwnData(vm, o, PropertyKey(Value::FromString(key)), v);
}

Value NewPair(Vm& vm, Realm& realm, int32_t s, int32_t e) {
  Object* pair = NewArray(vm, realm);
  if (pair == nullptr || !ArrayPush(vm, pair, Value::Int32(s)) || !ArrayPush(vm, pair, Value::Int32(e))) {
    return Value::Empty();
  }
  return Value::FromObject(pair);
}

// 22.2.7.2 RegExpBuiltinExec steps 15-35: the match array of a successful
// match (index, input, the captures, groups, and indices with /d).
Value BuildMatchResult(Vm& vm, RegExpObject* r, String* s, const std::vector<int32_t>& caps) {
  Realm& realm = CurrentRealm(vm);
  const regexp::Program& p = *RegExpProgram(r);
  Object* A = NewArray(vm, realm);
  if (A == nullptr) return Oom(vm);
  uint32_t n = p.capture_count;
  for (uint32_t i = 0; i < n; ++i) {
    Value v = Value::Undefined();
    if (caps[2 * i] >= 0) {
      String* sub = Substring(vm, s, static_cast<uint32_t>(caps[2 * i]), static_cast<uint32_t>(caps[2 * i + 1]));
      if (sub == nullptr) return Oom(vm);
      v = Value::FromString(sub);
    }
    if (!ArrayPush(vm, A, v)) return Oom(vm);
  }
  if (!Put(vm, A, vm.atoms().index, Value::Int32(caps[0])) || !Put(vm, A, vm.atoms().input, Value::FromString(s))) {
    return Oom(vm);
  }
  // Named groups: a null-prototype object; a duplicated name takes the
  // value of the group that participated.
  Value groups = Value::Undefined();
  Value index_groups = Value::Undefined();
  Object* groups_obj = nullptr;
  Object* index_groups_obj = nullptr;
  if (!p.group_names.empty()) {
    groups_obj = NewObject(vm, nullptr);
    if (groups_obj == nullptr) return Oom(vm);
    groups = Value::FromObject(groups_obj);
    if (p.flags.has_indices) {
      index_groups_obj = NewObject(vm, nullptr);
      if (index_groups_obj == nullptr) return Oom(vm);
      index_groups = Value::FromObject(index_groups_obj);
    }
    for (const auto& [name16, index] : p.group_names) {
      String* name = NewStringFromUtf16(vm, name16);
      if (name == nullptr) return Oom(vm);
      PropertyKey key(Value::FromString(name));
      // ToPropertyKey: names are identifiers, never array indices.
      String* atom = vm.Intern(name);
      if (atom == nullptr) return Oom(vm);
      key = PropertyKey(Value::FromString(atom));
      OwnProperty existing;
      bool participated = caps[2 * index] >= 0;
      if (GetOwnProperty(vm, groups_obj, key, &existing) && !existing.value.IsUndefined() && !participated) {
        continue;
      }
      Value v = Value::Undefined();
      Value pair = Value::Undefined();
      if (participated) {
        String* sub = Substring(vm, s, static_cast<uint32_t>(caps[2 * index]),
                                static_cast<uint32_t>(caps[2 * index + 1]));
        if (sub == nullptr) return Oom(vm);
        v = Value::FromString(sub);
        if (index_groups_obj != nullptr) {
          pair = NewPair(vm, realm, caps[2 * index], caps[2 * index + 1]);
          if (pair.IsEmpty()) return Oom(vm);
        }
      }
      if (!SetOwnData(vm, groups_obj, key, v)) return Oom(vm);
      if (index_groups_obj != nullptr && !SetOwnData(vm, index_groups_obj, key, pair)) return Oom(vm);
    }
  }
  if (!Put(vm, A, vm.atoms().groups, groups)) return Oom(vm);
  if (p.flags.has_indices) {
    // 22.2.7.8 MakeMatchIndicesIndexPairArray.
    Object* indices = NewArray(vm, realm);
    if (indices == nullptr) return Oom(vm);
    for (uint32_t i = 0; i < n; ++i) {
      Value pair = Value::Undefined();
      if (caps[2 * i] >= 0) {
        pair = NewPair(vm, realm, caps[2 * i], caps[2 * i + 1]);
        if (pair.IsEmpty()) return Oom(vm);
      }
      if (!ArrayPush(vm, indices, pair)) return Oom(vm);
    }
    if (!Put(vm, indices, vm.atoms().groups, index_groups) ||
        !Put(vm, A, vm.atoms().indices, Value::FromObject(indices))) {
      return Oom(vm);
    }
  }
  return Value::FromObject(A);
}

// Runs a slice of `st`: the match array, null, or `st` itself when the
// match needs another slice.
Value StepMatch(Vm& vm, RegExpMatchState* st) {
  regexp::MatchStatus status;
  if (!RunRegExpSlice(vm, st, &status)) return Value::Empty();
  switch (status) {
    case regexp::MatchStatus::kMatch: {
      auto* r = static_cast<RegExpObject*>(st->regexp.AsObject());
      // RegExpBuiltinExec: UpdateLegacyRegExpStaticProperties or
      // InvalidateLegacyRegExpStaticProperties when R is of this realm.
      Realm& realm = CurrentRealm(vm);
      if (r->realm == &realm) {
        realm.regexp_legacy_input = r->legacy ? st->input : realm.regexp_legacy_input;
        realm.regexp_legacy_match = r->legacy ? Value::FromObject(st) : Value::Null();
      }
      return BuildMatchResult(vm, r, st->input.AsString(), st->matcher->captures());
    }
    case regexp::MatchStatus::kNoMatch:
      return Value::Null();
    case regexp::MatchStatus::kBudgetExhausted:
      break;
  }
  return Value::FromObject(st);
}

// regexpExec(R, S, lastIndex): starts matching (RegExpBuiltinExec steps 11-14).
Value NativeRegExpExec(Vm& vm, CallArgs& a) {
  RegExpObject* r = AsRegExp(a.arg(0));
  if (r == nullptr || RegExpProgram(r) == nullptr || !a.arg(1).IsString() || !a.arg(2).IsNumber()) {
    return vm.ThrowError(ErrorKind::kTypeError, "invalid RegExp exec");
  }
  String* s = a.arg(1).AsString();
  double last_index = a.arg(2).AsNumber();
  if (last_index > s->length) return Value::Null();
  RegExpMatchState* st = NewRegExpMatchState(vm, r, s, static_cast<uint32_t>(last_index));
  if (st == nullptr) return Oom(vm);
  return StepMatch(vm, st);
}

Value NativeRegExpResume(Vm& vm, CallArgs& a) {
  if (!a.arg(0).IsObject() || a.arg(0).AsObject()->cls != ObjectClass::kRegExpMatchState) {
    return vm.ThrowError(ErrorKind::kTypeError, "invalid RegExp match state");
  }
  return StepMatch(vm, static_cast<RegExpMatchState*>(a.arg(0).AsObject()));
}

Value NativeIsPendingMatch(Vm& vm, CallArgs& a) {
  return Value::Boolean(a.arg(0).IsObject() && a.arg(0).AsObject()->cls == ObjectClass::kRegExpMatchState);
}

// regexpMatchEnd(match): index + length of match[0] for a result just built.
Value NativeRegExpMatchEnd(Vm& vm, CallArgs& a) {
  Object* m = a.arg(0).AsObject();
  OwnProperty index, first;
  if (!GetOwnProperty(vm, m, PropertyKey(Value::FromString(vm.atoms().index)), &index) ||
      !GetOwnProperty(vm, m, PropertyKey::Index(0), &first) || !first.value.IsString()) {
    return vm.ThrowError(ErrorKind::kTypeError, "invalid match");
  }
  return Value::Number(index.value.AsNumber() + first.value.AsString()->length);
}

// newRegExpStringIterator(R, S, global, fullUnicode): 22.2.9.1
// CreateRegExpStringIterator; its state is [R, S, global, fullUnicode, done].
Value NativeNewRegExpStringIterator(Vm& vm, CallArgs& a) {
  Realm& realm = CurrentRealm(vm);
  Object* it = NewObject(vm, realm.intrinsic(Intrinsic::kRegExpStringIteratorPrototype),
                         ObjectClass::kRegExpStringIterator, sizeof(PrimitiveObject));
  Object* state = NewArray(vm, realm);
  if (it == nullptr || state == nullptr) return Oom(vm);
  for (Value v : {a.arg(0), a.arg(1), a.arg(2), a.arg(3), Value::Boolean(false)}) {
    if (!ArrayPush(vm, state, v)) return Oom(vm);
  }
  static_cast<PrimitiveObject*>(it)->primitive = Value::FromObject(state);
  return Value::FromObject(it);
}

Value NativeRegExpStringIteratorState(Vm& vm, CallArgs& a) {
  Value v = a.arg(0);
  if (!v.IsObject() || v.AsObject()->cls != ObjectClass::kRegExpStringIterator) {
    return vm.ThrowError(ErrorKind::kTypeError, "%RegExpStringIterator%.next called on incompatible receiver");
  }
  return static_cast<PrimitiveObject*>(v.AsObject())->primitive;
}

Value NativeIntrinsicRegExp(Vm& vm, CallArgs& a) {
  return Value::FromObject(CurrentRealm(vm).intrinsic(Intrinsic::kRegExp));
}

Value NativeStringCharCode(Vm& vm, CallArgs& a) {
  String* s = a.arg(0).AsString();
  double i = a.arg(1).AsNumber();
  return i >= 0 && i < s->length ? Value::Int32(s->At(static_cast<uint32_t>(i))) : Value::Number(NAN);
}

Value NativeStringSubstring(Vm& vm, CallArgs& a) {
  String* s = a.arg(0).AsString();
  double from = a.arg(1).AsNumber(), to = a.arg(2).AsNumber();
  if (from < 0) from = 0;
  if (to > s->length) to = s->length;
  if (to <= from) return Value::FromString(vm.atoms().empty);
  String* r = Substring(vm, s, static_cast<uint32_t>(from), static_cast<uint32_t>(to));
  return r ? Value::FromString(r) : Oom(vm);
}

Value NativeStringIndexOf(Vm& vm, CallArgs& a) {
  String* s = a.arg(0).AsString();
  double from = a.arg(2).AsNumber();
  if (from > s->length) return Value::Int32(-1);
  return Value::Number(static_cast<double>(StringIndexOf(s, a.arg(1).AsString(), static_cast<uint32_t>(from))));
}

// stringReplaceAllPlain(S, search, replacement): String.prototype.replaceAll
// with a string replacement free of `$` patterns (GetSubstitution is then
// the replacement itself): every match, left to right, advancing by the
// search length (at least 1).
Value NativeStringReplaceAllPlain(Vm& vm, CallArgs& a) {
  String* s = a.arg(0).AsString();
  String* search = a.arg(1).AsString();
  String* rep = a.arg(2).AsString();
  uint32_t advance = std::max<uint32_t>(search->length, 1);
  std::vector<uint32_t> positions;
  for (int64_t p = StringIndexOf(s, search, 0); p >= 0;) {
    positions.push_back(static_cast<uint32_t>(p));
    uint64_t from = static_cast<uint64_t>(p) + advance;
    if (from > s->length) break;
    p = StringIndexOf(s, search, static_cast<uint32_t>(from));
  }
  if (positions.empty()) return Value::FromString(s);
  uint64_t length = static_cast<uint64_t>(s->length) + positions.size() * static_cast<uint64_t>(rep->length) -
                    positions.size() * static_cast<uint64_t>(search->length);
  if (length > kMaxStringLength) return vm.ThrowError(ErrorKind::kRangeError, "Invalid string length");
  if (!vm.heap().CanAllocate(length * 2)) return Oom(vm);
  std::u16string out;
  out.reserve(length);
  uint32_t end = 0;
  for (uint32_t p : positions) {
    for (uint32_t i = end; i < p; ++i) out.push_back(s->At(i));
    for (uint32_t i = 0; i < rep->length; ++i) out.push_back(rep->At(i));
    end = p + search->length;
  }
  for (uint32_t i = end; i < s->length; ++i) out.push_back(s->At(i));
  String* r = NewStringFromUtf16(vm, out);
  return r ? Value::FromString(r) : Oom(vm);
}

// stringSplit(S, R, lim, separatorUndefined).
Value NativeStringSplit(Vm& vm, CallArgs& a) {
  return SplitString(vm, a.arg(0).AsString(), a.arg(3).IsTrue() ? nullptr : a.arg(1).AsString(),
                     a.arg(2).AsNumber());
}

// callFunctionWithArgs(f, thisValue, array): calls f with the elements of
// an internal dense array.
Value NativeCallFunctionWithArgs(Vm& vm, CallArgs& a) {
  std::vector<Value> args;
  Object* list = a.arg(2).AsObject();
  for (uint32_t i = 0; i < list->elements_size; ++i) args.push_back(list->elements[i]);
  return vm.RequestTailCall(a.arg(0), a.arg(1), std::move(args));
}

Value NativeSameValue(Vm& vm, CallArgs& a) { return Value::Boolean(SameValue(a.arg(0), a.arg(1))); }

// 22.2.6.? get RegExp.prototype.{hasIndices, global, ...}: RegExpHasFlag.
Value RegExpFlagGetter(Vm& vm, CallArgs& a) {
  auto* self = static_cast<NativeFunction*>(a.callee);
  Value r = a.this_value;
  if (!r.IsObject()) return vm.ThrowError(ErrorKind::kTypeError, "RegExp flag getter called on a non-object");
  RegExpObject* re = AsRegExp(r);
  if (re == nullptr || RegExpProgram(re) == nullptr) {
    if (r.AsObject() == self->realm->intrinsic(Intrinsic::kRegExpPrototype)) return Value::Undefined();
    return vm.ThrowError(ErrorKind::kTypeError, "RegExp flag getter called on incompatible receiver");
  }
  const regexp::Flags& f = RegExpProgram(re)->flags;
  const bool bits[] = {f.has_indices, f.global, f.ignore_case, f.multiline,
                       f.dot_all,     f.unicode, f.unicode_sets, f.sticky};
  return Value::Boolean(bits[self->magic]);
}

// 22.2.6.13.1 EscapeRegExpPattern: a source that reads back as the same
// pattern between slashes.
Value RegExpSourceGetter(Vm& vm, CallArgs& a) {
  auto* self = static_cast<NativeFunction*>(a.callee);
  Value r = a.this_value;
  if (!r.IsObject()) return vm.ThrowError(ErrorKind::kTypeError, "RegExp.prototype.source getter called on a non-object");
  RegExpObject* re = AsRegExp(r);
  if (re == nullptr || !re->source.IsString()) {
    if (r.AsObject() == self->realm->intrinsic(Intrinsic::kRegExpPrototype)) {
      String* s = NewStringFromLatin1(vm, "(?:)");
      return s ? Value::FromString(s) : Oom(vm);
    }
    return vm.ThrowError(ErrorKind::kTypeError, "RegExp.prototype.source getter called on incompatible receiver");
  }
  String* src = re->source.AsString();
  if (src->length == 0) {
    String* s = NewStringFromLatin1(vm, "(?:)");
    return s ? Value::FromString(s) : Oom(vm);
  }
  std::u16string out;
  bool in_class = false;
  for (uint32_t i = 0; i < src->length; ++i) {
    char16_t c = src->At(i);
    if (c == '\\' && i + 1 < src->length) {
      char16_t d = src->At(i + 1);
      out.push_back(c);
      if (d == '\n') out += u"n";
      else if (d == '\r') out += u"r";
      else if (d == 0x2028) out += u"u2028";
      else if (d == 0x2029) out += u"u2029";
      else out.push_back(d);
      ++i;
      continue;
    }
    if (c == '[') in_class = true;
    else if (c == ']') in_class = false;
    if (c == '/' && !in_class) out += u"\\/";
    else if (c == '\n') out += u"\\n";
    else if (c == '\r') out += u"\\r";
    else if (c == 0x2028) out += u"\\u2028";
    else if (c == 0x2029) out += u"\\u2029";
    else out.push_back(c);
  }
  String* s = NewStringFromUtf16(vm, out);
  return s ? Value::FromString(s) : Oom(vm);
}

Value RegExpSpeciesGetter(Vm& vm, CallArgs& a) { return a.this_value; }

// Legacy static properties (Annex B proposal "RegExp Legacy Features"):
// GetLegacyRegExpStaticProperty ( C, thisValue, internalSlotName ). magic: 0
// input, 1 lastMatch, 2 lastParen, 3 leftContext, 4 rightContext, 5.. $1-$9.
Value RegExpLegacyGetter(Vm& vm, CallArgs& a) {
  auto* self = static_cast<NativeFunction*>(a.callee);
  Realm& realm = *self->realm;
  if (!a.this_value.IsObject() || a.this_value.AsObject() != realm.intrinsic(Intrinsic::kRegExp)) {
    return vm.ThrowError(ErrorKind::kTypeError, "RegExp legacy static property read on an incompatible receiver");
  }
  Value m = realm.regexp_legacy_match;
  if (m.IsNull()) return vm.ThrowError(ErrorKind::kTypeError, "RegExp legacy static properties are invalidated");
  if (self->magic == 0) return realm.regexp_legacy_input;
  if (m.IsUndefined()) return Value::FromString(vm.atoms().empty);
  auto* st = static_cast<RegExpMatchState*>(m.AsObject());
  String* s = st->input.AsString();
  const std::vector<int32_t>& caps = st->matcher->captures();
  auto sub = [&](int32_t from, int32_t to) -> Value {
    if (from < 0 || to <= from) return Value::FromString(vm.atoms().empty);
    String* r = Substring(vm, s, static_cast<uint32_t>(from), static_cast<uint32_t>(to));
    return r ? Value::FromString(r) : Oom(vm);
  };
  int32_t groups = static_cast<int32_t>(caps.size() / 2) - 1;
  switch (self->magic) {
    case 1: return sub(caps[0], caps[1]);
    case 2: return groups > 0 ? sub(caps[2 * groups], caps[2 * groups + 1]) : Value::FromString(vm.atoms().empty);
    case 3: return sub(0, caps[0]);
    case 4: return sub(caps[1], static_cast<int32_t>(s->length));
    default: {
      int32_t i = self->magic - 4;
      return i <= groups ? sub(caps[2 * i], caps[2 * i + 1]) : Value::FromString(vm.atoms().empty);
    }
  }
}

// SetLegacyRegExpStaticProperty for RegExp.input / RegExp.$_.
Value RegExpLegacyInputSetter(Vm& vm, CallArgs& a) {
  auto* self = static_cast<NativeFunction*>(a.callee);
  Realm& realm = *self->realm;
  if (!a.this_value.IsObject() || a.this_value.AsObject() != realm.intrinsic(Intrinsic::kRegExp)) {
    return vm.ThrowError(ErrorKind::kTypeError, "RegExp legacy static property set on an incompatible receiver");
  }
  String* s = ArgToString(vm, a.arg(0));
  if (s == nullptr) return Value::Empty();
  realm.regexp_legacy_input = Value::FromString(s);
  return Value::Undefined();
}

// regexpCanCompile(O): B.2.4.1 steps 3-4 (legacy proposal): O is of the
// current realm and has legacy features enabled.
Value NativeRegExpCanCompile(Vm& vm, CallArgs& a) {
  RegExpObject* r = AsRegExp(a.arg(0));
  return Value::Boolean(r != nullptr && r->realm == &CurrentRealm(vm) && r->legacy);
}

// RegExp.escape ( S ), https://tc39.es/ecma262/#sec-regexp.escape
Value RegExpEscape(Vm& vm, CallArgs& a) {
  if (!a.arg(0).IsString()) return vm.ThrowError(ErrorKind::kTypeError, "RegExp.escape requires a string");
  String* s = a.arg(0).AsString();
  std::u16string out;
  auto hex = [&](const char* prefix, uint32_t v, int digits) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%s%0*x", prefix, digits, v);
    for (const char* p = buf; *p; ++p) out.push_back(static_cast<char16_t>(*p));
  };
  for (uint32_t i = 0; i < s->length; ++i) {
    uint32_t c = s->At(i);
    bool pair = c >= 0xD800 && c <= 0xDBFF && i + 1 < s->length && s->At(i + 1) >= 0xDC00 && s->At(i + 1) <= 0xDFFF;
    if (pair) {
      out.push_back(static_cast<char16_t>(c));
      out.push_back(s->At(++i));
      continue;
    }
    // 3.a. The first code point: a decimal digit or ASCII letter as \xHH.
    if (out.empty() && ((c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))) {
      hex("\\x", c, 2);
      continue;
    }
    // EncodeForRegExpEscape ( c ).
    if (std::u16string_view(u"^$\\.*+?()[]{}|/").find(static_cast<char16_t>(c)) != std::u16string_view::npos) {
      out.push_back('\\');
      out.push_back(static_cast<char16_t>(c));
      continue;
    }
    const char* control = c == 9 ? "t" : c == 10 ? "n" : c == 11 ? "v" : c == 12 ? "f" : c == 13 ? "r" : nullptr;
    if (control != nullptr) {
      out.push_back('\\');
      out.push_back(static_cast<char16_t>(control[0]));
      continue;
    }
    bool punct = std::u16string_view(u",-=<>#&!%:;@~'`\"").find(static_cast<char16_t>(c)) != std::u16string_view::npos;
    bool space = c == 9 || c == 0xB || c == 0xC || c == 0x20 || c == 0xA0 || c == 0xFEFF ||
                 u_charType(static_cast<UChar32>(c)) == U_SPACE_SEPARATOR || c == 0x0A || c == 0x0D ||
                 c == 0x2028 || c == 0x2029;
    bool surrogate = c >= 0xD800 && c <= 0xDFFF;
    if (punct || space || surrogate) {
      if (c <= 0xFF) {
        hex("\\x", c, 2);
      } else {
        hex("\\u", c, 4);
      }
      continue;
    }
    out.push_back(static_cast<char16_t>(c));
  }
  String* r = NewStringFromUtf16(vm, out);
  return r ? Value::FromString(r) : Oom(vm);
}


// ---- Native fast paths ---------------------------------------------------
// When R is a plain RegExp of this realm (its only own property is a
// writable numeric lastIndex) and %RegExp.prototype% and %RegExp% are as
// built, the observable steps of exec, test, replace (string replacement),
// match, search and split reduce to matching; regexpFast runs them in C++
// under a step budget. It returns undefined to decline (not pristine, or
// the budget ran out before anything observable happened): the caller then
// takes the spec-generic, slice-resumable path.
//
// The budget grows with the input (a fixed base plus kFastPathStepsPerUnit
// matcher steps per code unit): a well-behaved pattern scans a large string
// in one instruction, as indexOf would, while a pattern that backtracks
// more than that per unit (the catastrophic ones) runs out and goes to the
// interruptible path. The cap bounds one instruction's work however long the
// input (time limits and interrupts are checked between instructions).
constexpr uint64_t kFastPathBudget = 200000;
constexpr uint64_t kFastPathStepsPerUnit = 32;
constexpr uint64_t kFastPathMaxBudget = 20000000;

uint64_t FastPathBudget(const String* s) {
  return std::min(kFastPathBudget + kFastPathStepsPerUnit * s->length, kFastPathMaxBudget);
}

void SnapshotObject(Object* o, Shape** shape, std::vector<Value>* slots) {
  *shape = o->shape;
  slots->assign(o->slots, o->slots + (o->shape != nullptr ? o->shape->count : 0));
}

bool MatchesSnapshot(Object* o, Shape* shape, const std::vector<Value>& slots) {
  if (o->shape != shape || shape == nullptr) return false;
  for (size_t i = 0; i < slots.size(); ++i) {
    if (o->slots[i] != slots[i]) return false;
  }
  return true;
}

// The pristine RegExp, or null.
RegExpObject* PristineRegExp(Vm& vm, Value v, bool need_species) {
  RegExpObject* r = AsRegExp(v);
  if (r == nullptr || RegExpProgram(r) == nullptr) return nullptr;
  Realm& realm = CurrentRealm(vm);
  Realm::RegExpSnapshot* snap = realm.regexp_snapshot;
  if (snap == nullptr || r->proto != realm.intrinsic(Intrinsic::kRegExpPrototype)) return nullptr;
  if (r->shape == nullptr || r->shape->count != 1 || !(r->shape->attrs & kWritable) || !r->slots[0].IsNumber()) {
    return nullptr;
  }
  if (!MatchesSnapshot(r->proto, snap->proto_shape, snap->proto_slots)) return nullptr;
  if (need_species && !MatchesSnapshot(realm.intrinsic(Intrinsic::kRegExp), snap->ctor_shape, snap->ctor_slots)) {
    return nullptr;
  }
  return r;
}

// Runs the matcher for one match from `start` within *budget. Returns 1 on
// a match (captures in st), 0 on none, -1 when the budget ran out, -2 with
// an out-of-memory error pending.
int FastMatch(Vm& vm, RegExpMatchState* st, uint32_t start, uint64_t* budget) {
  String* s = st->input.AsString();
  const regexp::Program& p = st->matcher->program();
  st->matcher->Start(s->is_one_byte() ? s->chars8() : nullptr, s->is_one_byte() ? nullptr : s->chars16(), s->length,
                     start, p.flags.sticky);
  regexp::MatchStatus status = st->matcher->Run(budget);
  if (!AccountRegExpMatcher(vm, st)) return -2;
  if (status == regexp::MatchStatus::kMatch) return 1;
  if (status == regexp::MatchStatus::kNoMatch) return 0;
  return -1;
}

uint32_t AdvanceIndex(String* s, uint32_t i, bool unicode) {
  if (unicode && i + 1 < s->length) {
    char16_t c = s->At(i), d = s->At(i + 1);
    if (c >= 0xD800 && c <= 0xDBFF && d >= 0xDC00 && d <= 0xDFFF) return i + 2;
  }
  return i + 1;
}

// 22.1.3.19.1 GetSubstitution for a match of a pristine RegExp.
bool AppendSubstitution(String* s, const regexp::Program& p, const std::vector<int32_t>& caps, String* tmpl,
                        std::u16string* out) {
  uint32_t m = p.capture_count - 1;
  auto append = [&](int32_t from, int32_t to) {
    for (int32_t i = from; i < to; ++i) out->push_back(s->At(static_cast<uint32_t>(i)));
  };
  uint32_t n = tmpl->length;
  for (uint32_t i = 0; i < n;) {
    char16_t c = tmpl->At(i);
    if (c != '$' || i + 1 >= n) {
      out->push_back(c);
      ++i;
      continue;
    }
    char16_t d = tmpl->At(i + 1);
    if (d == '$') {
      out->push_back('$');
      i += 2;
    } else if (d == '&') {
      append(caps[0], caps[1]);
      i += 2;
    } else if (d == '`') {
      append(0, caps[0]);
      i += 2;
    } else if (d == '\'') {
      append(caps[1], static_cast<int32_t>(s->length));
      i += 2;
    } else if (d >= '0' && d <= '9') {
      uint32_t index = d - '0';
      uint32_t digits = 1;
      if (i + 2 < n && tmpl->At(i + 2) >= '0' && tmpl->At(i + 2) <= '9') {
        uint32_t two = index * 10 + (tmpl->At(i + 2) - '0');
        if (two >= 1 && two <= m) {
          index = two;
          digits = 2;
        }
      }
      if (index >= 1 && index <= m) {
        if (caps[2 * index] >= 0) append(caps[2 * index], caps[2 * index + 1]);
      } else {
        out->push_back('$');
        out->push_back(d);
      }
      i += 1 + digits;
    } else if (d == '<') {
      if (p.group_names.empty()) {
        out->append(u"$<");
        i += 2;
        continue;
      }
      uint32_t gt = i + 2;
      while (gt < n && tmpl->At(gt) != '>') ++gt;
      if (gt >= n) {
        out->append(u"$<");
        i += 2;
        continue;
      }
      std::u16string name;
      for (uint32_t k = i + 2; k < gt; ++k) name.push_back(tmpl->At(k));
      for (const auto& [group, index] : p.group_names) {
        if (group == name && caps[2 * index] >= 0) {
          append(caps[2 * index], caps[2 * index + 1]);
          break;
        }
      }
      i = gt + 1;
    } else {
      out->push_back('$');
      ++i;
    }
    if (out->size() > kMaxStringLength) return false;
  }
  return true;
}

Value MakeString(Vm& vm, const std::u16string& text) {
  if (text.size() > kMaxStringLength) return vm.ThrowError(ErrorKind::kRangeError, "Invalid string length");
  String* r = NewStringFromUtf16(vm, text);
  return r ? Value::FromString(r) : Oom(vm);
}

// regexpFast(op, R, S, arg): op 0 exec, 1 test, 2 replace (arg: the
// replacement template), 3 match, 4 search, 5 split (arg: lim).
Value NativeRegExpFast(Vm& vm, CallArgs& a) {
  int op = a.arg(0).AsInt32();
  RegExpObject* r = PristineRegExp(vm, a.arg(1), op == 5);
  if (r == nullptr || !a.arg(2).IsString()) return Value::Undefined();
  const regexp::Program& p = *RegExpProgram(r);
  if (p.flags.sticky) return Value::Undefined();
  String* s = a.arg(2).AsString();
  bool global = p.flags.global;
  bool unicode = p.flags.either_unicode();
  Realm& realm = CurrentRealm(vm);
  RegExpMatchState* st = NewRegExpMatchState(vm, r, s, 0);
  if (st == nullptr) return Oom(vm);
  uint64_t budget = FastPathBudget(s);
  auto set_last_index = [&](double v) { r->slots[0] = Value::Number(v); };
  auto note_legacy = [&] {
    if (r->realm == &realm) {
      realm.regexp_legacy_input = r->legacy ? st->input : realm.regexp_legacy_input;
      realm.regexp_legacy_match = r->legacy ? Value::FromObject(st) : Value::Null();
    }
  };
  switch (op) {
    case 0:
    case 1: {
      // RegExpBuiltinExec.
      double last_index = 0;
      if (global) {
        double li = r->slots[0].AsNumber();
        last_index = std::isnan(li) || li <= 0 ? 0 : std::floor(li);
        if (last_index > s->length) {
          set_last_index(0);
          return op == 1 ? Value::Boolean(false) : Value::Null();
        }
      }
      int found = FastMatch(vm, st, static_cast<uint32_t>(last_index), &budget);
      if (found < 0) return found == -2 ? Value::Empty() : Value::Undefined();
      if (found == 0) {
        if (global) set_last_index(0);
        return op == 1 ? Value::Boolean(false) : Value::Null();
      }
      if (global) set_last_index(st->matcher->captures()[1]);
      note_legacy();
      if (op == 1) return Value::Boolean(true);
      return BuildMatchResult(vm, r, s, st->matcher->captures());
    }
    case 2: {
      if (!a.arg(3).IsString()) return Value::Undefined();
      String* tmpl = a.arg(3).AsString();
      std::u16string out;
      uint32_t pos = 0, next_source = 0, last_start = 0;
      bool any = false;
      while (pos <= s->length) {
        int found = FastMatch(vm, st, pos, &budget);
        if (found < 0) return found == -2 ? Value::Empty() : Value::Undefined();
        if (found == 0) break;
        any = true;
        const std::vector<int32_t>& caps = st->matcher->captures();
        last_start = static_cast<uint32_t>(caps[0]);
        for (uint32_t i = next_source; i < static_cast<uint32_t>(caps[0]); ++i) out.push_back(s->At(i));
        if (!AppendSubstitution(s, p, caps, tmpl, &out)) {
          return vm.ThrowError(ErrorKind::kRangeError, "Invalid string length");
        }
        next_source = static_cast<uint32_t>(caps[1]);
        if (!global) break;
        pos = caps[1] == caps[0] ? AdvanceIndex(s, static_cast<uint32_t>(caps[1]), unicode)
                                 : static_cast<uint32_t>(caps[1]);
      }
      if (global) set_last_index(0);
      if (any && global) {
        // The legacy properties describe the last match: redo it.
        uint64_t redo = FastPathBudget(s);
        int again = FastMatch(vm, st, last_start, &redo);
        if (again == -2) return Value::Empty();
        if (again == 1) note_legacy();
        else if (r->realm == &realm) realm.regexp_legacy_match = Value::Null();
      } else if (any) {
        note_legacy();
      }
      if (!any) return Value::FromString(s);
      for (uint32_t i = next_source; i < s->length; ++i) out.push_back(s->At(i));
      return MakeString(vm, out);
    }
    case 3: {
      if (!global) return Value::Undefined();  // the caller uses exec
      Object* A = NewArray(vm, realm);
      if (A == nullptr) return Oom(vm);
      uint32_t pos = 0, last_start = 0;
      while (pos <= s->length) {
        int found = FastMatch(vm, st, pos, &budget);
        if (found < 0) return found == -2 ? Value::Empty() : Value::Undefined();
        if (found == 0) break;
        const std::vector<int32_t>& caps = st->matcher->captures();
        last_start = static_cast<uint32_t>(caps[0]);
        String* m = Substring(vm, s, static_cast<uint32_t>(caps[0]), static_cast<uint32_t>(caps[1]));
        if (m == nullptr || !ArrayPush(vm, A, Value::FromString(m))) return Oom(vm);
        pos = caps[1] == caps[0] ? AdvanceIndex(s, static_cast<uint32_t>(caps[1]), unicode)
                                 : static_cast<uint32_t>(caps[1]);
      }
      set_last_index(0);
      if (A->array_length == 0) return Value::Null();
      uint64_t redo = FastPathBudget(s);
      int again = FastMatch(vm, st, last_start, &redo);
      if (again == -2) return Value::Empty();
      if (again == 1) note_legacy();
      else if (r->realm == &realm) realm.regexp_legacy_match = Value::Null();
      return Value::FromObject(A);
    }
    case 4: {
      int found = FastMatch(vm, st, 0, &budget);
      if (found < 0) return found == -2 ? Value::Empty() : Value::Undefined();
      if (found == 0) return Value::Int32(-1);
      note_legacy();
      return Value::Int32(st->matcher->captures()[0]);
    }
    case 5: {
      double lim = a.arg(3).AsNumber();
      Object* A = NewArray(vm, realm);
      if (A == nullptr) return Oom(vm);
      if (lim == 0) return Value::FromObject(A);
      auto push = [&](Value v) { return ArrayPush(vm, A, v); };
      auto sub = [&](uint32_t from, uint32_t to) -> Value {
        String* part = Substring(vm, s, from, to);
        return part ? Value::FromString(part) : Value::Empty();
      };
      if (s->length == 0) {
        int found = FastMatch(vm, st, 0, &budget);
        if (found < 0) return found == -2 ? Value::Empty() : Value::Undefined();
        // The splitter is sticky: only a match at 0 counts.
        if (found == 1 && st->matcher->captures()[0] == 0) return Value::FromObject(A);
        if (!push(Value::FromString(s))) return Oom(vm);
        return Value::FromObject(A);
      }
      uint32_t size = s->length, p_pos = 0, q = 0;
      while (q < size) {
        int found = FastMatch(vm, st, q, &budget);
        if (found < 0) return found == -2 ? Value::Empty() : Value::Undefined();
        if (found == 0) break;
        const std::vector<int32_t> caps = st->matcher->captures();
        q = static_cast<uint32_t>(caps[0]);
        if (q >= size) break;
        uint32_t e = std::min(static_cast<uint32_t>(caps[1]), size);
        if (e == p_pos) {
          q = AdvanceIndex(s, q, unicode);
          continue;
        }
        Value part = sub(p_pos, q);
        if (part.IsEmpty() || !push(part)) return Oom(vm);
        if (A->array_length == lim) return Value::FromObject(A);
        p_pos = e;
        for (uint32_t i = 1; i < p.capture_count; ++i) {
          Value cap = caps[2 * i] >= 0 ? sub(static_cast<uint32_t>(caps[2 * i]), static_cast<uint32_t>(caps[2 * i + 1]))
                                       : Value::Undefined();
          if (cap.IsEmpty() || !push(cap)) return Oom(vm);
          if (A->array_length == lim) return Value::FromObject(A);
        }
        q = p_pos;
      }
      Value rest = sub(p_pos, size);
      if (rest.IsEmpty() || !push(rest)) return Oom(vm);
      return Value::FromObject(A);
    }
    default:
      return Value::Undefined();
  }
}

}  // namespace

void SnapshotRegExpIntrinsics(Realm& realm) {
  auto* snap = new Realm::RegExpSnapshot();
  SnapshotObject(realm.intrinsic(Intrinsic::kRegExpPrototype), &snap->proto_shape, &snap->proto_slots);
  SnapshotObject(realm.intrinsic(Intrinsic::kRegExp), &snap->ctor_shape, &snap->ctor_slots);
  delete realm.regexp_snapshot;
  realm.regexp_snapshot = snap;
}

namespace {

bool DefineSelfHostedSymbolMethod(Vm& vm, Object* target, Symbol* sym, const char* name, Value fn, int length) {
  String* n = NewStringFromLatin1(vm, name);
  return fn.IsObject() && n != nullptr &&
         SetFunctionNameAndLength(vm, fn.AsObject(), Value::FromString(n), length) &&
         SetOwnData(vm, target, PropertyKey(Value::FromSymbol(sym)), fn, kHiddenAttrs);
}

}  // namespace

const std::vector<NativeBinding>& RegExpSelfHostNatives() {
  static const std::vector<NativeBinding> natives = {
      {"regexpAlloc", NativeRegExpAlloc, 1},
      {"regexpInitialize", NativeRegExpInitialize, 3},
      {"isRegExpObject", NativeIsRegExpObject, 1},
      {"regexpOriginalSource", NativeRegExpOriginalSource, 1},
      {"regexpOriginalFlags", NativeRegExpOriginalFlags, 1},
      {"regexpFlagBits", NativeRegExpFlagBits, 1},
      {"regexpExec", NativeRegExpExec, 3},
      {"regexpResume", NativeRegExpResume, 1},
      {"isPendingMatch", NativeIsPendingMatch, 1},
      {"regexpMatchEnd", NativeRegExpMatchEnd, 1},
      {"newRegExpStringIterator", NativeNewRegExpStringIterator, 4},
      {"regexpStringIteratorState", NativeRegExpStringIteratorState, 1},
      {"intrinsicRegExp", NativeIntrinsicRegExp, 0},
      {"stringCharCode", NativeStringCharCode, 2},
      {"stringSubstring", NativeStringSubstring, 3},
      {"stringIndexOf", NativeStringIndexOf, 3},
      {"stringSplit", NativeStringSplit, 4},
      {"stringReplaceAllPlain", NativeStringReplaceAllPlain, 3},
      {"callFunctionWithArgs", NativeCallFunctionWithArgs, 3},
      {"sameValue", NativeSameValue, 2},
      {"regexpCanCompile", NativeRegExpCanCompile, 1},
      {"regexpFast", NativeRegExpFast, 4},
  };
  return natives;
}

bool InstallRegExp(Vm& vm, Realm& realm, const SelfHostedTable& sh) {
  Object* proto = realm.intrinsic(Intrinsic::kRegExpPrototype);
  Object* ctor = NewNativeFunction(vm, realm, "RegExp", RegExpConstructor, 2, true);
  if (ctor == nullptr) return false;
  static_cast<NativeFunction*>(ctor)->data = sh.Get("RegExpConstruct");
  realm.intrinsics[static_cast<int>(Intrinsic::kRegExp)] = ctor;
  const WellKnownSymbols& sym = vm.symbols();
  bool ok = DefineValue(vm, ctor, "prototype", Value::FromObject(proto), 0) &&
            DefineValue(vm, proto, "constructor", Value::FromObject(ctor)) &&
            DefineValue(vm, realm.global, "RegExp", Value::FromObject(ctor)) &&
            DefineGetter(vm, realm, ctor, PropertyKey(Value::FromSymbol(sym.species)), "[Symbol.species]",
                         RegExpSpeciesGetter) &&
            DefineNativeMethod(vm, realm, ctor, "escape", RegExpEscape, 1) != nullptr &&
            DefineGetter(vm, realm, proto, NameKey(vm, "source"), "source", RegExpSourceGetter);
  if (!ok) return false;
  static const char* const kFlagNames[] = {"hasIndices", "global",  "ignoreCase",  "multiline",
                                           "dotAll",     "unicode", "unicodeSets", "sticky"};
  for (int i = 0; i < 8; ++i) {
    if (!DefineGetter(vm, realm, proto, NameKey(vm, kFlagNames[i]), kFlagNames[i], RegExpFlagGetter)) return false;
    OwnProperty prop;
    GetOwnProperty(vm, proto, NameKey(vm, kFlagNames[i]), &prop);
    static_cast<NativeFunction*>(ValueToAccessor(prop.value)->getter.AsObject())->magic = i;
  }
  // Legacy static accessors on the constructor.
  static const struct {
    const char* names[2];
    int magic;
  } kLegacy[] = {
      {{"input", "$_"}, 0},       {{"lastMatch", "$&"}, 1},    {{"lastParen", "$+"}, 2},
      {{"leftContext", "$`"}, 3}, {{"rightContext", "$'"}, 4}, {{"$1", nullptr}, 5},
      {{"$2", nullptr}, 6},       {{"$3", nullptr}, 7},        {{"$4", nullptr}, 8},
      {{"$5", nullptr}, 9},       {{"$6", nullptr}, 10},       {{"$7", nullptr}, 11},
      {{"$8", nullptr}, 12},      {{"$9", nullptr}, 13},
  };
  for (const auto& l : kLegacy) {
    for (const char* name : l.names) {
      if (name == nullptr) continue;
      Object* getter = NewNativeFunction(vm, realm, std::string("get ") + name, RegExpLegacyGetter, 0);
      if (getter == nullptr) return false;
      static_cast<NativeFunction*>(getter)->magic = l.magic;
      Value setter = Value::Undefined();
      if (l.magic == 0) {
        Object* f = NewNativeFunction(vm, realm, std::string("set ") + name, RegExpLegacyInputSetter, 1);
        if (f == nullptr) return false;
        setter = Value::FromObject(f);
      }
      Accessor* acc = NewAccessor(vm, Value::FromObject(getter), setter);
      if (acc == nullptr ||
          !SetOwnData(vm, ctor, NameKey(vm, name), AccessorToValue(acc), kConfigurable | kAccessorBit)) {
        return false;
      }
    }
  }
  // get flags: self-hosted (it reads the other getters).
  {
    Value g = sh.Get("RegExpFlagsGetter");
    String* n = NewStringFromLatin1(vm, "get flags");
    Accessor* acc = g.IsObject() && n != nullptr ? NewAccessor(vm, g, Value::Undefined()) : nullptr;
    if (acc == nullptr || !SetFunctionNameAndLength(vm, g.AsObject(), Value::FromString(n), 0) ||
        !SetOwnData(vm, proto, NameKey(vm, "flags"), AccessorToValue(acc), kConfigurable | kAccessorBit)) {
      return false;
    }
  }
  struct M {
    const char* name;
    const char* impl;
    int length;
  };
  static const M kMethods[] = {
      {"exec", "RegExpProtoExec", 1}, {"test", "RegExpTest", 1}, {"toString", "RegExpToString", 0},
      {"compile", "RegExpCompile", 2},
  };
  for (const M& m : kMethods) {
    if (!DefineSelfHostedMethod(vm, proto, m.name, sh.Get(m.impl), m.length)) return false;
  }
  if (!DefineSelfHostedSymbolMethod(vm, proto, sym.match, "[Symbol.match]", sh.Get("RegExpSymbolMatch"), 1) ||
      !DefineSelfHostedSymbolMethod(vm, proto, sym.matchAll, "[Symbol.matchAll]", sh.Get("RegExpSymbolMatchAll"),
                                    1) ||
      !DefineSelfHostedSymbolMethod(vm, proto, sym.replace, "[Symbol.replace]", sh.Get("RegExpSymbolReplace"), 2) ||
      !DefineSelfHostedSymbolMethod(vm, proto, sym.search, "[Symbol.search]", sh.Get("RegExpSymbolSearch"), 1) ||
      !DefineSelfHostedSymbolMethod(vm, proto, sym.split, "[Symbol.split]", sh.Get("RegExpSymbolSplit"), 2)) {
    return false;
  }
  // 22.2.9.2 %RegExpStringIteratorPrototype%.
  Object* iter_proto = realm.intrinsic(Intrinsic::kRegExpStringIteratorPrototype);
  String* tag = NewStringFromLatin1(vm, "RegExp String Iterator");
  if (tag == nullptr ||
      !SetOwnData(vm, iter_proto, PropertyKey(Value::FromSymbol(sym.toStringTag)), Value::FromString(tag),
                  kConfigurable) ||
      !DefineSelfHostedMethod(vm, iter_proto, "next", sh.Get("RegExpStringIteratorNext"), 0)) {
    return false;
  }
  // The String methods that delegate to RegExp.
  Object* string_proto = realm.intrinsic(Intrinsic::kStringPrototype);
  static const M kStringMethods[] = {
      {"match", "StringMatch", 1},   {"matchAll", "StringMatchAll", 1}, {"replace", "StringReplace", 2},
      {"replaceAll", "StringReplaceAll", 2}, {"search", "StringSearch", 1}, {"split", "StringSplit", 2},
      // B.2.2.2 - B.2.2.14
      {"anchor", "StringAnchor", 1}, {"big", "StringBig", 0}, {"blink", "StringBlink", 0},
      {"bold", "StringBold", 0}, {"fixed", "StringFixed", 0}, {"fontcolor", "StringFontcolor", 1},
      {"fontsize", "StringFontsize", 1}, {"italics", "StringItalics", 0}, {"link", "StringLink", 1},
      {"small", "StringSmall", 0}, {"strike", "StringStrike", 0}, {"sub", "StringSub", 0},
      {"sup", "StringSup", 0},
  };
  for (const M& m : kStringMethods) {
    if (!DefineSelfHostedMethod(vm, string_proto, m.name, sh.Get(m.impl), m.length)) return false;
  }
  SnapshotRegExpIntrinsics(realm);
  return true;
}

}  // namespace ratchet::internal
