/**
 * The key figures of a run, and of two runs side by side: revenue by item (prepaid, each
 * postpaid bill item, refunds, net), suspensions, reclaims, app-days in each state; and per
 * app the first transition where the two runs part ways.
 */
import Decimal from 'decimal.js';
import { type AppState, appStates, type BillItem, type Report } from '../../report/types.ts';
import type { Timeline } from './timeline.ts';
import { MS_PER_DAY } from './time.ts';
import { itemWords, stateWords } from './words.ts';

export type KpiKind = 'money' | 'count' | 'days';

export interface Kpi {
  key: string;
  label: string;
  kind: KpiKind;
  value: number;
  text: string;
}

const billItems: BillItem[] = ['dauOverage', 'storageExtension', 'peakGroups', 'avBandwidth', 'avBandwidthInternational'];

export function kpis(report: Report, timeline: Timeline): Kpi[] {
  const money = (key: string, label: string, amount: Decimal.Value): Kpi => {
    const value = new Decimal(amount);
    return { key, label, kind: 'money', value: value.toNumber(), text: value.toFixed(2) };
  };
  const count = (key: string, label: string, value: number): Kpi => ({ key, label, kind: 'count', value, text: String(value) });
  const days = (key: string, label: string, value: number): Kpi => ({ key, label, kind: 'days', value, text: value.toFixed(2) });

  const byItem = new Map<BillItem, Decimal>();
  for (const bill of report.bills) {
    for (const line of bill.lines) byItem.set(line.item, (byItem.get(line.item) ?? new Decimal(0)).plus(line.amount));
  }
  const { revenue } = report.summary;
  const rows: Kpi[] = [money('revenue.prepaid', 'prepaid (orders)', revenue.prepaid)];
  for (const item of billItems) {
    const amount = byItem.get(item);
    if (amount) rows.push(money(`revenue.postpaid.${item}`, `postpaid: ${itemWords[item]}`, amount));
  }
  rows.push(
    money('revenue.postpaid', 'postpaid (bills)', revenue.postpaid),
    money('revenue.refunded', 'refunded', revenue.refunded),
    money('revenue.net', 'net revenue', revenue.net),
    money('debtOutstanding', 'debt outstanding', report.summary.debtOutstanding),
    count('suspensions', 'suspensions', report.transitions.filter((t) => t.to === 'suspended').length),
    count('reclaims', 'reclaims', report.transitions.filter((t) => t.to === 'reclaimed').length),
  );
  const appDays = appDaysIn(timeline);
  for (const state of appStates) rows.push(days(`daysIn.${state}`, `app-days ${stateWords[state]}`, appDays[state]));
  return rows;
}

/** App-days in each state over the period, from the state segments (two decimals). */
export function appDaysIn(timeline: Timeline): Record<AppState, number> {
  const ms: Record<AppState, number> = { trial: 0, active: 0, expiredGrace: 0, suspended: 0, reclaimed: 0 };
  for (const app of timeline.apps) {
    for (const segment of app.segments) ms[segment.state] += segment.end - segment.start;
  }
  const days = { ...ms };
  for (const state of appStates) days[state] = Math.round((ms[state] / MS_PER_DAY) * 100) / 100;
  return days;
}

export interface KpiDelta {
  key: string;
  label: string;
  kind: KpiKind;
  a?: Kpi;
  b?: Kpi;
  delta: number;
  /** `+1200.00`, `-3`, `0.00`. */
  deltaText: string;
  changed: boolean;
}

/** B − A for every figure either run has, in A's order then B's extra ones; a missing figure counts 0. */
export function compareKpis(a: readonly Kpi[], b: readonly Kpi[]): KpiDelta[] {
  const keys = [...a.map((k) => k.key), ...b.map((k) => k.key).filter((key) => !a.some((k) => k.key === key))];
  return keys.map((key) => {
    const left = a.find((k) => k.key === key);
    const right = b.find((k) => k.key === key);
    const kind = (left ?? right)?.kind ?? 'count';
    const difference = new Decimal(right?.text ?? 0).minus(left?.text ?? 0);
    const digits = kind === 'count' ? 0 : 2;
    const sign = difference.isPositive() && !difference.isZero() ? '+' : '';
    return {
      key,
      label: (left ?? right)?.label ?? key,
      kind,
      a: left,
      b: right,
      delta: difference.toNumber(),
      deltaText: `${sign}${difference.toFixed(digits)}`,
      changed: !difference.isZero(),
    };
  });
}
