import { describe, expect, it } from 'vitest';
import { withoutBrokenLines } from '../../src/input/yamlRecovery.ts';
import { InputError } from '../../src/inputError.ts';
import { parseScenario } from '../../src/scenario/load.ts';

function issuesOf(text: string): string[] {
  try {
    parseScenario(text, 'broken.yaml');
  } catch (error) {
    if (error instanceof InputError) return error.issues.map((issue) => `${issue.line}:${issue.column} ${issue.path || '(file)'}`);
    throw error;
  }
  return [];
}

const scenario = (lines: string[]) => `${lines.join('\n')}\n`;

describe('a file with YAML syntax errors', () => {
  it('also reports the mistakes on the lines that parse, in the same round', () => {
    const text = scenario(['format: 1', 'name: Broken: twice', 'policy: tencent-im-2019', 'start: 2020-03-01', 'end: 2020-02-30', 'accounts: []']);
    expect(issuesOf(text)).toEqual(['2:7 (file)', '5:6 end', '6:11 accounts']);
  });

  it('does not blame the field that holds a broken line for being empty', () => {
    const text = scenario(['format: 1', 'name: Tabs', 'policy: tencent-im-2019', 'start: 2020-03-01', 'end: 2020-04-30', 'accounts:', '\t- id: acme']);
    expect(issuesOf(text)).toEqual(['7:1 (file)']);
  });

  it('does not report names as unknown when a broken line may define them (an account, its apps)', () => {
    const lines = ['format: 1', 'name: Refs', 'policy: tencent-im-2019', 'start: 2020-01-01', 'end: 2020-03-31', 'accounts:', '  - id: acme: x', '    apps:', '      - { id: "1400000001" }'];
    const text = scenario([...lines, 'events:', '  - { at: 2020-01-05T10:00, type: purchase, app: "1400000001", product: pro, months: 1 }']);
    expect(issuesOf(text)).toEqual(['7:9 (file)']);
  });

  it('does not report a field as missing when it may be on a broken line', () => {
    const text = scenario(['format: 1', 'name: "unclosed', 'policy: tencent-im-2019', 'start: 2020-03-01', 'end: 2020-04-30', 'accounts: []']);
    expect(issuesOf(text).every((issue) => !issue.endsWith(' name'))).toBe(true);
  });
});

describe('leaving out the broken lines', () => {
  it('turns the broken line and the block under it into comments, keeping every line number', () => {
    const text = scenario(['a: 1', 'b: x: y', '  c: 2', 'd: 4']);
    const recovered = withoutBrokenLines(text, 'f.yaml', [2]);
    expect(recovered?.source.value).toEqual({ a: 1, d: 4 });
    expect([1, 2, 3, 4].map((line) => recovered?.trusted(line))).toEqual([true, false, false, true]);
  });

  it('trusts nothing in a top-level section with a line left out: an emptied field or renumbered items would read wrong', () => {
    const text = scenario(['top:', '  list:', '    - a: x: y', '    - b: 2', 'other: 1']);
    const recovered = withoutBrokenLines(text, 'f.yaml', [3]);
    expect([1, 2, 3, 4, 5].map((line) => recovered?.trusted(line))).toEqual([false, false, false, false, true]);
  });

  it('leaves out a broken line with a large block under it in time linear in the file (80,000 lines)', () => {
    const body = Array.from({ length: 80_000 }, (_, index) => `  - ${index}`);
    const recovered = withoutBrokenLines(scenario(['a: 1', 'events: x: y', ...body]), 'f.yaml', [2]);
    expect(recovered?.source.value).toEqual({ a: 1 });
  });

  it('gives up when the text does not parse after a few rounds', () => {
    const text = scenario(['a: [1, 2', 'b: {', 'c: "']);
    expect(withoutBrokenLines(text, 'f.yaml', [])).toBeUndefined();
  });
});
