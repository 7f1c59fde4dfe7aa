/**
 * Where each job and each record of a shard stands in the order of the whole run (shard.ts).
 *
 * The clock runs jobs in (instant, priority, rank, sequence) order, and the sequence is the order
 * jobs were scheduled in, across all accounts: a shard, which runs some accounts only, cannot
 * know it. But a job was scheduled by the job running then (its parent), as that job's n-th
 * scheduling for one subject, so "scheduled before" is "parent ran before, or same parent and
 * earlier". A job's key is therefore (instant, priority, rank, parent's key, subject, index),
 * compared in that order, and a record's key is its job's key, its subject and its index. Two
 * shards' keys compare as the single-thread run orders the same jobs and records.
 *
 * The subject is an actor's rank when one job works for many accounts (a month close, a change
 * of policy), so that each account's share is numbered on its own; 0 otherwise. Work done before
 * any job (setup) hangs under a first node; the close of the last month, after every job, under a
 * last one.
 */

import { type Column, floats, ints } from '../domain/column.ts';

export interface JobNode {
  readonly at: number;
  readonly priority: number;
  readonly rank: number;
  /** The job that scheduled this one; null for the setup and final nodes, and once this node has its row (`Rows.of` reads no further). */
  parent: JobNode | null;
  readonly subject: number;
  readonly index: number;
  /** Its row in the table once a record hangs under it or under a job it scheduled, −1 before (set at creation, so that every node has one shape). */
  row: number;
}

/** Where a scheduled job comes from: kept with it in the queue until it runs. */
export interface Origin {
  readonly parent: JobNode;
  readonly subject: number;
  readonly index: number;
}

/** Subjects of setup and of the jobs that work for many actors (an actor's own subject is its rank). */
export const Subject = {
  none: 0,
  /** Setup: the scenario's event i is scheduled under `events + i`, a policy change under `policyChanges + i`. */
  events: 1e9,
  policyChanges: 2e9,
  monthCloses: 3e9,
  /** A change of policy: the apps' share under their ranks, then the accounts' under `accounts + rank`, then the rest. */
  accounts: 1e9,
  trailer: 4e9,
  /** A job its parent scheduled to run at once, before the parent's own place (see `enter`). */
  late: 5e9,
} as const;

/** A shard's keys as plain arrays, to leave its thread: one row per job node. */
export interface KeyTable {
  at: Float64Array;
  priority: Float64Array;
  rank: Float64Array;
  /** The parent's row; −1 for none. */
  parent: Int32Array;
  subject: Float64Array;
  index: Float64Array;
}

/** The keys of one section's records, in record order. */
export interface SectionKeys {
  node: Int32Array;
  subject: Float64Array;
  index: Float64Array;
}

/** Each section's record keys, as they are made. */
interface Keys {
  nodes: Column<Int32Array>;
  subjects: Column<Float64Array>;
  indexes: Column<Float64Array>;
}

/** The rows of the job nodes records hang under, numbered as records are made. */
class Rows {
  readonly at = floats();
  readonly priority = floats();
  readonly rank = floats();
  readonly parent = ints();
  readonly subject = floats();
  readonly index = floats();

  /**
   * The node's row, numbering it (after its ancestors without one, so that a parent's row comes
   * before its children's) when it has none yet: a loop, since a chain of jobs each scheduled by
   * the one before can be as long as the run.
   */
  of(node: JobNode): number {
    if (node.row >= 0) return node.row;
    const chain: JobNode[] = [];
    for (let next: JobNode | null = node; next !== null && next.row < 0; next = next.parent) chain.push(next);
    for (let link = chain.length - 1; link >= 0; link -= 1) this.add(chain[link]);
    return node.row;
  }

  private add(node: JobNode): void {
    node.row = this.at.length;
    this.at.push(node.at);
    this.priority.push(node.priority);
    this.rank.push(node.rank);
    this.parent.push(node.parent ? node.parent.row : -1);
    this.subject.push(node.subject);
    this.index.push(node.index);
    node.parent = null;
  }

  table(): KeyTable {
    const { at, priority, rank, parent, subject, index } = this;
    return { at: at.values(), priority: priority.values(), rank: rank.values(), parent: parent.values(), subject: subject.values(), index: index.values() };
  }
}

const endNode = (at: number): JobNode => ({ at, priority: 0, rank: 0, parent: null, subject: 0, index: 0, row: -1 });

export class JobKeys {
  private current = endNode(Number.NEGATIVE_INFINITY);
  private subjectNow: number = Subject.none;
  private counter = 0;
  private readonly rows = new Rows();
  private readonly sections = new Map<string, Keys>();

  /** For a job being scheduled now. */
  origin(): Origin {
    return { parent: this.current, subject: this.subjectNow, index: this.counter++ };
  }

  /**
   * A job starts running. One its parent scheduled ahead of the parent's own (instant, priority,
   * rank), such as a warning due now or a delay of 0, runs at once after the parent: it counts
   * as the rest of the parent's job, after everything the parent did.
   */
  enter(at: number, priority: number, rank: number, origin: Origin): void {
    const parent = origin.parent;
    if (parent === this.current && (sign(at, parent.at) || sign(priority, parent.priority) || sign(rank, parent.rank)) < 0) {
      if (this.subjectNow !== Subject.late) this.subject(Subject.late);
      return;
    }
    this.current = { at, priority, rank, parent: origin.parent, subject: origin.subject, index: origin.index, row: -1 };
    this.subject(Subject.none);
  }

  /** After every job: the close of the last month. */
  enterFinal(): void {
    this.current = endNode(Number.POSITIVE_INFINITY);
    this.subject(Subject.none);
  }

  /** From now on the job works for this subject. */
  subject(subject: number): void {
    this.subjectNow = subject;
    this.counter = 0;
  }

  /** A record of `section` is made now: its key goes into the section's columns, its job's node into the rows. */
  record(section: string): void {
    let keys = this.sections.get(section);
    if (!keys) {
      keys = { nodes: ints(), subjects: floats(), indexes: floats() };
      this.sections.set(section, keys);
    }
    keys.nodes.push(this.rows.of(this.current));
    keys.subjects.push(this.subjectNow);
    keys.indexes.push(this.counter++);
  }

  /** The nodes the records hang under, with their ancestors, and each section's record keys. */
  export(): { table: KeyTable; sections: Record<string, SectionKeys> } {
    const sections: Record<string, SectionKeys> = {};
    for (const [section, keys] of this.sections) sections[section] = { node: keys.nodes.values(), subject: keys.subjects.values(), index: keys.indexes.values() };
    return { table: this.rows.table(), sections };
  }
}

const sign = (a: number, b: number) => (a < b ? -1 : a > b ? 1 : 0);

/** The order of two jobs of two shards' tables (the same job of both: 0). */
export function compareNodes(a: KeyTable, rowA: number, b: KeyTable, rowB: number): number {
  const head = sign(a.at[rowA], b.at[rowB]) || sign(a.priority[rowA], b.priority[rowB]) || sign(a.rank[rowA], b.rank[rowB]);
  if (head !== 0) return head;
  const [parentA, parentB] = [a.parent[rowA], b.parent[rowB]];
  if (parentA < 0 || parentB < 0) return sign(parentA, parentB);
  return compareNodes(a, parentA, b, parentB) || sign(a.subject[rowA], b.subject[rowB]) || sign(a.index[rowA], b.index[rowB]);
}
