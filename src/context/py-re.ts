// modules.re for templates: the parts of Python's re module dbt projects use (match, search, fullmatch,
// findall, sub, split, compile, escape, flags). Python pattern syntax is translated where it differs.
import { pyfunction, type Kwargs } from '../jinja/api.js';

const FLAGS = { IGNORECASE: 2, I: 2, MULTILINE: 8, M: 8, DOTALL: 16, S: 16, VERBOSE: 64, X: 64 } as const;

/** re.VERBOSE: whitespace and #-comments are not part of the pattern (escaped ones are). */
function stripVerbose(src: string): string {
  let out = '';
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (c === '\\' && i + 1 < src.length) {
      out += c + src[++i];
    } else if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
    } else if (!/\s/.test(c)) out += c;
  }
  return out;
}

function toJsRegex(pattern: string, flags: number, global: boolean, anchor: 'start' | 'full' | 'none'): RegExp {
  let src = pattern.replace(/\(\?P<(\w+)>/g, '(?<$1>').replace(/\(\?P=(\w+)\)/g, '\\k<$1>').replace(/\\A/g, '^').replace(/\\Z/g, '$');
  if (flags & FLAGS.VERBOSE) src = stripVerbose(src);
  if (anchor === 'start') src = `^(?:${src})`;
  if (anchor === 'full') src = `^(?:${src})$`;
  let f = 'u';
  if (flags & FLAGS.IGNORECASE) f += 'i';
  if (flags & FLAGS.MULTILINE && anchor === 'none') f += 'm';
  if (flags & FLAGS.DOTALL) f += 's';
  if (global) f += 'g';
  return new RegExp(src, f);
}

export class PyMatch {
  constructor(private readonly m: RegExpExecArray) {}
  get group() {
    return pyfunction((args) => {
      if (args.length === 0) return this.m[0];
      const vals = args.map((a) => (typeof a === 'number' ? this.m[a] : this.m.groups?.[String(a)]) ?? null);
      return vals.length === 1 ? vals[0] : vals;
    }, 'group');
  }
  get groups() {
    return pyfunction(() => this.m.slice(1).map((v) => v ?? null), 'groups');
  }
  get groupdict() {
    return pyfunction(() => ({ ...(this.m.groups ?? {}) }), 'groupdict');
  }
  get start() {
    return pyfunction(() => this.m.index, 'start');
  }
  get end() {
    return pyfunction(() => this.m.index + this.m[0].length, 'end');
  }
  toString(): string {
    return `<re.Match object; match='${this.m[0]}'>`;
  }
}

function flagsOf(kw: Kwargs, positional: unknown): number {
  return Number(kw.flags ?? positional ?? 0);
}

function matcher(anchor: 'start' | 'full' | 'none') {
  return (pattern: string, text: string, flags: number): PyMatch | null => {
    const m = toJsRegex(pattern, flags, false, anchor).exec(String(text));
    return m ? new PyMatch(m) : null;
  };
}

function findall(pattern: string, text: string, flags: number): unknown[] {
  const out: unknown[] = [];
  for (const m of String(text).matchAll(toJsRegex(pattern, flags, true, 'none'))) {
    if (m.length <= 1) out.push(m[0]);
    else if (m.length === 2) out.push(m[1] ?? '');
    else out.push(m.slice(1).map((v) => v ?? ''));
  }
  return out;
}

function sub(pattern: string, repl: unknown, text: string, count: number, flags: number): string {
  let n = 0;
  const re = toJsRegex(pattern, flags, true, 'none');
  return String(text).replace(re, (...m: unknown[]) => {
    if (count > 0 && n >= count) return m[0] as string;
    n++;
    if (typeof repl === 'string') {
      return repl.replace(/\\(\d+)|\\g<(\w+)>/g, (_s, d: string | undefined, g: string | undefined) => {
        if (d !== undefined) return String(m[Number(d)] ?? '');
        const groups = m[m.length - 1] as Record<string, string> | undefined;
        return /^\d+$/.test(g!) ? String(m[Number(g)] ?? '') : String(groups?.[g!] ?? '');
      });
    }
    return String(repl);
  });
}

class PyPattern {
  constructor(readonly pattern: string, readonly flags: number) {}
  get match() { return pyfunction((a) => matcher('start')(this.pattern, String(a[0]), this.flags), 'match'); }
  get fullmatch() { return pyfunction((a) => matcher('full')(this.pattern, String(a[0]), this.flags), 'fullmatch'); }
  get search() { return pyfunction((a) => matcher('none')(this.pattern, String(a[0]), this.flags), 'search'); }
  get findall() { return pyfunction((a) => findall(this.pattern, String(a[0]), this.flags), 'findall'); }
  get sub() { return pyfunction((a, kw) => sub(this.pattern, a[0], String(a[1]), Number(kw.count ?? a[2] ?? 0), this.flags), 'sub'); }
  get split() { return pyfunction((a) => String(a[0]).split(toJsRegex(this.pattern, this.flags, false, 'none')), 'split'); }
}

export function createReModule(): Record<string, unknown> {
  return {
    ...FLAGS,
    match: pyfunction((a, kw) => matcher('start')(String(a[0]), String(a[1]), flagsOf(kw, a[2])), 're.match'),
    fullmatch: pyfunction((a, kw) => matcher('full')(String(a[0]), String(a[1]), flagsOf(kw, a[2])), 're.fullmatch'),
    search: pyfunction((a, kw) => matcher('none')(String(a[0]), String(a[1]), flagsOf(kw, a[2])), 're.search'),
    findall: pyfunction((a, kw) => findall(String(a[0]), String(a[1]), flagsOf(kw, a[2])), 're.findall'),
    sub: pyfunction((a, kw) => sub(String(a[0]), a[1], String(a[2]), Number(kw.count ?? a[3] ?? 0), flagsOf(kw, a[4])), 're.sub'),
    split: pyfunction((a, kw) => String(a[1]).split(toJsRegex(String(a[0]), flagsOf(kw, a[3]), false, 'none')), 're.split'),
    compile: pyfunction((a, kw) => new PyPattern(String(a[0]), flagsOf(kw, a[1])), 're.compile'),
    escape: pyfunction((a) => String(a[0]).replace(/[.*+?^${}()|[\]\\\-#\s&~]/g, '\\$&'), 're.escape'),
  };
}
