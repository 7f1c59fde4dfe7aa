import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/inputError.ts';
import { compare } from '../../src/explore/compare.ts';
import { comparisonOf } from '../../src/explore/comparison.ts';
import { applyOverrides } from '../../src/policy/overrides.ts';
import { loadScenario, parseScenario } from '../../src/scenario/load.ts';
import { simulate } from '../../src/sim/simulate.ts';
import { parseSetOptions } from '../../src/policy/setOptions.ts';
import { COMPARE_KNOBS } from '../../src/ui/engine/protocol.ts';
import { NO_FILES_MESSAGE, parseRun, runScenario } from '../../src/ui/engine/run.ts';
import { linesOfKnobs } from '../../src/ui/state/presets.ts';
import { scenarioText } from './fixtures.ts';

describe('a run in the browser engine', () => {
  it('gives the report of simulate(), month by month', async () => {
    const result = await runScenario(scenarioText('default.yaml'), 'default.yaml', {});
    const expected = simulate(loadScenario('scenarios/default.yaml'));
    expect(result?.report).toEqual({ ...expected, scenario: { ...expected.scenario, file: 'default.yaml' } });
  });

  it('applies the panel knobs after the scenario own overrides, and says so in the report', async () => {
    const result = await runScenario(scenarioText('default.yaml'), 'default.yaml', { 'lifecycle.grace.days': 14 });
    const games = result!.report.transitions.filter((t) => t.app === '1400000002');
    expect(games.find((t) => t.to === 'suspended')?.at).toBe('2020-03-24T00:00:00+08:00');
    expect(result!.report.policy.overrides).toEqual({ 'lifecycle.grace.days': 14 });
    expect(result!.overrides).toEqual({ 'lifecycle.grace.days': 14 });
    expect(result!.knobs.find((k) => k.path === 'lifecycle.grace.days')?.value).toBe(14);
  });

  it('derives daily DAU asked and served per app', async () => {
    const result = (await runScenario(scenarioText('default.yaml'), 'default.yaml', {}))!;
    const dau = result.dau.value!;
    expect(dau.apps).toEqual(['1400000001', '1400000002', '1400000003']);
    expect(dau.days).toBe(547);
    expect(dau.demand).toHaveLength(3 * 547);
    const games = dau.served.subarray(547, 2 * 547);
    expect(games[0]).toBeLessThanOrEqual(100); // trial: at most 100 users (E4)
    expect(games[546]).toBe(0); // reclaimed
    expect(result.includedDau).toBe(100000);
    const peak = result.report.usage.find((u) => u.app === '1400000001' && u.month === '2020-06')!;
    const june = dau.served.subarray(152, 182);
    expect(Math.max(...june)).toBe(peak.peakDau);
  });

  it('lists every input issue with its line and column', () => {
    const text = scenarioText('default.yaml').replace('start: 2020-01-01', 'start: 2020-13-01').replace('months: 12 }', 'months: 0 }');
    try {
      parseRun(text, 'default.yaml', {});
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      const issues = (error as InputError).issues;
      expect(issues.map((i) => `${i.line}:${i.column} ${i.path}`)).toEqual(expect.arrayContaining([expect.stringMatching(/^14:\d+ start$/)]));
      expect(issues.length).toBeGreaterThanOrEqual(2);
    }
  });

  it('refuses a CSV curve with a clear message', () => {
    const text = scenarioText('default.yaml').replace('dau: { constant: 90 }', 'dau: { csv: pilot.csv, column: dau }');
    expect(() => parseRun(text, 'default.yaml', {})).toThrow(NO_FILES_MESSAGE);
  });

  it('runs at most 10,000,000 app-days, a tenth of what the imsim command runs, and says so', () => {
    const population = (accounts: number) =>
      `format: 1\nname: Wide\npolicy: tencent-im-2019\nstart: 2020-01-01\nend: 2021-12-31\npopulation:\n  - { cohort: wide, accounts: ${accounts} }\n`;
    expect(() => parseRun(population(15_000), 'wide.yaml', {})).toThrow(
      'expected at most 10000000 app-days (apps × days simulated), found 15000 apps × 731 days = 10965000: shorten the period or use fewer apps, or run it with the imsim command (up to 80000000)',
    );
    expect(parseScenario(population(15_000), 'wide.yaml').accounts).toHaveLength(15_000);
  });

  it('reports a bad knob as an issue of the policy panel', () => {
    expect(() => parseRun(scenarioText('default.yaml'), 'default.yaml', { 'lengths.minMonths': 40 })).toThrow(/\(policy panel\)/);
  });

  it('drops a run when asked to', async () => {
    const result = await runScenario(scenarioText('default.yaml'), 'default.yaml', {}, { cancelled: () => true });
    expect(result).toBeUndefined();
  });
});

describe("compare's run B in the browser", () => {
  const bLines = (lines: string[]) => parseSetOptions(lines, { file: COMPARE_KNOBS, comments: true });

  it('reads its knob lines as --set does, skipping blank lines and comments, later lines winning', () => {
    expect(bLines(['lifecycle.grace.days=14', '', '# why: a longer grace', 'usage.dauOverage.rounding=linear', 'lifecycle.grace.days=21']).knobs).toEqual({
      'lifecycle.grace.days': 21,
      'usage.dauOverage.rounding': 'linear',
    });
    const knobs = { 'balance.payOrder': ['gift', 'cash', 'income'], 'editions.pro.price': '1200.00', 'usage.dauOverage.rounding': 'linear' };
    expect(bLines(linesOfKnobs(knobs).split('\n')).knobs).toEqual(knobs);
  });

  it('names the line of every bad knob, also one the policy refuses', () => {
    const issues = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return (error as InputError).issues.map((issue) => `${issue.file}:${issue.line} ${issue.message}`);
      }
      return [];
    };
    expect(issues(() => bLines(['lifecycle.grace.days=14', 'grace 14', 'lifecycle.grace.days=']))).toEqual([
      expect.stringMatching(/^\(B knobs\):2 expected path=value/),
      expect.stringMatching(/^\(B knobs\):3 expected a value after/),
    ]);
    const { knobs, source } = bLines(['lifecycle.grace.days=14', '', 'lifecycle.grase.days=3']);
    expect(issues(() => parseRun(scenarioText('default.yaml'), 'default.yaml', knobs, source))).toEqual([expect.stringMatching(/^\(B knobs\):3 .*did you mean "grace"/)]);
  });

  it('checks the scenario against the policy with its knobs, as imsim compare --vs --set does (U3)', () => {
    const { knobs, source } = bLines(['usage.storageExtension.maxMonths=1']);
    expect(() => parseRun(scenarioText('default.yaml'), 'default.yaml', knobs, source)).toThrow(/expected 0 \(off\) to 1 months/);
  });

  it('compares A and B as the library compare does (the comparison imsim compare prints)', async () => {
    const text = scenarioText('missed-renewal.yaml');
    const { knobs } = bLines(['lifecycle.grace.days=14']);
    const [a, b] = await Promise.all([runScenario(text, 'missed-renewal.yaml', {}), runScenario(text, 'missed-renewal.yaml', knobs)]);
    const scenario = parseScenario(text, 'missed-renewal.yaml');
    const library = compare(scenario, scenario.policy, applyOverrides(scenario.policy, knobs)).comparison;
    const page = comparisonOf(a!.report, b!.report);
    expect(page).toEqual(library);
    expect(page.delta.apps.reclaimed).toBe(-1);
  });
});
