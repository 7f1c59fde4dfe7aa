/**
 * One app's usage over a month, from its usage curves read a month at a time and its state
 * timeline: array arithmetic at month close, never an event per app per day, and no app keeps
 * its whole period's values.
 *
 * Days are classified by domain/dayStates.ts (U1, U6, E4).
 */
import { formatDay, startOfLocalDay } from '../domain/calendar.ts';
import { dayStateMasks, PRO_DAY, type Spell, servedUsers, TRIAL_DAY } from '../domain/dayStates.ts';
import { curveFill } from '../domain/curves.ts';
import { streamId } from '../population/cohort.ts';
import { type Money, money, ZERO } from '../domain/money.ts';
import { countKeys, type UsageKey, usageKeys } from '../scenario/types.ts';
import { FREE_EDITION, isPaidEdition, paidEdition } from '../domain/editions.ts';
import type { UsageItem } from '../policy/schema.ts';
import { editionOnDay } from './editions.ts';
import type { AppRuntime, UsageDays, World } from './runtime.ts';


export interface MonthFigures {
  proDays: number;
  /** U3: peak DAU over the paid days storage extension applies to, and its first day. */
  peakDau: number;
  peakDauDay: string | null;
  /** U2: the day DAU was furthest above its edition's included DAU (the first such day), on days dauOverage applies to. */
  overage: { dau: number; day: string; included: number; edition: string } | null;
  /** The paid edition of the month's last paid day. */
  edition: string | null;
  /** The peak of DAU actually served on any day (pro, or trial capped by E4). */
  servedPeakDau: number;
  servedPeakDay: string | null;
  peakGroups: number;
  /** U5: Σ daily peaks over pro days; curves keep Mbps to 3 decimals, so sums of thousandths are exact. */
  mbpsDays: Money;
  internationalMbpsDays: Money;
  /** U3: the most months of storage extension on during a pro day. */
  storageMonths: number;
  userDaysDenied: number;
  roomDaysDenied: number;
}

/** The most days a month has: the length of the buffers a month's values are read into. */
const MONTH_DAYS = 31;

/** A usage key an app has no curve for: zero every day, shared by all of them and never written. */
const noUsage = new Float64Array(MONTH_DAYS);

/** The month being closed, one buffer per key, reused for every app (months are closed one app at a time). */
const monthBuffers = Object.fromEntries(usageKeys.map((key) => [key, new Float64Array(MONTH_DAYS)])) as Record<UsageKey, Float64Array>;

function usageDaysOf(world: World, app: AppRuntime): UsageDays {
  const { period } = world;
  const curves: UsageDays['curves'] = {};
  for (const key of usageKeys) {
    const curve = app.spec.usage[key];
    if (curve) curves[key] = curveFill(curve, { startDay: period.startDay, days: period.days, zone: world.zone, seed: world.seed, appId: streamOf(app), key, whole: countKeys.has(key) });
  }
  return { next: 0, curves };
}

/**
 * The app's usage on the days `from` to `to` (indices into the period), index 0 = `from`: read on
 * from where its curves stand (a day before `from` is read and dropped; a month already read
 * starts them again, as after resuming a saved run). Valid until the next app's month is read.
 */
function monthValues(world: World, app: AppRuntime, from: number, to: number): Record<UsageKey, Float64Array> {
  if (!app.usageDays || app.usageDays.next > from) app.usageDays = usageDaysOf(world, app);
  const days = app.usageDays;
  const values = {} as Record<UsageKey, Float64Array>;
  for (const key of usageKeys) {
    const curve = days.curves[key];
    if (!curve) {
      values[key] = noUsage;
      continue;
    }
    if (days.next < from) curve(new Float64Array(from - days.next), days.next, from);
    curve(monthBuffers[key], from, to);
    values[key] = monthBuffers[key];
  }
  days.next = to;
  return values;
}

/** The id the app's random curves are named by: a generated app's without its zero padding. */
function streamOf(app: AppRuntime): string {
  return app.account.cohort === undefined ? app.id : streamId(app.account.cohort, app.id);
}

/** The app's state spells from the one it was in at `from` (or its first) up to `until`, from its timeline. */
function spellsOf(app: AppRuntime, from: number, until: number): Spell[] {
  const { timeline } = app;
  let first = timeline.length - 1;
  while (first > 0 && timeline[first].at > from) first -= 1;
  const spells: Spell[] = [];
  for (let index = first; index < timeline.length; index += 1) {
    spells.push({ state: timeline[index].state, start: timeline[index].at, end: index + 1 < timeline.length ? timeline[index + 1].at : until });
  }
  return spells;
}

/** Thousandths as an exact amount: `1234` is 1.234 (beyond the safe integers, as Decimal reads the number). */
function fromThousandths(thousandths: number): Money {
  if (thousandths === 0) return ZERO;
  if (!Number.isSafeInteger(thousandths)) return money(thousandths).div(1000);
  const size = Math.abs(thousandths);
  return money(`${thousandths < 0 ? '-' : ''}${Math.floor(size / 1000)}.${String(size % 1000).padStart(3, '0')}`);
}

/** A local day, from its first instant to the next day's (23 or 25 hours on a change of daylight saving time). */
interface DaySpan {
  start: number;
  end: number;
}

function overlapsDay(start: number, end: number, day: DaySpan): boolean {
  return start < day.end && end > day.start;
}

function storageMonthsOn(app: AppRuntime, day: DaySpan): number {
  const { storage } = app;
  let months = 0;
  for (let index = 0; index < storage.length; index += 1) {
    const end = index + 1 < storage.length ? storage[index + 1].at : Number.POSITIVE_INFINITY;
    if (overlapsDay(storage[index].at, end, day)) months = Math.max(months, storage[index].months);
  }
  return months;
}

/**
 * The rooms limit on a day (E1, E2, F5, F6): a pack counts only on paid days, and only on days of
 * an edition it is for (`packs.<id>.editions`): after an upgrade or a downgrade it runs on, giving nothing.
 */
function roomLimit(world: World, app: AppRuntime, edition: string, day: DaySpan): number | null {
  const { editions, packs } = world.policy;
  if (edition === FREE_EDITION) return editions[FREE_EDITION].limits.avChatrooms;
  for (const held of app.packs) {
    if (held.family === 'avChatrooms' && overlapsDay(held.start, held.end, day) && (packs[held.product].editions?.includes(edition) ?? true)) return packs[held.product].limit;
  }
  return editions[edition].limits.avChatrooms;
}

/** What a pro day of a paid edition bills: which usage items apply (the items' `editions`) and the DAU it includes. */
interface PaidDayTerms {
  edition: string;
  items: Record<UsageItem, boolean>;
  includedDau: number;
}

/** The terms of each paid edition a run has billed, worked out at its first pro day. */
const termsByEdition = new WeakMap<World['policy'], Map<string, PaidDayTerms>>();

function paidDayTerms(policy: World['policy'], edition: string): PaidDayTerms {
  let byEdition = termsByEdition.get(policy);
  if (!byEdition) {
    byEdition = new Map();
    termsByEdition.set(policy, byEdition);
  }
  let terms = byEdition.get(edition);
  if (!terms) {
    if (!isPaidEdition(policy.editions, edition)) throw new Error(`the policy has no paid edition ${edition}`);
    const applies = (item: UsageItem) => policy.usage[item].editions?.includes(edition) ?? true;
    const items = { dauOverage: applies('dauOverage'), storageExtension: applies('storageExtension'), peakGroups: applies('peakGroups'), avBandwidth: applies('avBandwidth') };
    // U2 reads the included DAU only where overage applies, so an edition without it fails only there.
    terms = { edition, items, includedDau: items.dauOverage ? paidEdition(policy.editions, edition).includedDau : 0 };
    byEdition.set(edition, terms);
  }
  return terms;
}

/** X5: reclaimed before the day, for good: none of its days counts, and its usage series is no longer needed. */
function reclaimedBefore(app: AppRuntime, dayStart: number): boolean {
  return app.state === 'reclaimed' && (app.timeline.at(-1)?.at ?? Number.POSITIVE_INFINITY) <= dayStart;
}

export function monthFigures(world: World, app: AppRuntime, fromDay: number, toDay: number): MonthFigures {
  const figures: MonthFigures = {
    proDays: 0, peakDau: 0, peakDauDay: null, overage: null, edition: null, servedPeakDau: 0, servedPeakDay: null, peakGroups: 0,
    mbpsDays: ZERO, internationalMbpsDays: ZERO, storageMonths: 0, userDaysDenied: 0, roomDaysDenied: 0,
  };
  if (reclaimedBefore(app, startOfLocalDay(fromDay, world.zone))) {
    app.usageDays = undefined;
    return figures;
  }
  const { startDay } = world.period;
  const series = monthValues(world, app, fromDay - startDay, toDay - startDay);
  const until = Math.min(world.clock.now(), world.period.endAt);
  const span: DaySpan = { start: 0, end: startOfLocalDay(fromDay, world.zone) };
  const masks = dayStateMasks(spellsOf(app, span.end, until), fromDay, toDay, world.zone);
  const { editions } = world.policy;
  const trialUsers = editions[FREE_EDITION].limits.users;
  let servedPeakDay = -1;
  let peakDay = -1;
  let milliMbps = 0;
  let internationalMilliMbps = 0;
  let overageDay = -1;
  let overageExcess = 0;
  let overageDau = 0;
  let overageIncluded = 0;
  let overageEdition = '';
  // Looked up again only when the edition changes: a month is nearly always one edition.
  let terms: PaidDayTerms | undefined;
  for (let day = fromDay; day < toDay; day += 1) {
    const index = day - fromDay;
    const mask = masks[index];
    span.start = span.end;
    span.end = startOfLocalDay(day + 1, world.zone);
    const pro = (mask & PRO_DAY) !== 0;
    if (!pro && (mask & TRIAL_DAY) === 0) continue;
    const demand = series.dau[index];
    const served = servedUsers(mask, demand, trialUsers);
    figures.userDaysDenied += demand - served;
    if (served > figures.servedPeakDau) {
      figures.servedPeakDau = served;
      servedPeakDay = day;
    }
    const edition = pro ? editionOnDay(app, span.start, span.end) : FREE_EDITION;
    const rooms = roomLimit(world, app, edition, span);
    if (rooms !== null) figures.roomDaysDenied += Math.max(0, series.avChatrooms[index] - rooms);
    if (!pro) continue;
    figures.proDays += 1;
    figures.edition = edition;
    if (terms?.edition !== edition) terms = paidDayTerms(world.policy, edition);
    const { items, includedDau: included } = terms;
    if (items.dauOverage) {
      if (demand - included > overageExcess || overageDay < 0) {
        overageExcess = demand - included;
        overageDay = day;
        overageDau = demand;
        overageIncluded = included;
        overageEdition = edition;
      }
    }
    if (items.storageExtension) {
      if (demand > figures.peakDau || peakDay < 0) {
        figures.peakDau = demand;
        peakDay = day;
      }
      figures.storageMonths = Math.max(figures.storageMonths, storageMonthsOn(app, span));
    }
    if (items.peakGroups) figures.peakGroups = Math.max(figures.peakGroups, series.groups[index]);
    if (items.avBandwidth) {
      milliMbps += Math.round(series.avBandwidthMbps[index] * 1000);
      internationalMilliMbps += Math.round(series.avBandwidthInternationalMbps[index] * 1000);
    }
  }
  if (overageDay >= 0) figures.overage = { dau: overageDau, day: formatDay(overageDay), included: overageIncluded, edition: overageEdition };
  figures.servedPeakDay = servedPeakDay < 0 ? null : formatDay(servedPeakDay);
  figures.peakDauDay = peakDay < 0 ? null : formatDay(peakDay);
  figures.mbpsDays = fromThousandths(milliMbps);
  figures.internationalMbpsDays = fromThousandths(internationalMilliMbps);
  return figures;
}
