// A consumer's code, type-checked with skipLibCheck: false against the installed package.
import { advance, appStates, finish, InputError, type Report, type ScenarioInput, reportSoFar, scenarioFromObject, simulate, startRun } from 'imsim';

export const input: ScenarioInput = {
  format: 1,
  name: 'one app, bought and let lapse',
  policy: 'tencent-im-2019',
  start: '2020-03-01',
  end: '2020-06-30',
  accounts: [{ id: 'acme', balance: { cash: '20000.00' }, apps: [{ id: '1400000001', usage: { dau: { constant: 5000 } } }] }],
  events: [{ at: '2020-03-02T10:00', type: 'purchase', app: '1400000001', product: 'pro', months: 1 }],
  expect: [{ at: '2020-06-30', app: '1400000001', state: 'suspended' }],
};

export function reports(): { full: Report; soFar: Report; finished: Report } {
  const scenario = scenarioFromObject(input);
  const run = startRun(scenario);
  advance(run, '2020-04-15T12:00');
  const soFar = reportSoFar(run);
  return { full: simulate(scenario), soFar, finished: finish(run) };
}

export function issues(): string[] {
  try {
    scenarioFromObject({ ...input, end: '2020-01-01' });
    return [];
  } catch (error) {
    if (error instanceof InputError) return error.issues.map((issue) => `${issue.path}: ${issue.message}`);
    throw error;
  }
}

export const states: readonly string[] = appStates;
