// Runs a martflow command as a fresh process and reports wall seconds and peak memory (RSS).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = join(dirname(fileURLToPath(import.meta.url)), '..');
export const MARTFLOW = join(REPO, 'bin', 'martflow.js');

export interface Measurement {
  seconds: number;
  /** Peak resident memory in MB, when /usr/bin/time is available. */
  peakMb: number | null;
  stdout: string;
  /** The phase lines a run with MARTFLOW_TIMINGS=1 prints (src/util/timings.ts). */
  phases: string[];
}

export function runMartflow(args: string[], cwd: string, env: Record<string, string> = {}): Measurement {
  if (!existsSync(join(REPO, 'dist', 'cli', 'main.js'))) throw new Error('build first: npm run build');
  const useTime = existsSync('/usr/bin/time');
  const cmd = useTime ? '/usr/bin/time' : process.execPath;
  const cmdArgs = useTime ? ['-f', 'MARTFLOW_PEAK_KB=%M', process.execPath, MARTFLOW, ...args] : [MARTFLOW, ...args];
  // Flush dirty pages first (a generated project, a previous run's 100 MB of artifacts), so the
  // kernel writing them back does not land in this run's figure.
  spawnSync('sync');
  const started = performance.now();
  const r = spawnSync(cmd, cmdArgs, { cwd, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 1 << 28 });
  const seconds = (performance.now() - started) / 1000;
  if (r.status !== 0) throw new Error(`martflow ${args.join(' ')} exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
  const kb = /MARTFLOW_PEAK_KB=(\d+)/.exec(r.stderr ?? '');
  return { seconds, peakMb: kb ? Number(kb[1]) / 1024 : null, stdout: r.stdout, phases: (r.stderr ?? '').split('\n').filter((l) => l.startsWith('martflow timing:')) };
}

export function fmt(m: Measurement): string {
  return `${m.seconds.toFixed(2)} s${m.peakMb !== null ? `, peak RSS ${m.peakMb.toFixed(0)} MB` : ''}`;
}
