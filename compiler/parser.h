// Parser: ECMAScript source (UTF-16) -> AST (compiler/ast.h).
#ifndef RATCHET_COMPILER_PARSER_H_
#define RATCHET_COMPILER_PARSER_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "compiler/arena.h"
#include "compiler/ast.h"

namespace ratchet::internal {

/// Nesting limits. Nothing in the compiler recurses without bound: deeper
/// input fails with "SyntaxError: Maximum nesting depth exceeded". Two
/// limits apply, whichever comes first: kMaxParseDepth recursive parser
/// steps (a parenthesized or bracketed level takes about seven), and each
/// compiler phase's C++ stack budget (StackLimit, 1.5 MB, which sanitizer
/// builds with their larger frames reach sooner). In release builds at
/// least 1,000 levels of parentheses, array or object literals, blocks,
/// `if` statements and assignments parse and compile, about 800 of nested
/// arrow functions and 450 of nested function expressions (checked by
/// tests/cli/cli_test.sh).
inline constexpr int kMaxParseDepth = 20000;

struct ParseOptions {
  bool module = false;  // parse as a Module (implies strict)
  bool strict = false;  // start in strict mode (strict direct eval)
  // Contexts for eval code and `new Function` bodies.
  bool allow_new_target = false;      // eval inside a non-arrow function
  bool allow_super_property = false;  // eval inside a method
  bool allow_super_call = false;      // eval inside a derived constructor
  bool allow_return = false;          // (unused for scripts; host option)
  bool in_class_field_init = false;   // eval in a field initializer:
                                      // `arguments` is a SyntaxError
  bool allow_await = false;           // top-level await outside modules
  int max_depth = kMaxParseDepth;
};

struct ParseError {
  std::string message;  // e.g. "Unexpected token ')'"
  uint32_t line = 0;    // 1-based
  uint32_t column = 0;  // 1-based, UTF-16 code units
  uint32_t offset = 0;
};

/// Parses `source` as a Script (or Module when options.module). Returns the
/// Program, allocated in `arena`, or null with `*error` filled in: a syntax
/// error, an early error, or the nesting limit.
ast::Program* ParseProgram(Arena& arena, std::u16string_view source,
                           const ParseOptions& options, ParseError* error);

/// Parses the pieces of `new Function(p1, ..., body)`: `params` as
/// FormalParameters and `body` as a FunctionBody, as the spec's
/// CreateDynamicFunction requires (each separately valid). Returns a Function
/// node (kNormal, or async/generator per the flags) or null with `*error`.
ast::Function* ParseDynamicFunction(Arena& arena, std::u16string_view params,
                                    std::u16string_view body, bool is_async,
                                    bool is_generator, ParseError* error);

/// Converts UTF-8 source text to UTF-16 (invalid sequences become U+FFFD).
std::u16string Utf8ToUtf16(std::string_view utf8);

}  // namespace ratchet::internal

#endif  // RATCHET_COMPILER_PARSER_H_
