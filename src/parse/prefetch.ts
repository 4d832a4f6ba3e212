// Reading the stored parse ahead: commands start reading target/partial_parse.* (in the thread pool)
// before their modules load and the project's configuration is read, so the 40 MB are in memory by
// the time a re-parse needs them. A prefetch of a folder that turns out not to be the target is unused.
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export const STATE_INDEX_FILE = 'partial_parse.index.json';
export const STATE_DATA_FILE = 'partial_parse.nodes';

/**
 * The index (small, needed at once) and the data file (large: read only when a command will build the
 * manifest objects or write a whole manifest; a re-parse that patches manifest.json never reads it).
 */
export interface StoredParseFiles {
  index: Promise<string | null>;
  /** Starts reading the data file, or joins the read already started. */
  data: () => Promise<Buffer | null>;
}

/** A read ahead is used only this soon after it started (a long-running process reads afresh). */
const FRESH_MS = 5000;
const started = new Map<string, { files: StoredParseFiles; at: number }>();

/** Starts reading the stored parse's index in `targetDir` (and its data when `withData`), or joins a read started moments ago. */
export function readStoredParse(targetDir: string, withData = false): StoredParseFiles {
  const dir = resolve(targetDir);
  const ahead = started.get(dir);
  let files: StoredParseFiles;
  if (ahead && performance.now() - ahead.at < FRESH_MS) files = ahead.files;
  else {
    let data: Promise<Buffer | null> | null = null;
    files = {
      index: readFile(join(dir, STATE_INDEX_FILE), 'utf8').catch(() => null),
      data: () => (data ??= readFile(join(dir, STATE_DATA_FILE)).catch(() => null)),
    };
    started.set(dir, { files, at: performance.now() });
  }
  if (withData) void files.data();
  return files;
}

/** What a stored parse read ahead is worth only once: the next read must see newer files. */
export function forgetStoredParse(targetDir: string): void {
  started.delete(resolve(targetDir));
}
