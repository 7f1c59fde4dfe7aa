/** Reports for the visualizer's model tests: the default scenario's, and small hand-made ones. */
import { readFileSync } from 'node:fs';
import { computeKpis } from '../../src/report/kpis.ts';
import type { Report, TransitionRecord } from '../../src/report/types.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { simulate } from '../../src/sim/simulate.ts';

let defaultReport: Report | undefined;

/** The default walkthrough's report (simulated once per test file). */
export function defaultRun(): Report {
  defaultReport ??= simulate(loadScenario('scenarios/default.yaml'));
  return defaultReport;
}

export function scenarioText(name: string): string {
  return readFileSync(`scenarios/${name}`, 'utf8');
}

/** A report skeleton over March 2020 in Shanghai with the given transitions. */
export function smallReport(transitions: Omit<TransitionRecord, 'account'>[] = [], extra: Partial<Report> = {}): Report {
  const report: Omit<Report, 'kpis'> = {
    format: 1,
    scenario: { name: 'small', file: 'small.yaml', seed: 0, rules: [] },
    policy: { id: 'tencent-im-2019', overrides: {} },
    period: { start: '2020-03-01', end: '2020-03-31', timezone: 'Asia/Shanghai' },
    accounts: [{ id: 'acc' }],
    apps: [
      { id: 'a1', account: 'acc', name: 'One', createdAt: '2020-03-01T00:00:00+08:00', finalState: 'trial' },
      { id: 'a2', account: 'acc', createdAt: '2020-03-10T00:00:00+08:00', finalState: 'trial' },
    ],
    transitions: transitions.map((t) => ({ ...t, account: 'acc' })),
    orders: [],
    bills: [],
    refunds: [],
    notifications: [],
    denials: [],
    events: [],
    balances: [],
    usage: [],
    expectations: [],
    summary: {
      revenue: { prepaid: '0.00', postpaid: '0.00', refunded: '0.00', net: '0.00' },
      debtOutstanding: '0.00',
      finalStates: { trial: 2, active: 0, expiredGrace: 0, suspended: 0, reclaimed: 0 },
      daysIn: { trial: 0, active: 0, expiredGrace: 0, suspended: 0 },
    },
    ...extra,
  };
  return { ...report, kpis: computeKpis(report) };
}

/** Two runs where a1 becomes active a day later under B and a2 a day earlier. */
export function partingReports(): { a: Report; b: Report } {
  const active = (day: string, app: string) => ({ at: `2020-03-${day}T10:00:00+08:00`, app, from: 'trial', to: 'active', cause: 'purchase', edition: 'pro' }) as const;
  return { a: smallReport([active('05', 'a1'), active('12', 'a2')]), b: smallReport([active('06', 'a1'), active('11', 'a2')]) };
}
