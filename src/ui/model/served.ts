/**
 * The DAU an app actually served each day, from the DAU it asked for and its state segments, by
 * the engine's own reading (src/domain/dayStates.ts: U1, U6, E4).
 */
import { dayStateMasks, servedUsers } from '../../domain/dayStates.ts';
import type { Segment } from './timeline.ts';
import type { Zone } from './time.ts';

export function servedSeries(
  demand: ArrayLike<number>,
  segments: readonly Segment[],
  period: { startDay: number; days: number; zone: Zone },
  trialUsers: number | null,
): Float64Array {
  const masks = dayStateMasks(segments, period.startDay, period.startDay + period.days, period.zone);
  return Float64Array.from(masks, (mask, day) => servedUsers(mask, demand[day] ?? 0, trialUsers));
}
