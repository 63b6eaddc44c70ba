#include "compiler/ast_dump.h"

#include <cstdint>
#include <cstdio>

namespace ratchet::internal {
namespace {

using namespace ast;

class Dumper {
 public:
  std::string out;

  void Str(ast::Str s) {
    out += '"';
    for (char16_t c : s.view()) {
      if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
        out += static_cast<char>(c);
      } else {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
        out += buf;
      }
    }
    out += '"';
  }
  void Word(const char* w) {
    out += ' ';
    out += w;
  }
  void Flag(bool on, const char* w) {
    if (on) Word(w);
  }
  void Open(const char* name) {
    out += " (";
    out += name;
  }
  void Close() { out += ')'; }

  void Nodes(const List<Node*>& list) {
    out += " [";
    for (Node* n : list) N(n);
    out += " ]";
  }
  void Template(const TemplateLiteral* t) {
    Open("Template");
    for (uint32_t i = 0; i < t->quasis.size; ++i) {
      out += ' ';
      if (t->quasis[i].cooked_valid) {
        Str(t->quasis[i].cooked);
      } else {
        out += "invalid";
      }
      out += '/';
      Str(t->quasis[i].raw);
      if (i < t->expressions.size) N(t->expressions[i]);
    }
    Close();
  }
  void Func(const Function* f) {
    Open("Function");
    out += ' ' + std::to_string(static_cast<int>(f->function_kind));
    Flag(f->is_async, "async");
    Flag(f->is_generator, "generator");
    Flag(f->strict, "strict");
    N(f->name);
    Nodes(f->params);
    Nodes(f->body);
    Close();
  }
  void Class(const ast::Class* c) {
    Open("Class");
    N(c->name);
    N(c->super_class);
    N(c->constructor);
    for (const ClassMember& m : c->members) {
      Open("Member");
      out += ' ' + std::to_string(static_cast<int>(m.kind));
      Flag(m.is_static, "static");
      Key(m.key, m.computed);
      N(m.function);
      N(m.value);
      Close();
    }
    Close();
  }
  void Attributes(const List<ImportAttribute>& attributes) {
    for (const ImportAttribute& a : attributes) {
      out += " with ";
      Str(a.key);
      out += '=';
      Str(a.value);
    }
  }
  // A non-computed property key prints as its property name: `a`, 'a' and
  // "a" are the same key, as are 10, '10' and 1e1.
  void Key(const Node* key, bool computed) {
    if (computed || key == nullptr) return N(key);
    if (const auto* id = key->As<Identifier>()) {
      out += " key:";
      Str(id->name);
    } else if (const auto* str = key->As<StringLiteral>()) {
      out += " key:";
      Str(str->value);
    } else if (const auto* num = key->As<NumberLiteral>()) {
      double v = num->value;
      char buf[40];
      if (v == static_cast<double>(static_cast<int64_t>(v)) && v >= 0 && v < 9007199254740992.0) {
        std::snprintf(buf, sizeof buf, " key:\"%lld\"", static_cast<long long>(v));
      } else if (v > 1.7976931348623157e308) {
        std::snprintf(buf, sizeof buf, " key:\"Infinity\"");
      } else {
        std::snprintf(buf, sizeof buf, " key:\"%.17g\"", v);
      }
      out += buf;
    } else if (const auto* big = key->As<BigIntLiteral>()) {
      out += " key:";
      Str(big->digits);
    } else {
      N(key);
    }
  }
  void Sequence(const Node* n) {  // flattened
    if (const auto* s = n->As<ast::Sequence>()) {
      for (Node* e : s->expressions) Sequence(e);
    } else {
      N(n);
    }
  }

  void N(const Node* n) {
    if (n == nullptr) {
      Word("-");
      return;
    }
    switch (n->kind) {
      case Kind::kNumberLiteral: {
        char buf[40];
        std::snprintf(buf, sizeof buf, " %.17g", n->As<NumberLiteral>()->value);
        out += buf;
        return;
      }
      case Kind::kBigIntLiteral:
        out += ' ';
        Str(n->As<BigIntLiteral>()->digits);
        out += 'n';
        return;
      case Kind::kStringLiteral:
        out += ' ';
        Str(n->As<StringLiteral>()->value);
        return;
      case Kind::kTemplateLiteral:
        return Template(n->As<TemplateLiteral>());
      case Kind::kTaggedTemplate:
        Open("Tagged");
        N(n->As<TaggedTemplate>()->tag);
        Template(n->As<TaggedTemplate>()->quasi);
        return Close();
      case Kind::kRegExpLiteral:
        out += " /";
        Str(n->As<RegExpLiteral>()->pattern);
        out += '/';
        Str(n->As<RegExpLiteral>()->flags);
        return;
      case Kind::kNullLiteral: return Word("null");
      case Kind::kBooleanLiteral: return Word(n->As<BooleanLiteral>()->value ? "true" : "false");
      case Kind::kIdentifier:
        out += " $";
        Str(n->As<Identifier>()->name);
        return;
      case Kind::kPrivateName:
        out += " #";
        Str(n->As<PrivateName>()->name);
        return;
      case Kind::kThis: return Word("this");
      case Kind::kSuper: return Word("super");
      case Kind::kHole: return Word("hole");
      case Kind::kArrayLiteral:
        Open("Array");
        Nodes(n->As<ArrayLiteral>()->elements);
        return Close();
      case Kind::kObjectLiteral:
        Open("Object");
        for (const Property& p : n->As<ObjectLiteral>()->properties) {
          Open("Prop");
          out += ' ' + std::to_string(static_cast<int>(p.kind));
          Key(p.key, p.computed);
          N(p.value);
          Close();
        }
        return Close();
      case Kind::kFunction: return Func(n->As<Function>());
      case Kind::kClass: return Class(n->As<ast::Class>());
      case Kind::kUnary:
        Open("Unary");
        out += ' ' + std::to_string(static_cast<int>(n->As<Unary>()->op));
        N(n->As<Unary>()->argument);
        return Close();
      case Kind::kUpdate:
        Open("Update");
        out += ' ' + std::to_string(static_cast<int>(n->As<Update>()->op));
        Flag(n->As<Update>()->prefix, "prefix");
        N(n->As<Update>()->argument);
        return Close();
      case Kind::kBinary:
        Open("Binary");
        out += ' ' + std::to_string(static_cast<int>(n->As<Binary>()->op));
        N(n->As<Binary>()->left);
        N(n->As<Binary>()->right);
        return Close();
      case Kind::kLogical:
        Open("Logical");
        out += ' ' + std::to_string(static_cast<int>(n->As<Logical>()->op));
        N(n->As<Logical>()->left);
        N(n->As<Logical>()->right);
        return Close();
      case Kind::kAssign:
        Open("Assign");
        out += ' ' + std::to_string(static_cast<int>(n->As<Assign>()->op));
        N(n->As<Assign>()->target);
        N(n->As<Assign>()->value);
        return Close();
      case Kind::kConditional:
        Open("Cond");
        N(n->As<Conditional>()->test);
        N(n->As<Conditional>()->consequent);
        N(n->As<Conditional>()->alternate);
        return Close();
      case Kind::kCall:
        Open("Call");
        Flag(n->As<Call>()->optional, "optional");
        N(n->As<Call>()->callee);
        Nodes(n->As<Call>()->arguments);
        return Close();
      case Kind::kNew:
        Open("New");
        N(n->As<New>()->callee);
        Nodes(n->As<New>()->arguments);
        return Close();
      case Kind::kMember:
        Open("Member");
        Flag(n->As<Member>()->computed, "computed");
        Flag(n->As<Member>()->optional, "optional");
        N(n->As<Member>()->object);
        N(n->As<Member>()->property);
        return Close();
      case Kind::kOptionalChain:
        Open("Chain");
        N(n->As<OptionalChain>()->expression);
        return Close();
      case Kind::kSequence:
        Open("Seq");
        Sequence(n);
        return Close();
      case Kind::kSpread:
        Open("Spread");
        N(n->As<Spread>()->argument);
        return Close();
      case Kind::kYield:
        Open("Yield");
        Flag(n->As<Yield>()->delegate, "delegate");
        N(n->As<Yield>()->argument);
        return Close();
      case Kind::kAwait:
        Open("Await");
        N(n->As<Await>()->argument);
        return Close();
      case Kind::kNewTarget: return Word("new.target");
      case Kind::kImportMeta: return Word("import.meta");
      case Kind::kImportCall:
        Open("Import");
        Flag(n->As<ImportCall>()->source_phase, "source");
        Flag(n->As<ImportCall>()->defer_phase, "defer");
        N(n->As<ImportCall>()->source);
        N(n->As<ImportCall>()->options);
        return Close();
      case Kind::kObjectPattern:
        Open("ObjectPattern");
        for (const PatternProperty& p : n->As<ObjectPattern>()->properties) {
          Open("Prop");
          Key(p.key, p.computed);
          N(p.value);
          Close();
        }
        N(n->As<ObjectPattern>()->rest);
        return Close();
      case Kind::kArrayPattern:
        Open("ArrayPattern");
        Nodes(n->As<ArrayPattern>()->elements);
        N(n->As<ArrayPattern>()->rest);
        return Close();
      case Kind::kAssignmentPattern:
        Open("Default");
        N(n->As<AssignmentPattern>()->target);
        N(n->As<AssignmentPattern>()->default_value);
        return Close();
      case Kind::kRestElement:
        Open("Rest");
        N(n->As<RestElement>()->target);
        return Close();
      case Kind::kVarDecl:
        Open("Var");
        out += ' ' + std::to_string(static_cast<int>(n->As<VarDecl>()->var_kind));
        for (const Declarator& d : n->As<VarDecl>()->declarators) {
          N(d.target);
          N(d.init);
        }
        return Close();
      case Kind::kFunctionDecl:
        Open("FunctionDecl");
        Func(n->As<FunctionDecl>()->function);
        return Close();
      case Kind::kClassDecl:
        Open("ClassDecl");
        Class(n->As<ClassDecl>()->class_node);
        return Close();
      case Kind::kExpressionStatement:
        Open("Expr");
        Flag(n->As<ExpressionStatement>()->directive, "directive");
        N(n->As<ExpressionStatement>()->expression);
        return Close();
      case Kind::kBlock:
        Open("Block");
        Nodes(n->As<Block>()->body);
        return Close();
      case Kind::kEmpty: return Word("empty");
      case Kind::kIf:
        Open("If");
        N(n->As<If>()->test);
        N(n->As<If>()->consequent);
        N(n->As<If>()->alternate);
        return Close();
      case Kind::kFor:
        Open("For");
        N(n->As<For>()->init);
        N(n->As<For>()->test);
        N(n->As<For>()->update);
        N(n->As<For>()->body);
        return Close();
      case Kind::kForIn:
        Open("ForIn");
        N(n->As<ForIn>()->left);
        N(n->As<ForIn>()->right);
        N(n->As<ForIn>()->body);
        return Close();
      case Kind::kForOf:
        Open("ForOf");
        Flag(n->As<ForOf>()->is_await, "await");
        N(n->As<ForOf>()->left);
        N(n->As<ForOf>()->right);
        N(n->As<ForOf>()->body);
        return Close();
      case Kind::kWhile:
        Open("While");
        N(n->As<While>()->test);
        N(n->As<While>()->body);
        return Close();
      case Kind::kDoWhile:
        Open("DoWhile");
        N(n->As<DoWhile>()->body);
        N(n->As<DoWhile>()->test);
        return Close();
      case Kind::kContinue:
        Open("Continue");
        N(n->As<Continue>()->label);
        return Close();
      case Kind::kBreak:
        Open("Break");
        N(n->As<Break>()->label);
        return Close();
      case Kind::kReturn:
        Open("Return");
        N(n->As<Return>()->argument);
        return Close();
      case Kind::kWith:
        Open("With");
        N(n->As<With>()->object);
        N(n->As<With>()->body);
        return Close();
      case Kind::kSwitch:
        Open("Switch");
        N(n->As<Switch>()->discriminant);
        for (const SwitchCase& c : n->As<Switch>()->cases) {
          Open("Case");
          N(c.test);
          Nodes(c.body);
          Close();
        }
        return Close();
      case Kind::kLabeled:
        Open("Labeled");
        N(n->As<Labeled>()->label);
        N(n->As<Labeled>()->body);
        return Close();
      case Kind::kThrow:
        Open("Throw");
        N(n->As<Throw>()->argument);
        return Close();
      case Kind::kTry:
        Open("Try");
        N(n->As<Try>()->block);
        N(n->As<Try>()->param);
        N(n->As<Try>()->handler);
        N(n->As<Try>()->finalizer);
        return Close();
      case Kind::kDebugger: return Word("debugger");
      case Kind::kImportDecl: {
        const auto* d = n->As<ImportDecl>();
        Open("ImportDecl");
        Flag(d->is_source_phase, "source");
        Flag(d->is_defer, "defer");
        out += ' ';
        Str(d->source);
        for (const ImportSpecifier& s : d->specifiers) {
          out += ' ';
          Str(s.imported);
          N(s.local);
        }
        Attributes(d->attributes);
        return Close();
      }
      case Kind::kExportDecl: {
        const auto* d = n->As<ExportDecl>();
        Open("ExportDecl");
        out += ' ' + std::to_string(static_cast<int>(d->export_kind));
        for (const ExportSpecifier& s : d->specifiers) {
          out += ' ';
          Str(s.local);
          out += "->";
          Str(s.exported);
        }
        if (d->has_source) {
          out += " from ";
          Str(d->source);
        }
        Attributes(d->attributes);
        N(d->declaration);
        N(d->expression);
        return Close();
      }
      case Kind::kProgram: {
        const auto* p = n->As<Program>();
        Open("Program");
        Flag(p->is_module, "module");
        Flag(p->strict, "strict");
        Nodes(p->body);
        return Close();
      }
    }
  }
};

}  // namespace

std::string DumpAst(const ast::Program* program) {
  Dumper d;
  d.N(program);
  return d.out;
}

}  // namespace ratchet::internal
