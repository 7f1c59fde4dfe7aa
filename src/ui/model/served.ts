/**
 * The DAU an app actually served each day, from the DAU it asked for and its state segments,
 * by the engine's own reading (src/sim/monthUsage.ts): a day with pro in effect (active or grace)
 * at any moment serves everything (U1); any other day the app has trial at some moment serves at
 * most the trial's users (E4); a day spent wholly suspended or reclaimed, or before the app
 * exists, serves nothing.
 */
import type { AppState } from '../../report/types.ts';
import type { Segment } from './timeline.ts';
import { MS_PER_DAY, type Zone } from './time.ts';

const bits: Record<AppState, number> = { trial: 1, active: 2, expiredGrace: 4, suspended: 8, reclaimed: 16 };
const PRO = bits.active | bits.expiredGrace;

/** For each day of the period, the bit set of the states the app was in at some moment of it. */
export function dayStateMasks(segments: readonly Segment[], startDay: number, days: number, zone: Zone): Uint8Array {
  const masks = new Uint8Array(days);
  const dayOf = (at: number) => Math.floor((at + zone.offsetMs) / MS_PER_DAY) - startDay;
  for (const segment of segments) {
    if (segment.end <= segment.start) continue;
    const first = Math.max(0, dayOf(segment.start));
    const last = Math.min(days - 1, dayOf(segment.end - 1));
    for (let day = first; day <= last; day++) masks[day] |= bits[segment.state];
  }
  return masks;
}

export function servedSeries(
  demand: ArrayLike<number>,
  segments: readonly Segment[],
  period: { startDay: number; days: number; zone: Zone },
  trialUsers: number | null,
): Float64Array {
  const masks = dayStateMasks(segments, period.startDay, period.days, period.zone);
  const cap = trialUsers ?? Number.POSITIVE_INFINITY;
  const served = new Float64Array(period.days);
  for (let day = 0; day < period.days; day++) {
    const mask = masks[day];
    const asked = demand[day] ?? 0;
    if ((mask & PRO) !== 0) served[day] = asked;
    else if ((mask & bits.trial) !== 0) served[day] = Math.min(asked, cap);
  }
  return served;
}
