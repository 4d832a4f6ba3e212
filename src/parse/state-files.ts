// The stored parse's record of the project's files (size, mtime, checksum), to tell what changed
// since: a file whose size and mtime match, and that was not written in the same tick as the
// record, is unchanged without being read.
import type { FileStat } from '../project/read-files.js';
import { RACY_MS, type StateIndex } from './state-format.js';

export class StoredFiles {
  /** path → its position in the file columns (built on first use). */
  private positions: Map<string, number> | null = null;

  constructor(
    private readonly index: StateIndex,
    /** Called when a record changes (the index must be saved). */
    private readonly onChange: () => void,
  ) {}

  private position(path: string): number | undefined {
    if (!this.positions) {
      this.positions = new Map();
      this.index.files.paths.forEach((p, i) => this.positions!.set(p, i));
    }
    return this.positions.get(path);
  }

  /** Whether the stored parse knows this file. */
  has(path: string): boolean {
    return this.position(path) !== undefined;
  }

  /** Updates the recorded size/mtime/checksum of a known file (after a re-parse looked at it). */
  set(path: string, stat: FileStat, checksum: string | null): void {
    const i = this.position(path);
    if (i === undefined) return;
    this.index.files.sizes[i] = stat.size;
    this.index.files.mtimes[i] = stat.mtimeMs;
    this.index.files.checksums[i] = checksum;
    this.onChange();
  }

  /** Whether a file's size and mtime say it is unchanged (and it was not written in the same tick as the state). */
  unchanged(path: string, stat: FileStat): boolean {
    const i = this.position(path);
    const f = this.index.files;
    return i !== undefined && f.sizes[i] === stat.size && f.mtimes[i] === stat.mtimeMs && stat.mtimeMs + RACY_MS < this.index.writtenAt;
  }

  /** The checksum the last parse recorded, or null when it did not read the file. */
  checksum(path: string): string | null {
    const i = this.position(path);
    return i === undefined ? null : this.index.files.checksums[i] ?? null;
  }
}
