/**
 * The records of one section of every shard in the order of the whole run (shardMerge.ts,
 * batchedRun.ts), as steps: `shard` for the next record of that shard, `-1 - shard` for the next
 * record of a shard that is one every shard made alike (it compares 0 to the record just taken,
 * which is the one of the lowest shard). `compare(a, indexA, b, indexB)` orders record `indexA`
 * of shard `a` and record `indexB` of shard `b`. The shards' next records wait in a binary heap,
 * so that a step costs about log2(shards) comparisons, not one per shard.
 */
export type RecordOrder = (a: number, indexA: number, b: number, indexB: number) => number;

export function* mergedSteps(lengths: readonly number[], compare: RecordOrder): Generator<number> {
  const next = lengths.map(() => 0);
  const before = (a: number, b: number) => (compare(a, next[a], b, next[b]) || a - b) < 0;
  const heap = new Heap(before);
  lengths.forEach((length, shard) => {
    if (length > 0) heap.push(shard);
  });
  while (heap.size > 0) {
    const first = heap.pop();
    const index = next[first];
    yield first;
    while (heap.size > 0 && compare(heap.top, next[heap.top], first, index) === 0) {
      const same = heap.pop();
      yield -1 - same;
      if (++next[same] < lengths[same]) heap.push(same);
    }
    if (++next[first] < lengths[first]) heap.push(first);
  }
}

/** A binary min-heap of shard numbers, ordered by `before`, which may change only for a shard outside the heap. */
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
    if (items.length === 0) return top;
    let index = 0;
    for (;;) {
      let child = 2 * index + 1;
      if (child >= items.length) break;
      if (child + 1 < items.length && this.before(items[child + 1], items[child])) child += 1;
      if (!this.before(items[child], last)) break;
      items[index] = items[child];
      index = child;
    }
    items[index] = last;
    return top;
  }
}
