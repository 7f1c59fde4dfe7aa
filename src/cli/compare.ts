/**
 * `imsim compare FILE [--policy A] [--set …] --vs [--policy B] [--set …]`: the scenario under two
 * policies on the same seed, and what differs (explore/compare.ts). Each side starts from the
 * scenario as written (its policy and policyOverrides) and adds its own --policy and --set.
 */
import { writeFilesAtomic } from '../report/atomicWrite.ts';
import { compare } from '../explore/compare.ts';
import { compareOnThreads } from '../explore/compareOnThreads.ts';
import { type CompareFormat, compareFormats, renderComparison } from '../explore/compareFormats.ts';
import { parseLocalTime } from '../domain/calendar.ts';
import type { Scenario } from '../scenario/types.ts';
import { periodOf, policyZone } from '../sim/simulate.ts';
import { parseOptions, UsageError, wholeOption } from './args.ts';
import { loadWithOptions } from './loadWithOptions.ts';

const sideOptions = { policy: { type: 'string' as const }, set: { type: 'string' as const, multiple: true, default: [] as string[] } };

/** `--from DATE`: an instant within the period, local to the policy's zone. */
function fromOption(text: string | undefined, scenario: Scenario): number | undefined {
  if (text === undefined) return undefined;
  const zone = policyZone(scenario.policy);
  const at = parseLocalTime(text, zone);
  const { startAt, endAt } = periodOf(scenario, zone);
  if (at === undefined || at < startAt || at >= endAt) throw new UsageError(`--from ${text}: expected a date or time within the period ${scenario.start} … ${scenario.end}`);
  return at;
}

const commonOptions = {
  seed: { type: 'string' as const },
  from: { type: 'string' as const },
  format: { type: 'string' as const },
  out: { type: 'string' as const },
  workers: { type: 'string' as const },
};
type Common = Partial<Record<keyof typeof commonOptions, string>>;

export async function compareCommand(args: string[]): Promise<number> {
  const split = args.indexOf('--vs');
  if (split < 0) {
    // An option it does not know is said first, --vs or not.
    parseOptions(args, { ...sideOptions, ...commonOptions });
    throw new UsageError('compare needs --vs between the two sides: imsim compare FILE [--set …] --vs [--set …]');
  }
  const left = parseOptions(args.slice(0, split), { ...sideOptions, ...commonOptions });
  const right = parseOptions(args.slice(split + 1), { ...sideOptions, ...commonOptions });
  if (left.positionals.length !== 1 || right.positionals.length > 0) throw new UsageError('compare takes one scenario FILE, before --vs');
  const common: Common = {};
  for (const key of Object.keys(commonOptions) as (keyof Common)[]) {
    const [x, y] = [left.values[key], right.values[key]] as (string | undefined)[];
    if (x !== undefined && y !== undefined) throw new UsageError(`--${key} applies to both sides: give it once`);
    common[key] = x ?? y;
  }
  const format = common.format ?? 'text';
  if (!(compareFormats as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${compareFormats.join(', ')}`);
  const workers = common.workers === undefined ? 1 : wholeOption(common.workers, '--workers', 1);
  const [file] = left.positionals;
  const side = (values: { policy?: unknown; set?: unknown }) =>
    loadWithOptions(file, { policy: values.policy as string | undefined, set: (values.set as string[] | undefined) ?? [], seed: common.seed });
  const [a, b] = [side(left.values), side(right.values)];
  const options = { from: fromOption(common.from, a), bases: { a: a.policyBase, b: b.policyBase }, records: 'compared' as const };
  // Two sides: a second thread plays B while this one plays A; more threads would have nothing to play.
  const result = workers > 1 ? await compareOnThreads(a, a.policy, b.policy, options) : compare(a, a.policy, b.policy, options);
  const files = renderComparison(result, format as CompareFormat);
  if (common.out) {
    writeFilesAtomic(common.out, files);
    process.stderr.write(`wrote the ${format} comparison of ${file} to ${common.out}\n`);
  } else {
    process.stdout.write(Object.values(files).join('\n'));
  }
  return 0;
}
