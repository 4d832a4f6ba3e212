// Runs the real martflow binary (bin/martflow.js → dist/, built by `npm test` first) the way a user
// does, in a copy of a fixture project, and reads tables back for assertions.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const MARTFLOW_BIN = join(REPO_ROOT, 'bin', 'martflow.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout + stderr, for messages in failed assertions. */
  output: string;
}

/** How a functional suite reaches one engine: extra CLI flags (--target) and environment variables. */
export interface Engine {
  args: string[];
  env: Record<string, string>;
}

export function martflow(args: string[], options: { cwd: string; env?: Record<string, string | undefined> }): CliResult {
  const r = spawnSync(process.execPath, [MARTFLOW_BIN, ...args], {
    cwd: options.cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    maxBuffer: 1 << 26,
  });
  const stdout = r.stdout ?? '';
  const stderr = r.stderr ?? '';
  return { code: r.status ?? -1, stdout, stderr, output: `${stdout}\n${stderr}` };
}

/** Starts martflow without waiting (for interrupt and kill tests). */
export function martflowAsync(args: string[], options: { cwd: string; env?: Record<string, string | undefined> }) {
  return spawn(process.execPath, [MARTFLOW_BIN, ...args], { cwd: options.cwd, env: { ...process.env, NO_COLOR: '1', ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A private copy of a fixture project under the OS temp folder; remove() deletes it. */
export function copyProject(fixtureDir: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'martflow-test-'));
  cpSync(fixtureDir, dir, { recursive: true, filter: (src) => !/[\\/](target|logs|dbt_packages)([\\/]|$)/.test(src.slice(fixtureDir.length)) });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
