/**
 * Where two runs of one scenario part ways: per app, the first transition (compared as
 * {at, to, cause}) that differs between run A and run B, or that only one of them has. The
 * apps that part are listed by the instant they part, ties in the order of run A's apps.
 */
import type { Records, TransitionRecord } from './types.ts';

export interface AppDivergence {
  app: string;
  /** Index in the app's transitions of the first difference. */
  index: number;
  /** The instant of the earlier of the two differing transitions. */
  at: string;
  a?: TransitionRecord;
  b?: TransitionRecord;
}

const same = (x: TransitionRecord, y: TransitionRecord) => x.at === y.at && x.to === y.to && x.cause === y.cause;

function byApp(records: Pick<Records, 'transitions'>): Map<string, TransitionRecord[]> {
  const map = new Map<string, TransitionRecord[]>();
  for (const transition of records.transitions) {
    const list = map.get(transition.app);
    if (list) list.push(transition);
    else map.set(transition.app, [transition]);
  }
  return map;
}

export function divergences(a: Pick<Records, 'apps' | 'transitions'>, b: Pick<Records, 'apps' | 'transitions'>): AppDivergence[] {
  const [left, right] = [byApp(a), byApp(b)];
  const apps = [...new Set([...a.apps.map((app) => app.id), ...b.apps.map((app) => app.id)])];
  const found = apps.flatMap((app) => firstDivergence(app, left.get(app) ?? [], right.get(app) ?? []) ?? []);
  return found.map((divergence, order) => ({ divergence, order, at: Date.parse(divergence.at) })).sort((x, y) => x.at - y.at || x.order - y.order).map(({ divergence }) => divergence);
}

export function firstDivergence(app: string, a: readonly TransitionRecord[], b: readonly TransitionRecord[]): AppDivergence | undefined {
  for (let index = 0; index < Math.max(a.length, b.length); index++) {
    const [x, y] = [a[index], b[index]];
    if (x && y && same(x, y)) continue;
    const at = [x, y].filter((t): t is TransitionRecord => t !== undefined).sort((p, q) => Date.parse(p.at) - Date.parse(q.at))[0].at;
    return { app, index, at, ...(x ? { a: x } : {}), ...(y ? { b: y } : {}) };
  }
  return undefined;
}
