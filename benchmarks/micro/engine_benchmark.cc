// Micro-benchmarks of the engine through the public API: dispatch, property
// access, calls, allocation, realm creation, and Step() against Run(n).
#include <memory>
#include <string>

#include "api/ratchet.h"
#include "benchmark/benchmark.h"

namespace {

void RunScript(benchmark::State& state, const std::string& source) {
  ratchet::Runtime runtime;
  auto realm = runtime.NewRealm();
  for (auto _ : state) {
    ratchet::Completion c = realm->EvaluateScriptSync(source, {});
    if (!c.ok()) state.SkipWithError(c.Describe().c_str());
    benchmark::DoNotOptimize(c.value_string);
  }
}

void BM_DispatchLoop(benchmark::State& state) {
  RunScript(state, "var s = 0; for (var i = 0; i < 1000000; i++) { s = s + i; } s");
}
BENCHMARK(BM_DispatchLoop)->Unit(benchmark::kMillisecond);

void BM_LocalLoop(benchmark::State& state) {
  RunScript(state, "(function () { let s = 0; for (let i = 0; i < 1000000; i++) s += i; return s })()");
}
BENCHMARK(BM_LocalLoop)->Unit(benchmark::kMillisecond);

void BM_PropertyGetSet(benchmark::State& state) {
  RunScript(state,
            "(function () { const o = {x: 1, y: 2}; let s = 0;"
            " for (let i = 0; i < 1000000; i++) { o.x = o.y + i; s += o.x } return s })()");
}
BENCHMARK(BM_PropertyGetSet)->Unit(benchmark::kMillisecond);

void BM_Fib30(benchmark::State& state) {
  RunScript(state, "function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2) } fib(30)");
}
BENCHMARK(BM_Fib30)->Unit(benchmark::kMillisecond);

void BM_AllocateObjects(benchmark::State& state) {
  RunScript(state,
            "(function () { let last; for (let i = 0; i < 300000; i++) last = {a: i, b: [i]}; return last.a })()");
}
BENCHMARK(BM_AllocateObjects)->Unit(benchmark::kMillisecond);

void BM_StringConcat(benchmark::State& state) {
  RunScript(state, "(function () { let s = ''; for (let i = 0; i < 20000; i++) s += 'x'; return s.length })()");
}
BENCHMARK(BM_StringConcat)->Unit(benchmark::kMillisecond);

void BM_ArrayPushIndex(benchmark::State& state) {
  RunScript(state,
            "(function () { const a = []; for (let i = 0; i < 300000; i++) a.push(i);"
            " let s = 0; for (let i = 0; i < a.length; i++) s += a[i]; return s })()");
}
BENCHMARK(BM_ArrayPushIndex)->Unit(benchmark::kMillisecond);

// Creating a realm, evaluating 1+1, destroying it.
void BM_RealmCreateEvalDestroy(benchmark::State& state) {
  ratchet::Runtime runtime;
  for (auto _ : state) {
    auto realm = runtime.NewRealm();
    ratchet::Completion c = realm->EvaluateScriptSync("1+1", {});
    benchmark::DoNotOptimize(c.value_string);
    realm.reset();
    runtime.RunGC();
  }
}
BENCHMARK(BM_RealmCreateEvalDestroy)->Unit(benchmark::kMicrosecond);

// The same cycle with collections left to the heap's own schedule (as an
// embedder creating realms for short requests would run it); and the bytes
// one empty realm adds to its runtime (MemoryUsed before and after).
void BM_RealmCycle(benchmark::State& state) {
  ratchet::Runtime runtime;
  { auto warm = runtime.NewRealm(); }  // the shared intrinsics' shapes and atoms
  runtime.RunGC();
  size_t before = runtime.MemoryUsed();
  auto empty = runtime.NewRealm();
  state.counters["bytes_per_realm"] = static_cast<double>(runtime.MemoryUsed() - before);
  empty.reset();
  for (auto _ : state) {
    auto realm = runtime.NewRealm();
    ratchet::Completion c = realm->EvaluateScriptSync("1+1", {});
    benchmark::DoNotOptimize(c.value_string);
  }
}
BENCHMARK(BM_RealmCycle)->Unit(benchmark::kMicrosecond);

// The same loop driven by Step() and by Run(n).
const char* kStepLoop = "var s = 0; for (var i = 0; i < 100000; i++) s += i; s";

void BM_StepOneAtATime(benchmark::State& state) {
  ratchet::Runtime runtime;
  auto realm = runtime.NewRealm();
  for (auto _ : state) {
    auto task = realm->NewScriptTask(kStepLoop, {});
    while (!task->done()) task->Step();
  }
}
BENCHMARK(BM_StepOneAtATime)->Unit(benchmark::kMillisecond);

void BM_RunBursts(benchmark::State& state) {
  ratchet::Runtime runtime;
  auto realm = runtime.NewRealm();
  for (auto _ : state) {
    auto task = realm->NewScriptTask(kStepLoop, {});
    while (!task->done()) task->Run(10000);
  }
}
BENCHMARK(BM_RunBursts)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
