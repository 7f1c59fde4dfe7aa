/**
 * What the threads of a run are given (sim/parallel.ts, sim/spooledOnThreads.ts): the scenario as
 * this thread parsed it, structured-cloned, so that no thread reads a file or parses it again. A
 * structured clone keeps plain data only, so a parsed scenario must be nothing else: a class
 * instance (a Decimal, a Map) in it would reach the threads as something else.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/load.ts';
import { readScenarioSource, scenarioOf } from '../../src/scenario/source.ts';

const bundled = [...readdirSync('scenarios').filter((file) => file.endsWith('.yaml')).map((file) => `scenarios/${file}`), 'scenarios/large/fleet-1000.yaml'];

describe('a scenario as the threads of a run are given it', () => {
  it.each(bundled)('is %s as parsed, whole, after a structured clone', (file) => {
    const scenario = scenarioOf(readScenarioSource(file), { seed: 3 });
    expect(structuredClone(scenario)).toStrictEqual(scenario);
  });

  it('keeps knobs set on the command line and a CSV curve read next to the scenario', () => {
    const text = `format: 1
name: curves from a file
policy: tencent-im-2019
start: 2020-03-01
end: 2020-03-31
accounts:
  - id: a
    apps:
      - id: "1"
        usage:
          dau: { csv: data/dau.csv, column: dau }
`;
    const scenario = parseScenario(text, 'scenarios/csv.yaml', {
      readFile: () => 'date,dau\n2020-03-01,100\n2020-03-02,120\n',
      set: { 'lifecycle.grace.days': 14 },
    });
    expect(scenario.policy.lifecycle.grace.days).toBe(14);
    expect(structuredClone(scenario)).toStrictEqual(scenario);
  });
});
