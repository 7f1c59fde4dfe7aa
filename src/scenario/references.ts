/**
 * What events and expectations name: products and lengths the policy offers, accounts and apps
 * the scenario declares. Each check adds its issue (with a "did you mean") and says whether the
 * reference holds.
 */
import { formatInstant } from '../domain/calendar.ts';
import { isPaidEdition, paidEditionIds } from '../domain/editions.ts';
import { suggest } from '../input/suggest.ts';
import type { PathSegment } from '../input/yamlSource.ts';
import type { Policy } from '../policy/schema.ts';
import type { ParseContext } from './parseContext.ts';

const sells = (policy: Policy, product: string) => isPaidEdition(policy.editions, product) || Object.hasOwn(policy.packs, product);

/**
 * A paid edition or a pack of the policy in effect at `at` (the starting policy, or one a policy
 * change made by then); without `at` (an expectation), of the policy at any time of the run.
 */
export function knownProduct(ctx: ParseContext, product: string, path: PathSegment[], at?: number): boolean {
  const policy = ctx.policy;
  if (!policy) return true;
  const inEffect = at === undefined ? undefined : (ctx.laterPolicies.findLast((change) => change.at <= at)?.policy ?? policy);
  if (inEffect ? sells(inEffect, product) : [policy, ...ctx.laterPolicies.map((change) => change.policy)].some((any) => sells(any, product))) return true;
  const shown = inEffect ?? policy;
  const editions = paidEditionIds(shown.editions);
  const products = [...editions, ...Object.keys(shown.packs)];
  const later = ctx.laterPolicies.find((change) => change.at > (at ?? 0) && sells(change.policy, product));
  const when = later ? `; the policy change of ${formatInstant(later.at, ctx.zone).slice(0, 16)} adds it, after this event` : `; ${suggest(product, products)}`;
  ctx.issue(path, `expected a paid edition (${editions.join(', ')}) or a pack of the policy, found "${product}"${when}`);
  return false;
}

/** P3: a whole number of months within the policy's lengths, for pro and packs alike. */
export function policyLength(ctx: ParseContext, months: number, path: PathSegment[]): boolean {
  const lengths = ctx.policy?.lengths;
  if (!lengths || (months >= lengths.minMonths && months <= lengths.maxMonths)) return true;
  ctx.issue(path, `expected ${lengths.minMonths} to ${lengths.maxMonths} months (P3), found ${months}`);
  return false;
}

export function knownAccount(ctx: ParseContext, id: string, path: PathSegment[]): boolean {
  if (ctx.accounts.has(id)) return true;
  if (ctx.noAccounts) return false;
  ctx.issue(path, `unknown account "${id}"; ${suggest(id, knownIds(ctx.accounts))}`.replace(/; $/, ''));
  return false;
}

/**
 * An app the event can act on: listed and already created at `at`, or made by an earlier
 * createApp. Without `at` (a bad time, or an expectation) any app of the scenario will do.
 */
export function existingApp(ctx: ParseContext, id: string, path: PathSegment[], at: number | undefined, created?: ReadonlySet<string>): boolean {
  const known = ctx.apps.get(id);
  const owner = known ? undefined : ctx.generatedOwner(id, 'app');
  if ((owner && ctx.incomplete.has(owner.cohort)) || (!known && ctx.noAccounts)) return false;
  if (owner) {
    ctx.issue(path, `unknown app "${id}": cohort ${owner.cohort} (line ${owner.line}) does not give its account that many apps with this seed`);
    return false;
  }
  if (!known) {
    ctx.issue(path, `unknown app "${id}"; ${suggest(id, knownIds(ctx.apps))}`.replace(/; $/, ''));
    return false;
  }
  if (at === undefined || !created) return true;
  if (known.byEvent && !created.has(id)) {
    ctx.issue(path, `app "${id}" does not exist yet: the createApp event at line ${known.line} makes it later`);
    return false;
  }
  if (!known.byEvent && known.createdAt !== undefined && at < known.createdAt) {
    ctx.issue(path, `app "${id}" does not exist yet: it is created at ${formatInstant(known.createdAt, ctx.zone)}`);
    return false;
  }
  return true;
}

/** Ids to suggest from; a very long list helps nobody. */
function knownIds(ids: ReadonlyMap<string, unknown>): string[] {
  return ids.size <= 50 ? [...ids.keys()] : [];
}
