// Scalars of the fast YAML reader (yaml-fast.ts): plain scalars resolved by the YAML 1.2 core schema
// exactly as the `yaml` package does, plus PyYAML's yes/no/on/off, and the contents of quoted scalars.

/** Thrown to give up; the caller falls back to the `yaml` package. */
export const DECLINE = { declined: true };

// The YAML 1.2 core schema as the `yaml` package resolves it (yaml/dist/schema/core), plus PyYAML's
// yes/no/on/off booleans (yaml-source.ts PYYAML_BOOL).
const NULL_RE = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL_RE = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT_RE = /^0o[0-7]+$/;
const INT_RE = /^[-+]?[0-9]+$/;
const INT_HEX_RE = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN_RE = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP_RE = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT_RE = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
const PYYAML_BOOL_RE = /^(?:yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF)$/;

/** The value of a plain scalar. */
export function resolvePlain(s: string): unknown {
  if (s.length === 0) return null;
  switch (s.charCodeAt(0)) {
    case 126: // ~
      return s === '~' ? null : s;
    case 110: case 78: // n N
      if (NULL_RE.test(s)) return null;
      if (PYYAML_BOOL_RE.test(s)) return false;
      return s;
    case 116: case 84: case 102: case 70: // t T f F
      if (BOOL_RE.test(s)) return s.charCodeAt(0) === 116 || s.charCodeAt(0) === 84;
      return s;
    case 121: case 89: case 111: case 79: // y Y o O
      if (PYYAML_BOOL_RE.test(s)) return /^(?:yes|on)$/i.test(s);
      return s;
    case 43: case 45: case 46: // + - .
    case 48: case 49: case 50: case 51: case 52: case 53: case 54: case 55: case 56: case 57:
      if (INT_OCT_RE.test(s)) return parseInt(s.substring(2), 8);
      if (INT_RE.test(s)) return parseInt(s, 10);
      if (INT_HEX_RE.test(s)) return parseInt(s.substring(2), 16);
      if (FLOAT_NAN_RE.test(s)) return s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
      if (FLOAT_EXP_RE.test(s) || FLOAT_RE.test(s)) return parseFloat(s);
      return s;
    default:
      return s;
  }
}

const ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
  N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029', ' ': ' ', '"': '"', '/': '/', '\\': '\\',
};

/** Content of a double-quoted scalar (between the quotes), as yaml's resolve-flow-scalar reads it. */
export function doubleQuoted(s: string): string {
  if (s.indexOf('\\') < 0 && s.indexOf('\n') < 0) return s;
  let res = '';
  for (let i = 0; i < s.length; ++i) {
    const ch = s[i]!;
    if (ch === '\n') {
      // Fold: one line break is a space, more are n-1 line breaks; leading spaces of the next line go.
      let fold = '';
      let next = s[i + 1];
      while (next === ' ' || next === '\n') {
        if (next === '\n') fold += '\n';
        i++;
        next = s[i + 1];
      }
      res += fold || ' ';
    } else if (ch === '\\') {
      const next = s[++i];
      if (next === undefined) throw DECLINE;
      const cc = ESCAPES[next];
      if (cc !== undefined) res += cc;
      else if (next === '\n') {
        while (s[i + 1] === ' ') i++;
      } else if (next === 'x' || next === 'u' || next === 'U') {
        const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
        const hex = s.substr(i + 1, length);
        if (hex.length !== length || !/^[0-9a-fA-F]+$/.test(hex)) throw DECLINE;
        const code = parseInt(hex, 16);
        if (code > 0x10ffff) throw DECLINE;
        res += String.fromCodePoint(code);
        i += length;
      } else throw DECLINE;
    } else if (ch === ' ') {
      // Spaces before a line break are dropped.
      const wsStart = i;
      while (s[i + 1] === ' ') i++;
      if (s[i + 1] !== '\n') res += s.slice(wsStart, i + 1);
    } else res += ch;
  }
  return res;
}

/** Content of a single-quoted scalar (between the quotes), as yaml's resolve-flow-scalar reads it. */
export function singleQuoted(s: string): string {
  if (s.indexOf('\n') >= 0) {
    const lines = s.split('\n');
    let res = lines[0]!.replace(/ +$/, '');
    let sep = ' ';
    for (let i = 1; i < lines.length - 1; i++) {
      const lm = lines[i]!.trim();
      if (lm === '') {
        if (sep === '\n') res += sep;
        else sep = '\n';
      } else {
        res += sep + lm;
        sep = ' ';
      }
    }
    s = res + sep + lines[lines.length - 1]!.replace(/^ +/, '');
  }
  return s.indexOf("'") >= 0 ? s.replace(/''/g, "'") : s;
}
