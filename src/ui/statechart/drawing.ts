/**
 * The SVG geometry of a laid-out statechart: path strings, arrowheads, text positions. It
 * depends on the layout only, so it is computed once per layout; what changes from one instant
 * to the next (the active states, the marked transition) is only classes.
 */
import type { ChartForm } from './graph.ts';
import { allNodes, type Box, type LayoutEdge, type LayoutNode, metrics, type Point, type StatechartLayout } from './layout.ts';

export interface DrawnState {
  node: LayoutNode;
  /** The top-level state it belongs to (`active` for `app.active.warnings`): its lifecycle colour. */
  lifecycle: string;
  depth: number;
  labelAt: Point;
  internalAt: Point[];
}

export interface DrawnEdge {
  edge: LayoutEdge;
  polyline: string;
  arrow: string;
  /** The label's lines (none in the compact form, where the label is the tooltip). */
  labelLines: { text: string; at: Point }[];
  /** The label's background: its lines, without the line kept for a cause. */
  labelBox: Box;
  /** Where the cause of a marked transition goes: the line ELK kept under the label. */
  noteAt: Point;
}

export interface Drawing {
  width: number;
  height: number;
  states: DrawnState[];
  edges: DrawnEdge[];
  /** Machine-wide transitions that change no state, written under the chart. */
  footer?: { text: string; at: Point };
}

const arrowLength = 8;
const arrowHalfWidth = 4;

function arrowhead(points: Point[]): string {
  const tip = points[points.length - 1];
  const from = points[points.length - 2] ?? tip;
  const length = Math.hypot(tip.x - from.x, tip.y - from.y) || 1;
  const dx = (tip.x - from.x) / length;
  const dy = (tip.y - from.y) / length;
  const baseX = tip.x - dx * arrowLength;
  const baseY = tip.y - dy * arrowLength;
  const corners = [
    tip,
    { x: baseX - dy * arrowHalfWidth, y: baseY + dx * arrowHalfWidth },
    { x: baseX + dy * arrowHalfWidth, y: baseY - dx * arrowHalfWidth },
  ];
  return corners.map(({ x, y }) => `${round(x)},${round(y)}`).join(' ');
}

const round = (value: number) => Math.round(value * 10) / 10;

function drawState(node: LayoutNode, lifecycle: string, depth: number): DrawnState {
  const left = node.x + metrics.padding + (node.initial ? metrics.initialMark : 0);
  return {
    node,
    lifecycle,
    depth,
    labelAt: { x: left, y: node.y + metrics.stateHeight / 2 + metrics.stateFont * 0.35 },
    internalAt: node.internal.map((_, index) => ({
      x: node.x + metrics.padding,
      y: node.y + metrics.stateHeight + index * metrics.line + 4,
    })),
  };
}

function drawEdge(edge: LayoutEdge, form: ChartForm): DrawnEdge {
  const box = edge.labelBox;
  const lines = form === 'compact' ? [] : edge.labelLines;
  return {
    edge,
    polyline: edge.points.map(({ x, y }) => `${round(x)},${round(y)}`).join(' '),
    arrow: arrowhead(edge.points),
    labelLines: lines.map((text, index) => ({
      text,
      at: { x: box.x + 3, y: box.y + (index + 1) * metrics.line - 2 },
    })),
    labelBox: { ...box, height: lines.length * metrics.line + 2 },
    noteAt: { x: box.x + 3, y: box.y + (lines.length + 1) * metrics.line - 1 },
  };
}

const drawings = new WeakMap<StatechartLayout, Drawing>();

export function drawingOf(layout: StatechartLayout): Drawing {
  const cached = drawings.get(layout);
  if (cached) return cached;
  const states: DrawnState[] = [];
  const visit = (node: LayoutNode, lifecycle: string, depth: number) => {
    states.push(drawState(node, lifecycle, depth));
    for (const child of node.children) visit(child, lifecycle, depth + 1);
  };
  for (const node of layout.nodes) visit(node, node.label, 0);
  const footerText = layout.internal.length > 0 ? `in every state: ${layout.internal.join(', ')}` : undefined;
  const drawing: Drawing = {
    width: Math.ceil(layout.width),
    height: Math.ceil(layout.height + (footerText ? metrics.line + 4 : 0)),
    states,
    edges: layout.edges.map((edge) => drawEdge(edge, layout.form)),
    ...(footerText ? { footer: { text: footerText, at: { x: 8, y: layout.height + metrics.line - 2 } } } : {}),
  };
  drawings.set(layout, drawing);
  return drawing;
}

/** The drawn states that hold one of the active state ids (a state holds itself and its descendants). */
export function highlightedStates(layout: StatechartLayout, active: readonly string[]): Set<string> {
  const held = new Set<string>();
  for (const node of allNodes(layout)) {
    if (active.some((id) => id === node.id || id.startsWith(`${node.id}.`))) held.add(node.id);
  }
  return held;
}
