import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.ts';
import { simulate } from '../../src/sim/simulate.ts';
import { groupCards } from '../../src/ui/model/cohorts.ts';
import { formatCny } from '../../src/ui/model/money.ts';
import { defaultViewOf } from '../../src/ui/state/explore.ts';
import { defaultRun } from './fixtures.ts';

describe('the figures of a population per cohort and tag', () => {
  const report = simulate(loadScenario('test/explore/small-population.yaml'));

  it('gives a card per cohort, then per tag, with the report\'s own figures of that group', () => {
    const cards = groupCards(report.kpis);
    expect(cards.map((card) => `${card.kind} ${card.name}`)).toEqual([
      ...Object.keys(report.kpis.byCohort).map((name) => `cohort ${name}`),
      ...Object.keys(report.kpis.byTag).map((name) => `tag ${name}`),
    ]);
    const [first] = Object.entries(report.kpis.byCohort);
    const card = cards[0];
    expect(card.figures.find((figure) => figure.label === 'net revenue collected')?.value).toBe(formatCny(first[1].revenue.netCollected));
    expect(card.figures.find((figure) => figure.label === 'apps')?.value).toBe(first[1].apps.total.toLocaleString('en'));
  });

  it('opens a population in Explore and a scenario of written accounts on the timeline', () => {
    expect(defaultViewOf(report)).toBe('explore');
    expect(defaultViewOf(defaultRun())).toBe('timeline');
  });
});
