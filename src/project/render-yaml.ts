// Renders Jinja inside YAML string values, in place, the way dbt's BaseRenderer.render_data does:
// every string containing `{{` or `{%` whose keypath the caller allows is rendered "natively"
// (a value that renders to `5432` becomes the number 5432, `true` a boolean).
import type { YamlRenderer } from './loaded-project.js';
import { isRecord, locationOf } from './yaml-source.js';
import type { SourceLocation } from '../util/errors.js';

export type Keypath = (string | number)[];
export type ShouldRender = (keypath: Keypath) => boolean;

export function hasJinja(s: string): boolean {
  return s.includes('{{') || s.includes('{%');
}

/** Python-native coercion of a rendered string (dbt renders YAML with native=True). */
export function nativeValue(s: string): unknown {
  const t = s.trim();
  // Like Python's literal_eval: '007' is not a number literal, so it stays a string.
  if (/^[+-]?(0|[1-9]\d*)$/.test(t)) return Number(t);
  if (/^[+-]?(\d+\.\d*|\.\d+|\d+(\.\d*)?[eE][+-]?\d+)$/.test(t)) return Number(t);
  if (t === 'True' || t === 'true') return true;
  if (t === 'False' || t === 'false') return false;
  if (t === 'None') return null;
  return s;
}

/**
 * Renders strings under `value` whose keypath passes `shouldRender`, mutating containers in place
 * (so their recorded YAML positions stay valid). Returns the (possibly new) root value.
 */
export async function renderTree(
  value: unknown,
  render: YamlRenderer,
  shouldRender: ShouldRender,
  fallback: SourceLocation,
  keypath: Keypath = [],
): Promise<unknown> {
  if (typeof value === 'string') {
    if (!hasJinja(value) || !shouldRender(keypath)) return value;
    return nativeValue(await render(value, fallback));
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const loc = locationOf(value, i, fallback);
      value[i] = await renderTree(value[i], render, shouldRender, loc, [...keypath, i]);
    }
    return value;
  }
  if (isRecord(value)) {
    for (const key of Object.keys(value)) {
      const loc = locationOf(value, key, fallback);
      value[key] = await renderTree(value[key], render, shouldRender, loc, [...keypath, key]);
    }
  }
  return value;
}
