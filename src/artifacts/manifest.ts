// target/manifest.json in dbt's v12 shape. martflow-only fields (node.location) are left out so the
// file validates against dbt's schema.
import { closeSync, mkdirSync, openSync, renameSync, writeFileSync, writevSync } from 'node:fs';
import { join } from 'node:path';
import type { Manifest } from '../project/manifest-types.js';

const MARTFLOW_ONLY = new Set(['location']);

export function manifestJson(manifest: Manifest): string {
  // A replacer function makes JSON.stringify several times slower on 40 MB manifests; martflow-only
  // fields are hidden (made non-enumerable) instead, which JSON.stringify skips natively.
  for (const group of [manifest.nodes, manifest.sources, manifest.macros, manifest.exposures, manifest.unit_tests]) {
    for (const entry of Object.values(group) as Record<string, unknown>[]) hideMartflowFields(entry);
  }
  for (const list of Object.values(manifest.disabled)) for (const entry of list as Record<string, unknown>[]) hideMartflowFields(entry);
  return JSON.stringify(manifest);
}

function hideMartflowFields(entry: Record<string, unknown>): void {
  for (const key of MARTFLOW_ONLY) {
    if (Object.prototype.propertyIsEnumerable.call(entry, key)) Object.defineProperty(entry, key, { value: entry[key], enumerable: false, writable: true, configurable: true });
  }
}

/** Writes atomically (temp file + rename) so a reader never sees half a manifest. */
export function writeJsonArtifact(targetDir: string, name: string, text: string): string {
  mkdirSync(targetDir, { recursive: true });
  const path = join(targetDir, name);
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
  return path;
}

/** Writes the concatenation of `parts` atomically (temp file + rename), without joining them in memory. */
export function writeArtifactBytes(targetDir: string, name: string, parts: Buffer[]): string {
  mkdirSync(targetDir, { recursive: true });
  const path = join(targetDir, name);
  const tmp = `${path}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    for (let i = 0; i < parts.length; i += 512) {
      const batch = parts.slice(i, i + 512);
      const total = batch.reduce((n, b) => n + b.length, 0);
      const written = writevSync(fd, batch);
      // A short write (rare) finishes with the rest of the batch.
      if (written < total) writeFileSync(fd, Buffer.concat(batch).subarray(written));
    }
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  return path;
}

export function writeManifest(targetDir: string, manifest: Manifest): string {
  return writeJsonArtifact(targetDir, 'manifest.json', manifestJson(manifest));
}
