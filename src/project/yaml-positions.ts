// Where the objects and arrays built from YAML were written, so error messages can say file:line:col.
import type { SourceLocation } from '../util/errors.js';

/** Positions recorded from a `yaml` document: the container and each key or index. */
export interface Positions {
  self: SourceLocation;
  keys: Map<string | number, SourceLocation>;
}

/**
 * Positions recorded by the fast parser, packed: the location objects are made only when asked for
 * (most entries are never asked about).
 */
export class PackedPositions {
  private index: Map<string, number> | undefined;

  constructor(
    readonly file: string,
    readonly line: number,
    readonly col: number,
    /** A mapping's keys in the order written; null for a list (the key is the index). */
    readonly keys: string[] | null,
    /** Line and column of each entry: [line0, col0, line1, col1, ...]. */
    readonly at: number[],
  ) {}

  locate(key: string | number | undefined): SourceLocation {
    if (key !== undefined) {
      let i = -1;
      if (this.keys === null) {
        if (typeof key === 'number' && Number.isInteger(key) && key >= 0 && key * 2 < this.at.length) i = key;
      } else if (typeof key === 'string') {
        if (this.keys.length <= 16) i = this.keys.indexOf(key);
        else {
          if (!this.index) {
            this.index = new Map();
            this.keys.forEach((k, j) => this.index!.set(k, j));
          }
          i = this.index.get(key) ?? -1;
        }
      }
      if (i >= 0) return { file: this.file, line: this.at[i * 2], col: this.at[i * 2 + 1] };
    }
    return { file: this.file, line: this.line, col: this.col };
  }
}

// Objects/arrays built from YAML → where they and their entries are. A WeakMap so copies made
// later by merging simply have no positions (callers fall back to the container's location).
const positions = new WeakMap<object, Positions | PackedPositions>();

export function recordPositions(container: object, p: Positions | PackedPositions): void {
  positions.set(container, p);
}

export function positionsOf(container: object): Positions | PackedPositions | undefined {
  return positions.get(container);
}

/** Where `container[key]` was written (the key of a map entry, the start of a list item), else the container. */
export function locationOf(container: unknown, key?: string | number, fallback?: SourceLocation): SourceLocation {
  if (container !== null && typeof container === 'object') {
    const p = positions.get(container);
    if (p instanceof PackedPositions) return p.locate(key);
    if (p) return (key !== undefined ? p.keys.get(key) : undefined) ?? p.self;
  }
  return fallback ?? { file: '<unknown>' };
}

/** Records positions for a value built elsewhere (tests, merged copies). */
export function setLocation(container: object, self: SourceLocation): void {
  if (!positions.has(container)) positions.set(container, { self, keys: new Map() });
}
