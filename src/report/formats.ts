/** The report formats `imsim run --format` knows, and the file each writes under `--out`. */
import { renderCsv } from './csv.ts';
import { renderJson } from './json.ts';
import { renderMarkdown } from './markdown.ts';
import { renderText } from './text.ts';
import type { Report } from './types.ts';

export const reportFormats = ['text', 'json', 'csv', 'md'] as const;
export type ReportFormat = (typeof reportFormats)[number];

/** The files of a report in a format: one for text, JSON and Markdown, one per array for CSV. */
export function renderFiles(report: Report, format: ReportFormat): Record<string, string> {
  switch (format) {
    case 'json':
      return { 'report.json': renderJson(report) };
    case 'md':
      return { 'report.md': renderMarkdown(report) };
    case 'csv':
      return renderCsv(report);
    case 'text':
      return { 'report.txt': renderText(report) };
  }
}
