// martflow deps: installs packages into dbt_packages/. Implementation: ../actions/deps.ts.
import type { CommandSpec } from '../command.js';

export const depsCommand: CommandSpec = {
  name: 'deps',
  description: 'install the packages listed in packages.yml or dependencies.yml',
  run: async (ctx) => (await import('../actions/deps.js')).run(ctx),
};
