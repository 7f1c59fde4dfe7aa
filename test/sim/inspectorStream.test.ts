/**
 * The visualizer's Stately Inspector button streams a run's trace to @statelyai/inspect. The
 * inspector tells actors apart by their session id and draws each from its machine's definition;
 * this checks what it receives from a traced run, through its own conversion, offline.
 */
import { readFileSync } from 'node:fs';
import { createInspector, type StatelyInspectionEvent } from '@statelyai/inspect';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/load.ts';
import { simulate } from '../../src/sim/simulate.ts';

describe('a traced run streamed to the Stately Inspector', () => {
  it('announces each app and account as an actor of its own, with its machine, before its events and snapshots', async () => {
    const file = 'scenarios/auto-renew.yaml';
    const scenario = parseScenario(readFileSync(file, 'utf8'), file);
    const received: StatelyInspectionEvent[] = [];
    const inspector = createInspector({ send: (event) => void received.push(event as StatelyInspectionEvent), start: () => {}, stop: () => {} });
    simulate(scenario, scenario.policy, { trace: (_machine, event) => inspector.inspect.next?.(event) });
    await new Promise((resolve) => setTimeout(resolve, 50));

    const actors = received.filter((event) => event.type === '@xstate.actor');
    const apps = scenario.accounts.flatMap((account) => account.apps);
    expect(actors.map((actor) => actor.name).sort()).toEqual([...scenario.accounts.map(() => 'account'), ...apps.map(() => 'app')].sort());
    const sessions = new Set(actors.map((actor) => actor.sessionId));
    expect(sessions.size).toBe(actors.length);
    expect(actors.every((actor) => typeof actor.definition === 'string' && JSON.parse(actor.definition).id === actor.name)).toBe(true);

    const snapshots = received.filter((event) => event.type === '@xstate.snapshot');
    expect(snapshots.length).toBeGreaterThan(actors.length);
    expect(received.filter((event) => event.type !== '@xstate.actor').every((event) => sessions.has(event.sessionId))).toBe(true);
    expect(snapshots.every((event) => 'value' in (event.snapshot as object))).toBe(true);
  });
});
