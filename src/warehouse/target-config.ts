// Validating a profiles.yml target against an engine's zod schema, with errors that name the target
// and the key. Both engines' config.ts files use this.
import type { z } from 'zod';
import { UserError } from '../util/errors.js';

export interface AdapterOptions {
  /** The project root: relative DuckDB paths resolve against it. */
  projectDir: string;
  /** The target's name in profiles.yml ('dev'), for error messages. */
  targetName?: string;
  /** What this process is running ('martflow run'), written into the DuckDB lock file. */
  command?: string;
}

/** "profiles.yml target 'dev'" or "the profiles.yml target". */
export function describeTarget(opts: Pick<AdapterOptions, 'targetName'>): string {
  return opts.targetName ? `profiles.yml target '${opts.targetName}'` : 'the profiles.yml target';
}

export function parseTarget<S extends z.ZodType>(schema: S, target: Record<string, unknown>, opts: AdapterOptions): z.output<S> {
  const parsed = schema.safeParse(target);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(target)'}: ${i.message}`);
  throw new UserError(`invalid ${String(target.type)} settings in ${describeTarget(opts)}: ${problems.join('; ')}`, {
    hint: `Fix these keys under the target in profiles.yml.`,
  });
}
