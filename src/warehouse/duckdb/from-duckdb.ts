// DuckDB result values → the JS values of ../values.ts.
import type { DuckDBValue } from '@duckdb/node-api';
import { duckdb } from './duckdb-api.js';
import { integerValue, trimFraction } from '../values.js';

const {
  DuckDBArrayValue,
  DuckDBBlobValue,
  DuckDBDecimalValue,
  DuckDBListValue,
  DuckDBMapValue,
  DuckDBStructValue,
  DuckDBTimestampMillisecondsValue,
  DuckDBTimestampNanosecondsValue,
  DuckDBTimestampSecondsValue,
  DuckDBTimestampTZValue,
  DuckDBTimestampValue,
} = duckdb;

function timestampText(value: { toString(): string }): string {
  return trimFraction(value.toString());
}

export function fromDuckDB(value: DuckDBValue): unknown {
  if (value === null) return null;
  switch (typeof value) {
    case 'bigint':
      return integerValue(value);
    case 'number':
    case 'string':
    case 'boolean':
      return value;
  }
  if (value instanceof DuckDBDecimalValue) return value.toDouble();
  if (value instanceof DuckDBTimestampTZValue) {
    // Printed in UTC whatever the process's zone: the micros are UTC, render them as a plain timestamp.
    return `${timestampText(new DuckDBTimestampValue(value.micros))}+00`;
  }
  if (
    value instanceof DuckDBTimestampValue ||
    value instanceof DuckDBTimestampSecondsValue ||
    value instanceof DuckDBTimestampMillisecondsValue ||
    value instanceof DuckDBTimestampNanosecondsValue
  ) {
    return timestampText(value);
  }
  if (value instanceof DuckDBBlobValue) return value.bytes;
  if (value instanceof DuckDBListValue || value instanceof DuckDBArrayValue) return value.items.map(fromDuckDB);
  if (value instanceof DuckDBStructValue) {
    return Object.fromEntries(Object.entries(value.entries).map(([k, v]) => [k, fromDuckDB(v)]));
  }
  if (value instanceof DuckDBMapValue) return value.entries.map((e) => ({ key: fromDuckDB(e.key), value: fromDuckDB(e.value) }));
  // DATE, TIME, INTERVAL, UUID, BIT, ENUM-like values print as the engine spells them.
  return String(value);
}
