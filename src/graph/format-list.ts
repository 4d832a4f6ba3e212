// `ls` output lines as dbt's ListTask prints them, in unique_id order:
//   selector (default) — the fqn joined with dots; `source:pkg.src.table`, `exposure:pkg.name`,
//                        `unit_test:pkg.name` for the others;
//   name               — the search name (`src.table` for sources, `name.v2` for versioned models);
//   path               — original_file_path;
//   json               — one object per line with dbt's allowed keys (or --output-keys).
import type { GraphMember, Manifest } from '../project/manifest-types.js';
import { UserError } from '../util/errors.js';
import { didYouMean } from '../util/did-you-mean.js';
import { sortIds } from './parent-child-maps.js';

export type ListOutput = 'name' | 'path' | 'json' | 'selector';

const ALLOWED_KEYS = ['alias', 'name', 'package_name', 'depends_on', 'tags', 'config', 'resource_type', 'source_name', 'original_file_path', 'unique_id'];
/** dbt serialises its dataclasses in field order; these keys come out in this order whatever our object's order. */
const FIELD_ORDER = ['database', 'schema', 'name', 'resource_type', 'package_name', 'path', 'original_file_path', 'unique_id', 'fqn', 'source_name', 'alias', 'checksum', 'config', 'tags', 'description'];

export function formatList(manifest: Manifest, ids: Iterable<string>, output: ListOutput = 'selector', outputKeys?: string[]): string[] {
  const members = sortIds([...ids]).map((id) => lookup(manifest, id)).filter((m): m is GraphMember => m !== undefined);
  switch (output) {
    case 'selector':
      return members.map(selectorOf);
    case 'name':
      return members.map(searchName);
    case 'path':
      return members.map((m) => m.original_file_path);
    case 'json':
      return members.map((m) => jsonLine(m, outputKeys));
    default:
      throw new UserError(`Invalid --output "${String(output)}"`, {
        hint: `Use one of: selector, name, path, json.${didYouMean(String(output), ['selector', 'name', 'path', 'json'])}`,
      });
  }
}

function lookup(manifest: Manifest, id: string): GraphMember | undefined {
  return manifest.nodes[id] ?? manifest.sources[id] ?? manifest.exposures[id] ?? manifest.unit_tests?.[id];
}

export function selectorOf(m: GraphMember): string {
  switch (m.resource_type) {
    case 'source':
      return `source:${m.package_name}.${m.source_name}.${m.name}`;
    case 'exposure':
      return `exposure:${m.package_name}.${m.name}`;
    case 'unit_test':
      return `unit_test:${m.package_name}.${versionedName(m)}`;
    default:
      return m.fqn.join('.');
  }
}

/** A unit test of a versioned model is named `name_v2`. */
function versionedName(m: GraphMember): string {
  const version = (m as unknown as { version?: string | number | null }).version;
  return version === undefined || version === null ? m.name : `${m.name}_v${version}`;
}

/** dbt's search_name. */
export function searchName(m: GraphMember): string {
  if (m.resource_type === 'source') return `${m.source_name}.${m.name}`;
  if (m.resource_type === 'model' && m.version !== undefined && m.version !== null) return `${m.name}.v${m.version}`;
  return m.name;
}

function jsonLine(m: GraphMember, outputKeys?: string[]): string {
  const out: Record<string, unknown> = {};
  const record = m as unknown as Record<string, unknown>;
  if (outputKeys && outputKeys.length > 0) {
    // --output-keys: in the order given; dotted keys reach into objects (config.materialized).
    for (const key of outputKeys) {
      if (key.includes('.')) {
        const value = nested(record, key.split('.'));
        if (value !== undefined && value !== null) out[key] = value;
      } else if (key in record && key !== 'location') {
        out[key] = record[key];
      }
    }
    return JSON.stringify(out);
  }
  const keys = [...FIELD_ORDER.filter((k) => k in record), ...Object.keys(record).filter((k) => !FIELD_ORDER.includes(k))];
  for (const k of keys) if (ALLOWED_KEYS.includes(k)) out[k] = record[k];
  return JSON.stringify(out);
}

function nested(root: unknown, keys: string[]): unknown {
  let cur = root;
  for (const k of keys) {
    if (cur === null || typeof cur !== 'object' || !(k in cur)) return undefined;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur;
}
