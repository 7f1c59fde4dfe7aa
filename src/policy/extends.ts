/**
 * Policies that extend policies: `extends: tencent-im-2019` (a bundled id) or `extends:
 * base.yaml` (a policy file beside this one), with the file's own `id` and the values it
 * changes. The base is loaded as a whole policy of its own (checked, its own `extends` resolved
 * first), then the file is laid over it: mappings merged key by key, lists and single values
 * replaced. Each value remembers the policy it came from (`imsim policy show`).
 */
import type { PathSegment } from '../input/yamlSource.ts';

/** Longest chain of policies extending policies. */
export const MAX_EXTENDS = 8;

/** Where each value of a resolved policy came from: dotted path of a single value or list → the policy's id or file. */
export type Origins = Map<string, string>;

export const isPlainMapping = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `over` laid over `base`: mappings merged key by key, everything else replaced. */
export function layered(base: unknown, over: unknown): unknown {
  if (!isPlainMapping(base) || !isPlainMapping(over)) return over;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) merged[key] = key in base ? layered(base[key], value) : value;
  return merged;
}

/** Every single value and list of `value`, with its path. */
export function leaves(value: unknown, path: PathSegment[] = []): PathSegment[][] {
  if (!isPlainMapping(value)) return [path];
  return Object.entries(value).flatMap(([key, inner]) => leaves(inner, [...path, key]));
}

/** The origins of `over` laid over a base with `baseOrigins`: what `over` writes comes from `name`. */
export function layeredOrigins(baseOrigins: Origins, over: unknown, name: string): Origins {
  const origins = new Map(baseOrigins);
  for (const path of leaves(over)) {
    const dotted = path.join('.');
    for (const key of origins.keys()) if (key.startsWith(`${dotted}.`)) origins.delete(key);
    origins.set(dotted, name);
  }
  return origins;
}
