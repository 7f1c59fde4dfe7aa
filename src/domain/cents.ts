/**
 * Exact integer cents for the text of an amount with at most two decimals and few enough digits
 * to stay exact in a double: the fast path of imsim's money (RULES M1 keeps amounts exact;
 * balances, charges and payments are whole cents in practice). Text with more decimals, an
 * exponent or more digits has no cents, and the caller uses Decimal. Cents read back as Decimal
 * would write them.
 *
 * Cents never leave the functions that read them (money.ts's formatting and totals, balance.ts,
 * moneySum.ts, the prices times counts of usageCharges.ts, and the daily sums of
 * report/revenueSeries.ts, which give yuan): everything else in imsim takes a number for yuan, so a
 * number of cents passed on would be a hundred times too much.
 */
declare const centsBrand: unique symbol;

/** Whole cents, only ever made by `centsOf` and the money functions. */
export type Cents = number & { readonly [centsBrand]: true };

/** At most 13 digits before the point: sums of a few such amounts stay exact integers. */
const MAX_WHOLE_DIGITS = 13;
const MINUS = 45;
const POINT = 46;
const DIGIT_ZERO = 48;

/** The text's cents if it is `-?digits(.d or .dd)?` with at most 13 digits before the point. */
export function centsOf(text: string): Cents | undefined {
  const negative = text.charCodeAt(0) === MINUS;
  let whole = 0;
  let decimals = -1;
  let value = 0;
  for (let index = negative ? 1 : 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === POINT && decimals < 0 && whole > 0) {
      decimals = 0;
      continue;
    }
    const digit = code - DIGIT_ZERO;
    if (digit < 0 || digit > 9 || decimals === 2) return undefined;
    if (decimals < 0) whole += 1;
    else decimals += 1;
    value = value * 10 + digit;
  }
  if (whole === 0 || whole > MAX_WHOLE_DIGITS || decimals === 0) return undefined;
  const cents = decimals === 2 ? value : decimals === 1 ? value * 10 : value * 100;
  return (negative ? -cents : cents) as Cents;
}

function twoDigits(fraction: number): string {
  return fraction < 10 ? `0${fraction}` : `${fraction}`;
}

/** What Decimal's `toString` writes: no trailing zeros, no point for whole yuan, `0` for zero. */
export function centsText(cents: Cents): string {
  const size = Math.abs(cents);
  const fraction = size % 100;
  const decimals = fraction === 0 ? '' : fraction % 10 === 0 ? `.${fraction / 10}` : `.${twoDigits(fraction)}`;
  return `${cents < 0 ? '-' : ''}${Math.floor(size / 100)}${decimals}`;
}

/** The report's form, as `formatMoney` writes it: exactly two decimals. */
export function centsMoneyText(cents: Cents): string {
  const size = Math.abs(cents);
  return `${cents < 0 ? '-' : ''}${Math.floor(size / 100)}.${twoDigits(size % 100)}`;
}
