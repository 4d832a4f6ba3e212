// The `loop` variable of a for loop; the generated code sets `i` each iteration.
import { eq } from './ops.js';
import { Undefined } from './values.js';

export class Loop {
  i = 0;
  private lastChanged: unknown[] | undefined;

  constructor(
    private readonly items: unknown[],
    readonly depth = 1,
    /** For `{% for … recursive %}`: renders the loop body over other items, one level deeper. */
    readonly recurse?: (items: unknown, depth: number) => Promise<string>,
  ) {}

  get index(): number {
    return this.i + 1;
  }
  get index0(): number {
    return this.i;
  }
  get revindex(): number {
    return this.items.length - this.i;
  }
  get revindex0(): number {
    return this.items.length - this.i - 1;
  }
  get first(): boolean {
    return this.i === 0;
  }
  get last(): boolean {
    return this.i === this.items.length - 1;
  }
  get length(): number {
    return this.items.length;
  }
  get depth0(): number {
    return this.depth - 1;
  }
  get previtem(): unknown {
    return this.i > 0 ? this.items[this.i - 1] : new Undefined("'loop.previtem'");
  }
  get nextitem(): unknown {
    return this.i + 1 < this.items.length ? this.items[this.i + 1] : new Undefined("'loop.nextitem'");
  }
  cycle(...values: unknown[]): unknown {
    return values[this.i % values.length];
  }
  changed(...values: unknown[]): boolean {
    if (this.lastChanged !== undefined && eq(this.lastChanged, values)) return false;
    this.lastChanged = values;
    return true;
  }
  toString(): string {
    return `<LoopContext ${this.index}/${this.length}>`;
  }
}
