/**
 * A run's records written out as they come, for a report too large to hold in memory (`imsim run
 * --format json --out`): each section's records as the report's JSON text gives them (json.ts),
 * in a file of its own in a folder the caller owns, as the figures count them (figureSink.ts: a
 * bill once it is charged, in the order bills were pushed). The report's JSON is then the small
 * fields with each section read back from its file: the same text as the report held in memory,
 * byte for byte.
 */
import { closeSync, openSync, readSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { FigureSink } from './figureSink.ts';
import type { RecordLists } from './csv.ts';
import { itemChunk } from './json.ts';
import { type RecordSection, type Records, recordSections } from './types.ts';

/** A record of a list starts and ends on a line of its own, indented by four spaces (json.ts). */
const [RECORD_START, RECORD_END] = ['    {', '    }'];

/** Text gathered up to this many bytes before each write, and read back in pieces of this many bytes. */
const PIECE = 1 << 20;

/** The most UTF-8 bytes one UTF-16 code unit of a string can take (a pair of surrogates takes four). */
const UTF8_BYTES_PER_UNIT = 3;

/** Text, and UTF-8 bytes decoded as text (a character may run on from one piece of bytes into the next). */
function* decoded(pieces: Iterable<string | Buffer>): Generator<string> {
  const decoder = new StringDecoder('utf8');
  for (const piece of pieces) yield typeof piece === 'string' ? piece : decoder.write(piece);
  yield decoder.end();
}

/** One section's records, as JSON text in a file. */
class SectionFile {
  count = 0;
  private readonly fd: number;
  /** The text of the records not yet written, encoded as UTF-8: the first `used` bytes. */
  private readonly pending = Buffer.allocUnsafe(PIECE);
  private used = 0;

  constructor(path: string) {
    this.fd = openSync(path, 'w+');
  }

  write(record: unknown): void {
    const chunk = itemChunk(record, this.count);
    this.count += 1;
    if (this.used + chunk.length * UTF8_BYTES_PER_UNIT > PIECE) {
      this.flush();
      if (chunk.length * UTF8_BYTES_PER_UNIT > PIECE) {
        writeFileSync(this.fd, chunk);
        return;
      }
    }
    this.used += this.pending.write(chunk, this.used);
  }

  flush(): void {
    if (this.used > 0) writeFileSync(this.fd, this.pending.subarray(0, this.used)); // all of it, even if the system writes it in parts
    this.used = 0;
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

  /** The section's records, parsed back one at a time: each is an object whose text runs from a line `    {` to a line `    }`. */
  *records(): Generator<unknown> {
    let lines: string[] | undefined;
    for (const line of this.lines()) {
      if (line === RECORD_START) lines = [line];
      else if (lines && line.startsWith(RECORD_END)) {
        lines.push(RECORD_END);
        yield JSON.parse(lines.join('\n'));
        lines = undefined;
      } else lines?.push(line);
    }
  }

  private *lines(): Generator<string> {
    let rest = '';
    for (const piece of decoded(this.pieces())) {
      const split = (rest + piece).split('\n');
      rest = split.pop() ?? '';
      yield* split;
    }
    yield rest;
  }

  /** The file's bytes from its start, in pieces of their own (a piece may end inside a character). */
  private *pieces(): Generator<Buffer> {
    this.flush();
    for (let position = 0; ; ) {
      const buffer = Buffer.allocUnsafe(PIECE);
      const read = readSync(this.fd, buffer, 0, PIECE, position);
      if (read === 0) break;
      position += read;
      yield buffer.subarray(0, read);
    }
  }

  close(): void {
    closeSync(this.fd);
  }
}

export class RecordSpool extends FigureSink {
  private readonly files: Record<RecordSection, SectionFile>;

  /** `dir` exists and is the spool's alone; `accounts` and `period` are the report's, known before the run. */
  constructor(dir: string, accounts: Records['accounts'], period: Records['period']) {
    super(accounts, period);
    this.files = Object.fromEntries(recordSections.map((section) => [section, new SectionFile(join(dir, `${section}.json`))])) as Record<RecordSection, SectionFile>;
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

  private fileOf(key: string): SectionFile | undefined {
    return (recordSections as readonly string[]).includes(key) ? this.files[key as RecordSection] : undefined;
  }

  close(): void {
    for (const file of Object.values(this.files)) file.close();
  }

  protected override take<S extends RecordSection>(section: S, record: Records[S][number]): void {
    this.files[section].write(record);
    super.take(section, record);
  }
}
