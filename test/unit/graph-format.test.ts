// ls output: selector (default), name, path and json, as dbt ls prints them.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { formatList } from '../../src/graph/format-list.js';
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

  test('json with --output-keys', () => {
    assert.deepEqual(formatList(manifest, [ID.customers], 'json', ['unique_id', 'name', 'fqn']), [
      '{"name":"customers","unique_id":"model.shop.customers","fqn":["shop","marts","customers"]}',
    ]);
  });

  test('an unknown output is a UserError', () => {
    assert.throws(() => formatList(manifest, ids, 'nmae' as ListOutput), /Invalid --output "nmae"[\s\S]*/);
  });
});
