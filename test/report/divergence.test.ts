/** Where two runs of one scenario part ways (report/divergence.ts): per app, the first transition that differs. */
import { describe, expect, it } from 'vitest';
import { divergences, firstDivergence } from '../../src/report/divergence.ts';
import type { TransitionRecord } from '../../src/report/types.ts';
import { partingReports } from '../ui/fixtures.ts';

const t = (at: string, to: TransitionRecord['to'], cause: TransitionRecord['cause']): TransitionRecord => ({
  at: `${at}+08:00`,
  app: 'a1',
  account: 'acc',
  from: 'active',
  to,
  cause,
  edition: 'pro',
});

describe('where two runs part ways', () => {
  it('finds the first transition of an app that differs, or that only one run has', () => {
    const common = t('2020-03-05T10:00:00', 'active', 'purchase');
    const a = [common, t('2020-03-20T00:00:00', 'expiredGrace', 'expiry'), t('2020-03-28T00:00:00', 'suspended', 'graceOver')];
    const b = [common, t('2020-03-20T00:00:00', 'expiredGrace', 'expiry'), t('2020-04-04T00:00:00', 'suspended', 'graceOver')];
    expect(firstDivergence('a1', a, b)).toEqual({ app: 'a1', index: 2, at: '2020-03-28T00:00:00+08:00', a: a[2], b: b[2] });
    expect(firstDivergence('a1', a, a)).toBeUndefined();
    expect(firstDivergence('a1', a.slice(0, 2), a)).toEqual({ app: 'a1', index: 2, at: a[2].at, b: a[2] });
  });

  it('lists the apps that part by the instant they do', () => {
    const { a, b } = partingReports();
    expect(divergences(a, b).map((d) => [d.app, d.at])).toEqual([
      ['a1', '2020-03-05T10:00:00+08:00'],
      ['a2', '2020-03-11T10:00:00+08:00'],
    ]);
    expect(divergences(a, a)).toEqual([]);
  });
});
