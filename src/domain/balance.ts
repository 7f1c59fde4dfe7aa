/**
 * The account balance in three parts (RULES A1) and how charges draw on it.
 * Amounts are decimal strings, as the account machine keeps them in its context.
 */
import { type BalancePart, balanceParts } from './vocabulary.ts';
import { type Money, money, sum, ZERO } from './money.ts';

export type Parts = Record<BalancePart, string>;


export const noParts: Parts = { cash: '0', income: '0', gift: '0' };

export function totalOf(parts: Parts): Money {
  return sum(balanceParts.map((part) => parts[part]));
}

export function addParts(a: Parts, b: Parts): Parts {
  return mapParts((part) => money(a[part]).plus(b[part]).toString());
}

export function subtractParts(a: Parts, b: Parts): Parts {
  return mapParts((part) => money(a[part]).minus(b[part]).toString());
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
  shortfall: Money;
}

/**
 * Draws `amount` from the balance part by part in `payOrder` (A1: gift, then income, then
 * cash). A part never goes below zero; what is left uncovered is the shortfall.
 */
export function drawFromBalance(balance: Parts, amount: Money, payOrder: readonly BalancePart[]): Draw {
  let left = amount;
  const paid: Parts = { ...noParts };
  const after: Parts = { ...balance };
  for (const part of payOrder) {
    const available = money(balance[part]);
    const take = left.lt(available) ? left : available.gt(ZERO) ? available : ZERO;
    paid[part] = take.toString();
    after[part] = available.minus(take).toString();
    left = left.minus(take);
  }
  return { paid, balance: after, shortfall: left };
}

/**
 * Money that arrives while the account owes (A4): it pays the debt first, the rest is balance.
 * The debt is paid from the incoming parts in the policy's pay order.
 */
export function receive(balance: Parts, debt: Money, incoming: Parts, payOrder: readonly BalancePart[]) {
  const draw = drawFromBalance(incoming, debt, payOrder);
  return { balance: addParts(balance, draw.balance), debt: draw.shortfall };
}
