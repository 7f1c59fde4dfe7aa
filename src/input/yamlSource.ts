/**
 * YAML (or JSON, which is YAML) read with positions, so every input issue can say the
 * `file:line:column` where the value was written.
 *
 * A file is checked for what would make the YAML parser, or anything after it, hang or blow up
 * before it is turned into data (input/limits.ts): too many unclosed brackets (a plain scan of
 * the text, before parsing), nesting deeper than MAX_YAML_DEPTH, too many aliases, aliases that
 * expand into too many values or into themselves, and a field written twice in one mapping
 * (checked here in one pass: the parser's own check compares every key with every other).
 */
import { plainYamlError } from './yamlErrors.ts';
import { type Document, isAlias, isMap, isPair, isScalar, isSeq, LineCounter, type Node, type Pair, parseDocument } from 'yaml';
import { InputError, type InputIssue } from '../inputError.ts';
import { fileIssue, inFileOrder } from './issues.ts';
import { MAX_OPEN_BRACKETS, MAX_YAML_ALIAS_VALUES, MAX_YAML_ALIASES, MAX_YAML_DEPTH, MAX_YAML_ERRORS } from './limits.ts';

export type PathSegment = string | number;

/** A parsed YAML (or JSON, which is YAML) file that still knows where each value was written. */
export interface YamlSource {
  file: string;
  doc: Document.Parsed;
  lines: LineCounter;
  /** The document as plain data. */
  value: unknown;
}

const tooDeep = `YAML nested too deeply: expected at most ${MAX_YAML_DEPTH} levels of lists and mappings`;

/**
 * Parses YAML or JSON keeping positions. Syntax errors, and anything that would take the
 * parser too long or build too much (see above), throw InputError at once: nothing after them
 * can be trusted.
 */
export function readYaml(text: string, file: string): YamlSource {
  const { source, syntax, more } = readYamlPartly(text, file);
  if (syntax.length > 0 || !source) throw new InputError([...syntax, ...(more ? [more] : [])]);
  return source;
}

/**
 * As readYaml, but a file with syntax errors still gives what the parser recovered around them
 * (with the errors), so that a loader can also report the mistakes elsewhere in the file.
 * Anything that would take too long or build too much still throws at once.
 */
export function readYamlPartly(text: string, file: string): { source?: YamlSource; syntax: InputIssue[]; more?: InputIssue } {
  const bracket = firstTooDeepBracket(text);
  if (bracket !== undefined) {
    throw new InputError([{ file, ...positionInText(text, bracket), path: '', message: `${tooDeep}, found more than ${MAX_OPEN_BRACKETS} unclosed [ or {` }]);
  }
  const lines = new LineCounter();
  const doc = withoutStackTraces(() => parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false, logLevel: 'error' }));
  const syntax: InputIssue[] = [];
  if (doc.errors.length > 0) {
    const at = (offset: number) => {
      const { line, col } = lines.linePos(offset);
      return { file, line, column: col, path: '' };
    };
    // eemeli/yaml reports a stack overflow in deep nesting as RESOURCE_EXHAUSTION, once per level.
    const exhausted = doc.errors.find((error) => error.code === 'RESOURCE_EXHAUSTION');
    if (exhausted) throw new InputError([{ ...at(exhausted.pos[0]), message: `${tooDeep}, found more` }]);
    syntax.push(...inFileOrder(doc.errors.slice(0, MAX_YAML_ERRORS).map((error) => ({ ...at(error.pos[0]), message: plainYamlError(error) }))));
  }
  // Said after every issue listed, at no line of its own.
  const more = doc.errors.length > MAX_YAML_ERRORS ? fileIssue(file, '', `… and ${doc.errors.length - MAX_YAML_ERRORS} more YAML syntax errors (only the first ${MAX_YAML_ERRORS} are listed)`) : undefined;
  const shapeIssues = checkShape(doc, lines, file);
  if (shapeIssues.length > 0) throw new InputError([...syntax, ...shapeIssues, ...(more ? [more] : [])]);
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: -1 });
  } catch (error) {
    if (syntax.length > 0) return { syntax, ...(more ? { more } : {}) };
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputError([fileIssue(file, '', `cannot read the YAML: ${reason}`)]);
  }
  return { source: { file, doc, lines, value }, syntax, ...(more ? { more } : {}) };
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

/**
 * The offset of the first `[` or `{` that leaves more than MAX_OPEN_BRACKETS unclosed, if any.
 * Quotes and comments are not skipped (a scanner that tried could be fooled into skipping real
 * brackets), which only makes the count larger.
 */
function firstTooDeepBracket(text: string): number | undefined {
  let open = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x5b || code === 0x7b) {
      open += 1;
      if (open > MAX_OPEN_BRACKETS) return index;
    } else if ((code === 0x5d || code === 0x7d) && open > 0) {
      open -= 1;
    }
  }
  return undefined;
}

function positionInText(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = text.indexOf('\n'); index >= 0 && index < offset; index = text.indexOf('\n', index + 1)) {
    line += 1;
    lineStart = index + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * Runs `parse` without capturing a stack trace for each error object: the parser makes one per
 * syntax error, and a file of a million commas would otherwise spend most of its time there.
 */
function withoutStackTraces<T>(parse: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return parse();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/**
 * One pass over the parsed document: nesting depth, fields written twice, aliases (how many,
 * whether each has its anchor before it and outside itself, and how many values they add).
 * Returns the issues found, in file order.
 */
function checkShape(doc: Document.Parsed, lines: LineCounter, file: string): InputIssue[] {
  const issues: InputIssue[] = [];
  const at = (node: Node | null | undefined, path: readonly PathSegment[], message: string) => {
    const { line, col } = lines.linePos(node?.range?.[0] ?? 0);
    issues.push({ file, line, column: col, path: path.join('.'), message });
  };
  const anchors = new Map<string, Node>();
  /** Expanded size of each anchored node, once its subtree has been walked. */
  const sizes = new Map<Node, number>();
  /** Collections being walked (the ancestors of the current node), to catch an alias inside its own anchor. */
  const open = new Set<Node>();
  let aliases = 0;
  let aliasValues = 0;
  let deepSeen = false;
  let stop = false;

  /** The number of values `node` stands for once aliases are expanded. */
  const walk = (node: unknown, path: PathSegment[], depth: number): number => {
    if (stop || node == null) return 1;
    if (isAlias(node)) {
      aliases += 1;
      if (aliases > MAX_YAML_ALIASES) {
        at(node, path, `expected at most ${MAX_YAML_ALIASES} YAML aliases (*name) in one file, found more`);
        stop = true;
        return 1;
      }
      const target = anchors.get(node.source);
      if (!target) {
        at(node, path, `expected an anchor &${node.source} before the alias *${node.source}, found none`);
        return 1;
      }
      if (open.has(target)) {
        at(node, path, `expected the alias *${node.source} outside its own anchor &${node.source}, found it inside (a loop)`);
        return 1;
      }
      const size = sizes.get(target) ?? 1;
      aliasValues += size;
      if (aliasValues > MAX_YAML_ALIAS_VALUES) {
        at(node, path, `YAML aliases expand too far: expected at most ${MAX_YAML_ALIAS_VALUES} values added by aliases, found more`);
        stop = true;
      }
      return size;
    }
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor) anchors.set(anchor, node as Node);
    let size = 1;
    if (isMap(node) || isSeq(node)) {
      if (depth >= MAX_YAML_DEPTH) {
        if (!deepSeen) at(node, [], `${tooDeep}, found more`);
        deepSeen = true;
        return 1;
      }
      open.add(node);
      const keys = new Map<string, Node>();
      node.items.forEach((item: unknown, index: number) => {
        if (isPair(item)) {
          const key = item.key as Node | null;
          const name = isScalar(key) ? String(key.value) : undefined;
          const here = [...path, isMap(node) ? (name ?? index) : index];
          if (name !== undefined && isMap(node)) {
            const first = keys.get(name);
            if (first) {
              const firstLine = lines.linePos(first.range?.[0] ?? 0).line;
              at(key, here, `expected each field once in a mapping, found "${name}" again (first at line ${firstLine})`);
            } else if (key) {
              keys.set(name, key);
            }
          }
          size += walk(key, here, depth + 1) + walk(item.value, here, depth + 1);
        } else {
          size += walk(item, [...path, index], depth + 1);
        }
      });
      open.delete(node);
    }
    if (anchor) sizes.set(node as Node, size);
    return size;
  };
  walk(doc.contents, [], 0);
  return inFileOrder(issues).slice(0, MAX_YAML_ERRORS);
}
