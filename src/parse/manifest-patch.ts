// Patching manifest.json in place after a re-parse: when the file is still the one the stored parse
// wrote last (its size and mtime are recorded beside the stored parse), the metadata is rewritten where
// it stands and a changed node's entry too: the stored parse writes spaces after every entry, so an
// edit that grows it a little fits; a bigger one moves the bytes after it. Nothing else is read.
import { closeSync, ftruncateSync, openSync, readFileSync, readSync, statSync, writeFileSync, writeSync } from 'node:fs';

/** Beside the stored parse: where manifest.json stood when the stored parse last wrote it. */
export const STATE_MANIFEST_FILE = 'partial_parse.manifest.json';

/** Spaces after each node entry of manifest.json (JSON allows them): room for an edit to grow into. */
export const ENTRY_SLACK = 64;

export interface WrittenManifest {
  size: number;
  mtimeMs: number;
  /** Byte length of the metadata JSON (a patch needs the new one to be as long). */
  metadataLength: number;
  /** The selectors section as written. */
  selectors: string;
  /** Where the first node entry starts. */
  nodesStart: number;
  /** Spaces after node entries, by node index, where they are not ENTRY_SLACK. */
  slack: Record<number, number>;
}

/** manifest.json starts `{"metadata":` then the metadata, then `,"nodes":{`. */
export const METADATA_AT = Buffer.byteLength('{"metadata":');
export const NODES_OPEN = ',"nodes":{';

/** The record of the last write when manifest.json is still that file and the new metadata and selectors fit it; else null. */
export function writtenManifest(path: string, recordPath: string, metadataLength: number, selectors: string): WrittenManifest | null {
  try {
    const record = JSON.parse(readFileSync(recordPath, 'utf8')) as WrittenManifest;
    const now = statSync(path);
    const same = now.size === record.size && now.mtimeMs === record.mtimeMs && record.metadataLength === metadataLength && record.selectors === selectors && typeof record.slack === 'object';
    return same ? record : null;
  } catch {
    return null;
  }
}

/** Records where manifest.json stands now (a record that cannot be written only means a whole write next time). */
export function recordWrittenManifest(path: string, recordPath: string, metadataLength: number, selectors: string, slack: Record<number, number>): void {
  const after = statSync(path);
  const record: WrittenManifest = { size: after.size, mtimeMs: after.mtimeMs, metadataLength, selectors, nodesStart: METADATA_AT + metadataLength + NODES_OPEN.length, slack };
  try {
    writeFileSync(recordPath, JSON.stringify(record));
  } catch {
    // the next write is a whole one
  }
}

/** One node entry replaced: node i's entry, where it starts, its length and the spaces after it in the file, and its new bytes. */
export interface EntryChange {
  i: number;
  start: number;
  oldLength: number;
  oldSlack: number;
  entry: Buffer;
}

/**
 * Rewrites the metadata where it stands and a changed entry: in the room of the old entry and its
 * spaces when it fits, else moving everything after it. Returns the spaces now after the entry.
 */
export function patchManifestFile(path: string, written: WrittenManifest, metadataJson: Buffer, change: EntryChange | null): number {
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, metadataJson, 0, metadataJson.length, METADATA_AT);
    if (!change) return 0;
    const room = change.oldLength + change.oldSlack;
    if (change.entry.length <= room) {
      const slot = Buffer.alloc(room, ' ');
      change.entry.copy(slot);
      writeSync(fd, slot, 0, slot.length, change.start);
      return room - change.entry.length;
    }
    const oldEnd = change.start + room;
    const suffix = Buffer.alloc(written.size - oldEnd);
    readSync(fd, suffix, 0, suffix.length, oldEnd);
    const slot = Buffer.alloc(change.entry.length + ENTRY_SLACK, ' ');
    change.entry.copy(slot);
    writeSync(fd, slot, 0, slot.length, change.start);
    writeSync(fd, suffix, 0, suffix.length, change.start + slot.length);
    ftruncateSync(fd, change.start + slot.length + suffix.length);
    return ENTRY_SLACK;
  } finally {
    closeSync(fd);
  }
}
