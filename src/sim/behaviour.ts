/**
 * The one hook through which customers react (docs/scenario-format.md, "Behaviour"). It watches
 * what the run records (an app created, an order of pro and the end of its period, an expiry
 * warning, an arrears warning, a refusal for insufficient balance), asks the cohort's behaviour what the customer decides
 * (population/behaviour.ts, one stream per decision and occurrence), and schedules the decision
 * as a plain-data job at the instant it is due. The job then plays exactly like a scenario event
 * (scenarioEvents.ts), marked `by: behaviour`.
 *
 * A customer who comes back to renew and finds the app reclaimed is lost: recorded as the event
 * `lostAfterReclaim`, not as a denial. A purchase or renewal whose app was renewed in the
 * meantime (its end of pro moved) does nothing; other reactions on a reclaimed app do nothing.
 */
import { compareAmounts, totalOf } from '../domain/balance.ts';
import { isPaidEdition } from '../domain/editions.ts';
import { formatMoney, roundCents } from '../domain/money.ts';
import {
  afterExpiryDecision,
  autoRenewDecision,
  type Behaviour,
  paymentDecision,
  purchaseDecision,
  refundDecisions,
  renewalMonths,
  renewsOnWarning,
  topUpDecision,
} from '../population/behaviour.ts';
import { streamId } from '../population/cohort.ts';
import { Decider } from '../population/decider.ts';
import type { NotificationRecord, OrderRecord } from '../report/types.ts';
import type { ScenarioEvent } from '../scenario/types.ts';
import type { Machines } from './actors.ts';
import { editionAt, renewedEdition } from './editions.ts';
import { Occurrences } from './occurrences.ts';
import type { BuyReaction, Reaction } from './jobs.ts';
import { quote } from './orders.ts';
import { renewsPro } from './purchases.ts';
import type { RecordObserver } from './recorder.ts';
import type { AccountRuntime, AppRuntime, CustomerHook, World } from './runtime.ts';
import { appOf, playEvent } from './scenarioEvents.ts';
import { Priority } from './virtualClock.ts';

/** Who plays a customer's events. Each event is written whole, its instant, line and player with it, never spread from a shorter one (domain/calendar.ts, `atSecondOfDay`). */
const by = 'behaviour' as const;

type Customer = { behaviour: Behaviour; decider: Decider };

export class Customers implements RecordObserver, CustomerHook {
  /** Occurrences so far, saved with a paused run (persist.ts). */
  occurrences = new Occurrences();
  /** Each app's and account's customer, once made (null: a written one, which has none). */
  private readonly known = new WeakMap<AppRuntime | AccountRuntime, Customer | null>();

  constructor(
    private readonly world: World,
    private readonly machines: Machines,
    private readonly behaviours: ReadonlyMap<string, Behaviour>,
  ) {}

  /** The app's first purchase of a paid edition, decided when it is created. */
  appStarted(app: AppRuntime): void {
    const customer = this.customer(app);
    const purchase = customer && purchaseDecision(customer.behaviour, customer.decider);
    if (purchase) this.schedule(purchase.afterMs, { type: 'purchase', app: app.id, months: purchase.months, end: null });
  }

  /**
   * After an order of a paid edition: a look at the end of its period (did it pass without a renewal?);
   * after a purchase also auto-renew (the first one only) and the refunds the customer will ask for.
   */
  order(record: OrderRecord, end: number): void {
    if (!isPaidEdition(this.world.policy.editions, record.product)) return;
    const app = appOf(this.world, record.app);
    const customer = this.customer(app);
    if (!customer) return;
    this.schedule(end - this.world.clock.now(), { type: 'periodEnd', app: app.id, end });
    if (record.kind !== 'purchase') return;
    const purchase = this.occurrences.count(app.id, 'purchases');
    if (purchase === 1 && autoRenewDecision(customer.behaviour, customer.decider)) this.schedule(0, { type: 'setAutoRenew', app: app.id });
    for (const refund of refundDecisions(customer.behaviour, customer.decider, purchase)) {
      this.schedule(refund.afterMs, { type: 'refund', app: app.id, kind: refund.kind });
    }
  }

  /**
   * The end of a period, after the machines had their say at that instant: if the period was
   * neither renewed (its end moved) nor refunded, it has expired (the app's c-th expiry, whether
   * it goes into grace or is suspended for arrears at the time), and the customer may notice later.
   */
  private periodEnd(app: AppRuntime, end: number): void {
    const refunded = app.orders.some((order) => isPaidEdition(this.world.policy.editions, order.product) && order.end === end && order.refunded);
    const customer = this.customer(app);
    if (!customer || proEnd(app) !== end || refunded || app.state === 'reclaimed') return;
    const cycle = this.occurrences.count(app.id, 'expiries');
    const decision = afterExpiryDecision(customer.behaviour, customer.decider, cycle);
    if (!decision) return;
    const months = renewalMonths(customer.behaviour, customer.decider, cycle, lastEditionMonths(this.world, app));
    this.schedule(decision.delayMs, { type: 'renewAfterExpiry', app: app.id, months, end: proEnd(app) });
  }

  notification(record: NotificationRecord): void {
    if (record.kind === 'expiryWarning' && record.app !== undefined) this.expiryWarning(appOf(this.world, record.app));
    else if (record.kind === 'arrearsWarning') this.arrearsWarning(record.account);
  }

  /** Plays a reaction when it is due. */
  play(reaction: Reaction): void {
    if (reaction.type === 'periodEnd') this.periodEnd(appOf(this.world, reaction.app), reaction.end);
    else if (reaction.type === 'setAutoRenew') this.onLiveApp(reaction.app, { type: 'setAutoRenew', app: reaction.app, on: true, at: this.world.clock.now(), line: 0, by });
    else if (reaction.type === 'refund') this.refundEdition(reaction.app, reaction.kind);
    else if (reaction.type === 'payDebt') this.payDebt(reaction.account, reaction.amount);
    else if (reaction.type === 'topUp') this.topUpAndRetry(reaction.account, reaction.cash, reaction.action);
    else this.buy(reaction);
  }

  /**
   * The renewal cycle an app is in: cycle c runs up to its c-th expiry and through the grace
   * and suspension after it, so it is the next one while a package is in effect (or none was
   * ever bought).
   */
  private cycle(app: AppRuntime): number {
    const expiries = this.occurrences.of(app.id, 'expiries');
    const end = proEnd(app);
    return end === null || end > this.world.clock.now() ? expiries + 1 : Math.max(1, expiries);
  }

  private expiryWarning(app: AppRuntime): void {
    const customer = this.customer(app);
    if (!customer) return;
    const cycle = this.cycle(app);
    const warning = this.occurrences.countInCycle(app.id, 'expiryWarnings', cycle);
    if (!renewsOnWarning(customer.behaviour, customer.decider, `${cycle}.${warning}`)) return;
    const months = renewalMonths(customer.behaviour, customer.decider, cycle, lastEditionMonths(this.world, app));
    this.schedule(0, { type: 'renew', app: app.id, months, end: proEnd(app) });
  }

  private arrearsWarning(accountId: string): void {
    const account = this.world.accounts.get(accountId);
    const customer = account && this.customer(account);
    if (!customer) return;
    const decision = paymentDecision(customer.behaviour, customer.decider, this.occurrences.count(accountId, 'arrearsWarnings'));
    if (!decision) return;
    const amount = decision.amount === 'debt' ? 'debt' : formatMoney(roundCents(decision.amount));
    this.schedule(decision.delayMs, { type: 'payDebt', account: accountId, amount });
  }

  /** Whether the reaction still makes sense: the app was not renewed meanwhile, and is not reclaimed (else the customer is lost). */
  private stillWanted(reaction: BuyReaction): boolean {
    const app = appOf(this.world, reaction.app);
    if (proEnd(app) !== reaction.end) return false;
    if (app.state === 'reclaimed') {
      if (reaction.type !== 'purchase') this.world.recorder.event('lostAfterReclaim', { app: app.id, account: app.account.id, detail: reaction.type, by });
      return false;
    }
    return reaction.type !== 'renewAfterExpiry' || app.state === 'expiredGrace' || app.state === 'suspended';
  }

  private buy(reaction: BuyReaction): void {
    if (!this.stillWanted(reaction)) return;
    const app = appOf(this.world, reaction.app);
    const { recorder } = this.world;
    const product = renewedEdition(this.world, app);
    recorder.watchDenials();
    playEvent(this.world, this.machines, { type: reaction.type === 'purchase' ? 'purchase' : 'renew', app: app.id, product, months: reaction.months, at: this.world.clock.now(), line: 0, by });
    const denial = recorder.firstWatchedDenial();
    if (!reaction.retry && denial?.reason === 'insufficientBalance') this.refusedForBalance(app, reaction);
  }

  /** A purchase or renewal refused for insufficient balance: the account may top up the shortfall and try once more. */
  private refusedForBalance(app: AppRuntime, reaction: BuyReaction): void {
    const customer = this.customer(app);
    if (!customer) return;
    const cycle = this.cycle(app);
    const refusal = this.occurrences.countInCycle(app.id, 'refusals', cycle);
    const decision = topUpDecision(customer.behaviour, customer.decider, `${cycle}.${refusal}`);
    if (!decision) return;
    const available = totalOf(app.account.actor.context.balance);
    const renewal = renewsPro(app, reaction.type === 'purchase' ? 'purchase' : 'renew');
    const cash = formatMoney(quote(this.world, renewedEdition(this.world, app), reaction.months, renewal).total.minus(available));
    this.schedule(decision.delayMs, { type: 'topUp', account: app.account.id, cash, action: reaction });
  }

  private topUpAndRetry(account: string, cash: string, action: BuyReaction): void {
    if (!this.stillWanted(action)) return;
    this.topUp(account, cash);
    this.buy({ type: action.type, app: action.app, months: action.months, end: action.end, retry: true });
  }

  private payDebt(accountId: string, amount: 'debt' | string): void {
    const debt = this.world.accounts.get(accountId)?.actor.context.debt ?? '0';
    if (compareAmounts(debt, '0') === 0) return;
    this.topUp(accountId, amount === 'debt' ? formatMoney(debt) : amount);
  }

  private topUp(account: string, cash: string): void {
    if (compareAmounts(cash, '0') > 0) playEvent(this.world, this.machines, { type: 'topUp', account, cash, income: '0', gift: '0', at: this.world.clock.now(), line: 0, by });
  }

  private onLiveApp(appId: string, event: Extract<ScenarioEvent, { type: 'setAutoRenew' | 'refund' }>): void {
    if (appOf(this.world, appId).state !== 'reclaimed') playEvent(this.world, this.machines, event);
  }

  /** A customer's refund: of the edition the app is on. */
  private refundEdition(appId: string, kind: 'noReason' | 'normal'): void {
    const app = appOf(this.world, appId);
    this.onLiveApp(appId, { type: 'refund', app: appId, product: editionAt(app, this.world.clock.now()), kind, at: this.world.clock.now(), line: 0, by });
  }

  /** A reaction due after the period is never played: it is not scheduled at all. */
  private schedule(afterMs: number, reaction: Reaction): void {
    const at = this.world.clock.now() + afterMs;
    if (at < this.world.period.endAt) this.world.clock.schedule(at, Priority.behaviour, { kind: 'reaction', reaction });
  }

  /** A generated account's or app's behaviour and decider; none for written ones. Made once per customer. */
  private customer(owner: AppRuntime | AccountRuntime): Customer | undefined {
    const known = this.known.get(owner);
    if (known !== undefined) return known ?? undefined;
    const account = 'account' in owner ? owner.account : owner;
    const behaviour = account.cohort === undefined ? undefined : this.behaviours.get(account.cohort);
    const customer =
      behaviour && account.cohort !== undefined
        ? { behaviour, decider: new Decider({ seed: this.world.seed, cohort: account.cohort, id: streamId(account.cohort, owner.id) }) }
        : undefined;
    this.known.set(owner, customer ?? null);
    return customer;
  }
}

function proEnd(app: AppRuntime): number | null {
  return app.actor.context.proEnd;
}

/** `months: same`: the months of the app's latest order of a paid edition. */
function lastEditionMonths(world: World, app: AppRuntime): number {
  for (let index = app.orders.length - 1; index >= 0; index -= 1) {
    if (isPaidEdition(world.policy.editions, app.orders[index].product)) return app.orders[index].months;
  }
  return 1;
}
