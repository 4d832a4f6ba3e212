// Prints how long the Jinja engine takes to compile and render 10,000 distinct small model files.
// Usage: npx tsx bench/jinja-models.ts
import { JinjaEnvironment, pyfunction } from '../src/jinja/index.js';

const N = 10_000;
const sources: string[] = [];
for (let i = 0; i < N; i++) {
  sources.push(`{{ config(materialized='table', tags=['t${i % 7}']) }}
-- model ${i}
with src as (
  select * from {{ ref('stg_orders_${i % 50}') }}
), pay as (
  select * from {{ source('raw', 'payments') }}
)
select
{%- for c in ['id', 'amount', 'status'] %}
  src.{{ c }}{{ ',' if not loop.last }}
{%- endfor %}
from src join pay using (id)
{% if var('full', false) %}where true{% endif %}
`);
}

const ctx = {
  config: pyfunction(() => ''),
  ref: pyfunction((a) => `"db"."main"."${String(a[0])}"`),
  source: pyfunction((a) => `"raw"."${String(a[1])}"`),
  var: pyfunction((a) => a[1] ?? null),
};

async function main(): Promise<void> {
  const env = new JinjaEnvironment();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const templates = sources.map((s, i) => env.compile(s, `models/m${i}.sql`));
  const t1 = performance.now();
  let bytes = 0;
  for (const t of templates) bytes += (await t.render(ctx)).length;
  const t2 = performance.now();
  for (const t of templates) await t.render(ctx);
  const t3 = performance.now();
  console.log(`compile ${N} models: ${(t1 - t0).toFixed(0)} ms`);
  console.log(`render  ${N} models: ${(t2 - t1).toFixed(0)} ms (second pass ${(t3 - t2).toFixed(0)} ms), ${bytes} bytes`);
  console.log(`total: ${(t2 - t0).toFixed(0)} ms wall, ${(process.cpuUsage(c0).user / 1000).toFixed(0)} ms cpu (all three passes)`);
  // The machine's speed right now, to read the figures above against (a 1e8-step loop).
  const c1 = performance.now();
  let s = 0;
  for (let i = 0; i < 1e8; i++) s += i;
  console.log(`calibration: 1e8-step loop ${(performance.now() - c1).toFixed(0)} ms (${s > 0 ? 'ok' : ''})`);
}

void main();
