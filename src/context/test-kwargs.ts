// Generic-test arguments as dbt passes them: each argument that holds Jinja
// (model = "{{ get_where_subquery(ref('orders')) }}") or is a bare ref()/source() call
// (relationships' to: ref('customers')) is rendered in the test's own context.
import { literalEval, type JinjaEnvironment } from '../jinja/index.js';

const BARE_CALL = /^\s*(ref|source)\s*\(.*\)\s*$/s;
const LITERAL = /^\s*([[{(]|True\b|False\b|None\b|-?\d)/;

/** dbt renders test arguments natively: "['a', 'b']" from var() becomes a list again. */
function native(rendered: string): unknown {
  if (!LITERAL.test(rendered)) return rendered;
  try {
    return literalEval(rendered.trim());
  } catch {
    return rendered;
  }
}

/** Renders the kwargs into `into` (the object the template sees as _dbt_generic_test_kwargs). */
export async function renderTestKwargs(
  jinja: JinjaEnvironment,
  kwargs: Record<string, unknown>,
  ctx: Record<string, unknown>,
  file: string,
  into: Record<string, unknown>,
  /** Answers an argument without rendering (the usual ref() ones), or undefined. */
  resolveStatically?: (value: string) => unknown,
): Promise<void> {
  for (const [k, v] of Object.entries(kwargs)) {
    const known = typeof v === 'string' && resolveStatically ? resolveStatically(v) : undefined;
    if (known !== undefined) into[k] = known;
    else if (typeof v === 'string' && (v.includes('{{') || v.includes('{%'))) into[k] = native(await jinja.renderString(v, ctx, file));
    else if (typeof v === 'string' && BARE_CALL.test(v)) into[k] = await jinja.renderString(`{{ ${v} }}`, ctx, file);
    else into[k] = v;
  }
}
