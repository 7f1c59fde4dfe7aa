/**
 * The Explore view in a real browser: a population opens in it, with its figures per cohort and
 * tag; a sweep runs in Web Workers and gives the numbers the library's sweep gives in node; a
 * cell opens in the timeline with its knobs.
 */
import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseGrid } from '../../src/explore/grid.ts';
import { sweep } from '../../src/explore/sweep.ts';
import { sweepResult } from '../../src/explore/sweepResult.ts';
import { loadPolicy } from '../../src/policy/load.ts';
import { readScenarioSource } from '../../src/scenario/source.ts';
import { formatCny } from '../../src/ui/model/money.ts';
import { seriousViolations } from './axe.ts';
import { launch, watch } from './browser.ts';
import { serveFolder } from './staticServer.ts';

const results = 'test-results';
let browser: Browser;
let site: Awaited<ReturnType<typeof serveFolder>>;

beforeAll(async () => {
  mkdirSync(results, { recursive: true });
  site = await serveFolder('dist');
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('the Explore view', () => {
  it('opens the bundled population in Explore, sweeps two knobs in workers with the numbers of the library, and opens a cell in the timeline', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const seen = await watch(page, site.url);
    await page.goto(`${site.url}#population-grace.yaml`);
    await page.locator('[data-testid=group-card]').first().waitFor({ timeout: 120_000 });
    expect(await page.locator('[data-testid=view-explore]').getAttribute('aria-pressed')).toBe('true');
    const groups = await page.locator('[data-testid=group-card]').evaluateAll((cards) => cards.map((card) => `${card.getAttribute('data-kind')} ${card.getAttribute('data-name')}`));
    expect(groups).toEqual(expect.arrayContaining(['cohort smallGames', 'cohort midSocial', 'tag smb', 'tag games']));

    await page.locator('[data-testid=sweep-values-1]').fill('3, 14');
    await page.locator('[data-testid=sweep-knob-2]').selectOption('lifecycle.retention.days');
    await page.locator('[data-testid=sweep-values-2]').fill('30, 90');
    await page.locator('[data-testid=sweep-runs]').fill('2');
    await page.locator('[data-testid=sweep-run]').click();
    await page.locator('[data-testid=sweep-results]').waitFor({ timeout: 120_000 });
    expect(await page.locator('[data-testid=sweep-against] svg').count()).toBe(2);
    expect(await page.locator('[data-testid=sweep-change] svg').count()).toBe(2);
    expect(await page.locator('[data-testid=sweep-heat] svg').count()).toBe(1);

    // The same sweep by the library in node: the same mean of every cell.
    const source = readScenarioSource('scenarios/population-grace.yaml');
    const grid = parseGrid(['lifecycle.grace.days=3,14', 'lifecycle.retention.days=30,90'], loadPolicy('tencent-im-2019'));
    const expected = sweepResult(await sweep(source, grid, { runs: 2 })).cells.map((cell) => formatCny(cell.kpis['revenue.netCollected'].mean));
    const shown = await page.locator('[data-testid=sweep-cell] td:nth-child(5)').allInnerTexts();
    expect(shown).toEqual(expected);
    await page.screenshot({ path: `${results}/explore.png`, fullPage: true });
    expect(seen.problems).toEqual([]);
    expect(await seriousViolations(page), 'axe, explore').toEqual([]);

    // A knob value the policy refuses is said, and nothing runs.
    await page.locator('[data-testid=sweep-values-1]').fill('3, -1');
    await page.locator('[data-testid=sweep-run]').click();
    await expect.poll(() => page.locator('[data-testid=sweep-issue]').allInnerTexts(), { timeout: 30_000 }).toEqual([expect.stringContaining('lifecycle.grace.days')]);

    await page.locator('[data-testid=sweep-cell][data-cell="3"] [data-testid=open-cell]').click();
    await page.locator('[data-testid=app-row]').first().waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-testid=view-timeline]').getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => page.locator('.knob.is-changed').evaluateAll((knobs) => knobs.map((knob) => knob.getAttribute('data-knob')).sort())).toEqual([
      'lifecycle.grace.days',
      'lifecycle.retention.days',
    ]);
    await expect.poll(() => page.evaluate(() => decodeURIComponent(location.hash))).toContain('set=lifecycle.retention.days=90');
    expect(seen.problems).toEqual([]);
    await page.close();
  });
});
