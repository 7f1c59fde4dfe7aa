/** Loads a scenario with the CLI's `--policy`, `--seed` and `--set` applied on top of the file's own. */
import { loadPolicy } from '../policy/load.ts';
import { parseSetOptions } from '../policy/setOptions.ts';
import { loadScenario } from '../scenario/load.ts';
import { UsageError } from './args.ts';
import type { Scenario } from '../scenario/types.ts';

export function loadWithOptions(file: string, options: { policy?: string; set: string[]; seed?: string }): Scenario {
  const policy = options.policy === undefined ? undefined : loadPolicy(options.policy);
  const { knobs, source } = parseSetOptions(options.set);
  return loadScenario(file, { policy, set: knobs, setSource: source, seed: options.seed === undefined ? undefined : seedOption(options.seed) });
}

/** `--seed N`: a whole number, as the scenario's `seed` is. */
export function seedOption(text: string): number {
  const seed = Number(text);
  if (!/^-?\d+$/.test(text.trim()) || !Number.isSafeInteger(seed)) throw new UsageError(`--seed ${text}: expected a whole number`);
  return seed;
}
