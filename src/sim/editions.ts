/**
 * Which edition an app is on (editions as data): the engine keeps each app's edition timeline
 * beside its machine, as it keeps its state timeline; the machine holds only the edition of the
 * period it would renew.
 */
import { defaultEdition } from '../domain/editions.ts';
import type { AppRuntime, World } from './runtime.ts';

/** The edition in effect at `at`: the last change at or before it (trial before any purchase). */
export function editionAt(app: AppRuntime, at: number): string {
  return lastEditionBefore(app, at, true) ?? app.editions[0].edition;
}

/** The edition of the last change before `until` (or at it, when `inclusive`), if any: a plain loop, as this runs for every paid day of every app. */
function lastEditionBefore(app: AppRuntime, until: number, inclusive: boolean): string | undefined {
  const { editions } = app;
  for (let index = editions.length - 1; index >= 0; index -= 1) {
    if (editions[index].at < until || (inclusive && editions[index].at === until)) return editions[index].edition;
  }
  return undefined;
}

/** The edition whose last day overlaps the day starting `dayStart`: a change during a day counts for the day. */
export function editionOnDay(app: AppRuntime, dayStart: number, dayEnd: number): string {
  return lastEditionBefore(app, dayEnd, false) ?? editionAt(app, dayStart);
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
  return app.actor.context.edition ?? defaultEdition(world.policy.editions);
}
