// metric, semantic_model, saved_query: valid dbt methods for resources martflow does not model yet;
// they parse and match nothing (so the "does not match any enabled nodes" warning explains it).
import type { SelectorMethod } from './method-context.js';

export const ignoredMethod: SelectorMethod = function* () {};
