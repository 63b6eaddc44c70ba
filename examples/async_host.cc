// An embedder's event loop with an asynchronous host function.
//
// The sandbox calls `fetchUser(id)` as an ordinary synchronous function.
// The host starts the lookup and returns at once; the calling task suspends
// inside the call (Task::waiting()) while the host serves other tasks, and
// resumes with the answer when the host settles it. Here three scripts run
// side by side on one runtime, and the "network" answers in its own order.
//
//   bazel-bin/examples/async_host
#include <cstdio>
#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "api/ratchet.h"

int main() {
  ratchet::Runtime runtime;
  runtime.SetMemoryLimit(32 << 20);
  std::unique_ptr<ratchet::Realm> realm = runtime.NewRealm();
  if (realm == nullptr) return 1;

  // Lookups in flight: answered later, newest first, to show that the
  // order in which the host answers is the host's business.
  struct Lookup {
    int id;
    ratchet::HostCallSettler settle;
  };
  std::deque<Lookup> in_flight;
  realm->DefineAsyncHostFunction("fetchUser", [&](const std::vector<ratchet::HostValue>& args,
                                                  ratchet::HostCallSettler settle) {
    int id = args.empty() ? 0 : static_cast<int>(args[0].number);
    std::printf("host: lookup of user %d started\n", id);
    in_flight.push_back({id, settle});
  });

  const char* scripts[] = {
      "const a = fetchUser(1); 'script 1 got ' + a",
      "let names = []; for (const id of [2, 3]) names.push(fetchUser(id)); 'script 2 got ' + names.join(' and ')",
      "let r; try { fetchUser(99); } catch (e) { r = 'script 3 caught ' + e.message; } r",
  };
  std::vector<std::unique_ptr<ratchet::Task>> tasks;
  for (const char* s : scripts) tasks.push_back(realm->NewScriptTask(s, {}));

  // The event loop: give every runnable task a slice, then answer one
  // lookup; until every task is done.
  for (;;) {
    bool all_done = true;
    for (auto& t : tasks) {
      if (!t->done() && !t->waiting()) t->Run(10'000);
      all_done = all_done && t->done();
    }
    if (all_done) break;
    if (in_flight.empty()) {
      std::printf("host: every task waits and nothing is in flight\n");
      return 1;
    }
    Lookup next = in_flight.back();
    in_flight.pop_back();
    if (next.id == 99) {
      std::printf("host: user %d not found\n", next.id);
      next.settle.Reject("no user 99");
    } else {
      std::printf("host: user %d found\n", next.id);
      next.settle.Resolve(ratchet::HostValue::String("user" + std::to_string(next.id)));
    }
  }
  for (auto& t : tasks) std::printf("%s\n", t->completion().Describe().c_str());
  return 0;
}
