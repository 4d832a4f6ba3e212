import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { Graph } from '../../src/graph/graph.js';
import { buildParentChildMaps } from '../../src/graph/parent-child-maps.js';
import { ReadyQueue } from '../../src/graph/ready-queue.js';
import { UserError } from '../../src/util/errors.js';
import type { GraphMember, ManifestNode } from '../../src/project/manifest-types.js';
import { ID, fixtureGraph, fixtureManifest, namesOf } from './graph-fixture.js';

/** A bare model member for synthetic graphs. */
function model(id: string, deps: string[] = [], materialized = 'table'): GraphMember {
  return {
    unique_id: id,
    resource_type: 'model',
    package_name: 'p',
    name: id.split('.').pop()!,
    original_file_path: `models/${id}.sql`,
    fqn: ['p', id],
    config: { enabled: true, materialized },
    depends_on: { nodes: deps, macros: [] },
  } as unknown as ManifestNode;
}

describe('graph: parent_map / child_map', () => {
  test('match dbt: every member has entries, values sorted, unknown parents only in parent_map', () => {
    const m = fixtureManifest();
    const { parent_map, child_map } = buildParentChildMaps(m);
    assert.deepEqual(parent_map[ID.customers], [ID.intOrderPayments, ID.stgCustomers, ID.countryCodes].sort());
    assert.deepEqual(child_map[ID.rawCustomers], [ID.stgCustomers, ID.sourceNotNull]);
    assert.deepEqual(parent_map[ID.rawCustomers], []);
    assert.deepEqual(child_map[ID.exposure], []);
    assert.deepEqual(parent_map[ID.unitTest], [ID.customers]);
    assert.ok(child_map[ID.customers]!.includes(ID.unitTest));
    assert.ok(child_map[ID.customers]!.includes(ID.exposure));
    // The disabled model is a node too (dbt keeps it out of nodes; if it is there we map it).
    assert.deepEqual(parent_map[ID.legacy], [ID.stgOrders]);
    m.nodes[ID.stgOrders]!.depends_on.nodes.push('model.shop.missing');
    const again = buildParentChildMaps(m);
    assert.deepEqual(again.parent_map[ID.stgOrders], ['model.shop.missing', ID.rawOrders]);
    assert.equal(again.child_map['model.shop.missing'], undefined);
  });
});

describe('graph: traversal', () => {
  const { graph } = fixtureGraph();

  test('disabled nodes are not in the graph', () => {
    assert.equal(graph.has(ID.legacy), false);
    assert.ok(!graph.children(ID.stgOrders).includes(ID.legacy));
  });

  test('ancestors and descendants with depth limits', () => {
    assert.deepEqual(namesOf(graph, graph.ancestors(ID.customers, 1)), ['country_codes', 'int_order_payments', 'stg_customers']);
    assert.deepEqual(namesOf(graph, graph.ancestors(ID.customers, 2)), [
      'country_codes', 'int_order_payments', 'raw.customers', 'stg_customers', 'stg_orders', 'stg_payments',
    ]);
    assert.equal(graph.ancestors(ID.customers).size, 8);
    assert.deepEqual(namesOf(graph, graph.descendants(ID.orders)), ['relationships_orders_customer_id', 'rpt_sales', 'weekly_dashboard']);
    assert.deepEqual(namesOf(graph, graph.descendants(ID.orders, 1)), ['relationships_orders_customer_id', 'rpt_sales']);
    assert.equal(graph.descendants(ID.orders, 0).size, 0);
  });

  test('topological order puts parents first, ties by unique_id', () => {
    const order = graph.topologicalOrder();
    const pos = new Map(order.map((id, i) => [id, i]));
    for (const id of order) for (const p of graph.parents(id)) assert.ok(pos.get(p)! < pos.get(id)!, `${p} before ${id}`);
    // The roots come first, in unique_id order.
    assert.deepEqual(order.slice(0, 3), ['model.utils.calendar', ID.countryCodes, ID.rawCustomers]);
  });

  test('a subset keeps the order through nodes left out', () => {
    const g = new Graph([model('m.z'), model('m.x', ['m.z']), model('m.a', ['m.x'])]);
    assert.deepEqual(g.topologicalOrder(['m.a', 'm.z']), ['m.z', 'm.a']);
  });

  test('a cycle is a UserError naming it', () => {
    const g = new Graph([model('model.p.a', ['model.p.b']), model('model.p.b', ['model.p.a']), model('model.p.c', ['model.p.a'])]);
    assert.throws(() => g.topologicalOrder(), (e: unknown) => {
      assert.ok(e instanceof UserError);
      assert.equal(e.message, 'Found a cycle: model.p.a --> model.p.b --> model.p.a');
      assert.match(e.hint!, /ref/);
      return true;
    });
    assert.deepEqual(g.findCycle(), ['model.p.a', 'model.p.b', 'model.p.a']);
    const self = new Graph([model('model.p.s', ['model.p.s'])]);
    assert.throws(() => self.topologicalOrder(), /Found a cycle: model\.p\.s --> model\.p\.s/);
    assert.throws(() => new ReadyQueue(g, ['model.p.a', 'model.p.b']), /Found a cycle/);
  });
});

describe('graph: topological order on random DAGs (property)', () => {
  // A seeded generator so a failure can be reproduced from the printed seed.
  function rng(seed: number): () => number {
    let s = seed >>> 0;
    return () => {
      s = (s * 1664525 + 1013904223) >>> 0;
      return s / 2 ** 32;
    };
  }

  test('every edge goes forward, for 200 random graphs', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const rand = rng(seed);
      const n = 1 + Math.floor(rand() * 40);
      // Shuffle the names so unique_id order and dependency order disagree.
      const names = Array.from({ length: n }, (_, i) => `model.p.n${Math.floor(rand() * 1e6)}_${i}`);
      const members = names.map((id, i) => {
        const deps = names.slice(0, i).filter(() => rand() < 0.15);
        return model(id, deps);
      });
      const g = new Graph(members.reverse());
      const order = g.topologicalOrder();
      assert.equal(order.length, n, `seed ${seed}`);
      const pos = new Map(order.map((id, i) => [id, i]));
      for (const id of names) for (const p of g.parents(id)) assert.ok(pos.get(p)! < pos.get(id)!, `seed ${seed}: ${p} before ${id}`);
      // Among the nodes whose parents are placed, the smallest unique_id comes next (dbt's order).
      const placed = new Set<string>();
      const expected: string[] = [];
      while (expected.length < n) {
        const next = names.filter((id) => !placed.has(id) && g.parents(id).every((p) => placed.has(p))).sort()[0]!;
        placed.add(next);
        expected.push(next);
      }
      assert.deepEqual(order, expected, `seed ${seed}`);
      // Stable: the same graph built in another member order gives the same result.
      assert.deepEqual(new Graph(members.reverse()).topologicalOrder(), order, `seed ${seed}`);
      // Random subsets keep every (transitive) dependency in order too.
      const subset = names.filter(() => rand() < 0.5);
      const sub = g.topologicalOrder(subset);
      const subPos = new Map(sub.map((id, i) => [id, i]));
      for (const id of subset) for (const a of g.ancestors(id)) if (subPos.has(a)) assert.ok(subPos.get(a)! < subPos.get(id)!, `seed ${seed} subset`);
    }
  });
});

describe('graph: ready queue', () => {
  const { graph } = fixtureGraph();

  test('hands out nodes once their selected ancestors are done; ephemeral models are never handed out', () => {
    const selected = [ID.stgOrders, ID.stgPayments, ID.intOrderPayments, ID.orders, ID.rptSales, ID.notNullOrders];
    const q = new ReadyQueue(graph, selected);
    assert.equal(q.remaining, 5);
    assert.deepEqual(q.take(), [ID.stgOrders, ID.stgPayments]);
    assert.deepEqual(q.take(), []);
    q.markDone(ID.stgOrders);
    // orders waits on stg_payments too, through the ephemeral int_order_payments.
    assert.deepEqual(q.take(), [ID.notNullOrders]);
    q.markDone(ID.stgPayments);
    assert.deepEqual(q.take(), [ID.orders]);
    assert.deepEqual(q.downstreamOf(ID.orders), [ID.rptSales]);
    q.markDone(ID.orders);
    q.markDone(ID.notNullOrders);
    assert.deepEqual(q.take(), [ID.rptSales]);
    q.markDone(ID.rptSales);
    assert.equal(q.isFinished, true);
  });

  test('waits through unselected nodes on selected ancestors', () => {
    const q = new ReadyQueue(graph, [ID.stgCustomers, ID.dimV1]);
    assert.deepEqual(q.take(), [ID.stgCustomers]);
    q.markDone(ID.stgCustomers);
    assert.deepEqual(q.take(), [ID.dimV1]);
  });

  test('build: nodes wait for the tests of what they are built from', () => {
    const selected = [ID.stgOrders, ID.notNullOrders, ID.intOrderPayments, ID.stgPayments, ID.orders, ID.customers, ID.stgCustomers,
      ID.countryCodes, ID.relationships, ID.rptSales];
    const plain = new ReadyQueue(graph, selected);
    const build = new ReadyQueue(graph, selected, { testEdges: true });
    const run = (q: ReadyQueue) => {
      const waves: string[][] = [];
      while (!q.isFinished) {
        const wave = q.take();
        assert.ok(wave.length > 0, 'no progress');
        waves.push(wave);
        wave.forEach((id) => q.markDone(id));
      }
      return waves;
    };
    const wavePlain = run(plain);
    const waveBuild = run(build);
    const waveOf = (waves: string[][], id: string) => waves.findIndex((w) => w.includes(id));
    // Without test edges orders runs with the not_null test on stg_orders; with them, after it.
    assert.equal(waveOf(wavePlain, ID.orders), waveOf(wavePlain, ID.notNullOrders));
    assert.ok(waveOf(waveBuild, ID.orders) > waveOf(waveBuild, ID.notNullOrders));
    // The relationships test (customers, orders) does not hold rpt_sales back: customers is not upstream of it.
    assert.equal(waveOf(waveBuild, ID.rptSales), waveOf(waveBuild, ID.orders) + 1);
    assert.deepEqual(build.downstreamOf(ID.notNullOrders), [ID.customers, ID.orders, ID.rptSales, ID.relationships]);
  });

  test('a custom skip predicate', () => {
    const q = new ReadyQueue(graph, [ID.stgOrders, ID.intOrderPayments, ID.orders], { isSkipped: () => false });
    assert.deepEqual(q.take(), [ID.stgOrders]);
    q.markDone(ID.stgOrders);
    assert.deepEqual(q.take(), [ID.intOrderPayments]);
  });
});
