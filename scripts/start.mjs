// `npm start`: martflow's main job on the embedded DuckDB — the email analytics mart end to end:
// load the CRM seeds, generate 30 days of mock Marketing Cloud events in the warehouse (only the days
// still missing, so a rerun is quick), build and test the daily mart, write the docs, then serve the
// docs and dashboards on http://127.0.0.1:8580 (skipped when CI=true, where nothing may block).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const project = ['--project-dir', join(root, 'examples', 'email_mart')];
const martflow = (...args) => {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'martflow.js'), ...project, ...args], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

martflow('seed', '--quiet');
martflow('run-operation', 'ensure_mock_marketing_cloud_events', '--args', '{days: 30, sends_per_day: 50000, seed: 42}');
martflow('build', '--select', 'tag:daily');
martflow('docs', 'generate');
if (process.env.CI === 'true') {
  console.log('CI=true: not starting the server. Run `npm start` elsewhere, or `npx martflow --project-dir examples/email_mart serve`.');
} else {
  martflow('serve');
}
