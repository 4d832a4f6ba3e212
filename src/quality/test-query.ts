// How a data test's SQL (the rows that fail) becomes a verdict: dbt's get_test_sql wraps it to count
// failures with fail_calc and compare with warn_if / error_if.
import type { ManifestNode } from '../project/manifest-types.js';
import { UserError } from '../util/errors.js';

const CONDITION = /^\s*(=|==|!=|<>|>=|<=|>|<)\s*-?\d+(\.\d+)?\s*$/;

function condition(value: unknown, key: string, node: ManifestNode): string {
  const s = String(value ?? '!= 0');
  if (!CONDITION.test(s)) {
    throw new UserError(`${node.name}: ${key} '${s}' is not a comparison with a number`, {
      location: node.location,
      hint: `Write it like dbt: ${key}: ">10" or "!= 0".`,
    });
  }
  return s.replace('==', '=');
}

export function testVerdictSql(node: ManifestNode, compiledSql: string): string {
  const failCalc = String(node.config.fail_calc ?? 'count(*)');
  const warnIf = condition(node.config.warn_if, 'warn_if', node);
  const errorIf = condition(node.config.error_if, 'error_if', node);
  const limit = node.config.limit !== undefined && node.config.limit !== null ? `\nlimit ${Number(node.config.limit)}` : '';
  return `select\n  ${failCalc} as failures,\n  ${failCalc} ${warnIf} as should_warn,\n  ${failCalc} ${errorIf} as should_error\nfrom (\n${compiledSql}${limit}\n) dbt_internal_test`;
}

export interface TestVerdict {
  status: 'pass' | 'warn' | 'fail';
  failures: number;
  message: string;
}

export function verdict(node: ManifestNode, row: unknown[] | undefined): TestVerdict {
  const failures = Number(row?.[0] ?? 0);
  const shouldWarn = Boolean(row?.[1]);
  const shouldError = Boolean(row?.[2]);
  const severity = String(node.config.severity ?? 'ERROR').toUpperCase();
  if (severity === 'ERROR' && shouldError) {
    return { status: 'fail', failures, message: `Got ${failures} result${failures === 1 ? '' : 's'}, configured to fail if ${node.config.error_if ?? '!= 0'}` };
  }
  if (shouldWarn) {
    return { status: 'warn', failures, message: `Got ${failures} result${failures === 1 ? '' : 's'}, configured to warn if ${node.config.warn_if ?? '!= 0'}` };
  }
  return { status: 'pass', failures, message: 'PASS' };
}
