/**
 * An order as an app keeps it (OrderEntry): what refunds (R1–R5), upgrades and a period's end
 * read of it. R2's slices are worked out when a refund first reads them (few orders are refunded),
 * under the validity rules of the day the order was placed.
 *
 * A class, not an object literal with a `slices` getter: V8 makes such a literal a dictionary of
 * properties, slower to make and to read on every order an app keeps.
 */
import type { Parts } from '../domain/balance.ts';
import type { Zone } from '../domain/calendar.ts';
import { type SliceAnchoring, sliceBoundaries, type ValidityRule } from '../domain/validity.ts';
import type { OrderEntry } from './runtime.ts';

/** What an order's slices are worked out from. */
export interface SliceTerms {
  rule: ValidityRule;
  zone: Zone;
  anchoring: SliceAnchoring;
}

type OrderFields = Omit<OrderEntry, 'slices' | 'refunded' | 'cancelled'>;

export class KeptOrder implements OrderEntry {
  id: string;
  edition: string;
  months: number;
  at: number;
  start: number;
  end: number;
  product: string;
  paid: Parts;
  voucher: string;
  refundable: boolean;
  refunded = false;
  cancelled = false;
  private boundaries: number[] | undefined;

  constructor(
    fields: OrderFields,
    private readonly terms: SliceTerms,
  ) {
    this.id = fields.id;
    this.edition = fields.edition;
    this.months = fields.months;
    this.at = fields.at;
    this.start = fields.start;
    this.end = fields.end;
    this.product = fields.product;
    this.paid = fields.paid;
    this.voucher = fields.voucher;
    this.refundable = fields.refundable;
  }

  get slices(): number[] {
    this.boundaries ??= sliceBoundaries(this.start, this.months, this.terms.rule, this.terms.zone, this.terms.anchoring);
    return this.boundaries;
  }
}

/** The order as plain data, its slices worked out, in the order a saved run has always listed its fields. */
export function plainOrder(order: OrderEntry): OrderEntry {
  const { id, edition, months, at, start, end, product, slices, paid, voucher, refundable, refunded, cancelled } = order;
  return { id, edition, months, at, start, end, product, slices, paid, voucher, refundable, refunded, cancelled };
}
