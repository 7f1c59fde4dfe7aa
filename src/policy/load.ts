/**
 * Loading a policy: a bundled one by id, or a YAML/JSON file, checked by its schema and then by
 * the cross-field rules the schema cannot say.
 *
 * No node module is imported at the top (see input/files.ts), so a browser bundle can import
 * this module and call `parsePolicy` or pass a ready policy to the scenario parser.
 */
import { fixedZone, parseLocalTime, type Zone } from '../domain/calendar.ts';
import { nodeFs, nodePath, readTextFile } from '../input/files.ts';
import { fileIssue, inFileOrder } from '../input/issues.ts';
import { issueAt, type PathSegment, readYaml } from '../input/yamlSource.ts';
import { zodIssues } from '../input/zodIssues.ts';
import { InputError } from '../inputError.ts';
import { type Policy, policySchema } from './schema.ts';

/** Policies shipped with imsim, each in `src/policy/<id>.yaml`. Listed, not globbed, so bundlers see every file. */
const bundledIds = ['tencent-im-2019'] as const;

export function bundledPolicyIds(): string[] {
  return [...bundledIds];
}

export function isBundledPolicyId(id: string): boolean {
  return (bundledIds as readonly string[]).includes(id);
}

/** The bundled policy file as written, comments and rule IDs included (`imsim policy show`). */
export function bundledPolicyText(id: string): string {
  if (!isBundledPolicyId(id)) {
    throw new InputError([fileIssue(id, '', `expected a bundled policy id (${bundledIds.join(', ')}), found "${id}"`)]);
  }
  return nodeFs().readFileSync(new URL(`./${id}.yaml`, import.meta.url), 'utf8');
}

const bundledPolicies = new Map<string, Policy>();

/**
 * A bundled policy id, or a path to a YAML/JSON policy file relative to `baseDir` (default: the
 * working directory). Throws InputError listing every problem found.
 */
export function loadPolicy(idOrPath: string, options: { baseDir?: string } = {}): Policy {
  if (isBundledPolicyId(idOrPath)) {
    // Parsed and checked once per process (it is half the time of loading a small scenario);
    // each caller gets its own copy, free to change.
    let policy = bundledPolicies.get(idOrPath);
    if (!policy) {
      policy = parsePolicy(bundledPolicyText(idOrPath), `policy/${idOrPath}.yaml`);
      bundledPolicies.set(idOrPath, policy);
    }
    return structuredClone(policy);
  }
  const path = nodePath().resolve(options.baseDir ?? process.cwd(), idOrPath);
  if (!nodeFs().existsSync(path)) {
    throw new InputError([fileIssue(idOrPath, '', `expected a bundled policy id (${bundledIds.join(', ')}) or a policy file, found neither`)]);
  }
  return parsePolicy(readTextFile(path, idOrPath, 'policy'), idOrPath);
}

/** Parses and checks a policy text; pure, so the browser can use it on its own files. */
export function parsePolicy(text: string, file: string): Policy {
  const source = readYaml(text, file);
  const parsed = policySchema.safeParse(source.value, { reportInput: true });
  if (!parsed.success) throw new InputError(inFileOrder(zodIssues(source, parsed.error.issues, [], policySchema)));
  const problems = checkPolicy(parsed.data);
  if (problems.length > 0) throw new InputError(inFileOrder(problems.map((p) => issueAt(source, p.path, p.message))));
  return parsed.data;
}

/**
 * The fixed offset of a policy's time zone, or undefined for a zone with daylight saving time,
 * an unknown name, or an offset no place has (beyond ±14:00, or 60 minutes and more). Memoized:
 * reading a zone from the Intl data costs about as much as parsing a small scenario.
 */
export function policyZone(name: string): Zone | undefined {
  if (!zones.has(name)) {
    const explicit = /^[+-](\d{2}):?(\d{2})$/.exec(name);
    const impossible = explicit !== null && (Number(explicit[2]) > 59 || Number(explicit[1]) * 60 + Number(explicit[2]) > 14 * 60);
    if (zones.size > 100) zones.clear();
    zones.set(name, impossible ? undefined : fixedZone(name));
  }
  return zones.get(name);
}

const zones = new Map<string, Zone | undefined>();

/** What the schema cannot say: cross-field checks on a policy that has the right shape. */
export function checkPolicy(policy: Policy): { path: PathSegment[]; message: string }[] {
  const problems: { path: PathSegment[]; message: string }[] = [];
  const zone = policyZone(policy.timezone);
  if (!zone) {
    problems.push({
      path: ['timezone'],
      message: `expected a fixed-offset time zone (fixed-offset zones only, no daylight saving time) such as Asia/Shanghai, UTC or +08:00, found "${policy.timezone}"`,
    });
  }
  const { minMonths, maxMonths, discounts } = policy.lengths;
  // P3: lengths run from minMonths to maxMonths, and only those lengths can carry a discount.
  if (minMonths > maxMonths) {
    problems.push({ path: ['lengths', 'maxMonths'], message: `expected at least minMonths (${minMonths}), found ${maxMonths}` });
  }
  for (const key of Object.keys(discounts)) {
    const months = Number(key);
    if (months < minMonths || months > maxMonths) {
      problems.push({
        path: ['lengths', 'discounts', key],
        message: `expected a length from ${minMonths} to ${maxMonths} months, found ${key}`,
      });
    }
  }
  if (Object.hasOwn(policy.packs, 'pro')) {
    problems.push({ path: ['packs', 'pro'], message: 'expected a pack id other than "pro", which names the pro package' });
  }
  // P6: promotions are found by id and apply to known products within real dates.
  const seen = new Set<string>();
  policy.promotions.forEach((promotion, index) => {
    if (seen.has(promotion.id)) {
      problems.push({ path: ['promotions', index, 'id'], message: `expected a unique promotion id, found "${promotion.id}" twice` });
    }
    seen.add(promotion.id);
    const from = zone && parseLocalTime(promotion.from, zone);
    const to = zone && parseLocalTime(promotion.to, zone);
    if (zone && from === undefined) problems.push({ path: ['promotions', index, 'from'], message: `expected an existing date, found "${promotion.from}"` });
    if (zone && to === undefined) problems.push({ path: ['promotions', index, 'to'], message: `expected an existing date, found "${promotion.to}"` });
    if (typeof from === 'number' && typeof to === 'number' && to < from) {
      problems.push({ path: ['promotions', index, 'to'], message: `expected a date on or after from (${promotion.from}), found "${promotion.to}"` });
    }
    (promotion.products ?? []).forEach((product, p) => {
      if (product !== 'pro' && !Object.hasOwn(policy.packs, product)) {
        problems.push({ path: ['promotions', index, 'products', p], message: `expected pro or a pack id of the policy, found "${product}"` });
      }
    });
  });
  return problems;
}
