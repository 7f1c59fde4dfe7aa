/**
 * Lays out a machine's statechart with ELK (layered, hierarchical: a compound state contains its
 * children), the way Stately's visualizer does. The result is plain data in absolute
 * coordinates; it is computed once per machine and form, and cached for the page's life.
 */
import type { ELK, ElkEdgeSection, ElkExtendedEdge, ElkLabel, ElkNode } from 'elkjs/lib/elk.bundled.js';
import type { LayoutAnswer, LayoutRequest } from './elk.worker.ts';
import { type ChartEdge, type ChartForm, type ChartGraph, type ChartState, chartGraph, type MachineName, type StateKind } from './graph.ts';

export interface Point {
  x: number;
  y: number;
}

export interface Box extends Point {
  width: number;
  height: number;
}

export interface LayoutNode extends Box {
  id: string;
  label: string;
  kind: StateKind;
  initial: boolean;
  region: boolean;
  internal: string[];
  children: LayoutNode[];
}

export interface LayoutEdge {
  id: string;
  source: string;
  target: string;
  label: string;
  labelLines: string[];
  /** From the source's border to the target's border, bends included. */
  points: Point[];
  /** The room ELK kept for the label and the cause line (compact: the cause line only; overview: the label only, its causes). */
  labelBox: Box;
  keys: string[];
  causes: string[];
  /** The label box keeps a line under the label for the cause of a marked transition. */
  markable: boolean;
}

export interface StatechartLayout {
  machine: MachineName;
  machineId: string;
  form: ChartForm;
  width: number;
  height: number;
  /** The top-level states; compound states hold their children. */
  nodes: LayoutNode[];
  edges: LayoutEdge[];
  internal: string[];
}

/** Text metrics, estimated (no DOM in node or in a worker); the CSS uses the same sizes. */
export const metrics = {
  stateFont: 12,
  stateChar: 7.2,
  smallFont: 10,
  smallChar: 6.2,
  line: 13,
  stateHeight: 30,
  padding: 12,
  initialMark: 10,
  /** Room kept for the cause under the label of a markable edge (`arrearsCleared`). */
  noteChars: 15,
} as const;

/** Symbols such as ⏱ take about two letters' width. */
const textWidth = (text: string, perChar: number) =>
  [...text].reduce((width, char) => width + ((char.codePointAt(0) ?? 0) > 0x2000 ? 2 : 1) * perChar, 0);

function headerWidth(state: ChartState): number {
  const name = textWidth(state.label, metrics.stateChar) + (state.initial ? metrics.initialMark : 0);
  const lines = state.internal.map((line) => textWidth(line, metrics.smallChar));
  return Math.ceil(Math.max(name, ...lines) + 2 * metrics.padding);
}

function headerHeight(state: ChartState): number {
  return metrics.stateHeight + state.internal.length * metrics.line;
}

const rootOptions = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.cycleBreaking.strategy': 'MODEL_ORDER',
  'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
  'elk.layered.spacing.nodeNodeBetweenLayers': '36',
  'elk.layered.spacing.edgeNodeBetweenLayers': '14',
  'elk.spacing.nodeNode': '22',
  'elk.spacing.edgeNode': '14',
  'elk.spacing.edgeEdge': '10',
  'elk.spacing.edgeLabel': '3',
  'elk.edgeLabels.placement': 'CENTER',
  'elk.json.shapeCoords': 'ROOT',
  'elk.json.edgeCoords': 'ROOT',
  'elk.padding': '[top=8,left=8,bottom=8,right=8]',
};

/**
 * The room ELK keeps beside an edge: its label, and a line under it for the cause when a report
 * transition may mark it. The compact form keeps only the cause's line (the label is the
 * edge's tooltip), which halves its width; the overview's label is its causes, so it needs no
 * line for one.
 */
function labelSlot(edge: ChartEdge, form: ChartForm): ElkLabel[] {
  const noted = edge.markable && form !== 'overview';
  const note = noted ? metrics.noteChars * metrics.smallChar : 0;
  const lines = form === 'compact' ? [] : edge.labelLines;
  if (lines.length === 0 && !noted) return [];
  const width = Math.max(note, ...lines.map((line) => textWidth(line, metrics.smallChar)));
  const height = (lines.length + (noted ? 1 : 0)) * metrics.line + 2;
  return [{ text: edge.label, width: Math.ceil(width + 6), height }];
}

function elkGraph(graph: ChartGraph): ElkNode {
  const byParent = new Map<string | null, ChartState[]>();
  for (const state of graph.states) byParent.set(state.parent, [...(byParent.get(state.parent) ?? []), state]);
  const toElk = (state: ChartState): ElkNode => {
    const children = byParent.get(state.id) ?? [];
    if (children.length === 0) return { id: state.id, width: headerWidth(state), height: headerHeight(state) };
    const { padding } = metrics;
    return {
      id: state.id,
      children: children.map(toElk),
      layoutOptions: {
        'elk.padding': `[top=${headerHeight(state)},left=${padding},bottom=${padding},right=${padding}]`,
        'elk.nodeSize.constraints': 'MINIMUM_SIZE',
        'elk.nodeSize.minimum': `(${headerWidth(state)}, ${headerHeight(state) + padding})`,
      },
    };
  };
  const edges: ElkExtendedEdge[] = graph.edges.map((edge) => ({
    id: edge.id,
    sources: [edge.source],
    targets: [edge.target],
    labels: labelSlot(edge, graph.form),
  }));
  return { id: graph.machineId, layoutOptions: rootOptions, children: (byParent.get(null) ?? []).map(toElk), edges };
}

/** The section chain of an edge as one polyline, in root coordinates. */
function edgePoints(edge: ElkExtendedEdge): Point[] {
  const sections = edge.sections ?? [];
  const ordered: ElkEdgeSection[] = [];
  let section: ElkEdgeSection | undefined = sections.find((candidate) => !candidate.incomingSections?.length) ?? sections[0];
  while (section && !ordered.includes(section)) {
    ordered.push(section);
    const next: string | undefined = section.outgoingSections?.[0];
    section = sections.find((candidate) => candidate.id === next);
  }
  const points = ordered.flatMap((part) => [part.startPoint, ...(part.bendPoints ?? []), part.endPoint]);
  return points
    .filter((point, index) => index === 0 || point.x !== points[index - 1].x || point.y !== points[index - 1].y)
    .map(({ x, y }) => ({ x, y }));
}

function toLayout(graph: ChartGraph, laid: ElkNode): StatechartLayout {
  const states = new Map(graph.states.map((state) => [state.id, state]));
  const toNode = (node: ElkNode): LayoutNode => {
    const state = states.get(node.id)!;
    return {
      id: node.id,
      label: state.label,
      kind: state.kind,
      initial: state.initial,
      region: state.region,
      internal: state.internal,
      x: node.x ?? 0,
      y: node.y ?? 0,
      width: node.width ?? 0,
      height: node.height ?? 0,
      children: (node.children ?? []).map(toNode),
    };
  };
  const laidEdges = new Map<string, ElkExtendedEdge>();
  const collect = (node: ElkNode) => {
    for (const edge of node.edges ?? []) laidEdges.set(edge.id, edge);
    for (const child of node.children ?? []) collect(child);
  };
  collect(laid);
  const edges = graph.edges.map((edge): LayoutEdge => {
    const elkEdge = laidEdges.get(edge.id)!;
    const label = elkEdge.labels?.[0];
    return {
      ...edge,
      points: edgePoints(elkEdge),
      labelBox: { x: label?.x ?? 0, y: label?.y ?? 0, width: label?.width ?? 0, height: label?.height ?? 0 },
    };
  });
  return {
    machine: graph.machine,
    machineId: graph.machineId,
    form: graph.form,
    width: laid.width ?? 0,
    height: laid.height ?? 0,
    nodes: (laid.children ?? []).map(toNode),
    edges,
    internal: graph.internal,
  };
}

type Layouter = Pick<ELK, 'layout'>;

let elk: Promise<Layouter> | undefined;

/**
 * ELK is large: it loads with the first statechart, in its own chunk, not with the page. In a
 * browser it runs in a worker of its own (elk.worker.ts), so a layout never blocks the page;
 * where there are no workers (node, the tests) it runs in the caller's thread.
 */
function loadElk(): Promise<Layouter> {
  elk ??= typeof Worker === 'undefined' ? import('elkjs/lib/elk.bundled.js').then(({ default: Elk }) => new Elk()) : Promise.resolve(elkInWorker());
  return elk;
}

function elkInWorker(): Layouter {
  const worker = new Worker(new URL('./elk.worker.ts', import.meta.url), { type: 'module' });
  const waiting = new Map<number, { resolve: (laid: ElkNode) => void; reject: (error: Error) => void }>();
  let next = 0;
  worker.addEventListener('message', ({ data }: MessageEvent<LayoutAnswer>) => {
    const caller = waiting.get(data.id);
    waiting.delete(data.id);
    if ('laid' in data) caller?.resolve(data.laid);
    else caller?.reject(new Error(data.error));
  });
  return {
    layout: (graph: ElkNode) =>
      new Promise<ElkNode>((resolve, reject) => {
        next += 1;
        waiting.set(next, { resolve, reject });
        worker.postMessage({ id: next, graph } satisfies LayoutRequest);
      }),
  } as Layouter;
}

const layouts = new Map<string, Promise<StatechartLayout>>();
const settled = new Map<string, StatechartLayout>();
const keyOf = (machine: MachineName, form: ChartForm) => `${machine}:${form}`;

/** The laid-out statechart of a machine, computed on the first call and cached. */
export function layoutFor(machine: MachineName, form: ChartForm = 'full'): Promise<StatechartLayout> {
  const key = keyOf(machine, form);
  let layout = layouts.get(key);
  if (!layout) {
    const graph = chartGraph(machine, form);
    layout = loadElk()
      .then((engine) => engine.layout(elkGraph(graph)))
      .then((laid) => {
        const result = toLayout(graph, laid);
        settled.set(key, result);
        return result;
      });
    layout.catch(() => layouts.delete(key));
    layouts.set(key, layout);
  }
  return layout;
}

/** The layout if it is already computed, so that a chart can draw in its first render. */
export function cachedLayout(machine: MachineName, form: ChartForm = 'full'): StatechartLayout | undefined {
  return settled.get(keyOf(machine, form));
}

/** Every node of the layout, parents before their children. */
export function allNodes(layout: Pick<StatechartLayout, 'nodes'>): LayoutNode[] {
  const walk = (node: LayoutNode): LayoutNode[] => [node, ...node.children.flatMap(walk)];
  return layout.nodes.flatMap(walk);
}
