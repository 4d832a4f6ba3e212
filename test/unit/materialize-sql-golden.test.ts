// Golden SQL for every materialization, per engine: test/golden/<case>.<engine>.sql.
// UPDATE_GOLDEN=1 npm test -- materialize-sql rewrites them; review the diff before committing.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suffixed, BACKUP_SUFFIX, TMP_SUFFIX } from '../../src/build/materializations/relation-names.js';
import { cleanupLeftovers, swapIntoPlace } from '../../src/build/materializations/sql/create.js';
import { appendSql, deleteInsertSql, duplicateKeySql, mergeSql, type IncrementalSqlInput } from '../../src/build/materializations/sql/incremental.js';
import { diffColumns, schemaChangeSql } from '../../src/build/materializations/sql/schema-change.js';
import { createSeedTableSql, truncateSql } from '../../src/build/seeds/sql.js';
import { snapshotConfig } from '../../src/build/snapshots/config.js';
import { buildSnapshotSelect, snapshotMergeSql, snapshotStagingSelect } from '../../src/build/snapshots/sql.js';
import { strategySql } from '../../src/build/snapshots/strategy.js';
import type { NodeConfig } from '../../src/project/manifest-types.js';
import { dialectFor, type Dialect, type RelationInfo, type RelationRef } from '../../src/warehouse/index.js';
import { node } from '../functional/materialize-fixtures.js';

const GOLDEN = join(import.meta.dirname, '..', 'golden');
const target: RelationRef = { database: null, schema: 'analytics', identifier: 'orders' };
const table = (ref: RelationRef): RelationInfo => ({ ...ref, type: 'table' });
const view = (ref: RelationRef): RelationInfo => ({ ...ref, type: 'view' });
const tmp = suffixed(target, TMP_SUFFIX);
const select = 'select id, customer_id, amount\nfrom "raw"."orders"';

function incremental(extra: Partial<IncrementalSqlInput> = {}): IncrementalSqlInput {
  return { target, staged: tmp, columns: ['id', 'customer_id', 'amount'], uniqueKey: ['id'], predicates: [], ...extra };
}

function snapshot(d: Dialect, config: Partial<NodeConfig>, checkColumns: string[] = []) {
  const c = snapshotConfig(node('orders_snapshot', { materialized: 'snapshot', ...config }, select, 'snapshot'));
  return { config: c, strategy: strategySql(d, c, { columns: checkColumns, columnAdded: false }), sourceSql: select };
}

const CASES: Record<string, (d: Dialect) => string[]> = {
  view: (d) => [d.createViewAs(tmp, select), ...swapIntoPlace(d, view(tmp), target, view(target))],
  table: (d) => [d.createTableAs(tmp, select), ...swapIntoPlace(d, table(tmp), target, table(target))],
  'table-replacing-view': (d) => [d.createTableAs(tmp, select), ...swapIntoPlace(d, table(tmp), target, view(target))],
  'table-first-run': (d) => [d.createTableAs(tmp, select), ...swapIntoPlace(d, table(tmp), target, null)],
  'cleanup-leftovers': (d) => [
    ...cleanupLeftovers(d, target, { target: table(target), tmp: table(tmp), backup: table(suffixed(target, BACKUP_SUFFIX)) }),
    ...cleanupLeftovers(d, target, { target: null, tmp: null, backup: view(suffixed(target, BACKUP_SUFFIX)) }),
  ],
  'incremental-append': (d) => appendSql(d, incremental({ uniqueKey: [] })),
  'incremental-merge': (d) => [duplicateKeySql(d, tmp, ['id']), ...mergeSql(d, incremental())],
  'incremental-merge-predicates': (d) =>
    mergeSql(d, incremental({ uniqueKey: ['id', 'customer_id'], predicates: ["DBT_INTERNAL_DEST.order_date > current_date - 7"], updateColumns: ['amount'] })),
  'incremental-delete-insert': (d) => deleteInsertSql(d, incremental({ uniqueKey: ['id', 'customer_id'], predicates: ['DBT_INTERNAL_DEST.amount > 0'] })),
  'incremental-sync-all-columns': (d) =>
    schemaChangeSql(
      d,
      target,
      diffColumns(
        [{ name: 'id', dataType: d.types.integer }, { name: 'amount', dataType: d.types.integer }, { name: 'phone', dataType: d.types.string }],
        [{ name: 'id', dataType: d.types.bigint }, { name: 'amount', dataType: d.types.integer }, { name: 'email', dataType: d.types.string }],
      ),
      'sync_all_columns',
    ),
  seed: (d) => [
    createSeedTableSql(d, tmp, [{ name: 'id', type: d.types.integer }, { name: 'Signup Date', type: d.types.date }, { name: 'plan', type: d.types.string }], true),
    truncateSql(d, target),
  ],
  'snapshot-first-run-timestamp': (d) => [buildSnapshotSelect(snapshot(d, { strategy: 'timestamp', unique_key: 'id', updated_at: 'updated_at' }))],
  'snapshot-staging-timestamp-invalidate': (d) => [
    snapshotStagingSelect(d, {
      ...snapshot(d, { strategy: 'timestamp', unique_key: 'id', updated_at: 'updated_at', hard_deletes: 'invalidate' }),
      target,
      sourceColumns: [],
      targetColumns: [],
    }),
  ],
  'snapshot-staging-check-new-record': (d) => [
    snapshotStagingSelect(d, {
      ...snapshot(d, { strategy: 'check', unique_key: ['id', 'customer_id'], check_cols: ['amount'], hard_deletes: 'new_record' }, ['amount']),
      target,
      sourceColumns: ['id', 'customer_id', 'amount'],
      targetColumns: ['id', 'customer_id', 'amount', 'dbt_scd_id', 'dbt_updated_at', 'dbt_valid_from', 'dbt_valid_to', 'dbt_is_deleted'],
    }),
  ],
  'snapshot-merge': (d) =>
    snapshotMergeSql(d, snapshot(d, { strategy: 'timestamp', unique_key: 'id', updated_at: 'updated_at' }).config, target, tmp, ['id', 'amount', 'dbt_scd_id', 'dbt_updated_at', 'dbt_valid_from', 'dbt_valid_to']),
  'snapshot-merge-valid-to-current': (d) =>
    snapshotMergeSql(
      d,
      snapshot(d, { strategy: 'timestamp', unique_key: 'id', updated_at: 'updated_at', dbt_valid_to_current: "cast('9999-12-31' as timestamp)" }).config,
      target,
      tmp,
      ['id', 'dbt_valid_to'],
    ),
};

for (const engine of ['duckdb', 'postgres']) {
  describe(`golden materialization SQL for ${engine}`, async () => {
    const d = await dialectFor(engine);
    for (const [name, build] of Object.entries(CASES)) {
      test(name, () => {
        const sql = build(d).map((s) => `${s};\n`).join('\n');
        const file = join(GOLDEN, `${name}.${engine}.sql`);
        if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
          if (process.env.UPDATE_GOLDEN !== '1') assert.fail(`missing golden file ${file}; run with UPDATE_GOLDEN=1 to create it`);
          mkdirSync(GOLDEN, { recursive: true });
          writeFileSync(file, sql);
        }
        assert.equal(sql, readFileSync(file, 'utf8'), `SQL for ${name} on ${engine} differs from ${file} (UPDATE_GOLDEN=1 rewrites it)`);
      });
    }
  });
}
