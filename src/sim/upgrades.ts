/**
 * Upgrades (editions as data): a higher edition bought while a lower one is in effect starts at
 * once; the unused part of the current period, valued as R2 values a normal refund (to the
 * second, on what was paid; nothing for an order R5 makes non-refundable), is credited against
 * its price, and the orders it came from end there.
 */
import { type Money, money, ZERO } from '../domain/money.ts';
import { isPaidEdition } from '../domain/editions.ts';
import { normalRefund } from '../domain/refund.ts';
import { editionAt } from './editions.ts';
import type { AppRuntime, OrderEntry, World } from './runtime.ts';

export interface UpgradeCredit {
  amount: Money;
  /** The edition in effect, which the upgrade replaces. */
  from: string;
  /** The edition orders in effect or not started yet, which the upgrade ends. */
  orders: OrderEntry[];
  /** The credit by the edition of the orders it came from (a downgrade bought for later is another edition). */
  byEdition: Map<string, Money>;
}

export function upgradeCredit(world: World, app: AppRuntime): UpgradeCredit {
  const now = world.clock.now();
  const { editions, refund, money: rules } = world.policy;
  const orders = app.orders.filter((order) => isPaidEdition(editions, order.product) && !order.refunded && !order.cancelled && order.end > now);
  const byEdition = new Map<string, Money>();
  for (const order of orders) {
    const value = order.refundable ? normalRefund(order, now, refund.normal.timeUnit, rules.rounding).amount : ZERO;
    byEdition.set(order.edition, (byEdition.get(order.edition) ?? ZERO).plus(value));
  }
  const amount = [...byEdition.values()].reduce<Money>((sum, value) => sum.plus(value), ZERO);
  return { amount, from: editionAt(app, now), orders, byEdition };
}

/** The credited orders end now, neither refundable nor credited again; an `upgraded` event says what was credited. */
export function endForUpgrade(world: World, app: AppRuntime, credit: UpgradeCredit, to: string): void {
  for (const order of credit.orders) order.cancelled = true;
  const ids = credit.orders.map((order) => order.id).join(', ');
  const detail = `${credit.from} → ${to}: credit ${money(credit.amount).toFixed(2)}${ids ? ` for ${ids}` : ''}`;
  world.recorder.event('upgraded', { app: app.id, account: app.account.id, detail });
}
