/**
 * What the property pools share: one parse and simulation per scenario text (cached), the
 * failure report (the shrunk counterexample as a YAML scenario file, with the violation on top in
 * comments, written to IMSIM_PROPERTY_FAILURES=DIR when set), determinism, and the saved
 * failures of test/properties/failures/.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { loadPolicy } from '../../src/policy/load.ts';
import { renderJson } from '../../src/report/json.ts';
import { parseScenario } from '../../src/scenario/load.ts';
import { mergeShardRecords } from '../../src/sim/shardMerge.ts';
import { runShard } from '../../src/sim/shardRun.ts';
import { simulateInBatches } from '../../src/sim/inBatches.ts';
import { spooledRun } from '../../src/sim/spooledRun.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import { policyZone, reportOf, simulate } from '../../src/sim/simulate.ts';
import type { Run } from './invariants.ts';

export const FAILURES_DIR = join(import.meta.dirname, 'failures');
export const FILE = 'generated.yaml';
/** Generous: the first property pays for simulating the pool; a failure also pays for shrinking. */
export const TIMEOUT = 600_000;

export type Check = (run: Run) => string[];

// The bundled policy, loaded once and given to the loader: the texts name the same policy
// (`policy: tencent-im-2019`) and their overrides still apply; determinism uses the plain path.
const policy = loadPolicy('tencent-im-2019');
const runs = new Map<string, Run>();

/** The scenario of `text` parsed and simulated, once per text. */
export function run(text: string): Run {
  let found = runs.get(text);
  if (!found) {
    const scenario = parseScenario(text, FILE, { policy });
    found = { text, scenario, report: simulate(scenario) };
    runs.set(text, found);
  }
  return found;
}

export function violated(name: string, violations: string[]): void {
  if (violations.length === 0) return;
  const shown = violations.slice(0, 15);
  const more = violations.length > shown.length ? `\n… and ${violations.length - shown.length} more` : '';
  throw new Error(`${name}:\n  ${shown.join('\n  ')}${more}`);
}

export function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The shrunk counterexample as a scenario file with the violation on top, in comments. */
export function failureReport(name: string, details: fc.RunDetails<[string]>, prefix = ''): string {
  const [text] = details.counterexample ?? [''];
  const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  const header = [
    `property: ${name}`,
    `fast-check seed ${details.seed}, path "${details.counterexamplePath}", failed after ${details.numRuns} runs, shrunk ${details.numShrinks} times`,
    'reproduce: npx imsim run THIS_FILE --format json',
    ...error.split('\n'),
  ]
    .map((line) => `# ${line}`)
    .join('\n');
  const file = `${header}\n${text}`;
  const dir = process.env.IMSIM_PROPERTY_FAILURES;
  const base = `${prefix}${slug(name)}.yaml`;
  let saved = '';
  if (dir) {
    mkdirSync(dir, { recursive: true });
    const path = join(dir, base);
    writeFileSync(path, file);
    saved = ` (written to ${path})`;
  }
  return `Property "${name}" failed; the shrunk scenario${saved}, to save as test/properties/failures/${base}:\n\n${file}`;
}

export interface Pool {
  arbitrary: fc.Arbitrary<string>;
  seed: number;
  size: number;
  /** Prefix of the failure file's name (`population-` for the population pool). */
  prefix?: string;
}

export function assertProperty(pool: Pool, name: string, check: Check, numRuns = pool.size, prepare: (text: string) => Run = run): void {
  fc.assert(
    fc.property(pool.arbitrary, (text) => violated(name, check(prepare(text)))),
    {
      seed: pool.seed,
      numRuns,
      reporter: (details) => {
        if (details.failed) throw new Error(failureReport(name, details, pool.prefix));
      },
    },
  );
}

/** g: the same text, parsed and simulated again from scratch, renders byte for byte the same JSON. */
export function deterministic(target: Run): string[] {
  return sameText(renderJson(target.report), renderJson(simulate(parseScenario(target.text, FILE))), 'the reports');
}

function sameText(first: string, second: string, what: string): string[] {
  if (first === second) return [];
  const a = first.split('\n');
  const b = second.split('\n');
  const line = a.findIndex((text, index) => text !== b[index]);
  return [`${what} differ from line ${line + 1}: ${JSON.stringify(a[line])} vs ${JSON.stringify(b[line])}`];
}

/**
 * The run split into 2 and into 3 shards (records cloned as they leave a thread) and merged, the
 * run in memory in 3 batches on one thread (sim/inBatches.ts: records merged as they were made,
 * renamed in place), and the run written out as it goes in 2 batches of accounts
 * (sim/batchedRun.ts), give the report byte for byte (the last without its expectations, which it
 * does not check).
 */
export function sharded(target: Run): string[] {
  const { scenario } = target;
  const shards = [2, 3].flatMap((count) => {
    const results = Array.from({ length: count }, (_, index) => structuredClone(runShard(scenario, { index, count })));
    const merged = reportOf(scenario, mergeShardRecords(results), policyZone(scenario.policy));
    return sameText(renderJson(target.report), renderJson(merged), `the single-thread and ${count}-shard reports`);
  });
  return [
    ...shards,
    ...sameText(renderJson(target.report), renderJson(simulateInBatches(scenario, scenario.policy, {}, 3)), 'the single-thread and 3-batch reports in memory'),
    ...sameText(renderJson({ ...target.report, expectations: [] }), batchedJson(scenario), 'the single-thread and 2-batch reports'),
  ];
}

function batchedJson(scenario: Scenario): string {
  const dir = mkdtempSync(join(tmpdir(), 'imsim-batches-'));
  const { json, close } = spooledRun({ ...scenario, expect: [] }, dir, scenario.policy, 2);
  try {
    return [...json].join('');
  } finally {
    close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A scenario with cohorts: replayed against the population properties, the others against the rest. */
export const hasPopulation = (text: string): boolean => /^population:/m.test(text);

/** The saved failures (file name and text) that `keep` selects. */
export function savedFailures(keep: (text: string) => boolean): [string, string][] {
  let files: string[];
  try {
    files = readdirSync(FAILURES_DIR).filter((file) => /\.ya?ml$/.test(file)).sort();
  } catch {
    return [];
  }
  return files.map((file): [string, string] => [file, readFileSync(join(FAILURES_DIR, file), 'utf8')]).filter(([, text]) => keep(text));
}
