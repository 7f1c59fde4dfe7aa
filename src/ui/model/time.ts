/**
 * Instants and days of a report in its policy's time zone. The report writes instants as ISO 8601
 * with their offset; the visualizer works in milliseconds and in local day numbers (days since
 * 1970-01-01 in the zone), with the domain's calendar so that the page says what the CLI says.
 */
import { dayNumber, formatDay, localDateTime, localDay, MS_PER_DAY, startOfLocalDay, type Zone } from '../../domain/calendar.ts';
import type { Period } from '../../report/period.ts';

export { dayIndex, dayOfDate, type Period, periodOf, zoneOf } from '../../report/period.ts';
export { localDay, MS_PER_DAY, startOfLocalDay };
export type { Zone };

const digits = (text: string, from: number, to: number): number => {
  let value = 0;
  for (let i = from; i < to; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return Number.NaN;
    value = value * 10 + d;
  }
  return value;
};

/**
 * An ISO 8601 instant of the report, in ms. The report's own form
 * (`2020-04-16T00:00:00+08:00`) is read digit by digit, several times faster than Date.parse
 * on the 60,000 notifications of a fleet; anything else goes to Date.parse.
 */
export function instant(text: string): number {
  if (text.length === 25 && text[10] === 'T' && (text[19] === '+' || text[19] === '-')) {
    const day = dayNumber(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10));
    const seconds = digits(text, 11, 13) * 3600 + digits(text, 14, 16) * 60 + digits(text, 17, 19);
    const offset = (digits(text, 20, 22) * 60 + digits(text, 23, 25)) * 60_000 * (text[19] === '-' ? -1 : 1);
    const at = day * MS_PER_DAY + seconds * 1000 - offset;
    if (!Number.isNaN(at)) return at;
  }
  return Date.parse(text);
}

export function dayStartAt(period: Period, index: number): number {
  return startOfLocalDay(period.startDay + index, period.zone);
}

/** The local date of an instant, YYYY-MM-DD. */
export function formatDate(at: number, zone: Zone): string {
  return formatDay(localDay(at, zone));
}

/** The date of a day index of the period, YYYY-MM-DD. */
export function dateOfIndex(period: Period, index: number): string {
  return formatDay(period.startDay + index);
}

const two = (value: number) => String(value).padStart(2, '0');

/** `2020-03-17 00:00` (with `:ss` when `seconds` and they are not 0), local to the zone. */
export function formatDateTime(at: number, zone: Zone, seconds = false): string {
  const t = localDateTime(at, zone);
  const clock = `${two(t.hour)}:${two(t.minute)}${seconds && t.second !== 0 ? `:${two(t.second)}` : ''}`;
  return `${formatDay(localDay(at, zone))} ${clock}`;
}

/** The date of an instant, without its time when that is midnight: what a sentence needs. */
export function formatWhen(at: number, zone: Zone): string {
  const t = localDateTime(at, zone);
  return t.hour === 0 && t.minute === 0 && t.second === 0 ? formatDate(at, zone) : formatDateTime(at, zone);
}

/** Whole days (two decimals at most) between two instants. */
export function daysBetween(from: number, to: number): number {
  return Math.round(((to - from) / MS_PER_DAY) * 100) / 100;
}
