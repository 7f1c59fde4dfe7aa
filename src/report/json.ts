/**
 * The report as the JSON document of docs/report-format.md, with a final newline:
 * `JSON.stringify(report, null, 2)`, written record by record. The chunks of `jsonChunks`
 * joined are exactly that text, but a large report (hundreds of megabytes, more than the
 * longest string V8 can hold) is never one string: the CLI writes the chunks as they come.
 */
import type { Report } from './types.ts';

const indented = (json: string, pad: string) => json.replace(/\n/g, `\n${pad}`);

/** What JSON.stringify writes around an item two lists deep: `[\n  [\n    ` before it, `\n  ]\n]` after. */
const [NESTED_BEFORE, NESTED_AFTER] = [10, 6];

/**
 * The text of a record list's `index`-th item, as the report writes it (the comma before all but
 * the first): the item stringified two lists deep, so that JSON.stringify indents it as the
 * report does, without a second pass over its text.
 */
export function itemChunk(item: unknown, index: number): string {
  return `${index === 0 ? '' : ','}\n    ${JSON.stringify([[item]], null, 2).slice(NESTED_BEFORE, -NESTED_AFTER)}`;
}

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
    for (let item = 0; item < value.length; item += 1) yield itemChunk(value[item], item);
    yield '\n  ]';
  }
  yield '\n}\n';
}

/** The report as its JSON document: the text of `JSON.stringify(report, null, 2)`, with a final newline. */
export function renderJson(report: Report): string {
  return [...jsonChunks(report)].join('');
}
