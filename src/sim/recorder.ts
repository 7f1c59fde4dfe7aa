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
  RecordSection,
  Records,
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

/**
 * Where a run's records go instead of the recorder's lists: a report too large to hold, written
 * out as the run goes (report/recordSpool.ts).
 */
export interface RecordSink {
  add<S extends RecordSection>(section: S, record: Records[S][number]): void;
  /** A bill recorded when pushed has been charged: its `paid` and `debt` are now final. */
  billCharged(bill: BillRecord): void;
}


export class Recorder {
  observer?: RecordObserver;
  /** Set before the run starts: the records go there, and the lists stay empty. */
  sink?: RecordSink;

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

  /** The first denial since `watchDenials`, null while none; undefined when not watching. */
  private watched: DenialRecord | null | undefined;

  /** A record enters its section of the report (or the sink): in a shard, with its key. */
  private put<S extends RecordSection>(section: S, record: Records[S][number]): void {
    if (this.sink) this.sink.add(section, record);
    else (this[section] as Records[S][number][]).push(record);
    this.keys?.record(section);
  }

  usageOfMonth(record: UsageRecord): void {
    this.put('usage', record);
  }

  bill(record: BillRecord): void {
    this.put('bills', record);
  }

  /** The bill, recorded when pushed, has been charged (its `paid` and `debt` set). */
  billCharged(record: BillRecord): void {
    this.sink?.billCharged(record);
  }

  refund(record: RefundRecord): void {
    this.put('refunds', record);
  }

  /** Records come in runs at one instant (a day's warnings, a month's bills): its text is written once per run. */
  private last = { at: Number.NaN, text: '' };

  instant(at: number): string {
    if (at !== this.last.at) this.last = { at, text: formatInstant(at, this.zone) };
    return this.last.text;
  }

  transition(app: string, account: string, from: AppState, to: AppState, cause: TransitionCause, edition: string): void {
    this.put('transitions', { at: this.instant(this.now()), app, account, from, to, cause, edition });
  }

  notify(kind: NotificationKind, account: string, app?: string): void {
    const at = this.instant(this.now());
    const record: NotificationRecord = app ? { at, account, app, kind, channels } : { at, account, kind, channels };
    this.put('notifications', record);
    this.observer?.notification(record);
  }

  deny(denial: Omit<DenialRecord, 'at'>): void {
    const record = { at: this.instant(this.now()), ...denial };
    this.put('denials', record);
    if (this.watched === null) this.watched = record;
  }

  /** From now on, remember the first denial (read it with `firstWatchedDenial`). */
  watchDenials(): void {
    this.watched = null;
  }

  /** The first denial since `watchDenials`, if any; stops watching. */
  firstWatchedDenial(): DenialRecord | undefined {
    const first = this.watched ?? undefined;
    this.watched = undefined;
    return first;
  }

  event(kind: string, fields: Omit<EventRecord, 'at' | 'kind'>): void {
    this.put('events', { at: this.instant(this.now()), kind, ...fields });
  }

  balance(account: string, balance: Parts, debt: string, cause: string, by?: Actor): void {
    this.put('balances', { at: this.instant(this.now()), account, ...moneyParts(balance), debt: formatMoney(debt), cause, ...(by ? { by } : {}) });
  }

  /** An order; `end` is the instant its period ends, as `order.end` writes it. */
  order(order: OrderRecord, end: number): void {
    this.put('orders', order);
    this.observer?.order(order, end);
  }
}

export type { DenialReason };
