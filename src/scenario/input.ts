/**
 * The scenario file format (docs/scenario-format.md) as TypeScript types: what a YAML or JSON
 * scenario file holds, for building one in code and passing it to `scenarioFromObject`, which
 * checks it exactly as the loader checks a file. The types come from the loader's own schemas
 * (./schema.ts, ./populationSchema.ts), so they cannot drift from what it accepts; the parts the
 * schemas leave open (curves, a cohort's distributions) are written out here.
 */
import type { z } from 'zod';
import type { cohortSchema } from './populationSchema.ts';
import type { accountSchema, appSchema, curveFormSchemas, eventSchemas, expectationSchemas, policyChangeSchema, scenarioSchema } from './schema.ts';
import type { EventType } from './types.ts';

type CurveForms = typeof curveFormSchemas;
type Form<K extends keyof CurveForms> = z.input<CurveForms[K]>;

/** A usage curve: one of the forms of docs/scenario-format.md, "Curves". */
export type CurveInput =
  | Form<'constant'>
  | Form<'linear'>
  | Form<'steps'>
  | Form<'points'>
  | Form<'growth'>
  | Form<'randomWalk'>
  | { weekly: { base: CurveInput; weekendFactor: number } }
  | { noise: { base: CurveInput; sigma: number } }
  | Form<'series'>
  | Form<'csv'>;

/** An app's usage: a curve per key, each optional. */
export interface UsageInput {
  dau?: CurveInput;
  groups?: CurveInput;
  avBandwidthMbps?: CurveInput;
  avBandwidthInternationalMbps?: CurveInput;
  avChatrooms?: CurveInput;
}

/** An app (an SDKAppID) of an account: its id is a text. */
export type AppInput = Omit<z.input<typeof appSchema>, 'usage'> & { usage?: UsageInput };

/** An account, its opening balance and its apps. */
export type AccountInput = Omit<z.input<typeof accountSchema>, 'apps'> & { apps?: AppInput[] };

type Events = typeof eventSchemas;
/** A scenario event: a purchase, renewal, refund, top-up, auto-renew or storage switch, or a new app. */
export type EventInput = { [K in Exclude<EventType, 'createApp'>]: z.input<Events[K]> }[Exclude<EventType, 'createApp'>] | (Omit<z.input<Events['createApp']>, 'app'> & { app: AppInput });

type Expectations = typeof expectationSchemas;
/** An `expect:` entry: a state, a bill, a refund, a balance, a denial, a transition, an order, notifications, an event, usage or a KPI. */
export type ExpectationInput = { [K in keyof Expectations]: z.input<Expectations[K]> }[keyof Expectations];

/** A change of knobs at an instant (`policyChanges:`). */
export type PolicyChangeInput = z.input<typeof policyChangeSchema>;

/**
 * A cohort of a generated population (`population:`). Its distributions (apps per account,
 * balances, creation dates, behaviour) take the forms of docs/explore.md and are checked by the
 * loader.
 */
export type CohortInput = Omit<z.input<typeof cohortSchema>, 'usage'> & { usage?: UsageInput };

/** A scenario as written in a file, format 1. */
export type ScenarioInput = Omit<z.input<typeof scenarioSchema>, 'accounts' | 'population' | 'policyChanges' | 'events' | 'expect'> & {
  accounts?: AccountInput[];
  population?: CohortInput[];
  policyChanges?: PolicyChangeInput[];
  events?: EventInput[];
  expect?: ExpectationInput[];
};
