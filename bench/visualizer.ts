/**
 * `npm run bench:visualizer`: the visualizer with the 1,000-app, 2-year fleet, in Debian's
 * Chromium on the built site (dist/): the time from choosing the fleet in the picker until it is
 * on screen (it opens in Explore), the Timeline tab until its apps are listed, the longest
 * main-thread task of each (a PerformanceObserver on long tasks), and the frame times of 60
 * scrub steps. Prints one JSON object and writes it to test-results/frame-times.json. Not part
 * of the tests: no test asserts a time.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { launch } from '../test/e2e/browser.ts';
import { serveFolder } from '../test/e2e/staticServer.ts';

const site = await serveFolder('dist');
const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 1680, height: 1200 } });
  // tsx (esbuild) names the functions it compiles with a helper, __name, that the page lacks.
  await page.addInitScript('window.__name = (fn) => fn');
  await page.addInitScript(() => {
    const longTasks: { start: number; duration: number }[] = [];
    Object.assign(window, { longTasks });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(site.url);
  await page.locator('[data-testid=app-row]').first().waitFor({ timeout: 120_000 });
  const until = (found: string) =>
    new Promise<void>((resolve) => {
      const check = () => (document.querySelector(found) ? resolve() : requestAnimationFrame(check));
      check();
    });
  const shown = await page.evaluate(async (source) => {
    const wait = new Function(`return (${source})`)() as (found: string) => Promise<void>;
    const tasks = (window as unknown as { longTasks: { start: number; duration: number }[] }).longTasks;
    const longest = (from: number, to: number) =>
      Math.round(Math.max(0, ...tasks.filter((task) => task.start >= from && task.start < to).map((task) => task.duration)));
    const picker = document.querySelector('[data-testid=scenario-picker]') as HTMLSelectElement;
    const chosen = performance.now();
    picker.value = 'fleet-1000.yaml';
    picker.dispatchEvent(new Event('change', { bubbles: true }));
    await wait('[data-testid=group-card][data-name=yearly]');
    const explored = performance.now();
    const arrived = performance.getEntriesByName('imsim:run-arrived').at(-1)?.startTime ?? chosen;
    (document.querySelector('[data-testid=view-timeline]') as HTMLButtonElement).click();
    await wait('[data-testid=app-row][data-app="yearly-1-1"]');
    const listed = performance.now();
    // The observer reports long tasks when the page is idle: give it time to report them all.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    return {
      chosenToShownMs: Math.round(explored - chosen),
      arrivedToShownMs: Math.round(explored - arrived),
      longestTaskAfterArrivalMs: longest(arrived, explored),
      timelineTabMs: Math.round(listed - explored),
      longestTaskOfTimelineTabMs: longest(explored, listed + 500),
      longestTaskBeforeChoosingMs: longest(0, chosen),
    };
  }, until.toString());
  const frames = await page.locator('[data-testid=scrubber]').evaluate(async (input: HTMLInputElement) => {
    const max = Number(input.max);
    const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
    const times: number[] = [];
    for (let step = 1; step <= 60; step += 1) {
      await nextFrame();
      const started = performance.now();
      input.value = String(Math.floor((max * step) / 61));
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await nextFrame();
      times.push(performance.now() - started);
    }
    return times;
  });
  const sorted = [...frames].sort((a, b) => a - b);
  const ranIn = await page.locator('[data-testid=run-status]').innerText();
  const figures = { ranIn, ...shown, frames: frames.length, medianMs: sorted[Math.floor(sorted.length / 2)], p95Ms: sorted[Math.floor(sorted.length * 0.95)], maxMs: sorted[sorted.length - 1] };
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/frame-times.json', `${JSON.stringify(figures, null, 2)}\n`);
  console.log(JSON.stringify(figures));
} finally {
  await browser.close();
  await site.close();
}
