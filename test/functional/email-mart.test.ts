// The email mart example (examples/email_mart) run the way a user runs it, through the CLI, on DuckDB
// and on PostgreSQL at small scale: seed, generate 3 days of mock events, build tag:daily, then check
// the KPIs against an independent computation from the raw events, the audits against the defects
// the generator injects (recomputed here from its hash formula), and that an incremental run after
// one more day processes about a day of events and equals a full refresh.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyProject, martflow, REPO_ROOT, type Engine } from '../helpers/cli.js';
import { withPostgresDatabase } from '../helpers/postgres.js';

const PROJECT = join(REPO_ROOT, 'examples', 'email_mart');
const SEED = 42;
const SENDS_PER_DAY = 2000;
const FIRST_DAY = Date.UTC(2026, 0, 1); // vars.mock_events_start_date
const ORPHANS = ['CMP-0901', 'CMP-0902', 'CMP-0903']; // vars.mock_orphan_campaigns
const DAY_MS = 86_400_000;

type Row = Record<string, unknown>;

function cli(dir: string, engine: Engine, args: string[]): string {
  const r = martflow([...args, ...engine.args], { cwd: dir, env: engine.env });
  assert.equal(r.code, 0, r.output);
  return r.stdout;
}

function query(dir: string, engine: Engine, sql: string): Row[] {
  const out = cli(dir, engine, ['show', '--inline', sql, '--limit', '-1', '--output', 'json', '--quiet']);
  return (JSON.parse(out.trim().split('\n').pop()!) as { show: Row[] }).show;
}

function generate(dir: string, engine: Engine, days: number): void {
  cli(dir, engine, ['run-operation', 'insert_mock_marketing_cloud_events', '--args', `{days: ${days}, sends_per_day: ${SENDS_PER_DAY}, seed: ${SEED}}`]);
}

// ---- the generator's injected defects, recomputed from its hash formula (macros/mock_events) ----

/** The generator's draw: 15 hex digits of md5(key) at `word` as an integer, its 15-bit `slot`, / 2^15. */
function uniform(key: string, word: number, slot: number): number {
  const hex = createHash('md5').update(key).digest('hex').slice(word * 15, word * 15 + 15);
  return Number((BigInt(`0x${hex}`) >> BigInt(15 * slot)) & 32767n) / 32768;
}

interface Injected {
  /** send ids whose SEND event was delivered twice */
  duplicateSends: Set<string>;
  /** send ids whose DELIVERED or BOUNCE event was delivered twice */
  duplicateDeliveries: Set<string>;
  /** SEND events per orphan campaign id */
  orphanSends: Map<string, number>;
}

function injectedDefects(days: number): Injected {
  const result: Injected = { duplicateSends: new Set(), duplicateDeliveries: new Set(), orphanSends: new Map() };
  for (let d = 0; d < days; d++) {
    const date = new Date(FIRST_DAY + d * DAY_MS).toISOString().slice(0, 10);
    for (let seq = 1; seq <= SENDS_PER_DAY; seq++) {
      const key = `${SEED}|${date}|${seq}`;
      const sendId = `S${SEED}-${date.replaceAll('-', '')}-${String(seq).padStart(7, '0')}`;
      const uCampaign = uniform(key, 0, 0);
      const uDefect = uniform(`${key}|2`, 0, 3);
      if (uDefect >= 0.03 && uDefect < 0.033) result.duplicateSends.add(sendId);
      if (uDefect >= 0.033 && uDefect < 0.036) result.duplicateDeliveries.add(sendId);
      if (uCampaign < 0.006) {
        const orphan = ORPHANS[Math.floor((uCampaign / 0.006) * ORPHANS.length)]!;
        result.orphanSends.set(orphan, (result.orphanSends.get(orphan) ?? 0) + 1);
      }
    }
  }
  return result;
}

/** Event ids that appear more than once in the seed extract (seeds/marketing_cloud_events.csv). */
function seedDuplicates(): { ids: Set<string>; orphanSends: Map<string, number> } {
  const lines = readFileSync(join(PROJECT, 'seeds', 'marketing_cloud_events.csv'), 'utf8').trim().split('\n').slice(1);
  const counts = new Map<string, number>();
  const orphanSends = new Map<string, number>();
  const seenSend = new Set<string>();
  for (const line of lines) {
    const [id, type, , , campaign] = line.split(',');
    counts.set(id!, (counts.get(id!) ?? 0) + 1);
    const c = campaign!.trim().toUpperCase();
    if (c === 'CMP-0999' && type!.trim().toUpperCase() === 'SEND' && !seenSend.has(id!)) {
      seenSend.add(id!);
      orphanSends.set(c, (orphanSends.get(c) ?? 0) + 1);
    }
  }
  return { ids: new Set([...counts].filter(([, n]) => n > 1).map(([id]) => id)), orphanSends };
}

// ---- the KPIs, computed from the raw events without the project's SQL ----

const RAW_COLUMNS = 'event_id, event_type, cast(event_ts as varchar) as event_ts, send_id, campaign_id, bounce_type, is_machine_open';
const RAW_EVENTS_SQL = `select ${RAW_COLUMNS} from {{ ref('marketing_cloud_events') }} union all select ${RAW_COLUMNS} from {{ source('marketing_cloud', 'events_stream') }}`;

interface DayCounts {
  sends: number; delivered: number; bounces: number; hard_bounces: number; soft_bounces: number;
  unique_opens: Set<string>; unique_human_opens: Set<string>; unique_clicks: Set<string>; unsubscribes: Set<string>;
}

function expectedDaily(raw: Row[]): Map<string, Record<string, number | null>> {
  const seen = new Set<string>();
  const byKey = new Map<string, DayCounts>();
  for (const e of raw) {
    const id = String(e.event_id).trim();
    if (seen.has(id)) continue; // a re-delivered event counts once
    seen.add(id);
    const key = `${String(e.campaign_id).trim().toUpperCase()}|${String(e.event_ts).slice(0, 10)}`;
    let c = byKey.get(key);
    if (!c) byKey.set(key, (c = { sends: 0, delivered: 0, bounces: 0, hard_bounces: 0, soft_bounces: 0, unique_opens: new Set(), unique_human_opens: new Set(), unique_clicks: new Set(), unsubscribes: new Set() }));
    const send = String(e.send_id);
    const type = String(e.event_type).trim().toUpperCase();
    if (type === 'SEND') c.sends++;
    if (type === 'DELIVERED') c.delivered++;
    if (type === 'BOUNCE') {
      c.bounces++;
      if (e.bounce_type === 'HARD') c.hard_bounces++;
      if (e.bounce_type === 'SOFT') c.soft_bounces++;
    }
    if (type === 'OPEN') {
      c.unique_opens.add(send);
      if (e.is_machine_open !== true) c.unique_human_opens.add(send);
    }
    if (type === 'CLICK') c.unique_clicks.add(send);
    if (type === 'UNSUBSCRIBE') c.unsubscribes.add(send);
  }
  const ratio = (n: number, d: number) => (d > 0 ? n / d : null);
  const out = new Map<string, Record<string, number | null>>();
  for (const [key, c] of byKey) {
    const opens = c.unique_opens.size, human = c.unique_human_opens.size, clicks = c.unique_clicks.size, unsubs = c.unsubscribes.size;
    out.set(key, {
      sends: c.sends, delivered: c.delivered, bounces: c.bounces, hard_bounces: c.hard_bounces, soft_bounces: c.soft_bounces,
      unique_opens: opens, unique_human_opens: human, unique_clicks: clicks, unsubscribes: unsubs,
      delivery_rate: ratio(c.delivered, c.sends),
      bounce_rate: ratio(c.bounces, c.sends),
      unique_open_rate: ratio(opens, c.delivered),
      human_open_rate: ratio(human, c.delivered),
      click_through_rate: ratio(clicks, c.delivered),
      click_to_open_rate: ratio(clicks, opens),
      unsubscribe_rate: ratio(unsubs, c.delivered),
    });
  }
  return out;
}

const DAILY_SQL = `select * from {{ ref('fct_email_events_daily') }} order by campaign_id, event_date`;

function assertDailyMatches(daily: Row[], expected: Map<string, Record<string, number | null>>): void {
  assert.equal(daily.length, expected.size, 'one daily row per campaign × day that has events');
  for (const row of daily) {
    const key = `${String(row.campaign_id)}|${String(row.event_date).slice(0, 10)}`;
    const want = expected.get(key);
    assert.ok(want, `unexpected daily row ${key}`);
    for (const [column, value] of Object.entries(want)) {
      const got = row[column] === null ? null : Number(row[column]);
      if (value === null || got === null) assert.equal(got, value, `${key} ${column}`);
      else assert.ok(Math.abs(got - value) < 1e-9, `${key} ${column}: got ${got}, expected ${value}`);
    }
  }
}

/** The daily fact and a fingerprint of the event fact, for comparing incremental and full builds. */
function martState(dir: string, engine: Engine): { daily: Row[]; events: Row[] } {
  const daily = query(dir, engine, DAILY_SQL);
  const events = query(dir, engine, `select event_type, count(*) as n, count(distinct event_id) as ids, count(distinct send_id) as sends, min(event_ts) as first_ts, max(event_ts) as last_ts, max(loaded_at) as last_loaded from {{ ref('fct_email_events') }} group by event_type order by event_type`);
  return { daily, events };
}

function suite(engineOf: () => Engine) {
  let project: { dir: string; remove: () => void };
  before(() => {
    project = copyProject(PROJECT);
  });
  after(() => project.remove());

  test('seed, 3 days of mock events, build tag:daily: every node passes, 25+ tests', () => {
    const engine = engineOf();
    cli(project.dir, engine, ['seed']);
    generate(project.dir, engine, 3);
    const out = cli(project.dir, engine, ['build', '--select', 'tag:daily']);
    assert.match(out, /Done\. PASS=\d+ WARN=0 ERROR=0 FAIL=0 SKIP=0/);
    const results = JSON.parse(readFileSync(join(project.dir, 'target', 'run_results.json'), 'utf8')).results as { unique_id: string }[];
    const tests = results.filter((r) => r.unique_id.startsWith('test.'));
    assert.ok(tests.length >= 25, `expected at least 25 tests, ran ${tests.length}`);
    const models = results.filter((r) => r.unique_id.startsWith('model.')).map((r) => r.unique_id.split('.').pop()).sort();
    assert.deepEqual(models, [
      'audit__daily_grain_violations', 'audit__event_id_duplicates', 'audit__orphan_campaigns_14d',
      'dim_campaign', 'dim_person', 'dq_campaign_id_coverage', 'dq_orphan_campaign_ids',
      'fct_campaign_membership', 'fct_email_events', 'fct_email_events_daily',
      'stg_campaign_members', 'stg_campaigns', 'stg_contacts', 'stg_leads', 'stg_marketing_cloud_events',
    ]);
  });

  test('fct_email_events_daily KPIs equal an independent computation from the raw events', () => {
    const engine = engineOf();
    const raw = query(project.dir, engine, RAW_EVENTS_SQL);
    assert.ok(raw.length > 3 * SENDS_PER_DAY * 2, `expected a funnel of events, got ${raw.length}`);
    assertDailyMatches(query(project.dir, engine, DAILY_SQL), expectedDaily(raw));
  });

  test('audit__event_id_duplicates reports exactly the injected duplicates', () => {
    const engine = engineOf();
    const injected = injectedDefects(3);
    const fromSeed = seedDuplicates().ids;
    const rows = query(project.dir, engine, `select event_id, occurrences from {{ ref('audit__event_id_duplicates') }}`);
    assert.ok(rows.every((r) => Number(r.occurrences) === 2), 'each duplicate was delivered twice');
    const ids = rows.map((r) => String(r.event_id));
    const generated = ids.filter((id) => !id.startsWith('SEED-'));
    assert.deepEqual(ids.filter((id) => id.startsWith('SEED-')).sort(), [...fromSeed].sort());
    assert.deepEqual(generated.filter((id) => id.endsWith('-SND')).map((id) => id.slice(0, -4)).sort(), [...injected.duplicateSends].sort());
    assert.deepEqual(generated.filter((id) => /-(DLV|BNC)$/.test(id)).map((id) => id.slice(0, -4)).sort(), [...injected.duplicateDeliveries].sort());
    assert.equal(generated.length, injected.duplicateSends.size + injected.duplicateDeliveries.size, 'no other event id is duplicated');
    assert.ok(injected.duplicateSends.size > 0 && injected.duplicateDeliveries.size > 0);
    const unique = query(project.dir, engine, `select count(*) as n, count(distinct event_id) as ids from {{ ref('fct_email_events') }}`)[0]!;
    assert.equal(Number(unique.n), Number(unique.ids), 'fct_email_events keeps one row per event_id');
  });

  test('dq_orphan_campaign_ids and audit__orphan_campaigns_14d report exactly the injected orphans', () => {
    const engine = engineOf();
    const expected = new Map([...injectedDefects(3).orphanSends, ...seedDuplicates().orphanSends]);
    const dq = query(project.dir, engine, `select campaign_id, sends from {{ ref('dq_orphan_campaign_ids') }} order by campaign_id`);
    assert.deepEqual(dq.map((r) => [String(r.campaign_id), Number(r.sends)]), [...expected].sort());
    // The 14-day window ends at the last event day (2026-01-03), so it covers the seed's December events too.
    const recent = query(project.dir, engine, `select campaign_id, sends_14d from {{ ref('audit__orphan_campaigns_14d') }} order by campaign_id`);
    assert.deepEqual(recent.map((r) => [String(r.campaign_id), Number(r.sends_14d)]), [...expected].sort());
  });

  test('an incremental run after one more day processes about a day of events and equals a full refresh', () => {
    const engine = engineOf();
    const before = Number(query(project.dir, engine, `select count(*) as n from {{ ref('fct_email_events') }}`)[0]!.n);
    generate(project.dir, engine, 1);
    cli(project.dir, engine, ['build', '--select', 'tag:daily']);
    const results = JSON.parse(readFileSync(join(project.dir, 'target', 'run_results.json'), 'utf8')).results as { unique_id: string; status: string; adapter_response: { rows_affected?: number } }[];
    const merged = results.find((r) => r.unique_id === 'model.email_mart.fct_email_events')!;
    const processed = merged.adapter_response.rows_affected ?? 0;
    assert.ok(processed > 0.5 * SENDS_PER_DAY && processed < before / 2, `merged ${processed} events; the table had ${before}`);
    assert.ok(results.every((r) => r.status === 'success' || r.status === 'pass'), JSON.stringify(results.filter((r) => r.status !== 'success' && r.status !== 'pass')));

    const incremental = martState(project.dir, engine);
    assertDailyMatches(incremental.daily, expectedDaily(query(project.dir, engine, RAW_EVENTS_SQL)));
    cli(project.dir, engine, ['build', '--select', 'tag:daily', '--full-refresh']);
    const full = martState(project.dir, engine);
    assert.deepEqual(incremental.events, full.events);
    assert.deepEqual(incremental.daily, full.daily);
  });
}

// Created before any suite runs: the suites block the event loop in spawnSync, which would starve
// the connection's timeout timer.
const pg = await withPostgresDatabase();

describe('email mart on DuckDB', () => {
  suite(() => ({ args: [], env: {} }));
});

describe('email mart on PostgreSQL', { skip: pg.skip }, () => {
  after(() => pg.drop());
  suite(() => ({ args: ['--target', 'pg'], env: { EMAIL_MART_PG_DB: pg.dbname } }));
});
