/** `imsim policy show [ID|FILE]`: the policy with the rule ID of every knob. */
import { bundledPolicyText, isBundledPolicyId, loadPolicy } from '../policy/load.ts';
import { applyOverrides, parseSetOption } from '../policy/overrides.ts';
import { parseOptions, UsageError } from './args.ts';

export function policyCommand(args: string[]): number {
  const { values, positionals } = parseOptions(args, {
    json: { type: 'boolean', default: false },
    set: { type: 'string', multiple: true, default: [] },
  });
  const [verb, idOrPath = 'tencent-im-2019', ...extra] = positionals;
  if (verb !== 'show' || extra.length > 0) throw new UsageError('usage: imsim policy show [ID|FILE]');
  const sets = (values.set as string[]).map(parseSetOption);
  const policy = applyOverrides(loadPolicy(idOrPath), Object.fromEntries(sets.map(({ path, value }) => [path, value])));
  if (values.json || sets.length > 0) {
    process.stdout.write(`${JSON.stringify(policy, null, 2)}\n`);
  } else {
    process.stdout.write(isBundledPolicyId(idOrPath) ? bundledPolicyText(idOrPath) : `${JSON.stringify(policy, null, 2)}\n`);
  }
  return 0;
}
