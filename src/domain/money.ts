/**
 * Money (RULES M1): exact decimals, rounded to 0.01 only where an amount is shown or charged.
 * Amounts travel as strings outside this module; Decimal is the arithmetic.
 */
import DecimalClass from 'decimal.js';
// The types by name: a consumer that resolves decimal.js as CommonJS (moduleResolution NodeNext)
// reads its default export as the module, so the published declarations never name it.
import type { Decimal } from 'decimal.js';
import { type Cents, centsMoneyText, centsOf } from './cents.ts';
import { textMemo } from './sharedTexts.ts';

export const Money: typeof Decimal = DecimalClass.clone({ precision: 40, rounding: DecimalClass.ROUND_HALF_UP });
export type Money = Decimal;

export const ZERO: Money = new Money(0);

export type RoundingMode = 'halfUp' | 'halfEven' | 'down' | 'up';

const roundingModes: Record<RoundingMode, Decimal.Rounding> = {
  halfUp: DecimalClass.ROUND_HALF_UP,
  halfEven: DecimalClass.ROUND_HALF_EVEN,
  down: DecimalClass.ROUND_DOWN,
  up: DecimalClass.ROUND_UP,
};

export function money(value: Decimal.Value): Money {
  return new Money(value);
}

/** M1: round to the cent with the policy's mode (knob `money.rounding`, default halfUp). */
export function roundCents(amount: Decimal.Value, mode: RoundingMode = 'halfUp'): Money {
  return new Money(amount).toDecimalPlaces(2, roundingModes[mode]);
}

/** Amount texts a run shares (sharedTexts.ts): by cents, and by text for those Decimal writes. */
const MAX_AMOUNT_TEXTS = 50_000;
const centsAmount = textMemo(MAX_AMOUNT_TEXTS, centsMoneyText);
const sharedAmount = textMemo(MAX_AMOUNT_TEXTS, (text: string) => text);

/**
 * The report's form of an amount: exactly two decimals. Rounds half up if given more. Text in
 * whole cents is written without Decimal (cents.ts).
 */
export function formatMoney(amount: Decimal.Value): string {
  if (typeof amount === 'object') return sharedAmount(amount.toFixed(2, DecimalClass.ROUND_HALF_UP));
  const cents = typeof amount === 'string' ? centsOf(amount) : undefined;
  return cents === undefined ? sharedAmount(new Money(amount).toFixed(2, DecimalClass.ROUND_HALF_UP)) : centsAmount(cents);
}

/** M1: the report's form of an exact amount's text rounded to the cent with the policy's mode; one in whole cents without Decimal. */
export function formatRounded(amount: string, mode: RoundingMode): string {
  const cents = centsOf(amount);
  return cents === undefined ? formatMoney(roundCents(amount, mode)) : centsAmount(cents);
}

/**
 * `formatMoney(sum(amounts))`: in exact integer cents while every amount has them and the total
 * stays a safe integer (cents.ts), where Decimal's running sum is exact too; else that sum itself,
 * rounded to Money's 40 digits at each step as it always was.
 */
export function formatTotal(amounts: readonly string[]): string {
  let cents = 0;
  for (const amount of amounts) {
    const part = centsOf(amount);
    if (part === undefined || !Number.isSafeInteger(cents + part)) return formatMoney(sum(amounts));
    cents += part;
  }
  return centsAmount(cents as Cents);
}

export function sum(amounts: readonly Decimal.Value[]): Money {
  return amounts.reduce<Money>((total, amount) => total.plus(amount), ZERO);
}

export function maxMoney(a: Decimal.Value, b: Decimal.Value): Money {
  return Money.max(a, b);
}

/**
 * Splits `total` (whole cents) in proportion to `weights` so that the parts add up to it
 * exactly: each part is floored to the cent and the cents left over go to the largest
 * remainders, ties to the earlier weight (R2's refund split; dinero.js `allocate`).
 */
export function allocate(total: Decimal.Value, weights: readonly Decimal.Value[]): Money[] {
  const cents = new Money(total).times(100);
  const weightSum = sum(weights);
  if (weightSum.isZero()) return weights.map((_, index) => (index === 0 ? cents.div(100) : ZERO));
  const exact = weights.map((weight) => cents.times(weight).div(weightSum));
  const floors = exact.map((share) => share.floor());
  let left = cents.minus(sum(floors)).toNumber();
  const byRemainder = exact
    .map((share, index) => ({ index, remainder: share.minus(floors[index]) }))
    .sort((a, b) => b.remainder.comparedTo(a.remainder) || a.index - b.index);
  for (const { index } of byRemainder) {
    if (left <= 0) break;
    floors[index] = floors[index].plus(1);
    left -= 1;
  }
  return floors.map((share) => share.div(100));
}
