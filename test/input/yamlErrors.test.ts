/** YAML syntax errors say in plain words what to write (issue 11: "Nested mappings are not allowed in compact mappings"). */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/inputError.ts';
import { readYaml } from '../../src/input/yamlSource.ts';

function firstIssue(text: string): string {
  try {
    readYaml(text, 'bad.yaml');
  } catch (error) {
    if (error instanceof InputError) return `${error.issues[0].line}:${error.issues[0].column} ${error.issues[0].message}`;
    throw error;
  }
  return 'no error';
}

describe('YAML syntax errors in plain words', () => {
  it('two "name: value" on one line', () => {
    expect(firstIssue('a: b: c\n')).toBe(
      '1:4 YAML syntax: two "name: value" on one line: put the inner one on its own line, indented, or write it as { name: value } (the parser: Nested mappings are not allowed in compact mappings)',
    );
  });

  it('an unclosed quote, bracket or brace, a tab, a missing "- ", a misaligned field', () => {
    expect(firstIssue('name: "x\nstart: 2020-01-01\n')).toMatch(/^3:1 YAML syntax: a text in quotes is not closed: add the closing quote/);
    expect(firstIssue('a: [1, 2\n')).toMatch(/YAML syntax: a \[ … \] is not closed/);
    expect(firstIssue('accounts:\n  - { id: a, apps: [{ id: "1" } ] }\n')).not.toMatch(/YAML syntax/);
    expect(firstIssue('accounts:\n  - { id: a, apps: [{ id: "1" ] }\n')).toMatch(/YAML syntax: a \{ … \} is not closed/);
    expect(firstIssue('format: 1\n\tname: x\n')).toMatch(/^2:1 YAML syntax: a tab indents this line: YAML indents with spaces only/);
    expect(firstIssue('accounts:\n  - id: a\n   apps: []\n')).toMatch(/YAML syntax: this line is indented like an item of a list but has no "- "/);
    expect(firstIssue('a:\n  - x\n  y: 1\n')).toMatch(/YAML syntax: the fields of one mapping must start at the same column/);
  });

  it("keeps the parser's words for an error it has no plain words for", () => {
    expect(firstIssue('a: !x !y 1\n')).toMatch(/YAML syntax: A node can have at most one tag$/);
  });
});
