/**
 * The report, format 1 (docs/report-format.md). Field names are a contract:
 * add fields, never rename. Money is a string with two decimals; instants are ISO 8601
 * in the policy time zone with its offset.
 */
import { billItems } from '../domain/vocabulary.ts';
import type { AppState, BillItem, DenialReason, NotificationKind, OrderKind, RefundKind, TransitionCause } from '../domain/vocabulary.ts';

export type { AppState, BillItem, DenialReason, NotificationKind, OrderKind, RefundKind, TransitionCause };
export { appStates, denialReasons, notificationKinds } from '../domain/vocabulary.ts';

/** An amount by the balance part it was drawn from or went back to (A1): cash, income and gift. */
export interface MoneyParts {
  cash: string;
  income: string;
  gift: string;
}

/** A change of an app's state, from one top-level state to another, and its cause. */
export interface TransitionRecord {
  at: string;
  app: string;
  account: string;
  from: AppState;
  to: AppState;
  cause: TransitionCause;
  /** The edition the app is on from this transition (the lapsed one while suspended; trial before any purchase). */
  edition: string;
}

/**
 * A prepaid order of a paid edition or a pack: its list price and what came off it (length
 * discount, promotion, voucher, an upgrade's credit), the total drawn from the balance, and the
 * validity it bought.
 */
export interface OrderRecord {
  id: string;
  at: string;
  account: string;
  app: string;
  product: string;
  months: number;
  kind: OrderKind;
  listPrice: string;
  discount: string;
  promotion: string;
  voucher: string;
  paid: MoneyParts;
  total: string;
  start: string;
  end: string;
  /** Length of start..end in days (P2: twelve 1-month renewals cover fewer days than 12 months). */
  days: string;
  promotionId?: string;
  refundable: boolean;
  /** `behaviour`: placed by a customer's reaction (population behaviour). */
  by?: 'behaviour';
  /** The edition the order is for: its product for an edition, the edition in effect for a pack. */
  edition: string;
  /** An upgrade: the edition it replaces, and the unused part of that edition's orders (R2) taken off the price. */
  upgradedFrom?: string;
  credit?: string;
  /** An upgrade: the credit by the edition of the orders it came from (revenueByEdition takes each part off its edition). */
  creditByEdition?: Record<string, string>;
}

/** One charge of a bill: an app's usage item, the quantity billed, its basis in words and its amount. */
export interface BillLine {
  app: string;
  item: BillItem;
  quantity: string;
  basis: string;
  amount: string;
  /** The paid edition whose rate and inclusion applied (that of the peak day, or of the month's last paid day). */
  edition?: string;
}

/**
 * An account's bill for a calendar month: when it was pushed, its lines and their total, what the
 * balance paid when it was charged, and the rest left as debt.
 */
export interface BillRecord {
  account: string;
  month: string;
  pushedAt: string;
  lines: BillLine[];
  total: string;
  paid: string;
  debt: string;
}

/**
 * An order taken back: the amount returned and how it was found (R2), the balance parts it went
 * back to, and the voucher value not returned.
 */
export interface RefundRecord {
  at: string;
  account: string;
  order: string;
  app: string;
  product: string;
  kind: RefundKind;
  amount: string;
  to: MoneyParts;
  voucherForfeited: string;
  /** R2: how the amount was found, e.g. "2 slices not started + 12.3% of the current slice". */
  basis: string;
  by?: 'behaviour';
}

/** A notice sent to an account, about the account or one of its apps, and the channels it went by. */
export interface NotificationRecord {
  at: string;
  account: string;
  app?: string;
  kind: NotificationKind;
  channels: readonly string[];
}

/** A refused action: the type of event refused, what it concerned, and the reason. */
export interface DenialRecord {
  at: string;
  account: string;
  app?: string;
  type: string;
  product?: string;
  reason: DenialReason;
  by?: 'behaviour';
}

/** Anything else worth knowing (a bill pushed, arrears, records purged…): its kind, and for some kinds a detail in words. */
export interface EventRecord {
  at: string;
  kind: string;
  app?: string;
  account?: string;
  detail?: string;
  by?: 'behaviour';
}

/** An account's balance after a change: its three parts, its debt, and the cause of the change (`order O1`, `bill 2020-03`…). */
export interface BalanceRecord extends MoneyParts {
  at: string;
  account: string;
  debt: string;
  cause: string;
  by?: 'behaviour';
}

/** One app's usage figures for one calendar month of the period. */
export interface UsageRecord {
  app: string;
  month: string;
  peakDau: number;
  peakDauDay: string | null;
  peakGroups: number;
  bandwidthMbpsDays: string;
  userDaysDenied: number;
  roomDaysDenied: number;
  proDays: number;
  /** The paid edition of the month's last paid day; absent for a month without one. */
  edition?: string;
}

/**
 * The result of one entry of the scenario's `expect`: its index and line, the entry as written,
 * whether it held, and what the run produced.
 */
export interface ExpectationResult {
  index: number;
  ok: boolean;
  expected: string;
  actual: string;
  line?: number;
}

/** A number for each app state. */
export type StateCounts = Record<AppState, number>;

/**
 * The run in a few figures: revenue, the debt outstanding at the end of the period, how many apps
 * ended in each state, and the app-days spent in each.
 */
export interface Summary {
  revenue: { prepaid: string; postpaid: string; refunded: string; net: string };
  debtOutstanding: string;
  finalStates: StateCounts;
  /** App-days spent in each state (exact time, in days with two decimals). */
  daysIn: Omit<StateCounts, 'reclaimed'>;
}

/** An app of the run: its account, when it was created and the state it ended the period in. */
export interface AppRecord {
  id: string;
  account: string;
  name?: string;
  createdAt: string;
  finalState: AppState;
  /** The cohort that generated the app, and its tags; absent for a written app. */
  cohort?: string;
  tags?: string[];
}

/** An account of the run, written in the scenario or generated by a cohort. */
export interface AccountRecord {
  id: string;
  /** The cohort that generated the account, and its tags; absent for a written account. */
  cohort?: string;
  tags?: string[];
}


/** The figures that answer a product manager's question (kpis.ts has their definitions). */
export interface KpiSet {
  revenue: {
    prepaid: string;
    postpaidBilled: string;
    postpaidCollected: string;
    refunded: string;
    netBilled: string;
    netCollected: string;
    debtOutstanding: string;
  };
  revenueByItem: Record<RevenueItem, string>;
  /** Each paid edition's net revenue (kpis.ts); only the editions that had orders. */
  revenueByEdition: Record<string, string>;
  apps: Record<AppCount, number>;
  appDays: Record<AppDayState, number>;
  userDaysDenied: number;
  roomDaysDenied: number;
  notifications: Record<NotificationKind, number>;
  denials: Record<DenialReason, number>;
}

/** Revenue by source: the paid editions together (`pro`), the packs, then each bill item. */
export const revenueItems = ['pro', 'packs', ...billItems] as const;
/** One of `revenueItems`: a key of `revenueByItem`. */
export type RevenueItem = (typeof revenueItems)[number];
/** The app counts of the KPIs (`apps.*`): each counts apps, not events (appCounts.ts defines them). */
export const appCounts = [
  'total',
  'converted',
  'autoRenewing',
  'expired',
  'savedInGrace',
  'suspended',
  'suspendedForArrears',
  'renewedAfterSuspension',
  'reclaimed',
  'lostAfterReclaim',
] as const;
/** One of `appCounts`. */
export type AppCount = (typeof appCounts)[number];
/** The states app-days are counted in (`appDays.*`): suspension split by its cause, reclaimed time not counted (appDays.ts). */
export const appDayStates = ['trial', 'active', 'expiredGrace', 'suspendedLapsed', 'suspendedArrears', 'suspendedRefund'] as const;
/** One of `appDayStates`. */
export type AppDayState = (typeof appDayStates)[number];

/** The KPIs of a run (computeKpis): one set for all accounts, then the same set for each tag and each cohort. */
export interface Kpis extends KpiSet {
  /** The same figures for the accounts of each tag (`written` for the accounts written out). */
  byTag: Record<string, KpiSet>;
  byCohort: Record<string, KpiSet>;
}

/**
 * The report of a run, format 1 (docs/report-format.md): its accounts and apps, everything that
 * happened to them, the results of the scenario's expectations, the summary and the KPIs.
 */
export interface Report {
  format: 1;
  scenario: { name: string; file: string; seed: number; rules: string[] };
  /**
   * The policy the run began under: its id and every knob that differs from the policy the
   * scenario names; `changes`, the knobs changed during the run and when (policyChanges).
   */
  policy: { id: string; overrides: Record<string, unknown>; changes?: { at: string; set: Record<string, unknown> }[] };
  period: { start: string; end: string; timezone: string };
  /** Every account of the run: the written ones, then the generated ones. */
  accounts: AccountRecord[];
  /** Every app of the run, in creation order. */
  apps: AppRecord[];
  transitions: TransitionRecord[];
  orders: OrderRecord[];
  bills: BillRecord[];
  refunds: RefundRecord[];
  notifications: NotificationRecord[];
  denials: DenialRecord[];
  events: EventRecord[];
  balances: BalanceRecord[];
  usage: UsageRecord[];
  expectations: ExpectationResult[];
  summary: Summary;
  kpis: Kpis;
}

/** The report's records, from which the KPIs and the expectations are computed. */
export type Records = Omit<Report, 'expectations' | 'summary' | 'kpis'>;

/** The report's lists of records, in the order the report writes them: what a run records as it goes. */
export const recordSections = ['transitions', 'orders', 'bills', 'refunds', 'notifications', 'denials', 'events', 'balances', 'usage'] as const;
/** One of `recordSections`. */
export type RecordSection = (typeof recordSections)[number];
