// not_null and unique tests without a parse-time render, as dbt's parser does (dbt-core's
// render_test_update): what such a test captures is the ref or source it tests and a set of macros
// that does not depend on the column or the model. The first test of each kind in a package is
// rendered; the others take its macros, as long as every macro its render reached is martflow's own
// (no project or package override, which could call anything).
import type { GenericTestInstance } from '../project/loaded-project.js';
import type { Capture } from './capture.js';
import { staticArgumentCall } from './static-parse.js';

const BUILTIN_TESTS = new Set(['not_null', 'unique']);
const INTERNAL_MACRO = 'macro.dbt.';

export class BuiltinTestCaptures {
  /** The macros the first rendered test of a kind called; null when they may not be reused. */
  private readonly macrosByKind = new Map<string, string[] | null>();

  /** The capture of `test` without rendering it, or null when it must be rendered. */
  lookup(test: GenericTestInstance): Capture | null {
    const kind = kindOf(test);
    const macros = kind ? this.macrosByKind.get(kind.key) : null;
    if (!kind || !macros) return null;
    const { call } = kind;
    // Copies: staticArgumentCall's answers are shared.
    return { refs: call.kind === 'ref' ? [{ ...call.call }] : [], sources: call.kind === 'source' ? [[call.source[0], call.source[1]]] : [], config: {}, macros: [...macros] };
  }

  /** What rendering `test` captured: reused for the tests of its kind after it. */
  record(test: GenericTestInstance, capture: Capture): void {
    const kind = kindOf(test);
    if (!kind || this.macrosByKind.has(kind.key)) return;
    // Only a rendered capture says what its render reached (a capture without `reached` is not reused).
    const reusable = Object.keys(capture.config).length === 0 && !capture.envVars && capture.reached !== undefined && capture.reached.every((id) => id.startsWith(INTERNAL_MACRO));
    this.macrosByKind.set(kind.key, reusable ? [...capture.macros] : null);
  }
}

/** A not_null or unique test of a plain column on a literal ref or source, and its kind; else null. */
function kindOf(test: GenericTestInstance) {
  if (test.namespace !== null || !BUILTIN_TESTS.has(test.testName)) return null;
  const { column_name: column, model, ...rest } = test.kwargs;
  if (Object.keys(rest).length > 0 || typeof column !== 'string' || column.includes('{') || typeof model !== 'string') return null;
  const call = staticArgumentCall(model);
  if (!call || call.kind === 'config') return null;
  return { key: `${test.packageName}\0${test.testName}\0${call.kind}\0${call.whereSubquery}`, call };
}
