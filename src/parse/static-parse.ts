// dbt's "static parser" idea: most model files use Jinja only for {{ ref(...) }}, {{ source(...) }} and
// {{ config(...) }} with literal arguments. Those are understood without compiling a template —
// parse reads their calls directly, and compile substitutes the relations — which is what keeps
// parsing 10,000 models fast. Anything else (tags, filters, other calls, whitespace control) returns
// null and takes the full Jinja path.
import { literalEval } from '../jinja/filters-text.js';
import type { Capture } from './capture.js';
import type { RefCall } from '../project/manifest-types.js';

type CallBody =
  | { kind: 'ref'; call: RefCall }
  | { kind: 'source'; source: [string, string] }
  | { kind: 'config'; kwargs: Record<string, unknown> };

/** One call, with where its {{ … }} starts and ends in the source. */
export type StaticCall = CallBody & { start: number; end: number };

export interface StaticTemplate {
  calls: StaticCall[];
}

const EXPRESSION = /\{\{(.*?)\}\}/gs;
const CALL = /^\s*(ref|source|config)\s*\(([\s\S]*)\)\s*$/;

/** Splits "a, b=[1, 2], c='x,y'" at top-level commas. null when quotes or brackets do not balance. */
function splitArgs(text: string): string[] | null {
  const out: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      current += c;
      if (c === '\\') current += text[++i] ?? '';
      else if (c === quote) quote = null;
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    if (depth < 0) return null;
    if (c === ',' && depth === 0) {
      out.push(current);
      current = '';
    } else current += c;
  }
  if (quote || depth !== 0) return null;
  if (current.trim() !== '') out.push(current);
  return out;
}

/** A Python literal, or undefined when the text is not one (a variable, a call, an expression). */
function literal(text: string): unknown {
  const t = text.trim();
  const quoted = /^'((?:[^'\\]|\\.)*)'$|^"((?:[^"\\]|\\.)*)"$/.exec(t);
  if (quoted) return (quoted[1] ?? quoted[2]!).replace(/\\(.)/g, '$1');
  if (!/^(['"[{(]|-?\d|True$|False$|None$|true$|false$|none$)/.test(t)) return undefined;
  try {
    return literalEval(t.replace(/^(true|false|none)$/, (m) => (m === 'none' ? 'None' : m[0]!.toUpperCase() + m.slice(1))));
  } catch {
    return undefined;
  }
}

function parseCall(kind: string, argText: string): CallBody | null {
  const parts = splitArgs(argText);
  if (!parts) return null;
  const positional: unknown[] = [];
  const kwargs: Record<string, unknown> = {};
  for (const part of parts) {
    const kw = /^\s*([A-Za-z_]\w*)\s*=(?!=)([\s\S]*)$/.exec(part);
    const value = literal(kw ? kw[2]! : part);
    if (value === undefined) return null;
    if (kw) kwargs[kw[1]!] = value;
    else if (Object.keys(kwargs).length) return null;
    else positional.push(value);
  }
  if (kind === 'config') return positional.length === 0 ? { kind: 'config', kwargs } : null;
  if (!positional.every((p) => typeof p === 'string')) return null;
  if (kind === 'source') {
    return positional.length === 2 && Object.keys(kwargs).length === 0 ? { kind: 'source', source: [positional[0] as string, positional[1] as string] } : null;
  }
  const extra = Object.keys(kwargs).filter((k) => k !== 'v' && k !== 'version');
  if (extra.length) return null;
  const version = (kwargs.v ?? kwargs.version ?? null) as string | number | null;
  if (positional.length === 1) return { kind: 'ref', call: { name: positional[0] as string, package: null, version } };
  if (positional.length === 2) return { kind: 'ref', call: { package: positional[0] as string, name: positional[1] as string, version } };
  return null;
}

/** Whether templates may be parsed statically: not when a project macro overrides ref, source or config. */
export function staticParseAllowed(isOverridden: (name: string) => boolean): boolean {
  return !['ref', 'source', 'config'].some(isOverridden);
}

/**
 * Static forms parse found, by node: compile renders the same text again right after, in a cold
 * compile (a WeakMap lookup, where a text-keyed one would hash every model's SQL). null: not static.
 */
const formsByNode = new WeakMap<object, StaticTemplate | null>();

export function rememberStaticForm(node: object, form: StaticTemplate | null): void {
  formsByNode.set(node, form);
}

/** The static form of a node's raw_code, as parse found it when it built this node. */
export function staticFormOf(node: { raw_code: string }): StaticTemplate | null {
  const known = formsByNode.get(node);
  return known !== undefined ? known : parseStatic(node.raw_code);
}

/** A fresh copy of a literal (what config() kwargs are): node configs are changed later. */
function copyLiteral<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copyLiteral) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = copyLiteral(v);
    return out as T;
  }
  return value;
}

/** The static form of a template, or null when it needs the Jinja engine. */
export function parseStatic(source: string): StaticTemplate | null {
  if (source.includes('{%') || source.includes('{#')) return null;
  const calls: StaticCall[] = [];
  let rest = '';
  let last = 0;
  for (const m of source.matchAll(EXPRESSION)) {
    const inner = m[1]!;
    if (inner.startsWith('-') || inner.endsWith('-') || inner.startsWith('+')) return null;
    const call = CALL.exec(inner);
    if (!call) return null;
    const parsed = parseCall(call[1]!, call[2]!);
    if (!parsed) return null;
    calls.push({ ...parsed, start: m.index!, end: m.index! + m[0].length });
    rest += source.slice(last, m.index);
    last = m.index! + m[0].length;
  }
  rest += source.slice(last);
  // A stray {{ or }} means the expressions above were not all there is.
  if (rest.includes('{{') || rest.includes('}}')) return null;
  return { calls };
}

/** Renders a static template: each ref/source call replaced by its relation, config() by nothing. */
export function renderStatic(source: string, template: StaticTemplate, relationOf: (call: StaticCall) => string): string {
  let out = '';
  let last = 0;
  for (const c of template.calls) {
    out += source.slice(last, c.start);
    if (c.kind !== 'config') out += relationOf(c);
    last = c.end;
  }
  out += source.slice(last);
  // Jinja drops one trailing newline of a template (keep_trailing_newline is off in dbt).
  return out.endsWith('\n') ? out.slice(0, -1) : out;
}

const GENERATED_MODEL_ARGUMENT = /^\{\{ get_where_subquery\(ref\('([^'\\]+)'\)\) \}\}$/;

/** A test argument that is only `{{ get_where_subquery(ref(...)) }}`, `ref(...)` or `source(...)`. */
export function staticArgumentCall(value: string): (StaticCall & { whereSubquery: boolean }) | null {
  // The `model` argument of a test on a model, as generic-tests.ts writes it: read in one step.
  const plain = GENERATED_MODEL_ARGUMENT.exec(value);
  if (plain) return { kind: 'ref', call: { name: plain[1]!, package: null, version: null }, start: 0, end: plain[1]!.length + 13, whereSubquery: true };
  const wrapped = /^\s*\{\{\s*get_where_subquery\(\s*((?:ref|source)\s*\([^()]*\))\s*\)\s*\}\}\s*$/.exec(value);
  const bare = /^\s*((?:ref|source)\s*\([^()]*\))\s*$/.exec(value);
  const inner = wrapped?.[1] ?? bare?.[1];
  if (!inner) return null;
  const call = parseStatic(`{{ ${inner} }}`)?.calls[0];
  return call ? { ...call, whereSubquery: Boolean(wrapped) } : null;
}

/** What a static template (only literal ref/source/config calls) captures, without rendering it. */
export function captureStatic(template: StaticTemplate): Capture {
  const capture: Capture = { refs: [], sources: [], config: {}, macros: [] };
  // Copies: the form is kept for compile (rememberStaticForm); the capture becomes the node's refs and config.
  for (const c of template.calls) {
    if (c.kind === 'ref') capture.refs.push({ ...c.call });
    else if (c.kind === 'source') {
      if (!capture.sources.some(([a, b]) => a === c.source[0] && b === c.source[1])) capture.sources.push([c.source[0], c.source[1]]);
    } else Object.assign(capture.config, copyLiteral(c.kwargs));
  }
  return capture;
}

