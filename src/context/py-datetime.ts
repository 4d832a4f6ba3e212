// modules.datetime for templates: datetime, date and timedelta with the Python behaviour dbt projects
// rely on (str(), isoformat, strftime, strptime, arithmetic through __add__/__sub__). Times are kept in
// UTC; a datetime is "aware" (+00:00) only when made so (run_started_at, now(timezone.utc)).
import { pyfunction, type Kwargs } from '../jinja/api.js';

const pad = (n: number, w = 2) => String(Math.trunc(n)).padStart(w, '0');
const DAY_MS = 86_400_000;
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export class PyTimedelta {
  /** Whole duration in microseconds. */
  constructor(readonly micros: number) {}
  static fromKwargs(args: unknown[], kw: Kwargs): PyTimedelta {
    const n = (k: string, i: number) => Number(kw[k] ?? args[i] ?? 0);
    const ms = n('days', 0) * DAY_MS + n('seconds', 1) * 1000 + n('microseconds', 2) / 1000 + n('milliseconds', 3) + n('minutes', 4) * 60_000 + n('hours', 5) * 3_600_000 + n('weeks', 6) * 7 * DAY_MS;
    return new PyTimedelta(Math.round(ms * 1000));
  }
  get days(): number {
    return Math.floor(this.micros / (DAY_MS * 1000));
  }
  get seconds(): number {
    return Math.floor((this.micros - this.days * DAY_MS * 1000) / 1e6);
  }
  get total_seconds() {
    return pyfunction(() => this.micros / 1e6, 'total_seconds');
  }
  __add__(o: unknown) {
    return o instanceof PyTimedelta ? new PyTimedelta(this.micros + o.micros) : o instanceof PyDate ? o.__add__(this) : undefined;
  }
  __sub__(o: unknown) {
    return o instanceof PyTimedelta ? new PyTimedelta(this.micros - o.micros) : undefined;
  }
  __mul__(o: unknown) {
    return typeof o === 'number' ? new PyTimedelta(Math.round(this.micros * o)) : undefined;
  }
  toString(): string {
    const d = this.days;
    const rest = this.micros - d * DAY_MS * 1000;
    const s = Math.floor(rest / 1e6);
    const us = rest % 1e6;
    const hms = `${Math.floor(s / 3600)}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}${us ? '.' + pad(us, 6) : ''}`;
    return d ? `${d} day${Math.abs(d) === 1 ? '' : 's'}, ${hms}` : hms;
  }
}

/** A date (time part zero); PyDatetime extends it. `ms` is epoch milliseconds UTC, `us` extra microseconds. */
export class PyDate {
  constructor(readonly ms: number, readonly us = 0, readonly aware = false) {}
  protected get d(): Date {
    return new Date(this.ms);
  }
  get year() { return this.d.getUTCFullYear(); }
  get month() { return this.d.getUTCMonth() + 1; }
  get day() { return this.d.getUTCDate(); }
  protected make(ms: number, us = 0): PyDate {
    return new PyDate(Math.floor(ms / DAY_MS) * DAY_MS, us, false);
  }
  get weekday() { return pyfunction(() => (this.d.getUTCDay() + 6) % 7, 'weekday'); }
  get isoweekday() { return pyfunction(() => ((this.d.getUTCDay() + 6) % 7) + 1, 'isoweekday'); }
  get isoformat() { return pyfunction(() => this.toString(), 'isoformat'); }
  get strftime() { return pyfunction((a) => strftime(this, String(a[0])), 'strftime'); }
  get replace() {
    return pyfunction((_a, kw) => {
      const d = this.d;
      const ms = Date.UTC(Number(kw.year ?? d.getUTCFullYear()), Number(kw.month ?? d.getUTCMonth() + 1) - 1, Number(kw.day ?? d.getUTCDate()), Number(kw.hour ?? d.getUTCHours()), Number(kw.minute ?? d.getUTCMinutes()), Number(kw.second ?? d.getUTCSeconds()), Math.floor(Number(kw.microsecond ?? (d.getUTCMilliseconds() * 1000 + this.us)) / 1000));
      const us = kw.microsecond !== undefined ? Number(kw.microsecond) % 1000 : this.us;
      return this.make(ms, us);
    }, 'replace');
  }
  __add__(o: unknown) {
    if (!(o instanceof PyTimedelta)) return undefined;
    const total = this.ms * 1000 + this.us + o.micros;
    return this.make(Math.floor(total / 1000), ((total % 1000) + 1000) % 1000);
  }
  __sub__(o: unknown) {
    if (o instanceof PyTimedelta) return this.__add__(new PyTimedelta(-o.micros));
    if (o instanceof PyDate) return new PyTimedelta(this.ms * 1000 + this.us - (o.ms * 1000 + o.us));
    return undefined;
  }
  __lt__(o: PyDate) { return this.ms * 1000 + this.us < o.ms * 1000 + o.us; }
  valueOf(): number { return this.ms; }
  toString(): string {
    return `${pad(this.year, 4)}-${pad(this.month)}-${pad(this.day)}`;
  }
}

export class PyDatetime extends PyDate {
  get hour() { return this.d.getUTCHours(); }
  get minute() { return this.d.getUTCMinutes(); }
  get second() { return this.d.getUTCSeconds(); }
  get microsecond() { return this.d.getUTCMilliseconds() * 1000 + this.us; }
  get tzinfo() { return this.aware ? 'UTC' : null; }
  protected override make(ms: number, us = 0): PyDatetime {
    return new PyDatetime(ms, us, this.aware);
  }
  get date() { return pyfunction(() => new PyDate(Math.floor(this.ms / DAY_MS) * DAY_MS), 'date'); }
  get timestamp() { return pyfunction(() => this.ms / 1000 + this.us / 1e6, 'timestamp'); }
  get astimezone() { return pyfunction(() => new PyDatetime(this.ms, this.us, true), 'astimezone'); }
  override get isoformat() {
    return pyfunction((a, kw) => this.format(String(kw.sep ?? a[0] ?? 'T')), 'isoformat');
  }
  private format(sep: string): string {
    const us = this.microsecond;
    return `${super.toString()}${sep}${pad(this.hour)}:${pad(this.minute)}:${pad(this.second)}${us ? '.' + pad(us, 6) : ''}${this.aware ? '+00:00' : ''}`;
  }
  override toString(): string {
    return this.format(' ');
  }
}

function strftime(v: PyDate, fmt: string): string {
  const dt = v instanceof PyDatetime ? v : null;
  const d = new Date(v.ms);
  const doy = Math.floor((v.ms - Date.UTC(d.getUTCFullYear(), 0, 1)) / DAY_MS) + 1;
  return fmt.replace(/%([a-zA-Z%])/g, (_m, c: string) => {
    switch (c) {
      case 'Y': return pad(v.year, 4);
      case 'y': return pad(v.year % 100);
      case 'm': return pad(v.month);
      case 'd': return pad(v.day);
      case 'H': return pad(dt?.hour ?? 0);
      case 'I': return pad(((dt?.hour ?? 0) + 11) % 12 + 1);
      case 'p': return (dt?.hour ?? 0) < 12 ? 'AM' : 'PM';
      case 'M': return pad(dt?.minute ?? 0);
      case 'S': return pad(dt?.second ?? 0);
      case 'f': return pad(dt?.microsecond ?? 0, 6);
      case 'j': return pad(doy, 3);
      case 'a': return WEEKDAYS[(d.getUTCDay() + 6) % 7]!.slice(0, 3);
      case 'A': return WEEKDAYS[(d.getUTCDay() + 6) % 7]!;
      case 'b': return MONTHS[v.month - 1]!.slice(0, 3);
      case 'B': return MONTHS[v.month - 1]!;
      case 'w': return String(d.getUTCDay());
      case 'z': return v.aware ? '+0000' : '';
      case 'Z': return v.aware ? 'UTC' : '';
      case '%': return '%';
      default: return `%${c}`;
    }
  });
}

function strptime(text: string, fmt: string): PyDatetime {
  const parts: Record<string, number> = { Y: 1900, m: 1, d: 1, H: 0, M: 0, S: 0, f: 0 };
  let re = '';
  const order: string[] = [];
  for (let i = 0; i < fmt.length; i++) {
    if (fmt[i] === '%' && i + 1 < fmt.length) {
      const c = fmt[++i]!;
      order.push(c);
      re += c === 'Y' ? '(\\d{4})' : c === 'f' ? '(\\d{1,6})' : c === '%' ? '%' : '(\\d{1,2})';
    } else re += fmt[i]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  const m = new RegExp(`^${re}$`).exec(text);
  if (!m) throw new Error(`time data '${text}' does not match format '${fmt}'`);
  order.filter((c) => c !== '%').forEach((c, i) => (parts[c] = c === 'f' ? Number(m[i + 1]!.padEnd(6, '0')) : Number(m[i + 1])));
  const ms = Date.UTC(parts.Y!, parts.m! - 1, parts.d!, parts.H!, parts.M!, parts.S!, Math.floor(parts.f! / 1000));
  return new PyDatetime(ms, parts.f! % 1000);
}

function fromIso(text: string, dateOnly: boolean): PyDate {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(text.trim());
  if (!m) throw new Error(`Invalid isoformat string: '${text}'`);
  const us = Number((m[7] ?? '0').padEnd(6, '0'));
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), Math.floor(us / 1000));
  return dateOnly ? new PyDate(ms) : new PyDatetime(ms, us % 1000, m[8] !== undefined);
}

function nowParts(): [number, number] {
  const ns = process.hrtime.bigint();
  void ns;
  return [Date.now(), 0];
}

export function createDatetimeModule(): Record<string, unknown> {
  const utc = { __tz__: 'UTC', toString: () => 'UTC' };
  const datetimeClass = Object.assign(
    pyfunction((a) => {
      const n = a.map(Number);
      return new PyDatetime(Date.UTC(n[0]!, (n[1] ?? 1) - 1, n[2] ?? 1, n[3] ?? 0, n[4] ?? 0, n[5] ?? 0, Math.floor((n[6] ?? 0) / 1000)), (n[6] ?? 0) % 1000);
    }, 'datetime'),
    {
      now: pyfunction((a, kw) => new PyDatetime(nowParts()[0], 0, (kw.tz ?? a[0]) != null), 'datetime.now'),
      utcnow: pyfunction(() => new PyDatetime(nowParts()[0]), 'datetime.utcnow'),
      today: pyfunction(() => new PyDatetime(nowParts()[0]), 'datetime.today'),
      strptime: pyfunction((a) => strptime(String(a[0]), String(a[1])), 'datetime.strptime'),
      fromisoformat: pyfunction((a) => fromIso(String(a[0]), false), 'datetime.fromisoformat'),
      fromtimestamp: pyfunction((a) => new PyDatetime(Number(a[0]) * 1000), 'datetime.fromtimestamp'),
    },
  );
  const dateClass = Object.assign(
    pyfunction((a) => new PyDate(Date.UTC(Number(a[0]), Number(a[1]) - 1, Number(a[2]))), 'date'),
    {
      today: pyfunction(() => new PyDate(Math.floor(Date.now() / DAY_MS) * DAY_MS), 'date.today'),
      fromisoformat: pyfunction((a) => fromIso(String(a[0]), true), 'date.fromisoformat'),
    },
  );
  return {
    datetime: datetimeClass,
    date: dateClass,
    timedelta: pyfunction((a, kw) => PyTimedelta.fromKwargs(a, kw), 'timedelta'),
    timezone: { utc },
  };
}

/** run_started_at as dbt gives it: an aware UTC datetime. */
export function pyDatetimeFromDate(d: Date, aware = true): PyDatetime {
  return new PyDatetime(d.getTime(), 0, aware);
}
