// Modules through the embedding API: a synchronous loader over an in-memory
// file table, an asynchronous loader the test answers later (the task
// waits, then resumes), cycles with top-level await, and errors.
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "api/ratchet.h"
#include "gtest/gtest.h"

namespace ratchet {
namespace {

class ModuleTest : public ::testing::Test {
 protected:
  void SetUp() override {
    runtime_.SetPrintHandler([this](const std::string& line) { printed_ += line + "\n"; });
    realm_ = runtime_.NewRealm();
    ASSERT_NE(realm_, nullptr);
  }
  void UseSyncLoader() {
    runtime_.SetModuleLoader([this](const std::string& name, std::string* source, std::string* error) {
      loads_.push_back(name);
      auto it = files_.find(name);
      if (it == files_.end()) return false;
      *source = it->second;
      return true;
    });
  }
  Completion Run(const std::string& name) {
    EvalOptions options;
    options.file_name = name;
    return realm_->EvaluateModuleSync(files_.at(name), options);
  }
  Runtime runtime_;
  std::unique_ptr<Realm> realm_;
  std::map<std::string, std::string> files_;
  std::vector<std::string> loads_;
  std::string printed_;
};

TEST_F(ModuleTest, ImportsLiveBindingsAndLoadsEachModuleOnce) {
  files_["lib/counter.js"] = "export let count = 0; export function bump() { count++; }";
  files_["lib/index.js"] = "export * from './counter.js'; export const name = 'index';";
  files_["main.js"] =
      "import { count, bump, name } from './lib/index.js';\n"
      "import * as direct from './lib/counter.js';\n"
      "bump(); bump();\n"
      "print(name, count, direct.count, Object.keys(direct).join());";
  UseSyncLoader();
  Completion c = Run("main.js");
  ASSERT_TRUE(c.ok()) << c.Describe();
  EXPECT_EQ(printed_, "index 2 2 bump,count\n");
  EXPECT_EQ(loads_, (std::vector<std::string>{"lib/index.js", "lib/counter.js"}));
}

TEST_F(ModuleTest, CycleWithTopLevelAwait) {
  // a and b import each other; b awaits before finishing. Hoisted
  // functions are callable across the cycle before either body ran.
  files_["a.js"] =
      "import { fromB, ready } from './b.js';\n"
      "export function fromA() { return 'A'; }\n"
      "print('a runs after b:', ready, fromB());";
  files_["b.js"] =
      "import { fromA } from './a.js';\n"
      "export function fromB() { return 'B' + fromA(); }\n"
      "export let ready = false;\n"
      "print('b starts', fromA());\n"
      "await Promise.resolve();\n"
      "ready = true;\n"
      "print('b done');";
  UseSyncLoader();
  Completion c = Run("a.js");
  ASSERT_TRUE(c.ok()) << c.Describe();
  EXPECT_EQ(printed_, "b starts A\nb done\na runs after b: true BA\n");
}

TEST_F(ModuleTest, AsyncLoaderSuspendsTheTaskUntilTheHostAnswers) {
  std::vector<std::pair<std::string, ModuleLoadDone>> requests;
  runtime_.SetAsyncModuleLoader(
      [&](const std::string& name, ModuleLoadDone done) { requests.emplace_back(name, std::move(done)); });
  EvalOptions options;
  options.file_name = "main.js";
  std::unique_ptr<Task> task = realm_->NewModuleTask(
      "import { twice } from './math.js';\n"
      "print('main', twice(21));\n"
      "const lazy = await import('./lazy.js');\n"
      "print('lazy', lazy.default);",
      options);
  task->RunToCompletion({});
  EXPECT_FALSE(task->done());
  EXPECT_TRUE(task->waiting());
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].first, "math.js");
  EXPECT_EQ(printed_, "");
  EXPECT_FALSE(task->Step());  // nothing to run while waiting

  requests[0].second(true, "export const twice = (x) => 2 * x;");
  task->RunToCompletion({});
  EXPECT_TRUE(task->waiting());
  EXPECT_EQ(printed_, "main 42\n");
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[1].first, "lazy.js");

  requests[1].second(true, "export default 'loaded later';");
  task->RunToCompletion({});
  ASSERT_TRUE(task->done());
  Completion c = task->completion();
  EXPECT_TRUE(c.ok()) << c.Describe();
  EXPECT_EQ(printed_, "main 42\nlazy loaded later\n");
}

TEST_F(ModuleTest, AsyncLoaderErrorsBecomeCatchableAtTheImportSite) {
  std::vector<ModuleLoadDone> pending;
  runtime_.SetAsyncModuleLoader([&](const std::string&, ModuleLoadDone done) { pending.push_back(done); });
  EvalOptions options;
  options.file_name = "main.js";
  std::unique_ptr<Task> task = realm_->NewModuleTask(
      "try { await import('./missing.js'); } catch (e) { print(e.name + ': ' + e.message); }\n"
      "try { await import('./broken.js'); } catch (e) { print(e.name); }",
      options);
  task->RunToCompletion({});
  ASSERT_EQ(pending.size(), 1u);
  pending[0](false, "no such module: missing.js");
  task->RunToCompletion({});
  ASSERT_EQ(pending.size(), 2u);
  pending[1](true, "export let = 1;");
  task->RunToCompletion({});
  ASSERT_TRUE(task->done());
  EXPECT_TRUE(task->completion().ok()) << task->completion().Describe();
  EXPECT_EQ(printed_, "TypeError: no such module: missing.js\nSyntaxError\n");
}

TEST_F(ModuleTest, SyncEvaluationOfAWaitingTaskIsIncomplete) {
  runtime_.SetAsyncModuleLoader([](const std::string&, ModuleLoadDone) {});  // never answers
  EvalOptions options;
  options.file_name = "main.js";
  Completion c = realm_->EvaluateModuleSync("import './never.js';", options);
  EXPECT_EQ(c.kind, CompletionKind::kIncomplete);
  // The runtime stays usable.
  EXPECT_TRUE(realm_->EvaluateScriptSync("1", {}).ok());
}

TEST(ModuleLoadTest, AnsweringAfterTheRuntimeIsGoneDoesNothing) {
  std::vector<ModuleLoadDone> pending;
  {
    Runtime runtime;
    runtime.SetAsyncModuleLoader([&](const std::string&, ModuleLoadDone done) { pending.push_back(done); });
    auto realm = runtime.NewRealm();
    ASSERT_NE(realm, nullptr);
    EvalOptions options;
    options.file_name = "main.js";
    std::unique_ptr<Task> task = realm->NewModuleTask("import './late.js';", options);
    task->RunToCompletion({});
    ASSERT_EQ(pending.size(), 1u);
    EXPECT_TRUE(task->waiting());
  }
  // The task, the realm and the runtime are gone: the late answer (under
  // ASan, a use-after-free without the guard) does nothing.
  pending[0](true, "export const x = 1;");
  pending[0](false, "twice");
}

TEST_F(ModuleTest, ErrorsNameTheModule) {
  files_["main.js"] = "import { nope } from './lib.js';";
  files_["lib.js"] = "export const yes = 1;";
  files_["bad.js"] = "import './missing.js';";
  files_["throws.js"] = "throw new RangeError('at top level');";
  UseSyncLoader();
  Completion c = Run("main.js");
  EXPECT_EQ(c.kind, CompletionKind::kJsException);
  EXPECT_EQ(c.error_name, "SyntaxError");
  EXPECT_EQ(c.error_message, "The requested module 'lib.js' does not provide an export named 'nope'");
  c = Run("bad.js");
  EXPECT_EQ(c.error_message, "Cannot find module './missing.js' imported from 'bad.js'");
  c = Run("throws.js");
  EXPECT_EQ(c.error_name, "RangeError");
  EvalOptions options;
  options.file_name = "syntax.js";
  c = realm_->EvaluateModuleSync("export default default;", options);
  EXPECT_EQ(c.kind, CompletionKind::kSyntaxError);
  EXPECT_EQ(c.file, "syntax.js");
}

TEST_F(ModuleTest, ImportMetaAndJsonModules) {
  files_["data.json"] = "{\"items\": [1, 2, 3]}";
  files_["main.js"] =
      "import data from './data.json' with { type: 'json' };\n"
      "print(import.meta.url, data.items.length, Object.getPrototypeOf(import.meta));";
  UseSyncLoader();
  Completion c = Run("main.js");
  ASSERT_TRUE(c.ok()) << c.Describe();
  EXPECT_EQ(printed_, "main.js 3 null\n");
}

TEST_F(ModuleTest, DynamicImportFromAScript) {
  files_["m.js"] = "export default 'from m';";
  UseSyncLoader();
  EvalOptions options;
  options.file_name = "script.js";
  Completion c = realm_->EvaluateScriptSync("import('./m.js').then(ns => print(ns.default));", options);
  ASSERT_TRUE(c.ok()) << c.Describe();
  EXPECT_EQ(printed_, "from m\n");
}

TEST_F(ModuleTest, HostAddsImportMetaProperties) {
  files_["app/main.js"] = "print(import.meta.url, import.meta.env, import.meta.depth, import.meta === import.meta);";
  UseSyncLoader();
  std::vector<std::string> asked;
  runtime_.SetImportMetaHook([&](const std::string& name, std::vector<std::pair<std::string, HostValue>>* props) {
    asked.push_back(name);
    props->emplace_back("env", HostValue::String("test"));
    props->emplace_back("depth", HostValue::Number(2));
  });
  Completion c = Run("app/main.js");
  ASSERT_TRUE(c.ok()) << c.Describe();
  EXPECT_EQ(printed_, "app/main.js test 2 true\n");
  EXPECT_EQ(asked, (std::vector<std::string>{"app/main.js"}));  // once per module
}

TEST_F(ModuleTest, PreloadedHostModuleNeedsNoLoader) {
  HostModule env;
  env.values.emplace_back("version", HostValue::String("1.2"));
  env.values.emplace_back("limit", HostValue::Number(64));
  env.functions.emplace_back("add", [](const std::vector<HostValue>& args, std::string*) {
    return HostValue::Number(args.at(0).number + args.at(1).number);
  });
  env.functions.emplace_back("fail", [](const std::vector<HostValue>&, std::string* error) {
    *error = "host says no";
    return HostValue::Undefined();
  });
  ASSERT_TRUE(realm_->DefineHostModule("host:env", std::move(env)));
  files_["main.js"] =
      "import { version, limit, add } from 'host:env';\n"
      "import * as ns from 'host:env';\n"
      "let caught;\n"
      "try { ns.fail(); } catch (e) { caught = e.message; }\n"
      "print(version, add(limit, 1), Object.keys(ns).join(), caught, Object.isFrozen(ns));";
  Completion c = Run("main.js");  // no loader installed
  ASSERT_TRUE(c.ok()) << c.Describe();
  EXPECT_EQ(printed_, "1.2 65 add,fail,limit,version host says no false\n");
  // A missing export is a link error naming the module.
  files_["bad.js"] = "import { nope } from 'host:env';";
  c = Run("bad.js");
  EXPECT_EQ(c.kind, CompletionKind::kJsException);
  EXPECT_NE(c.error_message.find("host:env"), std::string::npos) << c.Describe();
}

TEST_F(ModuleTest, LoaderAnswersWithAHostBuiltModule) {
  files_["main.js"] =
      "import { greet } from 'native:greeter';\n"
      "import { twice } from './lib.js';\n"
      "const m = await import('native:greeter');\n"
      "print(greet('sandbox'), twice(21), m.greet === greet);";
  files_["lib.js"] = "export const twice = (x) => 2 * x;";
  runtime_.SetHostModuleLoader([this](const std::string& name, ModuleAnswer* answer, std::string* error) {
    loads_.push_back(name);
    if (name == "native:greeter") {
      answer->is_host = true;
      answer->host.functions.emplace_back("greet", [](const std::vector<HostValue>& args, std::string*) {
        return HostValue::String("hello " + args.at(0).string);
      });
      return true;
    }
    auto it = files_.find(name);
    if (it == files_.end()) {
      *error = "no such module: " + name;
      return false;
    }
    answer->source = it->second;
    return true;
  });
  Completion c = Run("main.js");
  ASSERT_TRUE(c.ok()) << c.Describe();
  EXPECT_EQ(printed_, "hello sandbox 42 true\n");
  // Loaded once per realm, however often it is imported.
  EXPECT_EQ(loads_, (std::vector<std::string>{"native:greeter", "lib.js"}));
  files_["missing.js"] = "import 'native:none';";
  c = Run("missing.js");
  EXPECT_EQ(c.kind, CompletionKind::kJsException);
  EXPECT_NE(c.error_message.find("no such module: native:none"), std::string::npos) << c.Describe();
}

}  // namespace
}  // namespace ratchet
