// martflow clean: deletes the folders listed in clean-targets (default target/ and dbt_packages/).
import { rmSync } from 'node:fs';
import { resolve, relative, sep } from 'node:path';
import type { CommandSpec } from '../command.js';
import { loadProjectConfigOnly } from '../../project/index.js';
import { UserError } from '../../util/errors.js';

export const cleanCommand: CommandSpec = {
  name: 'clean',
  description: 'delete the clean-targets folders (target/, dbt_packages/, …)',
  async run(ctx) {
    const projectDir = resolve(ctx.global.projectDir);
    const config = await loadProjectConfigOnly(projectDir, ctx.global.vars);
    for (const t of config.cleanTargets) {
      const abs = resolve(projectDir, t);
      const rel = relative(projectDir, abs);
      if (rel === '' || rel.startsWith('..') || rel.split(sep).includes('..')) {
        throw new UserError(`clean-targets entry '${t}' is outside the project folder; refusing to delete it`, {
          hint: 'List only folders inside the project in clean-targets.',
        });
      }
      rmSync(abs, { recursive: true, force: true });
      ctx.logger.info(`Cleaned ${rel}/`);
    }
    ctx.logger.info('Finished cleaning all paths.');
    return 0;
  },
};
