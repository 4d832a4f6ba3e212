// Resolves ref() and source() calls to unique_ids, as dbt does: ref('pkg', 'name') exactly,
// ref('name') in the caller's package, then the root project, then any package; versions by v= or the
// latest version. A missing ref names the closest existing model.
import type { ManifestNode, RefCall, SourceDefinition } from '../project/manifest-types.js';
import { UserError, type SourceLocation } from '../util/errors.js';
import { closest } from '../util/did-you-mean.js';

const REFABLE = new Set(['model', 'seed', 'snapshot']);

/** What resolving a ref reads of a node (a re-parse resolves against its stored records). */
export type Refable = Pick<ManifestNode, 'unique_id' | 'resource_type' | 'name' | 'package_name' | 'version' | 'latest_version'>;

export class RefIndex<N extends Refable = ManifestNode> {
  private readonly byName = new Map<string, N[]>();
  private readonly sources = new Map<string, SourceDefinition>();
  private readonly disabled = new Set<string>();

  constructor(nodes: Iterable<N>, sources: Iterable<SourceDefinition>, disabledNames: Iterable<string>, private readonly rootPackage: string) {
    for (const n of nodes) {
      if (!REFABLE.has(n.resource_type)) continue;
      const list = this.byName.get(n.name) ?? [];
      list.push(n);
      this.byName.set(n.name, list);
    }
    for (const s of sources) this.sources.set(`${s.source_name}.${s.name}`, s);
    for (const d of disabledNames) this.disabled.add(d);
  }

  resolveRef(call: RefCall, fromPackage: string, from: string, location?: SourceLocation): N {
    let candidates = this.byName.get(call.name) ?? [];
    if (call.package) candidates = candidates.filter((n) => n.package_name === call.package);
    else if (candidates.length > 1) {
      const pick = candidates.filter((n) => n.package_name === fromPackage);
      const root = candidates.filter((n) => n.package_name === this.rootPackage);
      candidates = pick.length ? pick : root.length ? root : candidates;
    }
    if (candidates.length > 1 || (candidates.length === 1 && (candidates[0]!.version ?? null) !== null)) {
      const versioned = candidates.filter((n) => n.version !== null && n.version !== undefined);
      if (versioned.length) {
        const wanted = call.version ?? versioned[0]!.latest_version ?? null;
        const hit = versioned.find((n) => String(n.version) === String(wanted));
        if (hit) return hit;
        throw new UserError(`${from} depends on '${call.name}' version ${String(call.version)}, which does not exist`, {
          location,
          hint: `Versions of '${call.name}': ${versioned.map((n) => n.version).join(', ')}.`,
        });
      }
    }
    if (candidates.length === 1) return candidates[0]!;
    if (candidates.length > 1) {
      throw new UserError(`${from}: ref('${call.name}') is ambiguous: it matches ${candidates.map((c) => c.unique_id).join(', ')}`, {
        location,
        hint: `Use two-argument ref, with the package name first: ref('${candidates[0]!.package_name}', '${call.name}').`,
      });
    }
    const qualified = call.package ? `'${call.package}', '${call.name}'` : `'${call.name}'`;
    if (this.disabled.has(call.name)) {
      throw new UserError(`${from} depends on a node named '${call.name}' which is disabled`, { location, hint: `Enable it, or remove the ref(${qualified}).` });
    }
    const near = closest(call.name, this.byName.keys());
    throw new UserError(`${from} depends on a node named ${call.package ? `'${call.package}.${call.name}'` : `'${call.name}'`} which was not found`, {
      location,
      hint: near ? `Did you mean ref('${near}')?` : `Check the model name, or add the model (models/${call.name}.sql).`,
    });
  }

  resolveSource(sourceName: string, tableName: string, from: string, location?: SourceLocation): SourceDefinition {
    const hit = this.sources.get(`${sourceName}.${tableName}`);
    if (hit) return hit;
    const near = closest(`${sourceName}.${tableName}`, this.sources.keys());
    throw new UserError(`${from} depends on a source named '${sourceName}.${tableName}' which was not found`, {
      location,
      hint: near ? `Did you mean source('${near.split('.')[0]}', '${near.split('.').slice(1).join('.')}')?` : `Declare it under sources: in a schema YAML file.`,
    });
  }
}
