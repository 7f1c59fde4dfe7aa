/**
 * `npm run bench:before-after [-- --before REV --sizes 1000,10000 --pairs 2]`: the tree before
 * the performance work (c06fc71 unless told) against this one, on the bench populations
 * (population.ts), pair by pair in the same hour, the side that goes first changing each pair, so
 * that the machine's speed, which moves by a fifth within the hour, weighs on both alike. Each
 * side is a process of its own that plays the population in memory as its tree's `imsim run`
 * does: the old tree with `simulate` (whole, V8's default heap growth), this one with
 * `bench/measure.ts engine`. So REV must be a tree from before the work: one whose `imsim run`
 * played a population whole, with `simulate`. Three runs a process up to 2,000 apps (their
 * median), one above (a cold run on each side); peak RSS is taken after a process's first run.
 * The old tree is checked out in a temporary worktree, sharing this checkout's node_modules, and
 * removed at the end, also after a failure or Ctrl-C. Killed otherwise, the script leaves it in
 * the system's temporary folder (`imsim-before-after-*`): `git worktree remove --force DIR`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { wholeOption } from '../src/cli/args.ts';
import { median } from './engine.ts';
import { benchPopulation } from './population.ts';

/** The old tree's runner: only what c06fc71's library has (`parseScenario`, `simulate`). */
const BEFORE_RUNNER = `import { readFileSync } from 'node:fs';
import { parseScenario } from './src/scenario/load.ts';
import { simulate } from './src/sim/simulate.ts';
const [file, runs] = process.argv.slice(2);
const scenario = parseScenario(readFileSync(file, 'utf8'), file);
const apps = scenario.accounts.reduce((sum, account) => sum + account.apps.length, 0);
const ms = [];
let rssMB = 0;
for (let run = 0; run < Number(runs); run += 1) {
  const started = performance.now();
  simulate(scenario);
  ms.push(performance.now() - started);
  if (run === 0) rssMB = Math.round(process.resourceUsage().maxRSS / 1024);
}
console.log(JSON.stringify({ apps, ms, rssMB }));
`;

interface Side {
  apps: number;
  ms: number[];
  rssMB: number;
}

/** A side ended by Ctrl-C. */
class Interrupted extends Error {
  constructor() {
    super('interrupted');
  }
}

const options = { before: { type: 'string', default: 'c06fc71' }, sizes: { type: 'string', default: '1000,10000' }, pairs: { type: 'string', default: '2' } } as const;
// A terminal's Ctrl-C reaches the side that is running too, which ends; this process stays to remove the worktree.
process.on('SIGINT', () => {});
try {
  compare(parseArgs({ options }).values);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = error instanceof Interrupted ? 130 : 1;
}

function compare(values: { before: string; sizes: string; pairs: string }): void {
  const sizes = values.sizes.split(',').map((size) => wholeOption(size, '--sizes', 1));
  const pairs = wholeOption(values.pairs, '--pairs', 1);
  const here = resolve('.');
  const scratch = mkdtempSync(join(tmpdir(), 'imsim-before-after-'));
  const tree = join(scratch, 'before');
  try {
    execFileSync('git', ['worktree', 'add', '--quiet', '--detach', tree, values.before], { stdio: ['ignore', 'ignore', 'inherit'] });
    symlinkSync(join(here, 'node_modules'), join(tree, 'node_modules'));
    writeFileSync(join(tree, 'imsim-before.ts'), BEFORE_RUNNER);
    const results = sizes.map((apps) => ({ apps, file: join(scratch, `population-${apps}.yaml`), before: [] as Side[], after: [] as Side[] }));
    for (const { apps, file } of results) writeFileSync(file, benchPopulation(apps));
    for (let pair = 1; pair <= pairs; pair += 1) {
      for (const result of results) {
        const runs = String(result.apps > 2_000 ? 1 : 3);
        const playBefore = () => result.before.push(side(tree, ['imsim-before.ts', result.file, runs]));
        const playAfter = () => result.after.push(side(here, ['bench/measure.ts', 'engine', String(result.apps), runs]));
        const order = pair % 2 === 1 ? [playBefore, playAfter] : [playAfter, playBefore];
        for (const play of order) play();
        const [before, after] = [result.before[pair - 1], result.after[pair - 1]];
        if (before.apps !== after.apps) throw new Error(`the two trees generated ${before.apps} and ${after.apps} apps from the same population`);
        console.log(`pair ${pair}, ${after.apps} apps: before ${described(before)}; after ${described(after)}`);
      }
    }
    for (const { before, after } of results) {
      const ratios = before.map((old, index) => (median(old.ms) / median(after[index].ms)).toFixed(1));
      const peaks = (sides: Side[]) => range(sides.map((run) => run.rssMB));
      console.log(`${after[0].apps} apps: ${range(ratios)}× as fast (pair by pair), peak ${peaks(before)} MB before, ${peaks(after)} MB after`);
    }
  } finally {
    const removed = spawnSync('git', ['worktree', 'remove', '--force', tree]).status === 0;
    rmSync(scratch, { recursive: true, force: true });
    if (!removed) spawnSync('git', ['worktree', 'prune']);
  }
}

/** One side's process in `cwd`: its last line of output, `{ apps, ms, rssMB }`. */
function side(cwd: string, args: string[]): Side {
  const what = `${args.join(' ')} in ${cwd}`;
  const child = spawnSync(process.execPath, ['--import', 'tsx', ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 20 });
  if (child.signal === 'SIGINT') throw new Interrupted();
  if (child.error) throw new Error(`${what}: ${child.error.message}`);
  if (child.status !== 0) throw new Error(`${what} ended with ${child.signal ?? child.status}: ${child.stderr}`);
  const last = child.stdout.trim().split('\n').at(-1);
  try {
    return JSON.parse(last as string) as Side;
  } catch {
    throw new Error(`${what} printed no figures as JSON: ${last}`);
  }
}

function described(run: Side): string {
  const seconds = (ms: number) => (ms / 1000).toFixed(2);
  return `${seconds(median(run.ms))} s (runs ${run.ms.map(seconds).join(', ')}), ${run.rssMB} MB`;
}

/** `low–high`, or the one value when they are the same. */
function range(values: (number | string)[]): string {
  const sorted = [...values].sort((a, b) => Number(a) - Number(b));
  const [low, high] = [sorted[0], sorted[sorted.length - 1]];
  return low === high ? String(low) : `${low}–${high}`;
}
