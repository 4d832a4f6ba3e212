// profiles.yml: lookup order (--profiles-dir, project folder, ~/.martflow, ~/.dbt), target choice,
// env_var rendering, per-type validation and the embedded DuckDB fallback.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findProfilesFile } from '../../src/project/index.js';
import { duckdbCatalogName, resolveTarget } from '../../src/project/profiles.js';
import { UserError } from '../../src/util/errors.js';
import { emptyDir, fakeRenderer } from './project-helpers.js';

function profiles(dir: string, body: string): string {
  mkdirSync(dir, { recursive: true });
  const p = join(dir, 'profiles.yml');
  writeFileSync(p, body);
  return p;
}

const duck = (name: string) => `${name}:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: ${name}.duckdb\n`;

describe('findProfilesFile', () => {
  test('order: --profiles-dir, project, ~/.martflow, ~/.dbt', () => {
    const home = emptyDir();
    const project = emptyDir();
    const explicit = emptyDir();
    const dbtHome = profiles(join(home, '.dbt'), duck('p'));
    assert.equal(findProfilesFile({ projectDir: project, homeDir: home }), dbtHome);
    const mfHome = profiles(join(home, '.martflow'), duck('p'));
    assert.equal(findProfilesFile({ projectDir: project, homeDir: home }), mfHome);
    const inProject = profiles(project, duck('p'));
    assert.equal(findProfilesFile({ projectDir: project, homeDir: home }), inProject);
    const inExplicit = profiles(explicit, duck('p'));
    assert.equal(findProfilesFile({ projectDir: project, homeDir: home, profilesDir: explicit }), inExplicit);
  });

  test('--profiles-dir without a profiles.yml is an error; nothing anywhere is null', () => {
    assert.throws(() => findProfilesFile({ projectDir: emptyDir(), homeDir: emptyDir(), profilesDir: emptyDir() }), /no profiles\.yml in --profiles-dir/);
    assert.equal(findProfilesFile({ projectDir: emptyDir(), homeDir: emptyDir() }), null);
  });
});

describe('resolveTarget', () => {
  const pgProfile = `shop:
  target: "{{ env_var('SHOP_TARGET', 'dev') }}"
  outputs:
    dev:
      type: duckdb
      path: ":memory:"
    prod:
      type: postgres
      host: "{{ env_var('PGHOST', 'localhost') }}"
      port: "{{ env_var('PGPORT', '5432') }}"
      user: "{{ env_var('PGUSER') }}"
      password: "{{ env_var('PGPASSWORD', '') }}"
      dbname: analytics
      schema: marts
      threads: 8
      keepalives_idle: 10
`;

  test('profile target from env_var; postgres values rendered and validated', async () => {
    const project = emptyDir();
    profiles(project, pgProfile);
    const render = fakeRenderer({ SHOP_TARGET: 'prod', PGUSER: 'martflow', PGPORT: '6543' });
    const t = await resolveTarget({ projectDir: project, homeDir: emptyDir(), profileName: 'shop', render });
    assert.equal(t.targetName, 'prod');
    assert.deepEqual(
      { ...t.output },
      { type: 'postgres', host: 'localhost', port: 6543, user: 'martflow', password: '', dbname: 'analytics', schema: 'marts', threads: 8, keepalives_idle: 10 },
    );
  });

  test('--target overrides the profile default; :memory: duckdb with defaults', async () => {
    const project = emptyDir();
    profiles(project, pgProfile);
    const t = await resolveTarget({ projectDir: project, homeDir: emptyDir(), profileName: 'shop', target: 'dev', render: fakeRenderer() });
    assert.equal(t.output.type, 'duckdb');
    assert.equal(t.output.path, ':memory:');
    assert.equal(t.output.schema, 'main');
    assert.equal(t.output.threads, 1);
  });

  test('relative duckdb paths resolve against the project folder', async () => {
    const project = emptyDir();
    profiles(project, duck('shop'));
    const t = await resolveTarget({ projectDir: project, homeDir: emptyDir(), profileName: 'shop', render: fakeRenderer() });
    assert.equal(t.output.path, join(project, 'shop.duckdb'));
    assert.equal(t.output.database, 'shop');
  });

  test("a duckdb target's database is the name DuckDB gives its file", () => {
    // What DuckDB's current_database() answers for each (checked against @duckdb/node-api).
    const cases: [string, string][] = [
      ['/p/target/warehouse.duckdb', 'warehouse'],
      ['/p/dbt.prod.duckdb', 'dbt'],
      ['/p/.hidden.duckdb', 'hidden'],
      ['/p/noext', 'noext'],
      ['/p/My-DB.db', 'My-DB'],
      ['/p/main.duckdb', 'main_db'],
      ['/p/temp.db', 'temp_db'],
      [':memory:', 'memory'],
    ];
    for (const [path, name] of cases) assert.equal(duckdbCatalogName(path), name, path);
  });

  test('a duckdb database: other than the file name is an error at its line; the same name is accepted', async () => {
    const project = emptyDir();
    const base = { projectDir: project, homeDir: emptyDir(), profileName: 'shop', render: fakeRenderer() };
    profiles(project, 'shop:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: dbt.prod.duckdb\n      database: analytics\n');
    await assert.rejects(
      resolveTarget(base),
      (e: unknown) =>
        e instanceof UserError &&
        /duckdb 'database' is "analytics", but DuckDB names the database at path "dbt.prod.duckdb" 'dbt'/.test(e.message) &&
        /Set database: dbt/.test(e.hint ?? '') &&
        e.location?.line === 7,
    );
    profiles(project, 'shop:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: dbt.prod.duckdb\n      database: dbt\n');
    assert.equal((await resolveTarget(base)).output.database, 'dbt');
    profiles(project, 'shop:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: dbt.prod.duckdb\n');
    assert.equal((await resolveTarget(base)).output.database, 'dbt');
  });

  test('unknown target, unknown profile, missing postgres field, misspelt key', async () => {
    const project = emptyDir();
    profiles(project, pgProfile);
    const base = { projectDir: project, homeDir: emptyDir(), render: fakeRenderer({ PGUSER: 'u' }) };
    await assert.rejects(resolveTarget({ ...base, profileName: 'shop', target: 'prd' }), (e: unknown) => e instanceof UserError && /target 'prd' not found.*Did you mean 'prod'\?/.test(e.message));
    await assert.rejects(resolveTarget({ ...base, profileName: 'shpo' }), (e: unknown) => e instanceof UserError && /profile 'shpo' not found.*Did you mean 'shop'\?/.test(e.message));
    profiles(project, 'shop:\n  target: prod\n  outputs:\n    prod:\n      type: postgres\n      host: h\n      user: u\n      dbname: d\n');
    await assert.rejects(resolveTarget({ ...base, profileName: 'shop' }), /postgres profile needs 'schema'/);
    profiles(project, 'shop:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      pathh: x.duckdb\n');
    await assert.rejects(
      resolveTarget({ ...base, profileName: 'shop' }),
      (e: unknown) => e instanceof UserError && /unknown duckdb profile key 'pathh'.*Did you mean 'path'\?/.test(e.message) && e.location?.line === 6 && e.location.col === 7,
    );
  });

  test('no profile named in dbt_project.yml: the DuckDB default even if a profiles.yml exists', async () => {
    const project = emptyDir();
    profiles(project, duck('shop'));
    const t = await resolveTarget({ projectDir: project, homeDir: emptyDir(), profileName: null, render: fakeRenderer() });
    assert.equal(t.output.path, join(project, 'target/warehouse.duckdb'));
    assert.match(t.note ?? '', /names no profile/);
  });

  test('no profiles.yml: default DuckDB target and a note', async () => {
    const project = emptyDir();
    const t = await resolveTarget({ projectDir: project, homeDir: emptyDir(), profileName: 'anything', render: fakeRenderer() });
    assert.equal(t.profilesPath, null);
    assert.equal(t.output.path, join(project, 'target/warehouse.duckdb'));
    assert.ok(t.note);
  });
});
