/**
 * `npm run bench:before-after [-- --before REV --sizes 1000,10000 --pairs 2]`: the tree before
 * the performance work (c06fc71 unless told) against this one, on the bench populations
 * (population.ts), alternated pair by pair in the same hour, so that the machine's speed, which
 * moves by a fifth within the hour, weighs on both alike. Each side is a process of its own that
 * plays the population in memory as its tree's `imsim run` does: the old tree with `simulate`,
 * this one with `bench/measure.ts engine` (batches, heap growth). Three runs a process up to
 * 2,000 apps (their median), one above (a cold run on each side). The old tree is checked out in
 * a temporary worktree that shares this checkout's node_modules and is removed at the end.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { benchPopulation } from './population.ts';

/** The old tree's runner: only what c06fc71's library has (`parseScenario`, `simulate`). */
const BEFORE_RUNNER = `import { readFileSync } from 'node:fs';
import { parseScenario } from './src/scenario/load.ts';
import { simulate } from './src/sim/simulate.ts';
const [file, runs] = process.argv.slice(2);
const scenario = parseScenario(readFileSync(file, 'utf8'), file);
const ms = [];
for (let run = 0; run < Number(runs); run += 1) { const started = performance.now(); simulate(scenario); ms.push(performance.now() - started); }
console.log(JSON.stringify({ ms, rssMB: Math.round(process.resourceUsage().maxRSS / 1024) }));
`;

interface Side {
  ms: number[];
  rssMB: number;
}

const { values } = parseArgs({ options: { before: { type: 'string', default: 'c06fc71' }, sizes: { type: 'string', default: '1000,10000' }, pairs: { type: 'string', default: '2' } } });
const sizes = values.sizes.split(',').map(Number);
const pairs = Number(values.pairs);
const here = resolve('.');
const scratch = mkdtempSync(join(tmpdir(), 'imsim-before-after-'));
const tree = join(scratch, 'before');

execFileSync('git', ['worktree', 'add', '--detach', tree, values.before], { stdio: 'ignore' });
try {
  symlinkSync(join(here, 'node_modules'), join(tree, 'node_modules'));
  writeFileSync(join(tree, 'imsim-before.ts'), BEFORE_RUNNER);
  const results = sizes.map((apps) => ({ apps, file: join(scratch, `population-${apps}.yaml`), before: [] as Side[], after: [] as Side[] }));
  for (const { apps, file } of results) writeFileSync(file, benchPopulation(apps));
  for (let pair = 1; pair <= pairs; pair += 1) {
    for (const result of results) {
      const runs = String(result.apps > 2_000 ? 1 : 3);
      result.before.push(side(tree, ['imsim-before.ts', result.file, runs]));
      result.after.push(side(here, ['bench/measure.ts', 'engine', String(result.apps), runs]));
      console.log(`pair ${pair}, the ${result.apps}-app population: before ${line(result.before.at(-1))}, after ${line(result.after.at(-1))}`);
    }
  }
  for (const { apps, before, after } of results) {
    const ratios = before.map((old, index) => median(old.ms) / median(after[index].ms));
    console.log(`the ${apps}-app population: ${range(ratios.map((ratio) => ratio.toFixed(1)))}× as fast (pair by pair), peak ${range(before.map((run) => run.rssMB))} MB before, ${range(after.map((run) => run.rssMB))} MB after`);
  }
} finally {
  execFileSync('git', ['worktree', 'remove', '--force', tree], { stdio: 'ignore' });
  rmSync(scratch, { recursive: true, force: true });
}

/** One side's process in `cwd`: its last line of output, `{ ms, rssMB }`. */
function side(cwd: string, args: string[]): Side {
  const child = spawnSync(process.execPath, ['--import', 'tsx', ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 20 });
  if (child.status !== 0) throw new Error(`${args.join(' ')} in ${cwd} failed (${child.status}): ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '') as Side;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function line(run: Side | undefined): string {
  return run ? `${(median(run.ms) / 1000).toFixed(2)} s (runs ${run.ms.map((ms) => (ms / 1000).toFixed(2)).join(', ')}), ${run.rssMB} MB` : '';
}

/** `low–high`, or the one value when they are the same. */
function range(values: (number | string)[]): string {
  const sorted = [...values].sort((a, b) => Number(a) - Number(b));
  const [low, high] = [sorted[0], sorted[sorted.length - 1]];
  return low === high ? String(low) : `${low}–${high}`;
}
