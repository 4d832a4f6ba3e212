// The relations that exist in the schemas a run writes to, listed once at the start (one catalog
// query per schema instead of three per node). Each node touches only its own relation and its
// __martflow_tmp / __martflow_backup, so a listing taken before the run is right for every node.
import type { Adapter, RelationInfo, RelationRef } from '../warehouse/adapter.js';
import type { KnownRelations } from './materializations/types.js';

const key = (database: string | null, schema: string) => `${(database ?? '').toLowerCase()}\u0000${schema.toLowerCase()}`;

export class RelationListing {
  private readonly schemas = new Map<string, Map<string, RelationInfo>>();

  static async take(adapter: Adapter, schemas: { database: string | null; schema: string }[]): Promise<RelationListing> {
    const listing = new RelationListing();
    for (const s of schemas) {
      const relations = await adapter.listRelations(s.database, s.schema);
      listing.schemas.set(key(s.database, s.schema), new Map(relations.map((r) => [r.identifier.toLowerCase(), r])));
    }
    return listing;
  }

  /** The relation, null when its schema was listed and it is absent, undefined when not listed. */
  readonly lookup: KnownRelations = (ref: RelationRef) => {
    const schema = this.schemas.get(key(ref.database, ref.schema));
    if (!schema) return undefined;
    return schema.get(ref.identifier.toLowerCase()) ?? null;
  };
}
