// file: the file name of original_file_path, with or without its extension (wildcards allowed).
import { basename, extname } from 'node:path/posix';
import type { SelectorMethod } from './method-context.js';
import { fnmatch } from '../fnmatch.js';

export const fileMethod: SelectorMethod = function* (_ctx, candidates, value) {
  for (const m of candidates) {
    const name = basename(m.original_file_path.replace(/\\/g, '/'));
    const stem = name.slice(0, name.length - extname(name).length);
    if (fnmatch(name, value) || fnmatch(stem, value)) yield m.unique_id;
  }
};
