/**
 * The records of one section of every shard in the order of the whole run (shardMerge.ts,
 * batchedRun.ts), as steps: `shard` for the next record of that shard, `-1 - shard` for the next
 * record of a shard that is one every shard made alike (it compares 0 to the record just taken,
 * which is the one of the lowest shard). `compare(a, indexA, b, indexB)` orders record `indexA`
 * of shard `a` and record `indexB` of shard `b`; a shard's own records never compare equal. The
 * shards' next records wait in a binary heap, so that a step costs about log2(shards) comparisons,
 * not one per shard.
 */
export type RecordOrder = (a: number, indexA: number, b: number, indexB: number) => number;

export function* mergedSteps(lengths: readonly number[], compare: RecordOrder): Generator<number> {
  const merge = new StepMerge(lengths, compare);
  const steps = new Int32Array(Math.max(STEPS, lengths.length));
  for (let count = merge.fill(steps); count > 0; count = merge.fill(steps)) {
    for (let index = 0; index < count; index += 1) yield steps[index];
  }
}

/** Steps worked out at a time by `mergedSteps`. */
const STEPS = 4096;

/** The same steps, written a buffer at a time (`fill`): a long merge's loop without a generator's step per record. */
export class StepMerge {
  private readonly next: number[];
  private readonly heap: Heap;

  constructor(
    private readonly lengths: readonly number[],
    private readonly compare: RecordOrder,
  ) {
    const next = lengths.map(() => 0);
    this.next = next;
    this.heap = new Heap((a, b) => (compare(a, next[a], b, next[b]) || a - b) < 0);
    lengths.forEach((length, shard) => {
      if (length > 0) this.heap.push(shard);
    });
  }

  /** Writes the next steps into `steps`, which has room for one step of each shard at least: how many (0 once every record is merged). */
  fill(steps: Int32Array): number {
    const { heap, next, lengths, compare } = this;
    if (steps.length < lengths.length) throw new Error(`merge steps of ${lengths.length} shards need room for ${lengths.length} at a time, not ${steps.length}`);
    let count = 0;
    // A step and the steps of the records alike to it go together: room for one of each shard.
    while (heap.size > 0 && count + lengths.length <= steps.length) {
      const first = heap.top;
      const index = next[first];
      steps[count++] = first;
      this.advance(first);
      while (heap.size > 0 && compare(heap.top, next[heap.top], first, index) === 0) {
        const same = heap.top;
        steps[count++] = -1 - same;
        this.advance(same);
      }
    }
    return count;
  }

  /** The shard at the top of the heap moves on to its next record: back into its place, or out when it has none. */
  private advance(shard: number): void {
    if (++this.next[shard] < this.lengths[shard]) this.heap.replaceTop();
    else this.heap.pop();
  }
}

/** A binary min-heap of shard numbers, ordered by `before`, which may change only for a shard outside the heap or at its top (`replaceTop`). */
class Heap {
  private readonly items: number[] = [];

  constructor(private readonly before: (a: number, b: number) => boolean) {}

  get size(): number {
    return this.items.length;
  }

  get top(): number {
    return this.items[0];
  }

  push(item: number): void {
    const { items } = this;
    let index = items.push(item) - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!this.before(item, items[parent])) break;
      items[index] = items[parent];
      index = parent;
    }
    items[index] = item;
  }

  pop(): number {
    const { items } = this;
    const top = items[0];
    const last = items.pop() as number;
    if (items.length > 0) this.siftDown(last);
    return top;
  }

  /** The top's order changed: it moves down to its place. */
  replaceTop(): void {
    this.siftDown(this.items[0]);
  }

  /** `item` put at the top and moved down to its place. */
  private siftDown(item: number): void {
    const { items } = this;
    let index = 0;
    for (;;) {
      let child = 2 * index + 1;
      if (child >= items.length) break;
      if (child + 1 < items.length && this.before(items[child + 1], items[child])) child += 1;
      if (!this.before(items[child], item)) break;
      items[index] = items[child];
      index = child;
    }
    items[index] = item;
  }
}
