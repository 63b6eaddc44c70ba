// The abstract syntax tree produced by the parser and consumed by the bytecode
// generator. Every node lives in an Arena and is trivially destructible; lists
// are arena arrays (`List<T>`), names and string values are arena UTF-16
// strings (`Str`). Every node keeps its source position.
#ifndef RATCHET_COMPILER_AST_H_
#define RATCHET_COMPILER_AST_H_

#include <cstdint>
#include <string_view>

#include "compiler/arena.h"

namespace ratchet::ast {

/// A UTF-16 string owned by the arena (identifier names, string literal
/// values, template cooked/raw text). May hold lone surrogates.
struct Str {
  const char16_t* data = nullptr;
  uint32_t size = 0;
  std::u16string_view view() const { return {data, size}; }
  bool empty() const { return size == 0; }
  bool operator==(std::u16string_view s) const { return view() == s; }
};

/// An arena array.
template <typename T>
struct List {
  T* data = nullptr;
  uint32_t size = 0;
  T* begin() const { return data; }
  T* end() const { return data + size; }
  T& operator[](uint32_t i) const { return data[i]; }
  bool empty() const { return size == 0; }
};

/// Source position of the first character of a node. Line and column are
/// 1-based; column counts UTF-16 code units.
struct Pos {
  uint32_t offset = 0;
  uint32_t line = 1;
  uint32_t column = 1;
};

enum class Kind : uint8_t {
  // Expressions.
  kNumberLiteral,
  kBigIntLiteral,
  kStringLiteral,
  kTemplateLiteral,
  kTaggedTemplate,
  kRegExpLiteral,
  kNullLiteral,
  kBooleanLiteral,
  kIdentifier,
  kPrivateName,  // only as Member::property or the left of `#x in o`
  kThis,
  kSuper,  // only as a Member object or a Call callee
  kArrayLiteral,
  kObjectLiteral,
  kFunction,  // function expressions, arrows, methods, accessors
  kClass,     // class expressions
  kUnary,
  kUpdate,
  kBinary,
  kLogical,
  kAssign,
  kConditional,
  kCall,
  kNew,
  kMember,
  kOptionalChain,
  kSequence,
  kSpread,
  kYield,
  kAwait,
  kNewTarget,
  kImportMeta,
  kImportCall,
  kHole,  // an elision in an array literal or array pattern
  // Patterns (binding and assignment targets after cover-grammar refinement).
  kObjectPattern,
  kArrayPattern,
  kAssignmentPattern,  // target = default
  kRestElement,
  // Statements and declarations.
  kVarDecl,
  kFunctionDecl,
  kClassDecl,
  kExpressionStatement,
  kBlock,
  kEmpty,
  kIf,
  kFor,
  kForIn,
  kForOf,
  kWhile,
  kDoWhile,
  kContinue,
  kBreak,
  kReturn,
  kWith,
  kSwitch,
  kLabeled,
  kThrow,
  kTry,
  kDebugger,
  kImportDecl,
  kExportDecl,
  kProgram,
};

struct Node {
  Kind kind;
  Pos pos;
  uint32_t end = 0;  // source offset one past the node's last character

  template <typename T>
  T* As() {
    return kind == T::kKind ? static_cast<T*>(this) : nullptr;
  }
  template <typename T>
  const T* As() const {
    return kind == T::kKind ? static_cast<const T*>(this) : nullptr;
  }
  template <typename T>
  bool Is() const {
    return kind == T::kKind;
  }

 protected:
  explicit Node(Kind k) : kind(k) {}
};

using Expr = Node;  // an expression or pattern
using Stmt = Node;  // a statement or declaration

#define RATCHET_AST_NODE(Name)                       \
  static constexpr Kind kKind = Kind::k##Name;       \
  Name() : Node(kKind) {}

// ---- Literals and primaries ------------------------------------------------

struct NumberLiteral : Node {
  RATCHET_AST_NODE(NumberLiteral)
  double value = 0;
};

struct BigIntLiteral : Node {
  RATCHET_AST_NODE(BigIntLiteral)
  Str digits;  // decimal digits, prefix and separators removed, no 'n'
};

struct StringLiteral : Node {
  RATCHET_AST_NODE(StringLiteral)
  Str value;     // cooked value
  bool has_escape = false;  // for "use strict" directive detection
};

struct TemplateElement {
  Str cooked;
  Str raw;
  bool cooked_valid = true;  // false for an invalid escape in a tagged template
};

struct TemplateLiteral : Node {
  RATCHET_AST_NODE(TemplateLiteral)
  List<TemplateElement> quasis;  // quasis.size == expressions.size + 1
  List<Expr*> expressions;
};

struct TaggedTemplate : Node {
  RATCHET_AST_NODE(TaggedTemplate)
  Expr* tag = nullptr;
  TemplateLiteral* quasi = nullptr;
};

struct RegExpLiteral : Node {
  RATCHET_AST_NODE(RegExpLiteral)
  Str pattern;
  Str flags;
};

struct NullLiteral : Node {
  RATCHET_AST_NODE(NullLiteral)
};

struct BooleanLiteral : Node {
  RATCHET_AST_NODE(BooleanLiteral)
  bool value = false;
};

struct Identifier : Node {
  RATCHET_AST_NODE(Identifier)
  Str name;  // escapes resolved
};

struct PrivateName : Node {
  RATCHET_AST_NODE(PrivateName)
  Str name;  // without the '#'
};

struct This : Node {
  RATCHET_AST_NODE(This)
};

struct Super : Node {
  RATCHET_AST_NODE(Super)
};

struct Hole : Node {
  RATCHET_AST_NODE(Hole)
};

struct ArrayLiteral : Node {
  RATCHET_AST_NODE(ArrayLiteral)
  List<Expr*> elements;  // Hole for elisions, Spread for `...x`
};

enum class PropertyKind : uint8_t {
  kInit,       // key: value, and shorthand `x`
  kMethod,     // key() {}
  kGetter,     // get key() {}
  kSetter,     // set key(v) {}
  kSpread,     // ...value (key is null)
  kProto,      // __proto__: value (non-computed, non-shorthand)
};

struct Property {
  PropertyKind kind = PropertyKind::kInit;
  bool computed = false;
  bool shorthand = false;
  Expr* key = nullptr;    // Identifier (name), StringLiteral, NumberLiteral,
                          // BigIntLiteral, or any expression when computed
  Expr* value = nullptr;  // expression, Function for methods/accessors
  Pos pos;
};

struct ObjectLiteral : Node {
  RATCHET_AST_NODE(ObjectLiteral)
  List<Property> properties;
};

// ---- Functions and classes -------------------------------------------------

enum class FunctionKind : uint8_t {
  kNormal,             // declarations and expressions
  kArrow,
  kMethod,             // object literal or class method
  kGetter,
  kSetter,
  kClassConstructor,
  kDerivedConstructor,  // constructor of a class with `extends`
  kClassFieldInit,      // synthesized: a class's field initializer (instance
                        // or static): runs the field initializers (and static
                        // blocks) with `this` the instance or the class
  kClassStaticBlock,    // a `static { }` block's body
};

struct Statement;
struct Function : Node {
  RATCHET_AST_NODE(Function)
  FunctionKind function_kind = FunctionKind::kNormal;
  bool is_async = false;
  bool is_generator = false;
  bool strict = false;            // body is strict (inherited or directive)
  bool has_use_strict = false;    // body starts with a "use strict" directive
  bool simple_parameters = true;  // no defaults, rest or patterns
  bool expression_body = false;   // arrow with a concise body
  bool contains_direct_eval = false;  // a call `eval(...)` in this function
                                      // or its nested arrows
  bool uses_arguments = false;  // `arguments` referenced (incl. nested arrows)
  bool uses_this = false;       // `this`/`super` in this function or arrows
  bool class_has_fields = false;  // a class constructor whose class has
                                  // instance fields or private methods
  Identifier* name = nullptr;   // binding name (declarations, named
                                // expressions); null otherwise
  List<Expr*> params;           // patterns; the last may be RestElement
  List<Stmt*> body;             // statements; for a concise arrow body a
                                // single Return statement
  uint32_t source_start = 0;    // offsets of the whole function's text, for
  uint32_t source_end = 0;      // Function.prototype.toString
};

enum class ClassMemberKind : uint8_t {
  kMethod,
  kGetter,
  kSetter,
  kField,
  kStaticBlock,
  kAccessor,  // `accessor x` (decorators proposal); parser may reject
};

struct ClassMember {
  ClassMemberKind kind = ClassMemberKind::kMethod;
  bool is_static = false;
  bool computed = false;
  Expr* key = nullptr;  // Identifier, StringLiteral, NumberLiteral,
                        // BigIntLiteral, PrivateName, or computed expression;
                        // null for static blocks
  Function* function = nullptr;  // methods/accessors; static block body as
                                 // a kMethod Function with no params
  Expr* value = nullptr;         // field initializer (may be null)
  Pos pos;
};

struct Class : Node {
  RATCHET_AST_NODE(Class)
  Identifier* name = nullptr;
  Expr* super_class = nullptr;
  Function* constructor = nullptr;  // null when the class has none
  List<ClassMember> members;        // everything but the constructor
  // Synthesized by the parser: the scope of instance field initializers
  // (present when there are instance fields or private methods) and of
  // static field initializers and static blocks. Empty bodies: the code
  // generator emits them from `members`.
  Function* instance_init = nullptr;
  Function* static_init = nullptr;
  uint32_t source_start = 0;
  uint32_t source_end = 0;
};

// ---- Operators ---------------------------------------------------------------

enum class UnaryOp : uint8_t {
  kMinus, kPlus, kNot, kBitNot, kTypeof, kVoid, kDelete,
};

enum class UpdateOp : uint8_t { kIncrement, kDecrement };

enum class BinaryOp : uint8_t {
  kAdd, kSub, kMul, kDiv, kMod, kExp,
  kShl, kSar, kShr,
  kBitAnd, kBitOr, kBitXor,
  kEq, kNe, kStrictEq, kStrictNe,
  kLt, kGt, kLe, kGe,
  kIn, kInstanceof,
};

enum class LogicalOp : uint8_t { kAnd, kOr, kNullish };

enum class AssignOp : uint8_t {
  kAssign,
  kAdd, kSub, kMul, kDiv, kMod, kExp,
  kShl, kSar, kShr,
  kBitAnd, kBitOr, kBitXor,
  kAnd, kOr, kNullish,  // &&= ||= ??=
};

struct Unary : Node {
  RATCHET_AST_NODE(Unary)
  UnaryOp op = UnaryOp::kMinus;
  Expr* argument = nullptr;
};

struct Update : Node {
  RATCHET_AST_NODE(Update)
  UpdateOp op = UpdateOp::kIncrement;
  bool prefix = false;
  Expr* argument = nullptr;  // Identifier or Member
};

struct Binary : Node {
  RATCHET_AST_NODE(Binary)
  BinaryOp op = BinaryOp::kAdd;
  Expr* left = nullptr;  // PrivateName for `#x in o`
  Expr* right = nullptr;
};

struct Logical : Node {
  RATCHET_AST_NODE(Logical)
  LogicalOp op = LogicalOp::kAnd;
  Expr* left = nullptr;
  Expr* right = nullptr;
};

struct Assign : Node {
  RATCHET_AST_NODE(Assign)
  AssignOp op = AssignOp::kAssign;
  Expr* target = nullptr;  // Identifier, Member, or (for kAssign) a pattern
  Expr* value = nullptr;
};

struct Conditional : Node {
  RATCHET_AST_NODE(Conditional)
  Expr* test = nullptr;
  Expr* consequent = nullptr;
  Expr* alternate = nullptr;
};

struct Call : Node {
  RATCHET_AST_NODE(Call)
  Expr* callee = nullptr;  // Super for super(...)
  List<Expr*> arguments;   // Spread for `...x`
  bool optional = false;   // `f?.()`
};

struct New : Node {
  RATCHET_AST_NODE(New)
  Expr* callee = nullptr;
  List<Expr*> arguments;
};

struct Member : Node {
  RATCHET_AST_NODE(Member)
  Expr* object = nullptr;    // Super for super.x / super[x]
  Expr* property = nullptr;  // Identifier (a.b), PrivateName (a.#b), or any
                             // expression when computed (a[b])
  bool computed = false;
  bool optional = false;  // this link is `?.`
};

/// The extent of an optional chain: `a?.b.c` is OptionalChain(Member(Member(
/// a, b, optional), c)). When an optional link finds null/undefined the whole
/// chain evaluates to undefined.
struct OptionalChain : Node {
  RATCHET_AST_NODE(OptionalChain)
  Expr* expression = nullptr;
};

struct Sequence : Node {
  RATCHET_AST_NODE(Sequence)
  List<Expr*> expressions;
};

struct Spread : Node {
  RATCHET_AST_NODE(Spread)
  Expr* argument = nullptr;
};

struct Yield : Node {
  RATCHET_AST_NODE(Yield)
  Expr* argument = nullptr;  // may be null
  bool delegate = false;     // yield*
};

struct Await : Node {
  RATCHET_AST_NODE(Await)
  Expr* argument = nullptr;
};

struct NewTarget : Node {
  RATCHET_AST_NODE(NewTarget)
};

struct ImportMeta : Node {
  RATCHET_AST_NODE(ImportMeta)
};

struct ImportCall : Node {
  RATCHET_AST_NODE(ImportCall)
  Expr* source = nullptr;
  Expr* options = nullptr;  // may be null
  bool source_phase = false;  // import.source(x)
  bool defer_phase = false;   // import.defer(x)
};

// ---- Patterns ----------------------------------------------------------------

struct PatternProperty {
  bool computed = false;
  bool shorthand = false;
  Expr* key = nullptr;    // as Property::key
  Expr* value = nullptr;  // target: Identifier, Member (assignment only),
                          // pattern, or AssignmentPattern
  Pos pos;
};

struct ObjectPattern : Node {
  RATCHET_AST_NODE(ObjectPattern)
  List<PatternProperty> properties;
  Expr* rest = nullptr;  // Identifier (or Member in assignment); may be null
};

struct ArrayPattern : Node {
  RATCHET_AST_NODE(ArrayPattern)
  List<Expr*> elements;  // Hole for elisions; targets or AssignmentPattern
  Expr* rest = nullptr;  // any target or pattern; may be null
};

struct AssignmentPattern : Node {
  RATCHET_AST_NODE(AssignmentPattern)
  Expr* target = nullptr;
  Expr* default_value = nullptr;
};

struct RestElement : Node {  // only as the last function parameter
  RATCHET_AST_NODE(RestElement)
  Expr* target = nullptr;
};

// ---- Statements ----------------------------------------------------------------

enum class VarKind : uint8_t { kVar, kLet, kConst, kUsing, kAwaitUsing };

struct Declarator {
  Expr* target = nullptr;  // Identifier or pattern
  Expr* init = nullptr;    // may be null
  Pos pos;
};

struct VarDecl : Node {
  RATCHET_AST_NODE(VarDecl)
  VarKind var_kind = VarKind::kVar;
  List<Declarator> declarators;
};

struct FunctionDecl : Node {
  RATCHET_AST_NODE(FunctionDecl)
  Function* function = nullptr;  // function->name is set
};

struct ClassDecl : Node {
  RATCHET_AST_NODE(ClassDecl)
  Class* class_node = nullptr;  // class_node->name is set (except
                                // `export default class {}`)
};

struct ExpressionStatement : Node {
  RATCHET_AST_NODE(ExpressionStatement)
  Expr* expression = nullptr;
  bool directive = false;  // a directive prologue entry ("use strict")
};

struct Block : Node {
  RATCHET_AST_NODE(Block)
  List<Stmt*> body;
};

struct Empty : Node {
  RATCHET_AST_NODE(Empty)
};

struct If : Node {
  RATCHET_AST_NODE(If)
  Expr* test = nullptr;
  Stmt* consequent = nullptr;
  Stmt* alternate = nullptr;  // may be null
};

struct For : Node {
  RATCHET_AST_NODE(For)
  Node* init = nullptr;  // VarDecl, an expression, or null
  Expr* test = nullptr;
  Expr* update = nullptr;
  Stmt* body = nullptr;
};

struct ForIn : Node {
  RATCHET_AST_NODE(ForIn)
  Node* left = nullptr;  // VarDecl with one declarator (Annex B: var with an
                         // initializer allowed in sloppy mode), or a target
  Expr* right = nullptr;
  Stmt* body = nullptr;
};

struct ForOf : Node {
  RATCHET_AST_NODE(ForOf)
  Node* left = nullptr;  // VarDecl with one declarator, or a target
  Expr* right = nullptr;
  Stmt* body = nullptr;
  bool is_await = false;
};

struct While : Node {
  RATCHET_AST_NODE(While)
  Expr* test = nullptr;
  Stmt* body = nullptr;
};

struct DoWhile : Node {
  RATCHET_AST_NODE(DoWhile)
  Stmt* body = nullptr;
  Expr* test = nullptr;
};

struct Continue : Node {
  RATCHET_AST_NODE(Continue)
  Identifier* label = nullptr;
};

struct Break : Node {
  RATCHET_AST_NODE(Break)
  Identifier* label = nullptr;
};

struct Return : Node {
  RATCHET_AST_NODE(Return)
  Expr* argument = nullptr;
};

struct With : Node {
  RATCHET_AST_NODE(With)
  Expr* object = nullptr;
  Stmt* body = nullptr;
};

struct SwitchCase {
  Expr* test = nullptr;  // null for default
  List<Stmt*> body;
  Pos pos;
};

struct Switch : Node {
  RATCHET_AST_NODE(Switch)
  Expr* discriminant = nullptr;
  List<SwitchCase> cases;
};

struct Labeled : Node {
  RATCHET_AST_NODE(Labeled)
  Identifier* label = nullptr;
  Stmt* body = nullptr;
};

struct Throw : Node {
  RATCHET_AST_NODE(Throw)
  Expr* argument = nullptr;
};

struct Try : Node {
  RATCHET_AST_NODE(Try)
  Block* block = nullptr;
  Expr* param = nullptr;        // catch binding (may be null: `catch {}`)
  Block* handler = nullptr;     // null when there is no catch
  Block* finalizer = nullptr;   // null when there is no finally
};

struct Debugger : Node {
  RATCHET_AST_NODE(Debugger)
};

// ---- Modules -------------------------------------------------------------------

struct ImportAttribute {
  Str key;
  Str value;
};

struct ImportSpecifier {
  Str imported;  // "default", "*" for a namespace import, or the export name
  Identifier* local = nullptr;
  Pos pos;
};

/// The import name of `import source x from "m"`: not a well-formed string,
/// so no export can have it (string export names must be well formed).
inline constexpr std::u16string_view kSourcePhaseImportName = u"\xD800source";
/// The import name of `import defer * as ns from "m"` (a deferred namespace).
inline constexpr std::u16string_view kDeferImportName = u"\xD800" u"defer";  // (\x takes every hex digit)

struct ImportDecl : Node {
  RATCHET_AST_NODE(ImportDecl)
  Str source;
  List<ImportSpecifier> specifiers;  // empty for `import "x"`
  List<ImportAttribute> attributes;
  bool is_source_phase = false;  // import source x from "m" (imported is kSourcePhaseImportName)
  bool is_defer = false;         // import defer * as ns from "m" (imported is kDeferImportName)
};

struct ExportSpecifier {
  Str local;     // the local binding (or, with `from`, the imported name;
                 // "*" for `export * as ns from`)
  Str exported;  // exported name (may be any string)
  Pos pos;
};

enum class ExportKind : uint8_t {
  kNamed,          // export { a as b } [from "m"]
  kAll,            // export * from "m" / export * as ns from "m"
  kDeclaration,    // export var/let/const/function/class
  kDefaultExpr,    // export default expression;
  kDefaultDecl,    // export default function/class (possibly anonymous)
};

struct ExportDecl : Node {
  RATCHET_AST_NODE(ExportDecl)
  ExportKind export_kind = ExportKind::kNamed;
  List<ExportSpecifier> specifiers;
  Str source;               // for `from`
  bool has_source = false;
  List<ImportAttribute> attributes;
  Stmt* declaration = nullptr;  // kDeclaration, kDefaultDecl
  Expr* expression = nullptr;   // kDefaultExpr
};

struct Program : Node {
  RATCHET_AST_NODE(Program)
  bool is_module = false;
  bool has_await = false;  // top-level await (modules: an async module)
  bool strict = false;
  bool contains_direct_eval = false;
  bool uses_arguments = false;  // top-level `arguments` (eval code in funcs)
  List<Stmt*> body;
};

#undef RATCHET_AST_NODE

}  // namespace ratchet::ast

#endif  // RATCHET_COMPILER_AST_H_
