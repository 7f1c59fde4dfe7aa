/**
 * compare(): one scenario under two policies. The first scenario is small enough to follow by
 * hand; the others check compare against plain runs.
 */
import { describe, expect, it } from 'vitest';
import { compare } from '../../src/explore/compare.ts';
import { compareFormats, renderComparison } from '../../src/explore/compareFormats.ts';
import { COMPARED_SECTIONS } from '../../src/explore/comparison.ts';
import { recordSections } from '../../src/report/types.ts';
import { batchesFor, MEMORY_BATCH_APPS } from '../../src/sim/batchCount.ts';
import { largePopulationText } from '../sim/largePopulation.ts';
import { applyOverrides } from '../../src/policy/overrides.ts';
import { parseScenario, loadScenario } from '../../src/scenario/load.ts';
import { simulate } from '../../src/sim/simulate.ts';

/*
 * One app, DAU 120,000, one month of pro bought 03-09 10:10:52 (ends 04-08 10:10:52, P2). The
 * customer renews on 04-20 10:00, twelve days after the end.
 * A, grace 7 (X2): suspended 04-16 00:00; the renewal starts a new period 04-20 10:00 → 05-19
 *   10:00 (P4 after suspension), which expires and is suspended 05-27 00:00.
 * B, grace 14: still in grace on 04-20 (until 04-23 00:00), so the renewal extends from the old
 *   end: 04-08 10:10:52 → 05-07 10:10:52 (P4), which expires and is suspended 05-22 00:00.
 * Orders: 999.00 twice on both sides. Bills: March and April, 10,000.00 each (U2: peak 120,000,
 *   20,000 over → one block) on both sides; May's is pushed on 06-03, after the period.
 * So revenue does not move (delta 0.00, no app better or worse off); savedInGrace 0 → 1,
 * renewedAfterSuspension 1 → 0, suspended 1 → 1. Active days: A 30 + 29 = 59.00; B 30 + 17 days
 * 10 min 52 s = 47.01 (two decimals): −11.99. The app's story parts at its third transition:
 * under A suspended 04-16 00:00 (graceOver), under B active 04-20 10:00 (renewal).
 */
const handChecked = `format: 1
name: One renewal twelve days late
policy: tencent-im-2019
start: 2020-03-01
end: 2020-05-31
accounts:
  - id: acme
    balance: { cash: "50000.00" }
    apps:
      - { id: "1400000001", usage: { dau: { constant: 120000 } } }
events:
  - { at: 2020-03-09T10:10:52, type: purchase, app: "1400000001", product: pro, months: 1 }
  - { at: 2020-04-20T10:00, type: renew, app: "1400000001", months: 1 }
`;

describe('compare, checked by hand', () => {
  const scenario = parseScenario(handChecked, 'late.yaml');
  const { comparison } = compare(scenario, scenario.policy, applyOverrides(scenario.policy, { 'lifecycle.grace.days': 14 }));

  it('names both sides: the policy and every knob that differs from it', () => {
    expect([comparison.a.policy, comparison.a.overrides, comparison.b.overrides]).toEqual(['tencent-im-2019', {}, { 'lifecycle.grace.days': 14 }]);
  });

  it('gives each KPI’s delta: revenue unchanged, the app saved in grace instead of renewed after suspension', () => {
    expect(comparison.delta.revenue).toMatchObject({ prepaid: '0.00', postpaidBilled: '0.00', netCollected: '0.00' });
    expect(comparison.a.kpis.revenue.prepaid).toBe('1998.00');
    expect(comparison.a.kpis.revenue.postpaidBilled).toBe('20000.00');
    expect([comparison.a.kpis.apps.savedInGrace, comparison.b.kpis.apps.savedInGrace, comparison.delta.apps.savedInGrace]).toEqual([0, 1, 1]);
    expect([comparison.a.kpis.apps.renewedAfterSuspension, comparison.delta.apps.renewedAfterSuspension]).toEqual([1, -1]);
    expect(comparison.delta.apps.suspended).toBe(0);
    expect([comparison.a.kpis.appDays.active, comparison.b.kpis.appDays.active, comparison.delta.appDays.active]).toEqual([59, 47.01, -11.99]);
  });

  it('gives the relative delta, and none where A is 0', () => {
    expect(comparison.relative.apps.renewedAfterSuspension).toBe(-1);
    expect(comparison.relative.apps.savedInGrace).toBeNull();
    expect(comparison.relative.appDays.active).toBe(-0.2032);
  });

  it('lists the app whose story parts, with the first different transition under each side', () => {
    expect(comparison.apps).toEqual([
      {
        app: '1400000001',
        a: { at: '2020-04-16T00:00:00+08:00', to: 'suspended', cause: 'graceOver' },
        b: { at: '2020-04-20T10:00:00+08:00', to: 'active', cause: 'renewal' },
      },
    ]);
    expect([comparison.betterOff, comparison.worseOff]).toEqual([0, 0]);
  });
});

describe('compare against plain runs', () => {
  const scenario = loadScenario('scenarios/population-grace.yaml');
  const b = loadScenario('scenarios/population-grace.yaml', { set: { 'lifecycle.grace.days': 14 } });
  const { comparison, reports } = compare(scenario, scenario.policy, b.policy);

  it('gives the KPIs of two runs of the scenario, each side as `imsim run` would', () => {
    expect(comparison.a.kpis).toEqual(simulate(scenario).kpis);
    expect(comparison.b.kpis).toEqual(simulate(b).kpis);
    expect(reports.b.policy).toEqual(simulate(b).policy);
  });

  it('counts the apps better and worse off by their net revenue', () => {
    expect(comparison.betterOff + comparison.worseOff).toBeGreaterThan(0);
    expect(comparison.apps.length).toBeGreaterThan(0);
  });

  it('with from at the start of the period, plays B as a plain run under B', () => {
    const start = simulate(scenario).period.start;
    const from = Date.parse(`${start}T00:00:00+08:00`);
    const shifted = compare(scenario, scenario.policy, b.policy, { from });
    expect(shifted.comparison.b.kpis).toEqual(comparison.b.kpis);
    expect(shifted.comparison.from).toBe(`${start}T00:00:00+08:00`);
    expect(shifted.reports.b.policy.changes).toEqual([{ at: `${start}T00:00:00+08:00`, set: { 'lifecycle.grace.days': 14 } }]);
  });

  it('with from later, shares everything before that instant', () => {
    const from = Date.parse('2021-01-01T00:00:00+08:00');
    const later = compare(scenario, scenario.policy, b.policy, { from });
    const earlier = (records: { at: string }[]) => records.filter((record) => Date.parse(record.at) < from);
    expect(earlier(later.reports.b.transitions)).toEqual(earlier(later.reports.a.transitions));
    expect(earlier(later.reports.b.orders)).toEqual(earlier(later.reports.a.orders));
    expect(later.reports.b.transitions).not.toEqual(later.reports.a.transitions);
  });

  it('takes from as a date in the policy zone, the same as its epoch milliseconds', () => {
    const byDate = compare(scenario, scenario.policy, b.policy, { from: '2021-01-01' });
    expect(byDate.comparison).toEqual(compare(scenario, scenario.policy, b.policy, { from: Date.parse('2021-01-01T00:00:00+08:00') }).comparison);
    expect(() => compare(scenario, scenario.policy, b.policy, { from: '2021-13-01' })).toThrow(/from {2}expected a date YYYY-MM-DD/);
  });
});

describe('compare keeping only the records a comparison reads', () => {
  const scenario = loadScenario('scenarios/population-grace.yaml');
  const b = loadScenario('scenarios/population-grace.yaml', { set: { 'lifecycle.grace.days': 14 } });

  it.each([undefined, '2021-01-01'])('writes every format as with both full reports (from %s), holding no other record', (from) => {
    const full = compare(scenario, scenario.policy, b.policy, { from });
    const kept = compare(scenario, scenario.policy, b.policy, { from, records: 'compared' });
    for (const format of compareFormats) expect(renderComparison(kept, format), format).toEqual(renderComparison(full, format));
    for (const side of ['a', 'b'] as const) {
      for (const section of recordSections) {
        const expected = COMPARED_SECTIONS.includes(section) ? full.reports[side][section] : [];
        expect(kept.reports[side][section], `${side}: ${section}`).toEqual(expected);
      }
    }
    expect(full.reports.a.notifications.length).toBeGreaterThan(0);
  }, 60_000);

  it('compares a population played in batches of accounts as the full reports do, from a date on and with the bases given', () => {
    const large = parseScenario(largePopulationText(), 'large.yaml');
    expect(batchesFor(large, MEMORY_BATCH_APPS)).toBeGreaterThan(4);
    const longer = applyOverrides(large.policy, { 'lifecycle.grace.days': 14 });
    for (const from of [undefined, '2020-05-01']) {
      const options = { from, bases: { a: longer, b: large.policy } };
      const full = compare(large, large.policy, longer, options);
      const kept = compare(large, large.policy, longer, { ...options, records: 'compared' });
      expect(kept.comparison.a.overrides, 'A counted from B').toEqual({ 'lifecycle.grace.days': 7 });
      for (const format of compareFormats) expect(renderComparison(kept, format), `${format} from ${from}`).toEqual(renderComparison(full, format));
      for (const section of COMPARED_SECTIONS) expect(kept.reports.b[section], `${section} from ${from}`).toEqual(full.reports.b[section]);
    }
  }, 120_000);
});
