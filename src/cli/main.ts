// Entry point of the martflow command: global flags, the command table, exit codes
// (0 success, 1 a user error or failed nodes, 2 an internal error — a martflow bug).
// Start-up loads only commander and the command specs; a command's implementation (and yaml, for
// --vars) is imported when it runs, so --help and --version stay fast.
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { UserError } from '../util/errors.js';
import { DatabaseError } from '../warehouse/adapter.js';
import { Logger } from './logger.js';
import type { CommandContext, CommandSpec } from './command.js';
import { commands } from './commands/index.js';
import { VERSION } from '../version.js';

export async function main(argv: string[]): Promise<number> {
  const program = new Command('martflow')
    .description('martflow: a marketing data platform defined as code (dbt-compatible transformations and more).')
    .version(VERSION, '-V, --version')
    .option('--project-dir <dir>', 'the project folder (holding dbt_project.yml)')
    .option('--profiles-dir <dir>', 'the folder holding profiles.yml')
    .option('-t, --target <name>', 'the target in profiles.yml')
    .option('--vars <yaml>', "variables as YAML, e.g. '{days: 30}'")
    .option('--threads <n>', 'how many nodes run at once')
    .option('--log-format <format>', 'text or json', 'text')
    .option('-q, --quiet', 'print only results and errors')
    .option('--no-color', 'no ANSI colours')
    .option('--debug', 'print debug lines')
    .showHelpAfterError()
    .exitOverride();
  program.configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) });

  let exitCode = 0;
  for (const spec of commands) {
    const cmd = program.command(spec.args ? `${spec.name} ${spec.args}` : spec.name).description(spec.description);
    for (const alias of spec.aliases ?? []) cmd.alias(alias);
    spec.configure?.(cmd);
    // Global flags are accepted after the command name too, as dbt users type them.
    copyGlobalOptions(program, cmd);
    cmd.exitOverride();
    cmd.action(async (...actionArgs: unknown[]) => {
      const command = actionArgs[actionArgs.length - 1] as Command;
      exitCode = await runCommand(spec, command);
    });
  }

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version exit 0; a bad flag exits 1 (commander printed the message).
      return e.exitCode === 0 || e.code === 'commander.helpDisplayed' || e.code === 'commander.version' ? 0 : 1;
    }
    process.stderr.write(`martflow: internal error: ${(e as Error).stack ?? String(e)}\n`);
    return 2;
  }
  return exitCode;
}

function copyGlobalOptions(program: Command, cmd: Command): void {
  for (const opt of program.options) {
    if (opt.long === '--version') continue;
    cmd.option(opt.flags, opt.description);
  }
}

async function runCommand(spec: CommandSpec, command: Command): Promise<number> {
  const raw = command.optsWithGlobals() as Record<string, unknown>;
  let logger = new Logger({ format: 'text', quiet: false, color: false });
  const controller = new AbortController();
  const onSignal = (sig: string) => {
    if (controller.signal.aborted) {
      process.stderr.write(`\nmartflow: received ${sig} again, exiting now\n`);
      process.exit(130);
    }
    logger.warn(`received ${sig}: stopping; running queries are being cancelled`);
    controller.abort(new Error(`interrupted by ${sig}`));
  };
  const sigint = () => onSignal('SIGINT');
  const sigterm = () => onSignal('SIGTERM');
  process.on('SIGINT', sigint);
  process.on('SIGTERM', sigterm);
  try {
    const { toGlobalOptions } = await import('./global-options.js');
    const global = toGlobalOptions(raw);
    // Start reading the stored parse (default target folder) while the command's modules load; the
    // whole of it only for commands that build the manifest (parse and ls patch or read pieces).
    const withData = spec.name !== 'parse' && spec.name !== 'ls';
    void import('../parse/prefetch.js').then((m) => m.readStoredParse(join(global.projectDir, 'target'), withData));
    logger = new Logger({ format: global.logFormat, quiet: global.quiet, color: global.color, debug: global.debug });
    const ctx: CommandContext = { global, logger, signal: controller.signal };
    const args = command.processedArgs.flat().filter((a): a is string => typeof a === 'string');
    const code = await spec.run(ctx, command.opts() as Record<string, unknown>, args);
    return controller.signal.aborted && code === 0 ? 130 : code;
  } catch (e) {
    if (e instanceof UserError) {
      logger.error(logger.paint('Error: ', 'red') + e.format());
      return 1;
    }
    if (e instanceof DatabaseError) {
      // The warehouse refused a statement: the user's SQL or data, not a martflow bug.
      logger.error(`${logger.paint('Database error: ', 'red')}${e.message}\n  in: ${e.sql.slice(0, 500)}`);
      return 1;
    }
    logger.error(`internal error (a martflow bug; please report it with this trace):\n${(e as Error).stack ?? String(e)}`);
    return 2;
  } finally {
    await logger.close();
    process.off('SIGINT', sigint);
    process.off('SIGTERM', sigterm);
  }
}
