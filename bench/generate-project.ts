// Generates a synthetic dbt project for benchmarks: N models in folders with refs to earlier models,
// folder configs in dbt_project.yml, schema YAML with tests, a macro and Jinja loops.
// Usage: npx tsx bench/generate-project.ts <dir> [models=1000]
import { existsSync, mkdirSync, readFileSync, writeFileSync as writeFile, rmSync } from 'node:fs';
import { join } from 'node:path';

export interface GenerateOptions {
  models: number;
  /** Models per folder. */
  folderSize?: number;
  /** Every model becomes a view with this SQL when set (runner-overhead benchmarks). */
  trivial?: boolean;
  /**
   * Share of models written with macros, var() and Jinja loops (the rest use only ref/config, as most
   * models in real projects do). Default 0.3.
   */
  jinjaShare?: number;
  /**
   * Give every Jinja model a structure of its own (its loop variable is named after it). By default
   * they are written alike, and martflow compiles one function per template structure.
   */
  uniqueShapes?: boolean;
}

/** A deterministic pseudo-random sequence, so every run generates the same project. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Writes a file unless it already holds exactly `text` (see generateProject). */
function writeFileSync(path: string, text: string): void {
  if (existsSync(path) && readFileSync(path, 'utf8') === text) return;
  writeFile(path, text);
}

/**
 * Writes the project into `dir`, a fresh folder. With `reuse`, a folder generated before with the
 * same options is brought back to its generated state by rewriting only the files that differ (a
 * benchmark edits a few): deleting and recreating 10,000 files makes this kind of disk discard
 * blocks for seconds afterwards, which would land in the figures. Anything else in the folder
 * (target/) is then left to the caller.
 */
export function generateProject(dir: string, options: GenerateOptions, { reuse = false } = {}): void {
  const n = options.models;
  const folderSize = options.folderSize ?? 100;
  const random = rng(42);
  const marker = join(dir, '.generated-with.json');
  const wanted = JSON.stringify(options);
  if (!reuse || !existsSync(marker) || readFileSync(marker, 'utf8') !== wanted) rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'macros'), { recursive: true });
  writeFileSync(marker, wanted);
  const folders = Math.ceil(n / folderSize);
  // Every third folder builds tables — except for the runner benchmark, whose models are all views.
  const folderConfig = Array.from({ length: folders }, (_, f) => `    f${f}:\n      +tags: ['folder_${f}']\n${f % 3 === 0 && !options.trivial ? "      +materialized: table\n" : ''}`).join('');
  writeFileSync(
    join(dir, 'dbt_project.yml'),
    `name: synthetic\nversion: '1.0'\nprofile: synthetic\nvars:\n  multiplier: 3\nmodels:\n  synthetic:\n    +materialized: view\n${folderConfig}`,
  );
  writeFileSync(join(dir, 'profiles.yml'), `synthetic:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: ':memory:'\n      threads: 4\n`);
  writeFileSync(
    join(dir, 'macros', 'helpers.sql'),
    `{% macro scaled(column, factor) %}({{ column }} * {{ factor }}){% endmacro %}\n{% macro pick_columns(n) %}{% for i in range(n) %}{{ i }} as c{{ i }}{% if not loop.last %}, {% endif %}{% endfor %}{% endmacro %}\n`,
  );
  for (let f = 0; f < folders; f++) {
    const folder = join(dir, 'models', `f${f}`);
    mkdirSync(folder, { recursive: true });
    const yaml: string[] = ['version: 2', 'models:'];
    for (let i = f * folderSize; i < Math.min(n, (f + 1) * folderSize); i++) {
      let sql: string;
      if (options.trivial) {
        sql = i === 0 ? 'select 1 as id' : `select * from {{ ref('m${Math.floor(random() * i)}') }}`;
      } else if (i === 0) {
        sql = `select {{ pick_columns(3) }}, 1 as id`;
      } else if (random() >= (options.jinjaShare ?? 0.3)) {
        const parents = [...new Set([Math.floor(random() * i), Math.floor(random() * i)])];
        sql =
          (i % 5 === 0 ? `{{ config(tags=['generated']) }}\n` : '') +
          `select p0.id, p0.id * 3 as scaled_id, 'a' as col_a\nfrom {{ ref('m${parents[0]}') }} p0` +
          (parents.length > 1 ? `\njoin {{ ref('m${parents[1]}') }} p1 on p1.id = p0.id` : '') +
          '\n';
      } else {
        const parents = [...new Set([Math.floor(random() * i), Math.floor(random() * i)])];
        sql =
          `{{ config(tags=['generated']) }}\n` +
          `with ${parents.map((p) => `p${p} as (select * from {{ ref('m${p}') }})`).join(',\n')}\n` +
          `select p${parents[0]}.id, {{ scaled('p${parents[0]}.id', var('multiplier')) }} as scaled_id\n` +
          (options.uniqueShapes ? `{% for c${i} in ['a', 'b', 'c'] %}, '{{ c${i} }}' as col_{{ c${i} }}{% endfor %}\n` : `{% for c in ['a', 'b', 'c'] %}, '{{ c }}' as col_{{ c }}{% endfor %}\n`) +
          `from p${parents[0]}` +
          (parents.length > 1 ? `\njoin p${parents[1]} on p${parents[1]}.id = p${parents[0]}.id` : '') +
          '\n';
      }
      writeFileSync(join(folder, `m${i}.sql`), sql);
      yaml.push(`  - name: m${i}`, `    description: "Model ${i}"`, '    columns:', '      - name: id', '        data_tests:', '          - not_null');
    }
    writeFileSync(join(folder, 'schema.yml'), yaml.join('\n') + '\n');
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: tsx bench/generate-project.ts <dir> [models]');
    process.exit(1);
  }
  generateProject(dir, { models: Number(process.argv[3] ?? 1000), jinjaShare: process.argv[4] === undefined ? undefined : Number(process.argv[4]) });
  console.log(`generated ${process.argv[3] ?? 1000} models in ${dir}`);
}
