/**
 * A YAML text with syntax errors, made readable for a second look: each line with an error,
 * and the block indented under it, becomes a comment (line numbers stay), until the rest
 * parses. A loader then checks what is left, and keeps what it finds in the sections nothing
 * was left out of, so a file's other mistakes are reported in the same round as its syntax
 * errors instead of after they are fixed.
 */
import { InputError } from '../inputError.ts';
import { readYamlPartly, type YamlSource } from './yamlSource.ts';

const MAX_ROUNDS = 5;

export interface RecoveredYaml {
  source: YamlSource;
  /**
   * Whether an issue at this line (1-based) can be trusted: its top-level section (the field at
   * the left margin that holds it, with everything under it) has no line left out. Leaving a
   * line out of a section can make the rest of it read differently (an emptied field, list
   * items renumbered), so nothing in such a section is trusted.
   */
  trusted: (line: number) => boolean;
}

const indentOf = (line: string) => line.length - line.trimStart().length;
const isBlank = (line: string) => line.trim() === '' || line.trimStart().startsWith('#');

/** For each line (1-based, index 0 unused), the line of the top-level field whose section holds it (0 before the first). */
function sectionsOf(lines: readonly string[]): number[] {
  const section = [0];
  let current = 0;
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index];
    if (!isBlank(line) && indentOf(line) === 0 && !line.startsWith('-')) current = index + 1;
    section.push(current);
  }
  return section;
}

/** Line `at` (1-based) and the lines indented under it. */
function blockOf(lines: readonly string[], at: number): number[] {
  const first = at - 1;
  if (first < 0 || first >= lines.length) return [];
  const indent = indentOf(lines[first]);
  const block = [at];
  for (let index = first + 1; index < lines.length; index += 1) {
    if (isBlank(lines[index])) continue;
    if (indentOf(lines[index]) <= indent) break;
    block.push(index + 1);
  }
  return block;
}

export function withoutBrokenLines(text: string, file: string, brokenLines: Iterable<number>): RecoveredYaml | undefined {
  const original = text.split('\n');
  const lines = [...original];
  const blanked = new Set<number>();
  let broken = [...brokenLines];
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const fresh = broken.flatMap((line) => blockOf(lines, line)).filter((line) => !blanked.has(line));
    if (fresh.length === 0) return undefined;
    for (const line of fresh) {
      blanked.add(line);
      lines[line - 1] = lines[line - 1].replace(/^(\s*)(.*)$/, (_, indent: string, rest: string) => (rest ? `${indent}#${rest}` : indent));
    }
    try {
      const { source, syntax } = readYamlPartly(lines.join('\n'), file);
      if (syntax.length === 0) {
        const sections = sectionsOf(original);
        const touched = new Set([...blanked].map((line) => sections[line]));
        return source ? { source, trusted: (line) => !touched.has(sections[line] ?? 0) } : undefined;
      }
      broken = syntax.map((issue) => issue.line);
    } catch (error) {
      if (error instanceof InputError) return undefined;
      throw error;
    }
  }
  return undefined;
}
