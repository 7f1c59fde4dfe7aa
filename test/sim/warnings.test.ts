/**
 * X1's expiry warnings, sent by the engine inside the windows the app machine opens
 * (sim/warnings.ts): the daily instants, the window closing on a renewal or a suspension, and
 * warnings at the same instant as another timer of the app.
 */
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/types.ts';
import { parseScenario } from '../../src/scenario/load.ts';
import { simulate } from '../../src/sim/simulate.ts';

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
