/**
 * The report as the JSON document of docs/report-format.md, with a final newline:
 * `JSON.stringify(report, null, 2)`, written record by record. The chunks of `jsonChunks`
 * joined are exactly that text, but a large report (hundreds of megabytes, more than the
 * longest string V8 can hold) is never one string: the CLI writes the chunks as they come.
 */
import type { Report } from './types.ts';

const indented = (json: string, pad: string) => json.replace(/\n/g, `\n${pad}`);

export function* jsonChunks(report: Report): Generator<string> {
  const entries = Object.entries(report).filter(([, value]) => value !== undefined);
  if (entries.length === 0) {
    yield '{}\n';
    return;
  }
  yield '{';
  for (const [index, [key, value]] of entries.entries()) {
    yield `${index === 0 ? '' : ','}\n  ${JSON.stringify(key)}: `;
    if (!Array.isArray(value) || value.length === 0) {
      yield indented(JSON.stringify(value, null, 2), '  ');
      continue;
    }
    yield '[';
    for (let item = 0; item < value.length; item += 1) {
      yield `${item === 0 ? '' : ','}\n    ${indented(JSON.stringify(value[item], null, 2) ?? 'null', '    ')}`;
    }
    yield '\n  ]';
  }
  yield '\n}\n';
}

/** The report as its JSON document: the text of `JSON.stringify(report, null, 2)`, with a final newline. */
export function renderJson(report: Report): string {
  return [...jsonChunks(report)].join('');
}
