// dbt's Relation object as templates see it: `{{ this }}`, `{{ ref('x') }}`, adapter.get_relation(...).
// Renders as the quoted, fully qualified name; exposes database/schema/identifier and dbt's methods.
import type { Dialect, RelationRef, RelationType } from '../warehouse/adapter.js';
import { pyfunction, type JinjaCallable, type Kwargs } from '../jinja/api.js';

export interface RelationInclude {
  database: boolean;
  schema: boolean;
  identifier: boolean;
}

export class Relation {
  readonly database: string | null;
  readonly schema: string;
  readonly identifier: string;
  readonly type: RelationType | null;
  private readonly includeParts: RelationInclude;

  constructor(
    ref: RelationRef,
    readonly dialect: Dialect,
    type: RelationType | null = null,
    include: RelationInclude = { database: true, schema: true, identifier: true },
  ) {
    this.database = ref.database;
    this.schema = ref.schema;
    this.identifier = ref.identifier;
    this.type = type;
    this.includeParts = include;
  }

  get name(): string {
    return this.identifier;
  }
  get table(): string {
    return this.identifier;
  }
  get is_table(): boolean {
    return this.type === 'table';
  }
  get is_view(): boolean {
    return this.type === 'view';
  }
  get is_materialized_view(): boolean {
    return this.type === 'materialized_view';
  }
  get is_cte(): boolean {
    return false;
  }
  get path(): { database: string | null; schema: string; identifier: string } {
    return { database: this.database, schema: this.schema, identifier: this.identifier };
  }

  render(): string {
    const parts: string[] = [];
    if (this.includeParts.database && this.database) parts.push(this.dialect.quoteIdentifier(this.database));
    if (this.includeParts.schema && this.schema) parts.push(this.dialect.quoteIdentifier(this.schema));
    if (this.includeParts.identifier && this.identifier) parts.push(this.dialect.quoteIdentifier(this.identifier));
    return parts.join('.');
  }

  toString(): string {
    return this.render();
  }

  get ref(): RelationRef {
    return { database: this.database, schema: this.schema, identifier: this.identifier };
  }

  /** relation.include(database=False) */
  get include(): JinjaCallable {
    return pyfunction((_args, kw: Kwargs) => {
      const inc = { ...this.includeParts };
      for (const key of ['database', 'schema', 'identifier'] as const) if (key in kw) inc[key] = Boolean(kw[key]);
      return new Relation(this.ref, this.dialect, this.type, inc);
    }, 'include');
  }

  /** relation.incorporate(path={"identifier": "x"}, type="table") */
  get incorporate(): JinjaCallable {
    return pyfunction((_args, kw: Kwargs) => {
      const path = (kw.path ?? {}) as Partial<RelationRef>;
      const next: RelationRef = {
        database: path.database !== undefined ? path.database : this.database,
        schema: path.schema ?? this.schema,
        identifier: path.identifier ?? this.identifier,
      };
      const type = (kw.type as RelationType | undefined) ?? this.type;
      return new Relation(next, this.dialect, type, this.includeParts);
    }, 'incorporate');
  }

  /** relation.quote(...) — martflow always quotes through the dialect, so this returns the same relation. */
  get quote(): JinjaCallable {
    return pyfunction(() => this, 'quote');
  }

  get without_identifier(): JinjaCallable {
    return pyfunction(() => new Relation(this.ref, this.dialect, this.type, { ...this.includeParts, identifier: false }), 'without_identifier');
  }
}

/** ref() of an ephemeral model: renders as the CTE name the compiler injects. */
export class EphemeralRelation extends Relation {
  constructor(readonly cteName: string, dialect: Dialect) {
    super({ database: null, schema: '', identifier: cteName }, dialect, null);
  }
  override get is_cte(): boolean {
    return true;
  }
  override render(): string {
    return this.cteName;
  }
}
