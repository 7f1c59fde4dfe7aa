/**
 * fast-check arbitraries of scenario TEXT within docs/scenario-format.md, format 1: one or two
 * accounts with one to three apps each, balances that are sometimes zero and sometimes too
 * small (so purchases are denied and bills fall into arrears), usage curves of every
 * generated form, a period of 2 to 8 months starting in 2020, random events inside it and,
 * sometimes, policy knobs. The value is a YAML text for `parseScenario(text, 'generated.yaml')`.
 *
 * Everything is drawn as a small plan of integers first and rendered to YAML afterwards, so
 * fast-check shrinks the plan (fewer events, fewer apps, smaller numbers, earlier instants)
 * and every shrunk value is still a valid scenario.
 */
import fc from 'fast-check';
import { stringify } from 'yaml';

export const PACKS = [
  'avChatroomUnlimited',
  'groupMembers2000',
  'groupMembers6000',
  'groupsPerUser1000',
  'groupsPerUser2000',
  'groupsPerUser3000',
] as const;
const LENGTHS = [1, 2, 3, 6, 12] as const;
export const SECONDS_PER_DAY = 86_400;

// ---------------------------------------------------------------------------------------------
// Calendar helpers (local dates of the policy zone written as plain civil dates).

/** Days since 1970-01-01 of a civil date. */
export function dayOf(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

export function formatDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** YYYY-MM-DDTHH:mm:ss of a local instant given as seconds since 1970-01-01 local. */
export function formatLocal(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 19);
}

/** The day before the same day `months` later: a period of `months` months. */
export function periodEnd(startDay: number, months: number): number {
  const start = new Date(startDay * 86_400_000);
  return Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + months, start.getUTCDate()) / 86_400_000 - 1;
}

// ---------------------------------------------------------------------------------------------
// Amounts.

const cents = (min: number, max: number) => fc.integer({ min, max }).map((value) => (value / 100).toFixed(2));

/** A balance part or a top-up: often zero, often small, sometimes large. */
const amount = fc.oneof(
  { weight: 2, arbitrary: fc.constant('0.00') },
  { weight: 3, arbitrary: cents(0, 150_000) },
  { weight: 3, arbitrary: cents(0, 2_500_000) },
  { weight: 2, arbitrary: cents(0, 30_000_000) },
  { weight: 1, arbitrary: cents(10_000_000, 300_000_000) },
);

export const balance = fc.record({ cash: amount, income: amount, gift: amount }, { requiredKeys: ['cash'] });

// ---------------------------------------------------------------------------------------------
// Curves, drawn as plans: dates are fractions (per mille) of the period, rendered later.

export type CurvePlan =
  | { constant: number }
  | { linear: { from: number; to: number } }
  | { steps: { at: number; value: number }[] }
  | { series: number[] }
  | { weekly: { base: CurvePlan; weekendFactor: number } }
  | { noise: { base: CurvePlan; sigma: number } }
  | { randomWalk: { start: number; drift: number; volatility: number; min?: number; max?: number } };

/** Curves whose values are drawn from `level`; a random walk is kept within [0, maxLevel]. */
function curvePlan(level: fc.Arbitrary<number>, maxLevel: number): fc.Arbitrary<CurvePlan> {
  const flat: fc.Arbitrary<CurvePlan> = fc.oneof(
    { weight: 4, arbitrary: level.map((constant) => ({ constant })) },
    { weight: 2, arbitrary: fc.record({ from: level, to: level }).map((linear) => ({ linear })) },
    {
      weight: 2,
      arbitrary: fc
        .array(fc.record({ at: fc.integer({ min: 0, max: 999 }), value: level }), { minLength: 1, maxLength: 4 })
        .map((steps) => ({ steps })),
    },
    { weight: 2, arbitrary: fc.array(level, { minLength: 1, maxLength: 12 }).map((series) => ({ series })) },
    {
      weight: 1,
      arbitrary: fc
        .record(
          {
            start: level,
            drift: fc.integer({ min: -30, max: 30 }).map((d) => d / 1000),
            volatility: fc.integer({ min: 0, max: 150 }).map((v) => v / 1000),
            min: fc.constant(0),
            max: fc.constant(maxLevel),
          },
          { requiredKeys: ['start', 'drift', 'volatility'] },
        )
        .map((randomWalk) => ({ randomWalk })),
    },
  );
  return fc.oneof(
    { weight: 5, arbitrary: flat },
    {
      weight: 1,
      arbitrary: fc
        .record({ base: flat, weekendFactor: fc.integer({ min: 0, max: 200 }).map((f) => f / 100) })
        .map((weekly) => ({ weekly })),
    },
    {
      weight: 1,
      arbitrary: fc
        .record({ base: flat, sigma: fc.integer({ min: 0, max: 300 }).map((s) => s / 1000) })
        .map((noise) => ({ noise })),
    },
  );
}

/** Whole-number levels around the thresholds that matter (trial cap 100, included 100,000, free groups). */
function countLevel(max: number, thresholds: number[]): fc.Arbitrary<number> {
  return fc.oneof(
    fc.integer({ min: 0, max: 150 }),
    fc.integer({ min: 0, max }),
    fc.constantFrom(...thresholds),
  );
}

const dauCurve = curvePlan(countLevel(300_000, [0, 100, 101, 100_000, 100_001, 150_000, 200_000]), 300_000);
const groupsCurve = curvePlan(countLevel(1_200_000, [100_000, 100_001, 130_000, 1_000_000]), 1_200_000);
const roomsCurve = curvePlan(fc.integer({ min: 0, max: 80 }), 80);
const mbpsCurve = curvePlan(
  fc.oneof(fc.integer({ min: 0, max: 2_000 }), fc.integer({ min: 0, max: 400_000 })).map((m) => m / 1000),
  400,
);

export const usagePlan = fc.record(
  { dau: dauCurve, groups: groupsCurve, avBandwidthMbps: mbpsCurve, avChatrooms: roomsCurve },
  { requiredKeys: [] },
);

export function renderCurve(plan: CurvePlan, startDay: number, days: number): unknown {
  if ('steps' in plan) {
    // Dates in increasing order, one step a day (the later of a day's steps wins).
    const byDay = new Map<number, number>();
    for (const step of [...plan.steps].sort((a, b) => a.at - b.at)) byDay.set(Math.floor((step.at * days) / 1000), step.value);
    return { steps: [...byDay].map(([offset, value]) => ({ from: formatDay(startDay + offset), value })) };
  }
  if ('weekly' in plan) return { weekly: { ...plan.weekly, base: renderCurve(plan.weekly.base, startDay, days) } };
  if ('noise' in plan) return { noise: { ...plan.noise, base: renderCurve(plan.noise.base, startDay, days) } };
  return plan;
}

// ---------------------------------------------------------------------------------------------
// Events, drawn against indices (of apps, accounts) that are resolved modulo the real counts.

const product = fc.oneof({ weight: 3, arbitrary: fc.constant('pro') }, { weight: 2, arbitrary: fc.constantFrom(...PACKS) });
const months = fc.constantFrom(...LENGTHS);
const voucher = cents(0, 200_000);
/**
 * Seconds into the period; reduced modulo the period's length, so it shrinks toward the start.
 * Some fall on midnight, where machine timers, billing jobs and events share the instant.
 */
const instant = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 8 * 31 * SECONDS_PER_DAY }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 8 * 31 }).map((day) => day * SECONDS_PER_DAY) },
);
/** A delay after an earlier event of the same episode: up to 15 days, sometimes none. */
const delay = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 15 * SECONDS_PER_DAY }));
const appIndex = fc.nat({ max: 5 });

/** `at` is reduced modulo the period; `after` (seconds) follows it, capped at the period's last second. */
export type EventPlan = { at: number; after?: number } & (
  | { type: 'purchase' | 'renew'; app: number; product: string; months: number; voucher?: string }
  | { type: 'refund'; app: number; product: string; kind: 'noReason' | 'normal' }
  | { type: 'topUp'; account: number; cash: string; income?: string; gift?: string }
  | { type: 'setAutoRenew'; app: number; on: boolean }
  | { type: 'setStorageExtension'; app: number; months: number }
);

const eventPlan: fc.Arbitrary<EventPlan> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record(
      { type: fc.constant('purchase' as const), at: instant, app: appIndex, product, months, voucher },
      { requiredKeys: ['type', 'at', 'app', 'product', 'months'] },
    ),
  },
  {
    weight: 2,
    arbitrary: fc.record(
      { type: fc.constant('renew' as const), at: instant, app: appIndex, product, months, voucher },
      { requiredKeys: ['type', 'at', 'app', 'product', 'months'] },
    ),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      type: fc.constant('refund' as const),
      at: instant,
      app: appIndex,
      product,
      kind: fc.constantFrom('noReason' as const, 'normal' as const),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record(
      { type: fc.constant('topUp' as const), at: instant, account: fc.nat({ max: 1 }), cash: amount, income: amount, gift: amount },
      { requiredKeys: ['type', 'at', 'account', 'cash'] },
    ),
  },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('setAutoRenew' as const), at: instant, app: appIndex, on: fc.boolean() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('setStorageExtension' as const),
      at: instant,
      app: appIndex,
      months: fc.integer({ min: 0, max: 3 }),
    }),
  },
);

/**
 * Episodes tie events together so that refunds and packs find something to act on: pro bought
 * then refunded, or pro bought, a pack added and maybe refunded. The rest are single events.
 */
const refundKind = fc.constantFrom('noReason' as const, 'normal' as const);
export const episode: fc.Arbitrary<EventPlan[]> = fc.oneof(
  { weight: 6, arbitrary: eventPlan.map((event) => [event]) },
  {
    weight: 1,
    arbitrary: fc
      .record({ at: instant, app: appIndex, months, after: delay, kind: refundKind })
      .map(({ at, app, months, after, kind }): EventPlan[] => [
        { type: 'purchase', at, app, product: 'pro', months },
        { type: 'refund', at, after, app, product: 'pro', kind },
      ]),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({
        at: instant,
        app: appIndex,
        months,
        pack: fc.constantFrom(...PACKS),
        packMonths: months,
        after: delay,
        refund: fc.option(fc.record({ after: delay, kind: refundKind }), { nil: null }),
      })
      .map(({ at, app, months, pack, packMonths, after, refund }): EventPlan[] => [
        { type: 'purchase', at, app, product: 'pro', months },
        { type: 'purchase', at, after, app, product: pack, months: packMonths },
        ...(refund ? [{ type: 'refund' as const, at, after: after + refund.after, app, product: pack, kind: refund.kind }] : []),
      ]),
  },
  {
    // A short package that runs out: renewed, bought again or auto-renewed from a top-up
    // around its end, in grace or after the suspension.
    weight: 2,
    arbitrary: fc
      .record({
        at: instant,
        app: appIndex,
        months: fc.constantFrom(1, 2),
        autoRenew: fc.boolean(),
        after: fc.integer({ min: 20 * SECONDS_PER_DAY, max: 80 * SECONDS_PER_DAY }),
        next: fc.constantFrom('renew' as const, 'purchase' as const, 'topUp' as const),
        cash: amount,
        account: fc.nat({ max: 1 }),
      })
      .map(({ at, app, months, autoRenew, after, next, cash, account }): EventPlan[] => [
        { type: 'purchase', at, app, product: 'pro', months },
        ...(autoRenew ? [{ type: 'setAutoRenew' as const, at, app, on: true }] : []),
        next === 'topUp' ? { type: 'topUp', at, after, account, cash } : { type: next, at, after, app, product: 'pro', months: 1 },
      ]),
  },
);

// ---------------------------------------------------------------------------------------------
// Knobs.

const rounding = fc.constantFrom('ceilUnit', 'linear');
const overridesPlan = fc.record(
  {
    'lifecycle.grace.days': fc.integer({ min: 0, max: 14 }),
    'lifecycle.grace.countEndDay': fc.boolean(),
    'lifecycle.retention.days': fc.oneof(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 120 })),
    'refund.normal.timeUnit': fc.constantFrom('second', 'dayRoundUp'),
    'renewal.inGraceFrom': fc.constantFrom('previousEnd', 'renewalTime'),
    'lifecycle.packsOnProLapse': fc.constantFrom('keep', 'cancel'),
    'autoRenew.retryDailyInGrace': fc.boolean(),
    'balance.payOrder': fc.constantFrom(
      ['gift', 'income', 'cash'],
      ['gift', 'cash', 'income'],
      ['income', 'gift', 'cash'],
      ['income', 'cash', 'gift'],
      ['cash', 'gift', 'income'],
      ['cash', 'income', 'gift'],
    ),
    'usage.dauOverage.rounding': rounding,
    'usage.peakGroups.rounding': rounding,
  },
  { requiredKeys: [] },
);

// ---------------------------------------------------------------------------------------------
// The scenario.

export const scenarioPlan = fc.record({
  startOffset: fc.integer({ min: 0, max: 365 }),
  months: fc.integer({ min: 2, max: 8 }),
  seed: fc.nat({ max: 1000 }),
  accounts: fc.array(
    fc.record({ balance, apps: fc.array(usagePlan, { minLength: 1, maxLength: 3 }) }),
    { minLength: 1, maxLength: 2 },
  ),
  events: fc.array(episode, { maxLength: 12 }).map((episodes) => episodes.flat()),
  overrides: fc.option(overridesPlan, { freq: 2, nil: null }),
});

export type ScenarioPlan = typeof scenarioPlan extends fc.Arbitrary<infer T> ? T : never;

/**
 * Arrears, aimed at: one account that can just pay for a month of pro for an app whose DAU is
 * over the included 100,000, so its first bill goes into debt and the account is suspended
 * (A2, A3); a top-up weeks after the purchase clears the debt (A4) while the package is active,
 * in grace or lapsed underneath the suspension; auto-renew sometimes on, so that the daily retry
 * in grace (P5) can renew it once the debt is paid. Other events may follow.
 */
const arrearsPlan: fc.Arbitrary<ScenarioPlan> = fc
  .record({
    startOffset: fc.integer({ min: 0, max: 365 }),
    months: fc.integer({ min: 2, max: 5 }),
    seed: fc.nat({ max: 1000 }),
    cash: cents(99_900, 300_000),
    dau: fc.integer({ min: 100_001, max: 300_000 }),
    others: fc.array(usagePlan, { maxLength: 1 }),
    buyAt: fc.integer({ min: 0, max: 27 * SECONDS_PER_DAY }),
    autoRenew: fc.boolean(),
    topUpAfter: fc.integer({ min: 10 * SECONDS_PER_DAY, max: 50 * SECONDS_PER_DAY }),
    topUp: cents(2_000_000, 10_000_000),
    extra: fc.array(episode, { maxLength: 3 }),
    overrides: fc.option(overridesPlan, { freq: 2, nil: null }),
  })
  .map(({ cash, dau, others, buyAt, autoRenew, topUpAfter, topUp, extra, ...rest }) => ({
    ...rest,
    accounts: [{ balance: { cash }, apps: [{ dau: { constant: dau } }, ...others] }],
    events: [
      { type: 'purchase' as const, at: buyAt, app: 0, product: 'pro', months: 1 },
      ...(autoRenew ? [{ type: 'setAutoRenew' as const, at: buyAt, app: 0, on: true }] : []),
      { type: 'topUp' as const, at: buyAt, after: topUpAfter, account: 0, cash: topUp },
      ...extra.flat(),
    ],
  }));

export const accountId = (index: number): string => `acct${index + 1}`;
export const appId = (account: number, app: number): string => `14000000${account + 1}${app + 1}`;

/** The scenario document (plain data) of a plan. */
export function renderPlan(plan: ScenarioPlan): Record<string, unknown> {
  const startDay = dayOf(2020, 1, 1) + plan.startOffset;
  const endDay = periodEnd(startDay, plan.months);
  const days = endDay - startDay + 1;
  const apps = plan.accounts.flatMap((account, a) => account.apps.map((_, i) => appId(a, i)));
  const accounts = plan.accounts.map((account, a) => ({
    id: accountId(a),
    balance: account.balance,
    apps: account.apps.map((usage, i) => ({
      id: appId(a, i),
      usage: Object.fromEntries(Object.entries(usage).map(([key, curve]) => [key, renderCurve(curve as CurvePlan, startDay, days)])),
    })),
  }));
  const periodSeconds = days * SECONDS_PER_DAY;
  const events = plan.events.map(({ after, ...event }) => {
    const offset = Math.min((event.at % periodSeconds) + (after ?? 0), periodSeconds - 1);
    const at = formatLocal(startDay * SECONDS_PER_DAY + offset);
    if (event.type === 'topUp') return { ...event, at, account: accountId(event.account % plan.accounts.length) };
    return { ...event, at, app: apps[event.app % apps.length] };
  });
  return {
    format: 1,
    name: 'generated',
    policy: 'tencent-im-2019',
    ...(plan.overrides && Object.keys(plan.overrides).length > 0 ? { policyOverrides: plan.overrides } : {}),
    start: formatDay(startDay),
    end: formatDay(endDay),
    seed: plan.seed,
    accounts,
    events,
  };
}

/** Scenario texts (YAML), each valid under docs/scenario-format.md. */
export const scenarioText: fc.Arbitrary<string> = fc
  .oneof({ weight: 4, arbitrary: scenarioPlan }, { weight: 1, arbitrary: arrearsPlan })
  .map((plan) => stringify(renderPlan(plan), { lineWidth: 0 }));
