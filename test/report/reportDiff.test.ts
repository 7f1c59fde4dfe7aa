import { describe, expect, it } from 'vitest';
import { reportDiff } from '../../src/report/reportDiff.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { simulate } from '../../src/sim/simulate.ts';

describe('what changed between two reports, in words', () => {
  const before = simulate(loadScenario('scenarios/default.yaml'));

  it('says nothing for the same report', () => {
    expect(reportDiff(before, simulate(loadScenario('scenarios/default.yaml')))).toEqual([]);
  });

  it('says which transitions moved and which KPIs changed when grace lasts 14 days (X2)', () => {
    const after = simulate(loadScenario('scenarios/default.yaml', { set: { 'lifecycle.grace.days': 14 } }));
    const lines = reportDiff(before, after);
    expect(lines).toContain('~ transition 1400000002 expiredGrace → suspended (graceOver): 2020-03-17T00:00:00+08:00 → 2020-03-24T00:00:00+08:00');
    expect(lines.some((line) => line.startsWith('~ transition 1400000002 suspended → reclaimed (retentionOver)'))).toBe(true);
    expect(lines.every((line) => /^[~+-] |^ {2}… and/.test(line))).toBe(true);
  });

  it('says which bill lines changed, with their basis, when DAU overage is charged linearly (U2)', () => {
    const after = simulate(loadScenario('scenarios/default.yaml', { set: { 'usage.dauOverage.rounding': 'linear' } }));
    const lines = reportDiff(before, after);
    const overage = lines.filter((line) => line.startsWith('~ bill line acme') && line.includes('dauOverage'));
    expect(overage.length).toBeGreaterThan(0);
    expect(overage[0]).toMatch(/^~ bill line acme \d{4}-\d{2} 1400000001 dauOverage: \d+\.\d{2} → \d+\.\d{2} \(peak DAU \d+ on \d{4}-\d{2}-\d{2}, 100000 included\)$/);
    expect(lines).toContain(`~ KPI revenueByItem.dauOverage: ${before.kpis.revenueByItem.dauOverage} → ${after.kpis.revenueByItem.dauOverage}`);
  });

  it('lists a record that only one report has with + or -', () => {
    const after = { ...before, denials: [...before.denials, { at: '2020-05-01T10:00:00+08:00', account: 'acme', app: '1400000001', type: 'purchase', product: 'pro', reason: 'insufficientBalance' as const }] };
    expect(reportDiff(before, after)).toEqual(['+ denial 1400000001 purchase pro at 2020-05-01T10:00:00+08:00: insufficientBalance']);
    expect(reportDiff(after, before)).toEqual(['- denial 1400000001 purchase pro at 2020-05-01T10:00:00+08:00: insufficientBalance']);
  });
});
