/**
 * The policy a scenario runs under: the one given by the caller (CLI `--policy`, the browser) or
 * the one the file names (a bundled id or a file next to the scenario), with the scenario's
 * `policyOverrides` applied, then the caller's (CLI `--set`), before anything else of the file
 * is checked against it. Problems are added to the parse, each at its override's key.
 */
import { besideFile } from '../input/files.ts';
import { positionOf } from '../input/yamlSource.ts';
import { InputError } from '../inputError.ts';
import { bundledPolicyIds, isBundledPolicyId, loadPolicy, parsePolicy } from '../policy/load.ts';
import { applyOverrides, type OverrideSource } from '../policy/overrides.ts';
import type { Policy } from '../policy/schema.ts';
import type { ParseContext } from './parseContext.ts';

/**
 * The named (or given) policy as it is (`base`), and with the scenario's overrides and then the
 * caller's applied (`policy`), each issue at its override's key.
 */
export function resolvePolicy(
  ctx: ParseContext,
  given: Policy | undefined,
  ref: string | undefined,
  overrides: Record<string, unknown>,
  set: Record<string, unknown> = {},
  setSource: OverrideSource = { file: '--set', locate: () => ({ line: 1, column: 1 }) },
): { base: Policy; policy: Policy } | undefined {
  const base = given ?? (ref === undefined ? undefined : namedPolicy(ctx, ref));
  if (!base) return undefined;
  const own = withOverrides(ctx, base, overrides, { file: ctx.source.file, locate: (key) => positionOf(ctx.source, ['policyOverrides', key], { key: true }) });
  return { base, policy: withOverrides(ctx, own, set, setSource) };
}

function withOverrides(ctx: ParseContext, policy: Policy, overrides: Record<string, unknown>, source: OverrideSource): Policy {
  if (Object.keys(overrides).length === 0) return policy;
  try {
    return applyOverrides(policy, overrides, source);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    for (const issue of error.issues) ctx.add(issue);
    return policy;
  }
}

function namedPolicy(ctx: ParseContext, ref: string): Policy | undefined {
  try {
    if (isBundledPolicyId(ref)) return loadPolicy(ref);
    let text: string;
    try {
      text = ctx.readFile(ref);
    } catch {
      ctx.issue(['policy'], `expected a bundled policy id (${bundledPolicyIds().join(', ')}) or a policy file next to the scenario, found "${ref}"`);
      return undefined;
    }
    return parsePolicy(text, besideFile(ctx.source.file, ref), { readFile: (name) => ctx.readFile(besideFile(ref, name)) });
  } catch (error) {
    if (error instanceof InputError) for (const issue of error.issues) ctx.add(issue);
    else ctx.issue(['policy'], `cannot load the policy "${ref}": ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}
