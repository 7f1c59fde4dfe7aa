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
  | { kind: 'chargeBill'; account: string; month: string };
