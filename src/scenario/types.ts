/**
 * A scenario as the simulator receives it: parsed, validated and resolved by the loader
 * (docs/scenario-format.md). Times are instants (ms since epoch, see domain/calendar);
 * amounts are decimal strings; curves are still curves (domain/curves turns them into days).
 */
import type { Policy } from '../policy/schema.ts';
import type { Cohort } from '../population/cohort.ts';
import type { AppState, BillItem, DenialReason, TransitionCause } from '../report/types.ts';

/**
 * A usage figure over the period (docs/scenario-format.md, "Curves"): a constant, a line, steps,
 * points, growth, a random walk, a weekly pattern or noise over another curve, a series of values
 * or a CSV column. domain/curves.ts turns it into one value a day.
 */
export type Curve =
  | { constant: number }
  | { linear: { from: number; to: number } }
  | { steps: { from: string; value: number }[] }
  | { points: { at: string; value: number }[] }
  | { growth: { start: number; monthlyRate: number } }
  | { randomWalk: { start: number; drift: number; volatility: number; min?: number; max?: number } }
  | { weekly: { base: Curve; weekendFactor: number } }
  | { noise: { base: Curve; sigma: number } }
  | { series: number[] }
  /** `values` holds the CSV column by local date (YYYY-MM-DD), read by the loader. */
  | { csv: string; column: string; values: Record<string, number> };

export const usageKeys = ['dau', 'groups', 'avBandwidthMbps', 'avBandwidthInternationalMbps', 'avChatrooms'] as const;
export type UsageKey = (typeof usageKeys)[number];

/** Usage keys that count things (users, groups, rooms): whole numbers only. Mbps may be decimal. */
export const countKeys: ReadonlySet<UsageKey> = new Set<UsageKey>(['dau', 'groups', 'avChatrooms']);

export type UsageSpec = Partial<Record<UsageKey, Curve>>;

export interface Parts {
  cash: string;
  income: string;
  gift: string;
}

export interface AppSpec {
  id: string;
  name?: string;
  createdAt: number;
  usage: UsageSpec;
}

export interface AccountSpec {
  id: string;
  balance: Parts;
  apps: AppSpec[];
  /** The cohort that generated the account; none for a written one. */
  cohort?: string;
}

/** Knobs that take new values at an instant of the run (`policyChanges:`). */
export interface PolicyChange {
  at: number;
  set: Record<string, unknown>;
  line: number;
}

/** A cohort of `population:` as parsed, with the line it is written at. */
export type PopulationCohort = Cohort<Curve, UsageKey> & { line: number };

interface EventBase {
  at: number;
  /** Line of the event in the scenario file, for messages (0 for a customer's reaction). */
  line: number;
  /** A customer's reaction (population behaviour), not an event written in the scenario. */
  by?: Actor;
}

export type Actor = 'behaviour';

/** An action at an instant of the run: one the scenario's `events` write, or a generated customer's reaction (`by`). */
export type ScenarioEvent = EventBase &
  (
    | { type: 'purchase'; app: string; product: string; months: number; voucher?: string; promotion?: string }
    /** `product` absent: the edition the app's last period was on (its first paid edition if it never had one). */
    | { type: 'renew'; app: string; product?: string; months: number; voucher?: string; promotion?: string }
    | { type: 'refund'; app: string; product: string; kind: 'noReason' | 'normal' }
    | { type: 'topUp'; account: string; cash: string; income: string; gift: string }
    | { type: 'setAutoRenew'; app: string; on: boolean }
    | { type: 'setStorageExtension'; app: string; months: number }
    | { type: 'createApp'; account: string; app: AppSpec }
  );

export type EventType = ScenarioEvent['type'];

interface ExpectationBase {
  line: number;
  /** The expectation as written, for messages. */
  text: string;
}

/** One entry of the scenario's `expect`, as parsed: what the report must show (a state at an instant, a bill, a refund, a KPI…). */
export type Expectation = ExpectationBase &
  (
    | { kind: 'state'; at: number; app: string; state: AppState }
    | { kind: 'billTotal'; account: string; month: string; total: string }
    | { kind: 'billLine'; account: string; month: string; app: string; item: BillItem; amount: string }
    | { kind: 'refund'; app: string; product: string; nth: number; amount?: string; to?: Partial<Parts> }
    | { kind: 'balance'; account: string; at: number; cash?: string; income?: string; gift?: string; debt?: string }
    | { kind: 'denied'; app?: string; account?: string; type: EventType; nth: number; reason: DenialReason }
    | { kind: 'transition'; app: string; to: AppState; nth: number; at?: number; cause?: TransitionCause }
    | { kind: 'order'; app: string; product: string; nth: number; total?: string; start?: number; end?: number }
    | { kind: 'notifications'; app?: string; account?: string; notification: string; count?: number; first?: number; last?: number }
    | { kind: 'event'; app?: string; account?: string; event: string; nth: number; at?: number }
    | ({ kind: 'usage'; app: string; month: string } & Partial<Record<UsageFigure, number>>)
    | { kind: 'kpi'; name: string; cohort?: string; tag?: string; value?: string; atLeast?: string; atMost?: string }
  );

export type UsageFigure = 'peakDau' | 'peakGroups' | 'proDays' | 'userDaysDenied' | 'roomDaysDenied';

/**
 * A scenario ready to run: its period, its policy with the scenario's overrides applied, the
 * knob changes within the run, its accounts (written, then generated), its events in time order
 * and its expectations.
 */
export interface Scenario {
  /** The path as given to the loader. */
  file: string;
  name: string;
  description?: string;
  rules: string[];
  /** The policy as written in the file: a bundled id or a path relative to the scenario. */
  policyRef: string;
  policyOverrides: Record<string, unknown>;
  /** The policy the file names (or the caller gave) as it is, before any override. */
  policyBase: Policy;
  /** The policy with the scenario's overrides applied. */
  policy: Policy;
  /** Knob changes within the run, in time order. */
  policyChanges: PolicyChange[];
  /** First and last simulated day, YYYY-MM-DD, local to the policy's zone. */
  start: string;
  end: string;
  seed: number;
  /** The written accounts, then the generated ones, cohort by cohort. */
  accounts: AccountSpec[];
  population: PopulationCohort[];
  /** Sorted by time; ties keep file order. */
  events: ScenarioEvent[];
  expect: Expectation[];
}
