/**
 * The policy an app machine's timers read: the sections themselves, by reference, not a
 * hand-copied subset, so that a knob added to one of them reaches the machine without a change
 * here. Kept in the machine's context as plain data, so that a snapshot can be persisted and
 * restored.
 */
import type { Zone } from '../domain/calendar.ts';
import type { Policy } from '../policy/schema.ts';

export type AppTiming = Pick<Policy, 'editions' | 'lifecycle' | 'autoRenew' | 'renewal'> & { zone: Zone };

export function appTiming(policy: Policy, zone: Zone): AppTiming {
  return { zone, editions: policy.editions, lifecycle: policy.lifecycle, autoRenew: policy.autoRenew, renewal: policy.renewal };
}
