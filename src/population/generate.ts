/**
 * Cohort → accounts and apps. Every draw comes from the stream of its decision (decider.ts),
 * named by the account or app it is about, so the same file and seed give the same population
 * on every machine; another cohort, or a cohort grown from N to M accounts, leaves the first N
 * accounts of every cohort as they were.
 *
 * Decisions: `appsPerAccount`, `balance.cash`, `balance.income`, `balance.gift` per account;
 * `createdAt` and `usage.<key>.<path of the number>` per app (occurrence 1).
 */
import type { Parts } from '../domain/balance.ts';
import { startOfLocalDay, type Zone } from '../domain/calendar.ts';
import { formatMoney, roundCents } from '../domain/money.ts';
import { accountId, appId, type Cohort, type CreatedAt, type CurveTemplate, streamId, withLeaves } from './cohort.ts';
import { Decider } from './decider.ts';

export interface GeneratedApp<C, K extends string = string> {
  id: string;
  createdAt: number;
  usage: Partial<Record<K, C>>;
}

export interface GeneratedAccount<C, K extends string = string> {
  id: string;
  cohort: string;
  balance: Parts;
  apps: GeneratedApp<C, K>[];
}

export interface GenerateOptions {
  seed: number;
  zone: Zone;
  /** Stop once this many apps are made (the loader's limit): the rest would be refused anyway. */
  maxApps?: number;
}

export function generateCohort<C, K extends string>(cohort: Cohort<C, K>, options: GenerateOptions): GeneratedAccount<C, K>[] {
  const accounts: GeneratedAccount<C, K>[] = [];
  const limit = options.maxApps ?? Number.POSITIVE_INFINITY;
  const usage = usageDraws(cohort);
  let apps = 0;
  for (let n = 1; n <= cohort.accounts && apps <= limit; n += 1) {
    const account = generateAccount(cohort, usage, accountId(cohort.cohort, cohort.accounts, n), options, limit - apps + 1);
    apps += account.apps.length;
    accounts.push(account);
  }
  return accounts;
}

/** A usage curve of the cohort and the names of its leaves' decisions (`usage.<key>.<path>`), the same for every app. */
interface UsageDraw<C, K extends string> {
  key: K;
  template: CurveTemplate<C>;
  names: string[];
}

function usageDraws<C, K extends string>(cohort: Cohort<C, K>): UsageDraw<C, K>[] {
  const draws: UsageDraw<C, K>[] = [];
  for (const key in cohort.usage) {
    const template = cohort.usage[key];
    if (template) draws.push({ key, template, names: template.leaves.map((leaf) => `usage.${key}.${leaf.path.join('.')}`) });
  }
  return draws;
}

/** One account and its apps, at most `room` of them (past the limit the rest would be refused anyway). */
function generateAccount<C, K extends string>(cohort: Cohort<C, K>, usage: UsageDraw<C, K>[], id: string, options: GenerateOptions, room: number): GeneratedAccount<C, K> {
  const decider = new Decider({ seed: options.seed, cohort: cohort.cohort, id: streamId(cohort.cohort, id) });
  const amount = (part: keyof Parts) => formatMoney(roundCents(decider.value(`balance.${part}`, 1, cohort.balance[part])));
  const balance = { cash: amount('cash'), income: amount('income'), gift: amount('gift') };
  const count = Math.min(room, Number(decider.value('appsPerAccount', 1, cohort.appsPerAccount, true)));
  const apps = Array.from({ length: count }, (_, index) => generateApp(cohort, usage, appId(id, index + 1), options));
  return { id, cohort: cohort.cohort, balance, apps };
}

function generateApp<C, K extends string>(cohort: Cohort<C, K>, draws: UsageDraw<C, K>[], id: string, options: GenerateOptions): GeneratedApp<C, K> {
  const decider = new Decider({ seed: options.seed, cohort: cohort.cohort, id: streamId(cohort.cohort, id) });
  const usage: Partial<Record<K, C>> = {};
  for (const draw of draws) usage[draw.key] = fillCurve(draw, decider);
  return { id, createdAt: createdAt(cohort.createdAt, decider, options.zone), usage };
}

function createdAt(spec: CreatedAt, decider: Decider, zone: Zone): number {
  if (typeof spec === 'number') return spec;
  return startOfLocalDay(Number(decider.value('createdAt', 1, spec, true)), zone);
}

/**
 * The curve with every varying number drawn. Only the mappings and lists on the way to a drawn
 * number are copied: the rest of the curve, like a curve without any, is shared by the cohort's
 * apps (no one changes a curve once parsed).
 */
function fillCurve<C, K extends string>({ template, names }: UsageDraw<C, K>, decider: Decider): C {
  return withLeaves(
    template.curve,
    template.leaves.map((leaf, index) => ({ path: leaf.path, value: decider.value(names[index], 1, leaf.distribution, leaf.whole) })),
  );
}
