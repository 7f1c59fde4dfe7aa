/**
 * A min-heap of scheduled jobs ordered by (instant, priority, rank, sequence): the engine's
 * deterministic order. No two entries tie, so any heap pops them in the same order: sequence
 * numbers are unique within a run, and after a resumed run (whose re-armed timers and restored
 * jobs may share one) a timer's rank is whole while an engine job at timer priority has a
 * fraction (warnings.ts, purge.ts) and every other job comes after the timers' priority. Four
 * children per node: half the levels of a binary heap, so a pop reads fewer entries that are far
 * apart in memory. Cancelled jobs are dropped lazily when they reach the top.
 */
export interface Entry<T> {
  at: number;
  priority: number;
  /** Ties between jobs of the same instant and priority: the actor's rank for timers, 0 otherwise. */
  rank: number;
  seq: number;
  item: T;
  cancelled: boolean;
}

const ARITY = 4;

function before<T>(a: Entry<T>, b: Entry<T>): boolean {
  if (a.at !== b.at) return a.at < b.at;
  if (a.priority !== b.priority) return a.priority < b.priority;
  if (a.rank !== b.rank) return a.rank < b.rank;
  return a.seq < b.seq;
}

export class EventQueue<T> {
  private readonly heap: Entry<T>[] = [];
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

  push(at: number, priority: number, rank: number, item: T, seq = this.nextSeq++): Entry<T> {
    const entry: Entry<T> = { at, priority, rank, seq, item, cancelled: false };
    const heap = this.heap;
    let index = heap.length;
    heap.push(entry);
    while (index > 0) {
      const parent = Math.floor((index - 1) / ARITY);
      if (!before(entry, heap[parent])) break;
      heap[index] = heap[parent];
      index = parent;
    }
    heap[index] = entry;
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
    const last = heap.pop() as Entry<T>;
    const size = heap.length;
    if (size === 0) return;
    let index = 0;
    for (;;) {
      const first = ARITY * index + 1;
      if (first >= size) break;
      let child = first;
      for (let next = first + 1; next < Math.min(first + ARITY, size); next += 1) if (before(heap[next], heap[child])) child = next;
      if (!before(heap[child], last)) break;
      heap[index] = heap[child];
      index = child;
    }
    heap[index] = last;
  }
}
