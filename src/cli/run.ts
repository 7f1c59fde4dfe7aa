/** `imsim run FILE`: simulate one scenario and print or write its report. */
import { writeFilesAtomic } from '../report/atomicWrite.ts';
import { type ReportFormat, renderFiles, reportFormats } from '../report/formats.ts';
import { renderJson } from '../report/json.ts';
import { renderText } from '../report/text.ts';
import type { Report } from '../report/types.ts';
import { simulate } from '../sim/simulate.ts';
import { loadWithOptions } from './loadWithOptions.ts';
import { parseOptions, UsageError } from './args.ts';

export function runCommand(args: string[]): number {
  const { values, positionals } = parseOptions(args, {
    format: { type: 'string', default: 'text' },
    out: { type: 'string' },
    policy: { type: 'string' },
    set: { type: 'string', multiple: true, default: [] },
    color: { type: 'boolean' },
    'no-color': { type: 'boolean' },
  });
  if (positionals.length !== 1) throw new UsageError('run takes exactly one scenario FILE');
  const format = values.format as ReportFormat;
  if (!reportFormats.includes(format)) throw new UsageError(`--format must be one of ${reportFormats.join(', ')}`);
  if (format === 'csv' && !values.out) throw new UsageError('--format csv writes one file per array: give --out DIR');
  const scenario = loadWithOptions(positionals[0], { policy: values.policy, set: values.set as string[] });
  const report = simulate(scenario);
  if (values.out) {
    writeFilesAtomic(values.out, renderFiles(report, format));
    process.stderr.write(`wrote the ${format} report of ${positionals[0]} to ${values.out}\n`);
  } else {
    const color = values['no-color'] ? false : (values.color ?? process.stdout.isTTY === true);
    process.stdout.write(format === 'text' ? renderText(report, { color }) : stdoutText(report, format));
  }
  return report.expectations.every((expectation) => expectation.ok) ? 0 : 1;
}

function stdoutText(report: Report, format: ReportFormat): string {
  return format === 'json' ? renderJson(report) : Object.values(renderFiles(report, format)).join('\n');
}
