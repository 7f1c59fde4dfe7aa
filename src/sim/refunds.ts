/**
 * The scenario's `refund` events (R1–R5). A refund takes back every order of the product on
 * the app that is in effect or not started yet (for a paid edition, every edition order: a
 * downgrade bought for later goes with the edition in effect); edition refunds suspend the app
 * (R3), pack refunds end the pack (R4).
 */
import { addParts, type Parts } from '../domain/balance.ts';
import { formatMoney } from '../domain/money.ts';
import { normalRefund, noReasonRefund, type RefundAmount } from '../domain/refund.ts';
import { noReasonWindowClosesAt } from '../domain/schedule.ts';
import type { DenialReason } from '../report/types.ts';
import type { ScenarioEvent } from '../scenario/types.ts';
import { isPaidEdition } from '../domain/editions.ts';
import { endEditions } from './editions.ts';
import { deny } from './purchases.ts';
import { moneyParts } from './recorder.ts';
import type { AppRuntime, OrderEntry, World } from './runtime.ts';

type RefundEvent = Extract<ScenarioEvent, { type: 'refund' }>;

export function refund(world: World, app: AppRuntime, event: RefundEvent): void {
  const now = world.clock.now();
  const isEdition = isPaidEdition(world.policy.editions, event.product);
  const refunded = (product: string) => (isEdition ? isPaidEdition(world.policy.editions, product) : product === event.product);
  const orders = app.orders.filter((order) => refunded(order.product) && !order.refunded && !order.cancelled && order.end > now);
  const refusal = refusalOf(world, app, event, orders);
  if (refusal) {
    deny(world, app, event, refusal);
    return;
  }
  const { policy, recorder } = world;
  let returned: Parts = { cash: '0', income: '0', gift: '0' };
  for (const order of orders) {
    const amount: RefundAmount =
      event.kind === 'noReason'
        ? noReasonRefund(order)
        : normalRefund(order, now, policy.refund.normal.timeUnit, policy.money.rounding);
    order.refunded = true;
    returned = addParts(returned, amount.to);
    recorder.refund({
      at: recorder.instant(now),
      account: app.account.id,
      order: order.id,
      app: app.id,
      product: order.product,
      kind: event.kind,
      amount: formatMoney(amount.amount),
      to: moneyParts(amount.to),
      voucherForfeited: formatMoney(amount.voucherForfeited),
      basis: amount.basis,
      ...(event.by ? { by: event.by } : {}),
    });
  }
  if (event.kind === 'noReason') app.account.noReasonRefunds += 1;
  app.account.actor.send({ type: 'RECEIVE', parts: returned });
  const account = app.account.actor.context;
  recorder.balance(app.account.id, account.balance, account.debt, `refund of ${orders.map((o) => o.id).join(', ')}`, event.by);
  if (isEdition) {
    endEditions(app, now);
    app.actor.send({ type: 'REFUND_PRO' });
  } else for (const pack of app.packs) if (pack.product === event.product && pack.end > now) pack.end = now;
}

function refusalOf(world: World, app: AppRuntime, event: RefundEvent, orders: OrderEntry[]): DenialReason | undefined {
  if (app.state === 'reclaimed') return 'reclaimed';
  if (orders.length === 0) return 'nothingToRefund';
  if (orders.some((order) => !order.refundable)) return 'notRefundable';
  if (event.kind === 'normal') return undefined;
  const { windowDays, perAccount } = world.policy.refund.noReason;
  if (app.account.noReasonRefunds >= perAccount) return 'noReasonRefundUsed';
  const now = world.clock.now();
  if (orders.some((order) => noReasonWindowClosesAt(order.at, windowDays, world.zone) <= now)) return 'refundWindowOver';
  return undefined;
}
