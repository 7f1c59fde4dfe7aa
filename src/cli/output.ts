/** How `run` and `resume` hand a finished report to the user: stdout or files, in a format. */
import { batched, writeFilesAtomic } from '../report/atomicWrite.ts';
import { fileContents, type ReportFormat, renderFiles, reportFormats } from '../report/formats.ts';
import { jsonChunks } from '../report/json.ts';
import { renderText } from '../report/text.ts';
import type { Report } from '../report/types.ts';
import { UsageError, wholeOption } from './args.ts';

export const outputOptions = {
  format: { type: 'string', default: 'text' },
  out: { type: 'string' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  summary: { type: 'boolean' },
  top: { type: 'string' },
} as const;

export interface OutputValues {
  format?: string;
  out?: string;
  color?: boolean;
  'no-color'?: boolean;
  summary?: boolean;
  top?: string;
}

export function checkOutput(values: OutputValues): ReportFormat {
  const format = (values.format ?? 'text') as ReportFormat;
  if (!reportFormats.includes(format)) throw new UsageError(`--format must be one of ${reportFormats.join(', ')}`);
  if (format === 'csv' && !values.out) throw new UsageError('--format csv writes one file per array: give --out DIR');
  if ((values.summary || values.top !== undefined) && format !== 'text') {
    throw new UsageError('--summary and --top shape the text report; the other formats hold every record and the KPIs');
  }
  if (values.top !== undefined) wholeOption(values.top, '--top', 1);
  return format;
}

/** Prints or writes the report; the exit code is 1 when an expectation failed. */
export function deliver(report: Report, values: OutputValues, source: string): number {
  const format = checkOutput(values);
  const shape = { summary: values.summary === true, ...(values.top === undefined ? {} : { top: Number(values.top) }) };
  if (values.out) {
    writeFilesAtomic(values.out, fileContents(report, format, shape));
    process.stderr.write(`wrote the ${format} report of ${source} to ${values.out}\n`);
  } else if (format === 'text') {
    const color = values['no-color'] ? false : (values.color ?? process.stdout.isTTY === true);
    process.stdout.write(renderText(report, { color, ...shape }));
  } else if (format === 'json') {
    for (const piece of batched(jsonChunks(report))) process.stdout.write(piece);
  } else {
    process.stdout.write(Object.values(renderFiles(report, format)).join('\n'));
  }
  return report.expectations.every((expectation) => expectation.ok) ? 0 : 1;
}
