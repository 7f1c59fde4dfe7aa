/**
 * The statechart of a machine as plain data, read from its definition (never drawn by hand):
 * the states come from `machineStates`, the transitions from `machineEdges` (both through
 * `xstate/graph`), so the picture cannot drift from the code.
 *
 * The compact form keeps only what a small per-app view needs: a state whose inside is
 * bookkeeping shows as one box, its transitions lifted to that box. Bookkeeping is read from
 * the definition too: an inside that no transition from outside enters and that either decides
 * by itself (eventless `always` transitions), as the checking/waiting/done region of the
 * auto-renew retries does, or has no transition of its own, as the expiry warnings' window;
 * `suspended.arrears.*` or `owing.suspended` stay.
 */
import type { AnyStateMachine } from 'xstate';
import { getStateNodes } from 'xstate/graph';
import { type Edge, edgeOf, machineEdges, machineStates, type TransitionLike } from '../../coverage/machineGraph.ts';
import { accountMachine } from '../../machines/account.machine.ts';
import { appMachine } from '../../machines/app.machine.ts';

export type MachineName = 'app' | 'account';

/**
 * How much of the machine a chart draws: `full`, every state and transition; `compact`, the
 * bookkeeping insides folded; `overview`, the top-level states only, each pair joined by one
 * edge labelled with the causes the report gives its transitions.
 */
export type ChartForm = 'full' | 'compact' | 'overview';

export type StateKind = 'atomic' | 'compound' | 'parallel' | 'final';

export interface ChartState {
  id: string;
  /** The last segment of the id. */
  label: string;
  /** The enclosing state, or null for a top-level state. */
  parent: string | null;
  kind: StateKind;
  /** The state its parent enters first. */
  initial: boolean;
  /** A region of a parallel state. */
  region: boolean;
  /** Transitions that change no state (`PAY [balanceCovers]`), listed inside the box. */
  internal: string[];
}

export interface ChartEdge {
  id: string;
  source: string;
  target: string;
  /** One line: `⏱ package end [autoRenewOn]`; a compact edge joins the events it merges with `, `, an overview edge its causes. */
  label: string;
  /** The label as drawn: the event, then the guard in brackets (compact: one event a line, no guards; overview: one cause a line). */
  labelLines: string[];
  /** The `machineEdges` keys this edge draws. */
  keys: string[];
  /** The causes the transitions' actions record (`recordCause`), as written in the machine. */
  causes: string[];
  /** It goes from one top-level state to another, so a report's transition may mark it. */
  markable: boolean;
}

export interface ChartGraph {
  machine: MachineName;
  machineId: string;
  form: ChartForm;
  /** Top-level states first, every parent before its children, in definition order. */
  states: ChartState[];
  edges: ChartEdge[];
  /** Transitions of the machine itself that change no state (`SET_AUTO_RENEW`). */
  internal: string[];
}

/** The machine definitions, as they are: reading the graph needs no environment. */
export function machineOf(machine: MachineName): AnyStateMachine {
  return machine === 'app' ? appMachine : accountMachine;
}

function words(camel: string): string {
  return camel
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .trim();
}

/** `after untilPackageEnd` → `⏱ package end`; other events unchanged. */
export function shortEvent(event: string): string {
  const delayed = /^after (?:until)?(.+)$/.exec(event);
  return delayed ? `⏱ ${words(delayed[1])}` : event;
}

export function edgeLabelLines(edge: Pick<Edge, 'event' | 'guard'>): string[] {
  return edge.guard ? [shortEvent(edge.event), `[${edge.guard}]`] : [shortEvent(edge.event)];
}

/** Whether `id` is `ancestor` or lies inside it. */
export function within(id: string, ancestor: string): boolean {
  return id === ancestor || id.startsWith(`${ancestor}.`);
}

interface NodeLike {
  id: string;
  key: string;
  type: string;
  parent?: NodeLike;
  initial?: { target?: readonly { id: string }[] };
  transitions: Map<string, (TransitionLike & { actions?: readonly unknown[] })[]>;
  always?: (TransitionLike & { actions?: readonly unknown[] })[];
}

function recordedCause(action: unknown): string | undefined {
  if (typeof action !== 'object' || action === null) return undefined;
  const { type, params } = action as { type?: unknown; params?: { cause?: unknown } };
  return type === 'recordCause' && typeof params?.cause === 'string' ? params.cause : undefined;
}

/** The causes each transition records, by `machineEdges` key. */
function causesByKey(nodes: NodeLike[]): Map<string, string[]> {
  const causes = new Map<string, string[]>();
  for (const node of nodes) {
    for (const transition of [...[...node.transitions.values()].flat(), ...(node.always ?? [])]) {
      const recorded = (transition.actions ?? []).map(recordedCause).filter((cause) => cause !== undefined);
      const key = edgeOf(transition).key;
      causes.set(key, [...new Set([...(causes.get(key) ?? []), ...recorded])]);
    }
  }
  return causes;
}

/** States whose descendants are hidden in the compact form: their inside is bookkeeping. */
function collapsedStates(states: ChartState[], edges: Edge[]): Set<string> {
  const inside = (id: string, state: ChartState) => id !== state.id && within(id, state.id);
  const collapsed = new Set<string>();
  for (const state of states) {
    if (state.kind === 'atomic' || state.kind === 'final') continue;
    if ([...collapsed].some((outer) => within(state.id, outer))) continue;
    const enteredFromOutside = edges.some(
      (edge) => !within(edge.source, state.id) && edge.targets.some((target) => inside(target, state)),
    );
    const ownEdges = edges.filter((edge) => inside(edge.source, state));
    const decidesByItself = ownEdges.some((edge) => edge.event === 'always');
    if (!enteredFromOutside && (decidesByItself || ownEdges.length === 0)) collapsed.add(state.id);
  }
  return collapsed;
}

function visibleOf(id: string, collapsed: Set<string>): string {
  for (const outer of collapsed) if (id !== outer && within(id, outer)) return outer;
  return id;
}

function toState(node: NodeLike, machineId: string, internal: string[]): ChartState {
  const parent = node.parent && node.parent.id !== machineId ? node.parent.id : null;
  const initialTargets = node.parent?.initial?.target ?? [];
  return {
    id: node.id,
    label: node.key,
    parent,
    kind: (['compound', 'parallel', 'final'].includes(node.type) ? node.type : 'atomic') as StateKind,
    initial: initialTargets.some((target) => target.id === node.id),
    region: node.parent?.type === 'parallel',
    internal,
  };
}

/** `app.suspended.arrears.trial` → `app.suspended`. */
function topLevelOf(id: string): string {
  return id.split('.').slice(0, 2).join('.');
}

function internalLabel(edge: Edge): string {
  return edgeLabelLines(edge).join(' ');
}

export function chartGraph(machine: MachineName, form: ChartForm = 'full'): ChartGraph {
  if (form === 'overview') return overviewGraph(machine);
  const compact = form === 'compact';
  const definition = machineOf(machine);
  const machineId = definition.root.id;
  const ids = machineStates(definition);
  const allEdges = machineEdges(definition);
  const causes = causesByKey([definition.root, ...getStateNodes(definition.root)] as unknown as NodeLike[]);
  const internalOf = (id: string) =>
    compact ? [] : [...new Set(allEdges.filter((edge) => edge.source === id && edge.targets.length === 0).map(internalLabel))];

  const everyState = ids.map((id) =>
    toState(definition.getStateNodeById(id) as unknown as NodeLike, machineId, internalOf(id)),
  );
  const collapsed = compact ? collapsedStates(everyState, allEdges) : new Set<string>();
  const states = everyState
    .filter((state) => visibleOf(state.id, collapsed) === state.id)
    .map((state) => (collapsed.has(state.id) ? { ...state, kind: 'atomic' as const } : state));

  const drawn: ChartEdge[] = [];
  for (const edge of allEdges) {
    for (const target of edge.targets) {
      const source = visibleOf(edge.source, collapsed);
      const shownTarget = visibleOf(target, collapsed);
      if (source === shownTarget && (source !== edge.source || shownTarget !== target)) continue;
      const lines = compact ? [shortEvent(edge.event)] : edgeLabelLines(edge);
      const recorded = causes.get(edge.key) ?? [];
      const merged = compact ? drawn.find((other) => other.source === source && other.target === shownTarget) : undefined;
      if (merged) {
        if (!merged.labelLines.includes(lines[0])) merged.labelLines = [...merged.labelLines, lines[0]];
        merged.label = merged.labelLines.join(', ');
        merged.keys.push(edge.key);
        merged.causes = [...new Set([...merged.causes, ...recorded])];
        continue;
      }
      drawn.push({
        id: `edge-${drawn.length}`,
        source,
        target: shownTarget,
        label: lines.join(' '),
        labelLines: lines,
        keys: [edge.key],
        causes: [...recorded],
        markable: topLevelOf(source) !== topLevelOf(shownTarget),
      });
    }
  }
  const rootInternal = compact ? [] : internalOf(machineId);
  return { machine, machineId, form, states, edges: drawn, internal: rootInternal };
}

/**
 * The top-level states and one edge for each pair the machine links, labelled with the causes
 * its transitions record (the words of the report's `cause` column); an edge that records none
 * takes its event (`PRO_PERIOD`: the cause comes with the event). Each label names what it is,
 * so the edges need no tooltip to be read.
 */
function overviewGraph(machine: MachineName): ChartGraph {
  const full = chartGraph(machine, 'full');
  const states = full.states.filter((state) => state.parent === null).map((state) => ({ ...state, kind: state.kind === 'final' ? state.kind : ('atomic' as const), internal: [] }));
  const edges: ChartEdge[] = [];
  for (const edge of full.edges) {
    const source = topLevelOf(edge.source);
    const target = topLevelOf(edge.target);
    if (source === target) continue;
    const named = edge.causes.length > 0 ? edge.causes : [edge.labelLines[0]];
    const pair = edges.find((other) => other.source === source && other.target === target);
    if (pair) {
      pair.labelLines = [...new Set([...pair.labelLines, ...named])];
      pair.label = pair.labelLines.join(', ');
      pair.keys.push(...edge.keys);
      pair.causes = [...new Set([...pair.causes, ...edge.causes])];
      continue;
    }
    edges.push({ id: `edge-${edges.length}`, source, target, label: named.join(', '), labelLines: [...named], keys: [...edge.keys], causes: [...edge.causes], markable: true });
  }
  return { machine, machineId: full.machineId, form: 'overview', states, edges, internal: [] };
}
