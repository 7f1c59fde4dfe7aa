/** How many apps some accounts hold: those written under each account and those generated for it. */
export function appCount(accounts: readonly { readonly apps: readonly unknown[] }[]): number {
  return accounts.reduce((apps, account) => apps + account.apps.length, 0);
}
