/**
 * Editions as data (E1, E2, P1): the free edition `trial` and any number of paid editions, each
 * with its price, included DAU, validity and limits, and the upgrade paths between them. Pure
 * functions on the policy's `editions` slice.
 */
import type { ProValidity } from './validity.ts';

/** The free edition every app starts in (E1); every other edition is paid. */
export const FREE_EDITION = 'trial';

export interface Limits {
  users: number | null;
  groupMembers: number | null;
  friends: number | null;
  groupsPerUser: number | null;
  avChatrooms: number | null;
}

export interface Edition {
  names?: { zh?: string; en?: string };
  limits: Limits;
  pricePerMonth?: string;
  includedDau?: number;
  validity?: ProValidity;
  /** P3 for this edition: its own length discounts, else the policy's `lengths.discounts`. */
  discounts?: Record<string, string>;
  /** The editions a purchase upgrades this one to (directly; paths chain). */
  upgradesTo?: string[];
}

export type PaidEdition = Edition & { pricePerMonth: string; includedDau: number; validity: ProValidity };

export type Editions = Record<string, Edition>;

/** The paid editions' ids, in the policy's order. */
export function paidEditionIds(editions: Editions): string[] {
  return Object.keys(editions).filter((id) => id !== FREE_EDITION);
}

export function isPaidEdition(editions: Editions, product: string): boolean {
  return product !== FREE_EDITION && Object.hasOwn(editions, product);
}

export function paidEdition(editions: Editions, id: string): PaidEdition {
  const edition = isPaidEdition(editions, id) ? editions[id] : undefined;
  if (edition?.pricePerMonth === undefined || edition.includedDau === undefined || edition.validity === undefined) {
    throw new Error(`"${id}" is not a paid edition of the policy`);
  }
  return edition as PaidEdition;
}

/** The edition a purchase names when it names none: the policy's first paid edition. */
export function defaultEdition(editions: Editions): string {
  const [first] = paidEditionIds(editions);
  if (first === undefined) throw new Error('the policy has no paid edition');
  return first;
}

/** Every edition reachable from `from` by one or more upgrades. */
export function upgradesFrom(editions: Editions, from: string): Set<string> {
  const reached = new Set<string>();
  const next = [...(editions[from]?.upgradesTo ?? [])];
  for (let id = next.shift(); id !== undefined; id = next.shift()) {
    if (reached.has(id)) continue;
    reached.add(id);
    next.push(...(editions[id]?.upgradesTo ?? []));
  }
  return reached;
}

export type EditionMove = 'same' | 'upgrade' | 'downgrade' | 'none';

/** What buying `to` means while `from` is in effect: its renewal, an upgrade, a downgrade, or no path. */
export function editionMove(editions: Editions, from: string, to: string): EditionMove {
  if (from === to) return 'same';
  if (upgradesFrom(editions, from).has(to)) return 'upgrade';
  if (upgradesFrom(editions, to).has(from)) return 'downgrade';
  return 'none';
}
