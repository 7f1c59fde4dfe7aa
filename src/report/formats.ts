/** The report formats `imsim run --format` knows, and the file each writes under `--out`. */
import type { TextContent } from './atomicWrite.ts';
import { csvTables, type RecordLists } from './csv.ts';
import { jsonChunks } from './json.ts';
import { renderMarkdown } from './markdown.ts';
import { renderText, type TextOptions } from './text.ts';
import type { Report } from './types.ts';

export const reportFormats = ['text', 'json', 'csv', 'md'] as const;
export type ReportFormat = (typeof reportFormats)[number];

/**
 * The files of a report in a format: one for text, JSON and Markdown, one per array for CSV.
 * JSON and CSV come as chunks made as they are read (written by `writeFilesAtomic`). `lists`
 * gives a spooled run's records for CSV (sim/spooledRun.ts).
 */
export function fileContents(report: Report, format: ReportFormat, text: TextOptions = {}, lists?: RecordLists): Record<string, TextContent> {
  switch (format) {
    case 'json':
      return { 'report.json': jsonChunks(report) };
    case 'md':
      return { 'report.md': renderMarkdown(report) };
    case 'csv':
      return Object.fromEntries(Object.entries(csvTables(report, lists)).map(([name, table]) => [name, table()]));
    case 'text':
      return { 'report.txt': renderText(report, text) };
  }
}

/** The same files, each as one string. */
export function renderFiles(report: Report, format: ReportFormat): Record<string, string> {
  const joined = (content: TextContent) => (typeof content === 'string' ? content : [...content].join(''));
  return Object.fromEntries(Object.entries(fileContents(report, format)).map(([name, content]) => [name, joined(content)]));
}
