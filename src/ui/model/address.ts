/**
 * The page's address: `#FILE?set=PATH=JSON&…&at=LOCAL-TIME&apps=ID,ID&compare=1&b=LINES&view=explore`,
 * the bundled scenario, the panel's knobs (values as JSON), the instant (local to the policy's
 * zone), the selected apps, compare's B knobs and the view (timeline or explore; absent, the
 * scenario's own). A plain `#FILE` still opens a scenario.
 */
import { DEFAULT_FILE } from '../scenarios/bundled.ts';

export interface PageAddress {
  file: string;
  overrides: Record<string, unknown>;
  at?: string;
  apps?: string[];
  compare?: string;
  view?: 'timeline' | 'explore';
}

/** `#default.yaml?set=lifecycle.grace.days=14&at=2020-03-17T12:00` → its parts; unreadable knobs are left out. */
export function readAddress(hash: string): PageAddress {
  const [file, query = ''] = decodeURIComponent(hash.replace(/^#/, '')).split('?', 2);
  const params = new URLSearchParams(query);
  const set: Record<string, unknown> = {};
  for (const entry of params.getAll('set')) {
    const split = entry.indexOf('=');
    if (split <= 0) continue;
    try {
      set[entry.slice(0, split)] = JSON.parse(entry.slice(split + 1));
    } catch {
      // A knob the link mangled is left out; the rest still opens.
    }
  }
  const apps = params.get('apps')?.split(',').filter(Boolean);
  return {
    file: file || DEFAULT_FILE,
    overrides: set,
    ...(params.get('at') ? { at: params.get('at') as string } : {}),
    ...(apps && apps.length > 0 ? { apps } : {}),
    ...(params.get('compare') === '1' ? { compare: params.get('b') ?? '' } : {}),
    ...(params.get('view') === 'explore' || params.get('view') === 'timeline' ? { view: params.get('view') as 'timeline' | 'explore' } : {}),
  };
}

export function writeAddress(address: PageAddress): string {
  const params = new URLSearchParams();
  for (const [path, value] of Object.entries(address.overrides)) params.append('set', `${path}=${JSON.stringify(value)}`);
  if (address.at) params.set('at', address.at);
  if (address.apps && address.apps.length > 0) params.set('apps', address.apps.join(','));
  if (address.compare !== undefined) {
    params.set('compare', '1');
    if (address.compare !== '') params.set('b', address.compare);
  }
  if (address.view) params.set('view', address.view);
  const query = params.toString();
  return `#${encodeURIComponent(address.file)}${query ? `?${query}` : ''}`;
}

