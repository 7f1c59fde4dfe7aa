import { describe, expect, it } from 'vitest';
import { MS_PER_DAY } from '../../src/domain/calendar.ts';
import { accountId, appId, streamId } from '../../src/population/cohort.ts';
import { Decider } from '../../src/population/decider.ts';
import { decisionName, decisionStream, OwnerStreams } from '../../src/population/random.ts';

const owner = { seed: 7, cohort: 'smallGames', id: 'smallGames-12-1' };

describe('decision streams', () => {
  it('are named <seed>/<cohort>/<id>/<decision>/<occurrence>', () => {
    expect(decisionName(owner, 'renewal.afterExpiry.delay', 2)).toBe('7/smallGames/smallGames-12-1/renewal.afterExpiry.delay/2');
  });

  it('give the same numbers for the same name, on every run', () => {
    const a = decisionStream('7/smallGames/smallGames-12-1/renewal.afterExpiry.delay/2');
    const b = decisionStream('7/smallGames/smallGames-12-1/renewal.afterExpiry.delay/2');
    expect([a.uniform(), a.normal(), a.uniform()]).toEqual([b.uniform(), b.normal(), b.uniform()]);
  });

  it('give other numbers for another occurrence, decision, customer or seed', () => {
    const first = (name: string) => decisionStream(name).uniform();
    const base = first('7/c/c-1/renewal.months/1');
    for (const other of ['7/c/c-1/renewal.months/2', '7/c/c-1/purchase.months/1', '7/c/c-2/renewal.months/1', '8/c/c-1/renewal.months/1']) {
      expect(first(other)).not.toBe(base);
    }
  });

  it('of one owner give the numbers of their whole names, the owner read once', () => {
    const streams = new OwnerStreams(owner);
    for (const [decision, occurrence] of [['renewal.onWarning', '3.12'], ['payment.amount', 1], ['topUp.delay', '11.2'], ['renewal.onWarning', '3.12']] as const) {
      const ours = streams.stream(decision, occurrence);
      const named = decisionStream(decisionName(owner, decision, occurrence));
      expect([ours.uniform(), ours.normal(), ours.uniform()]).toEqual([named.uniform(), named.normal(), named.uniform()]);
    }
  });

  it('draw uniforms in [0, 1) spread evenly', () => {
    const values = Array.from({ length: 5000 }, (_, n) => decisionStream(`spread/${n}`).uniform());
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const low = values.filter((value) => value < 0.5).length;
    expect(low).toBeGreaterThan(2300);
    expect(low).toBeLessThan(2700);
  });
});

describe('a customer deciding', () => {
  const decider = new Decider(owner);

  it('decides a chance of 0 never and of 1 always, without a draw', () => {
    expect(decider.chance('purchase.chance', 1, 0)).toBe(false);
    expect(decider.chance('purchase.chance', 1, 1)).toBe(true);
  });

  it('decides the same way at the same occurrence, whoever asks', () => {
    const again = new Decider({ ...owner });
    for (let occurrence = 1; occurrence <= 20; occurrence += 1) {
      expect(again.chance('renewal.onWarning', `3.${occurrence}`, 0.3)).toBe(decider.chance('renewal.onWarning', `3.${occurrence}`, 0.3));
    }
  });

  it('reads a duration in days, fractional, to the second (1.5 days is 36 hours)', () => {
    expect(decider.days('topUp.delay', 1, 1.5)).toBe(1.5 * MS_PER_DAY);
    expect(decider.days('topUp.delay', 1, 1 / 86400 / 3)).toBe(0);
  });

  it('keeps a huge drawn delay finite: a hundred years, longer than any period', () => {
    expect(decider.days('topUp.delay', 1, { uniform: [1e300, 1e308] })).toBe(36_500 * MS_PER_DAY);
  });
});

describe('generated ids', () => {
  it('number accounts from 1, zero-padded to the width of the cohort, and their apps from 1', () => {
    expect(accountId('smallGames', 200, 12)).toBe('smallGames-012');
    expect(accountId('smallGames', 9, 3)).toBe('smallGames-3');
    expect(appId('smallGames-012', 1)).toBe('smallGames-012-1');
  });

  it('name their random streams without the padding, so a cohort grown past 99 keeps its draws', () => {
    expect(streamId('smallGames', 'smallGames-012-1')).toBe('smallGames-12-1');
    expect(streamId('small-games-2', 'small-games-2-07')).toBe('small-games-2-7');
  });

  it('leave the id of an app written on a generated account as it is', () => {
    expect(streamId('a', 'a-1-foo')).toBe('a-1-foo');
    expect(streamId('a', 'a-1-bar')).toBe('a-1-bar');
  });
});
