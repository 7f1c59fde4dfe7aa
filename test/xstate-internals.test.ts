/**
 * A canary for how XState's machine logic talks to the actor around it, which imsim's own actor
 * relies on (XState is pinned to one exact version in package.json because of it): a machine's
 * timers are asked of the scheduler of its scope's system, by their event type, which a resumed
 * run re-arms by (sim/machineActor.ts, sim/rearm.ts); its microsteps go to the system's
 * `_sendInspectionEvent` with their `_transitions`, which coverage reads (coverage/coverage.ts).
 * If an upgrade changes them, this fails first and says which, before the resume, coverage and
 * report tests fail in less obvious ways.
 */
import { createMachine, type InspectionEvent } from 'xstate';
import { describe, expect, it } from 'vitest';
import { MachineActor, type MachineSystem, machineSystem } from '../src/sim/machineActor.ts';
import { VirtualClock } from '../src/sim/virtualClock.ts';

const machine = createMachine({
  id: 'canary',
  initial: 'idle',
  states: {
    idle: { on: { GO: 'waiting' } },
    waiting: { after: { 1000: 'done' }, on: { SKIP: 'done' } },
    done: { type: 'final' },
  },
});

describe('the XState internals imsim reads (pinned version)', () => {
  it('a delayed transition asks the scope\'s system.scheduler for its timer, by its event type, and cancels it by the same id (sim/machineActor.ts, sim/rearm.ts)', () => {
    const calls: unknown[][] = [];
    const system: MachineSystem = {
      ...machineSystem(),
      scheduler: {
        schedule: (source, target, event, delay, id) => void calls.push([source === target, event.type, delay, id]),
        cancel: (_, id) => void calls.push(['cancel', id]),
      },
    };
    const actor = new MachineActor(machine, { clock: new VirtualClock(0).timersFor(1), system, listener: { emitted: () => {}, snapshot: () => {} } }).start();
    actor.send({ type: 'GO' });
    const eventType = machine.root.states.waiting.after[0].eventType;
    expect(calls, 'the delayed transition did not reach system.scheduler.schedule(self, self, event, delay, id)').toEqual([[true, eventType, 1000, eventType]]);
    actor.send({ type: 'SKIP' });
    expect(calls.at(-1), 'leaving the state did not cancel its timer by the same id').toEqual(['cancel', eventType]);
  });

  it('a microstep inspection event reaches the system\'s _sendInspectionEvent and carries _transitions with source, eventType and target (sim/machineActor.ts, coverage/coverage.ts)', () => {
    const microsteps: InspectionEvent[] = [];
    const system = machineSystem((event) => void (event.type === '@xstate.microstep' && microsteps.push(event)));
    const actor = new MachineActor(machine, { clock: new VirtualClock(0).timersFor(1), system, listener: { emitted: () => {}, snapshot: () => {} } }).start();
    actor.send({ type: 'GO' });
    const transitions = (microsteps[0] as unknown as { _transitions: { source: { id: string }; eventType: string; target?: { id: string }[] }[] })._transitions;
    expect(transitions.map((t) => [t.source.id, t.eventType, t.target?.map((target) => target.id)])).toEqual([['canary.idle', 'GO', ['canary.waiting']]]);
  });
});
