import { describe, expect, it } from 'vitest';
import { appHarness, at } from './harness.ts';

describe('the app machine', () => {
  it('starts in trial and becomes active on a pro purchase, recording the cause', () => {
    const app = appHarness({ start: '2020-03-01' });
    expect(app.state()).toBe('trial');
    app.buyPro('2020-03-09T10:10:52', '2020-04-08T10:10:52');
    expect(app.state()).toBe('active');
    expect(app.actor.getSnapshot().context.cause).toBe('purchase');
  });

  it('X2: expires at the end instant and is suspended at 00:00 after 7 grace days not counting the end day', () => {
    const app = appHarness({ start: '2020-03-09T10:10:52' });
    app.buyPro('2020-03-09T10:10:52', '2020-04-08T10:10:52');
    app.runUntil('2020-04-08T10:10:52');
    expect(app.state()).toBe('active');
    app.runUntil('2020-04-08T10:10:53');
    expect(app.state()).toBe('expiredGrace');
    expect(app.actor.getSnapshot().context.cause).toBe('expiry');
    app.runUntil('2020-04-16T00:00:01');
    expect(app.state()).toBe('suspended');
    expect(app.actor.getSnapshot().context.cause).toBe('graceOver');
  });

  it('X4: purges the purchase records when grace ends', () => {
    const app = appHarness({ start: '2020-03-09' });
    app.buyPro('2020-03-09', '2020-04-08');
    app.runUntil('2020-05-01');
    expect(app.emitted.filter((event) => event.type === 'recordsPurged').map((event) => event.at)).toEqual([at('2020-04-16')]);
  });

  it('X5: reclaims a suspended app 90 days counting the suspension day, for good', () => {
    const app = appHarness({ start: '2020-03-09' });
    app.buyPro('2020-03-09T10:10:52', '2020-04-08T10:10:52');
    app.runUntil('2020-07-15T00:00:00');
    expect(app.state()).toBe('suspended');
    app.runUntil('2020-07-15T00:00:01');
    expect(app.state()).toBe('reclaimed');
    expect(app.actor.getSnapshot().status).toBe('done');
  });

  it('X1: holds the expiry warnings open while active and in grace, afresh for a new period', () => {
    const app = appHarness({ start: '2020-03-09' });
    app.buyPro('2020-03-09T10:10:52', '2020-04-08T10:10:52');
    app.runUntil('2020-05-01');
    const windows = app.emitted.filter((event) => event.type.startsWith('warnings')).map((event) => [event.type, event.at, 'fresh' in event ? event.fresh : '']);
    expect(windows).toEqual([
      ['warningsOpened', at('2020-03-09'), true],
      ['warningsClosed', at('2020-04-08T10:10:52'), ''],
      ['warningsOpened', at('2020-04-08T10:10:52'), false],
      ['warningsClosed', at('2020-04-16T00:00'), ''],
    ]);
  });

  it('P4: a renewal while active reopens the warnings for the same period, not afresh', () => {
    const app = appHarness({ start: '2020-03-09' });
    app.buyPro('2020-03-09T10:10:52', '2020-04-08T10:10:52');
    app.runUntil('2020-04-01');
    app.actor.send({ type: 'PRO_PERIOD', start: at('2020-04-08T10:10:52'), end: at('2020-05-07T10:10:52'), edition: 'pro', cause: 'renewal' });
    const opened = app.emitted.filter((event) => event.type === 'warningsOpened');
    expect(opened.map((event) => [event.at, 'fresh' in event && event.fresh])).toEqual([
      [at('2020-03-09'), true],
      [at('2020-04-01'), false],
    ]);
    expect(app.state()).toBe('active');
  });

  it('P5: auto-renews at the end instant when the account can pay, staying active', () => {
    const app = appHarness({ start: '2020-03-09', funds: () => true });
    app.buyPro('2020-03-09T10:10:52', '2020-04-08T10:10:52');
    app.actor.send({ type: 'SET_AUTO_RENEW', on: true });
    app.runUntil('2020-04-09');
    expect(app.state()).toBe('active');
    const renewed = app.emitted.find((event) => event.type === 'autoRenewed');
    expect(renewed).toMatchObject({ start: at('2020-04-08T10:10:52'), end: at('2020-05-07T10:10:52'), months: 1 });
  });

  it('P5: retries once a day in grace and renews from the old end once the account can pay', () => {
    let canPay = false;
    const app = appHarness({ start: '2020-03-09', funds: () => canPay });
    app.buyPro('2020-03-09T10:10:52', '2020-04-08T10:10:52');
    app.actor.send({ type: 'SET_AUTO_RENEW', on: true });
    app.runUntil('2020-04-11T12:00');
    expect(app.state()).toBe('expiredGrace');
    expect(app.emitted.filter((event) => event.type === 'autoRenewFailed').map((event) => event.at)).toEqual([
      at('2020-04-08T10:10:52'),
      at('2020-04-09T10:10:52'),
      at('2020-04-10T10:10:52'),
      at('2020-04-11T10:10:52'),
    ]);
    canPay = true;
    app.runUntil('2020-04-12T12:00');
    expect(app.state()).toBe('active');
    expect(app.actor.getSnapshot().context).toMatchObject({ cause: 'autoRenewal', proEnd: at('2020-05-07T10:10:52') });
  });

  it('P5: never renews a suspended app', () => {
    const app = appHarness({ start: '2020-03-09', funds: () => false });
    app.buyPro('2020-03-09', '2020-04-08');
    app.actor.send({ type: 'SET_AUTO_RENEW', on: true });
    app.runUntil('2020-04-20');
    expect(app.state()).toBe('suspended');
    const failures = app.emitted.filter((event) => event.type === 'autoRenewFailed').length;
    app.runUntil('2020-05-20');
    expect(app.emitted.filter((event) => event.type === 'autoRenewFailed')).toHaveLength(failures);
  });

  it('R3: refunding pro suspends the app at once', () => {
    const app = appHarness({ start: '2020-03-09' });
    app.buyPro('2020-03-09', '2020-06-08');
    app.actor.send({ type: 'REFUND_PRO' });
    expect(app.state()).toBe('suspended');
    expect(app.actor.getSnapshot().context.cause).toBe('refund');
  });

  it('A3, A4: arrears suspend an active app whose clocks keep running; cleared before grace ends it is back in grace', () => {
    const app = appHarness({ start: '2020-03-09' });
    app.buyPro('2020-03-09T10:10:52', '2020-04-08T10:10:52');
    app.runUntil('2020-04-03');
    app.actor.send({ type: 'ARREARS_SUSPEND' });
    expect(app.state()).toBe('suspended');
    app.runUntil('2020-04-12');
    app.actor.send({ type: 'ARREARS_CLEARED' });
    expect(app.state()).toBe('expiredGrace');
    expect(app.actor.getSnapshot().context.cause).toBe('arrearsCleared');
  });

  it('A4, X5: cleared after its grace ended it stays suspended, and retention counts from the arrears suspension', () => {
    const app = appHarness({ start: '2020-03-09' });
    app.buyPro('2020-03-09T10:10:52', '2020-04-08T10:10:52');
    app.runUntil('2020-04-10');
    app.actor.send({ type: 'ARREARS_SUSPEND' });
    app.runUntil('2020-05-01');
    app.actor.send({ type: 'ARREARS_CLEARED' });
    expect(app.state()).toBe('suspended');
    app.runUntil('2020-07-09T00:00:01');
    expect(app.state()).toBe('reclaimed');
  });

  it('A3: arrears suspend a trial app too, and clearing them returns it to trial', () => {
    const app = appHarness({ start: '2020-03-01' });
    app.actor.send({ type: 'ARREARS_SUSPEND' });
    expect(app.state()).toBe('suspended');
    app.actor.send({ type: 'ARREARS_CLEARED' });
    expect(app.state()).toBe('trial');
  });

  it('P4: buying pro after a suspension starts a new period and leaves the suspension', () => {
    const app = appHarness({ start: '2020-03-09' });
    app.buyPro('2020-03-09', '2020-04-08');
    app.runUntil('2020-05-01');
    expect(app.state()).toBe('suspended');
    app.buyPro('2020-05-01', '2020-05-31');
    expect(app.state()).toBe('active');
    expect(app.actor.getSnapshot().context.proStart).toBe(at('2020-05-01'));
  });
});
