/**
 * How often each customer's triggers have happened so far: the keys of their decisions
 * (behaviour.ts). Counted per app or account, and per renewal cycle for the triggers that start
 * over with each cycle. Held as one small record per owner rather than one entry per
 * `<id>/<trigger>/<cycle>` text in a map of the whole run, which a large population's runs
 * spent their time hashing; a paused run saves them as those flat keys all the same (persist.ts).
 */
export type Trigger = 'purchases' | 'expiries' | 'arrearsWarnings';
export type CycleTrigger = 'expiryWarnings' | 'refusals';

interface Counts {
  purchases: number;
  expiries: number;
  arrearsWarnings: number;
  /** By cycle: index c holds cycle c's count. */
  expiryWarnings: number[];
  refusals: number[];
}

const triggers: readonly Trigger[] = ['purchases', 'expiries', 'arrearsWarnings'];
const cycleTriggers: readonly CycleTrigger[] = ['expiryWarnings', 'refusals'];
const flatKey = /^(.+)\/(?:(purchases|expiries|arrearsWarnings)|(expiryWarnings|refusals)\/([1-9][0-9]*))$/;

export class Occurrences {
  private readonly byOwner = new Map<string, Counts>();

  /** The count of `trigger` of `owner` so far. */
  of(owner: string, trigger: Trigger): number {
    return this.byOwner.get(owner)?.[trigger] ?? 0;
  }

  /** One more `trigger` of `owner`: the count with it. */
  count(owner: string, trigger: Trigger): number {
    const counts = this.countsOf(owner);
    counts[trigger] += 1;
    return counts[trigger];
  }

  /** One more `trigger` of `owner` in renewal cycle `cycle`: the cycle's count with it. */
  countInCycle(owner: string, trigger: CycleTrigger, cycle: number): number {
    const byCycle = this.countsOf(owner)[trigger];
    byCycle[cycle] = (byCycle[cycle] ?? 0) + 1;
    return byCycle[cycle];
  }

  /** Every count as `<id>/<trigger>` or `<id>/<trigger>/<cycle>`, owners in the order they first counted. */
  toKeys(): Record<string, number> {
    const keys: Record<string, number> = {};
    for (const [owner, counts] of this.byOwner) {
      for (const trigger of triggers) if (counts[trigger] > 0) keys[`${owner}/${trigger}`] = counts[trigger];
      for (const trigger of cycleTriggers) {
        counts[trigger].forEach((count, cycle) => {
          keys[`${owner}/${trigger}/${cycle}`] = count;
        });
      }
    }
    return keys;
  }

  /** The counts `toKeys` wrote. */
  static fromKeys(keys: Record<string, number>): Occurrences {
    const occurrences = new Occurrences();
    for (const [key, count] of Object.entries(keys)) {
      const match = flatKey.exec(key);
      if (!match) throw new Error(`a saved run counts an unknown customer trigger: ${key}`);
      const [, owner, trigger, cycleTrigger, cycle] = match;
      const counts = occurrences.countsOf(owner);
      if (trigger) counts[trigger as Trigger] = count;
      else counts[cycleTrigger as CycleTrigger][Number(cycle)] = count;
    }
    return occurrences;
  }

  private countsOf(owner: string): Counts {
    let counts = this.byOwner.get(owner);
    if (!counts) {
      counts = { purchases: 0, expiries: 0, arrearsWarnings: 0, expiryWarnings: [], refusals: [] };
      this.byOwner.set(owner, counts);
    }
    return counts;
  }
}
