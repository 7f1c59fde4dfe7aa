/**
 * The account balance in three parts (RULES A1) and how charges draw on it.
 * Amounts are decimal strings, as the account machine keeps them in its context; the arithmetic
 * is in exact cents where the amounts have them (amount.ts).
 */
import type { BalancePart } from './vocabulary.ts';
import { type Amount, amountMoney, amountOf, amountText, compare, minus, NO_AMOUNT, plus } from './amount.ts';
import type { Money } from './money.ts';

export type Parts = Record<BalancePart, string>;

export const noParts: Parts = { cash: '0', income: '0', gift: '0' };

function totalAmount(parts: Parts): Amount {
  return plus(plus(amountOf(parts.cash), amountOf(parts.income)), amountOf(parts.gift));
}

export function totalOf(parts: Parts): Money {
  return amountMoney(totalAmount(parts));
}

/** The three parts' total as Decimal's `toString` writes it. */
export function totalText(parts: Parts): string {
  return amountText(totalAmount(parts));
}

/** P8, A4: the parts together come to at least `amount`. */
export function covers(parts: Parts, amount: string): boolean {
  return compare(totalAmount(parts), amountOf(amount)) >= 0;
}

/** Adds two amounts given as text (a debt and a shortfall). */
export function addAmounts(a: string, b: string): string {
  return amountText(plus(amountOf(a), amountOf(b)));
}

export function addParts(a: Parts, b: Parts): Parts {
  return mapParts((part) => amountText(plus(amountOf(a[part]), amountOf(b[part]))));
}

export function subtractParts(a: Parts, b: Parts): Parts {
  return mapParts((part) => amountText(minus(amountOf(a[part]), amountOf(b[part]))));
}

function mapParts(fn: (part: BalancePart) => string): Parts {
  return { cash: fn('cash'), income: fn('income'), gift: fn('gift') };
}

export interface Draw {
  /** What each part paid. */
  paid: Parts;
  /** The balance after the draw. */
  balance: Parts;
  /** What the balance could not cover (A2: it becomes debt when a bill is charged). */
  shortfall: string;
}

/**
 * Draws `amount` from the balance part by part in `payOrder` (A1: gift, then income, then
 * cash). A part never goes below zero; what is left uncovered is the shortfall.
 */
export function drawFromBalance(balance: Parts, amount: string, payOrder: readonly BalancePart[]): Draw {
  let left = amountOf(amount);
  const paid: Parts = { ...noParts };
  const after: Parts = { ...balance };
  for (const part of payOrder) {
    const available = amountOf(balance[part]);
    const take = compare(left, available) < 0 ? left : compare(available, NO_AMOUNT) > 0 ? available : NO_AMOUNT;
    paid[part] = amountText(take);
    after[part] = amountText(minus(available, take));
    left = minus(left, take);
  }
  return { paid, balance: after, shortfall: amountText(left) };
}

/**
 * Money that arrives while the account owes (A4): it pays the debt first, the rest is balance.
 * The debt is paid from the incoming parts in the policy's pay order.
 */
export function receive(balance: Parts, debt: string, incoming: Parts, payOrder: readonly BalancePart[]) {
  const draw = drawFromBalance(incoming, debt, payOrder);
  return { balance: addParts(balance, draw.balance), debt: draw.shortfall };
}
