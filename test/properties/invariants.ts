/**
 * The invariants checked on every generated scenario (issue: "Invariants under random scenarios
 * with fast-check"). Each check reads the scenario and its report and returns the violations it
 * finds, as sentences; an empty list means the invariant holds. Money is compared exactly with
 * decimal.js; days are local days of the policy zone (UTC+8, no DST).
 */
import Decimal from 'decimal.js';
import { dailySeries } from '../../src/domain/curves.ts';
import { zoneNamed, type Zone } from '../../src/domain/calendar.ts';
import type { AppState, MoneyParts, Report, TransitionCause } from '../../src/report/types.ts';
import type { Scenario, UsageKey } from '../../src/scenario/types.ts';
import { dayOf, formatDay } from './arbitraries.ts';

export interface Run {
  text: string;
  scenario: Scenario;
  report: Report;
}

export const MS_PER_DAY = 86_400_000;
export const OFFSET_MS = 8 * 3_600_000;
const PARTS = ['cash', 'income', 'gift'] as const;

export const dec = (value: Decimal.Value): Decimal => new Decimal(value);
export const sumOf = (values: Decimal.Value[]): Decimal => values.reduce<Decimal>((total, value) => total.plus(value), dec(0));
const partsTotal = (parts: MoneyParts): Decimal => sumOf(PARTS.map((part) => parts[part]));

/** Milliseconds since the epoch of a report instant (ISO 8601 with its offset). */
export function instantMs(text: string): number {
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new Error(`not an instant: ${text}`);
  return ms;
}

/** The local day (days since 1970-01-01 in UTC+8) of an instant in ms. */
export const localDayOf = (ms: number): number => Math.floor((ms + OFFSET_MS) / MS_PER_DAY);
export const startOfDay = (day: number): number => day * MS_PER_DAY - OFFSET_MS;
const dayOfDate = (date: string): number => {
  const [y, m, d] = date.split('-').map(Number);
  return dayOf(y, m, d);
};

export function periodOf(report: Report) {
  const startDay = dayOfDate(report.period.start);
  const endDay = dayOfDate(report.period.end);
  return { startDay, endDay, days: endDay - startDay + 1, endAt: startOfDay(endDay + 1) };
}

// ---------------------------------------------------------------------------------------------
// a. Money is conserved per account.

/**
 * Per account, from the report: opening balance + top-ups + refunds = final balance + Σ order
 * totals + Σ bill paid + debt repaid, and Σ bill debt − debt repaid = final debt. Each balance
 * entry is also explained by its cause (order, bill, top-up, refund), part by part where the
 * rules fix the parts, and no part and no debt is ever negative.
 *
 * Top-ups are the scenario's `topUp` events of the account, in order, and (population
 * behaviour, EXPLORE.md §3) the top-ups a generated account's customer makes: those entries are
 * marked `by: behaviour`, add cash only (income and gift unchanged), add something, and are
 * never made for a written account.
 */
export function moneyConservation({ scenario, report }: Run): string[] {
  const out: string[] = [];
  let debtOutstanding = dec(0);
  for (const account of scenario.accounts) {
    const id = account.id;
    const entries = report.balances.filter((entry) => entry.account === id);
    const orders = report.orders.filter((order) => order.account === id);
    const bills = report.bills.filter((bill) => bill.account === id);
    const refunds = report.refunds.filter((refund) => refund.account === id);
    const topUps = scenario.events.flatMap((event) => (event.type === 'topUp' && event.account === id ? [event] : []));
    if (entries.length === 0 || entries[0].cause !== 'opening balance') {
      out.push(`${id}: the first balance entry is not the opening balance`);
      continue;
    }
    for (const part of PARTS) {
      if (!dec(entries[0][part]).eq(account.balance[part])) {
        out.push(`${id}: opening ${part} ${entries[0][part]} differs from the scenario's ${account.balance[part]}`);
      }
    }
    if (!dec(entries[0].debt).isZero()) out.push(`${id}: the opening balance has debt ${entries[0].debt}`);

    let repaid = dec(0);
    let topUpIndex = 0;
    let behaviourTopUps = dec(0);
    const seen = { orders: new Set<string>(), bills: new Set<string>(), refunds: new Set<string>() };
    for (let k = 1; k < entries.length; k += 1) {
      const [before, after] = [entries[k - 1], entries[k]];
      const where = `${id}: balance entry ${k} ("${after.cause}" at ${after.at})`;
      const delta = Object.fromEntries(PARTS.map((part) => [part, dec(after[part]).minus(before[part])])) as Record<
        (typeof PARTS)[number],
        Decimal
      >;
      const deltaTotal = sumOf(PARTS.map((part) => delta[part]));
      const deltaDebt = dec(after.debt).minus(before.debt);
      for (const part of PARTS) if (dec(after[part]).isNegative()) out.push(`${where}: ${part} is negative (${after[part]})`);
      if (dec(after.debt).isNegative()) out.push(`${where}: debt is negative (${after.debt})`);
      if (deltaDebt.isNegative()) repaid = repaid.plus(deltaDebt.negated());

      const order = /^order (\S+)$/.exec(after.cause);
      const bill = /^bill (\d{4}-\d{2})$/.exec(after.cause);
      const refund = /^refund of (.+)$/.exec(after.cause);
      if (order) {
        const record = orders.find((candidate) => candidate.id === order[1]);
        seen.orders.add(order[1]);
        if (!record) {
          out.push(`${where}: no order ${order[1]} of this account`);
          continue;
        }
        for (const part of PARTS) {
          if (!delta[part].eq(dec(record.paid[part]).negated())) {
            out.push(`${where}: ${part} moved by ${delta[part]}, the order paid ${record.paid[part]} from it`);
          }
        }
        if (!partsTotal(record.paid).eq(record.total)) out.push(`${where}: order ${record.id} paid ${partsTotal(record.paid)} of its total ${record.total}`);
        if (!deltaDebt.isZero()) out.push(`${where}: an order changed the debt by ${deltaDebt}`);
      } else if (bill) {
        const record = bills.find((candidate) => candidate.month === bill[1]);
        seen.bills.add(bill[1]);
        if (!record) {
          out.push(`${where}: no bill ${bill[1]} of this account in the report`);
          continue;
        }
        if (!deltaTotal.eq(dec(record.paid).negated())) out.push(`${where}: the balance moved by ${deltaTotal}, the bill says paid ${record.paid}`);
        if (!deltaDebt.eq(record.debt)) out.push(`${where}: the debt moved by ${deltaDebt}, the bill says debt ${record.debt}`);
        if (!dec(record.paid).plus(record.debt).eq(record.total)) {
          out.push(`${where}: bill ${record.month} paid ${record.paid} + debt ${record.debt} ≠ total ${record.total}`);
        }
        for (const part of PARTS) if (delta[part].isPositive() && !delta[part].isZero()) out.push(`${where}: a bill added ${delta[part]} to ${part}`);
      } else if (after.cause === 'top-up' && after.by === 'behaviour') {
        const incoming = deltaTotal.minus(deltaDebt);
        behaviourTopUps = behaviourTopUps.plus(incoming);
        if (account.cohort === undefined) out.push(`${where}: a top-up by behaviour for a written account`);
        if (!delta.income.isZero() || !delta.gift.isZero()) out.push(`${where}: a top-up by behaviour moved income by ${delta.income} and gift by ${delta.gift}, not cash only`);
        if (!incoming.isPositive() || incoming.isZero()) out.push(`${where}: a top-up by behaviour of ${incoming}`);
        if (deltaDebt.isPositive() && !deltaDebt.isZero()) out.push(`${where}: a top-up increased the debt by ${deltaDebt}`);
      } else if (after.cause === 'top-up') {
        const event = topUps[topUpIndex];
        topUpIndex += 1;
        if (!event) {
          out.push(`${where}: more top-up entries than top-up events`);
          continue;
        }
        const incoming = sumOf([event.cash, event.income, event.gift]);
        if (!deltaTotal.minus(deltaDebt).eq(incoming)) {
          out.push(`${where}: balance +${deltaTotal} and debt repaid ${deltaDebt.negated()} do not add up to the top-up ${incoming}`);
        }
        if (deltaDebt.isPositive() && !deltaDebt.isZero()) out.push(`${where}: a top-up increased the debt by ${deltaDebt}`);
      } else if (refund) {
        const ids = refund[1].split(', ');
        const records = refunds.filter((candidate) => ids.includes(candidate.order));
        for (const orderId of ids) seen.refunds.add(orderId);
        const returned = sumOf(records.map((record) => record.amount));
        if (records.length !== ids.length) out.push(`${where}: ${ids.length} orders named, ${records.length} refund records found`);
        if (!deltaTotal.minus(deltaDebt).eq(returned)) {
          out.push(`${where}: balance +${deltaTotal} and debt repaid ${deltaDebt.negated()} do not add up to the refunds ${returned}`);
        }
        if (deltaDebt.isPositive() && !deltaDebt.isZero()) out.push(`${where}: a refund increased the debt by ${deltaDebt}`);
      } else if (!deltaTotal.isZero() || !deltaDebt.isZero()) {
        out.push(`${where}: an unexplained change: balance ${deltaTotal}, debt ${deltaDebt}`);
      }
    }
    for (const order of orders) if (!seen.orders.has(order.id)) out.push(`${id}: order ${order.id} has no balance entry`);
    for (const bill of bills) if (!seen.bills.has(bill.month)) out.push(`${id}: bill ${bill.month} has no balance entry`);
    for (const record of refunds) if (!seen.refunds.has(record.order)) out.push(`${id}: the refund of ${record.order} has no balance entry`);
    if (topUpIndex !== topUps.length) out.push(`${id}: ${topUps.length} top-up events, ${topUpIndex} top-up balance entries`);

    // The identity itself.
    const opening = partsTotal(entries[0]);
    const final = entries[entries.length - 1];
    const toppedUp = sumOf(topUps.flatMap((event) => [event.cash, event.income, event.gift]));
    const refunded = sumOf(refunds.map((record) => record.amount));
    const prepaid = sumOf(orders.map((record) => record.total));
    const billPaid = sumOf(bills.map((bill) => bill.paid));
    const billDebt = sumOf(bills.map((bill) => bill.debt));
    const lhs = opening.plus(toppedUp).plus(behaviourTopUps).plus(refunded);
    const rhs = partsTotal(final).plus(prepaid).plus(billPaid).plus(repaid);
    if (!lhs.eq(rhs)) {
      out.push(
        `${id}: opening ${opening} + top-ups ${toppedUp} + top-ups by behaviour ${behaviourTopUps} + refunds ${refunded} = ${lhs}, but final balance ${partsTotal(final)} + orders ${prepaid} + bills paid ${billPaid} + debt repaid ${repaid} = ${rhs}`,
      );
    }
    if (!billDebt.minus(repaid).eq(final.debt)) {
      out.push(`${id}: bill debt ${billDebt} − repaid ${repaid} = ${billDebt.minus(repaid)}, but the final debt is ${final.debt}`);
    }
    debtOutstanding = debtOutstanding.plus(final.debt);
  }
  if (!debtOutstanding.eq(report.summary.debtOutstanding)) {
    out.push(`summary.debtOutstanding ${report.summary.debtOutstanding} ≠ Σ final debts ${debtOutstanding}`);
  }
  const revenue = report.summary.revenue;
  const checks: [string, string, Decimal][] = [
    ['prepaid', revenue.prepaid, sumOf(report.orders.map((order) => order.total))],
    ['postpaid', revenue.postpaid, sumOf(report.bills.map((bill) => bill.total))],
    ['refunded', revenue.refunded, sumOf(report.refunds.map((refund) => refund.amount))],
  ];
  for (const [name, shown, actual] of checks) if (!dec(shown).eq(actual)) out.push(`summary.revenue.${name} ${shown} ≠ ${actual}`);
  return out;
}

// ---------------------------------------------------------------------------------------------
// b. Refunds never exceed what was paid; vouchers never come back.

export function refundsBounded({ report }: Run): string[] {
  const out: string[] = [];
  const refunded = new Set<string>();
  for (const refund of report.refunds) {
    const where = `refund of ${refund.order} at ${refund.at}`;
    const order = report.orders.find((candidate) => candidate.id === refund.order);
    if (!order) {
      out.push(`${where}: no such order`);
      continue;
    }
    if (refunded.has(order.id)) out.push(`${where}: the order was already refunded`);
    refunded.add(order.id);
    if (order.app !== refund.app || order.product !== refund.product || order.account !== refund.account) {
      out.push(`${where}: the order is ${order.product} of ${order.app}, the refund ${refund.product} of ${refund.app}`);
    }
    if (instantMs(refund.at) < instantMs(order.at)) out.push(`${where}: before the order (${order.at})`);
    const amount = dec(refund.amount);
    const forfeited = dec(refund.voucherForfeited);
    if (amount.isNegative()) out.push(`${where}: negative amount ${refund.amount}`);
    if (amount.gt(order.total)) out.push(`${where}: amount ${refund.amount} exceeds the order's total ${order.total}`);
    if (!partsTotal(refund.to).eq(amount)) out.push(`${where}: its parts add up to ${partsTotal(refund.to)}, not ${refund.amount}`);
    for (const part of PARTS) {
      if (dec(refund.to[part]).isNegative()) out.push(`${where}: negative ${part} ${refund.to[part]}`);
      if (dec(refund.to[part]).gt(order.paid[part])) {
        out.push(`${where}: returns ${refund.to[part]} to ${part}, the order paid ${order.paid[part]} from it`);
      }
    }
    if (forfeited.isNegative()) out.push(`${where}: negative voucherForfeited ${refund.voucherForfeited}`);
    if (forfeited.gt(order.voucher)) out.push(`${where}: voucherForfeited ${refund.voucherForfeited} exceeds the voucher ${order.voucher}`);
    if (amount.plus(forfeited).gt(dec(order.total).plus(order.voucher))) {
      out.push(`${where}: amount ${refund.amount} + voucher forfeited ${refund.voucherForfeited} exceeds total ${order.total} + voucher ${order.voucher}`);
    }
    if (refund.kind === 'noReason') {
      // R1: everything paid goes back, each part to where it came from; the voucher does not.
      if (!amount.eq(order.total)) out.push(`${where}: a no-reason refund of ${refund.amount} for an order that paid ${order.total}`);
      for (const part of PARTS) {
        if (!dec(refund.to[part]).eq(order.paid[part])) out.push(`${where}: no-reason refund returns ${refund.to[part]} to ${part}, paid ${order.paid[part]}`);
      }
      if (!forfeited.eq(order.voucher)) out.push(`${where}: no-reason refund forfeits ${refund.voucherForfeited} of a ${order.voucher} voucher`);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// c. No usage charge for a day in trial, suspended or reclaimed.

interface Span {
  from: number;
  to: number;
  state: AppState;
}

/** The app's top-level states over time, from its creation (in trial) and its transitions. */
function spansOf(report: Report, app: string): Span[] {
  const created = report.apps.find((record) => record.id === app);
  if (!created) return [];
  const changes = [
    { at: instantMs(created.createdAt), state: 'trial' as AppState },
    ...report.transitions.filter((t) => t.app === app).map((t) => ({ at: instantMs(t.at), state: t.to })),
  ];
  const { endAt } = periodOf(report);
  return changes.map((change, k) => ({ from: change.at, to: k + 1 < changes.length ? changes[k + 1].at : endAt, state: change.state }));
}

/** U1: the local days on which pro was in effect (active or grace) at any moment. */
export function proDaysOf(report: Report, app: string): Set<number> {
  const days = new Set<number>();
  for (const span of spansOf(report, app)) {
    if ((span.state !== 'active' && span.state !== 'expiredGrace') || span.to <= span.from) continue;
    for (let day = localDayOf(span.from); day <= localDayOf(span.to - 1); day += 1) days.add(day);
  }
  return days;
}

const zone = zoneNamed('Asia/Shanghai') as Zone;

/**
 * The name of an app's random curve streams: its id, or for a generated app its id without the
 * zero padding of its account's number (docs/scenario-format.md, "Randomness":
 * `smallGames-012-1` → `smallGames-12-1`).
 */
export function streamName(app: string, cohort: string | undefined): string {
  if (cohort === undefined) return app;
  return `${cohort}-${app.slice(cohort.length + 1).split('-').map((part) => String(Number(part))).join('-')}`;
}

function seriesOf(scenario: Scenario, report: Report, app: string, key: UsageKey): Float64Array {
  const { startDay, days } = periodOf(report);
  const account = scenario.accounts.find((candidate) => candidate.apps.some((spec) => spec.id === app));
  const curve = account?.apps.find((candidate) => candidate.id === app)?.usage[key];
  if (!curve) return new Float64Array(days);
  const appId = streamName(app, account?.cohort);
  return dailySeries(curve, { startDay, days, zone, seed: scenario.seed, appId, key, whole: key !== 'avBandwidthMbps' });
}

/**
 * From the transitions, which days of each month were pro days: the usage record says as many,
 * an app/month without one has no bill line, and the DAU, groups and bandwidth lines are the
 * peaks and sums over exactly those days (U2, U4, U5, U6), never over a trial, suspended or
 * reclaimed day.
 */
export function noChargeOffPro({ scenario, report }: Run): string[] {
  const out: string[] = [];
  const { startDay, endDay } = periodOf(report);
  const policy = scenario.policy;
  for (const app of report.apps) {
    const proDays = proDaysOf(report, app.id);
    const series = {
      dau: seriesOf(scenario, report, app.id, 'dau'),
      groups: seriesOf(scenario, report, app.id, 'groups'),
      mbps: seriesOf(scenario, report, app.id, 'avBandwidthMbps'),
    };
    for (const usage of report.usage.filter((record) => record.app === app.id)) {
      const [year, month] = usage.month.split('-').map(Number);
      const fromDay = Math.max(startDay, dayOf(year, month, 1));
      const toDay = Math.min(endDay + 1, dayOf(year, month + 1, 1));
      const days: number[] = [];
      for (let day = fromDay; day < toDay; day += 1) if (proDays.has(day)) days.push(day);
      const where = `${app.id} ${usage.month}`;
      if (usage.proDays !== days.length) {
        out.push(`${where}: usage says ${usage.proDays} pro days, the transitions give ${days.length} (${days.map(formatDay).join(', ')})`);
      }
      const bill = report.bills.find((candidate) => candidate.account === app.account && candidate.month === usage.month);
      const lines = bill ? bill.lines.filter((line) => line.app === app.id) : [];
      if (days.length === 0) {
        for (const line of lines) out.push(`${where}: no pro day, yet a ${line.item} line of ${line.amount} (${line.basis})`);
        continue;
      }
      if (!bill) continue;
      let peakDau = 0;
      let peakDay = days[0];
      let peakGroups = 0;
      let mbpsDays = dec(0);
      for (const day of days) {
        const index = day - startDay;
        if (series.dau[index] > peakDau) [peakDau, peakDay] = [series.dau[index], day];
        peakGroups = Math.max(peakGroups, series.groups[index]);
        mbpsDays = mbpsDays.plus(series.mbps[index]);
      }
      const find = (item: string) => lines.filter((line) => line.item === item);
      const expectLine = (item: string, quantity: string | null, amount: Decimal | null, basis?: string) => {
        const found = find(item);
        if (quantity === null) {
          for (const line of found) out.push(`${where}: unexpected ${item} line ${line.quantity} (${line.basis}); over the pro days it is nothing`);
          return;
        }
        if (found.length !== 1) {
          out.push(`${where}: expected one ${item} line of quantity ${quantity}, found ${found.length}`);
          return;
        }
        const [line] = found;
        if (line.quantity !== quantity) out.push(`${where}: ${item} quantity ${line.quantity}, over the pro days it is ${quantity} (${line.basis})`);
        if (basis !== undefined && !line.basis.startsWith(basis)) out.push(`${where}: ${item} basis "${line.basis}", expected "${basis}…"`);
        if (amount !== null && !dec(line.amount).eq(amount.toDecimalPlaces(2, Decimal.ROUND_HALF_UP))) {
          out.push(`${where}: ${item} amount ${line.amount}, expected ${amount.toDecimalPlaces(2, Decimal.ROUND_HALF_UP)}`);
        }
      };
      const blocks = (excess: number, rate: { price: string; per: number; rounding: string }) =>
        rate.rounding === 'ceilUnit' ? dec(Math.ceil(excess / rate.per)).times(rate.price) : dec(excess).times(rate.price).div(rate.per);
      const dauExcess = peakDau - (policy.editions.pro.includedDau ?? 0);
      expectLine(
        'dauOverage',
        dauExcess > 0 ? String(dauExcess) : null,
        dauExcess > 0 ? blocks(dauExcess, policy.usage.dauOverage) : null,
        `peak DAU ${peakDau} on ${formatDay(peakDay)}`,
      );
      const groupsExcess = peakGroups - policy.usage.peakGroups.free;
      expectLine(
        'peakGroups',
        groupsExcess > 0 ? String(groupsExcess) : null,
        groupsExcess > 0 ? blocks(groupsExcess, policy.usage.peakGroups) : null,
      );
      expectLine(
        'avBandwidth',
        mbpsDays.isZero() ? null : mbpsDays.toString(),
        mbpsDays.isZero() ? null : mbpsDays.times(policy.usage.avBandwidth.domesticPerMbpsDay),
      );
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// d. Reclaimed is final.

/**
 * After its transition to reclaimed nothing happens to an app but denials with reason `reclaimed`
 * (and, in a population, the `lostAfterReclaim` of a customer who comes back to it).
 */
export function reclaimedIsFinal({ report }: Run): string[] {
  const out: string[] = [];
  report.transitions.forEach((transition, index) => {
    if (transition.to !== 'reclaimed') return;
    const { app } = transition;
    const at = instantMs(transition.at);
    const where = `${app} reclaimed at ${transition.at}`;
    for (const later of report.transitions.slice(index + 1).filter((t) => t.app === app)) {
      out.push(`${where}: later transition ${later.from} → ${later.to} (${later.cause}) at ${later.at}`);
    }
    const after = <T extends { at: string; app?: string }>(list: T[]) => list.filter((item) => item.app === app && instantMs(item.at) >= at);
    for (const order of after(report.orders)) out.push(`${where}: order ${order.id} (${order.kind} of ${order.product}) at ${order.at}`);
    for (const refund of after(report.refunds)) out.push(`${where}: refund of ${refund.order} at ${refund.at}`);
    for (const denial of after(report.denials)) {
      if (denial.reason !== 'reclaimed') out.push(`${where}: ${denial.type} at ${denial.at} denied for ${denial.reason}, not reclaimed`);
    }
    for (const notice of after(report.notifications)) {
      if (!(notice.kind === 'reclaimed' && instantMs(notice.at) === at)) out.push(`${where}: ${notice.kind} notification at ${notice.at}`);
    }
    // A customer who comes back to a reclaimed app is lost (EXPLORE.md §3): recorded, nothing happens to the app.
    for (const event of after(report.events)) if (event.kind !== 'lostAfterReclaim') out.push(`${where}: event ${event.kind} at ${event.at}`);
    const record = report.apps.find((candidate) => candidate.id === app);
    if (record?.finalState !== 'reclaimed') out.push(`${where}: final state ${record?.finalState}`);
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// e. Retention: no app is reclaimed before `lifecycle.retention.days` after its suspension.

/**
 * X5: kept `days` days counting the suspension day, then reclaimed at 00:00: so the local day of
 * the reclaim is at least (and, by X5, exactly) `days` after the local day the suspension began;
 * and an app suspended that long within the period has been reclaimed.
 */
export function retentionRespected({ scenario, report }: Run): string[] {
  const out: string[] = [];
  const days = scenario.policy.lifecycle.retention.days;
  const { endAt } = periodOf(report);
  for (const app of report.apps) {
    const transitions = report.transitions.filter((t) => t.app === app.id);
    transitions.forEach((transition, index) => {
      if (transition.to !== 'suspended') return;
      const began = instantMs(transition.at);
      const due = startOfDay(localDayOf(began) + days);
      const next = transitions[index + 1];
      if (next === undefined) {
        if (due < endAt) out.push(`${app.id}: suspended at ${transition.at}, retention ${days} days, still suspended at the end of the period`);
        return;
      }
      const left = instantMs(next.at);
      const elapsed = localDayOf(left) - localDayOf(began);
      if (next.to === 'reclaimed') {
        if (elapsed < days) out.push(`${app.id}: suspended at ${transition.at}, reclaimed at ${next.at}: ${elapsed} days < retention ${days}`);
        else if (left !== due) out.push(`${app.id}: suspended at ${transition.at}, reclaimed at ${next.at}, due at 00:00 on day ${days} after (${new Date(due + OFFSET_MS).toISOString().slice(0, 10)})`);
      } else if (left > due) {
        out.push(`${app.id}: suspended at ${transition.at} and not reclaimed by ${new Date(due + OFFSET_MS).toISOString().slice(0, 10)} (retention ${days}); left for ${next.to} at ${next.at}`);
      }
    });
    for (const transition of transitions) {
      if (transition.to === 'reclaimed' && transition.from !== 'suspended') out.push(`${app.id}: reclaimed from ${transition.from} at ${transition.at}`);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// f. Transitions follow the edges of the lifecycle graph.

/** docs/policy.md "The lifecycle of one SDKAppID", with the causes each edge may carry. */
export const allowedEdges: Record<string, readonly TransitionCause[]> = {
  'trial→active': ['purchase'],
  'trial→suspended': ['arrears'],
  'active→expiredGrace': ['expiry'],
  'active→suspended': ['refund', 'arrears'],
  'expiredGrace→active': ['renewal', 'autoRenewal', 'purchase'],
  'expiredGrace→suspended': ['graceOver', 'arrears'],
  'suspended→active': ['purchase', 'renewal', 'arrearsCleared'],
  'suspended→trial': ['arrearsCleared'],
  'suspended→expiredGrace': ['arrearsCleared'],
  'suspended→reclaimed': ['retentionOver'],
};

export function edgesFollowed({ report }: Run): string[] {
  const out: string[] = [];
  const state = new Map(report.apps.map((app) => [app.id, { state: 'trial' as AppState, at: instantMs(app.createdAt) }]));
  for (const transition of report.transitions) {
    const where = `${transition.app} at ${transition.at}: ${transition.from} → ${transition.to} (${transition.cause})`;
    const causes = allowedEdges[`${transition.from}→${transition.to}`];
    if (!causes) out.push(`${where}: not an edge of the lifecycle`);
    else if (!causes.includes(transition.cause)) out.push(`${where}: the edge allows ${causes.join(' | ')}`);
    const current = state.get(transition.app);
    if (!current) {
      out.push(`${where}: unknown app`);
      continue;
    }
    if (current.state !== transition.from) out.push(`${where}: the app was in ${current.state}`);
    const at = instantMs(transition.at);
    if (at < current.at) out.push(`${where}: earlier than the app's previous change`);
    state.set(transition.app, { state: transition.to, at });
  }
  for (const app of report.apps) {
    const last = state.get(app.id)?.state;
    if (last !== app.finalState) out.push(`${app.id}: final state ${app.finalState}, the transitions end in ${last}`);
  }
  return out;
}
