// The node-selection flags shared by compile, ls, run, build, test, seed, snapshot, show, source and
// drift. Declaring them is part of every command spec, so this file imports nothing but types;
// selection.ts turns them into a selection.
import type { Command } from 'commander';

export function addSelectOptions(cmd: Command): void {
  cmd
    .option('-s, --select <selector...>', 'nodes to include (dbt selector syntax)')
    .option('-m, --models <selector...>', 'alias of --select')
    .option('--exclude <selector...>', 'nodes to exclude')
    .option('--selector <name>', 'a named selector from selectors.yml')
    .option('--state <dir>', 'a previous target/ folder, for state: selectors')
    .option('--indirect-selection <mode>', 'eager, cautious, buildable or empty', 'eager');
}
