/**
 * The report as the JSON document of docs/report-format.md, with a final newline:
 * `JSON.stringify(report, null, 2)`, written a few records at a time. The chunks of `jsonChunks`
 * joined are exactly that text, but a large report (hundreds of megabytes, more than the
 * longest string V8 can hold) is never one string: the CLI writes the chunks as they come.
 */
import type { Report } from './types.ts';

const indented = (json: string, pad: string) => json.replace(/\n/g, `\n${pad}`);

/** What JSON.stringify writes around items two lists deep: `[\n  [` before the first one's `\n    `, `\n  ]\n]` after the last. */
const [NESTED_BEFORE, NESTED_AFTER] = [5, 6];

/**
 * The text of a record list's items from its `first`-th on, as the report writes them: each on
 * lines of its own after a comma (but the list's first), stringified two lists deep so that
 * JSON.stringify indents them as the report does, without a second pass over their text. One
 * call for 64 items takes about three quarters of the time of 64 calls (BENCHMARKS.md). `items`
 * is not empty.
 */
export function itemsChunk(items: readonly unknown[], first: number): string {
  return `${first === 0 ? '' : ','}${JSON.stringify([items], null, 2).slice(NESTED_BEFORE, -NESTED_AFTER)}`;
}

/** The most records stringified in one call, held until then by a spool (report/recordSpool.ts). */
export const ITEMS_PER_CHUNK = 64;

/**
 * The report's JSON text in chunks. `lists` gives the text of record lists kept elsewhere (a run
 * that wrote its records out as it went, report/recordSpool.ts): for such a key, its chunks
 * replace the report's own (empty) list. Those chunks may be UTF-8 bytes (a character can be
 * split between two of them): write them out, or join them as bytes, never as strings.
 */
export function* jsonChunks<Chunk extends string | Uint8Array = string>(report: Report, lists?: (key: string) => Iterable<Chunk> | undefined): Generator<string | Chunk> {
  const entries = Object.entries(report).filter(([, value]) => value !== undefined);
  if (entries.length === 0) {
    yield '{}\n';
    return;
  }
  yield '{';
  for (const [index, [key, value]] of entries.entries()) {
    yield `${index === 0 ? '' : ','}\n  ${JSON.stringify(key)}: `;
    const kept = lists?.(key);
    if (kept) {
      yield* kept;
      continue;
    }
    if (!Array.isArray(value) || value.length === 0) {
      yield indented(JSON.stringify(value, null, 2), '  ');
      continue;
    }
    yield '[';
    for (let first = 0; first < value.length; first += ITEMS_PER_CHUNK) yield itemsChunk(value.slice(first, first + ITEMS_PER_CHUNK), first);
    yield '\n  ]';
  }
  yield '\n}\n';
}

/** The report as its JSON document: the text of `JSON.stringify(report, null, 2)`, with a final newline. */
export function renderJson(report: Report): string {
  return [...jsonChunks(report)].join('');
}
