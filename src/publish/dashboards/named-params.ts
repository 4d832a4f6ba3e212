// Tile SQL names filter values as :name. This turns them into the engine's positional parameters
// ($1, $2, … — both DuckDB and PostgreSQL) so values are bound, never spliced into the SQL text.
// Quoted strings, quoted identifiers, comments and PostgreSQL's ::casts are left alone.

export interface Placeholder {
  name: string;
  /** Offset of the ':' in the SQL. */
  offset: number;
}

/** Every :name outside strings and comments, in order. */
export function findPlaceholders(sql: string): Placeholder[] {
  const found: Placeholder[] = [];
  scan(sql, (name, offset) => found.push({ name, offset }));
  return found;
}

/** Offsets of ';' outside strings and comments that are followed by more SQL (a second statement). */
export function hasSecondStatement(sql: string): boolean {
  let second = false;
  scan(sql, () => undefined, (offset) => {
    if (sql.slice(offset + 1).replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, '').trim() !== '') second = true;
  });
  return second;
}

export interface BoundSql {
  sql: string;
  params: unknown[];
}

/**
 * Replaces each :name with $n (the same name reuses its number). `values` must hold every name used;
 * a missing one throws with the list of known names.
 */
export function bindNamed(sql: string, values: Record<string, unknown>): BoundSql {
  const numbers = new Map<string, number>();
  const params: unknown[] = [];
  let out = '';
  let last = 0;
  scan(sql, (name, offset) => {
    if (!(name in values)) throw new Error(`unknown parameter :${name} (known: ${Object.keys(values).map((k) => ':' + k).join(', ') || 'none'})`);
    let n = numbers.get(name);
    if (n === undefined) {
      params.push(values[name]);
      n = params.length;
      numbers.set(name, n);
    }
    out += sql.slice(last, offset) + '$' + n;
    last = offset + 1 + name.length;
  });
  return { sql: out + sql.slice(last), params };
}

function scan(sql: string, onName: (name: string, offset: number) => void, onSemicolon?: (offset: number) => void): void {
  let i = 0;
  const n = sql.length;
  while (i < n) {
    const c = sql[i]!;
    if (c === "'" || c === '"') {
      i = skipQuoted(sql, i, c);
    } else if (c === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      i = end < 0 ? n : end + 1;
    } else if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 2;
    } else if (c === '$' && /[A-Za-z_$]/.test(sql[i + 1] ?? '')) {
      // PostgreSQL dollar-quoted string: $tag$ … $tag$
      const m = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i));
      if (m) {
        const end = sql.indexOf(m[0], i + m[0].length);
        i = end < 0 ? n : end + m[0].length;
      } else i++;
    } else if (c === ':') {
      if (sql[i + 1] === ':') {
        i += 2; // a ::cast
        continue;
      }
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(sql.slice(i + 1, i + 65));
      const prev = sql[i - 1] ?? '';
      if (m && !/[A-Za-z0-9_:]/.test(prev)) {
        onName(m[0], i);
        i += 1 + m[0].length;
      } else i++;
    } else {
      if (c === ';') onSemicolon?.(i);
      i++;
    }
  }
}

function skipQuoted(sql: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < sql.length) {
    if (sql[i] === quote) {
      if (sql[i + 1] === quote) i += 2; // doubled quote inside
      else return i + 1;
    } else i++;
  }
  return i;
}
