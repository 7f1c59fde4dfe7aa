/**
 * What the schema cannot say about editions (E1, E2, P1, F2): `trial` is there and free, every
 * other edition has a price, included DAU and validity, upgrade paths name paid editions and
 * never lead back, and packs, usage items and promotions name editions that exist.
 */
import { FREE_EDITION, isPaidEdition, paidEditionIds, upgradesFrom } from '../domain/editions.ts';
import type { PathSegment } from '../input/yamlSource.ts';
import type { Policy } from './schema.ts';

export interface PolicyProblem {
  path: PathSegment[];
  message: string;
}

const paidFields = ['pricePerMonth', 'includedDau', 'validity'] as const;

export function editionProblems(policy: Policy): PolicyProblem[] {
  const { editions } = policy;
  const problems: PolicyProblem[] = [];
  const paid = paidEditionIds(editions);
  const trial = editions[FREE_EDITION];
  if (!trial) problems.push({ path: ['editions'], message: `expected the free edition "${FREE_EDITION}" (E1)` });
  for (const field of [...paidFields, 'upgradesTo', 'discounts'] as const) {
    if (trial?.[field] !== undefined) problems.push({ path: ['editions', FREE_EDITION, field], message: `expected no ${field}: ${FREE_EDITION} is free (E1)` });
  }
  if (paid.length === 0) problems.push({ path: ['editions'], message: 'expected at least one paid edition (P1)' });
  for (const id of paid) {
    const edition = editions[id];
    for (const field of paidFields) {
      if (edition[field] === undefined) problems.push({ path: ['editions', id], message: `expected ${field}: ${id} is a paid edition (P1)` });
    }
    if (edition.limits.users !== null) {
      problems.push({ path: ['editions', id, 'limits', 'users'], message: `expected null: a paid edition serves every user (E2), found ${edition.limits.users}` });
    }
    (edition.upgradesTo ?? []).forEach((target, index) => {
      const path = ['editions', id, 'upgradesTo', index];
      if (!isPaidEdition(editions, target)) problems.push({ path, message: `expected a paid edition (${paid.join(', ')}), found "${target}"` });
      else if (upgradesFrom(editions, target).has(id)) problems.push({ path, message: `expected an upgrade path that does not lead back to ${id}` });
    });
  }
  const named = (list: string[] | undefined, path: PathSegment[]) =>
    (list ?? []).forEach((id, index) => {
      if (!isPaidEdition(editions, id)) problems.push({ path: [...path, index], message: `expected a paid edition (${paid.join(', ')}), found "${id}"` });
    });
  for (const [id, pack] of Object.entries(policy.packs)) {
    if (Object.hasOwn(editions, id)) problems.push({ path: ['packs', id], message: `expected a pack id other than "${id}", which names an edition` });
    named(pack.editions, ['packs', id, 'editions']);
  }
  for (const [item, rate] of Object.entries(policy.usage)) named(rate.editions, ['usage', item, 'editions']);
  return problems;
}
