/**
 * What one group of accounts adds up to while a run's records are read (kpis.ts), and the same
 * as plain data (`TallyData`, every amount as its exact decimal text): the tallies of a run
 * played on several threads are made apart and added up (`addData`), for the same figures.
 */
import { MS_PER_DAY } from '../domain/calendar.ts';
import { formatMoney, money } from '../domain/money.ts';
import { MoneySum } from '../domain/moneySum.ts';
import { appCounts, appDayStates, denialReasons, type KpiSet, notificationKinds, type RevenueItem, revenueItems } from './types.ts';

export const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;

/** Milliseconds as days, two decimals (the report's `appDays` and `daysIn`). */
export const daysOf = (ms: number) => Number(money(ms).div(MS_PER_DAY).toFixed(2));

const AMOUNTS = ['prepaid', 'billed', 'collected', 'refunded', 'debt'] as const;
const COUNTS = ['apps', 'ms', 'notifications', 'denials'] as const;

/** A tally as plain data, to leave its thread: amounts as exact decimal texts, counts as numbers. */
export interface TallyData {
  amounts: Record<(typeof AMOUNTS)[number], string>;
  items: Record<string, string>;
  editions: Record<string, string>;
  counts: Record<(typeof COUNTS)[number], Record<string, number>>;
  userDaysDenied: number;
  roomDaysDenied: number;
}

const exactTexts = (amounts: Map<string, MoneySum>) => Object.fromEntries([...amounts].map(([key, amount]) => [key, amount.text()]));

/** The value of `key` in `map`, made by `make` and kept there the first time. */
export function opened<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let found = map.get(key);
  if (found === undefined) {
    found = make();
    map.set(key, found);
  }
  return found;
}

const zeroSum = () => new MoneySum();

export class Tally {
  readonly prepaid = new MoneySum();
  readonly billed = new MoneySum();
  readonly collected = new MoneySum();
  readonly refunded = new MoneySum();
  readonly debt = new MoneySum();
  readonly items = new Map<RevenueItem, MoneySum>(revenueItems.map((item) => [item, new MoneySum()]));
  readonly editions = new Map<string, MoneySum>();
  readonly apps = zeros(appCounts);
  readonly ms = zeros(appDayStates);
  userDaysDenied = 0;
  roomDaysDenied = 0;
  readonly notifications = zeros(notificationKinds);
  readonly denials = zeros(denialReasons);

  /** The sum of a revenue item. */
  item(item: RevenueItem): MoneySum {
    return opened(this.items, item, zeroSum);
  }

  /** The sum of a paid edition, opened at zero (it is listed from then on). */
  edition(edition: string): MoneySum {
    return opened(this.editions, edition, zeroSum);
  }

  data(): TallyData {
    return {
      amounts: Object.fromEntries(AMOUNTS.map((key) => [key, this[key].text()])) as TallyData['amounts'],
      items: exactTexts(this.items),
      editions: exactTexts(this.editions),
      counts: Object.fromEntries(COUNTS.map((key) => [key, { ...this[key] } as Record<string, number>])) as TallyData['counts'],
      userDaysDenied: this.userDaysDenied,
      roomDaysDenied: this.roomDaysDenied,
    };
  }

  /** Adds another tally's data to this one. Every sum is exact (amounts in decimals, milliseconds well within 2^53), so the order they are added in does not matter. */
  addData(data: TallyData): void {
    for (const key of AMOUNTS) this[key].add(data.amounts[key]);
    for (const [item, amount] of Object.entries(data.items)) this.item(item as RevenueItem).add(amount);
    for (const [edition, amount] of Object.entries(data.editions)) this.edition(edition).add(amount);
    for (const key of COUNTS) {
      const counts = this[key] as Record<string, number>;
      for (const [name, count] of Object.entries(data.counts[key])) counts[name] += count;
    }
    this.userDaysDenied += data.userDaysDenied;
    this.roomDaysDenied += data.roomDaysDenied;
  }

  set(): KpiSet {
    const net = (postpaid: MoneySum) => formatMoney(this.prepaid.value().plus(postpaid.value()).minus(this.refunded.value()));
    return {
      revenue: {
        prepaid: formatMoney(this.prepaid.value()),
        postpaidBilled: formatMoney(this.billed.value()),
        postpaidCollected: formatMoney(this.collected.value()),
        refunded: formatMoney(this.refunded.value()),
        netBilled: net(this.billed),
        netCollected: net(this.collected),
        debtOutstanding: formatMoney(this.debt.value()),
      },
      revenueByItem: Object.fromEntries(revenueItems.map((item) => [item, formatMoney(this.item(item).value())])) as KpiSet['revenueByItem'],
      revenueByEdition: Object.fromEntries([...this.editions.keys()].sort().map((edition) => [edition, formatMoney(this.edition(edition).value())])),
      apps: { ...this.apps },
      appDays: Object.fromEntries(appDayStates.map((state) => [state, daysOf(this.ms[state])])) as KpiSet['appDays'],
      userDaysDenied: this.userDaysDenied,
      roomDaysDenied: this.roomDaysDenied,
      notifications: { ...this.notifications },
      denials: { ...this.denials },
    };
  }
}
