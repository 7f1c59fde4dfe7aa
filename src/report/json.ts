/** The report as the JSON document of docs/report-format.md, with a final newline. */
import type { Report } from './types.ts';

export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
