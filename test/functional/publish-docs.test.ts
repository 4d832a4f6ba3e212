// docs generate on the jaffle project: catalog.json in dbt's v1 shape with the warehouse's columns,
// types and row counts; the static site (index.html + assets + data) with no network reference;
// docs data carrying lineage, column types and the tests' last statuses.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { copyProject, martflow, REPO_ROOT } from '../helpers/cli.js';
import { Workspace } from '../../src/workspace/workspace.js';
import { Logger } from '../../src/cli/logger.js';
import { toGlobalOptions } from '../../src/cli/global-options.js';
import { generateDocs } from '../../src/publish/docs/generate-docs.js';
import type { Catalog } from '../../src/publish/catalog/catalog-types.js';
import type { DocsData, DocsDetails } from '../../src/publish/docs/docs-data-types.js';

const FIXTURE = join(REPO_ROOT, 'test', 'functional', 'projects', 'jaffle');

describe('docs generate (jaffle on DuckDB)', () => {
  let project: { dir: string; remove: () => void };
  let catalog: Catalog;
  let data: DocsData;
  let details: DocsDetails;

  before(async () => {
    project = copyProject(FIXTURE);
    const build = martflow(['build'], { cwd: project.dir });
    assert.equal(build.code, 0, build.output);
    const logger = new Logger({ format: 'text', quiet: true, color: false }, new Writable({ write: (_c, _e, done) => done() }));
    const ws = await Workspace.open(toGlobalOptions({ projectDir: project.dir }), logger, { connect: true });
    try {
      const result = await generateDocs(ws, { catalog: true, compile: true });
      assert.deepEqual(result.warnings, []);
    } finally {
      await ws.close();
    }
    catalog = JSON.parse(readFileSync(join(project.dir, 'target', 'catalog.json'), 'utf8')) as Catalog;
    const read = (file: string) => {
      const script = readFileSync(join(project.dir, 'target', file), 'utf8');
      return JSON.parse(script.slice(script.indexOf('=') + 1).replace(/;\s*$/, '')) as unknown;
    };
    data = read('docs-data.js') as DocsData;
    details = read('docs-details.js') as DocsDetails;
  });
  after(() => project?.remove());

  test('catalog.json has dbt catalog v1 metadata, columns with warehouse types and row counts', () => {
    assert.equal(catalog.metadata.dbt_schema_version, 'https://schemas.getdbt.com/dbt/catalog/v1.json');
    const customers = catalog.nodes['model.jaffle.customers']!;
    assert.equal(customers.metadata.type, 'BASE TABLE');
    assert.equal(customers.metadata.name, 'customers');
    assert.deepEqual(Object.keys(customers.columns), ['customer_id', 'first_name', 'last_name', 'first_order', 'most_recent_order', 'number_of_orders', 'customer_lifetime_value']);
    assert.equal(customers.columns.first_order!.type, 'DATE');
    assert.equal(customers.columns.customer_id!.index, 1);
    assert.equal(customers.stats.row_count!.value, 5);
    // Views are described but not counted (counting would run their whole query).
    const view = catalog.nodes['model.jaffle.stg_orders']!;
    assert.equal(view.metadata.type, 'VIEW');
    assert.equal(view.stats.row_count, undefined);
    assert.equal(catalog.nodes['seed.jaffle.raw_orders']!.stats.row_count!.value, 8);
    assert.equal(catalog.errors, null);
  });

  test('the site is index.html + local assets + data, with no network reference', () => {
    const target = join(project.dir, 'target');
    for (const f of ['index.html', 'docs-data.js', 'docs-details.js', 'docs-assets/docs.js', 'docs-assets/style.css', 'manifest.json', 'catalog.json']) assert.ok(existsSync(join(target, f)), f);
    const html = readFileSync(join(target, 'index.html'), 'utf8');
    assert.doesNotMatch(html, /(src|href)="(https?:)?\/\//);
    assert.match(html, /<script src="docs-data.js"><\/script>/);
    const css = readFileSync(join(target, 'docs-assets', 'style.css'), 'utf8');
    assert.doesNotMatch(css, /@import|url\(/);
  });

  test('docs data: lineage edges, column types and docs, tests with their last status, compiled SQL', () => {
    const byId = new Map(data.nodes.map((n, i) => [n.id, i]));
    const customers = data.nodes[byId.get('model.jaffle.customers')!]!;
    const parents = customers.parents.map((i) => data.nodes[i]!.name).sort();
    assert.ok(parents.includes('stg_customers') && parents.includes('orders'), parents.join(','));
    for (const p of customers.parents) assert.ok(data.nodes[p]!.children.includes(byId.get(customers.id)!));
    const id = customers.columns.find((c) => c.name === 'customer_id')!;
    assert.equal(id.type, 'INTEGER');
    assert.deepEqual(id.tests.map((t) => [t.name, t.status]).sort(), [['not_null', 'pass'], ['unique', 'pass']]);
    // Code and config are in docs-details.js, loaded by the page when it shows them.
    assert.equal(data.detailsSplit, true);
    assert.equal(customers.rawCode, '');
    assert.match(details[customers.id]!.compiledCode ?? '', /from "jaffle"\."main"\."stg_customers"|"stg_customers"/i);
    assert.match(details[customers.id]!.rawCode, /ref\('stg_customers'\)/);
    assert.equal(details[customers.id]!.config.materialized, 'table');
    assert.equal(customers.rowCount, 5);
    assert.equal(customers.status, 'success');
    const orders = data.nodes[byId.get('model.jaffle.orders')!]!;
    assert.equal(orders.description, 'One row per order, with its payments by method.');
    assert.ok(data.nodes.some((n) => n.type === 'macro' && n.name === 'cents_to_dollars'));
    assert.ok(data.nodes.some((n) => n.type === 'snapshot'));
    assert.ok(!data.nodes.some((n) => n.package === 'dbt'), 'built-in macros are left out');
  });
});
