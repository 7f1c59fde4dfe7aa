/**
 * `imsim coverage [DIR]`: every rule of the catalogue with the scenarios that exercise it, and
 * every state and transition of the machines with whether a scenario took it. Exit 1 on a gap.
 */
import { type Coverage, isComplete, measureCoverage } from '../coverage/coverage.ts';
import { loadScenario } from '../scenario/load.ts';
import { parseOptions } from './args.ts';
import { scenarioFiles } from '../regression/scenarioFiles.ts';

const percent = (done: number, all: number) => `${done}/${all} (${all === 0 ? 100 : Math.floor((done * 100) / all)}%)`;

export function renderCoverage(coverage: Coverage, verbose: boolean): string {
  const lines: string[] = [];
  const covered = coverage.rules.filter((rule) => rule.confirmedBy.length > 0);
  lines.push(`RULES  ${percent(covered.length, coverage.rules.length)} exercised`);
  for (const rule of coverage.rules) {
    const mark = rule.confirmedBy.length > 0 ? '✓' : '✗';
    const unconfirmed = rule.declaredBy.filter((file) => !rule.confirmedBy.includes(file));
    const detail = rule.confirmedBy.length > 0 ? rule.confirmedBy.join(', ') : 'no scenario exercises it';
    lines.push(`  ${mark} ${rule.id.padEnd(3)} ${rule.title}`);
    lines.push(`        ${detail}${unconfirmed.length > 0 ? `  (declared, not seen in: ${unconfirmed.join(', ')})` : ''}`);
  }
  for (const machine of coverage.machines) {
    const states = machine.states.filter((state) => state.visitedBy.length > 0).length;
    const edges = machine.edges.filter((edge) => edge.takenBy.length > 0).length;
    lines.push('', `${machine.machine.toUpperCase()} MACHINE  states ${percent(states, machine.states.length)}, transitions ${percent(edges, machine.edges.length)}`);
    for (const state of machine.states) {
      if (verbose || state.visitedBy.length === 0) lines.push(`  ${state.visitedBy.length > 0 ? '✓' : '✗'} state ${state.id}`);
    }
    for (const { edge, takenBy } of machine.edges) {
      if (verbose || takenBy.length === 0) lines.push(`  ${takenBy.length > 0 ? '✓' : '✗'} ${edge.key}${verbose && takenBy.length > 0 ? `  (${takenBy.length} scenarios)` : ''}`);
    }
  }
  lines.push('', isComplete(coverage) ? 'coverage complete' : 'coverage incomplete: the ✗ lines above have no scenario');
  return `${lines.join('\n')}\n`;
}

export function coverageCommand(args: string[]): number {
  const { values, positionals } = parseOptions(args, { all: { type: 'boolean', default: false } });
  const dir = positionals[0] ?? 'scenarios';
  const coverage = measureCoverage(scenarioFiles(dir).map((file) => loadScenario(file)));
  process.stdout.write(renderCoverage(coverage, values.all as boolean));
  return isComplete(coverage) ? 0 : 1;
}
