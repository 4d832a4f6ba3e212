// The one interface every warehouse engine implements. Nothing above src/warehouse names an engine:
// code branches on `capabilities`, and SQL that differs between engines comes from `dialect`.
// Each engine lives in its own folder (duckdb/, postgres/) with the same few files.

/** A relation as the warehouse knows it. database is null where the engine has one catalog per connection. */
export interface RelationRef {
  database: string | null;
  schema: string;
  identifier: string;
}

export type RelationType = 'table' | 'view' | 'materialized_view' | 'external';

export interface RelationInfo extends RelationRef {
  type: RelationType;
}

export interface ColumnDef {
  name: string;
  /** The engine's type name as the engine reports it, e.g. 'INTEGER', 'character varying(20)'. */
  dataType: string;
}

export interface QueryResult {
  columns: ColumnDef[];
  /**
   * Rows as arrays in column order, the same on every engine (see src/warehouse/values.ts):
   * integers → number, or bigint beyond 2^53; DECIMAL/NUMERIC → number; DATE → 'YYYY-MM-DD';
   * TIMESTAMP → 'YYYY-MM-DD HH:MM:SS[.ffffff]'; TIMESTAMPTZ → the same in UTC with '+00';
   * TIME, INTERVAL, UUID, JSON → string; BLOB/bytea → Uint8Array; lists → arrays; NULL → null.
   */
  rows: unknown[][];
  /** Rows inserted/updated/deleted by DML, when the engine reports it. */
  rowsAffected: number | null;
}

export interface ExecuteOptions {
  /**
   * Bound parameters ($1, $2, … in the statement). Values are never spliced into SQL.
   * string, number, bigint, boolean, null, Date (bound as a UTC timestamp) and Uint8Array are accepted.
   */
  params?: unknown[];
  /** Aborting cancels the running statement; execute then rejects with a CancelledError. */
  signal?: AbortSignal;
}

/** Differences that are not SQL text. Each flag documents its meaning; code above branches on these. */
export interface Capabilities {
  /** DDL (create/drop/rename) takes part in transactions and rolls back. */
  transactionalDdl: boolean;
  /** MERGE INTO … WHEN MATCHED / NOT MATCHED is supported. */
  merge: boolean;
  /** ALTER … RENAME can swap a new relation into place atomically inside a transaction. */
  atomicRename: boolean;
  /** Several connections may write concurrently (false: writes are serialised by the runner). */
  concurrentWrites: boolean;
  /** A running statement can be cancelled from another task. */
  cancel: boolean;
  /** Enforces these constraint kinds at write time. */
  enforcedConstraints: ReadonlyArray<'not_null' | 'unique' | 'primary_key' | 'check' | 'foreign_key'>;
  /** Materialized views exist. */
  materializedViews: boolean;
  /**
   * CREATE OR REPLACE VIEW swaps a view atomically whatever its new columns (DuckDB). false where the
   * replacement must keep the old columns (PostgreSQL), so views are built aside and renamed in.
   */
  replaceViewAnyColumns: boolean;
  /**
   * Rebuilding a relation drops the views that depend on it (PostgreSQL's DROP … CASCADE): a listing
   * of relations taken before a run is then stale for downstream views, so the runner asks the catalog.
   */
  dropCascadesToViews: boolean;
}

/** One session with the warehouse. Statements on one connection run one at a time. */
export interface Connection {
  execute(sql: string, options?: ExecuteOptions): Promise<QueryResult>;
  /**
   * Runs fn inside BEGIN … COMMIT; ROLLBACK when it throws. Nested calls join the outer transaction
   * (no savepoints: DuckDB has none), so a failed statement anywhere inside dooms the whole of it.
   */
  transaction<T>(fn: (conn: Connection) => Promise<T>): Promise<T>;
  /**
   * Bulk-loads rows into an existing table (DuckDB appender, PostgreSQL COPY FROM STDIN).
   * Values are in `columns` order; columns left out get their defaults. Strings are converted to the
   * column types ('2024-01-02', '12.50', 'true'); Date, number, bigint and boolean are accepted too.
   * Returns the number of rows loaded. Inside transaction() the load is part of the transaction.
   */
  bulkInsert(relation: RelationRef, columns: string[], rows: AsyncIterable<unknown[]> | Iterable<unknown[]>): Promise<number>;
  /** Returns the connection to the pool. */
  release(): void;
}

export interface Adapter {
  /** The profile type: 'duckdb', 'postgres'. Used for dispatch (duckdb__macro) and in artifacts only. */
  readonly type: string;
  readonly capabilities: Capabilities;
  readonly dialect: Dialect;
  /** The database (catalog) name queries run in by default, for relation names. */
  readonly defaultDatabase: string | null;

  /** A connection from the pool; release() it when done. */
  acquire(): Promise<Connection>;
  /** Convenience: acquire, execute, release. */
  execute(sql: string, options?: ExecuteOptions): Promise<QueryResult>;

  listSchemas(database: string | null, conn?: Connection): Promise<string[]>;
  // Introspection takes an optional connection: a caller that already holds one of the pool's
  // connections (a build thread) passes it, so a pool of one (threads: 1) cannot deadlock, and the
  // answer sees that connection's own uncommitted changes.
  listRelations(database: string | null, schema: string, conn?: Connection): Promise<RelationInfo[]>;
  getRelation(ref: RelationRef, conn?: Connection): Promise<RelationInfo | null>;
  getColumns(ref: RelationRef, conn?: Connection): Promise<ColumnDef[]>;

  /** Closes every connection; cancels running statements. */
  close(): Promise<void>;
}

/** Engine SQL spelled in one place. Semantic helpers, not string fragments scattered in callers. */
export interface Dialect {
  quoteIdentifier(name: string): string;
  quoteString(value: string): string;
  /** "db"."schema"."name" or "schema"."name" as the engine wants it. */
  relation(ref: RelationRef): string;
  /** Type names for type_string() and friends, and for seed type inference. */
  types: {
    string: string;
    integer: string;
    bigint: string;
    float: string;
    numeric: string;
    boolean: string;
    timestamp: string;
    date: string;
  };
  /** Null-safe equality of two expressions (IS NOT DISTINCT FROM where available). */
  nullSafeEquals(left: string, right: string): string;
  createSchemaIfNotExists(schema: string, database: string | null): string;
  dropSchemaCascade(schema: string, database: string | null): string;
  /** Statement(s) renaming a relation within its schema. */
  renameRelation(from: RelationInfo, toIdentifier: string): string;
  dropRelationIfExists(ref: RelationRef, type: RelationType): string;
  /** True when `name` must be quoted to keep its spelling (case, characters, reserved words). */
  needsQuoting(name: string): boolean;
  /** The name quoted only when needsQuoting(name) (for readable generated SQL). */
  quoteIdentifierIfNeeded(name: string): string;
  /** CREATE TABLE … AS <select>. */
  createTableAs(ref: RelationRef, selectSql: string): string;
  /** CREATE VIEW … AS <select> (not OR REPLACE: callers build the swap). */
  createViewAs(ref: RelationRef, selectSql: string): string;
  /** INSERT INTO … (columns) <select>. */
  insertIntoSelect(ref: RelationRef, columns: string[], selectSql: string): string;
  /** CAST(expression AS type); type as getColumns reports it or from `types`. */
  castAs(expression: string, type: string): string;
}

/** Raised by execute when its AbortSignal fires. */
export class CancelledError extends Error {
  constructor(message = 'query cancelled') {
    super(message);
    this.name = 'CancelledError';
  }
}

/** A database error with the statement that raised it, for "model x failed: <engine message>" reports. */
export class DatabaseError extends Error {
  readonly sql: string;
  constructor(message: string, sql: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'DatabaseError';
    this.sql = sql;
  }
}
