import { describe, expect, it } from 'vitest';
import { machineEdges, machineStates } from '../../src/coverage/machineGraph.ts';
import { accountMachine } from '../../src/machines/account.machine.ts';
import { appMachine } from '../../src/machines/app.machine.ts';
import { drawingOf, highlightedStates } from '../../src/ui/statechart/drawing.ts';
import { chartGraph, shortEvent } from '../../src/ui/statechart/graph.ts';
import { allNodes, type LayoutNode, layoutFor, type StatechartLayout } from '../../src/ui/statechart/layout.ts';
import { markedEdgeIds } from '../../src/ui/statechart/marking.ts';

const lifecycle = ['trial', 'active', 'expiredGrace', 'suspended', 'reclaimed'];

function expectPlaced(layout: StatechartLayout) {
  for (const node of allNodes(layout)) {
    for (const value of [node.x, node.y, node.width, node.height]) expect(Number.isFinite(value)).toBe(true);
    expect(node.width).toBeGreaterThan(0);
    expect(node.height).toBeGreaterThan(0);
  }
  for (const edge of layout.edges) {
    expect(edge.points.length, edge.keys.join()).toBeGreaterThanOrEqual(2);
    for (const point of edge.points) expect(Number.isFinite(point.x) && Number.isFinite(point.y)).toBe(true);
    expect(Number.isFinite(edge.labelBox.x) && Number.isFinite(edge.labelBox.y)).toBe(true);
  }
}

function expectChildrenInside(node: LayoutNode) {
  for (const child of node.children) {
    expect(child.x).toBeGreaterThanOrEqual(node.x);
    expect(child.y).toBeGreaterThanOrEqual(node.y);
    expect(child.x + child.width).toBeLessThanOrEqual(node.x + node.width);
    expect(child.y + child.height).toBeLessThanOrEqual(node.y + node.height);
    expectChildrenInside(child);
  }
}

describe('the statechart layout', () => {
  it('places every state of the app machine, the ids of machineStates, with finite coordinates', async () => {
    const layout = await layoutFor('app');
    expect(allNodes(layout).map((node) => node.id)).toEqual(machineStates(appMachine));
    expectPlaced(layout);
  });

  it('has the five lifecycle states at the top level, each compound state containing its children', async () => {
    const layout = await layoutFor('app');
    expect(layout.nodes.map((node) => node.label)).toEqual(lifecycle);
    expect(layout.nodes.map((node) => node.id)).toEqual(lifecycle.map((state) => `app.${state}`));
    for (const node of layout.nodes) expectChildrenInside(node);
    expect(layout.nodes.find((node) => node.label === 'expiredGrace')?.kind).toBe('parallel');
    expect(layout.nodes.find((node) => node.label === 'reclaimed')?.kind).toBe('final');
  });

  it('draws every transition that changes state, each from its source to its target', async () => {
    const layout = await layoutFor('app');
    const drawn = layout.edges.flatMap((edge) => edge.keys);
    const changing = machineEdges(appMachine).filter((edge) => edge.targets.length > 0);
    expect(drawn.sort()).toEqual(changing.map((edge) => edge.key).sort());
    const retry = layout.edges.find((edge) => edge.keys[0].includes('untilAutoRenewRetry [canAffordAutoRenewal]'));
    expect(retry).toMatchObject({
      source: 'app.expiredGrace.autoRenewal.waiting',
      target: 'app.active',
      labelLines: ['⏱ auto renew retry', '[canAffordAutoRenewal]'],
      causes: ['autoRenewal'],
    });
  });

  it('lists the transitions that change no state inside their state, and the machine-wide ones apart', async () => {
    const layout = await layoutFor('app');
    expect(layout.internal).toEqual(['SET_AUTO_RENEW', 'SET_TIMING']);
    const account = await layoutFor('account');
    expect(account.internal).toEqual(['RECEIVE', 'SET_TERMS']);
    expect(account.nodes[0].internal).toEqual(['PAY [balanceCovers]', 'CHARGE_BILL [balanceCovers]']);
  });

  it('lays out the account machine too', async () => {
    const layout = await layoutFor('account');
    expect(allNodes(layout).map((node) => node.id)).toEqual(machineStates(accountMachine));
    expect(layout.nodes.map((node) => node.label)).toEqual(['inGoodStanding', 'owing']);
    expectPlaced(layout);
    for (const node of layout.nodes) expectChildrenInside(node);
  });

  it('computes a layout once per machine and form', async () => {
    expect(layoutFor('app')).toBe(layoutFor('app'));
    expect(layoutFor('app', 'compact')).not.toBe(layoutFor('app'));
    expect(await layoutFor('app')).toBe(await layoutFor('app'));
  });
});

describe('the compact statechart', () => {
  it('hides the bookkeeping (warnings window, retries) and keeps the lifecycle and the suspension reasons', async () => {
    const layout = await layoutFor('app', 'compact');
    const ids = allNodes(layout).map((node) => node.id);
    expect(ids.filter((id) => /\.(checking|waiting|done|warnings|autoRenewal)$/.test(id))).toEqual([]);
    expect(layout.nodes.map((node) => node.label)).toEqual(lifecycle);
    expect(ids).toContain('app.suspended.lapsed');
    expect(ids).toContain('app.suspended.arrears.trial');
    expectPlaced(layout);
  });

  it('lifts the transitions of hidden states to the box that holds them, one edge per pair of boxes', async () => {
    const layout = await layoutFor('app', 'compact');
    const pairs = layout.edges.map((edge) => `${edge.source} → ${edge.target}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    const renewal = layout.edges.find((edge) => edge.source === 'app.expiredGrace' && edge.target === 'app.active');
    expect(renewal?.labelLines).toEqual(['PRO_PERIOD', '⏱ auto renew retry']);
    expect(layout.edges.some((edge) => edge.source === edge.target && edge.source === 'app.expiredGrace')).toBe(false);
  });

  it('hides only insides that decide by themselves: the account machine keeps inArrears and suspended', () => {
    expect(chartGraph('account', 'compact').states.map((state) => state.id)).toEqual(machineStates(accountMachine));
    expect(chartGraph('app', 'compact').states.map((state) => state.id)).toEqual(
      machineStates(appMachine).filter((id) => !/^app\.(active|expiredGrace)\./.test(id)),
    );
  });
});

describe('the overview statechart', () => {
  it('draws the five top-level states and one edge per pair of them that a transition links', () => {
    const graph = chartGraph('app', 'overview');
    expect(graph.states.map((state) => state.label)).toEqual(lifecycle);
    const pairs = graph.edges.map((edge) => `${edge.source} → ${edge.target}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    const linked = new Set(
      machineEdges(appMachine).flatMap((edge) =>
        edge.targets.map((target) => `app.${edge.source.split('.')[1]} → app.${target.split('.')[1]}`).filter((pair) => pair.split(' → ')[0] !== pair.split(' → ')[1]),
      ),
    );
    expect(new Set(pairs)).toEqual(linked);
  });

  it('labels each edge with the causes its transitions record, so the report\'s words are on the chart', () => {
    const graph = chartGraph('app', 'overview');
    const label = (from: string, to: string) => graph.edges.find((edge) => edge.source === `app.${from}` && edge.target === `app.${to}`)?.labelLines;
    expect(label('active', 'expiredGrace')).toEqual(['expiry']);
    expect(label('expiredGrace', 'suspended')).toContain('graceOver');
    expect(label('suspended', 'reclaimed')).toEqual(['retentionOver']);
    expect(label('suspended', 'active')).toContain('arrearsCleared');
  });

  it('marks the one edge of a report transition (X3: expiredGrace → suspended, graceOver)', async () => {
    const layout = await layoutFor('app', 'overview');
    const marked = markedEdgeIds('app', layout.edges, { from: 'expiredGrace', to: 'suspended', cause: 'graceOver' });
    expect(layout.edges.filter((edge) => marked.includes(edge.id)).map((edge) => [edge.source, edge.target])).toEqual([['app.expiredGrace', 'app.suspended']]);
    expectPlaced(layout);
  });
});

describe('marking the last transition', () => {
  const ids = (layout: StatechartLayout, found: string[]) =>
    layout.edges.filter((edge) => found.includes(edge.id)).map((edge) => edge.keys.join(' | '));

  it('marks the package-end edges for active → expiredGrace (expiry)', async () => {
    const layout = await layoutFor('app');
    const marked = markedEdgeIds('app', layout.edges, { from: 'active', to: 'expiredGrace', cause: 'expiry' });
    expect(ids(layout, marked)).toEqual([
      'app.active —after untilPackageEnd [autoRenewOn]→ app.expiredGrace',
      'app.active —after untilPackageEnd→ app.expiredGrace',
    ]);
  });

  it('tells apart the edges between the same top-level states by the cause the machine records', async () => {
    const layout = await layoutFor('app');
    const mark = (from: string, to: string, cause: string) => ids(layout, markedEdgeIds('app', layout.edges, { from, to, cause }));
    expect(mark('suspended', 'active', 'arrearsCleared')).toEqual(['app.suspended.arrears.active —ARREARS_CLEARED→ app.active']);
    expect(mark('suspended', 'active', 'purchase')).toEqual(['app.suspended.lapsed —PRO_PERIOD→ app.active']);
    expect(mark('expiredGrace', 'active', 'autoRenewal')).toEqual([
      'app.expiredGrace.autoRenewal.waiting —after untilAutoRenewRetry [canAffordAutoRenewal]→ app.active',
    ]);
    expect(mark('expiredGrace', 'active', 'renewal')).toEqual(['app.expiredGrace —PRO_PERIOD→ app.active']);
    expect(mark('trial', 'suspended', 'arrears')).toEqual(['app.trial —ARREARS_SUSPEND→ app.suspended.arrears.trial']);
    expect(mark('suspended', 'reclaimed', 'retentionOver')).toEqual(['app.suspended —after untilRetentionEnd→ app.reclaimed']);
    expect(mark('trial', 'reclaimed', 'retentionOver')).toEqual([]);
  });

  it('marks the lifted edge in the compact chart', async () => {
    const layout = await layoutFor('app', 'compact');
    const marked = markedEdgeIds('app', layout.edges, { from: 'expiredGrace', to: 'active', cause: 'autoRenewal' });
    expect(layout.edges.filter((edge) => marked.includes(edge.id)).map((edge) => [edge.source, edge.target])).toEqual([
      ['app.expiredGrace', 'app.active'],
    ]);
  });

  it('keeps a line under the label of every edge a transition can mark', async () => {
    const layout = await layoutFor('app');
    for (const edge of layout.edges) {
      const crosses = edge.source.split('.')[1] !== edge.target.split('.')[1];
      expect(edge.markable).toBe(crosses);
    }
  });
});

describe('drawing', () => {
  it('shortens timers: after untilPackageEnd → ⏱ package end', () => {
    expect(shortEvent('after untilPackageEnd')).toBe('⏱ package end');
    expect(shortEvent('after untilAutoRenewRetry')).toBe('⏱ auto renew retry');
    expect(shortEvent('PRO_PERIOD')).toBe('PRO_PERIOD');
  });

  it('highlights each drawn state that holds an active state, in the compact chart the box of a hidden one', async () => {
    const full = await layoutFor('app');
    const active = ['app.expiredGrace', 'app.expiredGrace.autoRenewal', 'app.expiredGrace.autoRenewal.waiting'];
    expect([...highlightedStates(full, active)]).toEqual(active);
    const compact = await layoutFor('app', 'compact');
    expect([...highlightedStates(compact, ['app.active.warnings'])]).toEqual(['app.active']);
  });

  it('computes the geometry once per layout, with an arrowhead at the end of every edge', async () => {
    const layout = await layoutFor('app');
    const drawing = drawingOf(layout);
    expect(drawingOf(layout)).toBe(drawing);
    for (const edge of drawing.edges) {
      const corners = edge.arrow.split(' ').map((pair) => pair.split(',').map(Number));
      expect(corners).toHaveLength(3);
      const end = edge.edge.points[edge.edge.points.length - 1];
      expect(corners[0][0]).toBeCloseTo(end.x, 0);
      expect(corners[0][1]).toBeCloseTo(end.y, 0);
    }
    expect(drawing.states.filter((state) => state.depth === 0).map((state) => state.lifecycle)).toEqual(lifecycle);
  });
});
