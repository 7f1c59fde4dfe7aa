/**
 * The statechart of the app or account machine, laid out by ELK from the machine definition,
 * with the states the app is in highlighted and the last transition marked with its cause.
 *
 * The layout is computed once per machine (module cache); the SVG of each state and each edge
 * is a memoized component, so a new instant re-renders only the boxes and edges whose class
 * changes.
 */
import type { JSX } from 'preact';
import { memo } from 'preact/compat';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { type DrawnEdge, type DrawnState, drawingOf, highlightedStates } from './drawing.ts';
import type { ChartForm, MachineName } from './graph.ts';
import { cachedLayout, layoutFor, metrics, type StatechartLayout } from './layout.ts';
import { markedEdgeIds } from './marking.ts';
import './Statechart.css';

export type { ChartForm, MachineName } from './graph.ts';
export type { Box, LayoutEdge, LayoutNode, Point, StatechartLayout } from './layout.ts';
export { allNodes, layoutFor } from './layout.ts';
export { markedEdgeIds } from './marking.ts';

export interface LastTransition {
  /** Top-level states, as in the report: `active` → `expiredGrace`. */
  from: string;
  to: string;
  cause: string;
  /** ISO 8601 instant with its offset. */
  at: string;
}

export interface StatechartProps {
  machine: MachineName;
  /** State ids the actor is in: `app.suspended`, `app.suspended.arrears`, `app.suspended.arrears.trial`. */
  active: readonly string[];
  lastTransition?: LastTransition;
  /** How much of the machine to draw (graph.ts): the whole of it unless told. */
  form?: ChartForm;
}

function useLayout(machine: MachineName, form: ChartForm) {
  const [state, setState] = useState<{ layout?: StatechartLayout; error?: string }>(() => ({
    layout: cachedLayout(machine, form),
  }));
  useEffect(() => {
    // Laid out between the render and this effect (another chart asked first): draw it now, or
    // nothing would render the chart again until something else changed.
    const settled = cachedLayout(machine, form);
    if (settled) {
      setState((previous) => (previous.layout === settled ? previous : { layout: settled }));
      return;
    }
    let current = true;
    layoutFor(machine, form).then(
      (layout) => current && setState({ layout }),
      (error: unknown) => current && setState({ error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, [machine, form]);
  const cached = cachedLayout(machine, form);
  const laid = state.layout?.machine === machine && state.layout.form === form ? state.layout : undefined;
  return { layout: cached ?? laid, error: cached ? undefined : state.error };
}

const StateBox = memo(function StateBox({ drawn, active }: { drawn: DrawnState; active: boolean }) {
  const { node } = drawn;
  const classes = [
    'sc-state',
    `sc-state--${node.kind}`,
    `sc-life--${drawn.lifecycle}`,
    node.children.length > 0 ? 'sc-state--container' : 'sc-state--leaf',
    node.region ? 'sc-state--region' : '',
    drawn.depth === 0 ? 'sc-state--top' : '',
    active ? 'is-active' : '',
  ];
  return (
    <g class={classes.filter(Boolean).join(' ')} data-state={node.id}>
      <title>{node.id}</title>
      <rect class="sc-state__box" x={node.x} y={node.y} width={node.width} height={node.height} rx={6} ry={6} />
      {node.kind === 'final' && (
        <rect
          class="sc-state__final"
          x={node.x + 3}
          y={node.y + 3}
          width={node.width - 6}
          height={node.height - 6}
          rx={4}
          ry={4}
        />
      )}
      {node.initial && <circle class="sc-state__initial" cx={node.x + 9} cy={drawn.labelAt.y - 4} r={3} />}
      <text class="sc-state__label" x={drawn.labelAt.x} y={drawn.labelAt.y}>
        {node.label}
      </text>
      {node.internal.map((line, index) => (
        <text key={line} class="sc-state__internal" x={drawn.internalAt[index].x} y={drawn.internalAt[index].y}>
          {line}
        </text>
      ))}
    </g>
  );
});

const EdgeLine = memo(function EdgeLine({ drawn, marked }: { drawn: DrawnEdge; marked: boolean }) {
  return (
    <g class={marked ? 'sc-edge is-marked' : 'sc-edge'} data-edge={drawn.edge.id}>
      <title>{[drawn.edge.label, ...drawn.edge.keys].join('\n')}</title>
      <polyline class="sc-edge__hit" points={drawn.polyline} />
      <polyline class="sc-edge__line" points={drawn.polyline} />
      <polygon class="sc-edge__arrow" points={drawn.arrow} />
    </g>
  );
});

/** An edge's label; on a marked overview edge the line of the transition's cause stands out. */
const EdgeLabel = memo(function EdgeLabel({ drawn, marked, cause }: { drawn: DrawnEdge; marked: boolean; cause?: string }) {
  if (drawn.labelLines.length === 0) return null;
  const box = drawn.labelBox;
  return (
    <g class={marked ? 'sc-label is-marked' : 'sc-label'}>
      <rect class="sc-label__box" x={box.x} y={box.y} width={box.width} height={box.height} rx={3} ry={3} />
      {drawn.labelLines.map((line) => (
        <text key={line.text} class={line.text === cause ? 'sc-label__text is-cause' : 'sc-label__text'} x={line.at.x} y={line.at.y}>
          {line.text}
        </text>
      ))}
    </g>
  );
});

/** `2020-04-16T00:00:00+08:00` → `2020-04-16 00:00`. */
function shortInstant(at: string): string {
  return at.slice(0, 16).replace('T', ' ');
}

/** The cause, in the line ELK kept under the label; the instant in its tooltip. */
function CauseNote({ drawn, transition }: { drawn: DrawnEdge; transition: LastTransition }) {
  const text = transition.cause;
  const width = Math.min([...text].length * metrics.smallChar + 8, drawn.edge.labelBox.width + 2);
  return (
    <g class="sc-cause">
      <title>{`${transition.from} → ${transition.to}: ${transition.cause} at ${shortInstant(transition.at)}`}</title>
      <rect class="sc-cause__box" x={drawn.noteAt.x - 4} y={drawn.noteAt.y - 10} width={width} height={13} rx={6} ry={6} />
      <text class="sc-cause__text" x={drawn.noteAt.x} y={drawn.noteAt.y}>
        {text}
      </text>
    </g>
  );
}

export function Statechart(props: StatechartProps): JSX.Element {
  const { machine, active, lastTransition, form = 'full' } = props;
  const { layout, error } = useLayout(machine, form);
  const drawing = useMemo(() => (layout ? drawingOf(layout) : undefined), [layout]);
  const classes = `statechart statechart--${machine} statechart--${form}`;
  if (!layout || !drawing) {
    return (
      <div class={`${classes} statechart--pending`} role="status">
        {error ? `The statechart could not be laid out: ${error}` : 'Laying out the statechart…'}
      </div>
    );
  }
  const held = highlightedStates(layout, active);
  const marked = new Set(lastTransition ? markedEdgeIds(layout.machineId, layout.edges, lastTransition) : []);
  const current = drawing.states.filter((drawn) => drawn.depth === 0 && held.has(drawn.node.id)).map((drawn) => drawn.node.label);
  const markedEdges = drawing.edges.filter((drawn) => marked.has(drawn.edge.id));
  return (
    <div class={classes}>
      <svg
        class="statechart__svg"
        viewBox={`0 0 ${drawing.width} ${drawing.height}`}
        width={drawing.width}
        height={drawing.height}
        role="img"
        aria-label={`${machine} statechart${current.length > 0 ? `, in ${current.join(', ')}` : ''}`}
      >
        <g class="sc-states">
          {drawing.states.map((drawn) => (
            <StateBox key={drawn.node.id} drawn={drawn} active={held.has(drawn.node.id)} />
          ))}
        </g>
        <g class="sc-edges">
          {drawing.edges.map((drawn) => (
            <EdgeLine key={drawn.edge.id} drawn={drawn} marked={marked.has(drawn.edge.id)} />
          ))}
        </g>
        <g class="sc-labels">
          {drawing.edges.map((drawn) => (
            <EdgeLabel key={drawn.edge.id} drawn={drawn} marked={marked.has(drawn.edge.id)} />
          ))}
        </g>
        {lastTransition && markedEdges.length > 0 && (
          <g class="sc-marked">
            {markedEdges.map((drawn) => (
              <EdgeLine key={drawn.edge.id} drawn={drawn} marked />
            ))}
            {markedEdges.map((drawn) => (
              <EdgeLabel key={drawn.edge.id} drawn={drawn} marked cause={lastTransition.cause} />
            ))}
            {form !== 'overview' &&
              markedEdges.map((drawn) => <CauseNote key={drawn.edge.id} drawn={drawn} transition={lastTransition} />)}
          </g>
        )}
        {drawing.footer && (
          <text class="sc-footer" x={drawing.footer.at.x} y={drawing.footer.at.y}>
            {drawing.footer.text}
          </text>
        )}
      </svg>
    </div>
  );
}
