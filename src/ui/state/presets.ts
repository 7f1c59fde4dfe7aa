/** Named sets of knob changes for the compare view's second run (run B). */
export interface Preset {
  id: string;
  label: string;
  overrides: Record<string, unknown>;
}

export const NO_CHANGES = 'none';

export const presets: Preset[] = [
  { id: NO_CHANGES, label: 'the scenario as written (no panel knobs)', overrides: {} },
  { id: 'grace14', label: 'grace of 14 days (X2)', overrides: { 'lifecycle.grace.days': 14 } },
  { id: 'graceEndDay', label: 'grace counts the end day (X2)', overrides: { 'lifecycle.grace.countEndDay': true } },
  { id: 'retention30', label: 'reclaimed 30 days after suspension (X5)', overrides: { 'lifecycle.retention.days': 30 } },
  { id: 'arrears14', label: 'suspended 14 days after an unpaid bill (A3)', overrides: { 'arrears.suspendAfterDays': 14 } },
  { id: 'linearOverage', label: 'DAU overage charged linearly (U2)', overrides: { 'usage.dauOverage.rounding': 'linear' } },
  { id: 'noRetries', label: 'no auto-renewal retries in grace (P5)', overrides: { 'autoRenew.retryDailyInGrace': false } },
];

export function presetById(id: string): Preset {
  return presets.find((preset) => preset.id === id) ?? presets[0];
}

/** Knob changes in words: `lifecycle.grace.days = 14, …`, or "no knob changes". */
export function describeOverrides(overrides: Record<string, unknown>): string {
  const entries = Object.entries(overrides);
  if (entries.length === 0) return 'no knob changes';
  return entries.map(([path, value]) => `${path} = ${JSON.stringify(value)}`).join(', ');
}
