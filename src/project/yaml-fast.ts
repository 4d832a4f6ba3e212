// A fast reader for the YAML that projects are mostly written in: block mappings and lists, plain,
// quoted and block scalars, one-line flow collections, comments, anchors, aliases and merge keys.
//
// It gives exactly what the `yaml` package path in yaml-source.ts gives (values, keys as written,
// positions of keys and items) or declines: anything outside the subset it knows, and anything the
// `yaml` package could report as an error, makes it give up, and the caller parses the text again
// with `yaml`, which then produces the value or the error message. Declining is always safe; it only
// costs time. test/unit/yaml-source.test.ts compares both paths on many inputs.
import { PackedPositions, recordPositions, positionsOf } from './yaml-positions.js';
import { DECLINE, doubleQuoted, resolvePlain, singleQuoted } from './yaml-scalars.js';

/** The value of an anchor whose node is still being read (an alias to it would recurse). */
const BUILDING = { building: true };

const LF = 10;
const SPACE = 32;
const HASH = 35;
const DQUOTE = 34;
const SQUOTE = 39;
const DASH = 45;
const DOT = 46;
const COLON = 58;
const AMP = 38;
const STAR = 42;
const LBRACKET = 91;
const RBRACKET = 93;
const LBRACE = 123;
const RBRACE = 125;
const COMMA = 44;
const PIPE = 124;
const GT = 62;
const BACKSLASH = 92;

// Characters (tabs, CR, control characters, BOM, line separators) whose handling is left to `yaml`.
// eslint-disable-next-line no-control-regex
const UNUSUAL_CHARS = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/;

/** Indicator characters that cannot start a plain scalar here: - ? : , [ ] { } # & * ! | > ' " % @ ` */
function isIndicator(c: number): boolean {
  switch (c) {
    case 45: case 63: case 58: case 44: case 91: case 93: case 123: case 125: case 35:
    case 38: case 42: case 33: case 124: case 62: case 39: case 34: case 37: case 64: case 96:
      return true;
    default:
      return false;
  }
}

const ANCHOR_NAME = /^[A-Za-z0-9_-]+$/;

class FastParser {
  private pos = 0;
  private line = 1;
  private lineStart = 0;
  /** Line and column (1-based) where the node just parsed starts. */
  private nl = 0;
  private nc = 0;
  private anchors: Map<string, unknown> | undefined;
  private readonly len: number;

  constructor(private readonly src: string, private readonly file: string) {
    this.len = src.length;
  }

  parse(): unknown {
    const src = this.src;
    let explicit = false;
    if (src.startsWith('---') && (this.len === 3 || src.charCodeAt(3) === LF || src.charCodeAt(3) === SPACE)) {
      explicit = true;
      this.pos = 3;
      this.endLine();
    }
    const ind = this.skipToContent();
    if (ind < 0) return explicit ? null : undefined;
    this.pos = this.lineStart + ind;
    const value = this.nodeAt(-1);
    if (this.skipToContent() >= 0) throw DECLINE;
    return value;
  }

  // --- lines -------------------------------------------------------------------------------

  /**
   * From the start of a line, skips blank and comment lines. Leaves pos at the start of the next line
   * with content and returns that line's indentation, or -1 at the end of the text.
   */
  private skipToContent(): number {
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

  private isDocMarker(p: number): boolean {
    const src = this.src;
    const c = src.charCodeAt(p);
    if (src.charCodeAt(p + 1) !== c || src.charCodeAt(p + 2) !== c) return false;
    return p + 3 >= this.len || src.charCodeAt(p + 3) === LF || src.charCodeAt(p + 3) === SPACE;
  }

  /** After a value: spaces, an optional comment, then the end of the line, which is consumed. */
  private endLine(): void {
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

  private skipSpaces(): void {
    while (this.pos < this.len && this.src.charCodeAt(this.pos) === SPACE) this.pos++;
  }

  private spaceOrEnd(p: number): boolean {
    if (p >= this.len) return true;
    const c = this.src.charCodeAt(p);
    return c === SPACE || c === LF;
  }

  private isSeqIndicator(p: number): boolean {
    return this.src.charCodeAt(p) === DASH && this.spaceOrEnd(p + 1);
  }

  // --- block nodes -------------------------------------------------------------------------

  /** A node starting at pos, the first content of its line. */
  private nodeAt(owner: number): unknown {
    const p = this.pos;
    const c = this.src.charCodeAt(p);
    const col = p - this.lineStart;
    if (c === DASH && this.spaceOrEnd(p + 1)) return this.blockSeq(col);
    if (c === AMP || c === STAR || c === PIPE || c === GT) throw DECLINE;
    if (this.keyEnd(p) >= 0) return this.blockMap(col);
    return this.lineValue(owner);
  }

  /**
   * If an implicit key starts at p (a plain or one-line quoted scalar followed by ': ' or ':' at
   * the end of the line), the index of its ':'; else -1.
   */
  private keyEnd(p: number): number {
    const src = this.src;
    const c = src.charCodeAt(p);
    let i: number;
    if (c === DQUOTE || c === SQUOTE) {
      i = this.quotedEnd(p);
      if (i < 0) return -1;
      while (i < this.len && src.charCodeAt(i) === SPACE) i++;
      return src.charCodeAt(i) === COLON && this.spaceOrEnd(i + 1) ? i : -1;
    }
    if (isIndicator(c) && !(c === DASH && !this.spaceOrEnd(p + 1))) return -1;
    for (i = p; i < this.len; i++) {
      const ch = src.charCodeAt(i);
      if (ch === LF) return -1;
      if (ch === COLON && this.spaceOrEnd(i + 1)) return i;
      if (ch === HASH && src.charCodeAt(i - 1) === SPACE) return -1;
    }
    return -1;
  }

  /** The index after the closing quote of a quoted scalar that ends on this line, else -1. */
  private quotedEnd(p: number): number {
    const src = this.src;
    const q = src.charCodeAt(p);
    for (let i = p + 1; i < this.len; i++) {
      const ch = src.charCodeAt(i);
      if (ch === LF) return -1;
      if (q === DQUOTE && ch === BACKSLASH) {
        if (src.charCodeAt(i + 1) === LF) return -1;
        i++;
      } else if (ch === q) {
        if (q === SQUOTE && src.charCodeAt(i + 1) === SQUOTE) i++;
        else return i + 1;
      }
    }
    return -1;
  }

  private blockMap(indent: number): Record<string, unknown> {
    const src = this.src;
    const out: Record<string, unknown> = {};
    const keys: string[] = [];
    const at: number[] = [];
    const selfLine = this.line;
    const selfCol = this.pos - this.lineStart + 1;
    let merged = false;
    let nonStringKeys: unknown[] | undefined;
    for (;;) {
      const kLine = this.line;
      const kCol = this.pos - this.lineStart + 1;
      const c = src.charCodeAt(this.pos);
      let key: string;
      let isMerge = false;
      if (c === DQUOTE || c === SQUOTE) {
        key = this.quoted();
        this.skipSpaces();
        if (src.charCodeAt(this.pos) !== COLON || !this.spaceOrEnd(this.pos + 1)) throw DECLINE;
        if (key === '<<') throw DECLINE;
        this.pos++;
      } else {
        const ke = this.keyEnd(this.pos);
        if (ke < 0 || ke - this.pos > 1000) throw DECLINE;
        let e = ke;
        while (src.charCodeAt(e - 1) === SPACE) e--;
        key = src.slice(this.pos, e);
        this.pos = ke + 1;
        if (key === '<<') isMerge = true;
        else {
          // Keys stay as written, but `yaml` calls keys duplicates when their values are equal (1 and 1.0).
          const v = resolvePlain(key);
          if (typeof v !== 'string') {
            if (!nonStringKeys) nonStringKeys = [v];
            else if (nonStringKeys.some((k) => k === v)) throw DECLINE;
            else nonStringKeys.push(v);
          }
        }
      }
      if (!isMerge) {
        if (key === '__proto__') throw DECLINE;
        if (merged ? keys.includes(key) : Object.prototype.hasOwnProperty.call(out, key)) throw DECLINE;
      }
      const value = this.afterIndicator(indent, false);
      if (isMerge) {
        // As yaml-source.ts build(): copy entries the map does not set itself.
        merged = true;
        for (const m of Array.isArray(value) ? value : [value]) {
          if (m && typeof m === 'object') for (const [k, v] of Object.entries(m)) if (!(k in out)) out[k] = v;
        }
      } else {
        out[key] = value;
        keys.push(key);
        at.push(kLine, kCol);
      }
      const ind = this.skipToContent();
      if (ind !== indent) {
        if (ind > indent) throw DECLINE;
        break;
      }
      this.pos = this.lineStart + ind;
    }
    recordPositions(out, new PackedPositions(this.file, selfLine, selfCol, keys, at));
    return out;
  }

  private blockSeq(indent: number): unknown[] {
    const out: unknown[] = [];
    const at: number[] = [];
    const selfLine = this.line;
    const selfCol = this.pos - this.lineStart + 1;
    for (;;) {
      this.pos++; // the '-'
      out.push(this.afterIndicator(indent, true));
      at.push(this.nl, this.nc);
      const ind = this.skipToContent();
      if (ind !== indent) {
        if (ind > indent) throw DECLINE;
        break;
      }
      if (!this.isSeqIndicator(this.lineStart + ind)) break;
      this.pos = this.lineStart + ind;
    }
    recordPositions(out, new PackedPositions(this.file, selfLine, selfCol, null, at));
    return out;
  }

  /**
   * The value after a map's ':' or a list's '-': on the same line, on the lines below, or empty.
   * `owner` is the indentation of the map or list. Sets nl/nc to where the value starts.
   */
  private afterIndicator(owner: number, inSeq: boolean): unknown {
    const src = this.src;
    this.skipSpaces();
    let c = src.charCodeAt(this.pos);
    let anchor: string | undefined;
    if (c === AMP) {
      const start = ++this.pos;
      while (!this.spaceOrEnd(this.pos)) this.pos++;
      anchor = src.slice(start, this.pos);
      if (!ANCHOR_NAME.test(anchor)) throw DECLINE;
      if (!this.anchors) this.anchors = new Map();
      if (this.anchors.has(anchor)) throw DECLINE;
      this.anchors.set(anchor, BUILDING);
      this.skipSpaces();
      c = src.charCodeAt(this.pos);
    }
    let value: unknown;
    let line: number;
    let col: number;
    if (this.pos >= this.len || c === LF || c === HASH) {
      const emptyLine = this.line;
      const emptyCol = this.pos - this.lineStart + 1;
      this.endLine();
      const ind = this.skipToContent();
      if (ind > owner) {
        this.pos = this.lineStart + ind;
        line = this.line;
        col = ind + 1;
        value = this.nodeAt(owner);
      } else if (!inSeq && ind === owner && this.isSeqIndicator(this.lineStart + ind)) {
        // A list as a map value may be indented as much as the key.
        this.pos = this.lineStart + ind;
        line = this.line;
        col = ind + 1;
        value = this.blockSeq(ind);
      } else {
        if (anchor !== undefined) throw DECLINE;
        line = emptyLine;
        col = emptyCol;
        value = null;
      }
    } else {
      line = this.line;
      col = this.pos - this.lineStart + 1;
      if (c === STAR) {
        if (anchor !== undefined) throw DECLINE;
        value = this.alias();
        this.endLine();
      } else if (inSeq && c === DASH && this.spaceOrEnd(this.pos + 1)) {
        if (anchor !== undefined) throw DECLINE;
        value = this.blockSeq(this.pos - this.lineStart);
      } else if (inSeq && this.keyEnd(this.pos) >= 0) {
        if (anchor !== undefined) throw DECLINE;
        value = this.blockMap(this.pos - this.lineStart);
      } else value = this.lineValue(owner);
    }
    if (anchor !== undefined) this.anchors!.set(anchor, value);
    this.nl = line;
    this.nc = col;
    return value;
  }

  private alias(): unknown {
    const src = this.src;
    const start = ++this.pos;
    while (!this.spaceOrEnd(this.pos) && src.charCodeAt(this.pos) !== COMMA && src.charCodeAt(this.pos) !== RBRACKET && src.charCodeAt(this.pos) !== RBRACE) this.pos++;
    const name = src.slice(start, this.pos);
    if (!ANCHOR_NAME.test(name)) throw DECLINE;
    const target = this.anchors?.get(name);
    if (target === undefined || target === BUILDING) throw DECLINE;
    return copy(target);
  }

  /** A scalar or flow collection starting at pos, through the end of its line (or lines). */
  private lineValue(owner: number): unknown {
    const src = this.src;
    const c = src.charCodeAt(this.pos);
    let value: unknown;
    if (c === DQUOTE || c === SQUOTE) value = this.quoted(owner);
    else if (c === LBRACKET || c === LBRACE) value = this.flow(owner);
    else if (c === PIPE || c === GT) return this.blockScalar(owner);
    else if (isIndicator(c) && !(c === DASH && !this.spaceOrEnd(this.pos + 1))) throw DECLINE;
    else return this.plain(owner);
    this.endLine();
    return value;
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
  private plain(owner: number): unknown {
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
  private quoted(owner?: number): string {
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
  private blockScalar(owner: number): string {
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

  // --- flow collections --------------------------------------------------------------------

  /**
   * Spaces inside a flow collection, and line breaks: the next lines must be indented more than the
   * block collection the flow collection is in (`owner`). Comments inside are left to `yaml`.
   */
  private flowSpace(owner: number): void {
    const src = this.src;
    for (;;) {
      this.skipSpaces();
      if (this.pos >= this.len) throw DECLINE;
      if (src.charCodeAt(this.pos) !== LF) return;
      this.pos++;
      this.line++;
      this.lineStart = this.pos;
      this.skipSpaces();
      if (this.pos >= this.len) throw DECLINE;
      const c = src.charCodeAt(this.pos);
      if (c === LF) continue;
      if (c === HASH || this.pos - this.lineStart <= owner) throw DECLINE;
      if (this.pos === this.lineStart && this.isDocMarker(this.pos)) throw DECLINE;
    }
  }

  private flow(owner: number): unknown {
    const src = this.src;
    const isSeq = src.charCodeAt(this.pos) === LBRACKET;
    const close = isSeq ? RBRACKET : RBRACE;
    const selfLine = this.line;
    const selfCol = this.pos - this.lineStart + 1;
    const at: number[] = [];
    const keys: string[] | null = isSeq ? null : [];
    const arr: unknown[] = [];
    const obj: Record<string, unknown> = {};
    let nonStringKeys: unknown[] | undefined;
    this.pos++;
    this.flowSpace(owner);
    if (src.charCodeAt(this.pos) === close) this.pos++;
    else {
      for (;;) {
        const line = this.line;
        const col = this.pos - this.lineStart + 1;
        if (isSeq) arr.push(this.flowValue(owner));
        else {
          let key: string;
          const c = src.charCodeAt(this.pos);
          if (c === DQUOTE || c === SQUOTE) {
            key = this.quoted();
            this.skipSpaces();
            if (src.charCodeAt(this.pos) !== COLON || src.charCodeAt(this.pos + 1) !== SPACE) throw DECLINE;
          } else {
            if (!this.flowPlainStart(this.pos)) throw DECLINE;
            let i = this.pos;
            for (; i < this.len; i++) {
              const ch = src.charCodeAt(i);
              if (ch === COLON) break;
              if (ch === LF || ch === COMMA || ch === LBRACKET || ch === RBRACKET || ch === LBRACE || ch === RBRACE || ch === HASH) throw DECLINE;
            }
            if (src.charCodeAt(i + 1) !== SPACE) throw DECLINE;
            let e = i;
            while (src.charCodeAt(e - 1) === SPACE) e--;
            key = src.slice(this.pos, e);
            this.pos = i;
            const v = resolvePlain(key);
            if (typeof v !== 'string') {
              if (!nonStringKeys) nonStringKeys = [v];
              else if (nonStringKeys.some((k) => k === v)) throw DECLINE;
              else nonStringKeys.push(v);
            }
          }
          if (key === '<<' || key === '__proto__' || Object.prototype.hasOwnProperty.call(obj, key)) throw DECLINE;
          this.pos++; // ':'
          this.skipSpaces();
          obj[key] = this.flowValue(owner);
          keys!.push(key);
        }
        at.push(line, col);
        this.flowSpace(owner);
        const c = src.charCodeAt(this.pos);
        if (c === close) {
          this.pos++;
          break;
        }
        if (c !== COMMA) throw DECLINE;
        this.pos++;
        this.flowSpace(owner);
        if (src.charCodeAt(this.pos) === close) throw DECLINE; // a trailing comma
      }
    }
    const out = isSeq ? arr : obj;
    recordPositions(out, new PackedPositions(this.file, selfLine, selfCol, keys, at));
    return out;
  }

  /** May a plain scalar in a flow collection start at p? */
  private flowPlainStart(p: number): boolean {
    const c = this.src.charCodeAt(p);
    if (!isIndicator(c)) return true;
    if (c !== DASH || this.spaceOrEnd(p + 1)) return false;
    const n = this.src.charCodeAt(p + 1);
    return n !== COMMA && n !== LBRACKET && n !== RBRACKET && n !== LBRACE && n !== RBRACE;
  }

  private flowValue(owner: number): unknown {
    const src = this.src;
    const c = src.charCodeAt(this.pos);
    if (c === DQUOTE || c === SQUOTE) return this.quoted();
    if (c === LBRACKET || c === LBRACE) return this.flow(owner);
    if (c === STAR) return this.alias();
    if (!this.flowPlainStart(this.pos)) throw DECLINE;
    let i = this.pos;
    for (; i < this.len; i++) {
      const ch = src.charCodeAt(i);
      if (ch === COMMA || ch === RBRACKET || ch === RBRACE) break;
      if (ch === LF || ch === COLON || ch === LBRACKET || ch === LBRACE || ch === HASH) throw DECLINE;
    }
    let e = i;
    while (src.charCodeAt(e - 1) === SPACE) e--;
    const text = src.slice(this.pos, e);
    this.pos = i;
    return resolvePlain(text);
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

/**
 * Parses `text` if it is in the subset this reader knows; undefined when it declines (the caller
 * then uses the `yaml` package). `{ value: undefined }` is an empty document.
 */
export function parseYamlFast(text: string, file: string): { value: unknown } | undefined {
  if (UNUSUAL_CHARS.test(text)) return undefined;
  try {
    return { value: new FastParser(text, file).parse() };
  } catch {
    // DECLINE, or anything unforeseen: the `yaml` package decides.
    return undefined;
  }
}
