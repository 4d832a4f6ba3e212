// A YAML mapping given on the command line (--vars, run-operation --args), with errors that say how to
// write one.
import { yamlPackage } from './yaml-package.js';
import { UserError } from './errors.js';

export function parseYamlMapping(text: string | undefined, flag: string, example: string): Record<string, unknown> {
  if (!text) return {};
  let value: unknown;
  try {
    value = yamlPackage().parse(text);
  } catch (e) {
    throw new UserError(`${flag} is not valid YAML: ${(e as Error).message}`, { hint: `Pass a YAML mapping, for example ${flag} '${example}'.` });
  }
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new UserError(`${flag} must be a YAML mapping, got ${Array.isArray(value) ? 'a list' : typeof value}`, {
      hint: `Pass key: value pairs, for example ${flag} '${example}'.`,
    });
  }
  return value as Record<string, unknown>;
}
