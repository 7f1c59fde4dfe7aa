/**
 * The key figures of a population per cohort and per tag (the report's `kpis.byCohort` and
 * `kpis.byTag`), as cards: the same few figures for each group, so that groups compare at a
 * glance.
 */
import type { KpiSet, Kpis } from '../../report/types.ts';
import { formatCny } from './money.ts';

export interface GroupCard {
  kind: 'cohort' | 'tag';
  name: string;
  figures: { label: string; value: string }[];
}

function figuresOf(set: KpiSet): GroupCard['figures'] {
  const { apps } = set;
  return [
    { label: 'net revenue collected', value: formatCny(set.revenue.netCollected) },
    { label: 'apps', value: apps.total.toLocaleString('en') },
    { label: 'bought a paid edition', value: apps.converted.toLocaleString('en') },
    { label: 'renewed in grace', value: apps.savedInGrace.toLocaleString('en') },
    { label: 'suspended', value: apps.suspended.toLocaleString('en') },
    { label: 'reclaimed', value: apps.reclaimed.toLocaleString('en') },
    { label: 'back too late', value: apps.lostAfterReclaim.toLocaleString('en') },
    { label: 'debt outstanding', value: formatCny(set.revenue.debtOutstanding) },
  ];
}

/** A card per cohort, then per tag, each in the order the report lists them. */
export function groupCards(kpis: Kpis): GroupCard[] {
  return [
    ...Object.entries(kpis.byCohort).map(([name, set]) => ({ kind: 'cohort' as const, name, figures: figuresOf(set) })),
    ...Object.entries(kpis.byTag).map(([name, set]) => ({ kind: 'tag' as const, name, figures: figuresOf(set) })),
  ];
}
