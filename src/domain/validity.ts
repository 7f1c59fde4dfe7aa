/**
 * How long prepaid products last. Always computed from the order's start instant (the
 * anchor), never by adding one month n times: repeated month additions drift at month ends.
 */
import { atLocalTime, daysInMonth, instantOf, type LocalDateTime, localDateTime, localDay, MS_PER_SECOND, shiftMonth, withDate, type Zone } from './calendar.ts';

export type ProValidity = 'dayBefore' | 'sameDay';

/**
 * P2: pro bought at T for n months. `dayBefore` (the seed's "T 日-次月 T-1 日"): until day T−1
 * of month M+n at T's clock time, the last day of that month where it has no such day, and
 * where T is the 1st, the last day of month M+n−1. `sameDay`: until day T of month M+n,
 * clamped to that month's last day.
 */
export function proValidityEnd(start: number, months: number, mode: ProValidity, zone: Zone): number {
  return proValidityEndFrom(localDateTime(start, zone), months, mode, zone);
}

/** proValidityEnd from the start's local date and time, read once for all of an order's slices. */
function proValidityEndFrom(t: LocalDateTime, months: number, mode: ProValidity, zone: Zone): number {
  if (mode === 'dayBefore' && t.day === 1) {
    const target = shiftMonth(t.year, t.month, months - 1);
    return instantOf(withDate(t, target.year, target.month, daysInMonth(target.year, target.month)), zone);
  }
  const target = shiftMonth(t.year, t.month, months);
  const wanted = mode === 'dayBefore' ? t.day - 1 : t.day;
  return instantOf(withDate(t, target.year, target.month, Math.min(wanted, daysInMonth(target.year, target.month))), zone);
}

/**
 * F3: one month of a pack lasts as many days as the purchase month has; n months last the sum
 * of the lengths of the n months from the purchase month on (bought 2020-02-10 10:00 → 29
 * days → 2020-03-10 10:00).
 */
export function packValidityEnd(start: number, months: number, zone: Zone): number {
  const t = localDateTime(start, zone);
  let days = 0;
  for (let index = 0; index < months; index += 1) {
    const month = shiftMonth(t.year, t.month, index);
    days += daysInMonth(month.year, month.month);
  }
  return atLocalTime(localDay(start, zone) + days, ((t.hour * 60 + t.minute) * 60 + t.second) * MS_PER_SECOND, zone);
}

/** P2 for a paid edition (its `validity`), F3 for a pack. */
export type ValidityRule = { kind: 'edition'; mode: ProValidity } | { kind: 'pack' };

export function validityEnd(start: number, months: number, rule: ValidityRule, zone: Zone): number {
  return rule.kind === 'edition' ? proValidityEnd(start, months, rule.mode, zone) : packValidityEnd(start, months, zone);
}

/** R2's open reading: slice k ends where k months from the order's start end, or one month after slice k−1. */
export type SliceAnchoring = 'orderStart' | 'chained';

/**
 * R2: an order of n months is n consecutive monthly slices. `orderStart`: slice k ends where P2/F3
 * would end a purchase of k months from the order's start; `chained`: one month (P2/F3) after the
 * slice before it, the last ending with the order. Returns the n+1 boundaries.
 */
export function sliceBoundaries(start: number, months: number, rule: ValidityRule, zone: Zone, anchoring: SliceAnchoring = 'orderStart'): number[] {
  const bounds = [start];
  const edition = rule.kind === 'edition' ? { local: localDateTime(start, zone), mode: rule.mode } : undefined;
  const fromStart = (k: number) => (edition ? proValidityEndFrom(edition.local, k, edition.mode, zone) : packValidityEnd(start, k, zone));
  for (let k = 1; k <= months; k += 1) {
    const chained = anchoring === 'chained' && k < months;
    bounds.push(chained ? validityEnd(bounds[k - 1], 1, rule, zone) : fromStart(k));
  }
  return bounds;
}
