// Model contracts (contract: {enforced: true}): the columns a model's SQL returns must be the YAML
// columns, with the YAML data types. Checked before materializing, with a `limit 0` query, so a
// broken contract leaves the previous relation in place; the error shows the differing columns.
import type { ManifestNode } from '../project/manifest-types.js';
import type { ColumnDef, Connection } from '../warehouse/adapter.js';
import { UserError } from '../util/errors.js';

export interface ContractColumn {
  name: string;
  dataType: string;
}

export interface ColumnMismatch {
  column: string;
  definitionType: string | null;
  contractType: string | null;
  reason: 'missing in definition' | 'missing in contract' | 'data type mismatch';
}

/** Spellings of one type family across engines and dbt's generic names, to one canonical name. */
const ALIASES: [RegExp, string][] = [
  [/^(int|int4|integer|signed|mediumint)$/, 'integer'],
  [/^(int8|bigint|long)$/, 'bigint'],
  [/^(int2|smallint|short)$/, 'smallint'],
  [/^(int1|tinyint)$/, 'tinyint'],
  [/^(hugeint|int128)$/, 'hugeint'],
  [/^(varchar|text|string|character varying|char|character|bpchar|nvarchar|nchar)$/, 'text'],
  [/^(float8|double|double precision|float)$/, 'double'],
  [/^(float4|real)$/, 'real'],
  [/^(numeric|decimal)$/, 'numeric'],
  [/^(bool|boolean|logical)$/, 'boolean'],
  [/^(timestamp|timestamp without time zone|datetime)$/, 'timestamp'],
  [/^(timestamptz|timestamp with time zone)$/, 'timestamptz'],
  [/^(time|time without time zone)$/, 'time'],
  [/^(json|jsonb)$/, 'json'],
];

/** The comparable form of a type name: lower case, no size or precision, aliases folded. */
export function canonicalType(type: string): string {
  const bare = type.trim().toLowerCase().replace(/\s*\(.*\)\s*/g, ' ').replace(/\s+/g, ' ').trim();
  for (const [re, name] of ALIASES) if (re.test(bare)) return name;
  return bare;
}

/** The contract: the YAML columns with their data_type (dbt requires one on every column). */
export function contractColumns(node: ManifestNode): ContractColumn[] {
  const cols = Object.values(node.columns ?? {});
  const untyped = cols.filter((c) => !c.data_type).map((c) => c.name);
  if (cols.length === 0 || untyped.length > 0) {
    throw new UserError(
      cols.length === 0
        ? `model ${node.name} enforces a contract but its YAML lists no columns`
        : `model ${node.name} enforces a contract, but column${untyped.length === 1 ? '' : 's'} ${untyped.join(', ')} ha${untyped.length === 1 ? 's' : 've'} no data_type`,
      { location: node.location, hint: 'Give every column of a contracted model a data_type in its YAML (columns: - name: id, data_type: integer).' },
    );
  }
  return cols.map((c) => ({ name: c.name, dataType: c.data_type! }));
}

/** The differences between what the SQL returns and the contract (names compared case-insensitively). */
export function compareContract(contract: ContractColumn[], actual: ColumnDef[]): ColumnMismatch[] {
  const out: ColumnMismatch[] = [];
  const actualByName = new Map(actual.map((c) => [c.name.toLowerCase(), c]));
  const contractNames = new Set(contract.map((c) => c.name.toLowerCase()));
  for (const c of contract) {
    const found = actualByName.get(c.name.toLowerCase());
    if (!found) out.push({ column: c.name, definitionType: null, contractType: c.dataType, reason: 'missing in definition' });
    else if (canonicalType(found.dataType) !== canonicalType(c.dataType)) out.push({ column: c.name, definitionType: found.dataType, contractType: c.dataType, reason: 'data type mismatch' });
  }
  for (const a of actual) if (!contractNames.has(a.name.toLowerCase())) out.push({ column: a.name, definitionType: a.dataType, contractType: null, reason: 'missing in contract' });
  return out;
}

/** dbt's mismatch table: column_name | definition_type | contract_type | mismatch_reason. */
export function formatMismatches(mismatches: ColumnMismatch[]): string {
  const rows = [['column_name', 'definition_type', 'contract_type', 'mismatch_reason'], ...mismatches.map((m) => [m.column, m.definitionType ?? '', m.contractType ?? '', m.reason])];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => `| ${r.map((v, i) => v.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(rows[0]!), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.slice(1).map(line)].join('\n');
}

/** Whether the node's contract is enforced (models only; ephemeral models have no relation to check). */
export function contractEnforced(node: ManifestNode): boolean {
  const contract = (node.config.contract ?? node.contract) as { enforced?: boolean } | undefined;
  return node.resource_type === 'model' && Boolean(contract?.enforced) && node.config.materialized !== 'ephemeral';
}

/** Runs the model's SQL with limit 0 and throws a UserError with the mismatch table when it breaks the contract. */
export async function checkContract(conn: Connection, node: ManifestNode, signal?: AbortSignal): Promise<void> {
  const contract = contractColumns(node);
  const probe = await conn.execute(`select * from (\n${node.compiled_code ?? ''}\n) as martflow_contract_probe limit 0`, { signal });
  const mismatches = compareContract(contract, probe.columns);
  if (mismatches.length === 0) return;
  throw new UserError(`model ${node.name}: the columns its SQL returns do not match its contract\n${formatMismatches(mismatches)}`, {
    location: node.location,
    hint: 'Change the SQL or the YAML columns (names and data_type) so they agree; the previous relation was left in place.',
  });
}
