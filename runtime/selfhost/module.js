// Part of Ratchet's self-hosted library (see core.js): 16.2.1 module
// records — loading, Link(), Evaluate() with top-level await, namespaces,
// import() and import.meta. Records are made by runtime/module.cc:
//   url, body (the module function; undefined for JSON modules), hasTLA,
//   requests / requestTypes / requestDefer (ModuleRequests; [[Phase]]
//   defer: import defer), imports [slot, request,
//   name]*, exports [name, request (-1 local), slot, importName]*,
//   starExports [request]*, loaded (records, by request), status.
// Status: 0 new/unlinked, 1 linking, 2 linked, 3 evaluating,
// 4 evaluating-async, 5 evaluated.

// 16.2.1.5.1 LoadRequestedModules with an asynchronous host: the loads
// of the graph, awaiting each pending one.
async function ModuleLoadGraphAsync(module) {
  const pending = [module];
  let next = 0;
  while (next < pending.length) {
    const m = pending[next++];
    if (m.body === undefined || m.loaded.length === m.requests.length) continue;
    for (let i = m.loaded.length; i < m.requests.length; i++) {
      let required = moduleHostLoad(m, m.requests[i], m.requestTypes[i]);
      if (isPromise(required)) required = await required;
      if (m.loaded.length === i) arrayPush(m.loaded, required);
      arrayPush(pending, required);
    }
  }
}

// 16.2.1.5.1 LoadRequestedModules, with a synchronous host: every module
// of the graph is loaded (or this throws the host's error).
function ModuleLoadGraph(module) {
  const pending = [module];
  let next = 0;
  while (next < pending.length) {
    const m = pending[next++];
    if (m.body === undefined || m.loaded.length === m.requests.length) continue;
    for (let i = m.loaded.length; i < m.requests.length; i++) {
      const required = moduleHostLoad(m, m.requests[i], m.requestTypes[i]);
      arrayPush(m.loaded, required);
      arrayPush(pending, required);
    }
  }
}

// 16.2.1.6.3 ResolveExport ( exportName [ , resolveSet ] ): null, the
// string 'ambiguous', or a resolution [module, slot] (slot -1: the
// module's namespace; -2: its deferred namespace).
function ModuleResolveExport(module, exportName, resolveSet) {
  for (let i = 0; i < resolveSet.length; i += 2) {
    if (resolveSet[i] === module && resolveSet[i + 1] === exportName) return null;  // a circular import request
  }
  arrayPush(resolveSet, module);
  arrayPush(resolveSet, exportName);
  const exports = module.exports;
  for (let i = 0; i < exports.length; i += 4) {
    if (exports[i] !== exportName) continue;
    if (exports[i + 1] === -1) return [module, exports[i + 2]];
    const imported = module.loaded[exports[i + 1]];
    if (exports[i + 3] === '*') return [imported, -1];
    if (exports[i + 3] === '\uD800defer') return [imported, -2];  // a deferred namespace
    return ModuleResolveExport(imported, exports[i + 3], resolveSet);
  }
  if (exportName === 'default') return null;
  let starResolution = null;
  const stars = module.starExports;
  for (let i = 0; i < stars.length; i++) {
    const resolution = ModuleResolveExport(module.loaded[stars[i]], exportName, resolveSet);
    if (resolution === 'ambiguous') return resolution;
    if (resolution === null) continue;
    if (starResolution === null) {
      starResolution = resolution;
    } else if (resolution[0] !== starResolution[0] || resolution[1] !== starResolution[1]) {
      return 'ambiguous';
    }
  }
  return starResolution;
}

// 16.2.1.6.2 GetExportedNames ( [ exportStarSet ] )
function ModuleExportedNames(module, exportStarSet) {
  for (let i = 0; i < exportStarSet.length; i++) {
    if (exportStarSet[i] === module) return [];
  }
  arrayPush(exportStarSet, module);
  const names = [];
  const exports = module.exports;
  for (let i = 0; i < exports.length; i += 4) arrayPush(names, exports[i]);
  const stars = module.starExports;
  for (let i = 0; i < stars.length; i++) {
    const starNames = ModuleExportedNames(module.loaded[stars[i]], exportStarSet);
    for (let j = 0; j < starNames.length; j++) {
      const n = starNames[j];
      if (n !== 'default' && !ListIncludes(names, n)) arrayPush(names, n);
    }
  }
  return names;
}

// 16.2.1.10 GetModuleNamespace ( module )
function GetModuleNamespace(module) {
  if (module.namespace !== undefined) return module.namespace;
  const exportedNames = ModuleExportedNames(module, []);
  const names = [];
  const modules = [];
  const slots = [];
  // Sorted in code unit order (insertion sort: the lists are short).
  for (let i = 0; i < exportedNames.length; i++) {
    const name = exportedNames[i];
    const resolution = ModuleResolveExport(module, name, []);
    if (resolution === null || resolution === 'ambiguous') continue;
    let j = names.length;
    arrayPush(names, name);
    arrayPush(modules, resolution[0]);
    arrayPush(slots, resolution[1]);
    while (j > 0 && names[j - 1] > name) {
      names[j] = names[j - 1];
      modules[j] = modules[j - 1];
      slots[j] = slots[j - 1];
      j--;
    }
    names[j] = name;
    modules[j] = resolution[0];
    slots[j] = resolution[1];
  }
  const ns = moduleNamespaceCreate();
  module.namespace = ns;
  for (let i = 0; i < slots.length; i++) {
    if (slots[i] === -1) modules[i] = GetModuleNamespace(modules[i]);
    if (slots[i] === -2) {
      modules[i] = GetDeferredNamespace(modules[i]);
      slots[i] = -1;
    }
  }
  moduleNamespaceFill(ns, names, modules, slots);
  return ns;
}

function ModuleResolutionError(module, name, resolution) {
  throwSyntaxError(resolution === 'ambiguous'
    ? "The requested module '" + module.url + "' contains conflicting star exports for name '" + name + "'"
    : "The requested module '" + module.url + "' does not provide an export named '" + name + "'");
}

// 16.2.1.6.4 InitializeEnvironment ( ) steps 1-7 (the environment, its
// vars and hoisted functions exist since the module was compiled).
function ModuleInitializeEnvironment(module) {
  const exports = module.exports;
  for (let i = 0; i < exports.length; i += 4) {
    if (exports[i + 1] === -1 || exports[i + 3] === '*') continue;
    const resolution = ModuleResolveExport(module, exports[i], []);
    if (resolution === null || resolution === 'ambiguous') {
      ModuleResolutionError(module.loaded[exports[i + 1]], exports[i + 3], resolution);
    }
  }
  const imports = module.imports;
  for (let i = 0; i < imports.length; i += 3) {
    const slot = imports[i];
    const importedModule = module.loaded[imports[i + 1]];
    const name = imports[i + 2];
    if (name === '\uD800source') {
      // import source x from "m": GetModuleSource() of a module with no
      // source representation throws (a linking error).
      throwSyntaxError("Module '" + importedModule.url + "' has no source phase representation");
    }
    if (name === '*') {
      moduleBindNamespace(module, slot, GetModuleNamespace(importedModule), true);
      continue;
    }
    if (name === '\uD800defer') {
      moduleBindNamespace(module, slot, GetDeferredNamespace(importedModule), true);
      continue;
    }
    const resolution = ModuleResolveExport(importedModule, name, []);
    if (resolution === null || resolution === 'ambiguous') ModuleResolutionError(importedModule, name, resolution);
    if (resolution[1] === -1) {
      moduleBindNamespace(module, slot, GetModuleNamespace(resolution[0]), false);
    } else if (resolution[1] === -2) {
      moduleBindNamespace(module, slot, GetDeferredNamespace(resolution[0]), false);
    } else {
      moduleBindImport(module, slot, resolution[0], resolution[1]);
    }
  }
}

// 16.2.1.5.1 Link ( )
function ModuleLink(module) {
  const stack = [];
  try {
    ModuleInnerLinking(module, stack, 0);
  } catch (e) {
    for (let i = 0; i < stack.length; i++) stack[i].status = 0;
    if (module.status === 1) module.status = 0;
    throw e;
  }
}

// 16.2.1.5.1.1 InnerModuleLinking ( module, stack, index )
function ModuleInnerLinking(module, stack, index) {
  if (module.body === undefined) return index;  // a JSON module: nothing to link
  if (module.status !== 0) return index;
  module.status = 1;
  module.dfsIndex = index;
  module.dfsAncestorIndex = index;
  index++;
  arrayPush(stack, module);
  const loaded = module.loaded;
  for (let i = 0; i < loaded.length; i++) {
    const required = loaded[i];
    index = ModuleInnerLinking(required, stack, index);
    if (required.status === 1 && required.dfsAncestorIndex < module.dfsAncestorIndex) {
      module.dfsAncestorIndex = required.dfsAncestorIndex;
    }
  }
  ModuleInitializeEnvironment(module);
  if (module.dfsAncestorIndex === module.dfsIndex) {
    let done = false;
    while (!done) {
      const r = stack[stack.length - 1];
      setLength(stack, stack.length - 1);
      r.status = 2;
      done = r === module;
    }
  }
  return index;
}

// Evaluate ( ) step 10: every module on the stack failed with `e`.
function ModuleEvaluationFailed(stack, e) {
  for (let i = 0; i < stack.length; i++) {
    const m = stack[i];
    m.status = 5;
    m.hasError = true;
    m.evaluationError = e;
  }
}

// 16.2.1.5.3 Evaluate ( ): a promise for the evaluation of the module and
// its dependencies.
function ModuleEvaluate(module) {
  if ((module.status === 4 || module.status === 5) && module.cycleRoot !== undefined) module = module.cycleRoot;
  if (module.topLevelCapability !== undefined) return module.topLevelCapability[0];
  const stack = [];
  const cap = NewPromiseCapability(intrinsicPromise());
  module.topLevelCapability = cap;
  try {
    ModuleInnerEvaluation(module, stack, 0);
  } catch (e) {
    ModuleEvaluationFailed(stack, e);
    callFunction(cap[2], undefined, e);
    return cap[0];
  }
  if (module.asyncEvaluation !== true) callFunction(cap[1], undefined, undefined);
  return cap[0];
}

// 16.2.1.5.3.1 InnerModuleEvaluation ( module, stack, index )
function ModuleInnerEvaluation(module, stack, index) {
  if (module.body === undefined) return index;  // a JSON module: evaluated when loaded
  if (module.status === 4 || module.status === 5) {
    if (module.hasError === true) throw module.evaluationError;
    return index;
  }
  if (module.status === 3) return index;
  module.status = 3;
  module.dfsIndex = index;
  module.dfsAncestorIndex = index;
  module.pendingAsyncDependencies = 0;
  index++;
  arrayPush(stack, module);
  // import defer: a deferred dependency is not evaluated now, only the
  // asynchronous modules of its graph (GatherAsynchronousTransitiveDependencies).
  let loaded = module.loaded;
  const defer = module.requestDefer;
  if (defer !== undefined && ListIncludes(defer, true)) {
    const list = [];
    for (let i = 0; i < loaded.length; i++) {
      if (defer[i] !== true) {
        arrayPush(list, loaded[i]);
        continue;
      }
      const more = ModuleGatherAsyncDeps(loaded[i], []);
      for (let j = 0; j < more.length; j++) arrayPush(list, more[j]);
    }
    loaded = list;
  }
  for (let i = 0; i < loaded.length; i++) {
    let required = loaded[i];
    index = ModuleInnerEvaluation(required, stack, index);
    if (required.body === undefined) continue;
    if (required.status === 3) {
      if (required.dfsAncestorIndex < module.dfsAncestorIndex) module.dfsAncestorIndex = required.dfsAncestorIndex;
    } else {
      required = required.cycleRoot;
      if (required.hasError === true) throw required.evaluationError;
    }
    if (required.asyncEvaluation === true) {
      module.pendingAsyncDependencies++;
      arrayPush(required.asyncParentModules, module);
    }
  }
  if (module.pendingAsyncDependencies > 0 || module.hasTLA) {
    module.asyncEvaluation = true;
    module.asyncEvaluationOrder = moduleNextAsyncOrder();
    if (module.pendingAsyncDependencies === 0) ModuleExecuteAsync(module);
  } else {
    callFunction(module.body, undefined);
  }
  if (module.dfsAncestorIndex === module.dfsIndex) {
    let done = false;
    while (!done) {
      const r = stack[stack.length - 1];
      setLength(stack, stack.length - 1);
      r.status = r.asyncEvaluation === true ? 4 : 5;
      r.cycleRoot = module;
      done = r === module;
    }
  }
  return index;
}

// import defer: GatherAsynchronousTransitiveDependencies ( module, seen ):
// the modules of the graph that are not evaluated yet and await.
function ModuleGatherAsyncDeps(module, seen) {
  const result = [];
  if (ListIncludes(seen, module)) return result;
  arrayPush(seen, module);
  if (module.body === undefined) return result;
  if (module.status === 3 || module.status === 4 || module.status === 5) return result;
  if (module.hasTLA) {
    arrayPush(result, module);
    return result;
  }
  const loaded = module.loaded;
  for (let i = 0; i < loaded.length; i++) {
    const more = ModuleGatherAsyncDeps(loaded[i], seen);
    for (let j = 0; j < more.length; j++) {
      if (!ListIncludes(result, more[j])) arrayPush(result, more[j]);
    }
  }
  return result;
}

// ReadyForSyncExecution ( module, seen ): nothing of the graph is being
// evaluated or awaits.
function ModuleReadyForSync(module, seen) {
  if (ListIncludes(seen, module)) return true;
  arrayPush(seen, module);
  if (module.body === undefined || module.status === 5) return true;
  if (module.status === 3 || module.status === 4 || module.hasTLA) return false;
  const loaded = module.loaded;
  for (let i = 0; i < loaded.length; i++) {
    if (!ModuleReadyForSync(loaded[i], seen)) return false;
  }
  return true;
}

// GetModuleExportsList of a deferred namespace: the module is evaluated
// now, synchronously (EvaluateSync), or this throws.
function DeferredNamespaceEvaluate(module) {
  if (module.body === undefined) return;
  if (module.status !== 5 && !ModuleReadyForSync(module, [])) {
    throwTypeError("Module '" + module.url + "' cannot be evaluated synchronously now");
  }
  const stack = [];
  try {
    ModuleInnerEvaluation(module, stack, 0);
  } catch (e) {
    ModuleEvaluationFailed(stack, e);
    throw e;
  }
}

// The deferred namespace object of a module (import defer * as ns): its
// internal methods evaluate the module first, except for symbols and
// "then" (IsSymbolLikeNamespaceKey) and the ones that never look at the
// exports. A proxy over a frozen stand-in with the same keys (the
// exports, writable and non-configurable, and @@toStringTag "Deferred
// Module"), whose traps consult the module's real namespace.
function GetDeferredNamespace(module) {
  if (module.deferredNamespace !== undefined) return module.deferredNamespace;
  const real = GetModuleNamespace(module);
  const target = newRecord();
  const keys = ownKeys(real);
  const defineProperty = reflectOp(5);
  for (let i = 0; i < keys.length; i++) {
    if (typeof keys[i] === 'symbol') continue;
    callFunction(defineProperty, undefined, target, keys[i],
                 { __proto__: null, value: undefined, writable: true, enumerable: true, configurable: false });
  }
  callFunction(defineProperty, undefined, target, symToStringTag,
               { __proto__: null, value: 'Deferred Module', writable: false, enumerable: false, configurable: false });
  callFunction(reflectOp(3), undefined, target);
  const symbolLike = (key) => typeof key === 'symbol' || key === 'then';
  const handler = newRecord();
  handler.getOwnPropertyDescriptor = (t, key) => {
    if (symbolLike(key)) return callFunction(reflectOp(4), undefined, t, key);
    DeferredNamespaceEvaluate(module);
    return callFunction(reflectOp(4), undefined, real, key);
  };
  handler.defineProperty = (t, key, desc) => {
    if (symbolLike(key)) return callFunction(defineProperty, undefined, t, key, desc);
    DeferredNamespaceEvaluate(module);
    return callFunction(defineProperty, undefined, real, key, desc);
  };
  handler.has = (t, key) => {
    if (symbolLike(key)) return callFunction(reflectOp(6), undefined, t, key);
    DeferredNamespaceEvaluate(module);
    return callFunction(reflectOp(6), undefined, real, key);
  };
  handler.get = (t, key, receiver) => {
    if (symbolLike(key)) return callFunction(reflectOp(7), undefined, t, key, receiver);
    DeferredNamespaceEvaluate(module);
    return callFunction(reflectOp(7), undefined, real, key);
  };
  handler.set = () => false;
  handler.deleteProperty = (t, key) => {
    if (symbolLike(key)) return callFunction(reflectOp(9), undefined, t, key);
    DeferredNamespaceEvaluate(module);
    return callFunction(reflectOp(9), undefined, real, key);
  };
  handler.ownKeys = () => {
    DeferredNamespaceEvaluate(module);
    return callFunction(reflectOp(10), undefined, real);
  };
  const ns = proxyCreate(target, handler);
  module.deferredNamespace = ns;
  return ns;
}

// 16.2.1.5.3.2 ExecuteAsyncModule ( module )
function ModuleExecuteAsync(module) {
  const promise = callFunction(module.body, undefined);
  performPromiseThen(promise, () => { ModuleAsyncFulfilled(module); },
                     (e) => { ModuleAsyncRejected(module, e); }, undefined, undefined, undefined);
}

// 16.2.1.5.3.3 GatherAvailableAncestors ( module, execList )
function ModuleGatherAncestors(module, execList) {
  const parents = module.asyncParentModules;
  for (let i = 0; i < parents.length; i++) {
    const m = parents[i];
    if (ListIncludes(execList, m) || m.cycleRoot.hasError === true) continue;
    m.pendingAsyncDependencies--;
    if (m.pendingAsyncDependencies === 0) {
      arrayPush(execList, m);
      if (!m.hasTLA) ModuleGatherAncestors(m, execList);
    }
  }
}

// 16.2.1.5.3.4 AsyncModuleExecutionFulfilled ( module )
function ModuleAsyncFulfilled(module) {
  if (module.status === 5) return;  // it failed meanwhile
  module.asyncEvaluation = false;
  module.status = 5;
  if (module.topLevelCapability !== undefined) callFunction(module.topLevelCapability[1], undefined, undefined);
  const execList = [];
  ModuleGatherAncestors(module, execList);
  // Sorted by [[AsyncEvaluationOrder]].
  for (let i = 1; i < execList.length; i++) {
    const m = execList[i];
    let j = i;
    while (j > 0 && execList[j - 1].asyncEvaluationOrder > m.asyncEvaluationOrder) {
      execList[j] = execList[j - 1];
      j--;
    }
    execList[j] = m;
  }
  for (let i = 0; i < execList.length; i++) {
    const m = execList[i];
    if (m.status === 5) continue;
    if (m.hasTLA) {
      ModuleExecuteAsync(m);
      continue;
    }
    try {
      callFunction(m.body, undefined);
    } catch (e) {
      ModuleAsyncRejected(m, e);
      continue;
    }
    m.asyncEvaluation = false;
    m.status = 5;
    if (m.topLevelCapability !== undefined) callFunction(m.topLevelCapability[1], undefined, undefined);
  }
}

// 16.2.1.5.3.5 AsyncModuleExecutionRejected ( module, error )
function ModuleAsyncRejected(module, error) {
  if (module.status === 5) return;
  module.hasError = true;
  module.evaluationError = error;
  module.status = 5;
  const parents = module.asyncParentModules;
  for (let i = 0; i < parents.length; i++) ModuleAsyncRejected(parents[i], error);
  if (module.topLevelCapability !== undefined) callFunction(module.topLevelCapability[2], undefined, error);
}

// The task of an entry module (the embedding API): load, link, evaluate.
// Returns the evaluation promise.
function ModuleRun(module) {
  if (moduleHostIsAsync()) return ModuleRunAsync(module);
  ModuleLoadGraph(module);
  ModuleLink(module);
  return ModuleEvaluate(module);
}

async function ModuleRunAsync(module) {
  await ModuleLoadGraphAsync(module);
  ModuleLink(module);
  return await ModuleEvaluate(module);
}

// 13.3.10.2 EvaluateImportCall, steps after the argument values:
// referrer is the importing module record or script name.
// sourcePhase false: import.defer(specifier), whose promise gets the
// deferred namespace (ContinueDynamicImport).
// sourcePhase true: import.source(specifier), whose promise gets the module's
// source object (GetModuleSource): modules of source text, JSON and the
// host's have none, so it rejects with a SyntaxError once loaded.
function DynamicImport(referrer, specifier, options, sourcePhase) {
  const cap = NewPromiseCapability(intrinsicPromise());
  let specifierString;
  let type;
  try {
    specifierString = ToStringSlow(specifier);
    if (options !== undefined) {
      if (!isObject(options)) throwTypeError('The second argument of import() must be an object');
      const attributesObj = options.with;
      if (attributesObj !== undefined) {
        if (!isObject(attributesObj)) throwTypeError("The 'with' option of import() must be an object");
        const keys = ownKeys(attributesObj);
        for (let i = 0; i < keys.length; i++) {
          const key = keys[i];
          if (typeof key !== 'string' || !isEnumerable(attributesObj, key)) continue;
          const value = attributesObj[key];
          if (typeof value !== 'string') throwTypeError('Import attribute values must be strings');
          if (key === 'type') {
            type = value;
          } else {
            throwSyntaxError("Unsupported import attribute '" + key + "'");
          }
        }
      }
    }
  } catch (e) {
    callFunction(cap[2], undefined, e);
    return cap[0];
  }
  if (moduleHostIsAsync()) {
    DynamicImportAsync(cap, referrer, specifierString, type, sourcePhase);
    return cap[0];
  }
  let module;
  try {
    module = moduleHostLoad(referrer, specifierString, type);
    if (sourcePhase) {
      ContinueSourcePhaseImport(cap, module);
      return cap[0];
    }
    ModuleLoadGraph(module);
  } catch (e) {
    callFunction(cap[2], undefined, e);
    return cap[0];
  }
  const loadPromise = newPromise();
  fulfillPromise(loadPromise, undefined);
  ContinueDynamicImport(cap, module, loadPromise, sourcePhase === false);
  return cap[0];
}

async function DynamicImportAsync(cap, referrer, specifierString, type, sourcePhase) {
  let module;
  try {
    module = moduleHostLoad(referrer, specifierString, type);
    if (isPromise(module)) module = await module;
    if (sourcePhase) {
      ContinueSourcePhaseImport(cap, module);
      return;
    }
    await ModuleLoadGraphAsync(module);
  } catch (e) {
    callFunction(cap[2], undefined, e);
    return;
  }
  const loadPromise = newPromise();
  fulfillPromise(loadPromise, undefined);
  ContinueDynamicImport(cap, module, loadPromise, sourcePhase === false);
}

// ContinueDynamicImport for the source phase: GetModuleSource() of a
// module with no source representation throws, a job after loading.
function ContinueSourcePhaseImport(cap, module) {
  const loadPromise = newPromise();
  fulfillPromise(loadPromise, undefined);
  performPromiseThen(loadPromise, () => {
    try {
      throwSyntaxError("Module '" + module.url + "' has no source phase representation");
    } catch (e) {
      callFunction(cap[2], undefined, e);
    }
  }, undefined, undefined, undefined, undefined);
}

// 16.2.1.11 ContinueDynamicImport: linking and evaluation happen once the
// loading promise has settled (a job later). import.defer (`defer`):
// only the graph's asynchronous modules are evaluated, then the promise
// gets the deferred namespace.
function ContinueDynamicImport(cap, module, loadPromise, defer) {
  performPromiseThen(loadPromise, () => {
    try {
      ModuleLink(module);
    } catch (e) {
      callFunction(cap[2], undefined, e);
      return;
    }
    if (defer) {
      const list = ModuleGatherAsyncDeps(module, []);
      let remaining = list.length;
      const done = () => { callFunction(cap[1], undefined, GetDeferredNamespace(module)); };
      if (remaining === 0) {
        done();
        return;
      }
      for (let i = 0; i < list.length; i++) {
        performPromiseThen(ModuleEvaluate(list[i]), () => { if (--remaining === 0) done(); },
                           (e) => { callFunction(cap[2], undefined, e); }, undefined, undefined, undefined);
      }
      return;
    }
    const evaluatePromise = ModuleEvaluate(module);
    performPromiseThen(evaluatePromise, () => {
      callFunction(cap[1], undefined, GetModuleNamespace(module));
    }, (e) => { callFunction(cap[2], undefined, e); }, undefined, undefined, undefined);
  }, undefined, undefined, undefined, undefined);
}

// 13.3.12.1 import.meta: a null-prototype object with the module's url
// and the properties the host adds (HostGetImportMetaProperties).
function ImportMeta(module) {
  if (module.meta === undefined) {
    const meta = newRecord();
    createDataProperty(meta, 'url', module.url);
    const extra = moduleImportMetaProperties(module.url);
    for (let i = 0; i < extra.length; i += 2) createDataProperty(meta, extra[i], extra[i + 1]);
    module.meta = meta;
  }
  return module.meta;
}
