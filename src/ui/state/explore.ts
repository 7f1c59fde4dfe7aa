/**
 * The Explore view's state: which view the page shows, and the sweep run from it (in a worker
 * of its own, ui/explore/sweep.worker.ts): its progress, its result or what is wrong with its
 * knob values. A new sweep or a cancel ends the one under way.
 */
import { signal } from '@preact/signals';
import type { SweepResult } from '../../explore/sweepResult.ts';
import type { InputIssue } from '../../inputError.ts';
import type { Report } from '../../report/types.ts';
import type { SweepMessage, SweepRequest } from '../explore/protocol.ts';

export type PageView = 'timeline' | 'explore';

export const pageView = signal<PageView>('timeline');

export interface SweepState {
  phase: 'idle' | 'running';
  done: number;
  total: number;
}

export interface SweepOutcome {
  result: SweepResult;
  /** The scenario text and knobs it ran on: shown as another scenario's once the text changes. */
  text: string;
  overrides: Record<string, unknown>;
}

export const sweepState = signal<SweepState>({ phase: 'idle', done: 0, total: 0 });
export const sweepOutcome = signal<SweepOutcome | null>(null);
export const sweepIssues = signal<InputIssue[]>([]);
export const sweepFailure = signal<string | null>(null);

/** A population is explored first; a scenario of written accounts is a story on the timeline. */
export function defaultViewOf(report: Report): PageView {
  return report.apps.some((app) => app.cohort !== undefined) ? 'explore' : 'timeline';
}

/** Workers for a sweep's runs: the cores but one (the page's), at least one, at most four. */
export function sweepWorkers(): number {
  return Math.max(1, Math.min(4, (navigator.hardwareConcurrency || 2) - 1));
}

let worker: Worker | undefined;
let nextId = 0;

export function startSweep(request: Omit<SweepRequest, 'id' | 'workers'>): void {
  cancelSweep();
  const id = ++nextId;
  sweepIssues.value = [];
  sweepFailure.value = null;
  sweepState.value = { phase: 'running', done: 0, total: 0 };
  const started = new Worker(new URL('../explore/sweep.worker.ts', import.meta.url), { type: 'module' });
  worker = started;
  started.addEventListener('message', ({ data }: MessageEvent<SweepMessage>) => {
    if (data.id !== id) return;
    if (data.type === 'progress') {
      sweepState.value = { phase: 'running', done: data.done, total: data.total };
      return;
    }
    if (data.type === 'done') sweepOutcome.value = { result: data.result, text: request.text, overrides: request.overrides };
    else if (data.type === 'invalid') sweepIssues.value = data.issues;
    else sweepFailure.value = data.message;
    finish();
  });
  started.addEventListener('error', (event) => {
    event.preventDefault();
    if (worker !== started) return;
    sweepFailure.value = event.message || 'the sweep worker failed to start';
    finish();
  });
  started.postMessage({ ...request, id, workers: sweepWorkers() } satisfies SweepRequest);
}

function finish(): void {
  worker?.terminate();
  worker = undefined;
  sweepState.value = { ...sweepState.value, phase: 'idle' };
}

/** Stops the sweep under way (its workers with it); its partial runs are dropped. */
export function cancelSweep(): void {
  if (worker) finish();
}
