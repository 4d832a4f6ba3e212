// martflow deps: installs the packages of packages.yml / dependencies.yml into dbt_packages/.
import { resolve } from 'node:path';
import type { CommandSpec } from '../command.js';
import { installPackages } from '../../project/index.js';

export const depsCommand: CommandSpec = {
  name: 'deps',
  description: 'install the packages listed in packages.yml or dependencies.yml',
  async run(ctx) {
    const result = await installPackages(resolve(ctx.global.projectDir));
    for (const line of result.messages) ctx.logger.info(line);
    return 0;
  },
};
