/**
 * The naive design, for `npm run bench` to measure the engine against: the same app machine on
 * XState's stock `SimulatedClock`, shared by every app and ticked once per app per day (app i's
 * tick at i/N of the day), the day's usage drawn and each month's peak kept at each tick. The
 * pro periods the engine's run bought are replayed at the app's tick of their day, so the
 * machines walk much the same lifecycles (auto-renewal taken as affordable); billing, accounts
 * and behaviour are left out, which only flatters the naive design.
 */
import { createActor, SimulatedClock } from 'xstate';
import { MS_PER_DAY, parseLocalTime } from '../src/domain/calendar.ts';
import { randomStream, streamName } from '../src/domain/randomStream.ts';
import { appMachineIn } from '../src/machines/app.machine.ts';
import { appTiming } from '../src/machines/appTiming.ts';
import type { Scenario } from '../src/scenario/types.ts';
import { policyZone, simulate } from '../src/sim/simulate.ts';

type ProPeriod = { at: number; start: number; end: number; cause: 'purchase' | 'renewal' };

/** The pro periods each app bought in the engine's run (not timed). */
export function proPeriods(scenario: Scenario): Map<string, ProPeriod[]> {
  const zone = policyZone(scenario.policy);
  const periods = new Map<string, ProPeriod[]>();
  for (const order of simulate(scenario).orders) {
    if (order.product !== 'pro' || order.kind === 'autoRenewal') continue;
    const [at, start, end] = [order.at, order.start, order.end].map((text) => parseLocalTime(text, zone) as number);
    const list = periods.get(order.app) ?? [];
    list.push({ at, start, end, cause: order.kind === 'purchase' ? 'purchase' : 'renewal' });
    periods.set(order.app, list);
  }
  return periods;
}

export function naiveRun(scenario: Scenario, periods: Map<string, ProPeriod[]>): number {
  const zone = policyZone(scenario.policy);
  const startAt = parseLocalTime(scenario.start, zone) as number;
  const days = (Date.parse(scenario.end) - Date.parse(scenario.start)) / MS_PER_DAY + 1;
  const timing = appTiming(scenario.policy, zone);
  const clock = new SimulatedClock();
  clock.set(startAt);
  const machine = appMachineIn({ now: () => clock.now(), canAffordAutoRenewal: () => true });
  const apps = scenario.accounts.flatMap((account) =>
    account.apps.map((app) => ({
      actor: createActor(machine, { clock, input: { appId: app.id, accountId: account.id, timing } }).start(),
      streams: Object.keys(app.usage).map((key) => randomStream(streamName(scenario.seed, app.id, key, 'root'))),
      pending: [...(periods.get(app.id) ?? [])],
      peak: 0,
    })),
  );
  const slot = MS_PER_DAY / apps.length;
  let checksum = 0;
  for (let day = 0; day < days; day += 1) {
    const dayStart = startAt + day * MS_PER_DAY;
    apps.forEach((app, index) => {
      clock.set(Math.max(clock.now(), Math.floor(dayStart + index * slot)));
      while (app.pending.length > 0 && app.pending[0].at < dayStart + MS_PER_DAY) {
        const { start, end, cause } = app.pending.shift() as ProPeriod;
        app.actor.send({ type: 'PRO_PERIOD', start, end, edition: 'pro', cause });
      }
      for (const stream of app.streams) app.peak = Math.max(app.peak, stream.uniform());
      if (day % 30 === 29) [checksum, app.peak] = [checksum + app.peak, 0];
    });
  }
  for (const app of apps) app.actor.stop();
  return checksum;
}
