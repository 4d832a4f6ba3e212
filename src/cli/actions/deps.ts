// martflow deps: installs the packages of packages.yml / dependencies.yml into dbt_packages/.
import { resolve } from 'node:path';
import type { CommandContext } from '../command.js';
import { installPackages } from '../../project/index.js';
import { createYamlRenderer } from '../../workspace/yaml-renderer.js';

export async function run(ctx: CommandContext): Promise<number> {
  const renderYaml = createYamlRenderer(ctx.global.vars);
  const result = await installPackages(resolve(ctx.global.projectDir), { renderYaml });
  for (const p of result.installed) ctx.logger.info(`Installed ${p.name} from ${p.from}`);
  for (const b of result.builtin) ctx.logger.info(`${b.source}${b.version ? ` ${b.version}` : ''}: provided natively by martflow as '${b.name}' (nothing to download)`);
  if (result.installed.length + result.builtin.length === 0) ctx.logger.info('No packages to install (no packages.yml or dependencies.yml).');
  return 0;
}
