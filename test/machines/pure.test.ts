/**
 * The machines are static definitions; the simulator provides their environment (the clock, the
 * account's balance) with .provide(). So XState's pure transition() steps them in a test.
 */
import { initialTransition, transition } from 'xstate';
import { describe, expect, it } from 'vitest';
import { appMachine, appMachineIn } from '../../src/machines/app.machine.ts';
import { appTiming } from '../../src/machines/appTiming.ts';
import { loadPolicy } from '../../src/policy/load.ts';
import { at, zone } from './harness.ts';

const input = { appId: '1400000001', accountId: 'acme', timing: appTiming(loadPolicy('tencent-im-2019'), zone) };

describe('the app machine, stepped by pure transition()', () => {
  it('P1: a purchase takes it from trial to active, and arms the end of the period as a delayed event', () => {
    const machine = appMachineIn({ now: () => at('2020-03-09T10:00'), canAffordAutoRenewal: () => false });
    const [trial] = initialTransition(machine, input);
    expect(trial.value).toBe('trial');
    const [active, actions] = transition(machine, trial, { type: 'PRO_PERIOD', start: at('2020-03-09T10:00'), end: at('2020-04-08T10:00'), edition: 'pro', cause: 'purchase' });
    expect(active.value).toEqual({ active: 'warnings' });
    expect(active.context).toMatchObject({ edition: 'pro', proEnd: at('2020-04-08T10:00'), cause: 'purchase' });
    const delays = actions.filter((action) => action.type === 'xstate.raise').map((action) => (action.params as { delay?: number }).delay);
    expect(delays).toContain(at('2020-04-08T10:00') - at('2020-03-09T10:00'));
  });

  it('the definition alone says what it needs when a timer is armed without the environment', () => {
    const [trial] = initialTransition(appMachine, input);
    expect(() => transition(appMachine, trial, { type: 'PRO_PERIOD', start: 0, end: 1, edition: 'pro', cause: 'purchase' })).toThrow(/appMachineIn\(env\)/);
  });
});
