// target/manifest.json in dbt's v12 shape. martflow-only fields (node.location) are left out so the
// file validates against dbt's schema.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Manifest } from '../project/manifest-types.js';

const MARTFLOW_ONLY = new Set(['location']);

export function manifestJson(manifest: Manifest): string {
  return JSON.stringify(manifest, (key, value) => (MARTFLOW_ONLY.has(key) ? undefined : typeof value === 'bigint' ? Number(value) : value));
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

export function writeManifest(targetDir: string, manifest: Manifest): string {
  return writeJsonArtifact(targetDir, 'manifest.json', manifestJson(manifest));
}
