/**
 * X1: the daily expiry warnings, sent by the engine while an app machine holds its warnings
 * window open (its `warnings` states, in active and in grace). The machine opens and closes the
 * window; each warning is a job on the heap at timer priority, armed when the window opens and
 * again when the warning before it is sent, without a machine event each. At one instant it
 * comes after the app's own timers and before the next actor's (rank + 0.5): a fixed order, not
 * one that depends on which was armed first, so a paused and resumed run (whose timers are
 * armed anew) plays them as an uninterrupted one. A job of a window since closed is stale: its
 * generation is behind the app's.
 */
import { nextExpiryWarning } from '../domain/schedule.ts';
import type { EngineJob } from './jobs.ts';
import type { AppRuntime, World } from './runtime.ts';
import { Priority } from './virtualClock.ts';

type WarningJob = Extract<EngineJob, { kind: 'expiryWarning' }>;

/** Between the rank of the app's timers and the next actor's. */
const WARNING_AFTER_TIMERS = 0.5;

export function openWarnings(world: World, app: AppRuntime, fresh: boolean): void {
  app.warnings.generation += 1;
  if (fresh) app.warnings.last = null;
  armNextWarning(world, app);
}

export function closeWarnings(app: AppRuntime): void {
  app.warnings.generation += 1;
}

/** The warning of a job, unless its window has closed since. The job, done, is the next one's: the same app and window. */
export function sendWarning(world: World, app: AppRuntime, job: WarningJob): void {
  if (job.generation !== app.warnings.generation) return;
  app.warnings.last = world.clock.now();
  world.recorder.notify('expiryWarning', app.account.id, app.id);
  armNextWarning(world, app, job);
}

/** The next warning after the last one sent, under the app's terms now (its machine's timing): `job` again if its window is still the app's, else a new job. */
function armNextWarning(world: World, app: AppRuntime, job?: WarningJob): void {
  const { proEnd, timing } = app.actor.context;
  if (proEnd === null) throw new Error(`app ${app.id} opened its warnings without a pro period`);
  const at = nextExpiryWarning(proEnd, timing.lifecycle.expiryWarnings, timing.zone, world.clock.now(), app.warnings.last);
  if (at === undefined) return;
  const { generation } = app.warnings;
  const next = job?.generation === generation ? job : { kind: 'expiryWarning' as const, app: app.id, generation };
  world.clock.schedule(at, Priority.timer, next, app.rank + WARNING_AFTER_TIMERS);
}
