// Serves files of one folder (the docs site in target/) without ever leaving it.
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { ServerResponse } from 'node:http';

export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.csv': 'text/csv; charset=utf-8',
};

/** Sends root/relPath; returns false (nothing sent) when it is not a file inside root. */
export function sendFile(res: ServerResponse, root: string, relPath: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(relPath);
  } catch {
    return false;
  }
  const full = normalize(join(root, decoded || 'index.html'));
  if (full !== root && !full.startsWith(root.endsWith(sep) ? root : root + sep)) return false;
  let path = full;
  try {
    if (statSync(path).isDirectory()) path = join(path, 'index.html');
    if (!statSync(path).isFile()) return false;
  } catch {
    return false;
  }
  res.writeHead(200, { 'content-type': CONTENT_TYPES[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
  createReadStream(path).pipe(res);
  return true;
}
