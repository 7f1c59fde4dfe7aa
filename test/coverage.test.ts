import { describe, expect, it } from 'vitest';
import { isComplete, measureCoverage } from '../src/coverage/coverage.ts';
import { machineEdges, machineStates } from '../src/coverage/machineGraph.ts';
import { appMachine } from '../src/machines/app.machine.ts';
import { rules } from '../src/policy/rules.ts';
import { parseScenario } from '../src/scenario/load.ts';
import { imsim } from './cli/run.ts';

const declaresRefundButKeepsIt = `format: 1
name: Declares R1, never refunds
rules: [R1, P1]
policy: tencent-im-2019
start: 2020-03-01
end: 2020-03-31
accounts:
  - id: acme
    balance: { cash: "999" }
    apps: [{ id: "1400000001" }]
events:
  - { at: 2020-03-02, type: purchase, app: "1400000001", product: pro, months: 1 }
`;

describe('coverage', () => {
  it('enumerates the app machine from its definition: five top-level states and every guarded timer', () => {
    const machine = appMachine;
    const states = machineStates(machine);
    for (const state of ['trial', 'active', 'expiredGrace', 'suspended', 'reclaimed']) expect(states).toContain(`app.${state}`);
    const keys = machineEdges(machine).map((edge) => edge.key);
    expect(keys).toContain('app.active —after untilPackageEnd [canAffordAutoRenewal]→ app.active');
    expect(keys).toContain('app.suspended —after untilRetentionEnd→ app.reclaimed');
  });

  it('counts a rule a scenario declares only when its run shows it (R1 needs an actual no-reason refund)', () => {
    const coverage = measureCoverage([parseScenario(declaresRefundButKeepsIt, 'declares.yaml')]);
    const byId = Object.fromEntries(coverage.rules.map((rule) => [rule.id, rule]));
    expect(byId.R1).toMatchObject({ declaredBy: ['declares.yaml'], confirmedBy: [] });
    expect(byId.P1.confirmedBy).toEqual(['declares.yaml']);
    expect(isComplete(coverage)).toBe(false);
  });

  it('lists every rule of the catalogue', () => {
    const coverage = measureCoverage([]);
    expect(coverage.rules.map((rule) => rule.id)).toEqual(rules.map((rule) => rule.id));
    expect(coverage.rules).toHaveLength(43);
  });

  it('finds every rule, state and transition exercised by the bundled scenarios, and says so', () => {
    const run = imsim(['coverage']);
    expect(run.stdout).toContain('RULES  43/43 (100%) exercised');
    expect(run.stdout).toMatch(/APP MACHINE {2}states (\d+)\/\1 \(100%\), transitions (\d+)\/\2 \(100%\)/);
    expect(run.stdout).toMatch(/ACCOUNT MACHINE {2}states (\d+)\/\1 \(100%\), transitions (\d+)\/\2 \(100%\)/);
    expect(run.stdout.trim().split('\n').pop()).toBe('coverage complete');
    expect(run.status).toBe(0);
  });
});
