// The command-line selector grammar and its errors.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { parseCriteria, parseSelection, defaultMethod } from '../../src/graph/parse-selection.js';
import { selectNodes } from '../../src/graph/select-nodes.js';
import type { SelectionSet } from '../../src/graph/selection-spec.js';
import { UserError } from '../../src/util/errors.js';
import { fixtureGraph } from './graph-fixture.js';

describe('parseCriteria', () => {
  test('operators, depths, method arguments', () => {
    const c = parseCriteria('2+config.meta.owner:growth+3');
    assert.deepEqual(
      { method: c.method, args: c.methodArgs, value: c.value, parents: c.parents, pd: c.parentsDepth, children: c.children, cd: c.childrenDepth },
      { method: 'config', args: ['meta', 'owner'], value: 'growth', parents: true, pd: 2, children: true, cd: 3 },
    );
    const at = parseCriteria('@tag:nightly');
    assert.equal(at.childrensParents, true);
    assert.equal(at.parents, false);
    const plain = parseCriteria('+orders+');
    assert.equal(plain.parentsDepth, undefined);
    assert.equal(plain.childrenDepth, undefined);
    assert.equal(parseCriteria('state:modified.body').value, 'modified.body');
  });

  test('the default method depends on the value', () => {
    assert.equal(defaultMethod('models/staging'), 'path');
    assert.equal(defaultMethod('customers.sql'), 'file');
    assert.equal(defaultMethod('shop.marts.*'), 'fqn');
    assert.equal(parseCriteria('models/marts+').method, 'path');
  });

  test('space is union, comma intersection, exclude subtracted', () => {
    const spec = parseSelection(['a b,c'], ['d']);
    assert.equal(spec.kind, 'difference');
    const [inc, exc] = spec.components as SelectionSet[];
    assert.equal(inc!.kind, 'union');
    assert.deepEqual(inc!.components.map((c) => (c as SelectionSet).components.length), [1, 2]);
    assert.equal(exc!.components.length, 1);
  });

  test('an unknown method lists the valid ones and suggests the closest', () => {
    assert.throws(() => parseCriteria('tags:nightly'), (e: unknown) => {
      assert.ok(e instanceof UserError);
      assert.equal(e.message, `'tags' is not a valid method name in selector "tags:nightly"`);
      assert.match(e.hint!, /Valid methods: fqn, tag, group,/);
      assert.match(e.hint!, /Did you mean 'tag'\?/);
      return true;
    });
  });

  test('malformed specs', () => {
    assert.throws(() => parseCriteria('@orders+'), /"@" prefix and "\+" suffix are incompatible/);
    assert.throws(() => parseCriteria('tag:'), /Invalid selector spec "tag:"/);
  });
});

describe('method value errors', () => {
  const { manifest, graph } = fixtureGraph();
  const run = (s: string) => selectNodes(manifest, graph, parseSelection([s], []));
  const cases: [string, RegExp][] = [
    ['resource_type:modle', /Invalid resource_type selector "modle"/],
    ['test_type:integration', /Invalid test type selector "integration"/],
    ['version:newest', /Invalid version type selector "newest"/],
    ['access:secret', /Invalid access selector/],
    ['source:a.b.c.d', /Invalid source selector value "a.b.c.d"/],
    ['exposure:a.b.c', /Invalid exposure selector value/],
    ['config:table', /Invalid config selector/],
  ];
  for (const [sel, re] of cases) {
    test(sel, () => assert.throws(() => run(sel), (e: unknown) => e instanceof UserError && re.test(e.message)));
  }

  test('resource_type suggests the closest type', () => {
    assert.throws(() => run('resource_type:modle'), (e: unknown) => e instanceof UserError && /Did you mean 'model'/.test(e.hint!));
    assert.throws(() => selectNodes(manifest, graph, parseSelection([], []), { resourceTypes: ['sed'] }), /Invalid --resource-type "sed"/);
  });
});
