// Splits template text into tokens: data between tags, and expression tokens inside {{ }} / {% %}.
// Matches Jinja2 with dbt's settings: trim_blocks/lstrip_blocks off, keep_trailing_newline off,
// newlines normalised to \n, whitespace control with '-', {% raw %} handled here.
import { JinjaSyntaxError } from './errors.js';

export type TokenType = 'data' | 'var_begin' | 'var_end' | 'block_begin' | 'block_end' | 'name' | 'string' | 'int' | 'float' | 'op' | 'eof';

export interface Token {
  type: TokenType;
  /** Token text; for strings the decoded value. */
  value: string;
  line: number;
  col: number;
  /** Offset in the (newline-normalised) source. */
  offset: number;
}

const TWO_CHAR_OPS = new Set(['**', '//', '==', '!=', '<=', '>=']);
const ONE_CHAR_OPS = new Set(['+', '-', '*', '/', '%', '~', '<', '>', '=', '.', ',', ':', '|', '(', ')', '[', ']', '{', '}']);

const CLOSING: Record<string, string> = { '{': '}', '[': ']', '(': ')' };

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 11;
}

function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}
const NUMBER_RE = /(?:\d[\d_]*(?:\.\d[\d_]*)?(?:[eE][+-]?\d+)?)/y;
const RAW_RE = /\s*raw\s*(-?)%\}/y;
const ENDRAW_RE = /\{%(-?)\s*endraw\s*(-?)%\}/g;
const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0', a: '\x07', b: '\b', f: '\f', v: '\v', '\n': '' };

export class Lexer {
  readonly src: string;
  private readonly lineStarts: number[] = [0];
  readonly tokens: Token[] = [];
  private i = 0;
  private lstripNext = false;

  constructor(
    source: string,
    private readonly file: string,
  ) {
    let s = source.replace(/\r\n?/g, '\n');
    if (s.endsWith('\n')) s = s.slice(0, -1);
    this.src = s;
    for (let k = 0; k < s.length; k++) if (s.charCodeAt(k) === 10) this.lineStarts.push(k + 1);
  }

  private lastLine = 0;

  private lineCol(offset: number): { line: number; col: number } {
    // Tokens come mostly in order: walk forward from the previous line before searching.
    const starts = this.lineStarts;
    let l = this.lastLine;
    if (offset >= starts[l]) {
      while (l + 1 < starts.length && starts[l + 1] <= offset) l++;
      this.lastLine = l;
      return { line: l + 1, col: offset - starts[l] + 1 };
    }
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - this.lineStarts[lo] + 1 };
  }

  private push(type: TokenType, value: string, offset: number): void {
    const { line, col } = this.lineCol(offset);
    this.tokens.push({ type, value, line, col, offset });
  }

  fail(message: string, offset: number, hint?: string): never {
    throw new JinjaSyntaxError(message, { location: { file: this.file, ...this.lineCol(offset) }, hint });
  }

  private data(text: string, offset: number, rstrip: boolean): void {
    if (this.lstripNext) text = text.replace(/^\s+/, '');
    this.lstripNext = false;
    if (rstrip) text = text.replace(/\s+$/, '');
    if (text) this.push('data', text, offset);
  }

  tokenize(): Token[] {
    const s = this.src;
    while (this.i < s.length) {
      const start = this.i;
      let open = s.indexOf('{', start);
      while (open >= 0 && !'{%#'.includes(s[open + 1] ?? '')) open = s.indexOf('{', open + 1);
      if (open < 0) {
        this.data(s.slice(start), start, false);
        break;
      }
      const kind = s[open + 1];
      const strip = s[open + 2] === '-';
      this.data(s.slice(start, open), start, strip);
      this.i = open + 2 + (strip || s[open + 2] === '+' ? 1 : 0);
      if (kind === '#') this.comment(open);
      else if (kind === '%' && this.rawBlock(open)) continue;
      else this.tag(kind === '{' ? 'var' : 'block', open);
    }
    this.push('eof', '', s.length);
    return this.tokens;
  }

  private comment(open: number): void {
    const end = this.src.indexOf('#}', this.i);
    if (end < 0) this.fail('unexpected end of template: missing end of comment tag', open, "Close the comment with '#}'.");
    this.lstripNext = this.src[end - 1] === '-' && end - 1 >= this.i;
    this.i = end + 2;
  }

  private rawBlock(open: number): boolean {
    RAW_RE.lastIndex = this.i;
    const m = RAW_RE.exec(this.src);
    if (!m) return false;
    ENDRAW_RE.lastIndex = RAW_RE.lastIndex;
    const e = ENDRAW_RE.exec(this.src);
    if (!e) this.fail("unexpected end of template, expected 'endraw' to close the 'raw' opened here", open);
    let body = this.src.slice(RAW_RE.lastIndex, e.index);
    if (m[1]) body = body.replace(/^\s+/, '');
    if (e[1]) body = body.replace(/\s+$/, '');
    if (body) this.push('data', body, RAW_RE.lastIndex);
    this.lstripNext = e[2] === '-';
    this.i = ENDRAW_RE.lastIndex;
    return true;
  }

  private tag(kind: 'var' | 'block', open: number): void {
    const s = this.src;
    const close = kind === 'var' ? '}}' : '%}';
    this.push(kind === 'var' ? 'var_begin' : 'block_begin', '', open);
    const brackets: string[] = [];
    for (;;) {
      while (this.i < s.length && isSpace(s.charCodeAt(this.i))) this.i++;
      const at = this.i;
      if (at >= s.length) this.fail(`unexpected end of template: missing '${close}'`, open, `Close the tag with '${close}'.`);
      if (brackets.length === 0 || kind === 'block') {
        const dash = s[at] === '-' && s.startsWith(close, at + 1);
        // '+%}' (keep whitespace) only matters with trim_blocks, which dbt leaves off.
        const plus = kind === 'block' && s[at] === '+' && s.startsWith(close, at + 1);
        if (dash || plus || s.startsWith(close, at)) {
          this.push(kind === 'var' ? 'var_end' : 'block_end', dash ? '-' + close : plus ? '+' + close : close, at);
          this.i = at + close.length + (dash || plus ? 1 : 0);
          this.lstripNext = dash;
          return;
        }
      }
      const c = s[at];
      if (c === '"' || c === "'") {
        this.push('string', this.string(c), at);
        continue;
      }
      const code = s.charCodeAt(at);
      if (isNameStart(code)) {
        let e = at + 1;
        for (let k = s.charCodeAt(e); isNameStart(k) || (k >= 48 && k <= 57); k = s.charCodeAt(++e));
        this.push('name', s.slice(at, e), at);
        this.i = e;
        continue;
      }
      NUMBER_RE.lastIndex = at;
      const m = code >= 48 && code <= 57 ? NUMBER_RE.exec(s) : null;
      if (m) {
        const text = m[0].replace(/_/g, '');
        this.push(/[.eE]/.test(text) ? 'float' : 'int', text, at);
        this.i = NUMBER_RE.lastIndex;
        continue;
      }
      const two = s.slice(at, at + 2);
      const op = TWO_CHAR_OPS.has(two) ? two : ONE_CHAR_OPS.has(c) ? c : this.fail(`unexpected character '${c}'`, at);
      if (op === '{' || op === '[' || op === '(') brackets.push(CLOSING[op]);
      else if (op === '}' || op === ']' || op === ')') {
        const want = brackets.pop();
        if (want !== op) this.fail(want ? `unexpected '${op}', expected '${want}'` : `unexpected '${op}'`, at);
      }
      this.push('op', op, at);
      this.i = at + op.length;
    }
  }

  private string(q: string): string {
    const s = this.src;
    const start = this.i;
    let i = start + 1;
    let out = '';
    while (i < s.length && s[i] !== q) {
      if (s[i] === '\\' && i + 1 < s.length) {
        const e = s[i + 1];
        if (e in SIMPLE_ESCAPES) {
          out += SIMPLE_ESCAPES[e];
          i += 2;
        } else if (e === 'x' || e === 'u' || e === 'U') {
          const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
          out += String.fromCodePoint(parseInt(s.slice(i + 2, i + 2 + n), 16));
          i += 2 + n;
        } else {
          out += '\\' + e;
          i += 2;
        }
      } else {
        out += s[i++];
      }
    }
    if (i >= s.length) this.fail('unterminated string literal', start, `Close the string with ${q}.`);
    this.i = i + 1;
    return out;
  }
}

export function tokenize(source: string, file: string): Token[] {
  return new Lexer(source, file).tokenize();
}
