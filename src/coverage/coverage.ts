/**
 * Rule and statechart coverage over a set of scenarios: which scenarios exercise each rule of
 * the catalogue (declared in `rules:` and confirmed by the run), and which states and
 * transitions of the app and account machines some run went through.
 */
import type { AnyStateMachine, InspectionEvent } from 'xstate';
import { accountMachine } from '../machines/account.machine.ts';
import { appMachine } from '../machines/app.machine.ts';
import { rules } from '../policy/rules.ts';
import type { Scenario } from '../scenario/types.ts';
import type { MachineName } from '../sim/runtime.ts';
import { simulate } from '../sim/simulate.ts';
import { activeStateIds, type Edge, edgeOf, machineEdges, machineStates, type TransitionLike } from './machineGraph.ts';
import { ruleEvidence } from './ruleEvidence.ts';

export interface RuleCoverage {
  id: string;
  title: string;
  declaredBy: string[];
  confirmedBy: string[];
}

export interface MachineCoverage {
  machine: MachineName;
  states: { id: string; visitedBy: string[] }[];
  edges: { edge: Edge; takenBy: string[] }[];
}

/**
 * What a set of scenarios covers: each rule of the catalogue with the scenarios that declare it
 * and those whose run confirms it, and each state and transition of the app and account machines
 * with the scenarios whose run went through it.
 */
export interface Coverage {
  rules: RuleCoverage[];
  machines: MachineCoverage[];
}

const machines: Record<MachineName, AnyStateMachine> = { app: appMachine, account: accountMachine };

type Seen = Record<MachineName, { states: Map<string, Set<string>>; edges: Map<string, Set<string>> }>;

function note(map: Map<string, Set<string>>, key: string, file: string): void {
  const files = map.get(key) ?? new Set<string>();
  files.add(file);
  map.set(key, files);
}

function watch(seen: Seen, file: string) {
  return (machine: MachineName, event: InspectionEvent) => {
    if (event.type === '@xstate.microstep') {
      for (const transition of event._transitions as unknown as TransitionLike[]) {
        const edge = edgeOf(transition);
        note(seen[machine].edges, edge.key, file);
        for (const id of edge.targets.flatMap(withAncestors)) note(seen[machine].states, id, file);
      }
    } else if (event.type === '@xstate.snapshot' && 'value' in event.snapshot) {
      const root = machines[machine].id;
      for (const id of activeStateIds(root, event.snapshot.value as never)) note(seen[machine].states, id, file);
    }
  };
}

/** A state passed through within one step (an `always` checkpoint) is entered all the same. */
function withAncestors(id: string): string[] {
  const parts = id.split('.');
  return parts.slice(1).map((_, index) => parts.slice(0, index + 2).join('.'));
}

/** Simulates each scenario under its own policy: the rules each run confirms (of those its scenario declares), and the machine states and transitions the runs go through. */
export function measureCoverage(scenarios: Scenario[]): Coverage {
  const seen: Seen = {
    app: { states: new Map(), edges: new Map() },
    account: { states: new Map(), edges: new Map() },
  };
  const confirmed = new Map<string, Set<string>>();
  for (const scenario of scenarios) {
    const report = simulate(scenario, scenario.policy, { trace: watch(seen, scenario.file) });
    for (const id of scenario.rules) if (ruleEvidence[id]?.(report, scenario.policy)) note(confirmed, id, scenario.file);
  }
  return {
    rules: rules.map((rule) => ({
      id: rule.id,
      title: rule.title,
      declaredBy: scenarios.filter((scenario) => scenario.rules.includes(rule.id)).map((scenario) => scenario.file),
      confirmedBy: [...(confirmed.get(rule.id) ?? [])],
    })),
    machines: (['app', 'account'] as const).map((name) => ({
      machine: name,
      states: machineStates(machines[name]).map((id) => ({ id, visitedBy: [...(seen[name].states.get(id) ?? [])] })),
      edges: machineEdges(machines[name]).map((edge) => ({ edge, takenBy: [...(seen[name].edges.get(edge.key) ?? [])] })),
    })),
  };
}

/** Whether every rule is confirmed by some scenario and every state and transition of both machines was gone through. */
export function isComplete(coverage: Coverage): boolean {
  return (
    coverage.rules.every((rule) => rule.confirmedBy.length > 0) &&
    coverage.machines.every(
      (machine) => machine.states.every((state) => state.visitedBy.length > 0) && machine.edges.every((edge) => edge.takenBy.length > 0),
    )
  );
}
