/**
 * Knobs as a person reads them, `lifecycle.grace.days=14, usage.dauOverage.rounding="linear"`:
 * the form `--set` takes (values as JSON, which YAML reads back the same). Report headers,
 * compare, the `policyChanged` event and the visualizer's knob lines all write knobs so.
 */
import { localInstant } from './table.ts';

/** Each knob as `path=value`, joined by `separator`. */
export function knobList(knobs: Record<string, unknown>, separator = ', '): string {
  return Object.entries(knobs)
    .map(([path, value]) => `${path}=${JSON.stringify(value)}`)
    .join(separator);
}

/** `overrides lifecycle.grace.days=14; from 2021-01-01 00:00 usage.dauOverage.rounding="linear"`, or `(no overrides)`. */
export function overridesText(policy: { overrides: Record<string, unknown>; changes?: { at: string; set: Record<string, unknown> }[] }): string {
  const own = Object.keys(policy.overrides).length === 0 ? '(no overrides)' : `overrides ${knobList(policy.overrides)}`;
  return [own, ...(policy.changes ?? []).map((change) => `from ${localInstant(change.at)} ${knobList(change.set)}`)].join('; ');
}
