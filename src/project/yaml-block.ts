// Block structure of the fast YAML reader (see yaml-fast.ts): the document, block mappings and
// lists, implicit keys, anchors and the value after a ':' or '-'. FastParser is the whole reader.
import { PackedPositions, recordPositions } from './yaml-positions.js';
import { DECLINE, resolvePlain } from './yaml-scalars.js';
import { FlowParser } from './yaml-flow.js';
import {
  AMP, ANCHOR_NAME, BACKSLASH, BUILDING, COLON, DASH, DQUOTE, GT, HASH, LBRACE, LBRACKET, LF, PIPE,
  SPACE, SQUOTE, STAR, isIndicator,
} from './yaml-scanner.js';

export class FastParser extends FlowParser {
  /** Line and column (1-based) where the node just parsed starts. */
  private nl = 0;
  private nc = 0;

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

  // --- block nodes -------------------------------------------------------------------------

  private isSeqIndicator(p: number): boolean {
    return this.src.charCodeAt(p) === DASH && this.spaceOrEnd(p + 1);
  }

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
}
