/**
 * compareOnThreads(): compare with side B played on a thread of its own while A plays here. The
 * same result as compare, and a side refused before any thread starts.
 */
import { describe, expect, it } from 'vitest';
import { compare } from '../../src/explore/compare.ts';
import { compareOnThreads } from '../../src/explore/compareOnThreads.ts';
import { compareFormats, renderComparison } from '../../src/explore/compareFormats.ts';
import { InputError } from '../../src/inputError.ts';
import { applyOverrides } from '../../src/policy/overrides.ts';
import { loadScenario, parseScenario } from '../../src/scenario/load.ts';
import { largePopulationText } from '../sim/largePopulation.ts';

describe('compare with side B on a thread of its own', () => {
  const scenario = loadScenario('scenarios/population-grace.yaml');
  const b = applyOverrides(scenario.policy, { 'lifecycle.grace.days': 14 });

  it.each([
    ['every record', undefined, 'all'],
    ['every record, B from a date', '2021-01-01', 'all'],
    ['the compared records', undefined, 'compared'],
    ['the compared records, B from a date', '2021-01-01', 'compared'],
  ] as const)('gives what compare gives, keeping %s', async (_, from, records) => {
    const options = { from, records };
    const threaded = await compareOnThreads(scenario, scenario.policy, b, options);
    const plain = compare(scenario, scenario.policy, b, options);
    expect(threaded.comparison).toEqual(plain.comparison);
    expect(JSON.stringify(threaded.reports)).toBe(JSON.stringify(plain.reports));
    for (const format of compareFormats) expect(renderComparison(threaded, format), format).toEqual(renderComparison(plain, format));
  }, 60_000);

  it('gives what compare gives on a population played in batches, with the bases given', async () => {
    const large = parseScenario(largePopulationText(), 'large.yaml');
    const longer = applyOverrides(large.policy, { 'lifecycle.grace.days': 14 });
    const options = { from: '2020-05-01', bases: { a: longer, b: large.policy }, records: 'compared' } as const;
    const threaded = await compareOnThreads(large, large.policy, longer, options);
    const plain = compare(large, large.policy, longer, options);
    expect(threaded.comparison.a.overrides, 'A counted from B').toEqual({ 'lifecycle.grace.days': 7 });
    expect(threaded.comparison.b.changes, 'B changed at the date').toEqual([{ at: '2020-05-01T00:00:00+08:00', set: { 'lifecycle.grace.days': 14 } }]);
    expect(threaded.comparison).toEqual(plain.comparison);
    for (const format of compareFormats) expect(renderComparison(threaded, format), format).toEqual(renderComparison(plain, format));
  }, 120_000);

  it('throws the InputError compare throws when B is refused as it plays on its thread (a knob change that fails at its instant)', async () => {
    const { lifecycle } = scenario.policy;
    const refused = { ...scenario.policy, lifecycle: { ...lifecycle, grace: { ...lifecycle.grace, days: -3 } } };
    const plain = (() => {
      try {
        compare(scenario, scenario.policy, refused, { from: '2021-01-01', records: 'compared' });
      } catch (error) {
        return error;
      }
    })();
    expect(plain).toBeInstanceOf(InputError);
    const threaded = await compareOnThreads(scenario, scenario.policy, refused, { from: '2021-01-01', records: 'compared' }).catch((error: unknown) => error);
    expect(threaded).toBeInstanceOf(InputError);
    expect((threaded as InputError).issues).toEqual((plain as InputError).issues);
    expect((threaded as InputError).issues.map((issue) => issue.path)).toContain('lifecycle.grace.days');
  }, 60_000);

  it('refuses a B that changes a knob fixed for a run from a date, as compare does', async () => {
    const yen = applyOverrides(scenario.policy, { currency: 'JPY' });
    expect(() => compare(scenario, scenario.policy, yen, { from: '2021-01-01' })).toThrow(InputError);
    await expect(compareOnThreads(scenario, scenario.policy, yen, { from: '2021-01-01' })).rejects.toThrow(InputError);
  });
});
