// 25.5.2 JSON.stringify ( value [ , replacer [ , space ] ] ): a native fast
// path. It serializes values made of primitives, ordinary objects and arrays
// whose properties are plain data — the documents programs actually
// round-trip — without running any JavaScript. Whatever could run user code
// or needs the general algorithm (a replacer, a toJSON method anywhere on a
// chain, proxies, accessors, wrapper objects, holes, BigInt, cycles, exotic
// objects) makes it give up before any observable effect, and the whole call
// goes to the self-hosted JsonStringify (selfhost/builtins.js), which runs
// the spec algorithm with user code as frames. It also gives up when its
// work grows out of proportion with its output (a DAG of objects whose
// values all serialize to nothing), so the step budget keeps bounding CPU,
// and when its buffer would not fit in the heap's limit.
#include <string>

#include "runtime/builtins/builtins.h"
#include "vm/conversions.h"
#include "vm/interpreter.h"

namespace ratchet::internal {

namespace {

constexpr int kMaxDepth = 512;              // C++ recursion stays shallow
constexpr uint64_t kFreeWork = 1u << 20;    // visits allowed regardless of output
constexpr size_t kAccountChunk = 1u << 20;  // buffer bytes charged at a time

enum class Result { kValue, kUndefined, kGiveUp };

// A one-byte buffer that widens to UTF-16 at the first code unit above 0xFF.
class Output {
 public:
  explicit Output(Vm& vm) : vm_(vm) {}
  ~Output() { vm_.heap().ReleaseExternal(accounted_); }

  bool Push(char16_t c) {
    if (!wide_ && c > 0xFF) Widen();
    if (wide_) {
      wide_buf_.push_back(c);
    } else {
      narrow_.push_back(static_cast<char>(c));
    }
    return Account();
  }
  bool Ascii(std::string_view s) {
    if (wide_) {
      wide_buf_.append(s.begin(), s.end());
    } else {
      narrow_.append(s);
    }
    return Account();
  }
  bool Units(std::u16string_view s) {
    for (char16_t c : s) {
      if (!Push(c)) return false;
    }
    return true;
  }
  size_t bytes() const { return wide_ ? wide_buf_.size() * 2 : narrow_.size(); }
  size_t units() const { return wide_ ? wide_buf_.size() : narrow_.size(); }
  void Truncate(size_t units) {
    if (wide_) {
      wide_buf_.resize(units);
    } else {
      narrow_.resize(units);
    }
  }
  String* Finish() {
    return wide_ ? NewStringFromUtf16(vm_, wide_buf_) : NewStringFromLatin1(vm_, narrow_);
  }

 private:
  void Widen() {
    wide_buf_.assign(narrow_.begin(), narrow_.end());
    for (char16_t& c : wide_buf_) c = static_cast<unsigned char>(c);
    narrow_.clear();
    narrow_.shrink_to_fit();
    wide_ = true;
  }
  // Charges the buffer to the heap's limit in chunks.
  bool Account() {
    while (bytes() > accounted_) {
      if (!vm_.heap().AccountExternal(kAccountChunk)) return false;
      accounted_ += kAccountChunk;
    }
    return true;
  }

  Vm& vm_;
  bool wide_ = false;
  std::string narrow_;
  std::u16string wide_buf_;
  size_t accounted_ = 0;
};

class FastStringifier {
 public:
  FastStringifier(Vm& vm, std::u16string gap) : vm_(vm), out_(vm), gap_(std::move(gap)) {
    to_json_ = NameKey(vm, "toJSON");
  }

  // Serializes `v`; kUndefined when the result is undefined.
  Result Serialize(Value v) {
    if (!Work()) return Result::kGiveUp;
    if (v.IsString()) return Quote(v.AsString()) ? Result::kValue : Result::kGiveUp;
    if (v.IsInt32()) return out_.Ascii(std::to_string(v.AsInt32())) ? Result::kValue : Result::kGiveUp;
    if (v.IsNumber()) {
      double d = v.AsNumber();
      if (!std::isfinite(d)) return out_.Ascii("null") ? Result::kValue : Result::kGiveUp;
      String* s = NumberToString(vm_, d);
      return s != nullptr && AppendString(s) ? Result::kValue : Result::kGiveUp;
    }
    if (v.IsNull()) return out_.Ascii("null") ? Result::kValue : Result::kGiveUp;
    if (v.IsTrue()) return out_.Ascii("true") ? Result::kValue : Result::kGiveUp;
    if (v.IsFalse()) return out_.Ascii("false") ? Result::kValue : Result::kGiveUp;
    if (!v.IsObject()) {
      // undefined and symbols serialize to nothing; a BigInt may have a
      // toJSON on BigInt.prototype, or throws: the general path decides.
      return v.IsUndefined() || v.IsSymbol() ? Result::kUndefined : Result::kGiveUp;
    }
    Object* o = v.AsObject();
    if (o->is_proxy() || HasToJson(o)) return Result::kGiveUp;
    if (o->is_callable()) return Result::kUndefined;
    if (o->cls != ObjectClass::kOrdinary && o->cls != ObjectClass::kArray) return Result::kGiveUp;
    if (o->sparse != nullptr || stack_.size() >= kMaxDepth) return Result::kGiveUp;
    for (Object* s : stack_) {
      if (s == o) return Result::kGiveUp;  // a cycle: the general path throws
    }
    stack_.push_back(o);
    Result r = o->cls == ObjectClass::kArray ? SerializeArray(o) : SerializeObject(o);
    stack_.pop_back();
    return r;
  }

  Output& out() { return out_; }

 private:
  // Counts a visit; false when the work is out of proportion with the output.
  bool Work() { return ++work_ % 4096 != 0 || work_ <= kFreeWork || work_ <= out_.bytes(); }

  // Whether Get(o, "toJSON") could find anything (data or accessor) or run
  // a proxy trap; chains that were clean once are remembered.
  bool HasToJson(Object* o) {
    OwnProperty prop;
    if (GetOwnProperty(vm_, o, to_json_, &prop)) return true;
    Object* proto = o->proto;
    if (proto == nullptr || proto == clean_proto_) return false;
    Object* holder = nullptr;
    Object* proxy = nullptr;
    if (LookupPropertyOrProxy(vm_, proto, to_json_, &prop, &holder, &proxy) || proxy != nullptr) return true;
    clean_proto_ = proto;
    return false;
  }

  bool Open(char c) {
    return out_.Push(c);
  }
  bool Separator(bool first) {
    if (!first && !out_.Push(u',')) return false;
    if (gap_.empty()) return true;
    return out_.Push(u'\n') && out_.Units(indent_);
  }
  bool Close(char c, bool any) {
    if (any && !gap_.empty()) {
      indent_.resize(indent_.size() - gap_.size());
      if (!out_.Push(u'\n') || !out_.Units(indent_)) return false;
    } else if (!gap_.empty()) {
      indent_.resize(indent_.size() - gap_.size());
    }
    return out_.Push(c);
  }

  // 25.5.2.6 SerializeJSONArray: dense elements only (a hole would read the
  // prototype chain).
  Result SerializeArray(Object* a) {
    uint32_t len = a->array_length;
    if (len > a->elements_size) return Result::kGiveUp;
    if (!Open('[')) return Result::kGiveUp;
    indent_ += gap_;
    for (uint32_t i = 0; i < len; ++i) {
      Value e = a->elements[i];
      if (e.IsEmpty()) return Result::kGiveUp;
      if (!Separator(i == 0)) return Result::kGiveUp;
      Result r = Serialize(e);
      if (r == Result::kGiveUp) return r;
      if (r == Result::kUndefined && !out_.Ascii("null")) return Result::kGiveUp;
    }
    return Close(']', len > 0) ? Result::kValue : Result::kGiveUp;
  }

  // 25.5.2.5 SerializeJSONObject: integer keys (dense elements), then string
  // keys in insertion order; enumerable data properties only.
  Result SerializeObject(Object* o) {
    if (!Open('{')) return Result::kGiveUp;
    indent_ += gap_;
    bool any = false;
    for (uint32_t i = 0; i < o->elements_size; ++i) {
      Value e = o->elements[i];
      if (e.IsEmpty()) continue;
      size_t mark = Mark();
      if (!Separator(!any)) return Result::kGiveUp;
      std::string key = std::to_string(i);
      if (!out_.Push(u'"') || !out_.Ascii(key) || !out_.Ascii(gap_.empty() ? "\":" : "\": ")) return Result::kGiveUp;
      Result r = Serialize(e);
      if (r == Result::kGiveUp) return r;
      if (r == Result::kUndefined) {
        if (!Rewind(mark)) return Result::kGiveUp;
        continue;
      }
      any = true;
    }
    auto property = [&](Value key, Value value, uint8_t attrs) -> Result {
      if (!Work()) return Result::kGiveUp;
      if (key.IsEmpty() || !key.IsString() || !(attrs & kEnumerable)) return Result::kUndefined;
      if (attrs & kAccessorBit) return Result::kGiveUp;
      if (value.IsUndefined() || value.IsSymbol()) return Result::kUndefined;  // fast skip
      size_t mark = Mark();
      if (!Separator(!any) || !Quote(key.AsString()) || !out_.Ascii(gap_.empty() ? ":" : ": ")) {
        return Result::kGiveUp;
      }
      Result r = Serialize(value);
      if (r == Result::kUndefined) return Rewind(mark) ? Result::kUndefined : Result::kGiveUp;
      if (r == Result::kValue) any = true;
      return r;
    };
    if (o->shape != nullptr) {
      const std::vector<ShapeEntry>& entries = ShapeEntries(vm_.heap(), o->shape);
      for (uint32_t i = 0; i < entries.size(); ++i) {
        if (property(entries[i].key, o->slots[i], entries[i].attrs) == Result::kGiveUp) return Result::kGiveUp;
      }
    } else {
      for (size_t i = 0; i < o->dict->entries.size(); ++i) {
        const DictEntry& e = o->dict->entries[i];
        if (property(e.key, e.value, e.attrs) == Result::kGiveUp) return Result::kGiveUp;
      }
    }
    return Close('}', any) ? Result::kValue : Result::kGiveUp;
  }

  // A property whose value turns out to serialize to nothing is taken back.
  size_t Mark() { return out_.units(); }
  bool Rewind(size_t mark) {
    out_.Truncate(mark);
    return true;
  }

  bool AppendString(String* s) {
    for (uint32_t i = 0; i < s->length; ++i) {
      if (!out_.Push(s->At(i))) return false;
    }
    return true;
  }

  // 25.5.2.3 QuoteJSONString
  bool Quote(String* s) {
    if (!out_.Push(u'"')) return false;
    for (uint32_t i = 0; i < s->length; ++i) {
      char16_t c = s->At(i);
      switch (c) {
        case u'"': if (!out_.Ascii("\\\"")) return false; continue;
        case u'\\': if (!out_.Ascii("\\\\")) return false; continue;
        case u'\b': if (!out_.Ascii("\\b")) return false; continue;
        case u'\f': if (!out_.Ascii("\\f")) return false; continue;
        case u'\n': if (!out_.Ascii("\\n")) return false; continue;
        case u'\r': if (!out_.Ascii("\\r")) return false; continue;
        case u'\t': if (!out_.Ascii("\\t")) return false; continue;
        default: break;
      }
      bool lone = false;
      if (c >= 0xD800 && c <= 0xDBFF) {
        if (i + 1 < s->length && s->At(i + 1) >= 0xDC00 && s->At(i + 1) <= 0xDFFF) {
          if (!out_.Push(c) || !out_.Push(s->At(++i))) return false;
          continue;
        }
        lone = true;
      } else if (c >= 0xDC00 && c <= 0xDFFF) {
        lone = true;
      }
      if (c < 0x20 || lone) {
        static const char kHex[] = "0123456789abcdef";
        char esc[7] = {'\\', 'u', kHex[(c >> 12) & 0xF], kHex[(c >> 8) & 0xF], kHex[(c >> 4) & 0xF],
                       kHex[c & 0xF], 0};
        if (!out_.Ascii(esc)) return false;
      } else if (!out_.Push(c)) {
        return false;
      }
    }
    return out_.Push(u'"');
  }

  Vm& vm_;
  Output out_;
  std::u16string gap_;
  std::u16string indent_;
  PropertyKey to_json_{Value::Undefined()};
  Object* clean_proto_ = nullptr;
  std::vector<Object*> stack_;
  uint64_t work_ = 0;
};

}  // namespace

// JSON.stringify: the fast path, else the self-hosted algorithm (this
// function's data).
Value JsonStringify(Vm& vm, CallArgs& a) {
  Value value = a.arg(0), replacer = a.arg(1), space = a.arg(2);
  // 4-8: only a replacer that is not an object (ignored) and a primitive
  // space; wrappers and replacers go the general way.
  if (!replacer.IsObject() && !space.IsObject()) {
    std::u16string gap;
    if (space.IsNumber()) {
      double n = ToIntegerOrInfinity(space.AsNumber());
      gap.assign(n < 1 ? 0 : n > 10 ? 10 : static_cast<size_t>(n), u' ');
    } else if (space.IsString()) {
      String* s = space.AsString();
      for (uint32_t i = 0; i < s->length && i < 10; ++i) gap.push_back(s->At(i));
    }
    FastStringifier fast(vm, std::move(gap));
    Result r = fast.Serialize(value);
    if (r == Result::kUndefined) return Value::Undefined();
    if (r == Result::kValue) {
      String* s = fast.out().Finish();
      if (s != nullptr) return Value::FromString(s);
    }
  }
  auto* self = static_cast<NativeFunction*>(a.callee);
  return vm.RequestTailCall(self->data, Value::Undefined(), {value, replacer, space});
}

}  // namespace ratchet::internal
