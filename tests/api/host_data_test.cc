// Host data in and out of the sandbox: HostData's JSON, Realm::FromHost
// (read-only views, copies, frozen copies) and Value::ToHost.
#include <cmath>
#include <memory>
#include <string>

#include "api/ratchet.h"
#include "gtest/gtest.h"
#include "tests/api/realm_fixture.h"

namespace ratchet {
namespace {

using HostDataTest = RealmFixture;

HostData Json(const std::string& text) {
  HostData d;
  std::string error;
  EXPECT_TRUE(HostData::FromJson(text, &d, &error)) << error;
  return d;
}

std::shared_ptr<HostData> Config() {
  return std::make_shared<HostData>(Json(
      R"({"name": "svc", "port": 8080, "debug": false, "ratio": 0.5, "none": null,
          "tags": ["a", "b", "c"], "limits": {"cpu": 2, "mem": {"soft": 1, "hard": 2}},
          "matrix": [[1, 2], [3, 4]]})"));
}

// Evaluates `code` in strict or sloppy mode and returns String(result), or
// "Name: message" when it threw.
std::string Js(Realm& realm, const std::string& code, bool strict = false) {
  EvalOptions o;
  o.strict = strict;
  Completion c = realm.EvaluateScriptSync(code, o);
  if (c.kind == CompletionKind::kJsException) return c.error_name + ": " + c.error_message;
  EXPECT_TRUE(c.ok()) << c.Describe();
  return c.value_string;
}

TEST(HostDataJsonTest, ParsesAndWritesJson) {
  HostData d = Json(R"( {"a": [1, -2.5e3, true, null, "x\n\u00e9\ud83d\ude00"], "b": {}, "a": 7} )");
  ASSERT_EQ(d.type, HostData::Type::kObject);
  ASSERT_EQ(d.members.size(), 2u);  // the repeated "a" keeps its place and the last value
  EXPECT_EQ(d.members[0].first, "a");
  EXPECT_EQ(d.Find("a")->number, 7);
  EXPECT_EQ(d.ToJson(), R"({"a":7,"b":{}})");
  HostData e = Json(R"(["x\n\u00e9\ud83d\ude00", 0.1, 1e21, -0, 5])");
  EXPECT_EQ(e.elements[0].string, "x\n\xc3\xa9\xf0\x9f\x98\x80");
  EXPECT_EQ(e.ToJson(), "[\"x\\n\xc3\xa9\xf0\x9f\x98\x80\",0.1,1e+21,0,5]");
  EXPECT_EQ(Json(e.ToJson()), e);
  // Undefined members are left out, undefined elements and NaN are null.
  HostData u = HostData::Object({{"u", HostData::Undefined()}, {"n", HostData::Number(std::nan(""))}});
  u.members.emplace_back("list", HostData::Array({HostData::Undefined()}));
  EXPECT_EQ(u.ToJson(), R"({"n":null,"list":[null]})");
}

TEST(HostDataJsonTest, RejectsBadJsonWithItsPlace) {
  HostData d;
  std::string error;
  EXPECT_FALSE(HostData::FromJson("{\"a\": 1,\n \"b\" 2}", &d, &error));
  EXPECT_EQ(error, "2:6: expected ':'");
  for (const char* bad : {"", "[1,]", "{\"a\":1,}", "01", "1.", "\"\\x\"", "\"a", "[1] 2", "tru", "\"\t\"",
                          "{a: 1}", "-", "[\"\\ud800\\u12\"]"}) {
    EXPECT_FALSE(HostData::FromJson(bad, &d, &error)) << bad;
  }
  std::string deep(1001, '[');
  deep += std::string(1001, ']');
  EXPECT_FALSE(HostData::FromJson(deep, &d, &error));
  EXPECT_NE(error.find("nested too deeply"), std::string::npos) << error;
  std::string ok(1000, '[');
  ok += std::string(1000, ']');
  EXPECT_TRUE(HostData::FromJson(ok, &d, &error)) << error;
}

TEST_F(HostDataTest, ViewsReadLikeObjects) {
  std::shared_ptr<HostData> config = Config();
  Value view = Make(realm_->FromHost(config));
  ASSERT_TRUE(realm_->Global().Set("config", view).ok());
  Realm& r = *realm_;
  EXPECT_EQ(Js(r, "config.name + ':' + config.port"), "svc:8080");
  EXPECT_EQ(Js(r, "[config.debug, config.ratio, config.none, config.missing].join('|')"), "false|0.5||");
  EXPECT_EQ(Js(r, "config.limits.mem.hard + config.matrix[1][0]"), "5");
  EXPECT_EQ(Js(r, "Array.isArray(config.tags) && !Array.isArray(config)"), "true");
  EXPECT_EQ(Js(r, "config.tags.length + config.tags.map(t => t.toUpperCase()).join('')"), "3ABC");
  EXPECT_EQ(Js(r, "[...config.tags].reverse().join()"), "c,b,a");
  EXPECT_EQ(Js(r, "Object.keys(config).join()"), "name,port,debug,ratio,none,tags,limits,matrix");
  EXPECT_EQ(Js(r, "let ks = []; for (let k in config.limits) ks.push(k); ks.join()"), "cpu,mem");
  EXPECT_EQ(Js(r, "'port' in config && !('nope' in config) && 'toString' in config && 1 in config.tags"), "true");
  EXPECT_EQ(Js(r, "config.hasOwnProperty('tags') && !config.hasOwnProperty('toString')"), "true");
  EXPECT_EQ(Js(r, "String(config) + ' ' + Object.prototype.toString.call(config.tags)"),
            "[object Object] [object Array]");
  EXPECT_EQ(Js(r, "JSON.stringify(config)"), config->ToJson());
  EXPECT_EQ(Js(r, "JSON.stringify({...config.limits, extra: 1})"), R"({"cpu":2,"mem":{"soft":1,"hard":2},"extra":1})");
  EXPECT_EQ(Js(r, "let {name, limits: {mem: {soft}}} = config; name + soft"), "svc1");
  EXPECT_EQ(Js(r, "JSON.stringify(Object.getOwnPropertyDescriptor(config, 'port'))"),
            R"({"value":8080,"writable":false,"enumerable":true,"configurable":true})");
  EXPECT_EQ(Js(r, "Object.getPrototypeOf(config) === Object.prototype && config.constructor === Object"), "true");
  // The same view for a path, every time.
  EXPECT_EQ(Js(r, "config.limits === config.limits && config.tags === config.tags && config.limits !== config.matrix"),
            "true");
  EXPECT_EQ(Js(r, "typeof config + typeof config.tags"), "objectobject");
  // A key with a lone surrogate names no host member (UTF-8 has no form
  // for it), not the U+FFFD one.
  config->members.emplace_back("\xef\xbf\xbd", HostData::Number(1));
  EXPECT_EQ(Js(r, "[config['\\uFFFD'], config['\\uD800'], '\\uDFFF' in config].join()"), "1,,false");
  config->members.pop_back();
  // Dump shows what a view reads.
  EXPECT_EQ(view.Dump(), "View " + config->ToJson());
  EXPECT_EQ(Eval("({cfg: config.limits.mem})").Dump(), R"({"cfg": View {"soft":1,"hard":2}})");
  EXPECT_EQ(Eval("new Proxy({}, {})").Dump(), "[Proxy]");
}

TEST_F(HostDataTest, ViewsAreReadOnly) {
  std::shared_ptr<HostData> config = Config();
  const std::string before = config->ToJson();
  ASSERT_TRUE(realm_->Global().Set("config", Make(realm_->FromHost(config))).ok());
  Realm& r = *realm_;
  EXPECT_EQ(Js(r, "config.port = 1", true), "TypeError: 'set' on proxy: trap returned falsish for property 'port'");
  EXPECT_EQ(Js(r, "config.port = 1; config.port"), "8080");  // sloppy: ignored
  EXPECT_EQ(Js(r, "config.added = 1; config.added"), "undefined");
  EXPECT_EQ(Js(r, "config.limits.mem.soft = 9", true).substr(0, 10), "TypeError:");
  EXPECT_EQ(Js(r, "config.tags.push('d')").substr(0, 10), "TypeError:");
  EXPECT_EQ(Js(r, "config.tags[0] = 'z'", true).substr(0, 10), "TypeError:");
  EXPECT_EQ(Js(r, "config.tags.length = 0", true).substr(0, 10), "TypeError:");
  EXPECT_EQ(Js(r, "delete config.name", true).substr(0, 10), "TypeError:");
  EXPECT_EQ(Js(r, "delete config.nothing", true), "true");
  EXPECT_EQ(Js(r, "Object.defineProperty(config, 'x', {value: 1})").substr(0, 10), "TypeError:");
  EXPECT_EQ(Js(r, "Object.freeze(config)").substr(0, 10), "TypeError:");
  EXPECT_EQ(Js(r, "Object.setPrototypeOf(config, null)").substr(0, 10), "TypeError:");
  EXPECT_EQ(Js(r, "Object.setPrototypeOf(config, Object.prototype) === config"), "true");
  EXPECT_EQ(Js(r, "Object.assign(config, {a: 1})").substr(0, 10), "TypeError:");
  EXPECT_EQ(Js(r, "config.tags.sort()").substr(0, 10), "TypeError:");
  EXPECT_EQ(Js(r, "Object.isExtensible(config) && !Object.isFrozen(config)"), "true");
  EXPECT_EQ(config->ToJson(), before);
  EXPECT_EQ(Js(r, "JSON.stringify(config)"), before);
}

TEST_F(HostDataTest, ViewsAreLive) {
  std::shared_ptr<HostData> config = Config();
  ASSERT_TRUE(realm_->Global().Set("config", Make(realm_->FromHost(config))).ok());
  Realm& r = *realm_;
  EXPECT_EQ(Js(r, "globalThis.mem = config.limits.mem; mem.soft"), "1");
  config->Find("port")->number = 9090;
  config->Find("limits")->Find("mem")->Find("soft")->number = 7;
  config->Find("tags")->elements.push_back(HostData::String("d"));
  config->members.emplace_back("fresh", HostData::Boolean(true));
  EXPECT_EQ(Js(r, "[config.port, mem.soft, config.tags.length, config.tags[3], config.fresh].join()"),
            "9090,7,4,d,true");
  // A path that no longer resolves reads as empty; one that changes kind
  // gets a view of the new kind.
  config->Find("limits")->members.clear();
  EXPECT_EQ(Js(r, "JSON.stringify(mem) + Object.keys(mem).length + mem.soft"), "{}0undefined");
  *config->Find("tags") = HostData::Object({{"k", HostData::Number(1)}});
  EXPECT_EQ(Js(r, "Array.isArray(config.tags) + ' ' + config.tags.k"), "false 1");
}

TEST_F(HostDataTest, PrimitivesAndCopies) {
  Realm& r = *realm_;
  EXPECT_EQ(Make(r.FromHost(HostData::String("hi"))).AsString(), "hi");
  EXPECT_EQ(Make(r.FromHost(HostData::Number(2.5))).AsNumber(), 2.5);
  EXPECT_TRUE(Make(r.FromHost(HostData::Null())).IsNull());
  std::shared_ptr<HostData> config = Config();
  ASSERT_TRUE(r.Global().Set("copy", Make(r.FromHost(*config, HostConversion::kCopy))).ok());
  ASSERT_TRUE(r.Global().Set("frozen", Make(r.FromHost(*config, HostConversion::kFrozenCopy))).ok());
  EXPECT_EQ(Js(r, "copy.port = 1; copy.tags.push('d'); delete copy.name; JSON.stringify([copy.port, copy.tags, copy.name])"),
            R"([1,["a","b","c","d"],null])");
  EXPECT_EQ(config->Find("port")->number, 8080);  // the host's data is not the copy
  EXPECT_EQ(Js(r, "Object.isFrozen(frozen) && Object.isFrozen(frozen.limits.mem) && Object.isFrozen(frozen.tags)"),
            "true");
  EXPECT_EQ(Js(r, "frozen.limits.cpu = 5", true).substr(0, 10), "TypeError:");
  EXPECT_EQ(Js(r, "frozen.tags.push(1)").substr(0, 10), "TypeError:");
  EXPECT_EQ(Js(r, "JSON.stringify(frozen)"), config->ToJson());
  EXPECT_EQ(Js(r, "Array.isArray(frozen.matrix[0]) && !Array.isArray(frozen)"), "true");
  // Deep host data: copies stop at 1,000 levels; views read any depth.
  auto deep = std::make_shared<HostData>(HostData::Object());
  HostData* d = deep.get();
  for (int i = 0; i < 5000; ++i) {
    d->members.emplace_back("next", HostData::Object());
    d = &d->members.back().second;
  }
  d->members.emplace_back("end", HostData::String("bottom"));
  Result<Value> copy = r.FromHost(*deep, HostConversion::kCopy);
  ASSERT_FALSE(copy.ok());
  EXPECT_EQ(copy.status().error_name(), "RangeError");
  ASSERT_TRUE(r.Global().Set("deep", Make(r.FromHost(deep))).ok());
  EXPECT_EQ(Js(r, "let n = deep; while (n.next) n = n.next; n.end"), "bottom");
  // Repeated names: the first counts, as for views.
  HostData twice = HostData::Object({{"a", HostData::Number(1)}, {"a", HostData::Number(2)}});
  ASSERT_TRUE(r.Global().Set("twiceCopy", Make(r.FromHost(twice, HostConversion::kCopy))).ok());
  ASSERT_TRUE(r.Global().Set("twiceView", Make(r.FromHost(twice))).ok());
  EXPECT_EQ(Js(r, "twiceCopy.a + ',' + twiceView.a + ',' + Object.keys(twiceView).length"), "1,1,1");
}

TEST_F(HostDataTest, ToHostReadsValuesWithoutRunningCode) {
  Value v = Eval(R"(({s: 'x', n: 1.5, b: true, z: null, u: undefined, f() {}, [Symbol.iterator]: 1,
                      sym: Symbol('q'), list: [1, , 'two', () => 1, Symbol('r')], nested: {deep: {x: [[]]}},
                      7: 'seven'}))");
  Result<HostData> h = v.ToHost();
  ASSERT_TRUE(h.ok()) << h.status().ToString();
  EXPECT_EQ(h->ToJson(), R"({"7":"seven","s":"x","n":1.5,"b":true,"z":null,"list":[1,null,"two",null,null],"nested":{"deep":{"x":[[]]}}})");
  ASSERT_NE(h->Find("u"), nullptr);  // kept, undefined (JSON leaves it out)
  EXPECT_EQ(h->Find("u")->type, HostData::Type::kUndefined);
  EXPECT_EQ(h->Find("f"), nullptr);
  EXPECT_EQ(h->Find("list")->elements[1].type, HostData::Type::kUndefined);  // a hole
  EXPECT_EQ(Make(realm_->NewString("s")).ToHost()->string, "s");
  EXPECT_EQ(Value::Number(3).ToHost()->number, 3);
  EXPECT_EQ(Value().ToHost()->type, HostData::Type::kUndefined);

  auto fails = [&](const std::string& code, CompletionKind kind, const std::string& name) {
    Result<HostData> r = Eval(code).ToHost();
    ASSERT_FALSE(r.ok()) << code;
    EXPECT_EQ(r.status().kind(), kind) << code << ": " << r.status().ToString();
    EXPECT_EQ(r.status().error_name(), name) << code;
  };
  fails("({get x() { throw 1; }})", CompletionKind::kWouldRunCode, "");
  fails("new Proxy({}, {})", CompletionKind::kWouldRunCode, "");
  fails("let c = {a: {}}; c.a.back = c; c", CompletionKind::kJsException, "TypeError");
  fails("({n: 1n})", CompletionKind::kJsException, "TypeError");
  fails("let d = []; for (let i = 0; i < 200; i++) d = [d]; d", CompletionKind::kJsException, "RangeError");
  // A small sandbox value standing for a huge tree (shared objects are
  // copied each time; a sparse array is as long as its length) stops at
  // the host data budget (the memory limit) instead of exhausting the host.
  fails("var wide = [1]; for (var i = 0; i < 40; i++) wide = [wide, wide]; wide", CompletionKind::kOutOfMemory, "");
  fails("var a = []; a.length = 4294967295; a", CompletionKind::kOutOfMemory, "");
  fails("var b = []; b.length = 1e8; ({b})", CompletionKind::kOutOfMemory, "");
  // The same object twice (not a cycle) converts.
  EXPECT_EQ(Eval("let o = {k: 1}; ({a: o, b: [o]})").ToHost()->ToJson(), R"({"a":{"k":1},"b":[{"k":1}]})");
  EXPECT_TRUE(Eval("let d2 = []; for (let i = 0; i < 200; i++) d2 = [d2]; d2").ToHost(500).ok());

  // A view gives its host data; one inside a sandbox object too.
  std::shared_ptr<HostData> config = Config();
  ASSERT_TRUE(realm_->Global().Set("config", Make(realm_->FromHost(config))).ok());
  Result<HostData> back = Eval("({cfg: config.limits, port: config.port})").ToHost();
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->ToJson(), R"({"cfg":{"cpu":2,"mem":{"soft":1,"hard":2}},"port":8080})");
}

TEST_F(HostDataTest, HostFunctionsReturnViews) {
  auto config = Config();
  Value getter = Make(realm_->NewFunction("getConfig", [&](const HostCallInfo& call) -> Result<Value> {
    return realm_->FromHost(config);
  }));
  Value sink = Make(realm_->NewFunction("send", [&](const HostCallInfo& call) -> Result<Value> {
    Result<HostData> h = call.arg(0).ToHost();
    if (!h.ok()) return h.status();
    return realm_->NewString(h->ToJson());
  }));
  ASSERT_TRUE(realm_->Global().Set("getConfig", getter).ok());
  ASSERT_TRUE(realm_->Global().Set("send", sink).ok());
  EXPECT_EQ(Js(*realm_, "getConfig().limits.cpu * 10"), "20");
  EXPECT_EQ(Js(*realm_, "send({ok: true, tags: getConfig().tags})"), R"({"ok":true,"tags":["a","b","c"]})");
  EXPECT_NE(Js(*realm_, "try { send({get x() { return 1; }}); } catch (e) { e.message }").find("would run JavaScript"), std::string::npos);
}

TEST_F(HostDataTest, ViewsAreCollectedAndCharged) {
  auto config = Config();
  {
    Value view = Make(realm_->FromHost(config));
    ASSERT_TRUE(realm_->Global().Set("config", view).ok());
    EXPECT_EQ(Js(*realm_, "config.limits.mem.soft + config.tags.length"), "4");
    EXPECT_GT(config.use_count(), 1);
  }
  EXPECT_EQ(Js(*realm_, "delete globalThis.config"), "true");
  runtime_.RunGC();
  EXPECT_EQ(Js(*realm_, "1"), "1");  // finalizers run when the host has control
  EXPECT_EQ(config.use_count(), 1);    // every view's hold on the data was released

  // Each view is charged to the memory limit: a script keeping every view
  // a host function makes stops with an out-of-memory error, and the
  // runtime goes on.
  // (1 MB over what the realm needs: the GC-stress twin collects at every
  // allocation, so the bomb's size is its running time squared.)
  Runtime small;
  auto realm = small.NewRealm();
  ASSERT_NE(realm, nullptr);
  small.SetMemoryLimit(small.MemoryUsed() + (1 << 20));
  Realm* rp = realm.get();
  auto wide = std::make_shared<HostData>(HostData::Array({HostData::Number(1)}));
  ASSERT_TRUE(realm->Global()
                  .Set("getWide", realm->NewFunction("getWide", [&](const HostCallInfo&) -> Result<Value> {
                         return rp->FromHost(wide);
                       }).value())
                  .ok());
  Completion c = realm->EvaluateScriptSync("(() => { let keep = []; for (;;) keep.push(getWide()); })()", {});
  EXPECT_EQ(c.kind, CompletionKind::kOutOfMemory) << c.Describe();
  EXPECT_EQ(c.error_message, "out of memory");
  Completion after = realm->EvaluateScriptSync("getWide()[0] + getWide().length", {});
  EXPECT_EQ(after.value_string, "2") << after.Describe();
  small.RunGC();
  EXPECT_EQ(realm->EvaluateScriptSync("2", {}).value_string, "2");
  EXPECT_EQ(wide.use_count(), 1);
}

TEST_F(HostDataTest, ViewsOfAnotherRealmStayThere) {
  auto other = runtime_.NewRealm();
  Value view = Make(other->FromHost(Config()));
  EXPECT_EQ(realm_->Global().Set("v", view).kind(), CompletionKind::kWrongOwner);
  other.reset();
  EXPECT_EQ(view.ToHost().status().kind(), CompletionKind::kUseAfterFree);
}

}  // namespace
}  // namespace ratchet
