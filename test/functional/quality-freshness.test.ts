// martflow source freshness: loaded_at_field, warn_after / error_after and filter judged against the
// newest row, target/sources.json in dbt's v3 shape, and source_status:fresher against a previous run.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { martflow, type Engine } from '../helpers/cli.js';
import { withPostgresDatabase } from '../helpers/postgres.js';

// The "raw" tables are models here, so each engine's now() gives rows of a known age.
const FILES: Record<string, string> = {
  'dbt_project.yml': 'name: fresh\nprofile: fresh\nmodels:\n  fresh:\n    +materialized: table\n',
  'profiles.yml': [
    'fresh:',
    '  target: dev',
    '  outputs:',
    '    dev: {type: duckdb, path: target/fresh.duckdb, schema: main, threads: 2}',
    "    pg: {type: postgres, host: 127.0.0.1, port: 5432, user: postgres, password: '', dbname: \"{{ env_var('FRESH_PG_DB', 'postgres') }}\", schema: fresh, threads: 2}",
    '',
  ].join('\n'),
  'models/raw_events.sql': "select 1 as id, now() - interval '1 hour' as loaded_at\n",
  'models/raw_late.sql': "select 1 as id, now() - interval '{{ var(\"late_hours\", 10) }} hour' as loaded_at\n",
  'models/raw_stale.sql': "select 1 as id, now() - interval '3 day' as loaded_at\n",
  'models/raw_mixed.sql': "select 'a' as kind, now() - interval '1 hour' as loaded_at union all select 'b', now() - interval '5 day'\n",
  'models/sources.yml': [
    'version: 2',
    'sources:',
    '  - name: raw',
    // (target is not in the schema-file render context yet: the schema comes from the environment.)
    "    schema: \"{{ env_var('FRESH_SCHEMA') }}\"",
    '    loaded_at_field: loaded_at',
    '    freshness:',
    '      warn_after: {count: 6, period: hour}',
    '      error_after: {count: 1, period: day}',
    '    tables:',
    '      - name: events',
    '        identifier: raw_events',
    '      - name: late',
    '        identifier: raw_late',
    '      - name: stale',
    '        identifier: raw_stale',
    '      - name: mixed_all',
    '        identifier: raw_mixed',
    '      - name: mixed_b',
    '        identifier: raw_mixed',
    '        freshness:',
    '          warn_after: {count: 6, period: hour}',
    '          error_after: {count: 1, period: day}',
    "          filter: \"kind = 'b'\"",
    '      - name: unchecked',
    '        identifier: raw_events',
    '        freshness: null',
    '',
  ].join('\n'),
};

interface SourceResult {
  unique_id: string;
  status: string;
  max_loaded_at_time_ago_in_s?: number;
  criteria?: { warn_after: { count: number; period: string }; filter: string | null };
  error?: string;
}

function suite(engineOf: () => Engine): void {
  let dir: string;
  const run = (args: string[], env: Record<string, string> = {}) => {
    const e = engineOf();
    return martflow([...args, ...e.args], { cwd: dir, env: { ...e.env, ...env } });
  };
  const sourcesJson = () => JSON.parse(readFileSync(join(dir, 'target', 'sources.json'), 'utf8'));
  const statusById = (results: SourceResult[]) => Object.fromEntries(results.map((r) => [r.unique_id.replace('source.fresh.raw.', ''), r.status]));

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'martflow-fresh-'));
    for (const [path, text] of Object.entries(FILES)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const r = run(['run']);
    assert.equal(r.code, 0, r.output);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('each source is judged against warn_after / error_after, with its filter', () => {
    const r = run(['source', 'freshness']);
    assert.equal(r.code, 1, r.output);
    assert.match(r.output, /ERROR STALE freshness of raw\.stale/);
    const json = sourcesJson();
    assert.equal(json.metadata.dbt_schema_version, 'https://schemas.getdbt.com/dbt/sources/v3.json');
    assert.equal(typeof json.elapsed_time, 'number');
    const results = json.results as SourceResult[];
    assert.deepEqual(statusById(results), { events: 'pass', late: 'warn', mixed_all: 'pass', mixed_b: 'error', stale: 'error' });
    const events = results.find((x) => x.unique_id === 'source.fresh.raw.events')!;
    // One hour old, give or take a slow machine.
    assert.ok(events.max_loaded_at_time_ago_in_s! > 3500 && events.max_loaded_at_time_ago_in_s! < 3600 + 600, String(events.max_loaded_at_time_ago_in_s));
    assert.deepEqual(events.criteria?.warn_after, { count: 6, period: 'hour' });
    assert.equal(results.find((x) => x.unique_id === 'source.fresh.raw.mixed_b')!.criteria?.filter, "kind = 'b'");
  });

  test('--select narrows the sources; all fresh exits 0', () => {
    const r = run(['source', 'freshness', '-s', 'source:raw.events', 'source:raw.late']);
    assert.equal(r.code, 0, r.output);
    assert.deepEqual(statusById(sourcesJson().results), { events: 'pass', late: 'warn' });
  });

  test('source_status:fresher selects the sources whose newest row is newer than in --state', () => {
    assert.equal(run(['source', 'freshness', '-s', 'source:raw']).code, 1);
    const state = join(dir, 'state');
    cpSync(join(dir, 'target'), state, { recursive: true });
    const rebuilt = run(['run', '-s', 'raw_late', '--vars', '{late_hours: 2}']);
    assert.equal(rebuilt.code, 0, rebuilt.output);
    assert.equal(run(['source', 'freshness', '-s', 'source:raw']).code, 1);
    const ls = run(['ls', '-s', 'source_status:fresher', '--state', state, '--resource-type', 'source']);
    assert.equal(ls.code, 0, ls.output);
    assert.match(ls.stdout, /raw\.late/);
    assert.doesNotMatch(ls.stdout, /raw\.stale/, `${readFileSync(join(state, 'sources.json'), 'utf8')}\n${readFileSync(join(dir, 'target', 'sources.json'), 'utf8')}`);
  });

  test('an unknown subcommand is a clear error', () => {
    const r = run(['source', 'fresh']);
    assert.equal(r.code, 1, r.output);
    assert.match(r.output, /unknown source subcommand 'fresh'/);
  });
}

// Created before any test runs: the CLI runs are synchronous and would starve the connection attempt.
const pg = await withPostgresDatabase();

describe('source freshness on DuckDB', () => {
  suite(() => ({ args: [], env: { FRESH_SCHEMA: 'main' } }));
});

describe('source freshness on PostgreSQL', { skip: pg.skip }, () => {
  after(() => pg.drop());
  suite(() => ({ args: ['--target', 'pg'], env: { FRESH_PG_DB: pg.dbname, FRESH_SCHEMA: 'fresh' } }));
});
