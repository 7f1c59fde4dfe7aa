/**
 * A run replays the machines' steps once XState has taken them (sim/transitionMemo.ts), and a
 * run with a trace has XState take every step, as the trace shows each one. The two give the
 * same report, byte for byte, for every bundled scenario and for the 1,000-app fleet. And the
 * memo itself, on a counter: what it replays, what it sends back to XState, what it never keeps.
 */
import { assign, emit, raise, setup } from 'xstate';
import { describe, expect, it, vi } from 'vitest';
import { renderJson } from '../../src/report/json.ts';
import { scenarioFiles } from '../../src/regression/scenarioFiles.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { MachineActor, machineSystem } from '../../src/sim/machineActor.ts';
import { simulate } from '../../src/sim/simulate.ts';
import { TransitionMemo } from '../../src/sim/transitionMemo.ts';
import { VirtualClock } from '../../src/sim/virtualClock.ts';

const files = [...scenarioFiles('scenarios'), 'scenarios/large/fleet-1000.yaml'];

describe.each(files)('%s', (file) => {
  it('reports with steps replayed what it reports with every step taken by XState', () => {
    const scenario = loadScenario(file);
    const traced: unknown[] = [];
    const byXState = renderJson(simulate(scenario, scenario.policy, { trace: (_, event) => traced.push(event.type) }));
    expect(traced.length).toBeGreaterThan(0);
    expect(renderJson(simulate(scenario))).toBe(byXState);
  });
});

type Args = { context: { n: number }; event: { type: 'INC' } };
const parts = {
  context: () => ({ n: 0 }),
  copy: (context: { n: number }) => ({ n: context.n }),
  guards: { small: ({ context }: Args) => context.n < 2 },
  assignments: { bump: ({ context }: Args) => ({ n: context.n + 1 }) },
  emits: { told: ({ context }: Args) => ({ type: 'bumped' as const, n: context.n }) },
  delays: {},
};
const counter = setup({
  types: { context: {} as { n: number }, events: {} as { type: 'INC' }, emitted: {} as { type: 'bumped'; n: number } },
  guards: parts.guards,
  actions: { bump: assign(parts.assignments.bump), told: emit(parts.emits.told) },
}).createMachine({
  context: parts.context,
  initial: 'counting',
  states: {
    counting: { on: { INC: [{ guard: 'small', actions: ['bump', 'told'] }, { target: 'end' }] } },
    end: { type: 'final' },
  },
});

function counterActor(memo: TransitionMemo, emitted: unknown[] = []) {
  const actor = new MachineActor(memo.machine as typeof counter, {
    clock: new VirtualClock(0).timersFor(1),
    system: machineSystem(),
    memo,
    listener: { emitted: (event) => void emitted.push(event), snapshot: () => {} },
  });
  return actor.start();
}

describe('TransitionMemo', () => {
  it('has XState take a step once from a state on an event, then replays it while the guards answer as before', () => {
    const memo = new TransitionMemo(counter, parts);
    const taken = vi.spyOn(memo.machine, 'transition');
    const emitted: unknown[] = [];
    const actor = counterActor(memo, emitted);
    actor.send({ type: 'INC' });
    actor.send({ type: 'INC' });
    expect(taken).toHaveBeenCalledTimes(1);
    expect(actor.context).toEqual({ n: 2 });
    expect(emitted).toEqual([
      { type: 'bumped', n: 1 },
      { type: 'bumped', n: 2 },
    ]);
  });

  it('sends a step whose guard answers otherwise than recorded to XState', () => {
    const memo = new TransitionMemo(counter, parts);
    const taken = vi.spyOn(memo.machine, 'transition');
    const actor = counterActor(memo);
    for (let sent = 0; sent < 3; sent++) actor.send({ type: 'INC' });
    expect(taken).toHaveBeenCalledTimes(2);
    expect(actor.getSnapshot().status).toBe('done');
  });

  it('replays a step that ends the machine, which then takes no event', () => {
    const memo = new TransitionMemo(counter, parts);
    const taken = vi.spyOn(memo.machine, 'transition');
    for (let actors = 0; actors < 2; actors++) {
      const actor = counterActor(memo);
      for (let sent = 0; sent < 4; sent++) actor.send({ type: 'INC' });
      expect([actor.value, actor.getSnapshot().status]).toEqual(['end', 'done']);
    }
    expect(taken).toHaveBeenCalledTimes(2);
  });

  it('starts a new actor where XState started the one before it, with the context its input makes', () => {
    const memo = new TransitionMemo(counter, parts);
    const started = vi.spyOn(memo.machine, 'getInitialSnapshot');
    const actors = [counterActor(memo), counterActor(memo)];
    actors[1].send({ type: 'INC' });
    expect(started).toHaveBeenCalledTimes(1);
    expect(actors.map((actor) => [actor.value, actor.context])).toEqual([
      ['counting', { n: 0 }],
      ['counting', { n: 1 }],
    ]);
    expect(actors[0].getSnapshot()).toMatchObject({ status: 'active', value: 'counting', context: { n: 0 } });
  });

  it('refuses a machine that acts or guards in a step other than through its parts', () => {
    const inline = setup({ types: { context: {} as { n: number }, events: {} as { type: 'INC' } }, guards: parts.guards }).createMachine({
      context: parts.context,
      initial: 'counting',
      states: { counting: { on: { INC: [{ guard: 'small', actions: assign({ n: 5 }) }, { guard: ({ context }) => context.n > 9, target: 'counting' }] } } },
    });
    expect(() => new TransitionMemo(inline, parts)).toThrow(
      /counting: action xstate\.assign is written inline.*\n.*counting: guard inline is written inline/,
    );
  });

  it('refuses a machine whose steps depend on more than its state value or that raises events of its own', () => {
    const machine = setup({ types: { context: {} as { n: number }, events: {} as { type: 'INC' } }, guards: parts.guards }).createMachine({
      context: parts.context,
      type: 'parallel',
      states: {
        left: { initial: 'x', states: { x: { always: { guard: 'small', target: 'y' } }, y: {}, back: { type: 'history' } } },
        right: { initial: 'x', states: { x: { entry: raise({ type: 'INC' }), always: { guard: 'small', target: 'y' } }, y: {} } },
      },
    });
    expect(() => new TransitionMemo(machine, parts)).toThrow(
      /\(machine\): eventless transitions in more than one region[\s\S]*left\.back: a history state[\s\S]*right\.x: xstate\.raise beyond the state's `after` delays/,
    );
  });

  it('answers `can` as XState does, asking XState once for each course of the guards', () => {
    const memo = new TransitionMemo(counter, parts);
    const asked = vi.spyOn(memo.machine, 'getTransitionData');
    const actor = counterActor(memo);
    expect([actor.can({ type: 'INC' }), actor.can({ type: 'INC' })]).toEqual([true, true]);
    expect(asked).toHaveBeenCalledTimes(1);
    expect(actor.getSnapshot().can({ type: 'INC' })).toBe(true);
  });
});
