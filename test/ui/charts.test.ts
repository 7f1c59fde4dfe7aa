import { describe, expect, it } from 'vitest';
import { formatAxis, formatCount, formatMoney, resolveColor } from '../../src/ui/charts/format.ts';
import { chartZone, daySeconds, zoneOffsetMs } from '../../src/ui/charts/time.ts';

describe('chart time', () => {
  it('plots a day at its midnight in Asia/Shanghai, whatever the zone of the process', () => {
    expect(chartZone).toBe('Asia/Shanghai');
    expect(daySeconds('2020-03-01')).toBe(Date.parse('2020-03-01T00:00:00+08:00') / 1000);
    expect(daySeconds('2020-12-31')).toBe(Date.parse('2020-12-31T00:00:00+08:00') / 1000);
    expect(zoneOffsetMs('Asia/Shanghai', Date.parse('2020-07-01T12:34:56.789Z'))).toBe(8 * 3600_000);
  });

  it('follows a zone with daylight saving across its change', () => {
    expect(daySeconds('2020-03-08', 'America/New_York')).toBe(Date.parse('2020-03-08T00:00:00-05:00') / 1000);
    expect(daySeconds('2020-03-09', 'America/New_York')).toBe(Date.parse('2020-03-09T00:00:00-04:00') / 1000);
  });
});

describe('chart formats', () => {
  it('writes amounts in yuan with two decimals and counts with separators; no value is a dash', () => {
    expect(formatMoney(12345.6)).toBe('¥12,345.60');
    expect(formatMoney(null)).toBe('—');
    expect(formatCount(120000)).toBe('120,000');
    expect(formatAxis([0, 50000, 1200000])).toEqual(['0', '50K', '1.2M']);
  });

  it('resolves var(--name, fallback) colours against the page, the fallback when unset', () => {
    const page: Record<string, string> = { '--chart-1': ' #123456' };
    const lookup = (name: string) => page[name] ?? '';
    expect(resolveColor('var(--chart-1, #1c7ed6)', lookup)).toBe('#123456');
    expect(resolveColor('var(--chart-2, #e8590c)', lookup)).toBe('#e8590c');
    expect(resolveColor('rgba(0, 0, 0, 0.5)', lookup)).toBe('rgba(0, 0, 0, 0.5)');
  });
});
