/**
 * The integer calendar (day numbers, local fields, formatted instants, month arithmetic) checked
 * against date-fns and @date-fns/tz, in fixed zones and in zones with daylight saving time.
 */
import { TZDate } from '@date-fns/tz';
import { addMonths, format, getDaysInMonth, startOfDay } from 'date-fns';
import { describe, expect, it } from 'vitest';
import {
  atLocalTime,
  civilDate,
  dayNumber,
  daysInMonth,
  formatInstant,
  instantOf,
  localDateTime,
  localDay,
  shiftMonth,
  startOfLocalDay,
  type Zone,
  zoneNamed,
} from '../../src/domain/calendar.ts';

const names = ['Asia/Shanghai', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'America/Sao_Paulo', 'UTC', '+05:45'];
const zones = names.map((name) => zoneNamed(name) as Zone);
/** Instants from 1995 to 2035, 17 h 13 min 7 s apart: every hour of the day and every change of the clocks nearby. */
const instants = Array.from({ length: 20_000 }, (_, index) => Date.UTC(1995, 0, 1) + index * 62_000_000 + (index % 7) * 3_600_000);

describe('the calendar against date-fns', () => {
  it('local fields, day numbers and formatted instants agree with TZDate in every zone', () => {
    const wrong: string[] = [];
    for (const zone of zones) {
      for (const instant of instants) {
        const tz = new TZDate(instant, zone.name);
        const local = localDateTime(instant, zone);
        const expected = { year: tz.getFullYear(), month: tz.getMonth() + 1, day: tz.getDate(), hour: tz.getHours(), minute: tz.getMinutes(), second: tz.getSeconds() };
        if (JSON.stringify(local) !== JSON.stringify(expected)) wrong.push(`${zone.name} ${instant} fields`);
        if (localDay(instant, zone) !== dayNumber(expected.year, expected.month, expected.day)) wrong.push(`${zone.name} ${instant} day`);
        if (formatInstant(instant, zone) !== format(tz, "yyyy-MM-dd'T'HH:mm:ssxxx")) wrong.push(`${zone.name} ${instant} text`);
      }
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  it("a day starts where date-fns's startOfDay says, and the next day where it ends (23, 24 or 25 hours)", () => {
    const wrong: string[] = [];
    for (const zone of zones) {
      for (const instant of instants) {
        const day = localDay(instant, zone);
        if (startOfLocalDay(day, zone) !== startOfDay(new TZDate(instant, zone.name)).getTime()) wrong.push(`${zone.name} ${instant}`);
      }
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    const berlin = zoneNamed('Europe/Berlin') as Zone;
    const hours = (y: number, m: number, d: number) => (startOfLocalDay(dayNumber(y, m, d) + 1, berlin) - startOfLocalDay(dayNumber(y, m, d), berlin)) / 3_600_000;
    expect([hours(2020, 3, 29), hours(2020, 3, 30), hours(2020, 10, 25)]).toEqual([23, 24, 25]);
  });

  it('a wall time becomes the instant TZDate makes of it, the skipped 02:30 as 03:30 and the doubled one as the later', () => {
    const berlin = zoneNamed('Europe/Berlin') as Zone;
    const at = (month: number, day: number, hour: number, minute: number) => formatInstant(instantOf({ year: 2020, month, day, hour, minute, second: 0 }, berlin), berlin);
    expect([at(3, 29, 2, 30), at(10, 25, 2, 30), at(3, 29, 10, 0)]).toEqual(['2020-03-29T03:30:00+02:00', '2020-10-25T02:30:00+01:00', '2020-03-29T10:00:00+02:00']);
    expect(formatInstant(atLocalTime(dayNumber(2020, 3, 29), 10 * 3_600_000, berlin), berlin)).toBe('2020-03-29T10:00:00+02:00');
  });

  it('month arithmetic and month lengths agree with addMonths and getDaysInMonth', () => {
    for (let day = dayNumber(1999, 12, 1); day < dayNumber(2031, 1, 1); day += 29) {
      const { year, month } = civilDate(day);
      for (const months of [1, 6, 13, 36]) {
        const shifted = shiftMonth(year, month, months);
        const expected = addMonths(new TZDate(year, month - 1, 1, 'UTC'), months);
        expect([shifted.year, shifted.month]).toEqual([expected.getFullYear(), expected.getMonth() + 1]);
      }
      expect(daysInMonth(year, month)).toBe(getDaysInMonth(new TZDate(year, month - 1, 1, 'UTC')));
    }
  });
});
