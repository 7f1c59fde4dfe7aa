import { describe, expect, it } from 'vitest';
import { accountStories, appStories, headline } from '../../src/ui/model/story.ts';
import { buildTimeline } from '../../src/ui/model/timeline.ts';
import { defaultRun } from './fixtures.ts';

describe('the story of each app of the default scenario', () => {
  const report = defaultRun();
  const timeline = buildTimeline(report);
  const stories = appStories(report, timeline);
  const story = (id: string) => stories.find((s) => s.app === id)!;

  it('tells how Games lapsed: bought, expired, suspended after grace, reclaimed', () => {
    const games = story('1400000002');
    expect(games.label).toBe('Games (1400000002)');
    expect(games.lapsed).toBe(true);
    expect(games.words).toBe(
      'bought pro × 1 month 2020-02-10 14:30 (999.00), expired 2020-03-09 14:30 (expiry), suspended 2020-03-17 (graceOver), ' +
        'reclaimed 2020-06-15 (retentionOver); paid 999.00; refunded 0.00; usage billed 0.00; ends reclaimed',
    );
  });

  it('tells the refund of Pilot and its suspension at once', () => {
    const pilot = story('1400000003');
    expect(pilot.lapsed).toBe(false);
    expect(pilot.items.map((i) => i.kind)).toEqual(['order', 'refund', 'transition', 'transition']);
    expect(pilot.items[1].text).toBe('refunded 2997.00 2020-03-05 18:00 (no-reason refund of pro)');
    expect(pilot.items[2].text).toBe('suspended 2020-03-05 18:00 (refund)');
    expect(pilot.refunded).toBe('2997.00');
  });

  it('tells the arrears of Chat once, and its monthly auto-renewals as one item', () => {
    const chat = story('1400000001');
    const texts = chat.items.map((i) => i.text);
    expect(texts).toContain('suspended 2020-10-10 (arrears)');
    expect(texts).toContain('restored to active 2020-10-14 11:00 (arrearsCleared)');
    expect(texts.filter((t) => t.startsWith('auto-renewed'))).toHaveLength(1);
    expect(texts.find((t) => t.startsWith('auto-renewed'))).toMatch(/^auto-renewed pro \d+ times from 2021-01-05 10:00 to /);
    expect(Number(chat.billed)).toBeCloseTo(Number(report.summary.revenue.postpaid), 2);
  });

  it('tells the account falling into arrears and paying its debt with a top-up', () => {
    const [acme] = accountStories(timeline);
    expect(acme.account).toBe('acme');
    expect(acme.items.map((i) => i.kind)).toEqual(['arrears', 'arrears', 'topUp']);
    expect(acme.items[0].text).toMatch(/^fell into arrears 2020-10-03: bill 2020-09 left a debt of \d+\.\d\d$/);
    expect(acme.items[1].text).toBe('paid its debt 2020-10-14 11:00 (top-up)');
    expect(acme.items[2].text).toBe('topped up 150000.00 2020-10-14 11:00');
    expect(acme.words).toMatch(/^opened with cash 60000\.00, income 0\.00, gift 2000\.00, fell into arrears/);
  });
});

describe('the headline of an app', () => {
  const report = defaultRun();
  const stories = appStories(report, buildTimeline(report));
  const told = (id: string) => headline(stories.find((s) => s.app === id)!);

  it('says which app lapsed, when, why and what it cost', () => {
    expect(told('1400000002')).toBe(
      'Games (1400000002) lapsed: its pro expired 2020-03-09 14:30 without a renewal, grace ran out and it was suspended 2020-03-17 (X3), ' +
        'then reclaimed 2020-06-15 when retention ran out (X5). It paid 999.00 up front, got 0.00 back and was billed 0.00 for usage.',
    );
  });

  it('tells a refund and an arrears episode', () => {
    expect(told('1400000003')).toMatch(/^Pilot \(1400000003\) was refunded 2997\.00 2020-03-05 18:00 and suspended at once \(R3\), then reclaimed 2020-06-03/);
    expect(told('1400000001')).toMatch(
      /^Chat \(1400000001\) was suspended 2020-10-10 because its account left a bill unpaid \(A3\), and restored 2020-10-14 11:00 when the debt was paid \(A4\)\./,
    );
  });

  it('has nothing to say of an app never suspended', () => {
    expect(headline({ ...stories[0], items: stories[0].items.filter((i) => i.state !== 'suspended') })).toBeUndefined();
  });
});
