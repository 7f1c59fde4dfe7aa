/**
 * Invariants under random scenarios (fast-check). Every property runs over the same pool of
 * generated scenarios (same arbitrary, same fixed seed), so each scenario is parsed and simulated
 * once and its report checked by every property: POOL scenarios per run. Determinism re-runs the
 * first DETERMINISM_RUNS of them from their text through the plain loader path, and sharding
 * splits them by account into 2 and 3 shards and merges them (sim/shardMerge.ts).
 *
 * A failure is shrunk by fast-check and reported with the shrunk scenario as a YAML file, ready
 * to save as test/properties/failures/NAME.yaml (set IMSIM_PROPERTY_FAILURES=DIR to have it
 * written there). Every file in test/properties/failures/ is replayed against every property
 * (those with a `population:`, against the population properties of population.test.ts).
 *
 * Environment: IMSIM_PROPERTY_RUNS (pool size, default 1000), IMSIM_PROPERTY_SEED. The pool of
 * generated populations (cohorts, behaviour, KPIs) is population.test.ts, with its own seed and size.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scenarioText } from './arbitraries.ts';
import { assertProperty, type Check, deterministic, hasPopulation, sharded, type Pool, run, savedFailures, TIMEOUT, violated } from './harness.ts';
import { edgesFollowed, moneyConservation, noChargeOffPro, reclaimedIsFinal, refundsBounded, retentionRespected } from './invariants.ts';

const SEED = Number(process.env.IMSIM_PROPERTY_SEED ?? 20200301);
const POOL = Number(process.env.IMSIM_PROPERTY_RUNS ?? 1000);
const DETERMINISM_RUNS = Math.min(POOL, 500);
const SHARDED = 'h. a run split into shards by account and merged, or played in batches of accounts, gives the single-thread report, byte for byte';
const pool: Pool = { arbitrary: scenarioText, seed: SEED, size: POOL };

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
    it(name, () => assertProperty(pool, name, check), TIMEOUT);
  }

  it(
    'g. the same input gives a byte-identical report',
    () => assertProperty(pool, 'g. the same input gives a byte-identical report', deterministic, DETERMINISM_RUNS),
    TIMEOUT,
  );

  it(SHARDED, () => assertProperty(pool, SHARDED, sharded, DETERMINISM_RUNS), TIMEOUT);

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

// Saved failures of the population pool are replayed by population.test.ts.
const failureFiles = savedFailures((text) => !hasPopulation(text));

describe.runIf(failureFiles.length > 0)('saved failures replayed against every property', () => {
  describe.each(failureFiles)('%s', (_file, text) => {
    it.each(properties)('%s', (name, check) => violated(name, check(run(text))));
    it('g. the same input gives a byte-identical report', () => violated('g', deterministic(run(text))));
    it(SHARDED, () => violated(SHARDED, sharded(run(text))));
  });
});
