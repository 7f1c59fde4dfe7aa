/**
 * A binary min-heap of scheduled jobs ordered by (instant, priority, sequence): the engine's
 * deterministic order. Cancelled jobs are dropped lazily when they reach the top.
 */
export interface Job {
  at: number;
  priority: number;
  seq: number;
  run: () => void;
  cancelled: boolean;
}

function before(a: Job, b: Job): boolean {
  if (a.at !== b.at) return a.at < b.at;
  if (a.priority !== b.priority) return a.priority < b.priority;
  return a.seq < b.seq;
}

export class EventQueue {
  private readonly heap: Job[] = [];
  private nextSeq = 0;

  get size(): number {
    return this.heap.length;
  }

  push(at: number, priority: number, run: () => void): Job {
    const job: Job = { at, priority, seq: this.nextSeq++, run, cancelled: false };
    const heap = this.heap;
    heap.push(job);
    let index = heap.length - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!before(heap[index], heap[parent])) break;
      [heap[index], heap[parent]] = [heap[parent], heap[index]];
      index = parent;
    }
    return job;
  }

  /** The next live job, without removing it. */
  peek(): Job | undefined {
    while (this.heap.length > 0 && this.heap[0].cancelled) this.removeTop();
    return this.heap[0];
  }

  pop(): Job | undefined {
    const top = this.peek();
    if (top) this.removeTop();
    return top;
  }

  private removeTop(): void {
    const heap = this.heap;
    const last = heap.pop() as Job;
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
