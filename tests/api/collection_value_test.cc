// Map and Set contents through value handles: read from the collections'
// storage in insertion order (deleted entries skipped, no iterator and no
// JavaScript run), Dump of their contents, and Maps and Sets the host
// creates and fills.
#include <cmath>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "api/ratchet.h"
#include "gtest/gtest.h"
#include "tests/api/realm_fixture.h"

namespace ratchet {
namespace {

class CollectionValueTest : public RealmFixture {
 protected:
  // "k=v" pairs of a Map's entries, by their Dump.
  static std::string Entries(const Value& map) {
    Result<std::vector<std::pair<Value, Value>>> entries = map.MapEntries();
    if (!entries.ok()) return entries.status().ToString();
    std::string out;
    for (const auto& [k, v] : *entries) out += (out.empty() ? "" : " ") + k.Dump() + "=" + v.Dump();
    return out;
  }
  static std::string Values(const Value& set) {
    Result<std::vector<Value>> values = set.SetValues();
    if (!values.ok()) return values.status().ToString();
    std::string out;
    for (const Value& v : *values) out += (out.empty() ? "" : " ") + v.Dump();
    return out;
  }
};

TEST_F(CollectionValueTest, MapEntriesInInsertionOrder) {
  Value m = Eval("var key = {k: 1}; var m = new Map([['a', 1], [key, [1, 2]], [-0, 'zero'], [NaN, 'nan']]);"
                 "m.delete('a'); m.set('b', 2); m.set(key, 'updated'); m");
  ASSERT_TRUE(m.IsMap());
  EXPECT_FALSE(m.IsSet());
  EXPECT_EQ(Entries(m), R"({"k": 1}="updated" 0="zero" NaN="nan" "b"=2)");
  // The keys are the sandbox's own values.
  Result<std::vector<std::pair<Value, Value>>> entries = m.MapEntries();
  ASSERT_TRUE(entries.ok());
  ASSERT_EQ(entries->size(), 4u);
  EXPECT_TRUE((*entries)[0].first.StrictEquals(Eval("key")));
  // MapGet: SameValueZero, undefined when missing.
  EXPECT_EQ(Make(m.MapGet(Value::Number(-0.0))).AsString(), "zero");
  EXPECT_EQ(Make(m.MapGet(Value::Number(std::nan("")))).AsString(), "nan");
  EXPECT_EQ(Make(m.MapGet(Eval("key"))).AsString(), "updated");
  EXPECT_EQ(Make(m.MapGet(Make(realm_->NewString("b")))).AsNumber(), 2);
  EXPECT_TRUE(Make(m.MapGet(Value::Number(5))).IsUndefined());
  // An empty map; a cleared one.
  EXPECT_EQ(Entries(Eval("new Map()")), "");
  EXPECT_EQ(Entries(Eval("var c = new Map([[1, 1]]); c.clear(); c")), "");
}

TEST_F(CollectionValueTest, DeletionsAndCompaction) {
  // Enough deletions to compact the storage, interleaved with additions.
  Value m = Eval("var m = new Map(); for (let i = 0; i < 200; i++) m.set(i, i * i);"
                 "for (let i = 0; i < 190; i++) m.delete(i); m.set('tail', true); m.delete(195); m");
  EXPECT_EQ(Entries(m), "190=36100 191=36481 192=36864 193=37249 194=37636 196=38416 197=38809 198=39204 199=39601 "
                        "\"tail\"=true");
  Value s = Eval("var s = new Set(['x', 'y', 'z']); s.delete('y'); s.add('w'); s.add('x'); s");
  ASSERT_TRUE(s.IsSet());
  EXPECT_EQ(Values(s), R"("x" "z" "w")");
}

TEST_F(CollectionValueTest, NothingRunsAndOnlyMapsAndSetsQualify) {
  // Overridden iteration methods are not called: the storage is read.
  Value m = Eval("var log = []; var m = new Map([[1, 'one']]);"
                 "m.entries = m[Symbol.iterator] = m.forEach = () => { log.push('ran'); return [][Symbol.iterator](); };"
                 "Object.defineProperty(m, 'size', {get() { log.push('size'); return 0; }}); m");
  EXPECT_EQ(Entries(m), R"(1="one")");
  EXPECT_EQ(m.Dump(), R"(Map(1) {1 => "one"})");
  EXPECT_EQ(Eval("log.length").AsNumber(), 0);
  // Subclasses are Maps and Sets; weak collections, proxies and others are not.
  Value sub = Eval("class Registry extends Map { get(k) { return 'overridden'; } }"
                   "new Registry([['k', 'v']])");
  EXPECT_TRUE(sub.IsMap());
  EXPECT_EQ(Make(sub.MapGet(Make(realm_->NewString("k")))).AsString(), "v");
  EXPECT_TRUE(Eval("new (class extends Set {})([1])").IsSet());
  for (const char* code : {"new WeakMap()", "new Proxy(new Map(), {})", "({})", "[1, 2]", "new WeakSet()"}) {
    Value v = Eval(code);
    EXPECT_FALSE(v.IsMap()) << code;
    EXPECT_FALSE(v.IsSet()) << code;
    EXPECT_EQ(v.MapEntries().status().error_name(), "TypeError") << code;
    EXPECT_EQ(v.SetValues().status().error_name(), "TypeError") << code;
  }
  EXPECT_EQ(Eval("new Set()").MapEntries().status().error_name(), "TypeError");
  EXPECT_EQ(Eval("new Map()").SetValues().status().error_name(), "TypeError");
  EXPECT_EQ(Value::Number(1).MapEntries().status().error_name(), "TypeError");
  EXPECT_EQ(Value().SetAdd(Value::Number(1)).error_name(), "TypeError");
}

TEST_F(CollectionValueTest, DumpShowsContentsWithinTheDepthBound) {
  EXPECT_EQ(Eval("new Map([['a', 1], [{k: [1]}, new Set(['x', 2n])]])").Dump(),
            R"(Map(2) {"a" => 1, {"k": [1]} => Set(2) {"x", 2n}})");
  EXPECT_EQ(Eval("({list: new Set(), m: new Map()})").Dump(), R"({"list": Set(0) {}, "m": Map(0) {}})");
  EXPECT_EQ(Eval("var cyc = new Map(); cyc.set('self', cyc); cyc.set(cyc, 1); cyc").Dump(),
            R"(Map(2) {"self" => [Circular], [Circular] => 1})");
  EXPECT_EQ(Eval("({a: {b: new Map([[1, new Set([1])]])}})").Dump(2), R"({"a": {"b": [Map]}})");
  EXPECT_EQ(Eval("new Set([new Map([[1, 2]])])").Dump(1), "Set(1) {[Map]}");
  // Deep nesting of collections stays bounded (no recursion as deep as the data).
  Value deep = Eval("var d = new Map(); for (let i = 0; i < 10000; i++) d = new Map([[i, new Set([d])]]); d");
  std::string text = deep.Dump(1 << 30);
  EXPECT_NE(text.find("[Map]"), std::string::npos);
  EXPECT_LT(text.size(), 2000u);
}

TEST_F(CollectionValueTest, TheHostCreatesAndFills) {
  Value m = Make(realm_->NewMap());
  Value s = Make(realm_->NewSet());
  ASSERT_TRUE(m.MapSet(Make(realm_->NewString("x")), Value::Number(1)).ok());
  ASSERT_TRUE(m.MapSet(Value::Number(-0.0), Value::Boolean(true)).ok());
  Value obj = Make(realm_->NewObject());
  ASSERT_TRUE(m.MapSet(obj, Make(realm_->NewString("object key"))).ok());
  ASSERT_TRUE(m.MapSet(Make(realm_->NewString("x")), Value::Number(2)).ok());  // an update keeps its place
  ASSERT_TRUE(s.SetAdd(Value::Number(3)).ok());
  ASSERT_TRUE(s.SetAdd(obj).ok());
  ASSERT_TRUE(s.SetAdd(Value::Number(3)).ok());
  ASSERT_TRUE(realm_->Global().Set("hm", m).ok());
  ASSERT_TRUE(realm_->Global().Set("hs", s).ok());
  ASSERT_TRUE(realm_->Global().Set("ho", obj).ok());
  EXPECT_EQ(Eval("[hm instanceof Map, hm.size, hm.get('x'), hm.get(0), hm.get(ho), Object.is([...hm.keys()][1], 0),"
                 " hs instanceof Set, hs.size, hs.has(ho), [...hs][0]].join()")
                .AsString(),
            "true,3,2,true,object key,true,true,2,true,3");
  // The sandbox's changes show.
  Eval("hm.delete('x'); hm.set('late', null); hs.clear(); hs.add('again')");
  EXPECT_EQ(Entries(m), R"(0=true {}="object key" "late"=null)");
  EXPECT_EQ(Values(s), R"("again")");
  // Wrong kinds of collections and owners.
  EXPECT_EQ(m.SetAdd(Value::Number(1)).error_name(), "TypeError");
  EXPECT_EQ(s.MapSet(Value::Number(1), Value::Number(1)).error_name(), "TypeError");
  std::unique_ptr<Realm> other = runtime_.NewRealm();
  Value foreign = Make(other->NewObject());
  EXPECT_EQ(m.MapSet(foreign, Value::Number(1)).kind(), CompletionKind::kWrongOwner);
  EXPECT_EQ(m.MapSet(Value::Number(1), foreign).kind(), CompletionKind::kWrongOwner);
  EXPECT_EQ(s.SetAdd(foreign).kind(), CompletionKind::kWrongOwner);
  EXPECT_EQ(m.MapGet(foreign).status().kind(), CompletionKind::kWrongOwner);
  EXPECT_TRUE(m.MapSet(Make(other->NewString("shared")), Value::Number(9)).ok());  // strings may cross
  Value other_map = Make(other->NewMap());
  other.reset();
  EXPECT_EQ(other_map.MapEntries().status().kind(), CompletionKind::kUseAfterFree);
  EXPECT_EQ(other_map.MapSet(Value::Number(1), Value::Number(1)).kind(), CompletionKind::kUseAfterFree);
  EXPECT_EQ(other_map.Dump(), "<dead>");
}

TEST_F(CollectionValueTest, OutOfMemoryLeavesTheCollectionUnchanged) {
  Runtime rt;
  rt.SetMemoryLimit(4 << 20);
  std::unique_ptr<Realm> r = rt.NewRealm();
  ASSERT_NE(r, nullptr);
  Value m = Make(r->NewMap());
  Status last;
  uint32_t added = 0;
  for (uint32_t i = 0; i < 10'000'000 && last.ok(); ++i) {
    last = m.MapSet(Value::Number(i), Value::Number(i));
    if (last.ok()) ++added;
  }
  EXPECT_EQ(last.kind(), CompletionKind::kOutOfMemory);
  Result<std::vector<std::pair<Value, Value>>> entries = m.MapEntries();
  ASSERT_TRUE(entries.ok());  // (handles are not heap values: reading needs no memory)
  EXPECT_EQ(entries->size(), added);
  ASSERT_TRUE(r->Global().Set("big", m).ok());
  Completion c = r->EvaluateScriptSync("big.size", {});
  ASSERT_TRUE(c.ok()) << c.Describe();
  EXPECT_EQ(c.value.AsNumber(), added);
  EXPECT_EQ(m.MapSet(Value::Number(0), Value::Number(-1)).kind(), CompletionKind::kNormal);  // an update needs no memory
  m = Value();
  r->Global().Delete("big");
  rt.RunGC();
  EXPECT_TRUE(r->EvaluateScriptSync("new Map([[1, 2]]).size", {}).ok());
}

}  // namespace
}  // namespace ratchet
