/**
 * Compare's run B takes any knobs, written as `path=value` lines (policy/setOptions.ts); these
 * examples fill them in one pick.
 */
import { knobList } from '../../report/overridesText.ts';

interface Example {
  label: string;
  overrides: Record<string, unknown>;
}

export const examples: Example[] = [
  { label: 'grace of 14 days (X2)', overrides: { 'lifecycle.grace.days': 14 } },
  { label: 'grace counts the end day (X2)', overrides: { 'lifecycle.grace.countEndDay': true } },
  { label: 'reclaimed 30 days after suspension (X5)', overrides: { 'lifecycle.retention.days': 30 } },
  { label: 'suspended 14 days after an unpaid bill (A3)', overrides: { 'arrears.suspendAfterDays': 14 } },
  { label: 'DAU overage charged linearly (U2)', overrides: { 'usage.dauOverage.rounding': 'linear' } },
  { label: 'no auto-renewal retries in grace (P5)', overrides: { 'autoRenew.retryDailyInGrace': false } },
];

/** Overrides as knob lines, one `path=value` per knob (read back by policy/setOptions.ts). */
export function linesOfKnobs(knobs: Record<string, unknown>): string {
  return knobList(knobs, '\n');
}

/** Knob changes in words: `lifecycle.grace.days=14, …`, or "no knob changes". */
export function describeOverrides(overrides: Record<string, unknown>): string {
  return Object.keys(overrides).length === 0 ? 'no knob changes' : knobList(overrides);
}
