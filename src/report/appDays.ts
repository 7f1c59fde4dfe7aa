/**
 * App-days in each state, from an app's transitions, the suspended ones split by why the app is
 * suspended: `graceOver` (lapsed), `refund` and `arrears`. An app suspended for arrears whose
 * account pays while its package has lapsed underneath stays suspended without a transition
 * (A4): from the `arrearsCleared` of its account on, it counts as lapsed.
 */
import type { AppDayState, TransitionRecord } from './types.ts';

/** A transition of the app as its days count it: its instant in ms, and the state it enters (`dayState`). */
export interface DayStateChange {
  at: number;
  state: AppDayState | 'reclaimed';
}

export interface AppDaysInput {
  createdAt: number;
  /** The app's transitions, in time order. */
  transitions: readonly DayStateChange[];
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
  for (const { at, state: entered } of [...input.transitions, { at: input.endAt, state: undefined }]) {
    const cleared = state === 'suspendedArrears' ? input.arrearsCleared.find((instant) => instant > since && instant < at) : undefined;
    if (cleared !== undefined) {
      until(cleared);
      state = 'suspendedLapsed';
    }
    until(at);
    if (entered) state = entered;
  }
}

/** The state a transition enters, as the days count it: a suspension by its cause. */
export function dayState(record: TransitionRecord): AppDayState | 'reclaimed' {
  if (record.to !== 'suspended') return record.to;
  if (record.cause === 'arrears') return 'suspendedArrears';
  return record.cause === 'refund' ? 'suspendedRefund' : 'suspendedLapsed';
}
