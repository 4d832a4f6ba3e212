// martflow parse: loads and parses the project, writes target/manifest.json. Implementation: ../actions/parse.ts.
import type { CommandSpec } from '../command.js';

export const parseCommand: CommandSpec = {
  name: 'parse',
  description: 'parse the project and write target/manifest.json',
  run: async (ctx) => (await import('../actions/parse.js')).run(ctx),
};
