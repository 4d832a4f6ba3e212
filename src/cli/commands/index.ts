// The command table, in the order `martflow --help` lists them.
import type { CommandSpec } from '../command.js';
import { debugCommand } from './debug.js';
import { depsCommand } from './deps.js';
import { parseCommand } from './parse.js';
import { compileCommand } from './compile.js';
import { lsCommand } from './ls.js';
import { cleanCommand } from './clean.js';
import { buildCommand, runCommand, seedCommand, snapshotCommand, testCommand } from './run-like.js';
import { runOperationCommand } from './run-operation.js';
import { showCommand } from './show.js';
import { retryCommand } from './retry.js';
import { docsCommand } from './docs.js';
import { serveCommand } from './serve.js';
import { sourceCommand } from './source.js';
import { driftCommand } from './drift.js';

export const commands: CommandSpec[] = [
  debugCommand,
  depsCommand,
  parseCommand,
  compileCommand,
  lsCommand,
  seedCommand,
  runCommand,
  snapshotCommand,
  testCommand,
  buildCommand,
  runOperationCommand,
  retryCommand,
  sourceCommand,
  driftCommand,
  showCommand,
  docsCommand,
  serveCommand,
  cleanCommand,
];
