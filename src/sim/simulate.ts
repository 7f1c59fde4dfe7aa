/**
 * `simulate(scenario, policy) → report`: builds the world, schedules the scenario's events and
 * the month closes on one virtual clock, runs it to the end of the period and assembles the
 * report. Deterministic: the same input gives the same report, whatever the machine.
 *
 * A run can also be taken step by step (`startRun`, `advance`, `finish`) and paused: see
 * persist.ts for saving it at any instant and resuming it in another process.
 */
import { dayNumber, MS_PER_DAY, parseLocalTime, startOfLocalDay, type Zone, zoneNamed } from '../domain/calendar.ts';
import { overridesFrom } from '../policy/diff.ts';
import { isBundledPolicyId, loadPolicy } from '../policy/load.ts';
import { canReadFiles } from '../input/files.ts';
import type { Policy } from '../policy/schema.ts';
import { reportFigures } from '../report/kpis.ts';
import type { Records, Report } from '../report/types.ts';
import type { AccountSpec, Scenario } from '../scenario/types.ts';
import { createMachines, type Machines, startAccount, startApp } from './actors.ts';
import { Customers } from './behaviour.ts';
import { chargeBill, closeFullMonth, closeLastMonth, pushBill, scheduleMonthCloses } from './billing.ts';
import { checkExpectations } from './expectations.ts';
import type { EngineJob } from './jobs.ts';
import { Recorder, type RecordSink } from './recorder.ts';
import type { MachineTrace, Period, World } from './runtime.ts';
import { changePolicy } from './policyChange.ts';
import { playEvent } from './scenarioEvents.ts';
import { Shard, type ShardOptions } from './shard.ts';
import { Subject } from './jobKeys.ts';
import { Priority, VirtualClock } from './virtualClock.ts';
import { sendWarning } from './warnings.ts';
import { purgeRecords } from './purge.ts';
import { runInstant } from './runInstant.ts';

/** Options of a run: a trace of the machines, the policy the report's overrides count from, and a shard to run alone. */
export interface SimulateOptions {
  /** Sees every inspection event of every machine (XState's inspection API). */
  trace?: MachineTrace;
  /**
   * The policy the report's `policy.overrides` count from. Default: the policy the scenario
   * names when the run's policy has its id, else the bundled policy of that id, else the run's
   * policy itself (no overrides).
   */
  base?: Policy;
  /** Run one shard of the scenario's accounts only, keying every record by its place in the whole run (shard.ts). */
  shard?: ShardOptions;
  /** Where the records go instead of the report's lists (spooledRun.ts). */
  sink?: RecordSink;
}

/** A run under way (`startRun`): its scenario, the simulated world and machines. Advance it, read it, finish it. */
export interface Run {
  scenario: Scenario;
  world: World;
  machines: Machines;
  /** The accounts it plays by id: the scenario's, or a shard's own (`SimulateOptions.shard`). */
  specs: Map<string, AccountSpec>;
}

export function policyZone(policy: Policy): Zone {
  const zone = zoneNamed(policy.timezone);
  if (!zone) throw new Error(`unknown time zone ${policy.timezone}: the policy loader rejects it`);
  return zone;
}

export function periodOf(scenario: Scenario, zone: Zone): Period {
  const [startAt, lastDayAt] = [scenario.start, scenario.end].map((date) => parseLocalTime(date, zone) as number);
  const [year, month, day] = scenario.start.split('-').map(Number);
  const days = Math.round((lastDayAt - startAt) / MS_PER_DAY) + 1;
  const startDay = dayNumber(year, month, day);
  return { startDay, days, startAt, endAt: startOfLocalDay(startDay + days, zone) };
}

type JobRunners = { [K in EngineJob['kind']]: (run: Run, job: Extract<EngineJob, { kind: K }>) => void };

const jobRunners: JobRunners = {
  startApp: ({ world, machines, specs }, job) => {
    const account = world.accounts.get(job.account);
    const spec = specs.get(job.account)?.apps[job.app];
    if (!account || !spec) return;
    const app = startApp(world, machines, account, spec);
    world.customers?.appStarted(app);
  },
  event: ({ world, machines, scenario }, job) => playEvent(world, machines, scenario.events[job.index]),
  closeMonth: ({ world }, job) => closeFullMonth(world, job.year, job.month),
  pushBill: ({ world }, job) => pushBill(world, job.account, job.month),
  chargeBill: ({ world }, job) => chargeBill(world, job.account, job.month),
  reaction: ({ world }, job) => world.customers?.play(job.reaction),
  expiryWarning: ({ world }, job) => {
    const app = world.apps.get(job.app);
    if (app) sendWarning(world, app, job);
  },
  policyChange: ({ world, scenario }, job) => changePolicy(world, scenario.policyChanges[job.index].set),
  purgeRecords: ({ world }, job) => {
    const app = world.apps.get(job.app);
    if (app) purgeRecords(world, app);
  },
};

function runJob(run: Run, job: EngineJob): void {
  (jobRunners[job.kind] as (run: Run, job: EngineJob) => void)(run, job);
}

/**
 * The policy a report's `policy.overrides` count from: `options.base`; else the scenario's base
 * policy when the run's has its id; else the bundled policy of that id (where files can be
 * read); else the run's policy itself (no overrides).
 */
function overridesBase(scenario: Scenario, policy: Policy, options: SimulateOptions): Policy {
  if (options.base) return options.base;
  if (scenario.policyBase.id === policy.id) return scenario.policyBase;
  return isBundledPolicyId(policy.id) && canReadFiles() ? loadPolicy(policy.id) : policy;
}

/** The accounts a run plays, with their positions in the scenario's list: a shard's own, else all. */
function accountsOf(scenario: Scenario, shard: Shard | undefined): [number, AccountSpec][] {
  return shard ? shard.positions.map((position) => [position, scenario.accounts[position]]) : [...scenario.accounts.entries()];
}

/** A run with its world and machines, its clock at `at` (the period's start for a new run). */
export function createRun(scenario: Scenario, policy: Policy, options: SimulateOptions, at?: number): Run {
  const zone = policyZone(policy);
  const period = periodOf(scenario, zone);
  const shard = options.shard && new Shard(scenario, options.shard);
  const run = { scenario, specs: new Map(accountsOf(scenario, shard).map(([, account]) => [account.id, account])) } as Run;
  const clock = new VirtualClock<EngineJob>(at ?? period.startAt, (job) => runJob(run, job), shard?.keys);
  run.world = {
    policy,
    start: { id: policy.id, overrides: overridesFrom(overridesBase(scenario, policy, options), policy) },
    changes: [],
    zone,
    seed: scenario.seed,
    period,
    clock,
    recorder: new Recorder(zone, () => clock.now(), shard?.keys),
    pendingBills: new Map(),
    accounts: new Map(),
    apps: new Map(),
    counters: { orders: 0, actors: 0 },
    trace: options.trace,
    shard,
  };
  run.world.recorder.sink = options.sink;
  run.machines = createMachines(run.world);
  if (scenario.population.length > 0) {
    const behaviours = new Map(scenario.population.map((cohort) => [cohort.cohort, cohort.behaviour]));
    const customers = new Customers(run.world, run.machines, behaviours);
    run.world.customers = customers;
    run.world.recorder.observer = customers;
  }
  return run;
}

/**
 * A run at the start of the scenario's period, to be played step by step: `advance` it to an
 * instant, read `reportSoFar`, `saveRun` it, `finish` it. `policy` replaces the scenario's own
 * (see `simulate`).
 */
export function startRun(scenario: Scenario, policy: Policy = scenario.policy, options: SimulateOptions = {}): Run {
  const run = createRun(scenario, policy, options);
  const { world, machines } = run;
  const { shard } = world;
  for (const [position, spec] of accountsOf(scenario, shard)) {
    shard?.keys.subject(position + 1);
    const account = startAccount(world, machines, spec);
    const { balance, debt } = account.actor.context;
    world.recorder.balance(account.id, balance, debt, 'opening balance');
    spec.apps.forEach((app, index) => {
      world.clock.schedule(app.createdAt, Priority.scenario, { kind: 'startApp', account: spec.id, app: index });
    });
  }
  scenario.events.forEach((event, index) => {
    if (shard && !shard.plays(event)) return;
    shard?.keys.subject(Subject.events + index);
    world.clock.schedule(event.at, Priority.scenario, { kind: 'event', index });
  });
  scenario.policyChanges.forEach((change, index) => {
    shard?.keys.subject(Subject.policyChanges + index);
    world.clock.schedule(change.at, Priority.policy, { kind: 'policyChange', index });
  });
  shard?.keys.subject(Subject.monthCloses);
  scheduleMonthCloses(world);
  return run;
}

/**
 * Plays every job due before `until` (exclusive, and never past the end of the period): a
 * date-time in the policy's zone (`"2020-03-15"` is its midnight, `"2020-03-15T12:00"`, an offset
 * allowed) or epoch milliseconds. A text that is no date-time throws InputError. An instant at or
 * before where the run stands plays nothing (a run never goes back).
 */
export function advance(run: Run, until: number | string): void {
  const at = runInstant(until, run.world.zone, run.scenario.file, 'until');
  run.world.clock.runUntil(Math.min(at, run.world.period.endAt));
}

/**
 * The report of a partial run, as of where it stands: what has happened so far (bills only of
 * the months already closed; `finalState` is each app's state now), and the expectations
 * checked against it, so those about later instants may not hold yet. The run goes on
 * unchanged: the report is a copy.
 */
export function reportSoFar(run: Run): Report {
  return reportOf(run.scenario, structuredClone(recordsOf(run)), run.world.zone);
}

/** Plays the rest of the period and closes its last month. */
export function playToEnd(run: Run): void {
  if (run.world.closed) return;
  advance(run, run.world.period.endAt);
  run.world.shard?.keys.enterFinal();
  closeLastMonth(run.world);
  run.world.closed = true;
}

/** Plays the rest of the period and assembles the report; a finished run gives the same report again. */
export function finish(run: Run): Report {
  playToEnd(run);
  return reportOf(run.scenario, recordsOf(run), run.world.zone);
}

/**
 * Simulates the scenario to the end of its period: its report, the same for the same input on
 * every machine. `policy` defaults to the one the scenario resolved (its file's policy with its
 * `policyOverrides` and any `set`); a policy given here **replaces** it whole, the scenario's
 * overrides included: to run a scenario under other knobs, load it with `{ set }` or `{ policy }`
 * instead. The report's `policy` names the policy the run used and every value in which it
 * differs from the scenario's base policy when it has that one's id, else from the bundled
 * policy of that id (`options.base` sets another to count from).
 */
export function simulate(scenario: Scenario, policy: Policy = scenario.policy, options: SimulateOptions = {}): Report {
  return finish(startRun(scenario, policy, options));
}

/** The report's period: the scenario's dates in the policy's zone. */
export function periodRecord(scenario: Scenario, policy: Policy): Records['period'] {
  return { start: scenario.start, end: scenario.end, timezone: policy.timezone };
}

/** The report's accounts: each with its cohort and the cohort's tags, if generated. */
export function accountRecords(scenario: Scenario, accounts: Iterable<{ id: string; cohort?: string }>): Records['accounts'] {
  const tags = new Map(scenario.population.map((cohort) => [cohort.cohort, cohort.tags]));
  return [...accounts].map((account) => ({ id: account.id, ...cohortOf(tags, account.cohort) }));
}

function cohortOf(tags: ReadonlyMap<string, readonly string[]>, cohort: string | undefined) {
  return cohort === undefined ? {} : { cohort, tags: [...(tags.get(cohort) ?? [])] };
}

/** The run's records, as the report lists them. */
export function recordsOf({ scenario, world }: Run): Records {
  const { recorder, policy } = world;
  const tags = new Map(scenario.population.map((cohort) => [cohort.cohort, cohort.tags]));
  return {
    format: 1,
    scenario: { name: scenario.name, file: scenario.file, seed: scenario.seed, rules: [...scenario.rules] },
    policy: { ...world.start, ...(world.changes.length > 0 ? { changes: world.changes } : {}) },
    period: periodRecord(scenario, policy),
    accounts: accountRecords(scenario, world.accounts.values()),
    apps: [...world.apps.values()].map((app) => ({
      id: app.id,
      account: app.account.id,
      ...(app.spec.name ? { name: app.spec.name } : {}),
      createdAt: recorder.instant(app.timeline[0].at),
      finalState: app.state,
      ...cohortOf(tags, app.account.cohort),
    })),
    transitions: recorder.transitions,
    orders: recorder.orders,
    bills: recorder.bills,
    refunds: recorder.refunds,
    notifications: recorder.notifications,
    denials: recorder.denials,
    events: recorder.events,
    balances: recorder.balances,
    usage: recorder.usage,
  };
}

/** The report of a run's records: its figures and the scenario's expectations checked. */
export function reportOf(scenario: Scenario, records: Records, zone: Zone): Report {
  const { kpis, summary } = reportFigures(records);
  const expectations = checkExpectations(scenario.expect, { ...records, kpis }, zone);
  return { ...records, expectations, summary, kpis };
}
