// The public surface of src/graph: the DAG, the selector language, and ls formatting.
export { Graph } from './graph.js';
export { buildParentChildMaps } from './parent-child-maps.js';
export { ReadyQueue, isEphemeral } from './ready-queue.js';
export type { ReadyQueueOptions } from './ready-queue.js';
export { parseSelection, parseUnion, parseCriteria, DEFAULT_INCLUDES } from './parse-selection.js';
export { resolveSelector, defaultSelector } from './selectors-yaml.js';
export { selectionSpecFor } from './selection-for-args.js';
export type { SelectionArgs } from './selection-for-args.js';
export type { Selectors } from './selectors-yaml.js';
export { selectNodes, isEmptyNode } from './select-nodes.js';
export { lsResourceTypes, LS_DEFAULT_RESOURCE_TYPES, LS_ALL_RESOURCE_TYPES } from './ls-resource-types.js';
export type { SelectOptions, SelectionResult } from './select-nodes.js';
export { formatList, selectorOf, searchName } from './format-list.js';
export type { ListOutput } from './format-list.js';
export { difference, union, intersection, METHOD_NAMES, INDIRECT_SELECTION_MODES } from './selection-spec.js';
export type { SelectionSpec, SelectionCriteria, SelectionSet, IndirectSelection, MethodName } from './selection-spec.js';
export type { RunResultsLike, SourcesLike } from './methods/index.js';
