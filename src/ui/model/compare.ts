/**
 * Where two runs of the same scenario part ways: per app, the first transition (compared as
 * {at, to, cause}) that differs between run A and run B, or that only one of them has.
 */
import type { Report, TransitionRecord } from '../../report/types.ts';
import { instant } from './time.ts';

export interface Divergence {
  app: string;
  /** Index in the app's transitions of the first difference. */
  index: number;
  /** The earlier of the two differing transitions. */
  at: number;
  a?: TransitionRecord;
  b?: TransitionRecord;
}

const same = (x: TransitionRecord, y: TransitionRecord) => x.at === y.at && x.to === y.to && x.cause === y.cause;

/** Every app whose transitions differ, by the instant they first differ. */
export function divergences(a: Report, b: Report): Divergence[] {
  const byApp = (report: Report) => {
    const map = new Map<string, TransitionRecord[]>();
    for (const t of report.transitions) {
      const list = map.get(t.app);
      if (list) list.push(t);
      else map.set(t.app, [t]);
    }
    return map;
  };
  const left = byApp(a);
  const right = byApp(b);
  const apps = [...new Set([...a.apps.map((app) => app.id), ...b.apps.map((app) => app.id)])];
  const found: Divergence[] = [];
  for (const app of apps) {
    const divergence = firstDivergence(app, left.get(app) ?? [], right.get(app) ?? []);
    if (divergence) found.push(divergence);
  }
  return found.sort((x, y) => x.at - y.at);
}

export function firstDivergence(app: string, a: readonly TransitionRecord[], b: readonly TransitionRecord[]): Divergence | undefined {
  const length = Math.max(a.length, b.length);
  for (let index = 0; index < length; index++) {
    const x = a[index];
    const y = b[index];
    if (x && y && same(x, y)) continue;
    const ats = [x, y].filter((t): t is TransitionRecord => t !== undefined).map((t) => instant(t.at));
    return { app, index, at: Math.min(...ats), a: x, b: y };
  }
  return undefined;
}
