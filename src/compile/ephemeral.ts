// Ephemeral models are not built: their SQL is injected into each model that refs them as a CTE
// named __dbt__cte__<name>, nested ephemerals first, each once — dbt's _recursively_prepend_ctes.

export interface InjectedCte {
  id: string;
  sql: string;
}

export function cteName(modelName: string): string {
  return `__dbt__cte__${modelName}`;
}

/** Prepends the CTEs to the SQL; merges into a leading WITH (after comments) when there is one. */
export function injectCtes(sql: string, ctes: InjectedCte[]): string {
  if (ctes.length === 0) return sql;
  const cteSql = ctes.map((c) => `${cteName(c.id.split('.').pop()!)} as (\n${c.sql}\n)`).join(', ');
  const lead = /^(\s*(?:--[^\n]*\n|\/\*[\s\S]*?\*\/|\s)*)(with\b(?:\s+recursive\b)?)/i.exec(sql);
  if (lead) {
    const head = lead[0];
    return `${head} ${cteSql}, ${sql.slice(head.length).replace(/^\s*/, '')}`;
  }
  return `with ${cteSql}\n${sql}`;
}
