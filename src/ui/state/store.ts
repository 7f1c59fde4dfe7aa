/**
 * The page's state, as signals: the scenario text, the panel's knobs, the last good run and the
 * run in progress, the instant on the timeline, the selection and the compare view. Components
 * read what they show; a signal they do not read never re-renders them (moving the scrubber
 * touches only what depends on the instant).
 */
import { computed, effect, signal } from '@preact/signals';
import type { InputIssue } from '../../inputError.ts';
import { dayIndex } from '../model/time.ts';
import { type Comparison, comparisonOf } from '../../explore/comparison.ts';
import { type Divergence, divergenceMap } from '../model/compare.ts';
import type { RunView } from './view.ts';

export type SourceOrigin = 'bundled' | 'file' | 'edited';

export interface Source {
  text: string;
  file: string;
  origin: SourceOrigin;
  /** Bumped when the text is replaced from outside the editor (pick, open, drop). */
  revision: number;
}

export type Phase = 'idle' | 'waiting' | 'parsing' | 'simulating';

export interface RunStatus {
  phase: Phase;
  fraction: number;
  apps: number;
}

export const source = signal<Source>({ text: '', file: '', origin: 'bundled', revision: 0 });
export const overrides = signal<Record<string, unknown>>({});

/** The issues of the latest text (empty when it ran). */
export const issues = signal<InputIssue[]>([]);
/** An engine failure that is not an input error (a bug): shown, never a blank page. */
export const failure = signal<string | null>(null);
export const status = signal<RunStatus>({ phase: 'idle', fraction: 0, apps: 0 });

/** The last run that succeeded: stays on screen (dimmed) while the text has errors or a run is under way. */
export const current = signal<RunView | null>(null);
/** The current run is not the latest text's: the text has errors (or the engine failed on it). */
export const stale = computed(() => issues.value.length > 0 || failure.value !== null);
/** A newer run is under way. */
export const running = computed(() => status.value.phase !== 'idle');

export const cursor = signal(0);
export const playing = signal(false);
/** Playback speed in simulated days per second. */
export const speed = signal(7);
export const selectedApps = signal<string[]>([]);

export const compareOn = signal(false);
/** Run B's knobs as `path=value` lines (engine/knobLines.ts): B is the scenario as written with these. */
export const compareKnobs = signal('');
export const compareView = signal<RunView | null>(null);
export const compareStatus = signal<RunStatus>({ phase: 'idle', fraction: 0, apps: 0 });
export const compareIssues = signal<InputIssue[]>([]);
/** What opening another scenario cleared (its knob changes, compare), said once on the page. */
export const resetNote = signal<string | null>(null);

export const tableApp = signal<string | null>(null);

/** The instant's day index in the current run's period. */
export const cursorDay = computed(() => {
  const view = current.value;
  return view ? dayIndex(view.timeline.period, cursor.value) : 0;
});

/**
 * The day the charts show as their cursor: the instant's day, at most ~10 times a second while
 * the scrubber moves fast (a chart redraws its canvas for a new cursor), and at once at rest.
 */
export const chartDay = signal(0);
let chartTimer: ReturnType<typeof setTimeout> | undefined;
let chartShownAt = 0;
effect(() => {
  const day = cursorDay.value;
  clearTimeout(chartTimer);
  const wait = 100 - (performance.now() - chartShownAt);
  const show = () => {
    chartShownAt = performance.now();
    chartDay.value = day;
  };
  if (wait <= 0) show();
  else chartTimer = setTimeout(show, wait);
});

/** The compare run, when it ran the same text as the current one (else it is still on its way). */
export const comparable = computed(() => {
  const a = current.value;
  const b = compareView.value;
  return compareOn.value && a !== null && b !== null && a.text === b.text ? b : null;
});

/** What differs between the current run (A) and the compare run (B): the library's comparison, as `imsim compare` gives it. */
export const comparison = computed<Comparison | null>(() => {
  const a = current.value;
  const b = comparable.value;
  return a && b ? comparisonOf(a.result.report, b.result.report) : null;
});

/** Per app, the first transition where the compare run parts from the current one. */
export const divergenceByApp = computed<Map<string, Divergence>>(() => {
  const result = comparison.value;
  return result ? divergenceMap(result) : new Map();
});

/** Whether an issue is about the text in the editor (not a panel knob or another file). */
export function inEditor(issue: InputIssue): boolean {
  return issue.file === source.value.file;
}

/** Moves the cursor to an instant, kept inside the current period. */
export function moveCursor(at: number): void {
  const view = current.value;
  if (!view) return;
  const { startAt, endAt } = view.timeline.period;
  cursor.value = Math.min(endAt - 1000, Math.max(startAt, at));
}

export function selectApp(app: string, additive = false): void {
  const now = selectedApps.value;
  if (!additive) {
    selectedApps.value = [app];
    return;
  }
  selectedApps.value = now.includes(app) ? now.filter((id) => id !== app) : [...now, app];
}
