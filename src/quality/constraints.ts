// Contract constraints applied after a contracted table is built: not_null, unique, primary_key,
// check and foreign_key (as `expression: other_table (column)`) become ALTER TABLE statements. When the
// engine cannot add one after creation, the data is checked once with a query instead and the
// constraint is reported as not enforced for later writes.
import type { Constraint, ManifestNode } from '../project/manifest-types.js';
import type { Adapter, Connection, Dialect, RelationRef } from '../warehouse/adapter.js';
import { UserError } from '../util/errors.js';

export interface PlannedConstraint {
  type: Constraint['type'];
  columns: string[];
  expression: string | null;
  name: string | null;
  /** "column id" or "model" — where the YAML declares it, for messages. */
  declaredOn: string;
}

/** Column-level constraints (columns: - constraints:) and model-level ones (constraints: with columns:). */
export function collectConstraints(node: ManifestNode): PlannedConstraint[] {
  const out: PlannedConstraint[] = [];
  for (const col of Object.values(node.columns ?? {})) {
    for (const c of col.constraints ?? []) out.push({ type: c.type, columns: [col.name], expression: c.expression ?? null, name: c.name ?? null, declaredOn: `column ${col.name}` });
  }
  for (const c of node.constraints ?? []) out.push({ type: c.type, columns: c.columns ?? [], expression: c.expression ?? null, name: c.name ?? null, declaredOn: 'model' });
  return out;
}

function describe(c: PlannedConstraint): string {
  return `${c.type}${c.columns.length ? ` (${c.columns.join(', ')})` : ''}${c.expression ? ` ${c.expression}` : ''} on ${c.declaredOn}`;
}

/** The ALTER TABLE adding the constraint, or null when there is nothing to add (custom). */
export function constraintDdl(dialect: Dialect, ref: RelationRef, c: PlannedConstraint): string | null {
  const table = dialect.relation(ref);
  const cols = c.columns.map((x) => dialect.quoteIdentifier(x)).join(', ');
  const named = c.name ? `constraint ${dialect.quoteIdentifier(c.name)} ` : '';
  switch (c.type) {
    case 'not_null':
      return c.columns.map((x) => `alter table ${table} alter column ${dialect.quoteIdentifier(x)} set not null`).join(';\n');
    case 'unique':
      return `alter table ${table} add ${named}unique (${cols})`;
    case 'primary_key':
      return `alter table ${table} add ${named}primary key (${cols})`;
    case 'check':
      return c.expression ? `alter table ${table} add ${named}check (${c.expression})` : null;
    case 'foreign_key':
      return c.expression ? `alter table ${table} add ${named}foreign key (${cols}) references ${c.expression}` : null;
    default:
      return null;
  }
}

/** A query counting the rows that break the constraint, for engines that cannot add it afterwards. */
export function violationCountSql(dialect: Dialect, ref: RelationRef, c: PlannedConstraint): string | null {
  const table = dialect.relation(ref);
  const cols = c.columns.map((x) => dialect.quoteIdentifier(x));
  switch (c.type) {
    case 'not_null':
      return `select count(*) from ${table} where ${cols.map((x) => `${x} is null`).join(' or ')}`;
    case 'unique':
    case 'primary_key': {
      const nulls = c.type === 'primary_key' ? ` + (select count(*) from ${table} where ${cols.map((x) => `${x} is null`).join(' or ')})` : '';
      return `select (select count(*) from (select ${cols.join(', ')} from ${table} where ${cols.map((x) => `${x} is not null`).join(' and ')} group by ${cols.join(', ')} having count(*) > 1) dups)${nulls}`;
    }
    case 'check':
      return c.expression ? `select count(*) from ${table} where not (${c.expression})` : null;
    default:
      return null;
  }
}

/** Applies the constraints of a contracted table; warns about those the engine does not enforce. */
export async function applyConstraints(adapter: Adapter, conn: Connection, node: ManifestNode, ref: RelationRef, warn: (message: string) => void, signal?: AbortSignal): Promise<void> {
  const planned = collectConstraints(node);
  if (planned.length === 0) return;
  const materialized = String(node.config.materialized ?? 'view');
  if (materialized !== 'table' && materialized !== 'incremental') {
    warn(`model ${node.name}: constraints are applied to tables only; the ${planned.length} on this ${materialized} are not enforced`);
    return;
  }
  for (const c of planned) {
    if (!adapter.capabilities.enforcedConstraints.includes(c.type as never)) {
      warn(`model ${node.name}: the ${adapter.type} engine does not enforce ${describe(c)}`);
      continue;
    }
    const ddl = constraintDdl(adapter.dialect, ref, c);
    if (ddl === null) {
      warn(`model ${node.name}: ${describe(c)} is not applied (${c.type === 'foreign_key' ? "give it as expression: \"other_table (column)\"" : 'nothing to apply'})`);
      continue;
    }
    try {
      for (const sql of ddl.split(';\n')) await conn.execute(sql, { signal });
    } catch (e) {
      const check = violationCountSql(adapter.dialect, ref, c);
      if (!check) throw constraintError(node, c, (e as Error).message);
      const r = await conn.execute(check, { signal });
      const violations = Number(r.rows[0]?.[0] ?? 0);
      if (violations > 0) throw constraintError(node, c, `${violations} row${violations === 1 ? '' : 's'} break it`);
      // The engine rejected the DDL itself (e.g. DuckDB cannot add unique / check after CREATE).
      if (!/violat|null values|duplicate|could not create unique/i.test((e as Error).message)) {
        warn(`model ${node.name}: ${describe(c)} holds now, but ${adapter.type} cannot add it to an existing table, so later writes are not checked`);
        continue;
      }
      throw constraintError(node, c, (e as Error).message);
    }
  }
}

function constraintError(node: ManifestNode, c: PlannedConstraint, why: string): UserError {
  return new UserError(`model ${node.name}: constraint ${describe(c)} failed: ${why}`, {
    location: node.location,
    hint: 'Fix the rows the model produces, or the constraint in its YAML.',
  });
}
