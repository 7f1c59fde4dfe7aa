/** A partial run: advanced to a date-time in the policy's zone, read as it stands, then finished to the whole run's report. */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/inputError.ts';
import { renderJson } from '../../src/report/json.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { resumeRun, saveRun } from '../../src/sim/persist.ts';
import { advance, finish, reportSoFar, simulate, startRun } from '../../src/sim/simulate.ts';

const FILE = 'scenarios/default.yaml';

describe('a partial run', () => {
  it('is advanced by a date-time in the policy zone exactly as by its epoch milliseconds', () => {
    const [byText, byMs] = [startRun(loadScenario(FILE)), startRun(loadScenario(FILE))];
    advance(byText, '2020-03-15T12:00');
    advance(byMs, Date.UTC(2020, 2, 15, 4));
    expect(renderJson(reportSoFar(byText))).toBe(renderJson(reportSoFar(byMs)));
  });

  it('reports what happened before the instant only, and finishes to the report of the whole run', () => {
    const run = startRun(loadScenario(FILE));
    advance(run, '2020-04-01');
    const soFar = reportSoFar(run);
    expect(soFar.transitions.length).toBeGreaterThan(0);
    expect(soFar.transitions.every((transition) => transition.at < '2020-04-01T00:00:00+08:00')).toBe(true);
    expect(soFar.bills.every((bill) => bill.month < '2020-04')).toBe(true);
    const whole = simulate(loadScenario(FILE));
    expect(whole.transitions.length).toBeGreaterThan(soFar.transitions.length);
    expect(renderJson(finish(run))).toBe(renderJson(whole));
  });

  it('plays to the end when advanced to Infinity', () => {
    const run = startRun(loadScenario(FILE));
    advance(run, Number.POSITIVE_INFINITY);
    expect(renderJson(finish(run))).toBe(renderJson(simulate(loadScenario(FILE))));
  });

  it('refuses an instant that is no date-time, saying what it expected', () => {
    const run = startRun(loadScenario(FILE));
    expect(() => advance(run, '2020-02-30')).toThrow(InputError);
    expect(() => advance(run, 'soon')).toThrow('scenarios/default.yaml  until  expected a date YYYY-MM-DD or a time YYYY-MM-DDTHH:mm[:ss] in Asia/Shanghai, or epoch milliseconds, found "soon"');
  });

  it('gives the same report when finished twice, or saved finished and resumed, and leaves the first one unchanged', () => {
    const run = startRun(loadScenario(FILE));
    const first = finish(run);
    const text = renderJson(first);
    expect(renderJson(finish(run))).toBe(text);
    expect(renderJson(first)).toBe(text);
    expect(renderJson(reportSoFar(run))).toBe(text);
    expect(renderJson(finish(resumeRun(JSON.parse(JSON.stringify(saveRun(run))))))).toBe(text);
  });
});
