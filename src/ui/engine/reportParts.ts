/**
 * A report carried from the engine's worker to the page in parts: each top-level field as JSON
 * text in a message of its own and a long list in slices, each sent as soon as it is written, so
 * that the page parses one part per task while the worker writes the next, and never freezes.
 * Sent whole, the 1,000-app fleet's report (22 MB as JSON) held the page for about 200 ms. As
 * UTF-8 bytes (TextEncoder and TextDecoder) the parts cost the fleet about 0.4 s more in
 * Chromium; structured-cloned objects cost as little to send, but the page then worked on them
 * more slowly (BENCHMARKS.md, "The visualizer").
 */
import type { Report } from '../../report/types.ts';

export interface ReportPart {
  /** The report's field; a list's slices share it and are joined in order. */
  key: string;
  list: boolean;
  /** The field's value, or the slice of its list, as JSON. */
  json: string;
}

/** Items of a list per part: 5,000 of the fleet's notifications are about 0.6 MB as JSON, read by the page in one task. */
export const LIST_SLICE = 5_000;

/** The report's parts in order, each made when asked for. */
export function* reportParts(report: Report, slice = LIST_SLICE): Generator<ReportPart> {
  for (const [key, value] of Object.entries(report)) {
    if (!Array.isArray(value)) {
      yield { key, list: false, json: JSON.stringify(value) };
      continue;
    }
    const slices = Math.max(1, Math.ceil(value.length / slice));
    for (let index = 0; index < slices; index += 1) yield { key, list: true, json: JSON.stringify(value.slice(index * slice, (index + 1) * slice)) };
  }
}

/** The report again, from its parts in the order they were made, each parsed as it is added. */
export class ReportAssembler {
  private readonly fields: Record<string, unknown> = {};

  add(part: ReportPart): void {
    const held = this.fields[part.key];
    const value = JSON.parse(part.json) as unknown;
    if (part.list && Array.isArray(held)) {
      for (const item of value as unknown[]) held.push(item);
    } else this.fields[part.key] = value;
  }

  report(): Report {
    return this.fields as unknown as Report;
  }
}
