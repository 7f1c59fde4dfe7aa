/** The bundled 1,000-app fleet (a population), as text, and scaled to more accounts per cohort. */
import { readFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';

export const FLEET_FILE = 'scenarios/large/fleet-1000.yaml';

export function fleetText(): string {
  return readFileSync(FLEET_FILE, 'utf8');
}

/** The fleet with `accounts(n)` accounts in a cohort of n, over the period given. */
export function scaledFleet(accounts: (count: number) => number, period?: { start: string; end: string }): string {
  const document = parse(fleetText()) as { population: { accounts: number }[]; start: string; end: string; expect?: unknown };
  for (const cohort of document.population) cohort.accounts = accounts(cohort.accounts);
  if (period) Object.assign(document, period);
  document.expect = [];
  return stringify(document);
}
