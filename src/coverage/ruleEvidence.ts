/**
 * What a run must show for a rule to count as exercised: a rule a scenario declares under
 * `rules:` is covered only when its report holds this evidence (R1 needs an actual no-reason
 * refund, X5 an actual reclaim).
 */
import { money } from '../domain/money.ts';
import { isPaidEdition } from '../domain/editions.ts';
import type { Policy } from '../policy/schema.ts';
import type { Report } from '../report/types.ts';

type Evidence = (report: Report, policy: Policy) => boolean;

const positive = (amount: string) => money(amount).gt(0);
const hasLine = (report: Report, ...items: string[]) =>
  report.bills.some((bill) => bill.lines.some((line) => items.includes(line.item) && positive(line.amount)));
const denied = (report: Report, reason: string) => report.denials.some((denial) => denial.reason === reason);
const caused = (report: Report, cause: string) => report.transitions.some((transition) => transition.cause === cause);
const isPack = (order: { product: string; edition: string }) => order.product !== order.edition;
const editionOrders = (report: Report) => report.orders.filter((order) => !isPack(order));

/** E3: one account with several apps, where what one app bought did not make another pro. */
function perAppPurchases(report: Report): boolean {
  return report.apps.some((app) => {
    const siblings = report.apps.filter((other) => other.account === app.account && other.id !== app.id);
    const bought = report.orders.some((order) => order.app === app.id);
    return bought && siblings.some((sibling) => report.usage.some((usage) => usage.app === sibling.id && usage.proDays === 0));
  });
}

/** U8: a refund of a paid edition in a month whose bill still charges that app. */
function usageBilledAfterRefund(report: Report, policy: Policy): boolean {
  return report.refunds.some((refund) => {
    const month = refund.at.slice(0, 7);
    return isPaidEdition(policy.editions, refund.product) && report.bills.some((bill) => bill.month === month && bill.lines.some((line) => line.app === refund.app));
  });
}

/** F6: a pack still running when its app was suspended. */
function packOutlivedPro(report: Report): boolean {
  return report.transitions.some(
    (transition) =>
      transition.to === 'suspended' &&
      report.orders.some((order) => order.app === transition.app && isPack(order) && order.start <= transition.at && order.end > transition.at),
  );
}

export const ruleEvidence: Record<string, Evidence> = {
  E1: (report) => report.summary.daysIn.trial > 0,
  E2: (report) => report.summary.daysIn.active > 0,
  E3: perAppPurchases,
  E4: (report) => report.usage.some((usage) => usage.userDaysDenied > 0),
  P1: (report) => editionOrders(report).length > 0,
  P2: (report) => editionOrders(report).length > 0,
  P3: (report) => report.orders.some((order) => positive(order.discount)),
  P4: (report) => editionOrders(report).some((order) => order.kind !== 'purchase'),
  P5: (report) => report.orders.some((order) => order.kind === 'autoRenewal'),
  P6: (report) => report.orders.some((order) => positive(order.promotion)),
  P7: (report) => report.orders.some((order) => positive(order.voucher)),
  P8: (report) => denied(report, 'insufficientBalance'),
  F1: (report) => report.orders.some(isPack),
  F2: (report, policy) => report.denials.some((denial) => denial.reason === 'proRequired' && Object.hasOwn(policy.packs, denial.product ?? '')),
  F3: (report) => report.orders.some(isPack),
  F4: (report) => denied(report, 'packHeld'),
  F5: (report) => report.orders.some(isPack),
  F6: packOutlivedPro,
  U1: (report) => report.usage.some((usage) => usage.peakDau > 0),
  U2: (report) => hasLine(report, 'dauOverage'),
  U3: (report) => hasLine(report, 'storageExtension'),
  U4: (report) => hasLine(report, 'peakGroups'),
  U5: (report) => hasLine(report, 'avBandwidth', 'avBandwidthInternational'),
  U6: (report) => report.usage.some((usage) => usage.proDays === 0 && usage.peakDau > 0),
  U7: (report) => report.bills.length > 0,
  U8: usageBilledAfterRefund,
  A1: (report) => report.orders.some((order) => positive(order.paid.gift) || positive(order.paid.income)),
  A2: (report) => report.bills.some((bill) => positive(bill.debt)),
  A3: (report) => caused(report, 'arrears'),
  A4: (report) => caused(report, 'arrearsCleared'),
  A5: (report) => denied(report, 'inArrears'),
  X1: (report) => report.notifications.some((notification) => notification.kind === 'expiryWarning'),
  X2: (report) => caused(report, 'expiry'),
  X3: (report) => caused(report, 'graceOver'),
  X4: (report) => report.events.some((event) => event.kind === 'recordsPurged'),
  X5: (report) => caused(report, 'retentionOver'),
  X6: (report) => denied(report, 'reclaimed'),
  R1: (report) => report.refunds.some((refund) => refund.kind === 'noReason'),
  R2: (report) => report.refunds.some((refund) => refund.kind === 'normal'),
  R3: (report) => caused(report, 'refund'),
  R4: (report, policy) => report.refunds.some((refund) => Object.hasOwn(policy.packs, refund.product)),
  R5: (report) => denied(report, 'notRefundable'),
  /** M1: an amount that had to be rounded to the cent: a prorated refund or a fractional usage line. */
  M1: (report) =>
    report.refunds.some((refund) => refund.kind === 'normal') ||
    report.bills.some((bill) => bill.lines.some((line) => !money(line.quantity).isInteger())),
};
