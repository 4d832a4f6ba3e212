// YAML files as plain JS values that still know where every key and item came from.
// Loading code works on ordinary objects and asks `locationOf(obj, key)` when it reports an error,
// so every message points at the exact line and column of the entry in the file.
//
// Most files are read by the fast reader in yaml-fast.ts; whatever it does not know (and every file
// with an error) is read here with the `yaml` package, which defines the results.
import { yamlPackage } from '../util/yaml-package.js';
import type { Document, Node, Scalar, ScalarTag } from 'yaml';
import { UserError } from '../util/errors.js';
import type { SourceLocation } from '../util/errors.js';
import { parseYamlFast } from './yaml-fast.js';
import { recordPositions } from './yaml-positions.js';
import type { Positions } from './yaml-positions.js';

export { locationOf, setLocation } from './yaml-positions.js';

export interface ParsedYaml {
  file: string;
  /** The document's value; undefined for an empty file. */
  value: unknown;
  /** Location of the document start. */
  location: SourceLocation;
}

// dbt reads YAML with PyYAML, whose booleans also include yes/no/on/off (but not y/n, which the
// yaml package's full 1.1 schema would turn into booleans).
const PYYAML_BOOL: ScalarTag = {
  identify: (v) => typeof v === 'boolean',
  default: true,
  tag: 'tag:yaml.org,2002:bool',
  test: /^(?:yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF)$/,
  resolve: (s) => /^(?:yes|on)$/i.test(s),
};

/**
 * Parses YAML (the 1.2 core schema plus PyYAML's yes/no/on/off booleans) into plain values with positions.
 * Syntax errors become one UserError with line and column.
 */
export function parseYaml(text: string, file: string): ParsedYaml {
  const fast = parseYamlFast(text, file);
  if (fast) return { file, value: fast.value, location: { file, line: 1, col: 1 } };
  return parseYamlWithYamlPackage(text, file);
}

/** parseYaml through the `yaml` package only (the reference the fast reader is tested against). */
export function parseYamlWithYamlPackage(text: string, file: string): ParsedYaml {
  const { LineCounter, parseDocument } = yamlPackage();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, merge: true, prettyErrors: false, customTags: [PYYAML_BOOL] });
  const at = (offset: number | undefined): SourceLocation => {
    if (offset === undefined) return { file };
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, col };
  };
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const first = e.message.split('\n')[0] ?? e.message;
    let offset = e.pos[0];
    // An unclosed quote is detected at the end of the file; point at the quote that opened it.
    const quote = e.code === 'MISSING_CHAR' ? /closing (["'])/.exec(first)?.[1] : undefined;
    if (quote) offset = Math.max(0, text.lastIndexOf(quote, offset - 1));
    throw new UserError(`invalid YAML: ${first}`, {
      location: at(offset),
      hint: 'Check indentation and quoting around this line (values containing ": " or starting with "{" need quotes).',
    });
  }
  const value = doc.contents ? build(doc, doc.contents as Node, at) : undefined;
  return { file, value, location: { file, line: 1, col: 1 } };
}

type At = (offset: number | undefined) => SourceLocation;

function build(doc: Document, node: Node, at: At): unknown {
  const { isAlias, isMap, isScalar, isSeq } = yamlPackage();
  if (isAlias(node)) {
    const target = node.resolve(doc);
    return target ? build(doc, target as Node, at) : null;
  }
  if (isScalar(node)) return node.value ?? null;
  if (isSeq(node)) {
    const out: unknown[] = [];
    const p: Positions = { self: at(node.range?.[0]), keys: new Map() };
    node.items.forEach((item, i) => {
      out.push(build(doc, item as Node, at));
      p.keys.set(i, at((item as Node | null)?.range?.[0]));
    });
    recordPositions(out, p);
    return out;
  }
  if (isMap(node)) {
    const out: Record<string, unknown> = {};
    const p: Positions = { self: at(node.range?.[0]), keys: new Map() };
    for (const pair of node.items) {
      const keyNode = pair.key as Node | null;
      // Keys as written: `on:` stays 'on' rather than becoming true.
      const key = keyNode ? (isScalar(keyNode) ? scalarKey(keyNode) : String(keyNode.toJSON())) : '';
      if (key === '<<' && pair.value) {
        // YAML merge key: copy entries the map does not set itself.
        const merged = build(doc, pair.value as Node, at);
        for (const m of Array.isArray(merged) ? merged : [merged]) {
          if (m && typeof m === 'object') for (const [k, v] of Object.entries(m)) if (!(k in out)) out[k] = v;
        }
        continue;
      }
      out[key] = pair.value ? build(doc, pair.value as Node, at) : null;
      p.keys.set(key, at(keyNode?.range?.[0]));
    }
    recordPositions(out, p);
    return out;
  }
  return null;
}

function scalarKey(node: Scalar): string {
  if (typeof node.value === 'symbol') return '<<';
  if (typeof node.source === 'string' && typeof node.value !== 'string') return node.source;
  return String(node.value);
}

/** A plain object (YAML mapping)? */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
