/**
 * Which drawn transitions a report's transition took. The report names top-level states only
 * (`active` → `expiredGrace`, cause `expiry`); any edge from inside `app.<from>` to inside
 * `app.<to>` may be the one. The machine itself narrows it down: transitions that record the
 * cause (`recordCause`) win; failing those, the ones that record none (the cause then comes
 * with the event, as `purchase` and `renewal` do); failing those, all of them.
 */
import { within } from './graph.ts';

export interface TopLevelTransition {
  from: string;
  to: string;
  cause: string;
}

export interface MarkableEdge {
  id: string;
  source: string;
  target: string;
  causes: readonly string[];
}

export function markedEdgeIds(
  machineId: string,
  edges: readonly MarkableEdge[],
  transition: TopLevelTransition,
): string[] {
  const from = `${machineId}.${transition.from}`;
  const to = `${machineId}.${transition.to}`;
  const candidates = edges.filter((edge) => within(edge.source, from) && within(edge.target, to));
  const recording = candidates.filter((edge) => edge.causes.includes(transition.cause));
  if (recording.length > 0) return recording.map((edge) => edge.id);
  const silent = candidates.filter((edge) => edge.causes.length === 0);
  return (silent.length > 0 ? silent : candidates).map((edge) => edge.id);
}
