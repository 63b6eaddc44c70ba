// 21.4 Date Objects, https://tc39.es/ecma262/#sec-date-objects
// Time values are doubles (ms since the epoch, NaN when invalid). Local time
// comes from abseil's time zone of the process (TZ honoured). Arguments that
// are objects are converted by re-running the native (builtins.cc), so every
// function here is a plain native; toJSON and @@toPrimitive, which call
// user methods, are self-hosted.
#include <cmath>
#include <cstdio>
#include <string>

#include "absl/strings/str_format.h"
#include "absl/time/civil_time.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "runtime/builtins/builtins.h"
#include "vm/interpreter.h"

namespace ratchet::internal {

namespace {

constexpr double kMsPerDay = 86400000.0;
constexpr double kMsPerHour = 3600000.0;
constexpr double kMsPerMinute = 60000.0;
constexpr double kMsPerSecond = 1000.0;

Realm& CurrentRealm(Vm& vm) { return *vm.current_realm(); }

// ---- 21.4.1 Abstract operations -------------------------------------------

double Day(double t) { return std::floor(t / kMsPerDay); }
double TimeWithinDay(double t) {
  double r = std::fmod(t, kMsPerDay);
  return r < 0 ? r + kMsPerDay : r;
}
double DaysInYear(double y) {
  if (std::fmod(y, 4) != 0) return 365;
  if (std::fmod(y, 100) != 0) return 366;
  if (std::fmod(y, 400) != 0) return 365;
  return 366;
}
double DayFromYear(double y) {
  return 365 * (y - 1970) + std::floor((y - 1969) / 4) - std::floor((y - 1901) / 100) +
         std::floor((y - 1601) / 400);
}
double TimeFromYear(double y) { return kMsPerDay * DayFromYear(y); }
double YearFromTime(double t) {
  double y = std::floor(t / (kMsPerDay * 365.2425)) + 1970;
  while (TimeFromYear(y) > t) --y;
  while (TimeFromYear(y + 1) <= t) ++y;
  return y;
}
bool InLeapYear(double t) { return DaysInYear(YearFromTime(t)) == 366; }
double DayWithinYear(double t) { return Day(t) - DayFromYear(YearFromTime(t)); }
double MonthFromTime(double t) {
  double d = DayWithinYear(t);
  int leap = InLeapYear(t) ? 1 : 0;
  static const int kStarts[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365};
  for (int m = 0; m < 12; ++m) {
    if (d < kStarts[m + 1] + (m >= 1 ? leap : 0)) return m;
  }
  return 11;
}
double DateFromTime(double t) {
  double d = DayWithinYear(t);
  int leap = InLeapYear(t) ? 1 : 0;
  static const int kStarts[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
  int m = static_cast<int>(MonthFromTime(t));
  return d - kStarts[m] - (m >= 2 ? leap : 0) + 1;
}
double WeekDay(double t) {
  double r = std::fmod(Day(t) + 4, 7);
  return r < 0 ? r + 7 : r;
}
double HourFromTime(double t) { return std::floor(TimeWithinDay(t) / kMsPerHour); }
double MinFromTime(double t) { return std::fmod(std::floor(TimeWithinDay(t) / kMsPerMinute), 60); }
double SecFromTime(double t) { return std::fmod(std::floor(TimeWithinDay(t) / kMsPerSecond), 60); }
double MsFromTime(double t) { return std::fmod(TimeWithinDay(t), kMsPerSecond); }

double ToIntegerOrInf(double d) { return ToIntegerOrInfinity(d); }

// 21.4.1.28 MakeTime ( hour, min, sec, ms )
double MakeTime(double h, double m, double s, double ms) {
  if (!std::isfinite(h) || !std::isfinite(m) || !std::isfinite(s) || !std::isfinite(ms)) return NAN;
  return ToIntegerOrInf(h) * kMsPerHour + ToIntegerOrInf(m) * kMsPerMinute + ToIntegerOrInf(s) * kMsPerSecond +
         ToIntegerOrInf(ms);
}

// 21.4.1.29 MakeDay ( year, month, date )
double MakeDay(double year, double month, double date) {
  if (!std::isfinite(year) || !std::isfinite(month) || !std::isfinite(date)) return NAN;
  double y = ToIntegerOrInf(year), m = ToIntegerOrInf(month), dt = ToIntegerOrInf(date);
  double ym = y + std::floor(m / 12);
  if (!std::isfinite(ym) || std::fabs(ym) > 400000) return NAN;
  double mn = std::fmod(m, 12);
  if (mn < 0) mn += 12;
  static const int kStarts[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
  double day = DayFromYear(ym) + kStarts[static_cast<int>(mn)] + (mn >= 2 && DaysInYear(ym) == 366 ? 1 : 0);
  return day + dt - 1;
}

// 21.4.1.30 MakeDate ( day, time )
double MakeDate(double day, double time) {
  if (!std::isfinite(day) || !std::isfinite(time)) return NAN;
  double tv = day * kMsPerDay + time;
  return std::isfinite(tv) ? tv : NAN;
}

// 21.4.1.31 TimeClip ( time )
double TimeClip(double t) {
  if (!std::isfinite(t) || std::fabs(t) > 8.64e15) return NAN;
  double r = ToIntegerOrInf(t);
  return r == 0 ? 0 : r;  // no -0
}

// The local time zone's offset (ms) at UTC time t.
double OffsetAt(double t) {
  if (!std::isfinite(t)) return 0;
  absl::Time at = absl::FromUnixMillis(static_cast<int64_t>(std::floor(t)));
  return absl::LocalTimeZone().At(at).offset * kMsPerSecond;
}

// 21.4.1.25 LocalTime ( t )
double LocalTime(double t) { return t + OffsetAt(t); }

// 21.4.1.26 UTC ( t ): a local time to UTC; skipped and repeated local times
// use the offset before the transition.
double Utc(double t) {
  if (!std::isfinite(t)) return NAN;
  double day = Day(t);
  double ms = TimeWithinDay(t);
  double year = YearFromTime(t);
  if (std::fabs(year) > 290000) return t;  // beyond civil-time range: treat as UTC
  absl::CivilSecond cs(static_cast<int64_t>(year), static_cast<int>(MonthFromTime(t)) + 1,
                       static_cast<int>(DateFromTime(t)), static_cast<int>(HourFromTime(t)),
                       static_cast<int>(MinFromTime(t)), static_cast<int>(SecFromTime(t)));
  (void)day;
  absl::TimeZone::TimeInfo info = absl::LocalTimeZone().At(cs);
  double seconds = static_cast<double>(absl::ToUnixSeconds(info.pre));
  return seconds * kMsPerSecond + std::fmod(ms, kMsPerSecond);
}

// The current time in ms, from the realm's clock when the embedder set one
// (a value that is not a finite number reads as 0).
double Now(Vm& vm) {
  Realm* r = vm.current_realm();
  if (r != nullptr && r->now_hook != nullptr) {
    double t = (*r->now_hook)();
    return std::isfinite(t) ? std::trunc(t) : 0;
  }
  return static_cast<double>(absl::ToUnixMillis(absl::Now()));
}

// ---- Parsing (21.4.3.2 Date.parse) -------------------------------------------

struct Cursor {
  const String* s;
  uint32_t i = 0;
  bool AtEnd() const { return i >= s->length; }
  char16_t Peek() const { return AtEnd() ? 0 : s->At(i); }
  bool Eat(char16_t c) {
    if (Peek() != c) return false;
    ++i;
    return true;
  }
  // Exactly n digits.
  bool Digits(int n, int* out) {
    int v = 0;
    for (int k = 0; k < n; ++k) {
      char16_t c = Peek();
      if (c < '0' || c > '9') return false;
      v = v * 10 + (c - '0');
      ++i;
    }
    *out = v;
    return true;
  }
  // One or more digits.
  bool Number(int* out, int* count = nullptr) {
    int v = 0, n = 0;
    while (Peek() >= '0' && Peek() <= '9' && n < 9) {
      v = v * 10 + (Peek() - '0');
      ++i;
      ++n;
    }
    if (count) *count = n;
    *out = v;
    return n > 0;
  }
  void SkipSpaces() {
    while (Peek() == ' ') ++i;
  }
  bool Word(std::string* out) {
    out->clear();
    while ((Peek() >= 'a' && Peek() <= 'z') || (Peek() >= 'A' && Peek() <= 'Z')) {
      out->push_back(static_cast<char>(Peek()));
      ++i;
    }
    return !out->empty();
  }
};

// 21.4.1.32 Date Time String Format: YYYY[-MM[-DD]][THH:mm[:ss[.sss]]][Z|±HH:mm],
// with ±YYYYYY expanded years. Date-only forms are UTC, date-times local.
double ParseIso(const String* str) {
  Cursor c{str};
  int year = 0;
  int sign = 1;
  if (c.Peek() == '+' || c.Peek() == '-') {
    sign = c.Peek() == '-' ? -1 : 1;
    ++c.i;
    if (!c.Digits(6, &year)) return NAN;
    if (sign == -1 && year == 0) return NAN;  // -000000 is not allowed
  } else if (!c.Digits(4, &year)) {
    return NAN;
  }
  int month = 1, day = 1, hour = 0, minute = 0, second = 0, ms = 0;
  if (c.Eat('-')) {
    if (!c.Digits(2, &month) || month < 1 || month > 12) return NAN;
    if (c.Eat('-') && (!c.Digits(2, &day) || day < 1 || day > 31)) return NAN;
  }
  bool has_time = false;
  bool has_offset = false;
  double offset_ms = 0;
  if (c.Eat('T') || c.Eat('t')) {
    has_time = true;
    if (!c.Digits(2, &hour) || !c.Eat(':') || !c.Digits(2, &minute)) return NAN;
    if (c.Eat(':')) {
      if (!c.Digits(2, &second)) return NAN;
      if (c.Eat('.')) {
        int frac = 0, n = 0;
        if (!c.Number(&frac, &n)) return NAN;
        while (n > 3) {
          frac /= 10;
          --n;
        }
        while (n < 3) {
          frac *= 10;
          ++n;
        }
        ms = frac;
        while (c.Peek() >= '0' && c.Peek() <= '9') ++c.i;
      }
    }
    if (hour > 24 || minute > 59 || second > 59 || (hour == 24 && (minute || second || ms))) return NAN;
    if (c.Eat('Z') || c.Eat('z')) {
      has_offset = true;
    } else if (c.Peek() == '+' || c.Peek() == '-') {
      int osign = c.Peek() == '-' ? -1 : 1;
      ++c.i;
      int oh = 0, om = 0;
      if (!c.Digits(2, &oh) || !c.Eat(':') || !c.Digits(2, &om) || oh > 23 || om > 59) return NAN;
      has_offset = true;
      offset_ms = osign * (oh * kMsPerHour + om * kMsPerMinute);
    }
  }
  if (!c.AtEnd()) return NAN;
  double days_in_month[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (day > days_in_month[month - 1]) return NAN;
  double y = sign * year;
  if (month == 2 && day == 29 && DaysInYear(y) != 366) return NAN;
  double t = MakeDate(MakeDay(y, month - 1, day), MakeTime(hour, minute, second, ms));
  if (has_offset) {
    t -= offset_ms;
  } else if (has_time) {
    t = Utc(t);
  }
  return TimeClip(t);
}

int MonthIndex(const std::string& w) {
  static const char* const kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                        "jul", "aug", "sep", "oct", "nov", "dec"};
  if (w.size() < 3) return -1;
  std::string l;
  for (char ch : w.substr(0, 3)) l.push_back(static_cast<char>(std::tolower(ch)));
  for (int m = 0; m < 12; ++m) {
    if (l == kMonths[m]) return m;
  }
  return -1;
}

// The formats Date.prototype.toString and toUTCString produce:
//   "Tue Nov 25 2026 15:01:06 GMT+0100 (CET)" and "Tue, 25 Nov 2026 15:01:06 GMT".
double ParseLegacy(const String* str) {
  Cursor c{str};
  std::string w;
  c.SkipSpaces();
  if (!c.Word(&w)) return NAN;  // weekday
  c.Eat(',');
  c.SkipSpaces();
  int month = -1, day = 0, year = 0;
  if (c.Word(&w)) {  // "Nov 25 2026"
    month = MonthIndex(w);
    c.SkipSpaces();
    if (!c.Number(&day)) return NAN;
    c.SkipSpaces();
  } else {  // "25 Nov 2026"
    if (!c.Number(&day)) return NAN;
    c.SkipSpaces();
    if (!c.Word(&w)) return NAN;
    month = MonthIndex(w);
    c.SkipSpaces();
  }
  if (month < 0) return NAN;
  int ysign = 1;
  if (c.Eat('-')) ysign = -1;
  if (!c.Number(&year)) return NAN;
  int hour = 0, minute = 0, second = 0;
  c.SkipSpaces();
  bool has_time = false;
  if (c.Number(&hour)) {
    has_time = true;
    if (!c.Eat(':') || !c.Number(&minute)) return NAN;
    if (c.Eat(':') && !c.Number(&second)) return NAN;
  }
  c.SkipSpaces();
  bool utc = false;
  double offset_ms = 0;
  if (c.Word(&w)) {
    if (w != "GMT" && w != "UTC" && w != "Z") return NAN;
    utc = true;
    if (c.Peek() == '+' || c.Peek() == '-') {
      int osign = c.Peek() == '-' ? -1 : 1;
      ++c.i;
      int hhmm = 0, n = 0;
      if (!c.Number(&hhmm, &n) || n != 4) return NAN;
      offset_ms = osign * ((hhmm / 100) * kMsPerHour + (hhmm % 100) * kMsPerMinute);
    }
  }
  (void)has_time;
  double t = MakeDate(MakeDay(ysign * year, month, day), MakeTime(hour, minute, second, 0));
  t = utc ? t - offset_ms : Utc(t);
  return TimeClip(t);
}

double ParseDate(const String* s) {
  double t = ParseIso(s);
  if (!std::isnan(t)) return t;
  return ParseLegacy(s);
}

// ---- Formatting ----------------------------------------------------------------

const char* const kDayNames[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
const char* const kMonthNames[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

std::string YearString(double y) {
  return y >= 0 ? absl::StrFormat("%04d", static_cast<int64_t>(y))
                : absl::StrFormat("-%04d", static_cast<int64_t>(-y));
}

// 21.4.4.41.2 DateString ( tv ): "Tue Nov 25 2026"
std::string DateString(double tv) {
  return absl::StrFormat("%s %s %02d %s", kDayNames[static_cast<int>(WeekDay(tv))],
                         kMonthNames[static_cast<int>(MonthFromTime(tv))], static_cast<int>(DateFromTime(tv)),
                         YearString(YearFromTime(tv)));
}

// 21.4.4.41.1 TimeString ( tv ): "15:01:06 GMT"
std::string TimeString(double tv) {
  return absl::StrFormat("%02d:%02d:%02d GMT", static_cast<int>(HourFromTime(tv)),
                         static_cast<int>(MinFromTime(tv)), static_cast<int>(SecFromTime(tv)));
}

// 21.4.4.41.3 TimeZoneString ( tv ): "+0100 (CET)"
std::string TimeZoneString(double tv) {
  absl::Time at = absl::FromUnixMillis(static_cast<int64_t>(tv));
  absl::TimeZone::CivilInfo info = absl::LocalTimeZone().At(at);
  int offset_min = info.offset / 60;
  char sign = offset_min >= 0 ? '+' : '-';
  int a = offset_min >= 0 ? offset_min : -offset_min;
  return absl::StrFormat("%c%02d%02d (%s)", sign, a / 60, a % 60, info.zone_abbr);
}

Value StringValue(Vm& vm, const std::string& s) {
  String* r = NewStringFromLatin1(vm, s);
  return r ? Value::FromString(r) : Oom(vm);
}

// 21.4.4.41.4 ToDateString ( tv )
Value ToDateString(Vm& vm, double tv) {
  if (std::isnan(tv)) return StringValue(vm, "Invalid Date");
  double t = LocalTime(tv);
  return StringValue(vm, DateString(t) + " " + TimeString(t) + TimeZoneString(tv));
}

// ---- The Date constructor and its statics --------------------------------------

bool ThisTimeValue(Vm& vm, Value v, double* out) {
  if (v.IsObject() && v.AsObject()->cls == ObjectClass::kDate) {
    *out = static_cast<PrimitiveObject*>(v.AsObject())->primitive.AsNumber();
    return true;
  }
  vm.ThrowError(ErrorKind::kTypeError, "this is not a Date object.");
  return false;
}

void SetThisTimeValue(Value v, double t) {
  static_cast<PrimitiveObject*>(v.AsObject())->primitive = Value::Number(t);
}

// Reads arguments [first, first + n) as numbers; present[i] says whether it was passed.
bool NumberArgs(Vm& vm, CallArgs& a, uint32_t n, double* out) {
  for (uint32_t i = 0; i < n && i < a.argc; ++i) {
    if (!ArgToNumber(vm, a.args[i], &out[i])) return false;
  }
  return true;
}

// 21.4.2.1 Date ( ...values )
Value DateConstructor(Vm& vm, CallArgs& a) {
  if (a.new_target.IsUndefined()) return ToDateString(vm, Now(vm));
  double tv;
  if (a.argc == 0) {
    tv = Now(vm);
  } else if (a.argc == 1) {
    Value v = a.arg(0);
    if (v.IsObject() && v.AsObject()->cls == ObjectClass::kDate) {
      tv = static_cast<PrimitiveObject*>(v.AsObject())->primitive.AsNumber();
    } else {
      if (v.IsObject()) {
        if (!RequestArgumentConversion(vm, v, ConversionHint::kPrimitive)) {
          return vm.ThrowError(ErrorKind::kTypeError, "Cannot convert object to primitive value");
        }
        return Value::Empty();
      }
      if (v.IsString()) {
        tv = ParseDate(v.AsString());
      } else if (!ArgToNumber(vm, v, &tv)) {
        return Value::Empty();
      }
    }
    tv = TimeClip(tv);
  } else {
    double f[7] = {NAN, 0, 1, 0, 0, 0, 0};
    if (!NumberArgs(vm, a, 7, f)) return Value::Empty();
    double y = f[0];
    if (!std::isnan(y)) {
      double yi = ToIntegerOrInf(y);
      if (yi >= 0 && yi <= 99) y = 1900 + yi;
    }
    tv = TimeClip(Utc(MakeDate(MakeDay(y, f[1], f[2]), MakeTime(f[3], f[4], f[5], f[6]))));
  }
  Object* proto = PrototypeFromConstructor(vm, a.new_target, CurrentRealm(vm).intrinsic(Intrinsic::kDatePrototype));
  Object* o = NewObject(vm, proto, ObjectClass::kDate, sizeof(PrimitiveObject));
  if (o == nullptr) return Oom(vm);
  static_cast<PrimitiveObject*>(o)->primitive = Value::Number(tv);
  return Value::FromObject(o);
}

Value DateNow(Vm& vm, CallArgs& a) { return Value::Number(Now(vm)); }

Value DateParse(Vm& vm, CallArgs& a) {
  String* s = ArgToString(vm, a.arg(0));
  if (s == nullptr) return Value::Empty();
  return Value::Number(ParseDate(s));
}

// 21.4.3.4 Date.UTC ( year [ , month [ , date [ , hours [ , minutes [ , seconds [ , ms ] ] ] ] ] ] )
Value DateUtc(Vm& vm, CallArgs& a) {
  double f[7] = {NAN, 0, 1, 0, 0, 0, 0};
  if (!NumberArgs(vm, a, 7, f)) return Value::Empty();
  double y = f[0];
  if (!std::isnan(y)) {
    double yi = ToIntegerOrInf(y);
    if (yi >= 0 && yi <= 99) y = 1900 + yi;
  }
  return Value::Number(TimeClip(MakeDate(MakeDay(y, f[1], f[2]), MakeTime(f[3], f[4], f[5], f[6]))));
}

// ---- Getters: magic selects the field; +16 for UTC ----------------------------

enum Field { kFullYear, kMonth, kDate, kDay, kHours, kMinutes, kSeconds, kMilliseconds, kTime, kTzOffset, kYear };

Value DateGetter(Vm& vm, CallArgs& a) {
  int magic = static_cast<NativeFunction*>(a.callee)->magic;
  double tv;
  if (!ThisTimeValue(vm, a.this_value, &tv)) return Value::Empty();
  if (std::isnan(tv)) return Value::Double(NAN);
  bool utc = magic >= 16;
  int field = magic % 16;
  if (field == kTime) return Value::Number(tv);
  if (field == kTzOffset) return Value::Number((tv - LocalTime(tv)) / kMsPerMinute);
  double t = utc ? tv : LocalTime(tv);
  switch (field) {
    case kFullYear: return Value::Number(YearFromTime(t));
    case kYear: return Value::Number(YearFromTime(t) - 1900);
    case kMonth: return Value::Number(MonthFromTime(t));
    case kDate: return Value::Number(DateFromTime(t));
    case kDay: return Value::Number(WeekDay(t));
    case kHours: return Value::Number(HourFromTime(t));
    case kMinutes: return Value::Number(MinFromTime(t));
    case kSeconds: return Value::Number(SecFromTime(t));
    case kMilliseconds: return Value::Number(MsFromTime(t));
  }
  return Value::Undefined();
}

// ---- Setters (21.4.4.20-28): magic = field, +16 for UTC ---------------------------

// Only the parameters a setter has are converted (in order).
const uint32_t kSetterArity[] = {3, 2, 1, 0, 4, 3, 2, 1, 1, 0, 1};

Value DateSetCore(Vm& vm, Value self, double tv, int magic, const Value* argv, uint32_t argc);

Value DateSetter(Vm& vm, CallArgs& a) {
  int magic = static_cast<NativeFunction*>(a.callee)->magic;
  double tv;
  if (!ThisTimeValue(vm, a.this_value, &tv)) return Value::Empty();
  uint32_t n = std::min(kSetterArity[magic % 16], a.argc);
  for (uint32_t i = 0; i < n; ++i) {
    if (a.args[i].IsObject()) {
      // The date value is read before the arguments are converted (their
      // valueOf may change it): convert in JavaScript, then finish with it.
      Object* arr = NewArray(vm, CurrentRealm(vm));
      if (arr == nullptr) return Oom(vm);
      for (uint32_t k = 0; k < n; ++k) {
        if (!ArrayPush(vm, arr, a.args[k])) return Oom(vm);
      }
      Value helper = static_cast<NativeFunction*>(a.callee)->data;
      return vm.RequestTailCall(helper, Value::Undefined(),
                                {a.this_value, Value::Number(tv), Value::Int32(magic), Value::FromObject(arr)});
    }
  }
  return DateSetCore(vm, a.this_value, tv, magic, a.args, a.argc);
}

// dateSetFields(date, tv, magic, numbers): the setter with converted arguments.
Value NativeDateSetFields(Vm& vm, CallArgs& a) {
  Object* arr = a.arg(3).AsObject();
  std::vector<Value> args(arr->elements, arr->elements + std::min(arr->elements_size, arr->array_length));
  return DateSetCore(vm, a.arg(0), a.arg(1).AsNumber(), a.arg(2).AsInt32(), args.data(),
                     static_cast<uint32_t>(args.size()));
}

Value DateSetCore(Vm& vm, Value self, double tv, int magic, const Value* argv, uint32_t argc) {
  bool utc = magic >= 16;
  int field = magic % 16;
  double args[4] = {NAN, NAN, NAN, NAN};
  for (uint32_t i = 0; i < kSetterArity[field] && i < argc; ++i) {
    if (!ArgToNumber(vm, argv[i], &args[i])) return Value::Empty();
  }
  auto present = [&](uint32_t i) { return i < argc; };
  CallArgs call{self, nullptr, 0, Value::Undefined(), nullptr, nullptr};
  CallArgs& a = call;
  if (field == kTime) {
    double v = TimeClip(args[0]);
    SetThisTimeValue(a.this_value, v);
    return Value::Number(v);
  }
  double t;
  if (field == kFullYear || field == kYear) {
    t = std::isnan(tv) ? 0 : (utc ? tv : LocalTime(tv));
  } else {
    if (std::isnan(tv)) return Value::Double(NAN);
    t = utc ? tv : LocalTime(tv);
  }
  double year = YearFromTime(t), month = MonthFromTime(t), date = DateFromTime(t);
  double h = HourFromTime(t), m = MinFromTime(t), s = SecFromTime(t), ms = MsFromTime(t);
  switch (field) {
    case kYear: {
      // B.2.3.2 setYear: 0..99 means 1900..1999.
      double y = args[0];
      if (std::isnan(y)) {
        SetThisTimeValue(a.this_value, NAN);
        return Value::Double(NAN);
      }
      double yi = ToIntegerOrInf(y);
      year = yi >= 0 && yi <= 99 ? 1900 + yi : y;
      break;
    }
    case kFullYear:
      year = args[0];
      if (present(1)) month = args[1];
      if (present(2)) date = args[2];
      break;
    case kMonth:
      month = args[0];
      if (present(1)) date = args[1];
      break;
    case kDate:
      date = args[0];
      break;
    case kHours:
      h = args[0];
      if (present(1)) m = args[1];
      if (present(2)) s = args[2];
      if (present(3)) ms = args[3];
      break;
    case kMinutes:
      m = args[0];
      if (present(1)) s = args[1];
      if (present(2)) ms = args[2];
      break;
    case kSeconds:
      s = args[0];
      if (present(1)) ms = args[1];
      break;
    case kMilliseconds:
      ms = args[0];
      break;
  }
  double date_value = MakeDate(MakeDay(year, month, date), MakeTime(h, m, s, ms));
  double v = TimeClip(utc ? date_value : Utc(date_value));
  SetThisTimeValue(a.this_value, v);
  return Value::Number(v);
}

// ---- String forms: magic 0 toString, 1 toDateString, 2 toTimeString,
//      3 toUTCString, 4 toISOString --------------------------------------------

Value DateToStringFamily(Vm& vm, CallArgs& a) {
  int magic = static_cast<NativeFunction*>(a.callee)->magic;
  double tv;
  if (!ThisTimeValue(vm, a.this_value, &tv)) return Value::Empty();
  if (std::isnan(tv)) {
    if (magic == 4) return vm.ThrowError(ErrorKind::kRangeError, "Invalid time value");
    return StringValue(vm, "Invalid Date");
  }
  double t = LocalTime(tv);
  switch (magic) {
    case 0:
      return ToDateString(vm, tv);
    case 1:
      return StringValue(vm, DateString(t));
    case 2:
      return StringValue(vm, TimeString(t) + TimeZoneString(tv));
    case 3:
      return StringValue(vm, absl::StrFormat("%s, %02d %s %s %s", kDayNames[static_cast<int>(WeekDay(tv))],
                                             static_cast<int>(DateFromTime(tv)),
                                             kMonthNames[static_cast<int>(MonthFromTime(tv))],
                                             YearString(YearFromTime(tv)), TimeString(tv)));
    case 4: {
      double y = YearFromTime(tv);
      std::string year = y >= 0 && y <= 9999 ? absl::StrFormat("%04d", static_cast<int>(y))
                                              : absl::StrFormat("%c%06d", y < 0 ? '-' : '+',
                                                                static_cast<int>(std::fabs(y)));
      return StringValue(vm, absl::StrFormat("%s-%02d-%02dT%02d:%02d:%02d.%03dZ", year,
                                             static_cast<int>(MonthFromTime(tv)) + 1,
                                             static_cast<int>(DateFromTime(tv)), static_cast<int>(HourFromTime(tv)),
                                             static_cast<int>(MinFromTime(tv)), static_cast<int>(SecFromTime(tv)),
                                             static_cast<int>(MsFromTime(tv))));
    }
  }
  return Value::Undefined();
}

Value DateValueOf(Vm& vm, CallArgs& a) {
  double tv;
  if (!ThisTimeValue(vm, a.this_value, &tv)) return Value::Empty();
  return Value::Number(tv);
}

}  // namespace

const std::vector<NativeBinding>& DateSelfHostNatives() {
  static const std::vector<NativeBinding> natives = {
      {"dateSetFields", NativeDateSetFields, 4},
  };
  return natives;
}

bool InstallDate(Vm& vm, Realm& realm, const SelfHostedTable& sh) {
  Object* proto = realm.intrinsic(Intrinsic::kDatePrototype);
  Object* ctor = NewNativeFunction(vm, realm, "Date", DateConstructor, 7, true);
  if (ctor == nullptr) return false;
  bool ok = DefineValue(vm, ctor, "prototype", Value::FromObject(proto), 0) &&
            DefineValue(vm, proto, "constructor", Value::FromObject(ctor)) &&
            DefineValue(vm, realm.global, "Date", Value::FromObject(ctor)) &&
            DefineNativeMethod(vm, realm, ctor, "now", DateNow, 0) &&
            DefineNativeMethod(vm, realm, ctor, "parse", DateParse, 1) &&
            DefineNativeMethod(vm, realm, ctor, "UTC", DateUtc, 7);
  if (!ok) return false;
  struct M {
    const char* name;
    NativeFn fn;
    int length;
    int magic;
  };
  static const M kMethods[] = {
      {"getFullYear", DateGetter, 0, kFullYear},
      {"getMonth", DateGetter, 0, kMonth},
      {"getDate", DateGetter, 0, kDate},
      {"getDay", DateGetter, 0, kDay},
      {"getHours", DateGetter, 0, kHours},
      {"getMinutes", DateGetter, 0, kMinutes},
      {"getSeconds", DateGetter, 0, kSeconds},
      {"getMilliseconds", DateGetter, 0, kMilliseconds},
      {"getTime", DateGetter, 0, kTime},
      {"getTimezoneOffset", DateGetter, 0, kTzOffset},
      {"getYear", DateGetter, 0, kYear},
      {"getUTCFullYear", DateGetter, 0, 16 + kFullYear},
      {"getUTCMonth", DateGetter, 0, 16 + kMonth},
      {"getUTCDate", DateGetter, 0, 16 + kDate},
      {"getUTCDay", DateGetter, 0, 16 + kDay},
      {"getUTCHours", DateGetter, 0, 16 + kHours},
      {"getUTCMinutes", DateGetter, 0, 16 + kMinutes},
      {"getUTCSeconds", DateGetter, 0, 16 + kSeconds},
      {"getUTCMilliseconds", DateGetter, 0, 16 + kMilliseconds},
      {"setFullYear", DateSetter, 3, kFullYear},
      {"setMonth", DateSetter, 2, kMonth},
      {"setDate", DateSetter, 1, kDate},
      {"setHours", DateSetter, 4, kHours},
      {"setMinutes", DateSetter, 3, kMinutes},
      {"setSeconds", DateSetter, 2, kSeconds},
      {"setMilliseconds", DateSetter, 1, kMilliseconds},
      {"setTime", DateSetter, 1, kTime},
      {"setYear", DateSetter, 1, kYear},
      {"setUTCFullYear", DateSetter, 3, 16 + kFullYear},
      {"setUTCMonth", DateSetter, 2, 16 + kMonth},
      {"setUTCDate", DateSetter, 1, 16 + kDate},
      {"setUTCHours", DateSetter, 4, 16 + kHours},
      {"setUTCMinutes", DateSetter, 3, 16 + kMinutes},
      {"setUTCSeconds", DateSetter, 2, 16 + kSeconds},
      {"setUTCMilliseconds", DateSetter, 1, 16 + kMilliseconds},
      {"toString", DateToStringFamily, 0, 0},
      {"toDateString", DateToStringFamily, 0, 1},
      {"toTimeString", DateToStringFamily, 0, 2},
      {"toUTCString", DateToStringFamily, 0, 3},
      {"toISOString", DateToStringFamily, 0, 4},
      {"toLocaleString", DateToStringFamily, 0, 0},
      {"toLocaleDateString", DateToStringFamily, 0, 1},
      {"toLocaleTimeString", DateToStringFamily, 0, 2},
      {"valueOf", DateValueOf, 0, 0},
  };
  Value setter_helper = sh.Get("DateSetterConvert");
  for (const M& m : kMethods) {
    Object* f = DefineNativeMethod(vm, realm, proto, m.name, m.fn, m.length);
    if (f == nullptr) return false;
    static_cast<NativeFunction*>(f)->magic = m.magic;
    if (m.fn == DateSetter) static_cast<NativeFunction*>(f)->data = setter_helper;
  }
  // B.2.3.3: toGMTString is the same function object as toUTCString.
  OwnProperty utc;
  if (!GetOwnProperty(vm, proto, NameKey(vm, "toUTCString"), &utc) ||
      !DefineValue(vm, proto, "toGMTString", utc.value) ||
      !DefineSelfHostedMethod(vm, proto, "toJSON", sh.Get("DateToJSON"), 1)) {
    return false;
  }
  Value to_prim = sh.Get("DateToPrimitive");
  String* name = NewStringFromLatin1(vm, "[Symbol.toPrimitive]");
  return name != nullptr && to_prim.IsObject() &&
         SetFunctionNameAndLength(vm, to_prim.AsObject(), Value::FromString(name), 1) &&
         SetOwnData(vm, proto, PropertyKey(Value::FromSymbol(vm.symbols().toPrimitive)), to_prim, kConfigurable);
}

}  // namespace ratchet::internal
