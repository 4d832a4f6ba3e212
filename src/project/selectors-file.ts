// selectors.yml: YAML selector definitions, validated and kept as data (src/graph evaluates them).
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { YamlRenderer } from './loaded-project.js';
import type { SelectorDefinition } from './manifest-types.js';
import { renderTree } from './render-yaml.js';
import { isRecord, locationOf, parseYaml } from './yaml-source.js';
import { didYouMean } from '../util/did-you-mean.js';
import { UserError } from '../util/errors.js';
import type { ErrorCollector, SourceLocation } from '../util/errors.js';

export const SELECTOR_METHODS = [
  'tag', 'source', 'path', 'file', 'fqn', 'package', 'config', 'test_name', 'test_type', 'state', 'exposure', 'metric',
  'result', 'source_status', 'group', 'access', 'version', 'semantic_model', 'saved_query', 'unit_test', 'resource_type', 'selector',
];
const METHOD_KEYS = ['method', 'value', 'children', 'parents', 'children_depth', 'parents_depth', 'childrens_parents', 'indirect_selection', 'description'];
const INDIRECT = ['eager', 'cautious', 'buildable', 'empty'];

function err(errors: ErrorCollector, message: string, location: SourceLocation, hint?: string): void {
  errors.add(new UserError(message, { location, hint }));
}

/** Validates one definition node; `inSet` says whether `exclude:` is allowed here. */
function checkDefinition(def: unknown, errors: ErrorCollector, loc: SourceLocation, inSet: boolean): void {
  if (typeof def === 'string') return; // CLI-style selection string, parsed by the selector engine
  if (!isRecord(def)) {
    err(errors, `a selector definition must be a string or a mapping, got ${JSON.stringify(def)}`, loc);
    return;
  }
  const keys = Object.keys(def);
  if ('union' in def || 'intersection' in def) {
    const key = 'union' in def ? 'union' : 'intersection';
    const items = def[key];
    if (keys.length !== 1) err(errors, `'${key}' must be the only key of its mapping`, loc);
    if (!Array.isArray(items)) {
      err(errors, `'${key}' must be a list of definitions`, locationOf(def, key, loc));
      return;
    }
    items.forEach((item, i) => checkDefinition(item, errors, locationOf(items, i, loc), true));
    return;
  }
  if ('exclude' in def) {
    if (!inSet) err(errors, "'exclude' can only appear inside a union or intersection list", locationOf(def, 'exclude', loc), 'Wrap it: union: [<what to select>, {exclude: [...]}].');
    const items = def.exclude;
    if (!Array.isArray(items)) err(errors, "'exclude' must be a list of definitions", locationOf(def, 'exclude', loc));
    else items.forEach((item, i) => checkDefinition(item, errors, locationOf(items, i, loc), true));
    return;
  }
  if (!('method' in def)) {
    // Shorthand {tag: nightly}: one key naming the method.
    const methodKeys = keys.filter((k) => !METHOD_KEYS.includes(k));
    if (methodKeys.length !== 1) {
      err(errors, 'a selector definition needs method: and value: (or one key naming the method)', loc, 'Example: {method: tag, value: nightly}.');
      return;
    }
    checkMethod(methodKeys[0]!, errors, locationOf(def, methodKeys[0]!, loc));
  } else {
    if (typeof def.method !== 'string') err(errors, "'method' must be a string", locationOf(def, 'method', loc));
    else checkMethod(def.method, errors, locationOf(def, 'method', loc));
    if (def.value === undefined) err(errors, "a method selector needs 'value:'", loc);
    for (const k of keys) if (!METHOD_KEYS.includes(k)) err(errors, `unknown selector key '${k}'.${didYouMean(k, METHOD_KEYS)}`, locationOf(def, k, loc));
  }
  for (const k of ['children', 'parents', 'childrens_parents']) {
    if (def[k] !== undefined && typeof def[k] !== 'boolean') err(errors, `'${k}' must be true or false`, locationOf(def, k, loc));
  }
  for (const k of ['children_depth', 'parents_depth']) {
    if (def[k] !== undefined && !(Number.isInteger(def[k]) && (def[k] as number) >= 0)) err(errors, `'${k}' must be a whole number`, locationOf(def, k, loc));
  }
  if (def.indirect_selection !== undefined && !INDIRECT.includes(String(def.indirect_selection))) {
    err(errors, `indirect_selection must be one of ${INDIRECT.join(', ')}`, locationOf(def, 'indirect_selection', loc));
  }
}

function checkMethod(method: string, errors: ErrorCollector, loc: SourceLocation): void {
  const base = method.split('.')[0]!;
  if (!SELECTOR_METHODS.includes(base)) err(errors, `unknown selector method '${method}'.${didYouMean(base, SELECTOR_METHODS)}`, loc, `Methods: ${SELECTOR_METHODS.join(', ')}.`);
}

/** Reads <projectDir>/selectors.yml if present. */
export async function readSelectors(projectDir: string, render: YamlRenderer, errors: ErrorCollector): Promise<SelectorDefinition[]> {
  const path = join(projectDir, 'selectors.yml');
  if (!existsSync(path)) return [];
  const parsed = parseYaml(await readFile(path, 'utf8'), 'selectors.yml');
  const root = parsed.value;
  if (!isRecord(root) || !Array.isArray(root.selectors)) {
    err(errors, "selectors.yml must have a 'selectors:' list", parsed.location);
    return [];
  }
  await renderTree(root, render, () => true, parsed.location);
  const list = root.selectors;
  const out: SelectorDefinition[] = [];
  const seen = new Map<string, SourceLocation>();
  let defaultSeen: string | null = null;
  list.forEach((s, i) => {
    const at = locationOf(list, i, parsed.location);
    if (!isRecord(s) || typeof s.name !== 'string') {
      err(errors, "each selector needs 'name:' and 'definition:'", at);
      return;
    }
    if (seen.has(s.name)) err(errors, `selector '${s.name}' is defined twice`, at);
    seen.set(s.name, at);
    if (s.definition === undefined) err(errors, `selector '${s.name}' has no 'definition:'`, at);
    else checkDefinition(s.definition, errors, locationOf(s, 'definition', at), false);
    for (const k of Object.keys(s)) {
      if (!['name', 'description', 'definition', 'default'].includes(k)) err(errors, `unknown key '${k}' in selector '${s.name}'`, locationOf(s, k, at));
    }
    if (s.default !== undefined && typeof s.default !== 'boolean') err(errors, "'default' must be true or false", locationOf(s, 'default', at));
    if (s.default === true) {
      if (defaultSeen) err(errors, `selectors '${defaultSeen}' and '${s.name}' are both marked default: true`, locationOf(s, 'default', at), 'Only one selector can be the default.');
      defaultSeen = s.name;
    }
    out.push({
      name: s.name,
      ...(typeof s.description === 'string' ? { description: s.description } : {}),
      ...(s.default === true ? { default: true } : {}),
      definition: s.definition,
    });
  });
  return out;
}
