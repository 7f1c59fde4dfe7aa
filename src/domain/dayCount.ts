/**
 * A duration as the report writes an order's `days`: to two decimals, half up. Instants are whole milliseconds, so the hundredths are worked out in integers,
 * exactly, without a Decimal division.
 */
import { MS_PER_DAY } from './calendar.ts';

const MS_PER_HUNDREDTH = MS_PER_DAY / 100;

/** `ms` (whole, not negative) in days to two decimals: 129,600,000 is "1.50". */
export function daysText(ms: number): string {
  if (!Number.isSafeInteger(ms) || ms < 0) throw new Error(`a duration of whole milliseconds, not negative, was expected: ${ms}`);
  const whole = Math.floor(ms / MS_PER_HUNDREDTH);
  const hundredths = 2 * (ms - whole * MS_PER_HUNDREDTH) >= MS_PER_HUNDREDTH ? whole + 1 : whole;
  const fraction = hundredths % 100;
  return `${Math.floor(hundredths / 100)}.${fraction < 10 ? '0' : ''}${fraction}`;
}
