/**
 * An amount in the balance's arithmetic (RULES A1): exact integer cents when its text has them
 * (cents.ts), a Decimal otherwise. Operations on two cents stay in cents while the result is an
 * exact integer; anything else is Decimal's arithmetic, so the result is the same either way.
 */
import { type Cents, centsOf, centsMoneyText, centsText } from './cents.ts';
import { Money, money } from './money.ts';

export type Amount = Cents | Money;

export function amountOf(text: string): Amount {
  return centsOf(text) ?? money(text);
}

export const NO_AMOUNT = 0 as Cents;

function decimalOf(amount: Amount): Money {
  return typeof amount === 'number' ? new Money(amount).div(100) : amount;
}

function exact(cents: number, otherwise: () => Money): Amount {
  return Number.isSafeInteger(cents) ? (cents as Cents) : otherwise();
}

export function plus(a: Amount, b: Amount): Amount {
  if (typeof a === 'number' && typeof b === 'number') return exact(a + b, () => decimalOf(a).plus(decimalOf(b)));
  return decimalOf(a).plus(decimalOf(b));
}

export function minus(a: Amount, b: Amount): Amount {
  if (typeof a === 'number' && typeof b === 'number') return exact(a - b, () => decimalOf(a).minus(decimalOf(b)));
  return decimalOf(a).minus(decimalOf(b));
}

/** Negative, zero or positive as `a` is less than, equal to or more than `b`. */
export function compare(a: Amount, b: Amount): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return decimalOf(a).comparedTo(decimalOf(b));
}

/** The amount as a Decimal, for arithmetic beyond the balance's. */
export function amountMoney(amount: Amount): Money {
  return decimalOf(amount);
}

/** The amount's text as Decimal's `toString` writes it. */
export function amountText(amount: Amount): string {
  return typeof amount === 'number' ? centsText(amount) : amount.toString();
}

/** The report's form, as `formatMoney` writes it. */
export function amountMoneyText(amount: Amount): string {
  return typeof amount === 'number' ? centsMoneyText(amount) : amount.toFixed(2, Money.ROUND_HALF_UP);
}
