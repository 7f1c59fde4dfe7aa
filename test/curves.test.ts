import { describe, expect, it } from 'vitest';
import { dayNumber } from '../src/domain/calendar.ts';
import { type CurveContext, curveFill, dailySeries, isWeekend, weekday } from '../src/domain/curves.ts';
import { randomStream, streamName } from '../src/domain/randomStream.ts';
import type { Curve } from '../src/scenario/types.ts';

const shanghai = { name: 'Asia/Shanghai', offsetMs: 8 * 3_600_000 };
/** 2020-03-01 (a Sunday) to 2020-03-10. */
const march: CurveContext = {
  startDay: dayNumber(2020, 3, 1),
  days: 10,
  zone: shanghai,
  seed: 42,
  appId: '1400000001',
  key: 'dau',
  whole: true,
};

function values(curve: Curve, context: Partial<CurveContext> = {}): number[] {
  return Array.from(dailySeries(curve, { ...march, ...context }));
}

const walk: Curve = { randomWalk: { start: 1000, drift: 0.01, volatility: 0.2 } };
const noisy: Curve = { noise: { base: { constant: 1000 }, sigma: 0.3 } };

describe('deterministic forms', () => {
  it('a constant gives the same value every day', () => {
    expect(values({ constant: 5 })).toEqual(Array(10).fill(5));
  });

  it('a linear curve starts at from on the first day and ends at to on the last', () => {
    expect(values({ linear: { from: 0, to: 9 } })).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(values({ linear: { from: 10, to: 0 } }, { days: 4 })).toEqual([10, 7, 3, 0]);
  });

  it('a linear curve of decimals is rounded to 3 decimals', () => {
    expect(values({ linear: { from: 0, to: 1 } }, { days: 4, whole: false })).toEqual([0, 0.333, 0.667, 1]);
  });

  it('a linear curve over a single day is its from value', () => {
    expect(values({ linear: { from: 3, to: 8 } }, { days: 1 })).toEqual([3]);
  });

  it('steps are 0 before the first date and hold each value from its date on', () => {
    const curve: Curve = {
      steps: [
        { from: '2020-03-08', value: 3 },
        { from: '2020-03-04', value: 10 },
      ],
    };
    expect(values(curve)).toEqual([0, 0, 0, 10, 10, 10, 10, 3, 3, 3]);
  });

  it('steps that start before the period apply from the first day', () => {
    expect(values({ steps: [{ from: '2019-12-31', value: 7 }] }, { days: 3 })).toEqual([7, 7, 7]);
  });

  it('points are interpolated linearly by day and flat outside', () => {
    const curve: Curve = {
      points: [
        { at: '2020-03-03', value: 0 },
        { at: '2020-03-07', value: 8 },
      ],
    };
    expect(values(curve)).toEqual([0, 0, 0, 2, 4, 6, 8, 8, 8, 8]);
  });

  it('growth multiplies by one plus the monthly rate every 30 days', () => {
    const series = values({ growth: { start: 100, monthlyRate: 0.5 } }, { days: 61, whole: false });
    expect(series[0]).toBe(100);
    expect(series[30]).toBe(150);
    expect(series[60]).toBe(225);
    expect(series[15]).toBe(122.474);
  });

  it('weekly multiplies exactly the Saturdays and Sundays', () => {
    // 2020-03-01 and 2020-03-08 were Sundays, 2020-03-07 a Saturday.
    expect(weekday(dayNumber(2020, 3, 7))).toBe(6);
    expect(weekday(dayNumber(1970, 1, 1))).toBe(4);
    expect(isWeekend(dayNumber(2020, 3, 6))).toBe(false);
    const series = values({ weekly: { base: { constant: 100 }, weekendFactor: 0.5 } });
    expect(series).toEqual([50, 100, 100, 100, 100, 100, 50, 50, 100, 100]);
  });

  it('a series gives its values from the start and then holds its last value', () => {
    expect(values({ series: [1, 2, 3] }, { days: 5 })).toEqual([1, 2, 3, 3, 3]);
  });

  it('an empty series is 0 every day', () => {
    expect(values({ series: [] }, { days: 3 })).toEqual([0, 0, 0]);
  });

  it('a csv gives its value on each listed date and 0 on the days it misses', () => {
    const curve: Curve = { csv: 'usage.csv', column: 'dau', values: { '2020-03-02': 4, '2020-03-05': 7 } };
    expect(values(curve, { days: 6 })).toEqual([0, 4, 0, 0, 7, 0]);
  });

  it('a period of no days gives an empty series', () => {
    expect(values({ constant: 5 }, { days: 0 })).toEqual([]);
  });

  it('a date that does not exist is refused', () => {
    expect(() => values({ steps: [{ from: '2020-02-30', value: 1 }] })).toThrow(RangeError);
  });
});

describe('random forms', () => {
  it('a random walk without volatility follows its drift and stays within min and max', () => {
    const curve: Curve = { randomWalk: { start: 1, drift: Math.log(2), volatility: 0, min: 0, max: 10 } };
    expect(values(curve, { days: 6 })).toEqual([1, 2, 4, 8, 10, 10]);
  });

  it('a volatile random walk stays within min and max', () => {
    const curve: Curve = { randomWalk: { start: 100, drift: 0, volatility: 1, min: 50, max: 150 } };
    const series = values(curve, { days: 200 });
    expect(Math.min(...series)).toBeGreaterThanOrEqual(50);
    expect(Math.max(...series)).toBeLessThanOrEqual(150);
    expect(new Set(series).size).toBeGreaterThan(10);
  });

  it('noise without sigma is the base', () => {
    expect(values({ noise: { base: { constant: 300 }, sigma: 0 } })).toEqual(Array(10).fill(300));
  });

  it('random forms give the same numbers on two calls with the same inputs', () => {
    for (const curve of [walk, noisy]) {
      expect(values(curve, { days: 60 })).toEqual(values(curve, { days: 60 }));
    }
  });

  it('random forms give other numbers for another app id, usage key or seed', () => {
    for (const curve of [walk, noisy]) {
      const first = values(curve, { days: 60 });
      expect(values(curve, { days: 60, appId: '1400000002' })).not.toEqual(first);
      expect(values(curve, { days: 60, key: 'groups' })).not.toEqual(first);
      expect(values(curve, { days: 60, seed: 43 })).not.toEqual(first);
    }
  });

  it('adding a second app does not change the first app numbers', () => {
    const alone = values(noisy, { days: 60 });
    values(noisy, { days: 60, appId: '1400000002' });
    values(walk, { days: 60, appId: '1400000002' });
    expect(values(noisy, { days: 60 })).toEqual(alone);
  });

  it('two nested noise layers draw different numbers', () => {
    const sigma = 0.1;
    const single = values({ noise: { base: { constant: 1000 }, sigma } }, { days: 30, whole: false });
    const nested = values({ noise: { base: { noise: { base: { constant: 1000 }, sigma } }, sigma } }, { days: 30, whole: false });
    // Were both layers to share the outer draws, nested would be 1000 × (1 + σz)² = single² / 1000.
    const shared = single.map((value) => (value * value) / 1000);
    const far = nested.filter((value, i) => Math.abs(value - shared[i]) > 1);
    expect(far.length).toBeGreaterThan(20);
  });

  it('a random walk takes one normal draw of its stream a day, after the first day', () => {
    const [start, drift, volatility] = [1000, 0.01, 0.2];
    const stream = randomStream(streamName(march.seed, march.appId, march.key, 'root'));
    const expected = [start];
    for (let day = 1; day < 40; day += 1) expected.push(expected[day - 1] * Math.exp(drift + volatility * stream.normal()));
    expect(values(walk, { days: 40, whole: false })).toEqual(expected.map((value) => Math.round(value * 1000) / 1000));
  });

  it('noise multiplies each day by one plus sigma times a normal draw of its stream', () => {
    const stream = randomStream(streamName(march.seed, march.appId, march.key, 'root'));
    const expected = Array.from({ length: 40 }, () => Math.round(1000 * (1 + 0.3 * stream.normal()) * 1000) / 1000);
    expect(values(noisy, { days: 40, whole: false })).toEqual(expected);
  });

  it('nested noise multiplies by the draws of each layer’s own stream', () => {
    // Two sigmas, so that layers drawing from each other's stream would give other values.
    const [innerSigma, outerSigma] = [0.1, 0.3];
    const name = (path: string) => streamName(march.seed, march.appId, march.key, path);
    const [outer, inner] = [randomStream(name('root')), randomStream(name('root/noise.base'))];
    const expected = Array.from({ length: 40 }, () => {
      const base = Math.max(0, 1000 * (1 + innerSigma * inner.normal()));
      return Math.round(Math.max(0, base * (1 + outerSigma * outer.normal())) * 1000) / 1000;
    });
    const nested: Curve = { noise: { base: { noise: { base: { constant: 1000 }, sigma: innerSigma } }, sigma: outerSigma } };
    expect(values(nested, { days: 40, whole: false })).toEqual(expected);
  });

  it('a curve read range by range gives the values of its whole series', () => {
    const nested: Curve = { weekly: { base: { noise: { base: { noise: { base: walk, sigma: 0.1 } }, sigma: 0.2 } }, weekendFactor: 0.5 } };
    const context = { ...march, days: 200, whole: false };
    for (const curve of [walk, noisy, nested]) {
      const fill = curveFill(curve, context);
      const read: number[] = [];
      // Ranges of a month, none, more than a month and a day, as a run reads them.
      for (const [from, to] of [[0, 31], [31, 31], [31, 59], [59, 160], [160, 161], [161, 200]]) {
        const out = new Float64Array(Math.max(31, to - from));
        fill(out, from, to);
        read.push(...out.subarray(0, to - from));
      }
      expect(read).toEqual(Array.from(dailySeries(curve, context)));
    }
  });

  it('noise never goes below 0', () => {
    const series = values({ noise: { base: { constant: 100 }, sigma: 3 } }, { days: 500 });
    expect(Math.min(...series)).toBe(0);
    expect(series.every((value) => value >= 0)).toBe(true);
    expect(series.some((value) => value > 100)).toBe(true);
  });
});

describe('rounding and bounds', () => {
  it('whole values are integers', () => {
    const curves: Curve[] = [walk, noisy, { growth: { start: 7, monthlyRate: 0.13 } }, { linear: { from: 0, to: 1 } }];
    for (const curve of curves) {
      expect(values(curve, { days: 40 }).every((value) => Number.isInteger(value))).toBe(true);
    }
  });

  it('decimal values have at most 3 decimals', () => {
    for (const curve of [walk, noisy]) {
      const series = values(curve, { days: 40, whole: false });
      expect(series.every((value) => Math.round(value * 1000) / 1000 === value)).toBe(true);
      expect(series.some((value) => !Number.isInteger(value))).toBe(true);
    }
  });

  it('values are never negative nor NaN', () => {
    const curves: Curve[] = [
      { linear: { from: -5, to: 5 } },
      { growth: { start: 10, monthlyRate: -2 } },
      { series: [-3, Number.NaN] },
      { weekly: { base: { constant: 10 }, weekendFactor: -1 } },
    ];
    for (const curve of curves) {
      for (const whole of [true, false]) {
        const series = values(curve, { whole });
        expect(series.every((value) => value >= 0 && !Number.isNaN(value) && !Object.is(value, -0))).toBe(true);
      }
    }
  });
});
