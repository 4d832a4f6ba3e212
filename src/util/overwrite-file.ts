// Writing a big file over its previous version in place: the disk blocks are reused instead of a new
// file being allocated and the old one freed, which is what makes rewriting a 40 MB manifest slow.
// Big files are written in pieces through one reused buffer, never joined into one 40 MB string or
// Buffer first: on this kind of VM every megabyte a process touches for the first time costs about
// 3 ms (page faults), and a big Buffer also makes V8 run a full garbage collection.
import { closeSync, ftruncateSync, openSync, readSync, writeSync, writevSync } from 'node:fs';

/** Opens `path` for writing in place (created if missing). */
function openInPlace(path: string): number {
  try {
    return openSync(path, 'r+');
  } catch {
    return openSync(path, 'w');
  }
}

/** Writes the concatenation of `parts` to `path` (created if missing), replacing its content. */
export function overwriteFile(path: string, parts: Buffer[]): void {
  const fd = openInPlace(path);
  try {
    let position = 0;
    for (let i = 0; i < parts.length; i += 512) {
      const batch = parts.slice(i, i + 512);
      const total = batch.reduce((n, b) => n + b.length, 0);
      const written = writevSync(fd, batch, position);
      // A short write (rare) finishes with the rest of the batch.
      if (written < total) writeAll(fd, Buffer.concat(batch).subarray(written), position + written);
      position += total;
    }
    ftruncateSync(fd, position);
  } finally {
    closeSync(fd);
  }
}

function writeAll(fd: number, bytes: Buffer, position: number): void {
  let done = 0;
  while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done, position + done);
}

const CHUNK = 1 << 20;

/**
 * A file written front to back in pieces (strings, bytes, ranges copied from another file) through
 * one 1 MB buffer; `position` is where the next piece lands, so callers can record ranges as they go.
 * close() truncates whatever an older, longer version left after the end.
 */
export class FileByteWriter {
  private readonly fd: number;
  private readonly buffer = Buffer.allocUnsafeSlow(CHUNK);
  private used = 0;
  private flushed = 0;

  constructor(readonly path: string) {
    this.fd = openInPlace(path);
  }

  /** Bytes written so far (including those still in the buffer). */
  get position(): number {
    return this.flushed + this.used;
  }

  /** Appends `text` as UTF-8; returns its length in bytes. */
  write(text: string): number {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8: with that much room the text always fits.
    if (text.length * 3 > CHUNK - this.used) {
      this.flush();
      if (text.length * 3 > CHUNK) {
        const bytes = Buffer.from(text, 'utf8');
        this.writeBytes(bytes);
        return bytes.length;
      }
    }
    const n = this.buffer.write(text, this.used, 'utf8');
    this.used += n;
    return n;
  }

  /** Appends bytes. */
  writeBytes(bytes: Buffer): void {
    if (bytes.length <= CHUNK - this.used) {
      bytes.copy(this.buffer, this.used);
      this.used += bytes.length;
      return;
    }
    this.flush();
    writeAll(this.fd, bytes, this.flushed);
    this.flushed += bytes.length;
  }

  /** Appends `length` bytes of the open file `fd` from `start`, a buffer at a time. */
  copyFrom(fd: number, start: number, length: number): void {
    let done = 0;
    while (done < length) {
      if (this.used === CHUNK) this.flush();
      const n = readSync(fd, this.buffer, this.used, Math.min(CHUNK - this.used, length - done), start + done);
      if (n === 0) throw new Error(`${this.path}: the file copied from ended early`);
      this.used += n;
      done += n;
    }
  }

  private flush(): void {
    if (this.used === 0) return;
    writeAll(this.fd, this.buffer.subarray(0, this.used), this.flushed);
    this.flushed += this.used;
    this.used = 0;
  }

  /** Writes what is buffered, cuts the file at `position` and closes it. */
  close(): void {
    try {
      this.flush();
      ftruncateSync(this.fd, this.flushed);
    } finally {
      closeSync(this.fd);
    }
  }

  /** Closes without finishing (after an error): the file's content is then undefined. */
  abandon(): void {
    closeSync(this.fd);
  }
}

/**
 * Writes `path` in place with what `fill` writes to it and returns what `fill` returns; on an error
 * the file is left unfinished and the error rethrown.
 */
export function writeInPieces<T>(path: string, fill: (out: FileByteWriter) => T): T {
  const out = new FileByteWriter(path);
  let result: T;
  try {
    result = fill(out);
  } catch (e) {
    out.abandon();
    throw e;
  }
  out.close();
  return result;
}
