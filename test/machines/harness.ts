/** Runs one app or account machine on a virtual clock, as the simulator does, for unit tests. */
import { createActor } from 'xstate';
import { zoneNamed, parseLocalTime, type Zone } from '../../src/domain/calendar.ts';
import { accountMachineIn } from '../../src/machines/account.machine.ts';
import { type AppEmitted, appMachineIn } from '../../src/machines/app.machine.ts';
import { appTiming } from '../../src/machines/appTiming.ts';
import { loadPolicy } from '../../src/policy/load.ts';
import type { Policy } from '../../src/policy/schema.ts';
import { VirtualClock } from '../../src/sim/virtualClock.ts';

export const zone = zoneNamed('Asia/Shanghai') as Zone;
export const at = (text: string): number => parseLocalTime(text, zone) as number;

export function appHarness(options: { start: string; policy?: Policy; funds?: () => boolean }) {
  const clock = new VirtualClock(at(options.start));
  const policy = options.policy ?? loadPolicy('tencent-im-2019');
  const machine = appMachineIn({ now: () => clock.now(), canAffordAutoRenewal: options.funds ?? (() => false) });
  const actor = createActor(machine, {
    clock: clock.timersFor(1),
    input: { appId: 'app', accountId: 'acme', timing: appTiming(policy, zone) },
  });
  const emitted: (AppEmitted & { at: number })[] = [];
  actor.on('*', (event) => emitted.push({ ...event, at: clock.now() }));
  actor.start();
  const state = () => {
    const value = actor.getSnapshot().value;
    return typeof value === 'string' ? value : Object.keys(value)[0];
  };
  return {
    clock,
    actor,
    emitted,
    state,
    runUntil: (text: string) => clock.runUntil(at(text)),
    buyPro: (start: string, end: string) => actor.send({ type: 'PRO_PERIOD', start: at(start), end: at(end), edition: 'pro', cause: 'purchase' }),
  };
}

export function accountHarness(options: { start: string; cash: string }) {
  const clock = new VirtualClock(at(options.start));
  const actor = createActor(accountMachineIn({ now: () => clock.now() }), {
    clock: clock.timersFor(1),
    input: {
      accountId: 'acme',
      balance: { cash: options.cash, income: '0', gift: '0' },
      payOrder: ['gift', 'income', 'cash'],
      suspendAfterDays: 7,
      zone,
    },
  });
  const emitted: { type: string; at: number }[] = [];
  actor.on('*', (event) => emitted.push({ type: event.type, at: clock.now() }));
  actor.start();
  return { clock, actor, emitted, runUntil: (text: string) => clock.runUntil(at(text)) };
}
