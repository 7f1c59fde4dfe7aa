/** The library's KPIs (report/kpiPaths.ts names them by dotted path) in the page's words. */
import type { AppDayState, AppCount, BillItem, DenialReason, NotificationKind } from '../../report/types.ts';
import { itemWords, notificationWords } from './words.ts';

const revenueWords: Record<string, string> = {
  prepaid: 'prepaid (orders)',
  postpaidBilled: 'postpaid billed',
  postpaidCollected: 'postpaid collected',
  refunded: 'refunded',
  netBilled: 'net revenue billed',
  netCollected: 'net revenue collected',
  debtOutstanding: 'debt outstanding',
};

const appWords: Record<AppCount, string> = {
  total: 'apps',
  converted: 'apps that bought a paid edition',
  autoRenewing: 'apps auto-renewed',
  expired: 'apps expired',
  savedInGrace: 'apps renewed in grace',
  suspended: 'apps suspended',
  suspendedForArrears: 'apps suspended for arrears',
  renewedAfterSuspension: 'apps renewed after suspension',
  reclaimed: 'apps reclaimed',
  lostAfterReclaim: 'customers back too late (reclaimed)',
};

const dayWords: Record<AppDayState, string> = {
  trial: 'trial',
  active: 'active (paid edition)',
  expiredGrace: 'expired, in grace',
  suspendedLapsed: 'suspended, lapsed',
  suspendedArrears: 'suspended for arrears',
  suspendedRefund: 'suspended by a refund',
};

/** A KPI's name in words: `net revenue collected`, `apps reclaimed`. */
export function kpiLabel(path: string): string {
  const [section, key] = path.split('.') as [string, string];
  if (section === 'revenue') return revenueWords[key] ?? key;
  if (section === 'revenueByItem') return `revenue: ${itemWords[key as BillItem] ?? key}`;
  if (section === 'revenueByEdition') return `revenue: edition ${key}`;
  if (section === 'apps') return appWords[key as AppCount];
  if (section === 'appDays') return `app-days ${dayWords[key as AppDayState]}`;
  if (section === 'notifications') return `notices: ${notificationWords[key as NotificationKind]}`;
  if (section === 'denials') return `denials: ${key as DenialReason}`;
  if (section === 'userDaysDenied') return 'user-days denied';
  return section === 'roomDaysDenied' ? 'room-days denied' : path;
}
