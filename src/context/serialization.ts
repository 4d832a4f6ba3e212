// tojson / fromjson / toyaml / fromyaml with Python's output format (json.dumps puts a space after
// ',' and ':'), since projects compare and embed these strings.
import { pyfunction } from '../jinja/api.js';
import { yamlPackage } from '../util/yaml-package.js';

function toPlain(v: unknown): unknown {
  if (v instanceof Map) return Object.fromEntries([...v].map(([k, x]) => [String(k), toPlain(x)]));
  if (v instanceof Set) return [...v].map(toPlain);
  if (Array.isArray(v)) return v.map(toPlain);
  if (typeof v === 'bigint') return Number(v);
  if (v === undefined) return null;
  if (v && typeof v === 'object' && (v.constructor === Object || Object.getPrototypeOf(v) === null)) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = toPlain(x);
    return out;
  }
  if (v && typeof v === 'object') return String(v);
  return v;
}

/** Python json.dumps: ", " and ": " separators, ensure_ascii off (dbt passes through), optional sort. */
export function pyJsonDumps(value: unknown, sortKeys = false): string {
  const write = (v: unknown): string => {
    if (v === null) return 'null';
    if (Array.isArray(v)) return `[${v.map(write).join(', ')}]`;
    if (typeof v === 'object') {
      let keys = Object.keys(v as object);
      if (sortKeys) keys = keys.sort();
      return `{${keys.map((k) => `${JSON.stringify(k)}: ${write((v as Record<string, unknown>)[k])}`).join(', ')}}`;
    }
    if (typeof v === 'number' && !Number.isFinite(v)) return Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity';
    return JSON.stringify(v);
  };
  return write(toPlain(value));
}

export function serializationMembers(): Record<string, unknown> {
  return {
    tojson: pyfunction((a, kw) => pyJsonDumps(kw.value ?? a[0], Boolean(kw.sort_keys ?? a[1] ?? false)), 'tojson'),
    fromjson: pyfunction((a, kw) => {
      try {
        return JSON.parse(String(kw.string ?? a[0]));
      } catch {
        return kw.default ?? a[1] ?? null;
      }
    }, 'fromjson'),
    toyaml: pyfunction((a) => yamlPackage().stringify(toPlain(a[0])), 'toyaml'),
    fromyaml: pyfunction((a, kw) => {
      try {
        return yamlPackage().parse(String(kw.value ?? a[0]));
      } catch {
        return kw.default ?? a[1] ?? null;
      }
    }, 'fromyaml'),
  };
}
