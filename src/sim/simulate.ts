/**
 * `simulate(scenario, policy) → report`: builds the world, schedules the scenario's events and
 * the month closes on one virtual clock, runs it to the end of the period and assembles the
 * report. Deterministic: the same input gives the same report, whatever the machine.
 */
import { dayNumber, fixedZone, MS_PER_DAY, parseLocalTime, type Zone } from '../domain/calendar.ts';
import type { Policy } from '../policy/schema.ts';
import type { Report } from '../report/types.ts';
import type { Scenario } from '../scenario/types.ts';
import { createMachines, startAccount, startApp } from './actors.ts';
import { closeLastMonth, scheduleMonthCloses } from './billing.ts';
import { checkExpectations } from './expectations.ts';
import { Recorder } from './recorder.ts';
import type { MachineTrace, Period, World } from './runtime.ts';
import { playEvent } from './scenarioEvents.ts';
import { summarize } from './summary.ts';
import { Priority, VirtualClock } from './virtualClock.ts';

export function policyZone(policy: Policy): Zone {
  const zone = fixedZone(policy.timezone);
  if (!zone) throw new Error(`time zone ${policy.timezone} has no fixed offset: the policy loader rejects it`);
  return zone;
}

function periodOf(scenario: Scenario, zone: Zone): Period {
  const [startAt, lastDayAt] = [scenario.start, scenario.end].map((date) => parseLocalTime(date, zone) as number);
  const [year, month, day] = scenario.start.split('-').map(Number);
  const days = Math.round((lastDayAt - startAt) / MS_PER_DAY) + 1;
  return { startDay: dayNumber(year, month, day), days, startAt, endAt: startAt + days * MS_PER_DAY };
}

export interface SimulateOptions {
  /** Sees every inspection event of every machine (XState's inspection API). */
  trace?: MachineTrace;
}

function createWorld(scenario: Scenario, policy: Policy, options: SimulateOptions): World {
  const zone = policyZone(policy);
  const period = periodOf(scenario, zone);
  const clock = new VirtualClock(period.startAt);
  let orders = 0;
  return {
    policy,
    zone,
    seed: scenario.seed,
    period,
    clock,
    recorder: new Recorder(zone, () => clock.now()),
    accounts: new Map(),
    apps: new Map(),
    nextOrderId: () => `O${++orders}`,
    trace: options.trace,
  };
}

export function simulate(scenario: Scenario, policy: Policy = scenario.policy, options: SimulateOptions = {}): Report {
  const world = createWorld(scenario, policy, options);
  const machines = createMachines(world);
  for (const spec of scenario.accounts) {
    const account = startAccount(world, machines, spec);
    const { balance, debt } = account.actor.getSnapshot().context;
    world.recorder.balance(account.id, balance, debt, 'opening balance');
    for (const app of spec.apps) {
      world.clock.schedule(app.createdAt, Priority.scenario, () => startApp(world, machines, account, app));
    }
  }
  for (const event of scenario.events) {
    world.clock.schedule(event.at, Priority.scenario, () => playEvent(world, machines, event));
  }
  scheduleMonthCloses(world);
  world.clock.runUntil(world.period.endAt);
  closeLastMonth(world);
  return assemble(scenario, policy, world);
}

function assemble(scenario: Scenario, policy: Policy, world: World): Report {
  const { recorder } = world;
  const report: Report = {
    format: 1,
    scenario: { name: scenario.name, file: scenario.file, seed: scenario.seed, rules: [...scenario.rules] },
    policy: { id: policy.id, overrides: { ...scenario.policyOverrides } },
    period: { start: scenario.start, end: scenario.end, timezone: policy.timezone },
    apps: [...world.apps.values()].map((app) => ({
      id: app.id,
      account: app.account.id,
      ...(app.spec.name ? { name: app.spec.name } : {}),
      createdAt: recorder.instant(app.timeline[0].at),
      finalState: app.state,
    })),
    transitions: recorder.transitions,
    orders: recorder.orders,
    bills: recorder.bills,
    refunds: recorder.refunds,
    notifications: recorder.notifications,
    denials: recorder.denials,
    events: recorder.events,
    balances: recorder.balances,
    usage: recorder.usage,
    expectations: [],
    summary: summarize(world),
  };
  report.expectations = checkExpectations(scenario.expect, report, world.zone);
  return report;
}
