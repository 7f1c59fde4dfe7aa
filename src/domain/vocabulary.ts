/**
 * The words of the domain, declared once: app states, transition causes, order kinds, bill
 * items, balance parts, notification kinds and denial reasons. The report types, the zod
 * schemas of scenarios and policies, the machines and the UI derive theirs from these lists,
 * and their order is the order reports list them in.
 */

/** The app machine's top-level states (whatever the paid edition: that is data). */
export const appStates = ['trial', 'active', 'expiredGrace', 'suspended', 'reclaimed'] as const;
/** One of `appStates`. */
export type AppState = (typeof appStates)[number];

export const transitionCauses = ['purchase', 'renewal', 'autoRenewal', 'expiry', 'graceOver', 'refund', 'arrears', 'arrearsCleared', 'retentionOver'] as const;
/** Why an app changed state: a TransitionRecord's `cause`. */
export type TransitionCause = (typeof transitionCauses)[number];

/** `upgrade`: a higher edition bought while a lower one is in effect (credit for the unused part). */
export const orderKinds = ['purchase', 'renewal', 'autoRenewal', 'upgrade'] as const;
/** One of `orderKinds`: a purchase, a renewal by hand, an auto-renewal or an upgrade. */
export type OrderKind = (typeof orderKinds)[number];

export const refundKinds = ['noReason', 'normal'] as const;
/** A refund within the no-reason window (R1), or a normal refund of the unused value (R2). */
export type RefundKind = (typeof refundKinds)[number];

export const billItems = ['dauOverage', 'storageExtension', 'peakGroups', 'avBandwidth', 'avBandwidthInternational'] as const;
/** A usage item billed by the month (U2–U5): a bill line's `item`. */
export type BillItem = (typeof billItems)[number];

/** A1: the parts of a balance (the policy's `balance.payOrder` says which is drawn first). */
export const balanceParts = ['cash', 'income', 'gift'] as const;
export type BalancePart = (typeof balanceParts)[number];

/** The kinds of notice sent to an account (a NotificationRecord's `kind`), in the order reports list them. */
export const notificationKinds = ['expiryWarning', 'arrearsWarning', 'suspended', 'reclaimed', 'autoRenewFailed', 'renewed'] as const;
/** One of `notificationKinds`. */
export type NotificationKind = (typeof notificationKinds)[number];

/** Why an action is refused (a DenialRecord's `reason`), in the order reports list them. */
export const denialReasons = [
  'insufficientBalance',
  'inArrears',
  'proRequired',
  'packHeld',
  'refundWindowOver',
  'noReasonRefundUsed',
  'notRefundable',
  'reclaimed',
  'suspended',
  'nothingToRefund',
  /** A paid edition in effect that has no upgrade path to the one bought, nor from it. */
  'noUpgradePath',
  /** An upgrade whose price is below the credit for the unused part of the current period. */
  'creditExceedsPrice',
  /** A pack that the paid edition in effect cannot carry (the pack's `editions`). */
  'notForEdition',
  /** P7 under `vouchers.larger: refuse`: a voucher worth more than what it would pay. */
  'voucherExceedsPrice',
] as const;
/** One of `denialReasons`. */
export type DenialReason = (typeof denialReasons)[number];
