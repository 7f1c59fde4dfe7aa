/**
 * Small helpers for input issues that need no YAML: an issue about a whole file, the order a
 * reader meets issues in, and how a value is named in a message.
 */
import { isPlainObject } from './plainData.ts';
import type { InputIssue } from '../inputError.ts';

/** An issue about a whole file (unreadable, too large), placed at its first line. */
export function fileIssue(file: string, path: string, message: string): InputIssue {
  return { file, line: 1, column: 1, path, message };
}

/** Issues sorted by line and column, as a reader goes through the file. */
export function inFileOrder(issues: InputIssue[]): InputIssue[] {
  return [...issues].sort((a, b) => a.line - b.line || a.column - b.column);
}

/** A value as it would be read back in a message. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null (an empty value)';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  // YAML tags such as !!timestamp and !!binary make objects that are neither lists nor mappings.
  if (value instanceof Date) return 'a timestamp (write dates as plain text: YYYY-MM-DD)';
  if (ArrayBuffer.isView(value)) return 'binary data';
  if (value instanceof Map || value instanceof Set) return 'a tagged collection';
  // Only an object given in code (scenarioFromObject) holds these.
  if (typeof value === 'bigint') return `${value}n (a BigInt: give a number)`;
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'symbol') return 'a symbol';
  if (!isPlainObject(value)) return `an object of class ${(value as object).constructor?.name ?? 'unknown'} (give plain data, as a file holds)`;
  return 'a mapping';
}
