// A fast reader for the YAML that projects are mostly written in: block mappings and lists, plain,
// quoted and block scalars, one-line flow collections, comments, anchors, aliases and merge keys.
//
// It gives exactly what the `yaml` package path in yaml-source.ts gives (values, keys as written,
// positions of keys and items) or declines: anything outside the subset it knows, and anything the
// `yaml` package could report as an error, makes it give up, and the caller parses the text again
// with `yaml`, which then produces the value or the error message. Declining is always safe; it only
// costs time. test/unit/yaml-source.test.ts compares both paths on many inputs.
//
// The reader is in parts: yaml-scanner.ts (lines and scalars), yaml-flow.ts (flow collections) and
// yaml-block.ts (block mappings and lists, the document).
import { FastParser } from './yaml-block.js';

// Characters (tabs, CR, control characters, BOM, line separators) whose handling is left to `yaml`.
// eslint-disable-next-line no-control-regex
const UNUSUAL_CHARS = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/;

/**
 * Parses `text` if it is in the subset this reader knows; undefined when it declines (the caller
 * then uses the `yaml` package). `{ value: undefined }` is an empty document.
 */
export function parseYamlFast(text: string, file: string): { value: unknown } | undefined {
  if (UNUSUAL_CHARS.test(text)) return undefined;
  try {
    return { value: new FastParser(text, file).parse() };
  } catch {
    // DECLINE, or anything unforeseen: the `yaml` package decides.
    return undefined;
  }
}
