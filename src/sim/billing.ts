/**
 * Month close and the monthly bill (U2–U8, A2): at 00:00 on the 1st each app's month is
 * measured; each account's lines form one bill, pushed and charged on the 3rd at 00:00
 * (knobs `billing.pushDay`, `billing.chargeDay`). A bill whose push falls after the period
 * is not part of the report.
 */
import { amountTextOf, subtractAmounts, takenBetween } from '../domain/balance.ts';
import { dayNumber, formatMonth, localDateTime, shiftMonth, startOfLocalDay } from '../domain/calendar.ts';
import { formatMoney, formatRounded, formatTotal } from '../domain/money.ts';
import { avBandwidth, type ChargeLine, dauOverage, peakGroups, storageExtension } from '../domain/usageCharges.ts';
import type { BillLine, BillRecord } from '../report/types.ts';
import { type MonthFigures, monthFigures } from './monthUsage.ts';
import type { AccountRuntime, AppRuntime, World } from './runtime.ts';
import { Priority } from './virtualClock.ts';

/** A zero amount in the report's form. */
const ZERO_TEXT = '0.00';

interface Month {
  year: number;
  month: number;
  fromDay: number;
  toDay: number;
}

function monthOf(world: World, year: number, month: number): Month {
  const next = shiftMonth(year, month, 1);
  const { startDay, days } = world.period;
  return {
    year,
    month,
    fromDay: Math.max(startDay, dayNumber(year, month, 1)),
    toDay: Math.min(startDay + days, dayNumber(next.year, next.month, 1)),
  };
}

/** Schedules the close of every month that ends within the period. */
export function scheduleMonthCloses(world: World): void {
  const first = localDateTime(world.period.startAt, world.zone);
  for (let offset = 0; ; offset += 1) {
    const { year, month } = shiftMonth(first.year, first.month, offset);
    const next = shiftMonth(year, month, 1);
    const closeAt = startOfLocalDay(dayNumber(next.year, next.month, 1), world.zone);
    if (closeAt >= world.period.endAt) return;
    world.clock.schedule(closeAt, Priority.billing, { kind: 'closeMonth', year, month });
  }
}

/** The close of a whole month within the period: usage recorded, the bill made and scheduled. */
export function closeFullMonth(world: World, year: number, month: number): void {
  closeMonth(world, monthOf(world, year, month), true);
}

/** The last, unfinished month: its usage is reported, its bill is not pushed within the period. */
export function closeLastMonth(world: World): void {
  const last = localDateTime(world.period.endAt - 1, world.zone);
  closeMonth(world, monthOf(world, last.year, last.month), false);
}

function closeMonth(world: World, month: Month, bill: boolean): void {
  for (const account of world.accounts.values()) {
    world.shard?.keys.subject(account.rank);
    const measured = account.apps.map((app) => ({ app, figures: monthFigures(world, app, month.fromDay, month.toDay) }));
    for (const { app, figures } of measured) recordUsage(world, app, month, figures);
    if (bill) scheduleBill(world, account, month, measured);
  }
}

function recordUsage(world: World, app: AppRuntime, month: Month, figures: MonthFigures): void {
  if (month.toDay <= month.fromDay) return;
  world.recorder.usageOfMonth({
    app: app.id,
    month: formatMonth(month.year, month.month),
    peakDau: figures.servedPeakDau,
    peakDauDay: figures.servedPeakDay,
    peakGroups: figures.peakGroups,
    bandwidthMbpsDays: figures.mbpsDays.toString(),
    userDaysDenied: figures.userDaysDenied,
    roomDaysDenied: figures.roomDaysDenied,
    proDays: figures.proDays,
    ...(figures.edition ? { edition: figures.edition } : {}),
  });
}

/**
 * U2–U5 for one app's month, each line with the edition whose terms applied; U6: only paid days
 * count, so an app never on a paid edition has no line.
 */
function chargeLines(world: World, figures: MonthFigures): (ChargeLine & { edition: string | null })[] {
  const { policy } = world;
  const { avBandwidth: rates } = policy.usage;
  const { overage } = figures;
  const overageLine = overage && dauOverage(policy.usage.dauOverage, overage.included, overage.dau, overage.day);
  const lines = [
    overageLine && { ...overageLine, edition: overage.edition },
    storageExtension(policy.usage.storageExtension, figures.storageMonths, figures.peakDau),
    peakGroups(policy.usage.peakGroups, figures.peakGroups),
    avBandwidth(figures.mbpsDays, rates.domesticPerMbpsDay, 'avBandwidth'),
    rates.internationalPerMbpsDay === null
      ? undefined
      : avBandwidth(figures.internationalMbpsDays, rates.internationalPerMbpsDay, 'avBandwidthInternational'),
  ];
  return lines.filter((line) => line !== undefined && line !== null).map((line) => ({ edition: figures.edition, ...line }));
}

/** A month with nothing to charge has no bill. */
function scheduleBill(world: World, account: AccountRuntime, month: Month, measured: { app: AppRuntime; figures: MonthFigures }[]): void {
  const rounding = world.policy.money.rounding;
  const lines: BillLine[] = measured.flatMap(({ app, figures }) =>
    chargeLines(world, figures).map((line) => ({
      app: app.id,
      item: line.item,
      quantity: line.quantity,
      basis: line.basis,
      amount: formatRounded(line.amount, rounding),
      ...(line.edition ? { edition: line.edition } : {}),
    })),
  );
  const total = formatTotal(lines.map((line) => line.amount));
  // The lines are whole cents, none below zero: the total is zero exactly when its text is.
  if (total === ZERO_TEXT) return;
  const next = shiftMonth(month.year, month.month, 1);
  const dayAt = (day: number) => startOfLocalDay(dayNumber(next.year, next.month, day), world.zone);
  const pushedAt = dayAt(world.policy.billing.pushDay);
  const bill: BillRecord = {
    account: account.id,
    month: formatMonth(month.year, month.month),
    pushedAt: world.recorder.instant(pushedAt),
    lines,
    total,
    paid: ZERO_TEXT,
    debt: total,
  };
  world.pendingBills.set(billKey(account.id, bill.month), { bill, pushedAt });
  const job = { account: account.id, month: bill.month };
  world.clock.schedule(pushedAt, Priority.billing, { kind: 'pushBill', ...job });
  world.clock.schedule(dayAt(world.policy.billing.chargeDay), Priority.billing, { kind: 'chargeBill', ...job });
}

export function billKey(account: string, month: string): string {
  return `${account}/${month}`;
}

/** U7: the bill is pushed to the account (it enters the report). */
export function pushBill(world: World, account: string, month: string): void {
  const pending = world.pendingBills.get(billKey(account, month));
  if (!pending) return;
  world.recorder.bill(pending.bill);
  world.recorder.event('billPushed', { account, detail: `${month}: ${pending.bill.total}` });
}

/** U7 and A2: the bill takes what the balance has; the rest is debt and the account is in arrears. */
export function chargeBill(world: World, accountId: string, month: string): void {
  const key = billKey(accountId, month);
  const pending = world.pendingBills.get(key);
  const account = world.accounts.get(accountId);
  if (!pending || !account) return;
  world.pendingBills.delete(key);
  const { bill, pushedAt } = pending;
  const before = account.actor.context;
  account.actor.send({ type: 'CHARGE_BILL', amount: amountTextOf(bill.total), pushedAt });
  const after = account.actor.context;
  bill.paid = formatMoney(takenBetween(before.balance, after.balance));
  bill.debt = formatMoney(subtractAmounts(after.debt, before.debt));
  world.recorder.billCharged(bill);
  world.recorder.balance(account.id, after.balance, after.debt, `bill ${bill.month}`);
}
