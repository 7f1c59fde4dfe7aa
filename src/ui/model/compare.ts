/**
 * Where run B parts from run A, per app: the library's comparison (explore/comparison.ts, the one
 * `imsim compare` prints), with the instant the app parts in milliseconds for the page's marks.
 */
import type { Comparison, Step } from '../../explore/comparison.ts';

export interface Divergence {
  app: string;
  /** The earlier of the two differing transitions, in ms. */
  at: number;
  a: Step | null;
  b: Step | null;
}

export function divergenceMap(comparison: Comparison): Map<string, Divergence> {
  return new Map(
    comparison.apps.map(({ app, a, b }) => {
      const at = Math.min(...[a, b].flatMap((step) => (step ? [Date.parse(step.at)] : [])));
      return [app, { app, at, a, b }];
    }),
  );
}
