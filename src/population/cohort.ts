/**
 * A cohort as the generator receives it (parsed and checked by the scenario loader): how many
 * accounts, how many apps each, their balances, creation times, usage curves and behaviour,
 * any number of them a distribution.
 */
import type { Behaviour } from './behaviour.ts';
import type { Distribution, Varying } from './distribution.ts';

/** A number inside a curve that varies between apps: where it sits and how it is drawn. */
export interface CurveLeaf {
  path: (string | number)[];
  distribution: Distribution;
  /** Counts (DAU, groups, rooms) at a value position are whole numbers. */
  whole: boolean;
}

/** A usage curve of the cohort: the curve with a placeholder at every leaf that varies. */
export interface CurveTemplate<C> {
  curve: C;
  leaves: CurveLeaf[];
}

/** An instant, or a uniform day (00:00) between two day numbers, both included. */
export type CreatedAt = number | { uniform: [number, number] };

/** `C` is the type of a curve, `K` of a usage key (the scenario's: dau, groups, …). */
export interface Cohort<C, K extends string = string> {
  cohort: string;
  accounts: number;
  appsPerAccount: Varying;
  tags: string[];
  balance: { cash: Varying; income: Varying; gift: Varying };
  createdAt: CreatedAt;
  usage: Partial<Record<K, CurveTemplate<C>>>;
  behaviour: Behaviour;
}

/** `<cohort>-<n>`, n from 1, zero-padded to the width of the cohort's count. */
export function accountId(cohort: string, accounts: number, n: number): string {
  return `${cohort}-${String(n).padStart(String(accounts).length, '0')}`;
}

/** `<account id>-<k>`, k from 1. */
export function appId(account: string, k: number): string {
  return `${account}-${k}`;
}

/**
 * The id that names a generated account's or app's random streams: its id without the zero
 * padding (`smallGames-012-1` → `smallGames-12-1`), so that growing a cohort past a power of ten
 * (99 → 100 accounts, which pads every id anew) keeps its first accounts and their draws.
 */
export function streamId(cohort: string, id: string): string {
  const numbers = /^-(\d+)(?:-(\d+))?$/.exec(id.slice(cohort.length));
  if (!id.startsWith(cohort) || !numbers) return id;
  return [cohort, ...numbers.slice(1).filter((part) => part !== undefined).map((part) => String(Number(part)))].join('-');
}

/** A number drawn for a curve: where it goes (a path into nested mappings and lists) and its value. */
export interface DrawnLeaf {
  path: readonly (string | number)[];
  value: unknown;
}

/**
 * A copy of `curve` with each leaf's value at its path: each mapping and list on the paths is
 * copied once, however many leaves it holds, and everything beside them is shared with `curve`.
 * A leaf with an empty path (the curve itself a distribution, which the loader refuses) is left out.
 */
export function withLeaves<C>(curve: C, leaves: readonly DrawnLeaf[]): C {
  const copies = new Set<unknown>();
  const own = (node: unknown): Record<string | number, unknown> => {
    if (copies.has(node)) return node as Record<string | number, unknown>;
    const copy = Array.isArray(node) ? [...node] : { ...(node as object) };
    copies.add(copy);
    return copy as Record<string | number, unknown>;
  };
  let root: unknown = curve;
  for (const { path, value } of leaves) {
    if (path.length === 0) continue;
    let node = own(root);
    root = node;
    for (const segment of path.slice(0, -1)) {
      const child = own(node[segment]);
      node[segment] = child;
      node = child;
    }
    node[path[path.length - 1]] = value;
  }
  return root as C;
}
