// PostgreSQL's SQL where it differs from the standard. Unquoted identifiers fold to lower case, so
// any upper-case letter needs quotes; reserved words come from pg_get_keywords().
import { StandardDialect } from '../standard-dialect.js';

// select word from pg_get_keywords() where catcode in ('R', 'T')  (PostgreSQL 15): type/function-name
// keywords ('join', 'left', 'is') cannot name a column unquoted either.
const RESERVED = new Set(
  ('all analyse analyze and any array as asc asymmetric both case cast check collate column constraint create ' +
    'current_catalog current_date current_role current_time current_timestamp current_user default deferrable desc ' +
    'distinct do else end except false fetch for foreign from grant group having in initially intersect into lateral ' +
    'leading limit localtime localtimestamp not null offset on only or order placing primary references returning ' +
    'select session_user some symmetric table then to trailing true union unique user using variadic when where window with ' +
    'authorization binary collation concurrently cross current_schema freeze full ilike inner is isnull join left like ' +
    'natural notnull outer overlaps right similar tablesample verbose').split(' '),
);

export class PostgresDialect extends StandardDialect {
  readonly types = {
    string: 'text',
    integer: 'integer',
    bigint: 'bigint',
    float: 'double precision',
    numeric: 'numeric',
    boolean: 'boolean',
    timestamp: 'timestamp',
    date: 'date',
  };
  protected readonly reservedWords = RESERVED;
  protected readonly plainIdentifier = /^[a-z_][a-z0-9_$]*$/;

  /** A schema belongs to the connected database; PostgreSQL does not accept "db"."schema" there. */
  protected override schemaName(schema: string, _database: string | null): string {
    return this.quoteIdentifier(schema);
  }
}
