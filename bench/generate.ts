/**
 * `npm run bench`, the population generator: loading the fleet scaled to 1,000, 10,000 and
 * 100,000 apps (parse, check and generate), median of 3 after one warm-up, beside the time to
 * load the same text with one account per cohort, so that generation itself is read as the
 * difference measured in the same run.
 */
import { parseScenario } from '../src/scenario/load.ts';
import { appCount } from '../src/scenario/appCount.ts';
import { scaledFleet } from './fleet.ts';

function medianMs(load: () => unknown, runs = 3): number {
  load();
  const times = Array.from({ length: runs }, () => {
    const started = performance.now();
    load();
    return performance.now() - started;
  }).sort((a, b) => a - b);
  return times[Math.floor(runs / 2)];
}

const sizes = [
  { factor: 1, period: undefined },
  { factor: 10, period: undefined },
  { factor: 100, period: { start: '2020-01-01', end: '2020-03-31' } },
];
for (const { factor, period } of sizes) {
  const text = scaledFleet((accounts) => accounts * factor, period);
  const scenario = parseScenario(text, 'fleet.yaml');
  const apps = appCount(scenario.accounts);
  const total = medianMs(() => parseScenario(text, 'fleet.yaml'));
  const oneAccountEach = scaledFleet(() => 1, period);
  const base = medianMs(() => parseScenario(oneAccountEach, 'fleet.yaml'));
  console.log(`${apps} apps: load ${Math.round(total)} ms, of which generation ≈ ${Math.round(total - base)} ms`);
}
