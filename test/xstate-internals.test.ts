/**
 * A canary for the XState internals imsim reads (XState is pinned to one exact version in
 * package.json because of them): a resumed run re-arms its timers from `snapshot._nodes` and
 * `system.scheduler` (sim/rearm.ts), and coverage reads the transitions of a microstep from
 * `_transitions` (coverage/coverage.ts). If an upgrade changes them, this fails first and says
 * which, before the resume and coverage tests fail in less obvious ways.
 */
import { createActor, createMachine, type InspectionEvent } from 'xstate';
import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../src/sim/virtualClock.ts';

const machine = createMachine({
  id: 'canary',
  initial: 'idle',
  states: {
    idle: { on: { GO: 'waiting' } },
    waiting: { after: { 1000: 'done' } },
    done: { type: 'final' },
  },
});

describe('the XState internals imsim reads (pinned version)', () => {
  it('snapshot._nodes lists the active state nodes with their document order and delayed transitions (sim/rearm.ts)', () => {
    const actor = createActor(machine, { clock: new VirtualClock(0).timersFor(1) }).start();
    actor.send({ type: 'GO' });
    const nodes = (actor.getSnapshot() as unknown as { _nodes: { id: string; order: number; after: { delay: unknown; eventType: string }[] }[] })._nodes;
    expect(Array.isArray(nodes), 'snapshot._nodes is no longer an array').toBe(true);
    const waiting = nodes.find((node) => node.id === 'canary.waiting');
    expect(typeof waiting?.order, 'a state node has no numeric `order`').toBe('number');
    expect(waiting?.after.map((transition) => [transition.delay, typeof transition.eventType])).toEqual([[1000, 'string']]);
  });

  it('system.scheduler.schedule delivers an event through the actor clock (sim/rearm.ts)', () => {
    const clock = new VirtualClock(0);
    const actor = createActor(machine, { clock: clock.timersFor(1) }).start();
    actor.send({ type: 'GO' });
    const scheduler = (actor.system as unknown as { scheduler?: { schedule?: unknown } }).scheduler;
    expect(typeof scheduler?.schedule, 'actor.system.scheduler.schedule is gone').toBe('function');
    const eventType = (actor.getSnapshot() as unknown as { _nodes: { after: { eventType: string }[] }[] })._nodes.flatMap((n) => n.after)[0].eventType;
    actor.system.scheduler.schedule(actor, actor, { type: eventType }, 10, 'canary');
    clock.runUntil(11);
    expect(actor.getSnapshot().value).toBe('done');
  });

  it('a microstep inspection event carries _transitions with source, eventType and target (coverage/coverage.ts)', () => {
    const microsteps: InspectionEvent[] = [];
    const actor = createActor(machine, { inspect: (event) => void (event.type === '@xstate.microstep' && microsteps.push(event)) }).start();
    actor.send({ type: 'GO' });
    const transitions = (microsteps[0] as unknown as { _transitions: { source: { id: string }; eventType: string; target?: { id: string }[] }[] })._transitions;
    expect(transitions.map((t) => [t.source.id, t.eventType, t.target?.map((target) => target.id)])).toEqual([['canary.idle', 'GO', ['canary.waiting']]]);
  });
});
