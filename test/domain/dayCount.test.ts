import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { MS_PER_DAY } from '../../src/domain/calendar.ts';
import { daysText } from '../../src/domain/dayCount.ts';
import { money } from '../../src/domain/money.ts';

describe('daysText', () => {
  it('writes a duration in days to two decimals, half up, as Decimal does', () => {
    const random = seedrandom('days');
    const hundredth = MS_PER_DAY / 100;
    const durations = [0, 1, hundredth / 2 - 1, hundredth / 2, hundredth, MS_PER_DAY, 30 * MS_PER_DAY + hundredth * 1.5, 366 * MS_PER_DAY - 1];
    for (let index = 0; index < 2000; index += 1) durations.push(Math.floor(random() * 4000 * MS_PER_DAY), Math.floor(random() * 4000) * hundredth + hundredth / 2);
    for (const ms of durations) expect(daysText(ms), String(ms)).toBe(money(ms).div(MS_PER_DAY).toFixed(2));
  });

  it('refuses a duration that is negative or not whole milliseconds', () => {
    expect(() => daysText(-1)).toThrow(/not negative/);
    expect(() => daysText(1.5)).toThrow(/whole milliseconds/);
  });
});
