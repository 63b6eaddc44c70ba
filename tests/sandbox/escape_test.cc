// Limits the sandbox must not get around (docs/security.md): each script
// hides memory growth, CPU use or recursion somewhere the interpreter's own
// checks might not see — a native builtin, a rope, a regexp, a trap, a
// promise job, a `finally` after an abort — and must end with the right
// limit's error. Afterwards the same realm and a fresh realm of the same
// runtime evaluate new code correctly.
//
// Limits: 64 MB of memory, 10 million steps, 1 second, 256 KB of frame stack.
#include <chrono>
#include <string>

#include "api/ratchet.h"
#include "gtest/gtest.h"

namespace ratchet {
namespace {

struct Escape {
  const char* name;
  const char* source;
  CompletionKind kind;
  const char* error_name;  // kJsException, kOutOfMemory, kStackOverflow: the error's name
  // Another limit that may stop the script first, depending on the
  // machine's speed (memory growth that also burns steps): either is right.
  CompletionKind or_kind = CompletionKind::kNormal;
  // Bombs whose bytes cost many instructions get this many times the
  // time limit (still stopped by memory: a bypass would run into the time
  // limit instead and fail).
  int time_factor = 1;
};

std::ostream& operator<<(std::ostream& os, const Escape& e) { return os << e.name; }

constexpr const char* kOom = "InternalError";  // "out of memory"

// Sanitizer builds run several times slower: the one-second limit scales
// so that a memory bomb still meets the memory limit first.
#if defined(__SANITIZE_ADDRESS__)
constexpr int kTimeScale = 10;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(undefined_behavior_sanitizer)
constexpr int kTimeScale = 10;
#else
constexpr int kTimeScale = 1;
#endif
#else
constexpr int kTimeScale = 1;
#endif

const Escape kEscapes[] = {
    // ---- Memory ----
    // A 1 GB string is past the maximum string length (RangeError); 256 MB
    // is within it, and past the memory limit.
    {"StringRepeat", "'x'.repeat(2 ** 30)", CompletionKind::kJsException, "RangeError"},
    {"StringRepeatOverMemory", "'x'.repeat(2 ** 28)", CompletionKind::kOutOfMemory, kOom},
    {"StringDoubling", "(() => { let s = 'ab'; for (;;) s += s; })()", CompletionKind::kOutOfMemory, kOom},
    {"RopeFlattening", "(() => { let s = 'a'; for (let i = 0; i < 40; i++) s = s + s; return s.indexOf('b'); })()",
     CompletionKind::kOutOfMemory, kOom},
    {"PadStartHuge", "''.padStart(2 ** 29, 'ab')", CompletionKind::kOutOfMemory, kOom},
    {"JoinOfHugeArray", "new Array(1e9).join()", CompletionKind::kOutOfMemory, kOom, CompletionKind::kStepLimit},
    {"JoinWithHugeSeparator", "new Array(1000).join('x'.repeat(1e6))", CompletionKind::kOutOfMemory, kOom},
    {"ArrayBufferHuge", "new ArrayBuffer(2 ** 31)", CompletionKind::kJsException, "RangeError"},
    // (An ArrayBuffer that cannot be allocated is a RangeError, 25.1.3.1.)
    {"TypedArraysAccumulate", "(() => { const keep = []; for (;;) keep.push(new Float64Array(1 << 20)); })()",
     CompletionKind::kJsException, "RangeError"},
    {"ArrayGrowth", "(() => { const a = []; for (let i = 0; ; i++) a.push(i, i, i, i); })()", CompletionKind::kOutOfMemory,
     kOom, CompletionKind::kStepLimit},
    {"ArrayOfArrays", "(() => { const a = []; for (let i = 0; ; i++) a.push(new Array(1000).fill(i)); })()",
     CompletionKind::kOutOfMemory, kOom},
    {"ArrayFillLength", "new Array(2 ** 32 - 1).fill(0)", CompletionKind::kOutOfMemory, kOom},
    {"MapGrowth", "(() => { const m = new Map(); for (let i = 0; ; i++) m.set(i, [i, i, i, i, i, i, i, i]); })()", CompletionKind::kOutOfMemory,
     kOom},
    {"SetGrowth", "(() => { const s = new Set(); const k = 'k'.repeat(200); for (let i = 0; ; i++) s.add(k + i); })()", CompletionKind::kOutOfMemory,
     kOom},
    {"RegExpCaptures", "(() => { const s = 'a'.repeat(1 << 20); const r = []; for (;;) r.push(s.match(/(a)/g)); })()",
     CompletionKind::kOutOfMemory, kOom},
    {"ClosureGrowth", "(() => { const fs = []; for (let i = 0; ; i++) { const a = [i, i, i, i, i, i, i, i]; fs.push(() => a); } })()", CompletionKind::kOutOfMemory,
     kOom, CompletionKind::kTimeLimit},  // (collections get frequent near the limit)
    {"HugeFunctionSource", "new Function('return ' + '1+'.repeat(1 << 24) + '1')", CompletionKind::kOutOfMemory,
     kOom},
    {"EvalInALoop",
     "(() => { const pad = 'x'.repeat(2000); const keep = []; "
     "for (let i = 0; ; i++) keep.push(eval('(function f' + i + '() { return \"' + pad + i + '\"; })')); })()",
     CompletionKind::kOutOfMemory, kOom, CompletionKind::kTimeLimit},
    {"JsonStringifyHuge", "(() => { const o = {a: 'x'.repeat(1 << 20)}; const l = []; for (let i = 0; i < 200; i++) l.push(o); return JSON.stringify(l); })()",
     CompletionKind::kOutOfMemory, kOom},
    // Memory held outside cells, in C++ containers an object owns, is
    // charged too: dictionary-mode properties (shared keys: nothing else
    // grows), sparse elements, shapes' lookup tables.
    {"DictionaryObjects",
     "(() => { const t = {}; for (let k = 0; k < 1000; k++) t['key' + k] = 1; const text = JSON.stringify(t);"
     " const keep = []; for (;;) keep.push(JSON.parse(text)); })()",
     CompletionKind::kOutOfMemory, kOom, CompletionKind::kNormal, /*time_factor=*/4},
    {"SparseElements",
     "(() => { const body = Array.from({length: 2000}, (_, k) => 'a[' + (1e8 + k * 1000) + '] = 1;').join('');"
     " const fill = new Function('a', body); const keep = [];"
     " for (;;) { const a = []; fill(a); keep.push(a); } })()",
     CompletionKind::kOutOfMemory, kOom, CompletionKind::kNormal, /*time_factor=*/4},
    {"ShapeTables",
     "(() => { const keep = []; for (let j = 0; ; j++) { const o = {};"
     " for (let i = 0; i < 60; i++) { o['p' + j + '_' + i] = i; o['p' + j + '_0']; } keep.push(o); } })()",
     CompletionKind::kOutOfMemory, kOom, CompletionKind::kNormal, /*time_factor=*/4},
    // (BigInts have a maximum size, a RangeError, below the memory limit.)
    {"BigIntGrowth", "let b = 3n; for (;;) b = b * b;", CompletionKind::kJsException, "RangeError"},
    {"BigIntsAccumulate", "(() => { const keep = []; const b = 3n ** 100000n; for (;;) keep.push(b + 1n); })()",
     CompletionKind::kOutOfMemory, kOom},

    // ---- CPU ----
    {"InfiniteLoop", "for (;;) {}", CompletionKind::kStepLimit, ""},
    {"InfiniteLoopInPromiseJob", "Promise.resolve().then(() => { for (;;) {} })", CompletionKind::kStepLimit, ""},
    {"PromiseJobStorm", "function again() { Promise.resolve().then(again); } again();", CompletionKind::kStepLimit,
     ""},
    {"CatastrophicRegExp", "/^(a+)+$/.test('a'.repeat(40) + 'b')", CompletionKind::kStepLimit, ""},
    {"CatastrophicRegExpInReplace", "'a'.repeat(40).replace(/(a+)+b/g, '')", CompletionKind::kStepLimit, ""},
    {"CatastrophicRegExpInSplit", "'a'.repeat(40).split(/(a*)*b/)", CompletionKind::kStepLimit, ""},
    {"SortWithComparator", "const a = []; for (let i = 0; i < 3e5; i++) a.push((i * 7919) % 3e5); a.sort((x, y) => { for (let k = 0; k < 10; k++); return x - y; })",
     CompletionKind::kStepLimit, ""},
    {"CatchSwallowsNothing", "for (;;) { try { for (;;) {} } catch (e) {} finally { continue; } }",
     CompletionKind::kStepLimit, ""},
    {"GeneratorLoop", "function* g() { for (;;) yield 1; } for (const x of g()) {}", CompletionKind::kStepLimit, ""},
    {"AsyncLoop", "(async () => { for (;;) await null; })()", CompletionKind::kStepLimit, ""},

    // ---- Stack ----
    {"Recursion", "function f() { return f() + 1; } f()", CompletionKind::kStackOverflow, "RangeError"},
    {"GetterRecursion", "const o = { get x() { return this.x; } }; o.x", CompletionKind::kStackOverflow,
     "RangeError"},
    {"ProxyTrapRecursion", "const p = new Proxy({}, { get(t, k, r) { return r[k]; } }); p.x",
     CompletionKind::kStackOverflow, "RangeError"},
    {"ToStringChain", "const o = { toString() { return String(this); } }; String(o)", CompletionKind::kStackOverflow,
     "RangeError"},
    {"ValueOfChain", "const o = { valueOf() { return +this; } }; +o", CompletionKind::kStackOverflow, "RangeError"},
    {"JsonStringifyDeep", "(() => { let o = {}; for (let i = 0; i < 1e5; i++) o = {o}; return JSON.stringify(o); })()",
     CompletionKind::kStackOverflow, "RangeError"},
    {"JsonParseDeep", "JSON.parse('['.repeat(1e6) + ']'.repeat(1e6))", CompletionKind::kJsException, "RangeError"},
    {"AsyncRecursion", "async function f() { await null; return f(); } f(); for (;;) {}", CompletionKind::kStepLimit,
     ""},
    // The RangeError of the innermost call rejects its promise: the script
    // itself completes, with the stack bounded all along.
    {"SyncAsyncRecursion", "async function f() { return f(); } f(); 'done'", CompletionKind::kNormal, ""},
    {"DeeplyNestedSource", "eval('('.repeat(1e5) + '1' + ')'.repeat(1e5))", CompletionKind::kJsException,
     "SyntaxError"},
    {"NestedArraysToString", "(() => { let a = []; for (let i = 0; i < 1e5; i++) a = [a]; return String(a); })()",
     CompletionKind::kStackOverflow, "RangeError"},
    // ("bound bound ... f": each name is longer, so the chain is a memory
    // bomb before it is a deep call.)
    {"BoundFunctionChain", "(() => { let f = function () {}; for (let i = 0; i < 1e5; i++) f = f.bind(null); return f(); })()",
     CompletionKind::kOutOfMemory, kOom},
    {"ProxyChain", "(() => { let p = {}; for (let i = 0; i < 1e5; i++) p = new Proxy(p, {}); return p.x; })()",
     CompletionKind::kStackOverflow, "RangeError"},
};

class EscapeTest : public ::testing::TestWithParam<Escape> {};

TEST_P(EscapeTest, EndsWithTheLimitsErrorAndTheRuntimeStaysUsable) {
  const Escape& e = GetParam();
  Runtime runtime;
  runtime.SetMemoryLimit(64 << 20);
  runtime.SetMaxStackSize(256 << 10);
  std::unique_ptr<Realm> realm = runtime.NewRealm();
  ASSERT_NE(realm, nullptr);
  EvalOptions options;
  options.limits.max_steps = 10'000'000;
  options.limits.timeout_ms = 1000 * kTimeScale * e.time_factor;
  auto t0 = std::chrono::steady_clock::now();
  Completion c = realm->EvaluateScriptSync(e.source, options);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  // A step-limited case that reports the time limit instead is still
  // stopped (the machine was slow); anything else is the wrong error.
  if (e.kind == CompletionKind::kStepLimit && c.kind == CompletionKind::kTimeLimit) {
    c.kind = CompletionKind::kStepLimit;
  }
  bool other_limit = e.or_kind != CompletionKind::kNormal && c.kind == e.or_kind;
  if (other_limit) c.kind = e.kind;
  EXPECT_EQ(static_cast<int>(c.kind), static_cast<int>(e.kind)) << c.Describe();
  if ((e.kind == CompletionKind::kJsException || e.kind == CompletionKind::kOutOfMemory ||
       e.kind == CompletionKind::kStackOverflow) &&
      !other_limit) {
    EXPECT_EQ(c.error_name, e.error_name) << c.Describe();
  }
  // Not a timing assertion on speed: a limit that held but let the script
  // run for many seconds in one native call would be a CPU escape.
  EXPECT_LT(secs, 30.0 * e.time_factor) << "the script ran " << secs << " s before its limit stopped it";

  EvalOptions check;
  check.limits.max_steps = 100000;
  Completion again = realm->EvaluateScriptSync("[1, 2, 3].map((x) => x * 2).join()", check);
  ASSERT_TRUE(again.ok()) << again.Describe();
  EXPECT_EQ(again.value_string, "2,4,6");
  realm.reset();
  runtime.RunGC();
  std::unique_ptr<Realm> fresh = runtime.NewRealm();
  ASSERT_NE(fresh, nullptr) << "no new realm after " << e.name << " (memory used " << runtime.MemoryUsed() << ")";
  Completion other = fresh->EvaluateScriptSync("JSON.stringify({a: [1, 'x']})", check);
  ASSERT_TRUE(other.ok()) << other.Describe();
  EXPECT_EQ(other.value_string, "{\"a\":[1,\"x\"]}");
}

INSTANTIATE_TEST_SUITE_P(Limits, EscapeTest, ::testing::ValuesIn(kEscapes),
                         [](const ::testing::TestParamInfo<Escape>& info) { return std::string(info.param.name); });

// What a realm's globals hold stays allocated while the realm lives; once
// the host drops the realm the memory is back and a new realm works.
TEST(EscapeRealm, MemoryHeldByGlobalsComesBackWhenTheRealmIsDropped) {
  Runtime runtime;
  runtime.SetMemoryLimit(64 << 20);
  std::unique_ptr<Realm> realm = runtime.NewRealm();
  ASSERT_NE(realm, nullptr);
  EvalOptions options;
  options.limits.max_steps = 10'000'000;
  Completion c = realm->EvaluateScriptSync("var keep = []; for (;;) keep.push(new Array(1000).fill(1));", options);
  EXPECT_EQ(c.error_name, "InternalError") << c.Describe();
  size_t full = runtime.MemoryUsed();
  EXPECT_GT(full, size_t{48} << 20);
  realm.reset();
  runtime.RunGC();
  EXPECT_LT(runtime.MemoryUsed(), full / 4);
  std::unique_ptr<Realm> fresh = runtime.NewRealm();
  ASSERT_NE(fresh, nullptr);
  Completion ok = fresh->EvaluateScriptSync("new Array(1000).fill(2).length", options);
  ASSERT_TRUE(ok.ok()) << ok.Describe();
  EXPECT_EQ(ok.value_string, "1000");
}

// Property keys are interned in the runtime's atom table, and objects with
// the same keys share shapes from a transition tree; both are weak (the
// collector drops atoms and shapes nothing uses), so distinct keys cannot
// pin memory for the life of the runtime.
TEST(EscapeAtoms, DistinctPropertyKeysAreReclaimed) {
  Runtime runtime;
  runtime.SetMemoryLimit(64 << 20);
  std::unique_ptr<Realm> realm = runtime.NewRealm();
  ASSERT_NE(realm, nullptr);
  EvalOptions options;
  options.limits.max_steps = 100'000'000;
  Completion c = realm->EvaluateScriptSync(
      "(() => { const o = {}; for (let i = 0; ; i++) o['key'.repeat(50) + i] = i; })()", options);
  EXPECT_EQ(c.error_name, "InternalError") << c.Describe();
  realm.reset();
  runtime.RunGC();
  EXPECT_LT(runtime.MemoryUsed(), size_t{16} << 20);
  std::unique_ptr<Realm> fresh = runtime.NewRealm();
  ASSERT_NE(fresh, nullptr);
  Completion ok = fresh->EvaluateScriptSync("[1, 2, 3].map((x) => x * 2).join()", options);
  ASSERT_TRUE(ok.ok()) << ok.Describe();
}

// Keys that die while the realm runs are reclaimed as it runs: a million
// objects, each with its own key (a new shape and a new atom each), keys
// built with Symbol.for, never exceed a 64 MB limit.
TEST(EscapeAtoms, KeysOfDeadObjectsAreReclaimedWhileTheRealmRuns) {
  Runtime runtime;
  runtime.SetMemoryLimit(64 << 20);
  std::unique_ptr<Realm> realm = runtime.NewRealm();
  ASSERT_NE(realm, nullptr);
  EvalOptions options;
  options.limits.max_steps = 200'000'000;
  Completion c = realm->EvaluateScriptSync(
      "let n = 0;"
      "for (let i = 0; i < 1e6; i++) {"
      "  const o = {}; o['key'.repeat(20) + i] = i; o.x = i;"
      "  const s = Symbol.for('sym'.repeat(20) + i);"
      "  n += Object.keys(o).length + (Symbol.keyFor(s).length > 60);"
      "}"
      "n",
      options);
  ASSERT_TRUE(c.ok()) << c.Describe();
  EXPECT_EQ(c.value_string, "3000000");
  Completion again = realm->EvaluateScriptSync(
      "const a = Symbol.for('again'); a === Symbol.for('again') && Symbol.keyFor(a) === 'again' && "
      "JSON.stringify({key0: 1, ['key'.repeat(20) + 5]: 2})",
      options);
  ASSERT_TRUE(again.ok()) << again.Describe();
  EXPECT_EQ(again.value_string, "{\"key0\":1,\"keykeykeykeykeykeykeykeykeykeykeykeykeykeykeykeykeykeykeykey5\":2}");
}

// What dictionaries, sparse elements and shape tables charge to the heap
// comes back exactly when they die: creating and dropping many of them leaves
// the accounted memory where it was.
TEST(EscapeAccounting, ContainerChargesAreReleasedExactly) {
  Runtime runtime;
  runtime.SetMemoryLimit(64 << 20);
  std::unique_ptr<Realm> realm = runtime.NewRealm();
  ASSERT_NE(realm, nullptr);
  const char* kChurn =
      "(() => { for (let r = 0; r < 20; r++) {"
      "  const d = {}; for (let k = 0; k < 500; k++) d['k' + k] = k;"
      "  for (let k = 0; k < 400; k++) delete d['k' + k];"
      "  const a = []; for (let i = 0; i < 500; i++) a[1e7 + i * 3] = i; a.length = 1e7 + 600;"
      "  const o = {}; for (let i = 0; i < 40; i++) { o['q' + r + '_' + i] = i; o['q' + r + '_0']; }"
      "  function f() { arguments[5] = 1; delete arguments[5]; return arguments.length; } f(1, 2, 3, 4, 5, 6, 7);"
      "} return 'ok'; })()";
  ASSERT_TRUE(realm->EvaluateScriptSync(kChurn, {}).ok());
  runtime.RunGC();
  size_t settled = runtime.MemoryUsed();
  for (int i = 0; i < 5; ++i) {
    Completion c = realm->EvaluateScriptSync(kChurn, {});
    ASSERT_TRUE(c.ok()) << c.Describe();
  }
  runtime.RunGC();
  EXPECT_LE(runtime.MemoryUsed(), settled + 64 * 1024);
  EXPECT_GE(runtime.MemoryUsed() + 64 * 1024, settled);
}

// An abort is final: no catch or finally of the sandbox runs after it, and
// the task stays stopped.
TEST(EscapeAbort, FinallyBlocksDoNotRunAfterAnAbort) {
  Runtime runtime;
  std::string printed;
  runtime.SetPrintHandler([&](const std::string& line) { printed += line + "\n"; });
  std::unique_ptr<Realm> realm = runtime.NewRealm();
  ASSERT_NE(realm, nullptr);
  std::unique_ptr<Task> task = realm->NewScriptTask(
      "try { for (;;) {} } catch (e) { print('caught'); } finally { print('finally'); for (;;) {} }", {});
  task->Run(1000);
  ASSERT_FALSE(task->done());
  task->Abort("host says stop");
  EXPECT_TRUE(task->done());
  EXPECT_EQ(task->Run(1000), 0u);
  Completion c = task->completion();
  EXPECT_EQ(static_cast<int>(c.kind), static_cast<int>(CompletionKind::kTaskAborted));
  EXPECT_EQ(printed, "");
  Completion after = realm->EvaluateScriptSync("'still ' + 'usable'", {});
  ASSERT_TRUE(after.ok()) << after.Describe();
  EXPECT_EQ(after.value_string, "still usable");
}

}  // namespace
}  // namespace ratchet
