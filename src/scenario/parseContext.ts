/**
 * What the parts of the scenario parser share: the source and the issues found in it, the
 * policy and its zone, the simulated period, and the account and app ids declared so far. Each
 * part (accounts, curves, events, expectations) reads it and adds issues; load.ts creates it and
 * throws the issues, so every problem of a file is reported at once.
 */
import type { z } from 'zod';
import { parseLocalTime, type Zone } from '../domain/calendar.ts';
import { fileIssue } from '../input/issues.ts';
import { issueAt, type PathSegment, positionOf, type YamlSource } from '../input/yamlSource.ts';
import { zodIssues } from '../input/zodIssues.ts';
import { InputError, type InputIssue } from '../inputError.ts';
import { policyZone } from '../policy/load.ts';
import type { Policy } from '../policy/schema.ts';
import { MAX_REPORTED_ISSUES } from './limits.ts';

const utc: Zone = { name: 'UTC', offsetMs: 0 };

export interface KnownApp {
  /** Line where the app is declared, for messages about duplicates and order. */
  line: number;
  /** Static apps: their creation time (when it parsed). */
  createdAt?: number;
  /** Apps made by a createApp event: true. */
  byEvent: boolean;
}

/** The simulated period: [start 00:00, end 23:59:59] in the policy zone, and as written. */
export interface Period {
  start: number;
  end: number;
  startText: string;
  endText: string;
}

export class ParseContext {
  private readonly issues: InputIssue[] = [];
  private dropped = 0;
  private knownTags: string[] | undefined;
  policy: Policy | undefined;
  /** The policy from each of the scenario's policy changes on, in time order (policyChangesParse.ts). */
  readonly laterPolicies: { at: number; policy: Policy }[] = [];
  /** Only for checking times when the policy could not be read; the result is an error anyway. */
  zone: Zone = utc;
  period: Period | undefined;
  /**
   * The side of the period that could be read when the other could not (a bad `end`): times are
   * still checked against it, so that one broken date hides no other error.
   */
  halfPeriod: Partial<Period> | undefined;
  /** Account ids, each with the line it is declared at. */
  readonly accounts = new Map<string, number>();
  readonly apps = new Map<string, KnownApp>();
  /** Generated account ids, each with its cohort and the cohort's line. */
  readonly generated = new Map<string, { cohort: string; line: number }>();
  /** The cohorts of the population, each with its tags. */
  readonly cohorts = new Map<string, string[]>();
  /** Cohorts with input errors: not generated, so their apps are not known. */
  readonly incomplete = new Set<string>();
  /** Neither accounts nor a population could be read as a list: no account or app is known, and none is reported unknown. */
  noAccounts = false;

  constructor(
    readonly source: YamlSource,
    /** Reads a file the scenario names, given as written (relative to the scenario's folder). */
    readonly readFile: (path: string) => string,
  ) {}

  issue(path: readonly PathSegment[], message: string, options: { key?: boolean } = {}): void {
    this.add(issueAt(this.source, path, message, options));
  }

  add(issue: InputIssue): void {
    if (this.issues.length < MAX_REPORTED_ISSUES) this.issues.push(issue);
    else this.dropped += 1;
  }

  /**
   * The cohort that owns an account or app id: one it generates, or could generate under another
   * seed (`<generated account>-<k>`), so a written id may never take it.
   */
  generatedOwner(id: string, kind: 'account' | 'app'): { cohort: string; line: number } | undefined {
    return this.generated.get(kind === 'account' ? id : id.replace(/-\d+$/, ''));
  }

  /** The tags KPIs are given for: the cohorts', and `written` when accounts are written out (once the accounts are read). */
  tags(): string[] {
    this.knownTags ??= [
      ...new Set([...this.cohorts.values()].flat()),
      ...([...this.accounts.keys()].some((id) => !this.generated.has(id)) ? ['written'] : []),
    ];
    return this.knownTags;
  }

  /** Runs `part` and hands back the issues it found instead of keeping them. */
  capture<T>(part: () => T): { value: T; issues: InputIssue[] } {
    const [start, dropped] = [this.issues.length, this.dropped];
    const value = part();
    const issues = this.issues.splice(start);
    this.dropped = dropped;
    return { value, issues };
  }

  /** Throws every issue found, the scenario's own first, in file order. */
  throwIfAny(): void {
    if (this.issues.length === 0) return;
    const file = this.source.file;
    const ordered = [...this.issues].sort(
      (a, b) => Number(a.file !== file) - Number(b.file !== file) || a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column,
    );
    if (this.dropped > 0) ordered.push(fileIssue(file, '', `… and ${this.dropped} more issues (only the first ${MAX_REPORTED_ISSUES} are listed)`));
    throw new InputError(ordered);
  }

  /** The value parsed by `schema`, or undefined with its issues added at `path`. */
  check<S extends z.ZodType>(schema: S, raw: unknown, path: readonly PathSegment[]): z.output<S> | undefined {
    const result = schema.safeParse(raw, { reportInput: true });
    if (result.success) return result.data as z.output<S>;
    for (const issue of zodIssues(this.source, result.error.issues, path, schema)) this.add(issue);
    return undefined;
  }

  line(path: readonly PathSegment[]): number {
    return positionOf(this.source, path).line;
  }

  /** A local time in the policy zone; with `inPeriod`, it must fall within the simulated period. */
  time(text: string, path: readonly PathSegment[], inPeriod: boolean): number | undefined {
    const offset = /(?:[+-]\d{2}:?\d{2})$/.exec(text.slice(10))?.[0];
    if (offset !== undefined && policyZone(offset) === undefined) {
      this.issue(path, `expected a UTC offset from -14:00 to +14:00, found "${text}"`);
      return undefined;
    }
    const instant = parseLocalTime(text, this.zone);
    if (instant === undefined) {
      this.issue(path, `expected an existing date or time, found "${text}" (no such day or time)`);
      return undefined;
    }
    if (inPeriod) this.checkInPeriod(instant, text, path);
    return instant;
  }

  private checkInPeriod(instant: number, text: string, path: readonly PathSegment[]): void {
    const period = this.period;
    if (period && (instant < period.start || instant > period.end)) {
      this.issue(path, `expected a time within the period ${period.startText} 00:00:00 … ${period.endText} 23:59:59, found "${text}"`);
    }
    const half = this.halfPeriod;
    if (half?.start !== undefined && instant < half.start) this.issue(path, `expected a time on or after the start of the period, ${half.startText} 00:00:00, found "${text}"`);
    if (half?.end !== undefined && instant > half.end) this.issue(path, `expected a time up to the end of the period, ${half.endText} 23:59:59, found "${text}"`);
  }
}
