// Declaration early errors: redeclarations in statement lists (14.2.1,
// 14.12.1, 15.2.1, 16.1.1 and their Annex B relaxations B.3.2.4, B.3.4),
// catch parameters, lexical for-heads, and labelled functions as bodies
// (14.6.1 / 14.7.1.1 IsLabelledFunction).
#include <string>
#include <unordered_map>
#include <vector>

#include "compiler/parser_impl.h"
#include "vm/utf8.h"

namespace ratchet::internal {

namespace {

// The function declaration at the end of a chain of labels, or null.
FunctionDecl* LabelledFunction(Node* s) {
  while (s != nullptr && s->Is<Labeled>()) s = s->As<Labeled>()->body;
  return s != nullptr && s->Is<FunctionDecl>() ? s->As<FunctionDecl>() : nullptr;
}

// VarDeclaredNames of a statement (not entering functions); the callback's
// second argument marks the names a `for (var x of ...)` head binds.
template <typename F>
void VarNames(Node* n, F&& add) {
  if (n == nullptr) return;
  auto each = [&](const List<Stmt*>& body) {
    for (Node* s : body) VarNames(s, add);
  };
  switch (n->kind) {
    case ast::Kind::kVarDecl: {
      auto* d = n->As<VarDecl>();
      if (d->var_kind == ast::VarKind::kVar) {
        for (auto& decl : d->declarators) add(decl.target, false);
      }
      break;
    }
    case ast::Kind::kBlock: each(n->As<Block>()->body); break;
    case ast::Kind::kIf:
      VarNames(n->As<If>()->consequent, add);
      VarNames(n->As<If>()->alternate, add);
      break;
    case ast::Kind::kFor:
      VarNames(n->As<For>()->init, add);
      VarNames(n->As<For>()->body, add);
      break;
    case ast::Kind::kForIn:
      VarNames(n->As<ForIn>()->left, add);
      VarNames(n->As<ForIn>()->body, add);
      break;
    case ast::Kind::kForOf: {
      Node* left = n->As<ForOf>()->left;
      if (left != nullptr && left->Is<VarDecl>() && left->As<VarDecl>()->var_kind == ast::VarKind::kVar) {
        for (auto& decl : left->As<VarDecl>()->declarators) add(decl.target, true);
      }
      VarNames(n->As<ForOf>()->body, add);
      break;
    }
    case ast::Kind::kWhile: VarNames(n->As<While>()->body, add); break;
    case ast::Kind::kDoWhile: VarNames(n->As<DoWhile>()->body, add); break;
    case ast::Kind::kLabeled: VarNames(n->As<Labeled>()->body, add); break;
    case ast::Kind::kWith: VarNames(n->As<With>()->body, add); break;
    case ast::Kind::kSwitch:
      for (auto& c : n->As<Switch>()->cases) each(c.body);
      break;
    case ast::Kind::kTry: {
      auto* t = n->As<Try>();
      VarNames(t->block, add);
      VarNames(t->handler, add);
      VarNames(t->finalizer, add);
      break;
    }
    case ast::Kind::kExportDecl:
      VarNames(n->As<ExportDecl>()->declaration, add);
      break;
    default:
      break;
  }
}

}  // namespace

void Parser::CollectVarDeclaredNames(Node* n, std::vector<Identifier*>* out) {
  VarNames(n, [&](Node* target, bool) { CollectNames(target, out); });
}

bool Parser::Redeclared(const Identifier* id) {
  FailNode("Identifier '" + EncodeUtf8(id->name.view()) + "' has already been declared", id);
  return false;
}

bool Parser::CheckDeclarations(const std::vector<Stmt*>& body, bool top_level, const List<Expr*>* params) {
  struct Lexical {
    Identifier* id;
    bool plain_function;  // a FunctionDeclaration (not async, not a generator)
  };
  std::unordered_map<std::u16string_view, Lexical> lexical;
  auto declare = [&](Identifier* id, bool plain_function) {
    auto [it, inserted] = lexical.emplace(id->name.view(), Lexical{id, plain_function});
    if (inserted) return true;
    // B.3.2.4: sloppy blocks may repeat plain function declarations.
    if (!strict() && !top_level && plain_function && it->second.plain_function) return true;
    return Redeclared(id);
  };
  std::vector<Identifier*> names;
  for (Stmt* item : body) {
    Stmt* s = item;
    if (auto* imp = item->As<ImportDecl>()) {
      for (const ImportSpecifier& spec : imp->specifiers) {
        if (!declare(spec.local, false)) return false;
      }
      continue;
    }
    if (auto* e = item->As<ExportDecl>()) {
      s = e->declaration;
      if (s == nullptr) continue;
      // export default function () {} / class {} bind only *default*.
      if (auto* f = s->As<FunctionDecl>(); f != nullptr && f->function->name == nullptr) continue;
      if (auto* c = s->As<ClassDecl>(); c != nullptr && c->class_node->name == nullptr) continue;
    }
    if (auto* d = s->As<VarDecl>(); d != nullptr && d->var_kind != ast::VarKind::kVar) {
      names.clear();
      for (auto& decl : d->declarators) CollectNames(decl.target, &names);
      for (Identifier* id : names) {
        if (!declare(id, false)) return false;
      }
    } else if (auto* c = s->As<ClassDecl>(); c != nullptr && c->class_node->name != nullptr) {
      if (!declare(c->class_node->name, false)) return false;
    } else if (FunctionDecl* f = LabelledFunction(s); f != nullptr && !top_level) {
      if (!declare(f->function->name, !f->function->is_async && !f->function->is_generator)) return false;
    }
  }
  if (lexical.empty()) return true;
  // Lexical names may not also be var names (functions are var-scoped at a
  // function's or script's top level) or parameters.
  bool ok = true;
  auto check_var = [&](Node* target, bool) {
    if (!ok) return;
    std::vector<Identifier*> bound;
    CollectNames(target, &bound);
    for (Identifier* id : bound) {
      if (ok && lexical.count(id->name.view()) != 0) ok = Redeclared(id);
    }
  };
  for (Stmt* s : body) {
    VarNames(s, check_var);
    if (top_level) {
      if (FunctionDecl* f = LabelledFunction(s); f != nullptr) check_var(f->function->name, false);
    }
    if (!ok) return false;
  }
  if (params != nullptr) {
    for (Node* p : *params) check_var(p, false);
  }
  return ok;
}

bool Parser::CheckSwitchDeclarations(const List<SwitchCase>& cases) {
  std::vector<Stmt*> all;
  for (const SwitchCase& c : cases) all.insert(all.end(), c.body.begin(), c.body.end());
  return CheckDeclarations(all, false, nullptr);
}

bool Parser::CheckCatchDeclarations(Try* t) {
  if (t->param == nullptr || t->handler == nullptr) return true;
  std::vector<Identifier*> params;
  CollectNames(t->param, &params);
  std::unordered_map<std::u16string_view, Identifier*> names;
  for (Identifier* id : params) {
    if (!names.emplace(id->name.view(), id).second) return Redeclared(id);
  }
  // The block's lexical declarations may not rebind the parameter.
  for (Stmt* s : t->handler->body) {
    std::vector<Identifier*> lexical;
    if (auto* d = s->As<VarDecl>(); d != nullptr && d->var_kind != ast::VarKind::kVar) {
      for (auto& decl : d->declarators) CollectNames(decl.target, &lexical);
    } else if (auto* c = s->As<ClassDecl>(); c != nullptr && c->class_node->name != nullptr) {
      lexical.push_back(c->class_node->name);
    } else if (FunctionDecl* f = LabelledFunction(s)) {
      lexical.push_back(f->function->name);
    }
    for (Identifier* id : lexical) {
      if (names.count(id->name.view()) != 0) return Redeclared(id);
    }
  }
  // B.3.4: var may rebind a simple catch parameter.
  if (t->param->Is<Identifier>()) return true;
  bool ok = true;
  VarNames(t->handler, [&](Node* target, bool) {
    if (!ok) return;
    std::vector<Identifier*> bound;
    CollectNames(target, &bound);
    for (Identifier* id : bound) {
      if (ok && names.count(id->name.view()) != 0) ok = Redeclared(id);
    }
  });
  return ok;
}

bool Parser::CheckForDeclarations(Node* head, Stmt* body) {
  auto* d = head != nullptr ? head->As<VarDecl>() : nullptr;
  if (d == nullptr || d->var_kind == ast::VarKind::kVar) return true;
  std::vector<Identifier*> bound;
  for (auto& decl : d->declarators) CollectNames(decl.target, &bound);
  std::unordered_map<std::u16string_view, Identifier*> names;
  for (Identifier* id : bound) {
    if (!names.emplace(id->name.view(), id).second) return Redeclared(id);
  }
  bool ok = true;
  VarNames(body, [&](Node* target, bool) {
    if (!ok) return;
    std::vector<Identifier*> vars;
    CollectNames(target, &vars);
    for (Identifier* id : vars) {
      if (ok && names.count(id->name.view()) != 0) ok = Redeclared(id);
    }
  });
  return ok;
}

bool Parser::CheckNotLabelledFunction(Stmt* s) {
  if (s == nullptr || !s->Is<Labeled>() || LabelledFunction(s) == nullptr) return true;
  FailNode("Labelled function declarations are not allowed as the body of a statement", s);
  return false;
}

}  // namespace ratchet::internal
