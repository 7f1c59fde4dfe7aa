/** `--kpi NAME…` of sweep and merge: the KPIs sweep.html charts (default: defaultSweepKpis). */
import { kpiNames } from '../report/kpis.ts';
import { UsageError } from './args.ts';

export function kpiOption(names: string[]): string[] | undefined {
  const unknown = names.filter((name) => !kpiNames().includes(name));
  if (unknown.length > 0) throw new UsageError(`--kpi ${unknown.join(', ')}: expected KPI names such as revenue.netCollected or apps.reclaimed (the columns of runs.csv)`);
  return names.length > 0 ? names : undefined;
}
