/** The messages between the page and the engine's worker (./worker.ts, ./client.ts). */
import type { ReadonlySignal } from '@preact/signals';
import type { InputIssue } from '../../inputError.ts';
import type { Report } from '../../report/types.ts';
import type { Knob } from '../model/knobInput.ts';
import type { ReportPart } from './reportParts.ts';

/** The `file` of the issues of the policy panel's knobs. */
export const POLICY_PANEL = '(policy panel)';
/** The `file` of the issues of compare's run B knob lines. */
export const COMPARE_KNOBS = '(B knobs)';

export interface RunRequest {
  id: number;
  /** The scenario as YAML (or JSON) text. */
  text: string;
  /** Its name in messages (`default.yaml`). */
  file: string;
  /** Knob changes of the policy panel: dotted path → value, applied after the scenario's own. */
  overrides: Record<string, unknown>;
  /** Compare's run B: its knobs as `path=value` lines (read by policy/setOptions.ts), in place of `overrides`. */
  knobLines?: string[];
}

/** Daily DAU of every app of the run, one row of `days` values per app, app after app. */
export interface DauSeries {
  apps: string[];
  days: number;
  /** What the scenario's curves ask for. */
  demand: Float64Array;
  /** What was served: capped at the trial's users (E4), 0 on days wholly suspended or reclaimed. */
  served: Float64Array;
}

export interface RunResult {
  report: Report;
  /** Every knob of the policy the run used, the panel's overrides included. */
  knobs: Knob[];
  /** The scenario's own `policyOverrides`. */
  scenarioOverrides: Record<string, unknown>;
  /** The panel's overrides this run applied. */
  overrides: Record<string, unknown>;
  description?: string;
  /** DAU included in the policy's first paid edition: the chart's one allowance line. */
  includedDau: number;
  /**
   * The daily DAU: the worker works it out after it has sent the report, so the page shows the
   * run without waiting for it (about half a second for the 1,000-app fleet); undefined until then.
   */
  dau: ReadonlySignal<DauSeries | undefined>;
  warnings: string[];
  parseMs: number;
  simulateMs: number;
}

export type WorkerMessage =
  | { type: 'parsed'; id: number; apps: number; days: number }
  | { type: 'progress'; id: number; fraction: number }
  /** The report, a part per message (reportParts.ts), before `done`. */
  | { type: 'part'; id: number; part: ReportPart }
  /** The result without its report (its parts came before) and its daily DAU (which follows). */
  | { type: 'done'; id: number; result: Omit<RunResult, 'report' | 'dau'> }
  /** After `done`: the run's daily DAU, its arrays' buffers transferred. */
  | { type: 'dau'; id: number; dau: DauSeries }
  | { type: 'invalid'; id: number; issues: InputIssue[] }
  | { type: 'failed'; id: number; message: string };

export type RunOutcome =
  | { kind: 'done'; result: RunResult }
  | { kind: 'invalid'; issues: InputIssue[] }
  | { kind: 'failed'; message: string }
  | { kind: 'cancelled' };
