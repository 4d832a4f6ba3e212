// ls output: selector (default), name, path and json, as dbt ls prints them.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { formatList } from '../../src/graph/format-list.js';
import { lsResourceTypes } from '../../src/graph/ls-resource-types.js';
import { parseSelection } from '../../src/graph/parse-selection.js';
import { selectNodes } from '../../src/graph/select-nodes.js';
import { Graph } from '../../src/graph/graph.js';
import type { ListOutput } from '../../src/graph/format-list.js';
import { ID, fixtureManifest } from './graph-fixture.js';

const manifest = fixtureManifest();
const ids = [ID.customers, ID.rawOrders, ID.exposure, ID.unitTest, ID.dimV2, ID.uniqueCustomers, ID.calendar];

describe('formatList', () => {
  test('selector: fqn for nodes, method-prefixed names for the rest, sorted by unique_id', () => {
    assert.deepEqual(formatList(manifest, ids), [
      'exposure:shop.weekly_dashboard',
      'shop.marts.customers',
      'shop.marts.dim_customers.v2',
      'utils.calendar',
      'source:shop.raw.orders',
      'shop.marts.unique_customers_customer_id',
      'unit_test:shop.test_customer_names',
    ]);
  });

  test('name: search names', () => {
    assert.deepEqual(formatList(manifest, ids, 'name'), [
      'weekly_dashboard', 'customers', 'dim_customers.v2', 'calendar', 'raw.orders', 'unique_customers_customer_id', 'test_customer_names',
    ]);
  });

  test('path: original_file_path', () => {
    assert.deepEqual(formatList(manifest, [ID.customers, ID.rawOrders, ID.countryCodes], 'path'), [
      'models/marts/customers.sql', 'seeds/country_codes.csv', 'models/staging/sources.yml',
    ]);
  });

  test('json: dbt keys in dbt order, one object per line', () => {
    const [model, source] = formatList(manifest, [ID.customers, ID.rawOrders], 'json').map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.deepEqual(Object.keys(model!), ['name', 'resource_type', 'package_name', 'original_file_path', 'unique_id', 'alias', 'config', 'tags', 'depends_on']);
    assert.equal(model!.unique_id, ID.customers);
    assert.deepEqual((model!.config as Record<string, unknown>).materialized, 'table');
    assert.deepEqual(Object.keys(source!), ['name', 'resource_type', 'package_name', 'original_file_path', 'unique_id', 'source_name', 'config', 'tags']);
  });

  test('json with --output-keys: in the order given, dotted keys reach into config', () => {
    assert.deepEqual(formatList(manifest, [ID.customers], 'json', ['unique_id', 'name', 'fqn', 'config.materialized', 'config.nope']), [
      '{"unique_id":"model.shop.customers","name":"customers","fqn":["shop","marts","customers"],"config.materialized":"table"}',
    ]);
  });

  test('a unit test on a versioned model lists as name_vN', () => {
    const m = fixtureManifest();
    (m.unit_tests[ID.unitTest] as unknown as { version: number }).version = 2;
    assert.deepEqual(formatList(m, [ID.unitTest]), ['unit_test:shop.test_customer_names_v2']);
  });

  test('an unknown output is a UserError', () => {
    assert.throws(() => formatList(manifest, ids, 'nmae' as ListOutput), /Invalid --output "nmae"[\s\S]*/);
  });
});

describe('ls resource types and empty nodes', () => {
  test('analyses only with all; exclusions apply last', () => {
    assert.ok(!lsResourceTypes().includes('analysis'));
    assert.ok(lsResourceTypes(['all']).includes('analysis'));
    assert.deepEqual(lsResourceTypes(['model', 'seed']).sort(), ['model', 'seed']);
    assert.deepEqual(lsResourceTypes(['default'], ['test', 'unit_test']).includes('test'), false);
    assert.throws(() => lsResourceTypes(['modle']), /Invalid --resource-type "modle"[\s\S]*/);
    const graph = Graph.fromManifest(manifest);
    const listed = selectNodes(manifest, graph, parseSelection(['customers+'], []), { resourceTypes: lsResourceTypes(), includeEmptyNodes: true });
    assert.ok(!listed.selected.has(ID.cohorts));
    assert.ok(listed.selected.has(ID.customers));
  });

  test('a blank model is left out of runs but listed by ls', () => {
    const m = fixtureManifest();
    m.nodes[ID.stgOrders]!.raw_code = '  \n';
    const g = Graph.fromManifest(m);
    const run = selectNodes(m, g, parseSelection(['stg_orders'], []));
    assert.ok(!run.selected.has(ID.stgOrders));
    assert.ok(run.selected.has(ID.notNullOrders));
    assert.ok(selectNodes(m, g, parseSelection(['stg_orders'], []), { includeEmptyNodes: true }).selected.has(ID.stgOrders));
    // Seeds have no code and are never empty.
    assert.ok(selectNodes(m, g, parseSelection(['country_codes'], [])).selected.has(ID.countryCodes));
  });
});
