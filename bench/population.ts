/**
 * The benchmark's populations: scenarios/population-grace.yaml (four cohorts, the full
 * behaviour mix: purchases, auto-renewal, renewals on warnings and after expiry, top-ups,
 * arrears payments, refunds) over two years, its accounts scaled so that about `apps` apps are
 * generated: 2% fewer at the loader's limit of 100,000 apps, so that the draws of apps per account
 * stay under it.
 */
import { readFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';
import { parseScenario } from '../src/scenario/load.ts';
import { MAX_APPS } from '../src/scenario/limits.ts';
import { appCount as appsOfAccounts } from '../src/scenario/appCount.ts';
import { MS_PER_DAY } from '../src/domain/calendar.ts';
import type { Scenario } from '../src/scenario/types.ts';

const SOURCE = 'scenarios/population-grace.yaml';

export function benchPopulation(apps: number): string {
  const text = readFileSync(SOURCE, 'utf8');
  const document = parse(text) as { population: { accounts: number }[]; expect?: unknown; name: string };
  const target = apps >= MAX_APPS ? MAX_APPS * 0.98 : apps;
  const factor = target / appCount(parseScenario(text, SOURCE));
  for (const cohort of document.population) cohort.accounts = Math.max(1, Math.round(cohort.accounts * factor));
  document.name = `Benchmark: about ${apps} apps over two years`;
  document.expect = [];
  return stringify(document);
}

/** The apps of a scenario: written and generated. */
export function appCount(scenario: Scenario): number {
  return appsOfAccounts(scenario.accounts);
}

/** Its apps × the days of its period. */
export function appDaysOf(scenario: Scenario): number {
  return appCount(scenario) * ((Date.parse(scenario.end) - Date.parse(scenario.start)) / MS_PER_DAY + 1);
}
