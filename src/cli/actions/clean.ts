// martflow clean: deletes the folders listed in clean-targets (default target/ and dbt_packages/).
import { rmSync } from 'node:fs';
import { resolve, relative, sep } from 'node:path';
import type { CommandContext } from '../command.js';
import { readDbtProjectFile } from '../../project/project-file.js';
import { createYamlRenderer } from '../../workspace/yaml-renderer.js';
import { ErrorCollector, UserError } from '../../util/errors.js';

export async function run(ctx: CommandContext): Promise<number> {
  const projectDir = resolve(ctx.global.projectDir);
  const errors = new ErrorCollector();
  const config = await readDbtProjectFile(projectDir, errors, { render: createYamlRenderer(ctx.global.vars) });
  errors.throwIfAny();
  // dbt's default when clean-targets is not set: the target path.
  const targets = config.cleanTargets.length > 0 ? config.cleanTargets : [config.targetPath];
  for (const t of targets) {
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
}
