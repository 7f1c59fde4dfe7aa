import { describe, expect, it } from 'vitest';
import { renderJson } from '../../src/report/json.ts';
import { reportOfParts, reportParts } from '../../src/ui/engine/reportParts.ts';
import { defaultRun } from './fixtures.ts';

describe('a report carried to the page in parts', () => {
  it('comes back the same report, byte for byte as JSON, its lists in slices', async () => {
    const report = defaultRun();
    const parts = reportParts(report, 7);
    expect(parts.filter((part) => part.key === 'notifications').length).toBe(Math.ceil(report.notifications.length / 7));
    expect(renderJson(await reportOfParts(parts, 0))).toBe(renderJson(report));
  });

  it('keeps an empty list a list', async () => {
    const report = { ...defaultRun(), refunds: [] };
    expect((await reportOfParts(reportParts(report))).refunds).toEqual([]);
  });
});
