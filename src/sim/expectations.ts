/**
 * Checks a scenario's `expect` entries against a finished report. Each entry yields `ok`, what
 * was expected (the entry as written) and what the run produced.
 */
import { formatInstant, parseLocalTime, type Zone } from '../domain/calendar.ts';
import { formatMoney, money } from '../domain/money.ts';
import { kpiAt } from '../report/kpiPaths.ts';
import type { AppState, ExpectationResult, Kpis, Records, Report } from '../report/types.ts';
import type { Expectation } from '../scenario/types.ts';

type Check = { ok: boolean; actual: string };
type Fields = Record<string, string | number | undefined>;

/** Compares the given fields; amounts compare as money ("10000" equals "10000.00"). */
function compare(expected: Fields, actual: Fields): Check {
  const shown = Object.keys(expected)
    .filter((key) => expected[key] !== undefined)
    .map((key) => `${key}: ${actual[key] ?? 'none'}`);
  const ok = Object.keys(expected).every((key) => expected[key] === undefined || same(expected[key], actual[key]));
  return { ok, actual: shown.join(', ') };
}

function same(expected: string | number | undefined, actual: string | number | undefined): boolean {
  if (actual === undefined) return false;
  const moneyLike = /^-?\d+(\.\d+)?$/;
  if (typeof expected === 'string' && moneyLike.test(expected) && moneyLike.test(String(actual))) {
    return formatMoney(expected) === formatMoney(actual);
  }
  return String(expected) === String(actual);
}

/** "app? | account?": an entry of that app, of that account, or any when neither is named. */
function ownedBy(spec: { app?: string; account?: string }, entry: { app?: string; account?: string }): boolean {
  return (spec.app === undefined || entry.app === spec.app) && (spec.account === undefined || entry.account === spec.account);
}

const missing = (what: string): Check => ({ ok: false, actual: `no ${what}` });

/** A KPI of all accounts, a cohort or a tag: equal to `value`, and within `atLeast` … `atMost`. */
function checkKpi(spec: Extract<Expectation, { kind: 'kpi' }>, kpis: Kpis): Check {
  const set = spec.cohort !== undefined ? kpis.byCohort[spec.cohort] : spec.tag !== undefined ? kpis.byTag[spec.tag] : kpis;
  // An edition without orders has no revenueByEdition entry: its revenue is 0.00.
  const actual = set === undefined ? undefined : (kpiAt(set, spec.name) ?? (spec.name.startsWith('revenueByEdition.') ? '0.00' : undefined));
  if (actual === undefined) return missing(`KPI ${spec.name} for ${spec.cohort ?? spec.tag ?? 'all'}`);
  const value = money(actual);
  const ok =
    (spec.value === undefined || value.eq(spec.value)) &&
    (spec.atLeast === undefined || value.gte(spec.atLeast)) &&
    (spec.atMost === undefined || value.lte(spec.atMost));
  return { ok, actual: `${spec.name}: ${actual}` };
}

export function checkExpectations(expectations: Expectation[], report: Records & Pick<Report, 'kpis'>, zone: Zone): ExpectationResult[] {
  const instant = (at: number | undefined) => (at === undefined ? undefined : formatInstant(at, zone));
  const time = (text: string) => parseLocalTime(text, zone) ?? Number.NaN;

  function stateAt(app: string, at: number): AppState | undefined {
    const known = report.apps.find((entry) => entry.id === app);
    if (!known || time(known.createdAt) > at) return undefined;
    let state: AppState = 'trial';
    for (const transition of report.transitions) {
      if (transition.app === app && time(transition.at) <= at) state = transition.to;
    }
    return state;
  }

  function check(spec: Expectation): Check {
    switch (spec.kind) {
      case 'state': {
        const state = stateAt(spec.app, spec.at);
        return state ? compare({ state: spec.state }, { state }) : missing(`app ${spec.app} at that time`);
      }
      case 'billTotal': {
        const bill = report.bills.find((entry) => entry.account === spec.account && entry.month === spec.month);
        return compare({ total: spec.total }, { total: bill?.total ?? '0.00' });
      }
      case 'billLine': {
        const bill = report.bills.find((entry) => entry.account === spec.account && entry.month === spec.month);
        const line = bill?.lines.find((entry) => entry.app === spec.app && entry.item === spec.item);
        return compare({ amount: spec.amount }, { amount: line?.amount ?? '0.00' });
      }
      case 'refund': {
        const refund = report.refunds.filter((entry) => entry.app === spec.app && entry.product === spec.product)[spec.nth - 1];
        if (!refund) return missing(`refund #${spec.nth}`);
        return compare({ amount: spec.amount, ...spec.to }, { amount: refund.amount, ...refund.to });
      }
      case 'balance': {
        const at = spec.at;
        const before = report.balances.filter((entry) => entry.account === spec.account && time(entry.at) <= at);
        const balance = before[before.length - 1];
        if (!balance) return missing(`balance of ${spec.account} by then`);
        return compare({ cash: spec.cash, income: spec.income, gift: spec.gift, debt: spec.debt }, { ...balance });
      }
      case 'denied': {
        const denial = report.denials.filter((entry) => entry.type === spec.type && ownedBy(spec, entry))[spec.nth - 1];
        return denial ? compare({ reason: spec.reason }, { reason: denial.reason }) : missing(`denial #${spec.nth}`);
      }
      case 'transition': {
        const transition = report.transitions.filter((entry) => entry.app === spec.app && entry.to === spec.to)[spec.nth - 1];
        if (!transition) return missing(`transition #${spec.nth} to ${spec.to}`);
        return compare({ at: instant(spec.at), cause: spec.cause }, { at: transition.at, cause: transition.cause });
      }
      case 'order': {
        const order = report.orders.filter((entry) => entry.app === spec.app && entry.product === spec.product)[spec.nth - 1];
        if (!order) return missing(`order #${spec.nth} of ${spec.product}`);
        return compare(
          { total: spec.total, start: instant(spec.start), end: instant(spec.end) },
          { total: order.total, start: order.start, end: order.end },
        );
      }
      case 'notifications': {
        const found = report.notifications.filter((entry) => entry.kind === spec.notification && ownedBy(spec, entry));
        return compare(
          { count: spec.count, first: instant(spec.first), last: instant(spec.last) },
          { count: found.length, first: found[0]?.at, last: found[found.length - 1]?.at },
        );
      }
      case 'event': {
        const event = report.events.filter((entry) => entry.kind === spec.event && ownedBy(spec, entry))[spec.nth - 1];
        return event ? compare({ at: instant(spec.at) }, { at: event.at }) : missing(`event #${spec.nth} ${spec.event}`);
      }
      case 'kpi':
        return checkKpi(spec, report.kpis);
      case 'usage': {
        const usage = report.usage.find((entry) => entry.app === spec.app && entry.month === spec.month);
        if (!usage) return missing(`usage of ${spec.app} in ${spec.month}`);
        const { peakDau, peakGroups, proDays, userDaysDenied, roomDaysDenied } = spec;
        return compare({ peakDau, peakGroups, proDays, userDaysDenied, roomDaysDenied }, { ...usage, peakDauDay: undefined });
      }
    }
  }

  return expectations.map((spec, index) => ({ index, line: spec.line, expected: spec.text, ...check(spec) }));
}
