// martflow debug: shows the project, profile and target in use and tests the warehouse connection.
import { resolve } from 'node:path';
import type { CommandContext } from '../command.js';
import { Workspace } from '../../workspace/workspace.js';
import { VERSION } from '../../version.js';
import { UserError } from '../../util/errors.js';

export async function run(ctx: CommandContext): Promise<number> {
  const log = ctx.logger;
  log.info(`martflow ${VERSION}, Node.js ${process.version}, ${process.platform}`);
  log.info(`project dir: ${resolve(ctx.global.projectDir)}`);
  let ws: Workspace | null = null;
  try {
    ws = await Workspace.open(ctx.global, log, { connect: true, flags: { WHICH: 'debug' }, signal: ctx.signal });
    const t = ws.project.target;
    log.info(`dbt_project.yml: OK (project '${ws.project.root.name}')`);
    log.info(`profiles.yml: ${t.profilesPath ?? 'none found'}${t.note ? ` — ${t.note}` : ''}`);
    log.info(`profile '${t.profileName}', target '${t.targetName}': type ${t.output.type}, schema ${t.output.schema}, threads ${t.output.threads}`);
    await ws.requireAdapter().execute('select 1 as ok');
    log.info(`Connection test: ${log.paint('OK connection ok', 'green')}`);
    log.info('All checks passed!');
    return 0;
  } catch (e) {
    if (e instanceof UserError) {
      log.error(`Connection test or configuration check failed: ${e.format()}`);
      return 1;
    }
    throw e;
  } finally {
    await ws?.close();
  }
}
