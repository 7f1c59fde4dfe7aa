/**
 * The page's side of the engine worker: `run(request)` resolves with the run's outcome. A newer
 * request on the same client replaces the pending one, whose promise resolves as cancelled; a
 * worker still parsing the replaced text is restarted rather than waited for.
 */
import { type Signal, signal } from '@preact/signals';
import type { DauSeries, RunOutcome, RunRequest, WorkerMessage } from './protocol.ts';
import { ReportAssembler } from './reportParts.ts';

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
  /** The report's parts so far. */
  report: ReportAssembler;
}

export class EngineClient {
  private worker: Worker | undefined;
  private pending: Pending | undefined;
  /** The daily DAU of the run last done, still to come from the worker (it follows `done`). */
  private awaitedDau: { id: number; dau: Signal<DauSeries | undefined> } | undefined;
  private nextId = 1;

  run(request: Omit<RunRequest, 'id'>, callbacks: RunCallbacks = {}): Promise<RunOutcome> {
    const previous = this.pending;
    if (previous) {
      previous.resolve({ kind: 'cancelled' });
      if (!previous.parsed) this.stop();
    }
    const id = this.nextId++;
    return new Promise<RunOutcome>((resolve) => {
      this.pending = { id, resolve, callbacks, parsed: false, report: new ReportAssembler() };
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
    if (message.type === 'dau') {
      if (this.awaitedDau?.id === message.id) this.awaitedDau.dau.value = message.dau;
      this.awaitedDau = undefined;
      return;
    }
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
      case 'part':
        // The report comes in JSON parts (see protocol.ts), each parsed in the task of its message.
        try {
          pending.report.add(message.part);
        } catch (error) {
          this.settle({ kind: 'failed', message: `the report could not be read: ${error instanceof Error ? error.message : String(error)}` });
        }
        return;
      case 'done': {
        const dau = signal<DauSeries | undefined>(undefined);
        this.awaitedDau = { id: message.id, dau };
        this.settle({ kind: 'done', result: { ...message.result, report: pending.report.report(), dau } });
        return;
      }
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
