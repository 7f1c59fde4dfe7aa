/**
 * Sharded sweeps: `sweep --shard I/N` writes its share of the (cell, run) pairs as one file,
 * `shard-I-of-N.json`; `merge` reads the N files and gives back the runs of the whole sweep, so
 * that the files written from them are byte for byte those of one unsharded sweep. A merge with
 * a shard missing, one twice, or shards of another scenario, grid or seeds is refused, naming
 * what is missing or different.
 */
import { createHash } from 'node:crypto';
import { InputError } from '../inputError.ts';
import { cellsOf, type Knob } from './grid.ts';
import type { ScenarioSource } from '../scenario/source.ts';
import type { SweepRuns } from './sweepCore.ts';
import type { RunResult } from './sweepJob.ts';

const SHARD_KIND = 'imsim-sweep-shard';

interface ShardFile {
  format: 1;
  kind: typeof SHARD_KIND;
  /** What the sweep runs: the scenario (its name, and a hash of its text, files, policy and common knobs). */
  scenario: { file: string; name: string; hash: string };
  grid: Knob[];
  seeds: number[];
  shard: { index: number; count: number };
  runs: RunResult[];
}

/** Identifies the input of a sweep, whatever machine reads it. */
export function sweepInputHash(source: ScenarioSource, set: Record<string, unknown> = {}): string {
  return createHash('sha256').update(JSON.stringify([source.text, source.files, source.policy ?? null, set])).digest('hex').slice(0, 16);
}

export function shardFileName(shard: { index: number; count: number }): string {
  return `shard-${shard.index}-of-${shard.count}.json`;
}

/**
 * The text of a shard's file: the runs of one shard of a sweep (`sweep` with `shard`), with its
 * scenario, grid and seeds and the `hash` of its input (`sweepInputHash`), for `mergeShards` to check.
 */
export function shardFile(runs: SweepRuns, hash: string): string {
  if (!runs.shard) throw new Error('a shard file holds the runs of one shard');
  const file: ShardFile = { format: 1, kind: SHARD_KIND, scenario: { ...runs.scenario, hash }, grid: runs.grid, seeds: runs.seeds, shard: runs.shard, runs: runs.runs };
  return `${JSON.stringify(file)}\n`;
}

/** The whole sweep from its shards, given as `[path, text]`. */
export function mergeShards(files: [path: string, text: string][]): SweepRuns {
  const problem = (path: string, message: string) => ({ file: path, line: 1, column: 1, path: '', message });
  const issues = [];
  const shards: [string, ShardFile][] = [];
  for (const [path, text] of files) {
    let parsed: Partial<ShardFile> | undefined;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      issues.push(problem(path, `expected a shard written by "imsim sweep --shard I/N": ${(error as Error).message}`));
      continue;
    }
    if (parsed?.kind !== SHARD_KIND || parsed.format !== 1) issues.push(problem(path, `expected a shard written by "imsim sweep --shard I/N" (kind ${SHARD_KIND}, format 1)`));
    else shards.push([path, parsed as ShardFile]);
  }
  if (issues.length > 0) throw new InputError(issues);
  if (shards.length === 0) throw new InputError([problem('merge', 'expected shard files (shard-I-of-N.json) in the folders given, found none')]);
  const [firstPath, first] = shards[0];
  for (const [path, shard] of shards.slice(1)) {
    const differs = [
      shard.scenario.hash !== first.scenario.hash && `the scenario (its text, files, policy or --set) differs from that of ${firstPath}`,
      JSON.stringify(shard.grid) !== JSON.stringify(first.grid) && `the grid differs from that of ${firstPath}`,
      JSON.stringify(shard.seeds) !== JSON.stringify(first.seeds) && `the seeds differ from those of ${firstPath}`,
      shard.shard.count !== first.shard.count && `it is one of ${shard.shard.count} shards, ${firstPath} one of ${first.shard.count}`,
    ].filter((text): text is string => typeof text === 'string');
    issues.push(...differs.map((message) => problem(path, message)));
  }
  const count = first.shard.count;
  const byIndex = new Map<number, string[]>();
  for (const [path, shard] of shards) byIndex.set(shard.shard.index, [...(byIndex.get(shard.shard.index) ?? []), path]);
  for (const [index, paths] of byIndex) if (paths.length > 1) issues.push(problem(paths[1], `expected each shard once, found shard ${index} of ${count} again (also ${paths[0]})`));
  const missing = Array.from({ length: count }, (_, index) => index + 1).filter((index) => !byIndex.has(index));
  if (missing.length > 0) issues.push(problem('merge', `expected all ${count} shards, missing ${missing.map((index) => shardFileName({ index, count })).join(', ')}`));
  if (issues.length > 0) throw new InputError(issues);
  const runs = shards.flatMap(([, shard]) => shard.runs).sort((a, b) => a.cell - b.cell || a.run - b.run);
  return { scenario: { file: first.scenario.file, name: first.scenario.name }, grid: first.grid, seeds: first.seeds, cells: cellsOf(first.grid), runs };
}
