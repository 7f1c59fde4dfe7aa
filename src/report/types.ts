/**
 * The report, format 1 (docs/report-format.md). Field names are a contract:
 * add fields, never rename. Money is a string with two decimals; instants are ISO 8601
 * in the policy time zone with its offset.
 */
import { billItems } from '../domain/vocabulary.ts';
import type { AppState, BillItem, DenialReason, NotificationKind, OrderKind, RefundKind, TransitionCause } from '../domain/vocabulary.ts';

export type { AppState, BillItem, DenialReason, NotificationKind, OrderKind, RefundKind, TransitionCause };
export { appStates, denialReasons, notificationKinds } from '../domain/vocabulary.ts';

export interface MoneyParts {
  cash: string;
  income: string;
  gift: string;
}

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

export interface BillLine {
  app: string;
  item: BillItem;
  quantity: string;
  basis: string;
  amount: string;
  /** The paid edition whose rate and inclusion applied (that of the peak day, or of the month's last paid day). */
  edition?: string;
}

export interface BillRecord {
  account: string;
  month: string;
  pushedAt: string;
  lines: BillLine[];
  total: string;
  paid: string;
  debt: string;
}

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

export interface NotificationRecord {
  at: string;
  account: string;
  app?: string;
  kind: NotificationKind;
  channels: readonly string[];
}

export interface DenialRecord {
  at: string;
  account: string;
  app?: string;
  type: string;
  product?: string;
  reason: DenialReason;
  by?: 'behaviour';
}

export interface EventRecord {
  at: string;
  kind: string;
  app?: string;
  account?: string;
  detail?: string;
  by?: 'behaviour';
}

export interface BalanceRecord extends MoneyParts {
  at: string;
  account: string;
  debt: string;
  cause: string;
  by?: 'behaviour';
}

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

export interface ExpectationResult {
  index: number;
  ok: boolean;
  expected: string;
  actual: string;
  line?: number;
}

export type StateCounts = Record<AppState, number>;

export interface Summary {
  revenue: { prepaid: string; postpaid: string; refunded: string; net: string };
  debtOutstanding: string;
  finalStates: StateCounts;
  /** App-days spent in each state (exact time, in days with two decimals). */
  daysIn: Omit<StateCounts, 'reclaimed'>;
}

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
export type RevenueItem = (typeof revenueItems)[number];
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
export type AppCount = (typeof appCounts)[number];
export const appDayStates = ['trial', 'active', 'expiredGrace', 'suspendedLapsed', 'suspendedArrears', 'suspendedRefund'] as const;
export type AppDayState = (typeof appDayStates)[number];

export interface Kpis extends KpiSet {
  /** The same figures for the accounts of each tag (`written` for the accounts written out). */
  byTag: Record<string, KpiSet>;
  byCohort: Record<string, KpiSet>;
}

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
