/**
 * The simulator's live objects: accounts and apps with their actors, and what the engine
 * keeps beside the machines (state timeline, orders, packs, storage settings, usage curves).
 */
import type { InspectionEvent } from 'xstate';
import type { Parts } from '../domain/balance.ts';
import type { Zone } from '../domain/calendar.ts';
import type { DayFill } from '../domain/curves.ts';
import type { AccountMachine } from '../machines/account.machine.ts';
import type { AppMachine } from '../machines/app.machine.ts';
import type { PackFamily, Policy } from '../policy/schema.ts';
import type { AppState, BillRecord } from '../report/types.ts';
import type { AppSpec, UsageKey } from '../scenario/types.ts';
import type { MachineActor } from './machineActor.ts';
import type { Recorder } from './recorder.ts';
import type { Shard } from './shard.ts';
import type { EngineJob, Reaction } from './jobs.ts';
import type { Occurrences } from './occurrences.ts';
import type { VirtualClock } from './virtualClock.ts';

/** What an app's expiry warnings (warnings.ts) need beside its machine: plain data, saved with a paused run. */
export interface WarningState {
  /** Bumped when a window opens or closes. */
  generation: number;
  /** The instant of the last warning sent, so that a window reopened at that instant does not send it again. */
  last: number | null;
}

/**
 * An order as the engine keeps it beside the app for refunds, upgrades and renewals; its report
 * record is not kept, only what is read again (a run of 100,000 apps would hold half a gigabyte
 * of order records).
 */
export interface OrderEntry {
  /** The order's id in the report (`O1`, …). */
  id: string;
  /** The edition the order is for (its record's `edition`). */
  edition: string;
  months: number;
  at: number;
  start: number;
  end: number;
  product: string;
  slices: number[];
  paid: Parts;
  voucher: string;
  refundable: boolean;
  refunded: boolean;
  /** F6 `cancel`: the pack ended with its app's suspension, without refund. */
  cancelled: boolean;
}

/** A held pack (F3, F4): `end` moves earlier when it is refunded (R4) or cancelled (F6). */
export interface PackHolding {
  product: string;
  family: PackFamily;
  start: number;
  end: number;
}

export interface AccountRuntime {
  id: string;
  /** The cohort that generated the account; none for a written one. */
  cohort?: string;
  /** Creation order among all actors: orders same-instant timers (virtualClock.ts). */
  rank: number;
  actor: MachineActor<AccountMachine>;
  apps: AppRuntime[];
  noReasonRefunds: number;
}

export interface AppRuntime {
  id: string;
  rank: number;
  spec: AppSpec;
  account: AccountRuntime;
  actor: MachineActor<AppMachine>;
  state: AppState;
  /** Top-level state from each instant on; the first entry is the creation in trial. */
  timeline: { at: number; state: AppState }[];
  orders: OrderEntry[];
  packs: PackHolding[];
  /** U3: months of history-storage extension from each instant on. */
  storage: { at: number; months: number }[];
  /** The edition in effect from each instant on (sim/editions.ts); the first entry is trial at creation. */
  editions: { at: number; edition: string }[];
  /** X1: the app's expiry warnings (warnings.ts). */
  warnings: WarningState;
  /** Its usage curves as far as its months have been read (monthUsage.ts); dropped once it is reclaimed for good. */
  usageDays?: UsageDays;
}

/** An app's usage curves, read a range of days at a time from the period's first day: `next` is the index of the day each reads next. */
export interface UsageDays {
  next: number;
  curves: Partial<Record<UsageKey, DayFill>>;
}

export interface Period {
  startDay: number;
  /** Number of simulated days. */
  days: number;
  startAt: number;
  /** 00:00 of the day after the last simulated day. */
  endAt: number;
}

export type MachineName = 'app' | 'account';

/** Sees every inspection event of every actor of a run (coverage, debugging). */
export type MachineTrace = (machine: MachineName, event: InspectionEvent) => void;

export interface World {
  /** The policy in effect now. */
  policy: Policy;
  /** The policy the run began under: its id, and every knob that differs from its base (the report's `policy`). */
  start: { id: string; overrides: Record<string, unknown> };
  /** The knob changes made so far, at their instants (policyChange.ts). */
  changes: { at: string; set: Record<string, unknown> }[];
  zone: Zone;
  seed: number;
  period: Period;
  clock: VirtualClock<EngineJob>;
  recorder: Recorder;
  /** Bills made at month close and not yet charged, by `account/month`. */
  pendingBills: Map<string, { bill: BillRecord; pushedAt: number }>;
  accounts: Map<string, AccountRuntime>;
  apps: Map<string, AppRuntime>;
  counters: { orders: number; actors: number };
  trace?: MachineTrace;
  /** When the run is one shard of a run over worker threads (shard.ts). */
  shard?: Shard;
  /** Customers who react (population behaviour, sim/behaviour.ts), when the scenario has a population. */
  customers?: CustomerHook;
  /** Set once the period's last month is closed: the run has nothing left to play. */
  closed?: boolean;
}

/** What the engine asks of the customers: to decide when an app is created, to play a reaction when it is due. */
export interface CustomerHook {
  /** Occurrences of each customer's triggers so far, saved with a paused run. */
  occurrences: Occurrences;
  appStarted(app: AppRuntime): void;
  play(reaction: Reaction): void;
}
