/**
 * A min-heap of scheduled jobs ordered by (instant, priority, rank, sequence): the engine's
 * deterministic order. No two entries tie, so any heap pops them in the same order: sequence
 * numbers are unique within a run, and after a resumed run (whose re-armed timers and restored
 * jobs may share one) a timer's rank is whole while an engine job at timer priority has a
 * fraction (warnings.ts, purge.ts) and every other job comes after the timers' priority. Four
 * children per node: half the levels of a binary heap. The keys of each place of the heap are
 * also kept in typed arrays beside it, so that a pop compares numbers that lie side by side in
 * memory instead of reading entries scattered over the heap of a large run. Cancelled jobs are
 * dropped lazily when they reach the top.
 */
export interface Entry<T> {
  readonly at: number;
  readonly priority: number;
  /** Ties between jobs of the same instant and priority: the actor's rank for timers, 0 otherwise. */
  readonly rank: number;
  readonly seq: number;
  readonly item: T;
  /** Whatever the caller keeps beside the item (virtualClock.ts: where a job stands in the whole run), without an object around the two. */
  readonly origin: unknown;
  cancelled: boolean;
}

const ARITY = 4;

/** The keys of the heap's places, place by place. */
class Keys {
  at: Float64Array;
  priority: Float64Array;
  rank: Float64Array;
  seq: Float64Array;

  constructor(capacity: number) {
    [this.at, this.priority, this.rank, this.seq] = [0, 1, 2, 3].map(() => new Float64Array(capacity));
  }

  get capacity(): number {
    return this.at.length;
  }

  /** The same keys in arrays twice as long. */
  grown(): Keys {
    const keys = new Keys(this.capacity * 2);
    keys.at.set(this.at);
    keys.priority.set(this.priority);
    keys.rank.set(this.rank);
    keys.seq.set(this.seq);
    return keys;
  }

  /** Place `a` comes before place `b`. */
  before(a: number, b: number): boolean {
    if (this.at[a] !== this.at[b]) return this.at[a] < this.at[b];
    if (this.priority[a] !== this.priority[b]) return this.priority[a] < this.priority[b];
    if (this.rank[a] !== this.rank[b]) return this.rank[a] < this.rank[b];
    return this.seq[a] < this.seq[b];
  }

  /** `entry` comes before place `b`. */
  entryBefore(entry: Entry<unknown>, b: number): boolean {
    if (entry.at !== this.at[b]) return entry.at < this.at[b];
    if (entry.priority !== this.priority[b]) return entry.priority < this.priority[b];
    if (entry.rank !== this.rank[b]) return entry.rank < this.rank[b];
    return entry.seq < this.seq[b];
  }

  move(from: number, to: number): void {
    this.at[to] = this.at[from];
    this.priority[to] = this.priority[from];
    this.rank[to] = this.rank[from];
    this.seq[to] = this.seq[from];
  }

  put(entry: Entry<unknown>, to: number): void {
    this.at[to] = entry.at;
    this.priority[to] = entry.priority;
    this.rank[to] = entry.rank;
    this.seq[to] = entry.seq;
  }
}

export class EventQueue<T> {
  private readonly heap: Entry<T>[] = [];
  private keys = new Keys(1024);
  private nextSeq = 0;

  get size(): number {
    return this.heap.length;
  }

  /** Every live entry, in no particular order (for saving a run). */
  entries(): Entry<T>[] {
    return this.heap.filter((entry) => !entry.cancelled);
  }

  get sequence(): number {
    return this.nextSeq;
  }

  set sequence(next: number) {
    this.nextSeq = next;
  }

  push(at: number, priority: number, rank: number, item: T, origin?: unknown, seq = this.nextSeq++): Entry<T> {
    const entry: Entry<T> = { at, priority, rank, seq, item, origin, cancelled: false };
    const heap = this.heap;
    if (heap.length === this.keys.capacity) this.keys = this.keys.grown();
    const keys = this.keys;
    let index = heap.length;
    heap.push(entry);
    while (index > 0) {
      const parent = Math.floor((index - 1) / ARITY);
      if (!keys.entryBefore(entry, parent)) break;
      heap[index] = heap[parent];
      keys.move(parent, index);
      index = parent;
    }
    heap[index] = entry;
    keys.put(entry, index);
    return entry;
  }

  /** The next live entry, without removing it. */
  peek(): Entry<T> | undefined {
    while (this.heap.length > 0 && this.heap[0].cancelled) this.removeTop();
    return this.heap[0];
  }

  pop(): Entry<T> | undefined {
    const top = this.peek();
    if (top) this.removeTop();
    return top;
  }

  private removeTop(): void {
    const heap = this.heap;
    const keys = this.keys;
    const last = heap.pop() as Entry<T>;
    const size = heap.length;
    if (size === 0) return;
    let index = 0;
    for (;;) {
      const first = ARITY * index + 1;
      if (first >= size) break;
      let child = first;
      for (let next = first + 1; next < Math.min(first + ARITY, size); next += 1) if (keys.before(next, child)) child = next;
      if (keys.entryBefore(last, child)) break;
      heap[index] = heap[child];
      keys.move(child, index);
      index = child;
    }
    heap[index] = last;
    keys.put(last, index);
  }
}
