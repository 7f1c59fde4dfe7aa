/**
 * `npm run bench`, the engine (issue "Performance and scale"): the benchmark population
 * (population.ts) at each size over two years, each measurement in a process of its own
 * (measure.ts) so that its peak RSS is its own: in memory (the report object, as `imsim run`
 * plays it: in batches above 2,000 apps; at 10,000 apps also played whole) and spooled (`imsim
 * run --format json --out`: the records written as the run goes, the JSON report to a file;
 * above 10,000 apps only this one, once, and on a worker thread per core as many times as the
 * other sizes, for the median the target is on), and in the same run the
 * floor, the naive design at 1,000 apps, and at 10,000 apps one run over a worker thread per core
 * (`--workers`, written out as it goes and in memory) and independent runs on every core (what
 * the machine gives when nothing is shared).
 */
import { execFile } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { promisify } from 'node:util';
import type { Measurement } from './measure.ts';

export interface EngineOptions {
  sizes: number[];
  runs: number;
}

/** A size's figures: those of its run in memory (`simulateInBatches`, the report object included; above 10,000 apps, the spooled run), and of the others beside it. */
export interface Row extends RunFigures {
  apps: number;
  appDays: number;
  /** At 10,000 apps: the run in memory played whole on one clock (`simulate`). */
  whole?: RunFigures;
  /** Peak RSS after all its runs (the garbage of earlier runs included). */
  rssAllRunsMB: number;
  /** `imsim run --format json --out`: records written as the run goes, the JSON report written to a file. */
  spooled: RunFigures;
  /** The same with `--workers` one per core (above 10,000 apps; at 10,000 see `parallel`). */
  spooledOnAllCores?: RunFigures;
  floorAppDaysPerSec: number;
  floorRatio: number;
  eventsPerAppMonth?: number;
}

/** One measurement's speed, median wall time and peak RSS, and the wall time of each of its runs (the spread the median hides). */
export interface RunFigures {
  appDaysPerSec: number;
  wallS: number;
  /** Peak RSS through the process's first run: one run's need. */
  rssMB: number;
  /** The wall time of each of its runs. */
  runsS: number[];
  /**
   * The cores the run kept busy: its CPU time over its wall time (median of the runs). Above 1 on
   * one thread, V8's helper threads (garbage collection, compilation) use other cores: a run on
   * more threads can gain at most the cores over this.
   */
  cores: number;
}

export type EngineResult = {
  rows: Row[];
  failures: string[];
  naive?: Measurement;
  /**
   * At 10,000 apps on one thread per core: written out as it goes (`--workers K --format json
   * --out`), in memory (`--workers K`), and K independent runs at once.
   */
  parallel?: { workers: number; spooled: RunFigures; inMemory: RunFigures; independentAppDaysPerSec: number };
};

const run = promisify(execFile);

const figuresOf = (m: Measurement): RunFigures => ({
  appDaysPerSec: Math.round(perSecond(m)),
  wallS: median(m.ms) / 1000,
  rssMB: m.rssMB,
  runsS: m.ms.map((ms) => ms / 1000),
  cores: median(m.cpuMs.map((cpuMs, run) => cpuMs / m.ms[run])),
});

async function measure(mode: string, apps: number, runs: number): Promise<Measurement> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'bench/measure.ts', mode, String(apps), String(runs)], {
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout) as Measurement;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export const perSecond = (m: Measurement) => (m.appDays / median(m.ms)) * 1000;

export async function benchEngine(options: EngineOptions, log: (line: string) => void): Promise<EngineResult> {
  const result: EngineResult = { rows: [], failures: [] };
  for (const apps of options.sizes) {
    try {
      const runs = apps > 10_000 ? 1 : options.runs;
      // Up to 10,000 apps as many runs as in memory: the run on all cores and the scaling are measured against it.
      const spooled = await measure('spooled', apps, runs);
      // Above 10,000 apps, on all cores as many runs as asked for: the target of 100,000 apps is on their median.
      const onAllCores = apps > 10_000 ? figuresOf(await measure('spooledThreads', apps, options.runs)) : undefined;
      const engine = apps > 10_000 ? spooled : await measure('engine', apps, runs);
      const whole = apps === 10_000 ? figuresOf(await measure('whole', apps, runs)) : undefined;
      const floor = await measure('floor', apps, runs);
      const row: Row = {
        apps: engine.apps,
        appDays: engine.appDays,
        ...figuresOf(engine),
        rssAllRunsMB: engine.rssAllRunsMB,
        spooled: figuresOf(spooled),
        ...(whole ? { whole } : {}),
        ...(onAllCores ? { spooledOnAllCores: onAllCores } : {}),
        floorAppDaysPerSec: Math.round(perSecond(floor)),
        floorRatio: perSecond(floor) / perSecond(engine),
        ...(engine.eventsPerAppMonth === undefined ? {} : { eventsPerAppMonth: engine.eventsPerAppMonth }),
      };
      result.rows.push(row);
      log(
        `${row.apps} apps (${row.appDays} app-days): ${apps > 10_000 ? 'spooled only' : 'in memory'} ${row.appDaysPerSec} app-days/s, ${row.wallS.toFixed(1)} s, ${row.cores.toFixed(2)} cores busy, peak RSS ${row.rssMB} MB (${row.rssAllRunsMB} MB after all runs); ` +
          (whole ? `played whole ${whole.appDaysPerSec} app-days/s, ${whole.wallS.toFixed(1)} s, peak RSS ${whole.rssMB} MB (batches ${(row.appDaysPerSec / whole.appDaysPerSec).toFixed(2)}× whole); ` : '') +
          `spooled with the JSON report written to a file ${row.spooled.appDaysPerSec} app-days/s, ${row.spooled.wallS.toFixed(1)} s, peak RSS ${row.spooled.rssMB} MB; ` +
          (onAllCores ? `the same on ${availableParallelism()} threads ${onAllCores.appDaysPerSec} app-days/s, ${onAllCores.wallS.toFixed(1)} s, peak RSS ${onAllCores.rssMB} MB; ` : '') +
          `floor ${row.floorAppDaysPerSec} app-days/s (engine ${row.floorRatio.toFixed(1)}× the floor)` +
          (row.eventsPerAppMonth === undefined ? '' : `; ${row.eventsPerAppMonth.toFixed(2)} app machine events per app-month`),
      );
    } catch (error) {
      const reason = (error as { stderr?: string }).stderr?.trim().split('\n').slice(0, 2).join(' ') ?? String(error);
      result.failures.push(`${apps} apps: ${reason}`);
      log(`${apps} apps: not measured: ${reason}`);
    }
  }
  if (options.sizes.includes(1000)) {
    result.naive = await measure('naive', 1000, 1);
    const engine = result.rows.find((row) => Math.abs(row.apps - 1000) / 1000 < 0.2);
    log(`naive design at 1,000 apps: ${Math.round(perSecond(result.naive))} app-days/s` + (engine ? `; the engine is ${(engine.appDaysPerSec / perSecond(result.naive)).toFixed(0)}× faster` : ''));
  }
  if (options.sizes.includes(10_000)) {
    const workers = availableParallelism();
    const spooled = figuresOf(await measure('spooledThreads', 10_000, options.runs));
    const inMemory = figuresOf(await measure('threads', 10_000, options.runs));
    const started = performance.now();
    const runs = await Promise.all(Array.from({ length: workers }, () => measure('engine', 10_000, 1)));
    const independent = (runs.reduce((sum, m) => sum + m.appDays, 0) / (performance.now() - started)) * 1000;
    result.parallel = { workers, spooled, inMemory, independentAppDaysPerSec: Math.round(independent) };
    const single = result.rows.find((row) => Math.abs(row.apps - 10_000) / 10_000 < 0.2);
    const times = (perSec: number, base?: number) => (base ? ` (${(perSec / base).toFixed(2)}× one thread)` : '');
    log(
      `10,000 apps on ${workers} worker threads (--workers ${workers}): written out as it goes ${spooled.appDaysPerSec} app-days/s${times(spooled.appDaysPerSec, single?.spooled.appDaysPerSec)}, ${spooled.cores.toFixed(2)} cores busy, peak RSS ${spooled.rssMB} MB; ` +
        `in memory ${inMemory.appDaysPerSec} app-days/s${times(inMemory.appDaysPerSec, single?.appDaysPerSec)}, peak RSS ${inMemory.rssMB} MB; ` +
        `${workers} independent runs at once: ${result.parallel.independentAppDaysPerSec} app-days/s in all` +
        (single ? ` (${(independent / single.appDaysPerSec).toFixed(2)}×, the machine's own ceiling)` : '') +
        (single ? `; one thread keeps ${single.spooled.cores.toFixed(2)} cores busy written out as it goes and ${single.cores.toFixed(2)} in memory, so ${workers} cores can give them at most ${(workers / single.spooled.cores).toFixed(2)}× and ${(workers / single.cores).toFixed(2)}×` : ''),
    );
  }
  return result;
}
