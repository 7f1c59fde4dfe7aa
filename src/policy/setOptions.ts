/**
 * Knobs given as `path=value` texts: the CLI's `--set` options, the visualizer's run B lines. Each
 * is read by parseSetOption; every bad one is reported at once, at its place (the Nth `--set`,
 * line N), and the source returned points each knob's later problems (a wrong value for the
 * policy) at the same place.
 */
import { InputError, type InputIssue } from '../inputError.ts';
import { type OverrideSource, parseSetOption } from './overrides.ts';

export interface SetKnobs {
  /** Path → value; a later text for the same path wins. */
  knobs: Record<string, unknown>;
  source: OverrideSource;
}

export function parseSetOptions(texts: readonly string[], options: { file?: string; comments?: boolean } = {}): SetKnobs {
  const file = options.file ?? '--set';
  const knobs: Record<string, unknown> = {};
  const lines = new Map<string, number>();
  const issues: InputIssue[] = [];
  texts.forEach((text, index) => {
    if (options.comments && (text.trim() === '' || text.trim().startsWith('#'))) return;
    try {
      const { path, value } = parseSetOption(text);
      knobs[path] = value;
      lines.set(path, index + 1);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      issues.push(...error.issues.map((issue) => ({ ...issue, file, line: index + 1 })));
    }
  });
  if (issues.length > 0) throw new InputError(issues);
  return { knobs, source: { file, locate: (key) => ({ line: lines.get(key) ?? 1, column: 1 }) } };
}
