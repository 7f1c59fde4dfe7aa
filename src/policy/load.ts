/**
 * Loading a policy: a bundled one by id, or a YAML/JSON file, checked by its schema and then by
 * the cross-field rules the schema cannot say.
 *
 * No node module is imported at the top (see input/files.ts), so a browser bundle can import
 * this module and call `parsePolicy` or pass a ready policy to the scenario parser.
 */
import { zoneNamed, parseLocalTime, type Zone } from '../domain/calendar.ts';
import { besideFile, nodeFs, nodePath, nodeReaderBeside, readTextFile } from '../input/files.ts';
import { fileIssue, inFileOrder } from '../input/issues.ts';
import { issueAt, type PathSegment, readYaml, type YamlSource } from '../input/yamlSource.ts';
import { zodIssues } from '../input/zodIssues.ts';
import { InputError } from '../inputError.ts';
import { isPaidEdition } from '../domain/editions.ts';
import { editionProblems, type PolicyProblem } from './editionChecks.ts';
import { isPlainMapping, layered, layeredOrigins, MAX_EXTENDS, type Origins } from './extends.ts';
import { type Policy, policySchema } from './schema.ts';

/** Policies shipped with imsim, each in `src/policy/<id>.yaml`. Listed, not globbed, so bundlers see every file. */
const bundledIds = ['tencent-im-2019', 'tencent-im-2019-renewal-guide', 'tencent-im-2020'] as const;

/** The ids of the policies shipped with imsim, each one `loadPolicy` accepts. */
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

const bundledPolicies = new Map<string, { policy: Policy; origins: Origins }>();

/** A bundled policy with the origin of each value (its own id, or the bundled policy it extends). */
export function bundledPolicy(id: string, chain: string[] = []): { policy: Policy; origins: Origins } {
  // Parsed and checked once per process (it is half the time of loading a small scenario);
  // each caller gets its own copy, free to change.
  let found = bundledPolicies.get(id);
  if (!found) {
    found = parsePolicyWithOrigins(bundledPolicyText(id), `policy/${id}.yaml`, { name: id, chain });
    bundledPolicies.set(id, found);
  }
  return structuredClone(found);
}

/**
 * A bundled policy id, or a path to a YAML/JSON policy file relative to `baseDir` (default: the
 * working directory). Throws InputError listing every problem found.
 */
export function loadPolicy(idOrPath: string, options: { baseDir?: string } = {}): Policy {
  return loadPolicyWithOrigins(idOrPath, options).policy;
}

/** `loadPolicy`, with the origin of each value (extends.ts). */
export function loadPolicyWithOrigins(idOrPath: string, options: { baseDir?: string } = {}): { policy: Policy; origins: Origins } {
  if (isBundledPolicyId(idOrPath)) return bundledPolicy(idOrPath);
  const path = nodePath().resolve(options.baseDir ?? process.cwd(), idOrPath);
  if (!nodeFs().existsSync(path)) {
    throw new InputError([fileIssue(idOrPath, '', `expected a bundled policy id (${bundledIds.join(', ')}) or a policy file, found neither`)]);
  }
  return parsePolicyWithOrigins(readTextFile(path, idOrPath, 'policy'), idOrPath, { readFile: nodeReaderBeside(path) });
}

export interface PolicyTextOptions {
  /** Reads a policy file that `extends` names, relative to this one; without it, only bundled ids can be extended. */
  readFile?: (name: string) => string;
  /** The policy's name in origins (default: the file). */
  name?: string;
  /** The policies that extend this one, to refuse a loop. */
  chain?: string[];
}

/** Parses and checks a policy text; pure, so the browser can use it on its own files. */
export function parsePolicy(text: string, file: string, options: PolicyTextOptions = {}): Policy {
  return parsePolicyWithOrigins(text, file, options).policy;
}

/** `parsePolicy`, with the origin of each value: this policy, or the one it extends (extends.ts). */
export function parsePolicyWithOrigins(text: string, file: string, options: PolicyTextOptions = {}): { policy: Policy; origins: Origins } {
  const source = readYaml(text, file);
  const { value, origins } = withBase(source, options);
  const parsed = policySchema.safeParse(value, { reportInput: true });
  if (!parsed.success) throw new InputError(inFileOrder(zodIssues(source, parsed.error.issues, [], policySchema)));
  const problems = checkPolicy(parsed.data);
  if (problems.length > 0) throw new InputError(inFileOrder(problems.map((p) => issueAt(source, p.path, p.message))));
  return { policy: parsed.data, origins };
}

/** The file's values laid over the policy it extends, if any. */
function withBase(source: YamlSource, options: PolicyTextOptions): { value: unknown; origins: Origins } {
  const name = options.name ?? source.file;
  const own = source.value;
  if (!isPlainMapping(own) || !Object.hasOwn(own, 'extends')) return { value: own, origins: layeredOrigins(new Map(), own, name) };
  const problem = (message: string) => new InputError([issueAt(source, ['extends'], message)]);
  const { extends: ref, ...rest } = own;
  const expected = `expected a bundled policy id (${bundledIds.join(', ')}) or a policy file beside this one`;
  if (typeof ref !== 'string' || ref.trim() === '') throw problem(`${expected}, found ${JSON.stringify(ref)}`);
  const chain = [...(options.chain ?? []), name];
  const target = isBundledPolicyId(ref) ? ref : besideFile(source.file, ref);
  if (chain.includes(target)) throw problem(`expected a policy that does not extend itself, found the loop ${[...chain, target].join(' → ')}`);
  if (chain.length > MAX_EXTENDS) throw problem(`expected at most ${MAX_EXTENDS} policies extending one another, found more`);
  const base = isBundledPolicyId(ref) ? bundledPolicy(ref, chain) : baseFile(ref, target, options, chain, problem(`${expected}, found "${ref}"`));
  if (typeof rest.id !== 'string' || rest.id === base.policy.id) {
    throw problem(`expected an id of its own beside extends (a policy that extends ${base.policy.id} is another policy), found ${rest.id === undefined ? 'none' : JSON.stringify(rest.id)}`);
  }
  return { value: layered(base.policy, rest), origins: layeredOrigins(base.origins, rest, name) };
}

function baseFile(ref: string, target: string, options: PolicyTextOptions, chain: string[], missing: InputError): { policy: Policy; origins: Origins } {
  const { readFile } = options;
  if (!readFile) throw missing;
  let text: string;
  try {
    text = readFile(ref);
  } catch {
    throw missing;
  }
  return parsePolicyWithOrigins(text, target, { readFile: (name) => readFile(besideFile(ref, name)), chain });
}

/**
 * A policy's time zone (an IANA name, with or without daylight saving time, or an offset), or
 * undefined for an unknown name or an offset no place has (beyond ±14:00, or 60 minutes and
 * more). Memoized: reading a zone from the time-zone data costs about as much as parsing a
 * small scenario.
 */
export function policyZone(name: string): Zone | undefined {
  if (!zones.has(name)) {
    const explicit = /^[+-](\d{2}):?(\d{2})$/.exec(name);
    const impossible = explicit !== null && (Number(explicit[2]) > 59 || Number(explicit[1]) * 60 + Number(explicit[2]) > 14 * 60);
    if (zones.size > 100) zones.clear();
    zones.set(name, impossible ? undefined : zoneNamed(name));
  }
  return zones.get(name);
}

const zones = new Map<string, Zone | undefined>();

/** What the schema cannot say: cross-field checks on a policy that has the right shape. */
export function checkPolicy(policy: Policy): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  const zone = policyZone(policy.timezone);
  if (!zone) {
    problems.push({
      path: ['timezone'],
      message: `expected a time zone: an IANA name such as Asia/Shanghai or Europe/Berlin, UTC, or an offset such as +08:00, found "${policy.timezone}"`,
    });
  }
  const { minMonths, maxMonths, discounts } = policy.lengths;
  // P3: lengths run from minMonths to maxMonths, and only those lengths can carry a discount.
  if (minMonths > maxMonths) {
    problems.push({ path: ['lengths', 'maxMonths'], message: `expected at least minMonths (${minMonths}), found ${maxMonths}` });
  }
  const discountTables: [PathSegment[], Record<string, string>][] = [
    [['lengths', 'discounts'], discounts],
    ...Object.entries(policy.editions).map(([id, edition]): [PathSegment[], Record<string, string>] => [['editions', id, 'discounts'], edition.discounts ?? {}]),
  ];
  for (const [path, table] of discountTables) {
    for (const key of Object.keys(table)) {
      const months = Number(key);
      if (months < minMonths || months > maxMonths) {
        problems.push({ path: [...path, key], message: `expected a length from ${minMonths} to ${maxMonths} months, found ${key}` });
      }
    }
  }
  problems.push(...editionProblems(policy));
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
      if (!isPaidEdition(policy.editions, product) && !Object.hasOwn(policy.packs, product)) {
        problems.push({ path: ['promotions', index, 'products', p], message: `expected a paid edition or a pack id of the policy, found "${product}"` });
      }
    });
  });
  return problems;
}
