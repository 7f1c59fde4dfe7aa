/**
 * The story of each app in words, from the report alone: "bought pro × 1 month on 2020-02-10
 * (999.00), expired 2020-03-09 (expiry), suspended 2020-03-17 (graceOver), reclaimed 2020-06-15
 * (retentionOver); paid 999.00; refunded 0.00". And the account's: arrears and top-ups.
 */
import Decimal from 'decimal.js';
import { MoneySum } from '../../domain/moneySum.ts';
import { opened } from '../../report/tally.ts';
import type { AppState, OrderRecord, Report, TransitionCause } from '../../report/types.ts';
import { type AppTimeline, appLabel, type Timeline } from './timeline.ts';
import { formatWhen, instant } from './time.ts';
import { causeWords, plural } from './words.ts';

export type StoryKind = 'order' | 'transition' | 'refund' | 'arrears' | 'topUp';

export interface StoryItem {
  at: number;
  kind: StoryKind;
  /** What happened: "bought pro × 1 month". */
  verb: string;
  /** When, local: "2020-02-10 14:30". */
  when: string;
  /** The amount or the cause: "999.00", "graceOver". */
  detail: string;
  /** `verb when (detail)`. */
  text: string;
  cause?: TransitionCause;
  /** The state the app entered, for a transition. */
  state?: AppState;
  /** The paid edition of the period, for a transition. */
  edition?: string;
}

export interface AppStory {
  app: string;
  label: string;
  account: string;
  items: StoryItem[];
  /** Orders, before refunds. */
  paid: string;
  refunded: string;
  /** The app's lines of the pushed bills. */
  billed: string;
  finalState: AppState;
  /** It expired and was suspended for it (X2, X3): the app lapsed. */
  lapsed: boolean;
  /** The story as one line. */
  words: string;
}

export interface AccountStory {
  account: string;
  items: StoryItem[];
  words: string;
}

const money = (value: Decimal) => value.toFixed(2);

function item(at: number, kind: StoryKind, verb: string, when: string, detail: string, extra: Partial<StoryItem> = {}): StoryItem {
  return { at, kind, verb, when, detail, text: detail ? `${verb} ${when} (${detail})` : `${verb} ${when}`, ...extra };
}

/** Transitions an order already tells (a purchase makes the app active). */
const toldByOrders: ReadonlySet<TransitionCause> = new Set(['purchase', 'renewal', 'autoRenewal']);

export function appStories(report: Report, timeline: Timeline): AppStory[] {
  const book = new StoryBook(report, timeline);
  return timeline.apps.map((app) => book.story(app.id)).filter((story): story is AppStory => story !== undefined);
}

/** The stories of a run's apps, each told when first asked for (a fleet has 1,000 of them). */
export class StoryBook {
  private readonly told = new Map<string, AppStory>();
  private readonly ordersByApp: Map<string, OrderRecord[]>;
  private readonly refundsByApp: Map<string, Report['refunds']>;
  private readonly billed = new Map<string, MoneySum>();

  constructor(
    report: Report,
    private readonly timeline: Timeline,
  ) {
    this.ordersByApp = groupBy(report.orders, (o) => o.app);
    this.refundsByApp = groupBy(report.refunds, (r) => r.app);
    for (const bill of report.bills) {
      for (const line of bill.lines) opened(this.billed, line.app, () => new MoneySum()).add(line.amount);
    }
  }

  story(appId: string): AppStory | undefined {
    let story = this.told.get(appId);
    if (!story) {
      const app = this.timeline.apps[this.timeline.appIndex.get(appId) ?? -1];
      if (!app) return undefined;
      story = appStory(app, this.timeline, this.ordersByApp.get(appId) ?? [], this.refundsByApp.get(appId) ?? [], this.billed.get(appId)?.value());
      this.told.set(appId, story);
    }
    return story;
  }
}

/** Apps that lapsed: suspended when grace ran out (X3). */
export function lapsedApps(timeline: Timeline): string[] {
  return timeline.apps.filter((app) => app.transitions.some((t) => t.cause === 'graceOver')).map((app) => app.id);
}

function appStory(
  app: AppTimeline,
  timeline: Timeline,
  orders: OrderRecord[],
  refunds: Report['refunds'],
  billed = new Decimal(0),
): AppStory {
  const { zone } = timeline.period;
  const when = (at: number) => formatWhen(at, zone);
  const items: StoryItem[] = [...orderItems(orders, when)];
  for (const r of refunds) {
    const at = instant(r.at);
    const kind = r.kind === 'noReason' ? 'no-reason refund' : 'refund';
    items.push(item(at, 'refund', `refunded ${r.amount}`, when(at), `${kind} of ${r.product}`));
  }
  for (const t of app.transitions) {
    if (toldByOrders.has(t.cause) && t.to === 'active') continue;
    const words = causeWords[t.cause];
    const verb = t.cause === 'arrearsCleared' ? `restored to ${t.to}` : words.verb;
    items.push(item(t.at, 'transition', verb, when(t.at), t.cause, { cause: t.cause, state: t.to, ...(t.edition ? { edition: t.edition } : {}) }));
  }
  items.sort((a, b) => a.at - b.at); // stable: at one instant, the order or refund comes before what it caused
  const paid = orders.reduce((sum, o) => sum.plus(o.total), new Decimal(0));
  const refunded = refunds.reduce((sum, r) => sum.plus(r.amount), new Decimal(0));
  const lapsed = app.transitions.some((t) => t.cause === 'graceOver');
  const told = items.length > 0 ? items.map((i) => i.text).join(', ') : 'stayed on trial';
  const words = `${told}; paid ${money(paid)}; refunded ${money(refunded)}; usage billed ${money(billed)}; ends ${app.finalState}`;
  return {
    app: app.id,
    label: appLabel(app),
    account: app.account,
    items,
    paid: money(paid),
    refunded: money(refunded),
    billed: money(billed),
    finalState: app.finalState,
    lapsed,
    words,
  };
}

/** Orders in words; consecutive automatic renewals are told once ("auto-renewed pro 6 times …"). */
function orderItems(orders: OrderRecord[], when: (at: number) => string): StoryItem[] {
  const items: StoryItem[] = [];
  for (let i = 0; i < orders.length; i++) {
    const order = orders[i];
    const at = instant(order.at);
    if (order.kind === 'autoRenewal') {
      let last = i;
      while (last + 1 < orders.length && orders[last + 1].kind === 'autoRenewal' && orders[last + 1].product === order.product) last++;
      const run = orders.slice(i, last + 1);
      const total = run.reduce((sum, o) => sum.plus(o.total), new Decimal(0));
      const verb = run.length === 1 ? `auto-renewed ${order.product}` : `auto-renewed ${order.product} ${plural(run.length, 'time')} from`;
      const span = run.length === 1 ? when(at) : `${when(at)} to ${when(instant(orders[last].at))}`;
      items.push(item(at, 'order', verb, span, money(total), { cause: 'autoRenewal' }));
      i = last;
      continue;
    }
    const verb = { renewal: 'renewed', upgrade: 'upgraded to', purchase: 'bought' }[order.kind];
    const cause = order.kind === 'upgrade' ? 'purchase' : order.kind;
    items.push(item(at, 'order', `${verb} ${order.product} × ${plural(order.months, 'month')}`, when(at), order.total, { cause }));
  }
  return items;
}

/** Arrears episodes and top-ups of each account, from its balance points. */
export function accountStories(timeline: Timeline): AccountStory[] {
  const { zone } = timeline.period;
  return timeline.accounts.map((account) => {
    const items: StoryItem[] = [];
    let previous = account.points[0];
    for (const point of account.points.slice(1)) {
      if (previous.debt === 0 && point.debt > 0) {
        const text = `fell into arrears ${formatWhen(point.at, zone)}: ${point.record.cause} left a debt of ${point.record.debt}`;
        items.push({ ...item(point.at, 'arrears', 'fell into arrears', formatWhen(point.at, zone), `${point.record.cause} left a debt of ${point.record.debt}`), text });
      } else if (previous.debt > 0 && point.debt === 0) {
        items.push(item(point.at, 'arrears', 'paid its debt', formatWhen(point.at, zone), point.record.cause));
      }
      if (point.record.cause === 'top-up') {
        const added = new Decimal(point.record.cash)
          .plus(point.record.income)
          .plus(point.record.gift)
          .minus(previous.record.cash)
          .minus(previous.record.income)
          .minus(previous.record.gift)
          .plus(previous.record.debt)
          .minus(point.record.debt);
        items.push(item(point.at, 'topUp', `topped up ${money(added)}`, formatWhen(point.at, zone), ''));
      }
      previous = point;
    }
    items.sort((a, b) => a.at - b.at);
    const opening = account.points[0]?.record;
    const start = opening ? `opened with cash ${opening.cash}, income ${opening.income}, gift ${opening.gift}` : 'no balance recorded';
    return { account: account.id, items, words: [start, ...items.map((i) => i.text)].join(', ') };
  });
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

/**
 * What went wrong for an app, in one or two sentences: each suspension with what led to it and
 * what followed, then what the app cost. Nothing for an app that was never suspended.
 */
export function headline(story: AppStory): string | undefined {
  const name = story.label;
  const sentences: string[] = [];
  const { items } = story;
  items.forEach((item, index) => {
    if (item.kind !== 'transition' || item.state !== 'suspended') return;
    const before = items.slice(0, index).reverse();
    const after = items.slice(index + 1);
    const reclaimed = after.find((i) => i.cause === 'retentionOver');
    const then = reclaimed ? `, then reclaimed ${reclaimed.when} when retention ran out (X5)` : '';
    if (item.cause === 'graceOver') {
      const expired = before.find((i) => i.cause === 'expiry');
      const expiry = expired ? `its ${expired.edition ?? 'package'} expired ${expired.when} without a renewal, ` : '';
      sentences.push(`${name} lapsed: ${expiry}grace ran out and it was suspended ${item.when} (X3)${then}.`);
    } else if (item.cause === 'refund') {
      const refund = before.find((i) => i.kind === 'refund');
      sentences.push(`${name} was ${refund ? refund.verb : 'refunded'} ${item.when} and suspended at once (R3)${then}.`);
    } else if (item.cause === 'arrears') {
      const restored = after.find((i) => i.cause === 'arrearsCleared');
      const back = restored ? `, and restored ${restored.when} when the debt was paid (A4)` : '';
      sentences.push(`${name} was suspended ${item.when} because its account left a bill unpaid (A3)${back}${then}.`);
    }
  });
  if (sentences.length === 0) return undefined;
  return `${sentences.join(' ')} It paid ${story.paid} up front, got ${story.refunded} back and was billed ${story.billed} for usage.`;
}
