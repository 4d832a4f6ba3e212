// Writing target/compiled/…: a compile of 10,000 models writes 20,000 small files, which takes about
// a second of system calls here. Past a few hundred files they are handed to a worker thread that
// writes them on the second core while this thread goes on rendering; fewer are written right away
// (starting a worker costs more than writing them). Either way a file is only rewritten when its
// text changed, and a file standing where a folder must go (an older layout) is replaced.
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { UserError } from '../util/errors.js';

/** Files queued before the writing moves to a worker thread. */
const WORKER_AFTER = 400;
/** Files sent to the worker in one message. */
const BATCH = 256;

type FileWrite = [path: string, text: string];
type Failure = [path: string, message: string];

/**
 * Writes one file unless it already holds `text`; `created` remembers the folders made so far, whose
 * files are new. Kept free of imports and outer names: the worker runs this function's source.
 */
function writeIfChanged(fs: typeof import('node:fs'), path: string, text: string | Buffer, created: Map<string, boolean>): void {
  const dir = path.slice(0, path.lastIndexOf('/'));
  let isNew = created.get(dir);
  if (isNew === undefined) {
    try {
      isNew = fs.mkdirSync(dir, { recursive: true }) !== undefined;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST' && code !== 'ENOTDIR') throw e;
      // A file stands where a folder must go: remove the file nearest the root, then make the folders.
      let p = dir;
      while (p.includes('/') && !(fs.existsSync(p) && fs.statSync(p).isFile())) p = p.slice(0, p.lastIndexOf('/'));
      fs.rmSync(p, { force: true });
      fs.mkdirSync(dir, { recursive: true });
      isNew = true;
    }
    created.set(dir, isNew);
  }
  if (!isNew) {
    let same = false;
    try {
      const current = fs.readFileSync(path);
      same = typeof text === 'string' ? current.toString('utf8') === text : current.equals(text);
    } catch {
      // missing or unreadable: write it
    }
    if (same) return;
  }
  fs.writeFileSync(path, text);
}

const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const writeIfChanged = ${writeIfChanged.toString()};
const created = new Map();
let failures = [];
parentPort.on('message', (m) => {
  if (m.paths) {
    const bytes = Buffer.from(m.bytes);
    let start = 0;
    for (let i = 0; i < m.paths.length; i++) {
      const end = m.ends[i];
      try { writeIfChanged(fs, m.paths[i], bytes.subarray(start, end), created); } catch (e) { failures.push([m.paths[i], e.message]); }
      start = end;
    }
  } else if (m.flush !== undefined) {
    parentPort.postMessage({ flushed: m.flush, failures });
    failures = [];
  }
});
`;

const nodeFs = { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } as unknown as typeof import('node:fs');

export class CompiledFiles {
  private queued: FileWrite[] = [];
  private worker: Worker | null = null;
  private workerError: Error | null = null;
  private flushes = 0;
  private readonly waiting = new Map<number, (failures: Failure[]) => void>();
  private readonly created = new Map<string, boolean>();

  /** Queues `text` for `path` (absolute, '/'-separated); later writes of a path win. */
  write(path: string, text: string): void {
    this.queued.push([path, text]);
    if (this.worker) {
      if (this.queued.length >= BATCH) this.send();
    } else if (this.queued.length >= WORKER_AFTER && !this.workerError) {
      this.startWorker();
      this.send();
    }
  }

  /** Writes everything queued; a file that cannot be written is a user error naming it. */
  async flush(): Promise<void> {
    let failures: Failure[];
    if (this.worker) {
      this.send();
      const id = this.flushes++;
      const worker = this.worker;
      worker.ref();
      try {
        failures = await new Promise<Failure[]>((resolve) => {
          this.waiting.set(id, resolve);
          worker.postMessage({ flush: id });
        });
      } finally {
        worker.unref();
      }
      if (this.workerError) failures.push(...this.writeHere());
    } else failures = this.writeHere();
    if (failures.length) {
      const [path, message] = failures[0]!;
      const more = failures.length > 1 ? ` (and ${failures.length - 1} more)` : '';
      throw new UserError(`could not write compiled SQL to ${path}: ${message}${more}`, { hint: 'Check that the target folder is writable.' });
    }
  }

  private writeHere(): Failure[] {
    const failures: Failure[] = [];
    for (const [path, text] of this.queued) {
      try {
        writeIfChanged(nodeFs, path, text, this.created);
      } catch (e) {
        failures.push([path, (e as Error).message]);
      }
    }
    this.queued = [];
    return failures;
  }

  /**
   * Hands the queued files to the worker as one buffer of their UTF-8 bytes, transferred rather than
   * copied: cloning 20,000 strings into a message cost this thread more than encoding them.
   */
  private send(): void {
    const queued = this.queued;
    if (queued.length === 0) return;
    let total = 0;
    for (const [, text] of queued) total += Buffer.byteLength(text);
    const bytes = Buffer.allocUnsafeSlow(total);
    const paths: string[] = [];
    const ends: number[] = [];
    let at = 0;
    for (const [path, text] of queued) {
      at += bytes.write(text, at);
      paths.push(path);
      ends.push(at);
    }
    this.worker!.postMessage({ paths, ends, bytes: bytes.buffer }, [bytes.buffer]);
    this.queued = [];
  }

  private startWorker(): void {
    const worker = new Worker(WORKER_SOURCE, { eval: true });
    worker.unref();
    worker.on('message', (m: { flushed: number; failures: Failure[] }) => {
      this.waiting.get(m.flushed)?.(m.failures);
      this.waiting.delete(m.flushed);
    });
    // A worker that dies (it should not) leaves its files to this thread: they are not lost.
    worker.on('error', (e) => this.workerFailed(e));
    worker.on('exit', (code) => this.workerFailed(new Error(`the compiled-SQL writer stopped (exit code ${code})`)));
    this.worker = worker;
  }

  private workerFailed(e: Error): void {
    if (!this.worker) return;
    this.workerError = e;
    this.worker = null;
    for (const resolve of this.waiting.values()) resolve([['target/compiled', `${e.message}; some files may not have been written`]]);
    this.waiting.clear();
  }
}

/** The compiled-SQL files of this process. */
export const compiledFiles = new CompiledFiles();
