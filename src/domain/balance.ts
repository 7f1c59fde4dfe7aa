/**
 * The account balance in three parts (RULES A1) and how charges draw on it.
 * Amounts are decimal strings, as the account machine keeps them in its context; the arithmetic
 * is in exact cents where the amounts have them (cents.ts).
 */
import { type Cents, centsOf, centsText } from './cents.ts';
import { type Money, money } from './money.ts';
import type { BalancePart } from './vocabulary.ts';

export type Parts = Record<BalancePart, string>;

export const noParts: Parts = { cash: '0', income: '0', gift: '0' };

/**
 * An amount in this file's arithmetic: exact integer cents when its text has them (cents.ts),
 * a Decimal otherwise. Two cents stay cents while the result is an exact integer; anything else
 * is Decimal's arithmetic, so the result is the same either way. Amounts never leave this file:
 * elsewhere a number is yuan, and cents passed on would be a hundred times too much.
 */
type Amount = Cents | Money;

const NO_AMOUNT = 0 as Cents;

function amountOf(text: string): Amount {
  return centsOf(text) ?? money(text);
}

function decimalOf(amount: Amount): Money {
  return typeof amount === 'number' ? money(amount).div(100) : amount;
}

function exact(cents: number, otherwise: () => Money): Amount {
  return Number.isSafeInteger(cents) ? (cents as Cents) : otherwise();
}

function plus(a: Amount, b: Amount): Amount {
  if (typeof a === 'number' && typeof b === 'number') return exact(a + b, () => decimalOf(a).plus(decimalOf(b)));
  return decimalOf(a).plus(decimalOf(b));
}

function minus(a: Amount, b: Amount): Amount {
  if (typeof a === 'number' && typeof b === 'number') return exact(a - b, () => decimalOf(a).minus(decimalOf(b)));
  return decimalOf(a).minus(decimalOf(b));
}

/** Negative, zero or positive as `a` is less than, equal to or more than `b`. */
function compare(a: Amount, b: Amount): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return decimalOf(a).comparedTo(decimalOf(b));
}

/** The amount's text as Decimal's `toString` writes it. */
function amountText(amount: Amount): string {
  return typeof amount === 'number' ? centsText(amount) : amount.toString();
}

function totalAmount(parts: Parts): Amount {
  return plus(plus(amountOf(parts.cash), amountOf(parts.income)), amountOf(parts.gift));
}

export function totalOf(parts: Parts): Money {
  return decimalOf(totalAmount(parts));
}

/** What a charge took from the balance: the total before less the total after. */
export function takenBetween(before: Parts, after: Parts): string {
  return amountText(minus(totalAmount(before), totalAmount(after)));
}

/** P8, A4: the parts together come to at least `amount`. */
export function covers(parts: Parts, amount: string): boolean {
  return compare(totalAmount(parts), amountOf(amount)) >= 0;
}

/** Negative, zero or positive as the amount `a` is less than, equal to or more than `b` (texts). */
export function compareAmounts(a: string, b: string): number {
  return compare(amountOf(a), amountOf(b));
}

/** Adds two amounts given as text (a debt and a shortfall). */
export function addAmounts(a: string, b: string): string {
  return amountText(plus(amountOf(a), amountOf(b)));
}

/** `a` less `b`, amounts given as text. */
export function subtractAmounts(a: string, b: string): string {
  return amountText(minus(amountOf(a), amountOf(b)));
}

/** An amount's text as Decimal's `toString` writes it: `123.40` → `123.4`. */
export function amountTextOf(text: string): string {
  return amountText(amountOf(text));
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
