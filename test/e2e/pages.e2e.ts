/**
 * The self-contained pages imsim writes (compare.html, sweep.html) opened from disk in
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
import { parseGrid } from '../../src/explore/grid.ts';
import { readScenarioSource, scenarioOf } from '../../src/scenario/source.ts';
import { sweep } from '../../src/explore/sweep.ts';
import { sweepFiles } from '../../src/explore/sweepFiles.ts';
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

describe('sweep.html', () => {
  const sweepPage = async (file: string, vary: string[], runs: number) => {
    const source = readScenarioSource(file);
    const out = join(dir, 'sweep.html');
    writeFileSync(out, sweepFiles(await sweep(source, parseGrid(vary, scenarioOf(source).policy), { runs }))['sweep.html']);
    return open(out);
  };

  it('opens offline and draws each KPI and its change from cell 0 against each knob with its band, and a heat map for two knobs', async () => {
    const { page, seen } = await sweepPage('test/explore/small-population.yaml', ['lifecycle.grace.days=3,7,14', 'arrears.suspendAfterDays=3,7'], 3);
    // 8 KPIs, each: against grace and against suspendAfterDays (value, then change from cell 0), and the heat map.
    expect(await page.locator('figure svg').count()).toBe(8 * 5);
    expect(await page.locator('svg polyline').count()).toBe(8 * 2 * (2 + 3));
    expect(await page.locator('svg polygon').count()).toBe(8 * 2 * (2 + 3));
    expect(await page.locator('svg rect').count()).toBeGreaterThanOrEqual(8 * 6);
    expect(await page.locator('table tbody tr').count()).toBe(6);
    await page.screenshot({ path: `${results}/sweep.png`, fullPage: true });
    expect(seen.problems).toEqual([]);
    expect(seen.outside).toEqual([]);
    await page.close();
  });

  it('shows markup from the scenario file name and a failure reason as text and runs none of it', async () => {
    const file = join(dir, '"><img src=x onerror="document.title=9">.yaml');
    writeFileSync(file, hostile);
    const { page, seen } = await sweepPage(file, ['lengths.minMonths=1,2'], 1);
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.title()).toContain('"><img src=x onerror="document.title=9">.yaml');
    expect(await page.locator('h2', { hasText: 'Failures' }).count()).toBe(1);
    expect(await page.locator('body').innerText()).toContain('onerror="document.title=9">.yaml:');
    expect(seen.problems).toEqual([]);
    await page.close();
  });
});
