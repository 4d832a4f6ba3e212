// Start-up cost: what `martflow --help` and `martflow parse` load. Walks the static imports of the
// sources (dynamic import() is not followed: that is how the rest is deferred) and checks that the
// heavy parts stay out: the warehouse engines, the build runner, publish, the selector language, zod,
// csv-parse, picomatch, yaml, and (for parse) the template engine and the parser.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { REPO_ROOT } from '../helpers/cli.js';

const SRC = join(REPO_ROOT, 'src');
// Runtime imports only: `import type` / `export type` are erased (verbatimModuleSyntax keeps the rest).
const IMPORT = /^(?:import|export)\s+(?!type\s)(?:[^;'"]*?\s+from\s+)?['"]([^'"]+)['"]/gm;

/** The modules a file loads statically: src-relative paths and package names. */
function staticClosure(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const walk = (file: string) => {
    const rel = relative(SRC, file);
    if (files.has(rel)) return;
    files.add(rel);
    for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const spec = m[1]!;
      if (spec.startsWith('.')) walk(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
      else if (!spec.startsWith('node:')) packages.add(spec);
    }
  };
  walk(join(SRC, entry));
  return { files, packages };
}

describe('start-up imports', () => {
  test('main.ts loads commander and the command specs only', () => {
    const { files, packages } = staticClosure('cli/main.ts');
    assert.deepEqual([...packages], ['commander']);
    const allowed = /^(cli\/(main|command|logger|select-options)\.ts|cli\/commands\/[^/]+\.ts|util\/errors\.ts|version\.ts|warehouse\/adapter\.ts)$/;
    assert.deepEqual([...files].filter((f) => !allowed.test(f)), []);
  });

  test('parse loads what parsing needs and nothing else', () => {
    const { files, packages } = staticClosure('cli/actions/parse.ts');
    // yaml is loaded on the first file the fast reader declines; the template engine and the parser
    // only when something renders (a re-parse with nothing to render loads neither).
    assert.deepEqual([...packages].sort(), []);
    const heavy = /^(build|compile|publish|quality|jinja)\/|^warehouse\/(duckdb|postgres)\/|^graph\/(?!parent-child-maps\.ts$)|^parse\/(parse-project|node-builder|capture|macros)\.ts$/;
    assert.deepEqual([...files].filter((f) => heavy.test(f)), []);
  });
});
