/**
 * A report's period as instants and local day numbers (days since 1970-01-01 in its zone): what
 * the KPIs, the charts of the pages and the visualizer measure against, computed one way.
 */
import { dayNumber, zoneNamed, localDay, startOfLocalDay, type Zone } from '../domain/calendar.ts';
import type { Records } from './types.ts';

export interface Period {
  zone: Zone;
  /** 00:00 local of the first day. */
  startAt: number;
  /** 00:00 local of the day after the last day (exclusive). */
  endAt: number;
  /** Local day number of the first day. */
  startDay: number;
  /** Number of days, first and last included. */
  days: number;
}

type Dated = Pick<Records, 'period' | 'transitions' | 'balances'>;

const offsetSuffix = /([+-])(\d{2}):(\d{2})$/;

/** The report's zone: its policy time zone, else the offset its instants are written with, else UTC. */
export function zoneOf(report: Dated): Zone {
  const named = zoneNamed(report.period.timezone);
  if (named) return named;
  const sample = report.transitions[0]?.at ?? report.balances[0]?.at ?? '';
  const match = offsetSuffix.exec(sample);
  if (!match) return { name: 'UTC', offsetMs: 0 };
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return { name: report.period.timezone, offsetMs: (match[1] === '-' ? -minutes : minutes) * 60_000 };
}

/** The local day number of a `YYYY-MM-DD` date. */
export function dayOfDate(date: string): number {
  const [year, month, day] = date.split('-').map(Number);
  return dayNumber(year, month, day);
}

export function periodOf(report: Dated): Period {
  const zone = zoneOf(report);
  const startDay = dayOfDate(report.period.start);
  const days = dayOfDate(report.period.end) - startDay + 1;
  return { zone, startAt: startOfLocalDay(startDay, zone), endAt: startOfLocalDay(startDay + days, zone), startDay, days };
}

/** The index in the period of the day an instant falls on (0 = the first day), clamped to the period. */
export function dayIndex(period: Period, at: number): number {
  return Math.min(period.days - 1, Math.max(0, localDay(at, period.zone) - period.startDay));
}
