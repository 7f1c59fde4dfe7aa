/**
 * Accounts and their apps, listed in the scenario or made by a createApp event. Ids are
 * registered in the parse as they are met, so duplicates are reported and events and
 * expectations can refer to them.
 */
import { defined, isRecord } from '../input/plainData.ts';
import type { PathSegment } from '../input/yamlSource.ts';
import { parseCurve } from './curvesParse.ts';
import type { ParseContext } from './parseContext.ts';
import { accountSchema, appSchema } from './schema.ts';
import { type AccountSpec, type AppSpec, type UsageKey, type UsageSpec, usageKeys } from './types.ts';

export function parseAccount(ctx: ParseContext, raw: unknown, path: PathSegment[]): AccountSpec | undefined {
  const data = ctx.check(accountSchema, raw, path);
  const id = data?.id ?? (isRecord(raw) && typeof raw.id === 'string' ? raw.id : undefined);
  const owner = id === undefined ? undefined : ctx.generatedOwner(id, 'account');
  if (id !== undefined && owner) {
    ctx.issue([...path, 'id'], `expected an account id that no cohort generates, found "${id}" (cohort ${owner.cohort} at line ${owner.line})`);
  } else if (id !== undefined) {
    const first = ctx.accounts.get(id);
    if (first !== undefined) ctx.issue([...path, 'id'], `expected a unique account id, found "${id}" again (first at line ${first})`);
    else ctx.accounts.set(id, ctx.line(path));
  }
  const rawApps = data?.apps ?? (isRecord(raw) && Array.isArray(raw.apps) ? raw.apps : []);
  const apps = rawApps.map((app, index) => parseApp(ctx, app, [...path, 'apps', index], undefined));
  if (!data) return undefined;
  return { id: data.id, balance: data.balance, apps: apps.filter((app): app is AppSpec => app !== undefined) };
}

/**
 * One app, listed under an account or made by createApp (then `createdAt` is the event's time).
 * Registers its id, which must be unique across all accounts.
 */
export function parseApp(ctx: ParseContext, raw: unknown, path: PathSegment[], eventAt: number | undefined, byEvent = false): AppSpec | undefined {
  const data = ctx.check(appSchema, raw, path);
  const id = data?.id ?? (isRecord(raw) && typeof raw.id === 'string' ? raw.id : undefined);
  let createdAt: number | undefined;
  if (data?.createdAt !== undefined) {
    createdAt = ctx.time(data.createdAt, [...path, 'createdAt'], true);
    if (byEvent && createdAt !== undefined && eventAt !== undefined && createdAt !== eventAt) {
      ctx.issue([...path, 'createdAt'], 'expected no createdAt: an app made by createApp is created at the event\'s time');
    }
  } else {
    createdAt = byEvent ? eventAt : ctx.period?.start;
  }
  const owner = id === undefined ? undefined : ctx.generatedOwner(id, 'app');
  if (id !== undefined && owner) {
    ctx.issue([...path, 'id'], `expected an app id that no cohort generates, found "${id}" (cohort ${owner.cohort} at line ${owner.line} names its apps so)`);
  } else if (id !== undefined) {
    const first = ctx.apps.get(id);
    if (first) ctx.issue([...path, 'id'], `expected a unique app id across all accounts, found "${id}" again (first at line ${first.line})`);
    else ctx.apps.set(id, { line: ctx.line(path), createdAt: byEvent ? undefined : createdAt, byEvent });
  }
  const usage: UsageSpec | undefined = data ? parseUsage(ctx, data.usage, [...path, 'usage'], parseCurve) : undefined;
  if (!data || !usage || createdAt === undefined) return undefined;
  return defined({ id: data.id, name: data.name, createdAt, usage });
}

/** An app's usage, each curve read by `parse` (a written curve, or a cohort's curve template). */
export function parseUsage<T>(
  ctx: ParseContext,
  raw: Record<string, unknown>,
  path: PathSegment[],
  parse: (ctx: ParseContext, raw: unknown, path: PathSegment[], key: UsageKey) => T | undefined,
): Partial<Record<UsageKey, T>> | undefined {
  const usage: Partial<Record<UsageKey, T>> = {};
  let ok = true;
  for (const key of usageKeys) {
    if (raw[key] === undefined) continue;
    const curve = parse(ctx, raw[key], [...path, key], key);
    if (curve) usage[key] = curve;
    else ok = false;
  }
  return internationalPriced(ctx, raw, path) && ok ? usage : undefined;
}

/** U5: international AV bandwidth has no public price; a scenario using it must set one. */
function internationalPriced(ctx: ParseContext, usage: Record<string, unknown>, path: PathSegment[]): boolean {
  if (usage.avBandwidthInternationalMbps === undefined || ctx.policy?.usage.avBandwidth.internationalPerMbpsDay !== null) return true;
  ctx.issue(
    [...path, 'avBandwidthInternationalMbps'],
    'expected a price for international AV bandwidth (U5: there is no public one): set policyOverrides usage.avBandwidth.internationalPerMbpsDay',
    { key: true },
  );
  return false;
}
