/**
 * The page's side of the engine worker: `run(request)` resolves with the run's outcome. A newer
 * request on the same client replaces the pending one, whose promise resolves as cancelled; a
 * worker still parsing the replaced text is restarted rather than waited for.
 */
import type { RunOutcome, RunRequest, WorkerMessage } from './protocol.ts';
import { reportOfParts } from './reportParts.ts';

export interface RunCallbacks {
  /** The text parsed without issues; simulating `apps` apps now. */
  parsed?: (apps: number) => void;
  progress?: (fraction: number) => void;
}

interface Pending {
  id: number;
  resolve: (outcome: RunOutcome) => void;
  callbacks: RunCallbacks;
  parsed: boolean;
}

export class EngineClient {
  private worker: Worker | undefined;
  private pending: Pending | undefined;
  private nextId = 1;

  run(request: Omit<RunRequest, 'id'>, callbacks: RunCallbacks = {}): Promise<RunOutcome> {
    const previous = this.pending;
    if (previous) {
      previous.resolve({ kind: 'cancelled' });
      if (!previous.parsed) this.stop();
    }
    const id = this.nextId++;
    return new Promise<RunOutcome>((resolve) => {
      this.pending = { id, resolve, callbacks, parsed: false };
      this.ensureWorker().postMessage({ ...request, id } satisfies RunRequest);
    });
  }

  /** Stops the worker and drops the pending run. */
  stop(): void {
    this.worker?.terminate();
    this.worker = undefined;
  }

  private ensureWorker(): Worker {
    if (!this.worker) {
      const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
      worker.addEventListener('message', (event: MessageEvent<WorkerMessage>) => this.receive(event.data));
      worker.addEventListener('error', (event) => {
        event.preventDefault();
        this.settle({ kind: 'failed', message: event.message || 'the engine worker failed to start' });
        this.stop();
      });
      this.worker = worker;
    }
    return this.worker;
  }

  private receive(message: WorkerMessage): void {
    const pending = this.pending;
    if (!pending || pending.id !== message.id) return;
    switch (message.type) {
      case 'parsed':
        pending.parsed = true;
        pending.callbacks.parsed?.(message.apps);
        return;
      case 'progress':
        pending.callbacks.progress?.(message.fraction);
        return;
      case 'done':
        // The report comes as JSON parts (see protocol.ts), parsed a few per task.
        reportOfParts(message.report).then(
          (report) => {
            if (this.pending?.id === message.id) this.settle({ kind: 'done', result: { ...message.result, report } });
          },
          (error: unknown) => {
            if (this.pending?.id === message.id) this.settle({ kind: 'failed', message: `the report could not be read: ${error instanceof Error ? error.message : String(error)}` });
          },
        );
        return;
      case 'invalid':
        this.settle({ kind: 'invalid', issues: message.issues });
        return;
      case 'failed':
        this.settle({ kind: 'failed', message: message.message });
        return;
    }
  }

  private settle(outcome: RunOutcome): void {
    const pending = this.pending;
    this.pending = undefined;
    pending?.resolve(outcome);
  }
}
