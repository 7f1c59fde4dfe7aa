/**
 * What the page shows, in its address, so that a link opens it again (model/address.ts says
 * how it is written). Read at start and on every hash change; written (replacing the entry, so
 * Back leaves the page) as the page changes. A scenario opened from a file has no link.
 */
import { effect } from '@preact/signals';
import { parseLocalTime } from '../../domain/calendar.ts';
import { type PageAddress, readAddress, writeAddress } from '../model/address.ts';
import { formatDateTime } from '../model/time.ts';
import { pageView } from './explore.ts';
import { chooseView, loadBundled, setCompare, setCompareKnobs, setOverrides } from './runner.ts';
import { compareKnobs, compareOn, current, cursor, moveCursor, overrides, selectedApps, source } from './store.ts';

/** The instant and the apps of an address wait for the run they belong to. */
let waiting: Pick<PageAddress, 'at' | 'apps'> | undefined;

export function openAddress(hash: string): void {
  const address = readAddress(hash);
  waiting = { at: address.at, apps: address.apps };
  const sameText = source.value.origin === 'bundled' && source.value.file === address.file && current.value !== null;
  if (!sameText) loadBundled(address.file, true, address.overrides);
  else if (JSON.stringify(overrides.value) !== JSON.stringify(address.overrides)) setOverrides(address.overrides);
  else applyWaiting();
  if (address.view) chooseView(address.view);
  if (address.compare !== undefined) {
    setCompareKnobs(address.compare, 0);
    if (!compareOn.value) setCompare(true);
  } else if (compareOn.value) setCompare(false);
}

function applyWaiting(): void {
  const view = current.value;
  if (!view || !waiting) return;
  const { at, apps } = waiting;
  waiting = undefined;
  const instant = at ? parseLocalTime(at, view.timeline.period.zone) : undefined;
  if (instant !== undefined) moveCursor(instant);
  const known = (apps ?? []).filter((id) => view.timeline.appIndex.has(id));
  if (known.length > 0) selectedApps.value = known;
}

/** Reads the address now and on every change of it, and keeps it up to date with the page. */
export function followAddress(): void {
  openAddress(location.hash);
  window.addEventListener('hashchange', () => openAddress(location.hash));
  effect(() => {
    if (current.value) applyWaiting();
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  effect(() => {
    const view = current.value;
    const { file, origin } = source.value;
    const address: PageAddress = {
      file,
      overrides: overrides.value,
      ...(view ? { at: formatDateTime(cursor.value, view.timeline.period.zone, true).replace(' ', 'T'), apps: selectedApps.value } : {}),
      ...(compareOn.value ? { compare: compareKnobs.value } : {}),
      view: pageView.value,
    };
    clearTimeout(timer);
    if (origin !== 'bundled' || !view || waiting) return;
    timer = setTimeout(() => {
      const hash = writeAddress(address);
      if (hash !== location.hash) history.replaceState(null, '', hash);
    }, 250);
  });
}
