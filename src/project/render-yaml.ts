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
 * The tree is walked synchronously first: schema files hold tens of thousands of values and few
 * have Jinja, so only those pay for a keypath, a location and an await.
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
  const found: { container: Record<string | number, unknown>; key: string | number; at: SourceLocation }[] = [];
  const path: Keypath = [...keypath];
  const containers: unknown[] = [];
  // Where the string at the end of `path` stands: the nearest position recorded along the way.
  const locate = (): SourceLocation => {
    let at = fallback;
    for (let i = 0; i < containers.length; i++) at = locationOf(containers[i], path[keypath.length + i]!, at);
    return at;
  };
  const visit = (container: Record<string | number, unknown>, key: string | number): void => {
    const child = container[key];
    path.push(key);
    containers.push(container);
    if (typeof child === 'string') {
      if (hasJinja(child) && shouldRender([...path])) found.push({ container, key, at: locate() });
    } else walk(child);
    path.pop();
    containers.pop();
  };
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) for (let i = 0; i < v.length; i++) visit(v as unknown as Record<number, unknown>, i);
    else if (isRecord(v)) for (const key of Object.keys(v)) visit(v, key);
  };
  walk(value);
  for (const { container, key, at } of found) container[key] = nativeValue(await render(container[key] as string, at));
  return value;
}
