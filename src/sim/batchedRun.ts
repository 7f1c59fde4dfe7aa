/**
 * A run written out as it goes (spooledRun.ts), played in batches of accounts, one after another
 * (batchPlay.ts) or on several threads at once (spooledOnThreads.ts): each batch is a shard of
 * the run (shard.ts), its records spooled into a folder of their own with their keys, and the
 * report's lists are the batches' records merged in the order of the whole run (shardMerge.ts),
 * copied as the bytes they were written as, with the orders numbered anew. The same report, byte
 * for byte, as the run played whole; but a batch keeps only its own accounts' apps in memory, so
 * a large population's run works on a smaller heap, which the collector marks faster and the
 * processor's caches hold better.
 */
import { figuresResult } from '../report/kpis.ts';
import { jsonChunks } from '../report/json.ts';
import { decoded, parsedRecords, type RecordReader, SpooledRecords } from '../report/recordSpool.ts';
import type { RecordLists } from '../report/csv.ts';
import { type RecordSection, type Report, recordSections } from '../report/types.ts';
import type { Policy } from '../policy/schema.ts';
import type { Scenario } from '../scenario/types.ts';
import { mayNameOrders, renamedBy, sectionsNamingOrders, textWithOrdersRenamed } from './orderIds.ts';
import { type KeyColumns, KeyMerge, stepsOf } from './mergedSteps.ts';
import { type BatchProgress, type CountedBatch, inTurn, type PlayedBatch, playBatches } from './batchPlay.ts';
import { byRank } from './shardMerge.ts';
import { recordKeys } from './recordOrder.ts';

/** What `spooledRun` gives: the report without its records, its whole JSON (as text or with bytes, to read again or once), its record lists, and the files to close. */
export interface SpooledReport {
  /** The report with empty record lists: its figures, apps, accounts and policy. */
  report: Report;
  /** The whole report's JSON text, the record lists read back from their files. */
  json: Iterable<string>;
  /**
   * The same text, with the record lists as the UTF-8 bytes of their files, not decoded: what
   * to write to a file (`writeFileAtomic` takes it), most of a large report without a text of it.
   */
  jsonBytes: Iterable<string | Uint8Array>;
  /**
   * The same bytes, read once: the files of each record list are removed as soon as the list is
   * read, so that the run needs room on disk for about one report, not two (its records' files
   * and the report written from them), and the system need not write to disk what it still holds
   * of them. None of the report can be read again after it.
   */
  jsonBytesOnce: Iterable<string | Uint8Array>;
  /** Each record list, parsed back from its file on demand (for `csvTables(report, lists)`). */
  lists: RecordLists;
  /** Closes the files (the caller removes `dir`). */
  close(): void;
}

/** Merged text gathered up to this many bytes before it is handed on. */
const PIECE = 1 << 20;

/** A batch to merge: its keys, accounts and apps, and its records read back from its folder. */
interface Batch extends PlayedBatch {
  spool: SpooledRecords;
}

/** Each batch's new number of its orders: `numbers[batch][n - 1]` for its order `On`. */
function orderNumbers(batches: Batch[], orders: KeyColumns[]): Int32Array[] {
  const numbers = batches.map((batch) => new Int32Array(batch.sections.orders?.node.length ?? 0));
  const next = batches.map(() => 0);
  let merged = 0;
  for (const step of stepsOf(new KeyMerge(orders))) {
    if (step < 0) next[-1 - step] += 1;
    else numbers[step][next[step]++] = ++merged;
  }
  return numbers;
}

const COMMA = 0x2c;

/** The merged list's bytes, gathered in pieces of about `PIECE` bytes. */
class Pieces {
  private buffer = Buffer.allocUnsafe(PIECE);
  private size = 0;

  /** Room for `bytes` more: the piece they do not fit in, to hand on, if it holds any. */
  room(bytes: number): Buffer | undefined {
    if (this.size + bytes <= this.buffer.length) return undefined;
    const full = this.size > 0 ? this.rest() : undefined;
    [this.buffer, this.size] = [Buffer.allocUnsafe(Math.max(PIECE, bytes)), 0];
    return full;
  }

  comma(): void {
    this.buffer[this.size++] = COMMA;
  }

  bytes(text: Buffer): void {
    this.size += text.copy(this.buffer, this.size);
  }

  /** The next `length` bytes of `reader`, copied in without a buffer of their own. */
  read(reader: RecordReader, length: number): void {
    this.size = reader.copyNext(length, this.buffer, this.size);
  }

  rest(): Buffer {
    return this.buffer.subarray(0, this.size);
  }
}

/** The text of a record of a batch, with the orders it names numbered as in the merged run (`numbers`: the batch's). */
function renamed(section: RecordSection, text: Buffer, numbers: Int32Array): Buffer {
  if (!mayNameOrders(text)) return text;
  const json = text.toString();
  const renamedJson = textWithOrdersRenamed(section, json, renamedBy(numbers));
  return renamedJson === json ? text : Buffer.from(renamedJson);
}

/**
 * One section's JSON list: the batches' records merged, as UTF-8 bytes in pieces of about a
 * megabyte; `once`: the batches' files of the section removed once it is read.
 */
function* mergedList(batches: Batch[], section: RecordSection, keys: KeyColumns[], numbers: Int32Array[], once = false): Generator<string | Buffer> {
  const readers = batches.map((batch) => batch.spool.reader(section));
  try {
    yield* mergedText(readers, keys, section, numbers);
  } finally {
    for (const reader of readers) reader.close();
  }
  if (once) for (const batch of batches) batch.spool.remove(section);
}

/**
 * The list's text from the batches' readers of the section, in `order`: each record with the
 * comma before it unless it comes first (json.ts, `itemsChunk`), copied from its file, or renamed
 * when its section names orders.
 */
function* mergedText(readers: { reader: RecordReader; lengths: Int32Array }[], keys: KeyColumns[], section: RecordSection, numbers: Int32Array[]): Generator<string | Buffer> {
  const lengths = readers.map((reader) => reader.lengths.length);
  if (lengths.every((length) => length === 0)) {
    yield '[]';
    return;
  }
  const renames = (sectionsNamingOrders as readonly RecordSection[]).includes(section);
  const next = readers.map(() => 0);
  const pieces = new Pieces();
  const merge = new KeyMerge(keys);
  let written = 0;
  yield '[';
  for (let steps = merge.next(); steps.length > 0; steps = merge.next()) {
    for (const step of steps) {
      const batch = step < 0 ? -1 - step : step;
      const { reader, lengths: sizes } = readers[batch];
      const length = sizes[next[batch]++];
      if (step < 0) {
        reader.skip(length);
        continue;
      }
      const text = renames ? renamed(section, reader.next(length), numbers[batch]) : undefined;
      const comma = (text ? text[0] : reader.peek()) === COMMA;
      const full = pieces.room((text?.length ?? length) + 1);
      if (full) yield full;
      if (written > 0 && !comma) pieces.comma();
      const dropped = written === 0 && comma ? 1 : 0;
      if (text) pieces.bytes(text.subarray(dropped));
      else {
        reader.skip(dropped);
        pieces.read(reader, length - dropped);
      }
      written += 1;
    }
  }
  yield pieces.rest();
  yield '\n  ]';
}

/**
 * Runs the scenario in `count` batches of accounts (account i in batch i mod count), each with its
 * records written into a folder of its own inside `dir`: the report `spooledRun(scenario, dir,
 * policy)` gives, byte for byte. `progress` hears of each batch played.
 */
export function batchedRun(scenario: Scenario, dir: string, policy: Policy, count: number, progress: BatchProgress = () => {}): SpooledReport {
  const { indexes, played } = inTurn(count, progress);
  return mergedBatches(playBatches(scenario, policy, dir, indexes, count, played));
}

/**
 * The report of batches without their records (every list empty): their accounts and apps in the
 * order of the whole run, their figures added up. `batches` are in the order of their index.
 */
export function reportOfBatches(batches: readonly CountedBatch[]): Report {
  const accounts = byRank(
    batches.map((batch) => batch.records.accounts),
    batches.map((batch) => batch.accountRanks),
  );
  const apps = byRank(
    batches.map((batch) => batch.records.apps),
    batches.map((batch) => batch.appRanks),
  );
  const { kpis, summary } = figuresResult(batches.map((batch) => batch.totals), apps, accounts);
  return { ...batches[0].records, accounts, apps, expectations: [], summary, kpis };
}

/**
 * The report of a run played in batches, by one thread or several: its lists merged from the
 * batches' records. `played` are in the order of their index (as `playBatches` over `inTurn`'s
 * indexes and `playedOnThreads` give them).
 */
export function mergedBatches(played: readonly PlayedBatch[]): SpooledReport {
  const batches: Batch[] = played.map((batch) => ({ ...batch, spool: new SpooledRecords(batch.folder, batch.lengths) }));
  const report = reportOfBatches(batches);
  const keysOf = recordKeys(batches);
  const numbers = orderNumbers(batches, keysOf('orders'));
  const list = (key: string, once = false) => ((recordSections as readonly string[]).includes(key) ? mergedList(batches, key as RecordSection, keysOf(key), numbers, once) : undefined);
  return {
    report,
    json: jsonChunks(report, (key) => {
      const bytes = list(key);
      return bytes && decoded(bytes);
    }),
    jsonBytes: jsonChunks(report, list),
    jsonBytesOnce: jsonChunks(report, (key) => list(key, true)),
    lists: Object.fromEntries(recordSections.map((section) => [section, () => parsedRecords(mergedList(batches, section, keysOf(section), numbers))])) as unknown as RecordLists,
    close: () => {
      for (const batch of batches) batch.spool.close();
    },
  };
}
