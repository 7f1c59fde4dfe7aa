/**
 * Loading a policy: a bundled one by id, or a YAML/JSON file. Also home of the small helpers
 * that read YAML with positions and turn zod issues into `file:line:column` input issues, which
 * the scenario loader shares.
 *
 * No node module is imported at the top: node's fs is fetched only when a file is actually
 * read (`nodeFs`), so a browser bundle can import this module and call `parsePolicy` or pass
 * a ready policy to the scenario parser.
 */
import { type Document, isAlias, isMap, isScalar, isSeq, LineCounter, type Node, type Pair, parseDocument } from 'yaml';
import type { z } from 'zod';
import { fixedZone, parseLocalTime } from '../domain/calendar.ts';
import { InputError, type InputIssue } from '../inputError.ts';
import { MAX_FILE_BYTES, MAX_YAML_ALIASES } from '../scenario/limits.ts';
import { type Policy, policySchema } from './schema.ts';

export type PathSegment = string | number;

/** A parsed YAML (or JSON, which is YAML) file that still knows where each value was written. */
export interface YamlSource {
  file: string;
  doc: Document.Parsed;
  lines: LineCounter;
  /** The document as plain data. */
  value: unknown;
}

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

/**
 * A bundled policy id, or a path to a YAML/JSON policy file relative to `baseDir` (default: the
 * working directory). Throws InputError listing every problem found.
 */
export function loadPolicy(idOrPath: string, options: { baseDir?: string } = {}): Policy {
  if (isBundledPolicyId(idOrPath)) return parsePolicy(bundledPolicyText(idOrPath), `policy/${idOrPath}.yaml`);
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

/** What the schema cannot say: cross-field checks on a policy that has the right shape. */
export function checkPolicy(policy: Policy): { path: PathSegment[]; message: string }[] {
  const problems: { path: PathSegment[]; message: string }[] = [];
  const zone = fixedZone(policy.timezone);
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

// ---------------------------------------------------------------------------------------------
// YAML with positions, shared with the scenario loader.

/**
 * Parses YAML or JSON keeping positions. Syntax errors (and an alias bomb) throw InputError at
 * once: nothing after them can be trusted.
 */
export function readYaml(text: string, file: string): YamlSource {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new InputError(
      doc.errors.map((error) => {
        const { line, col } = lines.linePos(error.pos[0]);
        return { file, line, column: col, path: '', message: `YAML syntax: ${error.message.split('\n')[0]}` };
      }),
    );
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputError([fileIssue(file, '', `YAML aliases expand too far (more than ${MAX_YAML_ALIASES} nodes per anchor): ${reason}`)]);
  }
  return { file, doc, lines, value };
}

/**
 * Where a path was written: the value's node, or with `key` the field name itself (for
 * unknown fields). A path that stops early (a missing field) points at the deepest node found.
 */
export function positionOf(source: YamlSource, path: readonly PathSegment[], options: { key?: boolean } = {}): { line: number; column: number } {
  let node: Node | null | undefined = source.doc.contents;
  let keyNode: Node | undefined;
  for (const segment of path) {
    if (isAlias(node)) node = node.resolve(source.doc);
    let next: Node | null | undefined;
    if (isMap(node)) {
      const pair: Pair<unknown, unknown> | undefined = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      if (pair) {
        keyNode = pair.key as Node;
        next = (pair.value as Node | null) ?? keyNode;
      }
    } else if (isSeq(node)) {
      next = node.items[Number(segment)] as Node | undefined;
      keyNode = undefined;
    }
    if (next == null) {
      keyNode = undefined;
      break;
    }
    node = next;
  }
  const target = options.key && keyNode ? keyNode : node;
  const offset = target?.range?.[0] ?? 0;
  const { line, col } = source.lines.linePos(offset);
  return { line, column: col };
}

export function issueAt(source: YamlSource, path: readonly PathSegment[], message: string, options: { key?: boolean } = {}): InputIssue {
  return { file: source.file, ...positionOf(source, path, options), path: path.join('.'), message };
}

/** Issues sorted by line and column, as a reader goes through the file. */
export function inFileOrder(issues: InputIssue[]): InputIssue[] {
  return [...issues].sort((a, b) => a.line - b.line || a.column - b.column);
}

/** An issue about a whole file (unreadable, too large), placed at its first line. */
export function fileIssue(file: string, path: string, message: string): InputIssue {
  return { file, line: 1, column: 1, path, message };
}

/** Zod issues as input issues: each at its field, unknown fields at their key. */
export function zodIssues(source: YamlSource, issues: readonly z.core.$ZodIssue[], prefix: readonly PathSegment[], schema?: z.ZodType): InputIssue[] {
  const result: InputIssue[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment))];
    if (issue.code === 'unrecognized_keys') {
      const known = schema ? fieldNames(schemaAt(schema, issue.path)) : [];
      for (const key of issue.keys) result.push(issueAt(source, [...path, key], unknownField(key, known), { key: true }));
    } else {
      result.push(issueAt(source, path, describeIssue(issue)));
    }
  }
  return result;
}

/** `unknown field "acount"; did you mean "account"?` — a typo must not pass silently. */
export function unknownField(key: string, known: readonly string[]): string {
  const hint = suggest(key, known);
  return hint ? `unknown field "${key}"; ${hint}` : `unknown field "${key}"`;
}

/** "did you mean …?" for a near miss, else the list of names allowed; empty when none are known. */
export function suggest(name: string, known: readonly string[]): string {
  const close = known.find((candidate) => editDistance(candidate.toLowerCase(), name.toLowerCase()) <= 2);
  if (close) return `did you mean "${close}"?`;
  return known.length > 0 ? `expected one of ${known.join(', ')}` : '';
}

/** One zod issue as "expected …, found …". */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const input = 'input' in issue ? issue.input : undefined;
  const received = 'received' in issue && typeof issue.received === 'string' ? issue.received : undefined;
  const found = received === 'Infinity' || received === 'NaN' ? `${received} (numbers must be finite)` : describeValue(input);
  const missing = input === undefined && received === undefined;
  const withFound = (expected: string) => (missing ? `missing: expected ${expected}` : `expected ${expected}, found ${found}`);
  switch (issue.code) {
    case 'invalid_type':
      // An SDKAppID written without quotes is read as a number; say how to fix it.
      if (issue.expected === 'string' && typeof input === 'number') return `${withFound('a text')} (write it in quotes: "${input}")`;
      return withFound(typeName(issue.expected));
    case 'invalid_value':
      return withFound(issue.values.map((value) => (typeof value === 'string' ? value : String(value))).join(' | '));
    case 'invalid_union': {
      const expected = new Set<string>();
      for (const branch of issue.errors) for (const inner of branch) if (inner.code === 'invalid_type') expected.add(typeName(inner.expected));
      return withFound(expected.size > 0 ? [...expected].join(' or ') : 'one of the allowed forms');
    }
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'array') return withFound(`at least ${minimum} item${minimum === 1 ? '' : 's'}`);
      if (issue.origin === 'string') return withFound('a non-empty text');
      return withFound(`a number ${issue.inclusive ? '≥' : '>'} ${minimum}`);
    }
    case 'too_big': {
      const maximum = Number(issue.maximum);
      if (issue.origin === 'array') return withFound(`at most ${maximum} item${maximum === 1 ? '' : 's'}`);
      if (issue.origin === 'string') return withFound(`a text of at most ${maximum} characters`);
      return withFound(`a number ${issue.inclusive ? '≤' : '<'} ${maximum}`);
    }
    case 'invalid_format':
    case 'custom': {
      const message = issue.message.startsWith('expected ') ? issue.message.slice('expected '.length) : issue.message;
      return withFound(message);
    }
    default:
      return issue.message;
  }
}

/** A value as it would be read back in a message. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null (an empty value)';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  return 'a mapping';
}

function typeName(expected: string): string {
  const names: Record<string, string> = {
    int: 'a whole number',
    number: 'a number',
    string: 'a text',
    boolean: 'true or false',
    object: 'a mapping',
    record: 'a mapping',
    array: 'a list',
    null: 'null',
  };
  return names[expected] ?? expected;
}

/** The sub-schema at a data path, through optional/default/nullable wrappers and pipes. */
export function schemaAt(schema: z.ZodType, path: readonly PropertyKey[]): z.ZodType | undefined {
  let current: z.ZodType | undefined = unwrap(schema);
  for (const segment of path) {
    if (!current) return undefined;
    const def = current.def as unknown as { type: string; shape?: Record<string, z.ZodType>; valueType?: z.ZodType; element?: z.ZodType };
    if (def.type === 'object' && def.shape) current = def.shape[String(segment)];
    else if (def.type === 'record') current = def.valueType;
    else if (def.type === 'array') current = def.element;
    else return undefined;
    current = current && unwrap(current);
  }
  return current;
}

/** Strips optional, nullable, default and pipe wrappers to the schema that holds the shape. */
export function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    const def = current.def as unknown as { type: string; innerType?: z.ZodType; in?: z.ZodType };
    if ((def.type === 'optional' || def.type === 'nullable' || def.type === 'default' || def.type === 'prefault' || def.type === 'readonly') && def.innerType) {
      current = def.innerType;
    } else if (def.type === 'pipe' && def.in) {
      current = def.in;
    } else {
      return current;
    }
  }
}

/** The field names of an object schema (for "did you mean"). */
export function fieldNames(schema: z.ZodType | undefined): string[] {
  const def = schema?.def as unknown as { type: string; shape?: Record<string, unknown> } | undefined;
  return def?.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

// ---------------------------------------------------------------------------------------------
// Node file access, fetched lazily (see the module comment).

/** Node's fs, or a clear error where there is none (a browser must pass its own policy/readFile). */
export function nodeFs(): typeof import('node:fs') {
  const fs = globalThis.process?.getBuiltinModule?.('node:fs');
  if (!fs) throw new Error('reading files needs Node.js ≥ 20.16; elsewhere pass the policy and a readFile');
  return fs;
}

export function nodePath(): typeof import('node:path') {
  const path = globalThis.process?.getBuiltinModule?.('node:path');
  if (!path) throw new Error('file paths need Node.js ≥ 20.16; elsewhere pass the policy and a readFile');
  return path;
}

/**
 * Reads a text file for `what` ("policy", "scenario", "CSV"), refusing one over the size limit.
 * `shown` is the path as the user wrote it, for the message.
 */
export function readTextFile(path: string, shown: string, what: string): string {
  const fs = nodeFs();
  let size: number;
  try {
    size = fs.statSync(path).size;
  } catch {
    throw new InputError([fileIssue(shown, '', `cannot read the ${what} file: no such file`)]);
  }
  if (size > MAX_FILE_BYTES) {
    throw new InputError([fileIssue(shown, '', `the ${what} file is ${size} bytes; expected at most ${MAX_FILE_BYTES} (5 MB)`)]);
  }
  try {
    return fs.readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputError([fileIssue(shown, '', `cannot read the ${what} file: ${error instanceof Error ? error.message : String(error)}`)]);
  }
}
