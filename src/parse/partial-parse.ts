// Partial parsing: what each node's parse-time render captured (refs, sources, config(), macros),
// keyed by the node's file checksum and saved in target/partial_parse.json. The whole cache is
// dropped when anything that could change a render changes: macros, dbt_project.yml, vars, target,
// packages or martflow's version.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { LoadedProject } from '../project/loaded-project.js';
import type { Capture } from './capture.js';
import { builtinPackageMacroFiles, internalMacroFiles } from './macros.js';
import { VERSION } from '../version.js';

const FORMAT = 3;

interface CacheFile {
  format: number;
  version: string;
  environmentHash: string;
  entries: Record<string, { checksum: string; capture: Capture }>;
}

/** Hash of everything outside a node's own file that can change what its render captures. */
export function environmentHash(project: LoadedProject): string {
  const h = createHash('sha256');
  h.update(VERSION);
  for (const f of internalMacroFiles()) h.update(f.file.checksum);
  for (const b of project.builtinPackages) for (const f of builtinPackageMacroFiles(b.name)) h.update(f.file.checksum);
  for (const pkg of project.packages) {
    h.update(pkg.name);
    for (const m of pkg.macros) h.update(m.path + m.file.checksum);
    h.update(JSON.stringify(pkg.project));
  }
  h.update(JSON.stringify(project.cliVars));
  h.update(JSON.stringify(project.target));
  return h.digest('hex');
}

export class PartialParseCache {
  private entries: CacheFile['entries'] = {};
  private readonly fresh: CacheFile['entries'] = {};
  hits = 0;

  constructor(private readonly path: string, private readonly envHash: string) {}

  static load(path: string, envHash: string): PartialParseCache {
    const cache = new PartialParseCache(path, envHash);
    try {
      const data = JSON.parse(readFileSync(path, 'utf8')) as CacheFile;
      if (data.format === FORMAT && data.version === VERSION && data.environmentHash === envHash) cache.entries = data.entries;
    } catch {
      // no cache yet, or unreadable: parse everything
    }
    return cache;
  }

  lookup(uniqueId: string, checksum: string): Capture | undefined {
    const e = this.entries[uniqueId];
    // A render that read environment variables is reused only while they keep their values.
    const envSame = !e?.capture.envVars || Object.entries(e.capture.envVars).every(([k, v]) => (process.env[k] ?? null) === v);
    if (e && e.checksum === checksum && envSame) {
      this.hits++;
      this.fresh[uniqueId] = e;
      return e.capture;
    }
    return undefined;
  }

  store(uniqueId: string, checksum: string, capture: Capture): void {
    this.fresh[uniqueId] = { checksum, capture };
  }

  /** Writes what this parse used (entries of deleted files drop out). Atomic: write then rename. */
  save(): void {
    const data: CacheFile = { format: FORMAT, version: VERSION, environmentHash: this.envHash, entries: this.fresh };
    try {
      mkdirSync(dirname(this.path), { recursive: true });
      const tmp = `${this.path}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(data));
      renameSync(tmp, this.path);
    } catch {
      // a cache that cannot be written only costs time next run
    }
  }
}
