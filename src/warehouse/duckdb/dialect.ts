// DuckDB's SQL where it differs from the standard. Identifiers are case-insensitive even when
// quoted, so mixed case needs no quotes; reserved words come from duckdb_keywords().
import { StandardDialect } from '../standard-dialect.js';

// select keyword_name from duckdb_keywords() where keyword_category in ('reserved', 'type_function')  (DuckDB 1.5):
// type_function keywords cannot name a column unquoted either ("at", "join", "map").
const RESERVED = new Set(
  ('all analyse analyze and any array as asc asymmetric both case cast check collate column constraint create default ' +
    'deferrable desc describe distinct do else end except false fetch for foreign from group having in initially ' +
    'intersect into lambda lateral leading limit not null offset on only or order pivot pivot_longer pivot_wider placing ' +
    'primary qualify references returning select show some summarize symmetric table then to trailing true union ' +
    'unique unpivot using variadic when where window with ' +
    'anti asof at authorization binary by collation columns concurrently cross freeze full generated glob ilike inner is ' +
    'isnull join left like map natural notnull outer overlaps positional right semi similar struct tablesample try_cast ' +
    'unpack verbose').split(' '),
);

export class DuckDBDialect extends StandardDialect {
  readonly types = {
    string: 'VARCHAR',
    integer: 'INTEGER',
    bigint: 'BIGINT',
    float: 'DOUBLE',
    numeric: 'DECIMAL(28,6)',
    boolean: 'BOOLEAN',
    timestamp: 'TIMESTAMP',
    date: 'DATE',
  };
  protected readonly reservedWords = RESERVED;
  protected readonly plainIdentifier = /^[A-Za-z_][A-Za-z0-9_]*$/;
}
