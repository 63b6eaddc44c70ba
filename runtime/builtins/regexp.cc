// 22.2 RegExp (Regular Expression) Objects, https://tc39.es/ecma262/#sec-regexp-regular-expression-objects
// The engine is vm/regexp; the algorithms that may run user code (the
// constructor's IsRegExp, exec lookups, lastIndex conversions, the Symbol
// methods and the String methods that delegate to them) are self-hosted in
// runtime/selfhost/regexp.js on top of the natives here.
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
  Object* proto = PrototypeFromConstructor(vm, a.arg(0), CurrentRealm(vm).intrinsic(Intrinsic::kRegExpPrototype));
  if (proto == nullptr) return Value::Empty();
  RegExpObject* r = NewRegExpObject(vm, proto);
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
    case regexp::MatchStatus::kMatch:
      return BuildMatchResult(vm, static_cast<RegExpObject*>(st->regexp.AsObject()), st->input.AsString(),
                              st->matcher->captures());
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
      {"callFunctionWithArgs", NativeCallFunctionWithArgs, 3},
      {"sameValue", NativeSameValue, 2},
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
  };
  for (const M& m : kStringMethods) {
    if (!DefineSelfHostedMethod(vm, string_proto, m.name, sh.Get(m.impl), m.length)) return false;
  }
  return true;
}

}  // namespace ratchet::internal
