// The one rule for values crossing the adapter, applied the same way on every engine, so a model's
// results, a seed's load and a test's assertion do not depend on which warehouse ran them.
//
//   SQL type                     JS value
//   integers (any width)         number; bigint when beyond Number.MAX_SAFE_INTEGER
//   DECIMAL / NUMERIC            number (a double: exact to ~15 significant digits)
//   REAL / DOUBLE                number (NaN, ±Infinity included)
//   BOOLEAN                      boolean
//   text types, UUID, JSON       string (JSON is not parsed)
//   DATE                         'YYYY-MM-DD'
//   TIMESTAMP                    'YYYY-MM-DD HH:MM:SS[.ffffff]'   (no zone; fraction without trailing zeros)
//   TIMESTAMPTZ                  'YYYY-MM-DD HH:MM:SS[.ffffff]+00' (always in UTC)
//   TIME, INTERVAL               string, as the engine prints it
//   BLOB / bytea                 Uint8Array
//   lists / arrays               arrays of converted values
//   NULL                         null
//
// Dates and timestamps are strings, not Date objects: they are exact to the microsecond, carry no
// local-time surprises, print the way dbt prints them, and go back into SQL as literals or params.
// `new Date(s)` parses every timestamp form above when a caller wants a Date.

/** number when it round-trips exactly, else the bigint. */
export function integerValue(value: bigint): number | bigint {
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
}

/** '03:04:05.120000' → '03:04:05.12'; '03:04:05.000' → '03:04:05'. Leaves other text alone. */
export function trimFraction(text: string): string {
  return text.replace(/(\d{2}:\d{2}:\d{2})\.(\d*?)0+(?=$|[+\-Z ])/, (_m, hms: string, digits: string) =>
    digits.length > 0 ? `${hms}.${digits}` : hms,
  );
}

/** A Date as the TIMESTAMP string of the rule above, in UTC. */
export function formatUtcTimestamp(date: Date): string {
  return trimFraction(date.toISOString().replace('T', ' ').replace('Z', ''));
}

/** A JS value as text an engine will cast to any column type (for COPY and string staging). */
export function valueAsText(value: unknown): string {
  if (value instanceof Date) return formatUtcTimestamp(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (value instanceof Uint8Array) return Buffer.from(value).toString('hex');
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}

const ZONED_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)$/i;

/**
 * A timestamp string with a zone ('…+02:00', '…Z') as the zone-free UTC TIMESTAMP string, or null when
 * it has no zone. Loading into a TIMESTAMP column converts to UTC on every engine (PostgreSQL alone
 * would drop the offset).
 */
export function zonedToUtcTimestamp(text: string): string | null {
  const m = ZONED_TIMESTAMP.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s = '0', frac = '', zone] = m;
  let offsetMinutes = 0;
  if (zone.toUpperCase() !== 'Z') {
    const digits = zone.slice(1).replace(':', '');
    offsetMinutes = (zone.startsWith('-') ? -1 : 1) * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0'));
  }
  const utc = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) - offsetMinutes * 60_000);
  const whole = utc.toISOString().slice(0, 19).replace('T', ' ');
  return trimFraction(frac ? `${whole}.${frac}` : whole);
}
