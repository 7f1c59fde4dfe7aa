import { describe, expect, it } from 'vitest';
import { accountActiveStates, appActiveStates } from '../../src/ui/model/activeStates.ts';
import {
  accountStateAt,
  balanceAt,
  buildTimeline,
  lastTransitionAt,
  nextEventAfter,
  notificationsOfDay,
  previousEventBefore,
  stateAt,
  stateCountsAt,
  type TimedTransition,
} from '../../src/ui/model/timeline.ts';
import { lastAtOrBefore, lowerBound, upperBound } from '../../src/ui/model/search.ts';
import { dayIndex, formatDateTime, instant, periodOf } from '../../src/ui/model/time.ts';
import { defaultRun, smallReport } from './fixtures.ts';

const at = (text: string) => instant(`${text}+08:00`);

describe('binary search', () => {
  const values = [1, 3, 3, 7];
  it('finds the first value at or above, and the first above', () => {
    expect([0, 1, 3, 4, 8].map((v) => lowerBound(values, v))).toEqual([0, 0, 1, 3, 4]);
    expect([0, 1, 3, 4, 8].map((v) => upperBound(values, v))).toEqual([0, 1, 3, 3, 4]);
  });
  it('finds the last value at or before, -1 before all of them', () => {
    expect([0, 1, 2, 3, 7, 9].map((v) => lastAtOrBefore(values, v))).toEqual([-1, 0, 0, 2, 3, 3]);
  });
});

describe('the period', () => {
  it('runs from 00:00 local of the first day to 00:00 of the day after the last', () => {
    const period = periodOf(smallReport());
    expect(period.days).toBe(31);
    expect(period.startAt).toBe(at('2020-03-01T00:00:00'));
    expect(period.endAt).toBe(at('2020-04-01T00:00:00'));
    expect(formatDateTime(period.startAt, period.zone)).toBe('2020-03-01 00:00');
  });
  it('puts an instant on its local day, clamped to the period', () => {
    const period = periodOf(smallReport());
    expect(dayIndex(period, at('2020-03-01T23:59:59'))).toBe(0);
    expect(dayIndex(period, at('2020-03-02T00:00:00'))).toBe(1);
    expect(dayIndex(period, at('2020-05-01T00:00:00'))).toBe(30);
  });
});

describe('the state of an app at an instant', () => {
  const report = smallReport([
    { at: '2020-03-05T10:00:00+08:00', app: 'a1', from: 'trial', to: 'active', cause: 'purchase', edition: 'pro' },
    { at: '2020-03-20T10:00:00+08:00', app: 'a1', from: 'active', to: 'expiredGrace', cause: 'expiry', edition: 'pro' },
    { at: '2020-03-28T00:00:00+08:00', app: 'a1', from: 'expiredGrace', to: 'suspended', cause: 'graceOver', edition: 'pro' },
  ]);
  const timeline = buildTimeline(report);
  const [one, two] = timeline.apps;

  it('is trial from creation until the first transition', () => {
    expect(stateAt(one, at('2020-03-01T00:00:00'))).toBe('trial');
    expect(stateAt(one, at('2020-03-05T09:59:59'))).toBe('trial');
  });
  it('has changed at the very instant of a transition', () => {
    expect(stateAt(one, at('2020-03-05T10:00:00'))).toBe('active');
    expect(stateAt(one, at('2020-03-27T23:59:59'))).toBe('expiredGrace');
    expect(stateAt(one, at('2020-03-31T12:00:00'))).toBe('suspended');
  });
  it('is null before the app is created', () => {
    expect(stateAt(two, at('2020-03-09T23:59:59'))).toBeNull();
    expect(stateAt(two, at('2020-03-10T00:00:00'))).toBe('trial');
  });
  it('knows the last transition and its cause', () => {
    expect(lastTransitionAt(one, at('2020-03-04T00:00:00'))).toBeUndefined();
    expect(lastTransitionAt(one, at('2020-03-29T00:00:00'))).toMatchObject({ to: 'suspended', cause: 'graceOver' });
  });
  it('cuts the life of an app into state segments up to the end of the period', () => {
    expect(one.segments.map((s) => s.state)).toEqual(['trial', 'active', 'expiredGrace', 'suspended']);
    expect(one.segments.at(-1)?.end).toBe(timeline.period.endAt);
    expect(two.segments).toEqual([{ start: at('2020-03-10T00:00:00'), end: timeline.period.endAt, state: 'trial' }]);
  });
  it('counts the apps in each state', () => {
    expect(stateCountsAt(timeline, at('2020-03-06T00:00:00'))).toEqual({ trial: 0, active: 1, expiredGrace: 0, suspended: 0, reclaimed: 0 });
    expect(stateCountsAt(timeline, at('2020-03-29T00:00:00'))).toEqual({ trial: 1, active: 0, expiredGrace: 0, suspended: 1, reclaimed: 0 });
  });
});

describe('the default scenario at an instant', () => {
  const report = defaultRun();
  const timeline = buildTimeline(report);
  const games = timeline.apps[timeline.appIndex.get('1400000002')!];

  it('shows Games lapsing: expiry, graceOver, retentionOver', () => {
    expect(stateAt(games, at('2020-03-10T00:00:00'))).toBe('expiredGrace');
    expect(stateAt(games, at('2020-03-17T00:00:00'))).toBe('suspended');
    expect(lastTransitionAt(games, at('2020-03-17T00:00:00'))?.cause).toBe('graceOver');
    expect(stateAt(games, at('2020-06-15T00:00:00'))).toBe('reclaimed');
  });

  it('gives the balance after everything up to the instant, debt included', () => {
    const acme = timeline.accounts[timeline.accountIndex.get('acme')!];
    expect(balanceAt(acme, at('2020-01-01T00:00:00'))).toMatchObject({ cash: 60000, gift: 2000, debt: 0 });
    expect(balanceAt(acme, at('2020-01-06T10:00:00'))?.record.cause).toBe('order O1');
    const inArrears = balanceAt(acme, at('2020-10-12T00:00:00'));
    expect(inArrears?.debt).toBeGreaterThan(0);
    expect(balanceAt(acme, at('2020-10-14T11:00:00'))?.debt).toBe(0);
  });

  it('lists the notifications of a day', () => {
    const day = notificationsOfDay(timeline, at('2020-10-03T15:00:00'));
    expect(day.map((n) => n.kind)).toContain('arrearsWarning');
    expect(day.every((n) => n.at.startsWith('2020-10-03'))).toBe(true);
    expect(notificationsOfDay(timeline, at('2020-01-02T12:00:00'))).toEqual([]);
  });

  it('steps from event to event', () => {
    const first = nextEventAfter(timeline, timeline.period.startAt);
    expect(first).toBe(at('2020-01-06T10:00:00'));
    expect(nextEventAfter(timeline, first!)).toBeGreaterThan(first!);
    expect(previousEventBefore(timeline, first!)).toBeUndefined();
    expect(nextEventAfter(timeline, timeline.period.endAt)).toBeUndefined();
    const ats = Array.from(timeline.eventAts);
    expect(ats).toEqual([...new Set(ats)].sort((a, b) => a - b));
    expect(ats).toContain(at('2020-03-17T00:00:00'));
  });
});

describe('the states a statechart highlights', () => {
  const t = (from: TimedTransition['from'], cause: TimedTransition['cause']): TimedTransition => ({ at: 0, from, to: 'suspended', cause });

  it('names the top-level state, and which way an app was suspended', () => {
    expect(appActiveStates(null, undefined)).toEqual([]);
    expect(appActiveStates('expiredGrace', undefined)).toEqual(['app.expiredGrace']);
    expect(appActiveStates('suspended', t('expiredGrace', 'graceOver'))).toEqual(['app.suspended', 'app.suspended.lapsed']);
    expect(appActiveStates('suspended', t('active', 'refund'))).toEqual(['app.suspended', 'app.suspended.lapsed']);
    expect(appActiveStates('suspended', t('active', 'arrears'))).toEqual(['app.suspended', 'app.suspended.arrears', 'app.suspended.arrears.active']);
  });

  it('follows the account through arrears and suspension, back to good standing', () => {
    const timeline = buildTimeline(defaultRun());
    const acme = timeline.accounts[0];
    expect(accountStateAt(acme, at('2020-09-30T00:00:00')).state).toBe('inGoodStanding');
    expect(accountStateAt(acme, at('2020-10-05T00:00:00')).state).toBe('owing.inArrears');
    expect(accountStateAt(acme, at('2020-10-11T00:00:00'))).toMatchObject({ state: 'owing.suspended', since: { kind: 'accountSuspended' } });
    expect(accountStateAt(acme, at('2020-10-15T00:00:00')).state).toBe('inGoodStanding');
    expect(accountActiveStates('owing.suspended')).toEqual(['account.owing', 'account.owing.suspended']);
  });
});

describe('reading instants', () => {
  it('reads the report form as Date.parse does, and anything else through it', () => {
    for (const text of ['2020-04-16T00:00:00+08:00', '2021-12-31T23:59:59+08:00', '2020-02-29T12:34:56-05:30', '1999-01-01T00:00:00+00:00']) {
      expect(instant(text)).toBe(Date.parse(text));
    }
    expect(instant('2020-04-16T00:00:00Z')).toBe(Date.parse('2020-04-16T00:00:00Z'));
    expect(instant('not a date')).toBeNaN();
  });
});
