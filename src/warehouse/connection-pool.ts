// A small pool for engines whose client has none (DuckDB; pg brings pg.Pool): at most `size` connections, created
// on demand, handed out first-come first-served.
export class ConnectionPool<C> {
  private readonly idle: C[] = [];
  private readonly all: C[] = [];
  private readonly waiting: ((conn: C) => void)[] = [];
  private creating = 0;

  constructor(
    private readonly size: number,
    private readonly create: () => Promise<C>,
  ) {}

  get connections(): readonly C[] {
    return this.all;
  }

  async acquire(): Promise<C> {
    const free = this.idle.pop();
    if (free) return free;
    if (this.all.length + this.creating < this.size) {
      this.creating++;
      try {
        const conn = await this.create();
        this.all.push(conn);
        return conn;
      } finally {
        this.creating--;
      }
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  release(conn: C): void {
    if (this.idle.includes(conn)) return; // released twice: handing it out twice would share it
    const next = this.waiting.shift();
    if (next) next(conn);
    else this.idle.push(conn);
  }
}
