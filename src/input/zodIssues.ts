/**
 * Zod issues translated into input issues that read "expected …, found …", each at the
 * `file:line:column` of its field; an unknown field is reported at its key with the field meant.
 */
import type { z } from 'zod';
import type { InputIssue } from '../inputError.ts';
import { describeValue } from './issues.ts';
import { fieldNames, schemaAt } from './schemaShape.ts';
import { suggest } from './suggest.ts';
import { issueAt, type PathSegment, type YamlSource } from './yamlSource.ts';

/** Zod issues as input issues: each at its field, unknown fields at their key. */
export function zodIssues(source: YamlSource, issues: readonly z.core.$ZodIssue[], prefix: readonly PathSegment[], schema?: z.ZodType): InputIssue[] {
  const result: InputIssue[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment))];
    if (issue.code === 'unrecognized_keys') {
      const known = schema ? fieldNames(schemaAt(schema, issue.path)) : [];
      for (const key of issue.keys) result.push(issueAt(source, [...path, key], unknownField(key, known), { key: true }));
    } else {
      result.push(issueAt(source, path, describeIssue(issue)));
    }
  }
  return result;
}

/** `unknown field "acount"; did you mean "account"?` — a typo must not pass silently. */
export function unknownField(key: string, known: readonly string[]): string {
  const hint = suggest(key, known);
  return hint ? `unknown field "${key}"; ${hint}` : `unknown field "${key}"`;
}

/** One zod issue as "expected …, found …". */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const input = 'input' in issue ? issue.input : undefined;
  const received = 'received' in issue && typeof issue.received === 'string' ? issue.received : undefined;
  const infinite = typeof input === 'number' && !Number.isFinite(input);
  const found = received === 'Infinity' || received === 'NaN' ? `${received} (numbers must be finite)` : infinite ? `${input} (numbers must be finite)` : describeValue(input);
  const missing = input === undefined && received === undefined;
  const withFound = (expected: string) => (missing ? `missing: expected ${expected}` : `expected ${expected}, found ${found}`);
  switch (issue.code) {
    case 'invalid_type':
      // An SDKAppID written without quotes is read as a number; say how to fix it.
      if (issue.expected === 'string' && typeof input === 'number') return `${withFound('a text')} (write it in quotes: "${input}")`;
      return withFound(typeName(issue.expected));
    case 'invalid_value':
      return withFound(issue.values.map((value) => (typeof value === 'string' ? value : String(value))).join(' | '));
    case 'invalid_union': {
      const expected = new Set<string>();
      for (const branch of issue.errors) for (const inner of branch) if (inner.code === 'invalid_type') expected.add(typeName(inner.expected));
      return withFound(expected.size > 0 ? [...expected].join(' or ') : 'one of the allowed forms');
    }
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'array') return withFound(`at least ${minimum} item${minimum === 1 ? '' : 's'}`);
      if (issue.origin === 'string') return withFound('a non-empty text');
      return withFound(`a number ${issue.inclusive ? '≥' : '>'} ${minimum}`);
    }
    case 'too_big': {
      const maximum = Number(issue.maximum);
      if (issue.origin === 'array') return withFound(`at most ${maximum} item${maximum === 1 ? '' : 's'}`);
      if (issue.origin === 'string') return withFound(`a text of at most ${maximum} characters`);
      return withFound(`a number ${issue.inclusive ? '≤' : '<'} ${maximum}`);
    }
    case 'invalid_format':
    case 'custom': {
      const message = issue.message.startsWith('expected ') ? issue.message.slice('expected '.length) : issue.message;
      return withFound(message);
    }
    default:
      return issue.message;
  }
}

function typeName(expected: string): string {
  const names: Record<string, string> = {
    int: 'a whole number',
    number: 'a number',
    string: 'a text',
    boolean: 'true or false',
    object: 'a mapping',
    record: 'a mapping',
    array: 'a list',
    null: 'null',
  };
  return names[expected] ?? expected;
}
