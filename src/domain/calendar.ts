/**
 * Calendar arithmetic in the policy's time zone, on integers only.
 *
 * An instant is a whole number of milliseconds since 1970-01-01T00:00:00Z. A civil date is a
 * count of days since 1970-01-01 (the "day number"). The policy's zone has a fixed offset
 * (Asia/Shanghai has had no daylight saving time since 1991), so local wall time is the
 * instant shifted by that offset and nothing here depends on the machine's `TZ`.
 */
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

/** A fixed-offset zone: local wall time = instant + offset. */
export interface Zone {
  name: string;
  offsetMs: number;
}

export function localDateTime(instant: number, zone: Zone): LocalDateTime {
  const shifted = instant + zone.offsetMs;
  const days = Math.floor(shifted / MS_PER_DAY);
  const msOfDay = shifted - days * MS_PER_DAY;
  const seconds = Math.floor(msOfDay / MS_PER_SECOND);
  return {
    ...civilDate(days),
    hour: Math.floor(seconds / 3600),
    minute: Math.floor((seconds % 3600) / 60),
    second: seconds % 60,
  };
}

export function instantOf(local: LocalDateTime, zone: Zone): number {
  const days = dayNumber(local.year, local.month, local.day);
  return days * MS_PER_DAY + ((local.hour * 60 + local.minute) * 60 + local.second) * MS_PER_SECOND - zone.offsetMs;
}

/** The local day number an instant falls on. */
export function localDay(instant: number, zone: Zone): number {
  return Math.floor((instant + zone.offsetMs) / MS_PER_DAY);
}

/** 00:00 local of a day number, as an instant. */
export function startOfLocalDay(day: number, zone: Zone): number {
  return day * MS_PER_DAY - zone.offsetMs;
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

export function formatDate(date: CivilDate): string {
  return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
}

export function formatDay(day: number): string {
  return formatDate(civilDate(day));
}

export function formatMonth(year: number, month: number): string {
  return `${pad(year, 4)}-${pad(month)}`;
}

export function formatOffset(offsetMs: number): string {
  const minutes = Math.abs(offsetMs) / 60_000;
  return `${offsetMs < 0 ? '-' : '+'}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

const twoDigits = Array.from({ length: 60 }, (_, value) => pad(value));
/** Day texts already written, by local day number: a run writes the same few hundred days again and again. */
const dayTexts = new Map<number, string>();
const MAX_DAY_TEXTS = 100_000;

function dayText(day: number): string {
  let text = dayTexts.get(day);
  if (text === undefined) {
    text = formatDay(day);
    if (dayTexts.size < MAX_DAY_TEXTS) dayTexts.set(day, text);
  }
  return text;
}

const offsetTexts = new Map<number, string>();

function offsetText(offsetMs: number): string {
  let text = offsetTexts.get(offsetMs);
  if (text === undefined) {
    text = formatOffset(offsetMs);
    offsetTexts.set(offsetMs, text);
  }
  return text;
}

/** ISO 8601 with the zone's offset: 2020-04-16T00:00:00+08:00. */
export function formatInstant(instant: number, zone: Zone): string {
  const shifted = instant + zone.offsetMs;
  const day = Math.floor(shifted / MS_PER_DAY);
  const seconds = Math.floor((shifted - day * MS_PER_DAY) / MS_PER_SECOND);
  const hour = Math.floor(seconds / 3600);
  const minute = Math.floor((seconds % 3600) / 60);
  return `${dayText(day)}T${twoDigits[hour]}:${twoDigits[minute]}:${twoDigits[seconds % 60]}${offsetText(zone.offsetMs)}`;
}

const offsetPattern = /^([+-])(\d{2}):?(\d{2})$/;

/**
 * The fixed offset of a zone name ("Asia/Shanghai", "UTC", "+08:00"), read from the Intl
 * time-zone data, never from the machine's `TZ`. Returns undefined for an unknown zone or
 * one whose offset changes between January and July (daylight saving time).
 */
export function fixedZone(name: string): Zone | undefined {
  const explicit = offsetPattern.exec(name);
  if (explicit) {
    const minutes = Number(explicit[2]) * 60 + Number(explicit[3]);
    return { name, offsetMs: (explicit[1] === '-' ? -minutes : minutes) * 60_000 };
  }
  try {
    const offsets = [Date.UTC(2020, 0, 15), Date.UTC(2020, 6, 15)].map((instant) => zoneOffsetAt(name, instant));
    return offsets[0] === offsets[1] ? { name, offsetMs: offsets[0] } : undefined;
  } catch {
    return undefined;
  }
}

function zoneOffsetAt(name: string, instant: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: name,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const field = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const wall = Date.UTC(field('year'), field('month') - 1, field('day'), field('hour'), field('minute'), field('second'));
  return wall - instant;
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
  const offset = designator === undefined ? zone : designator === 'Z' ? { name: 'UTC', offsetMs: 0 } : fixedZone(designator);
  if (!offset) return undefined;
  return instantOf({ year, month, day, hour, minute, second }, offset);
}
