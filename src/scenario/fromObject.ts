/**
 * A scenario built in code: an object in the file format (ScenarioInput, ./input.ts) checked
 * exactly as the loader checks a file (./load.ts), into the Scenario that `simulate` runs, or
 * one InputError with every issue. Issues name the field (`accounts.0.apps.1.id`) but no line:
 * an object has none.
 */
import { Document, LineCounter } from 'yaml';
import { nodeReaderBeside } from '../input/files.ts';
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
  return parseDocument(new ParseContext(source, options.readFile ?? nodeReaderBeside(file)), options);
}
