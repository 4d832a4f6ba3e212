// The shape of one CLI command. Each command has two files: commands/<name>.ts, the spec (name,
// arguments, description, flags), and actions/<name>.ts, the implementation. The spec's run() loads
// the implementation with a dynamic import(), so building the command table (every start-up,
// --help, --version) loads only commander, and a command loads only the modules it uses.
import type { Command } from 'commander';
import type { GlobalOptions } from './global-options.js';
import type { Logger } from './logger.js';

export interface CommandContext {
  global: GlobalOptions;
  logger: Logger;
  /** Aborted on SIGINT / SIGTERM: long-running commands stop scheduling and cancel queries. */
  signal: AbortSignal;
}

export interface CommandSpec {
  name: string;
  aliases?: string[];
  /** Usage of positional arguments, commander syntax: '<macro>' or '[args...]'. */
  args?: string;
  description: string;
  /** Adds the command's own options. Imports nothing heavy: it runs on every start-up. */
  configure?(cmd: Command): void;
  /**
   * Returns the exit code: 0 success, 1 user error or failed nodes. Written as
   * `async (ctx, options, args) => (await import('../actions/<name>.js')).run(ctx, options, args)`.
   */
  run(ctx: CommandContext, options: Record<string, unknown>, args: string[]): Promise<number>;
}
