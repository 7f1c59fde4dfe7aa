/** What the report's codes mean, in words, with the rule that makes them (docs/policy.md). */
import type { AppState, BillItem, NotificationKind, TransitionCause } from '../../report/types.ts';

export const stateWords: Record<AppState, string> = {
  trial: 'trial',
  active: 'active (paid edition)',
  expiredGrace: 'expired, in grace',
  suspended: 'suspended',
  reclaimed: 'reclaimed',
};

export interface CauseWords {
  /** What happened to the app, as a verb: "expired". */
  verb: string;
  /** Why, in a few words. */
  why: string;
  rule: string;
}

export const causeWords: Record<TransitionCause, CauseWords> = {
  purchase: { verb: 'bought', why: 'a paid edition was bought', rule: 'P1' },
  renewal: { verb: 'renewed', why: 'the edition was renewed', rule: 'P4' },
  autoRenewal: { verb: 'auto-renewed', why: 'the balance covered an automatic renewal', rule: 'P5' },
  expiry: { verb: 'expired', why: 'the package ended without a renewal', rule: 'X2' },
  graceOver: { verb: 'suspended', why: 'grace ran out without a renewal', rule: 'X3' },
  refund: { verb: 'suspended', why: 'the edition was refunded', rule: 'R3' },
  arrears: { verb: 'suspended', why: 'the account left a bill unpaid', rule: 'A3' },
  arrearsCleared: { verb: 'restored', why: 'the debt was paid', rule: 'A4' },
  retentionOver: { verb: 'reclaimed', why: 'retention after suspension ran out', rule: 'X5' },
};

export const itemWords: Record<BillItem, string> = {
  dauOverage: 'DAU overage',
  storageExtension: 'storage extension',
  peakGroups: 'peak groups',
  avBandwidth: 'AV bandwidth',
  avBandwidthInternational: 'AV bandwidth (international)',
};

export const notificationWords: Record<NotificationKind, string> = {
  expiryWarning: 'expiry warning',
  arrearsWarning: 'arrears warning',
  suspended: 'suspended',
  reclaimed: 'reclaimed',
  autoRenewFailed: 'auto-renewal failed',
  renewed: 'renewed',
};

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
