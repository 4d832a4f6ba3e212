// The two command files as the CLI runs them (in-process, with a captured logger): `docs generate`
// writes catalog.json and the site; `serve --port 0` prints its URL, answers, and stops on abort.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { copyProject, martflow, REPO_ROOT } from '../helpers/cli.js';
import { Logger } from '../../src/cli/logger.js';
import { toGlobalOptions } from '../../src/cli/global-options.js';
import type { CommandContext } from '../../src/cli/command.js';
import { docsCommand } from '../../src/cli/commands/docs.js';
import { serveCommand } from '../../src/cli/commands/serve.js';
import { UserError } from '../../src/util/errors.js';

const FIXTURE = join(REPO_ROOT, 'test', 'functional', 'projects', 'jaffle');

function context(projectDir: string, signal = new AbortController().signal): { ctx: CommandContext; output: () => string } {
  let text = '';
  const out = new Writable({ write: (chunk, _e, done) => { text += String(chunk); done(); } });
  const logger = new Logger({ format: 'text', quiet: false, color: false }, out);
  return { ctx: { global: toGlobalOptions({ projectDir }), logger, signal }, output: () => text };
}

describe('docs and serve commands (jaffle on DuckDB)', () => {
  let project: { dir: string; remove: () => void };
  before(() => {
    project = copyProject(FIXTURE);
    const build = martflow(['build'], { cwd: project.dir });
    assert.equal(build.code, 0, build.output);
  });
  after(() => project?.remove());

  test('docs generate writes catalog.json and the site', async () => {
    const { ctx, output } = context(project.dir);
    assert.equal(await docsCommand.run(ctx, { compile: true }, ['generate']), 0);
    assert.match(output(), /Catalog written to .*catalog\.json/);
    assert.match(output(), /Docs site with \d+ resources written to .*index\.html/);
    for (const f of ['catalog.json', 'index.html', 'docs-data.js', 'docs-assets/docs.js']) assert.ok(existsSync(join(project.dir, 'target', f)), f);
  });

  test('docs with an unknown action is a user error with a hint', async () => {
    const { ctx } = context(project.dir);
    await assert.rejects(docsCommand.run(ctx, {}, ['publish']), (e: unknown) => e instanceof UserError && /unknown docs action 'publish'/.test(e.message) && /docs generate/.test(e.hint ?? ''));
  });

  test('serve prints its URL, serves dashboards and docs, and stops when interrupted', async () => {
    mkdirSync(join(project.dir, 'dashboards'), { recursive: true });
    writeFileSync(join(project.dir, 'dashboards', 'tiny.yml'), "title: Tiny\npages:\n  - name: main\n    tiles:\n      - name: n\n        type: kpi\n        sql: select count(*) from {{ ref('customers') }}\n");
    const controller = new AbortController();
    const { ctx, output } = context(project.dir, controller.signal);
    const running = serveCommand.run(ctx, { host: '127.0.0.1', port: '0', catalog: true }, []);
    let url: string | undefined;
    for (let i = 0; i < 200 && !url; i++) {
      url = /dashboards at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output())?.[1];
      if (!url) await new Promise((r) => setTimeout(r, 50));
    }
    assert.ok(url, output());
    assert.match(output(), new RegExp(`docs at ${url!.replace(/[.]/g, '\\.')}docs/`));
    const tile = (await (await fetch(`${url}api/dashboards/tiny/pages/main/tiles/n`)).json()) as { rows: unknown[][] };
    assert.deepEqual(tile.rows, [[5]]);
    assert.equal((await fetch(`${url}docs/`)).status, 200);
    controller.abort();
    assert.equal(await running, 0);
    await assert.rejects(fetch(`${url}docs/`));
  });
});
