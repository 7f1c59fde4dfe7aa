/**
 * `npm run bench [-- --json] [-- --sizes 1000,10000] [-- --runs 5]`: the engine (engine.ts),
 * then the population generator, sweeps, and a sweep and a compare of the 10,000-app population
 * (explore.ts). With `--json`, only the engine, as one JSON object.
 * Not part of `npm test`: no test asserts a time.
 */
import { parseArgs } from 'node:util';
import { benchEngine, type EngineResult } from './engine.ts';
import { targetChecks, targetLines } from './targets.ts';

const { values } = parseArgs({
  options: { json: { type: 'boolean', default: false }, sizes: { type: 'string', default: '1000,10000,100000' }, runs: { type: 'string', default: '5' } },
});
const sizes = values.sizes.split(',').map(Number);
const runs = Number(values.runs);
if (sizes.some((size) => !Number.isInteger(size) || size < 1) || !Number.isInteger(runs) || runs < 1) {
  console.error('bench: --sizes takes whole numbers of apps separated by commas, --runs a whole number ≥ 1');
  process.exit(2);
}

function summary(result: EngineResult) {
  const at = (apps: number) => result.rows.find((row) => Math.abs(row.apps - apps) / apps < 0.2);
  const [small, tenK, hundredK] = [at(1000), at(10_000), at(100_000)];
  const costRatio = (big?: { appDaysPerSec: number }, base?: { appDaysPerSec: number }) => (big && base ? base.appDaysPerSec / big.appDaysPerSec : null);
  const figures = {
    appDaysPerSec: tenK?.appDaysPerSec ?? null,
    wholeAppDaysPerSec10k: tenK?.whole?.appDaysPerSec ?? null,
    rssWhole10kMB: tenK?.whole?.rssMB ?? null,
    parallelAppDaysPerSec: result.parallel?.spooled.appDaysPerSec ?? null,
    parallelSpeedup: result.parallel && tenK ? result.parallel.spooled.appDaysPerSec / tenK.spooled.appDaysPerSec : null,
    parallelRssMB: result.parallel?.spooled.rssMB ?? null,
    parallelCores: result.parallel?.spooled.cores ?? null,
    parallelInMemoryAppDaysPerSec: result.parallel?.inMemory.appDaysPerSec ?? null,
    parallelInMemorySpeedup: result.parallel && tenK ? result.parallel.inMemory.appDaysPerSec / tenK.appDaysPerSec : null,
    independentAppDaysPerSec: result.parallel?.independentAppDaysPerSec ?? null,
    cores10k: tenK?.cores ?? null,
    parallelCeiling: tenK && result.parallel ? result.parallel.workers / tenK.spooled.cores : null,
    parallelInMemoryCeiling: tenK && result.parallel ? result.parallel.workers / tenK.cores : null,
    floorRatio: tenK?.floorRatio ?? null,
    naiveSpeedup: small && result.naive ? small.appDaysPerSec / ((result.naive.appDays / result.naive.ms[0]) * 1000) : null,
    scaling: costRatio(hundredK?.spooled, tenK?.spooled),
    scaling10kOver1k: costRatio(tenK, small),
    rss10kMB: tenK?.rssMB ?? null,
    rss10kAllRunsMB: tenK?.rssAllRunsMB ?? null,
    spooledRss10kMB: tenK?.spooled.rssMB ?? null,
    spooledAppDaysPerSec10k: tenK?.spooled.appDaysPerSec ?? null,
    rss100kMB: hundredK?.spooled.rssMB ?? null,
    wall100kS: hundredK?.spooled.wallS ?? null,
    wall100kAllCoresS: hundredK?.spooledOnAllCores?.wallS ?? null,
    rss100kAllCoresMB: hundredK?.spooledOnAllCores?.rssMB ?? null,
    eventsPerAppMonth: small?.eventsPerAppMonth ?? null,
  };
  return { ...figures, targets: targetChecks(figures), rows: result.rows, failures: result.failures };
}

const result = await benchEngine({ sizes, runs }, values.json ? () => {} : (line) => console.log(line));
if (values.json) console.log(JSON.stringify(summary(result), null, 2));
else {
  console.log('The performance targets, as this run measured them:');
  for (const line of targetLines(summary(result).targets)) console.log(`  ${line}`);
  await import('./generate.ts');
  await import('./sweep.ts');
  await import('./explore.ts');
}
