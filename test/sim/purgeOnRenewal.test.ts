/**
 * X4's open reading, through the engine: whether an app renewed in grace loses the lapsed
 * period's purchase records at the end of that grace (`lifecycle.purgeOnRenewalInGrace`).
 */
import { describe, expect, it } from 'vitest';
import { renderJson } from '../../src/report/json.ts';
import { parseScenario } from '../../src/scenario/load.ts';
import { mergeShardRecords } from '../../src/sim/shardMerge.ts';
import { runShard } from '../../src/sim/shardRun.ts';
import { advance, finish, policyZone, reportOf, simulate, startRun } from '../../src/sim/simulate.ts';
import { resumeRun, saveRun } from '../../src/sim/persist.ts';
import { zoneNamed, parseLocalTime, type Zone } from '../../src/domain/calendar.ts';

// Pro ends 04-08 10:10:52; grace runs to 04-16 00:00 (X2). App 1 is renewed in grace on 04-10,
// app 2 (another account) lapses.
const scenario = (purge: boolean) =>
  parseScenario(
    `format: 1
name: purge on renewal in grace
policy: tencent-im-2019
policyOverrides: { lifecycle.purgeOnRenewalInGrace: ${purge} }
start: 2020-03-01
end: 2020-05-31
accounts:
  - { id: a, balance: { cash: "5000" }, apps: [{ id: "1" }] }
  - { id: b, balance: { cash: "5000" }, apps: [{ id: "2" }] }
events:
  - { at: 2020-03-09T10:10:52, type: purchase, app: "1", product: pro, months: 1 }
  - { at: 2020-03-09T10:10:52, type: purchase, app: "2", product: pro, months: 1 }
  - { at: 2020-04-10T12:00:00, type: renew, app: "1", months: 1 }
`,
    'purge.yaml',
  );

const purges = (purge: boolean) =>
  simulate(scenario(purge))
    .events.filter((event) => event.kind === 'recordsPurged')
    .map((event) => `${event.app} ${event.at.slice(0, 19)}${event.detail ? ` ${event.detail}` : ''}`);

describe('X4: purchase records of an app renewed in grace', () => {
  it('are kept by default: app 2, which lapsed, loses its records at the end of its grace; app 1 only when its renewal lapses in turn', () => {
    expect(purges(false)).toEqual(['2 2020-04-16T00:00:00', '1 2020-05-15T00:00:00']);
  });

  it('go at the end of that grace too with purgeOnRenewalInGrace, though the app stays active', () => {
    expect(purges(true)).toEqual(['1 2020-04-16T00:00:00 renewed in grace', '2 2020-04-16T00:00:00', '1 2020-05-15T00:00:00']);
    expect(simulate(scenario(true)).transitions.filter((t) => t.app === '1').map((t) => t.to)).toEqual(['active', 'expiredGrace', 'active', 'expiredGrace', 'suspended']);
  });

  it('a run split into shards by account gives the same report', () => {
    const single = renderJson(simulate(scenario(true)));
    const results = [0, 1].map((index) => structuredClone(runShard(scenario(true), { index, count: 2 })));
    expect(renderJson(reportOf(scenario(true), mergeShardRecords(results), policyZone(scenario(true).policy)))).toBe(single);
  });

  it('a run paused while the purge is pending and resumed gives the same report', () => {
    const whole = renderJson(simulate(scenario(true)));
    const run = startRun(scenario(true));
    advance(run, parseLocalTime('2020-04-12T00:00:00', zoneNamed('+08:00') as Zone) as number);
    expect(renderJson(finish(resumeRun(JSON.parse(JSON.stringify(saveRun(run))))))).toBe(whole);
  });
});
