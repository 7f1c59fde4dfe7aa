/**
 * Every knob of a policy for the policy panel: the policy walked to its leaves (dotted paths, as
 * `policyOverrides` and `--set` write them), each with the kind of input it takes (read from the
 * policy's zod schema: enums list their values), a label (the schema's description of the
 * field), the rules it sets (`rules[].knobs`, matched by prefix, the most specific first) and
 * where its value comes from.
 */
import type { z } from 'zod';
import { unwrap } from '../../input/schemaShape.ts';
import { rulesOf } from '../../policy/rules.ts';
import { type Policy, policySchema } from '../../policy/schema.ts';
import type { Knob } from './knobInput.ts';

export type { Knob, KnobKind } from './knobInput.ts';

/** Top-level fields that say what the policy is, not how it behaves: shown, not edited. */
const identity = new Set(['id', 'name', 'currency', 'timezone']);

export function policyKnobs(policy: Policy): Knob[] {
  const knobs: Knob[] = [];
  walk(policy, policySchema, { path: [], named: [] }, knobs);
  return knobs;
}

/** Where the walk is: the path, and the keys a record names (an edition, a pack, a length) that the label must say. */
interface At {
  path: string[];
  named: string[];
}

function walk(value: unknown, schema: z.ZodType | undefined, at: At, out: Knob[]): void {
  const shape = schema ? unwrap(schema) : undefined;
  const def = shape?.def as { type?: string; shape?: Record<string, z.ZodType>; valueType?: z.ZodType; element?: z.ZodType } | undefined;
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) {
      const byRecord = def?.type === 'record';
      const childSchema = def?.type === 'object' ? def.shape?.[key] : byRecord ? def.valueType : undefined;
      walk(child, childSchema, { path: [...at.path, key], named: byRecord ? [...at.named, key] : at.named }, out);
    }
    return;
  }
  out.push(knobAt(at, value, schema));
}

/** `editions.pro.limits.groupMembers` → `pro: most members in a group`: the schema's description, after the keys records name. */
function labelOf(at: At, schema: z.ZodType | undefined): string {
  const described = schema?.description;
  if (!described) return at.path.join('.');
  return at.named.length > 0 ? `${at.named.join(', ')}: ${described}` : described;
}

function knobAt(at: At, value: unknown, schema: z.ZodType | undefined): Knob {
  const path = at.path.join('.');
  const base = { path, label: labelOf(at, schema), value, nullable: schema ? schema.safeParse(null).success : false, rules: rulesOf(path) };
  if (!schema || identity.has(path)) return { ...base, kind: 'fixed' };
  const def = unwrap(schema).def as { type: string; element?: z.ZodType };
  if (def.type === 'enum') return { ...base, kind: 'enum', options: enumOptions(unwrap(schema)) };
  if (def.type === 'boolean') return { ...base, kind: 'boolean' };
  if (def.type === 'number') return { ...base, kind: 'count', ...rangeOf(unwrap(schema) as z.ZodNumber) };
  // An amount is a union of a decimal text and a number; a union with a word in it (`end` or a time) is text.
  if (def.type === 'union') return { ...base, kind: withWord(def as { options?: z.ZodType[] }) ? 'text' : 'decimal' };
  if (def.type === 'string') return { ...base, kind: 'text' };
  if (def.type === 'array' && def.element) {
    const element = unwrap(def.element);
    if ((element.def as { type: string }).type === 'enum') return { ...base, kind: 'list', options: enumOptions(element) };
  }
  return { ...base, kind: 'fixed' };
}

/** The bounds of a count (`lifecycle.grace.days`: 0 to 36500), as the schema sets them. */
function rangeOf(schema: z.ZodNumber): { min?: number; max?: number } {
  const finite = (value: number | null | undefined) => (typeof value === 'number' && Number.isFinite(value) && Math.abs(value) < Number.MAX_SAFE_INTEGER ? value : undefined);
  const [min, max] = [finite(schema.minValue), finite(schema.maxValue)];
  return { ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) };
}

function withWord(def: { options?: z.ZodType[] }): boolean {
  return (def.options ?? []).some((option) => (option.def as { type: string }).type === 'literal');
}

function enumOptions(schema: z.ZodType): string[] {
  return Object.values((schema.def as unknown as { entries: Record<string, string> }).entries);
}
