// What both engines' connections share: statements run one at a time, and transaction() nests by
// joining the outer transaction (BEGIN once, COMMIT/ROLLBACK once, by the outermost caller).
import type { Connection, ExecuteOptions, QueryResult, RelationRef } from './adapter.js';

export abstract class BaseConnection implements Connection {
  private depth = 0;
  private queue: Promise<unknown> = Promise.resolve();

  /** Runs one statement on the engine; called one at a time. */
  protected abstract run(sql: string, options: ExecuteOptions): Promise<QueryResult>;
  protected abstract load(relation: RelationRef, columns: string[], rows: AsyncIterable<unknown[]> | Iterable<unknown[]>): Promise<number>;
  abstract release(): void;

  /** True while inside transaction(); engines use it to decide whether a load needs its own. */
  protected get inTransaction(): boolean {
    return this.depth > 0;
  }

  execute(sql: string, options: ExecuteOptions = {}): Promise<QueryResult> {
    return this.serialise(() => this.run(sql, options));
  }

  bulkInsert(relation: RelationRef, columns: string[], rows: AsyncIterable<unknown[]> | Iterable<unknown[]>): Promise<number> {
    return this.serialise(() => this.load(relation, columns, rows));
  }

  async transaction<T>(fn: (conn: Connection) => Promise<T>): Promise<T> {
    if (this.depth > 0) {
      this.depth++;
      try {
        return await fn(this);
      } finally {
        this.depth--;
      }
    }
    await this.execute('BEGIN');
    this.depth = 1;
    try {
      const result = await fn(this);
      this.depth = 0;
      await this.execute('COMMIT');
      return result;
    } catch (error) {
      this.depth = 0;
      try {
        await this.execute('ROLLBACK');
      } catch {
        // The engine may already have ended the transaction (a failed COMMIT); the first error matters.
      }
      throw error;
    }
  }

  private serialise<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
