/**
 * Pausing a run: everything it holds, as JSON. XState's persisted snapshots of every actor, the
 * engine's queue (its jobs are plain data), the pending bills, the records beside the machines
 * and the report so far. Resuming restores the actors, re-arms their timers (rearm.ts) and the
 * queue, so that the final report is byte for byte the one of an uninterrupted run.
 */
import type { Snapshot } from 'xstate';
import type { Policy } from '../policy/schema.ts';
import { type BillRecord, type OrderRecord, type RecordSection, recordSections } from '../report/types.ts';
import type { AppSpec, Scenario } from '../scenario/types.ts';
import { type AppRecords, startAccount, startApp } from './actors.ts';
import { billKey } from './billing.ts';
import type { EngineJob } from './jobs.ts';
import { plainOrder } from './keptOrder.ts';
import { Occurrences } from './occurrences.ts';
import type { Recorder } from './recorder.ts';
import type { OrderEntry, World } from './runtime.ts';
import { createRun, type Run, type SimulateOptions } from './simulate.ts';
import type { SavedJob } from './virtualClock.ts';

export const SAVED_RUN_KIND = 'imsim-paused-run';

type RecorderArrays = Pick<Recorder, RecordSection>;

/** An order as saved; runs saved before orders kept their edition and months beside the id have only the id. */
type SavedOrder = Omit<OrderEntry, 'edition' | 'months'> & Partial<Pick<OrderEntry, 'edition' | 'months'>>;

/**
 * Format 2: the run's start (policy id and overrides) in place of the whole start policy.
 * Format 3: expiry warnings are engine jobs and each app's `warnings` (sim/warnings.ts), no longer machine timers.
 * Format 4: editions as data: each app's `editions` timeline, its machine's `edition` and validity by edition.
 */
export const SAVED_RUN_FORMAT = 4;

/**
 * A paused run as plain data, to write as JSON: its scenario and policies, the clock's queue, the
 * records so far, the pending bills and the persisted snapshot of every actor.
 */
export interface SavedRun {
  format: typeof SAVED_RUN_FORMAT;
  kind: typeof SAVED_RUN_KIND;
  scenario: Scenario;
  /** The policy in effect when the run was saved, the one it began under, and the changes between. */
  policy: Policy;
  start: World['start'];
  changes: { at: string; set: Record<string, unknown> }[];
  at: number;
  clock: { jobs: SavedJob<EngineJob>[]; sequence: number };
  counters: { orders: number; actors: number };
  /** Occurrences of each customer's triggers so far (population behaviour). */
  customers?: Record<string, number>;
  /** Saved after the run was finished: its last month is closed. */
  closed?: boolean;
  recorder: RecorderArrays;
  pendingBills: { bill: BillRecord; pushedAt: number; pushed: boolean }[];
  accounts: { id: string; rank: number; noReasonRefunds: number; snapshot: Snapshot<unknown> }[];
  apps: (Omit<AppRecords, 'orders'> & {
    id: string;
    account: string;
    rank: number;
    spec: AppSpec;
    orders: SavedOrder[];
    snapshot: Snapshot<unknown>;
  })[];
}

/** A copy of the run as it stands, as a SavedRun for `resumeRun`; the run itself goes on unchanged. */
export function saveRun({ scenario, world }: Run): SavedRun {
  if (world.recorder.sink) throw new Error('a run whose records are written out as it goes (spooledRun.ts) keeps none to save');
  const recorder = Object.fromEntries(recordSections.map((key) => [key, world.recorder[key]])) as RecorderArrays;
  return structuredClone({
    format: SAVED_RUN_FORMAT,
    kind: SAVED_RUN_KIND,
    scenario,
    policy: world.policy,
    start: world.start,
    changes: world.changes,
    at: world.clock.now(),
    clock: world.clock.saveJobs(),
    counters: world.counters,
    ...(world.customers ? { customers: world.customers.occurrences.toKeys() } : {}),
    ...(world.closed ? { closed: true } : {}),
    recorder,
    pendingBills: [...world.pendingBills.values()].map(({ bill, pushedAt }) => ({
      bill,
      pushedAt,
      pushed: world.recorder.bills.includes(bill),
    })),
    accounts: [...world.accounts.values()].map((account) => ({
      id: account.id,
      rank: account.rank,
      noReasonRefunds: account.noReasonRefunds,
      snapshot: account.actor.getPersistedSnapshot(),
    })),
    apps: [...world.apps.values()].map((app) => ({
      id: app.id,
      account: app.account.id,
      rank: app.rank,
      spec: app.spec,
      state: app.state,
      timeline: app.timeline,
      orders: app.orders.map(plainOrder),
      packs: app.packs,
      storage: app.storage,
      editions: app.editions,
      warnings: app.warnings,
      snapshot: app.actor.getPersistedSnapshot(),
    })),
  } satisfies SavedRun);
}

/**
 * The run a SavedRun was saved from, at the instant it was saved, to `advance` or `finish`: its
 * final report is the one the uninterrupted run gives.
 */
export function resumeRun(saved: SavedRun, options: Omit<SimulateOptions, 'shard'> = {}): Run {
  const run = createRun(saved.scenario, saved.policy, options, saved.at);
  const { world, machines } = run;
  world.start = saved.start;
  world.changes.push(...saved.changes);
  for (const key of recordSections) (world.recorder[key] as unknown[]).push(...saved.recorder[key]);
  Object.assign(world.counters, saved.counters);
  world.closed = saved.closed;
  if (world.customers && saved.customers) world.customers.occurrences = Occurrences.fromKeys(saved.customers);
  const ordersById = new Map<string, OrderRecord>(world.recorder.orders.map((order) => [order.id, order]));
  for (const pending of saved.pendingBills) {
    const pushed = world.recorder.bills.find((bill) => bill.account === pending.bill.account && bill.month === pending.bill.month);
    const bill = pending.pushed && pushed ? pushed : pending.bill;
    world.pendingBills.set(billKey(bill.account, bill.month), { bill, pushedAt: pending.pushedAt });
  }
  for (const account of saved.accounts) {
    const spec = run.specs.get(account.id);
    if (!spec) throw new Error(`saved account ${account.id} is not in the saved scenario`);
    startAccount(world, machines, spec, account).noReasonRefunds = account.noReasonRefunds;
  }
  for (const app of saved.apps) {
    const account = world.accounts.get(app.account);
    if (!account) throw new Error(`saved app ${app.id} names an unknown account ${app.account}`);
    const orders = app.orders.map((order) => {
      const record = ordersById.get(order.id) as OrderRecord;
      return { ...order, edition: order.edition ?? record.edition, months: order.months ?? record.months };
    });
    const records = { state: app.state, timeline: app.timeline, orders, packs: app.packs, storage: app.storage, editions: app.editions, warnings: app.warnings };
    startApp(world, machines, account, app.spec, { snapshot: app.snapshot, rank: app.rank, records });
  }
  world.clock.restoreJobs(saved.clock);
  return run;
}
