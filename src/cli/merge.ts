/** `imsim merge DIR… --out DIR`: the files of a whole sweep from its shards (explore/shard.ts). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mergeShards } from '../explore/shard.ts';
import { sweepFiles } from '../explore/sweepFiles.ts';
import { isFolder } from '../input/files.ts';
import { InputError } from '../inputError.ts';
import { writeFilesAtomic } from '../report/atomicWrite.ts';
import { parseOptions, UsageError } from './args.ts';
import { kpiOption } from './kpiOption.ts';

function shardTexts(dirs: string[]): [path: string, text: string][] {
  const missing = dirs.filter((dir) => !isFolder(dir));
  if (missing.length > 0) throw new InputError(missing.map((dir) => ({ file: dir, line: 1, column: 1, path: '', message: 'expected a folder holding shard-I-of-N.json files, found no such folder' })));
  return dirs.flatMap((dir) =>
    readdirSync(dir)
      .filter((name) => /^shard-\d+-of-\d+\.json$/.test(name))
      .sort()
      .map((name): [string, string] => [join(dir, name), readFileSync(join(dir, name), 'utf8')]),
  );
}

export function mergeCommand(args: string[]): number {
  const { values, positionals } = parseOptions(args, { out: { type: 'string' }, kpi: { type: 'string', multiple: true, default: [] } });
  if (positionals.length === 0 || values.out === undefined) throw new UsageError('usage: imsim merge DIR… --out DIR');
  const kpis = kpiOption(values.kpi as string[]);
  const files = shardTexts(positionals);
  writeFilesAtomic(values.out as string, sweepFiles(mergeShards(files), kpis));
  process.stderr.write(`merged ${files.length} shards into ${values.out}\n`);
  return 0;
}
