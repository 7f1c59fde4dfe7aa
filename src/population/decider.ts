/**
 * The draws of one customer (an app or an account of a cohort): each decision from its own
 * stream, keyed by the decision's name and its occurrence (random.ts), so the same customer
 * decides the same way at the same occurrence under every policy.
 */
import { MS_PER_DAY, MS_PER_SECOND } from '../domain/calendar.ts';
import { type ChoiceValue, draw, type Varying } from './distribution.ts';
import { type DecisionOwner, OwnerStreams } from './random.ts';

/** A hundred years: no scenario lasts as long (at most twenty). */
const MAX_DELAY_DAYS = 36_500;

/** Which time a decision is made: 1, 2, … or, within a renewal cycle, `cycle.k` (behaviour.ts). */
export type Occurrence = number | string;

export class Decider {
  private readonly streams: OwnerStreams;

  constructor(readonly owner: DecisionOwner) {
    this.streams = new OwnerStreams(owner);
  }

  private stream(decision: string, occurrence: Occurrence) {
    return () => this.streams.stream(decision, occurrence);
  }

  /** Yes with probability `chance`; a chance of 0 or 1 is certain and draws nothing. */
  chance(decision: string, occurrence: Occurrence, chance: number): boolean {
    if (chance <= 0) return false;
    if (chance >= 1) return true;
    return this.stream(decision, occurrence)().uniform() < chance;
  }

  value<T extends ChoiceValue>(decision: string, occurrence: Occurrence, varying: Varying<T>, whole = false): T | number {
    return draw(varying, this.stream(decision, occurrence), whole);
  }

  /**
   * A duration in days, fractional (1.5 is 36 hours), to the second, in milliseconds; at most
   * MAX_DELAY_DAYS, longer than any period, so that a huge draw is a finite "never".
   */
  days(decision: string, occurrence: Occurrence, varying: Varying): number {
    const days = Math.min(MAX_DELAY_DAYS, Number(this.value(decision, occurrence, varying)));
    return Math.round((days * MS_PER_DAY) / MS_PER_SECOND) * MS_PER_SECOND;
  }
}
