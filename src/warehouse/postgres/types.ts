// pg's text → JS parsers for the rule of ../values.ts, installed on this adapter's clients only (the
// pool's `types` option), never globally, so other pg users in the process are unaffected.
import pg, { type CustomTypesConfig } from 'pg';
import { integerValue } from '../values.js';

const OID = {
  bool: 16, bytea: 17, int8: 20, int2: 21, int4: 23, text: 25, json: 114, float4: 700, float8: 701,
  bpchar: 1042, varchar: 1043, date: 1082, time: 1083, timestamp: 1114, timestamptz: 1184, interval: 1186,
  numeric: 1700, uuid: 2950, jsonb: 3802,
  int8Array: 1016, numericArray: 1231, dateArray: 1182, timestampArray: 1115, timestamptzArray: 1185, textArray: 1009,
  jsonArray: 199, jsonbArray: 3807, intervalArray: 1187,
} as const;

const asText = (s: string): string => s;
const asInteger = (s: string): number | bigint => integerValue(BigInt(s));
const asNumber = (s: string): number => Number(s);

const textArray = pg.types.getTypeParser(OID.textArray as never) as (s: string) => (string | null)[];
const arrayOf = (item: (s: string) => unknown) => (s: string) => textArray(s).map((v) => (v === null ? null : item(v)));

const PARSERS = new Map<number, (s: string) => unknown>([
  [OID.int8, asInteger],
  [OID.numeric, asNumber],
  [OID.date, asText],
  [OID.timestamp, asText],
  [OID.timestamptz, asText],
  [OID.interval, asText],
  [OID.json, asText],
  [OID.jsonb, asText],
  [OID.int8Array, arrayOf(asInteger)],
  [OID.numericArray, arrayOf(asNumber)],
  [OID.dateArray, arrayOf(asText)],
  [OID.timestampArray, arrayOf(asText)],
  [OID.timestamptzArray, arrayOf(asText)],
  [OID.intervalArray, arrayOf(asText)],
  [OID.jsonArray, arrayOf(asText)],
  [OID.jsonbArray, arrayOf(asText)],
]);

export const martflowTypes: CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (format !== 'binary') {
      const parser = PARSERS.get(oid);
      if (parser) return parser;
    }
    return pg.types.getTypeParser(oid, format as 'text');
  }) as CustomTypesConfig['getTypeParser'],
};

/** format_type() names of the common result types, so most results need no catalog lookup. */
export const KNOWN_TYPE_NAMES = new Map<number, string>([
  [OID.bool, 'boolean'], [OID.bytea, 'bytea'], [OID.int8, 'bigint'], [OID.int2, 'smallint'], [OID.int4, 'integer'],
  [OID.text, 'text'], [OID.json, 'json'], [OID.float4, 'real'], [OID.float8, 'double precision'],
  [OID.bpchar, 'character'], [OID.varchar, 'character varying'], [OID.date, 'date'],
  [OID.time, 'time without time zone'], [OID.timestamp, 'timestamp without time zone'],
  [OID.timestamptz, 'timestamp with time zone'], [OID.interval, 'interval'], [OID.numeric, 'numeric'],
  [OID.uuid, 'uuid'], [OID.jsonb, 'jsonb'], [19, 'name'], [26, 'oid'], [18, '"char"'],
]);
