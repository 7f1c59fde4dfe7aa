/**
 * A change of policy knobs at an instant (`policyChanges`, `compare --from`, `resume --set`): from
 * then on the knobs take their new values for everything decided afterwards (timers not yet
 * armed, bills of months that end later, purchases made later), while periods, orders and timers
 * already in effect keep the terms they were made under: armed timers keep their instants, and
 * each machine receives the new terms for what it arms next.
 */
import { knobList } from '../report/overridesText.ts';
import { appTiming } from '../machines/appTiming.ts';
import { InputError } from '../inputError.ts';
import { applyOverrides, type OverrideSource, unchangeableKnobs } from '../policy/overrides.ts';
import { Subject } from './jobKeys.ts';
import type { World } from './runtime.ts';

/** Throws InputError (each issue under `source`) when a knob may not change or a value is wrong. */
export function changePolicy(world: World, set: Record<string, unknown>, source: OverrideSource = { file: 'policyChanges', locate: () => ({ line: 1, column: 1 }) }): void {
  const fixed = unchangeableKnobs(set);
  if (fixed.length > 0) throw new InputError(fixed.map(({ key, message }) => ({ file: source.file, ...source.locate(key), path: key, message })));
  const policy = applyOverrides(world.policy, set, source);
  world.policy = policy;
  const timing = appTiming(policy, world.zone);
  const keys = world.shard?.keys;
  for (const app of world.apps.values()) {
    keys?.subject(app.rank);
    if (app.state !== 'reclaimed') app.actor.send({ type: 'SET_TIMING', timing });
  }
  for (const account of world.accounts.values()) {
    keys?.subject(Subject.accounts + account.rank);
    account.actor.send({ type: 'SET_TERMS', payOrder: [...policy.balance.payOrder], suspendAfterDays: policy.arrears.suspendAfterDays });
  }
  keys?.subject(Subject.trailer);
  const at = world.recorder.instant(world.clock.now());
  world.changes.push({ at, set });
  world.recorder.event('policyChanged', { detail: knobList(set) });
}
