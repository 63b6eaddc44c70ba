// Value handles: a host gives a sandboxed script a read-only view of its data and a
// host object (a counter the host owns), reads structured results back,
// and settles a promise the script awaits — without the script ever
// reaching anything of the host it was not given.
//
//   bazel run //examples:values
#include <cstdio>
#include <memory>
#include <string>

#include "api/ratchet.h"

namespace {

const char kCounterTag = 0;  // tells our host objects from any other object

struct Counter {
  std::string name;
  int count = 0;
};

}  // namespace

int main() {
  ratchet::Runtime runtime;
  runtime.SetMemoryLimit(32 << 20);
  ratchet::RealmOptions options;
  options.now = [] { return 1'767'225'600'000.0; };  // a fixed clock: 2026-01-01
  std::unique_ptr<ratchet::Realm> realm = runtime.NewRealm(options);
  if (realm == nullptr) return 1;
  ratchet::Value global = realm->Global();

  // Structured input: the host's data as a read-only view (the sandbox
  // reads it, cannot change it, and sees the host's later changes).
  auto order = std::make_shared<ratchet::HostData>();
  std::string error;
  if (!ratchet::HostData::FromJson(R"({"id": 17, "items": [{"sku": "a", "qty": 2}, {"sku": "b", "qty": 5}]})",
                                   order.get(), &error)) {
    return 1;
  }
  global.Set("order", *realm->FromHost(order));

  // A host object and a host function that only accepts it.
  auto* counter = new Counter{"items", 0};
  ratchet::Value handle = *realm->NewHostObject(&kCounterTag, counter, [](void* p) {
    std::printf("finalizer: counter freed\n");
    delete static_cast<Counter*>(p);
  });
  global.Set("counter", handle);
  global.Set("bump", *realm->NewFunction("bump", [](const ratchet::HostCallInfo& call) -> ratchet::Result<ratchet::Value> {
    ratchet::Result<void*> c = call.arg(0).host_data(&kCounterTag);
    if (!c.ok()) return c.status();  // a TypeError in the sandbox
    auto* ctr = static_cast<Counter*>(*c);
    ctr->count += static_cast<int>(call.arg(1).AsNumber());
    return ratchet::Value::Number(ctr->count);
  }, 2));

  // A promise the script awaits and the host settles later.
  ratchet::Realm::PromiseCapability approval = *realm->NewPromise();
  global.Set("approval", approval.promise);

  ratchet::Completion c = realm->EvaluateScriptSync(R"(
    var summary = {
      id: order.id,
      total: order.items.reduce((n, item) => bump(counter, item.qty), 0),
      at: new Date().toISOString(),
      status: 'waiting',
    };
    var forged, tampered;
    try { bump({}, 1); } catch (e) { forged = e.name; }
    try { (() => { 'use strict'; order.items[0].qty = 1000; })(); } catch (e) { tampered = e.name; }
    approval.then(who => { summary.status = 'approved by ' + who; });
    summary
  )", {});
  if (!c.ok()) {
    std::printf("%s\n", c.Describe().c_str());
    return 1;
  }
  ratchet::Value summary = c.value;
  std::printf("summary: %s\n", summary.Dump().c_str());
  std::printf("summary as host data: %s\n", summary.ToHost()->ToJson().c_str());
  std::printf("tampering with the order: %s; qty still %g\n",
              realm->EvaluateExpressionSync("tampered", {}).value.AsString().c_str(),
              order->Find("items")->elements[0].Find("qty")->number);
  std::printf("host counter: %s = %d\n", counter->name.c_str(), counter->count);
  std::printf("forged counter: %s\n", realm->EvaluateExpressionSync("forged", {}).value.AsString().c_str());

  // Settling runs the script's reaction, in the settling call's task.
  realm->CallSync(approval.resolve, ratchet::Value(), {*realm->NewString("host")});
  std::printf("status: %s\n", summary.Get("status")->AsString().c_str());

  // Reading a getter would run JavaScript: the API refuses and says so.
  ratchet::Value lazy = realm->EvaluateExpressionSync("({get secret() { return 42; }})", {}).value;
  std::printf("getter: %s\n", lazy.Get("secret").status().ToString().substr(0, 12).c_str());

  // The handle and the sandbox let go of the counter: collected, finalized.
  handle = ratchet::Value();
  realm->EvaluateScriptSync("counter = null", {});
  runtime.RunGC();
  std::printf("done\n");
  return 0;
}
