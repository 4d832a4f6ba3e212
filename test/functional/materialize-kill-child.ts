// Child process for materialize-kill.test.ts: rebuilds one table forever, alternating 10 and 20 rows,
// printing "built <n>" after each build, until the parent SIGKILLs it.
import { materialize } from '../../src/build/materializations/index.js';
import { createAdapter } from '../../src/warehouse/index.js';
import { node, numbers, rel } from './materialize-fixtures.js';

const target = JSON.parse(process.argv[2]!) as Record<string, unknown>;
const adapter = await createAdapter(target, { projectDir: process.cwd() });
const conn = await adapter.acquire();
for (let i = 0; ; i++) {
  const n = i % 2 === 0 ? 10 : 20;
  await materialize({ node: node('killed', { materialized: 'table' }, numbers(1, n)), relation: rel('killed'), adapter, conn, fullRefresh: false });
  process.stdout.write(`built ${n}\n`);
}
