// bench/compile: parse + compile a synthetic project of 10,000 models (cold, no partial-parse cache),
// then re-parse after editing one model, and after editing one schema YAML file. Targets on a 2-core
// machine: ≤ 2 s and ≤ 1 GB RSS cold; ≤ 0.3 s for the re-parse of a model. 30 % of the models use macros, var() and loops (the rest only ref/config);
// pass a share as the second argument to change it (1 = every model needs the template engine).
// The Jinja models are written alike (martflow compiles one function per template structure); the
// last figure is for the same project with every Jinja model of its own structure.
// Usage: npm run build && npx tsx bench/compile.ts [models=10000] [jinjaShare=0.3]
import { appendFileSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { generateProject } from './generate-project.js';
import { fmt, runMartflow } from './measure.js';

const models = Number(process.argv[2] ?? 10000);
const jinjaShare = Number(process.argv[3] ?? 0.3);
const dir = join(tmpdir(), `martflow-bench-compile-${models}`);
generateProject(dir, { models, jinjaShare }, { reuse: true });
console.log(`synthetic project: ${models} models (${Math.round(jinjaShare * 100)} % with macros and loops), ${models} not_null tests, in ${dir}`);

// "Cold": no target/ at all. Old ones are moved aside and deleted at the end: deleting 20,000 files
// makes this disk discard blocks for seconds, which would be charged to the next run otherwise.
const asides: string[] = [];
function withoutTarget<T>(run: () => T, project = dir): T {
  const aside = `${dir}-old-target-${asides.length}`;
  rmSync(aside, { recursive: true, force: true });
  if (existsSync(join(project, 'target'))) renameSync(join(project, 'target'), aside);
  asides.push(aside);
  return run();
}
const parseCold = withoutTarget(() => runMartflow(['parse', '--quiet'], dir));
console.log(`parse, cold:                       ${fmt(parseCold)}`);
const compileCold = withoutTarget(() => runMartflow(['compile', '--quiet'], dir, { MARTFLOW_TIMINGS: '1' }));
console.log(`parse + compile, cold:             ${fmt(compileCold)}   (target ≤ 2 s, ≤ 1024 MB)`);
for (const line of compileCold.phases) console.log(`  ${line.replace('martflow timing: ', '')}`);
const parseWarm = runMartflow(['parse', '--quiet'], dir);
console.log(`parse, nothing changed:            ${fmt(parseWarm)}`);
// Five edits of different models (static and Jinja ones), each followed by a re-parse; the median is the figure.
const edits = [5, 1234, 4321, 7777, 9999].map((i) => {
  appendFileSync(join(dir, 'models', `f${Math.floor(i / 100)}`, `m${i}.sql`), '\n-- edited\n');
  return runMartflow(['parse', '--quiet'], dir);
});
const median = [...edits].sort((a, b) => a.seconds - b.seconds)[2]!;
console.log(`re-parse after editing one model:  ${fmt(median)} median of 5 (${edits.map((e) => e.seconds.toFixed(2)).join(', ')} s)   (target ≤ 0.3 s)`);
// Three edits of a model's description in a schema file of 100 models and their tests (all 200 are built again).
const folders = Math.ceil(models / 100);
const yamlEdits = [0.12, 0.5, 0.99].map((share) => {
  const folder = Math.floor(share * folders);
  const schema = join(dir, 'models', `f${folder}`, 'schema.yml');
  writeFileSync(schema, readFileSync(schema, 'utf8').replace(/description: "Model (\d+)/, 'description: "Model $1 (edited)'));
  return runMartflow(['parse', '--quiet'], dir);
});
const yamlMedian = [...yamlEdits].sort((a, b) => a.seconds - b.seconds)[1]!;
console.log(`re-parse after editing a schema file: ${fmt(yamlMedian)} median of 3 (${yamlEdits.map((e) => e.seconds.toFixed(2)).join(', ')} s)`);
// The same project with every Jinja model of its own structure: no compiled template function is shared.
const uniqueDir = `${dir}-unique-shapes`;
generateProject(uniqueDir, { models, jinjaShare, uniqueShapes: true }, { reuse: true });
const compileUnique = withoutTarget(() => runMartflow(['compile', '--quiet'], uniqueDir), uniqueDir);
console.log(`parse + compile, cold, every Jinja model of its own structure: ${fmt(compileUnique)}`);
for (const aside of asides) rmSync(aside, { recursive: true, force: true });
