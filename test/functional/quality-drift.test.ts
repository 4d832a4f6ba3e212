// martflow drift --state: the columns of watched models (enforced contracts, tag critical) against the
// target/ of an earlier build; added columns pass, removed or retyped ones exit 1. DuckDB and PostgreSQL.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { martflow, type Engine } from '../helpers/cli.js';
import { withPostgresDatabase } from '../helpers/postgres.js';

const CAMPAIGNS = "{{ config(materialized='view', tags=['critical']) }}\nselect 1 as campaign_id, 'spring' as name, cast(10 as integer) as clicks\n";

const FILES: Record<string, string> = {
  'dbt_project.yml': 'name: drifting\nprofile: drifting\nmodels:\n  drifting:\n    +materialized: table\n',
  'profiles.yml': [
    'drifting:',
    '  target: dev',
    '  outputs:',
    '    dev: {type: duckdb, path: target/drift.duckdb, schema: main, threads: 2}',
    "    pg: {type: postgres, host: 127.0.0.1, port: 5432, user: postgres, password: '', dbname: \"{{ env_var('DRIFT_PG_DB', 'postgres') }}\", schema: drifting, threads: 2}",
    '',
  ].join('\n'),
  'models/campaigns.sql': CAMPAIGNS,
  'models/ledger.sql': 'select cast(1 as integer) as id, cast(5 as integer) as amount\n',
  'models/scratch.sql': 'select 1 as anything\n',
  'models/schema.yml': [
    'version: 2',
    'models:',
    '  - name: ledger',
    '    config: {contract: {enforced: true}}',
    '    columns:',
    '      - {name: id, data_type: integer}',
    '      - {name: amount, data_type: integer}',
    '',
  ].join('\n'),
};

function suite(engineOf: () => Engine): void {
  let dir: string;
  let state: string;
  const run = (args: string[]) => {
    const e = engineOf();
    return martflow([...args, ...e.args], { cwd: dir, env: e.env });
  };
  const rebuildCampaigns = (sql: string) => {
    writeFileSync(join(dir, 'models', 'campaigns.sql'), sql);
    const r = run(['build', '-s', 'campaigns', 'scratch']);
    assert.equal(r.code, 0, r.output);
  };

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'martflow-drift-'));
    for (const [path, text] of Object.entries(FILES)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const b = run(['build']);
    assert.equal(b.code, 0, b.output);
    const d = run(['docs', 'generate']);
    assert.equal(d.code, 0, d.output);
    state = join(dir, 'state');
    cpSync(join(dir, 'target'), state, { recursive: true });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('no change passes and lists the watched models only', () => {
    const r = run(['drift', '--state', state]);
    assert.equal(r.code, 0, r.output);
    assert.match(r.stdout, /campaigns: no change/);
    assert.match(r.stdout, /ledger: no change/);
    assert.doesNotMatch(r.stdout, /scratch/);
    assert.match(r.stdout, /No breaking changes/);
  });

  test('an added column is reported but does not break', () => {
    rebuildCampaigns(CAMPAIGNS.replace(' as clicks', " as clicks, 'email' as channel"));
    const r = run(['drift', '--state', state]);
    assert.equal(r.code, 0, r.output);
    assert.match(r.stdout, /ok {2}campaigns: changed\n {4}\+ added {4}channel/);
  });

  test('a removed or retyped column is breaking and exits 1', () => {
    rebuildCampaigns("{{ config(materialized='view', tags=['critical']) }}\nselect 1 as campaign_id, cast(10 as bigint) as clicks\n");
    const r = run(['drift', '--state', state]);
    assert.equal(r.code, 1, r.output);
    assert.match(r.stdout, /BREAKING {2}campaigns: changed/);
    assert.match(r.stdout, /- removed {2}name/);
    assert.match(r.stdout, /~ retyped {2}clicks: \S+ -> \S+/);
    assert.match(r.stdout, /1 model with breaking changes/);
    const json = run(['drift', '--state', state, '--output', 'json']);
    const drift = JSON.parse(json.stdout.trim().split('\n').pop()!).drift as { name: string; breaking: boolean; removed: { name: string }[] }[];
    assert.deepEqual(drift.map((d) => [d.name, d.breaking]), [['campaigns', true], ['ledger', false]]);
  });

  test('--select compares the chosen models instead', () => {
    const r = run(['drift', '--state', state, '-s', 'ledger']);
    assert.equal(r.code, 0, r.output);
    assert.doesNotMatch(r.stdout, /campaigns/);
  });

  test('without a catalog in --state it says how to make one', () => {
    const r = run(['drift', '--state', join(dir, 'nowhere')]);
    assert.equal(r.code, 1, r.output);
    assert.match(r.output, /no manifest\.json there/);
  });
}

// Created before any test runs: the CLI runs are synchronous and would starve the connection attempt.
const pg = await withPostgresDatabase();

describe('drift gate on DuckDB', () => {
  suite(() => ({ args: [], env: {} }));
});

describe('drift gate on PostgreSQL', { skip: pg.skip }, () => {
  after(() => pg.drop());
  suite(() => ({ args: ['--target', 'pg'], env: { DRIFT_PG_DB: pg.dbname } }));
});
