/**
 * Calendar arithmetic in the policy's time zone.
 *
 * An instant is a whole number of milliseconds since 1970-01-01T00:00:00Z. A civil date is a
 * count of days since 1970-01-01 (the "day number"): integers, because the engine asks for
 * days, months and formatted instants millions of times (test/domain/calendar.test.ts checks
 * them against date-fns). Local wall time is the instant shifted by the zone's offset at that
 * instant: a fixed offset (Asia/Shanghai has had no daylight saving time since 1991), or, for a
 * zone with daylight saving time (Europe/Berlin), the offset @date-fns/tz reads from the
 * time-zone data. Nothing here depends on the machine's `TZ`.
 */
import { TZDate, tzOffset } from '@date-fns/tz';
import { textMemo } from './sharedTexts.ts';

export const MS_PER_SECOND = 1000;
export const MS_PER_DAY = 86_400_000;

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

export interface LocalDateTime extends CivilDate {
  hour: number;
  minute: number;
  second: number;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date of a day number (H. Hinnant's civil_from_days). */
export function civilDate(days: number): CivilDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Month arithmetic on (year, month) pairs: the month `months` after the given one. */
export function shiftMonth(year: number, month: number, months: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** A time zone: local wall time = instant + its offset at that instant. */
export interface Zone {
  name: string;
  /** The offset, when it never changes; null for a zone with daylight saving time (offsetAt reads it). */
  offsetMs: number | null;
}

/** Offsets of zones with daylight saving time, by zone and quarter hour: transitions fall on quarter hours. */
const offsetCache = new Map<string, Map<number, number>>();
const QUARTER_HOUR = 900_000;
const MAX_CACHED_OFFSETS = 200_000;

/** The zone's offset from UTC at `instant`, in ms. */
export function offsetAt(instant: number, zone: Zone): number {
  if (zone.offsetMs !== null) return zone.offsetMs;
  let offsets = offsetCache.get(zone.name);
  if (!offsets) {
    offsets = new Map();
    offsetCache.set(zone.name, offsets);
  }
  const quarter = Math.floor(instant / QUARTER_HOUR);
  let offset = offsets.get(quarter);
  if (offset === undefined) {
    offset = tzOffset(zone.name, new Date(quarter * QUARTER_HOUR)) * 60_000;
    if (offsets.size >= MAX_CACHED_OFFSETS) offsets.clear();
    offsets.set(quarter, offset);
  }
  return offset;
}

export function localDateTime(instant: number, zone: Zone): LocalDateTime {
  const shifted = instant + offsetAt(instant, zone);
  const days = Math.floor(shifted / MS_PER_DAY);
  const msOfDay = shifted - days * MS_PER_DAY;
  return atSecondOfDay(civilDate(days), Math.floor(msOfDay / MS_PER_SECOND));
}

/**
 * A date at a second of its day, written field by field. An object literal that begins with a
 * spread of a newly made object (`{ ...civilDate(days), hour, … }`) gets, in Node 20's V8, a
 * hidden class its inline caches do not keep: every property written after the spread, and every
 * later read of the object, goes to V8's runtime. The engine's hot objects (these, machine
 * contexts, the events customers play) are therefore written whole (BENCHMARKS.md, "Objects
 * that begin with a spread").
 */
function atSecondOfDay(date: CivilDate, seconds: number): LocalDateTime {
  return { year: date.year, month: date.month, day: date.day, hour: Math.floor(seconds / 3600), minute: Math.floor((seconds % 3600) / 60), second: seconds % 60 };
}

/** A local date and time with its date replaced, the time of day kept. */
export function withDate(t: LocalDateTime, year: number, month: number, day: number): LocalDateTime {
  return { year, month, day, hour: t.hour, minute: t.minute, second: t.second };
}

/**
 * The instant of a local wall time. Under daylight saving time a time the clocks skip (02:30 on
 * the spring change) is the same time after the change (03:30), and a time that happens twice
 * (02:30 on the autumn change) is the later one, as @date-fns/tz's TZDate reads them.
 */
export function instantOf(local: LocalDateTime, zone: Zone): number {
  if (zone.offsetMs === null) return new TZDate(local.year, local.month - 1, local.day, local.hour, local.minute, local.second, zone.name).getTime();
  const days = dayNumber(local.year, local.month, local.day);
  return days * MS_PER_DAY + ((local.hour * 60 + local.minute) * 60 + local.second) * MS_PER_SECOND - zone.offsetMs;
}

/** The local day number an instant falls on. */
export function localDay(instant: number, zone: Zone): number {
  return Math.floor((instant + offsetAt(instant, zone)) / MS_PER_DAY);
}

/** The instant of the wall time `msOfDay` after 00:00 on a local day (instantOf's reading of a skipped or doubled time). */
export function atLocalTime(day: number, msOfDay: number, zone: Zone): number {
  if (zone.offsetMs !== null) return day * MS_PER_DAY + msOfDay - zone.offsetMs;
  return instantOf(atSecondOfDay(civilDate(day), Math.floor(msOfDay / MS_PER_SECOND)), zone);
}

/** The first instant of a local day (00:00, or when the clocks skip midnight, the first time after it). */
export function startOfLocalDay(day: number, zone: Zone): number {
  return atLocalTime(day, 0, zone);
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

export function formatDate(date: CivilDate): string {
  return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
}

/** Day texts a run can hold: a century of days. */
const MAX_DAY_TEXTS = 40_000;

/** The text of a local day number, 2020-04-16: written once per day (sharedTexts.ts). */
export const formatDay: (day: number) => string = textMemo(MAX_DAY_TEXTS, (day) => formatDate(civilDate(day)));

/** Month texts a run can hold: a thousand years of months. */
const MAX_MONTH_TEXTS = 12_000;

/** Month texts by month index (year × 12 + month − 1). */
const monthText = textMemo(MAX_MONTH_TEXTS, (index: number) => {
  const year = Math.floor(index / 12);
  return `${pad(year, 4)}-${pad(index - year * 12 + 1)}`;
});

/** `2020-04`; a month outside 1–12 is carried into the year (13 of 2020 is 2021-01). */
export function formatMonth(year: number, month: number): string {
  return monthText(year * 12 + month - 1);
}

export function formatOffset(offsetMs: number): string {
  const minutes = Math.abs(offsetMs) / 60_000;
  return `${offsetMs < 0 ? '-' : '+'}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** Time-of-day texts are shared for offsets of whole minutes within ±24 hours (key: second of the day × 2,880 + offset + 1,440); others are written each time. */
const OFFSET_KEYS = 2880;
const MAX_INSTANT_TEXTS = 50_000;

function writeTime(seconds: number, offsetMs: number): string {
  return `T${pad(Math.floor(seconds / 3600))}:${pad(Math.floor((seconds % 3600) / 60))}:${pad(seconds % 60)}${formatOffset(offsetMs)}`;
}

/** `T11:04:05+08:00`, by second of the local day and offset in whole minutes (+1,440). */
const timeText = textMemo(MAX_INSTANT_TEXTS, (key: number) =>
  writeTime(Math.floor(key / OFFSET_KEYS), ((key % OFFSET_KEYS) - OFFSET_KEYS / 2) * 60_000),
);

function writeInstant(instant: number, zone: Zone): string {
  const offset = offsetAt(instant, zone);
  const shifted = instant + offset;
  const day = Math.floor(shifted / MS_PER_DAY);
  const seconds = Math.floor((shifted - day * MS_PER_DAY) / MS_PER_SECOND);
  const minutes = offset / 60_000;
  if (!Number.isInteger(minutes) || Math.abs(minutes) >= OFFSET_KEYS / 2) return `${formatDay(day)}${writeTime(seconds, offset)}`;
  return formatDay(day) + timeText(seconds * OFFSET_KEYS + minutes + OFFSET_KEYS / 2);
}

/** Each zone's instant texts, written once per instant. */
const instantTexts = new WeakMap<Zone, (instant: number) => string>();

/** ISO 8601 with the zone's offset at that instant: 2020-04-16T00:00:00+08:00. */
export function formatInstant(instant: number, zone: Zone): string {
  let texts = instantTexts.get(zone);
  if (!texts) {
    texts = textMemo(MAX_INSTANT_TEXTS, (at: number) => writeInstant(at, zone));
    instantTexts.set(zone, texts);
  }
  return texts(instant);
}

const offsetPattern = /^([+-])(\d{2}):?(\d{2})$/;

/** An offset written `+08:00` or `-0530`, as a zone. */
function offsetZone(name: string): Zone | undefined {
  const explicit = offsetPattern.exec(name);
  if (!explicit) return undefined;
  const minutes = Number(explicit[2]) * 60 + Number(explicit[3]);
  return { name, offsetMs: (explicit[1] === '-' ? -minutes : minutes) * 60_000 };
}

/** Years whose offsets tell a zone with daylight saving time from one without, now or in the runs people simulate. */
const PROBE_YEARS = [2000, 2010, 2020, 2030];

/**
 * The zone of a name: an offset ("+08:00"), "UTC", or an IANA zone ("Asia/Shanghai",
 * "Europe/Berlin") read from the time-zone data through @date-fns/tz, never from the machine's
 * `TZ`. A zone whose offset is the same in January and July of the probe years is fixed (the
 * fast path); any other follows its daylight saving time. Undefined for an unknown name.
 */
export function zoneNamed(name: string): Zone | undefined {
  if (offsetPattern.test(name)) return offsetZone(name);
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(name)) return undefined;
  const probes = PROBE_YEARS.flatMap((year) => [Date.UTC(year, 0, 15), Date.UTC(year, 6, 15)]).map((instant) => tzOffset(name, new Date(instant)));
  if (probes.some(Number.isNaN)) return undefined;
  return { name, offsetMs: probes.every((offset) => offset === probes[0]) ? probes[0] * 60_000 : null };
}

const localPattern = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Parses `YYYY-MM-DD`, `YYYY-MM-DDTHH:mm[:ss]` (local to the zone) or the same with an
 * explicit offset (`Z`, `+08:00`). Returns undefined when the text is not such a time or
 * names a date or time that does not exist (2020-02-30, 24:00).
 */
export function parseLocalTime(text: string, zone: Zone): number | undefined {
  const match = localPattern.exec(text);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const designator = match[7];
  const offset = designator === undefined ? zone : designator === 'Z' ? { name: 'UTC', offsetMs: 0 } : offsetZone(designator);
  if (!offset) return undefined;
  return instantOf({ year, month, day, hour, minute, second }, offset);
}
