/** Messages between the page and its sweep worker (sweep.worker.ts). */
import type { SweepResult } from '../../explore/sweepResult.ts';
import type { InputIssue } from '../../inputError.ts';

/** The `file` of the issues of the sweep's knob values. */
export const SWEEP_VALUES = '(sweep values)';

export interface SweepRequest {
  id: number;
  text: string;
  file: string;
  /** The policy panel's knobs: set in every cell, before the cell's own. */
  overrides: Record<string, unknown>;
  /** `path=v1,v2,…`, one per knob that varies (as `imsim sweep --vary` takes them). */
  vary: string[];
  runs: number;
  /** Web Workers that run the jobs. */
  workers: number;
}

export type SweepMessage =
  | { type: 'progress'; id: number; done: number; total: number }
  | { type: 'done'; id: number; result: SweepResult }
  | { type: 'invalid'; id: number; issues: InputIssue[] }
  | { type: 'failed'; id: number; message: string };
