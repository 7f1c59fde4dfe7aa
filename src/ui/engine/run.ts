/**
 * One run of a scenario text in the browser, through the library API: parse it under the bundled
 * policy, apply the policy panel's knobs after the scenario's own overrides, simulate it a month
 * at a time (so that the worker can report progress and drop a run a newer request replaced),
 * and derive what the charts need that the report does not hold: each app's daily DAU.
 * No DOM and no worker API here: the worker calls it, and so do the tests in node.
 */
import { signal } from '@preact/signals';
import { defaultEdition, paidEdition } from '../../domain/editions.ts';
import './zodConfig.ts';
import policyText from '../../policy/tencent-im-2019.yaml?raw';
import { dailySeries } from '../../domain/curves.ts';
import { parsePolicy } from '../../policy/load.ts';
import type { OverrideSource } from '../../policy/overrides.ts';
import type { Policy } from '../../policy/schema.ts';
import type { Report } from '../../report/types.ts';
import { parseScenario } from '../../scenario/load.ts';
import { MAX_BROWSER_APP_DAYS } from '../../scenario/limits.ts';
import type { AppSpec, Scenario } from '../../scenario/types.ts';
import { advance, finish, type SimulateOptions, startRun } from '../../sim/simulate.ts';
import { policyKnobs } from '../model/knobs.ts';
import { servedSeries } from '../model/served.ts';
import { buildTimeline } from '../model/timeline.ts';
import { MS_PER_DAY } from '../model/time.ts';
import { type DauSeries, POLICY_PANEL, type RunResult } from './protocol.ts';

export const BUNDLED_POLICY_ID = 'tencent-im-2019';

let bundled: Policy | undefined;

/** The bundled policy, parsed once. */
export function bundledPolicy(): Policy {
  bundled ??= parsePolicy(policyText, `${BUNDLED_POLICY_ID}.yaml`);
  return bundled;
}

/** The browser reads no file beside the scenario: a CSV curve is refused with this. */
export const NO_FILES_MESSAGE =
  'the browser visualizer cannot read files next to the scenario; write the curve inline (values:, series:, points:) or run it with the imsim command';

export interface ParsedRun {
  scenario: Scenario;
  policy: Policy;
  /** The scenario's own `policyOverrides` that the knobs given do not replace (the scenario above holds both, for its report). */
  scenarioOverrides: Record<string, unknown>;
  overrides: Record<string, unknown>;
  warnings: string[];
}

/** The policy panel's knobs have no lines: their issues name the panel. */
const PANEL: OverrideSource = { file: POLICY_PANEL, locate: () => ({ line: 1, column: 1 }) };

/**
 * Parses the text with the knobs given (the policy panel's, or compare's run B's: `source` names
 * them in messages) set after the scenario's own overrides and before the file is checked against
 * the policy, as `imsim run --set` does; throws InputError with every issue.
 */
export function parseRun(text: string, file: string, overrides: Record<string, unknown>, source: OverrideSource = PANEL): ParsedRun {
  const scenario = parseScenario(text, file, {
    policy: bundledPolicy(),
    set: overrides,
    setSource: source,
    maxAppDays: MAX_BROWSER_APP_DAYS,
    readFile: () => {
      throw new Error(NO_FILES_MESSAGE);
    },
  });
  const warnings: string[] = [];
  if (scenario.policyRef !== BUNDLED_POLICY_ID) {
    warnings.push(`the scenario names the policy "${scenario.policyRef}"; the browser runs the bundled ${BUNDLED_POLICY_ID} with the scenario's overrides`);
  }
  const scenarioOverrides = Object.fromEntries(Object.entries(scenario.policyOverrides).filter(([key]) => !Object.hasOwn(overrides, key)));
  return { scenario, policy: scenario.policy, scenarioOverrides, overrides, warnings };
}

export interface SimulateHooks {
  /** Called after each simulated month with the share of the period done. */
  progress?: (fraction: number) => void;
  /** Awaited between months; returning true drops the run. */
  cancelled?: () => boolean | Promise<boolean>;
}

const STEP_MS = 30 * MS_PER_DAY;

/** simulate(), a month at a time: the same report (advance and finish are the engine's own steps). */
export async function simulateInSteps(scenario: Scenario, policy: Policy, hooks: SimulateHooks = {}, options: SimulateOptions = {}): Promise<Report | undefined> {
  const run = startRun(scenario, policy, options);
  const { startAt, endAt } = run.world.period;
  for (let at = startAt + STEP_MS; at < endAt; at += STEP_MS) {
    advance(run, at);
    hooks.progress?.((at - startAt) / (endAt - startAt));
    if (await hooks.cancelled?.()) return undefined;
  }
  return finish(run);
}

/** Every app of the scenario, listed or created by an event. */
function appSpecs(scenario: Scenario): Map<string, AppSpec> {
  const specs = new Map<string, AppSpec>();
  for (const account of scenario.accounts) for (const app of account.apps) specs.set(app.id, app);
  for (const event of scenario.events) if (event.type === 'createApp') specs.set(event.app.id, event.app);
  return specs;
}

/** Daily DAU asked and served per app (the report has monthly peaks only). */
export function dauSeries(scenario: Scenario, policy: Policy, report: Report): DauSeries {
  const timeline = buildTimeline(report);
  const { period } = timeline;
  const specs = appSpecs(scenario);
  const days = period.days;
  const demand = new Float64Array(days * timeline.apps.length);
  const served = new Float64Array(days * timeline.apps.length);
  timeline.apps.forEach((app, index) => {
    const curve = specs.get(app.id)?.usage.dau;
    if (!curve) return;
    const asked = dailySeries(curve, { startDay: period.startDay, days, zone: period.zone, seed: scenario.seed, appId: app.id, key: 'dau', whole: true });
    demand.set(asked, index * days);
    served.set(servedSeries(asked, app.segments, period, policy.editions.trial.limits.users), index * days);
  });
  return { apps: timeline.apps.map((app) => app.id), days, demand, served };
}

/** The result the page receives, from a parsed run and its report, without its daily DAU (`dauSeries`), which it receives after. */
export function runResult(parsed: ParsedRun, report: Report, timings: { parseMs: number; simulateMs: number }): Omit<RunResult, 'dau'> {
  const { scenario, policy } = parsed;
  return {
    report,
    knobs: policyKnobs(policy),
    scenarioOverrides: parsed.scenarioOverrides,
    overrides: parsed.overrides,
    description: scenario.description,
    includedDau: paidEdition(policy.editions, defaultEdition(policy.editions)).includedDau,
    warnings: parsed.warnings,
    ...timings,
  };
}

/** A whole run, its daily DAU included, for the tests and for callers without a worker; undefined when cancelled. */
export async function runScenario(text: string, file: string, overrides: Record<string, unknown>, hooks: SimulateHooks = {}): Promise<RunResult | undefined> {
  const t0 = performance.now();
  const parsed = parseRun(text, file, overrides);
  const t1 = performance.now();
  const report = await simulateInSteps(parsed.scenario, parsed.policy, hooks);
  if (!report) return undefined;
  const result = runResult(parsed, report, { parseMs: t1 - t0, simulateMs: performance.now() - t1 });
  return { ...result, dau: signal(dauSeries(parsed.scenario, parsed.policy, report)) };
}
