/**
 * Where a policy's values come from, as its files say: the comment on a value's line (`# P1`,
 * `# [price-2020]`, `# ASSUMPTION: …`) and, in the file's opening comment, what each bracketed
 * source tag stands for. `imsim policy diff` shows them beside each difference.
 */
import { isMap, isNode, isScalar, parseDocument, type Node } from 'yaml';
import type { Origins } from './extends.ts';

/** Dotted path → the comment written on its line (on the line of the nearest mapping that holds it, for values inside a flow mapping). */
export type Notes = Map<string, string>;

export interface PolicyText {
  notes: Notes;
  /** `[tag]` → its description in the file's opening comment. */
  legend: Map<string, string>;
}

export function policyText(text: string): PolicyText {
  const doc = parseDocument(text);
  const notes: Notes = new Map();
  const walk = (node: unknown, path: string[]) => {
    if (!isMap(node)) return;
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const value = pair.value as Node | null;
      const note = value?.comment ?? (isMap(value) && !value.flow ? value.commentBefore : undefined);
      if (note?.trim()) notes.set([...path, key].join('.'), note.trim());
      walk(value, [...path, key]);
    }
  };
  walk(doc.contents, []);
  // The opening comment belongs to the document, or to the first key when no blank line follows it.
  const first = isMap(doc.contents) ? doc.contents.items[0]?.key : undefined;
  const header = doc.commentBefore ?? (isNode(first) ? first.commentBefore : undefined) ?? '';
  return { notes, legend: legendOf(header) };
}

/** Lines `  [tag]   text` and the more-indented lines that continue them. */
function legendOf(header: string): Map<string, string> {
  const legend = new Map<string, string>();
  let current: string | undefined;
  for (const line of header.split('\n')) {
    const tagged = /^\s*(\[[^\]]+\])\s+(.*)$/.exec(line);
    if (tagged) {
      current = tagged[1];
      legend.set(current, tagged[2].trim());
    } else if (current && /^\s{4,}\S/.test(line)) legend.set(current, `${legend.get(current)} ${line.trim()}`);
    else current = undefined;
  }
  return legend;
}

/** The policy a value at `path` came from: its own entry, else one inside it (a whole new edition), else its nearest ancestor's. */
export function originOf(origins: Origins, path: string): string | undefined {
  const inside = [...origins.keys()].find((key) => key.startsWith(`${path}.`));
  const parts = path.split('.');
  const ancestor = parts.map((_, index) => parts.slice(0, parts.length - index).join('.')).find((prefix) => origins.has(prefix));
  return origins.get(path) ?? (inside ? origins.get(inside) : undefined) ?? (ancestor ? origins.get(ancestor) : undefined);
}

/** The note on `path`'s line, else on the nearest mapping that holds it, else (a whole new entry) the notes of its fields. */
export function noteOf(notes: Notes, path: string): string | undefined {
  const parts = path.split('.');
  for (let length = parts.length; length > 0; length -= 1) {
    const note = notes.get(parts.slice(0, length).join('.'));
    if (note !== undefined) return note;
  }
  const inner = [...notes].filter(([key]) => key.startsWith(`${path}.`)).map(([key, note]) => `${key.slice(path.length + 1)} ${note}`);
  return inner.length > 0 ? inner.join('; ') : undefined;
}

/** The source tags a note cites (`[price-2020]`). */
export const tagsOf = (note: string): string[] => note.match(/\[[^\]]+\]/g) ?? [];
