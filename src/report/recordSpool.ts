/**
 * A run's records written out as they come, for a report too large to hold in memory (`imsim run
 * --format json --out`): each section's records as the report's JSON text gives them (json.ts),
 * in a file of its own in a folder the caller owns, as the figures count them (figureSink.ts: a
 * bill once it is charged, in the order bills were pushed). The report's JSON is then the small
 * fields with each section read back from its file: the same text as the report held in memory,
 * byte for byte.
 */
import { closeSync, openSync, readSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { type Column, ints } from '../domain/column.ts';
import { FigureSink } from './figureSink.ts';
import type { Figures } from './kpis.ts';
import type { RecordLists } from './csv.ts';
import { ITEMS_PER_CHUNK, itemsChunk } from './json.ts';
import { type RecordSection, type Records, recordSections } from './types.ts';

/** A record of a list starts and ends on a line of its own, indented by four spaces (json.ts). */
const [RECORD_START, RECORD_END] = ['    {', '    }'];

/** Where a record's text starts in a list's bytes: no line of a nested value or a string starts so (json.ts). */
const RECORD_OPENING = Buffer.from(`\n${RECORD_START}`);

/** Text gathered up to this many bytes before each write, and read back in pieces of this many bytes. */
const PIECE = 1 << 20;

/** The most UTF-8 bytes one UTF-16 code unit of a string can take (a pair of surrogates takes four). */
const UTF8_BYTES_PER_UNIT = 3;

/** Text, and UTF-8 bytes decoded as text (a character may run on from one piece of bytes into the next). */
export function* decoded(pieces: Iterable<string | Buffer>): Generator<string> {
  const decoder = new StringDecoder('utf8');
  for (const piece of pieces) yield typeof piece === 'string' ? piece : decoder.write(piece);
  yield decoder.end();
}

/** The records of a list parsed back one at a time from its text: each is an object whose text runs from a line `    {` to a line `    }`. */
export function* parsedRecords(pieces: Iterable<string | Buffer>): Generator<unknown> {
  let lines: string[] | undefined;
  for (const line of linesOf(pieces)) {
    if (line === RECORD_START) lines = [line];
    else if (lines && line.startsWith(RECORD_END)) {
      lines.push(RECORD_END);
      yield JSON.parse(lines.join('\n'));
      lines = undefined;
    } else lines?.push(line);
  }
}

function* linesOf(pieces: Iterable<string | Buffer>): Generator<string> {
  let rest = '';
  for (const piece of decoded(pieces)) {
    const split = (rest + piece).split('\n');
    rest = split.pop() ?? '';
    yield* split;
  }
  yield rest;
}

/**
 * The texts of a file's records one after the other, each read by its length in bytes. What it
 * gives is valid until it reads on: its pieces may be read into one buffer.
 */
export class RecordReader {
  private piece: Buffer = Buffer.alloc(0);
  private offset = 0;

  constructor(private readonly pieces: Iterator<Buffer>) {}

  /** The next `length` bytes of the file. */
  next(length: number): Buffer {
    if (this.offset + length <= this.piece.length) {
      this.offset += length;
      return this.piece.subarray(this.offset - length, this.offset);
    }
    const copy = Buffer.allocUnsafe(length);
    this.copyNext(length, copy, 0);
    return copy;
  }

  /** The next byte of the file, without reading past it. */
  peek(): number {
    this.fill();
    return this.piece[this.offset];
  }

  /** Passes over the next `length` bytes of the file. */
  skip(length: number): void {
    this.copyNext(length, undefined, 0);
  }

  /** Copies the next `length` bytes of the file into `target` from `at` (none: passes over them): where the copy ends in `target`. */
  copyNext(length: number, target: Buffer | undefined, at: number): number {
    let [left, end] = [length, at];
    while (left > 0) {
      this.fill();
      const taken = Math.min(left, this.piece.length - this.offset);
      if (target) end += this.piece.copy(target, end, this.offset, this.offset + taken);
      this.offset += taken;
      left -= taken;
    }
    return end;
  }

  /** A piece with bytes left to read. */
  private fill(): void {
    while (this.offset >= this.piece.length) {
      const next = this.pieces.next();
      if (next.done) throw new Error('a spooled record runs past the end of its file');
      [this.piece, this.offset] = [next.value, 0];
    }
  }
}

/**
 * A file's bytes from its start, in pieces of their own (a piece may end inside a character), or
 * with `reused`, each read into the same buffer: a piece is then valid until the next is asked for.
 */
function* filePieces(fd: number, reused = false): Generator<Buffer> {
  const shared = reused ? Buffer.allocUnsafe(PIECE) : undefined;
  for (let position = 0; ; ) {
    const buffer = shared ?? Buffer.allocUnsafe(PIECE);
    const read = readSync(fd, buffer, 0, PIECE, position);
    if (read === 0) break;
    position += read;
    yield buffer.subarray(0, read);
  }
}

/** The file of a section's records in a spool's folder. */
const sectionPath = (dir: string, section: RecordSection) => join(dir, `${section}.json`);

/**
 * The UTF-8 length of each of `count` records' texts, which fill `bytes` from `start` to `end`:
 * each but the list's first starts at the comma before its `RECORD_OPENING`.
 */
function measure(bytes: Buffer, start: number, end: number, count: number, lengths: Column<Int32Array>): void {
  let at = start;
  for (let record = 1; record < count; record += 1) {
    const next = bytes.indexOf(RECORD_OPENING, at + 2) - 1;
    if (next < at) throw new Error('a spooled record\'s text does not start on a line of its own, as a record of a list does');
    lengths.push(next - at);
    at = next;
  }
  lengths.push(end - at);
}

/**
 * One section's records, as JSON text in a file; with `lengths`, the UTF-8 length of each
 * record's text (the comma before it included). The records are stringified `ITEMS_PER_CHUNK`
 * at a time; nothing changes them once taken (the report held in memory has them as they were
 * then).
 */
class SectionFile {
  count = 0;
  private fd: number | undefined;
  /** The records taken whose text is not made yet: the last of the `count`. */
  private waiting: unknown[] = [];
  /** The text of the records not yet written, encoded as UTF-8: the first `used` bytes (made at the first write after `flush(true)`). */
  private pending: Buffer | undefined;
  private used = 0;

  constructor(
    private readonly path: string,
    readonly lengths?: Column<Int32Array>,
  ) {
    this.fd = openSync(path, 'w+');
  }

  /** The open file: none once it is removed (`listBytesOnce`). */
  private get handle(): number {
    if (this.fd === undefined) throw new Error(`${this.path} was read once and removed`);
    return this.fd;
  }

  write(record: unknown): void {
    this.count += 1;
    this.waiting.push(record);
    if (this.waiting.length === ITEMS_PER_CHUNK) this.stringifyWaiting();
  }

  /** The text of the waiting records, gathered (or written at once if it is longer than what is gathered before a write). */
  private stringifyWaiting(): void {
    const records = this.waiting;
    if (records.length === 0) return;
    const text = itemsChunk(records, this.count - records.length);
    this.waiting = [];
    const most = text.length * UTF8_BYTES_PER_UNIT;
    if (this.used + most > PIECE) this.writePending();
    if (most > PIECE) {
      const bytes = Buffer.from(text);
      if (this.lengths) measure(bytes, 0, bytes.length, records.length, this.lengths);
      writeFileSync(this.handle, bytes);
      return;
    }
    this.pending ??= Buffer.allocUnsafe(PIECE);
    const start = this.used;
    this.used += this.pending.write(text, start);
    if (this.lengths) measure(this.pending, start, this.used, records.length, this.lengths);
  }

  private writePending(): void {
    if (this.pending && this.used > 0) writeFileSync(this.handle, this.pending.subarray(0, this.used)); // all of it, even if the system writes it in parts
    this.used = 0;
  }

  /** Writes the text of every record taken; `release`: and lets its buffer go (a batch's spool, done writing). */
  flush(release = false): void {
    this.stringifyWaiting();
    this.writePending();
    if (release) this.pending = undefined;
  }

  /** The section's JSON list, read back from the start of the file. */
  text(): Generator<string> {
    return decoded(this.listBytes());
  }

  /** The same list with the records as the file's bytes (UTF-8), not decoded: to be written out as they are. */
  *listBytes(): Generator<string | Buffer> {
    if (this.count === 0) {
      yield '[]';
      return;
    }
    yield '[';
    yield* this.pieces();
    yield '\n  ]';
  }

  /** The same list, then the file closed and removed. */
  *listBytesOnce(): Generator<string | Buffer> {
    yield* this.listBytes();
    this.close();
    rmSync(this.path, { force: true });
  }

  /** The section's records, parsed back one at a time. */
  records(): Generator<unknown> {
    return parsedRecords(this.pieces());
  }

  /** The file's bytes from its start, in pieces of their own (a piece may end inside a character). */
  *pieces(): Generator<Buffer> {
    this.flush();
    yield* filePieces(this.handle);
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

export class RecordSpool extends FigureSink {
  private readonly files: Record<RecordSection, SectionFile>;

  /**
   * `dir` exists and is the spool's alone; the records are counted into `figures`. `measured`: the
   * length of each record's text is kept, so that the records can be read back one by one
   * (`recordLengths`, `SpooledRecords`), as the spools of a run's batches are merged (sim/batchedRun.ts).
   */
  constructor(dir: string, figures: Figures, measured = false) {
    super(figures);
    this.files = Object.fromEntries(
      recordSections.map((section) => [section, new SectionFile(sectionPath(dir, section), measured ? ints() : undefined)]),
    ) as Record<RecordSection, SectionFile>;
  }

  /** The length of each record's text, by section (a `measured` spool), every record taken written first: to read them back with `SpooledRecords`. */
  recordLengths(): Record<RecordSection, Int32Array> {
    return Object.fromEntries(
      recordSections.map((section) => {
        const file = this.files[section];
        file.flush();
        const { lengths } = file;
        if (!lengths) throw new Error('the spool did not keep the length of its records');
        return [section, lengths.values()];
      }),
    ) as Record<RecordSection, Int32Array>;
  }

  /** Each section's records, read back from its file (for `csvTables`). */
  lists(): RecordLists {
    return Object.fromEntries(recordSections.map((section) => [section, () => this.files[section].records()])) as unknown as RecordLists;
  }

  /** The JSON list of a section, or undefined for another key of the report (for `jsonChunks`). */
  list(key: string): Iterable<string> | undefined {
    return this.fileOf(key)?.text();
  }

  /** The same list with its records as the bytes of their file, to be written out without decoding them. */
  listBytes(key: string): Iterable<string | Buffer> | undefined {
    return this.fileOf(key)?.listBytes();
  }

  /** The same bytes, then the section's file removed (`SpooledReport.jsonBytesOnce`). */
  listBytesOnce(key: string): Iterable<string | Buffer> | undefined {
    return this.fileOf(key)?.listBytesOnce();
  }

  private fileOf(key: string): SectionFile | undefined {
    return (recordSections as readonly string[]).includes(key) ? this.files[key as RecordSection] : undefined;
  }

  close(): void {
    for (const file of Object.values(this.files)) file.close();
  }

  /** Once the run is over: the bills never charged taken, every file's text written, and the buffers let go. */
  override flush(): void {
    super.flush();
    for (const file of Object.values(this.files)) file.flush(true);
  }

  protected override take<S extends RecordSection>(section: S, record: Records[S][number]): void {
    this.files[section].write(record);
    super.take(section, record);
  }
}

/**
 * The records a `measured` spool wrote into `dir`, once it is closed (by this thread or another):
 * each section's texts read back in order, by the lengths it kept (`recordLengths`).
 */
export class SpooledRecords {
  private readonly open = new Set<number>();

  constructor(
    private readonly dir: string,
    private readonly lengths: Record<RecordSection, Int32Array>,
  ) {}

  /** The section's records read back in order, one text at a time, the length of each, and how to close the file once read. */
  reader(section: RecordSection): { reader: RecordReader; lengths: Int32Array; close(): void } {
    const fd = openSync(sectionPath(this.dir, section), 'r');
    this.open.add(fd);
    const close = () => {
      if (this.open.delete(fd)) closeSync(fd);
    };
    return { reader: new RecordReader(filePieces(fd, true)), lengths: this.lengths[section], close };
  }

  /** Removes the section's file, once it is read for the last time. */
  remove(section: RecordSection): void {
    rmSync(sectionPath(this.dir, section), { force: true });
  }

  /** Closes every file still open. */
  close(): void {
    for (const fd of this.open) closeSync(fd);
    this.open.clear();
  }
}
