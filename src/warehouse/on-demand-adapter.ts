// An adapter that connects on its first query. `compile` renders SQL and only talks to the warehouse
// when a template asks (run_query, adapter.get_relation, is_incremental): connecting up front would
// load the engine and open (and, for DuckDB, lock) the database for nothing.
import type { Adapter, Capabilities, ColumnDef, Connection, Dialect, ExecuteOptions, QueryResult, RelationInfo, RelationRef } from './adapter.js';

export class OnDemandAdapter implements Adapter {
  private opening: Promise<Adapter> | null = null;
  private opened: Adapter | null = null;

  /**
   * `defaultDatabase` is the one the target names (profiles.ts resolves it as the engine will); `open`
   * connects (createAdapter), and its connection errors surface at the first query.
   */
  constructor(
    readonly type: string,
    readonly dialect: Dialect,
    readonly defaultDatabase: string | null,
    private readonly open: () => Promise<Adapter>,
  ) {}

  /** Whether a query has made it connect. */
  get connected(): boolean {
    return this.opened !== null;
  }

  get capabilities(): Capabilities {
    // Capabilities can depend on the server (PostgreSQL's version): only known once connected.
    if (!this.opened) throw new Error('internal: adapter capabilities read before the first query');
    return this.opened.capabilities;
  }

  private connection(): Promise<Adapter> {
    this.opening ??= this.open().then((adapter) => (this.opened = adapter));
    return this.opening;
  }

  async acquire(): Promise<Connection> {
    return (await this.connection()).acquire();
  }
  async execute(sql: string, options?: ExecuteOptions): Promise<QueryResult> {
    return (await this.connection()).execute(sql, options);
  }
  async listSchemas(database: string | null, conn?: Connection): Promise<string[]> {
    return (await this.connection()).listSchemas(database, conn);
  }
  async listRelations(database: string | null, schema: string, conn?: Connection): Promise<RelationInfo[]> {
    return (await this.connection()).listRelations(database, schema, conn);
  }
  async getRelation(ref: RelationRef, conn?: Connection): Promise<RelationInfo | null> {
    return (await this.connection()).getRelation(ref, conn);
  }
  async getColumns(ref: RelationRef, conn?: Connection): Promise<ColumnDef[]> {
    return (await this.connection()).getColumns(ref, conn);
  }

  async close(): Promise<void> {
    if (!this.opening) return;
    // A connection still being opened is closed once it is open; one that failed has nothing to close.
    const adapter = await this.opening.catch(() => null);
    await adapter?.close();
  }
}
