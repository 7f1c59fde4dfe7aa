/**
 * `imsim policy show [ID|FILE]`: the policy with the rule ID of every knob; `imsim policy diff A
 * B`: every knob and price that differs between two policies.
 */
import { annotatedPolicy, rulesOf } from '../policy/annotate.ts';
import { diffPolicies } from '../policy/diff.ts';
import { bundledPolicyText, isBundledPolicyId, loadPolicy, loadPolicyWithOrigins } from '../policy/load.ts';
import { applyOverrides } from '../policy/overrides.ts';
import { parseSetOptions } from '../policy/setOptions.ts';
import type { Policy } from '../policy/schema.ts';
import { noteOf, originOf, type PolicyText, policyText, tagsOf } from '../policy/sources.ts';
import { renderTable } from '../report/table.ts';
import { readTextFile } from '../input/files.ts';
import { parseOptions, UsageError } from './args.ts';

const usage = 'usage: imsim policy show [ID|FILE] [--json] [--set path=value]… | imsim policy diff A B [--set path=value]… [--json]';

export function policyCommand(args: string[]): number {
  const { values, positionals } = parseOptions(args, {
    json: { type: 'boolean', default: false },
    set: { type: 'string', multiple: true, default: [] },
  });
  const [verb, ...names] = positionals;
  const set = parseSetOptions(values.set as string[]);
  const withSet = (policy: Policy) => (Object.keys(set.knobs).length === 0 ? policy : applyOverrides(policy, set.knobs, set.source));
  if (verb === 'show' && names.length <= 1) return show(names[0] ?? 'tencent-im-2019', withSet, values.json === true);
  if (verb === 'diff' && names.length === 2) return diff(loadPolicy(names[0]), names[1], withSet, values.json === true);
  throw new UsageError(usage);
}

/**
 * A bundled policy as its file is written (comments and rule IDs), else the policy with rule IDs,
 * what --set changed and, when it extends another, where each value comes from.
 */
function show(idOrPath: string, withSet: (policy: Policy) => Policy, json: boolean): number {
  const { policy: base, origins } = loadPolicyWithOrigins(idOrPath);
  const policy = withSet(base);
  const extending = new Set(origins.values()).size > 1;
  if (json) process.stdout.write(`${JSON.stringify(policy, null, 2)}\n`);
  else if (isBundledPolicyId(idOrPath) && policy === base && !extending) process.stdout.write(bundledPolicyText(idOrPath));
  else process.stdout.write(annotatedPolicy(policy, diffPolicies(base, policy), origins));
  return 0;
}

/** Like diff(1): exit code 0 when the policies agree, 1 when anything differs. Each difference with B's source. */
function diff(a: Policy, idOrPathB: string, withSet: (policy: Policy) => Policy, json: boolean): number {
  const { policy: fileB, origins } = loadPolicyWithOrigins(idOrPathB);
  const b = withSet(fileB);
  const set = new Set(diffPolicies(fileB, b).map(({ path }) => path));
  const texts = new Map<string, PolicyText>();
  const textOf = (name: string) => texts.get(name) ?? texts.set(name, policyText(isBundledPolicyId(name) ? bundledPolicyText(name) : readTextFile(name, name, 'policy'))).get(name);
  const sourced = diffPolicies(a, b).map((difference) => {
    const origin = set.has(difference.path) ? undefined : originOf(origins, difference.path);
    const source = set.has(difference.path) ? '--set' : origin && noteOf(textOf(origin)?.notes ?? new Map(), difference.path);
    return { ...difference, ...(source ? { source } : {}), origin };
  });
  const differences = sourced.map(({ origin: _, ...difference }) => difference);
  if (json) {
    process.stdout.write(`${JSON.stringify({ format: 1, a: a.id, b: b.id, differences }, null, 2)}\n`);
  } else if (differences.length === 0) {
    process.stdout.write(`${a.id} and ${b.id} agree on every knob and price\n`);
  } else {
    const shown = (value: unknown) => (value === undefined ? '(none)' : JSON.stringify(value));
    const rows = differences.map(({ path, a: left, b: right, source }) => [path, shown(left), shown(right), rulesOf(path).join(' '), source ?? '']);
    const columns = [{ header: 'knob' }, { header: `A: ${a.id}` }, { header: `B: ${b.id}` }, { header: 'rule' }, { header: `source (B's comment)` }];
    const legend = sourced.flatMap(({ source, origin }) => (source && origin ? tagsOf(source).map((tag) => [tag, textOf(origin)?.legend.get(tag)]) : []));
    const cited = [...new Map(legend.filter((entry): entry is [string, string] => entry[1] !== undefined)).entries()].map(([tag, text]) => `  ${tag}  ${text}`);
    process.stdout.write(`${renderTable(columns, rows).join('\n')}\n${cited.length > 0 ? `\nSources:\n${cited.join('\n')}\n` : ''}`);
  }
  return differences.length === 0 ? 0 : 1;
}
