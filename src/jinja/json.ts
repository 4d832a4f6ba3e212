// json.dumps as Python writes it: ', ' and ': ' separators, ensure_ascii, optional sort_keys/indent.
// Jinja's tojson filter uses sort_keys=True and escapes <, >, &, ' for HTML safety.
import { renderFault } from './errors.js';
import { PyFloat, Undefined, floatRepr, isDict, typeName } from './values.js';

export interface DumpOptions {
  sortKeys?: boolean;
  indent?: number | string | null;
  htmlSafe?: boolean;
  ensureAscii?: boolean;
}

function jsonString(s: string, ascii: boolean): string {
  const j = JSON.stringify(s);
  return ascii ? j.replace(/[\u007f-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0')) : j;
}

export function jsonDumps(value: unknown, opts: DumpOptions = {}): string {
  const ascii = opts.ensureAscii ?? true;
  const ind = opts.indent === null || opts.indent === undefined ? null : typeof opts.indent === 'number' ? ' '.repeat(opts.indent) : opts.indent;
  const dump = (v: unknown, depth: number): string => {
    if (v === null || v === undefined || v instanceof Undefined) return 'null';
    if (typeof v === 'boolean') return v ? 'true' : 'false';
    if (typeof v === 'number') return Number.isInteger(v) ? String(v) : Number.isFinite(v) ? floatRepr(v) : Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity';
    if (v instanceof PyFloat) return floatRepr(v.value);
    if (typeof v === 'bigint') return v.toString();
    if (typeof v === 'string') return jsonString(v, ascii);
    if (v instanceof Date) return jsonString(v.toISOString(), ascii);
    let entries: [string | null, unknown][];
    let open: string;
    let close: string;
    if (Array.isArray(v) || v instanceof Set) {
      entries = [...v].map((x) => [null, x]);
      open = '[';
      close = ']';
    } else if (isDict(v) || v instanceof Map) {
      entries = v instanceof Map ? [...v].map(([k, x]) => [String(k), x]) : Object.keys(v).map((k) => [k, v[k]]);
      if (opts.sortKeys) entries.sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : 0));
      open = '{';
      close = '}';
    } else if (typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function') {
      return dump((v as { toJSON(): unknown }).toJSON(), depth);
    } else {
      throw renderFault(`Object of type ${typeName(v)} is not JSON serializable`);
    }
    if (entries.length === 0) return open + close;
    const items = entries.map(([k, x]) => (k === null ? '' : jsonString(k, ascii) + ': ') + dump(x, depth + 1));
    if (ind === null) return open + items.join(', ') + close;
    const pad = '\n' + ind.repeat(depth + 1);
    return open + pad + items.join(',' + pad) + '\n' + ind.repeat(depth) + close;
  };
  let s = dump(value, 0);
  if (opts.htmlSafe) s = s.replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/'/g, '\\u0027');
  return s;
}
