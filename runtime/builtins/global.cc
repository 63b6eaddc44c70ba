// 19 The Global Object, 25.5 The JSON Object, and the host functions every
// realm gets: print and console.log.
#include <cmath>
#include <cstdio>
#include <string>

#include "runtime/builtins/builtins.h"
#include "runtime/realm.h"
#include "vm/interpreter.h"

namespace ratchet::internal {

namespace {

// print(...args) / console.log(...args): space-separated strings and a newline.
Value Print(Vm& vm, CallArgs& a) {
  std::string line;
  for (uint32_t i = 0; i < a.argc; ++i) {
    if (i > 0) line.push_back(' ');
    Value v = a.args[i];
    if (v.IsString()) {
      AppendUtf8(v.AsString(), &line);
    } else if (v.IsSymbol()) {
      Value d = v.AsSymbol()->description;
      line += "Symbol(" + (d.IsString() ? ToUtf8(d.AsString()) : std::string()) + ")";
    } else if (v.IsObject()) {
      Object* o = v.AsObject();
      if (o->is_callable()) {
        String* s = FunctionToString(vm, o);
        if (s != nullptr) AppendUtf8(s, &line);
      } else if (o->cls == ObjectClass::kError) {
        OwnProperty m;
        Object* holder;
        std::string name = "Error";
        if (LookupProperty(vm, o, PropertyKey(Value::FromString(vm.atoms().name)), &m, &holder) &&
            m.value.IsString()) {
          name = ToUtf8(m.value.AsString());
        }
        line += name;
        if (LookupProperty(vm, o, PropertyKey(Value::FromString(vm.atoms().message)), &m, &holder) &&
            m.value.IsString() && m.value.AsString()->length > 0) {
          line += ": " + ToUtf8(m.value.AsString());
        }
      } else if (o->is_array()) {
        line += "[array]";  // FIXME: a structured console format
      } else {
        line += "[object Object]";
      }
    } else {
      String* s = PrimitiveToString(vm, v);
      if (s == nullptr) return Value::Empty();
      AppendUtf8(s, &line);
    }
  }
  if (vm.print_handler()) {
    vm.print_handler()(line);
  } else {
    line.push_back('\n');
    std::fwrite(line.data(), 1, line.size(), stdout);
    std::fflush(stdout);
  }
  return Value::Undefined();
}

bool ArgNumberOrThrow(Vm& vm, Value v, double* out) { return ArgToNumber(vm, v, out); }

// 19.2.3 isNaN ( number ) / 19.2.2 isFinite ( number )
Value GlobalIsNaN(Vm& vm, CallArgs& a) {
  double d;
  return ArgNumberOrThrow(vm, a.arg(0), &d) ? Value::Boolean(std::isnan(d)) : Value::Empty();
}
Value GlobalIsFinite(Vm& vm, CallArgs& a) {
  double d;
  return ArgNumberOrThrow(vm, a.arg(0), &d) ? Value::Boolean(std::isfinite(d)) : Value::Empty();
}

bool IsWhiteSpace(char16_t c) {
  return c == 0x09 || c == 0x0B || c == 0x0C || c == 0x20 || c == 0xA0 || c == 0xFEFF || c == 0x0A ||
         c == 0x0D || c == 0x2028 || c == 0x2029 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
         c == 0x202F || c == 0x205F || c == 0x3000;
}

// 19.2.5 parseInt ( string, radix )
Value GlobalParseInt(Vm& vm, CallArgs& a) {
  String* s = ArgToString(vm, a.arg(0));
  if (s == nullptr) return Value::Empty();
  double r = 0;
  if (!a.arg(1).IsUndefined() && !ArgToNumber(vm, a.arg(1), &r)) return Value::Empty();
  int32_t radix = DoubleToInt32(r);
  uint32_t i = 0;
  while (i < s->length && IsWhiteSpace(s->At(i))) ++i;
  bool negative = false;
  if (i < s->length && (s->At(i) == '-' || s->At(i) == '+')) negative = s->At(i++) == '-';
  bool strip_prefix = true;
  if (radix != 0) {
    if (radix < 2 || radix > 36) return Value::Double(NAN);
    if (radix != 16) strip_prefix = false;
  } else {
    radix = 10;
  }
  if (strip_prefix && i + 1 < s->length && s->At(i) == '0' && (s->At(i + 1) | 0x20) == 'x') {
    i += 2;
    radix = 16;
  }
  double value = 0;
  bool any = false;
  for (; i < s->length; ++i) {
    char16_t c = s->At(i);
    int d = c >= '0' && c <= '9' ? c - '0' : (c | 0x20) >= 'a' && (c | 0x20) <= 'z' ? (c | 0x20) - 'a' + 10 : 99;
    if (d >= radix) break;
    value = value * radix + d;
    any = true;
  }
  if (!any) return Value::Double(NAN);
  return Value::Number(negative ? -value : value);
}

// 19.2.4 parseFloat ( string )
Value GlobalParseFloat(Vm& vm, CallArgs& a) {
  String* s = ArgToString(vm, a.arg(0));
  if (s == nullptr) return Value::Empty();
  uint32_t i = 0;
  while (i < s->length && IsWhiteSpace(s->At(i))) ++i;
  // The longest prefix that is a StrDecimalLiteral.
  std::string text;
  uint32_t j = i;
  if (j < s->length && (s->At(j) == '+' || s->At(j) == '-')) text.push_back(static_cast<char>(s->At(j++)));
  const char* inf = "Infinity";
  bool is_inf = true;
  for (int k = 0; k < 8; ++k) {
    if (j + k >= s->length || s->At(j + k) != inf[k]) is_inf = false;
  }
  if (is_inf) return Value::Double(text == "-" ? -INFINITY : INFINITY);
  bool digits = false, dot = false;
  for (; j < s->length; ++j) {
    char16_t c = s->At(j);
    if (c >= '0' && c <= '9') {
      digits = true;
    } else if (c == '.' && !dot) {
      dot = true;
    } else {
      break;
    }
    text.push_back(static_cast<char>(c));
  }
  if (!digits) return Value::Double(NAN);
  if (j < s->length && (s->At(j) | 0x20) == 'e') {
    std::string exp = "e";
    uint32_t k = j + 1;
    if (k < s->length && (s->At(k) == '+' || s->At(k) == '-')) exp.push_back(static_cast<char>(s->At(k++)));
    bool exp_digits = false;
    while (k < s->length && s->At(k) >= '0' && s->At(k) <= '9') {
      exp.push_back(static_cast<char>(s->At(k++)));
      exp_digits = true;
    }
    if (exp_digits) text += exp;
  }
  return Value::Number(std::strtod(text.c_str(), nullptr));
}

// ---- JSON.parse ----

class JsonParser {
 public:
  JsonParser(Vm& vm, String* text) : vm_(vm), s_(text) {}

  Value Parse(Value* record = nullptr) {
    SkipWs();
    Value v = ParseValue(0, record);
    if (v.IsEmpty()) return v;
    SkipWs();
    if (i_ != s_->length) return Error("Unexpected token in JSON");
    return v;
  }

 private:
  static constexpr int kMaxDepth = 2000;

  Value Error(const char* msg, ErrorKind kind = ErrorKind::kSyntaxError) {
    if (vm_.pending_exception().IsUndefined() || !failed_) {
      failed_ = true;
      vm_.ThrowError(kind, std::string(msg) + " at position " + std::to_string(i_));
    }
    return Value::Empty();
  }
  void SkipWs() {
    while (i_ < s_->length) {
      char16_t c = s_->At(i_);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
      ++i_;
    }
  }
  bool Match(const char* word) {
    uint32_t n = static_cast<uint32_t>(std::char_traits<char>::length(word));
    if (i_ + n > s_->length) return false;
    for (uint32_t k = 0; k < n; ++k) {
      if (s_->At(i_ + k) != static_cast<unsigned char>(word[k])) return false;
    }
    i_ += n;
    return true;
  }
  // With `record`, also builds the JSON parse record of the value (JSON.parse
  // source text access): [value, source text (primitives) or undefined,
  // element records (arrays) / a null-prototype object of entry records
  // (objects) / undefined].
  Value ParseValue(int depth, Value* record = nullptr) {
    // Valid JSON nested past the parser's limit: an implementation limit
    // (RangeError, like a stack overflow), not a syntax error.
    if (depth > kMaxDepth) return Error("JSON nesting deeper than 2000 levels", ErrorKind::kRangeError);
    if (i_ >= s_->length) return Error("Unexpected end of JSON input");
    char16_t c = s_->At(i_);
    uint32_t start = i_;
    Value children = Value::Undefined();
    Value v;
    if (c == '{') {
      v = ParseObject(depth, record != nullptr ? &children : nullptr);
    } else if (c == '[') {
      v = ParseArray(depth, record != nullptr ? &children : nullptr);
    } else if (c == '"') {
      String* str = ParseString();
      v = str ? Value::FromString(str) : Value::Empty();
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      v = ParseNumber();
    } else if (Match("true")) {
      v = Value::Boolean(true);
    } else if (Match("false")) {
      v = Value::Boolean(false);
    } else if (Match("null")) {
      v = Value::Null();
    } else {
      return Error("Unexpected token in JSON");
    }
    if (v.IsEmpty() || record == nullptr) return v;
    Value source = Value::Undefined();
    if (!v.IsObject()) {
      String* text = Substring(vm_, s_, start, i_);
      if (text == nullptr) return Oom(vm_);
      source = Value::FromString(text);
    }
    Object* r = NewArray(vm_, *vm_.current_realm());
    if (r == nullptr || !ArrayPush(vm_, r, v) || !ArrayPush(vm_, r, source) || !ArrayPush(vm_, r, children)) {
      return Oom(vm_);
    }
    *record = Value::FromObject(r);
    return v;
  }
  Value ParseNumber() {
    uint32_t start = i_;
    if (s_->At(i_) == '-') ++i_;
    if (i_ >= s_->length) return Error("No number after minus sign in JSON");
    if (s_->At(i_) == '0') {
      ++i_;
    } else if (s_->At(i_) >= '1' && s_->At(i_) <= '9') {
      while (i_ < s_->length && s_->At(i_) >= '0' && s_->At(i_) <= '9') ++i_;
    } else {
      return Error("Unexpected token in JSON");
    }
    if (i_ < s_->length && s_->At(i_) == '.') {
      ++i_;
      if (i_ >= s_->length || s_->At(i_) < '0' || s_->At(i_) > '9') return Error("Unterminated fractional number in JSON");
      while (i_ < s_->length && s_->At(i_) >= '0' && s_->At(i_) <= '9') ++i_;
    }
    if (i_ < s_->length && (s_->At(i_) | 0x20) == 'e') {
      ++i_;
      if (i_ < s_->length && (s_->At(i_) == '+' || s_->At(i_) == '-')) ++i_;
      if (i_ >= s_->length || s_->At(i_) < '0' || s_->At(i_) > '9') return Error("Exponent part is missing a number in JSON");
      while (i_ < s_->length && s_->At(i_) >= '0' && s_->At(i_) <= '9') ++i_;
    }
    std::string text;
    for (uint32_t k = start; k < i_; ++k) text.push_back(static_cast<char>(s_->At(k)));
    return Value::Number(std::strtod(text.c_str(), nullptr));
  }
  String* ParseString() {
    ++i_;  // opening quote
    std::u16string out;
    while (true) {
      if (i_ >= s_->length) {
        Error("Unterminated string in JSON");
        return nullptr;
      }
      char16_t c = s_->At(i_++);
      if (c == '"') break;
      if (c < 0x20) {
        Error("Bad control character in string literal in JSON");
        return nullptr;
      }
      if (c != '\\') {
        out.push_back(c);
        continue;
      }
      if (i_ >= s_->length) {
        Error("Bad escaped character in JSON");
        return nullptr;
      }
      char16_t e = s_->At(i_++);
      switch (e) {
        case '"': out.push_back('"'); break;
        case '\\': out.push_back('\\'); break;
        case '/': out.push_back('/'); break;
        case 'b': out.push_back('\b'); break;
        case 'f': out.push_back('\f'); break;
        case 'n': out.push_back('\n'); break;
        case 'r': out.push_back('\r'); break;
        case 't': out.push_back('\t'); break;
        case 'u': {
          uint32_t v = 0;
          for (int k = 0; k < 4; ++k) {
            if (i_ >= s_->length) {
              Error("Bad Unicode escape in JSON");
              return nullptr;
            }
            char16_t h = s_->At(i_++);
            int d = h >= '0' && h <= '9' ? h - '0' : (h | 0x20) >= 'a' && (h | 0x20) <= 'f' ? (h | 0x20) - 'a' + 10 : -1;
            if (d < 0) {
              Error("Bad Unicode escape in JSON");
              return nullptr;
            }
            v = v * 16 + d;
          }
          out.push_back(static_cast<char16_t>(v));
          break;
        }
        default:
          Error("Bad escaped character in JSON");
          return nullptr;
      }
    }
    String* s = NewStringFromUtf16(vm_, out);
    if (s == nullptr) vm_.ThrowOutOfMemory();
    return s;
  }
  Value ParseArray(int depth, Value* records) {
    ++i_;
    Object* arr = NewArray(vm_, *vm_.current_realm());
    if (arr == nullptr) return Oom(vm_);
    Object* elements = nullptr;
    if (records != nullptr) {
      elements = NewArray(vm_, *vm_.current_realm());
      if (elements == nullptr) return Oom(vm_);
      *records = Value::FromObject(elements);
    }
    SkipWs();
    if (i_ < s_->length && s_->At(i_) == ']') {
      ++i_;
      return Value::FromObject(arr);
    }
    while (true) {
      SkipWs();
      Value record;
      Value v = ParseValue(depth + 1, elements != nullptr ? &record : nullptr);
      if (v.IsEmpty()) return v;
      if (!ArrayPush(vm_, arr, v)) return Oom(vm_);
      if (elements != nullptr && !ArrayPush(vm_, elements, record)) return Oom(vm_);
      SkipWs();
      if (i_ < s_->length && s_->At(i_) == ',') {
        ++i_;
        continue;
      }
      if (i_ < s_->length && s_->At(i_) == ']') {
        ++i_;
        return Value::FromObject(arr);
      }
      return Error("Expected ',' or ']' after array element in JSON");
    }
  }
  Value ParseObject(int depth, Value* records) {
    ++i_;
    Object* obj = NewObject(vm_, vm_.current_realm()->intrinsic(Intrinsic::kObjectPrototype));
    if (obj == nullptr) return Oom(vm_);
    Object* entries = nullptr;
    if (records != nullptr) {
      entries = NewObject(vm_, nullptr);
      if (entries == nullptr) return Oom(vm_);
      *records = Value::FromObject(entries);
    }
    SkipWs();
    if (i_ < s_->length && s_->At(i_) == '}') {
      ++i_;
      return Value::FromObject(obj);
    }
    while (true) {
      SkipWs();
      if (i_ >= s_->length || s_->At(i_) != '"') return Error("Expected property name in JSON");
      String* key = ParseString();
      if (key == nullptr) return Value::Empty();
      SkipWs();
      if (i_ >= s_->length || s_->At(i_) != ':') return Error("Expected ':' after property name in JSON");
      ++i_;
      SkipWs();
      Value record;
      Value v = ParseValue(depth + 1, entries != nullptr ? &record : nullptr);
      if (v.IsEmpty()) return v;
      PropertyKey k = vm_.KeyFromString(key);
      if (k.v.IsEmpty() || !SetOwnData(vm_, obj, k, v)) return Oom(vm_);
      if (entries != nullptr && !SetOwnData(vm_, entries, k, record)) return Oom(vm_);
      SkipWs();
      if (i_ < s_->length && s_->At(i_) == ',') {
        ++i_;
        continue;
      }
      if (i_ < s_->length && s_->At(i_) == '}') {
        ++i_;
        return Value::FromObject(obj);
      }
      return Error("Expected ',' or '}' after property value in JSON");
    }
  }

  Vm& vm_;
  String* s_;
  uint32_t i_ = 0;
  bool failed_ = false;
};

}  // namespace

Value ParseJsonText(Vm& vm, String* text) {
  JsonParser p(vm, text);
  return p.Parse(nullptr);
}

namespace {

// 25.5.1 JSON.parse ( text [ , reviver ] )
Value JsonParse(Vm& vm, CallArgs& a) {
  String* text = ArgToString(vm, a.arg(0));
  if (text == nullptr) return Value::Empty();
  JsonParser p(vm, text);
  bool revive = IsCallable(a.arg(1));
  Value record = Value::Undefined();
  Value result = p.Parse(revive ? &record : nullptr);
  if (result.IsEmpty() || !revive) return result;
  // 2. If IsCallable(reviver): InternalizeJSONProperty runs user code, so
  // the self-hosted JsonInternalize (this function's data) walks the result
  // with its parse records (for the reviver's context.source).
  auto* self = static_cast<NativeFunction*>(a.callee);
  return vm.RequestTailCall(self->data, Value::Undefined(), {result, a.arg(1), record});
}

// JSON.rawJSON ( text ) (JSON.parse source text access): a frozen,
// null-prototype object whose rawJSON is `text`, which JSON.stringify emits
// verbatim. Only primitive JSON texts are allowed.
Value JsonRawJSON(Vm& vm, CallArgs& a) {
  String* text = ArgToString(vm, a.arg(0));
  if (text == nullptr) return Value::Empty();
  auto is_ws = [](char16_t c) { return c == 0x09 || c == 0x0A || c == 0x0D || c == 0x20; };
  if (text->length == 0 || is_ws(text->At(0)) || is_ws(text->At(text->length - 1))) {
    return vm.ThrowError(ErrorKind::kSyntaxError, "Invalid value for JSON.rawJSON");
  }
  JsonParser p(vm, text);
  Value parsed = p.Parse();
  if (parsed.IsEmpty()) return parsed;
  if (parsed.IsObject()) return vm.ThrowError(ErrorKind::kSyntaxError, "JSON.rawJSON cannot create an object or array");
  Object* o = NewObject(vm, nullptr, ObjectClass::kRawJSON, sizeof(Object));
  if (o == nullptr || !DefineValue(vm, o, "rawJSON", Value::FromString(text), kEnumerable)) return Oom(vm);
  o->extensible = false;
  return Value::FromObject(o);
}

// JSON.isRawJSON ( O )
Value JsonIsRawJSON(Vm& vm, CallArgs& a) {
  return Value::Boolean(a.arg(0).IsObject() && a.arg(0).AsObject()->cls == ObjectClass::kRawJSON);
}

}  // namespace

// 19.2.5 parseInt and 19.2.4 parseFloat, also 21.1.2.13 Number.parseFloat
// and 21.1.2.14 Number.parseInt: the same function objects.
bool DefineNumberParsers(Vm& vm, Realm& realm, Object* g) {
  OwnProperty ctor;
  if (!GetOwnProperty(vm, realm.intrinsic(Intrinsic::kNumberPrototype), NameKey(vm, "constructor"), &ctor) ||
      !ctor.value.IsObject()) {
    return false;
  }
  Object* number = ctor.value.AsObject();
  struct Parser {
    const char* name;
    NativeFn fn;
    int length;
  };
  for (const Parser& p : {Parser{"parseInt", GlobalParseInt, 2}, Parser{"parseFloat", GlobalParseFloat, 1}}) {
    const char* name = p.name;
    Object* f = DefineNativeMethod(vm, realm, g, name, p.fn, p.length);
    if (f == nullptr || !DefineValue(vm, number, name, Value::FromObject(f))) return false;
  }
  return true;
}

// 19.2.1 eval ( x ): an indirect eval, in the global environment.
Value GlobalEval(Vm& vm, CallArgs& a) {
  if (!a.arg(0).IsString()) return a.arg(0);
  Realm& realm = *vm.current_realm();
  Object* fn = CompileEvalCode(vm, realm, a.arg(0).AsString(), 2 /* global code */);
  if (fn == nullptr) return Value::Empty();
  return vm.RequestTailCall(Value::FromObject(fn), realm.global_this, {});
}

namespace {

bool SetNativeData(Vm& vm, Object* holder, const char* name, Value data) {
  OwnProperty prop;
  if (!GetOwnProperty(vm, holder, NameKey(vm, name), &prop) || !prop.value.IsObject()) return false;
  static_cast<NativeFunction*>(prop.value.AsObject())->data = data;
  return true;
}

}  // namespace

bool InstallGlobals(Vm& vm, Realm& realm, const SelfHostedTable& sh) {
  Object* g = realm.global;
  Object* eval = DefineNativeMethod(vm, realm, g, "eval", GlobalEval, 1);
  if (eval == nullptr) return false;
  realm.intrinsics[static_cast<int>(Intrinsic::kEval)] = eval;
  Object* console = NewObject(vm, realm.intrinsic(Intrinsic::kObjectPrototype));
  Object* json = NewObject(vm, realm.intrinsic(Intrinsic::kObjectPrototype));
  if (console == nullptr || json == nullptr) return false;
  String* json_tag = NewStringFromLatin1(vm, "JSON");
  return json_tag != nullptr && DefineValue(vm, g, "globalThis", realm.global_this) &&
         DefineValue(vm, g, "NaN", Value::Double(NAN), 0) &&
         DefineValue(vm, g, "Infinity", Value::Double(INFINITY), 0) &&
         DefineValue(vm, g, "undefined", Value::Undefined(), 0) &&
         DefineNativeMethod(vm, realm, g, "isNaN", GlobalIsNaN, 1) &&
         DefineNativeMethod(vm, realm, g, "isFinite", GlobalIsFinite, 1) &&
         DefineNumberParsers(vm, realm, g) &&
         DefineNativeMethod(vm, realm, g, "print", Print, 1) &&
         DefineValue(vm, g, "console", Value::FromObject(console)) &&
         DefineNativeMethod(vm, realm, console, "log", Print, 0) &&
         DefineValue(vm, g, "JSON", Value::FromObject(json)) &&
         DefineNativeMethod(vm, realm, json, "parse", JsonParse, 2) &&
         DefineNativeMethod(vm, realm, json, "rawJSON", JsonRawJSON, 1) &&
         DefineNativeMethod(vm, realm, json, "isRawJSON", JsonIsRawJSON, 1) &&
         SetNativeData(vm, json, "parse", sh.Get("JsonInternalize")) && InstallUriFunctions(vm, realm) &&
         DefineNativeMethod(vm, realm, json, "stringify", JsonStringify, 3) &&
         SetNativeData(vm, json, "stringify", sh.Get("JsonStringify")) &&
         SetOwnData(vm, json, PropertyKey(Value::FromSymbol(vm.symbols().toStringTag)), Value::FromString(json_tag),
                    kConfigurable);
}

}  // namespace ratchet::internal
