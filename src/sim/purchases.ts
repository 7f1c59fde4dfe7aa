/**
 * The scenario's `purchase` and `renew` events (P1–P8, F1–F4): business refusals become
 * denials with a reason and change nothing.
 */
import { packValidityEnd, proValidityEnd } from '../domain/validity.ts';
import type { DenialReason, OrderKind } from '../report/types.ts';
import type { Actor, ScenarioEvent } from '../scenario/types.ts';
import { editionMove, isPaidEdition, paidEdition } from '../domain/editions.ts';
import { changeEdition, editionAt } from './editions.ts';
import { activePromotion, canPay, charged, inArrears, placeOrder, quote } from './orders.ts';
import { endForUpgrade, upgradeCredit } from './upgrades.ts';
import type { AppRuntime, World } from './runtime.ts';

type BuyEvent = Extract<ScenarioEvent, { type: 'purchase' | 'renew' }> & { product: string };

interface Period {
  start: number;
  end: number;
  kind: OrderKind;
}

export function buy(world: World, app: AppRuntime, event: BuyEvent): void {
  const plan = planPurchase(world, app, event);
  if (typeof plan === 'string') {
    deny(world, app, event, plan);
    return;
  }
  const { period, price, promotion, credit } = plan;
  const isEdition = isPaidEdition(world.policy.editions, event.product);
  const edition = isEdition ? event.product : editionAt(app, world.clock.now());
  if (credit) endForUpgrade(world, app, credit, event.product);
  const request = { product: event.product, months: event.months, ...period, price, promotion, by: event.by, edition };
  placeOrder(world, app, credit ? { ...request, credit: { amount: credit.amount, from: credit.from, byEdition: credit.byEdition } } : request);
  if (!isEdition) {
    extendPack(world, app, event.product, period);
    return;
  }
  changeEdition(app, period.start, edition);
  if (period.kind === 'upgrade') app.actor.send({ type: 'UPGRADE', start: period.start, end: period.end, edition });
  else app.actor.send({ type: 'PRO_PERIOD', start: period.start, end: period.end, edition, cause: period.kind === 'purchase' ? 'purchase' : 'renewal' });
}

/** The order to place, or why it is refused (P8: the balance must cover the total, less an upgrade's credit). */
function planPurchase(world: World, app: AppRuntime, event: BuyEvent) {
  const isEdition = isPaidEdition(world.policy.editions, event.product);
  const refusal = commonRefusal(app) ?? (isEdition ? undefined : packRefusal(world, app, event));
  if (refusal) return refusal;
  const period = isEdition ? editionPeriod(world, app, event) : packPeriod(world, app, event);
  if (typeof period === 'string') return period;
  const promotion = activePromotion(world, app, event.product, event.promotion);
  const price = quote(world, event.product, event.months, period.kind === 'renewal', promotion, event.voucher);
  if (world.policy.vouchers.larger === 'refuse' && event.voucher !== undefined && price.voucher.lt(event.voucher)) return 'voucherExceedsPrice';
  const credit = period.kind === 'upgrade' ? upgradeCredit(world, app) : undefined;
  if (credit?.amount.gt(price.total)) return 'creditExceedsPrice';
  if (!canPay(app.account, charged({ price, credit }))) return 'insufficientBalance';
  return { period, price, promotion, credit };
}

/** X6 and A5 (P7: no voucher either while in arrears). */
function commonRefusal(app: AppRuntime): DenialReason | undefined {
  if (app.state === 'reclaimed') return 'reclaimed';
  if (inArrears(app.account)) return 'inArrears';
  return undefined;
}

/** F2: a pack needs a paid edition in effect, one the pack is for; F4: no second pack of a held family. */
function packRefusal(world: World, app: AppRuntime, event: BuyEvent): DenialReason | undefined {
  if (app.state === 'suspended') return 'suspended';
  if (app.state !== 'active' && app.state !== 'expiredGrace') return 'proRequired';
  const { family, editions } = world.policy.packs[event.product];
  if (editions && !editions.includes(editionAt(app, world.clock.now()))) return 'notForEdition';
  const held = heldPack(world, app, family);
  if (held && !(event.type === 'renew' && held.product === event.product)) return 'packHeld';
  return undefined;
}

function heldPack(world: World, app: AppRuntime, family: string) {
  const now = world.clock.now();
  return app.packs.find((pack) => pack.family === family && pack.end > now);
}

/** P4: whether buying a paid edition now is a renewal: not from trial, nor a new purchase after suspension. */
export function renewsPro(app: AppRuntime, type: 'purchase' | 'renew'): boolean {
  if (app.state === 'trial') return false;
  return app.state !== 'suspended' || type === 'renew';
}

/**
 * P2 and P4: from trial or after suspension a new period starts now; while active, buying the
 * edition in effect (or a lower one: a downgrade) extends from the current end, and a higher one
 * is an upgrade from now on; in grace any edition extends from the old end or now (knob
 * `renewal.inGraceFrom`).
 */
function editionPeriod(world: World, app: AppRuntime, event: BuyEvent): Period | DenialReason {
  const now = world.clock.now();
  const { proEnd } = app.actor.context;
  const { editions } = world.policy;
  const mode = paidEdition(editions, event.product).validity;
  const fromNow = (kind: OrderKind): Period => ({ start: now, end: proValidityEnd(now, event.months, mode, world.zone), kind });
  if (app.state === 'trial') return event.type === 'renew' ? 'proRequired' : fromNow('purchase');
  if (app.state === 'suspended') return fromNow(renewsPro(app, event.type) ? 'renewal' : 'purchase');
  if (proEnd === null) return 'proRequired';
  if (app.state === 'active') {
    const move = editionMove(editions, editionAt(app, now), event.product);
    if (move === 'none') return 'noUpgradePath';
    if (move === 'upgrade') return fromNow('upgrade');
  }
  const fromEnd = app.state === 'active' || world.policy.renewal.inGraceFrom === 'previousEnd';
  const start = fromEnd ? proEnd : now;
  return { start, end: proValidityEnd(start, event.months, mode, world.zone), kind: 'renewal' };
}

/** F3: a pack starts at once; renewing a held pack extends it from its end. */
function packPeriod(world: World, app: AppRuntime, event: BuyEvent): Period {
  const held = heldPack(world, app, world.policy.packs[event.product].family);
  const start = held ? held.end : world.clock.now();
  return { start, end: packValidityEnd(start, event.months, world.zone), kind: held ? 'renewal' : 'purchase' };
}

function extendPack(world: World, app: AppRuntime, product: string, period: Period): void {
  const family = world.policy.packs[product].family;
  const held = heldPack(world, app, family);
  if (held) held.end = period.end;
  else app.packs.push({ product, family, start: period.start, end: period.end });
}

export function deny(
  world: World,
  app: AppRuntime,
  event: { type: string; product?: string; by?: Actor },
  reason: DenialReason,
): void {
  world.recorder.deny({
    account: app.account.id,
    app: app.id,
    type: event.type,
    ...(event.product ? { product: event.product } : {}),
    reason,
    ...(event.by ? { by: event.by } : {}),
  });
}
