/**
 * The instants a partial run is advanced to: a date-time in the policy's zone as the scenario
 * file writes one (`2020-03-15`, `2020-03-15T12:00`, an offset allowed), or epoch milliseconds.
 */
import { parseLocalTime, type Zone } from '../domain/calendar.ts';
import { describeValue } from '../input/issues.ts';
import { InputError } from '../inputError.ts';

/** Epoch milliseconds of `until` (Infinity: the end); a text that is no date-time, or NaN, throws InputError naming `field`. */
export function runInstant(until: number | string, zone: Zone, file: string, field: string): number {
  if (typeof until === 'number') {
    if (!Number.isNaN(until)) return until;
  } else if (typeof until === 'string') {
    const at = parseLocalTime(until, zone);
    if (at !== undefined) return at;
  }
  const found = describeValue(until);
  throw new InputError([{ file, line: 0, column: 0, path: field, message: `expected a date YYYY-MM-DD or a time YYYY-MM-DDTHH:mm[:ss] in ${zone.name}, or epoch milliseconds, found ${found}` }]);
}
