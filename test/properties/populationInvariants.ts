/**
 * Invariants of generated populations (EXPLORE.md §2–5), checked on every scenario of the
 * population pool beside the invariants of invariants.ts: who may act `by: behaviour`, when a
 * customer may be lost after a reclaim (the KPIs against their records are in kpiInvariants.ts),
 * and the generated ids, app counts, creation times and opening balances against the cohort's
 * distributions as written in the text. Money is compared exactly with decimal.js.
 */
import Decimal from 'decimal.js';
import { parse, stringify } from 'yaml';
import { loadPolicy } from '../../src/policy/load.ts';
import type { AppRecord, Report } from '../../src/report/types.ts';
import { parseScenario } from '../../src/scenario/load.ts';
import { dayOf } from './arbitraries.ts';
import { dec, instantMs, MS_PER_DAY, OFFSET_MS, periodOf, type Run, startOfDay, streamName } from './invariants.ts';

// ---------------------------------------------------------------------------------------------
// h. Records made by behaviour concern generated accounts and apps only.

/**
 * Every order, refund, denial, event and balance entry marked `by: behaviour` is about a
 * generated account (one with a cohort) and, when it names an app, a generated app of that
 * account. Also: the report's accounts and apps carry the cohort (and its tags) of the scenario's
 * accounts, and nothing else.
 */
export function behaviourOnlyForGenerated({ scenario, report }: Run): string[] {
  const out: string[] = [];
  const cohortTags = new Map(scenario.population.map((cohort) => [cohort.cohort, cohort.tags]));
  const accounts = new Map(report.accounts.map((account) => [account.id, account]));
  const apps = new Map(report.apps.map((app) => [app.id, app]));
  for (const spec of scenario.accounts) {
    const record = accounts.get(spec.id);
    if (!record) {
      out.push(`account ${spec.id} of the scenario is missing from the report's accounts`);
      continue;
    }
    if (record.cohort !== spec.cohort) out.push(`account ${spec.id}: cohort ${record.cohort} in the report, ${spec.cohort} in the scenario`);
    const tags = spec.cohort === undefined ? undefined : cohortTags.get(spec.cohort);
    if (JSON.stringify(record.tags) !== JSON.stringify(tags)) out.push(`account ${spec.id}: tags ${JSON.stringify(record.tags)}, the cohort's are ${JSON.stringify(tags)}`);
    for (const app of spec.apps) {
      const found = apps.get(app.id);
      if (!found) out.push(`app ${app.id} of the scenario is missing from the report's apps`);
      else if (found.account !== spec.id || found.cohort !== spec.cohort || JSON.stringify(found.tags) !== JSON.stringify(tags)) {
        out.push(`app ${app.id}: account ${found.account}, cohort ${found.cohort}, tags ${JSON.stringify(found.tags)}; expected ${spec.id}, ${spec.cohort}, ${JSON.stringify(tags)}`);
      }
    }
  }
  if (report.accounts.length !== scenario.accounts.length) out.push(`${report.accounts.length} accounts in the report, ${scenario.accounts.length} in the scenario`);
  const lists: [string, { at: string; account?: string; app?: string; by?: string }[]][] = [
    ['order', report.orders],
    ['refund', report.refunds],
    ['denial', report.denials],
    ['event', report.events],
    ['balance entry', report.balances],
  ];
  for (const [what, records] of lists) {
    for (const record of records) {
      if (record.by === undefined) continue;
      const where = `${what} by ${record.by} at ${record.at}`;
      if (record.by !== 'behaviour') out.push(`${where}: unknown actor`);
      const account = record.account === undefined ? undefined : accounts.get(record.account);
      if (!account) out.push(`${where}: unknown account ${record.account}`);
      else if (account.cohort === undefined) out.push(`${where}: concerns the written account ${account.id}`);
      if (record.app === undefined) continue;
      const app = apps.get(record.app);
      if (!app) out.push(`${where}: unknown app ${record.app}`);
      else if (app.cohort === undefined) out.push(`${where}: concerns the written app ${app.id}`);
      else if (record.account !== undefined && app.account !== record.account) out.push(`${where}: app ${app.id} belongs to ${app.account}, not ${record.account}`);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// i. A customer is lost after a reclaim only once the app is reclaimed.

/** A `lostAfterReclaim` event is by behaviour, about a generated app that was reclaimed at that instant or before. */
export function lostOnlyAfterReclaim({ report }: Run): string[] {
  const out: string[] = [];
  const apps = new Map(report.apps.map((app) => [app.id, app]));
  for (const event of report.events) {
    if (event.kind !== 'lostAfterReclaim') continue;
    const where = `lostAfterReclaim of ${event.app} at ${event.at}`;
    const app = event.app === undefined ? undefined : apps.get(event.app);
    if (!app) {
      out.push(`${where}: no such app`);
      continue;
    }
    if (event.by !== 'behaviour') out.push(`${where}: not by behaviour`);
    if (app.cohort === undefined) out.push(`${where}: a written app`);
    if (event.account !== undefined && event.account !== app.account) out.push(`${where}: account ${event.account}, the app's is ${app.account}`);
    const reclaim = report.transitions.find((t) => t.app === app.id && t.to === 'reclaimed');
    if (!reclaim) out.push(`${where}: the app is never reclaimed (final state ${app.finalState})`);
    else if (instantMs(reclaim.at) > instantMs(event.at)) out.push(`${where}: the app is reclaimed later, at ${reclaim.at}`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// k. Generated ids, app counts, creation times and opening balances follow the cohorts.

type Raw = Record<string, unknown>;

/** The values a whole-number distribution (as written) can draw: a range, or a set for a plain number or a choice. */
function wholeSupport(raw: unknown): { low: number; high: number; values?: number[] } {
  if (raw === undefined) return { low: 1, high: 1, values: [1] };
  if (typeof raw === 'number') return { low: raw, high: raw, values: [raw] };
  const d = raw as Raw;
  if ('choice' in d) {
    const values = Object.entries(d.choice as Record<string, number>).filter(([, w]) => w > 0).map(([v]) => Number(v));
    return { low: Math.min(...values), high: Math.max(...values), values };
  }
  if ('uniform' in d) {
    const [a, b] = d.uniform as [number, number];
    return { low: Math.ceil(a), high: Math.floor(b) };
  }
  if ('exponential' in d) return { low: 0, high: Number.POSITIVE_INFINITY };
  const { min, max } = (d.normal ?? d.logNormal) as { min?: number; max?: number };
  const floor = 'logNormal' in d ? 0 : Number.NEGATIVE_INFINITY;
  return { low: Math.ceil(min ?? floor), high: Math.floor(max ?? Number.POSITIVE_INFINITY) };
}

/** The amounts (to the cent) a balance part as written can give. */
function amountSupport(raw: unknown): { low: Decimal; high: Decimal; values?: Decimal[] } {
  const cents = (value: number) => dec(value).toDecimalPlaces(2, 4 /* ROUND_HALF_UP */);
  if (raw === undefined) return { low: dec(0), high: dec(0), values: [dec(0)] };
  if (typeof raw === 'string') return { low: dec(raw), high: dec(raw), values: [dec(raw)] };
  if (typeof raw === 'number') return { low: cents(raw), high: cents(raw), values: [cents(raw)] };
  const d = raw as Raw;
  if ('choice' in d) {
    const values = Object.entries(d.choice as Record<string, number>).filter(([, w]) => w > 0).map(([v]) => cents(Number(v)));
    return { low: Decimal.min(...values), high: Decimal.max(...values), values };
  }
  if ('uniform' in d) {
    const [a, b] = d.uniform as [number, number];
    return { low: cents(a), high: cents(b) };
  }
  const infinity = dec(Number.MAX_SAFE_INTEGER);
  if ('exponential' in d) return { low: dec(0), high: infinity };
  const { min, max } = (d.normal ?? d.logNormal) as { min?: number; max?: number };
  return { low: min === undefined ? dec(0) : cents(min), high: max === undefined ? infinity : cents(max) };
}

/** Local midnight (ms) of a YYYY-MM-DD, or the instant of a local YYYY-MM-DDTHH:mm:ss. */
function localInstant(text: string): number {
  if (text.length === 10) {
    const [y, m, d] = text.split('-').map(Number);
    return startOfDay(dayOf(y, m, d));
  }
  return Date.parse(`${text}+08:00`);
}

/**
 * From the cohorts as written in the text: the accounts of cohort C are C-1 … C-N, n zero-padded
 * to the width of N, in order, after the written ones; the apps of account A are A-1 … A-k in
 * (the report lists apps in creation order), k within what appsPerAccount can draw (one of a choice's values of positive weight, the
 * plain number, or within the bounds of the other forms); each app is created at the cohort's
 * createdAt (the start when left out; a day's 00:00 within a uniform's days); each opening
 * balance part within what its distribution can draw, to the cent.
 */
export function generatedAsWritten({ text, report }: Run): string[] {
  const out: string[] = [];
  const doc = parse(text) as Raw;
  const cohorts = (doc.population ?? []) as Raw[];
  const written = ((doc.accounts ?? []) as Raw[]).map((account) => String(account.id));
  const expectedOrder = [...written];
  const appsOf = new Map<string, AppRecord[]>();
  for (const app of report.apps) appsOf.set(app.account, [...(appsOf.get(app.account) ?? []), app]);
  const openings = new Map<string, Report['balances'][number]>();
  for (const entry of report.balances) if (!openings.has(entry.account)) openings.set(entry.account, entry);
  const periodStart = startOfDay(periodOf(report).startDay);

  for (const cohort of cohorts) {
    const name = String(cohort.cohort);
    const n = Number(cohort.accounts);
    const ids = Array.from({ length: n }, (_, i) => `${name}-${String(i + 1).padStart(String(n).length, '0')}`);
    expectedOrder.push(...ids);
    const support = wholeSupport(cohort.appsPerAccount);
    const created = cohort.createdAt as string | { uniform: [string, string] } | undefined;
    const balance = (cohort.balance ?? {}) as Raw;
    for (const id of ids) {
      // In the report's order of creation; the k of A-k counts within the account.
      const apps = [...(appsOf.get(id) ?? [])].sort((a, b) => Number(a.id.slice(id.length + 1)) - Number(b.id.slice(id.length + 1)));
      const k = apps.length;
      const fits = support.values ? support.values.includes(k) : k >= support.low && k <= support.high;
      if (!fits) out.push(`${id}: ${k} apps, appsPerAccount ${JSON.stringify(cohort.appsPerAccount)} draws ${support.values ? `one of ${support.values.join(', ')}` : `from ${support.low} to ${support.high}`}`);
      apps.forEach((app, index) => {
        if (app.id !== `${id}-${index + 1}`) out.push(`${id}: app ${index + 1} is ${app.id}, expected ${id}-${index + 1}`);
        if (app.cohort !== name) out.push(`${app.id}: cohort ${app.cohort}, expected ${name}`);
        const at = instantMs(app.createdAt);
        if (created === undefined || typeof created === 'string') {
          const expected = created === undefined ? periodStart : localInstant(created);
          if (at !== expected) out.push(`${app.id}: created at ${app.createdAt}, the cohort says ${created ?? 'the start'}`);
        } else {
          const [from, to] = created.uniform.map(localInstant);
          if (at < from || at > to || (at + OFFSET_MS) % MS_PER_DAY !== 0) out.push(`${app.id}: created at ${app.createdAt}, not 00:00 of a day in ${created.uniform.join(' … ')}`);
        }
      });
      const opening = openings.get(id);
      if (!opening) {
        out.push(`${id}: no opening balance`);
        continue;
      }
      for (const part of ['cash', 'income', 'gift'] as const) {
        const range = amountSupport(balance[part]);
        const value = dec(opening[part]);
        const fits = range.values ? range.values.some((v) => v.eq(value)) : value.gte(range.low) && value.lte(range.high);
        if (!fits) out.push(`${id}: opening ${part} ${opening[part]}, ${JSON.stringify(balance[part])} draws ${range.values ? `one of ${range.values.join(', ')}` : `from ${range.low} to ${range.high}`}`);
      }
    }
  }
  report.apps.forEach((app, index) => {
    const previous = report.apps[index - 1];
    if (previous && instantMs(previous.createdAt) > instantMs(app.createdAt)) out.push(`apps not in creation order: ${previous.id} (${previous.createdAt}) before ${app.id} (${app.createdAt})`);
  });
  const actual = report.accounts.map((account) => account.id);
  if (JSON.stringify(actual) !== JSON.stringify(expectedOrder)) out.push(`accounts ${actual.join(', ')}; expected ${expectedOrder.join(', ')}`);
  return out;
}

// ---------------------------------------------------------------------------------------------
// l. A generated app's curves are curves the loader accepts for a written app.

const policy = loadPolicy('tencent-im-2019');

/**
 * "The generated accounts and apps behave exactly as if they had been written out" (EXPLORE.md
 * §2): so the usage each generated app drew, written out under `accounts:`, is a valid scenario.
 * The loader checks a cohort's curve with every distribution at the low and at the high end of
 * its range; a draw in between must be valid too (e.g. a random walk's min never above its max).
 */
export function generatedCurvesValid({ scenario }: Run): string[] {
  const accounts = scenario.accounts
    .filter((account) => account.cohort !== undefined && account.apps.length > 0)
    .map((account) => ({ id: account.id, apps: account.apps.map((app) => ({ id: app.id, usage: app.usage })) }));
  if (accounts.length === 0) return [];
  const doc = { format: 1, name: 'written out', policy: 'tencent-im-2019', start: scenario.start, end: scenario.end, seed: scenario.seed, accounts };
  try {
    parseScenario(stringify(doc, { lineWidth: 0 }), 'written-out.yaml', { policy });
    return [];
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return [`the usage drawn for the generated apps, written out under accounts:, is refused:`, ...message.split('\n').slice(0, 10)];
  }
}

// ---------------------------------------------------------------------------------------------
// m. A chance of 0 never happens; a chance of 1 always does.

interface RawBehaviour {
  purchase?: { chance: number; after?: unknown };
  autoRenew?: number;
  renewal?: { onWarning?: number; afterExpiry?: { chance: number; delay?: unknown } };
  payment?: { chance: number; delay?: unknown; amount?: unknown };
  topUp?: { chance: number };
  refund?: { noReason?: number; normal?: number };
}

/** Milliseconds of a plain number of days (to the second, EXPLORE.md §1), or undefined for a distribution. */
function plainDays(raw: unknown): number | undefined {
  if (raw === undefined) return 0;
  return typeof raw === 'number' ? Math.round(raw * 86_400) * 1000 : undefined;
}

/**
 * From each cohort's behaviour as written (EXPLORE.md §3; a section left out is a chance of 0):
 * - chance 0: no purchase (no behaviour order of kind purchase, no behaviour denial of a
 *   purchase, no customer lost coming back to buy), no renewal when onWarning and afterExpiry
 *   are both 0, no auto-renew switched on, no refund of a kind whose chance is 0, no top-up when
 *   neither payment nor topUp may happen, nothing at all without a behaviour;
 * - chance 1 (with a plain delay, so that the instant is known, and before the end of the period):
 *   purchase: an app no written event touches tries to buy at creation + after (an order, a
 *   denial or the customer lost); autoRenew: auto-renew is switched on at the app's first
 *   purchase of pro; onWarning: at each expiry warning the customer tries to renew (unless
 *   something else ordered pro for the app at that instant); afterExpiry: at expiry + delay the
 *   customer tries to renew, unless the app was renewed or refunded since, or is no longer in
 *   grace or suspended; payment (of the debt, or of a plain amount of at least a cent): at
 *   arrears warning + delay the account tops up, unless it has no debt by then.
 */
export function chancesRespected({ text, scenario, report }: Run): string[] {
  const out: string[] = [];
  const doc = parse(text) as Raw;
  const behaviours = new Map(((doc.population ?? []) as Raw[]).map((cohort) => [String(cohort.cohort), cohort.behaviour as RawBehaviour | undefined]));
  const accountCohort = new Map(report.accounts.map((account) => [account.id, account.cohort]));
  const appCohort = new Map(report.apps.map((app) => [app.id, app.cohort]));
  const { endAt } = periodOf(report);
  const touched = new Set(scenario.events.flatMap((event) => ('app' in event ? [event.app] : [])));
  const byB = <T extends { by?: string }>(list: T[]) => list.filter((record) => record.by === 'behaviour');
  const orders = byB(report.orders);
  const denials = byB(report.denials);
  const events = byB(report.events);
  const topUps = byB(report.balances).filter((entry) => entry.cause === 'top-up');
  const refunds = byB(report.refunds);
  const is0 = (chance: number | undefined) => chance === undefined || chance === 0;
  const at = (record: { at: string }) => instantMs(record.at);
  /** Behaviour orders, denials and lost customers of an app at an instant. */
  const triesAt = (app: string, instant: number, types: string[]) =>
    orders.some((o) => o.app === app && at(o) === instant) ||
    denials.some((d) => d.app === app && at(d) === instant && types.includes(d.type)) ||
    events.some((e) => e.app === app && e.kind === 'lostAfterReclaim' && at(e) === instant);

  for (const [cohort, b] of behaviours) {
    const inCohort = (record: { app?: string; account?: string }) =>
      record.app !== undefined ? appCohort.get(record.app) === cohort : record.account !== undefined && accountCohort.get(record.account) === cohort;
    const where = `cohort ${cohort}`;
    const list = (what: string, records: { at: string; app?: string; account?: string }[]) => {
      for (const record of records.filter(inCohort)) out.push(`${where}: ${what} at ${record.at} (${record.app ?? record.account})`);
    };
    if (b === undefined || b === null) {
      list('no behaviour, yet an order by behaviour', orders);
      list('no behaviour, yet a denial by behaviour', denials);
      list('no behaviour, yet an event by behaviour', events);
      list('no behaviour, yet a balance entry by behaviour', byB(report.balances));
      continue;
    }
    // Chance 0.
    if (is0(b.purchase?.chance)) {
      list('purchase chance 0, yet a purchase by behaviour', orders.filter((o) => o.kind === 'purchase'));
      list('purchase chance 0, yet a purchase denied by behaviour', denials.filter((d) => d.type === 'purchase'));
      list('purchase chance 0, yet a customer lost coming back to buy', events.filter((e) => e.kind === 'lostAfterReclaim' && e.detail === 'purchase'));
    }
    if (is0(b.renewal?.onWarning) && is0(b.renewal?.afterExpiry?.chance)) {
      list('renewal chances 0, yet a renewal by behaviour', orders.filter((o) => o.kind !== 'purchase'));
      list('renewal chances 0, yet a renewal denied by behaviour', denials.filter((d) => d.type === 'renew'));
      list('renewal chances 0, yet a customer lost coming back to renew', events.filter((e) => e.kind === 'lostAfterReclaim' && e.detail !== 'purchase'));
    }
    if (is0(b.autoRenew)) list('autoRenew 0, yet auto-renew set by behaviour', events.filter((e) => e.kind === 'autoRenewSet'));
    if (is0(b.refund?.noReason)) list('refund.noReason 0, yet a no-reason refund by behaviour', refunds.filter((r) => r.kind === 'noReason'));
    if (is0(b.refund?.normal)) list('refund.normal 0, yet a normal refund by behaviour', refunds.filter((r) => r.kind === 'normal'));
    if (is0(b.refund?.noReason) && is0(b.refund?.normal)) list('refund chances 0, yet a refund denied by behaviour', denials.filter((d) => d.type === 'refund'));
    if (is0(b.payment?.chance) && is0(b.topUp?.chance)) list('payment and topUp chances 0, yet a top-up by behaviour', topUps);

    // Chance 1.
    const apps = report.apps.filter((app) => app.cohort === cohort);
    const after = plainDays(b.purchase?.after);
    if (b.purchase?.chance === 1 && after !== undefined) {
      for (const app of apps) {
        const instant = instantMs(app.createdAt) + after;
        if (touched.has(app.id) || instant >= endAt) continue;
        if (!triesAt(app.id, instant, ['purchase'])) out.push(`${where}: purchase chance 1, yet ${app.id} (created ${app.createdAt}) does not try to buy ${after / 1000} s later`);
      }
    }
    for (const app of apps) {
      const firstPurchase = report.orders.find((o) => o.app === app.id && o.product === 'pro' && o.kind === 'purchase');
      if (b.autoRenew === 1 && firstPurchase && !events.some((e) => e.app === app.id && e.kind === 'autoRenewSet' && e.detail === 'on' && e.at === firstPurchase.at)) {
        out.push(`${where}: autoRenew 1, yet auto-renew is not switched on by behaviour at ${app.id}'s first purchase (${firstPurchase.at})`);
      }
      const proOrders = report.orders.filter((o) => o.app === app.id && o.product === 'pro');
      if (b.renewal?.onWarning === 1) {
        for (const warning of report.notifications.filter((n) => n.app === app.id && n.kind === 'expiryWarning')) {
          const instant = at(warning);
          if (instant >= endAt || proOrders.some((o) => at(o) === instant && o.by !== 'behaviour')) continue;
          if (!triesAt(app.id, instant, ['renew'])) out.push(`${where}: onWarning 1, yet ${app.id} does not try to renew at its expiry warning of ${warning.at}`);
        }
      }
      const delay = plainDays(b.renewal?.afterExpiry?.delay);
      if (b.renewal?.afterExpiry?.chance === 1 && delay !== undefined) {
        const transitions = report.transitions.filter((t) => t.app === app.id);
        for (const expiry of transitions.filter((t) => t.to === 'expiredGrace' && t.cause === 'expiry')) {
          const from = at(expiry);
          const instant = from + delay;
          if (instant >= endAt) continue;
          const changed =
            proOrders.some((o) => at(o) >= from && at(o) <= instant) ||
            report.refunds.some((r) => r.app === app.id && at(r) >= from && at(r) <= instant);
          const state = [...transitions].reverse().find((t) => at(t) <= instant)?.to;
          if (changed || !['expiredGrace', 'suspended', 'reclaimed'].includes(state ?? '')) continue;
          if (!triesAt(app.id, instant, ['renew'])) out.push(`${where}: afterExpiry chance 1, yet ${app.id} (expired ${expiry.at}, ${state} by then) does not try to renew ${delay / 1000} s later`);
        }
      }
    }
    const paymentDelay = plainDays(b.payment?.delay);
    // An amount drawn from a distribution may be 0, and a top-up of nothing is no top-up.
    const amount = b.payment?.amount;
    const paysSomething = amount === undefined || amount === 'debt' || (typeof amount === 'number' && amount >= 0.005);
    if (b.payment?.chance === 1 && paymentDelay !== undefined && paysSomething) {
      for (const warning of report.notifications.filter((n) => n.kind === 'arrearsWarning' && accountCohort.get(n.account) === cohort)) {
        const instant = at(warning) + paymentDelay;
        if (instant >= endAt || topUps.some((t) => t.account === warning.account && at(t) === instant)) continue;
        const entries = report.balances.filter((e) => e.account === warning.account);
        if (entries.some((e) => at(e) === instant)) continue; // the order of other entries at that instant is not known
        const before = [...entries].reverse().find((e) => at(e) < instant);
        if (before && !dec(before.debt).isZero()) out.push(`${where}: payment chance 1, yet ${warning.account} (arrears warning ${warning.at}) does not top up ${paymentDelay / 1000} s later with a debt of ${before.debt}`);
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// n. Common random numbers: a cohort's customers do not depend on the other cohorts, nor on
// how many accounts their own cohort has.

/** A generated id without the zero padding of its account's number (`ent-07-2` → `ent-7-2`); a written id as it is. */
function unpadded(id: string, cohorts: readonly string[]): string {
  const cohort = cohorts.find((name) => id.startsWith(`${name}-`) && /^\d+(-\d+)?$/.test(id.slice(name.length + 1)));
  return cohort === undefined ? id : streamName(id, cohort);
}

/**
 * Everything the report says about one account, with its generated ids unpadded and its order
 * ids (numbered across the run) replaced by the account's own order count.
 */
function accountStory(report: Report, account: string, cohorts: readonly string[]): string {
  const id = (value: string | undefined) => (value === undefined ? undefined : unpadded(value, cohorts));
  const apps = new Set(report.apps.filter((app) => app.account === account).map((app) => app.id));
  const ours = <T extends { account?: string; app?: string }>(list: T[]) =>
    list.filter((record) => record.account === account || (record.account === undefined && record.app !== undefined && apps.has(record.app)));
  const orders = ours(report.orders);
  const index = new Map(orders.map((order, k) => [order.id, `#${k + 1}`]));
  const orderIds = (text: string) => text.replace(/\bO\d+\b/g, (found) => index.get(found) ?? `?${found}`);
  const fix = <T extends { account?: string; app?: string }>(record: T): T => ({ ...record, account: id(record.account), app: id(record.app) });
  return JSON.stringify({
    apps: report.apps.filter((app) => apps.has(app.id)).map((app) => ({ ...fix(app), id: id(app.id) })),
    transitions: ours(report.transitions).map(fix),
    orders: orders.map((order) => ({ ...fix(order), id: index.get(order.id) })),
    refunds: ours(report.refunds).map((refund) => ({ ...fix(refund), order: index.get(refund.order) })),
    bills: ours(report.bills).map((bill) => ({ ...fix(bill), lines: bill.lines.map(fix) })),
    notifications: ours(report.notifications).map(fix),
    denials: ours(report.denials).map(fix),
    events: ours(report.events).map(fix),
    balances: ours(report.balances).map((entry) => ({ ...fix(entry), cause: orderIds(entry.cause) })),
    usage: report.usage.filter((usage) => apps.has(usage.app)).map(fix),
  });
}

/**
 * EXPLORE.md §2 and §4: "adding, removing or resizing a cohort does not change any other
 * cohort; growing a cohort from N to M accounts keeps its first N accounts as they were", and
 * every decision comes from the stream of its customer. The scenario is run again with its last
 * cohort removed (when it has two or more) and its first cohort grown (to 10 accounts, past the
 * width of its ids, or by 2), without the written events that concern those two cohorts; every
 * account that none of the dropped events touched tells the same story in both runs (generated
 * ids compared without their padding), and the KPIs of the cohorts left alone are the same.
 */
export function cohortsIndependent(runText: (text: string) => Run): (run: Run) => string[] {
  return ({ text, report }) => {
    const out: string[] = [];
    const doc = parse(text) as Raw;
    const cohorts = [...((doc.population ?? []) as Raw[])];
    const names = cohorts.map((cohort) => String(cohort.cohort));
    const first = names[0];
    const removed = names.length > 1 ? names[names.length - 1] : undefined;
    const grownTo = Number(cohorts[0].accounts) < 10 ? 10 : Number(cohorts[0].accounts) + 2;
    const concerns = (value: unknown, cohort: string | undefined) => cohort !== undefined && typeof value === 'string' && value.startsWith(`${cohort}-`);
    const events = (doc.events ?? []) as Raw[];
    const dropped = events.filter((event) => [first, removed].some((cohort) => concerns(event.app ?? event.account, cohort)));
    const variant = {
      ...doc,
      population: cohorts.filter((cohort) => cohort.cohort !== removed).map((cohort) => (cohort.cohort === first ? { ...cohort, accounts: grownTo } : cohort)),
      ...(events.length > 0 ? { events: events.filter((event) => !dropped.includes(event)) } : {}),
    };
    if (variant.events?.length === 0) delete variant.events;
    const other = runText(stringify(variant, { lineWidth: 0 })).report;
    const touched = new Set(
      dropped.map((event) => {
        const target = String(event.app ?? event.account);
        return report.apps.find((app) => app.id === target)?.account ?? target;
      }),
    );
    const compared = report.accounts.filter((account) => account.cohort !== removed && !touched.has(account.id));
    const theirs = new Map(other.accounts.map((account) => [unpadded(account.id, names), account.id]));
    for (const account of compared) {
      const key = unpadded(account.id, names);
      const counterpart = theirs.get(key);
      if (counterpart === undefined) {
        out.push(`${account.id}: missing once ${removed ? `cohort ${removed} is removed and ` : ''}cohort ${first} grows to ${grownTo} accounts`);
        continue;
      }
      const a = accountStory(report, account.id, names);
      const b = accountStory(other, counterpart, names);
      if (a !== b) {
        const at = [...a].findIndex((char, i) => char !== b[i]);
        out.push(
          `${account.id}: its story changes once ${removed ? `cohort ${removed} is removed and ` : ''}cohort ${first} grows to ${grownTo} accounts (as ${counterpart}): …${a.slice(Math.max(0, at - 120), at + 80)}… became …${b.slice(Math.max(0, at - 120), at + 80)}…`,
        );
      }
    }
    for (const name of names.slice(1, removed ? -1 : undefined)) {
      if (dropped.some((event) => concerns(event.app ?? event.account, name))) continue;
      if (JSON.stringify(report.kpis.byCohort[name]) !== JSON.stringify(other.kpis.byCohort[name])) out.push(`kpis.byCohort.${name} changes when other cohorts change`);
    }
    return out;
  };
}
