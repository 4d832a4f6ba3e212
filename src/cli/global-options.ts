// Flags every command accepts, parsed once into a typed object.
import { UserError } from '../util/errors.js';
import { parseYamlMapping } from '../util/yaml-mapping.js';

export interface GlobalOptions {
  projectDir: string;
  profilesDir?: string;
  target?: string;
  vars: Record<string, unknown>;
  threads?: number;
  logFormat: 'text' | 'json';
  quiet: boolean;
  color: boolean;
  debug: boolean;
}

/** --vars takes YAML (a JSON object is YAML too): --vars '{days: 30}'. */
export function parseVars(text: string | undefined): Record<string, unknown> {
  return parseYamlMapping(text, '--vars', `{start_date: "2024-01-01", days: 30}`);
}

export function parseThreads(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 256) {
    throw new UserError(`--threads must be a whole number from 1 to 256, got '${text}'`);
  }
  return n;
}

export function toGlobalOptions(raw: Record<string, unknown>): GlobalOptions {
  const format = (raw.logFormat as string | undefined) ?? 'text';
  if (format !== 'text' && format !== 'json') {
    throw new UserError(`--log-format must be 'text' or 'json', got '${format}'`);
  }
  return {
    projectDir: (raw.projectDir as string | undefined) ?? process.env.MARTFLOW_PROJECT_DIR ?? process.cwd(),
    profilesDir: (raw.profilesDir as string | undefined) ?? process.env.MARTFLOW_PROFILES_DIR ?? process.env.DBT_PROFILES_DIR,
    target: raw.target as string | undefined,
    vars: parseVars(raw.vars as string | undefined),
    threads: parseThreads(raw.threads as string | undefined),
    logFormat: format,
    quiet: Boolean(raw.quiet),
    color: raw.color !== false && process.stdout.isTTY === true && !process.env.NO_COLOR,
    debug: Boolean(raw.debug),
  };
}
