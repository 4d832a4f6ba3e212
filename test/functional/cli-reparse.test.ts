// Re-parsing from the stored parse state (target/partial_parse.index.json + .nodes): whatever the
// edit, the manifest a re-parse writes must be the manifest a full parse of the same files writes.
// Edits the re-parse handles itself (model SQL, schema YAML of models and tests) and edits that make it
// parse everything (sources, new files, macros, disabling a node) are both compared against a parse
// without any stored state.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, readFileSync, rmSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyProject, martflow, REPO_ROOT } from '../helpers/cli.js';

const FIXTURE = join(REPO_ROOT, 'test', 'functional', 'projects', 'jaffle');

type Manifest = Record<string, unknown> & { nodes: Record<string, Record<string, unknown>>; disabled: Record<string, unknown[]> };

describe('re-parsing from the stored parse', () => {
  let p: { dir: string; remove: () => void };
  before(() => {
    p = copyProject(FIXTURE);
  });
  after(() => p.remove());
  const run = (...args: string[]) => martflow([...args, '--debug'], { cwd: p.dir });
  const manifest = (): Manifest => JSON.parse(readFileSync(join(p.dir, 'target', 'manifest.json'), 'utf8')) as Manifest;
  /** The manifest without what differs between any two parses (metadata, creation times). */
  const comparable = (m: Manifest) => {
    const { metadata: _metadata, ...rest } = m;
    return JSON.parse(JSON.stringify(rest, (key, value: unknown) => (key === 'created_at' ? undefined : value))) as unknown;
  };
  /** Parses with the stored state, then without it, and checks both manifests are the same. */
  const parseBothWays = (expect: 'reparsed' | 'full') => {
    const re = run('parse');
    assert.equal(re.code, 0, re.output);
    assert.match(re.output, expect === 'reparsed' ? /re-parsed \d+ changed node/ : /parsing the whole project/);
    const incremental = comparable(manifest());
    for (const f of ['partial_parse.index.json', 'partial_parse.nodes', 'partial_parse.json']) rmSync(join(p.dir, 'target', f), { force: true });
    const full = run('parse');
    assert.equal(full.code, 0, full.output);
    assert.deepEqual(incremental, comparable(manifest()));
  };

  test('nothing changed: the manifest is rewritten from the stored parse, identical to a full parse', () => {
    assert.equal(run('parse').code, 0);
    parseBothWays('reparsed');
    const again = run('parse');
    assert.match(again.stdout, /\(0 rendered, 19 from the partial-parse cache\)/);
  });

  test('editing a model: only that node is built again, its new refs and config included', () => {
    writeFileSync(join(p.dir, 'models', 'marts', 'customers.sql'), "{{ config(materialized='view', tags=['edited']) }}\nselect * from {{ ref('stg_customers') }}\n");
    parseBothWays('reparsed');
    const customers = manifest().nodes['model.jaffle.customers']!;
    assert.deepEqual((customers.depends_on as { nodes: string[] }).nodes, ['model.jaffle.stg_customers']);
    assert.equal((customers.config as { materialized: string }).materialized, 'view');
    const m = manifest() as unknown as { child_map: Record<string, string[]> };
    assert.ok(!m.child_map['model.jaffle.orders']!.includes('model.jaffle.customers'), 'the dropped ref leaves the child map');
  });

  test('a Jinja error in the edited model is reported with its line; fixing it parses again', () => {
    const path = join(p.dir, 'models', 'marts', 'orders.sql');
    const good = readFileSync(path, 'utf8');
    writeFileSync(path, `${good}\n{% if %}\n`);
    const bad = run('parse');
    assert.equal(bad.code, 1, bad.output);
    assert.match(bad.output, /models\/marts\/orders\.sql:\d+/);
    writeFileSync(path, good);
    parseBothWays('reparsed');
  });

  test("an error raised inside a macro file names that file's line, re-parsed as in a whole parse", () => {
    // A re-parse compiles macro files only when a render calls into them (macros.ts lazyMacroRegistry).
    assert.equal(run('parse').code, 0);
    const path = join(p.dir, 'models', 'marts', 'customers.sql');
    const good = readFileSync(path, 'utf8');
    writeFileSync(path, 'select {{ dbt.datediff("a", "b", "fortnight") }} as x from {{ ref("orders") }}\n');
    const errorLine = (r: { output: string }) => r.output.split('\n').find((l) => l.includes('Error'));
    const re = run('parse');
    assert.equal(re.code, 1, re.output);
    assert.doesNotMatch(re.output, /parsing the whole project/);
    assert.match(errorLine(re) ?? '', /martflow\/include\/global_project\/macros\/utils\/datediff\.sql:\d+:\d+: Compilation Error in model\.jaffle\.customers: Unsupported datepart for macro datediff: 'fortnight'/);
    for (const f of ['partial_parse.index.json', 'partial_parse.nodes', 'partial_parse.json']) rmSync(join(p.dir, 'target', f), { force: true });
    const full = run('parse');
    assert.equal(full.code, 1, full.output);
    assert.equal(errorLine(full)?.replace(/^\S+\s+/, ''), errorLine(re)?.replace(/^\S+\s+/, ''));
    writeFileSync(path, good);
    assert.equal(run('parse').code, 0);
  });

  test('a ref to a missing model in the edited file names the closest model', () => {
    const path = join(p.dir, 'models', 'marts', 'customers.sql');
    const good = readFileSync(path, 'utf8');
    writeFileSync(path, "select * from {{ ref('stg_customer') }}\n");
    const bad = run('parse');
    assert.equal(bad.code, 1, bad.output);
    assert.match(bad.output, /which was not found[\s\S]*Did you mean ref\('stg_customers'\)/);
    writeFileSync(path, good);
    parseBothWays('reparsed');
  });

  test('schema YAML entries of models, analyses and their tests: only the nodes they describe are built again', () => {
    const schema = join(p.dir, 'models', 'marts', 'schema.yml');
    const original = readFileSync(schema, 'utf8');
    const edit = (from: string, to: string) => writeFileSync(schema, readFileSync(schema, 'utf8').replace(from, to));
    assert.equal(run('parse').code, 0);
    edit('description: One row per order,', 'description: One row per order (edited),');
    parseBothWays('reparsed');
    assert.match(String(manifest().nodes['model.jaffle.orders']!.description), /\(edited\)/);
    // A model's config, a column description, a test's config and a new entry for an analysis.
    edit('  - name: customers\n    columns:', '  - name: customers\n    config:\n      meta: {owner: growth}\n      tags: [mart]\n    columns:');
    edit('      - name: order_id\n', "      - name: order_id\n        description: The order's id\n");
    edit('              field: customer_id\n', '              field: customer_id\n              config:\n                severity: warn\n');
    writeFileSync(schema, `${readFileSync(schema, 'utf8')}analyses:\n  - name: order_counts\n    description: Orders per day\n`);
    const re = run('parse');
    assert.match(re.output, /re-parsed 8 changed nodes/, re.output); // orders, customers, order_counts and 5 tests
    const m = manifest();
    assert.deepEqual((m.nodes['model.jaffle.customers']!.config as { meta: unknown }).meta, { owner: 'growth' });
    assert.ok((m.nodes['model.jaffle.customers']!.tags as string[]).includes('mart'));
    assert.equal(m.nodes['analysis.jaffle.order_counts']!.description, 'Orders per day');
    const fk = Object.values(m.nodes).find((n) => String(n.unique_id).startsWith('test.jaffle.relationships_orders_customer_id'))!;
    assert.equal((fk.config as { severity: string }).severity, 'WARN');
    parseBothWays('reparsed');
    // The stored parse keeps the new entries: a later SQL edit of a described model uses them.
    appendFileSync(join(p.dir, 'models', 'marts', 'customers.sql'), '\n-- edited\n');
    parseBothWays('reparsed');
    assert.deepEqual((manifest().nodes['model.jaffle.customers']!.config as { meta: unknown }).meta, { owner: 'growth' });
    // The SQL and the entry of one model edited together.
    appendFileSync(join(p.dir, 'models', 'marts', 'orders.sql'), '\n-- edited too\n');
    edit("The order's id", 'The id of the order');
    parseBothWays('reparsed');
    // Dropping the entries again.
    writeFileSync(schema, original);
    parseBothWays('reparsed');
    assert.equal(manifest().nodes['analysis.jaffle.order_counts']!.description, '');
  });

  test('a schema YAML error is reported at its line; fixed, the file is re-parsed', () => {
    const schema = join(p.dir, 'models', 'marts', 'schema.yml');
    const original = readFileSync(schema, 'utf8');
    assert.equal(run('parse').code, 0);
    writeFileSync(schema, original.replace('  - name: customers\n', '  - name: customers\n   bad: [\n'));
    const broken = run('parse');
    assert.equal(broken.code, 1, broken.output);
    assert.match(broken.output, /models\/marts\/schema\.yml:\d+:\d+: invalid YAML/);
    writeFileSync(schema, original.replace('description: One row per order,', 'description: Orders,'));
    parseBothWays('reparsed');
    writeFileSync(schema, original);
    parseBothWays('reparsed');
  });

  test('tests added to, changed in and removed from schema YAML: dropped and added in the stored parse', () => {
    const schema = join(p.dir, 'models', 'marts', 'schema.yml');
    const staging = join(p.dir, 'models', 'staging', 'schema.yml');
    const [original, stagingText] = [readFileSync(schema, 'utf8'), readFileSync(staging, 'utf8')];
    const testIds = () => Object.keys(manifest().nodes).filter((id) => id.startsWith('test.'));
    assert.equal(run('parse').code, 0);
    const before = testIds();
    writeFileSync(schema, original.replace('      - name: customer_id\n        data_tests:\n', '      - name: customer_id\n        data_tests:\n          - not_null\n'));
    parseBothWays('reparsed');
    assert.ok(testIds().some((id) => id.startsWith('test.jaffle.not_null_orders_customer_id')));
    assert.equal(testIds().length, before.length + 1);
    // Several re-parses in a row (each on the state the one before saved), then one comparison.
    writeFileSync(schema, readFileSync(schema, 'utf8').replace("to: ref('customers')", "to: ref('stg_customers')"));
    assert.match(run('parse').output, /re-parsed \d+ changed nodes/);
    writeFileSync(staging, stagingText.replaceAll('data_tests: [unique, not_null]', 'data_tests: [not_null]'));
    assert.match(run('parse').output, /re-parsed \d+ changed nodes/);
    appendFileSync(join(p.dir, 'models', 'marts', 'customers.sql'), '\n-- and the SQL\n');
    const built = run('build');
    assert.equal(built.code, 0, built.output);
    assert.match(built.output, /re-parsed 1 changed node/);
    parseBothWays('reparsed');
    assert.equal(testIds().length, before.length + 1 - 2);
    assert.ok(testIds().some((id) => id.startsWith('test.jaffle.relationships_orders_customer_id__customer_id__ref_stg_customers_')));
    writeFileSync(schema, original);
    writeFileSync(staging, stagingText);
    parseBothWays('reparsed');
    assert.deepEqual(testIds().sort(), [...before].sort());
  });

  test('schema YAML that patches a model twice or defines sources, a new model, a macro and disabling a node each make it parse the whole project', () => {
    const schema = join(p.dir, 'models', 'marts', 'schema.yml');
    const original = readFileSync(schema, 'utf8');
    const staging = join(p.dir, 'models', 'staging', 'schema.yml');
    const stagingText = readFileSync(staging, 'utf8');
    writeFileSync(staging, `${stagingText}  - name: orders\n    description: twice\n`);
    const twice = run('parse');
    assert.equal(twice.code, 1, twice.output);
    assert.match(twice.output, /parsing the whole project: models\/staging\/schema\.yml changed \(model orders is described in models\/marts\/schema\.yml too\)/);
    assert.match(twice.output, /model properties for 'orders' is defined twice/);
    writeFileSync(staging, stagingText);
    parseBothWays('reparsed');
    // A file that defines sources: added, edited and removed, each a whole parse.
    const sources = join(p.dir, 'models', 'staging', 'sources.yml');
    writeFileSync(sources, 'version: 2\nsources:\n  - name: raw\n    tables:\n      - name: events\n');
    parseBothWays('full');
    writeFileSync(sources, 'version: 2\nsources:\n  - name: raw\n    description: Raw data\n    tables:\n      - name: events\n');
    const edited = run('parse');
    assert.match(edited.output, /parsing the whole project: models\/staging\/sources\.yml changed/);
    parseBothWays('reparsed'); // nothing changed since: the stored parse is that whole parse
    unlinkSync(sources);
    parseBothWays('full');
    // A file describing a disabled model: the stored parse does not list it per file.
    writeFileSync(join(p.dir, 'models', 'marts', 'dormant.sql'), '{{ config(enabled=false) }}\nselect 1 as id\n');
    writeFileSync(schema, `${original}  - name: dormant\n    description: Not built\n`);
    parseBothWays('full');
    writeFileSync(schema, original);
    parseBothWays('full');
    unlinkSync(join(p.dir, 'models', 'marts', 'dormant.sql'));
    parseBothWays('full');
    writeFileSync(join(p.dir, 'models', 'brand_new.sql'), "select * from {{ ref('customers') }}\n");
    parseBothWays('full');
    assert.ok(manifest().nodes['model.jaffle.brand_new']);
    appendFileSync(join(p.dir, 'macros', 'cents_to_dollars.sql'), '\n{# edited #}\n');
    parseBothWays('full');
    writeFileSync(join(p.dir, 'models', 'brand_new.sql'), "{{ config(enabled=false) }}\nselect * from {{ ref('customers') }}\n");
    parseBothWays('full');
    assert.ok(manifest().disabled['model.jaffle.brand_new']);
    unlinkSync(join(p.dir, 'models', 'brand_new.sql'));
    parseBothWays('full');
  });

  test('compile and run use the re-parsed manifest; parse afterwards leaves compiled code out', () => {
    assert.equal(run('parse').code, 0);
    appendFileSync(join(p.dir, 'models', 'marts', 'orders.sql'), '\n-- a comment\n');
    const built = run('build');
    assert.equal(built.code, 0, built.output);
    assert.match(built.output, /re-parsed 1 changed node/);
    const compiled = manifest().nodes['model.jaffle.orders']!;
    assert.match(String(compiled.compiled_code), /a comment/);
    parseBothWays('reparsed');
    assert.equal(manifest().nodes['model.jaffle.orders']!.compiled_code, undefined);
  });

  test('a damaged stored parse is ignored: the project is parsed whole', () => {
    assert.equal(run('parse').code, 0);
    truncateSync(join(p.dir, 'target', 'partial_parse.nodes'), 100);
    parseBothWays('full');
    writeFileSync(join(p.dir, 'target', 'partial_parse.index.json'), '{not json');
    parseBothWays('full');
  });
});
