/**
 * Prepaid orders: pricing, the balance check (P8, A5), charging the account and recording the
 * order with its slices (R2).
 */
import { subtractParts } from '../domain/balance.ts';
import { formatDay, localDay } from '../domain/calendar.ts';
import { daysText } from '../domain/dayCount.ts';
import { isPaidEdition, paidEdition } from '../domain/editions.ts';
import { formatMoney, type Money } from '../domain/money.ts';
import { type Price, priceOrder, promotionApplies } from '../domain/pricing.ts';
import type { ValidityRule } from '../domain/validity.ts';
import type { Promotion } from '../policy/schema.ts';
import type { OrderKind, OrderRecord } from '../report/types.ts';
import type { Actor } from '../scenario/types.ts';
import { KeptOrder } from './keptOrder.ts';
import { moneyParts } from './recorder.ts';
import type { AccountRuntime, AppRuntime, OrderEntry, World } from './runtime.ts';

export function validityRule(world: World, product: string): ValidityRule {
  const { editions } = world.policy;
  return isPaidEdition(editions, product) ? { kind: 'edition', mode: paidEdition(editions, product).validity } : { kind: 'pack' };
}

/** P6: the named promotion when it covers the product today; otherwise none (recorded as an event). */
export function activePromotion(world: World, app: AppRuntime, product: string, id?: string): Promotion | undefined {
  if (id === undefined) return undefined;
  const promotion = world.policy.promotions.find((candidate) => candidate.id === id);
  const today = formatDay(localDay(world.clock.now(), world.zone));
  if (promotion && promotionApplies(promotion, product, today)) return promotion;
  world.recorder.event('promotionNotApplicable', { app: app.id, account: app.account.id, detail: `${id} for ${product}` });
  return undefined;
}

/** Plain prices (no promotion, no voucher) already worked out, by policy, product and months: prices are immutable. */
const plainPrices = new WeakMap<World['policy'], Map<string, Price>>();

/** What an order costs; `renewal` for a renewal, manual or automatic (P3 `lengths.discountsApplyTo`). */
export function quote(world: World, product: string, months: number, renewal: boolean, promotion?: Promotion, voucher?: string): Price {
  if (promotion !== undefined || voucher !== undefined) return priceOrder(world.policy, { product, months, renewal, promotion, voucher }, world.policy.money.rounding);
  let prices = plainPrices.get(world.policy);
  if (!prices) {
    prices = new Map();
    plainPrices.set(world.policy, prices);
  }
  const key = `${product}/${months}/${renewal}`;
  let price = prices.get(key);
  if (!price) {
    price = priceOrder(world.policy, { product, months, renewal }, world.policy.money.rounding);
    prices.set(key, price);
  }
  return price;
}

export function inArrears(account: AccountRuntime): boolean {
  return !account.actor.matches('inGoodStanding');
}

/** P8 and A5: the account machine would take the payment (not in arrears, and the available balance covers it). */
export function canPay(account: AccountRuntime, amount: Money): boolean {
  return account.actor.can({ type: 'PAY', amount: amount.toFixed() });
}

export interface OrderRequest {
  product: string;
  months: number;
  kind: OrderKind;
  start: number;
  end: number;
  price: Price;
  promotion?: Promotion;
  by?: Actor;
  /** The edition the order is for (sim/editions.ts). */
  edition: string;
  /** An upgrade's credit (sim/upgrades.ts): taken off the price; `canPay` was checked on what is left. */
  credit?: { amount: Money; from: string; byEdition: Map<string, Money> };
}

/** What the balance pays: the price's total less an upgrade's credit. */
export function charged(request: Pick<OrderRequest, 'price' | 'credit'>): Money {
  return request.credit ? request.price.total.minus(request.credit.amount) : request.price.total;
}

/** An amount as the account machine takes it (Decimal's `toString`) and as the report writes it. */
interface AmountTexts {
  amount: string;
  money: string;
}

function amountTexts(value: Money): AmountTexts {
  return { amount: value.toString(), money: formatMoney(value) };
}

/** What an order writes of its price. */
interface PriceTexts {
  listPrice: string;
  discount: string;
  promotion: string;
  voucher: AmountTexts;
  total: AmountTexts;
}

/** Each price's texts, written at its first order: a plain price is one object for all its orders (`quote`). */
const priceTexts = new WeakMap<Price, PriceTexts>();

function textsOf(price: Price): PriceTexts {
  let texts = priceTexts.get(price);
  if (!texts) {
    texts = {
      listPrice: formatMoney(price.listPrice),
      discount: formatMoney(price.discount),
      promotion: formatMoney(price.promotion),
      voucher: amountTexts(price.voucher),
      total: amountTexts(price.total),
    };
    priceTexts.set(price, texts);
  }
  return texts;
}

/** Charges the account and records the order. The caller has checked `canPay`. */
export function placeOrder(world: World, app: AppRuntime, request: OrderRequest): OrderEntry {
  const account = app.account;
  const before = account.actor.context.balance;
  const texts = textsOf(request.price);
  const total = request.credit ? amountTexts(charged(request)) : texts.total;
  account.actor.send({ type: 'PAY', amount: total.amount });
  const after = account.actor.context;
  const paid = subtractParts(before, after.balance);
  world.counters.orders += 1;
  const id = `O${world.counters.orders}`;
  const { recorder } = world;
  const record: OrderRecord = {
    id,
    at: recorder.instant(world.clock.now()),
    account: account.id,
    app: app.id,
    product: request.product,
    months: request.months,
    kind: request.kind,
    listPrice: texts.listPrice,
    discount: texts.discount,
    promotion: texts.promotion,
    voucher: texts.voucher.money,
    paid: moneyParts(paid),
    total: total.money,
    start: recorder.instant(request.start),
    end: recorder.instant(request.end),
    days: daysText(request.end - request.start),
    ...(request.promotion ? { promotionId: request.promotion.id } : {}),
    refundable: request.promotion?.refundable ?? true,
    ...(request.by ? { by: request.by } : {}),
    edition: request.edition,
    ...(request.credit
      ? {
          upgradedFrom: request.credit.from,
          credit: formatMoney(request.credit.amount),
          creditByEdition: Object.fromEntries([...request.credit.byEdition].map(([edition, value]) => [edition, formatMoney(value)])),
        }
      : {}),
  };
  const entry = new KeptOrder(
    {
      id,
      edition: request.edition,
      months: request.months,
      at: world.clock.now(),
      start: request.start,
      end: request.end,
      product: request.product,
      paid,
      voucher: texts.voucher.amount,
      refundable: request.promotion?.refundable ?? true,
    },
    { rule: validityRule(world, request.product), zone: world.zone, anchoring: world.policy.refund.normal.slices },
  );
  keepOrder(world, app, entry);
  recorder.order(record, entry.end);
  recorder.balance(account.id, after.balance, after.debt, `order ${id}`, request.by);
  if (request.kind === 'renewal' || request.kind === 'autoRenewal') recorder.notify('renewed', account.id, app.id);
  return entry;
}

/**
 * Adds the app's new order and drops those no rule reads again. Refunds (R1–R5), an upgrade's
 * credit and the cancellation of packs when pro lapses read orders whose period has not ended; a
 * period's end (behaviour.ts) reads those that end at that instant; `months: same` reads the
 * latest one of a paid edition. Time only moves on, so an order that ended before now is never
 * read again, and what an app keeps does not grow with the run.
 */
function keepOrder(world: World, app: AppRuntime, entry: OrderEntry): void {
  const now = world.clock.now();
  const latestEdition = app.orders.findLast((order) => isPaidEdition(world.policy.editions, order.product));
  let kept = 0;
  for (const order of app.orders) if (order.end >= now || order === latestEdition) app.orders[kept++] = order;
  app.orders.length = kept;
  app.orders.push(entry);
}
