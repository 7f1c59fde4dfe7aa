/**
 * The instants the lifecycle rules name, computed in the policy's zone.
 * "Counting day D" means D is day 1.
 */
import { atLocalTime, localDay, MS_PER_DAY, startOfLocalDay, type Zone } from './calendar.ts';

/**
 * X2: the end of grace. `countEndDay` false (default, 欠费说明): the end day is not one of the
 * grace days, so an end on 04-08 is suspended on 04-16 00:00; true (续费指引): 04-15 00:00.
 */
export function graceEndsAt(proEnd: number, grace: { days: number; countEndDay: boolean }, zone: Zone): number {
  const endDay = localDay(proEnd, zone);
  return startOfLocalDay(endDay + grace.days + (grace.countEndDay ? 0 : 1), zone);
}

/** X5: kept `days` days counting the suspension day: suspended 04-16 → reclaimed 07-15 00:00. */
export function retentionEndsAt(suspendedAt: number, days: number, zone: Zone): number {
  return startOfLocalDay(localDay(suspendedAt, zone) + days, zone);
}

/** A3: still in arrears `days` days after the push, counting the push day: 04-03 → 04-10 00:00. */
export function arrearsDeadline(pushedAt: number, days: number, zone: Zone): number {
  return startOfLocalDay(localDay(pushedAt, zone) + days, zone);
}

/** Milliseconds after 00:00 of a time `HH:mm`, read once per text (every warning asks). */
const timesOfDay = new Map<string, number>();

function timeOfDayMs(at: string): number {
  let ms = timesOfDay.get(at);
  if (ms === undefined) {
    const [hour, minute] = at.split(':').map(Number);
    ms = (hour * 60 + minute) * 60_000;
    timesOfDay.set(at, ms);
  }
  return ms;
}

/**
 * X1: expiry warnings once a day at `at` (HH:mm) from `daysBefore` days before the end,
 * counting the end day, until `daysAfter` days after it. End 04-08 → 04-02 … 04-15.
 * Returns the first warning instant at or after `from` that is later than `after`.
 */
export function nextExpiryWarning(
  proEnd: number,
  warnings: { daysBefore: number; daysAfter: number; at: string },
  zone: Zone,
  from: number,
  after: number | null,
): number | undefined {
  const timeOfDay = timeOfDayMs(warnings.at);
  const endDay = localDay(proEnd, zone);
  const threshold = after === null ? from : Math.max(from, after + 1);
  const firstDay = Math.max(endDay - warnings.daysBefore + 1, dayOfTimeOnOrAfter(threshold, timeOfDay, zone));
  return firstDay <= endDay + warnings.daysAfter ? atLocalTime(firstDay, timeOfDay, zone) : undefined;
}

/** The local day whose wall time `timeOfDay` is the first at or after `instant`. */
function dayOfTimeOnOrAfter(instant: number, timeOfDay: number, zone: Zone): number {
  const day = localDay(instant, zone);
  return atLocalTime(day, timeOfDay, zone) >= instant ? day : day + 1;
}

/** R1: a no-reason refund is open until the end of day `windowDays`, counting the purchase day. */
export function noReasonWindowClosesAt(purchasedAt: number, windowDays: number, zone: Zone): number {
  return startOfLocalDay(localDay(purchasedAt, zone) + windowDays, zone);
}

/**
 * P5: the renewal scans made while auto-renew was off, which find nothing to do (so none is
 * timed): from `first`, one a day (`next`: the scan after a scan) while the knob in effect at
 * each one (`knobAt`) is on and the next one falls before the end of grace. The last one made at
 * or before `now` (a scan at `now` comes before an event at `now`), and whether they go on after it.
 */
export function scansWhileOff(
  first: number,
  now: number,
  graceEnd: number,
  knobAt: (at: number) => boolean,
  next: (scan: number) => number,
): { last: number | null; goingOn: boolean } {
  let last: number | null = null;
  for (let scan = first; scan <= now; scan = next(scan)) {
    last = scan;
    if (!knobAt(scan) || next(scan) >= graceEnd) return { last, goingOn: false };
  }
  return { last, goingOn: true };
}

/**
 * P5: Tencent's renewal management scans once a day after expiry: every 24 h from the end
 * (`retryAt: end`), or every day at a local time (`"00:00"`), the first one after the end.
 * Returns the first scan at or after `from` that is later than `after` (the last scan made).
 */
export function nextAutoRenewRetry(proEnd: number, from: number, after: number | null, retryAt: string, zone: Zone): number {
  const earliest = Math.max(from, after === null ? from : after + 1, proEnd + 1);
  if (retryAt === 'end') return proEnd + Math.ceil((earliest - proEnd) / MS_PER_DAY) * MS_PER_DAY;
  const timeOfDay = timeOfDayMs(retryAt);
  return atLocalTime(dayOfTimeOnOrAfter(earliest, timeOfDay, zone), timeOfDay, zone);
}
