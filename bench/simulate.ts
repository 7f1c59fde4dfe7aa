/**
 * `npm run bench`, the engine: throughput on the bundled 1,000-app, 2-year fleet (a population,
 * scenarios/large/fleet-1000.yaml), in app-days per second (median of 3 runs, after one
 * warm-up), and how the cost scales: the same fleet cut to its first 100 apps, measured in the
 * same run, gives the ratio of cost per app-day.
 */
import { parseScenario } from '../src/scenario/load.ts';
import type { Scenario } from '../src/scenario/types.ts';
import { simulate } from '../src/sim/simulate.ts';
import { FLEET_FILE, fleetText } from './fleet.ts';

function appDays(scenario: Scenario): number {
  const days = (Date.parse(scenario.end) - Date.parse(scenario.start)) / 86_400_000 + 1;
  return scenario.accounts.reduce((apps, account) => apps + account.apps.length, 0) * days;
}

function medianMs(scenario: Scenario, runs = 3): number {
  simulate(scenario);
  const times = Array.from({ length: runs }, () => {
    const started = performance.now();
    simulate(scenario);
    return performance.now() - started;
  }).sort((a, b) => a - b);
  return times[Math.floor(runs / 2)];
}

function cut(scenario: Scenario, apps: number): Scenario {
  const kept = new Set(scenario.accounts.flatMap((account) => account.apps.map((app) => app.id)).slice(0, apps));
  return {
    ...scenario,
    accounts: scenario.accounts.map((account) => ({ ...account, apps: account.apps.filter((app) => kept.has(app.id)) })),
    events: scenario.events.filter((event) => event.type === 'topUp' || event.type === 'createApp' || kept.has(event.app)),
    expect: [],
  };
}

const fleet = parseScenario(fleetText(), FLEET_FILE);
const rows = [cut(fleet, 100), fleet].map((scenario) => {
  const ms = medianMs(scenario);
  const days = appDays(scenario);
  return { appDays: days, ms: Math.round(ms), appDaysPerSecond: Math.round((days / ms) * 1000), msPerThousandAppDays: (ms / days) * 1000 };
});
for (const row of rows) console.log(`${row.appDays} app-days: ${row.ms} ms, ${row.appDaysPerSecond} app-days/s`);
console.log(`cost per app-day, 1,000 apps / 100 apps: ${(rows[1].msPerThousandAppDays / rows[0].msPerThousandAppDays).toFixed(2)}`);
