/**
 * Which edition an app is on (editions as data): the engine keeps each app's edition timeline
 * beside its machine, as it keeps its state timeline; the machine holds only the edition of the
 * period it would renew.
 */
import { defaultEdition } from '../domain/editions.ts';
import type { AppRuntime, World } from './runtime.ts';

/** The edition in effect at `at`: the last change at or before it (trial before any purchase). */
export function editionAt(app: AppRuntime, at: number): string {
  return app.editions.findLast((entry) => entry.at <= at)?.edition ?? app.editions[0].edition;
}

/** The edition whose last day overlaps the day starting `dayStart`: a change during a day counts for the day. */
export function editionOnDay(app: AppRuntime, dayStart: number, dayEnd: number): string {
  return app.editions.findLast((entry) => entry.at < dayEnd)?.edition ?? editionAt(app, dayStart);
}

/**
 * `edition` from `at` on: what was to follow `at` (a downgrade bought for later, now refunded
 * or credited) is dropped.
 */
export function changeEdition(app: AppRuntime, at: number, edition: string): void {
  const kept = app.editions.filter((entry, index) => index === 0 || entry.at < at);
  if (kept.at(-1)?.edition !== edition) kept.push({ at, edition });
  app.editions = kept;
}

/** Nothing follows `at`: the edition orders after it were refunded. */
export function endEditions(app: AppRuntime, at: number): void {
  app.editions = app.editions.filter((entry, index) => index === 0 || entry.at <= at);
}

/** The edition auto-renewal, a renewal or a customer buys for the app: that of its last period, else the policy's first paid one. */
export function renewedEdition(world: World, app: AppRuntime): string {
  return app.actor.getSnapshot().context.edition ?? defaultEdition(world.policy.editions);
}
