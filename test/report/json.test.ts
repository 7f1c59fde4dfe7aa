/** The JSON report written in chunks (report/json.ts) is exactly JSON.stringify's text. */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ITEMS_PER_CHUNK, jsonChunks, renderJson } from '../../src/report/json.ts';
import type { Report } from '../../src/report/types.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { simulate } from '../../src/sim/simulate.ts';

const whole = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

describe('the JSON report in chunks', () => {
  it('joins to the text of JSON.stringify for every bundled scenario', () => {
    for (const file of readdirSync('scenarios').filter((name) => name.endsWith('.yaml'))) {
      const report = simulate(loadScenario(`scenarios/${file}`));
      expect(renderJson(report), file).toBe(whole(report));
    }
  });

  it('writes empty arrays and objects, nested values, and leaves out undefined fields as JSON.stringify does', () => {
    const odd = { a: [], b: {}, c: undefined, d: [{ x: [1, { y: 'two\nlines' }] }, undefined, 3], e: 'text' } as unknown as Report;
    expect([...jsonChunks(odd)].join('')).toBe(whole(odd));
    expect([...jsonChunks({} as Report)].join('')).toBe(whole({}));
  });

  it('never holds a record array as one string: a chunk holds at most ITEMS_PER_CHUNK records', () => {
    const report = simulate(loadScenario('scenarios/population-grace.yaml'));
    const chunks = [...jsonChunks(report)];
    const lists = Object.values(report).filter(Array.isArray);
    expect(Math.max(...lists.map((list) => list.length))).toBeGreaterThan(3 * ITEMS_PER_CHUNK);
    expect(chunks.length).toBeGreaterThan(lists.reduce((sum, list) => sum + Math.ceil(list.length / ITEMS_PER_CHUNK), 0));
    // A record starts on a line of its own at depth 1.
    expect(Math.max(...chunks.map((chunk) => chunk.split('\n    {').length - 1))).toBe(ITEMS_PER_CHUNK);
  });
});
