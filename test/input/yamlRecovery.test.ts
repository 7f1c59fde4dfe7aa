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
    expect([...(recovered?.unsure ?? [])].sort()).toEqual([2, 3]);
  });

  it('counts the lines that hold a left-out line as unsure', () => {
    const text = scenario(['top:', '  list:', '    - a: x: y']);
    expect([...(withoutBrokenLines(text, 'f.yaml', [3])?.unsure ?? [])].sort()).toEqual([1, 2, 3]);
  });

  it('gives up when the text does not parse after a few rounds', () => {
    const text = scenario(['a: [1, 2', 'b: {', 'c: "']);
    expect(withoutBrokenLines(text, 'f.yaml', [])).toBeUndefined();
  });
});
