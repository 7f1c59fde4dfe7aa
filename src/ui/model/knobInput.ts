/**
 * A knob of the policy panel and what typing into it means. No schema here (see ./knobs.ts,
 * which builds the knobs in the engine's worker): the page itself never loads zod.
 */
import type { Rule } from '../../policy/rules.ts';

export type KnobKind = 'count' | 'decimal' | 'boolean' | 'enum' | 'text' | 'list' | 'fixed';

export interface Knob {
  path: string;
  /** What it is, in words: the policy schema's description (`grace days after expiry`); the path when it has none. */
  label: string;
  kind: KnobKind;
  value: unknown;
  /** null is allowed (no limit). */
  nullable: boolean;
  /** The bounds of a count, when the schema sets them. */
  min?: number;
  max?: number;
  /** The values of an enum, or the values a list is made of. */
  options?: string[];
  /** Rules whose knobs name this path or a parent of it, the most specific first. */
  rules: Rule[];
}

/**
 * The override value for what was typed into a knob's input, or an error message. Counts and
 * decimals stay as the policy writes them (numbers; decimal strings); an empty nullable field
 * is null; a list is comma-separated.
 */
export function readKnobInput(knob: Knob, input: string | boolean): { value: unknown } | { error: string } {
  if (knob.kind === 'boolean') return { value: Boolean(input) };
  const text = String(input).trim();
  if (text === '' && knob.nullable) return { value: null };
  switch (knob.kind) {
    case 'count': {
      const value = /^-?\d+$/.test(text) ? Number(text) : undefined;
      const [min, max] = [knob.min ?? 0, knob.max];
      if (value === undefined || value < min || (max !== undefined && value > max)) {
        const range = max === undefined ? `${min} or more` : `from ${min} to ${max}`;
        return { error: `expected a whole number ${range}${knob.nullable ? ', or empty for no limit' : ''}; found "${text}"` };
      }
      return { value };
    }
    case 'decimal':
      return /^\d+(\.\d+)?$/.test(text)
        ? { value: text }
        : { error: `expected a decimal number ≥ 0 such as "999.00"${knob.nullable ? ', or empty for none' : ''}; found "${text}"` };
    case 'enum':
      return knob.options?.includes(text) ? { value: text } : { error: `expected one of ${knob.options?.join(', ')}` };
    case 'list': {
      const parts = text.split(',').map((part) => part.trim()).filter((part) => part !== '');
      const unknown = parts.filter((part) => knob.options && !knob.options.includes(part));
      return unknown.length === 0
        ? { value: parts }
        : { error: `expected a comma-separated list of ${knob.options?.join(', ')}; found "${unknown.join('", "')}"` };
    }
    case 'text':
      return { value: text };
    default:
      return { error: 'this field cannot be changed here' };
  }
}

/** How a knob's value is shown in its input. */
export function knobText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(String).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Whether two override values are the same (lists by their items). */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
