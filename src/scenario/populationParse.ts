/**
 * `population:` (scenario-format "Populations"): each cohort checked, then generated with the
 * run's seed (population/generate.ts) into accounts and apps that the rest of the scenario and
 * the simulator treat exactly as written ones. Generated ids must not collide with written ones,
 * whatever the seed: a written app `<generated account>-<k>` is refused even when this seed
 * draws fewer than k apps for that account.
 */
import { formatDay, localDay } from '../domain/calendar.ts';
import { isRecord } from '../input/plainData.ts';
import type { PathSegment } from '../input/yamlSource.ts';
import type { Behaviour } from '../population/behaviour.ts';
import type { CreatedAt, CurveTemplate } from '../population/cohort.ts';
import type { ChoiceValue, Varying } from '../population/distribution.ts';
import { generateCohort } from '../population/generate.ts';
import { internationalPriced } from './accountsParse.ts';
import { parseBehaviour } from './behaviourParse.ts';
import { parseCurveTemplate } from './curveTemplateParse.ts';
import { parseVarying } from './distributionParse.ts';
import { MAX_APPS } from './limits.ts';
import type { ParseContext } from './parseContext.ts';
import { cohortSchema, dateUniformSchema } from './populationSchema.ts';
import { decimalText } from './schema.ts';
import { type AccountSpec, type Curve, type PopulationCohort, type UsageKey, usageKeys } from './types.ts';

const amount = { what: 'an amount ≥ 0 (CNY)', min: 0 };

export function parsePopulation(ctx: ParseContext, raws: unknown[], seed: number, writtenApps: number): { cohorts: PopulationCohort[]; accounts: AccountSpec[] } {
  const names = new Map<string, number>();
  const cohorts: PopulationCohort[] = [];
  const accounts: AccountSpec[] = [];
  let apps = writtenApps;
  raws.forEach((raw, index) => {
    const path = ['population', index];
    const cohort = parseCohort(ctx, raw, path, names);
    if (!cohort || !ctx.period) return;
    const generated = generateCohort(cohort, { seed, zone: ctx.zone, maxApps: MAX_APPS - apps });
    apps += generated.reduce((sum, account) => sum + account.apps.length, 0);
    if (apps > MAX_APPS) {
      ctx.issue([...path, 'accounts'], `expected at most ${MAX_APPS} apps in the scenario (written and generated), found more than that with cohort ${cohort.cohort}`);
      return;
    }
    cohorts.push(cohort);
    ctx.cohorts.set(cohort.cohort, cohort.tags);
    for (const account of generated) {
      register(ctx, account, cohort);
      accounts.push({ ...account, apps: account.apps.map((app) => ({ ...app, usage: app.usage as Partial<Record<UsageKey, Curve>> })) });
    }
  });
  return { cohorts, accounts };
}

function parseCohort(ctx: ParseContext, raw: unknown, path: PathSegment[], names: Map<string, number>): PopulationCohort | undefined {
  const data = ctx.check(cohortSchema, raw, path);
  const name = data?.cohort ?? (isRecord(raw) && typeof raw.cohort === 'string' ? raw.cohort : undefined);
  if (name !== undefined) {
    const first = names.get(name);
    if (first !== undefined) ctx.issue([...path, 'cohort'], `expected a unique cohort name, found "${name}" again (first at line ${first})`);
    else names.set(name, ctx.line(path));
  }
  if (!data) return undefined;
  if (data.accounts > MAX_APPS) {
    ctx.issue([...path, 'accounts'], `expected at most ${MAX_APPS} accounts, found ${data.accounts}`);
    return undefined;
  }
  const appsPerAccount = parseVarying(ctx, data.appsPerAccount ?? 1, [...path, 'appsPerAccount'], { what: 'a whole number of apps ≥ 0', min: 0, whole: true });
  const balance = { cash: balancePart(ctx, data.balance.cash, [...path, 'balance', 'cash']), income: balancePart(ctx, data.balance.income, [...path, 'balance', 'income']), gift: balancePart(ctx, data.balance.gift, [...path, 'balance', 'gift']) };
  const createdAt = parseCreatedAt(ctx, data.createdAt, [...path, 'createdAt']);
  const usage = parseUsageTemplates(ctx, data.usage, [...path, 'usage']);
  const behaviour: Behaviour | undefined = parseBehaviour(ctx, data.behaviour, [...path, 'behaviour']);
  const parts = [appsPerAccount, balance.cash, balance.income, balance.gift, createdAt, usage, behaviour];
  if (parts.some((part) => part === undefined)) return undefined;
  return {
    cohort: data.cohort,
    accounts: data.accounts,
    appsPerAccount: appsPerAccount as Varying,
    tags: data.tags,
    balance: balance as PopulationCohort['balance'],
    createdAt: createdAt as CreatedAt,
    usage: usage as Record<string, CurveTemplate<Curve>>,
    behaviour: behaviour as Behaviour,
    line: ctx.line(path),
  };
}

/** An amount: a decimal text kept exact, or a number or distribution in CNY (drawn to the cent). */
function balancePart(ctx: ParseContext, raw: unknown, path: PathSegment[]): Varying<ChoiceValue> | undefined {
  if (raw === undefined) return 0;
  if (typeof raw === 'string') return ctx.check(decimalText, raw, path);
  return parseVarying(ctx, raw, path, amount);
}

/** A date or time in the period, or `{ uniform: [DATE, DATE] }` (a uniform day, 00:00); default: the start. */
function parseCreatedAt(ctx: ParseContext, raw: unknown, path: PathSegment[]): CreatedAt | undefined {
  if (raw === undefined) return ctx.period?.start;
  if (typeof raw === 'string') return ctx.time(raw, path, true);
  if (!isRecord(raw) || !('uniform' in raw)) {
    ctx.issue(path, 'expected a date YYYY-MM-DD or { uniform: [DATE, DATE] }');
    return undefined;
  }
  const data = ctx.check(dateUniformSchema, raw, path);
  if (!data) return undefined;
  const [from, to] = data.uniform.map((text, index) => ctx.time(text, [...path, 'uniform', index], true));
  if (from === undefined || to === undefined) return undefined;
  const [first, last] = [localDay(from, ctx.zone), localDay(to, ctx.zone)];
  if (first > last) {
    ctx.issue([...path, 'uniform'], `expected [A, B] with A on or before B, found [${formatDay(first)}, ${formatDay(last)}]`);
    return undefined;
  }
  return { uniform: [first, last] };
}

function parseUsageTemplates(ctx: ParseContext, raw: Record<string, unknown>, path: PathSegment[]): Record<string, CurveTemplate<Curve>> | undefined {
  const usage: Record<string, CurveTemplate<Curve>> = {};
  let ok = true;
  for (const key of usageKeys) {
    if (raw[key] === undefined) continue;
    const template = parseCurveTemplate(ctx, raw[key], [...path, key], key);
    if (template) usage[key] = template;
    else ok = false;
  }
  return internationalPriced(ctx, raw, path) && ok ? usage : undefined;
}

/** Registers the generated ids, so that written ids, events and expectations are checked against them. */
function register(ctx: ParseContext, account: { id: string; apps: { id: string; createdAt: number }[] }, cohort: PopulationCohort): void {
  ctx.accounts.set(account.id, cohort.line);
  ctx.generated.set(account.id, { cohort: cohort.cohort, line: cohort.line });
  for (const app of account.apps) ctx.apps.set(app.id, { line: cohort.line, createdAt: app.createdAt, byEvent: false });
}
