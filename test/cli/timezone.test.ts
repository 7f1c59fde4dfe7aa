import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { imsim } from './run.ts';

it.each(['default', 'population-grace'])('prints the same JSON report of %s.yaml under TZ=UTC and TZ=America/New_York, equal to the golden one', (name) => {
  const utc = imsim(['run', `scenarios/${name}.yaml`, '--format', 'json'], { TZ: 'UTC' });
  const newYork = imsim(['run', `scenarios/${name}.yaml`, '--format', 'json'], { TZ: 'America/New_York' });
  expect(utc.status).toBe(0);
  expect(newYork.stdout).toBe(utc.stdout);
  expect(utc.stdout).toBe(readFileSync(`scenarios/golden/${name}.json`, 'utf8'));
});
