/**
 * A list of numbers in a typed array that doubles as it fills: kept off the JavaScript heap, so
 * that a run's millions of record keys (jobKeys.ts) cost the garbage collector nothing to mark.
 */
type Numbers = Float64Array | Int32Array;

export class Column<A extends Numbers> {
  private items: A;
  length = 0;

  constructor(private readonly make: (capacity: number) => A) {
    this.items = make(1024);
  }

  push(value: number): void {
    if (this.length === this.items.length) {
      const grown = this.make(this.items.length * 2);
      grown.set(this.items);
      this.items = grown;
    }
    this.items[this.length++] = value;
  }

  /** The numbers pushed so far, as an array of their own. */
  values(): A {
    return this.items.slice(0, this.length) as A;
  }
}

export const floats = () => new Column((capacity) => new Float64Array(capacity));
export const ints = () => new Column((capacity) => new Int32Array(capacity));
