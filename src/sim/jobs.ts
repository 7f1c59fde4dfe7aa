/**
 * The engine's own jobs, as plain data so that a paused run can be saved with its queue.
 * Machine timers are not among them: XState sets those through the clock.
 */
export type EngineJob =
  /** An app listed under an account comes into being at its `createdAt`. */
  | { kind: 'startApp'; account: string; app: number }
  /** The scenario's event with this index in `scenario.events`. */
  | { kind: 'event'; index: number }
  | { kind: 'closeMonth'; year: number; month: number }
  | { kind: 'pushBill'; account: string; month: string }
  | { kind: 'chargeBill'; account: string; month: string }
  /** The scenario's policy change with this index in `scenario.policyChanges`. */
  | { kind: 'policyChange'; index: number }
  /** X1: the expiry warning of an app's warnings window (warnings.ts), unless that window has closed since. */
  | { kind: 'expiryWarning'; app: string; generation: number }
  /** X4: the purchase records of an app renewed in grace go at the end of that grace (purge.ts). */
  | { kind: 'purgeRecords'; app: string }
  /** A customer's reaction (population behaviour), decided when the run gave it a reason. */
  | { kind: 'reaction'; reaction: Reaction };

/**
 * A customer's purchase or renewal of pro. `end` is the app's end of pro when the customer
 * decided (null before any): if it has moved by then, the app was renewed meanwhile and the
 * reaction does nothing. `retry`: the one retry after a top-up.
 */
export type BuyReaction = {
  /** `purchase`: the first one; `renew`: on an expiry warning; `renewAfterExpiry`: if the app is then in grace or suspended. */
  type: 'purchase' | 'renew' | 'renewAfterExpiry';
  app: string;
  months: number;
  end: number | null;
  retry?: boolean;
};

/** What a customer does, as plain data (sim/behaviour.ts plays it). */
export type Reaction =
  | BuyReaction
  /** The end of a period of pro: if it passes without a renewal, the customer may notice later. */
  | { type: 'periodEnd'; app: string; end: number }
  | { type: 'setAutoRenew'; app: string }
  | { type: 'refund'; app: string; kind: 'noReason' | 'normal' }
  /** Pay the arrears: the whole debt at that instant, or an amount in CNY. */
  | { type: 'payDebt'; account: string; amount: 'debt' | string }
  /** Top up after a refusal for insufficient balance, then try the refused action once more. */
  | { type: 'topUp'; account: string; cash: string; action: BuyReaction };
