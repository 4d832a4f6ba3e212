// Reads a seed CSV into a header and rows of strings. Handles a BOM, CRLF, quoted fields and a
// configurable delimiter; a malformed row becomes a UserError naming the file and line.
import { parse } from 'csv-parse/sync';
import { UserError } from '../../util/errors.js';

export interface CsvTable {
  header: string[];
  /** Raw field text; '' is still '' here (type inference decides what is null). */
  rows: string[][];
}

interface CsvErrorLike {
  code?: string;
  message: string;
  record?: unknown[];
}

/** `file` is the path shown in errors (relative to the project root). */
export function readCsv(text: string, file: string, delimiter = ','): CsvTable {
  let records: string[][];
  // The line the last good record ended on: csv-parse reports where it stopped, not where the bad
  // record started (an unclosed quote runs to the end of the file).
  let lastGoodLine = 0;
  try {
    records = parse(text, {
      bom: true,
      delimiter,
      skip_empty_lines: true,
      relax_column_count: false,
      on_record: (record: string[], context: { lines: number }) => {
        lastGoodLine = context.lines;
        return record;
      },
    }) as string[][];
  } catch (e) {
    throw toUserError(e as CsvErrorLike, startLine(text, lastGoodLine), file);
  }
  const [header, ...rows] = records;
  if (!header || header.length === 0 || header.every((h) => h.trim() === '')) {
    throw new UserError('the seed has no header row', { location: { file, line: 1 }, hint: 'Put the column names on the first line.' });
  }
  const seen = new Set<string>();
  header.forEach((name, i) => {
    const key = name.trim().toLowerCase();
    if (key === '') throw new UserError(`column ${i + 1} of the header has no name`, { location: { file, line: 1 }, hint: 'Name every column in the header row.' });
    if (seen.has(key)) throw new UserError(`column '${name}' appears twice in the header`, { location: { file, line: 1 }, hint: 'Give each column a distinct name.' });
    seen.add(key);
  });
  return { header: header.map((h) => h.trim()), rows };
}

function toUserError(e: CsvErrorLike, line: number, file: string): UserError | CsvErrorLike {
  if (!e.code?.startsWith('CSV_')) return e;
  const location = { file, line };
  switch (e.code) {
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH': {
      const m = /expect (\d+), got (\d+)/u.exec(e.message);
      const [expected, found] = m ? [m[1], m[2]] : ['?', String(e.record?.length ?? '?')];
      return new UserError(`expected ${expected} fields, found ${found}`, {
        location,
        hint: 'Every row needs as many fields as the header; quote fields that contain the delimiter.',
        cause: e,
      });
    }
    case 'CSV_QUOTE_NOT_CLOSED':
      return new UserError('a quoted field is never closed', {
        location,
        hint: 'Close the quote, or double a quote character inside a quoted field ("").',
        cause: e,
      });
    case 'CSV_INVALID_CLOSING_QUOTE':
      return new UserError('a quoted field is followed by other characters', {
        location,
        hint: 'Quote the whole field, and double a quote character inside it ("").',
        cause: e,
      });
    default:
      return new UserError(e.message, { location, cause: e });
  }
}

/** The first non-blank line after the last good record: where the failing record starts. */
function startLine(text: string, lastGoodLine: number): number {
  const lines = text.split('\n');
  let line = lastGoodLine + 1;
  while (line <= lines.length && /^\r?$/u.test(lines[line - 1] ?? '')) line++;
  return line;
}
