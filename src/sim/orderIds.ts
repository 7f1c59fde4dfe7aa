/**
 * Order ids in a run split by account (shardMerge.ts, batchedRun.ts): each part numbers its
 * orders O1, O2, … on its own, and the merged report numbers them anew in the whole run's order,
 * renaming them wherever a record names one.
 */
import type { RecordSection, Records } from '../report/types.ts';

export type RenameOrder = (id: string) => string;

/** The sections whose records can name an order. */
export const sectionsNamingOrders = ['orders', 'refunds', 'balances', 'events'] as const satisfies readonly RecordSection[];

const ORDER_ID = /\bO\d+\b/g;

/** The number of a part's order id (`O12`: 12). */
export function orderNumber(id: string): number {
  return Number(id.slice(1));
}

/** Where a record of a section names orders: one text field, renamed as a whole; `when` another field has a value. */
interface Naming {
  field: string;
  when?: { field: string; value: string };
  renamed(value: string, rename: RenameOrder): string;
}

const namings: Record<(typeof sectionsNamingOrders)[number], Naming> = {
  orders: { field: 'id', renamed: (id, rename) => rename(id) },
  refunds: { field: 'order', renamed: (id, rename) => rename(id) },
  balances: { field: 'cause', renamed: (cause, rename) => (cause.startsWith('order ') || cause.startsWith('refund of ') ? cause.replace(ORDER_ID, rename) : cause) },
  // "pro → flagship: credit 666.00 for O1, O2": only the list after " for " holds order ids; an edition may be called O2.
  events: {
    field: 'detail',
    when: { field: 'kind', value: 'upgraded' },
    renamed: (detail, rename) => {
      const at = detail.lastIndexOf(' for ');
      if (at < 0) return detail;
      const list = at + ' for '.length;
      return detail.slice(0, list) + detail.slice(list).replace(ORDER_ID, rename);
    },
  },
};

const namingOf = (section: RecordSection): Naming | undefined => namings[section as keyof typeof namings];

/** Renames a shard's order `On` to `O` and its number in the merged run, `numbers[n − 1]`; an id it has no number for stays as it is. */
export function renamedBy(numbers: ArrayLike<number>): RenameOrder {
  return (id) => {
    const number = numbers[orderNumber(id) - 1];
    return number === undefined || number === 0 ? id : `O${number}`;
  };
}

/**
 * Renames every order id the record names, in the record itself (a shard's, which the merge
 * takes over): an order's id, a refund's order, a balance entry's cause, an upgrade's credited
 * orders. Its fields keep their order.
 */
export function renameOrders<S extends RecordSection>(section: S, record: Records[S][number], rename: RenameOrder): void {
  const naming = namingOf(section);
  const fields = record as unknown as Record<string, unknown>;
  const value = naming && fields[naming.field];
  if (!naming || typeof value !== 'string' || (naming.when && fields[naming.when.field] !== naming.when.value)) return;
  fields[naming.field] = naming.renamed(value, rename);
}

const [LETTER_O, DIGIT_0, DIGIT_9] = [0x4f, 0x30, 0x39];

/**
 * Whether a record's UTF-8 text (json.ts writes no letter escaped) has an `O` followed by a digit,
 * as every order id it can name has: a record without one names none, and is written as it is,
 * without being decoded (`textWithOrdersRenamed`). Of the benchmark population's 217,000 records
 * that could name orders (orders, refunds, balance entries and events), 94,000 have one.
 */
export function mayNameOrders(text: Uint8Array): boolean {
  for (let at = text.indexOf(LETTER_O); at >= 0; at = text.indexOf(LETTER_O, at + 1)) {
    const next = text[at + 1];
    if (next >= DIGIT_0 && next <= DIGIT_9) return true;
  }
  return false;
}

/** A JSON text string, from its opening quote on. */
const STRING = /"(?:[^"\\]|\\.)*"/y;

/**
 * The same for a record's text as the report writes it (json.ts, `itemsChunk`: its fields on lines
 * of their own, indented by six spaces): the field's string replaced in the text, the rest of it
 * as it was, without parsing the record.
 */
export function textWithOrdersRenamed(section: RecordSection, text: string, rename: RenameOrder): string {
  const naming = namingOf(section);
  if (!naming) return text;
  if (naming.when && !text.includes(`\n      "${naming.when.field}": ${JSON.stringify(naming.when.value)}`)) return text;
  const key = `\n      "${naming.field}": `;
  const at = text.indexOf(key);
  if (at < 0) return text;
  STRING.lastIndex = at + key.length;
  const literal = STRING.exec(text)?.[0];
  if (literal === undefined) return text;
  const value: string = JSON.parse(literal);
  const renamed = naming.renamed(value, rename);
  return renamed === value ? text : text.slice(0, STRING.lastIndex - literal.length) + JSON.stringify(renamed) + text.slice(STRING.lastIndex);
}
