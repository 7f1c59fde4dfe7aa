/**
 * The lifecycle of one SDKAppID (RULES "The lifecycle of one SDKAppID"):
 * trial → active → expiredGrace → suspended → reclaimed, with arrears (A3) suspending any state
 * and paying the debt (A4) restoring it. Timers are `after` delays on the simulator's clock.
 *
 * The machine holds no money. Whether an account can pay for an auto-renewal is asked of the
 * environment (`canAffordAutoRenewal`); everything the simulator must act on is emitted.
 * X1's daily expiry warnings are a window: the machine says when they open and close (its
 * `warnings` states) and the engine sends each day's warning in between (sim/warnings.ts), so a
 * warning costs no machine event.
 * Every transition between top-level states assigns its `cause` first.
 */
import { assign, emit, setup } from 'xstate';
import { graceEndsAt, nextAutoRenewRetry, retentionEndsAt, scansWhileOff } from '../domain/schedule.ts';
import { paidEdition } from '../domain/editions.ts';
import { proValidityEnd } from '../domain/validity.ts';
import type { TransitionCause } from '../report/types.ts';
import type { AppTiming } from './appTiming.ts';
import { type Args as PartArgs, type MachineParts, providedWith } from './parts.ts';
import { unprovided as unprovidedBy } from './unprovided.ts';

export interface AppMachineEnv {
  /** The simulator's virtual clock (ms since epoch). */
  now(): number;
  /** P5, P8, A5: whether the app's account can pay `months` of the app's edition right now. */
  canAffordAutoRenewal(appId: string, months: number): boolean;
}

export interface AppInput {
  appId: string;
  accountId: string;
  timing: AppTiming;
}

export interface AppContext extends AppInput {
  /** The paid edition of the period that ends at `proEnd` (the one auto-renewal renews); data, not a state. */
  edition: string | null;
  proStart: number | null;
  proEnd: number | null;
  autoRenew: boolean;
  suspendedAt: number | null;
  /** X1: the next warnings window starts afresh (a new period); else a warning sent this instant is not sent again. */
  freshWarnings: boolean;
  lastRetryAt: number | null;
  /**
   * P5 while auto-renew is off in grace: the scans find nothing to do, so none is timed. Kept
   * instead: the first one due, and each change of `retryDailyInGrace` since, so that switching
   * auto-renew on picks the scans up exactly where timed ones would be.
   */
  scansOff: { first: number; knob: { at: number; on: boolean }[] } | null;
  lastAutoRenewal: { start: number; end: number } | null;
  cause: TransitionCause | null;
  /**
   * The instants the pending timers were armed for, kept so that a change of policy knobs
   * (SET_TIMING) or a paused and resumed run leaves an armed timer where it was: the end of
   * grace (X2) and of retention (X5).
   */
  graceEndAt: number | null;
  retentionEndAt: number | null;
}

export type AppEvent =
  | { type: 'PRO_PERIOD'; start: number; end: number; edition: string; cause: 'purchase' | 'renewal' }
  /** A higher edition from now on: the current period ends now, the new one starts (sim/upgrades.ts). */
  | { type: 'UPGRADE'; start: number; end: number; edition: string }
  /** The policy's knobs changed: timers armed from now on read these; those armed keep their instants. */
  | { type: 'SET_TIMING'; timing: AppTiming }
  | { type: 'SET_AUTO_RENEW'; on: boolean }
  | { type: 'REFUND_PRO' }
  | { type: 'ARREARS_SUSPEND' }
  | { type: 'ARREARS_CLEARED' };

export type AppEmitted =
  /** X1: expiry warnings are due from now on, until `warningsClosed` (sim/warnings.ts sends them). */
  | { type: 'warningsOpened'; appId: string; fresh: boolean }
  | { type: 'warningsClosed'; appId: string }
  | { type: 'autoRenewed'; appId: string; edition: string; start: number; end: number; months: number }
  | { type: 'autoRenewFailed'; appId: string }
  | { type: 'recordsPurged'; appId: string };

function proEndOf(context: AppContext): number {
  if (context.proEnd === null) throw new Error(`app ${context.appId} has no pro period`);
  return context.proEnd;
}

function editionOf(context: AppContext): string {
  if (context.edition === null) throw new Error(`app ${context.appId} has no paid edition`);
  return context.edition;
}

/** P2: the validity of the edition the period is of. */
function validityOf(context: AppContext) {
  return paidEdition(context.timing.editions, editionOf(context)).validity;
}

/**
 * The instant a pending timer was armed for: every transition into the state whose timer reads
 * it arms it first (armGrace, markSuspended), and a restored snapshot holds it.
 */
function armedAt(context: AppContext, timer: 'graceEndAt' | 'retentionEndAt'): number {
  const instant = context[timer];
  if (instant === null) throw new Error(`app ${context.appId} has no ${timer} armed`);
  return instant;
}

const cause = (value: TransitionCause) => ({ type: 'recordCause', params: { cause: value } }) as const;

/**
 * X1: the window of daily expiry warnings, open while pro is active or in grace and opened anew
 * on every entry. A child of `active` and a region of `expiredGrace`, entered after its parent,
 * so that at one instant the parent's timers come before a warning, as the rule's order wants.
 */
const expiryWarnings = { entry: ['openWarnings', 'keepWarnings'], exit: 'closeWarnings' } as const;

const graceEnd = (context: AppContext) => graceEndsAt(proEndOf(context), context.timing.lifecycle.grace, context.timing.zone);
const nextRetry = (context: AppContext, now: number) => nextAutoRenewRetry(proEndOf(context), now, context.lastRetryAt, context.timing.autoRenew.retryAt, context.timing.zone);
const scansDue = (context: AppContext, now: number) => context.timing.autoRenew.retryDailyInGrace && nextRetry(context, now) < armedAt(context, 'graceEndAt');
/** The knob in effect at a scan: as last changed before its instant, else on (it was when the scans began). */
const knobAt = (context: AppContext) => (at: number) => context.scansOff?.knob.findLast((change) => change.at < at)?.on ?? true;
function scansMadeOff(context: AppContext, now: number) {
  if (context.scansOff === null) throw new Error(`app ${context.appId} has no scans made with auto-renew off`);
  const { retryAt } = context.timing.autoRenew;
  const next = (scan: number) => nextAutoRenewRetry(proEndOf(context), scan, scan, retryAt, context.timing.zone);
  return scansWhileOff(context.scansOff.first, now, armedAt(context, 'graceEndAt'), knobAt(context), next);
}

/** The clock and the account's balance, which `appMachineIn` provides. */
const unprovided = unprovidedBy('appMachineIn');

type Args = PartArgs<AppContext, AppEvent>;

/** A new app's context: in trial, no paid period, auto-renew off. Written whole, not spread from the input (domain/calendar.ts, `atSecondOfDay`). */
const appContext = ({ input }: { input: AppInput }): AppContext => ({
  appId: input.appId,
  accountId: input.accountId,
  timing: input.timing,
  edition: null,
  proStart: null,
  proEnd: null,
  autoRenew: false,
  suspendedAt: null,
  freshWarnings: true,
  lastRetryAt: null,
  scansOff: null,
  lastAutoRenewal: null,
  cause: null,
  graceEndAt: null,
  retentionEndAt: null,
});

/** A context's copy, field by field in `appContext`'s order (parts.ts, `copy`). */
const copyAppContext = (c: AppContext): AppContext => ({
  appId: c.appId,
  accountId: c.accountId,
  timing: c.timing,
  edition: c.edition,
  proStart: c.proStart,
  proEnd: c.proEnd,
  autoRenew: c.autoRenew,
  suspendedAt: c.suspendedAt,
  freshWarnings: c.freshWarnings,
  lastRetryAt: c.lastRetryAt,
  scansOff: c.scansOff,
  lastAutoRenewal: c.lastAutoRenewal,
  cause: c.cause,
  graceEndAt: c.graceEndAt,
  retentionEndAt: c.retentionEndAt,
});

const appGuards = {
  autoRenewOn: ({ context }: Args) => context.autoRenew,
  autoRenewSwitchedOn: ({ event }: Args) => event.type === 'SET_AUTO_RENEW' && event.on,
};

const appAssignments = {
  recordCause: (_: Args, params: { cause: TransitionCause }): Partial<AppContext> => ({ cause: params.cause }),
  startPeriod: ({ event }: Args): Partial<AppContext> => {
    if (event.type !== 'PRO_PERIOD') return {};
    return { edition: event.edition, proStart: event.start, proEnd: event.end, cause: event.cause, freshWarnings: true };
  },
  extendPeriod: ({ event }: Args): Partial<AppContext> => (event.type === 'PRO_PERIOD' ? { edition: event.edition, proEnd: event.end, cause: event.cause } : {}),
  startUpgrade: ({ event }: Args): Partial<AppContext> => {
    if (event.type !== 'UPGRADE') return {};
    return { edition: event.edition, proStart: event.start, proEnd: event.end, freshWarnings: true };
  },
  setAutoRenew: ({ event }: Args): Partial<AppContext> => (event.type === 'SET_AUTO_RENEW' ? { autoRenew: event.on } : {}),
  setTiming: ({ event }: Args): Partial<AppContext> => (event.type === 'SET_TIMING' ? { timing: event.timing } : {}),
  armGrace: ({ context }: Args): Partial<AppContext> => ({ graceEndAt: graceEnd(context) }),
  keepWarnings: (): Partial<AppContext> => ({ freshWarnings: false }),
};

const appEmits = {
  openWarnings: ({ context }: Args): AppEmitted => ({ type: 'warningsOpened', appId: context.appId, fresh: context.freshWarnings }),
  closeWarnings: ({ context }: Args): AppEmitted => ({ type: 'warningsClosed', appId: context.appId }),
  emitAutoRenewed: ({ context }: Args): AppEmitted => {
    if (context.lastAutoRenewal === null) throw new Error(`app ${context.appId} was auto-renewed without a renewal`);
    return {
      type: 'autoRenewed',
      appId: context.appId,
      edition: editionOf(context),
      start: context.lastAutoRenewal.start,
      end: proEndOf(context),
      months: context.timing.autoRenew.months,
    };
  },
  notifyAutoRenewFailed: ({ context }: Args): AppEmitted => ({ type: 'autoRenewFailed', appId: context.appId }),
  purgeRecords: ({ context }: Args): AppEmitted => ({ type: 'recordsPurged', appId: context.appId }),
};

/**
 * The app machine's definition, static: coverage and the statechart read it as it is; the
 * simulator runs `appMachineIn(env)`, the same machine with the clock and the balance provided.
 */
export const appMachine = setup({
  types: {
    context: {} as AppContext,
    events: {} as AppEvent,
    input: {} as AppInput,
    emitted: {} as AppEmitted,
  },
  guards: {
    autoRenewOn: appGuards.autoRenewOn,
    /** P5: auto-renew is on and the account's available balance covers it. */
    canAffordAutoRenewal: unprovided,
    /** P5: renewal management scans once a day between expiry and suspension; timed while auto-renew is on. */
    retryBeforeGraceEnd: unprovided,
    /** P5: scans are due, but with auto-renew off they find nothing to do. */
    scansFindNothing: unprovided,
    /** Auto-renew switched on while the scans that found nothing are still going on. */
    scansGoOnSwitchedOn: unprovided,
    autoRenewSwitchedOn: appGuards.autoRenewSwitchedOn,
  },
  delays: { untilPackageEnd: unprovided, untilGraceEnd: unprovided, untilRetentionEnd: unprovided, untilAutoRenewRetry: unprovided },
  actions: {
    recordCause: assign(appAssignments.recordCause),
    startPeriod: assign(appAssignments.startPeriod),
    extendPeriod: assign(appAssignments.extendPeriod),
    /** An upgrade: the new edition's period replaces the current one from now on. */
    startUpgrade: assign(appAssignments.startUpgrade),
    setAutoRenew: assign(appAssignments.setAutoRenew),
    setTiming: assign(appAssignments.setTiming),
    /** X5: retention counts from the suspension, under the terms of that moment. */
    markSuspended: assign(unprovided),
    /** X2: the package ended without a renewal; grace runs under the terms of that moment. */
    armGrace: assign(appAssignments.armGrace),
    openWarnings: emit(appEmits.openWarnings),
    keepWarnings: assign(appAssignments.keepWarnings),
    closeWarnings: emit(appEmits.closeWarnings),
    /** P5 and P4: one period bought from the end instant (in grace, per `renewal.inGraceFrom`). */
    renewAutomatically: assign(unprovided),
    emitAutoRenewed: emit(appEmits.emitAutoRenewed),
    notifyAutoRenewFailed: emit(appEmits.notifyAutoRenewFailed),
    markRetried: assign(unprovided),
    startScansOff: assign(unprovided),
    /** A change of the knob is read by the scans that come after it (a policy change at an instant comes after its timers). */
    noteScanKnob: assign(unprovided),
    /** The scans made while auto-renew was off count as made. */
    catchUpScans: assign(unprovided),
    /** X4: at the end of grace the pro purchase records leave the history bills. */
    purgeRecords: emit(appEmits.purgeRecords),
  },
}).createMachine({
  id: 'app',
  context: appContext,
  initial: 'trial',
  on: { SET_AUTO_RENEW: { actions: 'setAutoRenew' }, SET_TIMING: { actions: 'setTiming' } },
  states: {
    trial: {
      on: {
        PRO_PERIOD: { target: 'active', actions: 'startPeriod' },
        ARREARS_SUSPEND: { target: 'suspended.arrears.trial', actions: ['markSuspended', cause('arrears')] },
      },
    },
    active: {
      initial: 'warnings',
      states: { warnings: expiryWarnings },
      after: {
        untilPackageEnd: [
          { guard: 'canAffordAutoRenewal', target: 'active', reenter: true, actions: ['renewAutomatically', 'emitAutoRenewed'] },
          { guard: 'autoRenewOn', target: 'expiredGrace', actions: [cause('expiry'), 'armGrace', 'notifyAutoRenewFailed'] },
          { target: 'expiredGrace', actions: [cause('expiry'), 'armGrace'] },
        ],
      },
      on: {
        PRO_PERIOD: { target: 'active', reenter: true, actions: 'extendPeriod' },
        UPGRADE: { target: 'active', reenter: true, actions: 'startUpgrade' },
        REFUND_PRO: { target: 'suspended.lapsed', actions: ['markSuspended', cause('refund')] },
        ARREARS_SUSPEND: { target: 'suspended.arrears.active', actions: ['markSuspended', cause('arrears')] },
      },
    },
    expiredGrace: {
      type: 'parallel',
      states: {
        warnings: expiryWarnings,
        autoRenewal: {
          initial: 'checking',
          states: {
            checking: {
              always: [
                { guard: 'retryBeforeGraceEnd', target: 'waiting' },
                { guard: 'scansFindNothing', target: 'off', actions: 'startScansOff' },
                { target: 'done' },
              ],
            },
            off: {
              on: {
                SET_AUTO_RENEW: [
                  { guard: 'scansGoOnSwitchedOn', target: 'waiting', actions: ['catchUpScans', 'setAutoRenew'] },
                  { guard: 'autoRenewSwitchedOn', target: 'done', actions: 'setAutoRenew' },
                ],
                SET_TIMING: { actions: ['setTiming', 'noteScanKnob'] },
              },
            },
            waiting: {
              after: {
                untilAutoRenewRetry: [
                  {
                    guard: 'canAffordAutoRenewal',
                    target: '#app.active',
                    actions: [cause('autoRenewal'), 'renewAutomatically', 'emitAutoRenewed'],
                  },
                  { guard: 'autoRenewOn', target: 'checking', actions: ['markRetried', 'notifyAutoRenewFailed'] },
                  { target: 'checking', actions: 'markRetried' },
                ],
              },
            },
            done: {},
          },
        },
      },
      after: {
        untilGraceEnd: { target: 'suspended.lapsed', actions: ['markSuspended', cause('graceOver'), 'purgeRecords'] },
      },
      on: {
        PRO_PERIOD: { target: 'active', actions: 'extendPeriod' },
        ARREARS_SUSPEND: { target: 'suspended.arrears.expiredGrace', actions: ['markSuspended', cause('arrears')] },
      },
    },
    suspended: {
      initial: 'lapsed',
      after: { untilRetentionEnd: { target: 'reclaimed', actions: cause('retentionOver') } },
      states: {
        lapsed: { on: { PRO_PERIOD: { target: '#app.active', actions: 'startPeriod' } } },
        arrears: {
          initial: 'trial',
          states: {
            trial: { on: { ARREARS_CLEARED: { target: '#app.trial', actions: cause('arrearsCleared') } } },
            active: {
              after: { untilPackageEnd: { target: 'expiredGrace', actions: 'armGrace' } },
              on: {
                ARREARS_CLEARED: { target: '#app.active', actions: cause('arrearsCleared') },
                REFUND_PRO: 'lapsed',
              },
            },
            expiredGrace: {
              after: { untilGraceEnd: { target: 'lapsed', actions: 'purgeRecords' } },
              on: { ARREARS_CLEARED: { target: '#app.expiredGrace', actions: cause('arrearsCleared') } },
            },
            lapsed: { on: { ARREARS_CLEARED: '#app.suspended.lapsed' } },
          },
        },
      },
    },
    reclaimed: { type: 'final' },
  },
});

/** Every implementation of the app machine, on the simulator's clock and asking the account whether it can pay an auto-renewal. */
export function appPartsIn(env: AppMachineEnv) {
  const untilInstant = (instant: number) => Math.max(0, instant - env.now());
  return {
    context: appContext,
    copy: copyAppContext,
    guards: {
      ...appGuards,
      canAffordAutoRenewal: ({ context }: Args) => context.autoRenew && env.canAffordAutoRenewal(context.appId, context.timing.autoRenew.months),
      retryBeforeGraceEnd: ({ context }: Args) => context.autoRenew && scansDue(context, env.now()),
      scansFindNothing: ({ context }: Args) => !context.autoRenew && scansDue(context, env.now()),
      scansGoOnSwitchedOn: ({ context, event }: Args) => event.type === 'SET_AUTO_RENEW' && event.on && scansMadeOff(context, env.now()).goingOn,
    },
    delays: {
      untilPackageEnd: ({ context }: Args) => untilInstant(proEndOf(context)),
      untilGraceEnd: ({ context }: Args) => untilInstant(armedAt(context, 'graceEndAt')),
      untilRetentionEnd: ({ context }: Args) => untilInstant(armedAt(context, 'retentionEndAt')),
      untilAutoRenewRetry: ({ context }: Args) => untilInstant(nextRetry(context, env.now())),
    },
    assignments: {
      ...appAssignments,
      markSuspended: ({ context }: Args): Partial<AppContext> => ({
        suspendedAt: env.now(),
        retentionEndAt: retentionEndsAt(env.now(), context.timing.lifecycle.retention.days, context.timing.zone),
      }),
      renewAutomatically: ({ context }: Args): Partial<AppContext> => {
        const end = proEndOf(context);
        const fromNow = end < env.now() && context.timing.renewal.inGraceFrom === 'renewalTime';
        const start = fromNow ? env.now() : end;
        const renewed = proValidityEnd(start, context.timing.autoRenew.months, validityOf(context), context.timing.zone);
        return { proEnd: renewed, lastAutoRenewal: { start, end: renewed }, freshWarnings: true };
      },
      markRetried: (): Partial<AppContext> => ({ lastRetryAt: env.now() }),
      startScansOff: ({ context }: Args): Partial<AppContext> => ({ scansOff: { first: nextRetry(context, env.now()), knob: [] } }),
      noteScanKnob: ({ context, event }: Args): Partial<AppContext> => {
        if (event.type !== 'SET_TIMING' || context.scansOff === null) return {};
        return { scansOff: { ...context.scansOff, knob: [...context.scansOff.knob, { at: env.now(), on: event.timing.autoRenew.retryDailyInGrace }] } };
      },
      catchUpScans: ({ context }: Args): Partial<AppContext> => ({ lastRetryAt: scansMadeOff(context, env.now()).last ?? context.lastRetryAt, scansOff: null }),
    },
    emits: appEmits,
  } satisfies MachineParts<AppContext, AppEvent, AppEmitted>;
}

/** The app machine on the simulator's clock, asking the account whether it can pay an auto-renewal. */
export function appMachineIn(env: AppMachineEnv) {
  return providedWith(appMachine, appPartsIn(env));
}

export type AppMachine = ReturnType<typeof appMachineIn>;
