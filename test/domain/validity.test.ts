import { describe, expect, it } from 'vitest';
import { zoneNamed, formatInstant, MS_PER_DAY, parseLocalTime, type Zone } from '../../src/domain/calendar.ts';
import { packValidityEnd, proValidityEnd, sliceBoundaries, validityEnd } from '../../src/domain/validity.ts';

const zone = zoneNamed('Asia/Shanghai') as Zone;
const at = (text: string): number => {
  const instant = parseLocalTime(text, zone);
  if (instant === undefined) throw new Error(`bad test time ${text}`);
  return instant;
};
const show = (instant: number): string => formatInstant(instant, zone).slice(0, 19);
const pro = (start: string, months: number, mode: 'dayBefore' | 'sameDay' = 'dayBefore') => show(proValidityEnd(at(start), months, mode, zone));

describe('P2: pro validity (dayBefore, the default)', () => {
  it('P2: bought 03-09 10:10:52 for one month, valid until 04-08 10:10:52', () => {
    expect(pro('2020-03-09T10:10:52', 1)).toBe('2020-04-08T10:10:52');
  });

  it('P2: bought 2019-02-12 for one month, valid until 2019-03-11', () => {
    expect(pro('2019-02-12T00:00:00', 1)).toBe('2019-03-11T00:00:00');
    expect(pro('2019-02-12T15:30:00', 1)).toBe('2019-03-11T15:30:00');
  });

  it('P2: bought on the 31st, valid until the last day of a shorter month (01-31 → 02-29, 2019-01-31 → 02-28)', () => {
    expect(pro('2020-01-31T09:00:00', 1)).toBe('2020-02-29T09:00:00');
    expect(pro('2019-01-31T09:00:00', 1)).toBe('2019-02-28T09:00:00');
  });

  it('P2: bought 2019-01-30, where February has no 29th, valid until 2019-02-28', () => {
    expect(pro('2019-01-30T09:00:00', 1)).toBe('2019-02-28T09:00:00');
  });

  it('P2: bought 03-31 for one month, valid until 04-30 (April has day T−1 = 30)', () => {
    expect(pro('2020-03-31T12:00:00', 1)).toBe('2020-04-30T12:00:00');
  });

  it('P2: bought on the 1st, valid until the last day of month M+n−1 (03-01 → 03-31; 2 months → 04-30)', () => {
    expect(pro('2020-03-01T10:00:00', 1)).toBe('2020-03-31T10:00:00');
    expect(pro('2020-03-01T10:00:00', 2)).toBe('2020-04-30T10:00:00');
    expect(pro('2020-01-01T10:00:00', 2)).toBe('2020-02-29T10:00:00');
    expect(pro('2019-12-01T10:00:00', 1)).toBe('2019-12-31T10:00:00');
  });

  it('P2: bought 2019-01-15 for 12 months, valid until 2020-01-14', () => {
    expect(pro('2019-01-15T08:00:00', 12)).toBe('2020-01-14T08:00:00');
  });

  it('P2: bought 2019-11-20 for 3 months, valid until 2020-02-19 (across the year end)', () => {
    expect(pro('2019-11-20T08:00:00', 3)).toBe('2020-02-19T08:00:00');
  });

  it('P2: bought 2020-01-31 for k = 1..12 months, each end computed from the anchor, no drift', () => {
    const ends = Array.from({ length: 12 }, (_, index) => pro('2020-01-31T10:00:00', index + 1).slice(0, 10));
    expect(ends).toEqual([
      '2020-02-29',
      '2020-03-30',
      '2020-04-30',
      '2020-05-30',
      '2020-06-30',
      '2020-07-30',
      '2020-08-30',
      '2020-09-30',
      '2020-10-30',
      '2020-11-30',
      '2020-12-30',
      '2021-01-30',
    ]);
  });

  it('P2: twelve 1-month renewals from 2019-01-15 cover fewer days than one 12-month purchase', () => {
    let end = at('2019-01-15T08:00:00');
    for (let k = 0; k < 12; k += 1) end = proValidityEnd(end, 1, 'dayBefore', zone);
    const twelve = proValidityEnd(at('2019-01-15T08:00:00'), 12, 'dayBefore', zone);
    expect(show(end)).toBe('2020-01-03T08:00:00');
    expect(show(twelve)).toBe('2020-01-14T08:00:00');
    expect((twelve - end) / MS_PER_DAY).toBe(11);
  });
});

describe('P2: pro validity, knob editions.pro.validity = sameDay', () => {
  it('P2 sameDay: bought 03-09 10:10:52 for one month, valid until 04-09 10:10:52', () => {
    expect(pro('2020-03-09T10:10:52', 1, 'sameDay')).toBe('2020-04-09T10:10:52');
  });

  it('P2 sameDay: bought 2020-01-31 for one month, valid until 02-29 (clamped to the last day)', () => {
    expect(pro('2020-01-31T10:00:00', 1, 'sameDay')).toBe('2020-02-29T10:00:00');
    expect(pro('2020-01-31T10:00:00', 2, 'sameDay')).toBe('2020-03-31T10:00:00');
  });

  it('P2 sameDay: bought on the 1st, valid until the 1st of month M+n (03-01 → 04-01)', () => {
    expect(pro('2020-03-01T10:00:00', 1, 'sameDay')).toBe('2020-04-01T10:00:00');
  });

  it('P2 sameDay: bought 2019-01-15 for 12 months, valid until 2020-01-15', () => {
    expect(pro('2019-01-15T08:00:00', 12, 'sameDay')).toBe('2020-01-15T08:00:00');
  });
});

describe('F3: pack validity', () => {
  it('F3: bought 2020-02-10 10:00 for one month, valid 29 days, until 2020-03-10 10:00', () => {
    const start = at('2020-02-10T10:00:00');
    const end = packValidityEnd(start, 1, zone);
    expect((end - start) / MS_PER_DAY).toBe(29);
    expect(show(end)).toBe('2020-03-10T10:00:00');
  });

  it('F3: bought 2019-02-10 10:00 for one month, valid 28 days, until 2019-03-10 10:00', () => {
    expect(show(packValidityEnd(at('2019-02-10T10:00:00'), 1, zone))).toBe('2019-03-10T10:00:00');
  });

  it('F3: bought 2020-01-31 for one month, valid 31 days, until 2020-03-02 (not clamped like pro)', () => {
    expect(show(packValidityEnd(at('2020-01-31T10:00:00'), 1, zone))).toBe('2020-03-02T10:00:00');
  });

  it('F3: n months sum the month lengths from the purchase month on (2020-02-10, 3 months → 29+31+30 = 90 days)', () => {
    const start = at('2020-02-10T10:00:00');
    expect((packValidityEnd(start, 3, zone) - start) / MS_PER_DAY).toBe(90);
    const december = at('2019-12-05T00:00:00');
    expect((packValidityEnd(december, 3, zone) - december) / MS_PER_DAY).toBe(31 + 31 + 29);
    // 2019-12 … 2020-11 holds February 2020: 366 days
    expect((packValidityEnd(december, 12, zone) - december) / MS_PER_DAY).toBe(366);
  });

  it('F3: validityEnd dispatches on the rule kind', () => {
    const start = at('2020-02-10T10:00:00');
    expect(validityEnd(start, 1, { kind: 'pack' }, zone)).toBe(packValidityEnd(start, 1, zone));
    expect(validityEnd(start, 1, { kind: 'edition', mode: 'dayBefore' }, zone)).toBe(proValidityEnd(start, 1, 'dayBefore', zone));
    expect(show(validityEnd(start, 1, { kind: 'edition', mode: 'dayBefore' }, zone))).toBe('2020-03-09T10:00:00');
  });
});

describe('R2: slice boundaries', () => {
  it('R2/P2: a 3-month pro order from 2020-01-31 has slices ending 02-29, 03-30, 04-30', () => {
    const bounds = sliceBoundaries(at('2020-01-31T10:00:00'), 3, { kind: 'edition', mode: 'dayBefore' }, zone);
    expect(bounds.map(show)).toEqual(['2020-01-31T10:00:00', '2020-02-29T10:00:00', '2020-03-30T10:00:00', '2020-04-30T10:00:00']);
  });

  it('R2 with slices chained: the same order has slices ending 02-29, 03-28 (a month after 02-29), and the order end 04-30', () => {
    const bounds = sliceBoundaries(at('2020-01-31T10:00:00'), 3, { kind: 'edition', mode: 'dayBefore' }, zone, 'chained');
    expect(bounds.map(show)).toEqual(['2020-01-31T10:00:00', '2020-02-29T10:00:00', '2020-03-28T10:00:00', '2020-04-30T10:00:00']);
  });

  it('R2/F3: a 2-month pack from 2020-02-10 10:00 has slices of 29 and 31 days', () => {
    const bounds = sliceBoundaries(at('2020-02-10T10:00:00'), 2, { kind: 'pack' }, zone);
    expect(bounds.map(show)).toEqual(['2020-02-10T10:00:00', '2020-03-10T10:00:00', '2020-04-10T10:00:00']);
    expect((bounds[1] - bounds[0]) / MS_PER_DAY).toBe(29);
    expect((bounds[2] - bounds[1]) / MS_PER_DAY).toBe(31);
  });

  it('R2: there are n+1 boundaries, increasing, and the last is the order end', () => {
    const start = at('2019-01-15T08:00:00');
    const bounds = sliceBoundaries(start, 12, { kind: 'edition', mode: 'dayBefore' }, zone);
    expect(bounds).toHaveLength(13);
    for (let k = 1; k < bounds.length; k += 1) expect(bounds[k]).toBeGreaterThan(bounds[k - 1]);
    expect(bounds[12]).toBe(proValidityEnd(start, 12, 'dayBefore', zone));
  });
});
