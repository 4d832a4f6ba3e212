// bench/yaml-parse: parseYaml (fast reader, `yaml` package as fallback) against the `yaml`-package
// reader alone, on the 100 schema files (~1.2 MB) of a synthetic 10,000-model project. Each
// measurement is a fresh process, so the JIT is cold as in a CLI run.
// Usage: npm run build && npx tsx bench/yaml-parse.ts [runs=5]
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { generateProject } from './generate-project.js';
import { REPO } from './measure.js';

const runs = Number(process.argv[2] ?? 5);
const dir = join(tmpdir(), 'martflow-bench-yaml-10000');
if (!existsSync(join(dir, 'models'))) generateProject(dir, { models: 10000 });
const module = pathToFileURL(join(REPO, 'dist', 'project', 'yaml-source.js')).href;
if (!existsSync(new URL(module))) throw new Error('build first: npm run build');

// The child reads the files first, then times only the parsing.
const child = `
import { readdirSync, readFileSync } from 'node:fs';
const m = await import(${JSON.stringify(module)});
const parse = process.argv[1] === 'fast' ? m.parseYaml : m.parseYamlWithYamlPackage;
const models = ${JSON.stringify(join(dir, 'models'))};
const texts = readdirSync(models).filter((d) => d.startsWith('f')).map((d) => readFileSync(models + '/' + d + '/schema.yml', 'utf8'));
const t0 = performance.now();
for (const t of texts) parse(t, 'schema.yml');
console.log(JSON.stringify({ ms: performance.now() - t0, files: texts.length, bytes: texts.reduce((a, t) => a + t.length, 0) }));
`;

function once(which: 'fast' | 'yaml'): { ms: number; files: number; bytes: number } {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', child, which], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as { ms: number; files: number; bytes: number };
}

const times: Record<'fast' | 'yaml', number[]> = { fast: [], yaml: [] };
let size = '';
for (let i = 0; i < runs; i++) {
  for (const which of ['yaml', 'fast'] as const) {
    const m = once(which);
    times[which].push(m.ms);
    size = `${m.files} files, ${(m.bytes / 1e6).toFixed(2)} MB`;
  }
}
const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!;
console.log(`YAML schema files: ${size}; fresh process each, median of ${runs}`);
console.log(`yaml package only:        ${median(times.yaml).toFixed(0)} ms   (min ${Math.min(...times.yaml).toFixed(0)})`);
console.log(`parseYaml (fast reader):  ${median(times.fast).toFixed(0)} ms   (min ${Math.min(...times.fast).toFixed(0)})`);
console.log(`speed-up:                 ${(median(times.yaml) / median(times.fast)).toFixed(1)}×`);
