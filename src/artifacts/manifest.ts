// target/manifest.json in dbt's v12 shape. martflow-only fields (node.location) are left out so the
// file validates against dbt's schema.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { writeInPieces, type FileByteWriter } from '../util/overwrite-file.js';
import { join } from 'node:path';
import type { Manifest } from '../project/manifest-types.js';
import { VERSION } from '../version.js';

const MARTFLOW_ONLY = new Set(['location']);

const DBT_SCHEMA_VERSION = 'https://schemas.getdbt.com/dbt/manifest/v12.json';

/** The manifest's metadata block. */
export function manifestMetadata(projectName: string, invocationId: string, adapterType: string): Manifest['metadata'] {
  return {
    dbt_schema_version: DBT_SCHEMA_VERSION,
    dbt_version: VERSION,
    generated_at: new Date().toISOString(),
    invocation_id: invocationId,
    env: {},
    project_name: projectName,
    project_id: null,
    user_id: null,
    send_anonymous_usage_stats: false,
    adapter_type: adapterType,
  };
}

/** Sections written entry by entry: the big ones (20,000 nodes make a 40 MB manifest). */
const STREAMED = new Set(['nodes', 'sources', 'macros', 'disabled', 'parent_map', 'child_map']);

/**
 * Writes `manifest` as JSON (the bytes JSON.stringify gives) to `out`, the big sections entry by
 * entry, so the whole manifest never exists as one string.
 */
function writeManifestJson(manifest: Manifest, out: FileByteWriter): void {
  // A replacer function makes JSON.stringify several times slower on 40 MB manifests; martflow-only
  // fields are hidden (made non-enumerable) instead, which JSON.stringify skips natively.
  for (const group of [manifest.nodes, manifest.sources, manifest.macros, manifest.exposures, manifest.unit_tests]) {
    for (const entry of Object.values(group) as Record<string, unknown>[]) hideMartflowFields(entry);
  }
  for (const list of Object.values(manifest.disabled)) for (const entry of list as Record<string, unknown>[]) hideMartflowFields(entry);
  let separator = '{';
  for (const [key, value] of Object.entries(manifest)) {
    const json = STREAMED.has(key) && value !== null && typeof value === 'object' ? null : JSON.stringify(value);
    if (json === undefined) continue; // what JSON.stringify leaves out
    out.write(`${separator}${JSON.stringify(key)}:`);
    separator = ',';
    if (json !== null) out.write(json);
    else writeEntries(value as Record<string, unknown>, out);
  }
  out.write(separator === '{' ? '{}' : '}');
}

function writeEntries(group: Record<string, unknown>, out: FileByteWriter): void {
  let separator = '{';
  for (const [id, entry] of Object.entries(group)) {
    const json = JSON.stringify(entry);
    if (json === undefined) continue;
    out.write(`${separator}${JSON.stringify(id)}:`);
    out.write(json);
    separator = ',';
  }
  out.write(separator === '{' ? '{}' : '}');
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

/**
 * Writes manifest.json over the file in place (then truncates it to length). Replacing a 40 MB file
 * by a new one (write + rename) costs 20× more on this kind of disk (the old blocks are freed and
 * discarded); readers never hold manifest.json open.
 */
export function writeManifest(targetDir: string, manifest: Manifest): string {
  mkdirSync(targetDir, { recursive: true });
  const path = join(targetDir, 'manifest.json');
  writeInPieces(path, (out) => writeManifestJson(manifest, out));
  return path;
}
