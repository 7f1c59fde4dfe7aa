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

  it('says which events moved and which months of usage changed, by field, and leaves expectations to the checker (X2, X3)', () => {
    const after = simulate(loadScenario('scenarios/arrears.yaml', { set: { 'lifecycle.grace.days': 14 } }));
    const lines = reportDiff(simulate(loadScenario('scenarios/arrears.yaml')), after);
    expect(lines).toContain('~ event recordsPurged of 1400000004: 2020-04-12T00:00:00+08:00 → 2020-04-19T00:00:00+08:00');
    expect(lines).toContain('~ usage 1400000003 2020-04: proDays 11 → 18');
    expect(lines.filter((line) => line.includes('expectation'))).toEqual([]);
    expect(lines.filter((line) => line.includes('differs ('))).toEqual([]);
  });

  it('ignores where the scenario was run from, and names a changed seed', () => {
    const moved = { ...before, scenario: { ...before.scenario, file: 'elsewhere/default.yaml' } };
    expect(reportDiff(before, moved)).toEqual([]);
    expect(reportDiff(before, { ...before, scenario: { ...before.scenario, seed: 9 } })).toEqual([`~ scenario seed: ${before.scenario.seed} → 9`]);
  });

  it('names a field that differs in nothing it reads in words, rather than saying nothing', () => {
    const flipped = { ...before, expectations: before.expectations.map((result, index) => (index === 0 ? { ...result, ok: !result.ok } : result)) };
    expect(reportDiff(before, flipped)).toEqual(['~ expectations: differs']);
  });
});
