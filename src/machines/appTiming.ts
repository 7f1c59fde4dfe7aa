/**
 * The policy values an app machine's timers read, kept in its context as plain data so that a
 * snapshot can be persisted and restored.
 */
import type { Zone } from '../domain/calendar.ts';
import type { ProValidity } from '../domain/validity.ts';
import type { Policy } from '../policy/schema.ts';

export interface AppTiming {
  zone: Zone;
  validity: ProValidity;
  grace: { days: number; countEndDay: boolean };
  retentionDays: number;
  expiryWarnings: { daysBefore: number; daysAfter: number; at: string };
  autoRenewMonths: number;
  retryDailyInGrace: boolean;
  renewalInGraceFrom: 'previousEnd' | 'renewalTime';
}

export function appTiming(policy: Policy, zone: Zone): AppTiming {
  return {
    zone,
    validity: policy.editions.pro.validity,
    grace: { ...policy.lifecycle.grace },
    retentionDays: policy.lifecycle.retention.days,
    expiryWarnings: { ...policy.lifecycle.expiryWarnings },
    autoRenewMonths: policy.autoRenew.months,
    retryDailyInGrace: policy.autoRenew.retryDailyInGrace,
    renewalInGraceFrom: policy.renewal.inGraceFrom,
  };
}
