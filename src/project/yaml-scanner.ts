// The fast YAML reader's scanner (see yaml-fast.ts): character codes, position and line handling
// (blank lines, comments, line ends), and the plain, quoted and block scalars and aliases it reads.
import { recordPositions, positionsOf } from './yaml-positions.js';
import { DECLINE, doubleQuoted, resolvePlain, singleQuoted } from './yaml-scalars.js';

/** The value of an anchor whose node is still being read (an alias to it would recurse). */
export const BUILDING = { building: true };

export const LF = 10;
export const SPACE = 32;
export const HASH = 35;
export const DQUOTE = 34;
export const SQUOTE = 39;
export const DASH = 45;
export const DOT = 46;
export const COLON = 58;
export const AMP = 38;
export const STAR = 42;
export const LBRACKET = 91;
export const RBRACKET = 93;
export const LBRACE = 123;
export const RBRACE = 125;
export const COMMA = 44;
export const PIPE = 124;
export const GT = 62;
export const BACKSLASH = 92;

/** Indicator characters that cannot start a plain scalar here: - ? : , [ ] { } # & * ! | > ' " % @ ` */
export function isIndicator(c: number): boolean {
  switch (c) {
    case 45: case 63: case 58: case 44: case 91: case 93: case 123: case 125: case 35:
    case 38: case 42: case 33: case 124: case 62: case 39: case 34: case 37: case 64: case 96:
      return true;
    default:
      return false;
  }
}

export const ANCHOR_NAME = /^[A-Za-z0-9_-]+$/;

/** The state of a parse, and the reading of lines and scalars; yaml-flow.ts and yaml-block.ts extend it. */
export abstract class Scanner {
  protected pos = 0;
  protected line = 1;
  protected lineStart = 0;
  protected anchors: Map<string, unknown> | undefined;
  protected readonly len: number;

  constructor(protected readonly src: string, protected readonly file: string) {
    this.len = src.length;
  }

  // --- lines -------------------------------------------------------------------------------

  /**
   * From the start of a line, skips blank and comment lines. Leaves pos at the start of the next line
   * with content and returns that line's indentation, or -1 at the end of the text.
   */
  protected skipToContent(): number {
    const src = this.src;
    for (;;) {
      const ls = this.pos;
      let p = ls;
      while (p < this.len && src.charCodeAt(p) === SPACE) p++;
      if (p >= this.len) {
        this.pos = this.len;
        return -1;
      }
      const c = src.charCodeAt(p);
      if (c === LF || c === HASH) {
        const e = c === LF ? p : src.indexOf('\n', p);
        if (e < 0) {
          this.pos = this.len;
          return -1;
        }
        this.pos = e + 1;
        this.line++;
        this.lineStart = e + 1;
        continue;
      }
      if (p === ls && (c === DASH || c === DOT) && this.isDocMarker(ls)) throw DECLINE;
      return p - ls;
    }
  }

  protected isDocMarker(p: number): boolean {
    const src = this.src;
    const c = src.charCodeAt(p);
    if (src.charCodeAt(p + 1) !== c || src.charCodeAt(p + 2) !== c) return false;
    return p + 3 >= this.len || src.charCodeAt(p + 3) === LF || src.charCodeAt(p + 3) === SPACE;
  }

  /** After a value: spaces, an optional comment, then the end of the line, which is consumed. */
  protected endLine(): void {
    const src = this.src;
    let p = this.pos;
    while (p < this.len && src.charCodeAt(p) === SPACE) p++;
    if (p < this.len) {
      const c = src.charCodeAt(p);
      if (c === HASH) {
        if (src.charCodeAt(p - 1) !== SPACE) throw DECLINE;
        p = src.indexOf('\n', p);
        if (p < 0) p = this.len;
      } else if (c !== LF) throw DECLINE;
    }
    if (p < this.len) {
      this.pos = p + 1;
      this.line++;
      this.lineStart = p + 1;
    } else this.pos = this.len;
  }

  protected skipSpaces(): void {
    while (this.pos < this.len && this.src.charCodeAt(this.pos) === SPACE) this.pos++;
  }

  protected spaceOrEnd(p: number): boolean {
    if (p >= this.len) return true;
    const c = this.src.charCodeAt(p);
    return c === SPACE || c === LF;
  }

  // --- scalars and aliases -----------------------------------------------------------------

  protected alias(): unknown {
    const src = this.src;
    const start = ++this.pos;
    while (!this.spaceOrEnd(this.pos) && src.charCodeAt(this.pos) !== COMMA && src.charCodeAt(this.pos) !== RBRACKET && src.charCodeAt(this.pos) !== RBRACE) this.pos++;
    const name = src.slice(start, this.pos);
    if (!ANCHOR_NAME.test(name)) throw DECLINE;
    const target = this.anchors?.get(name);
    if (target === undefined || target === BUILDING) throw DECLINE;
    return copy(target);
  }

  /**
   * One line of a plain scalar from `from`: `i` where the line (or a comment) ends, `e` the end of its
   * text without trailing spaces. A `: ` inside means a mapping the fast reader does not take here.
   */
  private plainLine(from: number): { i: number; e: number; comment: boolean } {
    const src = this.src;
    let i = from;
    let comment = false;
    for (; i < this.len; i++) {
      const ch = src.charCodeAt(i);
      if (ch === LF) break;
      if (ch === COLON && this.spaceOrEnd(i + 1)) throw DECLINE;
      if (ch === HASH && src.charCodeAt(i - 1) === SPACE) {
        comment = true;
        break;
      }
    }
    let e = i;
    while (src.charCodeAt(e - 1) === SPACE) e--;
    return { i, e, comment };
  }

  /** A plain scalar in block context, possibly continued on more-indented lines; consumes its lines. */
  protected plain(owner: number): unknown {
    const src = this.src;
    let { i, e, comment } = this.plainLine(this.pos);
    let text = src.slice(this.pos, e);
    this.pos = i;
    this.endLine();
    if (comment) return resolvePlain(text);
    // Continuation lines: more indented than the owner; folded with a space, blank lines kept as \n.
    for (;;) {
      const savePos = this.pos;
      const saveLine = this.line;
      const saveLineStart = this.lineStart;
      let blanks = 0;
      let p: number;
      for (;;) {
        p = this.pos;
        while (p < this.len && src.charCodeAt(p) === SPACE) p++;
        if (p < this.len && src.charCodeAt(p) === LF) {
          blanks++;
          this.pos = p + 1;
          this.line++;
          this.lineStart = p + 1;
          continue;
        }
        break;
      }
      const ind = p - this.lineStart;
      if (p >= this.len || ind <= owner || src.charCodeAt(p) === HASH) {
        this.pos = savePos;
        this.line = saveLine;
        this.lineStart = saveLineStart;
        break;
      }
      const c = src.charCodeAt(p);
      if (isIndicator(c) || (ind === 0 && this.isDocMarker(p))) throw DECLINE;
      ({ i, e, comment } = this.plainLine(p));
      text += (blanks > 0 ? '\n'.repeat(blanks) : ' ') + src.slice(p, e);
      this.pos = i;
      this.endLine();
      if (comment) break;
    }
    return resolvePlain(text);
  }

  /**
   * A quoted scalar at pos. Without `owner` (keys, flow) it must end on this line; with it, it may go
   * on over lines indented more than the owner.
   */
  protected quoted(owner?: number): string {
    const src = this.src;
    const q = src.charCodeAt(this.pos);
    const start = this.pos + 1;
    let i = start;
    let lines = 0;
    for (;;) {
      if (i >= this.len) throw DECLINE;
      const ch = src.charCodeAt(i);
      if (ch === LF) {
        if (owner === undefined) throw DECLINE;
        // The next line must be blank or indented more than the owner, and not a document marker.
        let p = i + 1;
        while (p < this.len && src.charCodeAt(p) === SPACE) p++;
        if (p >= this.len) throw DECLINE;
        if (src.charCodeAt(p) !== LF && p - (i + 1) <= owner) throw DECLINE;
        if (p === i + 1 && this.isDocMarker(p)) throw DECLINE;
        lines++;
        this.lineStart = i + 1;
        i++;
        continue;
      }
      if (q === DQUOTE && ch === BACKSLASH) i += src.charCodeAt(i + 1) === LF ? 1 : 2;
      else if (ch === q) {
        if (q === SQUOTE && src.charCodeAt(i + 1) === SQUOTE) i += 2;
        else break;
      } else i++;
    }
    this.line += lines;
    const body = src.slice(start, i);
    this.pos = i + 1;
    return q === DQUOTE ? doubleQuoted(body) : singleQuoted(body);
  }

  /** A block scalar (| or >) whose header is at pos; consumes its lines. */
  protected blockScalar(owner: number): string {
    const src = this.src;
    const folded = src.charCodeAt(this.pos) === GT;
    this.pos++;
    let chomp = 0; // 0 clip, -1 strip, 1 keep
    const c = src.charCodeAt(this.pos);
    if (c === DASH) {
      chomp = -1;
      this.pos++;
    } else if (c === 43) {
      chomp = 1;
      this.pos++;
    }
    if (!this.spaceOrEnd(this.pos)) throw DECLINE;
    this.endLine();
    // The content's indentation is that of its first non-blank line.
    let m = -1;
    let maxBlank = 0;
    for (let p = this.pos; p < this.len; ) {
      let q = p;
      while (q < this.len && src.charCodeAt(q) === SPACE) q++;
      if (q < this.len && src.charCodeAt(q) === LF) {
        maxBlank = Math.max(maxBlank, q - p);
        p = q + 1;
        continue;
      }
      if (q < this.len) m = q - p;
      break;
    }
    if (m <= owner || maxBlank > m) throw DECLINE;
    let res = '';
    let empties = 0;
    let didRead = false;
    let moreIndented = false;
    for (;;) {
      const ls = this.pos;
      if (ls >= this.len) break;
      let q = ls;
      while (q < this.len && src.charCodeAt(q) === SPACE) q++;
      const atEnd = q >= this.len;
      if (atEnd || src.charCodeAt(q) === LF) {
        if (q - ls > m) throw DECLINE; // a line of only spaces, more than the indentation
        if (atEnd) {
          // Spaces at the very end, without a line break: not an empty line.
          this.pos = this.len;
          break;
        }
        empties++;
        this.pos = q + 1;
        this.line++;
        this.lineStart = q + 1;
        continue;
      }
      if (q - ls < m) break;
      let e = src.indexOf('\n', q);
      if (e < 0) e = this.len;
      const text = src.slice(ls + m, e);
      if (folded) {
        if (q - ls > m) {
          moreIndented = true;
          res += '\n'.repeat(didRead ? 1 + empties : empties);
        } else if (moreIndented) {
          moreIndented = false;
          res += '\n'.repeat(empties + 1);
        } else if (empties === 0) {
          if (didRead) res += ' ';
        } else res += '\n'.repeat(empties);
      } else res += '\n'.repeat(didRead ? 1 + empties : empties);
      res += text;
      didRead = true;
      empties = 0;
      if (e >= this.len) {
        this.pos = this.len;
        break;
      }
      this.pos = e + 1;
      this.line++;
      this.lineStart = e + 1;
    }
    if (chomp === 1) res += '\n'.repeat(didRead ? 1 + empties : empties);
    else if (chomp === 0 && didRead) res += '\n';
    return res;
  }
}

/** A copy of an anchored value for an alias (yaml-source.ts builds every alias afresh). */
function copy(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  const p = positionsOf(v);
  let out: unknown[] | Record<string, unknown>;
  if (Array.isArray(v)) out = v.map(copy);
  else {
    out = {};
    for (const k of Object.keys(v)) out[k] = copy((v as Record<string, unknown>)[k]);
  }
  if (p) recordPositions(out, p);
  return out;
}
