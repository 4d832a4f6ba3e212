// Where a command's time goes: with MARTFLOW_TIMINGS=1 each marked phase's wall time (since the
// previous mark, the first since the process started) is printed to stderr when the process exits.
// Off, a mark costs one check. bench/ scripts use it to report phases beside their totals.
const enabled = Boolean(process.env.MARTFLOW_TIMINGS);
const phases: [string, number][] = [];
let last = 0;

/** Ends the phase called `name` now. */
export function markPhase(name: string): void {
  if (!enabled) return;
  const now = performance.now();
  phases.push([name, now - last]);
  last = now;
  if (phases.length === 1) process.once('exit', printPhases);
}

function printPhases(): void {
  markPhase('exit');
  const lines = phases.map(([name, ms]) => `martflow timing: ${name.padEnd(28)} ${ms.toFixed(0).padStart(6)} ms`);
  process.stderr.write(`${lines.join('\n')}\n`);
}
