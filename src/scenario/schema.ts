/**
 * The shape of a scenario file, format 1 (docs/scenario-format.md), as zod schemas.
 *
 * Every object is strict: an unknown field is an error, so a typo cannot pass silently. The
 * schemas check shape and types only. Whatever needs the policy or the rest of the file (dates
 * that exist in the policy's zone, the period, app references, products, lengths) is checked by
 * the loader (./load.ts), which validates each account, app, event, curve and expectation on its
 * own so that one bad entry does not hide the problems of the others.
 *
 * Numbers: YAML reads `1e400` and `.inf` as Infinity and `.nan` as NaN; zod 4's `z.number()`
 * refuses both, so every number here is finite.
 */
import { z } from 'zod';
import { decimalText, decimalTextOf } from '../policy/schema.ts';
import { appStates, billItems, denialReasons, notificationKinds, refundKinds, transitionCauses } from '../domain/vocabulary.ts';
import type { EventType } from './types.ts';

export { decimalText };

/** `YYYY-MM-DD` or `YYYY-MM-DDTHH:mm[:ss]`, optionally with an offset; the loader checks it exists. */
export const timeText = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?(?:Z|[+-]\d{2}:?\d{2})?$/,
    'expected a date YYYY-MM-DD or a time YYYY-MM-DDTHH:mm[:ss]',
  );
export const dateText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');
const monthText = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month YYYY-MM');
/** App and account ids are texts: an SDKAppID written unquoted is a number, and is refused. */
const id = z.string().min(1);
const nonNegative = z.number().min(0);
const count = z.number().int().min(0);
const nth = z.number().int().min(1).default(1);
/** A KPI's value to compare with: a count, days or an amount, as a number or a decimal text (may be negative). */
const signedDecimal = decimalTextOf(/^-?\d+(\.\d+)?$/, 'expected a number such as 12 or "999.00"');

export const scenarioSchema = z.strictObject({
  format: z.literal(1),
  name: z.string().min(1),
  description: z.string().optional(),
  rules: z.array(z.string().min(1)).default([]),
  policy: z.string().min(1),
  policyOverrides: z.record(z.string(), z.unknown()).default({}),
  start: dateText,
  end: dateText,
  seed: z.number().int().default(0),
  accounts: z.array(z.unknown()).default([]),
  population: z.array(z.unknown()).default([]),
  policyChanges: z.array(z.unknown()).default([]),
  events: z.array(z.unknown()).default([]),
  expect: z.array(z.unknown()).default([]),
});

/** A change of knobs at an instant: `set` holds dotted paths as `policyOverrides` does. */
export const policyChangeSchema = z.strictObject({ at: timeText, set: z.record(z.string(), z.unknown()) });

/** A1: the three parts of a balance; amounts as strings or numbers, default 0. */
export const partsSchema = z.strictObject({
  cash: decimalText.default('0'),
  income: decimalText.default('0'),
  gift: decimalText.default('0'),
});

export const accountSchema = z.strictObject({
  id,
  balance: partsSchema.default({ cash: '0', income: '0', gift: '0' }),
  apps: z.array(z.unknown()).default([]),
});

/** The usage curves of an app; each slot is checked by the loader's curve parser. */
export const usageSchema = z.strictObject({
  dau: z.unknown().optional(),
  groups: z.unknown().optional(),
  avBandwidthMbps: z.unknown().optional(),
  avBandwidthInternationalMbps: z.unknown().optional(),
  avChatrooms: z.unknown().optional(),
});

export const appSchema = z.strictObject({
  id,
  name: z.string().optional(),
  createdAt: timeText.optional(),
  usage: usageSchema.default({}),
});

/**
 * One schema per curve form (docs/scenario-format.md, "Curves"). `base` of weekly and noise is itself a
 * curve, parsed recursively by the loader. Whole numbers for counts are checked by the loader,
 * which knows the usage key.
 */
export const curveFormSchemas = {
  constant: z.strictObject({ constant: nonNegative }),
  linear: z.strictObject({ linear: z.strictObject({ from: nonNegative, to: nonNegative }) }),
  steps: z.strictObject({ steps: z.array(z.strictObject({ from: dateText, value: nonNegative })).min(1) }),
  points: z.strictObject({ points: z.array(z.strictObject({ at: dateText, value: nonNegative })).min(1) }),
  growth: z.strictObject({ growth: z.strictObject({ start: nonNegative, monthlyRate: z.number().min(-1) }) }),
  randomWalk: z.strictObject({
    randomWalk: z.strictObject({
      start: nonNegative,
      drift: z.number(),
      volatility: nonNegative,
      min: nonNegative.optional(),
      max: nonNegative.optional(),
    }),
  }),
  weekly: z.strictObject({ weekly: z.strictObject({ base: z.unknown(), weekendFactor: nonNegative }) }),
  noise: z.strictObject({ noise: z.strictObject({ base: z.unknown(), sigma: nonNegative }) }),
  series: z.strictObject({ series: z.array(nonNegative).min(1) }),
  csv: z.strictObject({ csv: z.string().min(1), column: z.string().min(1) }),
};
export type CurveForm = keyof typeof curveFormSchemas;
export const curveForms = Object.keys(curveFormSchemas) as CurveForm[];

/** Each value once, keyed by itself: the mapped type makes the list complete and typo-free. */
const eventTypes = {
  purchase: 'purchase',
  renew: 'renew',
  refund: 'refund',
  topUp: 'topUp',
  setAutoRenew: 'setAutoRenew',
  setStorageExtension: 'setStorageExtension',
  createApp: 'createApp',
} as const satisfies { [K in EventType]: K };
export const eventTypeNames = Object.keys(eventTypes) as EventType[];


/** The events of docs/scenario-format.md; `months`, products and references are checked against the policy by the loader. */
export const eventSchemas = {
  purchase: z.strictObject({
    at: timeText,
    type: z.literal('purchase'),
    app: id,
    product: id,
    months: z.number().int(),
    voucher: decimalText.optional(),
    promotion: id.optional(),
  }),
  renew: z.strictObject({
    at: timeText,
    type: z.literal('renew'),
    app: id,
    /** Absent: the edition of the app's last period, decided when the event is played (sim/scenarioEvents.ts). */
    product: id.optional(),
    months: z.number().int(),
    voucher: decimalText.optional(),
    promotion: id.optional(),
  }),
  refund: z.strictObject({
    at: timeText,
    type: z.literal('refund'),
    app: id,
    product: id,
    kind: z.enum(refundKinds),
  }),
  topUp: z.strictObject({
    at: timeText,
    type: z.literal('topUp'),
    account: id,
    cash: decimalText,
    income: decimalText.default('0'),
    gift: decimalText.default('0'),
  }),
  setAutoRenew: z.strictObject({ at: timeText, type: z.literal('setAutoRenew'), app: id, on: z.boolean() }),
  setStorageExtension: z.strictObject({ at: timeText, type: z.literal('setStorageExtension'), app: id, months: z.number().int() }),
  createApp: z.strictObject({ at: timeText, type: z.literal('createApp'), account: id, app: z.unknown() }),
} satisfies { [K in EventType]: z.ZodType };

const partialParts = z.strictObject({
  cash: decimalText.optional(),
  income: decimalText.optional(),
  gift: decimalText.optional(),
});

/** The `expect:` entries, one schema per kind of Expectation (types.ts). */
export const expectationSchemas = {
  state: z.strictObject({ at: timeText, app: id, state: z.enum(appStates) }),
  billTotal: z.strictObject({ bill: z.strictObject({ account: id, month: monthText }), total: decimalText }),
  billLine: z.strictObject({
    bill: z.strictObject({ account: id, month: monthText }),
    line: z.strictObject({ app: id, item: z.enum(billItems) }),
    amount: decimalText,
  }),
  refund: z.strictObject({
    refund: z.strictObject({ app: id, product: id, n: nth }),
    amount: decimalText.optional(),
    to: partialParts.optional(),
  }),
  balance: z.strictObject({
    balance: z.strictObject({ account: id, at: timeText }),
    cash: decimalText.optional(),
    income: decimalText.optional(),
    gift: decimalText.optional(),
    debt: decimalText.optional(),
  }),
  denied: z.strictObject({
    denied: z.strictObject({ app: id.optional(), account: id.optional(), type: z.enum(eventTypes), n: nth }),
    reason: z.enum(denialReasons),
  }),
  transition: z.strictObject({
    transition: z.strictObject({ app: id, to: z.enum(appStates), n: nth }),
    at: timeText.optional(),
    cause: z.enum(transitionCauses).optional(),
  }),
  order: z.strictObject({
    order: z.strictObject({ app: id, product: id, n: nth }),
    total: decimalText.optional(),
    start: timeText.optional(),
    end: timeText.optional(),
  }),
  notifications: z.strictObject({
    notifications: z.strictObject({ app: id.optional(), account: id.optional(), kind: z.enum(notificationKinds) }),
    count: count.optional(),
    first: timeText.optional(),
    last: timeText.optional(),
  }),
  event: z.strictObject({
    event: z.strictObject({ kind: z.string().min(1), app: id.optional(), account: id.optional(), n: nth }),
    at: timeText.optional(),
  }),
  kpi: z
    .strictObject({
      kpi: z.strictObject({ name: z.string().min(1), cohort: id.optional(), tag: id.optional() }),
      value: signedDecimal.optional(),
      atLeast: signedDecimal.optional(),
      atMost: signedDecimal.optional(),
    }),
  usage: z.strictObject({
    usage: z.strictObject({ app: id, month: monthText }),
    peakDau: count.optional(),
    peakGroups: count.optional(),
    proDays: count.optional(),
    userDaysDenied: count.optional(),
    roomDaysDenied: count.optional(),
  }),
};
export type ExpectationKind = keyof typeof expectationSchemas;

/** The forms an expectation may take, for the message on one that matches none. */
export const expectationForms = [
  '{ at, app, state }',
  '{ bill: { account, month }, total }',
  '{ bill: { account, month }, line: { app, item }, amount }',
  '{ refund: { app, product, n? }, amount?, to? }',
  '{ balance: { account, at }, cash?, income?, gift?, debt? }',
  '{ denied: { app? | account?, type, n? }, reason }',
  '{ transition: { app, to, n? }, at?, cause? }',
  '{ order: { app, product, n? }, total?, start?, end? }',
  '{ notifications: { app? | account?, kind }, count?, first?, last? }',
  '{ event: { kind, app? | account?, n? }, at? }',
  '{ usage: { app, month }, peakDau?, peakGroups?, proDays?, userDaysDenied?, roomDaysDenied? }',
  '{ kpi: { name, cohort? | tag? }, value?, atLeast?, atMost? }',
];

/** Which expectation an entry is, by its leading key; undefined for an unknown shape. */
export function expectationKind(entry: Record<string, unknown>): ExpectationKind | undefined {
  if ('bill' in entry) return 'line' in entry ? 'billLine' : 'billTotal';
  const heads = ['refund', 'balance', 'denied', 'transition', 'order', 'notifications', 'event', 'usage', 'kpi'] as const;
  const head = heads.find((key) => key in entry);
  if (head) return head;
  return 'state' in entry ? 'state' : undefined;
}
