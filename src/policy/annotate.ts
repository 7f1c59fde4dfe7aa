/**
 * A policy as YAML for a person: every knob with the rule IDs it sets or flips (rules.ts),
 * every knob a change touched marked with its value before (`imsim policy show --set`, a policy
 * file, `imsim policy diff`), and, for a policy that extends another, the policy each value
 * comes from (extends.ts).
 */
import { Document, isCollection, isNode, type Node } from 'yaml';
import type { PolicyDifference } from './diff.ts';
import type { Origins } from './extends.ts';
import { rules, rulesOf as rulesOfKnob } from './rules.ts';
import type { Policy } from './schema.ts';

/** The rule IDs of a knob, the most specific first (rules.ts), for the rule column of `imsim policy diff`. */
export function rulesOf(path: string): string[] {
  return rulesOfKnob(path).map((rule) => rule.id);
}

export function annotatedPolicy(policy: Policy, changes: readonly PolicyDifference[] = [], origins: Origins = new Map()): string {
  const doc = new Document(policy);
  const keys = (path: string) => path.split('.').map((key) => (/^\d+$/.test(key) ? Number(key) : key));
  const note = (path: string, text: string) => {
    const node = doc.getIn(keys(path), true);
    if (!isNode(node)) return;
    const target = node as Node;
    if (isCollection(target)) target.commentBefore = ` ${[target.commentBefore?.trim(), text].filter(Boolean).join(' ')}`;
    else target.comment = ` ${[target.comment?.trim(), text].filter(Boolean).join(' ')}`;
  };
  for (const rule of rules) for (const knob of rule.knobs) note(knob, rule.id);
  if (new Set(origins.values()).size > 1) {
    doc.commentBefore = ' The policy resolved: each value says which policy it comes from (extends).';
    for (const [path, origin] of origins) note(path, `(from ${origin})`);
  }
  for (const change of changes) {
    if (change.b === undefined) continue;
    note(change.path, `← changed, was ${change.a === undefined ? 'absent' : JSON.stringify(change.a)}`);
  }
  const removed = changes.filter((change) => change.b === undefined).map((change) => `# ${change.path}: removed, was ${JSON.stringify(change.a)}`);
  return `${doc.toString({ lineWidth: 100 })}${removed.length > 0 ? `${removed.join('\n')}\n` : ''}`;
}
