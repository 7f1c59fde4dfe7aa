/** A scenario built in code is checked exactly as a file is, and runs to the same report. */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/inputError.ts';
import { renderJson } from '../../src/report/json.ts';
import { scenarioFromObject } from '../../src/scenario/fromObject.ts';
import type { ScenarioInput } from '../../src/scenario/input.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { simulate } from '../../src/sim/simulate.ts';

const issuesOf = (input: unknown): string[] => {
  try {
    scenarioFromObject(input as ScenarioInput);
  } catch (error) {
    if (error instanceof InputError) return error.message.split('\n');
    throw error;
  }
  return [];
};

describe('scenarioFromObject', () => {
  it('runs the object of a scenario file to the report of the file, its expectations at no line', () => {
    const input = parse(readFileSync('scenarios/default.yaml', 'utf8')) as ScenarioInput;
    const fromObject = simulate(scenarioFromObject(input, { file: 'scenarios/default.yaml' }));
    const fromFile = simulate(loadScenario('scenarios/default.yaml'));
    expect(fromObject.expectations.map((result) => result.line)).toEqual(fromFile.expectations.map(() => 0));
    const atNoLine = { ...fromFile, expectations: fromFile.expectations.map((result) => ({ ...result, line: 0 })) };
    expect(renderJson(fromObject)).toBe(renderJson(atNoLine));
  });

  it('throws one InputError with every issue, each by its field, as a file would', () => {
    const input = {
      format: 1,
      name: 'bad',
      policy: 'tencent-im-2019',
      start: '2020-03-01',
      end: '2020-02-01',
      accounts: [{ id: 'acme', balance: { cash: 'lots' }, apps: [{ id: 1400000001 }] }],
      events: [{ at: '2020-03-02', type: 'purchase', app: 'nope', product: 'pro', months: 1 }],
    };
    expect(issuesOf(input)).toEqual([
      '<object>  end  expected a date on or after start (2020-03-01), found "2020-02-01"',
      '<object>  accounts.0.balance.cash  expected a decimal number ≥ 0 such as "999.00", found "lots"',
      '<object>  accounts.0.apps.0.id  expected a text, found 1400000001 (write it in quotes: "1400000001")',
      '<object>  events.0.app  unknown app "nope"',
    ]);
  });

  it('refuses values no file could hold (a Date, Infinity) with what it expected', () => {
    const issues = issuesOf({ format: 1, name: 'x', policy: 'tencent-im-2019', start: new Date(0), end: '2020-02-01', seed: Number.POSITIVE_INFINITY, accounts: [{ id: 'a' }] });
    expect(issues).toEqual([
      '<object>  start  expected a text, found a timestamp (write dates as plain text: YYYY-MM-DD)',
      '<object>  seed  expected a number, found Infinity (numbers must be finite)',
    ]);
  });
});

describe('scenarioFromObject, with what no file could hold', () => {
  const base = { format: 1, name: 'x', policy: 'tencent-im-2019', start: '2020-01-01', end: '2020-02-01' };

  it('refuses a Map or an instance of a class, which would read as an empty mapping', () => {
    class Curve {}
    const issues = issuesOf({ ...base, accounts: [{ id: 'a', balance: new Map([['cash', '9']]), apps: [{ id: 'x', usage: { dau: new Curve() } }] }] });
    expect(issues.slice(0, 2)).toEqual([
      '<object>  accounts.0.balance  expected plain data, as a file holds (mappings, lists, texts, numbers, booleans), found an object of class Map',
      '<object>  accounts.0.apps.0.usage.dau  expected plain data, as a file holds (mappings, lists, texts, numbers, booleans), found an object of class Curve',
    ]);
  });

  it('says only that the accounts are missing, not that every app an event names is unknown', () => {
    const events = [{ at: '2020-01-02', type: 'purchase', app: 'a1', product: 'pro', months: 1 }, { at: '2020-01-02', type: 'topUp', account: 'z', cash: '1' }];
    expect(issuesOf({ ...base, events })).toEqual(['<object>  accounts  missing: expected a list of accounts, or a population']);
    expect(issuesOf({ ...base, accounts: 'acme', events })).toEqual(['<object>  accounts  expected a list, found "acme"']);
  });
});

describe('the options of a scenario load', () => {
  const issues = (options: object): string[] => {
    try {
      loadScenario('scenarios/default.yaml', options);
    } catch (error) {
      if (error instanceof InputError) return error.message.split('\n');
      throw error;
    }
    return [];
  };

  it('refuses a seed that is not a whole number, as the file and --seed do', () => {
    expect(issues({ seed: 1.5 })).toEqual(['scenarios/default.yaml  (option seed)  expected a whole number, found 1.5']);
    expect(issues({ seed: Number.NaN })).toEqual(['scenarios/default.yaml  (option seed)  expected a whole number, found NaN']);
    expect(issues({ seed: '8' })).toEqual(['scenarios/default.yaml  (option seed)  expected a whole number, found "8"']);
  });

  it('refuses a policy given by its id, saying how to give it', () => {
    expect(issues({ policy: 'tencent-im-2020' })).toEqual([
      'scenarios/default.yaml  (option policy)  expected a policy, as loadPolicy gives, found "tencent-im-2020" (a policy id or file: give loadPolicy("tencent-im-2020"))',
    ]);
  });
});
