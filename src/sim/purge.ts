/**
 * X4 under `lifecycle.purgeOnRenewalInGrace`: an app renewed in grace still loses the purchase
 * records of the lapsed period at the end of that grace, as one that was not renewed does (its
 * machine purges those when grace runs out). A job at timer priority, after the app's own timers
 * and before its expiry warning at that instant.
 */
import type { AppRuntime, World } from './runtime.ts';
import { Priority } from './virtualClock.ts';

const PURGE_AFTER_TIMERS = 0.25;

export function purgeAfterRenewalInGrace(world: World, app: AppRuntime): void {
  const { graceEndAt } = app.actor.context;
  if (!world.policy.lifecycle.purgeOnRenewalInGrace || graceEndAt === null) return;
  world.clock.schedule(graceEndAt, Priority.timer, { kind: 'purgeRecords', app: app.id }, app.rank + PURGE_AFTER_TIMERS);
}

export function purgeRecords(world: World, app: AppRuntime): void {
  world.recorder.event('recordsPurged', { app: app.id, account: app.account.id, detail: 'renewed in grace' });
}
