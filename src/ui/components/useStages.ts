/**
 * A large run's page is mounted in stages, one task each, so that its first render never holds
 * the page long: the 1,000-app fleet's page mounted at once took a third of a second of script
 * and layout in one task. A smaller run, or a re-run of the same scenario with as many apps (a
 * knob changed, an edit), renders at once.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { RunView } from '../state/view.ts';

/** From this many apps another scenario's page is mounted in stages. */
const STAGED_FROM = 200;

export function useStages(view: RunView | null, count: number): number {
  // Another scenario, or as many apps as before no more: an edit of the same one keeps its panels (and their state).
  const key = view ? `${view.result.report.scenario.file}\u0000${view.timeline.apps.length}` : '';
  const staged = useRef({ key, shown: count });
  const [, redraw] = useState(0);
  if (staged.current.key !== key) staged.current = { key, shown: view && view.timeline.apps.length >= STAGED_FROM ? 1 : count };
  useEffect(() => {
    if (staged.current.shown >= count) return;
    const timer = setTimeout(() => {
      staged.current.shown += 1;
      redraw((n) => n + 1);
    }, 0);
    return () => clearTimeout(timer);
  });
  return staged.current.shown;
}
