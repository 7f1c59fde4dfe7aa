/**
 * A report carried from the engine's worker to the page in parts: each top-level field as UTF-8
 * JSON in a buffer of its own (moved, not copied), a long list in slices, so that the page
 * parses it in tasks of tens of milliseconds and stays responsive. One JSON.parse of the
 * 1,000-app fleet's 22 MB report held the page for about 200 ms.
 */
import type { Report } from '../../report/types.ts';

export interface ReportPart {
  /** The report's field; a list's slices share it and are joined in order. */
  key: string;
  list: boolean;
  bytes: ArrayBuffer;
}

/** Items of a list per part: a slice of the fleet's notifications is about 2 MB of JSON. */
export const LIST_SLICE = 20_000;

const encoder = new TextEncoder();
const bytesOf = (value: unknown) => encoder.encode(JSON.stringify(value)).buffer as ArrayBuffer;

export function reportParts(report: Report, slice = LIST_SLICE): ReportPart[] {
  return Object.entries(report).flatMap(([key, value]): ReportPart[] => {
    if (!Array.isArray(value)) return [{ key, list: false, bytes: bytesOf(value) }];
    const slices = Math.max(1, Math.ceil(value.length / slice));
    return Array.from({ length: slices }, (_, index) => ({ key, list: true, bytes: bytesOf(value.slice(index * slice, (index + 1) * slice)) }));
  });
}

/** Gives the page's other tasks a turn. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The report again, its parts parsed one task at a time (a turn for the page every `budgetMs`). */
export async function reportOfParts(parts: readonly ReportPart[], budgetMs = 30): Promise<Report> {
  const decoder = new TextDecoder();
  const report: Record<string, unknown> = {};
  let started = performance.now();
  for (const part of parts) {
    const value = JSON.parse(decoder.decode(part.bytes)) as unknown;
    if (part.list && Array.isArray(report[part.key])) (report[part.key] as unknown[]).push(...(value as unknown[]));
    else report[part.key] = value;
    if (performance.now() - started > budgetMs) {
      await nextTask();
      started = performance.now();
    }
  }
  return report as unknown as Report;
}
