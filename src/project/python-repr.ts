// Python's str() and repr() for the values YAML yields, because dbt derives generic test names
// (str of each argument) and test unique_id hashes (repr of the test metadata) from them.

// Quotes, backslash and the control characters pyReprString escapes.
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /['"\\\x00-\x1f\x7f]/;

/** repr() of a Python str: single quotes unless the text has ' and no ", escapes like CPython. */
export function pyReprString(s: string): string {
  // Most strings (names, SQL fragments) have nothing to escape.
  if (!NEEDS_ESCAPE.test(s)) return `'${s}'`;
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += '\\x' + code.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + quote;
}

/** Python float repr: 1.0, 0.5, 1e+16. */
function pyFloat(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e16) return n.toFixed(1);
  if (!Number.isFinite(n)) return Number.isNaN(n) ? 'nan' : n > 0 ? 'inf' : '-inf';
  return String(n).replace(/e\+?(-?)(\d)$/, 'e$1+0$2').replace('e+-', 'e-');
}

function pyNumber(n: number, isFloat: boolean): string {
  return isFloat ? pyFloat(n) : String(n);
}

/** repr() of a value: dicts keep insertion order, lists in brackets, None/True/False. */
export function pyRepr(v: unknown): string {
  if (v === null || v === undefined) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return pyNumber(v, !Number.isInteger(v));
  if (typeof v === 'string') return pyReprString(v);
  if (Array.isArray(v)) return '[' + v.map(pyRepr).join(', ') + ']';
  if (typeof v === 'object') {
    return '{' + Object.entries(v as Record<string, unknown>).map(([k, x]) => `${pyReprString(k)}: ${pyRepr(x)}`).join(', ') + '}';
  }
  return pyReprString(String(v));
}

/** str() of a value: strings as they are, everything else as repr. */
export function pyStr(v: unknown): string {
  return typeof v === 'string' ? v : pyRepr(v);
}
