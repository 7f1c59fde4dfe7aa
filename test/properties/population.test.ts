/**
 * Invariants under random populations (fast-check): a pool of generated scenarios with
 * `population:` cohorts (distributions of every form, behaviour with random chances and delays,
 * sometimes written accounts beside them and policy knobs that bring reclaims within the period;
 * populationArbitraries.ts), separate from the pool of invariants.test.ts, with its own fixed
 * seed and size. Each scenario is parsed and simulated once and its report checked by every
 * property: the invariants of invariants.ts that hold for any scenario, and those of
 * populationInvariants.ts and kpiInvariants.ts about behaviour, KPIs, generated ids and common random numbers.
 * Determinism re-runs the first DETERMINISM_RUNS scenarios from their text through the plain
 * loader path; independence runs a variant of the first INDEPENDENCE_RUNS; sharding splits the
 * first DETERMINISM_RUNS by account into 2 and 3 shards and merges them (sim/shardMerge.ts).
 *
 * A failure is shrunk by fast-check and reported with the shrunk scenario as a YAML file, ready
 * to save as test/properties/failures/population-NAME.yaml (set IMSIM_PROPERTY_FAILURES=DIR to
 * have it written there). Every saved failure with a `population:` is replayed against every
 * property of this file.
 *
 * Environment: IMSIM_POPULATION_RUNS (pool size, default 250), IMSIM_POPULATION_SEED.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertProperty, type Check, deterministic, hasPopulation, sharded, type Pool, run, savedFailures, TIMEOUT, violated } from './harness.ts';
import { edgesFollowed, moneyConservation, noChargeOffPro, reclaimedIsFinal, refundsBounded, retentionRespected } from './invariants.ts';
import { populationText } from './populationArbitraries.ts';
import {
  behaviourOnlyForGenerated,
  chancesRespected,
  cohortsIndependent,
  generatedAsWritten,
  generatedCurvesValid,
  lostOnlyAfterReclaim,
} from './populationInvariants.ts';
import { kpisConsistent } from './kpiInvariants.ts';

const SEED = Number(process.env.IMSIM_POPULATION_SEED ?? 20240101);
const POOL = Number(process.env.IMSIM_POPULATION_RUNS ?? 250);
const pool: Pool = { arbitrary: populationText, seed: SEED, size: POOL, prefix: 'population-' };
/** Determinism and the independence of cohorts simulate each scenario again: on the first ones only. */
const DETERMINISM_RUNS = Math.min(POOL, 150);
const INDEPENDENCE_RUNS = Math.min(POOL, 100);
const SHARDED = 'o. a run split into shards by account and merged, or played in batches of accounts, gives the single-thread report, byte for byte';
const INDEPENDENCE = 'n. a cohort does not depend on the other cohorts nor on its own size (common random numbers)';

const properties: [string, Check][] = [
  ['a. money is conserved per account', moneyConservation],
  ['b. a refund never exceeds what its order paid and vouchers never come back', refundsBounded],
  ['c. no usage charge for a day in trial, suspended or reclaimed', noChargeOffPro],
  ['d. reclaimed is final: nothing but denials happens to a reclaimed app', reclaimedIsFinal],
  ['e. no app is reclaimed before the retention days after its suspension began', retentionRespected],
  ['f. transitions only follow edges of the lifecycle graph', edgesFollowed],
  ['h. records by behaviour concern generated accounts and apps only', behaviourOnlyForGenerated],
  ['i. a customer is lost after a reclaim only once the app is reclaimed', lostOnlyAfterReclaim],
  ['j. the KPIs agree with the records', kpisConsistent],
  ['k. generated ids, app counts, creation times and balances follow the cohorts', generatedAsWritten],
  ["l. a generated app's curves are valid written curves", generatedCurvesValid],
  ['m. a customer never does what has a chance of 0, always what has a chance of 1', chancesRespected],
];

describe(`population invariants over ${POOL} generated populations (seed ${SEED})`, () => {
  for (const [name, check] of properties) {
    it(name, () => assertProperty(pool, name, check), TIMEOUT);
  }

  it(INDEPENDENCE, () => assertProperty(pool, INDEPENDENCE, cohortsIndependent(run), INDEPENDENCE_RUNS), TIMEOUT);

  it(
    'g. the same input gives a byte-identical report',
    () => assertProperty(pool, 'g. the same input gives a byte-identical report', deterministic, DETERMINISM_RUNS),
    TIMEOUT,
  );

  it(SHARDED, () => assertProperty(pool, SHARDED, sharded, DETERMINISM_RUNS), TIMEOUT);

  it('generated populations exercise what the properties are about', () => {
    // Guards the generator: a pool where no customer reacts would make the properties vacuous.
    const reports = fc.sample(populationText, { seed: SEED, numRuns: POOL }).map((text) => run(text).report);
    const count = (pick: (report: (typeof reports)[number]) => number) => reports.reduce((total, report) => total + pick(report), 0);
    const seen = {
      behaviourOrders: count((r) => r.orders.filter((o) => o.by === 'behaviour').length),
      behaviourRenewals: count((r) => r.orders.filter((o) => o.by === 'behaviour' && o.kind === 'renewal').length),
      behaviourRefunds: count((r) => r.refunds.filter((x) => x.by === 'behaviour').length),
      behaviourDenials: count((r) => r.denials.filter((d) => d.by === 'behaviour').length),
      behaviourTopUps: count((r) => r.balances.filter((b) => b.by === 'behaviour' && b.cause === 'top-up').length),
      autoRenewals: count((r) => r.orders.filter((o) => o.kind === 'autoRenewal').length),
      lostAfterReclaim: count((r) => r.kpis.apps.lostAfterReclaim),
      savedInGrace: count((r) => r.kpis.apps.savedInGrace),
      renewedAfterSuspension: count((r) => r.kpis.apps.renewedAfterSuspension),
      suspendedForArrears: count((r) => r.kpis.apps.suspendedForArrears),
      arrearsCleared: count((r) => r.transitions.filter((t) => t.cause === 'arrearsCleared').length),
      reclaimed: count((r) => r.kpis.apps.reclaimed),
      debtCollectedLater: count((r) => (Number(r.kpis.revenue.postpaidCollected) > r.bills.reduce((sum, b) => sum + Number(b.paid), 0) ? 1 : 0)),
      writtenBeside: count((r) => (r.accounts.some((a) => a.cohort === undefined) ? 1 : 0)),
      appsPerAccountZero: count((r) => r.accounts.filter((a) => a.cohort !== undefined && !r.apps.some((app) => app.account === a.id)).length),
    };
    for (const [what, n] of Object.entries(seen)) expect(n, what).toBeGreaterThan(0);
  });
});

const failureFiles = savedFailures(hasPopulation);

describe.runIf(failureFiles.length > 0)('saved population failures replayed against every property', () => {
  describe.each(failureFiles)('%s', (_file, text) => {
    it.each(properties)('%s', (name, check) => violated(name, check(run(text))));
    it(INDEPENDENCE, () => violated(INDEPENDENCE, cohortsIndependent(run)(run(text))));
    it('g. the same input gives a byte-identical report', () => violated('g', deterministic(run(text))));
    it(SHARDED, () => violated(SHARDED, sharded(run(text))));
  });
});
