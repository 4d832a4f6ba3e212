// After compiling, manifest.json is assembled from the stored parse with each compiled node's fields
// spliced in (ParseState.writeCompiledManifest) instead of serializing 20,000 nodes again: it must be
// byte for byte what serializing the compiled manifest objects gives, after a whole parse and after
// a re-parse (where the manifest objects come from the stored parse).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { copyProject, REPO_ROOT } from '../helpers/cli.js';
import { Workspace } from '../../src/workspace/workspace.js';
import { Logger } from '../../src/cli/logger.js';
import { toGlobalOptions } from '../../src/cli/global-options.js';
import { compileSelected, flushCompiled } from '../../src/compile/compile-project.js';
import { writeManifest } from '../../src/artifacts/manifest.js';

const FIXTURE = join(REPO_ROOT, 'test', 'functional', 'projects', 'jaffle');

describe('manifest.json after compile', () => {
  let project: { dir: string; remove: () => void };
  before(() => {
    project = copyProject(FIXTURE);
  });
  after(() => project.remove());

  /** Compiles every node, writes manifest.json as compile does, and the same manifest from its objects. */
  async function compileBothWays(): Promise<{ spliced: string; serialized: string; log: string }> {
    let log = '';
    const sink = new Writable({
      write: (chunk: Buffer, _e, done) => {
        log += chunk.toString();
        done();
      },
    });
    const logger = new Logger({ format: 'text', quiet: false, color: false, debug: true }, sink);
    const ws = await Workspace.open(toGlobalOptions({ projectDir: project.dir }), logger, { connect: true, flags: { WHICH: 'compile' } });
    const other = mkdtempSync(join(tmpdir(), 'martflow-manifest-'));
    try {
      const compiled = await compileSelected(ws, Object.keys(ws.manifest.nodes));
      await flushCompiled();
      assert.ok(compiled > 10, `compiled ${compiled} nodes`);
      const spliced = readFileSync(ws.writeManifest(), 'utf8');
      const serialized = readFileSync(writeManifest(other, ws.manifest), 'utf8');
      assert.doesNotMatch(log, /written from the manifest objects/, 'the stored parse was spliced, not bypassed');
      return { spliced, serialized, log };
    } finally {
      await ws.close();
      rmSync(other, { recursive: true, force: true });
    }
  }

  test('after a whole parse: the same bytes as serializing the compiled nodes', async () => {
    const { spliced, serialized } = await compileBothWays();
    assert.match(spliced, /"compiled_code":/);
    assert.equal(spliced, serialized);
  });

  test('after a re-parse of an edited model: the same bytes again', async () => {
    appendFileSync(join(project.dir, 'models', 'marts', 'customers.sql'), '\n-- edited: ünïcode\n');
    const { spliced, serialized, log } = await compileBothWays();
    assert.match(log, /re-parsed 1 changed node/);
    assert.match(spliced, /edited: ünïcode/);
    assert.equal(spliced, serialized);
  });
});
