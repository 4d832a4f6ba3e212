// Writing a big file over its previous version in place: the disk blocks are reused instead of a new
// file being allocated and the old one freed, which is what makes rewriting a 40 MB manifest slow.
import { closeSync, ftruncateSync, openSync, writeFileSync, writevSync } from 'node:fs';
import { open } from 'node:fs/promises';

/** Writes the concatenation of `parts` to `path` (created if missing), replacing its content. */
export function overwriteFile(path: string, parts: Buffer[]): void {
  let fd: number;
  try {
    fd = openSync(path, 'r+');
  } catch {
    fd = openSync(path, 'w');
  }
  try {
    let position = 0;
    for (let i = 0; i < parts.length; i += 512) {
      const batch = parts.slice(i, i + 512);
      const total = batch.reduce((n, b) => n + b.length, 0);
      const written = writevSync(fd, batch, position);
      // A short write (rare) finishes with the rest of the batch.
      if (written < total) writeFileSync(fd, Buffer.concat(batch).subarray(written));
      position += total;
    }
    ftruncateSync(fd, position);
  } finally {
    closeSync(fd);
  }
}

/** overwriteFile in the thread pool: the main thread goes on while the bytes are written. */
export async function overwriteFileAsync(path: string, parts: Buffer[]): Promise<void> {
  const handle = await open(path, 'r+').catch(() => open(path, 'w'));
  try {
    let position = 0;
    for (const part of parts) {
      let done = 0;
      while (done < part.length) done += (await handle.write(part, done, part.length - done, position + done)).bytesWritten;
      position += part.length;
    }
    await handle.truncate(position);
  } finally {
    await handle.close();
  }
}
