/**
 * The self-contained pages imsim writes (compare.html, later sweep.html) opened from disk in
 * Debian's Chromium: they draw their charts offline, request nothing, and a scenario whose names
 * hold markup shows that markup as text, with nothing run.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compare } from '../../src/explore/compare.ts';
import { renderCompareHtml } from '../../src/explore/compareHtml.ts';
import { applyOverrides } from '../../src/policy/overrides.ts';
import { loadScenario, parseScenario } from '../../src/scenario/load.ts';
import { launch, watch } from './browser.ts';

const results = 'test-results';
let browser: Browser;
let dir: string;

beforeAll(async () => {
  mkdirSync(results, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), 'imsim-pages-'));
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

async function open(file: string) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const seen = await watch(page, 'file://');
  await page.goto(`file://${resolve(file)}`);
  return { page, seen };
}

const hostile = `format: 1
name: "<script>document.title='pwned'</script> Grace"
description: '"><img src=x onerror="document.title=1">'
policy: tencent-im-2019
start: 2020-03-01
end: 2020-06-30
accounts:
  - id: '"><img src=x onerror="document.title=2">'
    balance: { cash: "50000" }
    apps:
      - id: "<script>document.title=3</script>"
        usage: { dau: { constant: 120000 } }
events:
  - { at: 2020-03-09T10:00, type: purchase, app: "<script>document.title=3</script>", product: pro, months: 1 }
  - { at: 2020-04-20T10:00, type: renew, app: "<script>document.title=3</script>", months: 1 }
`;

describe('compare.html', () => {
  it('opens offline and draws its charts: KPI bars, revenue over time, per-app deltas, state bands', async () => {
    const scenario = loadScenario('scenarios/population-grace.yaml');
    const file = join(dir, 'compare.html');
    writeFileSync(file, renderCompareHtml(compare(scenario, scenario.policy, applyOverrides(scenario.policy, { 'lifecycle.grace.days': 14 }))));
    const { page, seen } = await open(file);
    expect(await page.locator('svg').count()).toBe(5);
    expect(await page.locator('svg polyline').count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator('svg rect').count()).toBeGreaterThan(100);
    expect(await page.locator('h1').innerText()).toContain('Population: what does a longer grace do?');
    await page.screenshot({ path: `${results}/compare.png`, fullPage: true });
    expect(seen.problems).toEqual([]);
    expect(seen.outside).toEqual([]);
    await page.close();
  });

  it('shows markup from a scenario as text and runs none of it', async () => {
    const scenario = parseScenario(hostile, 'hostile.yaml');
    const file = join(dir, 'hostile.html');
    writeFileSync(file, renderCompareHtml(compare(scenario, scenario.policy, applyOverrides(scenario.policy, { 'lifecycle.grace.days': 14 }))));
    const { page, seen } = await open(file);
    expect(await page.title()).toContain("<script>document.title='pwned'</script>");
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('body').innerText()).toContain('<script>document.title=3</script>');
    expect(seen.problems).toEqual([]);
    await page.close();
  });
});
