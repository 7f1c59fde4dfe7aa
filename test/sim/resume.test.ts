/**
 * Pause and resume: a run saved at any instant and resumed from its JSON in a fresh world ends
 * with the report an uninterrupted run gives, byte for byte.
 */
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { scenarioFiles } from '../../src/regression/scenarioFiles.ts';
import { renderJson } from '../../src/report/json.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { resumeRun, saveRun } from '../../src/sim/persist.ts';
import { advance, finish, simulate, startRun } from '../../src/sim/simulate.ts';

const scenarios = scenarioFiles('scenarios').map((file) => loadScenario(file));

function resumedAt(index: number, cut: number): string {
  const scenario = scenarios[index];
  const run = startRun(scenario);
  advance(run, cut);
  const text = JSON.stringify(saveRun(run));
  return renderJson(finish(resumeRun(JSON.parse(text))));
}

/** 20 cut points spread over the scenarios by a fixed seed, some on exact event instants. */
function cutPoints(): { index: number; cut: number }[] {
  const random = seedrandom('imsim resume');
  return Array.from({ length: 20 }, (_, n) => {
    const index = n % scenarios.length;
    const scenario = scenarios[index];
    const run = startRun(scenario);
    const { startAt, endAt } = run.world.period;
    const events = scenario.events.map((event) => event.at);
    const onEvent = n % 3 === 0 && events.length > 0;
    const cut = onEvent ? events[Math.floor(random() * events.length)] : startAt + Math.floor(random() * (endAt - startAt));
    return { index, cut };
  });
}

describe('pause and resume', () => {
  const uninterrupted = scenarios.map((scenario) => renderJson(simulate(scenario)));

  it.each(cutPoints())('scenario #$index cut at $cut ends with the uninterrupted report', ({ index, cut }) => {
    expect(resumedAt(index, cut)).toBe(uninterrupted[index]);
  });

  it('resumes the default scenario from a cut at every month start with the same report', () => {
    const index = scenarios.findIndex((scenario) => scenario.file === 'scenarios/default.yaml');
    const run = startRun(scenarios[index]);
    const { startAt, endAt } = run.world.period;
    for (let cut = startAt; cut < endAt; cut += 30 * 86_400_000) expect(resumedAt(index, cut)).toBe(uninterrupted[index]);
  });

  it('resumes a run whose policy changes (policyChanges) from a cut on either side of the change', () => {
    const index = scenarios.findIndex((scenario) => scenario.file === 'scenarios/policy-change.yaml');
    const change = scenarios[index].policyChanges[0].at;
    for (const cut of [change - 86_400_000, change, change + 86_400_000]) expect(resumedAt(index, cut)).toBe(uninterrupted[index]);
  });

  it('resumes a run saved before orders kept their edition and months (read from its order records)', () => {
    const index = scenarios.findIndex((scenario) => scenario.file === 'scenarios/population-grace.yaml');
    const run = startRun(scenarios[index]);
    advance(run, '2020-05-01');
    const saved = saveRun(run);
    let orders = 0;
    for (const app of saved.apps) {
      for (const order of app.orders as { edition?: string; months?: number }[]) {
        delete order.edition;
        delete order.months;
        orders += 1;
      }
    }
    expect(orders).toBeGreaterThan(10);
    expect(renderJson(finish(resumeRun(saved)))).toBe(uninterrupted[index]);
  });

  it('resumes a population with customers mid-decision at every month start', () => {
    const index = scenarios.findIndex((scenario) => scenario.file === 'scenarios/population-grace.yaml');
    const { startAt, endAt } = startRun(scenarios[index]).world.period;
    for (let cut = startAt; cut < endAt; cut += 91 * 86_400_000) expect(resumedAt(index, cut)).toBe(uninterrupted[index]);
  });
});
