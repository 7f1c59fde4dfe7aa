/** A population above the 2,000 apps from which runs are played in batches of accounts (batchCount.ts). */
import { readFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';

/** population-grace.yaml's cohorts scaled to about 2,600 apps, over seven months: the scenario's text. */
export function largePopulationText(): string {
  const document = parse(readFileSync('scenarios/population-grace.yaml', 'utf8')) as { population: { accounts: number }[]; end: string };
  for (const cohort of document.population) cohort.accounts *= 30;
  document.end = '2020-07-31';
  return stringify(document);
}
