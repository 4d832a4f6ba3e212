// Shared helpers for the project-loading tests: a tiny YAML renderer standing in for the Jinja
// engine (env_var and var only), fixture paths, and temporary copies of fixture projects.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { YamlRenderer } from '../../src/project/index.js';

export const FIXTURES = fileURLToPath(new URL('../fixtures/projects/', import.meta.url));

export function fixture(name: string): string {
  return join(FIXTURES, name);
}

/** A copy of a fixture project in a fresh temp folder (for tests that write, like deps). */
export function tempCopy(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'martflow-project-'));
  cpSync(fixture(name), dir, { recursive: true });
  return dir;
}

export function emptyDir(): string {
  return mkdtempSync(join(tmpdir(), 'martflow-empty-'));
}

const CALL = /\{\{\s*(env_var|var)\(\s*(['"])([^'"]+)\2\s*(?:,\s*(['"])([^'"]*)\4\s*)?\)\s*\}\}/g;

/** Renders {{ env_var('X', 'default') }} and {{ var('x', 'default') }}; anything else is an error. */
export function fakeRenderer(env: Record<string, string> = {}, vars: Record<string, string> = {}): YamlRenderer & { calls: string[] } {
  const calls: string[] = [];
  const render = async (text: string): Promise<string> => {
    calls.push(text);
    const out = text.replace(CALL, (_m, fn: string, _q, name: string, _q2, dflt: string | undefined) => {
      const value = fn === 'env_var' ? env[name] : vars[name];
      if (value !== undefined) return value;
      if (dflt !== undefined) return dflt;
      throw new Error(`${fn}('${name}') is not set`);
    });
    if (out.includes('{{') || out.includes('{%')) throw new Error(`fake renderer cannot render: ${text}`);
    return out;
  };
  return Object.assign(render, { calls });
}
