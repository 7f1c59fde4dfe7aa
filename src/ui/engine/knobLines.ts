/**
 * The compare view's run B: its knobs as lines of `path=value`, the form `imsim … --set` takes
 * (values read as YAML). Blank lines and lines starting with # are skipped.
 */
import { InputError, type InputIssue } from '../../inputError.ts';
import { parseSetOption } from '../../policy/overrides.ts';
import { COMPARE_KNOBS } from './protocol.ts';


/** The overrides the lines set, later lines winning; throws InputError naming every bad line. */
export function knobsFromLines(lines: readonly string[]): Record<string, unknown> {
  const knobs: Record<string, unknown> = {};
  const issues: InputIssue[] = [];
  lines.forEach((line, index) => {
    if (line.trim() === '' || line.trim().startsWith('#')) return;
    try {
      const { path, value } = parseSetOption(line);
      knobs[path] = value;
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      issues.push(...error.issues.map((issue) => ({ ...issue, file: COMPARE_KNOBS, line: index + 1 })));
    }
  });
  if (issues.length > 0) throw new InputError(issues);
  return knobs;
}
