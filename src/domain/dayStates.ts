/**
 * Which states an app was in on each calendar day, and what it served that day (U1, U6, E4).
 * A day with pro in effect (active or grace) at any moment is a pro day and serves all its
 * users; any other day with trial at some moment serves at most the trial's users; a day
 * spent wholly suspended or reclaimed, or before the app exists, serves nothing. The engine
 * bills from this and the visualizer draws it.
 */
import type { AppState } from './vocabulary.ts';
import { localDay, type Zone } from './calendar.ts';

export const stateBits: Record<AppState, number> = { trial: 1, active: 2, expiredGrace: 4, suspended: 8, reclaimed: 16 };
export const PRO_DAY = stateBits.active | stateBits.expiredGrace;
export const TRIAL_DAY = stateBits.trial;

/** A stretch of time in one state, [start, end). */
export interface Spell {
  state: AppState;
  start: number;
  end: number;
}

/** For each day of [fromDay, toDay), the bit set of the states the app was in at some moment. */
export function dayStateMasks(spells: readonly Spell[], fromDay: number, toDay: number, zone: Zone): Uint8Array {
  const masks = new Uint8Array(Math.max(0, toDay - fromDay));
  for (const spell of spells) {
    if (spell.end <= spell.start) continue;
    const first = Math.max(fromDay, localDay(spell.start, zone));
    const last = Math.min(toDay - 1, localDay(spell.end - 1, zone));
    for (let day = first; day <= last; day += 1) masks[day - fromDay] |= stateBits[spell.state];
  }
  return masks;
}

/** What a day with this mask serves of the users who asked (E4: `trialUsers` null is no cap). */
export function servedUsers(mask: number, asked: number, trialUsers: number | null): number {
  if ((mask & PRO_DAY) !== 0) return asked;
  if ((mask & TRIAL_DAY) !== 0) return trialUsers === null ? asked : Math.min(asked, trialUsers);
  return 0;
}
