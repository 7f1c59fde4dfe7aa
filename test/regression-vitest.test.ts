/** The vitest integration's matcher: it passes on a golden report and, on another, fails saying what changed in words. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import '../src/regression/vitest.ts';
import { renderJson } from '../src/report/json.ts';
import { loadScenario } from '../src/scenario/load.ts';
import { simulate } from '../src/sim/simulate.ts';

const scratch = mkdtempSync(join(tmpdir(), 'imsim-matcher-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('toMatchGoldenReport', () => {
  const report = simulate(loadScenario('scenarios/default.yaml'));

  it('passes on the committed golden report', () => {
    expect(report).toMatchGoldenReport('scenarios/golden/default.json');
  });

  it('fails on another report with the changes in words as its message', () => {
    const golden = join(scratch, 'fourteen.json');
    writeFileSync(golden, renderJson(simulate(loadScenario('scenarios/default.yaml', { set: { 'lifecycle.grace.days': 14 } }))));
    expect(() => expect(report).toMatchGoldenReport(golden)).toThrow(
      /the report differs from .*fourteen\.json: \d+ changes\n.*~ transition 1400000002 expiredGrace → suspended \(graceOver\): 2020-03-24T00:00:00\+08:00 → 2020-03-17T00:00:00\+08:00/s,
    );
  });

  it('fails on a missing golden, saying how to write it', () => {
    expect(() => expect(report).toMatchGoldenReport(join(scratch, 'none.json'))).toThrow(/no golden report .*none\.json \(run with UPDATE_GOLDENS=1 to write it\)/);
  });
});
