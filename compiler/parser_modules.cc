// Modules (16.2): import and export declarations and the module's early
// errors (duplicate exported names, exports of undeclared bindings,
// ill-formed string export names, duplicate import attributes).
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "compiler/parser_impl.h"
#include "vm/utf8.h"

namespace ratchet::internal {

namespace {

bool IsWellFormed(std::u16string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    char16_t c = s[i];
    if (c >= 0xD800 && c <= 0xDBFF) {
      if (i + 1 >= s.size() || s[i + 1] < 0xDC00 || s[i + 1] > 0xDFFF) return false;
      ++i;
    } else if (c >= 0xDC00 && c <= 0xDFFF) {
      return false;
    }
  }
  return true;
}

}  // namespace

// A ModuleItem: an import or export declaration, or a StatementListItem.
Stmt* Parser::ParseModuleItem() {
  if (IsName(u"import") && !PeekIsPunct("(") && !PeekIsPunct(".")) return ParseImportDeclaration();
  if (IsName(u"export")) return ParseExportDeclaration();
  return ParseStatementListItem();
}

// ModuleExportName: an IdentifierName or a well-formed string literal.
// *is_string tells which.
bool Parser::ParseModuleExportName(Str* out, bool* is_string, Pos* pos) {
  *pos = CurPos();
  *is_string = tok_.type == Tok::kString;
  if (tok_.type != Tok::kString && tok_.type != Tok::kIdentifier) {
    Unexpected();
    return false;
  }
  if (*is_string && !IsWellFormed(tok_.value)) {
    Fail("An export name must be a well-formed Unicode string");
    return false;
  }
  *out = MakeStr(tok_.value);
  Next();
  return true;
}

// FromClause and WithClause, then the semicolon.
bool Parser::ParseModuleSpecifier(Str* source, List<ImportAttribute>* attributes) {
  if (tok_.type != Tok::kString) {
    Unexpected();
    return false;
  }
  *source = MakeStr(tok_.value);
  Next();
  std::vector<ImportAttribute> attrs;
  if (IsName(u"with")) {
    Next();
    if (!Expect("{")) return false;
    std::unordered_set<std::u16string> keys;
    while (!failed_ && !IsPunct("}")) {
      if (tok_.type != Tok::kString && tok_.type != Tok::kIdentifier) {
        Unexpected();
        return false;
      }
      ImportAttribute a;
      std::u16string key = tok_.value;
      if (!keys.insert(key).second) {
        Fail("Import attribute has duplicate key '" + EncodeUtf8(key) + "'");
        return false;
      }
      a.key = MakeStr(key);
      Next();
      if (!Expect(":")) return false;
      if (tok_.type != Tok::kString) {
        Unexpected();
        return false;
      }
      a.value = MakeStr(tok_.value);
      Next();
      attrs.push_back(a);
      if (!IsPunct("}") && !Expect(",")) return false;
    }
    if (!Expect("}")) return false;
  }
  *attributes = MakeList(attrs);
  ConsumeSemicolon();
  return !failed_;
}

// The binding of a phase import (`import source x`, `import defer * as x`)
// and the `from` that follows it.
bool Parser::ParsePhaseImportBinding(std::u16string_view imported, std::vector<ImportSpecifier>* specs) {
  ImportSpecifier s;
  s.pos = CurPos();
  s.imported = MakeStr(imported);
  s.local = ParseIdentifier(true);
  if (s.local == nullptr) return false;
  specs->push_back(s);
  if (!EatName(u"from")) {
    Unexpected();
    return false;
  }
  return true;
}

// 16.2.2 ImportDeclaration.
Stmt* Parser::ParseImportDeclaration() {
  Pos pos = CurPos();
  Next();  // import
  auto* d = Make<ImportDecl>(pos);
  std::vector<ImportSpecifier> specs;
  if (tok_.type == Tok::kIdentifier && !tok_.escaped && tok_.value == u"source") {
    // import source ImportedBinding FromClause: `source` starts the source
    // phase when a binding follows (`import source from from "m"` too);
    // `import source from "m"` is a default import named source.
    Lexer::State saved = lex_.Save();
    Token t1 = lex_.Next();
    bool phase = false;
    if (t1.type == Tok::kIdentifier && !(t1.value == u"from" && !t1.escaped)) {
      phase = true;
    } else if (t1.type == Tok::kIdentifier) {
      Token t2 = lex_.Next();
      phase = t2.type == Tok::kIdentifier && t2.value == u"from" && !t2.escaped;
    }
    lex_.Restore(saved);
    if (phase) {
      Next();  // source
      if (!ParsePhaseImportBinding(kSourcePhaseImportName, &specs)) return nullptr;
      d->is_source_phase = true;
    }
  }
  if (tok_.type == Tok::kIdentifier && !tok_.escaped && tok_.value == u"defer") {
    // import defer NameSpaceImport FromClause (only the namespace form;
    // `import defer from "m"` is a default import named defer).
    Lexer::State saved = lex_.Save();
    Token t1 = lex_.Next();
    lex_.Restore(saved);
    if (t1.type == Tok::kPunct && t1.punct == "*") {
      Next();  // defer
      Next();  // *
      if (!EatName(u"as")) {
        Unexpected();
        return nullptr;
      }
      if (!ParsePhaseImportBinding(kDeferImportName, &specs)) return nullptr;
      d->is_defer = true;
    }
  }
  if (!d->is_source_phase && !d->is_defer && tok_.type != Tok::kString) {
    auto binding = [&](const char16_t* imported, Str imported_str) -> bool {
      ImportSpecifier s;
      s.pos = CurPos();
      s.imported = imported != nullptr ? MakeStr(imported) : imported_str;
      s.local = ParseIdentifier(true);
      if (s.local == nullptr) return false;
      specs.push_back(s);
      return true;
    };
    bool need_more = true;
    if (tok_.type == Tok::kIdentifier) {
      // ImportedDefaultBinding (`import from from "m"` binds `from`).
      if (!binding(u"default", Str{})) return nullptr;
      need_more = Eat(",");
    }
    if (need_more) {
      if (Eat("*")) {
        if (!EatName(u"as")) {
          Unexpected();
          return nullptr;
        }
        if (!binding(u"*", Str{})) return nullptr;
      } else if (Eat("{")) {
        while (!failed_ && !IsPunct("}")) {
          Str name;
          bool is_string;
          Pos npos;
          bool reserved = tok_.type == Tok::kIdentifier && !IsIdentifierToken();
          bool eval_or_arguments = tok_.type == Tok::kIdentifier &&
                                   (tok_.value == u"eval" || tok_.value == u"arguments");
          if (!ParseModuleExportName(&name, &is_string, &npos)) return nullptr;
          if (EatName(u"as")) {
            if (!binding(nullptr, name)) return nullptr;
          } else {
            // ImportSpecifier : ImportedBinding — the name binds itself.
            if (is_string || reserved) {
              FailAt("Unexpected token in import specifier", npos.line, npos.column, npos.offset);
              return nullptr;
            }
            ImportSpecifier s;
            s.pos = npos;
            s.imported = name;
            auto* id = Make<Identifier>(npos);
            id->name = name;
            s.local = Finish(id);
            if (eval_or_arguments) {
              FailNode("Unexpected eval or arguments in strict mode", id);
              return nullptr;
            }
            specs.push_back(s);
          }
          if (!IsPunct("}") && !Expect(",")) return nullptr;
        }
        if (!Expect("}")) return nullptr;
      } else {
        Unexpected();
        return nullptr;
      }
    }
    if (!EatName(u"from")) {
      Unexpected();
      return nullptr;
    }
  }
  if (!ParseModuleSpecifier(&d->source, &d->attributes)) return nullptr;
  d->specifiers = MakeList(specs);
  return Finish(d);
}

// 16.2.3 ExportDeclaration.
Stmt* Parser::ParseExportDeclaration() {
  Pos pos = CurPos();
  Next();  // export
  auto* d = Make<ExportDecl>(pos);
  std::vector<ExportSpecifier> specs;
  if (Eat("*")) {
    d->export_kind = ExportKind::kAll;
    ExportSpecifier s;
    s.pos = CurPos();
    s.local = MakeStr(u"*");
    if (EatName(u"as")) {
      bool is_string;
      if (!ParseModuleExportName(&s.exported, &is_string, &s.pos)) return nullptr;
      specs.push_back(s);
    }
    if (!EatName(u"from")) {
      Unexpected();
      return nullptr;
    }
    d->has_source = true;
    if (!ParseModuleSpecifier(&d->source, &d->attributes)) return nullptr;
  } else if (Eat("{")) {
    d->export_kind = ExportKind::kNamed;
    std::vector<std::pair<Pos, bool>> local_checks;  // (position, local is not an IdentifierReference)
    while (!failed_ && !IsPunct("}")) {
      ExportSpecifier s;
      bool is_string;
      bool reserved = tok_.type == Tok::kIdentifier && !IsIdentifierToken();
      if (!ParseModuleExportName(&s.local, &is_string, &s.pos)) return nullptr;
      local_checks.push_back({s.pos, is_string || reserved});
      s.exported = s.local;
      if (EatName(u"as")) {
        bool exported_string;
        Pos epos;
        if (!ParseModuleExportName(&s.exported, &exported_string, &epos)) return nullptr;
      }
      specs.push_back(s);
      if (!IsPunct("}") && !Expect(",")) return nullptr;
    }
    if (!Expect("}")) return nullptr;
    if (EatName(u"from")) {
      d->has_source = true;
      if (!ParseModuleSpecifier(&d->source, &d->attributes)) return nullptr;
    } else {
      // Without `from`, each local name is an IdentifierReference.
      for (const auto& [p, bad] : local_checks) {
        if (bad) {
          FailAt("A string or reserved word cannot be exported without 'from'", p.line, p.column, p.offset);
          return nullptr;
        }
      }
      ConsumeSemicolon();
    }
  } else if (EatName(u"default")) {
    ExportSpecifier s;
    s.pos = pos;
    s.local = MakeStr(u"*default*");
    s.exported = MakeStr(u"default");
    specs.push_back(s);
    bool async_fn = IsName(u"async") && PeekIsFunctionNoNewline();
    if (IsName(u"function") || async_fn) {
      d->export_kind = ExportKind::kDefaultDecl;
      Pos fpos = CurPos();
      if (async_fn) Next();
      Function* f = ParseFunctionRest(fpos, FunctionKind::kNormal, async_fn, /*declaration=*/false);
      if (f == nullptr) return nullptr;
      auto* fd = Make<FunctionDecl>(fpos);
      fd->function = f;
      d->declaration = Finish(fd);
    } else if (IsName(u"class")) {
      d->export_kind = ExportKind::kDefaultDecl;
      Pos cpos = CurPos();
      Class* c = ParseClass(false);
      if (c == nullptr) return nullptr;
      auto* cd = Make<ClassDecl>(cpos);
      cd->class_node = c;
      d->declaration = Finish(cd);
    } else {
      d->export_kind = ExportKind::kDefaultExpr;
      d->expression = ParseAssignment(true);
      if (d->expression == nullptr) return nullptr;
      ConsumeSemicolon();
    }
  } else {
    d->export_kind = ExportKind::kDeclaration;
    if (IsName(u"var")) {
      d->declaration = ParseVarStatement(ast::VarKind::kVar);
    } else if (IsName(u"let")) {
      d->declaration = ParseVarStatement(ast::VarKind::kLet);
    } else if (IsName(u"const")) {
      d->declaration = ParseVarStatement(ast::VarKind::kConst);
    } else if (IsName(u"function")) {
      d->declaration = ParseFunctionDeclaration(false);
    } else if (IsName(u"async") && PeekIsFunctionNoNewline()) {
      d->declaration = ParseFunctionDeclaration(true);
    } else if (IsName(u"class")) {
      d->declaration = ParseClassDeclaration();
    } else {
      Unexpected();
      return nullptr;
    }
    if (d->declaration == nullptr) return nullptr;
  }
  if (failed_) return nullptr;
  d->specifiers = MakeList(specs);
  return Finish(d);
}

// 16.2.1.1 Static Semantics: Early Errors of Module : ModuleBody.
bool Parser::CheckModule(const std::vector<Stmt*>& items) {
  if (!CheckDeclarations(items, false, nullptr)) return false;
  // Declared names: var, lexical and imported bindings.
  std::unordered_set<std::u16string_view> declared;
  std::vector<Identifier*> names;
  auto add_decl = [&](Node* decl) {
    names.clear();
    if (auto* v = decl->As<VarDecl>()) {
      for (auto& d : v->declarators) CollectNames(d.target, &names);
    } else if (auto* f = decl->As<FunctionDecl>()) {
      if (f->function->name != nullptr) names.push_back(f->function->name);
    } else if (auto* c = decl->As<ClassDecl>()) {
      if (c->class_node->name != nullptr) names.push_back(c->class_node->name);
    }
    for (Identifier* id : names) declared.insert(id->name.view());
  };
  std::vector<Identifier*> vars;
  for (Stmt* s : items) {
    if (auto* imp = s->As<ImportDecl>()) {
      for (const ImportSpecifier& spec : imp->specifiers) declared.insert(spec.local->name.view());
    } else if (auto* e = s->As<ExportDecl>()) {
      if (e->declaration != nullptr) add_decl(e->declaration);
    } else {
      add_decl(s);
    }
    vars.clear();
    CollectVarDeclaredNames(s, &vars);
    for (Identifier* id : vars) declared.insert(id->name.view());
  }
  // ExportedNames are unique; local exports name declared bindings.
  std::unordered_set<std::u16string_view> exported;
  for (Stmt* s : items) {
    auto* e = s->As<ExportDecl>();
    if (e == nullptr) continue;
    auto add_export = [&](std::u16string_view name, Pos p) {
      if (exported.insert(name).second) return true;
      FailAt("Duplicate export of '" + EncodeUtf8(name) + "'", p.line, p.column, p.offset);
      return false;
    };
    if (e->declaration != nullptr && e->export_kind == ExportKind::kDeclaration) {
      names.clear();
      if (auto* v = e->declaration->As<VarDecl>()) {
        for (auto& d : v->declarators) CollectNames(d.target, &names);
      } else if (auto* f = e->declaration->As<FunctionDecl>()) {
        names.push_back(f->function->name);
      } else if (auto* c = e->declaration->As<ClassDecl>()) {
        names.push_back(c->class_node->name);
      }
      for (Identifier* id : names) {
        if (!add_export(id->name.view(), id->pos)) return false;
      }
      continue;
    }
    for (const ExportSpecifier& spec : e->specifiers) {
      if (spec.exported.size == 0 && e->export_kind == ExportKind::kAll) continue;  // export * from
      if (!add_export(spec.exported.view(), spec.pos)) return false;
      if (e->export_kind == ExportKind::kNamed && !e->has_source && declared.count(spec.local.view()) == 0) {
        FailAt("Export '" + EncodeUtf8(spec.local.view()) + "' is not defined in module", spec.pos.line,
               spec.pos.column, spec.pos.offset);
        return false;
      }
    }
  }
  return true;
}

}  // namespace ratchet::internal
