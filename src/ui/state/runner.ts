/**
 * Runs the engine when the input changes: the scenario text (debounced while typing), the panel's
 * knobs, compare's run B knobs. A newer request replaces an older one (EngineClient); the last good
 * run stays on screen until a new one succeeds.
 */
import { batch, type Signal } from '@preact/signals';
import { EngineClient } from '../engine/client.ts';
import type { RunOutcome, RunRequest } from '../engine/protocol.ts';
import { bundledScenario, DEFAULT_FILE } from '../scenarios/bundled.ts';
import { defaultViewOf, type PageView, pageView } from './explore.ts';
import { describeOverrides, examples, linesOfKnobs } from './presets.ts';
import {
  compareIssues,
  compareKnobs,
  compareOn,
  compareStatus,
  compareView,
  current,
  cursor,
  failure,
  issues,
  overrides,
  playing,
  resetNote,
  type RunStatus,
  type SourceOrigin,
  selectedApps,
  source,
  status,
} from './store.ts';
import { type RunView, viewOf } from './view.ts';

const mainEngine = new EngineClient();
const compareEngine = new EngineClient();
const idle: RunStatus = { phase: 'idle', fraction: 0, apps: 0 };

/** Typing waits this long for a pause before the text is run. */
export const EDIT_DEBOUNCE_MS = 300;
const KNOB_DEBOUNCE_MS = 120;

let timer: ReturnType<typeof setTimeout> | undefined;

/** The latest input of each engine: a view built for an older one is dropped. */
let mainTicket = 0;
let compareTicket = 0;

function schedule(delay: number): void {
  // A run still building its view is now of an older input: it is dropped (runMain).
  mainTicket += 1;
  clearTimeout(timer);
  status.value = { ...idle, phase: 'waiting' };
  timer = setTimeout(() => void runMain(), delay);
}

/**
 * Replaces the scenario text (a pick, an opened or dropped file) and runs it at once. Knob
 * changes belong to the scenario they were made for: the panel's and compare's are cleared, and
 * unless `quiet` (a link, which sets its own `knobs`) a note says what was cleared.
 */
export function loadText(text: string, file: string, origin: SourceOrigin, quiet = false, knobs: Record<string, unknown> = {}): void {
  const cleared = [
    ...(Object.keys(overrides.value).length > 0 ? [`A's knobs (${describeOverrides(overrides.value)})`] : []),
    ...(compareOn.value ? [`compare (B: ${compareKnobs.value.split('\n').filter((line) => line.trim()).join(', ') || 'the scenario as written'})`] : []),
  ];
  // One batch: the run is sent before the effects that follow the text (the editor's) take it.
  // Lines end in \n, as the editor keeps them: it takes the text as it is, without an edit of its own.
  batch(() => {
    playing.value = false;
    source.value = { text: text.replace(/\r\n?/g, '\n'), file, origin, revision: source.value.revision + 1 };
    overrides.value = knobs;
    if (compareOn.value) setCompare(false);
    compareKnobs.value = '';
    resetNote.value = !quiet && cleared.length > 0 ? `New scenario ${file}: cleared ${cleared.join(' and ')}.` : null;
    viewToChoose = true;
    runNow();
  });
}

/**
 * Sends the input to the engine now, not after a timer: the worker then parses a new text while
 * the page redraws for it (the editor takes 0.1–0.3 s to take the 1,000-app fleet's text).
 */
function runNow(): void {
  mainTicket += 1;
  clearTimeout(timer);
  void runMain();
}

/** A new scenario opens in its own view (explore.ts, defaultViewOf) once it has run, unless a link chose one. */
let viewToChoose = false;

export function chooseView(view: PageView): void {
  viewToChoose = false;
  pageView.value = view;
}

/** The editor's text changed: run it once typing pauses. */
export function editText(text: string): void {
  if (text === source.value.text) return;
  source.value = { ...source.value, text, origin: 'edited' };
  schedule(EDIT_DEBOUNCE_MS);
}

export function loadBundled(file: string, quiet = false, knobs: Record<string, unknown> = {}): void {
  const scenario = bundledScenario(file) ?? bundledScenario(DEFAULT_FILE);
  if (scenario) loadText(scenario.text(), scenario.file, 'bundled', quiet, knobs);
}

/** The panel's knobs all at once (a link), then a run. */
export function setOverrides(all: Record<string, unknown>): void {
  overrides.value = all;
  schedule(KNOB_DEBOUNCE_MS);
}

/** A sweep's cell in the timeline: the knobs the sweep ran under and the cell's own, on its first run (the scenario's seed). */
export function openCell(under: Record<string, unknown>, knobs: Record<string, unknown>): void {
  setOverrides({ ...under, ...knobs });
  chooseView('timeline');
}

export function setOverride(path: string, value: unknown): void {
  overrides.value = { ...overrides.value, [path]: value };
  schedule(KNOB_DEBOUNCE_MS);
}

export function resetOverride(path?: string): void {
  if (path === undefined) overrides.value = {};
  else {
    const { [path]: _removed, ...rest } = overrides.value;
    overrides.value = rest;
  }
  schedule(KNOB_DEBOUNCE_MS);
}

/** Runs a request on an engine, reporting its phase and progress in `progress`. */
function runWith(engine: EngineClient, request: Omit<RunRequest, 'id'>, progress: Signal<RunStatus>): Promise<RunOutcome> {
  progress.value = { ...idle, phase: 'parsing' };
  return engine.run(request, {
    parsed: (apps) => {
      progress.value = { phase: 'simulating', fraction: 0, apps };
    },
    progress: (fraction) => {
      progress.value = { ...progress.value, fraction };
    },
  });
}

async function runMain(): Promise<void> {
  const ticket = mainTicket;
  const { text, file } = source.value;
  const outcome = await runWith(mainEngine, { text, file, overrides: overrides.value }, status);
  if (outcome.kind === 'cancelled') return;
  // A User Timing mark: DevTools and the e2e run measure from here how long the page takes to show a run.
  performance.mark('imsim:run-arrived');
  const view = outcome.kind === 'done' ? await viewOf(outcome.result, text) : undefined;
  if (ticket !== mainTicket) return;
  status.value = idle;
  accept(outcome, view);
  // B ignores the panel's knobs: it runs again only for a new text that runs.
  if (compareOn.value && outcome.kind === 'done' && compareView.value?.text !== text) void runCompare();
}

function accept(outcome: Exclude<RunOutcome, { kind: 'cancelled' }>, view: RunView | undefined): void {
  if (outcome.kind === 'invalid') {
    issues.value = outcome.issues;
    return;
  }
  if (outcome.kind === 'failed' || !view) {
    issues.value = [];
    failure.value = outcome.kind === 'failed' ? outcome.message : 'the run gave no view';
    return;
  }
  const previous = current.value;
  issues.value = [];
  failure.value = null;
  keepInstantAndSelection(previous, view);
  if (viewToChoose) chooseView(defaultViewOf(view.result.report));
  current.value = view;
}

/** A re-run of the same period keeps the instant and the selection; a new scenario starts over. */
function keepInstantAndSelection(previous: RunView | null, view: RunView): void {
  const { period, apps } = view.timeline;
  const samePeriod = previous !== null && previous.timeline.period.startAt === period.startAt && previous.timeline.period.endAt === period.endAt;
  if (!samePeriod || cursor.value < period.startAt || cursor.value >= period.endAt) cursor.value = period.startAt;
  const kept = selectedApps.value.filter((id) => view.timeline.appIndex.has(id));
  if (kept.length > 0 && samePeriod) {
    selectedApps.value = kept;
    return;
  }
  if (apps.length <= 4) selectedApps.value = apps.map((app) => app.id);
  else {
    selectedApps.value = [view.lapsed[0] ?? apps[0].id];
  }
}

/** Turning compare on with nothing for B to differ by starts B with the first example. */
export function setCompare(on: boolean): void {
  compareOn.value = on;
  if (on && compareKnobs.value.trim() === '' && Object.keys(overrides.value).length === 0) compareKnobs.value = linesOfKnobs(examples[0].overrides);
  if (on) void runCompare();
  else {
    clearTimeout(compareTimer);
    compareView.value = null;
    compareIssues.value = [];
  }
}

let compareTimer: ReturnType<typeof setTimeout> | undefined;

/** Run B's knob lines changed: run B again once typing pauses (at once with `delay` 0). */
export function setCompareKnobs(lines: string, delay = EDIT_DEBOUNCE_MS): void {
  compareKnobs.value = lines;
  clearTimeout(compareTimer);
  if (compareOn.value) compareTimer = setTimeout(() => void runCompare(), delay);
}

async function runCompare(): Promise<void> {
  const ticket = ++compareTicket;
  const { text, file } = source.value;
  const outcome = await runWith(compareEngine, { text, file, overrides: {}, knobLines: compareKnobs.value.split('\n') }, compareStatus);
  if (outcome.kind === 'cancelled') return;
  const view = outcome.kind === 'done' ? await viewOf(outcome.result, text) : undefined;
  if (ticket !== compareTicket) return;
  compareStatus.value = idle;
  if (view) {
    compareView.value = view;
    compareIssues.value = [];
    return;
  }
  // B's knobs (or the text) do not run: show why, and no comparison with an older B.
  compareView.value = null;
  const message = outcome.kind === 'failed' ? outcome.message : 'the run gave no view';
  compareIssues.value = outcome.kind === 'invalid' ? outcome.issues : [{ file: '(compare)', line: 1, column: 1, path: '', message }];
}
