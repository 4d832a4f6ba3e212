// The Jinja engine's public entry point. Import from here (or ./api.js for types only).
export * from './api.js';
export { JinjaEnvironment } from './environment.js';
export { bindArgs } from './bind-args.js';
export { JinjaRenderError, JinjaSyntaxError, ReturnSignal } from './errors.js';
export { Undefined, PyFloat, isUndefined, isDict, truthy, tuple, isTuple, typeName } from './values.js';
export { pyStr, pyRepr } from './repr.js';
export { jsonDumps, type DumpOptions } from './json.js';
export { literalEval } from './filters-text.js';
export { Namespace } from './globals.js';
export { getattr, getitem, call as callPython, iter as pyIter } from './access.js';
export { eq as pyEquals } from './ops.js';
