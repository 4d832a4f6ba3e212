// OnDemandAdapter: nothing is opened until the first query; concurrent first queries open once;
// a connection error surfaces at that query; close() closes what was opened, and only that.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createAdapter, type Adapter } from '../../src/warehouse/index.js';
import { OnDemandAdapter } from '../../src/warehouse/on-demand-adapter.js';
import { DuckDBDialect } from '../../src/warehouse/duckdb/dialect.js';

function counted(open: () => Promise<Adapter>) {
  const calls = { opened: 0, closed: 0 };
  const adapter = new OnDemandAdapter('duckdb', new DuckDBDialect(), 'memory', async () => {
    calls.opened++;
    const inner = await open();
    const close = inner.close.bind(inner);
    inner.close = async () => {
      calls.closed++;
      await close();
    };
    return inner;
  });
  return { adapter, calls };
}
const memory = () => createAdapter({ type: 'duckdb', path: ':memory:', threads: 2 }, { projectDir: process.cwd() });

describe('OnDemandAdapter', () => {
  test('connects at the first query, once, and closes that connection', async () => {
    const { adapter, calls } = counted(memory);
    assert.equal(adapter.defaultDatabase, 'memory');
    assert.equal(adapter.connected, false);
    assert.throws(() => adapter.capabilities, /before the first query/);
    const [a, b] = await Promise.all([adapter.execute('select 1 as x'), adapter.listSchemas(null)]);
    assert.deepEqual(a.rows, [[1]]);
    assert.ok(Array.isArray(b));
    assert.equal(calls.opened, 1);
    assert.equal(adapter.connected, true);
    assert.equal(typeof adapter.capabilities.merge, 'boolean');
    await adapter.close();
    assert.equal(calls.closed, 1);
  });

  test('close() without a query opens nothing', async () => {
    const { adapter, calls } = counted(memory);
    await adapter.close();
    assert.deepEqual(calls, { opened: 0, closed: 0 });
  });

  test("the engine's connection error surfaces at the first query; close() after it does not throw", async () => {
    const { adapter } = counted(() => createAdapter({ type: 'duckdb', path: '/etc/hostname/w.duckdb' }, { projectDir: process.cwd() }));
    await assert.rejects(adapter.execute('select 1'), (e: Error) => e.message.length > 0);
    await adapter.close();
  });
});
