/**
 * A binary min-heap of scheduled jobs ordered by (instant, priority, rank, sequence): the
 * engine's deterministic order. Cancelled jobs are dropped lazily when they reach the top.
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
    heap.push(entry);
    let index = heap.length - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!before(heap[index], heap[parent])) break;
      [heap[index], heap[parent]] = [heap[parent], heap[index]];
      index = parent;
    }
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
    if (heap.length === 0) return;
    heap[0] = last;
    let index = 0;
    for (;;) {
      const left = 2 * index + 1;
      const right = left + 1;
      let smallest = index;
      if (left < heap.length && before(heap[left], heap[smallest])) smallest = left;
      if (right < heap.length && before(heap[right], heap[smallest])) smallest = right;
      if (smallest === index) return;
      [heap[index], heap[smallest]] = [heap[smallest], heap[index]];
      index = smallest;
    }
  }
}
