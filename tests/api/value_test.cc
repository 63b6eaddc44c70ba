// Value handles: creating and inspecting values from the host, properties,
// host functions taking handles, host objects with finalizers, calls from
// the host as tasks, and the error kinds (WrongOwner, UseAfterFree,
// WouldRunCode) that keep misuse from ever being undefined behavior.
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "api/ratchet.h"
#include "api/runners.h"
#include "gtest/gtest.h"
#include "tests/api/realm_fixture.h"

namespace ratchet {
namespace {

// Loop sizes: smaller under GC stress (a collection at every safepoint).
int Scaled(int n) {
  const char* stress = std::getenv("RATCHET_GC_STRESS");
  return stress != nullptr && stress[0] == '1' ? n / 100 : n;
}

using ValueTest = RealmFixture;

TEST_F(ValueTest, CompletionCarriesTheValue) {
  Value v = Eval("({a: 1, b: [true, null, 'x'], c: {d: 2.5}})");
  ASSERT_TRUE(v.IsObject());
  EXPECT_EQ(v.Dump(), R"({"a": 1, "b": [true, null, "x"], "c": {"d": 2.5}})");
  EXPECT_EQ(Eval("40 + 2").AsNumber(), 42);
  EXPECT_EQ(Eval("'hé' + 'llo'").AsString(), "héllo");
  EXPECT_TRUE(Eval("undefined").IsUndefined());
  EXPECT_TRUE(Eval("null").IsNull());
  EXPECT_TRUE(Eval("1n << 70n").IsBigInt());
  EXPECT_EQ(Eval("1n << 70n").ToString(), "1180591620717411303424");
  EXPECT_EQ(Eval("Symbol('s')").ToString(), "Symbol(s)");
  Completion c = realm_->EvaluateScriptSync("throw {code: 7}", {});
  ASSERT_EQ(c.kind, CompletionKind::kJsException);
  EXPECT_EQ(c.value.Dump(), R"({"code": 7})");
}

TEST_F(ValueTest, Predicates) {
  EXPECT_TRUE(Eval("[]").IsArray());
  EXPECT_TRUE(Eval("(function f() {})").IsFunction());
  EXPECT_TRUE(Eval("Promise.resolve(1)").IsPromise());
  EXPECT_TRUE(Eval("new RangeError('x')").IsError());
  EXPECT_TRUE(Eval("new ArrayBuffer(8)").IsArrayBuffer());
  EXPECT_TRUE(Eval("new Uint8Array(8)").IsTypedArray());
  EXPECT_FALSE(Eval("({})").IsArray());
  EXPECT_FALSE(Eval("({})").IsFunction());
  EXPECT_EQ(Eval("(function named() {})").Dump(), "[Function named]");
  EXPECT_EQ(Eval("new TypeError('bad')").Dump(), "[TypeError: bad]");
}

TEST_F(ValueTest, PropertiesFromTheHost) {
  Value o = Make(realm_->NewObject());
  ASSERT_TRUE(o.Set("n", Value::Number(3)).ok());
  ASSERT_TRUE(o.Set("s", Make(realm_->NewString("text"))).ok());
  ASSERT_TRUE(o.Define("fixed", Value::Boolean(true), /*writable=*/false, /*enumerable=*/false, false).ok());
  ASSERT_TRUE(realm_->Global().Set("hostObject", o).ok());
  Value r = Eval("hostObject.n * 2 + hostObject.s.length + (hostObject.fixed ? 100 : 0)");
  EXPECT_EQ(r.AsNumber(), 110);
  // Strict [[Set]]: a read-only property is a TypeError, reported, not thrown.
  Status s = o.Set("fixed", Value::Number(1));
  EXPECT_EQ(s.kind(), CompletionKind::kJsException);
  EXPECT_EQ(s.error_name(), "TypeError");
  Result<std::vector<std::string>> keys = o.Keys();
  ASSERT_TRUE(keys.ok());
  EXPECT_EQ(*keys, (std::vector<std::string>{"n", "s"}));
  Result<bool> deleted = o.Delete("n");
  ASSERT_TRUE(deleted.ok());
  EXPECT_TRUE(*deleted);
  EXPECT_FALSE(*o.Delete("fixed"));
  EXPECT_TRUE(Make(o.Get("n")).IsUndefined());
  // Inherited properties are found; indices work on arrays.
  Value arr = Eval("[10, 20, 30]");
  EXPECT_EQ(Make(arr.Get(1)).AsNumber(), 20);
  EXPECT_EQ(Make(arr.Get("length")).AsNumber(), 3);
  ASSERT_TRUE(arr.Set(5, Value::Number(60)).ok());
  EXPECT_EQ(Make(arr.Get("length")).AsNumber(), 6);
  EXPECT_TRUE(Make(Eval("({})").Get("toString")).IsFunction());
  // A non-object.
  EXPECT_EQ(Value::Number(1).Get("x").status().error_name(), "TypeError");
  // Strings answer through String.prototype.
  EXPECT_EQ(Make(Make(realm_->NewString("four")).Get("length")).AsNumber(), 4);
}

TEST_F(ValueTest, NothingRunsJavaScript) {
  Value o = Eval("var log = []; ({get g() { log.push('get'); return 1; }, set s(v) { log.push('set'); }})");
  EXPECT_EQ(o.Get("g").status().kind(), CompletionKind::kWouldRunCode);
  EXPECT_EQ(o.Set("s", Value::Number(1)).kind(), CompletionKind::kWouldRunCode);
  Value p = Eval("new Proxy({}, {get() { log.push('trap'); return 1; }})");
  EXPECT_EQ(p.Get("x").status().kind(), CompletionKind::kWouldRunCode);
  EXPECT_EQ(p.Keys().status().kind(), CompletionKind::kWouldRunCode);
  EXPECT_EQ(o.Dump(), R"({"g": [Getter], "s": [Setter]})");
  EXPECT_EQ(Eval("log.length").AsNumber(), 0);
  // The getter itself can be called from the host: as a task.
  Value getter = Eval("Object.getOwnPropertyDescriptor(this.o2 = {get g() { return 41 + 1; }}, 'g').get");
  Completion c = realm_->CallSync(getter, Eval("o2"), {});
  ASSERT_TRUE(c.ok()) << c.Describe();
  EXPECT_EQ(c.value.AsNumber(), 42);
}

TEST_F(ValueTest, Factories) {
  Value arr = Make(realm_->NewArray({Value::Number(1), Make(realm_->NewString("two")), Value::Null()}));
  EXPECT_EQ(arr.Dump(), R"([1, "two", null])");
  Value err = Make(realm_->NewError("RangeError", "too far"));
  ASSERT_TRUE(realm_->Global().Set("hostError", err).ok());
  EXPECT_EQ(Eval("hostError instanceof RangeError && hostError.message").ToString(), "too far");
  EXPECT_EQ(realm_->NewError("NoSuchError", "x").status().error_name(), "TypeError");
  Value sym = Make(realm_->NewSymbol("tag"));
  EXPECT_EQ(sym.ToString(), "Symbol(tag)");
  Value big = Make(realm_->NewBigInt("-123456789012345678901234567890"));
  ASSERT_TRUE(realm_->Global().Set("big", big).ok());
  EXPECT_EQ(Eval("String(big * 2n)").AsString(), "-246913578024691357802469135780");
  EXPECT_FALSE(realm_->NewBigInt("12x").ok());
  EXPECT_FALSE(realm_->NewBigInt("-").ok());
  Value json = Make(realm_->ParseJson(R"({"list": [1, 2, {"deep": "yes"}], "flag": false})"));
  EXPECT_EQ(json.Dump(), R"({"list": [1, 2, {"deep": "yes"}], "flag": false})");
  Result<Value> bad = realm_->ParseJson("{oops}");
  EXPECT_EQ(bad.status().kind(), CompletionKind::kJsException);
  EXPECT_EQ(bad.status().error_name(), "SyntaxError");
}

TEST_F(ValueTest, ArrayBuffersAreSharedWithoutCopies) {
  const uint8_t init[8] = {1, 2, 3, 4, 5, 6, 7, 8};
  Value buf = Make(realm_->NewArrayBuffer(8, init));
  Value view = Make(realm_->NewTypedArray(Realm::TypedArrayType::kUint16, buf, 2, 2));
  ASSERT_TRUE(realm_->Global().Set("view", view).ok());
  EXPECT_EQ(Eval("view.length + ':' + view.byteOffset").AsString(), "2:2");
  Result<Value::Bytes> bytes = buf.bytes();
  ASSERT_TRUE(bytes.ok());
  ASSERT_EQ(bytes->size, 8u);
  bytes->data[0] = 99;  // the host writes, the sandbox sees it
  ASSERT_TRUE(realm_->Global().Set("buf", buf).ok());
  EXPECT_EQ(Eval("new Uint8Array(buf)[0]").AsNumber(), 99);
  Eval("view[0] = 0xffff");  // the sandbox writes, the host sees it
  EXPECT_EQ(bytes->data[2], 0xff);
  EXPECT_EQ(bytes->data[3], 0xff);
  Result<Value::Bytes> vb = view.bytes();
  ASSERT_TRUE(vb.ok());
  EXPECT_EQ(vb->data, bytes->data + 2);
  EXPECT_EQ(vb->size, 4u);
  // Integer-indexed elements are not defined or deleted around the exotic rules.
  EXPECT_EQ(view.Define("0", Value::Number(1)).error_name(), "TypeError");
  EXPECT_EQ(view.Delete("0").status().error_name(), "TypeError");
  ASSERT_TRUE(view.Set(1, Value::Number(7)).ok());  // [[Set]] is the typed array's own
  EXPECT_EQ(Make(view.Get(1)).AsNumber(), 7);
  // A detached buffer has no bytes.
  Eval("buf.transfer()");
  EXPECT_EQ(buf.bytes()->size, 0u);
  EXPECT_FALSE(realm_->NewTypedArray(Realm::TypedArrayType::kUint32, Make(realm_->NewArrayBuffer(8)), 2, 1).ok());
  EXPECT_FALSE(realm_->NewTypedArray(Realm::TypedArrayType::kUint32, Make(realm_->NewArrayBuffer(8)), 4, 2).ok());
}

TEST_F(ValueTest, Promises) {
  Value p = Eval("Promise.resolve(5).then(x => x * 2)");
  // The script's reactions ran inside the task (microtasks merge into it).
  EXPECT_EQ(*p.promise_state(), Value::PromiseState::kFulfilled);
  EXPECT_EQ(Make(p.promise_result()).AsNumber(), 10);
  Value q = Eval("var q = Promise.reject(new Error('no')); q.catch(() => {}); q");
  EXPECT_EQ(*q.promise_state(), Value::PromiseState::kRejected);
  EXPECT_TRUE(Make(q.promise_result()).IsError());
  Value pending = Eval("new Promise(() => {})");
  EXPECT_EQ(*pending.promise_state(), Value::PromiseState::kPending);
  EXPECT_EQ(pending.Dump(), "Promise { <pending> }");
  EXPECT_FALSE(Eval("({})").promise_state().ok());
}

TEST_F(ValueTest, PromisesSettledByTheHost) {
  Result<Realm::PromiseCapability> cap = realm_->NewPromise();
  ASSERT_TRUE(cap.ok());
  ASSERT_TRUE(realm_->Global().Set("hostPromise", cap->promise).ok());
  Eval("var seen = []; hostPromise.then(v => seen.push('got ' + v))");
  EXPECT_EQ(*cap->promise.promise_state(), Value::PromiseState::kPending);
  // Settling runs the reactions, inside the settling call's task.
  Completion c = realm_->CallSync(cap->resolve, Value(), {Make(realm_->NewString("data"))});
  ASSERT_TRUE(c.ok()) << c.Describe();
  EXPECT_EQ(Eval("seen.join()").AsString(), "got data");
  EXPECT_EQ(Make(cap->promise.promise_result()).AsString(), "data");
  // A second settlement does nothing.
  ASSERT_TRUE(realm_->CallSync(cap->reject, Value(), {Value::Number(1)}).ok());
  EXPECT_EQ(*cap->promise.promise_state(), Value::PromiseState::kFulfilled);
  // Rejection, and an async function awaiting a host promise.
  Result<Realm::PromiseCapability> second = realm_->NewPromise();
  ASSERT_TRUE(realm_->Global().Set("p2", second->promise).ok());
  Eval("var out = 'none'; (async () => { try { await p2; } catch (e) { out = 'caught ' + e.message; } })()");
  Value err = Make(realm_->NewError("Error", "denied"));
  ASSERT_TRUE(realm_->CallSync(second->reject, Value(), {err}).ok());
  EXPECT_EQ(Eval("out").AsString(), "caught denied");
}

TEST_F(ValueTest, HostFunctionsTakeAndReturnHandles) {
  Value point = Make(realm_->NewFunction("point", [this](const HostCallInfo& call) -> Result<Value> {
    Result<Value> o = realm_->NewObject();
    if (!o.ok()) return o;
    Status s = o->Set("x", call.arg(0));
    if (s.ok()) s = o->Set("y", call.arg(1));
    if (!s.ok()) return s;
    return o;
  }, 2));
  ASSERT_TRUE(realm_->Global().Set("point", point).ok());
  EXPECT_EQ(Eval("var p = point(3, 4); Math.hypot(p.x, p.y) + ':' + point.length + ':' + point.name").AsString(),
            "5:2:point");
  // Arguments are handles to the sandbox's own values, objects included.
  Value sum = Make(realm_->NewFunction("sum", [](const HostCallInfo& call) -> Result<Value> {
    Result<Value> len = call.arg(0).Get("length");
    if (!len.ok()) return len.status();
    double total = 0;
    for (uint32_t i = 0; i < static_cast<uint32_t>(len->AsNumber()); ++i) {
      Result<Value> e = call.arg(0).Get(i);
      if (!e.ok()) return e.status();
      total += e->AsNumber();
    }
    return Value::Number(total);
  }));
  ASSERT_TRUE(realm_->Global().Set("sum", sum).ok());
  EXPECT_EQ(Eval("sum([1, 2, 3.5])").AsNumber(), 6.5);
  // Errors become catchable exceptions: named ones, thrown values, others.
  Value fail = Make(realm_->NewFunction("fail", [this](const HostCallInfo& call) -> Result<Value> {
    switch (static_cast<int>(call.arg(0).AsNumber())) {
      case 0: return Status::Throw("RangeError", "out of range");
      case 1: return Status::ThrowValue(*realm_->NewString("a thrown string"));
      default: return Status(CompletionKind::kWrongOwner, "made up");
    }
  }));
  ASSERT_TRUE(realm_->Global().Set("fail", fail).ok());
  EXPECT_EQ(Eval("try { fail(0) } catch (e) { e instanceof RangeError && e.message }").AsString(), "out of range");
  EXPECT_EQ(Eval("try { fail(1) } catch (e) { e }").AsString(), "a thrown string");
  EXPECT_EQ(Eval("try { fail(2) } catch (e) { e.constructor.name + ': ' + e.message }").AsString(),
            "Error: WrongOwner: made up");
  // A host function cannot run the runtime's JavaScript (no re-entry).
  Value nested = Make(realm_->NewFunction("nested", [this](const HostCallInfo& call) -> Result<Value> {
    Completion c = realm_->CallSync(call.arg(0), Value(), {});
    return Value::Boolean(c.kind == CompletionKind::kConcurrentEvaluation);
  }));
  ASSERT_TRUE(realm_->Global().Set("nested", nested).ok());
  EXPECT_TRUE(Eval("var ran = false; nested(() => { ran = true; }) && !ran").AsBoolean());
}

TEST_F(ValueTest, HostCallbacksSeeTheirCallee) {
  Value self = Make(realm_->NewFunction("self", [](const HostCallInfo& call) -> Result<Value> { return call.callee; }));
  ASSERT_TRUE(realm_->Global().Set("self", self).ok());
  EXPECT_TRUE(Eval("self() === self && self.call(1) === self").AsBoolean());
  Completion c = realm_->CallSync(self, Value(), {});
  ASSERT_TRUE(c.ok()) << c.Describe();
  EXPECT_TRUE(c.value.StrictEquals(self));
}

TEST_F(ValueTest, CallsFromTheHostAreTasks) {
  Value fib = Eval("(function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); })");
  Completion c = realm_->CallSync(fib, Value(), {Value::Number(20)});
  ASSERT_TRUE(c.ok()) << c.Describe();
  EXPECT_EQ(c.value.AsNumber(), 6765);
  // As an asynchronous task whose runner runs 100 steps: not done yet.
  EvalOptions options;
  options.run_task = [](const std::shared_ptr<Task>& task) { task->Run(100); };
  std::shared_ptr<Task> t = realm_->Call(fib, Value(), {Value::Number(20)}, options);
  EXPECT_FALSE(t->done());
  t->RunToCompletion({});
  ASSERT_TRUE(t->done());
  EXPECT_EQ(t->completion().value.AsNumber(), 6765);
  // A throwing call, `this`, an infinite loop under limits.
  Value thrower = Eval("(function() { throw new TypeError('nope ' + this.who); })");
  Value self = Make(realm_->ParseJson(R"({"who": "me"})"));
  c = realm_->CallSync(thrower, self, {});
  EXPECT_EQ(c.kind, CompletionKind::kJsException);
  EXPECT_EQ(c.error_message, "nope me");
  EXPECT_TRUE(c.value.IsError());
  EvalOptions limited;
  limited.limits.max_steps = 10000;
  c = realm_->CallSync(Eval("(function() { for (;;) {} })"), Value(), {}, limited);
  EXPECT_EQ(c.kind, CompletionKind::kStepLimit);
  c = realm_->CallSync(Value::Number(1), Value(), {});
  EXPECT_EQ(c.kind, CompletionKind::kJsException);
  EXPECT_EQ(c.error_name, "TypeError");
  // The thrown value is the realm's TypeError, as the sandbox would see it.
  ASSERT_TRUE(c.value.IsError());
  ASSERT_TRUE(realm_->Global().Set("refused", c.value).ok());
  EXPECT_EQ(Eval("refused instanceof TypeError && refused.message").AsString(), "not a function");
}

TEST_F(ValueTest, ConstructFromTheHost) {
  Value point = Eval("(class Point { constructor(x, y) { this.x = x; this.y = y; } get sum() { return this.x + this.y; } })");
  Completion c = realm_->ConstructSync(point, {Value::Number(2), Value::Number(5)});
  ASSERT_TRUE(c.ok()) << c.Describe();
  EXPECT_EQ(c.value.Dump(), R"({"x": 2, "y": 5})");
  ASSERT_TRUE(realm_->Global().Set("made", c.value).ok());
  EXPECT_EQ(Eval("made instanceof made.constructor && made.sum").AsNumber(), 7);
  // Built-in constructors; a derived class; non-constructors.
  Value map = *realm_->Global().Get("Map");
  c = realm_->ConstructSync(map, {Eval("[[1, 'one']]")});
  ASSERT_TRUE(c.ok()) << c.Describe();
  ASSERT_TRUE(realm_->Global().Set("m", c.value).ok());
  EXPECT_EQ(Eval("m.get(1)").AsString(), "one");
  Value derived = Eval("(class extends Array { constructor() { super(3); this.tag = 't'; } })");
  c = realm_->ConstructSync(derived, {});
  ASSERT_TRUE(c.ok()) << c.Describe();
  EXPECT_TRUE(c.value.IsArray());
  EXPECT_EQ(Make(c.value.Get("length")).AsNumber(), 3);
  c = realm_->ConstructSync(Eval("(() => 1)"), {});
  EXPECT_EQ(c.kind, CompletionKind::kJsException);
  EXPECT_EQ(c.error_name, "TypeError");
  std::shared_ptr<Task> t = realm_->Construct(Eval("(function F() { for (let i = 0; i < 1000; i++); this.done = true; })"), {});
  ASSERT_TRUE(t->done());
  EXPECT_EQ(t->completion().value.Dump(), R"({"done": true})");
}

TEST_F(ValueTest, WrongOwner) {
  std::unique_ptr<Realm> other = runtime_.NewRealm();
  ASSERT_NE(other, nullptr);
  Value mine = Eval("({secret: 1})");
  // An object of another realm is refused, whatever the operation.
  EXPECT_EQ(other->Global().Set("stolen", mine).kind(), CompletionKind::kWrongOwner);
  EXPECT_EQ(other->NewArray({mine}).status().kind(), CompletionKind::kWrongOwner);
  Completion c = other->CallSync(mine, Value(), {});
  EXPECT_EQ(c.kind, CompletionKind::kWrongOwner);
  c = realm_->CallSync(Eval("(x => x)"), Value(), {Make(other->NewObject())});
  EXPECT_EQ(c.kind, CompletionKind::kWrongOwner);
  // A host function returning another realm's object throws a TypeError.
  Value leak = Make(other->NewFunction("leak", [&mine](const HostCallInfo&) -> Result<Value> { return mine; }));
  ASSERT_TRUE(other->Global().Set("leak", leak).ok());
  Completion lc = other->EvaluateScriptSync("try { leak(); 'leaked' } catch (e) { e.name }", {});
  EXPECT_EQ(lc.value_string, "TypeError");
  // Immutable primitives of the same runtime may cross.
  EXPECT_TRUE(other->Global().Set("s", Eval("'shared text'")).ok());
  // Another runtime's values never.
  Runtime second;
  std::unique_ptr<Realm> far = second.NewRealm();
  EXPECT_EQ(far->Global().Set("s", Eval("'text'")).kind(), CompletionKind::kWrongOwner);
  EXPECT_TRUE(far->Global().Set("n", Value::Number(1)).ok());
}

TEST_F(ValueTest, UseAfterFree) {
  std::unique_ptr<Realm> temp = runtime_.NewRealm();
  Value o = Make(temp->NewObject());
  Value s = Make(temp->NewString("gone soon"));
  Value n = Value::Number(4);
  Value copy = o;
  temp.reset();
  EXPECT_FALSE(o.alive());
  EXPECT_FALSE(copy.alive());
  EXPECT_TRUE(n.alive());
  EXPECT_EQ(o.Get("x").status().kind(), CompletionKind::kUseAfterFree);
  EXPECT_EQ(o.Set("x", n).kind(), CompletionKind::kUseAfterFree);
  EXPECT_EQ(s.AsString(), "");
  EXPECT_EQ(o.Dump(), "<dead>");
  EXPECT_EQ(realm_->Global().Set("x", o).kind(), CompletionKind::kUseAfterFree);
  // The realm's heap is reclaimed although the handles still exist.
  runtime_.RunGC();
  size_t after = runtime_.MemoryUsed();
  std::unique_ptr<Realm> again = runtime_.NewRealm();
  again.reset();
  runtime_.RunGC();
  EXPECT_LE(runtime_.MemoryUsed(), after + 4096);
}

TEST_F(ValueTest, HandlesKeepValuesAliveAndLetThemGo) {
  Value kept = Eval("({payload: 'x'.repeat(1 << 20)})");
  runtime_.RunGC();
  size_t with = runtime_.MemoryUsed();
  EXPECT_EQ(Make(Make(kept.Get("payload")).Get("length")).AsNumber(), 1 << 20);
  kept = Value();
  runtime_.RunGC();
  EXPECT_LT(runtime_.MemoryUsed() + (1 << 20), with + 4096);
}

int g_finalized = 0;
const char kPointTag = 0;

TEST_F(ValueTest, HostObjectsAndFinalizers) {
  g_finalized = 0;
  struct Point {
    double x, y;
  };
  auto make = [this](double x, double y) {
    return realm_->NewHostObject(&kPointTag, new Point{x, y}, [](void* p) {
      delete static_cast<Point*>(p);
      ++g_finalized;
    });
  };
  Value keep = Make(make(1, 2));
  Result<void*> data = keep.host_data(&kPointTag);
  ASSERT_TRUE(data.ok());
  EXPECT_EQ(static_cast<Point*>(*data)->y, 2);
  const char other_tag = 0;
  EXPECT_FALSE(keep.host_data(&other_tag).ok());
  EXPECT_FALSE(Eval("({})").host_data(&kPointTag).ok());
  // A host function reading its objects' data; the sandbox holds them.
  Value norm = Make(realm_->NewFunction("norm", [](const HostCallInfo& call) -> Result<Value> {
    Result<void*> d = call.arg(0).host_data(&kPointTag);
    if (!d.ok()) return d.status();
    auto* p = static_cast<Point*>(*d);
    return Value::Number(std::hypot(p->x, p->y));
  }));
  ASSERT_TRUE(realm_->Global().Set("norm", norm).ok());
  Value fresh = Make(make(3, 4));
  ASSERT_TRUE(realm_->Global().Set("held", fresh).ok());
  EXPECT_EQ(Eval("norm(held)").AsNumber(), 5);
  EXPECT_EQ(Eval("try { norm({}) } catch (e) { e.name }").AsString(), "TypeError");
  for (int i = 0; i < 100; ++i) ASSERT_TRUE(make(i, i).ok());  // garbage at once
  fresh = Value();
  runtime_.RunGC();
  EXPECT_EQ(g_finalized, 100);
  Eval("held = null");
  runtime_.RunGC();
  EXPECT_EQ(g_finalized, 101);
  // The rest are finalized when the runtime goes.
  {
    Runtime rt;
    std::unique_ptr<Realm> r = rt.NewRealm();
    for (int i = 0; i < 10; ++i) {
      ASSERT_TRUE(r->NewHostObject(&kPointTag, new Point{0, 0}, [](void* p) {
                     delete static_cast<Point*>(p);
                     ++g_finalized;
                   }).ok());
    }
    Value last = *r->NewHostObject(&kPointTag, new Point{0, 0}, [](void* p) {
      delete static_cast<Point*>(p);
      ++g_finalized;
    });
  }
  EXPECT_EQ(g_finalized, 112);
  keep = Value();
}

// A host class: a constructor making host objects whose prototype is
// new.target's, methods on that prototype, subclassing from the sandbox.
TEST_F(ValueTest, HostClasses) {
  static const char kCounterTag = 0;
  static int finalized = 0;
  finalized = 0;
  Value proto = Make(realm_->NewObject());
  Value ctor = Make(realm_->NewFunction("Counter", [this](const HostCallInfo& call) -> Result<Value> {
    if (call.new_target.IsUndefined()) return Status::Throw("TypeError", "Counter needs new");
    Result<Value> p = call.new_target.Get("prototype");
    if (!p.ok()) return p.status();
    return realm_->NewHostObject(&kCounterTag, new int(static_cast<int>(call.arg(0).AsNumber())),
                                 [](void* d) {
                                   delete static_cast<int*>(d);
                                   ++finalized;
                                 },
                                 p->IsObject() ? *p : Value::Null());
  }, 1, /*constructor=*/true));
  ASSERT_TRUE(ctor.Define("prototype", proto, false, false, false).ok());
  ASSERT_TRUE(proto.Define("constructor", ctor, true, false, true).ok());
  Value inc = Make(realm_->NewFunction("increment", [](const HostCallInfo& call) -> Result<Value> {
    Result<void*> d = call.this_value.host_data(&kCounterTag);
    if (!d.ok()) return d.status();
    return Value::Number(++*static_cast<int*>(*d));
  }));
  ASSERT_TRUE(proto.Define("increment", inc, true, false, true).ok());
  ASSERT_TRUE(realm_->Global().Set("Counter", ctor).ok());
  EXPECT_EQ(Eval("var c = new Counter(10); c.increment(); c.increment() + ':' + (c instanceof Counter)").AsString(),
            "12:true");
  EXPECT_EQ(Eval("class Loud extends Counter { shout() { return 'n=' + this.increment(); } }"
                 "var l = new Loud(1); l.shout() + ':' + (l instanceof Loud) + ':' + (l instanceof Counter)")
                .AsString(),
            "n=2:true:true");
  EXPECT_EQ(Eval("try { Counter(1) } catch (e) { e.name }").AsString(), "TypeError");
  EXPECT_EQ(Eval("try { c.increment.call({}) } catch (e) { e.name }").AsString(), "TypeError");
  EXPECT_EQ(Eval("try { new inc_not_ctor() } catch (e) { e.name }").AsString(), "ReferenceError");
  ASSERT_TRUE(realm_->Global().Set("incFn", inc).ok());
  EXPECT_EQ(Eval("try { new incFn() } catch (e) { e.name }").AsString(), "TypeError");
  Eval("c = null; l = null");
  runtime_.RunGC();
  EXPECT_EQ(finalized, 2);
}

// Host functions made on every call die with their function objects: the
// callbacks (and what they capture) are freed by the collector, not kept
// for the realm's life outside the memory limit.
TEST_F(ValueTest, HostFunctionsMadePerCallAreReclaimed) {
  auto token = std::make_shared<int>(0);
  Value maker = Make(realm_->NewFunction("maker", [this, token](const HostCallInfo&) -> Result<Value> {
    return realm_->NewFunction("made", [token](const HostCallInfo&) -> Result<Value> { return Value::Number(++*token); });
  }));
  ASSERT_TRUE(realm_->Global().Set("maker", maker).ok());
  const int n = Scaled(20000);
  EXPECT_EQ(Eval("var keep = maker(); var n = 0; for (let i = 0; i < " + std::to_string(n) +
                 "; i++) n += maker()(); n + keep()")
                .AsNumber(),
            static_cast<double>(n) * (n + 1) / 2 + (n + 1));
  runtime_.RunGC();
  // The maker and `keep` hold the token (and the test); the others are gone.
  EXPECT_EQ(token.use_count(), 3);
  Eval("keep = null");
  runtime_.RunGC();
  EXPECT_EQ(token.use_count(), 2);
}

TEST_F(ValueTest, DumpOfDeeplyNestedDataIsBounded) {
  Value deep = Eval("var a = []; for (let i = 0; i < " + std::to_string(Scaled(100000)) + "; i++) a = [a]; a");
  std::string d = deep.Dump(1 << 30);  // clamped: no C++ recursion as deep as the data
  EXPECT_NE(d.find("[Array]"), std::string::npos);
  EXPECT_LT(d.size(), 1000u);
  Value chain = Eval("var p = Promise.resolve(0); for (let i = 0; i < " + std::to_string(Scaled(10000)) +
                     "; i++) { p = Promise.reject(p); p.catch(() => {}); } p");
  EXPECT_NE(chain.Dump(1 << 30).find("[Promise]"), std::string::npos);
}

TEST_F(ValueTest, HostObjectsCountAgainstTheMemoryLimit) {
  Runtime rt;
  rt.SetMemoryLimit(8 << 20);
  std::unique_ptr<Realm> r = rt.NewRealm();
  ASSERT_NE(r, nullptr);
  std::vector<Value> kept;
  Status last;
  for (int i = 0; i < 1'000'000 && last.ok(); ++i) {
    Result<Value> v = r->NewHostObject(&kPointTag, nullptr, nullptr);
    if (v.ok()) {
      kept.push_back(*v);
    } else {
      last = v.status();
    }
  }
  EXPECT_EQ(last.kind(), CompletionKind::kOutOfMemory);
  kept.clear();
  rt.RunGC();
  EXPECT_TRUE(r->EvaluateScriptSync("[1, 2, 3].length", {}).ok());
}

}  // namespace
}  // namespace ratchet
