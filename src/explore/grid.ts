/**
 * The grid of a sweep: knobs and the values each takes (`--vary path=v1,v2,…`), and its cells,
 * the cartesian product in row-major order of the knobs as given (the last knob varies fastest).
 */

import { readYaml } from '../input/yamlSource.ts';
import { InputError, type InputIssue } from '../inputError.ts';
import { applyOverrides } from '../policy/overrides.ts';
import type { Policy } from '../policy/schema.ts';

/** A knob of a sweep's grid: its dotted policy path and the values it takes (`--vary path=v1,v2,…`). */
export interface Knob {
  path: string;
  values: unknown[];
}

/** One cell of a sweep's grid: its number (from 0) and each knob's value, by path. */
export interface Cell {
  cell: number;
  knobs: Record<string, unknown>;
}

/** Most cells a sweep may have: each runs the scenario `--runs` times. */
export const MAX_CELLS = 10_000;

/** Splits `a,b,[c,d],"e,f"` at its top-level commas. */
function topLevelParts(text: string): string[] {
  const parts: string[] = [];
  let [depth, quote, start] = [0, '', 0];
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quote) quote = char === quote ? '' : quote;
    else if (char === '"' || char === "'") quote = char;
    else if (char === '[' || char === '{') depth += 1;
    else if (char === ']' || char === '}') depth -= 1;
    else if (char === ',' && depth === 0) {
      parts.push(text.slice(start, index));
      start = index + 1;
    }
  }
  return [...parts, text.slice(start)].map((part) => part.trim());
}

/** `--vary path=v1,v2,…`: each value read as YAML (`14`, `linear`, `"0.5"`, `[cash, gift, income]`). */
export function parseVary(text: string): Knob {
  const fail = (message: string): never => {
    throw new InputError([{ file: '--vary', line: 1, column: 1, path: '', message }]);
  };
  const equals = text.indexOf('=');
  const path = equals < 0 ? '' : text.slice(0, equals).trim();
  if (!/^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$/.test(path)) fail(`expected path=v1,v2,… such as lifecycle.grace.days=3,7,14, found "${text}"`);
  const parts = topLevelParts(text.slice(equals + 1));
  if (parts.every((part) => part === '')) fail(`expected at least one value after "${path}="`);
  const values = parts.map((part) => {
    if (part === '') fail(`expected a value between the commas of "${text}"`);
    try {
      return readYaml(part, '--vary').value;
    } catch {
      return fail(`expected a YAML value in "${path}=", found "${part}"`);
    }
  });
  return { path, values };
}

/**
 * Checks every value of every knob against the policy (each is an override applied alone) and
 * the size of the grid; throws InputError with every problem, each under `--vary`.
 */
export function checkGrid(grid: Knob[], policy: Policy): void {
  const issues: InputIssue[] = [];
  const seen = new Set<string>();
  for (const knob of grid) {
    if (seen.has(knob.path)) issues.push({ file: '--vary', line: 1, column: 1, path: knob.path, message: 'expected each knob once, found it again' });
    seen.add(knob.path);
    for (const value of knob.values) {
      try {
        applyOverrides(policy, { [knob.path]: value }, { file: '--vary', locate: () => ({ line: 1, column: 1 }) });
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        issues.push(...error.issues.map((issue) => ({ ...issue, message: `${issue.message} (value ${JSON.stringify(value)})` })));
      }
    }
  }
  const size = grid.reduce((cells, knob) => cells * knob.values.length, 1);
  if (size > MAX_CELLS) issues.push({ file: '--vary', line: 1, column: 1, path: '', message: `expected at most ${MAX_CELLS} cells, found ${grid.map((knob) => knob.values.length).join(' × ')} = ${size}` });
  if (issues.length > 0) throw new InputError(issues);
}

/** Every `--vary` read and checked: throws InputError with the problems of all of them at once. */
export function parseGrid(texts: string[], policy: Policy): Knob[] {
  const issues: InputIssue[] = [];
  const grid: Knob[] = [];
  const collect = (step: () => void) => {
    try {
      step();
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      issues.push(...error.issues);
    }
  };
  for (const text of texts) collect(() => grid.push(parseVary(text)));
  collect(() => checkGrid(grid, policy));
  if (issues.length > 0) throw new InputError(issues);
  return grid;
}

/** The cells of a grid: every combination of its knobs' values, numbered from 0, the last knob varying fastest. */
export function cellsOf(grid: Knob[]): Cell[] {
  let combos: Record<string, unknown>[] = [{}];
  for (const knob of grid) combos = combos.flatMap((combo) => knob.values.map((value) => ({ ...combo, [knob.path]: value })));
  return combos.map((knobs, cell) => ({ cell, knobs }));
}
