// Writing big files in place through one reused buffer (src/util/overwrite-file.ts): the bytes must be
// exactly the pieces' concatenation across buffer boundaries, multi-byte characters, pieces bigger
// than the buffer, ranges copied from another file, and an older, longer file left at the path.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileByteWriter, overwriteFile } from '../../src/util/overwrite-file.js';

function inTempDir(run: (dir: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'martflow-overwrite-'));
  try {
    run(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('FileByteWriter', () => {
  test('writes strings, bytes and copied ranges in order, reporting byte lengths and positions', () =>
    inTempDir((dir) => {
      const source = join(dir, 'source.bin');
      const sourceBytes = Buffer.from('0123456789'.repeat(300_000)); // 3 MB: copied across several buffers
      writeFileSync(source, sourceBytes);
      const path = join(dir, 'out.json');
      writeFileSync(path, 'x'.repeat(6_000_000)); // an older, longer version: cut off at close()
      const expected: Buffer[] = [];
      const out = new FileByteWriter(path);
      const pieces = ['{"a":', 'café ✓ 𝔘', 'é'.repeat(400_000), 'plain'.repeat(100), '→'.repeat(2_000_000), '}'];
      for (const [i, piece] of pieces.entries()) {
        const before = out.position;
        const n = out.write(piece);
        assert.equal(n, Buffer.byteLength(piece), `byte length of piece ${i}`);
        assert.equal(out.position, before + n);
        expected.push(Buffer.from(piece));
        if (i === 2) {
          out.writeBytes(Buffer.from([0, 1, 2]));
          expected.push(Buffer.from([0, 1, 2]));
          const fd = openSync(source, 'r');
          out.copyFrom(fd, 7, 2_500_000);
          closeSync(fd);
          expected.push(sourceBytes.subarray(7, 2_500_007));
        }
      }
      out.close();
      assert.ok(readFileSync(path).equals(Buffer.concat(expected)));
    }));

  test('a copy from a file shorter than asked is an error, not a short file', () =>
    inTempDir((dir) => {
      writeFileSync(join(dir, 'short.bin'), 'abc');
      const out = new FileByteWriter(join(dir, 'out.bin'));
      const fd = openSync(join(dir, 'short.bin'), 'r');
      try {
        assert.throws(() => out.copyFrom(fd, 0, 10), /ended early/);
      } finally {
        closeSync(fd);
        out.abandon();
      }
    }));
});

describe('overwriteFile', () => {
  test('replaces a longer file with the parts', () =>
    inTempDir((dir) => {
      const path = join(dir, 'f');
      writeFileSync(path, 'old content that is longer');
      overwriteFile(path, [Buffer.from('new '), Buffer.from('bytes')]);
      assert.equal(readFileSync(path, 'utf8'), 'new bytes');
    }));
});
