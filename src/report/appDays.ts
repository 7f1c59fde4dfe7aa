/**
 * App-days in each state, from an app's transitions, the suspended ones split by why the app is
 * suspended: `graceOver` (lapsed), `refund` and `arrears`. An app suspended for arrears whose
 * account pays while its package has lapsed underneath stays suspended without a transition
 * (A4): from the `arrearsCleared` of its account on, it counts as lapsed.
 */
import type { AppDayState, TransitionRecord } from './types.ts';

export interface AppDaysInput {
  createdAt: number;
  /** The app's transitions, in time order, their instants in ms. */
  transitions: { at: number; record: TransitionRecord }[];
  /** Instants at which the app's account cleared its arrears. */
  arrearsCleared: readonly number[];
  /** End of the period. */
  endAt: number;
}

/** Adds the app's milliseconds in each state to `into` (reclaimed is not counted). */
export function addAppMilliseconds(input: AppDaysInput, into: Record<AppDayState, number>): void {
  let state: AppDayState | 'reclaimed' = 'trial';
  let since = input.createdAt;
  const until = (instant: number) => {
    if (state !== 'reclaimed' && instant > since) into[state] += instant - since;
    since = instant;
  };
  for (const { at, record } of [...input.transitions, { at: input.endAt, record: undefined }]) {
    const cleared = state === 'suspendedArrears' ? input.arrearsCleared.find((instant) => instant > since && instant < at) : undefined;
    if (cleared !== undefined) {
      until(cleared);
      state = 'suspendedLapsed';
    }
    until(at);
    if (record) state = dayState(record);
  }
}

function dayState(record: TransitionRecord): AppDayState | 'reclaimed' {
  if (record.to !== 'suspended') return record.to;
  if (record.cause === 'arrears') return 'suspendedArrears';
  return record.cause === 'refund' ? 'suspendedRefund' : 'suspendedLapsed';
}
