import { describe, expect, it } from 'vitest';
import { zoneNamed, formatInstant, MS_PER_DAY, parseLocalTime, type Zone } from '../../src/domain/calendar.ts';
import {
  arrearsDeadline,
  graceEndsAt,
  nextAutoRenewRetry,
  nextExpiryWarning,
  noReasonWindowClosesAt,
  retentionEndsAt,
  scansWhileOff,
} from '../../src/domain/schedule.ts';
import { loadPolicy } from '../../src/policy/load.ts';

const policy = loadPolicy('tencent-im-2019');
const zone = zoneNamed(policy.timezone) as Zone;
const at = (text: string): number => {
  const instant = parseLocalTime(text, zone);
  if (instant === undefined) throw new Error(`bad test time ${text}`);
  return instant;
};
const show = (instant: number | undefined): string | undefined => (instant === undefined ? undefined : formatInstant(instant, zone).slice(0, 19));
const end = at('2020-04-08T10:10:52');

describe('X2: grace', () => {
  it('X2: the bundled policy has 7 grace days, not counting the end day', () => {
    expect(policy.lifecycle.grace).toEqual({ days: 7, countEndDay: false });
  });

  it('X2: end 2020-04-08 10:10:52, suspended 2020-04-16 00:00 (default, end day not counted)', () => {
    expect(show(graceEndsAt(end, policy.lifecycle.grace, zone))).toBe('2020-04-16T00:00:00');
  });

  it('X2: end 2020-04-08 10:10:52, suspended 2020-04-15 00:00 with countEndDay', () => {
    expect(show(graceEndsAt(end, { ...policy.lifecycle.grace, countEndDay: true }, zone))).toBe('2020-04-15T00:00:00');
  });

  it('X2: an end at 00:00:00 or 23:59:59 of 04-08 gives the same suspension day', () => {
    expect(show(graceEndsAt(at('2020-04-08T00:00:00'), policy.lifecycle.grace, zone))).toBe('2020-04-16T00:00:00');
    expect(show(graceEndsAt(at('2020-04-08T23:59:59'), policy.lifecycle.grace, zone))).toBe('2020-04-16T00:00:00');
  });

  it('X2: knob lifecycle.grace.days = 3, end 2020-02-27, suspended 2020-03-02 00:00 (across the leap day)', () => {
    expect(show(graceEndsAt(at('2020-02-27T10:00:00'), { days: 3, countEndDay: false }, zone))).toBe('2020-03-02T00:00:00');
  });

  it('X2: the grace end is midnight Shanghai time, 16:00 UTC the day before', () => {
    expect(graceEndsAt(end, policy.lifecycle.grace, zone)).toBe(Date.UTC(2020, 3, 15, 16, 0, 0));
  });
});

describe('X5: retention', () => {
  it('X5: suspended 2020-04-16, reclaimed 2020-07-15 00:00 (90 days counting the suspension day)', () => {
    expect(show(retentionEndsAt(at('2020-04-16T00:00:00'), policy.lifecycle.retention.days, zone))).toBe('2020-07-15T00:00:00');
  });

  it('X5: a suspension late in the day still counts that day: 2020-04-16 23:00 → 2020-07-15 00:00', () => {
    expect(show(retentionEndsAt(at('2020-04-16T23:00:00'), 90, zone))).toBe('2020-07-15T00:00:00');
  });

  it('X2 then X5: end 04-08 10:10:52 → suspended 04-16 → reclaimed 07-15', () => {
    const suspended = graceEndsAt(end, policy.lifecycle.grace, zone);
    expect(show(retentionEndsAt(suspended, policy.lifecycle.retention.days, zone))).toBe('2020-07-15T00:00:00');
  });
});

describe('A3: arrears deadline', () => {
  it('A3: bill pushed 2020-04-03 00:00, suspended 2020-04-10 00:00 if still in arrears', () => {
    expect(show(arrearsDeadline(at('2020-04-03T00:00:00'), policy.arrears.suspendAfterDays, zone))).toBe('2020-04-10T00:00:00');
  });

  it('A3: the deadline is counted from the push day, whatever the hour', () => {
    expect(show(arrearsDeadline(at('2020-04-03T18:30:00'), 7, zone))).toBe('2020-04-10T00:00:00');
  });
});

describe('X1: expiry warnings', () => {
  const warnings = policy.lifecycle.expiryWarnings;

  function walk(proEnd: number, from: number): string[] {
    const seen: string[] = [];
    let after: number | null = null;
    for (;;) {
      const next = nextExpiryWarning(proEnd, warnings, zone, from, after);
      if (next === undefined) return seen;
      seen.push(show(next) as string);
      after = next;
    }
  }

  it('X1: end 2020-04-08 10:10:52, warnings daily at 10:00 from 04-02 to 04-15', () => {
    const days = Array.from({ length: 14 }, (_, index) => `2020-04-${String(index + 2).padStart(2, '0')}T10:00:00`);
    expect(walk(end, at('2020-03-01T00:00:00'))).toEqual(days);
  });

  it('X1: the first warning is 04-02 10:00, seven days counting the end day', () => {
    expect(show(nextExpiryWarning(end, warnings, zone, 0, null))).toBe('2020-04-02T10:00:00');
  });

  it('X1: asked at 2020-04-10 12:00, the next warning is 04-11 10:00; the last is 04-15 10:00', () => {
    expect(show(nextExpiryWarning(end, warnings, zone, at('2020-04-10T12:00:00'), null))).toBe('2020-04-11T10:00:00');
    expect(show(nextExpiryWarning(end, warnings, zone, at('2020-04-15T10:00:00'), null))).toBe('2020-04-15T10:00:00');
    expect(nextExpiryWarning(end, warnings, zone, at('2020-04-15T10:00:01'), null)).toBeUndefined();
  });

  it('X1: a warning already sent (after) is not sent again', () => {
    const first = at('2020-04-02T10:00:00');
    expect(show(nextExpiryWarning(end, warnings, zone, first, first))).toBe('2020-04-03T10:00:00');
  });

  it('X1: the warning time is a policy knob (lifecycle.expiryWarnings.at = 09:30)', () => {
    expect(show(nextExpiryWarning(end, { ...warnings, at: '09:30' }, zone, 0, null))).toBe('2020-04-02T09:30:00');
  });
});

describe('R1: no-reason refund window', () => {
  it('R1: bought 2020-03-09 10:10:52, the window is 5 days counting the purchase day and closes 2020-03-14 00:00', () => {
    expect(show(noReasonWindowClosesAt(at('2020-03-09T10:10:52'), policy.refund.noReason.windowDays, zone))).toBe('2020-03-14T00:00:00');
  });

  it('R1: bought at 23:59:59 on 03-09, the window still closes 03-14 00:00', () => {
    expect(show(noReasonWindowClosesAt(at('2020-03-09T23:59:59'), 5, zone))).toBe('2020-03-14T00:00:00');
  });

  it('R1: knob refund.noReason.windowDays = 1 closes at the end of the purchase day', () => {
    expect(show(noReasonWindowClosesAt(at('2020-03-09T10:10:52'), 1, zone))).toBe('2020-03-10T00:00:00');
  });
});

describe('P5: auto-renew retries', () => {
  const retry = (now: number, last: number | null, retryAt = policy.autoRenew.retryAt) => nextAutoRenewRetry(end, now, last, retryAt, zone);


  it('P5: at the end instant, the next retry is 24 h later (04-09 10:10:52)', () => {
    expect(show(retry(end, null))).toBe('2020-04-09T10:10:52');
  });

  it('P5: retries run every 24 h from the end instant, the first at or after now', () => {
    expect(show(retry(end + 1, null))).toBe('2020-04-09T10:10:52');
    expect(show(retry(end + MS_PER_DAY - 1, null))).toBe('2020-04-09T10:10:52');
    expect(show(retry(end + MS_PER_DAY, null))).toBe('2020-04-09T10:10:52');
    expect(show(retry(at('2020-04-12T08:00:00'), null))).toBe('2020-04-12T10:10:52');
  });

  it('P5: a retry already made is not made again: the next is a day later', () => {
    const first = end + MS_PER_DAY;
    expect(show(retry(first, first))).toBe('2020-04-10T10:10:52');
  });

  it('P5: asked before the end, the first retry is still one day after the end', () => {
    expect(show(retry(end - 3 * MS_PER_DAY, null))).toBe('2020-04-09T10:10:52');
  });

  it('P5 with retryAt "00:00": the scans run at midnight, the first one after the end', () => {
    expect(policy.autoRenew.retryAt).toBe('end');
    expect(show(retry(end, null, '00:00'))).toBe('2020-04-09T00:00:00');
    expect(show(retry(at('2020-04-09T00:00:00'), at('2020-04-09T00:00:00'), '00:00'))).toBe('2020-04-10T00:00:00');
    expect(show(retry(end, null, '10:30'))).toBe('2020-04-08T10:30:00');
    expect(show(retry(end, null, '10:10'))).toBe('2020-04-09T10:10:00');
  });

  it('P5 with X2: retries fall on 04-09 … 04-15 before the suspension at 04-16 00:00', () => {
    const graceEnd = graceEndsAt(end, policy.lifecycle.grace, zone);
    const retries: string[] = [];
    for (let now = end, last: number | null = null; ; ) {
      const next = retry(now, last);
      if (next >= graceEnd) break;
      retries.push((show(next) as string).slice(0, 10));
      now = next;
      last = next;
    }
    expect(retries).toEqual(['2020-04-09', '2020-04-10', '2020-04-11', '2020-04-12', '2020-04-13', '2020-04-14', '2020-04-15']);
  });
});

describe('X1 with long windows', () => {
  it('X1: finds the warning of any day of a century-long window, at 10:00 on the first day at or after now', () => {
    const warnings = { daysBefore: 36_500, daysAfter: 36_500, at: '10:00' };
    const end = at('2020-04-08T10:10:52');
    expect(show(nextExpiryWarning(end, warnings, zone, at('2040-06-01T10:00:01'), null))).toBe('2040-06-02T10:00:00');
    expect(show(nextExpiryWarning(end, warnings, zone, at('1930-01-01T00:00:00'), null))).toBe('1930-01-01T10:00:00');
    expect(nextExpiryWarning(end, warnings, zone, at('2120-12-31T11:00:00'), null)).toBeUndefined();
  });
});

describe('scansWhileOff (P5, auto-renew off in grace)', () => {
  const first = at('2020-04-09T10:10:52');
  const graceEnd = at('2020-04-16T00:00');
  const always = () => true;
  const daily = (scan: number) => scan + MS_PER_DAY;

  it('counts the scans made up to now, a scan at now included, and goes on while the next falls before the end of grace', () => {
    expect(scansWhileOff(first, at('2020-04-09T10:00'), graceEnd, always, daily)).toEqual({ last: null, goingOn: true });
    expect(scansWhileOff(first, at('2020-04-11T10:10:52'), graceEnd, always, daily)).toEqual({ last: at('2020-04-11T10:10:52'), goingOn: true });
    expect(scansWhileOff(first, at('2020-04-15T12:00'), graceEnd, always, daily)).toEqual({ last: at('2020-04-15T10:10:52'), goingOn: false });
  });

  it('stops at the first scan that finds the knob off', () => {
    const offFrom12th = (scan: number) => scan < at('2020-04-12');
    expect(scansWhileOff(first, at('2020-04-14T12:00'), graceEnd, offFrom12th, daily)).toEqual({ last: at('2020-04-12T10:10:52'), goingOn: false });
  });
});
