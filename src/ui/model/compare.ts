/**
 * Where two runs of the same scenario part ways (the library's divergences, report/divergence.ts),
 * with each instant in milliseconds for the page's timeline.
 */
import { type AppDivergence, divergences as libraryDivergences, firstDivergence as libraryFirst } from '../../report/divergence.ts';
import type { Report, TransitionRecord } from '../../report/types.ts';
import { instant } from './time.ts';

export interface Divergence extends Omit<AppDivergence, 'at'> {
  /** The earlier of the two differing transitions, in ms. */
  at: number;
}

const withMs = (divergence: AppDivergence): Divergence => ({ ...divergence, at: instant(divergence.at) });

/** Every app whose transitions differ, by the instant they first differ. */
export function divergences(a: Report, b: Report): Divergence[] {
  return libraryDivergences(a, b).map(withMs);
}

export function firstDivergence(app: string, a: readonly TransitionRecord[], b: readonly TransitionRecord[]): Divergence | undefined {
  const found = libraryFirst(app, a, b);
  return found && withMs(found);
}
