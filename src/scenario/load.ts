/**
 * The scenario loader: a YAML or JSON file in, a typed, checked Scenario (./types.ts) out, or one
 * InputError that lists every problem found, each at its `file:line:column` (SCENARIO-FORMAT.md,
 * "Errors"). Nothing is simulated from a file with input errors, and nothing throws a stack trace.
 *
 * `parseScenario` is pure but for the files the scenario names (CSV curves, a policy path), which
 * it reads through `readFile`: the browser passes its own, and node's fs is fetched only by the
 * default reader, so this module imports no node module.
 */
import type { z } from 'zod';
import {
  civilDate,
  dayNumber,
  daysInMonth,
  fixedZone,
  formatDay,
  formatInstant,
  localDay,
  MS_PER_SECOND,
  parseLocalTime,
  shiftMonth,
  startOfLocalDay,
  type Zone,
} from '../domain/calendar.ts';
import { InputError, type InputIssue } from '../inputError.ts';
import {
  bundledPolicyIds,
  describeValue,
  fileIssue,
  isBundledPolicyId,
  issueAt,
  loadPolicy,
  nodeFs,
  nodePath,
  type PathSegment,
  parsePolicy,
  positionOf,
  readTextFile,
  readYaml,
  suggest,
  type YamlSource,
  zodIssues,
} from '../policy/load.ts';
import { applyOverrides } from '../policy/overrides.ts';
import type { Policy } from '../policy/schema.ts';
import { MAX_APPS, MAX_EVENTS, MAX_EXPECTATIONS, MAX_FILE_BYTES, MAX_PERIOD_YEARS, MAX_REPORTED_ISSUES } from './limits.ts';
import {
  accountSchema,
  appSchema,
  curveFormSchemas,
  curveForms,
  eventSchemas,
  eventTypeNames,
  expectationForms,
  expectationKind,
  expectationSchemas,
  scenarioSchema,
} from './schema.ts';
import { type AccountSpec, type AppSpec, type Curve, type EventType, type Expectation, type Scenario, type ScenarioEvent, type UsageKey, type UsageSpec, usageKeys } from './types.ts';

export interface ParseOptions {
  /** Use this policy instead of the one the file names (CLI `--policy`, the browser); the file's overrides still apply. */
  policy?: Policy;
  /** Reads a file the scenario names, given as written (relative to the scenario's folder). */
  readFile?: (path: string) => string;
}

/** Reads and parses a scenario file; the path is kept as given in `Scenario.file`. */
export function loadScenario(path: string, options: { policy?: Policy } = {}): Scenario {
  const text = readTextFile(path, path, 'scenario');
  return parseScenario(text, path, { policy: options.policy, readFile: nodeReader(path) });
}

/** Parses and checks a scenario text; `file` names it in messages and locates the files it names. */
export function parseScenario(text: string, file: string, options: ParseOptions = {}): Scenario {
  if (text.length > MAX_FILE_BYTES || (text.length * 3 > MAX_FILE_BYTES && new TextEncoder().encode(text).length > MAX_FILE_BYTES)) {
    throw new InputError([fileIssue(file, '', `the scenario is larger than ${MAX_FILE_BYTES} bytes (5 MB)`)]);
  }
  const source = readYaml(text, file);
  return new ScenarioParser(source, options.policy, options.readFile ?? nodeReader(file)).parse();
}

/** Reads files next to the scenario with node's fs, refusing any over the size limit. */
function nodeReader(scenarioFile: string): (path: string) => string {
  return (relative) => {
    const path = nodePath();
    const resolved = path.resolve(path.dirname(scenarioFile), relative);
    const size = nodeFs().statSync(resolved).size;
    if (size > MAX_FILE_BYTES) throw new Error(`the file is ${size} bytes; expected at most ${MAX_FILE_BYTES} (5 MB)`);
    return nodeFs().readFileSync(resolved, 'utf8');
  };
}

/** `relative` as seen from the scenario's folder, for messages (no node path needed). */
function besideScenario(scenarioFile: string, relative: string): string {
  if (/^([/\\]|[A-Za-z]:[/\\])/.test(relative)) return relative;
  const cut = Math.max(scenarioFile.lastIndexOf('/'), scenarioFile.lastIndexOf('\\'));
  return scenarioFile.slice(0, cut + 1) + relative;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The object without its undefined fields, so optional fields are absent rather than undefined. */
function defined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) if (value[key] === undefined) delete value[key];
  return value;
}

/** Usage keys that count things (users, groups, rooms): whole numbers only. Mbps may be decimal. */
const countKeys: ReadonlySet<UsageKey> = new Set<UsageKey>(['dau', 'groups', 'avChatrooms']);

const utc: Zone = { name: 'UTC', offsetMs: 0 };

interface KnownApp {
  /** Line where the app is declared, for messages about duplicates and order. */
  line: number;
  /** Static apps: their creation time (when it parsed). */
  createdAt?: number;
  /** Apps made by a createApp event: true. */
  byEvent: boolean;
}

/** An event after its own checks, waiting for the reference checks made in time order. */
interface PendingEvent {
  path: PathSegment[];
  at?: number;
  event?: ScenarioEvent;
  app?: string;
  account?: string;
  creates?: string;
}

type TopLevel = z.output<typeof scenarioSchema>;

class ScenarioParser {
  private readonly issues: InputIssue[] = [];
  private dropped = 0;
  private policy: Policy | undefined;
  /** Only for checking times when the policy could not be read; the result is an error anyway. */
  private zone: Zone = utc;
  private period: { start: number; end: number; startText: string; endText: string } | undefined;
  private readonly accounts = new Map<string, number>();
  private readonly apps = new Map<string, KnownApp>();

  constructor(
    private readonly source: YamlSource,
    private readonly givenPolicy: Policy | undefined,
    private readonly readFile: (path: string) => string,
  ) {}

  parse(): Scenario {
    const raw = this.source.value;
    if (!isRecord(raw)) {
      this.issue([], `expected a scenario: a mapping with format, name, policy, start, end and accounts, found ${describeValue(raw)}`);
      this.throwIfAny();
    }
    const document = raw as Record<string, unknown>;
    this.checkSizes(document);
    const top = this.top(document);
    this.policy = this.resolvePolicy(top.policy, top.policyOverrides ?? {});
    this.zone = (this.policy && fixedZone(this.policy.timezone)) ?? utc;
    this.checkPeriod(top.start, top.end);

    const accounts = (top.accounts ?? []).map((account, index) => this.account(account, ['accounts', index]));
    const events = this.events(top.events ?? []);
    const expect = (top.expect ?? []).map((entry, index) => this.expectation(entry, ['expect', index]));
    this.throwIfAny();

    // No issues: every part parsed, so the checks below only narrow the types.
    const policy = this.policy;
    if (!policy || !top.name || !top.policy || !top.start || !top.end) throw new Error('scenario parsed without its required fields');
    return defined({
      file: this.source.file,
      name: top.name,
      description: top.description,
      rules: top.rules ?? [],
      policyRef: top.policy,
      policyOverrides: top.policyOverrides ?? {},
      policy,
      start: top.start,
      end: top.end,
      seed: top.seed ?? 0,
      accounts: accounts.filter((account): account is AccountSpec => account !== undefined),
      events,
      expect: expect.filter((entry): entry is Expectation => entry !== undefined),
    });
  }

  // -------------------------------------------------------------------------------------------
  // Issues

  private issue(path: readonly PathSegment[], message: string, options: { key?: boolean } = {}): void {
    this.add(issueAt(this.source, path, message, options));
  }

  private add(issue: InputIssue): void {
    if (this.issues.length < MAX_REPORTED_ISSUES) this.issues.push(issue);
    else this.dropped += 1;
  }

  /** Throws every issue found, the scenario's own first, in file order. */
  private throwIfAny(): void {
    if (this.issues.length === 0) return;
    const file = this.source.file;
    const ordered = [...this.issues].sort(
      (a, b) => Number(a.file !== file) - Number(b.file !== file) || a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column,
    );
    if (this.dropped > 0) ordered.push(fileIssue(file, '', `… and ${this.dropped} more issues (only the first ${MAX_REPORTED_ISSUES} are listed)`));
    throw new InputError(ordered);
  }

  private check<S extends z.ZodType>(schema: S, raw: unknown, path: readonly PathSegment[]): z.output<S> | undefined {
    const result = schema.safeParse(raw, { reportInput: true });
    if (result.success) return result.data as z.output<S>;
    for (const issue of zodIssues(this.source, result.error.issues, path, schema)) this.add(issue);
    return undefined;
  }

  private line(path: readonly PathSegment[]): number {
    return positionOf(this.source, path).line;
  }

  // -------------------------------------------------------------------------------------------
  // The top level, limits, policy and period

  /** Refuses files over the limits before spending time on their entries. */
  private checkSizes(raw: Record<string, unknown>): void {
    const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
    const events = list(raw.events);
    const apps =
      list(raw.accounts).reduce<number>((sum, account) => sum + (isRecord(account) ? list(account.apps).length : 0), 0) +
      events.filter((event) => isRecord(event) && event.type === 'createApp').length;
    if (events.length > MAX_EVENTS) this.issue(['events'], `expected at most ${MAX_EVENTS} events, found ${events.length}`);
    if (apps > MAX_APPS) this.issue(['accounts'], `expected at most ${MAX_APPS} apps (listed and created), found ${apps}`);
    const expectations = list(raw.expect).length;
    if (expectations > MAX_EXPECTATIONS) this.issue(['expect'], `expected at most ${MAX_EXPECTATIONS} expectations, found ${expectations}`);
    this.throwIfAny();
  }

  /** The top-level fields; when some are wrong, the others are still used to check the rest. */
  private top(raw: Record<string, unknown>): Partial<TopLevel> {
    const parsed = this.check(scenarioSchema, raw, []);
    if (parsed) return parsed;
    const partial: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(scenarioSchema.shape)) {
      const result = (field as z.ZodType).safeParse(raw[key]);
      if (result.success) partial[key] = result.data;
    }
    return partial as Partial<TopLevel>;
  }

  /** The named (or given) policy with the scenario's overrides, each issue at its override's key. */
  private resolvePolicy(ref: string | undefined, overrides: Record<string, unknown>): Policy | undefined {
    let policy = this.givenPolicy;
    if (!policy) {
      if (ref === undefined) return undefined;
      policy = this.namedPolicy(ref);
      if (!policy) return undefined;
    }
    if (Object.keys(overrides).length === 0) return policy;
    try {
      return applyOverrides(policy, overrides, {
        file: this.source.file,
        locate: (key) => positionOf(this.source, ['policyOverrides', key], { key: true }),
      });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      for (const issue of error.issues) this.add(issue);
      return policy;
    }
  }

  private namedPolicy(ref: string): Policy | undefined {
    try {
      if (isBundledPolicyId(ref)) return loadPolicy(ref);
      let text: string;
      try {
        text = this.readFile(ref);
      } catch {
        this.issue(['policy'], `expected a bundled policy id (${bundledPolicyIds().join(', ')}) or a policy file next to the scenario, found "${ref}"`);
        return undefined;
      }
      return parsePolicy(text, besideScenario(this.source.file, ref));
    } catch (error) {
      if (error instanceof InputError) for (const issue of error.issues) this.add(issue);
      else this.issue(['policy'], `cannot load the policy "${ref}": ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }

  /** `end` ≥ `start`, the period at most MAX_PERIOD_YEARS long; [start 00:00, end 23:59:59] in the zone. */
  private checkPeriod(start: string | undefined, end: string | undefined): void {
    const startAt = start === undefined ? undefined : this.time(start, ['start'], false);
    const endAt = end === undefined ? undefined : this.time(end, ['end'], false);
    if (startAt === undefined || endAt === undefined || start === undefined || end === undefined) return;
    const startDay = localDay(startAt, this.zone);
    const endDay = localDay(endAt, this.zone);
    if (endDay < startDay) {
      this.issue(['end'], `expected a date on or after start (${start}), found "${end}"`);
      return;
    }
    const first = civilDate(startDay);
    const limit = shiftMonth(first.year, first.month, 12 * MAX_PERIOD_YEARS);
    const limitDay = dayNumber(limit.year, limit.month, Math.min(first.day, daysInMonth(limit.year, limit.month)));
    if (endDay >= limitDay) {
      this.issue(['end'], `expected a period of at most ${MAX_PERIOD_YEARS} years (end before ${formatDay(limitDay)}), found "${end}"`);
    }
    this.period = {
      start: startOfLocalDay(startDay, this.zone),
      end: startOfLocalDay(endDay + 1, this.zone) - MS_PER_SECOND,
      startText: start,
      endText: end,
    };
  }

  /** A local time in the policy zone; with `inPeriod`, it must fall within the simulated period. */
  private time(text: string, path: readonly PathSegment[], inPeriod: boolean): number | undefined {
    const instant = parseLocalTime(text, this.zone);
    if (instant === undefined) {
      this.issue(path, `expected an existing date or time, found "${text}" (no such day or time)`);
      return undefined;
    }
    const period = this.period;
    if (inPeriod && period && (instant < period.start || instant > period.end)) {
      this.issue(path, `expected a time within the period ${period.startText} 00:00:00 … ${period.endText} 23:59:59, found "${text}"`);
    }
    return instant;
  }

  // -------------------------------------------------------------------------------------------
  // Accounts and apps

  private account(raw: unknown, path: PathSegment[]): AccountSpec | undefined {
    const data = this.check(accountSchema, raw, path);
    const id = data?.id ?? (isRecord(raw) && typeof raw.id === 'string' ? raw.id : undefined);
    if (id !== undefined) {
      const first = this.accounts.get(id);
      if (first !== undefined) this.issue([...path, 'id'], `expected a unique account id, found "${id}" again (first at line ${first})`);
      else this.accounts.set(id, this.line(path));
    }
    const rawApps = data?.apps ?? (isRecord(raw) && Array.isArray(raw.apps) ? raw.apps : []);
    const apps = rawApps.map((app, index) => this.app(app, [...path, 'apps', index], undefined));
    if (!data) return undefined;
    return { id: data.id, balance: data.balance, apps: apps.filter((app): app is AppSpec => app !== undefined) };
  }

  /**
   * One app, listed under an account or made by createApp (then `createdAt` is the event's time).
   * Registers its id, which must be unique across all accounts.
   */
  private app(raw: unknown, path: PathSegment[], eventAt: number | undefined, byEvent = false): AppSpec | undefined {
    const data = this.check(appSchema, raw, path);
    const id = data?.id ?? (isRecord(raw) && typeof raw.id === 'string' ? raw.id : undefined);
    let createdAt: number | undefined;
    if (data?.createdAt !== undefined) {
      createdAt = this.time(data.createdAt, [...path, 'createdAt'], true);
      if (byEvent && createdAt !== undefined && eventAt !== undefined && createdAt !== eventAt) {
        this.issue([...path, 'createdAt'], 'expected no createdAt: an app made by createApp is created at the event\'s time');
      }
    } else {
      createdAt = byEvent ? eventAt : this.period?.start;
    }
    if (id !== undefined) {
      const first = this.apps.get(id);
      if (first) this.issue([...path, 'id'], `expected a unique app id across all accounts, found "${id}" again (first at line ${first.line})`);
      else this.apps.set(id, { line: this.line(path), createdAt: byEvent ? undefined : createdAt, byEvent });
    }
    const usage = data ? this.usage(data.usage, [...path, 'usage']) : undefined;
    if (!data || !usage || createdAt === undefined) return undefined;
    return defined({ id: data.id, name: data.name, createdAt, usage });
  }

  private usage(raw: Record<string, unknown>, path: PathSegment[]): UsageSpec | undefined {
    const usage: UsageSpec = {};
    let ok = true;
    for (const key of usageKeys) {
      if (raw[key] === undefined) continue;
      const curve = this.curve(raw[key], [...path, key], key);
      if (curve) usage[key] = curve;
      else ok = false;
    }
    // U5: international AV bandwidth has no public price; a scenario using it must set one.
    if (raw.avBandwidthInternationalMbps !== undefined && this.policy && this.policy.usage.avBandwidth.internationalPerMbpsDay === null) {
      this.issue(
        [...path, 'avBandwidthInternationalMbps'],
        'expected a price for international AV bandwidth (U5: there is no public one): set policyOverrides usage.avBandwidth.internationalPerMbpsDay',
        { key: true },
      );
      ok = false;
    }
    return ok ? usage : undefined;
  }

  // -------------------------------------------------------------------------------------------
  // Curves (SCENARIO-FORMAT "Curves")

  private curve(raw: unknown, path: PathSegment[], key: UsageKey): Curve | undefined {
    if (!isRecord(raw)) {
      this.issue(path, `expected a curve such as { constant: 100 }, found ${describeValue(raw)}`);
      return undefined;
    }
    const forms = curveForms.filter((form) => form in raw);
    if (forms.length === 0) {
      const keys = Object.keys(raw);
      const hint = keys.length > 0 ? suggest(keys[0], curveForms) : `expected one of ${curveForms.join(', ')}`;
      this.issue(keys.length > 0 ? [...path, keys[0]] : path, `expected a curve form; ${hint}`, { key: true });
      return undefined;
    }
    if (forms.length > 1) {
      this.issue([...path, forms[1]], `expected one curve form, found both ${forms[0]} and ${forms[1]}`, { key: true });
      return undefined;
    }
    switch (forms[0]) {
      case 'constant': {
        const data = this.check(curveFormSchemas.constant, raw, path);
        return data && this.whole([data.constant], [[...path, 'constant']], key) ? data : undefined;
      }
      case 'series': {
        const data = this.check(curveFormSchemas.series, raw, path);
        return data && this.whole(data.series, data.series.map((_, index) => [...path, 'series', index]), key) ? data : undefined;
      }
      case 'steps': {
        const data = this.check(curveFormSchemas.steps, raw, path);
        if (!data) return undefined;
        const paths = data.steps.map((_, index) => [...path, 'steps', index]);
        const datesOk = this.dates(data.steps.map((step) => step.from), paths.map((p) => [...p, 'from']));
        return this.whole(data.steps.map((step) => step.value), paths.map((p) => [...p, 'value']), key) && datesOk ? data : undefined;
      }
      case 'points': {
        const data = this.check(curveFormSchemas.points, raw, path);
        if (!data) return undefined;
        const paths = data.points.map((_, index) => [...path, 'points', index]);
        const datesOk = this.dates(data.points.map((point) => point.at), paths.map((p) => [...p, 'at']));
        return this.whole(data.points.map((point) => point.value), paths.map((p) => [...p, 'value']), key) && datesOk ? data : undefined;
      }
      case 'linear':
        return this.check(curveFormSchemas.linear, raw, path);
      case 'growth':
        return this.check(curveFormSchemas.growth, raw, path);
      case 'randomWalk': {
        const data = this.check(curveFormSchemas.randomWalk, raw, path);
        const walk = data?.randomWalk;
        if (walk?.min !== undefined && walk.max !== undefined && walk.min > walk.max) {
          this.issue([...path, 'randomWalk', 'max'], `expected at least min (${walk.min}), found ${walk.max}`);
          return undefined;
        }
        return data;
      }
      case 'weekly': {
        const data = this.check(curveFormSchemas.weekly, raw, path);
        const base = data && this.curve(data.weekly.base, [...path, 'weekly', 'base'], key);
        return data && base ? { weekly: { base, weekendFactor: data.weekly.weekendFactor } } : undefined;
      }
      case 'noise': {
        const data = this.check(curveFormSchemas.noise, raw, path);
        const base = data && this.curve(data.noise.base, [...path, 'noise', 'base'], key);
        return data && base ? { noise: { base, sigma: data.noise.sigma } } : undefined;
      }
      case 'csv': {
        const data = this.check(curveFormSchemas.csv, raw, path);
        const values = data && this.csv(data.csv, data.column, path, key);
        return data && values ? { csv: data.csv, column: data.column, values } : undefined;
      }
    }
  }

  /** Counts (dau, groups, avChatrooms) are whole numbers; Mbps may be decimal. */
  private whole(values: number[], paths: PathSegment[][], key: UsageKey): boolean {
    if (!countKeys.has(key)) return true;
    let ok = true;
    values.forEach((value, index) => {
      if (!Number.isInteger(value)) {
        this.issue(paths[index], `expected a whole number ≥ 0 (${key} is a count), found ${value}`);
        ok = false;
      }
    });
    return ok;
  }

  /** Step and point dates exist and increase. */
  private dates(texts: string[], paths: PathSegment[][]): boolean {
    let ok = true;
    texts.forEach((text, index) => {
      if (parseLocalTime(text, this.zone) === undefined) {
        this.issue(paths[index], `expected an existing date, found "${text}" (no such day)`);
        ok = false;
      } else if (index > 0 && text <= texts[index - 1]) {
        this.issue(paths[index], `expected dates in increasing order, found "${text}" after "${texts[index - 1]}"`);
        ok = false;
      }
    });
    return ok;
  }

  /**
   * A CSV curve: a header with `date` and the named column, then one row per day. Each bad row
   * is an issue at its own line of the CSV file.
   */
  private csv(name: string, column: string, path: PathSegment[], key: UsageKey): Record<string, number> | undefined {
    let text: string;
    try {
      text = this.readFile(name);
    } catch (error) {
      this.issue([...path, 'csv'], `cannot read the CSV file "${name}": ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
    const file = besideScenario(this.source.file, name);
    const where = [...path, 'csv'].join('.');
    if (text.length > MAX_FILE_BYTES) {
      this.add({ file, line: 1, column: 1, path: where, message: `expected a file of at most ${MAX_FILE_BYTES} bytes (5 MB)` });
      return undefined;
    }
    const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
    const header = splitCsvLine(lines[0] ?? '').map((cell) => cell.text.trim());
    const dateIndex = header.indexOf('date');
    const valueIndex = header.indexOf(column);
    if (dateIndex < 0) {
      this.add({ file, line: 1, column: 1, path: where, message: `expected a "date" column in the header, found ${header.filter(Boolean).join(', ') || 'nothing'}` });
    }
    if (valueIndex < 0) {
      const others = header.filter((cell) => cell && cell !== 'date');
      this.issue([...path, 'column'], `expected a column of ${file}, found "${column}"${others.length ? `; ${suggest(column, others)}` : ''}`);
    }
    if (dateIndex < 0 || valueIndex < 0) return undefined;

    const values: Record<string, number> = {};
    let ok = true;
    const bad = (line: number, cellColumn: number, message: string) => {
      this.add({ file, line, column: cellColumn, path: where, message });
      ok = false;
    };
    for (let index = 1; index < lines.length; index++) {
      const line = lines[index];
      if (line.trim() === '') continue;
      const cells = splitCsvLine(line);
      const dateCell = cells[dateIndex] ?? { text: '', column: line.length + 1 };
      const valueCell = cells[valueIndex] ?? { text: '', column: line.length + 1 };
      const date = dateCell.text.trim();
      const valueText = valueCell.text.trim();
      const dateOk = /^\d{4}-\d{2}-\d{2}$/.test(date) && parseLocalTime(date, this.zone) !== undefined;
      if (!dateOk) bad(index + 1, dateCell.column, `expected an existing date YYYY-MM-DD in column "date", found ${describeValue(date)}`);
      else if (Object.hasOwn(values, date)) bad(index + 1, dateCell.column, `expected each date once, found ${date} again`);
      const value = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(valueText) ? Number(valueText) : Number.NaN;
      if (!Number.isFinite(value) || value < 0) {
        bad(index + 1, valueCell.column, `expected a number ≥ 0 in column "${column}", found ${describeValue(valueText)}`);
      } else if (countKeys.has(key) && !Number.isInteger(value)) {
        bad(index + 1, valueCell.column, `expected a whole number ≥ 0 in column "${column}" (${key} is a count), found ${valueText}`);
      } else if (dateOk) {
        values[date] = value;
      }
    }
    return ok ? values : undefined;
  }

  // -------------------------------------------------------------------------------------------
  // Events

  /**
   * Checks each event on its own (file order), then the references in time order: an app made
   * by createApp exists only from that event on.
   */
  private events(raws: unknown[]): ScenarioEvent[] {
    const pending = raws.map((raw, index) => this.event(raw, ['events', index]));
    const timed = pending.filter((entry) => entry.at !== undefined).sort((a, b) => (a.at ?? 0) - (b.at ?? 0));
    const untimed = pending.filter((entry) => entry.at === undefined);
    const created = new Set<string>();
    for (const entry of [...timed, ...untimed]) {
      if (entry.account !== undefined) this.accountRef(entry.account, [...entry.path, 'account']);
      if (entry.app !== undefined) this.appRef(entry.app, [...entry.path, 'app'], entry.at, created);
      if (entry.creates !== undefined) created.add(entry.creates);
    }
    return timed.flatMap((entry) => (entry.event ? [entry.event] : []));
  }

  private event(raw: unknown, path: PathSegment[]): PendingEvent {
    if (!isRecord(raw)) {
      this.issue(path, `expected an event: a mapping with at, type and its fields, found ${describeValue(raw)}`);
      return { path };
    }
    const type = raw.type;
    const refs: PendingEvent = {
      path,
      app: typeof raw.app === 'string' ? raw.app : undefined,
      account: typeof raw.account === 'string' ? raw.account : undefined,
    };
    if (typeof type !== 'string' || !eventTypeNames.includes(type as EventType)) {
      const hint = typeof type === 'string' ? suggest(type, eventTypeNames) : `expected one of ${eventTypeNames.join(', ')}`;
      this.issue(type === undefined ? path : [...path, 'type'], `expected an event type, found ${describeValue(type)}; ${hint}`);
      return refs;
    }
    const line = this.line(path);
    const at = (text: string | undefined) => (text === undefined ? undefined : this.time(text, [...path, 'at'], true));
    switch (type as EventType) {
      case 'purchase':
      case 'renew': {
        const data = type === 'purchase' ? this.check(eventSchemas.purchase, raw, path) : this.check(eventSchemas.renew, raw, path);
        const when = at(data?.at);
        if (!data) return refs;
        const ok = [
          this.product(data.product, [...path, 'product']),
          this.months(data.months, [...path, 'months']),
          data.promotion === undefined || this.promotion(data.promotion, [...path, 'promotion']),
        ].every(Boolean);
        return { ...refs, at: when, event: when !== undefined && ok ? defined({ ...data, at: when, line }) : undefined };
      }
      case 'refund': {
        const data = this.check(eventSchemas.refund, raw, path);
        const when = at(data?.at);
        if (!data) return refs;
        const ok = this.product(data.product, [...path, 'product']);
        return { ...refs, at: when, event: when !== undefined && ok ? { ...data, at: when, line } : undefined };
      }
      case 'topUp': {
        const data = this.check(eventSchemas.topUp, raw, path);
        const when = at(data?.at);
        if (!data) return refs;
        return { ...refs, at: when, event: when !== undefined ? { ...data, at: when, line } : undefined };
      }
      case 'setAutoRenew': {
        const data = this.check(eventSchemas.setAutoRenew, raw, path);
        const when = at(data?.at);
        if (!data) return refs;
        return { ...refs, at: when, event: when !== undefined ? { ...data, at: when, line } : undefined };
      }
      case 'setStorageExtension': {
        const data = this.check(eventSchemas.setStorageExtension, raw, path);
        const when = at(data?.at);
        if (!data) return refs;
        // U3: storage may be extended by 0 (off) to maxMonths months.
        const max = this.policy?.usage.storageExtension.maxMonths;
        const ok = max === undefined || (data.months >= 0 && data.months <= max);
        if (!ok) this.issue([...path, 'months'], `expected 0 (off) to ${max} months of storage extension (U3), found ${data.months}`);
        return { ...refs, at: when, event: when !== undefined && ok ? { ...data, at: when, line } : undefined };
      }
      case 'createApp': {
        const data = this.check(eventSchemas.createApp, raw, path);
        const when = at(data?.at);
        const appRaw = data?.app ?? raw.app;
        const creates = isRecord(appRaw) && typeof appRaw.id === 'string' ? appRaw.id : undefined;
        const app = this.app(appRaw, [...path, 'app'], when, true);
        const entry: PendingEvent = { path, account: refs.account, creates, at: when };
        if (data && app && when !== undefined) entry.event = { type: 'createApp', account: data.account, app, at: when, line };
        return entry;
      }
    }
  }

  /** `pro` or a pack of the policy. */
  private product(product: string, path: PathSegment[]): boolean {
    const policy = this.policy;
    if (!policy || product === 'pro' || Object.hasOwn(policy.packs, product)) return true;
    const products = ['pro', ...Object.keys(policy.packs)];
    this.issue(path, `expected pro or a pack of the policy, found "${product}"; ${suggest(product, products)}`);
    return false;
  }

  /** P3: a whole number of months within the policy's lengths, for pro and packs alike. */
  private months(months: number, path: PathSegment[]): boolean {
    const lengths = this.policy?.lengths;
    if (!lengths || (months >= lengths.minMonths && months <= lengths.maxMonths)) return true;
    this.issue(path, `expected ${lengths.minMonths} to ${lengths.maxMonths} months (P3), found ${months}`);
    return false;
  }

  /** P6: a promotion the policy defines. */
  private promotion(id: string, path: PathSegment[]): boolean {
    const promotions = this.policy?.promotions;
    if (!promotions || promotions.some((promotion) => promotion.id === id)) return true;
    const ids = promotions.map((promotion) => promotion.id);
    this.issue(path, `expected a promotion of the policy, found "${id}"; ${ids.length > 0 ? suggest(id, ids) : 'the policy has no promotions (add them with policyOverrides promotions)'}`);
    return false;
  }

  private accountRef(id: string, path: PathSegment[]): boolean {
    if (this.accounts.has(id)) return true;
    this.issue(path, `unknown account "${id}"; ${suggest(id, this.knownIds(this.accounts))}`.replace(/; $/, ''));
    return false;
  }

  /**
   * An app the event can act on: listed and already created at `at`, or made by an earlier
   * createApp. Without `at` (a bad time, or an expectation) any app of the scenario will do.
   */
  private appRef(id: string, path: PathSegment[], at: number | undefined, created?: ReadonlySet<string>): boolean {
    const known = this.apps.get(id);
    if (!known) {
      this.issue(path, `unknown app "${id}"; ${suggest(id, this.knownIds(this.apps))}`.replace(/; $/, ''));
      return false;
    }
    if (at === undefined || !created) return true;
    if (known.byEvent && !created.has(id)) {
      this.issue(path, `app "${id}" does not exist yet: the createApp event at line ${known.line} makes it later`);
      return false;
    }
    if (!known.byEvent && known.createdAt !== undefined && at < known.createdAt) {
      this.issue(path, `app "${id}" does not exist yet: it is created at ${formatInstant(known.createdAt, this.zone)}`);
      return false;
    }
    return true;
  }

  /** Ids to suggest from; a very long list helps nobody. */
  private knownIds(ids: ReadonlyMap<string, unknown>): string[] {
    return ids.size <= 50 ? [...ids.keys()] : [];
  }

  // -------------------------------------------------------------------------------------------
  // Expectations

  private expectation(raw: unknown, path: PathSegment[]): Expectation | undefined {
    if (!isRecord(raw)) {
      this.issue(path, `expected an expectation (a mapping), found ${describeValue(raw)}`);
      return undefined;
    }
    const kind = expectationKind(raw);
    if (!kind) {
      this.issue(path, `expected an expectation of one of the forms ${expectationForms.join('; ')}, found the fields ${Object.keys(raw).join(', ') || 'none'}`);
      return undefined;
    }
    const base = { line: this.line(path), text: JSON.stringify(raw) };
    const time = (text: string | undefined, field: PathSegment[]) => (text === undefined ? undefined : this.time(text, [...path, ...field], false));
    const app = (id: string | undefined, field: PathSegment[]) => id === undefined || this.appRef(id, [...path, ...field], undefined);
    const account = (id: string | undefined, field: PathSegment[]) => id === undefined || this.accountRef(id, [...path, ...field]);
    const product = (id: string, field: PathSegment[]) => this.product(id, [...path, ...field]);
    /** "app? | account?": one or the other, or neither (any). */
    const owner = (target: { app?: string; account?: string }, head: string) => {
      if (target.app !== undefined && target.account !== undefined) {
        this.issue([...path, head, 'account'], 'expected app or account, not both');
        return false;
      }
      return app(target.app, [head, 'app']) && account(target.account, [head, 'account']);
    };

    switch (kind) {
      case 'state': {
        const data = this.check(expectationSchemas.state, raw, path);
        const at = time(data?.at, ['at']);
        if (!data || !app(data.app, ['app']) || at === undefined) return undefined;
        return { ...base, kind, at, app: data.app, state: data.state };
      }
      case 'billTotal': {
        const data = this.check(expectationSchemas.billTotal, raw, path);
        if (!data || !account(data.bill.account, ['bill', 'account'])) return undefined;
        return { ...base, kind, account: data.bill.account, month: data.bill.month, total: data.total };
      }
      case 'billLine': {
        const data = this.check(expectationSchemas.billLine, raw, path);
        if (!data) return undefined;
        const ok = [account(data.bill.account, ['bill', 'account']), app(data.line.app, ['line', 'app'])].every(Boolean);
        if (!ok) return undefined;
        return { ...base, kind, account: data.bill.account, month: data.bill.month, app: data.line.app, item: data.line.item, amount: data.amount };
      }
      case 'refund': {
        const data = this.check(expectationSchemas.refund, raw, path);
        if (!data) return undefined;
        const ok = [app(data.refund.app, ['refund', 'app']), product(data.refund.product, ['refund', 'product'])].every(Boolean);
        if (!ok) return undefined;
        return defined({ ...base, kind, app: data.refund.app, product: data.refund.product, nth: data.refund.n, amount: data.amount, to: data.to });
      }
      case 'balance': {
        const data = this.check(expectationSchemas.balance, raw, path);
        const at = time(data?.balance.at, ['balance', 'at']);
        if (!data || !account(data.balance.account, ['balance', 'account']) || at === undefined) return undefined;
        const { balance, ...parts } = data;
        return defined({ ...base, kind, account: balance.account, at, ...parts });
      }
      case 'denied': {
        const data = this.check(expectationSchemas.denied, raw, path);
        if (!data || !owner(data.denied, 'denied')) return undefined;
        return defined({ ...base, kind, app: data.denied.app, account: data.denied.account, type: data.denied.type, nth: data.denied.n, reason: data.reason });
      }
      case 'transition': {
        const data = this.check(expectationSchemas.transition, raw, path);
        const at = time(data?.at, ['at']);
        if (!data || !app(data.transition.app, ['transition', 'app']) || (data.at !== undefined && at === undefined)) return undefined;
        return defined({ ...base, kind, app: data.transition.app, to: data.transition.to, nth: data.transition.n, at, cause: data.cause });
      }
      case 'order': {
        const data = this.check(expectationSchemas.order, raw, path);
        const start = time(data?.start, ['start']);
        const end = time(data?.end, ['end']);
        if (!data) return undefined;
        const ok = [
          app(data.order.app, ['order', 'app']),
          product(data.order.product, ['order', 'product']),
          data.start === undefined || start !== undefined,
          data.end === undefined || end !== undefined,
        ].every(Boolean);
        if (!ok) return undefined;
        return defined({ ...base, kind, app: data.order.app, product: data.order.product, nth: data.order.n, total: data.total, start, end });
      }
      case 'notifications': {
        const data = this.check(expectationSchemas.notifications, raw, path);
        const first = time(data?.first, ['first']);
        const last = time(data?.last, ['last']);
        if (!data) return undefined;
        const ok = [owner(data.notifications, 'notifications'), data.first === undefined || first !== undefined, data.last === undefined || last !== undefined].every(Boolean);
        if (!ok) return undefined;
        const target = data.notifications;
        return defined({ ...base, kind, app: target.app, account: target.account, notification: target.kind, count: data.count, first, last });
      }
      case 'event': {
        const data = this.check(expectationSchemas.event, raw, path);
        const at = time(data?.at, ['at']);
        if (!data || !owner(data.event, 'event') || (data.at !== undefined && at === undefined)) return undefined;
        return defined({ ...base, kind, app: data.event.app, account: data.event.account, event: data.event.kind, nth: data.event.n, at });
      }
    }
  }
}

/** Splits one CSV line into cells with their 1-based columns; quoted cells may hold commas and "". */
function splitCsvLine(line: string): { text: string; column: number }[] {
  const cells: { text: string; column: number }[] = [];
  let index = 0;
  for (;;) {
    const column = index + 1;
    let text = '';
    if (line[index] === '"') {
      index += 1;
      while (index < line.length) {
        if (line[index] === '"' && line[index + 1] === '"') {
          text += '"';
          index += 2;
        } else if (line[index] === '"') {
          index += 1;
          break;
        } else {
          text += line[index];
          index += 1;
        }
      }
      const comma = line.indexOf(',', index);
      index = comma < 0 ? line.length : comma;
    } else {
      const comma = line.indexOf(',', index);
      const stop = comma < 0 ? line.length : comma;
      text = line.slice(index, stop);
      index = stop;
    }
    cells.push({ text, column });
    if (index >= line.length) return cells;
    index += 1;
  }
}
