// The shape of one CLI command. Each lives in its own file under commands/ and stays thin: it parses
// its flags and calls into the modules that do the work.
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
  /** Adds the command's own options. */
  configure?(cmd: Command): void;
  /** Returns the exit code: 0 success, 1 user error or failed nodes. */
  run(ctx: CommandContext, options: Record<string, unknown>, args: string[]): Promise<number>;
}
