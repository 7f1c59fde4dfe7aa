/**
 * A YAML text with syntax errors, made readable for a second look: each line with an error,
 * and the block indented under it, becomes a comment (line numbers stay), until the rest
 * parses. A loader then checks what is left, so a file's other mistakes are reported in the
 * same round as its syntax errors instead of after they are fixed.
 */
import { InputError } from '../inputError.ts';
import { readYamlPartly, type YamlSource } from './yamlSource.ts';

const MAX_ROUNDS = 5;

export interface RecoveredYaml {
  source: YamlSource;
  /**
   * Lines whose issues the recovery may have caused, 1-based: those turned into comments
   * (nothing on them was read), and the lines that hold them (a field whose value was left
   * out reads as empty).
   */
  unsure: Set<number>;
}

const indentOf = (line: string) => line.length - line.trimStart().length;
const isBlank = (line: string) => line.trim() === '' || line.trimStart().startsWith('#');

/** The lines (1-based) that hold line `at`: each one less indented than the last, up to the top. */
function holdersOf(lines: readonly string[], at: number): number[] {
  const holders: number[] = [];
  let indent = indentOf(lines[at - 1] ?? '');
  for (let index = at - 2; index >= 0 && indent > 0; index -= 1) {
    if (isBlank(lines[index]) || indentOf(lines[index]) >= indent) continue;
    holders.push(index + 1);
    indent = indentOf(lines[index]);
  }
  return holders;
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
        const unsure = new Set([...blanked, ...[...blanked].flatMap((line) => holdersOf(original, line))]);
        return source ? { source, unsure } : undefined;
      }
      broken = syntax.map((issue) => issue.line);
    } catch (error) {
      if (error instanceof InputError) return undefined;
      throw error;
    }
  }
  return undefined;
}
