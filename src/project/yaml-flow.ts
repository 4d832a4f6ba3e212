// Flow collections ([a, b] and {k: v}) of the fast YAML reader (see yaml-fast.ts), on one line
// or over lines indented more than the block collection they are in.
import { PackedPositions, recordPositions } from './yaml-positions.js';
import { DECLINE, resolvePlain } from './yaml-scalars.js';
import {
  COLON, COMMA, DASH, DQUOTE, HASH, LBRACE, LBRACKET, LF, RBRACE, RBRACKET, SPACE, SQUOTE, STAR,
  Scanner, isIndicator,
} from './yaml-scanner.js';

export abstract class FlowParser extends Scanner {
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

  protected flow(owner: number): unknown {
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
