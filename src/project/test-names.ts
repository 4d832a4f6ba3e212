// Generic test names and ids exactly as dbt-core builds them
// (parser/generic_test_builders.py synthesize_generic_test_names, schema_generic_tests.py create_test_node).
import { hash } from 'node:crypto';
import { pyRepr, pyStr } from './python-repr.js';

export function md5(text: string): string {
  return hash('md5', text, 'hex');
}

const cpLength = (s: string): number => [...s].length;
const cpSlice = (s: string, n: number): string => [...s].slice(0, n).join('');

/**
 * (shortName, fullName) for a test of type `testType` (e.g. 'not_null', 'source_unique',
 * 'dbt_utils_expression_is_true') on `targetName` with kwargs `args`. The full name goes into the
 * unique_id and fqn; when it is 64 characters or more the short name (first 30 characters of
 * "<type>_<target>" + "_" + md5 of the full name) is used for the alias and compiled path.
 */
export function synthesizeGenericTestNames(testType: string, targetName: string, args: Record<string, unknown>): { shortName: string; fullName: string } {
  const flat: string[] = [];
  for (const argName of Object.keys(args).sort()) {
    if (argName === 'model') continue;
    const v = args[argName];
    const parts = v !== null && typeof v === 'object' ? (Array.isArray(v) ? v : Object.values(v)) : [v];
    flat.push(...parts.map(pyStr));
  }
  const unique = flat.map((a) => a.replace(/[^0-9a-zA-Z_]+/g, '_')).join('__');
  const identifier = `${testType}_${targetName}`;
  const fullName = `${identifier}_${unique}`;
  const shortName = cpLength(fullName) >= 64 ? `${cpSlice(identifier, 30)}_${md5(fullName)}` : fullName;
  return { shortName, fullName };
}

/** dbt's get_hashable_md: dict keys sorted, lists kept, every leaf str()'d. */
function hashable(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(hashable);
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) out[k] = hashable((v as Record<string, unknown>)[k]);
    return out;
  }
  return pyStr(v);
}

/** The 10-character suffix of a generic test's unique_id: md5(name + repr(hashable(test_metadata)))[-10:]. */
export function testHash(name: string, metadata: { name: string; kwargs: Record<string, unknown>; namespace: string | null }): string {
  return md5(name + pyRepr(hashable(metadata))).slice(-10);
}

/** dbt's construct_config: `{{ config(severity="warn",limit=10) }}` appended to the raw code. */
export function constructConfig(config: Record<string, unknown>): string {
  const parts = Object.entries(config).map(([k, v]) => `${k}=` + (typeof v === 'string' ? '"' + v.replace(/"/g, '\\"') + '"' : pyStr(v)));
  return parts.length > 0 ? `{{ config(${parts.join(',')}) }}` : '';
}
