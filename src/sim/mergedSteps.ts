/**
 * Shards' lists of records merged in the order of the whole run, as steps: `shard` for the next
 * record of that shard, `-1 - shard` for the next record of a shard that is one every shard made
 * alike (it compares 0 to the record just taken, which is the one of the lowest shard). The
 * shards' next records play a tournament, so that a step costs about log2(shards) comparisons,
 * not one per shard. Two ways to order them: `StepMerge` by a `RecordOrder`,
 * `compare(a, indexA, b, indexB)`, which orders record `indexA` of shard `a` and record `indexB`
 * of shard `b` (the jobs records hang under, recordOrder.ts); `KeyMerge` by three numbers per
 * record (the records of a section, shardMerge.ts and batchedRun.ts). A shard's own records
 * never compare equal.
 */
export type RecordOrder = (a: number, indexA: number, b: number, indexB: number) => number;

/** The steps of a merge that works them out a buffer at a time (`StepMerge`, `KeyMerge`), one by one. */
export function* stepsOf(merge: { next(): Int32Array }): Generator<number> {
  for (let steps = merge.next(); steps.length > 0; steps = merge.next()) yield* steps;
}

/** Steps worked out at a time. */
const STEPS = 4096;

/** The steps by a `RecordOrder`, a buffer at a time (`next`): a long merge's loop without a generator's step per record. */
export class StepMerge {
  /** Each shard's next record. */
  private readonly records: number[];
  private readonly tournament: Tournament;
  /** Room for `room` steps, and for a step with the steps alike to it (one per shard) at least. */
  private readonly steps: Int32Array;

  constructor(
    private readonly lengths: readonly number[],
    private readonly compare: RecordOrder,
    room = STEPS,
  ) {
    const next = lengths.map(() => 0);
    this.records = next;
    this.steps = new Int32Array(Math.max(room, lengths.length));
    const left = (shard: number) => next[shard] < lengths[shard];
    // A shard with records left comes before one without; then the records' order, then the lower shard.
    this.tournament = new Tournament(lengths.length, (a, b) => left(a) && (!left(b) || (compare(a, next[a], b, next[b]) || a - b) < 0));
  }

  /** The next steps, in a view of this merge's buffer valid until the next call: none once every record is merged. */
  next(): Int32Array {
    const { tournament, records: next, lengths, compare, steps } = this;
    const left = () => next[tournament.winner] < lengths[tournament.winner];
    let count = 0;
    // A step and the steps of the records alike to it go together: room for one of each shard.
    while (left() && count + lengths.length <= steps.length) {
      const first = tournament.winner;
      const index = next[first];
      steps[count++] = first;
      next[first] += 1;
      tournament.replay(first);
      while (left() && compare(tournament.winner, next[tournament.winner], first, index) === 0) {
        const same = tournament.winner;
        steps[count++] = -1 - same;
        next[same] += 1;
        tournament.replay(same);
      }
    }
    return steps.subarray(0, count);
  }
}

/** A shard's records' keys for `KeyMerge`: three numbers per record, compared in turn. */
export interface KeyColumns {
  major: ArrayLike<number>;
  middle: ArrayLike<number>;
  minor: ArrayLike<number>;
}

/**
 * The steps of `StepMerge` for records whose order is their keys' (`KeyColumns`, finite numbers),
 * worked out from each shard's next key, kept in one array: a comparison reads six numbers, with
 * no call to a `RecordOrder`.
 */
export class KeyMerge {
  /** Each shard's next record. */
  private readonly records: Int32Array;
  /** Each shard's next key (major, middle, minor), +∞ once it has no record left. */
  private readonly heads: Float64Array;
  private readonly tournament: Tournament;
  private readonly steps: Int32Array;

  constructor(
    private readonly keys: readonly KeyColumns[],
    room = STEPS,
  ) {
    this.records = new Int32Array(keys.length);
    const heads = new Float64Array(3 * keys.length);
    this.heads = heads;
    for (let shard = 0; shard < keys.length; shard += 1) this.load(shard);
    this.steps = new Int32Array(Math.max(room, keys.length));
    // The lower key first; on a tie (shards without records left), the lower shard.
    this.tournament = new Tournament(keys.length, (a, b) => {
      const [x, y] = [3 * a, 3 * b];
      if (heads[x] !== heads[y]) return heads[x] < heads[y];
      if (heads[x + 1] !== heads[y + 1]) return heads[x + 1] < heads[y + 1];
      if (heads[x + 2] !== heads[y + 2]) return heads[x + 2] < heads[y + 2];
      return a < b;
    });
  }

  /** The next steps, in a view of this merge's buffer valid until the next call: none once every record is merged. */
  next(): Int32Array {
    const { tournament, records, heads, keys, steps } = this;
    if (keys.length === 0) return steps.subarray(0, 0);
    let count = 0;
    while (records[tournament.winner] < keys[tournament.winner].major.length && count + keys.length <= steps.length) {
      const first = tournament.winner;
      const [major, middle, minor] = [heads[3 * first], heads[3 * first + 1], heads[3 * first + 2]];
      steps[count++] = first;
      this.advance(first);
      for (let same = tournament.winner; heads[3 * same] === major && heads[3 * same + 1] === middle && heads[3 * same + 2] === minor; same = tournament.winner) {
        steps[count++] = -1 - same;
        this.advance(same);
      }
    }
    return steps.subarray(0, count);
  }

  private advance(shard: number): void {
    this.records[shard] += 1;
    this.load(shard);
    this.tournament.replay(shard);
  }

  private load(shard: number): void {
    const { major, middle, minor } = this.keys[shard];
    const [record, at] = [this.records[shard], 3 * shard];
    const left = record < major.length;
    this.heads[at] = left ? major[record] : Number.POSITIVE_INFINITY;
    this.heads[at + 1] = left ? middle[record] : Number.POSITIVE_INFINITY;
    this.heads[at + 2] = left ? minor[record] : Number.POSITIVE_INFINITY;
  }
}

/**
 * A tournament of shard numbers (a loser tree), ordered by `before`, which may change only for the
 * shard that last won: its winner found again after that one moves on, in log2(shards)
 * comparisons, against two per level for a heap. Node n (1 to size − 1) holds the loser of the
 * match between its two subtrees; shard s plays from leaf size + s.
 */
class Tournament {
  private readonly losers: Int32Array;
  winner = 0;

  constructor(
    private readonly size: number,
    private readonly before: (a: number, b: number) => boolean,
  ) {
    this.losers = new Int32Array(Math.max(1, size));
    const winners = new Int32Array(2 * size);
    for (let shard = 0; shard < size; shard += 1) winners[size + shard] = shard;
    for (let node = size - 1; node >= 1; node -= 1) {
      const [a, b] = [winners[2 * node], winners[2 * node + 1]];
      const aFirst = before(a, b);
      winners[node] = aFirst ? a : b;
      this.losers[node] = aFirst ? b : a;
    }
    this.winner = size > 1 ? winners[1] : 0;
  }

  /** The winner `shard` has moved on: its matches up from its leaf played again. */
  replay(shard: number): void {
    let winner = shard;
    for (let node = (this.size + shard) >> 1; node >= 1; node >>= 1) {
      const loser = this.losers[node];
      if (this.before(loser, winner)) {
        this.losers[node] = winner;
        winner = loser;
      }
    }
    this.winner = winner;
  }
}
