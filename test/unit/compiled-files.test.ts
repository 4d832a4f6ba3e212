// Writing target/compiled/… (src/compile/compiled-files.ts), both ways: a few files on this thread,
// many through the worker thread. Every file lands with its last text, unchanged files are left alone,
// a file standing where a folder must go is replaced, and a file that cannot be written is a user error.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CompiledFiles } from '../../src/compile/compiled-files.js';
import { UserError } from '../../src/util/errors.js';

async function inTempDir(run: (dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'martflow-compiled-'));
  try {
    await run(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

for (const count of [3, 2000]) {
  describe(`${count} compiled files (${count > 400 ? 'worker thread' : 'this thread'})`, () => {
    test('are written with their last text; unchanged files are not rewritten', () =>
      inTempDir(async (dir) => {
        const path = (i: number) => join(dir, 'compiled', `f${i % 7}`, `m${i}.sql`);
        // Some texts have multi-byte characters: the worker gets the files as one buffer of UTF-8 bytes.
        const text = (i: number) => (i % 3 === 0 ? `select ${i} as "café ✓ ${i}"\n` : `select ${i}\n`);
        const first = new CompiledFiles();
        for (let i = 0; i < count; i++) first.write(path(i), text(i));
        first.write(path(0), 'select 0 -- again\n'); // a later write of the same path wins
        await first.flush();
        for (let i = 1; i < count; i++) assert.equal(readFileSync(path(i), 'utf8'), text(i));
        assert.equal(readFileSync(path(0), 'utf8'), 'select 0 -- again\n');

        // A second run (a new process) writes the same texts but one: only that one changes.
        const old = new Date(2020, 0, 1);
        for (let i = 0; i < count; i++) utimesSync(path(i), old, old);
        const second = new CompiledFiles();
        for (let i = 0; i < count; i++) second.write(path(i), i === 1 ? 'select 1 -- edited\n' : i === 0 ? 'select 0 -- again\n' : text(i));
        await second.flush();
        assert.equal(readFileSync(path(1), 'utf8'), 'select 1 -- edited\n');
        assert.notEqual(statSync(path(1)).mtimeMs, old.getTime());
        assert.equal(statSync(path(count - 1)).mtimeMs, old.getTime(), 'an unchanged file keeps its mtime');
        if (count > 3) assert.equal(statSync(path(3)).mtimeMs, old.getTime(), 'an unchanged file with multi-byte text keeps its mtime');
      }));

    test('a file where a folder must go is replaced; an unwritable path is a user error naming it', () =>
      inTempDir(async (dir) => {
        writeFileSync(join(dir, 'models'), 'a file left by an older layout');
        mkdirSync(join(dir, 'blocked.sql'));
        const files = new CompiledFiles();
        for (let i = 0; i < count; i++) files.write(join(dir, 'models', `m${i}.sql`), `select ${i}\n`);
        files.write(join(dir, 'blocked.sql'), 'select 1\n'); // a folder stands there
        await assert.rejects(files.flush(), (e: unknown) => e instanceof UserError && /could not write compiled SQL to .*blocked\.sql/.test(e.message));
        assert.equal(readFileSync(join(dir, 'models', `m${count - 1}.sql`), 'utf8'), `select ${count - 1}\n`);
      }));
  });
}
