import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/load.ts';
import type { AccountSpec, Scenario } from '../../src/scenario/types.ts';
import { populationText } from './texts.ts';

const games = {
  name: 'games',
  fields: [
    'appsPerAccount: { uniform: [1, 3] }',
    'balance: { cash: { logNormal: { median: 3000, sigma: 1 } }, gift: "12.345" }',
    'createdAt: { uniform: [2020-01-01, 2020-06-30] }',
    'usage: { dau: { randomWalk: { start: { logNormal: { median: 20000, sigma: 1 } }, drift: 0.01, volatility: 0.05, min: 0, max: 3000000 } }, groups: { constant: { uniform: [1000, 150000] } } }',
  ].join(', '),
};
const social = { name: 'social', fields: 'appsPerAccount: { choice: { 1: 1, 4: 1 } }, balance: { cash: { uniform: [0, 100] } }' };

const load = (text: string, seed?: number): Scenario => parseScenario(text, 'population.yaml', { seed });
const ofCohort = (scenario: Scenario, cohort: string): AccountSpec[] => scenario.accounts.filter((account) => account.cohort === cohort);

describe('generating a cohort', () => {
  const scenario = load(populationText([{ ...games, accounts: 12 }]));
  const accounts = ofCohort(scenario, 'games');

  it('makes as many accounts as asked, ids zero-padded to the width of the count', () => {
    expect(accounts.map((account) => account.id)).toEqual(Array.from({ length: 12 }, (_, n) => `games-${String(n + 1).padStart(2, '0')}`));
  });

  it('gives each account its apps, numbered from 1, as many as appsPerAccount draws', () => {
    for (const account of accounts) {
      expect(account.apps.length).toBeGreaterThanOrEqual(1);
      expect(account.apps.length).toBeLessThanOrEqual(3);
      expect(account.apps.map((app) => app.id)).toEqual(account.apps.map((_, k) => `${account.id}-${k + 1}`));
    }
    expect(new Set(accounts.map((account) => account.apps.length)).size).toBeGreaterThan(1);
  });

  it('draws balances to the cent and keeps a written amount exact', () => {
    for (const account of accounts) {
      expect(account.balance.cash).toMatch(/^\d+\.\d\d$/);
      expect(account.balance.gift).toBe('12.35');
      expect(account.balance.income).toBe('0.00');
    }
  });

  it('creates every app at 00:00 of a day within the uniform dates', () => {
    const first = Date.parse('2020-01-01T00:00:00+08:00');
    const last = Date.parse('2020-06-30T00:00:00+08:00');
    for (const app of accounts.flatMap((account) => account.apps)) {
      expect(app.createdAt).toBeGreaterThanOrEqual(first);
      expect(app.createdAt).toBeLessThanOrEqual(last);
      expect((app.createdAt - first) % 86_400_000).toBe(0);
    }
  });

  it('draws every varying number of a curve once per app, whole where the field counts', () => {
    const apps = accounts.flatMap((account) => account.apps);
    const starts = apps.map((app) => (app.usage.dau as { randomWalk: { start: number } }).randomWalk.start);
    const groups = apps.map((app) => (app.usage.groups as { constant: number }).constant);
    expect(new Set(starts).size).toBe(apps.length);
    for (const value of groups) expect(Number.isInteger(value) && value >= 1000 && value <= 150000).toBe(true);
    expect((apps[0].usage.dau as { randomWalk: { drift: number } }).randomWalk.drift).toBe(0.01);
  });

  it('draws each of several varying numbers of one curve, in a mapping and in a list', () => {
    const several = {
      name: 'several',
      fields: 'appsPerAccount: 3, usage: { dau: { linear: { from: { uniform: [1, 1000] }, to: { uniform: [2000, 3000] } } }, groups: { series: [{ uniform: [1, 100] }, 5, { uniform: [200, 300] }] } }',
    };
    const apps = ofCohort(load(populationText([{ ...several, accounts: 4 }])), 'several').flatMap((account) => account.apps);
    const linears = apps.map((app) => (app.usage.dau as { linear: { from: number; to: number } }).linear);
    const series = apps.map((app) => (app.usage.groups as { series: number[] }).series);
    expect(new Set(linears.map((linear) => linear.from)).size).toBe(apps.length);
    expect(new Set(linears.map((linear) => linear.to)).size).toBe(apps.length);
    for (const linear of linears) expect(linear.from <= 1000 && linear.to >= 2000 && linear.to <= 3000).toBe(true);
    for (const values of series) expect(values[0] >= 1 && values[0] <= 100 && values[1] === 5 && values[2] >= 200 && values[2] <= 300).toBe(true);
    expect(new Set(series.map((values) => values[2])).size).toBeGreaterThan(1);
  });

  it('gives the same population for the same file and seed, and another for another seed', () => {
    const text = populationText([{ ...games, accounts: 12 }]);
    expect(load(text).accounts).toEqual(scenario.accounts);
    expect(load(text, 8).accounts).not.toEqual(scenario.accounts);
    expect(load(text, 8).seed).toBe(8);
  });
});

describe('common random numbers across cohorts', () => {
  it('grows a cohort from 12 to 40 accounts and keeps the first 12 as they were', () => {
    const small = ofCohort(load(populationText([{ ...games, accounts: 12 }])), 'games');
    const grown = ofCohort(load(populationText([{ ...games, accounts: 40 }])), 'games');
    expect(grown.slice(0, 12)).toEqual(small);
  });

  it('grows a cohort past 99 accounts and keeps the first ones, their ids padded anew', () => {
    const small = ofCohort(load(populationText([{ ...games, accounts: 9 }])), 'games');
    const grown = ofCohort(load(populationText([{ ...games, accounts: 100 }])), 'games');
    const unpadded = (account: AccountSpec) => ({ ...account, id: account.id.replace(/-0+(\d)/, '-$1'), apps: account.apps.map((app) => ({ ...app, id: app.id.replace(/-0+(\d)/, '-$1') })) });
    expect(grown.slice(0, 9).map(unpadded)).toEqual(small);
  });

  it('removes a cohort and leaves every other cohort as it was', () => {
    const both = load(populationText([{ ...social, accounts: 5 }, { ...games, accounts: 12 }]));
    const alone = load(populationText([{ ...games, accounts: 12 }]));
    expect(ofCohort(both, 'games')).toEqual(ofCohort(alone, 'games'));
  });
});
