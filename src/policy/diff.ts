/**
 * What differs between two policies, knob by knob: every dotted path whose value is not the
 * same (a list, such as `balance.payOrder` or `promotions`, is one value), in the order of the
 * first policy's fields, then the second's new ones. `imsim policy diff`, the report's
 * `policy.overrides` and compare's `--from` read it.
 */
import { isRecord } from '../input/plainData.ts';
import type { Policy } from './schema.ts';

/** A knob whose value differs between two policies: its dotted path, its value in each. */
export interface PolicyDifference {
  path: string;
  /** The value in the first policy; undefined where it has no such entry (a pack, a discount). */
  a: unknown;
  b: unknown;
}

/** Every knob whose value differs between `a` and `b` (a list is one value), in the order of `a`'s fields, then `b`'s new ones. */
export function diffPolicies(a: Policy, b: Policy): PolicyDifference[] {
  return differences(a, b, '');
}

function differences(a: unknown, b: unknown, path: string): PolicyDifference[] {
  if (isRecord(a) && isRecord(b)) {
    const keys = [...Object.keys(a), ...Object.keys(b).filter((key) => !Object.hasOwn(a, key))];
    return keys.flatMap((key) => differences(a[key], b[key], path ? `${path}.${key}` : key));
  }
  return JSON.stringify(a) === JSON.stringify(b) ? [] : [{ path, a, b }];
}

/**
 * The overrides that turn `base` into `policy`, as `path: value` (null for an entry `policy`
 * drops): what a report lists as the knobs its run was played under.
 */
export function overridesFrom(base: Policy, policy: Policy): Record<string, unknown> {
  return Object.fromEntries(diffPolicies(base, policy).map(({ path, b }) => [path, b === undefined ? null : b]));
}
