/**
 * X1's expiry warnings, sent by the engine inside the windows the app machine opens
 * (sim/warnings.ts): the daily instants, the window closing on a renewal or a suspension, and
 * warnings at the same instant as another timer of the app.
 */
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/types.ts';
import { parseScenario } from '../../src/scenario/load.ts';
import { zoneNamed, parseLocalTime, type Zone } from '../../src/domain/calendar.ts';
import { renderJson } from '../../src/report/json.ts';
import { resumeRun, saveRun } from '../../src/sim/persist.ts';
import { advance, finish, simulate, startRun } from '../../src/sim/simulate.ts';

const zone = zoneNamed('Asia/Shanghai') as Zone;

function run(events: string[], options: { policy?: string; changes?: string } = {}): Report {
  const text = [
    'format: 1',
    'name: warnings',
    'policy: tencent-im-2019',
    ...(options.policy ? [`policyOverrides: ${options.policy}`] : []),
    ...(options.changes ? [`policyChanges: ${options.changes}`] : []),
    'start: 2020-03-01',
    'end: 2020-06-30',
    'accounts:',
    '  - id: acme',
    '    balance: { cash: "50000.00" }',
    '    apps:',
    '      - id: app',
    'events:',
    ...events.map((event) => `  - ${event}`),
  ].join('\n');
  return simulate(parseScenario(text, 'warnings.yaml'));
}

const warnings = (report: Report) => report.notifications.filter((n) => n.kind === 'expiryWarning').map((n) => n.at.slice(0, 16));
const buy = '{ at: 2020-03-09T10:10:52, type: purchase, app: app, product: pro, months: 1 }';

describe('expiry warnings (X1)', () => {
  it('are sent daily at 10:00 from 7 days before the end day to 7 days after it', () => {
    const sent = warnings(run([buy]));
    expect(sent).toHaveLength(14);
    expect(sent[0]).toBe('2020-04-02T10:00');
    expect(sent[13]).toBe('2020-04-15T10:00');
  });

  it('stop when the package is renewed, and start again before the new end', () => {
    const sent = warnings(run([buy, '{ at: 2020-04-04T12:00, type: renew, app: app, months: 1 }']));
    expect(sent.slice(0, 3)).toEqual(['2020-04-02T10:00', '2020-04-03T10:00', '2020-04-04T10:00']);
    expect(sent[3]).toBe('2020-05-01T10:00');
  });

  it('stop with a suspension for a refund (R2) and are not sent while suspended', () => {
    const report = run([buy, '{ at: 2020-04-03T12:00, type: refund, app: app, product: pro, kind: normal }']);
    expect(warnings(report)).toEqual(['2020-04-02T10:00', '2020-04-03T10:00']);
  });

  it('at the instant the package ends, come after the expiry and are sent once', () => {
    const report = run(['{ at: 2020-03-09T10:00:00, type: purchase, app: app, product: pro, months: 1 }']);
    const atEnd = report.notifications.filter((n) => n.at === '2020-04-08T10:00:00+08:00');
    expect(atEnd.map((n) => n.kind)).toEqual(['expiryWarning']);
    expect(report.transitions.find((t) => t.to === 'expiredGrace')?.at).toBe('2020-04-08T10:00:00+08:00');
    expect(warnings(report)).toHaveLength(14);
  });

  it('follow the knobs in effect when each is armed: a policy change keeps the warning already armed', () => {
    const knobs = '{ lifecycle.expiryWarnings.daysBefore: 3, lifecycle.expiryWarnings.daysAfter: 0, lifecycle.expiryWarnings.at: "09:00" }';
    expect(warnings(run([buy], { policy: knobs }))).toEqual(['2020-04-06T09:00', '2020-04-07T09:00', '2020-04-08T09:00']);
    const changed = warnings(run([buy], { changes: '[{ at: 2020-04-04T12:00, set: { lifecycle.expiryWarnings.at: "09:00" } }]' }));
    expect(changed.slice(0, 5)).toEqual(['2020-04-02T10:00', '2020-04-03T10:00', '2020-04-04T10:00', '2020-04-05T10:00', '2020-04-06T09:00']);
    expect(changed.at(-1)).toBe('2020-04-15T09:00');
  });
});

/** Auto-renewal fails in grace; a March overage bill puts the account in arrears (suspended 04-10), a top-up clears them on 04-11. */
const arrearsInGrace = [
  'format: 1',
  'name: arrears in grace',
  'policy: tencent-im-2019',
  'start: 2020-03-01',
  'end: 2020-05-31',
  'accounts:',
  '  - { id: acme, balance: { cash: "999" }, apps: [{ id: app, usage: { dau: { constant: 120000 } } }] }',
  'events:',
  '  - { at: 2020-03-09T10:00:00, type: purchase, app: app, product: pro, months: 1 }',
  '  - { at: 2020-03-09T10:00:00, type: setAutoRenew, app: app, on: true }',
  '  - { at: 2020-04-11T12:00:00, type: topUp, account: acme, cash: "10000" }',
].join('\n');

describe('an expiry warning at the same instant as another timer of its app', () => {
  // Package end at 10:00, warnings at 10:00: in grace the daily renewal scan (P5) and the warning fall together.
  const text = (cash: string, autoRenewAt: string) =>
    [
      'format: 1',
      'name: together',
      'policy: tencent-im-2019',
      'start: 2020-03-01',
      'end: 2020-05-31',
      'accounts:',
      `  - { id: acme, balance: { cash: "${cash}" }, apps: [{ id: app }] }`,
      'events:',
      '  - { at: 2020-03-09T10:00:00, type: purchase, app: app, product: pro, months: 1 }',
      `  - { at: ${autoRenewAt}, type: setAutoRenew, app: app, on: true }`,
    ].join('\n');

  it('comes after the scan: a failed renewal is told first, a renewal closes the window before it', () => {
    const failing = simulate(parseScenario(text('999', '2020-03-09T10:00:00'), 'together.yaml'));
    const at0409 = failing.notifications.filter((n) => n.at === '2020-04-09T10:00:00+08:00').map((n) => n.kind);
    expect(at0409).toEqual(['autoRenewFailed', 'expiryWarning']);
    const renewing = simulate(parseScenario(text('5000', '2020-04-10T12:00:00'), 'together.yaml'));
    expect(renewing.transitions.find((t) => t.cause === 'autoRenewal')?.at).toBe('2020-04-11T10:00:00+08:00');
    expect(renewing.notifications.filter((n) => n.at === '2020-04-11T10:00:00+08:00').map((n) => n.kind)).toEqual(['renewed']);
  });

  it('comes after the scan also when grace is re-entered after arrears (A4), whatever was armed first', () => {
    const report = simulate(parseScenario(arrearsInGrace, 'arrears.yaml'));
    expect(report.transitions.map((t) => [t.at.slice(0, 16), t.to])).toContainEqual(['2020-04-11T12:00', 'expiredGrace']);
    expect(report.notifications.filter((n) => n.at === '2020-04-12T10:00:00+08:00').map((n) => n.kind)).toEqual(['autoRenewFailed', 'expiryWarning']);
    const run = startRun(parseScenario(arrearsInGrace, 'arrears.yaml'));
    advance(run, parseLocalTime('2020-04-11T13:00:00', zone) as number);
    expect(renderJson(finish(resumeRun(JSON.parse(JSON.stringify(saveRun(run))))))).toBe(renderJson(report));
  });

  it('keeps that order in a paused and resumed run, whose timers are armed anew', () => {
    for (const cash of ['999', '5000']) {
      const scenario = parseScenario(text(cash, '2020-04-10T12:00:00'), 'together.yaml');
      const whole = renderJson(simulate(scenario));
      for (const cut of ['2020-04-08T12:00:00', '2020-04-10T13:00:00', '2020-04-12T09:00:00']) {
        const run = startRun(scenario);
        advance(run, parseLocalTime(cut, zone) as number);
        expect(renderJson(finish(resumeRun(JSON.parse(JSON.stringify(saveRun(run)))))), `${cash} cut at ${cut}`).toBe(whole);
      }
    }
  });
});
