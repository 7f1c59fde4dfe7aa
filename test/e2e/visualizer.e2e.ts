/**
 * The visualizer in a real browser: the built site (dist/) served on localhost and driven in
 * Debian's Chromium. Screenshots go to test-results/.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zoneNamed, parseLocalTime, type Zone } from '../../src/domain/calendar.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { simulate } from '../../src/sim/simulate.ts';
import { formatCny } from '../../src/ui/model/money.ts';
import { seriousViolations } from './axe.ts';
import { launch, type PageWatch, watch } from './browser.ts';
import { serveFolder } from './staticServer.ts';

const results = 'test-results';
const zone = zoneNamed('Asia/Shanghai') as Zone;
const GAMES = '1400000002';

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

async function openPage(hash = ''): Promise<{ page: Page; seen: PageWatch }> {
  const page = await browser.newPage({ viewport: { width: 1680, height: 1200 } });
  const seen = await watch(page, site.url);
  await page.goto(`${site.url}${hash}`);
  await page.locator('[data-testid=app-row]').first().waitFor({ timeout: 120_000 });
  return { page, seen };
}

/** Moves the scrubber to a local instant of the period that starts on `start`. */
async function scrubTo(page: Page, start: string, instant: string): Promise<void> {
  const seconds = ((parseLocalTime(instant, zone) as number) - (parseLocalTime(start, zone) as number)) / 1000;
  await page.locator('[data-testid=scrubber]').evaluate((input: HTMLInputElement, value) => {
    input.value = String(value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, seconds);
}

function appState(page: Page, app: string) {
  return page.locator(`[data-testid=app-row][data-app="${app}"] [data-testid=app-state]`);
}

function selectedAppIds(page: Page): Promise<string[]> {
  return page
    .locator('[data-testid=app-row]:has(.app-name[aria-pressed=true])')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-app') ?? ''));
}

describe('the visualizer', () => {
  it('runs the default scenario in the page, tells its story, and stays offline and within its CSP', async () => {
    const { page, seen } = await openPage();
    await expect.poll(() => page.locator('[data-testid=app-row]').count()).toBe(3);
    const story = await page.locator('[data-testid=story]').innerText();
    expect(story).toContain('Games');
    expect(story).toMatch(/reclaimed/);
    // The daily DAU follows the report from the engine's worker: then the chart draws the selected apps.
    await expect.poll(() => page.locator('[data-testid=dau-chart] .u-legend').innerText(), { timeout: 10_000 }).toMatch(/Chat[\s\S]*Games/);
    await page.screenshot({ path: `${results}/visualizer-default.png`, fullPage: true });
    expect(seen.problems).toEqual([]);
    expect(seen.outside).toEqual([]);
    expect(await seriousViolations(page), 'axe, default').toEqual([]);
    // The keyboard: arrows move among the table tabs; the scrubber speaks a date, not milliseconds.
    await page.locator('[data-testid=table-tab][data-table=transitions]').focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('[data-testid=table-tab][aria-selected=true]').getAttribute('data-table')).toBe('orders');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-table'))).toBe('orders');
    expect(await page.locator('[data-testid=scrubber]').getAttribute('aria-valuetext')).toMatch(/^2020-01-01 00:00 Asia\/Shanghai$/);
    await page.close();
  });

  it('draws every statechart asked for after a fresh load, with nothing else touched (four loads: a race left them "Laying out" in most)', async () => {
    for (let load = 0; load < 4; load += 1) {
      const { page, seen } = await openPage();
      await page.locator('[data-testid=show-statecharts]').click();
      await expect.poll(() => page.locator('.statechart').count(), { timeout: 30_000 }).toBeGreaterThan(0);
      await expect.poll(() => page.locator('.statechart--pending').count(), { timeout: 30_000 }).toBe(0);
      expect(await page.locator('[data-testid=statechart] svg').count()).toBe(await page.locator('[data-testid=statechart]').count());
      expect(seen.problems).toEqual([]);
      await page.close();
    }
  });

  it('leads with the scrubber and the state bands at 1440×900, and draws a statechart only when asked, its edges labelled and nothing overlapping', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const seen = await watch(page, site.url);
    await page.goto(site.url);
    await page.locator('[data-testid=app-row]').first().waitFor({ timeout: 120_000 });
    for (const target of ['[data-testid=scrubber]', '[data-testid=app-row] >> nth=2']) {
      const box = await page.locator(target).boundingBox();
      expect(box && box.y + box.height, target).toBeLessThanOrEqual(900);
    }
    expect(await page.locator('.statechart').count()).toBe(0);
    await page.screenshot({ path: `${results}/visualizer-1440.png` });
    await page.locator('[data-testid=app-row][data-app="1400000002"] .app-name').click();
    await page.locator('[data-testid=show-statecharts]').click();
    await expect.poll(() => page.locator('[data-testid=statechart] .statechart--overview svg').count(), { timeout: 30_000 }).toBe(1);
    const boxes = await page.locator('[data-testid=statechart] svg').evaluate((svg) => {
      const rect = (element: Element) => {
        const { x, y, width, height } = (element as SVGGraphicsElement).getBBox();
        return { x, y, width, height };
      };
      return {
        edges: svg.querySelectorAll('.sc-edges .sc-edge').length,
        labels: [...svg.querySelectorAll('.sc-labels .sc-label')].map((label) => ({ text: label.textContent ?? '', ...rect(label) })),
        states: [...svg.querySelectorAll('.sc-state__box')].map(rect),
      };
    });
    expect(boxes.labels.length).toBe(boxes.edges);
    expect(boxes.labels.every((label) => label.text.length > 0)).toBe(true);
    type Rect = { x: number; y: number; width: number; height: number };
    const overlap = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    const clashes = boxes.labels.flatMap((label, i) => [
      ...boxes.labels.slice(i + 1).filter((other) => overlap(label, other)).map((other) => `${label.text} × ${other.text}`),
      ...boxes.states.filter((state) => overlap(label, state)).map(() => `${label.text} × a state`),
    ]);
    expect(clashes).toEqual([]);
    await page.locator('[data-testid=statecharts]').screenshot({ path: `${results}/statechart-overview.png` });
    expect(seen.problems).toEqual([]);
    await page.close();
  });

  it('opened from disk (file://), says how to serve it instead of a blank page; served, the message is gone', async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(resolve('dist/index.html')).href);
    await expect.poll(() => page.locator('[data-testid=not-served]').innerText()).toContain('opened from disk');
    expect(await page.locator('[data-testid=not-served]').innerText()).toContain('python3 -m http.server');
    await page.close();
    const served = await openPage();
    expect(await served.page.locator('[data-testid=not-served]').count()).toBe(0);
    expect(await served.page.locator('[data-testid=inspector-button]').innerText()).toBe('Stately Inspector (online) ↗');
    await served.page.close();
  });

  it('puts what it shows in its address: a link opens the same scenario, knob, instant and apps, also on a hash change', async () => {
    const link = '#default.yaml?set=lifecycle.grace.days%3D14&at=2020-03-20T12%3A00&apps=1400000002';
    const { page, seen } = await openPage(link);
    await expect.poll(() => page.locator('[data-testid=current-time]').innerText(), { timeout: 20_000 }).toContain('2020-03-20 12:00');
    await expect.poll(() => appState(page, GAMES).innerText()).toContain('expiredGrace');
    expect(await selectedAppIds(page)).toEqual([GAMES]);
    await scrubTo(page, '2020-01-01', '2020-03-17T12:00');
    await expect.poll(() => page.evaluate(() => decodeURIComponent(location.hash))).toContain('at=2020-03-17T12:00');
    const shared = await page.evaluate(() => location.hash);
    expect(decodeURIComponent(shared)).toContain('set=lifecycle.grace.days=14');
    const other = await openPage(shared);
    await expect.poll(() => other.page.locator('[data-testid=current-time]').innerText(), { timeout: 20_000 }).toContain('2020-03-17 12:00');
    await other.page.evaluate(() => {
      location.hash = '#default.yaml?at=2020-03-17T12%3A00&apps=1400000001';
    });
    await expect.poll(() => selectedAppIds(other.page), { timeout: 20_000 }).toEqual(['1400000001']);
    await expect.poll(() => appState(other.page, GAMES).innerText(), { timeout: 20_000 }).toContain('suspended');
    expect(seen.problems).toEqual([]);
    expect(other.seen.problems).toEqual([]);
    await page.close();
    await other.page.close();
  });

  it('scrubbed to 2020-03-17, shows Games suspended by graceOver in its statechart', async () => {
    const { page, seen } = await openPage();
    await scrubTo(page, '2020-01-01', '2020-03-17T12:00');
    await expect.poll(() => page.locator('[data-testid=current-time]').innerText()).toContain('2020-03-17');
    await expect.poll(() => appState(page, GAMES).innerText()).toContain('suspended');
    await expect.poll(() => appState(page, '1400000001').innerText()).toContain('active');
    await page.locator(`[data-testid=app-row][data-app="${GAMES}"] .app-name`).click();
    expect(await page.locator('[data-testid=current-time]').innerText()).toContain('2020-03-17');
    const chart = page.locator(`[data-testid=statechart][data-app="${GAMES}"]`);
    await expect.poll(() => chart.getAttribute('data-state')).toBe('suspended');
    await expect.poll(() => chart.locator('[data-testid=last-transition]').innerText()).toContain('graceOver');
    await page.locator('[data-testid=show-statecharts]').click();
    await expect.poll(() => chart.locator('.sc-label.is-marked .is-cause').first().textContent(), { timeout: 30_000 }).toBe('graceOver');
    expect(await chart.locator('.sc-state.is-active').first().getAttribute('data-state')).toBe('app.suspended');
    await page.screenshot({ path: `${results}/visualizer-scrubbed.png`, fullPage: true });
    await page.screenshot({ path: `${results}/visualizer.png` });
    expect(seen.problems).toEqual([]);
    expect(await seriousViolations(page), 'axe, scrubbed').toEqual([]);
    await page.close();
  });

  it('shows every bill with the totals of the CLI report of the same scenario, in yuan', async () => {
    const expected = simulate(loadScenario('scenarios/default.yaml')).bills.map((bill) => [bill.month, formatCny(bill.total)]);
    const { page } = await openPage();
    await page.locator('[data-testid=table-tab]', { hasText: 'bills' }).click();
    await page.locator('[data-testid=bill-row]').first().waitFor();
    const shown = await page.locator('[data-testid=bill-row]').evaluateAll((rows) =>
      rows.map((row) => [row.getAttribute('data-month'), row.querySelector('[data-testid=bill-total]')?.textContent?.trim()]),
    );
    expect(shown.length).toBeGreaterThan(0);
    expect(shown).toContainEqual(['2020-07', '¥14,289.29']);
    for (const bill of shown) expect(expected).toContainEqual(bill);
    expect(new Set(shown.map(([month]) => month)).size).toBe(shown.length);
    await page.close();
  });

  it('re-runs when a knob changes (X2: grace 14 days) and compares the two policies', async () => {
    const { page, seen } = await openPage();
    const knob = page.locator('[data-testid=knob][data-path="lifecycle.grace.days"]');
    if (!(await knob.isVisible())) await page.getByRole('button', { name: 'Policy' }).click();
    // A value out of range keeps what was typed, says what is allowed, and changes nothing.
    await knob.fill('-3');
    await knob.press('Enter');
    await expect.poll(() => page.locator('[data-knob="lifecycle.grace.days"] .knob-error').innerText()).toBe('expected a whole number from 0 to 36500; found "-3"');
    expect(await knob.inputValue()).toBe('-3');
    expect(await knob.getAttribute('aria-invalid')).toBe('true');
    await knob.fill('14');
    await knob.press('Enter');
    await scrubTo(page, '2020-01-01', '2020-03-20T12:00');
    await expect.poll(() => appState(page, GAMES).innerText(), { timeout: 10_000 }).toContain('expiredGrace');
    await page.locator('[data-testid=compare-toggle]').check();
    await page.locator('[data-testid=compare-panel]').waitFor();
    await expect.poll(() => page.locator('[data-testid=divergence]').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    const divergences = await page.locator('[data-testid=divergence]').allInnerTexts();
    expect(divergences.join('\n')).toContain('Games');
    expect(await page.locator('[data-testid=kpi-delta]').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=better-worse]').innerText()).toMatch(/better off under B, \d+ worse off/);
    await page.screenshot({ path: `${results}/visualizer-compare.png`, fullPage: true });
    // B takes any knobs: a bad line is an error of B's knobs; a good set runs B again.
    await page.locator('[data-testid=compare-knobs]').fill('lifecycle.grase.days=30');
    await expect.poll(() => page.locator('[data-testid=compare-issue]').allInnerTexts(), { timeout: 10_000 }).toEqual([expect.stringContaining('did you mean "grace"?')]);
    await page.locator('[data-testid=compare-knobs]').fill('lifecycle.grace.days=14\nusage.dauOverage.rounding=linear');
    const overage = page.locator('[data-testid=kpi-delta][data-key="revenueByItem.dauOverage"]');
    await expect.poll(() => overage.getAttribute('class'), { timeout: 20_000 }).toBe('down');
    expect(await page.locator('[data-testid=compare-issue]').count()).toBe(0);
    // The comparison spans the middle of the page, and every chart draws B dashed over A.
    const spread = await page.locator('[data-testid=compare-results]').boundingBox();
    expect(spread?.width).toBeGreaterThan(700);
    expect(await page.locator('[data-testid=charts]').getAttribute('data-compare')).toBe('on');
    // The daily DAU follows the report from the engine's worker, so its chart may draw a moment later.
    for (const [chart, series] of [['dau-chart', 'B Chat'], ['balance-chart', 'B cash'], ['revenue-chart', 'B prepaid']]) {
      await expect.poll(() => page.locator(`[data-testid=${chart}] .u-legend`).innerText(), { message: chart, timeout: 10_000 }).toContain(series);
    }
    expect(seen.problems).toEqual([]);
    expect(await seriousViolations(page), 'axe, compare').toEqual([]);
    // The address carries compare and B's knobs: a colleague's page opens the same comparison.
    await expect.poll(() => page.evaluate(() => decodeURIComponent(location.hash))).toContain('compare=1&b=lifecycle.grace.days=14\nusage.dauOverage.rounding=linear');
    const shared = await openPage(await page.evaluate(() => location.hash));
    await expect.poll(() => shared.page.locator('[data-testid=kpi-delta][data-key="revenueByItem.dauOverage"]').getAttribute('class'), { timeout: 30_000 }).toBe('down');
    expect(await shared.page.locator('[data-testid=compare-knobs]').inputValue()).toBe('lifecycle.grace.days=14\nusage.dauOverage.rounding=linear');
    expect(shared.seen.problems).toEqual([]);
    await shared.page.close();
    // Another scenario clears A's knobs and compare, and says so.
    await page.locator('[data-testid=scenario-picker]').selectOption('fleet-1000.yaml');
    await expect.poll(() => page.locator('[data-testid=reset-note]').innerText()).toMatch(/^New scenario fleet-1000\.yaml: cleared A's knobs \(lifecycle\.grace\.days=14\) and compare \(B: lifecycle\.grace\.days=14, usage\.dauOverage\.rounding=linear\)/);
    expect(await page.locator('[data-testid=compare-toggle]').isChecked()).toBe(false);
    expect(await page.locator('[data-testid=compare-results]').count()).toBe(0);
    expect(await page.locator('.knob.is-changed').count()).toBe(0);
    await page.close();
  });

  it('shows every error of a broken file with its line and column, and keeps the page', async () => {
    const { page, seen } = await openPage();
    // Written on Windows: its lines end in \r\n, which the page reads as the editor shows them (not as an edit).
    const broken = 'format: 1\r\nname: Broken\r\npolicy: tencent-im-2019\r\nstart: 2020-03-01\r\nend: 2020-02-30\r\ncolour: blue\r\naccounts: []\r\n';
    await page.locator('[data-testid=file-input]').setInputFiles({ name: 'broken.yaml', mimeType: 'text/yaml', buffer: Buffer.from(broken) });
    await page.locator('[data-testid=error-item]').first().waitFor({ timeout: 10_000 });
    const errors = await page.locator('[data-testid=error-item]').allInnerTexts();
    expect(errors.join('\n')).toMatch(/5:6/);
    expect(errors.join('\n')).toMatch(/6:1/);
    expect(await page.locator('.topbar .edited').count()).toBe(0);
    expect(await page.locator('[data-testid=app-row]').count()).toBe(3);
    expect(await page.locator('[data-testid=stale-note]').innerText()).toBe('This is the last good run: the scenario has input errors.');
    await page.screenshot({ path: `${results}/visualizer-errors.png`, fullPage: true });
    // A syntax error does not hide the other mistakes: the date below it is reported in the same round.
    const syntax = 'format: 1\nname: Broken: twice\npolicy: tencent-im-2019\nstart: 2020-03-01\nend: 2020-02-30\naccounts: []\n';
    await page.locator('[data-testid=file-input]').setInputFiles({ name: 'syntax.yaml', mimeType: 'text/yaml', buffer: Buffer.from(syntax) });
    await expect.poll(() => page.locator('[data-testid=error-item]').first().innerText()).toMatch(/^2:7\s+YAML\s+two "name: value" on one line/);
    expect((await page.locator('[data-testid=error-item]').allInnerTexts()).join('\n')).toMatch(/5:6\s+end\s+expected an existing date/);
    await page.screenshot({ path: `${results}/visualizer-syntax-error.png`, fullPage: true });
    expect(seen.problems).toEqual([]);
    expect(await seriousViolations(page), 'axe, errors').toEqual([]);
    await page.close();
  });

  it('loads the 1,000-app, 2-year fleet from the picker (in Explore, a population), lists it on the Timeline tab and scrubs it through', async () => {
    // Its timings (time to show, longest main-thread task, frame times) are measured by npm run bench:visualizer, not here.
    const page = await browser.newPage({ viewport: { width: 1680, height: 1200 } });
    const seen = await watch(page, site.url);
    await page.goto(site.url);
    await page.locator('[data-testid=app-row]').first().waitFor({ timeout: 120_000 });
    await page.locator('[data-testid=scenario-picker]').selectOption('fleet-1000.yaml');
    await page.locator('[data-testid=group-card][data-name=yearly]').waitFor({ timeout: 150_000 });
    expect(await page.locator('[data-testid=run-status]').innerText()).toMatch(/^ran in/);
    await page.locator('[data-testid=view-timeline]').click();
    await page.locator('[data-testid=app-row][data-app="yearly-1-1"]').waitFor();
    const last = await page.locator('[data-testid=scrubber]').evaluate(async (input: HTMLInputElement) => {
      const max = Number(input.max);
      const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
      for (let step = 1; step <= 60; step += 1) {
        input.value = String(Math.floor((max * step) / 61));
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await nextFrame();
      }
      return input.value;
    });
    expect(await page.locator('[data-testid=scrubber]').inputValue()).toBe(last);
    expect(await page.locator('[data-testid=app-row]').count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${results}/visualizer-fleet.png` });
    expect(seen.problems).toEqual([]);
    expect(await seriousViolations(page), 'axe, fleet').toEqual([]);
    await page.close();
  });

  it('at 1280×720 opens with the knobs beside the run, each labelled in words, and no sideways scroll', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const seen = await watch(page, site.url);
    await page.goto(site.url);
    await page.locator('[data-testid=app-row]').first().waitFor({ timeout: 120_000 });
    const grace = page.locator('[data-knob="lifecycle.grace.days"]');
    expect(await grace.locator('label').innerText()).toBe('grace days after expiry');
    expect(await grace.locator('.knob-path').innerText()).toBe('lifecycle.grace.days');
    expect(await grace.locator('label').evaluate((label) => label.scrollWidth <= label.clientWidth)).toBe(true);
    const scrubber = await page.locator('[data-testid=scrubber]').boundingBox();
    expect(scrubber && scrubber.y + scrubber.height).toBeLessThanOrEqual(720);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(1280);
    // One side panel at a time at this width: the editor takes the knobs' place, and gives it back.
    await page.locator('[data-testid=toggle-editor]').click();
    expect(await page.locator('[data-panel=policy]').count()).toBe(0);
    await page.locator('[data-testid=toggle-policy]').click();
    expect(await page.locator('[data-panel=editor]').count()).toBe(0);
    await page.screenshot({ path: `${results}/visualizer-1280.png` });
    // A file with errors opens the editor beside the knobs (its errors are listed there), once: closed
    // again, it stays closed while the user works the knobs.
    const broken = 'format: 1\nname: Broken\npolicy: tencent-im-2019\nstart: 2020-03-01\nend: 2020-02-30\naccounts: []\n';
    await page.locator('[data-testid=file-input]').setInputFiles({ name: 'broken.yaml', mimeType: 'text/yaml', buffer: Buffer.from(broken) });
    await page.locator('[data-panel=editor] [data-testid=error-item]').first().waitFor({ timeout: 20_000 });
    expect(await page.locator('[data-panel=policy]').count()).toBe(1);
    await page.locator('[data-testid=toggle-editor]').click();
    await page.locator('[data-testid=knob][data-path="lifecycle.grace.days"]').fill('10');
    await page.locator('[data-testid=knob][data-path="lifecycle.grace.days"]').press('Enter');
    // The knob's run is done (it meets the text's errors again) when the knob is marked changed and the page is idle.
    await page.locator('[data-knob="lifecycle.grace.days"].is-changed').waitFor();
    await page.locator('[data-testid=run-status][data-phase=idle]').waitFor();
    expect(await page.locator('[data-panel=editor]').count()).toBe(0);
    expect(seen.problems).toEqual([]);
    expect(await seriousViolations(page), 'axe, 1280').toEqual([]);
    await page.close();
  });

  it('on a phone (390×844) shows the story and the bands first, the editor behind a button, controls of 24 px or more, no sideways scroll', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const seen = await watch(page, site.url);
    await page.goto(site.url);
    await page.locator('[data-testid=app-row]').first().waitFor({ timeout: 120_000 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await page.locator('[data-panel=editor]').count()).toBe(0);
    const bands = await page.locator('[data-testid=app-row]').first().boundingBox();
    expect(bands && bands.y + bands.height).toBeLessThanOrEqual(844);
    const rowsHead = await page.locator('.rows-head').boundingBox();
    expect(rowsHead?.height).toBeLessThan(40);
    const small = await page.evaluate(() =>
      [...document.querySelectorAll('button, input, select, summary, a')]
        .filter((element) => element.getAttribute('tabindex') !== '-1')
        .map((element) => ({ html: element.outerHTML.slice(0, 60), box: element.getBoundingClientRect() }))
        .filter(({ box }) => box.width > 0 && (box.width < 24 || box.height < 24))
        .map(({ html }) => html),
    );
    expect(small).toEqual([]);
    await page.screenshot({ path: `${results}/visualizer-390.png` });
    expect(await seriousViolations(page), 'axe, 390').toEqual([]);
    await page.locator('[data-testid=toggle-editor]').click();
    await page.locator('[data-panel=editor] [data-testid=editor]').waitFor();
    await expect.poll(() => page.locator('[data-panel=editor]').evaluate((panel) => panel.getBoundingClientRect().top)).toBeLessThan(844);
    expect(seen.problems).toEqual([]);
    await page.close();
  });
});
