// The SQL both engines spell the same way (ANSI quoting, IS NOT DISTINCT FROM, CREATE … AS).
// An engine's dialect.ts extends this and overrides only what differs, like Kysely's dialects.
import type { Dialect, RelationInfo, RelationRef, RelationType } from './adapter.js';

export abstract class StandardDialect implements Dialect {
  abstract readonly types: Dialect['types'];
  /** Words that must be quoted when used as identifiers (the engine's reserved keywords). */
  protected abstract readonly reservedWords: ReadonlySet<string>;
  /** Identifiers the engine keeps as written without quotes. */
  protected abstract readonly plainIdentifier: RegExp;

  quoteIdentifier(name: string): string {
    return name.includes('"') ? `"${name.replaceAll('"', '""')}"` : `"${name}"`;
  }

  quoteString(value: string): string {
    return `'${value.replaceAll("'", "''")}'`;
  }

  needsQuoting(name: string): boolean {
    return !this.plainIdentifier.test(name) || this.reservedWords.has(name.toLowerCase());
  }

  quoteIdentifierIfNeeded(name: string): string {
    return this.needsQuoting(name) ? this.quoteIdentifier(name) : name;
  }

  relation(ref: RelationRef): string {
    const name = `${this.quoteIdentifier(ref.schema)}.${this.quoteIdentifier(ref.identifier)}`;
    return ref.database ? `${this.quoteIdentifier(ref.database)}.${name}` : name;
  }

  protected schemaName(schema: string, database: string | null): string {
    return database ? `${this.quoteIdentifier(database)}.${this.quoteIdentifier(schema)}` : this.quoteIdentifier(schema);
  }

  nullSafeEquals(left: string, right: string): string {
    return `(${left}) IS NOT DISTINCT FROM (${right})`;
  }

  createSchemaIfNotExists(schema: string, database: string | null): string {
    return `CREATE SCHEMA IF NOT EXISTS ${this.schemaName(schema, database)}`;
  }

  dropSchemaCascade(schema: string, database: string | null): string {
    return `DROP SCHEMA IF EXISTS ${this.schemaName(schema, database)} CASCADE`;
  }

  protected relationKeyword(type: RelationType): string {
    switch (type) {
      case 'view':
        return 'VIEW';
      case 'materialized_view':
        return 'MATERIALIZED VIEW';
      case 'external':
        return 'FOREIGN TABLE';
      default:
        return 'TABLE';
    }
  }

  renameRelation(from: RelationInfo, toIdentifier: string): string {
    return `ALTER ${this.relationKeyword(from.type)} ${this.relation(from)} RENAME TO ${this.quoteIdentifier(toIdentifier)}`;
  }

  dropRelationIfExists(ref: RelationRef, type: RelationType): string {
    return `DROP ${this.relationKeyword(type)} IF EXISTS ${this.relation(ref)} CASCADE`;
  }

  createTableAs(ref: RelationRef, selectSql: string): string {
    return `CREATE TABLE ${this.relation(ref)} AS (\n${selectSql}\n)`;
  }

  createViewAs(ref: RelationRef, selectSql: string): string {
    return `CREATE VIEW ${this.relation(ref)} AS (\n${selectSql}\n)`;
  }

  insertIntoSelect(ref: RelationRef, columns: string[], selectSql: string): string {
    const cols = columns.map((c) => this.quoteIdentifier(c)).join(', ');
    return `INSERT INTO ${this.relation(ref)} (${cols})\n${selectSql}`;
  }

  castAs(expression: string, type: string): string {
    return `CAST(${expression} AS ${type})`;
  }
}
