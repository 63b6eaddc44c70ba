// Realm creation, script compilation and the self-hosted library.
#ifndef RATCHET_RUNTIME_REALM_H_
#define RATCHET_RUNTIME_REALM_H_

#include <string>
#include <string_view>

#include "vm/code.h"
#include "vm/realm.h"
#include "vm/vm.h"

namespace ratchet::internal {

/// Creates a realm with all intrinsics and globals. Null on out-of-memory
/// (exception pending).
Realm* CreateRealm(Vm& vm);

struct ScriptError {
  std::string message;  // "SyntaxError: ..." text without the prefix
  bool unsupported = false;  // a construct the compiler does not handle yet
  std::string file;
  uint32_t line = 0;
  uint32_t column = 0;
};

struct ParseError;
struct CompileError;
/// Copies a parser's or compiler's error into *error (keeps error->file).
void SetScriptError(const ParseError& e, ScriptError* error);
void SetScriptError(const CompileError& e, ScriptError* error);

/// Parses and compiles a script. On a syntax error returns null and fills
/// *error; on out-of-memory returns null with error->message set likewise.
Code* CompileScript(Vm& vm, std::u16string_view source, const std::string& file_name,
                    ScriptError* error, bool strict = false);

/// Parses `source` as a Module, with its early errors. Modules do not
/// compile or run yet: true means the source is a syntactically valid module.
bool CheckModuleSyntax(std::u16string_view source, const std::string& file_name, ScriptError* error);

/// Compiles `new Function(...)` source text in the current realm: returns a
/// closure or throws (null, exception pending).
/// `prefix` is the function keyword: "function", "function*",
/// "async function" or "async function*".
/// Compiles eval code for global code (PerformEval): a closure to call with
/// the caller's this value, or null with an exception pending.
Object* CompileEvalCode(Vm& vm, Realm& realm, String* source, int32_t flags, String* scopes = nullptr,
                        Env* env = nullptr);

Object* CreateDynamicFunction(Vm& vm, Realm& realm, std::u16string_view params,
                              std::u16string_view body, std::u16string_view prefix = u"function");

}  // namespace ratchet::internal

#endif  // RATCHET_RUNTIME_REALM_H_
