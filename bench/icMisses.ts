/**
 * Where V8's inline caches miss in one measurement: `node --import tsx bench/icMisses.ts MODE APPS
 * [SITES]`, MODE `engine` or `spooled` as bench/measure.ts takes them (its modes on threads look
 * for their workers beside the bundle), SITES the most missed sites to show (25 unless told).
 * bench/measure.ts is bundled with esbuild into bench/tmp/ (one file, so that the log's lines and
 * columns name one place; the bundled policies copied beside it, where the loader looks), run
 * once under `node --log-ic`, and each logged miss counted by its site, shown with its module and
 * its code. A site missed about once per object that passes it is worth a look (BENCHMARKS.md,
 * "Objects that begin with a spread"). The log does not say which script a miss is in, so the
 * few misses in node's own scripts show the bundle's text at their line: ignore those whose code
 * does not fit.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'bench', 'tmp', 'ic');
const [mode = 'engine', apps = '2000', shown = '25'] = process.argv.slice(2);

mkdirSync(out, { recursive: true });
cpSync(join(root, 'src', 'policy'), out, { recursive: true, filter: (file) => !file.endsWith('.ts') });
const bundle = join(out, 'measure.mjs');
await build({ entryPoints: [join(root, 'bench', 'measure.ts')], bundle: true, format: 'esm', platform: 'node', target: 'node20', packages: 'external', outfile: bundle, logLevel: 'error' });
const log = join(out, 'ic.log');
execFileSync(process.execPath, ['--log-ic', `--logfile=${log}`, '--no-logfile-per-isolate', bundle, mode, apps, '1'], { stdio: ['ignore', 'ignore', 'inherit'] });

const lines = readFileSync(bundle, 'utf8').split('\n');
/** The module a bundle line came from: esbuild writes `// src/…` before each. */
const moduleOf = (line: number) => {
  for (let index = line - 1; index >= 0; index -= 1) if (/^\/\/ (src|bench|node_modules)\//.test(lines[index])) return lines[index].slice(3);
  return '?';
};
const misses = new Map<string, number>();
let total = 0;
for (const entry of readFileSync(log, 'utf8').split('\n')) {
  const [kind, , , line, column] = entry.split(',');
  if (!kind?.endsWith('IC')) continue;
  total += 1;
  const site = `${kind},${line},${column}`;
  misses.set(site, (misses.get(site) ?? 0) + 1);
}
console.log(`${total} misses of inline caches (${mode}, ${apps} apps)`);
for (const [site, count] of [...misses].sort((a, b) => b[1] - a[1]).slice(0, Number(shown))) {
  const [kind, line, column] = site.split(',');
  const text = lines[Number(line) - 1] ?? '';
  console.log(`${String(count).padStart(8)}  ${kind.padEnd(13)} ${moduleOf(Number(line))}  ${text.slice(Math.max(0, Number(column) - 40), Number(column) + 40).trim()}`);
}
