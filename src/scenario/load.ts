/**
 * The scenario loader: a YAML or JSON file in, a typed, checked Scenario (./types.ts) out, or one
 * InputError that lists every problem found, each at its `file:line:column` (docs/scenario-format.md,
 * "Errors"). Nothing is simulated from a file with input errors, and nothing throws a stack trace.
 *
 * This file reads the top level, the policy and the period, then hands accounts, events and
 * expectations to their own parsers (./accountsParse.ts, ./eventsParse.ts,
 * ./expectationsParse.ts), which share a ParseContext (./parseContext.ts).
 *
 * `parseScenario` is pure but for the files the scenario names (CSV curves, a policy path), which
 * it reads through `readFile`: the browser passes its own, and node's fs is fetched only by the
 * default reader, so this module imports no node module.
 */
import type { z } from 'zod';
import { civilDate, dayNumber, daysInMonth, formatDay, localDay, MS_PER_SECOND, shiftMonth, startOfLocalDay } from '../domain/calendar.ts';
import { nodeReaderBeside, readTextFile } from '../input/files.ts';
import { describeValue, fileIssue, inFileOrder } from '../input/issues.ts';
import { MAX_FILE_BYTES } from '../input/limits.ts';
import { defined, isRecord } from '../input/plainData.ts';
import { withoutBrokenLines } from '../input/yamlRecovery.ts';
import { readYamlPartly } from '../input/yamlSource.ts';
import { InputError, type InputIssue } from '../inputError.ts';
import { policyZone } from '../policy/load.ts';
import type { OverrideSource } from '../policy/overrides.ts';
import type { Policy } from '../policy/schema.ts';
import { parseAccount } from './accountsParse.ts';
import { appCount } from './appCount.ts';
import { parseEvents } from './eventsParse.ts';
import { parseExpectation } from './expectationsParse.ts';
import { parsePolicyChanges } from './policyChangesParse.ts';
import { parsePopulation } from './populationParse.ts';
import { MAX_APP_DAYS, MAX_APPS, MAX_EVENTS, MAX_EXPECTATIONS, MAX_PERIOD_YEARS } from './limits.ts';
import { ParseContext } from './parseContext.ts';
import { resolvePolicy } from './scenarioPolicy.ts';
import { scenarioSchema } from './schema.ts';
import type { AccountSpec, Expectation, Scenario } from './types.ts';

/** How a scenario is read: a policy in place of the one it names, a reader for the files it names, and a seed and knobs over the file's. */
export interface ParseOptions {
  /** Use this policy instead of the one the file names (CLI `--policy`, the browser); the file's overrides still apply. */
  policy?: Policy;
  /** Reads a file the scenario names, given as written (relative to the scenario's folder). */
  readFile?: (path: string) => string;
  /** Replaces the file's `seed` (CLI `--seed`): the population is generated with this one. */
  seed?: number;
  /** Knobs set after the file's `policyOverrides` (CLI `--set`), before the file is checked against the policy. */
  set?: Record<string, unknown>;
  /** Where `set` was written, for its issues (default: the CLI's `--set`). */
  setSource?: OverrideSource;
  /** Most app-days accepted, below MAX_APP_DAYS (the browser's MAX_BROWSER_APP_DAYS): the message then points to the imsim command. */
  maxAppDays?: number;
}

/** Reads and parses a scenario file; the path is kept as given in `Scenario.file`. */
export function loadScenario(path: string, options: Omit<ParseOptions, 'readFile'> = {}): Scenario {
  const text = readTextFile(path, path, 'scenario');
  return parseScenario(text, path, { ...options, readFile: nodeReaderBeside(path) });
}

/** Parses and checks a scenario text; `file` names it in messages and locates the files it names. */
export function parseScenario(text: string, file: string, options: ParseOptions = {}): Scenario {
  if (text.length > MAX_FILE_BYTES || (text.length * 3 > MAX_FILE_BYTES && new TextEncoder().encode(text).length > MAX_FILE_BYTES)) {
    throw new InputError([fileIssue(file, '', `the scenario is larger than ${MAX_FILE_BYTES} bytes (5 MB)`)]);
  }
  const { source, syntax, more } = readYamlPartly(text, file);
  if (syntax.length === 0 && source) return parseDocument(new ParseContext(source, options.readFile ?? nodeReaderBeside(file)), options);
  throw new InputError([...inFileOrder([...syntax, ...issuesBesideSyntaxErrors(text, file, syntax, options)]), ...(more ? [more] : [])]);
}

/** An issue about a name defined elsewhere in the file (an app, an account, a cohort, a tag): a line left out may define it. */
const referenceIssue = /^unknown (app|account|cohort|tag) /;

/**
 * What else is wrong in a file with YAML syntax errors, so that one round of fixes can see
 * every mistake: the loader's issues on the file with its broken lines left out
 * (yamlRecovery.ts), except those the leaving out may have caused: in a top-level section with
 * a line left out, a field reported missing, or a name reported unknown (its definition may be
 * on a line left out).
 */
function issuesBesideSyntaxErrors(text: string, file: string, syntax: readonly InputIssue[], options: ParseOptions): InputIssue[] {
  const recovered = withoutBrokenLines(text, file, syntax.map((issue) => issue.line));
  if (!recovered || !isRecord(recovered.source.value)) return [];
  try {
    parseDocument(new ParseContext(recovered.source, options.readFile ?? nodeReaderBeside(file)), options);
    return [];
  } catch (error) {
    if (!(error instanceof InputError)) return [];
    return error.issues.filter(
      (issue) => (issue.file !== file || recovered.trusted(issue.line)) && !issue.message.startsWith('missing') && !referenceIssue.test(issue.message),
    );
  }
}

type TopLevel = z.output<typeof scenarioSchema>;

/** The scenario of a document read as data, every issue of it thrown at once as one InputError. */
export function parseDocument(ctx: ParseContext, options: ParseOptions): Scenario {
  const raw = ctx.source.value;
  if (!isRecord(raw)) {
    ctx.issue([], `expected a scenario: a mapping with format, name, policy, start, end and accounts, found ${describeValue(raw)}`);
    ctx.throwIfAny();
  }
  checkOptions(ctx, options);
  const document = raw as Record<string, unknown>;
  const writtenApps = checkSizes(ctx, document);
  ctx.noAccounts = !Array.isArray(document.accounts) && !Array.isArray(document.population);
  const top = topLevel(ctx, document);
  const resolved = resolvePolicy(ctx, options.policy, top.policy, top.policyOverrides ?? {}, options.set, options.setSource);
  ctx.policy = resolved?.policy;
  ctx.zone = (ctx.policy && policyZone(ctx.policy.timezone)) ?? ctx.zone;
  const days = checkPeriod(ctx, top.start, top.end);
  const seed = options.seed ?? top.seed ?? 0;

  const population = parsePopulation(ctx, top.population ?? [], seed, writtenApps);
  const generatedApps = appCount(population.accounts);
  if (days !== undefined) checkAppDays(ctx, writtenApps + generatedApps, days, options.maxAppDays);
  if (document.accounts === undefined && document.population === undefined) ctx.issue(['accounts'], 'missing: expected a list of accounts, or a population');
  else if (top.accounts?.length === 0 && top.population?.length === 0) {
    const [field, message] = document.accounts === undefined ? ['population', 'expected at least one cohort, or written accounts'] : ['accounts', 'expected at least one account, or a cohort under population'];
    ctx.issue([field], message);
  }
  const accounts = (top.accounts ?? []).map((account, index) => parseAccount(ctx, account, ['accounts', index]));
  // Policy changes first: an event may buy an edition a change adds (references.ts).
  const policyChanges = parsePolicyChanges(ctx, top.policyChanges ?? [], ctx.policy);
  const events = parseEvents(ctx, top.events ?? []);
  const expect = (top.expect ?? []).map((entry, index) => parseExpectation(ctx, entry, ['expect', index]));
  ctx.throwIfAny();

  // No issues: every part parsed, so the checks below only narrow the types.
  const policy = ctx.policy;
  if (!policy || !resolved || !top.name || !top.policy || !top.start || !top.end) throw new Error('scenario parsed without its required fields');
  return defined({
    file: ctx.source.file,
    name: top.name,
    description: top.description,
    rules: top.rules ?? [],
    policyRef: top.policy,
    policyOverrides: { ...top.policyOverrides, ...options.set },
    policyBase: resolved.base,
    policy,
    policyChanges,
    start: top.start,
    end: top.end,
    seed,
    accounts: [...accounts.filter((account): account is AccountSpec => account !== undefined), ...population.accounts],
    population: population.cohorts,
    events,
    expect: expect.filter((entry): entry is Expectation => entry !== undefined),
  });
}

/** The caller's options, which no file checks: a whole seed, and a policy object (not its id). */
function checkOptions(ctx: ParseContext, options: ParseOptions): void {
  let wrong = false;
  const option = (name: string, message: string) => {
    wrong = true;
    ctx.add({ file: ctx.source.file, line: 0, column: 0, path: `(option ${name})`, message });
  };
  if (options.seed !== undefined && !Number.isSafeInteger(options.seed)) option('seed', `expected a whole number, found ${describeValue(options.seed)}`);
  const policy: unknown = options.policy;
  if (policy !== undefined && !(isRecord(policy) && isRecord(policy.editions))) {
    const hint = typeof policy === 'string' ? ` (a policy id or file: give loadPolicy(${JSON.stringify(policy)}))` : '';
    option('policy', `expected a policy, as loadPolicy gives, found ${describeValue(policy)}${hint}`);
  }
  // Nothing can be checked against a policy that is not one.
  if (wrong) ctx.throwIfAny();
}

/** Refuses files over the limits before spending time on their entries; returns the number of apps. */
function checkSizes(ctx: ParseContext, raw: Record<string, unknown>): number {
  const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
  const events = list(raw.events);
  const apps =
    list(raw.accounts).reduce<number>((sum, account) => sum + (isRecord(account) ? list(account.apps).length : 0), 0) +
    events.filter((event) => isRecord(event) && event.type === 'createApp').length;
  if (events.length > MAX_EVENTS) ctx.issue(['events'], `expected at most ${MAX_EVENTS} events, found ${events.length}`);
  if (apps > MAX_APPS) ctx.issue(['accounts'], `expected at most ${MAX_APPS} apps (listed and created), found ${apps}`);
  const expectations = list(raw.expect).length;
  if (expectations > MAX_EXPECTATIONS) ctx.issue(['expect'], `expected at most ${MAX_EXPECTATIONS} expectations, found ${expectations}`);
  ctx.throwIfAny();
  return apps;
}

/** The top-level fields; when some are wrong, the others are still used to check the rest. */
function topLevel(ctx: ParseContext, raw: Record<string, unknown>): Partial<TopLevel> {
  const parsed = ctx.check(scenarioSchema, raw, []);
  if (parsed) return parsed;
  const partial: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(scenarioSchema.shape)) {
    const result = (field as z.ZodType).safeParse(raw[key]);
    if (result.success) partial[key] = result.data;
  }
  return partial as Partial<TopLevel>;
}

/**
 * `end` ≥ `start` and the period at most MAX_PERIOD_YEARS long; [start 00:00, end 23:59:59] in
 * the zone. Returns the number of days simulated, when the period is good.
 */
function checkPeriod(ctx: ParseContext, start: string | undefined, end: string | undefined): number | undefined {
  const startAt = start === undefined ? undefined : ctx.time(start, ['start'], false);
  const endAt = end === undefined ? undefined : ctx.time(end, ['end'], false);
  if (startAt === undefined || endAt === undefined || start === undefined || end === undefined) {
    ctx.halfPeriod = {
      ...(startAt === undefined ? {} : { start: startOfLocalDay(localDay(startAt, ctx.zone), ctx.zone), startText: start }),
      ...(endAt === undefined ? {} : { end: startOfLocalDay(localDay(endAt, ctx.zone) + 1, ctx.zone) - MS_PER_SECOND, endText: end }),
    };
    return undefined;
  }
  const startDay = localDay(startAt, ctx.zone);
  const endDay = localDay(endAt, ctx.zone);
  if (endDay < startDay) {
    ctx.issue(['end'], `expected a date on or after start (${start}), found "${end}"`);
    return undefined;
  }
  const first = civilDate(startDay);
  const limit = shiftMonth(first.year, first.month, 12 * MAX_PERIOD_YEARS);
  const limitDay = dayNumber(limit.year, limit.month, Math.min(first.day, daysInMonth(limit.year, limit.month)));
  if (endDay >= limitDay) {
    ctx.issue(['end'], `expected a period of at most ${MAX_PERIOD_YEARS} years (end before ${formatDay(limitDay)}), found "${end}"`);
    return undefined;
  }
  ctx.period = {
    start: startOfLocalDay(startDay, ctx.zone),
    end: startOfLocalDay(endDay + 1, ctx.zone) - MS_PER_SECOND,
    startText: start,
    endText: end,
  };
  return endDay - startDay + 1;
}

/** At most MAX_APP_DAYS (or a lower `limit`): apps (written, created and generated) × days of the period. */
function checkAppDays(ctx: ParseContext, apps: number, days: number, limit = MAX_APP_DAYS): void {
  const most = Math.min(limit, MAX_APP_DAYS);
  if (apps * days <= most) return;
  const larger = most < MAX_APP_DAYS ? `, or run it with the imsim command (up to ${MAX_APP_DAYS})` : '';
  ctx.issue(
    ['end'],
    `expected at most ${most} app-days (apps × days simulated), found ${apps} apps × ${days} days = ${apps * days}: shorten the period or use fewer apps${larger}`,
  );
}
