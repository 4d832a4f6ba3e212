// What run_query() and load_result() return: a small stand-in for dbt's agate.Table, with the parts
// dbt projects use — table.rows, table.columns, table.columns[0].values(), table.column_names,
// rows indexed by position or column name, len(table), print_table().
import type { QueryResult } from '../warehouse/adapter.js';
import { pyfunction } from '../jinja/api.js';

/** A row: row[0] by position, row['name'] / row.name by column, iterable and len()-able like agate's. */
export class QueryRow {
  [key: string]: unknown;
  constructor(names: string[], values: unknown[]) {
    values.forEach((v, i) => {
      this[names[i]!] = v;
    });
    Object.defineProperty(this, '__values', { value: values, enumerable: false });
  }
  __getitem__(key: unknown): unknown {
    const values = this.__values as unknown[];
    if (typeof key === 'number') return values[key < 0 ? values.length + key : key];
    return this[String(key)];
  }
  __len__(): number {
    return (this.__values as unknown[]).length;
  }
  [Symbol.iterator]() {
    return (this.__values as unknown[])[Symbol.iterator]();
  }
}

export class QueryColumn {
  constructor(readonly name: string, readonly data_type: string, private readonly columnValues: unknown[]) {}
  get values() {
    return pyfunction(() => this.columnValues, 'values');
  }
  [Symbol.iterator]() {
    return this.columnValues[Symbol.iterator]();
  }
}

export class QueryTable {
  readonly column_names: string[];
  readonly column_types: string[];
  readonly rows: QueryRow[];
  readonly columns: QueryColumn[] & Record<string, QueryColumn>;

  constructor(result: QueryResult) {
    this.column_names = result.columns.map((c) => c.name);
    this.column_types = result.columns.map((c) => c.dataType);
    this.rows = result.rows.map((r) => new QueryRow(this.column_names, r));
    const cols = result.columns.map((c, i) => new QueryColumn(c.name, c.dataType, result.rows.map((r) => r[i]))) as QueryColumn[] & Record<string, QueryColumn>;
    for (const c of [...cols]) Object.defineProperty(cols, c.name, { value: c, enumerable: false });
    this.columns = cols;
  }

  get length(): number {
    return this.rows.length;
  }

  [Symbol.iterator]() {
    return this.rows[Symbol.iterator]();
  }

  get print_table() {
    return pyfunction(() => {
      const lines = [this.column_names.join(' | ')];
      for (const r of this.rows.slice(0, 20)) lines.push(this.column_names.map((n) => String(r[n])).join(' | '));
      process.stdout.write(lines.join('\n') + '\n');
      return '';
    }, 'print_table');
  }
}
