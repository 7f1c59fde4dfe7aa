/**
 * Amounts as the page shows them: in yuan with the currency sign and thousands separators
 * (¥124,778,234.20), from the report's exact decimal texts. Intl formats a decimal text
 * exactly, without going through a float.
 */
const cny = new Intl.NumberFormat('zh-CN', { style: 'currency', currency: 'CNY' });
const signedCny = new Intl.NumberFormat('zh-CN', { style: 'currency', currency: 'CNY', signDisplay: 'exceptZero' });

type Amount = string | number;
const exact = (amount: Amount) => amount as Parameters<Intl.NumberFormat['format']>[0];

/** `124778234.2` or `"124778234.20"` → `¥124,778,234.20`; `""` stays empty. */
export function formatCny(amount: Amount): string {
  return amount === '' ? '' : cny.format(exact(amount));
}

/** A change: `+¥1,000.00`, `-¥20.00`, `¥0.00`. */
export function formatCnyChange(amount: Amount): string {
  return amount === '' ? '' : signedCny.format(exact(amount));
}

/** The KPIs that are amounts of money (revenue, by item and by edition). */
export const isMoneyKpi = (path: string): boolean => /^revenue(ByItem|ByEdition)?\./.test(path);
