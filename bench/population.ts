/**
 * The benchmark's populations: scenarios/population-grace.yaml (four cohorts, the full
 * behaviour mix: purchases, auto-renewal, renewals on warnings and after expiry, top-ups,
 * arrears payments, refunds) over two years, its accounts scaled so that about `apps` apps are
 * generated.
 */
import { readFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';
import { parseScenario } from '../src/scenario/load.ts';
import { appCount } from './measure.ts';

const SOURCE = 'scenarios/population-grace.yaml';

export function benchPopulation(apps: number): string {
  const text = readFileSync(SOURCE, 'utf8');
  const document = parse(text) as { population: { accounts: number }[]; expect?: unknown; name: string };
  const factor = apps / appCount(parseScenario(text, SOURCE));
  for (const cohort of document.population) cohort.accounts = Math.max(1, Math.round(cohort.accounts * factor));
  document.name = `Benchmark: about ${apps} apps over two years`;
  document.expect = [];
  return stringify(document);
}
