/**
 * One shard of a run split by account: a batch of a large population's run on one thread
 * (inBatches.ts, batchedRun.ts) or a share of a run over worker threads (`imsim run --workers K`,
 * parallel.ts, batchThreads.ts): the accounts it simulates and what it needs to stand in the
 * whole run. Accounts are independent
 * (no rule looks across accounts), so a shard runs its accounts' apps, events and customers
 * exactly as the whole run does, with every actor's rank as the whole run gives it and every
 * record keyed by its place in the whole run's order (jobKeys.ts); shardMerge.ts puts the
 * shards' records back in that order.
 */
import type { ScenarioEvent, Scenario } from '../scenario/types.ts';
import { JobKeys } from './jobKeys.ts';

/** One shard of a run: which one, of how many (accounts are dealt round-robin). */
export interface ShardOptions {
  /** This shard, 0 … count − 1; account i of the scenario belongs to shard i mod count. */
  index: number;
  count: number;
  /** The run's ranks, when the caller plays several shards of it in turn (batchPlay.ts, inBatches.ts, shardRun.ts's `playShards`): worked out once. */
  ranks?: RunRanks;
}

/**
 * The positions in the run's list of the shard's accounts, in the run's order: every `count`-th
 * from `index`. A batch of a large population reads its own accounts only, not the whole list:
 * at 100,000 apps in 99 batches, each batch going through every account made the batches' set-up
 * cost grow with the square of the population (67.7 ms a batch, against 14.0 ms reading its own).
 */
export function positionsOfShard(accounts: number, shard: Pick<ShardOptions, 'index' | 'count'>): number[] {
  const { index, count } = shard;
  if (!Number.isInteger(count) || count < 1 || !Number.isInteger(index) || index < 0 || index >= count) {
    throw new RangeError(`shard ${index} of ${count}: expected a count that is a whole number of at least 1, and an index from 0 to count − 1`);
  }
  const positions: number[] = [];
  for (let position = index; position < accounts; position += count) positions.push(position);
  return positions;
}

/** The shard's share of a run's accounts, in the run's order: account i of shard i mod count. */
export function accountsOfShard<T>(accounts: readonly T[], shard: Pick<ShardOptions, 'index' | 'count'>): T[] {
  return positionsOfShard(accounts.length, shard).map((position) => accounts[position]);
}

/** Shared by every thread of a run (parallel.ts, batchThreads.ts): the shards taken so far, and whether one has failed. */
export function sharedClaims(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
}

const [TAKEN, FAILED] = [0, 1];

/**
 * The shards of `count` that the calling thread plays, one after another: each the next that no
 * thread has taken yet, until none is left or a thread has failed (`failClaims`). A thread that
 * starts later or plays slower takes fewer, so that no thread waits for another that still has
 * several to play.
 */
export function* claimed(claims: Int32Array, count: number): Generator<number> {
  while (Atomics.load(claims, FAILED) === 0) {
    const index = Atomics.add(claims, TAKEN, 1);
    if (index >= count) return;
    yield index;
  }
}

/** A thread of the run has failed: no thread takes another shard. */
export function failClaims(claims: Int32Array): void {
  Atomics.store(claims, FAILED, 1);
}

/**
 * Ranks as the whole run gives them (actors.ts): accounts in scenario order, then apps in the
 * order they are started: by instant, and at one instant the written apps (account by account)
 * before those the events create (in file order), as they were scheduled.
 */
export class RunRanks {
  readonly accounts = new Map<string, number>();
  readonly apps = new Map<string, number>();
  /** The account of every app, written or created by an event. */
  readonly owners = new Map<string, string>();

  constructor(scenario: Scenario) {
    scenario.accounts.forEach((account, index) => {
      this.accounts.set(account.id, index + 1);
    });
    const written = scenario.accounts.flatMap((account) => account.apps.map((app) => ({ id: app.id, account: account.id, at: app.createdAt })));
    const created = scenario.events.flatMap((event) => (event.type === 'createApp' ? [{ id: event.app.id, account: event.account, at: event.at }] : []));
    const starts = [...written, ...created].map((start, order) => ({ ...start, order }));
    starts.sort((a, b) => a.at - b.at || a.order - b.order);
    starts.forEach((start, index) => {
      this.apps.set(start.id, scenario.accounts.length + index + 1);
      this.owners.set(start.id, start.account);
    });
  }
}

export class Shard {
  readonly keys = new JobKeys();
  /** The positions of its accounts in the run's list (`positionsOfShard`). */
  readonly positions: readonly number[];
  private readonly accounts = new Set<string>();
  private readonly ranks: RunRanks;

  constructor(scenario: Scenario, options: ShardOptions) {
    this.positions = positionsOfShard(scenario.accounts.length, options);
    for (const position of this.positions) this.accounts.add(scenario.accounts[position].id);
    this.ranks = options.ranks ?? new RunRanks(scenario);
  }

  /** The event concerns one of this shard's accounts. */
  plays(event: ScenarioEvent): boolean {
    const account = event.type === 'topUp' || event.type === 'createApp' ? event.account : this.ranks.owners.get(event.app);
    return account !== undefined && this.accounts.has(account);
  }

  accountRank(id: string): number | undefined {
    return this.ranks.accounts.get(id);
  }

  appRank(id: string): number | undefined {
    return this.ranks.apps.get(id);
  }
}
