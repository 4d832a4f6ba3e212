// Model contracts through the CLI: a model whose columns differ from its YAML fails before it is built,
// with dbt's mismatch table; constraints are applied to the built table (or checked and reported where
// the engine cannot add them), on DuckDB and PostgreSQL.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { martflow, type Engine as CliEngine } from '../helpers/cli.js';
import { withPostgresDatabase } from '../helpers/postgres.js';

const CONTRACT = (name: string, columns: string) =>
  [`  - name: ${name}`, '    config:', '      contract: {enforced: true}', '    columns:', columns].join('\n');

const FILES: Record<string, string> = {
  'dbt_project.yml': 'name: contracts\nprofile: contracts\nmodels:\n  contracts:\n    +materialized: table\n',
  'profiles.yml': [
    'contracts:',
    '  target: dev',
    '  outputs:',
    '    dev: {type: duckdb, path: target/contracts.duckdb, schema: main, threads: 2}',
    "    pg: {type: postgres, host: 127.0.0.1, port: 5432, user: postgres, password: '', dbname: \"{{ env_var('CONTRACTS_PG_DB', 'postgres') }}\", schema: contracts, threads: 2}",
    '',
  ].join('\n'),
  'models/customers.sql': "select 1 as id, 'a@x.com' as email\nunion all\nselect 2, 'b@x.com'\n",
  'models/broken.sql': "select cast(1 as bigint) as id, 'x' as surprise\n",
  'models/dup_emails.sql': "select 1 as id, 'a@x.com' as email\nunion all\nselect 2, 'a@x.com'\n",
  'models/schema.yml': [
    'version: 2',
    'models:',
    CONTRACT('customers', [
      '      - name: id',
      '        data_type: integer',
      '        constraints: [{type: not_null}, {type: primary_key}]',
      '      - name: email',
      '        data_type: varchar',
      '        constraints: [{type: unique}]',
    ].join('\n')),
    '    constraints:',
    '      - type: check',
    "        expression: \"id > 0\"",
    CONTRACT('broken', ['      - name: id', '        data_type: integer', '      - name: name', '        data_type: text'].join('\n')),
    CONTRACT('dup_emails', [
      '      - name: id',
      '        data_type: int',
      '      - name: email',
      '        data_type: string',
      '        constraints: [{type: unique}]',
    ].join('\n')),
    '',
  ].join('\n'),
};

interface Engine extends CliEngine {
  schema: string;
}

function suite(engineOf: () => Engine): void {
  let dir: string;
  let build: ReturnType<typeof martflow>;
  const run = (args: string[]) => {
    const e = engineOf();
    return martflow([...args, ...e.args], { cwd: dir, env: e.env });
  };
  const resultOf = (name: string) => {
    const results = JSON.parse(readFileSync(join(dir, 'target', 'run_results.json'), 'utf8')).results as { unique_id: string; status: string; message: string }[];
    return results.find((r) => r.unique_id === `model.contracts.${name}`)!;
  };

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'martflow-contracts-'));
    for (const [path, text] of Object.entries(FILES)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    build = run(['build']);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('a model that breaks its contract fails with the column differences and is not built', () => {
    assert.equal(build.code, 1, build.output);
    const broken = resultOf('broken');
    assert.equal(broken.status, 'error');
    assert.match(broken.message, /do not match its contract/);
    assert.match(broken.message, /\| id +\| (BIGINT|bigint) +\| integer +\| data type mismatch +\|/);
    assert.match(broken.message, /\| name +\| +\| text +\| missing in definition +\|/);
    assert.match(broken.message, /\| surprise +\| \S+ +\| +\| missing in contract +\|/);
    const e = engineOf();
    const exists = run(['show', '--inline', `select count(*) as n from information_schema.tables where table_schema = '${e.schema}' and table_name = 'broken'`, '--output', 'json', '--quiet']);
    assert.equal(JSON.parse(exists.stdout.trim().split('\n').pop()!).show[0].n, 0);
  });

  test('a model that keeps its contract is built with its constraints', () => {
    assert.equal(resultOf('customers').status, 'success', resultOf('customers').message);
    const e = engineOf();
    const r = run(['show', '--inline', `select column_name, is_nullable from information_schema.columns where table_schema = '${e.schema}' and table_name = 'customers' order by column_name`, '--output', 'json', '--quiet']);
    assert.equal(r.code, 0, r.output);
    assert.deepEqual(JSON.parse(r.stdout.trim().split('\n').pop()!).show, [
      { column_name: 'email', is_nullable: 'YES' },
      { column_name: 'id', is_nullable: 'NO' },
    ]);
    const kinds = run(['show', '--inline', `select distinct constraint_type from information_schema.table_constraints where table_schema = '${e.schema}' and table_name = 'customers'`, '--output', 'json', '--quiet']);
    const types = new Set((JSON.parse(kinds.stdout.trim().split('\n').pop()!).show as { constraint_type: string }[]).map((x) => x.constraint_type));
    assert.ok(types.has('PRIMARY KEY'), [...types].join(','));
    // PostgreSQL adds unique and check after the build; DuckDB cannot (checked and reported instead).
    if (e.args.length > 0) assert.ok(types.has('UNIQUE') && types.has('CHECK'), [...types].join(','));
  });

  test('a constraint the rows break fails the model, naming the constraint', () => {
    const dup = resultOf('dup_emails');
    assert.equal(dup.status, 'error');
    assert.match(dup.message, /constraint unique \(email\) on column email failed/);
  });
}

// Created before any test runs: the CLI runs are synchronous and would starve the connection attempt.
const pg = await withPostgresDatabase();

describe('contracts on DuckDB', () => {
  suite(() => ({ args: [], env: {}, schema: 'main' }));

  test('constraints DuckDB cannot add to a table are checked and reported', () => {
    // The suite's build ran in its own folder; this one only needs the warning text of a fresh build.
    const dir = mkdtempSync(join(tmpdir(), 'martflow-contracts-'));
    try {
      for (const [path, text] of Object.entries(FILES)) {
        mkdirSync(join(dir, path, '..'), { recursive: true });
        writeFileSync(join(dir, path), text);
      }
      const r = martflow(['build', '-s', 'customers'], { cwd: dir });
      assert.equal(r.code, 0, r.output);
      assert.match(r.output, /unique \(email\) on column email holds now, but duckdb cannot add it/);
      assert.match(r.output, /check id > 0 on model holds now/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('contracts on PostgreSQL', { skip: pg.skip }, () => {
  after(() => pg.drop());
  suite(() => ({ args: ['--target', 'pg'], env: { CONTRACTS_PG_DB: pg.dbname }, schema: 'contracts' }));
});
