/** Debian's Chromium driven by playwright-core: never a browser downloaded by a tool. */
import { type Browser, chromium, type Page } from 'playwright-core';

export const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumFlags });
}

export interface PageWatch {
  /** Console errors, page errors and CSP violations. */
  problems: string[];
  /** Requests that left the site's origin. */
  outside: string[];
}

/** Records what must never happen on the page: errors, CSP violations, requests elsewhere. */
export async function watch(page: Page, origin: string): Promise<PageWatch> {
  const seen: PageWatch = { problems: [], outside: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') seen.problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => seen.problems.push(`page: ${error.message}`));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) seen.outside.push(url);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`));
  });
  return seen;
}
