// Names that must be unique within a package (dbt: "found two models with the name …"), reported
// with both locations.
import type { LoadedPackage } from './loaded-project.js';
import { formatLocation, UserError } from '../util/errors.js';
import type { ErrorCollector, SourceLocation } from '../util/errors.js';

function report(errors: ErrorCollector, what: string, items: { key: string; location: SourceLocation }[], hint: string): void {
  const seen = new Map<string, SourceLocation>();
  for (const { key, location } of items) {
    const first = seen.get(key);
    if (first) errors.add(new UserError(`${what} '${key}' is defined twice (first at ${formatLocation(first)})`, { location, hint }));
    else seen.set(key, location);
  }
}

export function checkDuplicates(pkg: LoadedPackage, errors: ErrorCollector): void {
  const file = (path: string): SourceLocation => ({ file: pkg.displayPrefix + path });
  report(
    errors,
    'resource',
    [
      ...pkg.models.map((m) => ({ key: m.name, location: file(m.file.path) })),
      ...pkg.seeds.map((s) => ({ key: s.name, location: file(s.file.path) })),
      ...pkg.snapshots.map((s) => ({ key: s.name, location: s.location })),
    ],
    'Models, seeds and snapshots share one namespace per package; rename one of them.',
  );
  for (const kind of ['model', 'seed', 'snapshot', 'analysis'] as const) {
    report(
      errors,
      `${kind} properties for`,
      pkg.nodePatches.filter((p) => p.kind === kind).map((p) => ({ key: p.name, location: p.location })),
      `Describe each ${kind} in one schema YAML entry only.`,
    );
  }
  report(
    errors,
    'source table',
    pkg.sources.flatMap((s) => s.tables.map((t) => ({ key: `${s.name}.${t.name}`, location: t.location }))),
    'List each source table once; a source with the same name may be split across files only for different tables.',
  );
  report(errors, 'docs block', pkg.docs.map((d) => ({ key: d.name, location: d.location })), 'Rename one of the {% docs %} blocks.');
  report(errors, 'exposure', pkg.exposures.map((e) => ({ key: e.name, location: e.location })), 'Rename one of the exposures.');
  report(errors, 'unit test', pkg.unitTests.map((u) => ({ key: `${u.model}.${u.name}`, location: u.location })), 'Rename one of the unit tests.');
  report(errors, 'group', pkg.groups.map((g) => ({ key: g.name, location: g.location })), 'Rename one of the groups.');
  report(
    errors,
    'data test',
    pkg.tests.map((t) => ({ key: t.uniqueId, location: t.location })),
    "Two tests resolve to the same name; give one a distinct 'name:'.",
  );
}
