// JS values → DuckDB values, for bound parameters and for the appender. The appender does not cast,
// so strings ('2024-01-02', '12.50', 'true') are parsed here into the column's type; everything else
// goes through the library's JSToDuckDBValueConverter.
import type { DuckDBDecimalType, DuckDBType, DuckDBValue, ToDuckDBValueConverter } from '@duckdb/node-api';
import { duckdb } from './duckdb-api.js';
import { formatUtcTimestamp, valueAsText } from '../values.js';

const {
  DuckDBTypeId,
  JSToDuckDBValueConverter,
  TIMESTAMP,
  blobValue,
  dateValue,
  decimalValue,
  jsToDuckDBValue,
  timeValue,
  timestampMillisValue,
  timestampNanosValue,
  timestampSecondsValue,
  timestampTZValue,
  timestampValue,
} = duckdb;

/** A bound parameter: Dates as TIMESTAMP (UTC), bytes as BLOB; the rest is inferred by DuckDB. */
export function paramToDuckDB(value: unknown): DuckDBValue {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return jsToDuckDBValue(value, TIMESTAMP);
  if (value instanceof Uint8Array) return blobValue(value);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return value;
  return valueAsText(value);
}

const INTEGER_IDS = new Set([
  DuckDBTypeId.TINYINT, DuckDBTypeId.SMALLINT, DuckDBTypeId.INTEGER, DuckDBTypeId.UTINYINT,
  DuckDBTypeId.USMALLINT, DuckDBTypeId.UINTEGER,
]);
const BIG_INTEGER_IDS = new Set([DuckDBTypeId.BIGINT, DuckDBTypeId.UBIGINT, DuckDBTypeId.HUGEINT, DuckDBTypeId.UHUGEINT]);
const TIMESTAMP_IDS = new Set([
  DuckDBTypeId.TIMESTAMP, DuckDBTypeId.TIMESTAMP_TZ, DuckDBTypeId.TIMESTAMP_S, DuckDBTypeId.TIMESTAMP_MS, DuckDBTypeId.TIMESTAMP_NS,
]);
const TEXT_IDS = new Set([DuckDBTypeId.VARCHAR, DuckDBTypeId.ENUM, DuckDBTypeId.UUID]);

const DATE_RE = /^(-?\d{1,6})-(\d{1,2})-(\d{1,2})$/;
const TIMESTAMP_RE = /^(-?\d{1,6})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const TIME_RE = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?$/;
// PostgreSQL's boolean spellings, so a load behaves the same on both engines.
const TRUE_WORDS = new Set(['true', 't', '1', 'yes', 'y', 'on']);
const FALSE_WORDS = new Set(['false', 'f', '0', 'no', 'n', 'off']);

/** A value that cannot be converted to its column's type; the bulk loader adds row and column. */
export class ConversionError extends Error {}

function bad(text: string, type: DuckDBType): never {
  throw new ConversionError(`cannot convert '${text}' to ${type.toString()}`);
}

/** Days since 1970-01-01 of a proleptic Gregorian date. */
function epochDays(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return Math.round(d.getTime() / 86_400_000);
}

function timestampMicros(text: string, type: DuckDBType): bigint {
  const m = TIMESTAMP_RE.exec(text);
  if (!m) bad(text, type);
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone] = m;
  let micros = BigInt(epochDays(Number(y), Number(mo), Number(d))) * 86_400_000_000n;
  micros += BigInt((Number(h) * 3600 + Number(mi) * 60 + Number(s)) * 1_000_000);
  micros += BigInt(frac.padEnd(6, '0').slice(0, 6) || '0');
  if (zone && zone.toUpperCase() !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0');
    micros -= BigInt(sign * minutes * 60_000_000); // to UTC
  }
  return micros;
}

/** '12.345' → scaled bigint for DECIMAL(width, scale), rounding half away from zero. */
function scaledDecimal(text: string, type: DuckDBDecimalType): bigint | number {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text);
  if (!m || (m[2] === '' && !m[3])) {
    const n = Number(text);
    if (Number.isNaN(n)) bad(text, type);
    return n; // exponent forms: the library scales the double
  }
  const [, sign, whole, frac = ''] = m;
  const kept = frac.slice(0, type.scale).padEnd(type.scale, '0');
  let scaled = BigInt((whole || '0') + kept);
  if (frac.length > type.scale && Number(frac[type.scale]) >= 5) scaled += 1n;
  return sign === '-' ? -scaled : scaled;
}

/** A string parsed into what JSToDuckDBValueConverter accepts for `type`. */
function parseText(text: string, type: DuckDBType): unknown {
  const t = text.trim();
  const id = type.typeId;
  if (INTEGER_IDS.has(id)) {
    if (!/^[+-]?\d+$/.test(t)) bad(text, type);
    return Number(t);
  }
  if (BIG_INTEGER_IDS.has(id)) {
    if (!/^[+-]?\d+$/.test(t)) bad(text, type);
    return BigInt(t);
  }
  if (id === DuckDBTypeId.FLOAT || id === DuckDBTypeId.DOUBLE) {
    const n = /^[+-]?(inf|infinity)$/i.test(t) ? (t.startsWith('-') ? -Infinity : Infinity) : Number(t);
    if (Number.isNaN(n) && !/^nan$/i.test(t)) bad(text, type);
    return n;
  }
  if (id === DuckDBTypeId.DECIMAL) return scaledDecimal(t, type as DuckDBDecimalType);
  if (id === DuckDBTypeId.BOOLEAN) {
    const w = t.toLowerCase();
    if (TRUE_WORDS.has(w)) return true;
    if (FALSE_WORDS.has(w)) return false;
    bad(text, type);
  }
  if (id === DuckDBTypeId.DATE) {
    const m = DATE_RE.exec(t) ?? TIMESTAMP_RE.exec(t);
    if (!m) bad(text, type);
    return dateValue(epochDays(Number(m[1]), Number(m[2]), Number(m[3])));
  }
  if (TIMESTAMP_IDS.has(id)) return timestampMicros(t, type);
  if (id === DuckDBTypeId.TIME) {
    const m = TIME_RE.exec(t);
    if (!m) bad(text, type);
    const [, h, mi, s = '0', frac = ''] = m;
    return timeValue(BigInt((Number(h) * 3600 + Number(mi) * 60 + Number(s)) * 1_000_000) + BigInt(frac.padEnd(6, '0') || '0'));
  }
  if (id === DuckDBTypeId.BLOB) return new TextEncoder().encode(text);
  bad(text, type);
}

/** Converts one value for a column of `type`, accepting strings for any scalar type. */
export const appenderConverter: ToDuckDBValueConverter<unknown> = (value, type, self) => {
  if (value === null || value === undefined) return null;
  const id = type.typeId;
  if (TEXT_IDS.has(id)) return typeof value === 'string' ? value : value instanceof Date ? formatUtcTimestamp(value) : valueAsText(value);
  if (typeof value === 'string') {
    const parsed = parseText(value, type);
    if (typeof parsed === 'bigint' && TIMESTAMP_IDS.has(id)) return timestampFor(parsed, type);
    if (parsed !== null && typeof parsed === 'object' && !(parsed instanceof Uint8Array)) return parsed as DuckDBValue; // already a DuckDB value
    return JSToDuckDBValueConverter(parsed as never, type, self as never);
  }
  if (typeof value === 'bigint' && INTEGER_IDS.has(id)) return Number(value);
  // Round from the shortest decimal spelling, as PostgreSQL does (1.005 → 1.01, not the double's 1.00).
  if (typeof value === 'number' && id === DuckDBTypeId.DECIMAL && Number.isFinite(value)) return appenderConverter(String(value), type, self);
  // The library reads a bigint for DECIMAL as the raw scaled value; a JS bigint here is a whole number.
  if (typeof value === 'bigint' && id === DuckDBTypeId.DECIMAL) return decimalValue(value * 10n ** BigInt((type as DuckDBDecimalType).scale), (type as DuckDBDecimalType).width, (type as DuckDBDecimalType).scale);
  if (typeof value === 'bigint' && (id === DuckDBTypeId.DOUBLE || id === DuckDBTypeId.FLOAT)) return Number(value);
  if (typeof value === 'number' && id === DuckDBTypeId.BOOLEAN) return value !== 0;
  return JSToDuckDBValueConverter(value as never, type, self as never);
};

/** Microseconds since the epoch as the column's timestamp flavour. */
function timestampFor(micros: bigint, type: DuckDBType): DuckDBValue {
  switch (type.typeId) {
    case DuckDBTypeId.TIMESTAMP_TZ:
      return timestampTZValue(micros);
    case DuckDBTypeId.TIMESTAMP_S:
      return timestampSecondsValue(micros / 1_000_000n);
    case DuckDBTypeId.TIMESTAMP_MS:
      return timestampMillisValue(micros / 1000n);
    case DuckDBTypeId.TIMESTAMP_NS:
      return timestampNanosValue(micros * 1000n);
    default:
      return timestampValue(micros);
  }
}

const CACHE_LIMIT = 4096;

/** Memoises a string parser: dates and timestamps repeat a lot in loaded data. */
function cached(convert: (value: unknown) => DuckDBValue): (value: unknown) => DuckDBValue {
  const memo = new Map<string, DuckDBValue>();
  return (value) => {
    if (typeof value !== 'string') return convert(value);
    let hit = memo.get(value);
    if (hit === undefined) {
      hit = convert(value);
      if (memo.size >= CACHE_LIMIT) memo.clear();
      memo.set(value, hit);
    }
    return hit;
  };
}

/**
 * The converter for one column, chosen once per load: the common JS type of each column type takes
 * a direct path, everything else goes through appenderConverter.
 */
export function columnConverter(type: DuckDBType): (value: unknown) => DuckDBValue {
  const general = (value: unknown): DuckDBValue => appenderConverter(value, type, appenderConverter);
  const id = type.typeId;
  if (TEXT_IDS.has(id)) return (v) => (typeof v === 'string' ? v : general(v));
  if (id === DuckDBTypeId.BOOLEAN) return (v) => (typeof v === 'boolean' ? v : general(v));
  if (INTEGER_IDS.has(id) || id === DuckDBTypeId.DOUBLE || id === DuckDBTypeId.FLOAT) return (v) => (typeof v === 'number' ? v : general(v));
  if (BIG_INTEGER_IDS.has(id)) return (v) => (typeof v === 'bigint' ? v : typeof v === 'number' && Number.isInteger(v) ? BigInt(v) : general(v));
  if (id === DuckDBTypeId.DATE || TIMESTAMP_IDS.has(id)) return cached(general);
  return general;
}
