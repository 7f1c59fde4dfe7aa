import { describe, expect, it } from 'vitest';
import { accountHarness, at } from './harness.ts';

describe('the account machine', () => {
  it('P8: pays an order the balance covers and ignores one it does not', () => {
    const account = accountHarness({ start: '2020-03-01', cash: '1000' });
    account.actor.send({ type: 'PAY', amount: '999' });
    account.actor.send({ type: 'PAY', amount: '999' });
    expect(account.actor.getSnapshot().context.balance.cash).toBe('1');
  });

  it('A2: a bill larger than the balance takes everything and leaves the rest as debt', () => {
    const account = accountHarness({ start: '2020-04-03', cash: '3' });
    account.actor.send({ type: 'CHARGE_BILL', amount: '10000', pushedAt: at('2020-04-03') });
    expect(account.actor.getSnapshot().matches({ owing: 'inArrears' })).toBe(true);
    expect(account.actor.getSnapshot().context).toMatchObject({ debt: '9997', balance: { cash: '0' } });
    expect(account.emitted.map((event) => event.type)).toEqual(['arrearsStarted']);
  });

  it('A3: still in arrears 7 days after the push, counting the push day, the account is suspended', () => {
    const account = accountHarness({ start: '2020-04-03', cash: '0' });
    account.actor.send({ type: 'CHARGE_BILL', amount: '10', pushedAt: at('2020-04-03') });
    account.runUntil('2020-04-10T00:00:00');
    expect(account.actor.getSnapshot().matches({ owing: 'inArrears' })).toBe(true);
    account.runUntil('2020-04-10T00:00:01');
    expect(account.actor.getSnapshot().matches({ owing: 'suspended' })).toBe(true);
    expect(account.emitted.at(-1)).toEqual({ type: 'accountSuspended', at: at('2020-04-10') });
  });

  it('A4: a top-up that pays the whole debt ends arrears at once; one that does not only lowers it', () => {
    const account = accountHarness({ start: '2020-04-03', cash: '0' });
    account.actor.send({ type: 'CHARGE_BILL', amount: '100', pushedAt: at('2020-04-03') });
    account.actor.send({ type: 'RECEIVE', parts: { cash: '40', income: '0', gift: '0' } });
    expect(account.actor.getSnapshot().matches({ owing: 'inArrears' })).toBe(true);
    expect(account.actor.getSnapshot().context.debt).toBe('60');
    account.actor.send({ type: 'RECEIVE', parts: { cash: '100', income: '0', gift: '0' } });
    expect(account.actor.getSnapshot().matches('inGoodStanding')).toBe(true);
    expect(account.actor.getSnapshot().context).toMatchObject({ debt: '0', balance: { cash: '40' } });
    expect(account.emitted.at(-1)?.type).toBe('arrearsCleared');
  });

  it('A5: an account in arrears pays for nothing', () => {
    const account = accountHarness({ start: '2020-04-03', cash: '0' });
    account.actor.send({ type: 'CHARGE_BILL', amount: '100', pushedAt: at('2020-04-03') });
    account.actor.send({ type: 'RECEIVE', parts: { cash: '50', income: '0', gift: '0' } });
    account.actor.send({ type: 'PAY', amount: '1' });
    expect(account.actor.getSnapshot().context.debt).toBe('50');
  });
});
