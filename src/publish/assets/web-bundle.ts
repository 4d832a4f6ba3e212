// The browser code (src/publish/web, TypeScript + ECharts) bundled by esbuild into plain files the
// docs site and the server hand out: no CDN, nothing fetched from the network.
// A checkout builds the bundle on first use (and again when a source file is newer); an installed
// package ships it prebuilt in dist/publish/web-dist (`node dist/publish/assets/build-web.js`).
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// src/publish/assets/x.ts and dist/publish/assets/x.js are both three levels below the package root.
const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const WEB_SRC = join(PACKAGE_ROOT, 'src', 'publish', 'web');
export const WEB_DIST = join(PACKAGE_ROOT, 'dist', 'publish', 'web-dist');

/** File name → contents of the bundled assets. */
export type WebAssets = Map<string, string>;

export const ENTRY_POINTS = { 'docs.js': 'docs/main.ts', 'dashboards.js': 'dashboards/main.ts' } as const;
const CSS = 'shared/style.css';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function bundleIsFresh(): boolean {
  const files = [...Object.keys(ENTRY_POINTS), 'style.css'].map((f) => join(WEB_DIST, f));
  if (!files.every((f) => existsSync(f))) return false;
  if (!existsSync(WEB_SRC)) return true; // installed package: the shipped bundle is the truth
  const built = Math.min(...files.map((f) => statSync(f).mtimeMs));
  return built >= newestMtime(WEB_SRC);
}

function readAssets(dir: string): WebAssets {
  const assets: WebAssets = new Map();
  for (const f of [...Object.keys(ENTRY_POINTS), 'style.css']) assets.set(f, readFileSync(join(dir, f), 'utf8'));
  return assets;
}

/** Bundles src/publish/web into dist/publish/web-dist with esbuild (a devDependency); returns the files. */
export async function buildWebAssets(): Promise<WebAssets> {
  let esbuild: typeof import('esbuild');
  try {
    esbuild = await import('esbuild');
  } catch (e) {
    throw new Error('the docs/dashboard front-end is not built and esbuild is not installed (npm install --include=dev, then npm run build)', { cause: e });
  }
  // Build into a private folder and rename, so concurrent builds never expose half a bundle.
  const tmp = `${WEB_DIST}.${process.pid}.${Date.now()}`;
  mkdirSync(tmp, { recursive: true });
  await esbuild.build({
    entryPoints: Object.fromEntries(Object.entries(ENTRY_POINTS).map(([out, src]) => [out.replace(/\.js$/, ''), join(WEB_SRC, src)])),
    bundle: true,
    format: 'iife',
    target: 'es2020',
    minify: true,
    outdir: tmp,
    logLevel: 'silent',
    tsconfig: join(WEB_SRC, 'tsconfig.json'),
  });
  writeFileSync(join(tmp, 'style.css'), readFileSync(join(WEB_SRC, CSS)));
  // Read our own build before installing it: a concurrent build may replace WEB_DIST at any moment.
  const assets = readAssets(tmp);
  mkdirSync(dirname(WEB_DIST), { recursive: true });
  rmSync(WEB_DIST, { recursive: true, force: true });
  try {
    renameSync(tmp, WEB_DIST);
  } catch {
    rmSync(tmp, { recursive: true, force: true }); // another process won the race with the same sources
  }
  return assets;
}

let cached: Promise<WebAssets> | null = null;

/** The bundled assets, building them first when needed. */
export function webAssets(): Promise<WebAssets> {
  cached ??= (async () => {
    if (!bundleIsFresh()) return buildWebAssets();
    try {
      return readAssets(WEB_DIST);
    } catch {
      return buildWebAssets(); // replaced under our feet by a concurrent build
    }
  })();
  return cached;
}
