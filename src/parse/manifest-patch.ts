// Patching manifest.json in place after a re-parse: when the file is still the one the stored parse
// wrote last (its size and mtime are recorded beside the stored parse), the metadata is rewritten where
// it stands and, when one node changed, the bytes from that node's entry on; nothing else is read.
import { closeSync, ftruncateSync, openSync, readFileSync, readSync, statSync, writeFileSync, writeSync } from 'node:fs';

/** Beside the stored parse: where manifest.json stood when the stored parse last wrote it. */
export const STATE_MANIFEST_FILE = 'partial_parse.manifest.json';

export interface WrittenManifest {
  size: number;
  mtimeMs: number;
  /** Byte length of the metadata JSON (a patch needs the new one to be as long). */
  metadataLength: number;
  /** The selectors section as written. */
  selectors: string;
  /** Where the first node entry starts. */
  nodesStart: number;
}

/** manifest.json starts `{"metadata":` then the metadata, then `,"nodes":{`. */
export const METADATA_AT = Buffer.byteLength('{"metadata":');
export const NODES_OPEN = ',"nodes":{';

/** The record of the last write when manifest.json is still that file and the new metadata and selectors fit it; else null. */
export function writtenManifest(path: string, recordPath: string, metadataLength: number, selectors: string): WrittenManifest | null {
  try {
    const record = JSON.parse(readFileSync(recordPath, 'utf8')) as WrittenManifest;
    const now = statSync(path);
    const same = now.size === record.size && now.mtimeMs === record.mtimeMs && record.metadataLength === metadataLength && record.selectors === selectors;
    return same ? record : null;
  } catch {
    return null;
  }
}

/** Records where manifest.json stands now (a record that cannot be written only means a whole write next time). */
export function recordWrittenManifest(path: string, recordPath: string, metadataLength: number, selectors: string): void {
  const after = statSync(path);
  const record: WrittenManifest = { size: after.size, mtimeMs: after.mtimeMs, metadataLength, selectors, nodesStart: METADATA_AT + metadataLength + NODES_OPEN.length };
  try {
    writeFileSync(recordPath, JSON.stringify(record));
  } catch {
    // the next write is a whole one
  }
}

/** One node entry replaced: where it starts, how long it was in the file, and its new bytes. */
export interface EntryChange {
  start: number;
  oldLength: number;
  entry: Buffer;
}

/** Rewrites the metadata where it stands and, for a changed entry, the entry and everything after it. */
export function patchManifestFile(path: string, written: WrittenManifest, metadataJson: Buffer, change: EntryChange | null): void {
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, metadataJson, 0, metadataJson.length, METADATA_AT);
    if (!change) return;
    const oldEnd = change.start + change.oldLength;
    const suffix = Buffer.alloc(written.size - oldEnd);
    readSync(fd, suffix, 0, suffix.length, oldEnd);
    writeSync(fd, change.entry, 0, change.entry.length, change.start);
    writeSync(fd, suffix, 0, suffix.length, change.start + change.entry.length);
    ftruncateSync(fd, change.start + change.entry.length + suffix.length);
  } finally {
    closeSync(fd);
  }
}
