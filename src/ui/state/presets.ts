/**
 * Compare's run B takes any knobs, written as `path=value` lines (engine/knobLines.ts); these
 * examples fill them in one pick.
 */
export interface Example {
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

/** A word YAML reads back as the same string (not a number, true, false or null). */
const plainWord = (value: string) => /^[a-z][A-Za-z]*$/.test(value) && !['true', 'false', 'null'].includes(value);

/** Overrides as knob lines, one `path=value` per knob: a plain word bare, any other value as JSON (which YAML reads back the same). */
export function linesOfKnobs(knobs: Record<string, unknown>): string {
  return Object.entries(knobs)
    .map(([path, value]) => `${path}=${typeof value === 'string' && plainWord(value) ? value : JSON.stringify(value)}`)
    .join('\n');
}

/** Knob changes in words: `lifecycle.grace.days = 14, …`, or "no knob changes". */
export function describeOverrides(overrides: Record<string, unknown>): string {
  const entries = Object.entries(overrides);
  if (entries.length === 0) return 'no knob changes';
  return entries.map(([path, value]) => `${path} = ${JSON.stringify(value)}`).join(', ');
}
