/**
 * Policy overrides: a scenario's `policyOverrides` and the CLI's `--set`, both dotted paths into
 * the policy (`lifecycle.grace.days: 14`). The paths are part of the contract (docs/policy.md, "The
 * policy file"), so a path that names nothing, or a value of the wrong type, is an input error
 * rather than a knob that silently does nothing.
 */
import type { z } from 'zod';
import { fieldNames, unwrap } from '../input/schemaShape.ts';
import { suggest } from '../input/suggest.ts';
import { readYaml } from '../input/yamlSource.ts';
import { describeIssue } from '../input/zodIssues.ts';
import { InputError, type InputIssue } from '../inputError.ts';
import { checkPolicy } from './load.ts';
import { type Policy, policySchema } from './schema.ts';

/** Where the overrides were written, so issues point at each override's key. */
export interface OverrideSource {
  file: string;
  locate(key: string): { line: number; column: number };
}

interface Problem {
  /** Dotted path of the problem; the override key itself or a field below it. */
  path: string;
  message: string;
}

/**
 * A new policy with each `path: value` applied, re-validated by the policy schema and its
 * cross-field checks. A path replaces the whole value found there; `null` on an entry of a
 * table (`lengths.discounts.24: null`) removes that entry. Never changes `policy`.
 */
export function applyOverrides(policy: Policy, overrides: Record<string, unknown>, source?: OverrideSource): Policy {
  const keys = Object.keys(overrides);
  const issues: InputIssue[] = [];
  const report = (key: string, problem: Problem) =>
    issues.push({ file: source?.file ?? '(overrides)', ...(source?.locate(key) ?? { line: 1, column: 1 }), ...problem });

  const draft: Record<string, unknown> = structuredClone(policy);
  for (const key of keys) {
    for (const problem of setPath(draft, key, overrides[key])) report(key, problem);
  }
  if (issues.length > 0) throw new InputError(issues);

  const parsed = policySchema.safeParse(draft, { reportInput: true });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String).join('.');
      report(ownerKey(keys, path), { path, message: describeIssue(issue) });
    }
    throw new InputError(issues);
  }
  for (const problem of checkPolicy(parsed.data)) {
    const path = problem.path.join('.');
    report(ownerKey(keys, path), { path, message: problem.message });
  }
  if (issues.length > 0) throw new InputError(issues);
  return parsed.data;
}

/** Sets one dotted path in the draft, walking the policy schema alongside to know what is allowed there. */
function setPath(root: Record<string, unknown>, key: string, value: unknown): Problem[] {
  const segments = key.split('.');
  let schema: z.ZodType = policySchema;
  let target: Record<string, unknown> = root;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    const here = segments.slice(0, i).join('.');
    const def = unwrap(schema).def as unknown as { type: string; shape?: Record<string, z.ZodType>; valueType?: z.ZodType; element?: z.ZodType };
    let child: z.ZodType | undefined;
    if (forbiddenSegments.has(segment)) {
      // Never walk into or write an object's prototype (`__proto__.x`, `packs.constructor`).
      return [{ path: key, message: `unknown policy path: ${here ? `"${here}" has no field "${segment}"` : `the policy has no field "${segment}"`}` }];
    }
    if (def.type === 'object' && def.shape) {
      child = Object.hasOwn(def.shape, segment) ? def.shape[segment] : undefined;
      if (!child) {
        const where = here ? `"${here}" has no field "${segment}"` : `the policy has no field "${segment}"`;
        return [{ path: key, message: `unknown policy path: ${where}; ${suggest(segment, fieldNames(unwrap(schema)))}` }];
      }
    } else if (def.type === 'record' && def.valueType) {
      child = def.valueType;
    } else if (def.type === 'array' && def.element && Array.isArray(target)) {
      if (!/^\d+$/.test(segment) || Number(segment) >= target.length) {
        return [{ path: key, message: `unknown policy path: "${here}" is a list of ${target.length}; expected an index from 0 to ${target.length - 1}, found "${segment}"` }];
      }
      child = def.element;
    } else {
      return [{ path: key, message: `unknown policy path: "${here}" is a single value and has no field "${segment}"` }];
    }

    if (i === segments.length - 1) {
      if (def.type === 'record' && value === null) {
        delete target[segment];
        return [];
      }
      const check = child.safeParse(value, { reportInput: true });
      if (!check.success) {
        return check.error.issues.map((issue) => ({ path: [key, ...issue.path.map(String)].join('.'), message: describeIssue(issue) }));
      }
      target[segment] = check.data;
      return [];
    }

    let next = Object.hasOwn(target, segment) ? target[segment] : undefined;
    if (next === undefined && def.type === 'record') {
      next = {};
      target[segment] = next;
    }
    if (typeof next !== 'object' || next === null) {
      return [{ path: key, message: `unknown policy path: "${segments.slice(0, i + 1).join('.')}" is a single value and has no field "${segments[i + 1]}"` }];
    }
    target = next as Record<string, unknown>;
    schema = child;
  }
  return [];
}

/** Knobs that stay as a run begins: a change within the run (policyChanges, resume --set) may not touch them. */
const fixedKnobs = ['id', 'name', 'currency', 'timezone'];

/** The keys of a change within a run that name a fixed knob, each with the message to show. */
export function unchangeableKnobs(set: Record<string, unknown>): { key: string; message: string }[] {
  return Object.keys(set)
    .filter((key) => fixedKnobs.includes(key.split('.')[0]))
    .map((key) => ({ key, message: `expected a knob that may change within a run, found "${key}" (${fixedKnobs.join(', ')} stay as the run begins)` }));
}

/** Names that reach an object's prototype rather than a field of the policy. */
const forbiddenSegments = new Set(['__proto__', 'constructor', 'prototype']);

/** The override responsible for a problem at `path`: the longest key on the same branch, else the first. */
function ownerKey(keys: string[], path: string): string {
  const related = keys.filter((key) => path === key || path.startsWith(`${key}.`) || key.startsWith(`${path}.`));
  related.sort((a, b) => b.length - a.length);
  return related[0] ?? keys[0] ?? path;
}

const pathPattern = /^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$/;

/**
 * The CLI's `--set path=value`. The value is read as YAML, so `true`, `14`, `"0.5"`, `null`
 * and flow lists (`[cash, gift, income]`) mean what they would in a scenario file.
 */
export function parseSetOption(text: string): { path: string; value: unknown } {
  const fail = (message: string): never => {
    throw new InputError([{ file: '--set', line: 1, column: 1, path: '', message }]);
  };
  const equals = text.indexOf('=');
  const path = equals < 0 ? '' : text.slice(0, equals).trim();
  if (!pathPattern.test(path)) fail(`expected path=value such as lifecycle.grace.days=14, found "${text}"`);
  const valueText = text.slice(equals + 1).trim();
  if (valueText === '') fail(`expected a value after "${path}=" (write null for an empty value)`);
  // Read like any input file (input/yamlSource.ts): aliases, nesting and syntax are checked
  // there, so no value can throw anything but an InputError.
  let value: unknown;
  try {
    value = readYaml(valueText, '--set').value;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    fail(`expected a YAML value after "${path}=", found "${valueText}": ${error.issues[0].message.replace(/^YAML syntax: /, '')}`);
  }
  return { path, value };
}
