import { afterEach, describe, expect, it } from 'vitest';
import {
  civilDate,
  dayNumber,
  daysInMonth,
  zoneNamed,
  formatDay,
  formatInstant,
  formatMonth,
  formatOffset,
  instantOf,
  isLeapYear,
  localDateTime,
  localDay,
  MS_PER_DAY,
  offsetAt,
  parseLocalTime,
  shiftMonth,
  startOfLocalDay,
  type Zone,
} from '../../src/domain/calendar.ts';

const zone = zoneNamed('Asia/Shanghai') as Zone;
const at = (text: string): number => parseLocalTime(text, zone) as number;

describe('day numbers', () => {
  it('1970-01-01 is day 0, 1969-12-31 is day -1', () => {
    expect(dayNumber(1970, 1, 1)).toBe(0);
    expect(dayNumber(1969, 12, 31)).toBe(-1);
    expect(civilDate(-1)).toEqual({ year: 1969, month: 12, day: 31 });
  });

  it('2000-03-01 follows 2000-02-29 (a leap 400-year) and 1900-03-01 follows 1900-02-28', () => {
    expect(dayNumber(2000, 3, 1) - dayNumber(2000, 2, 29)).toBe(1);
    expect(civilDate(dayNumber(2000, 2, 28) + 1)).toEqual({ year: 2000, month: 2, day: 29 });
    expect(civilDate(dayNumber(1900, 2, 28) + 1)).toEqual({ year: 1900, month: 3, day: 1 });
  });

  it('2020-03-09 is day 18330, as Date.UTC says', () => {
    expect(dayNumber(2020, 3, 9)).toBe(18330);
    expect(dayNumber(2020, 3, 9)).toBe(Date.UTC(2020, 2, 9) / MS_PER_DAY);
  });

  it('every day from 1600-01-01 to 2400-12-31 round-trips and agrees with Date.UTC', () => {
    const first = dayNumber(1600, 1, 1);
    const last = dayNumber(2400, 12, 31);
    const wrong: number[] = [];
    let previous = civilDate(first - 1);
    for (let day = first; day <= last; day += 1) {
      const date = civilDate(day);
      // consecutive: the next day of the month, or the 1st of the next month
      const follows = date.day === 1 ? previous.day === daysInMonth(previous.year, previous.month) : date.day === previous.day + 1;
      if (dayNumber(date.year, date.month, date.day) !== day || !follows) wrong.push(day);
      previous = date;
    }
    expect(wrong).toEqual([]);
    expect(last - first + 1).toBe(801 * 365 + 195);
    for (const [y, m, d] of [
      [1600, 2, 29],
      [1700, 3, 1],
      [1969, 1, 1],
      [2024, 2, 29],
      [2400, 12, 31],
    ]) {
      const utc = new Date(0);
      utc.setUTCFullYear(y, m - 1, d);
      expect(dayNumber(y, m, d)).toBe(Math.floor(utc.getTime() / MS_PER_DAY));
    }
  });

  it('negative days far before 1970 round-trip (0001-01-01, 0000-02-29)', () => {
    for (const [y, m, d] of [
      [1, 1, 1],
      [0, 2, 29],
      [-1, 12, 31],
    ]) {
      const day = dayNumber(y, m, d);
      expect(day).toBeLessThan(0);
      expect(civilDate(day)).toEqual({ year: y, month: m, day: d });
    }
  });
});

describe('months', () => {
  it('daysInMonth: February has 29 days in 2020 and 2000, 28 in 2019 and 1900', () => {
    expect(daysInMonth(2020, 2)).toBe(29);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2019, 2)).toBe(28);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(isLeapYear(2100)).toBe(false);
  });

  it('daysInMonth: 30 days in April, June, September, November; 31 in the others', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2021, m))).toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
  });

  it('shiftMonth crosses year ends both ways', () => {
    expect(shiftMonth(2019, 12, 1)).toEqual({ year: 2020, month: 1 });
    expect(shiftMonth(2020, 1, -1)).toEqual({ year: 2019, month: 12 });
    expect(shiftMonth(2019, 3, 24)).toEqual({ year: 2021, month: 3 });
    expect(shiftMonth(2020, 3, -15)).toEqual({ year: 2018, month: 12 });
  });
});

describe('zones', () => {
  it("zoneNamed('Asia/Shanghai') is +8h", () => {
    expect(zoneNamed('Asia/Shanghai')).toEqual({ name: 'Asia/Shanghai', offsetMs: 8 * 3_600_000 });
  });

  it("zoneNamed('UTC') is 0 and zoneNamed('+05:30') is +5.5h", () => {
    expect(zoneNamed('UTC')?.offsetMs).toBe(0);
    expect(zoneNamed('+05:30')?.offsetMs).toBe(5.5 * 3_600_000);
    expect(zoneNamed('-03:00')?.offsetMs).toBe(-3 * 3_600_000);
  });

  it("zoneNamed('Europe/Paris') follows daylight saving time (no fixed offset); an unknown zone is undefined", () => {
    expect(zoneNamed('Europe/Paris')).toEqual({ name: 'Europe/Paris', offsetMs: null });
    expect(zoneNamed('America/New_York')).toEqual({ name: 'America/New_York', offsetMs: null });
    expect(zoneNamed('Mars/Olympus_Mons')).toBeUndefined();
    expect(zoneNamed('../etc/passwd')).toBeUndefined();
  });
});

describe('parseLocalTime', () => {
  it('reads 2020-03-09T10:10:52 as local Shanghai time (02:10:52Z)', () => {
    expect(at('2020-03-09T10:10:52')).toBe(Date.UTC(2020, 2, 9, 2, 10, 52));
  });

  it('reads a bare date as 00:00 local and a time without seconds as :00', () => {
    expect(at('2020-03-09')).toBe(Date.UTC(2020, 2, 8, 16, 0, 0));
    expect(at('2020-03-09 10:10')).toBe(at('2020-03-09T10:10:00'));
  });

  it('rejects 2020-02-30, 2019-02-29, month 13 and day 0', () => {
    expect(parseLocalTime('2020-02-30', zone)).toBeUndefined();
    expect(parseLocalTime('2019-02-29T10:00:00', zone)).toBeUndefined();
    expect(parseLocalTime('2020-13-01', zone)).toBeUndefined();
    expect(parseLocalTime('2020-01-00', zone)).toBeUndefined();
    expect(parseLocalTime('2020-02-29', zone)).toBeTypeOf('number');
  });

  it('rejects 24:00, 10:60 and 10:10:60', () => {
    expect(parseLocalTime('2020-03-09T24:00', zone)).toBeUndefined();
    expect(parseLocalTime('2020-03-09T24:00:00', zone)).toBeUndefined();
    expect(parseLocalTime('2020-03-09T10:60', zone)).toBeUndefined();
    expect(parseLocalTime('2020-03-09T10:10:60', zone)).toBeUndefined();
  });

  it('rejects text that is not a time', () => {
    for (const text of ['', 'tomorrow', '2020-3-9', '2020-03-09T10', '2020-03-09T10:10:52.123', '20200309']) {
      expect(parseLocalTime(text, zone)).toBeUndefined();
    }
  });

  it('converts explicit offsets: Z and +00:00 are UTC, +08:00 equals the local reading', () => {
    const utc = Date.UTC(2020, 2, 9, 10, 10, 52);
    expect(parseLocalTime('2020-03-09T10:10:52Z', zone)).toBe(utc);
    expect(parseLocalTime('2020-03-09T10:10:52+00:00', zone)).toBe(utc);
    expect(parseLocalTime('2020-03-09T10:10:52-05:00', zone)).toBe(utc + 5 * 3_600_000);
    expect(parseLocalTime('2020-03-09T10:10:52+08:00', zone)).toBe(at('2020-03-09T10:10:52'));
  });
});

describe('formatting', () => {
  it('formatInstant prints +08:00: 2020-04-16T00:00:00+08:00', () => {
    expect(formatInstant(at('2020-04-16T00:00:00'), zone)).toBe('2020-04-16T00:00:00+08:00');
    expect(formatInstant(Date.UTC(2020, 2, 9, 2, 10, 52), zone)).toBe('2020-03-09T10:10:52+08:00');
  });

  it('formatInstant shows the local date when UTC is still on the day before', () => {
    expect(formatInstant(Date.UTC(2019, 11, 31, 16, 0, 0), zone)).toBe('2020-01-01T00:00:00+08:00');
  });

  it('formatInstant agrees with the local date and time fields, also before 1970 and in other zones', () => {
    const zones: Zone[] = [zone, { name: 'UTC', offsetMs: 0 }, { name: '-03:30', offsetMs: -3.5 * 3_600_000 }, { name: '+25:00', offsetMs: 25 * 3_600_000 }];
    const field = (value: number, width = 2) => String(value).padStart(width, '0');
    for (const z of zones) {
      for (let instant = Date.UTC(1969, 11, 30, 23, 59, 59); instant < Date.UTC(2041, 0, 1); instant += 7_777_777_777) {
        const t = localDateTime(instant, z);
        const expected = `${field(t.year, 4)}-${field(t.month)}-${field(t.day)}T${field(t.hour)}:${field(t.minute)}:${field(t.second)}${formatOffset(z.offsetMs ?? 0)}`;
        expect(formatInstant(instant, z)).toBe(expected);
        expect(formatInstant(instant, z)).toBe(expected); // the second time from the day texts written the first
      }
    }
  });

  it('formatInstant agrees with the local fields in a zone with daylight saving time, across its changes', () => {
    const berlin = zoneNamed('Europe/Berlin') as Zone;
    const field = (value: number, width = 2) => String(value).padStart(width, '0');
    for (let instant = Date.UTC(2019, 2, 31, 0, 0, 7); instant < Date.UTC(2019, 2, 31, 3); instant += 1_234_567) {
      const t = localDateTime(instant, berlin);
      const expected = `${field(t.year, 4)}-${field(t.month)}-${field(t.day)}T${field(t.hour)}:${field(t.minute)}:${field(t.second)}${formatOffset(offsetAt(instant, berlin))}`;
      expect(formatInstant(instant, berlin)).toBe(expected);
    }
    expect(formatInstant(Date.UTC(2019, 2, 31, 0, 59, 59), berlin)).toBe('2019-03-31T01:59:59+01:00');
    expect(formatInstant(Date.UTC(2019, 2, 31, 1, 0, 0), berlin)).toBe('2019-03-31T03:00:00+02:00');
  });

  it('formatMonth and formatDay write four-digit years, also before 1000 and before 1970', () => {
    expect([formatMonth(2020, 12), formatMonth(999, 1), formatMonth(2021, 1)]).toEqual(['2020-12', '0999-01', '2021-01']);
    expect([formatDay(-1), formatDay(0), formatDay(dayNumber(812, 3, 4))]).toEqual(['1969-12-31', '1970-01-01', '0812-03-04']);
  });

  it('formatOffset prints signs and minutes (-03:30, +00:00)', () => {
    expect(formatOffset(-3.5 * 3_600_000)).toBe('-03:30');
    expect(formatOffset(0)).toBe('+00:00');
  });

  it('formatInstant and parseLocalTime round-trip', () => {
    for (const text of ['2020-02-29T23:59:59', '1969-12-31T07:59:59', '2038-01-19T11:14:08']) {
      expect(formatInstant(at(text), zone)).toBe(`${text}+08:00`);
    }
  });
});

describe('local days', () => {
  it('localDay and startOfLocalDay agree: 2020-03-09 00:00 local starts day 18330', () => {
    const start = startOfLocalDay(dayNumber(2020, 3, 9), zone);
    expect(start).toBe(at('2020-03-09T00:00:00'));
    expect(localDay(start, zone)).toBe(dayNumber(2020, 3, 9));
    expect(localDay(start - 1, zone)).toBe(dayNumber(2020, 3, 8));
    expect(formatDay(localDay(at('2020-03-09T23:59:59'), zone))).toBe('2020-03-09');
  });

  it('localDateTime and instantOf are inverse', () => {
    const instant = at('2020-03-09T10:10:52');
    const local = localDateTime(instant, zone);
    expect(local).toEqual({ year: 2020, month: 3, day: 9, hour: 10, minute: 10, second: 52 });
    expect(instantOf(local, zone)).toBe(instant);
  });
});

describe('the machine time zone', () => {
  const savedTz = process.env.TZ;
  afterEach(() => {
    if (savedTz === undefined) delete process.env.TZ;
    else process.env.TZ = savedTz;
  });

  function everything() {
    const z = zoneNamed('Asia/Shanghai') as Zone;
    const instant = parseLocalTime('2020-03-09T10:10:52', z) as number;
    return {
      zone: z,
      instant,
      text: formatInstant(instant, z),
      local: localDateTime(instant, z),
      day: localDay(instant, z),
      start: startOfLocalDay(localDay(instant, z), z),
      paris: zoneNamed('Europe/Paris'),
    };
  }

  it('nothing depends on process.env.TZ: America/New_York gives the same results as the default', () => {
    const before = everything();
    process.env.TZ = 'America/New_York';
    // Node applies a TZ change at once: the machine's local offset really is New York's now.
    expect(new Date(Date.UTC(2020, 0, 15)).getTimezoneOffset()).toBe(300);
    expect(everything()).toEqual(before);
    process.env.TZ = 'Asia/Kolkata';
    expect(everything()).toEqual(before);
  });
});
