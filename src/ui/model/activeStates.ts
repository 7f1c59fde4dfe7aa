/**
 * The statechart states to highlight for an app's top-level state from the report. The report
 * names top-level states only; the cause of the last transition tells which way into
 * `suspended` the app went: arrears (A3) keeps what it was in `suspended.arrears.<state>` until
 * the debt is paid (A4), a refund or the end of grace leaves it `suspended.lapsed`.
 */
import type { AppState } from '../../report/types.ts';
import type { AccountState, TimedTransition } from './timeline.ts';

export function appActiveStates(state: AppState | null, last: TimedTransition | undefined): string[] {
  if (state === null) return [];
  if (state !== 'suspended') return [`app.${state}`];
  if (last?.to === 'suspended' && last.cause === 'arrears') {
    const before = last.from === 'suspended' || last.from === 'reclaimed' ? 'trial' : last.from;
    return ['app.suspended', 'app.suspended.arrears', `app.suspended.arrears.${before}`];
  }
  return ['app.suspended', 'app.suspended.lapsed'];
}

export function accountActiveStates(state: AccountState): string[] {
  if (state === 'inGoodStanding') return ['account.inGoodStanding'];
  return ['account.owing', `account.${state}`];
}
