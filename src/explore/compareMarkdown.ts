/** A comparison as GitHub-flavoured Markdown: the same tables as the text form. */
import { columns, mdCell, mdTable } from '../report/mdTable.ts';
import type { Comparison } from './comparison.ts';
import { overridesText } from '../report/overridesText.ts';
import { groupsOf, kpiTableRows, stepText } from './compareRows.ts';

export function renderCompareMarkdown(comparison: Comparison): string {
  const { scenario, a, b } = comparison;
  const kpiColumns = columns('KPI', 'A:', 'B:', 'B − A:', 'Change:');
  const table = (rows: ReturnType<typeof kpiTableRows>) => mdTable(kpiColumns, rows.map((row) => [row.kpi, row.a, row.b, row.delta, row.change]));
  const groups = groupsOf(comparison).flatMap((group) => {
    const rows = kpiTableRows(comparison, group, true);
    return [`### ${group.kind === 'byCohort' ? 'Cohort' : 'Tag'} ${mdCell(group.name)}`, '', ...(rows.length === 0 ? ['No KPI differs.'] : table(rows)), ''];
  });
  const apps = comparison.apps.map((entry) => [entry.app, stepText(entry.a), stepText(entry.b)]);
  const lines = [
    `# imsim compare: ${mdCell(scenario.name)}`,
    '',
    `- Scenario: \`${scenario.file}\`, seed ${scenario.seed} (the same customers make the same draws under A and B)`,
    `- A: \`${a.policy}\` ${mdCell(overridesText(a))}`,
    `- B: \`${b.policy}\` ${mdCell(overridesText(b))}`,
    `- Apps: ${a.kpis.apps.total}; ${comparison.betterOff} better off under B and ${comparison.worseOff} worse off by net revenue; ${comparison.apps.length} whose story parts`,
    '',
    '## KPIs, all accounts',
    '',
    ...table(kpiTableRows(comparison)),
    '',
    '## KPIs that differ, by cohort and tag',
    '',
    ...groups,
    '## Apps whose story parts',
    '',
    ...mdTable(columns('App', 'A: first difference', 'B: first difference'), apps),
  ];
  return `${lines.join('\n')}\n`;
}
