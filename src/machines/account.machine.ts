/**
 * One Tencent Cloud account: its balance in three parts (A1), its debt and arrears (A2),
 * account-wide suspension (A3) and restore when the debt is paid (A4).
 *
 * Amounts in context are decimal strings. Purchases are checked by the simulator before it
 * sends `PAY` (P8, A5); a bill is charged whatever the balance, and what it cannot cover is debt.
 */
import { assign, emit, setup } from 'xstate';
import { addAmounts, covers, drawFromBalance, type Parts, receive } from '../domain/balance.ts';
import type { Zone } from '../domain/calendar.ts';
import { arrearsDeadline } from '../domain/schedule.ts';
import type { BalancePart } from '../domain/vocabulary.ts';
import { type Args as PartArgs, type MachineParts, providedWith } from './parts.ts';
import { unprovided as unprovidedBy } from './unprovided.ts';

export interface AccountMachineEnv {
  now(): number;
}

export interface AccountInput {
  accountId: string;
  balance: Parts;
  payOrder: BalancePart[];
  suspendAfterDays: number;
  zone: Zone;
}

export interface AccountContext extends AccountInput {
  debt: string;
  /** Push instant of the oldest bill still unpaid (A3 counts from it). */
  arrearsSince: number | null;
  /** A3: when the account is suspended if still in arrears, fixed when arrears begin (a later change of the knob leaves it). */
  arrearsDeadlineAt: number | null;
  /** When the whole account was suspended (A3), while it is. */
  suspendedSince: number | null;
}

export type AccountEvent =
  | { type: 'PAY'; amount: string }
  /** The policy's knobs changed: the pay order and the A3 deadline of arrears that begin from now on. */
  | { type: 'SET_TERMS'; payOrder: BalancePart[]; suspendAfterDays: number }
  | { type: 'RECEIVE'; parts: Parts }
  | { type: 'CHARGE_BILL'; amount: string; pushedAt: number };

export type AccountEmitted =
  | { type: 'arrearsStarted'; accountId: string }
  | { type: 'accountSuspended'; accountId: string }
  | { type: 'arrearsCleared'; accountId: string; wasSuspended: boolean };

type Args = PartArgs<AccountContext, AccountEvent>;

function chargeOf(event: AccountEvent): string {
  return event.type === 'PAY' || event.type === 'CHARGE_BILL' ? event.amount : '0';
}

/** The clock, which `accountMachineIn` provides. */
const unprovided = unprovidedBy('accountMachineIn');

/** A new account's context: its balance as given, no debt. Written whole, not spread from the input (domain/calendar.ts, `atSecondOfDay`). */
const accountContext = ({ input }: { input: AccountInput }): AccountContext => ({
  accountId: input.accountId,
  balance: input.balance,
  payOrder: input.payOrder,
  suspendAfterDays: input.suspendAfterDays,
  zone: input.zone,
  debt: '0',
  arrearsSince: null,
  arrearsDeadlineAt: null,
  suspendedSince: null,
});

/** A context's copy, field by field in `accountContext`'s order (parts.ts, `copy`). */
const copyAccountContext = (c: AccountContext): AccountContext => ({
  accountId: c.accountId,
  balance: c.balance,
  payOrder: c.payOrder,
  suspendAfterDays: c.suspendAfterDays,
  zone: c.zone,
  debt: c.debt,
  arrearsSince: c.arrearsSince,
  arrearsDeadlineAt: c.arrearsDeadlineAt,
  suspendedSince: c.suspendedSince,
});

const accountGuards = {
  /** P8: the available balance covers the amount. */
  balanceCovers: ({ context, event }: Args) => covers(context.balance, chargeOf(event)),
  /** A4: money received now pays the whole debt. */
  clearsDebt: ({ context, event }: Args) => event.type === 'RECEIVE' && covers(event.parts, context.debt),
};

const accountAssignments = {
  /** A1: gift first, then income, then cash (knob `balance.payOrder`). */
  draw: ({ context, event }: Args): Partial<AccountContext> => {
    const draw = drawFromBalance(context.balance, chargeOf(event), context.payOrder);
    return { balance: draw.balance, debt: addAmounts(context.debt, draw.shortfall) };
  },
  /** A2: the bill takes everything there is; the rest is debt, counted from the push. */
  startArrears: ({ context, event }: Args): Partial<AccountContext> => {
    const since = context.arrearsSince ?? (event.type === 'CHARGE_BILL' ? event.pushedAt : null);
    if (since === null) throw new Error(`account ${context.accountId} fell into arrears without a bill`);
    return { arrearsSince: since, arrearsDeadlineAt: arrearsDeadline(since, context.suspendAfterDays, context.zone) };
  },
  /** A4: money that arrives while in debt pays the debt first. */
  receive: ({ context, event }: Args): Partial<AccountContext> =>
    event.type === 'RECEIVE' ? receive(context.balance, context.debt, event.parts, context.payOrder) : {},
  setTerms: ({ event }: Args): Partial<AccountContext> =>
    event.type === 'SET_TERMS' ? { payOrder: event.payOrder, suspendAfterDays: event.suspendAfterDays } : {},
  endArrears: (): Partial<AccountContext> => ({ arrearsSince: null, arrearsDeadlineAt: null, suspendedSince: null }),
};

const accountEmits = {
  notifyArrearsStarted: ({ context }: Args): AccountEmitted => ({ type: 'arrearsStarted', accountId: context.accountId }),
  notifyAccountSuspended: ({ context }: Args): AccountEmitted => ({ type: 'accountSuspended', accountId: context.accountId }),
  notifyArrearsCleared: ({ context }: Args): AccountEmitted => ({
    type: 'arrearsCleared',
    accountId: context.accountId,
    wasSuspended: context.suspendedSince !== null,
  }),
};

/**
 * The account machine's definition, static: coverage and the statechart read it as it is; the
 * simulator runs `accountMachineIn(env)`, the same machine with the clock provided.
 */
export const accountMachine = setup({
  types: {
    context: {} as AccountContext,
    events: {} as AccountEvent,
    input: {} as AccountInput,
    emitted: {} as AccountEmitted,
  },
  guards: accountGuards,
  delays: {
    /** A3: suspended if still in arrears `suspendAfterDays` days after the push, counting the push day. */
    untilArrearsDeadline: unprovided,
  },
  actions: {
    draw: assign(accountAssignments.draw),
    startArrears: assign(accountAssignments.startArrears),
    receive: assign(accountAssignments.receive),
    markSuspended: assign(() => ({ suspendedSince: unprovided() })),
    setTerms: assign(accountAssignments.setTerms),
    endArrears: assign(accountAssignments.endArrears),
    notifyArrearsStarted: emit(accountEmits.notifyArrearsStarted),
    notifyAccountSuspended: emit(accountEmits.notifyAccountSuspended),
    notifyArrearsCleared: emit(accountEmits.notifyArrearsCleared),
  },
}).createMachine({
  id: 'account',
  context: accountContext,
  initial: 'inGoodStanding',
  on: { RECEIVE: { actions: 'receive' }, SET_TERMS: { actions: 'setTerms' } },
  states: {
    inGoodStanding: {
      on: {
        PAY: { guard: 'balanceCovers', actions: 'draw' },
        CHARGE_BILL: [
          { guard: 'balanceCovers', actions: 'draw' },
          { target: 'owing', actions: ['draw', 'startArrears', 'notifyArrearsStarted'] },
        ],
      },
    },
    /** A2: in arrears while the debt lasts; A5: nothing can be bought. */
    owing: {
      initial: 'inArrears',
      on: {
        CHARGE_BILL: { actions: 'draw' },
        RECEIVE: [
          { guard: 'clearsDebt', target: 'inGoodStanding', actions: ['receive', 'notifyArrearsCleared', 'endArrears'] },
          { actions: 'receive' },
        ],
      },
      states: {
        inArrears: {
          after: { untilArrearsDeadline: { target: 'suspended', actions: 'notifyAccountSuspended' } },
        },
        suspended: { entry: 'markSuspended' },
      },
    },
  },
});

/** Every implementation of the account machine, on the simulator's clock: A2's and A3's instants are read from `env.now()`. */
export function accountPartsIn(env: AccountMachineEnv) {
  return {
    context: accountContext,
    copy: copyAccountContext,
    guards: accountGuards,
    delays: {
      untilArrearsDeadline: ({ context }: Args) => {
        // Arrears begin with startArrears, which fixes the deadline; a restored snapshot holds it.
        if (context.arrearsDeadlineAt === null) throw new Error(`account ${context.accountId} is in arrears without a deadline`);
        return Math.max(0, context.arrearsDeadlineAt - env.now());
      },
    },
    assignments: { ...accountAssignments, markSuspended: (): Partial<AccountContext> => ({ suspendedSince: env.now() }) },
    emits: accountEmits,
  } satisfies MachineParts<AccountContext, AccountEvent, AccountEmitted>;
}

/** The account machine on the simulator's clock. */
export function accountMachineIn(env: AccountMachineEnv) {
  return providedWith(accountMachine, accountPartsIn(env));
}

export type AccountMachine = ReturnType<typeof accountMachineIn>;
