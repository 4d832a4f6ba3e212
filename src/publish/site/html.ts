// The two HTML shells: the docs site (static, reads docs-data.js) and the dashboards app (served,
// reads /api/…). Both load only local files: no CDN, no fonts from the network.

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** target/index.html: assets relative to the page, so any static file server (or file://) works. */
export function docsIndexHtml(projectName: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(projectName)} · martflow docs</title>
<link rel="stylesheet" href="docs-assets/style.css">
</head><body class="docs">
<div id="app">Loading…</div>
<script src="docs-data.js"></script>
<script src="docs-assets/docs.js"></script>
</body></html>
`;
}

/** The dashboards app at / of `martflow serve`. */
export function dashboardsHtml(projectName: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(projectName)} · martflow dashboards</title>
<link rel="stylesheet" href="/assets/style.css">
</head><body class="dashboards">
<div id="app">Loading…</div>
<script src="/assets/dashboards.js"></script>
</body></html>
`;
}
