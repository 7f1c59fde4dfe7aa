/**
 * Which of the KPI app counts each app falls under, from the report's records:
 * - `total`: every app; `converted`: at least one order of a paid edition; `autoRenewing`: at least one
 *   auto-renewal order;
 * - `expired`: entered `expiredGrace` at least once; `savedInGrace`: went from `expiredGrace`
 *   back to `active` (renewed in grace, by hand or by the daily auto-renew retry);
 * - `suspended`: suspended at least once for any cause; `suspendedForArrears`: at least once for
 *   arrears; `renewedAfterSuspension`: bought a paid edition again while suspended (left `suspended` for
 *   `active` by a purchase or renewal, not by paying arrears);
 * - `reclaimed`: reclaimed; `lostAfterReclaim`: its customer came back to buy or renew
 *   (population behaviour) and found it reclaimed.
 */
import { type DayStateChange, dayState } from './appDays.ts';
import type { AppCount, EventRecord, OrderRecord, TransitionRecord } from './types.ts';

/** The counts each app falls under, taken record by record (orders, transitions, events); read with the report's apps. */
export class AppFlags {
  private readonly flags = new Map<string, Set<AppCount>>();
  /** Each app's transitions, as its days count them: an instant and a state, not the whole record. */
  private readonly changes = new Map<string, DayStateChange[]>();

  order(order: OrderRecord): void {
    if (order.product !== order.edition) return;
    this.flag(order.app, 'converted');
    if (order.kind === 'autoRenewal') this.flag(order.app, 'autoRenewing');
  }

  transition(transition: TransitionRecord): void {
    const change = { at: Date.parse(transition.at), state: dayState(transition) };
    const list = this.changes.get(transition.app);
    if (list) list.push(change);
    else this.changes.set(transition.app, [change]);
    for (const count of countsOf(transition)) this.flag(transition.app, count);
  }

  event(event: EventRecord): void {
    if (event.kind === 'lostAfterReclaim' && event.app !== undefined) this.flag(event.app, 'lostAfterReclaim');
  }

  /** The app's counts: `total` and every one its records gave it. */
  of(app: string): ReadonlySet<AppCount> {
    return new Set(['total', ...(this.flags.get(app) ?? [])]);
  }

  /** The app's transitions in time order, as its days count them (appDays.ts). */
  changesOf(app: string): readonly DayStateChange[] {
    return this.changes.get(app) ?? [];
  }

  private flag(app: string, count: AppCount): void {
    const flags = this.flags.get(app);
    if (flags) flags.add(count);
    else this.flags.set(app, new Set([count]));
  }
}

function countsOf(transition: TransitionRecord): AppCount[] {
  const { from, to, cause } = transition;
  if (to === 'expiredGrace') return ['expired'];
  if (to === 'reclaimed') return ['reclaimed'];
  if (to === 'suspended') return cause === 'arrears' ? ['suspended', 'suspendedForArrears'] : ['suspended'];
  if (from === 'expiredGrace' && to === 'active') return ['savedInGrace'];
  if (from === 'suspended' && to === 'active' && (cause === 'purchase' || cause === 'renewal')) return ['renewedAfterSuspension'];
  return [];
}
