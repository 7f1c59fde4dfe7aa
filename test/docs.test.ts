/**
 * The user's reference in docs/ keeps up with the code: every field a scenario may hold, every
 * field of the report, every KPI and every policy knob is documented, and every complete
 * scenario example runs with its expectations passing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { commandHelp } from '../src/cli/usage.ts';
import { unwrap } from '../src/input/schemaShape.ts';
import { loadPolicy } from '../src/policy/load.ts';
import { policySchema } from '../src/policy/schema.ts';
import { kpiNames } from '../src/report/kpis.ts';
import { loadScenario, parseScenario } from '../src/scenario/load.ts';
import { behaviourSchema, cohortSchema, dateUniformSchema, distributionSchemas } from '../src/scenario/populationSchema.ts';
import {
  accountSchema,
  appSchema,
  curveFormSchemas,
  eventSchemas,
  expectationSchemas,
  partsSchema,
  policyChangeSchema,
  scenarioSchema,
  usageSchema,
} from '../src/scenario/schema.ts';
import { simulate } from '../src/sim/simulate.ts';

const doc = (name: string) => readFileSync(join('docs', name), 'utf8');

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  valueType?: z.ZodType;
  element?: z.ZodType;
  items?: z.ZodType[];
  options?: z.ZodType[];
}
const defOf = (schema: z.ZodType) => unwrap(schema).def as unknown as Def;

/** Every object field name in a schema, through wrappers, records, lists, tuples and unions. */
function fieldNames(schema: z.ZodType): string[] {
  const def = defOf(schema);
  const inner = [...Object.values(def.shape ?? {}), def.valueType, def.element, ...(def.items ?? []), ...(def.options ?? [])];
  return [...Object.keys(def.shape ?? {}), ...inner.flatMap((child) => (child ? fieldNames(child) : []))];
}

/** The leaf paths of a policy; entries of a table (packs, discounts) collapse to `<…>`. */
function knobPaths(value: unknown, schema: z.ZodType, path: string[] = []): string[] {
  const def = defOf(schema);
  const fields = value as Record<string, unknown>;
  if (def.type === 'object' && def.shape) return Object.entries(def.shape).filter(([key]) => fields[key] !== undefined).flatMap(([key, field]) => knobPaths(fields[key], field, [...path, key]));
  if (def.type === 'record' && def.valueType && Object.keys(fields).length > 0) {
    return [...new Set(Object.values(fields).flatMap((entry) => knobPaths(entry, def.valueType as z.ZodType, [...path, '<…>'])))];
  }
  return [path.join('.')];
}

const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('docs', () => {
  it('mentions every field a scenario may hold, written as code', () => {
    const schemas = [
      scenarioSchema,
      policyChangeSchema,
      partsSchema,
      accountSchema,
      usageSchema,
      appSchema,
      ...Object.values(curveFormSchemas),
      ...Object.values(eventSchemas),
      ...Object.values(expectationSchemas),
      ...Object.values(distributionSchemas),
      dateUniformSchema,
      behaviourSchema,
      cohortSchema,
    ];
    const names = [...new Set(schemas.flatMap(fieldNames))];
    expect(names.length).toBeGreaterThan(100);
    const text = doc('scenario-format.md');
    expect(names.filter((name) => !text.includes(`\`${name}\``))).toEqual([]);
  });

  it('mentions every KPI and every top-level field of the report, written as code', () => {
    const report = simulate(loadScenario('scenarios/default.yaml'));
    const text = doc('report-format.md');
    expect(kpiNames().filter((name) => !text.includes(`\`${name}\``))).toEqual([]);
    expect(Object.keys(report).filter((field) => !text.includes(`\`${field}\``))).toEqual([]);
  });

  it('mentions every knob of the bundled policy by its dotted path', () => {
    const paths = knobPaths(loadPolicy('tencent-im-2019'), policySchema);
    expect(paths).toContain('packs.<…>.pricePerMonth');
    const text = doc('policy.md');
    const documented = (path: string) => new RegExp(`\`${literal(path).replaceAll('<…>', '<[A-Za-z]+>')}\``).test(text);
    expect(paths.filter((path) => !documented(path))).toEqual([]);
  });

  const examples = [...doc('scenario-format.md').matchAll(/```yaml\n(format: 1\n[\s\S]*?)```/g)].map((match) => match[1]);

  it('holds complete scenario examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(2);
  });

  it.each(examples.map((text) => [/^name: (.*)$/m.exec(text)?.[1] ?? '?', text]))('runs the example "%s" with every expectation passing', (_name, text) => {
    const report = simulate(parseScenario(text, 'docs/scenario-format.md'));
    expect(report.expectations.filter((result) => !result.ok)).toEqual([]);
  });

  it.each(['compare', 'sweep', 'merge'])('documents every option of "imsim %s" in docs/explore.md', (command) => {
    const options = [...new Set(commandHelp[command].match(/--[a-z]+/g))];
    expect(options.length).toBeGreaterThan(0);
    expect(options.filter((option) => !doc('explore.md').includes(option))).toEqual([]);
  });

  it('never points at the internal specs', () => {
    for (const file of readdirSync('docs')) expect(readFileSync(join('docs', file), 'latin1'), file).not.toMatch(/\.\.\/shared|shared\/spec/);
  });
});
