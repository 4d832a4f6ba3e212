// martflow source freshness: the age of each selected source's newest row against its warn_after /
// error_after, written to target/sources.json (dbt's v3 shape). Exits 1 when a source is stale past
// error_after or its query fails.
import { basename, dirname, resolve } from 'node:path';
import type { CommandContext } from '../command.js';
import { Workspace } from '../../workspace/workspace.js';
import { selectFromOptions } from '../selection.js';
import { hasFreshness, sourcesJson, type FreshnessResult } from '../../quality/freshness.js';
import { runFreshness } from '../../quality/freshness-run.js';
import { writeJsonArtifact } from '../../artifacts/manifest.js';
import { VERSION } from '../../version.js';
import { UserError } from '../../util/errors.js';

const LABEL: Record<FreshnessResult['status'], string> = { pass: 'PASS', warn: 'WARN', error: 'ERROR STALE', 'runtime error': 'ERROR' };

export async function run(ctx: CommandContext, options: Record<string, unknown>, args: string[]): Promise<number> {
  if (args[0] !== 'freshness') {
    throw new UserError(`unknown source subcommand '${args[0] ?? ''}'`, { hint: 'Run `martflow source freshness`.' });
  }
  const ws = await Workspace.open(ctx.global, ctx.logger, { connect: true, flags: { WHICH: 'source-freshness' }, signal: ctx.signal });
  try {
    const started = performance.now();
    const { selected } = selectFromOptions(ws.manifest, options, ctx.logger, { targetDir: ws.targetDir });
    const chosen = [...selected].map((id) => ws.manifest.sources[id]).filter((s) => s !== undefined);
    const sources = chosen.filter(hasFreshness).sort((a, b) => a.unique_id.localeCompare(b.unique_id));
    if (sources.length === 0) {
      ctx.logger.warn(
        chosen.length === 0
          ? 'Nothing to do: the selection matched no source.'
          : 'Nothing to do: none of the selected sources has a loaded_at_field with freshness warn_after or error_after.',
      );
    }
    const total = sources.length;
    const threads = ws.project.target.output.threads ?? 1;
    ctx.logger.info(`Running freshness of ${total} source${total === 1 ? '' : 's'} with ${threads} thread${threads === 1 ? '' : 's'}`);
    const results = await runFreshness(ws.requireAdapter(), sources, {
      threads,
      signal: ctx.signal,
      onResult: (source, r, i) => {
        const label = LABEL[r.status];
        const took = (r.execution_time ?? 0).toFixed(2);
        const line = `${i + 1} of ${total} ${label} freshness of ${source.source_name}.${source.name} [${label} in ${took}s]`;
        if (r.status === 'pass') ctx.logger.info(line);
        else if (r.status === 'warn') ctx.logger.warn(line);
        else ctx.logger.error(`${line}${r.error ? `\n  ${r.error}` : ''}`);
      },
    });
    const elapsed = (performance.now() - started) / 1000;
    const text = sourcesJson(results, { invocationId: ws.env.invocationId, dbtVersion: VERSION, elapsed });
    const out = options.output ? resolve(String(options.output)) : resolve(ws.targetDir, 'sources.json');
    writeJsonArtifact(dirname(out), basename(out), text);
    const count = (s: FreshnessResult['status']) => results.filter((r) => r.status === s).length;
    ctx.logger.info(`Done. PASS=${count('pass')} WARN=${count('warn')} ERROR=${count('error') + count('runtime error')} TOTAL=${results.length}`);
    return results.some((r) => r.status === 'error' || r.status === 'runtime error') ? 1 : 0;
  } finally {
    await ws.close();
  }
}
