/**
 * The engine's actor around an XState machine does what XState's own actor does, step for step:
 * the same snapshots, emitted events and timers, for random scripts of events and clock advances
 * over a machine with every feature ours use (delays named and numeric, guarded and re-entering
 * delayed transitions, eventless transitions, parallel regions, exit actions, a final state, and
 * an event sent to the actor while it is in the middle of a step), with its steps taken by XState
 * and with them replayed from a memo once taken (transitionMemo.ts).
 */
import seedrandom from 'seedrandom';
import { assign, createActor, emit, type InspectionEvent, setup } from 'xstate';
import { describe, expect, it, vi } from 'vitest';
import { MachineActor, machineSystem } from '../../src/sim/machineActor.ts';
import { TransitionMemo } from '../../src/sim/transitionMemo.ts';
import { VirtualClock } from '../../src/sim/virtualClock.ts';

type Emitted = { type: 'bumped'; n: number } | { type: 'left' };
type Event = { type: 'GO' } | { type: 'BUMP' } | { type: 'PING' } | { type: 'END' };
type Args = { context: { n: number }; event: Event };

const parts = {
  context: () => ({ n: 0 }),
  copy: (context: { n: number }) => ({ n: context.n }),
  guards: { even: ({ context }: Args) => context.n % 2 === 0 },
  assignments: { bump: ({ context }: Args) => ({ n: context.n + 1 }) },
  emits: { tell: ({ context }: Args): Emitted => ({ type: 'bumped', n: context.n }), leave: (): Emitted => ({ type: 'left' }) },
  delays: { later: ({ context }: Args) => 1000 * ((context.n % 3) + 1) },
};

const machine = setup({
  types: {
    context: {} as { n: number },
    events: {} as Event,
    emitted: {} as Emitted,
  },
  actions: { bump: assign(parts.assignments.bump), tell: emit(parts.emits.tell), leave: emit(parts.emits.leave) },
  guards: parts.guards,
  delays: parts.delays,
}).createMachine({
  context: parts.context,
  initial: 'idle',
  states: {
    idle: { on: { GO: 'busy' }, after: { 5000: 'busy' } },
    busy: {
      type: 'parallel',
      exit: 'leave',
      states: {
        a: {
          initial: 'x',
          states: {
            x: {
              after: {
                later: [
                  { guard: 'even', target: 'y', actions: ['bump', 'tell'] },
                  { target: 'x', reenter: true, actions: 'bump' },
                ],
              },
            },
            y: { always: { guard: 'even', target: 'x' }, on: { BUMP: { target: 'x', actions: 'bump' } } },
          },
        },
        b: { on: { BUMP: { actions: ['bump', 'tell'] } } },
      },
      on: { PING: { target: 'busy', reenter: true }, END: 'done' },
      after: { 20000: 'done' },
    },
    done: { type: 'final' },
  },
});

type Step = { send: 'GO' | 'BUMP' | 'PING' | 'END' } | { advance: number };

function script(seed: string): Step[] {
  const random = seedrandom(seed);
  const events = ['GO', 'BUMP', 'BUMP', 'PING', 'END'] as const;
  return Array.from({ length: 40 }, () =>
    random() < 0.5 ? { send: events[Math.floor(random() * (random() < 0.9 ? 4 : 5))] } : { advance: Math.floor(random() * 6000) },
  );
}

/** What an actor did, as `[instant, what, …]`; a `bumped` to 3 sends PING back to the actor mid-step. */
type Log = unknown[][];

function playXState(steps: Step[]): Log {
  const clock = new VirtualClock(0);
  const log: Log = [];
  const actor = createActor(machine, { clock: clock.timersFor(1) });
  actor.on('*', (event) => {
    log.push([clock.now(), 'emitted', event]);
    if (event.type === 'bumped' && event.n === 3) actor.send({ type: 'PING' });
  });
  actor.subscribe((snapshot) => log.push([clock.now(), snapshot.status, snapshot.value, snapshot.context.n]));
  actor.start();
  play(steps, clock, (type) => actor.getSnapshot().status === 'active' && actor.send({ type }));
  return log;
}

function playEngine(steps: Step[], memo?: TransitionMemo): Log {
  const clock = new VirtualClock(0);
  const log: Log = [];
  const actor: MachineActor<typeof machine> = new MachineActor(memo ? (memo.machine as typeof machine) : machine, {
    clock: clock.timersFor(1),
    system: machineSystem(),
    memo,
    listener: {
      emitted: (event) => {
        log.push([clock.now(), 'emitted', event]);
        if (event.type === 'bumped' && event.n === 3) actor.send({ type: 'PING' });
      },
      snapshot: () => {
        const snapshot = actor.getSnapshot();
        log.push([clock.now(), snapshot.status, snapshot.value, snapshot.context.n]);
      },
    },
  });
  actor.start();
  play(steps, clock, (type) => actor.send({ type }));
  return log;
}

function play(steps: Step[], clock: VirtualClock, send: (type: 'GO' | 'BUMP' | 'PING' | 'END') => unknown): void {
  for (const step of steps) {
    if ('send' in step) send(step.send);
    else clock.runUntil(clock.now() + step.advance);
  }
  clock.runUntil(clock.now() + 60_000);
}

describe('MachineActor', () => {
  it('does what XState’s actor does for 200 random scripts of events and clock advances', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const steps = script(String(seed));
      expect(playEngine(steps), `seed ${seed}`).toEqual(playXState(steps));
    }
  });

  it('does what XState’s actor does for the same scripts when it replays the steps taken before', () => {
    const memo = new TransitionMemo(machine, parts);
    const taken = vi.spyOn(memo.machine, 'transition');
    let steps = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const script_ = script(String(seed));
      const log = playEngine(script_, memo);
      steps += log.length;
      expect(log, `seed ${seed}`).toEqual(playXState(script_));
    }
    expect(taken.mock.calls.length).toBeLessThan(steps / 10);
  });

  it('reaches the final state, cancels its timers and takes no event after it', () => {
    const steps: Step[] = [{ send: 'GO' }, { send: 'END' }, { send: 'GO' }];
    const log = playEngine(steps);
    expect(log.at(-1)).toEqual([0, 'done', 'done', 0]);
    expect(log.filter((entry) => entry[1] === 'done')).toHaveLength(1);
  });

  it('shows a trace the inspection events XState’s actor shows: events, actions, microsteps with their transitions, snapshots', () => {
    const shown = (event: InspectionEvent) => (event.type === '@xstate.microstep' ? `microstep ${event._transitions.length}` : event.type);
    const engine: string[] = [];
    const engineActor = new MachineActor(machine, {
      clock: new VirtualClock(0).timersFor(1),
      system: machineSystem((event) => engine.push(shown(event))),
      listener: { emitted: () => {}, snapshot: () => {} },
    });
    const xstate: string[] = [];
    const xstateActor = createActor(machine, { clock: new VirtualClock(0).timersFor(1), inspect: (event) => void xstate.push(shown(event)) });
    for (const actor of [engineActor, xstateActor]) {
      actor.start();
      actor.send({ type: 'GO' });
      actor.send({ type: 'BUMP' });
    }
    expect(engine).toContain('microstep 1');
    expect(engine).toEqual(xstate);
  });
});
