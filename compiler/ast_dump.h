// A printed form of the AST for tests: S-expressions of node kinds,
// operators, names and literal values, without source positions. Grouping
// parentheses leave no trace in the AST, and a comma expression nested in
// another (`(a, b), c`) prints flattened, as the comma operator is
// associative: two programs that differ only in whitespace, comments,
// grouping parentheses and semicolons print the same.
#ifndef RATCHET_COMPILER_AST_DUMP_H_
#define RATCHET_COMPILER_AST_DUMP_H_

#include <string>

#include "compiler/ast.h"

namespace ratchet::internal {

std::string DumpAst(const ast::Program* program);

}  // namespace ratchet::internal

#endif  // RATCHET_COMPILER_AST_DUMP_H_
