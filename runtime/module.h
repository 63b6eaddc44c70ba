// ECMAScript modules (16.2.1): module records, the realm's module map, and
// the natives the self-hosted module algorithms (selfhost/module.js) use.
//
// A module record is an object of class kModuleRecord (never reachable
// from user code) whose primitive is the module environment. Loading,
// linking and evaluation (Link, Evaluate with top-level await, dynamic
// import, namespaces) are written in self-hosted JavaScript: they call
// module bodies as ordinary frames. The host resolves and loads modules
// through Vm::module_hooks().
#ifndef RATCHET_RUNTIME_MODULE_H_
#define RATCHET_RUNTIME_MODULE_H_

#include <string>
#include <string_view>
#include <vector>

#include "runtime/builtins/builtins.h"
#include "runtime/realm.h"
#include "vm/object.h"

namespace ratchet::internal {

/// Parses and compiles `source` as a module named `url` and builds its
/// record (environment, hoisted functions, body closure). Null with *error
/// filled on a syntax error (or out of memory).
Object* CompileModuleRecord(Vm& vm, Realm& realm, std::u16string_view source, const std::string& url,
                            ScriptError* error);

/// Adds `record` to the realm's module map under `url` (what a later import
/// of that URL finds).
bool RegisterModule(Vm& vm, Realm& realm, const std::string& url, Object* record);

/// A module whose exports the host defines (name, value), already evaluated:
/// its record (null: out of memory). Register it with RegisterModule.
Object* NewHostModuleRecord(Vm& vm, Realm& realm, const std::string& url,
                            const std::vector<std::pair<std::string, Value>>& exports);

/// The module status the self-hosted code keeps in the record (16.2.1.5).
enum class ModuleStatus { kNew = 0, kLinking = 1, kLinked = 2, kEvaluating = 3, kEvaluatingAsync = 4, kEvaluated = 5 };
ModuleStatus GetModuleStatus(Vm& vm, Object* record);

/// How the evaluation of an entry module went, from the value its task
/// (the self-hosted ModuleRun) completed with: the evaluation promise.
enum class ModuleOutcome { kFulfilled, kRejected, kPending };
ModuleOutcome EntryModuleOutcome(Value promise, Value* reason);

/// Resolves a relative specifier ("./x.js", "../y.mjs") against the path of
/// its referrer, lexically ("a/b/../c" -> "a/c"); other specifiers are
/// returned unchanged. What the CLI and the test262 runner use.
std::string ResolveModulePath(const std::string& specifier, const std::string& referrer);

/// The natives of selfhost/module.js.
const std::vector<NativeBinding>& ModuleSelfHostNatives();

}  // namespace ratchet::internal

#endif  // RATCHET_RUNTIME_MODULE_H_
