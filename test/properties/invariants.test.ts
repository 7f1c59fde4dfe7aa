/**
 * Invariants under random scenarios (fast-check). Every property runs over the same pool of
 * generated scenarios (same arbitrary, same fixed seed), so each scenario is parsed and simulated
 * once and its report checked by every property: POOL scenarios per run. Determinism re-runs the
 * first DETERMINISM_RUNS of them from their text through the plain loader path.
 *
 * A failure is shrunk by fast-check and reported with the shrunk scenario as a YAML file, ready
 * to save as test/properties/failures/NAME.yaml (set IMSIM_PROPERTY_FAILURES=DIR to have it
 * written there). Every file in test/properties/failures/ is replayed against every property.
 *
 * Environment: IMSIM_PROPERTY_RUNS (pool size, default 1000), IMSIM_PROPERTY_SEED.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../src/policy/load.ts';
import { renderJson } from '../../src/report/json.ts';
import { parseScenario } from '../../src/scenario/load.ts';
import { simulate } from '../../src/sim/simulate.ts';
import { scenarioText } from './arbitraries.ts';
import {
  edgesFollowed,
  moneyConservation,
  noChargeOffPro,
  reclaimedIsFinal,
  refundsBounded,
  retentionRespected,
  type Run,
} from './invariants.ts';

const SEED = Number(process.env.IMSIM_PROPERTY_SEED ?? 20200301);
const POOL = Number(process.env.IMSIM_PROPERTY_RUNS ?? 1000);
const DETERMINISM_RUNS = Math.min(POOL, 500);
const FAILURES_DIR = join(import.meta.dirname, 'failures');
const FILE = 'generated.yaml';
/** Generous: the first property pays for simulating the pool; a failure also pays for shrinking. */
const TIMEOUT = 600_000;

// The bundled policy, loaded once and given to the loader: the texts name the same policy
// (`policy: tencent-im-2019`) and their overrides still apply; determinism uses the plain path.
const policy = loadPolicy('tencent-im-2019');
const runs = new Map<string, Run>();

function run(text: string): Run {
  let found = runs.get(text);
  if (!found) {
    const scenario = parseScenario(text, FILE, { policy });
    found = { text, scenario, report: simulate(scenario) };
    runs.set(text, found);
  }
  return found;
}

type Check = (run: Run) => string[];

function violated(name: string, violations: string[]): void {
  if (violations.length === 0) return;
  const shown = violations.slice(0, 15);
  const more = violations.length > shown.length ? `\n… and ${violations.length - shown.length} more` : '';
  throw new Error(`${name}:\n  ${shown.join('\n  ')}${more}`);
}

function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The shrunk counterexample as a scenario file with the violation on top, in comments. */
function failureReport(name: string, details: fc.RunDetails<[string]>): string {
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
  let saved = '';
  if (dir) {
    mkdirSync(dir, { recursive: true });
    const path = join(dir, `${slug(name)}.yaml`);
    writeFileSync(path, file);
    saved = ` (written to ${path})`;
  }
  return `Property "${name}" failed; the shrunk scenario${saved}, to save as test/properties/failures/${slug(name)}.yaml:\n\n${file}`;
}

function assertProperty(name: string, check: Check, numRuns = POOL, prepare: (text: string) => Run = run): void {
  fc.assert(
    fc.property(scenarioText, (text) => violated(name, check(prepare(text)))),
    {
      seed: SEED,
      numRuns,
      reporter: (details) => {
        if (details.failed) throw new Error(failureReport(name, details));
      },
    },
  );
}

/** g: the same text, parsed and simulated again from scratch, renders byte for byte the same JSON. */
function deterministic(target: Run): string[] {
  const first = renderJson(target.report);
  const second = renderJson(simulate(parseScenario(target.text, FILE)));
  if (first === second) return [];
  const a = first.split('\n');
  const b = second.split('\n');
  const line = a.findIndex((text, index) => text !== b[index]);
  return [`the reports differ from line ${line + 1}: ${JSON.stringify(a[line])} vs ${JSON.stringify(b[line])}`];
}

const properties: [string, Check][] = [
  ['a. money is conserved per account', moneyConservation],
  ['b. a refund never exceeds what its order paid and vouchers never come back', refundsBounded],
  ['c. no usage charge for a day in trial, suspended or reclaimed', noChargeOffPro],
  ['d. reclaimed is final: nothing but denials happens to a reclaimed app', reclaimedIsFinal],
  ['e. no app is reclaimed before the retention days after its suspension began', retentionRespected],
  ['f. transitions only follow edges of the lifecycle graph', edgesFollowed],
];

describe(`invariants over ${POOL} generated scenarios (seed ${SEED})`, () => {
  for (const [name, check] of properties) {
    it(name, () => assertProperty(name, check), TIMEOUT);
  }

  it(
    'g. the same input gives a byte-identical report',
    () => assertProperty('g. the same input gives a byte-identical report', deterministic, DETERMINISM_RUNS),
    TIMEOUT,
  );

  it('generated scenarios exercise what the properties are about', () => {
    // Guards the generator: a pool with no refunds or no reclaim would make properties vacuous.
    const reports = fc.sample(scenarioText, { seed: SEED, numRuns: Math.min(POOL, 300) }).map((text) => run(text).report);
    const count = (pick: (report: (typeof reports)[number]) => number) => reports.reduce((total, report) => total + pick(report), 0);
    const seen = {
      orders: count((r) => r.orders.length),
      refunds: count((r) => r.refunds.length),
      noReasonRefunds: count((r) => r.refunds.filter((x) => x.kind === 'noReason').length),
      bills: count((r) => r.bills.length),
      debts: count((r) => r.bills.filter((bill) => Number(bill.debt) > 0).length),
      reclaims: count((r) => r.transitions.filter((t) => t.to === 'reclaimed').length),
      arrears: count((r) => r.transitions.filter((t) => t.cause === 'arrears').length),
      arrearsCleared: count((r) => r.transitions.filter((t) => t.cause === 'arrearsCleared').length),
      autoRenewals: count((r) => r.orders.filter((o) => o.kind === 'autoRenewal').length),
      insufficientBalance: count((r) => r.denials.filter((d) => d.reason === 'insufficientBalance').length),
      reclaimedDenials: count((r) => r.denials.filter((d) => d.reason === 'reclaimed').length),
    };
    for (const [what, n] of Object.entries(seen)) expect(n, what).toBeGreaterThan(0);
  });
});

const failureFiles = (() => {
  try {
    return readdirSync(FAILURES_DIR).filter((file) => /\.ya?ml$/.test(file)).sort();
  } catch {
    return [];
  }
})();

describe.runIf(failureFiles.length > 0)('saved failures replayed against every property', () => {
  describe.each(failureFiles)('%s', (file) => {
    const text = readFileSync(join(FAILURES_DIR, file), 'utf8');
    it.each(properties)('%s', (name, check) => violated(name, check(run(text))));
    it('g. the same input gives a byte-identical report', () => violated('g', deterministic(run(text))));
  });
});
