/**
 * How a cohort's customers act, and what each one decides when the run gives it a reason to:
 * pure functions from a behaviour, a customer's Decider and the occurrence of the trigger to
 * a decision. The engine (sim/behaviour.ts) observes the run, asks these, and plays what they
 * decide through the same paths as a scenario's events.
 *
 * Occurrences, chosen so that a decision keeps its number when a policy changes what happened
 * before it: an app's life with pro is a sequence of renewal cycles, cycle c running up to its
 * c-th expiry (and through the grace after it). `purchase` and `autoRenew` are decided once per
 * app; `renewal.onWarning` at the k-th expiry warning of cycle c (`c.k`); `renewal.afterExpiry`
 * at the c-th expiry (`c`); `renewal.months` once per cycle (`c`); `topUp` at the k-th refusal
 * for insufficient balance within cycle c (`c.k`); `refund` after the app's n-th purchase of pro
 * (`n`); `payment` at the account's n-th arrears warning (`n`).
 */
import type { Decider, Occurrence } from './decider.ts';
import type { ChoiceValue, Varying } from './distribution.ts';

export interface Behaviour {
  purchase?: { chance: number; after: Varying; months: Varying };
  /** Chance that auto-renew is switched on right after the first purchase. */
  autoRenew: number;
  renewal?: {
    onWarning: number;
    afterExpiry?: { chance: number; delay: Varying };
    /** `same`: the months of the period that ends. */
    months: Varying<ChoiceValue>;
  };
  payment?: { chance: number; delay: Varying; amount: Varying<ChoiceValue> };
  topUp?: { chance: number; delay: Varying };
  refund?: { noReason: number; noReasonAfter: Varying; normal: number; normalAfter: Varying };
}

export const noBehaviour: Behaviour = { autoRenew: 0 };

/** The first purchase of pro: when, after the app's creation, and for how many months. */
export function purchaseDecision(behaviour: Behaviour, decider: Decider): { afterMs: number; months: number } | undefined {
  const purchase = behaviour.purchase;
  if (!purchase || !decider.chance('purchase.chance', 1, purchase.chance)) return undefined;
  return { afterMs: decider.days('purchase.after', 1, purchase.after), months: Number(decider.value('purchase.months', 1, purchase.months, true)) };
}

export function autoRenewDecision(behaviour: Behaviour, decider: Decider): boolean {
  return decider.chance('autoRenew', 1, behaviour.autoRenew);
}

/** The months of the renewal in cycle `cycle`: drawn, or `same` as the period that ends. */
export function renewalMonths(behaviour: Behaviour, decider: Decider, cycle: number, sameMonths: number): number {
  const months = behaviour.renewal?.months ?? 'same';
  const drawn = decider.value('renewal.months', cycle, months, true);
  return drawn === 'same' ? sameMonths : Number(drawn);
}

/** At an expiry warning (`cycle.k`): whether the customer renews at that moment. */
export function renewsOnWarning(behaviour: Behaviour, decider: Decider, warning: Occurrence): boolean {
  return decider.chance('renewal.onWarning', warning, behaviour.renewal?.onWarning ?? 0);
}

/** At the app's `expiry`-th expiry: whether the customer notices, and how long after the end. */
export function afterExpiryDecision(behaviour: Behaviour, decider: Decider, expiry: number): { delayMs: number } | undefined {
  const afterExpiry = behaviour.renewal?.afterExpiry;
  if (!afterExpiry || !decider.chance('renewal.afterExpiry.chance', expiry, afterExpiry.chance)) return undefined;
  return { delayMs: decider.days('renewal.afterExpiry.delay', expiry, afterExpiry.delay) };
}

/** At the account's `warning`-th arrears warning: whether it pays, when, and how much (`debt` or CNY). */
export function paymentDecision(behaviour: Behaviour, decider: Decider, warning: number): { delayMs: number; amount: 'debt' | number } | undefined {
  const payment = behaviour.payment;
  if (!payment || !decider.chance('payment.chance', warning, payment.chance)) return undefined;
  const amount = decider.value('payment.amount', warning, payment.amount);
  return { delayMs: decider.days('payment.delay', warning, payment.delay), amount: amount === 'debt' ? 'debt' : Number(amount) };
}

/** At a refusal for insufficient balance (`cycle.k`): whether the account tops up, and when. */
export function topUpDecision(behaviour: Behaviour, decider: Decider, denial: Occurrence): { delayMs: number } | undefined {
  const topUp = behaviour.topUp;
  if (!topUp || !decider.chance('topUp.chance', denial, topUp.chance)) return undefined;
  return { delayMs: decider.days('topUp.delay', denial, topUp.delay) };
}

export interface RefundDecision {
  kind: 'noReason' | 'normal';
  afterMs: number;
}

/** After the app's `purchase`-th purchase of pro: the refunds the customer asks for, and when. */
export function refundDecisions(behaviour: Behaviour, decider: Decider, purchase: number): RefundDecision[] {
  const refund = behaviour.refund;
  if (!refund) return [];
  const decisions: RefundDecision[] = [];
  if (decider.chance('refund.noReason', purchase, refund.noReason)) {
    decisions.push({ kind: 'noReason', afterMs: decider.days('refund.noReasonAfter', purchase, refund.noReasonAfter) });
  }
  if (decider.chance('refund.normal', purchase, refund.normal)) {
    decisions.push({ kind: 'normal', afterMs: decider.days('refund.normalAfter', purchase, refund.normalAfter) });
  }
  return decisions;
}
