/**
 * `population:` (docs/scenario-format.md, "Populations"): each cohort checked field by field
 * (one bad field hides nothing else), then generated with the run's seed
 * (population/generate.ts) into accounts and apps that the rest of the scenario and the
 * simulator treat exactly as written ones.
 *
 * Generated ids must not collide with written ones, whatever the seed: a written account or app
 * whose id a cohort generates, or could under another seed (`<generated account>-<k>`), is
 * refused (accountsParse.ts asks ParseContext.generatedOwner). A cohort with errors still
 * registers its name, tags and account ids, so that what refers to it is not reported as unknown.
 * Past MAX_APPS (written and generated) generation stops: the cohort that passes it is reported
 * once, and the cohorts after it are checked but not generated.
 */
import { formatDay, localDay } from '../domain/calendar.ts';
import { describeValue } from '../input/issues.ts';
import { isRecord } from '../input/plainData.ts';
import type { PathSegment } from '../input/yamlSource.ts';
import { accountId, type CreatedAt } from '../population/cohort.ts';
import type { ChoiceValue, Varying } from '../population/distribution.ts';
import { generateCohort } from '../population/generate.ts';
import { parseUsage } from './accountsParse.ts';
import { appCount } from './appCount.ts';
import { parseBehaviour } from './behaviourParse.ts';
import { parseCurveTemplate } from './curveTemplateParse.ts';
import { pairOf, parseVarying } from './distributionParse.ts';
import { MAX_APPS } from './limits.ts';
import type { ParseContext } from './parseContext.ts';
import { cohortSchema, dateUniformSchema } from './populationSchema.ts';
import { decimalText, timeText } from './schema.ts';
import type { AccountSpec, PopulationCohort } from './types.ts';

const amount = { what: 'an amount ≥ 0 (CNY)', min: 0 };

export function parsePopulation(ctx: ParseContext, raws: unknown[], seed: number, writtenApps: number): { cohorts: PopulationCohort[]; accounts: AccountSpec[] } {
  const names = new Map<string, number>();
  const cohorts: PopulationCohort[] = [];
  const accounts: AccountSpec[] = [];
  let apps = writtenApps;
  raws.forEach((raw, index) => {
    const path = ['population', index];
    const cohort = parseCohort(ctx, raw, path, names);
    const name = isRecord(raw) && typeof raw.cohort === 'string' ? raw.cohort : undefined;
    if (!cohort || !ctx.period || apps > MAX_APPS) {
      if (name !== undefined) ctx.incomplete.add(name);
      return;
    }
    const generated = generateCohort(cohort, { seed, zone: ctx.zone, maxApps: MAX_APPS - apps });
    apps += appCount(generated);
    if (apps > MAX_APPS) {
      ctx.issue(
        [...path, 'accounts'],
        `expected at most ${MAX_APPS} apps in the scenario (written and generated), found more once cohort ${cohort.cohort} draws its accounts × appsPerAccount`,
      );
      ctx.incomplete.add(cohort.cohort);
      return;
    }
    cohorts.push(cohort);
    for (const account of generated) {
      for (const app of account.apps) ctx.apps.set(app.id, { line: cohort.line, createdAt: app.createdAt, byEvent: false });
      accounts.push(account);
    }
  });
  return { cohorts, accounts };
}

function parseCohort(ctx: ParseContext, raw: unknown, path: PathSegment[], names: Map<string, number>): PopulationCohort | undefined {
  const data = ctx.check(cohortSchema, raw, path);
  const fields = isRecord(raw) ? raw : {};
  const name = data?.cohort ?? (typeof fields.cohort === 'string' ? fields.cohort : undefined);
  const count = data?.accounts ?? (typeof fields.accounts === 'number' && Number.isInteger(fields.accounts) ? fields.accounts : undefined);
  const tags = data?.tags ?? (Array.isArray(fields.tags) ? fields.tags.filter((tag): tag is string => typeof tag === 'string') : []);
  const line = ctx.line(path);
  if (name !== undefined) register(ctx, { name, count, tags, line }, names, path);
  const badTags = tagIssues(ctx, tags, [...path, 'tags']);
  const sub = (key: string) => (isRecord(fields[key]) ? (fields[key] as Record<string, unknown>) : {});
  const appsPerAccount = parseVarying(ctx, fields.appsPerAccount === undefined ? 1 : fields.appsPerAccount, [...path, 'appsPerAccount'], {
    what: 'a whole number of apps ≥ 0',
    min: 0,
    whole: true,
  });
  const balanceOf = (part: string) => balancePart(ctx, sub('balance')[part], [...path, 'balance', part]);
  const balance = { cash: balanceOf('cash'), income: balanceOf('income'), gift: balanceOf('gift') };
  const createdAt = parseCreatedAt(ctx, fields.createdAt, [...path, 'createdAt']);
  const usage = parseUsage(ctx, sub('usage'), [...path, 'usage'], parseCurveTemplate);
  const behaviour = parseBehaviour(ctx, fields.behaviour, [...path, 'behaviour']);
  const parts = [appsPerAccount, balance.cash, balance.income, balance.gift, createdAt, usage, behaviour];
  if (!data || badTags || parts.some((part) => part === undefined) || (count ?? 0) > MAX_APPS) return undefined;
  return {
    cohort: data.cohort,
    accounts: data.accounts,
    appsPerAccount: appsPerAccount as Varying,
    tags: data.tags,
    balance: balance as PopulationCohort['balance'],
    createdAt: createdAt as CreatedAt,
    usage: usage as NonNullable<typeof usage>,
    behaviour: behaviour as NonNullable<typeof behaviour>,
    line,
  };
}

/** Each tag once, and not `written`, which names the accounts written out (report/kpis.ts); true when there is an issue. */
function tagIssues(ctx: ParseContext, tags: string[], path: PathSegment[]): boolean {
  let found = false;
  tags.forEach((tag, index) => {
    const message =
      tag === 'written'
        ? 'expected a tag other than "written": it names the accounts written out under accounts'
        : tags.indexOf(tag) < index
          ? `expected each tag once, found "${tag}" again`
          : undefined;
    if (message) ctx.issue([...path, index], message);
    found ||= message !== undefined;
  });
  return found;
}

/**
 * A cohort's name must be unique; its name, tags and account ids are registered (ids need no
 * draw), so that expectations and written ids are checked against them.
 */
function register(ctx: ParseContext, cohort: { name: string; count?: number; tags: string[]; line: number }, names: Map<string, number>, path: PathSegment[]): void {
  const first = names.get(cohort.name);
  if (first !== undefined) {
    ctx.issue([...path, 'cohort'], `expected a unique cohort name, found "${cohort.name}" again (first at line ${first})`);
    return;
  }
  names.set(cohort.name, cohort.line);
  ctx.cohorts.set(cohort.name, cohort.tags);
  if (cohort.count === undefined) return;
  if (cohort.count > MAX_APPS) {
    ctx.issue([...path, 'accounts'], `expected at most ${MAX_APPS} accounts, found ${cohort.count}`);
    return;
  }
  for (let n = 1; n <= cohort.count; n += 1) {
    const id = accountId(cohort.name, cohort.count, n);
    ctx.accounts.set(id, cohort.line);
    ctx.generated.set(id, { cohort: cohort.name, line: cohort.line });
  }
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
  if (typeof raw === 'string') {
    const text = ctx.check(timeText, raw, path);
    return text === undefined ? undefined : ctx.time(text, path, true);
  }
  if (!isRecord(raw) || !('uniform' in raw)) {
    ctx.issue(path, `expected a date YYYY-MM-DD or { uniform: [DATE, DATE] }, found ${describeValue(raw)}`);
    return undefined;
  }
  const data = ctx.check(dateUniformSchema, raw, path);
  const pair = data && pairOf(ctx, data.uniform, [...path, 'uniform'], 'dates');
  if (!pair) return undefined;
  const [from, to] = pair.map((text, index) => {
    const at = [...path, 'uniform', index];
    const date = ctx.check(timeText, text, at);
    return date === undefined ? undefined : ctx.time(date, at, true);
  });
  if (from === undefined || to === undefined) return undefined;
  const [first, last] = [localDay(from, ctx.zone), localDay(to, ctx.zone)];
  if (first > last) {
    ctx.issue([...path, 'uniform'], `expected [A, B] with A on or before B, found [${formatDay(first)}, ${formatDay(last)}]`);
    return undefined;
  }
  return { uniform: [first, last] };
}
