import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { imsim } from './run.ts';

it('prints the same JSON report under TZ=UTC and TZ=America/New_York, equal to the golden one', () => {
  const utc = imsim(['run', 'scenarios/default.yaml', '--format', 'json'], { TZ: 'UTC' });
  const newYork = imsim(['run', 'scenarios/default.yaml', '--format', 'json'], { TZ: 'America/New_York' });
  expect(utc.status).toBe(0);
  expect(newYork.stdout).toBe(utc.stdout);
  expect(utc.stdout).toBe(readFileSync('scenarios/golden/default.json', 'utf8'));
});
