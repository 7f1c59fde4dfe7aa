/**
 * Decision streams (common random numbers): every random decision about a customer is drawn
 * from its own stream, named by what it decides and its occurrence,
 * `<seed>/<cohort>/<app or account id>/<decision>/<occurrence>`. The same customer therefore
 * makes the same decision at the same occurrence under every policy, and a decision that one
 * policy removes shifts no other.
 *
 * A run opens one stream per decision, hundreds of thousands for a large population, so the
 * generator is seedrandom's Tyche-i (our copy, domain/tychei.ts): seeded from the name about twelve times faster than the
 * ARC4 generator of the usage curves (domain/randomStream.ts), with the same quality of
 * mixing (twenty rounds after the last character of the name).
 */
import { type RandomStream, Stream } from '../domain/randomStream.ts';
import { Tychei } from '../domain/tychei.ts';

/** Who decides: the run's seed, the cohort and the app or account. */
export interface DecisionOwner {
  seed: number;
  cohort: string;
  id: string;
}

export function decisionName(owner: DecisionOwner, decision: string, occurrence: number | string): string {
  return `${ownerPart(owner)}${decision}/${occurrence}`;
}

/** The start of every name of the owner's decisions: `<seed>/<cohort>/<id>/`. */
function ownerPart(owner: DecisionOwner): string {
  return `${owner.seed}/${owner.cohort}/${owner.id}/`;
}

/** The stream of one decision: uniform and normal draws as the curves' streams make them. */
export function decisionStream(name: string): RandomStream {
  return new Stream(new Tychei(name));
}

/** The streams of one owner's decisions, as `decisionStream(decisionName(owner, …))` gives them, with the owner's part of the names read once. */
export class OwnerStreams {
  private readonly start: Tychei;

  constructor(owner: DecisionOwner) {
    this.start = new Tychei().read(ownerPart(owner));
  }

  stream(decision: string, occurrence: number | string): RandomStream {
    return new Stream(this.start.copy().read(decision).read('/').read(String(occurrence)).settled());
  }
}
