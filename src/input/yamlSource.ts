/**
 * YAML (or JSON, which is YAML) read with positions, so every input issue can say the
 * `file:line:column` where the value was written.
 */
import { type Document, isAlias, isMap, isScalar, isSeq, LineCounter, type Node, type Pair, parseDocument } from 'yaml';
import { InputError, type InputIssue } from '../inputError.ts';
import { fileIssue } from './issues.ts';
import { MAX_YAML_ALIASES } from './limits.ts';

export type PathSegment = string | number;

/** A parsed YAML (or JSON, which is YAML) file that still knows where each value was written. */
export interface YamlSource {
  file: string;
  doc: Document.Parsed;
  lines: LineCounter;
  /** The document as plain data. */
  value: unknown;
}

/**
 * Parses YAML or JSON keeping positions. Syntax errors (and an alias bomb) throw InputError at
 * once: nothing after them can be trusted.
 */
export function readYaml(text: string, file: string): YamlSource {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new InputError(
      doc.errors.map((error) => {
        const { line, col } = lines.linePos(error.pos[0]);
        return { file, line, column: col, path: '', message: `YAML syntax: ${error.message.split('\n')[0]}` };
      }),
    );
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputError([fileIssue(file, '', `YAML aliases expand too far (more than ${MAX_YAML_ALIASES} nodes per anchor): ${reason}`)]);
  }
  return { file, doc, lines, value };
}

/**
 * Where a path was written: the value's node, or with `key` the field name itself (for
 * unknown fields). A path that stops early (a missing field) points at the deepest node found.
 */
export function positionOf(source: YamlSource, path: readonly PathSegment[], options: { key?: boolean } = {}): { line: number; column: number } {
  let node: Node | null | undefined = source.doc.contents;
  let keyNode: Node | undefined;
  for (const segment of path) {
    if (isAlias(node)) node = node.resolve(source.doc);
    let next: Node | null | undefined;
    if (isMap(node)) {
      const pair: Pair<unknown, unknown> | undefined = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      if (pair) {
        keyNode = pair.key as Node;
        next = (pair.value as Node | null) ?? keyNode;
      }
    } else if (isSeq(node)) {
      next = node.items[Number(segment)] as Node | undefined;
      keyNode = undefined;
    }
    if (next == null) {
      keyNode = undefined;
      break;
    }
    node = next;
  }
  const target = options.key && keyNode ? keyNode : node;
  const offset = target?.range?.[0] ?? 0;
  const { line, col } = source.lines.linePos(offset);
  return { line, column: col };
}

/** An issue at the place a path was written (with `key`, at the field name). */
export function issueAt(source: YamlSource, path: readonly PathSegment[], message: string, options: { key?: boolean } = {}): InputIssue {
  return { file: source.file, ...positionOf(source, path, options), path: path.join('.'), message };
}
