/**
 * An exact running sum of amounts (RULES M1), as the KPIs add up a run's records: in whole cents
 * while the amounts are whole cents (cents.ts) and the sum stays a safe integer, and in Decimal
 * for any other amount. A record's amount is added without an object made for it; the sum is
 * the same as Decimal's in any order while it needs no more than Money's 40 significant digits
 * (an amount of 10^-38 beside 100 would be rounded away by Decimal at once, and by this sum only
 * at the end).
 */
import { type Cents, centsOf, centsText } from './cents.ts';
import { type Money, money } from './money.ts';

export class MoneySum {
  private cents = 0;
  /** What could not be added in cents. */
  private rest: Money | null = null;

  /** Adds an amount: its text (`"12.50"`), or a Decimal. */
  add(amount: string | Money): void {
    const cents = typeof amount === 'string' ? centsOf(amount) : undefined;
    if (cents !== undefined && Number.isSafeInteger(this.cents + cents)) this.cents += cents;
    else this.rest = this.rest === null ? money(amount) : this.rest.plus(amount);
  }

  /** Takes an amount away: its text, or a Decimal. */
  subtract(amount: string | Money): void {
    const cents = typeof amount === 'string' ? centsOf(amount) : undefined;
    if (cents !== undefined && Number.isSafeInteger(this.cents - cents)) this.cents -= cents;
    else this.rest = this.rest === null ? money(amount).neg() : this.rest.minus(amount);
  }

  value(): Money {
    const cents = money(centsText(this.cents as Cents));
    return this.rest === null ? cents : this.rest.plus(cents);
  }

  /** The sum's exact text, as Decimal's `toFixed()` writes it. */
  text(): string {
    return this.rest === null ? centsText(this.cents as Cents) : this.value().toFixed();
  }
}
