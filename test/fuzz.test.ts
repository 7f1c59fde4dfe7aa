/**
 * Mutation fuzzing over every scenario in scenarios/*.yaml (test/fuzz/mutate.ts): each mutant
 * must load into a scenario and simulate into a report, or be refused with an InputError.
 * Anything else (a TypeError, a RangeError, a stack overflow) fails the test, with the mutant's
 * YAML in the message. The slowest case is logged, not asserted: timing belongs to
 * `npm run bench`.
 *
 * Two numbers, both per `npm test` run with a fixed seed:
 * - PARSED: mutants given to `parseScenario`, at least 10,000 in all;
 * - SIMULATED: of those that load, the ones also given to `simulate`, capped per scenario so that
 *   the whole file runs in well under two minutes on a 2-core machine. Periods are cut to
 *   MONTHS months before mutating (see `shorten`), so a simulation takes milliseconds.
 *
 * FUZZ_SEED, FUZZ_PARSED and FUZZ_SIMULATED change them for a longer run. A failure names its
 * file, seed and case and prints the mutant; the case alone is
 * `mutate(seedrandom(`${seed}:${file name}:${case}`), shorten(data of the file, MONTHS))`.
 * The files in test/fuzz/crashes/ are mutants that once broke something: they are replayed too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { InputError } from '../src/inputError.ts';
import { parseScenario } from '../src/scenario/load.ts';
import type { Scenario } from '../src/scenario/types.ts';
import { simulate } from '../src/sim/simulate.ts';
import { mutate, shorten } from './fuzz/mutate.ts';

const SEED = process.env.FUZZ_SEED ?? 'imsim-fuzz-1';
const PARSED = Number(process.env.FUZZ_PARSED ?? 10_000);
const SIMULATED = Number(process.env.FUZZ_SIMULATED ?? 1_500);
const MONTHS = 3;

const files = readdirSync('scenarios')
  .filter((name) => name.endsWith('.yaml'))
  .sort();
const perFile = Math.ceil(PARSED / files.length);
const simulatedPerFile = Math.ceil(SIMULATED / files.length);

type Outcome = 'report' | 'inputError';

interface Failure {
  label: string;
  mutations: string[];
  text: string;
  error: string;
}

/** The outcome of one text, or the failure it caused. */
function play(text: string, file: string, doSimulate: boolean): { outcome: Outcome; simulated: boolean; ms: number } | { error: unknown; ms: number } {
  const started = performance.now();
  let scenario: Scenario;
  try {
    scenario = parseScenario(text, file);
  } catch (error) {
    const ms = performance.now() - started;
    if (error instanceof InputError && error.issues.length > 0 && error.issues.every(wellFormed)) return { outcome: 'inputError', simulated: false, ms };
    return { error, ms };
  }
  if (!doSimulate) return { outcome: 'report', simulated: false, ms: performance.now() - started };
  try {
    const report = simulate(scenario);
    if (typeof report !== 'object' || report === null || !('summary' in report)) throw new Error('simulate returned no report');
    return { outcome: 'report', simulated: true, ms: performance.now() - started };
  } catch (error) {
    const ms = performance.now() - started;
    if (error instanceof InputError) return { outcome: 'inputError', simulated: true, ms };
    return { error, ms };
  }
}

/** An issue a person can act on: a position in a file, a message, no stack trace. */
function wellFormed(issue: InputError['issues'][number]): boolean {
  return issue.line >= 1 && issue.column >= 1 && issue.file.length > 0 && issue.message.length > 0 && !/\n\s+at /.test(issue.message);
}

function describeFailures(failures: Failure[]): string {
  return failures
    .slice(0, 3)
    .map((failure) => `${failure.label}\nmutations: ${failure.mutations.join('; ')}\n${failure.error}\n--- mutant ---\n${failure.text}--- end ---`)
    .join('\n\n');
}

const totals = { parsed: 0, loaded: 0, simulated: 0, inputErrors: 0, slowestMs: 0 };

describe(`fuzzing the scenarios (seed ${SEED})`, () => {
  it.each(files)('%s: every mutant is a report or an input error', (name) => {
    const file = `scenarios/${name}`;
    const original = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    const base = shorten(original, MONTHS);
    const failures: Failure[] = [];
    let simulated = 0;
    for (let index = 0; index < perFile; index++) {
      const label = `${file} seed ${SEED} case ${index}`;
      const mutant = mutate(seedrandom(`${SEED}:${name}:${index}`), base);
      const result = play(mutant.text, file, simulated < simulatedPerFile);
      totals.parsed += 1;
      totals.slowestMs = Math.max(totals.slowestMs, result.ms);
      if ('error' in result) {
        const error = result.error instanceof Error ? (result.error.stack ?? result.error.message) : String(result.error);
        failures.push({ label, mutations: mutant.mutations, text: mutant.text, error });
        continue;
      }
      if (result.outcome === 'inputError') totals.inputErrors += 1;
      else totals.loaded += 1;
      if (result.simulated) {
        simulated += 1;
        totals.simulated += 1;
      }
    }
    expect(failures.length, describeFailures(failures)).toBe(0);
  });

  it(`parsed at least ${PARSED} mutants and simulated up to ${SIMULATED} of those that loaded`, () => {
    console.info(
      `fuzz (seed ${SEED}): ${totals.parsed} mutants parsed, ${totals.loaded} loaded, ${totals.inputErrors} refused with an input error, ` +
        `${totals.simulated} simulated; slowest case ${Math.round(totals.slowestMs)} ms`,
    );
    expect(totals.parsed).toBeGreaterThanOrEqual(PARSED);
    expect(totals.simulated).toBeGreaterThan(0);
  });
});

describe('the mutants that once broke something (test/fuzz/crashes/)', () => {
  const crashes = readdirSync('test/fuzz/crashes')
    .filter((name) => /\.ya?ml$/.test(name))
    .sort();
  it.each(crashes.length > 0 ? crashes : ['(none)'])('%s is a report or an input error', (name) => {
    if (name === '(none)') return;
    const file = `test/fuzz/crashes/${name}`;
    const result = play(readFileSync(file, 'utf8'), file, true);
    expect('error' in result ? String((result.error as Error)?.stack ?? result.error) : 'ok').toBe('ok');
  });
});
