// What martflow prints. Text for people (dbt-like timestamped lines, colour when stdout is a terminal)
// or one JSON object per line for machines (--log-format json). Every line also goes to logs/martflow.log
// once the project's log path is known.
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { dirname } from 'node:path';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface LoggerOptions {
  format: 'text' | 'json';
  quiet: boolean;
  color: boolean;
  /** Where debug-level lines go too; they are never printed unless debug is on. */
  debug?: boolean;
}

const COLORS = { red: 31, green: 32, yellow: 33, cyan: 36, grey: 90 } as const;
export type Color = keyof typeof COLORS;

export class Logger {
  private logFile: WriteStream | null = null;

  constructor(readonly options: LoggerOptions, private readonly out: NodeJS.WritableStream = process.stdout) {}

  /** Starts appending every line to this file (logs/martflow.log). */
  setLogFile(path: string): void {
    try {
      mkdirSync(dirname(path), { recursive: true });
      // Buffered and asynchronous: a run logs thousands of lines; the stream drains before exit.
      const stream = createWriteStream(path, { flags: 'a' });
      stream.on('error', () => {
        this.logFile = null; // an unwritable log file must not stop a run
      });
      this.logFile?.end();
      this.logFile = stream;
    } catch {
      this.logFile = null;
    }
  }

  /** Flushes and closes the log file. */
  close(): Promise<void> {
    const f = this.logFile;
    this.logFile = null;
    return f ? new Promise((resolve) => f.end(resolve)) : Promise.resolve();
  }

  paint(text: string, color: Color): string {
    return this.options.color ? `\u001b[${COLORS[color]}m${text}\u001b[0m` : text;
  }

  /** Prints a line. `data` is attached to the JSON form; `always` prints even with --quiet (results, errors). */
  log(level: LogLevel, message: string, data?: Record<string, unknown>, always = false): void {
    const now = new Date();
    this.logFile?.write(`${now.toISOString()} [${level}] ${stripAnsi(message)}${data ? ' ' + safeJson(data) : ''}\n`);
    if (level === 'debug' && !this.options.debug) return;
    if (this.options.quiet && !always && level !== 'error') return;
    if (this.options.format === 'json') {
      this.out.write(safeJson({ ts: now.toISOString(), level, msg: stripAnsi(message), ...(data ? { data } : {}) }) + '\n');
    } else {
      const time = now.toTimeString().slice(0, 8);
      this.out.write(`${this.options.color ? this.paint(time, 'grey') : time}  ${message}\n`);
    }
  }

  info(message: string, data?: Record<string, unknown>): void {
    this.log('info', message, data);
  }
  warn(message: string, data?: Record<string, unknown>): void {
    this.log('warn', this.paint('Warning: ', 'yellow') + message, data, true);
  }
  error(message: string, data?: Record<string, unknown>): void {
    this.log('error', message, data, true);
  }
  debug(message: string, data?: Record<string, unknown>): void {
    this.log('debug', message, data);
  }

  /** Raw output for commands whose output is data (ls, show, compile --inline): never timestamped. */
  result(text: string): void {
    this.out.write(text.endsWith('\n') ? text : text + '\n');
  }
}

export function stripAnsi(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/\u001b\[[0-9;]*m/g, '');
}

function safeJson(v: unknown): string {
  return JSON.stringify(v, (_k, value) => (typeof value === 'bigint' ? value.toString() : value));
}
