// `node dist/publish/assets/build-web.js`: bundles the front-end ahead of time (for npm pack).
import { buildWebAssets, WEB_DIST } from './web-bundle.js';

await buildWebAssets();
process.stdout.write(`front-end bundled into ${WEB_DIST}\n`);
