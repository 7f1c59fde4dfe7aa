/**
 * A scenario as something to run anywhere: its text and every file it names (CSV curves, a
 * policy file), read once by whoever starts a sweep or a run over threads and carried with every
 * job, so that a worker (a thread here, or another machine) reads no file and parses the same
 * input. A run parses it with its own seed (a population is drawn anew per seed) and its own knobs.
 */
import { nodeReaderBeside, readTextFile } from '../input/files.ts';
import type { OverrideSource } from '../policy/overrides.ts';
import type { Policy } from '../policy/schema.ts';
import { parseScenario } from './load.ts';
import type { Scenario } from './types.ts';

/**
 * A scenario file's text with the texts of the files it names, and the policy given in place of
 * its own: what every job of a sweep carries (`readScenarioSource` makes one, `scenarioOf` parses it).
 */
export interface ScenarioSource {
  /** The path as given, for messages and reports. */
  file: string;
  text: string;
  /** Every file the scenario names, by the name it writes, with its text. */
  files: Record<string, string>;
  /** The policy given in place of the one the scenario names (`--policy`), if any. */
  policy?: Policy;
}

/** Reads a scenario file and the files it names, checking it once on the way. */
export function readScenarioSource(file: string, options: { policy?: Policy } = {}): ScenarioSource {
  const text = readTextFile(file, file, 'scenario');
  const files: Record<string, string> = {};
  const read = nodeReaderBeside(file);
  parseScenario(text, file, {
    policy: options.policy,
    readFile: (name) => {
      files[name] = read(name);
      return files[name];
    },
  });
  return { file, text, files, ...(options.policy ? { policy: options.policy } : {}) };
}

/** Options of `scenarioOf`: a seed and knobs over the source's, and where the knobs were written. */
export interface SourceOptions {
  seed?: number;
  set?: Record<string, unknown>;
  /** Where the knobs of `set` were written, for messages (`--set`). */
  setSource?: OverrideSource;
  /** Most app-days accepted, below the loader's own limit (ParseOptions). */
  maxAppDays?: number;
}

/** The scenario of a source, with a seed and knobs; reads nothing but the source. */
export function scenarioOf(source: ScenarioSource, options: SourceOptions = {}): Scenario {
  return parseScenario(source.text, source.file, {
    ...options,
    policy: source.policy,
    readFile: (name) => {
      const text = source.files[name];
      if (text === undefined) throw new Error(`not among the files carried with the scenario: ${name}`);
      return text;
    },
  });
}
