import { describe, expect, it } from 'vitest';
import { renderJson } from '../../src/report/json.ts';
import { ReportAssembler, type ReportPart, reportParts } from '../../src/ui/engine/reportParts.ts';
import { defaultRun } from './fixtures.ts';

/** The parts as the page receives them: each one cloned, as postMessage does. */
function received(parts: Iterable<ReportPart>) {
  const assembler = new ReportAssembler();
  for (const part of parts) assembler.add(structuredClone(part));
  return assembler.report();
}

describe('a report carried to the page in parts', () => {
  it('comes back the same report, byte for byte as JSON, its lists in slices', () => {
    const report = defaultRun();
    const parts = [...reportParts(report, 7)];
    expect(parts.filter((part) => part.key === 'notifications').length).toBe(Math.ceil(report.notifications.length / 7));
    expect(renderJson(received(parts))).toBe(renderJson(report));
  });

  it('keeps an empty list a list', () => {
    const report = { ...defaultRun(), refunds: [] };
    expect(received(reportParts(report)).refunds).toEqual([]);
  });
});
