// Conformance table: each template renders exactly as Python's jinja2 renders it (see jinja-cases/).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { JinjaEnvironment } from '../../src/jinja/index.js';
import { EXPRESSIONS } from './jinja-cases/expressions.js';
import { STATEMENTS } from './jinja-cases/statements.js';
import { FILTERS } from './jinja-cases/filters.js';
import { METHODS } from './jinja-cases/methods.js';
import { MORE } from './jinja-cases/more.js';
import { EXTRA } from './jinja-cases/extra.js';
import { BLOCKS } from './jinja-cases/blocks.js';
import type { ConformanceCase } from './jinja-cases/types.js';

const env = new JinjaEnvironment();
const DEFAULT_CONTEXT = { users: [{ name: 'ann' }, { name: 'bob' }] };

function run(groups: Record<string, ConformanceCase[]>): void {
  for (const [group, cases] of Object.entries(groups)) {
    describe(group, () => {
      for (const [template, expected, context] of cases) {
        test(JSON.stringify(template), async () => {
          const ctx = { ...DEFAULT_CONTEXT, ...context };
          if (typeof expected === 'string') {
            assert.equal(await env.renderString(template, ctx), expected);
          } else {
            await assert.rejects(env.renderString(template, ctx), (e: Error) => expected.error === null || e.message.includes(expected.error));
          }
        });
      }
    });
  }
}

run(EXPRESSIONS);
run(STATEMENTS);
run(FILTERS);
run(METHODS);
run(MORE);
run(EXTRA);
run(BLOCKS);
