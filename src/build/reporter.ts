// The lines a person watches during a run: numbered START / OK / ERROR / SKIP / PASS / FAIL with
// relation, rows and seconds, and a closing summary listing each error with its file. A live progress
// line is drawn on a terminal; --log-format json gets one event per line instead.
import type { Logger } from '../cli/logger.js';
import type { ManifestNode } from '../project/manifest-types.js';
import type { NodeResult } from './run-results.js';

const WIDTH = 80;

function describe(node: ManifestNode): string {
  const where = node.resource_type === 'test' ? node.name : `${node.schema}.${node.alias}`;
  switch (node.resource_type) {
    case 'model':
      return `sql ${node.config.materialized} model ${where}`;
    case 'seed':
      return `seed file ${where}`;
    case 'snapshot':
      return `snapshot ${where}`;
    case 'test':
      return `test ${where}`;
    default:
      return `${node.resource_type} ${where}`;
  }
}

function dots(left: string, right: string): string {
  const n = Math.max(3, WIDTH - left.length - right.length);
  return `${left} ${'.'.repeat(n)} ${right}`;
}

export class RunReporter {
  private index = 0;
  private readonly numbers = new Map<string, number>();
  private done = 0;
  private readonly live: boolean;

  constructor(private readonly logger: Logger, private readonly total: number) {
    this.live = logger.options.format === 'text' && !logger.options.quiet && process.stdout.isTTY === true;
  }

  private numberOf(id: string): number {
    let n = this.numbers.get(id);
    if (n === undefined) {
      n = ++this.index;
      this.numbers.set(id, n);
    }
    return n;
  }

  private clearProgress(): void {
    if (this.live) process.stdout.write('\r\u001b[2K');
  }

  private drawProgress(): void {
    if (!this.live) return;
    const width = 30;
    const filled = Math.round((this.done / Math.max(1, this.total)) * width);
    process.stdout.write(`[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${this.done}/${this.total}`);
  }

  start(node: ManifestNode): void {
    const n = this.numberOf(node.unique_id);
    this.clearProgress();
    this.logger.log('info', dots(`${n} of ${this.total} START ${describe(node)}`, '[RUN]'), { event: 'node_start', unique_id: node.unique_id, index: n, total: this.total });
    this.drawProgress();
  }

  finish(result: NodeResult): void {
    const n = this.numberOf(result.uniqueId);
    this.done++;
    const secs = ((result.completedAt.getTime() - result.startedAt.getTime()) / 1000).toFixed(2);
    const p = (s: string, c: 'green' | 'red' | 'yellow') => this.logger.paint(s, c);
    let label: string;
    let right: string;
    switch (result.status) {
      case 'success':
        label = `${p('OK', 'green')} ${result.node.resource_type === 'seed' ? 'loaded' : 'created'}`;
        right = `[${p(result.message, 'green')} in ${secs}s]`;
        break;
      case 'pass':
        label = p('PASS', 'green');
        right = `[${p('PASS', 'green')} in ${secs}s]`;
        break;
      case 'warn':
        label = p('WARN', 'yellow');
        right = `[${p(`WARN ${result.failures ?? ''}`.trim(), 'yellow')} in ${secs}s]`;
        break;
      case 'fail':
        label = p('FAIL', 'red');
        right = `[${p(`FAIL ${result.failures ?? ''}`.trim(), 'red')} in ${secs}s]`;
        break;
      case 'skipped':
        label = p('SKIP', 'yellow');
        right = `[${p('SKIP', 'yellow')}]`;
        break;
      default:
        label = `${p('ERROR', 'red')} creating`;
        right = `[${p('ERROR', 'red')} in ${secs}s]`;
    }
    this.clearProgress();
    this.logger.log(result.status === 'error' ? 'error' : 'info', dots(`${n} of ${this.total} ${label} ${describe(result.node)}`, right), {
      event: 'node_finished',
      unique_id: result.uniqueId,
      status: result.status,
      message: result.message,
      rows_affected: result.rowsAffected,
      failures: result.failures,
      execution_time: Number(secs),
    }, result.status === 'error' || result.status === 'fail');
    this.drawProgress();
  }

  summary(results: NodeResult[], elapsed: number): void {
    this.clearProgress();
    const count = (s: string) => results.filter((r) => r.status === s).length;
    const ok = count('success') + count('pass');
    const problems = results.filter((r) => r.status === 'error' || r.status === 'fail' || r.status === 'warn');
    this.logger.log('info', '', undefined, true);
    this.logger.log('info', `Finished running ${results.length} node${results.length === 1 ? '' : 's'} in ${elapsed.toFixed(2)}s.`, undefined, true);
    for (const r of problems) {
      const file = r.node.original_file_path;
      const head = r.status === 'warn' ? this.logger.paint('Warning', 'yellow') : r.status === 'fail' ? this.logger.paint('Failure', 'red') : this.logger.paint('Error', 'red');
      this.logger.log(r.status === 'warn' ? 'warn' : 'error', `${head} in ${r.node.resource_type} ${r.node.name} (${file})\n  ${r.message.split('\n').join('\n  ')}${r.detail ? `\n  ${r.detail}` : ''}`, undefined, true);
    }
    this.logger.log(
      'info',
      `Done. PASS=${ok} WARN=${count('warn')} ERROR=${count('error')} FAIL=${count('fail')} SKIP=${count('skipped')} TOTAL=${results.length}`,
      { event: 'run_summary', pass: ok, warn: count('warn'), error: count('error'), fail: count('fail'), skip: count('skipped'), total: results.length },
      true,
    );
  }
}
