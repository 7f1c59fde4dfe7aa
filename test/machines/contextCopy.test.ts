/**
 * A replayed assignment starts from the machine's own copy of the context (parts.ts, `copy`),
 * written field by field: it must be the context again, every field in its place, as XState's
 * `Object.assign({}, context)` gives it, or a replayed step would differ from XState's.
 */
import { initialTransition, transition } from 'xstate';
import { describe, expect, it } from 'vitest';
import { accountMachineIn, accountPartsIn } from '../../src/machines/account.machine.ts';
import { appMachineIn, appPartsIn } from '../../src/machines/app.machine.ts';
import { appTiming } from '../../src/machines/appTiming.ts';
import { loadPolicy } from '../../src/policy/load.ts';
import { at, zone } from './harness.ts';

function expectSameContext(copy: object, context: object): void {
  expect(copy).not.toBe(context);
  expect(Object.keys(copy)).toEqual(Object.keys(context));
  expect(copy).toEqual(context);
}

/** A context of the same keys with a value of its own in each, so that a copy reading a field from another one shows. */
function distinct<T extends object>(context: T): T {
  return Object.fromEntries(Object.keys(context).map((key, index) => [key, `value ${index}`])) as T;
}

describe("a machine's copy of its context", () => {
  it('is the app context again, field by field in order, after a purchase filled its period', () => {
    const env = { now: () => at('2020-03-09T10:00'), canAffordAutoRenewal: () => false };
    const machine = appMachineIn(env);
    const [trial] = initialTransition(machine, { appId: '1400000001', accountId: 'acme', timing: appTiming(loadPolicy('tencent-im-2019'), zone) });
    const [active] = transition(machine, trial, { type: 'PRO_PERIOD', start: at('2020-03-09T10:00'), end: at('2020-04-08T10:00'), edition: 'pro', cause: 'purchase' });
    expect(active.context.proEnd).toBe(at('2020-04-08T10:00'));
    expectSameContext(appPartsIn(env).copy(active.context), active.context);
    expectSameContext(appPartsIn(env).copy(trial.context), trial.context);
    expectSameContext(appPartsIn(env).copy(distinct(active.context)), distinct(active.context));
  });

  it('is the account context again, field by field in order, once it is in arrears', () => {
    const env = { now: () => at('2020-03-09T10:00') };
    const machine = accountMachineIn(env);
    const input = { accountId: 'acme', balance: { cash: '0', income: '0', gift: '0' }, payOrder: ['gift', 'income', 'cash'] as const, suspendAfterDays: 15, zone };
    const [open] = initialTransition(machine, { ...input, payOrder: [...input.payOrder] });
    const [owing] = transition(machine, open, { type: 'CHARGE_BILL', amount: '12.00', pushedAt: at('2020-03-01T00:00') });
    expect(owing.context.debt).not.toBe('0');
    expectSameContext(accountPartsIn(env).copy(owing.context), owing.context);
    expectSameContext(accountPartsIn(env).copy(distinct(owing.context)), distinct(owing.context));
  });
});
