// path: a file or folder relative to the project root (glob patterns allowed, as dbt's Path.glob).
// A node matches when its original_file_path is the path or lies under it; a model also matches
// the properties YAML that patches it (patch_path).
import picomatch from 'picomatch';
import type { SelectorMethod } from './method-context.js';

export const pathMethod: SelectorMethod = function* (_ctx, candidates, value) {
  const pattern = normalize(value);
  const everything = pattern === '' || pattern === '.';
  const isMatch = picomatch(pattern || '.', { dot: true });
  for (const m of candidates) {
    const file = normalize(m.original_file_path);
    if (everything || isMatch(file) || parentsOf(file).some((p) => isMatch(p))) {
      yield m.unique_id;
      continue;
    }
    const patch = 'patch_path' in m && m.patch_path ? normalize(m.patch_path.replace(/^[^:/]+:\/\//, '')) : undefined;
    if (patch && isMatch(patch)) yield m.unique_id;
  }
};

function normalize(p: string): string {
  return p.replace(/\\/g, '/').replace(/^(\.\/)+/, '').replace(/\/+$/, '');
}

function parentsOf(file: string): string[] {
  const parts = file.split('/');
  const out: string[] = [];
  for (let i = parts.length - 1; i > 0; i--) out.push(parts.slice(0, i).join('/'));
  return out;
}
