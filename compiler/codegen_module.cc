// Bytecode generation for module bodies (16.2.1.6 Source Text Module
// Records): the body runs in an environment the runtime builds at
// instantiation, where import bindings, hoisted functions and `var`s are
// already in place; the layout tells the runtime where everything lives.
#include "compiler/codegen_internal.h"

namespace ratchet::internal {

using namespace ast;  // NOLINT: node names read best unqualified here

namespace {

const std::u16string_view kDefaultBinding = u"*default*";

uint32_t RequestIndex(ModuleLayout* layout, const Str& specifier, const List<ImportAttribute>& attributes,
                      bool defer = false) {
  ModuleLayout::Request r;
  r.specifier = std::u16string(specifier.view());
  r.defer = defer;
  for (const auto& a : attributes) r.attributes.emplace_back(std::u16string(a.key.view()), std::u16string(a.value.view()));
  // 16.2.1.3 ModuleRequestsEqual: the same specifier and attributes, in
  // any order.
  auto same = [&](const ModuleLayout::Request& o) {
    if (o.specifier != r.specifier || o.attributes.size() != r.attributes.size() || o.defer != r.defer) {
      return false;
    }
    for (const auto& kv : r.attributes) {
      bool found = false;
      for (const auto& ov : o.attributes) found = found || ov == kv;
      if (!found) return false;
    }
    return true;
  };
  for (uint32_t i = 0; i < layout->requests.size(); ++i) {
    if (same(layout->requests[i])) return i;
  }
  layout->requests.push_back(std::move(r));
  return static_cast<uint32_t>(layout->requests.size() - 1);
}

}  // namespace

std::unique_ptr<CompiledFunction> CompileModule(Program* program, CompileError* error, ModuleLayout* layout) {
  ScopeInfo info;
  if (!info.Analyze(program, false, {}, error)) return nullptr;
  auto out = std::make_unique<CompiledFunction>();
  out->kind = CodeKind::kScript;
  out->strict = true;
  out->is_async = program->has_await;
  out->source_start = 0;
  out->source_end = program->end;
  // The module's own function: what `await` and `return` consult.
  Function self;
  self.is_async = program->has_await;
  self.strict = true;
  self.body = program->body;
  const CompileOptions options;  // outlives g, which keeps a reference
  Generator g(info, error, options, out.get(), nullptr);
  if (!g.CompileModuleBody(program, &self, layout)) return nullptr;
  return out;
}

bool Generator::CompileModuleBody(Program* program, const Function* f, ModuleLayout* layout) {
  Scope* ms = info_.script_scope();
  function_ = f;
  function_scope_ = ms;
  layout->has_await = f->is_async;
  layout->env_size = ms->env_size;
  // ModuleRequests, in source order.
  for (Node* s : program->body) {
    if (auto* im = s->As<ImportDecl>()) {
      RequestIndex(layout, im->source, im->attributes, im->is_defer);
    } else if (auto* e = s->As<ExportDecl>(); e != nullptr && e->has_source) {
      RequestIndex(layout, e->source, e->attributes);
    }
  }
  for (Node* s : program->body) {
    if (auto* im = s->As<ImportDecl>()) {
      uint32_t req = RequestIndex(layout, im->source, im->attributes, im->is_defer);
      for (auto& sp : im->specifiers) {
        Variable* v = info_.Binding(sp.local);
        layout->imports.push_back({v->index, req, std::u16string(sp.imported.view())});
      }
    }
  }
  // Export entries (16.2.1.6.1 ParseModule steps 10-11: a local export of
  // an imported binding is re-exported from its module).
  for (Node* s : program->body) {
    auto* e = s->As<ExportDecl>();
    if (e == nullptr) continue;
    auto local = [&](std::u16string_view export_name, std::u16string_view local_name) {
      Variable* v = ms->Find(local_name);
      if (v == nullptr) return;  // the parser checked every local export exists
      // An import (named or namespace) re-exported: an indirect export of
      // the imported module's binding (or namespace).
      if (v->kind == BindingKind::kImport || v->kind == BindingKind::kConst) {
        for (const auto& imp : layout->imports) {
          if (imp.slot == v->index) {
            layout->exports.push_back({std::u16string(export_name), imp.request, 0, imp.name});
            return;
          }
        }
      }
      layout->exports.push_back({std::u16string(export_name), ModuleLayout::kLocal, v->index, u""});
    };
    switch (e->export_kind) {
      case ExportKind::kNamed:
        for (auto& sp : e->specifiers) {
          if (e->has_source) {
            uint32_t req = RequestIndex(layout, e->source, e->attributes);
            layout->exports.push_back({std::u16string(sp.exported.view()), req, 0, std::u16string(sp.local.view())});
          } else {
            local(sp.exported.view(), sp.local.view());
          }
        }
        break;
      case ExportKind::kAll: {
        uint32_t req = RequestIndex(layout, e->source, e->attributes);
        if (e->specifiers.size == 0) {
          layout->star_exports.push_back(req);
        } else {
          layout->exports.push_back({std::u16string(e->specifiers[0].exported.view()), req, 0, u"*"});
        }
        break;
      }
      case ExportKind::kDeclaration: {
        std::vector<Identifier*> names;
        if (auto* d = e->declaration->As<VarDecl>()) {
          for (auto& decl : d->declarators) CollectBoundNames(decl.target, &names);
        } else if (auto* fd = e->declaration->As<FunctionDecl>()) {
          names.push_back(fd->function->name);
        } else if (auto* cd = e->declaration->As<ClassDecl>()) {
          names.push_back(cd->class_node->name);
        }
        for (Identifier* id : names) local(id->name.view(), id->name.view());
        break;
      }
      case ExportKind::kDefaultExpr:
        local(u"default", kDefaultBinding);
        break;
      case ExportKind::kDefaultDecl: {
        Identifier* name = nullptr;
        if (auto* fd = e->declaration->As<FunctionDecl>()) name = fd->function->name;
        if (auto* cd = e->declaration->As<ClassDecl>()) name = cd->class_node->name;
        local(u"default", name != nullptr ? name->name.view() : kDefaultBinding);
        break;
      }
    }
  }
  for (Variable* v : ms->vars) {
    if (v->kind == BindingKind::kVar) layout->var_slots.push_back(v->index);
  }
  // Hoisted functions: compiled here, instantiated by the runtime.
  for (Node* s : program->body) {
    auto* fd = s->As<FunctionDecl>();
    if (auto* e = s->As<ExportDecl>(); e != nullptr && e->declaration != nullptr) {
      fd = e->declaration->As<FunctionDecl>();
    }
    if (fd == nullptr) continue;
    Variable* v = fd->function->name != nullptr ? info_.Binding(fd->function->name) : ms->Find(kDefaultBinding);
    std::u16string_view name = fd->function->name != nullptr ? fd->function->name->name.view() : u"default";
    uint32_t k = CompileNestedFunction(fd->function, CodeKind::kFunction, name);
    if (failed_) return false;
    layout->functions.push_back({v->index, k});
  }

  // The body: an async function's prologue when it awaits.
  uint32_t async_try_start = 0;
  if (f->is_async) {
    gen_reg_ = AllocReg();
    promise_reg_ = AllocReg();
    b_.EmitGeneratorCreate(promise_reg_);
    b_.EmitLdGenerator(gen_reg_);
    async_try_start = static_cast<uint32_t>(b_.size());
  }
  scope_ = ms;
  for (Variable* v : ms->vars) {
    if (v->kind == BindingKind::kThis || v->kind == BindingKind::kNewTarget) {
      RegScope rs(this);
      uint32_t t = rs.Temp();
      b_.EmitLdUndef(t);  // `this` is undefined at the top of a module
      StoreVariable(v, nullptr, t, true);
    }
  }
  if (int kind = UsingKind(program->body)) {
    WithDisposal([&] { Statements(program->body); }, kind == 2);
  } else {
    Statements(program->body);
  }
  if (failed_) return false;
  {
    RegScope rs(this);
    uint32_t t = rs.Temp();
    b_.EmitLdUndef(t);
    EmitReturn(t);
  }
  if (f->is_async) {
    uint32_t try_end = static_cast<uint32_t>(b_.size());
    RegScope rs(this);
    uint32_t e = rs.Temp();
    b_.EmitCatch(e);
    CallHelper(Helper::kAsyncFunctionReject, e, {promise_reg_, e});
    b_.EmitReturn(promise_reg_);
    out_->handlers.push_back({async_try_start, try_end, try_end});
  }
  out_->bytecode = std::move(b_.bytes());
  return true;
}

void Generator::ExportStatement(ExportDecl* e) {
  switch (e->export_kind) {
    case ExportKind::kNamed:
    case ExportKind::kAll:
      return;
    case ExportKind::kDeclaration:
      Statement(e->declaration);
      return;
    case ExportKind::kDefaultDecl: {
      auto* cd = e->declaration->As<ClassDecl>();
      if (cd == nullptr) return;  // a hoisted function
      if (cd->class_node->name != nullptr) {
        Statement(cd);
        return;
      }
      RegScope rs(this);
      uint32_t t = rs.Temp();
      ClassExpr(cd->class_node, t, u"default");
      StoreVariable(info_.script_scope()->Find(kDefaultBinding), nullptr, t, true);
      return;
    }
    case ExportKind::kDefaultExpr: {
      RegScope rs(this);
      uint32_t t = rs.Temp();
      GenNamed(e->expression, t, u"default");
      StoreVariable(info_.script_scope()->Find(kDefaultBinding), nullptr, t, true);
      return;
    }
  }
}

}  // namespace ratchet::internal
