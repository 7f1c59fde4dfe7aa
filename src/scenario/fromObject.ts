/**
 * A scenario built in code: an object in the file format (ScenarioInput, ./input.ts) checked
 * exactly as the loader checks a file (./load.ts), into the Scenario that `simulate` runs, or
 * one InputError with every issue. Issues name the field (`accounts.0.apps.1.id`) but no line:
 * an object has none.
 */
import { Document, LineCounter } from 'yaml';
import { nodeReaderBeside } from '../input/files.ts';
import { isPlainObject } from '../input/plainData.ts';
import { issueAt, type PathSegment } from '../input/yamlSource.ts';
import { InputError } from '../inputError.ts';
import { parseDocument, type ParseOptions } from './load.ts';
import type { ScenarioInput } from './input.ts';
import { ParseContext } from './parseContext.ts';
import type { Scenario } from './types.ts';

/** Options of `scenarioFromObject`: those of `parseScenario`, and the name the scenario goes by. */
export interface ObjectOptions extends ParseOptions {
  /**
   * What the scenario is called in issues and in the report's `scenario.file` (default
   * `<object>`); files the scenario names (CSV curves, a policy path) are read from its folder.
   */
  file?: string;
}

/** Checks a scenario object as a file would be checked: a Scenario, or InputError listing every issue. */
export function scenarioFromObject(input: ScenarioInput, options: ObjectOptions = {}): Scenario {
  const file = options.file ?? '<object>';
  const source = { file, doc: new Document() as Document.Parsed, lines: new LineCounter(), value: input };
  const odd = notPlainData(input).map(([path, found]) => issueAt(source, path, `expected plain data, as a file holds (mappings, lists, texts, numbers, booleans), found ${found}`));
  let scenario: Scenario;
  try {
    scenario = parseDocument(new ParseContext(source, options.readFile ?? nodeReaderBeside(file)), options);
  } catch (error) {
    throw error instanceof InputError && odd.length > 0 ? new InputError([...odd, ...error.issues]) : error;
  }
  if (odd.length > 0) throw new InputError(odd);
  return scenario;
}

/**
 * Objects no file could hold (a Map, a Set, an instance of a class), which the checks would read
 * as mappings with no fields: their paths. A Date is left to the checks, which say how to write it.
 */
function notPlainData(value: unknown, path: PathSegment[] = [], seen = new Set<object>()): [PathSegment[], string][] {
  if (typeof value !== 'object' || value === null || value instanceof Date || seen.has(value)) return [];
  seen.add(value);
  if (Array.isArray(value)) return value.flatMap((item, index) => notPlainData(item, [...path, index], seen));
  if (!isPlainObject(value)) return [[path, `an object of class ${value.constructor?.name ?? 'unknown'}`]];
  return Object.entries(value).flatMap(([key, item]) => notPlainData(item, [...path, key], seen));
}
