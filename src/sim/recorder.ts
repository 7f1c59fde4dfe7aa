/**
 * Collects what happens during a run into the arrays of the report, in the order it happens.
 * Instants arrive as numbers and leave as ISO strings in the policy's zone; amounts leave as
 * strings with two decimals.
 */
import type { Parts } from '../domain/balance.ts';
import { formatInstant, type Zone } from '../domain/calendar.ts';
import { formatMoney } from '../domain/money.ts';
import type { Actor } from '../scenario/types.ts';
import type { JobKeys } from './jobKeys.ts';
import type {
  AppState,
  BalanceRecord,
  BillRecord,
  DenialReason,
  DenialRecord,
  EventRecord,
  MoneyParts,
  NotificationKind,
  NotificationRecord,
  OrderRecord,
  RefundRecord,
  TransitionCause,
  TransitionRecord,
  UsageRecord,
} from '../report/types.ts';

/** Every notification goes by both channels: one list shared by all records, never changed. */
const channels: readonly string[] = Object.freeze(['email', 'sms']);

export function moneyParts(parts: Parts): MoneyParts {
  return { cash: formatMoney(parts.cash), income: formatMoney(parts.income), gift: formatMoney(parts.gift) };
}

/** Sees records as they are made: the hook through which customers react (sim/behaviour.ts). */
export interface RecordObserver {
  /** An order, with the instant its period ends (the record's `end`). */
  order(record: OrderRecord, end: number): void;
  notification(record: NotificationRecord): void;
}

/** The report's sections the recorder fills, one record at a time. */
export type Section = 'transitions' | 'orders' | 'bills' | 'refunds' | 'notifications' | 'denials' | 'events' | 'balances' | 'usage';
export const sections: readonly Section[] = ['transitions', 'orders', 'bills', 'refunds', 'notifications', 'denials', 'events', 'balances', 'usage'];

export class Recorder {
  observer?: RecordObserver;

  readonly transitions: TransitionRecord[] = [];
  readonly orders: OrderRecord[] = [];
  readonly bills: BillRecord[] = [];
  readonly refunds: RefundRecord[] = [];
  readonly notifications: NotificationRecord[] = [];
  readonly denials: DenialRecord[] = [];
  readonly events: EventRecord[] = [];
  readonly balances: BalanceRecord[] = [];
  readonly usage: UsageRecord[] = [];

  constructor(
    private readonly zone: Zone,
    private readonly now: () => number,
    /** A shard's: each record's place in the whole run (jobKeys.ts). */
    private readonly keys?: JobKeys,
  ) {}

  /** A record enters its section of the report: in a shard, with its key. */
  private added(section: Section): void {
    this.keys?.record(section);
  }

  usageOfMonth(record: UsageRecord): void {
    this.usage.push(record);
    this.added('usage');
  }

  bill(record: BillRecord): void {
    this.bills.push(record);
    this.added('bills');
  }

  refund(record: RefundRecord): void {
    this.refunds.push(record);
    this.added('refunds');
  }

  /** Records come in runs at one instant (a day's warnings, a month's bills): its text is written once per run. */
  private last = { at: Number.NaN, text: '' };

  instant(at: number): string {
    if (at !== this.last.at) this.last = { at, text: formatInstant(at, this.zone) };
    return this.last.text;
  }

  transition(app: string, account: string, from: AppState, to: AppState, cause: TransitionCause, edition: string): void {
    this.transitions.push({ at: this.instant(this.now()), app, account, from, to, cause, edition });
    this.added('transitions');
  }

  notify(kind: NotificationKind, account: string, app?: string): void {
    const at = this.instant(this.now());
    const record: NotificationRecord = app ? { at, account, app, kind, channels } : { at, account, kind, channels };
    this.notifications.push(record);
    this.added('notifications');
    this.observer?.notification(record);
  }

  deny(denial: Omit<DenialRecord, 'at'>): void {
    this.denials.push({ at: this.instant(this.now()), ...denial });
    this.added('denials');
  }

  event(kind: string, fields: Omit<EventRecord, 'at' | 'kind'>): void {
    this.events.push({ at: this.instant(this.now()), kind, ...fields });
    this.added('events');
  }

  balance(account: string, balance: Parts, debt: string, cause: string, by?: Actor): void {
    this.balances.push({ at: this.instant(this.now()), account, ...moneyParts(balance), debt: formatMoney(debt), cause, ...(by ? { by } : {}) });
    this.added('balances');
  }

  /** An order; `end` is the instant its period ends, as `order.end` writes it. */
  order(order: OrderRecord, end: number): void {
    this.orders.push(order);
    this.added('orders');
    this.observer?.order(order, end);
  }
}

export type { DenialReason };
