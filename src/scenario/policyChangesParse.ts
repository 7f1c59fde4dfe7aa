/**
 * `policyChanges:` (docs/scenario-format.md, "A policy change at an instant"): knobs that take new
 * values from an instant of the period on, each change applied on top of the ones before it and
 * checked like `policyOverrides`, each issue at its key. The time zone, the currency and the
 * policy's id cannot change within a run.
 */
import { positionOf, type PathSegment } from '../input/yamlSource.ts';
import { InputError } from '../inputError.ts';
import { applyOverrides, unchangeableKnobs } from '../policy/overrides.ts';
import type { Policy } from '../policy/schema.ts';
import type { ParseContext } from './parseContext.ts';
import { policyChangeSchema } from './schema.ts';
import type { PolicyChange } from './types.ts';

export function parsePolicyChanges(ctx: ParseContext, raws: unknown[], start: Policy | undefined): PolicyChange[] {
  let policy = start;
  const changes: PolicyChange[] = [];
  let previous: { at: number; text: string } | undefined;
  raws.forEach((raw, index) => {
    const path: PathSegment[] = ['policyChanges', index];
    const data = ctx.check(policyChangeSchema, raw, path);
    if (!data) return;
    const at = ctx.time(data.at, [...path, 'at'], true);
    const inPeriod = at !== undefined && ctx.period !== undefined && at >= ctx.period.start && at <= ctx.period.end;
    if (inPeriod && previous && at < previous.at) ctx.issue([...path, 'at'], `expected changes in time order, found ${data.at} after ${previous.text}`);
    if (inPeriod) previous = { at, text: data.at };
    const fixed = unchangeableKnobs(data.set);
    for (const { key, message } of fixed) ctx.issue([...path, 'set', key], message, { key: true });
    if (!policy || at === undefined || fixed.length > 0) return;
    try {
      policy = applyOverrides(policy, data.set, { file: ctx.source.file, locate: (key) => positionOf(ctx.source, [...path, 'set', key], { key: true }) });
      changes.push({ at, set: data.set, line: ctx.line(path) });
      ctx.laterPolicies.push({ at, policy });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      for (const issue of error.issues) ctx.add({ ...issue, path: `${path.join('.')}.set.${issue.path}` });
    }
  });
  return changes;
}
