/**
 * The rule catalogue (docs/policy.md): every rule ID with its title, the knobs (dotted policy
 * paths) that set or flip it, and the words of the 2019 purchase guide (or of the Tencent page
 * the rule quotes) it comes from, where there are such words. Coverage, `imsim policy show` and the visualizer's policy panel read it.
 */
export interface Rule {
  id: string;
  title: string;
  knobs: string[];
  source?: string;
}

/** Every rule of the catalogue, E1 to M1, in the order docs/policy.md lists them. */
export const rules: readonly Rule[] = [
  { id: 'E1', title: 'Trial is free, with small limits', knobs: ['editions.trial.limits'], source: '体验版永久免费' },
  { id: 'E2', title: 'Pro limits', knobs: ['editions.pro.limits'] },
  { id: 'E3', title: 'A package or pack applies to one SDKAppID', knobs: [], source: '专业版套餐仅针对单个应用 (SDKAppID) 生效' },
  { id: 'E4', title: 'Trial serves at most 100 users', knobs: ['editions.trial.limits.users'] },
  { id: 'P1', title: 'Pro costs 999 CNY a month and includes 100,000 DAU', knobs: ['editions.pro.pricePerMonth', 'editions.pro.includedDau'] },
  { id: 'P2', title: 'Pro validity: from T to day T−1 of the month after', knobs: ['editions.pro.validity'], source: '有效期 T 日-次月 T-1 日' },
  { id: 'P3', title: 'Lengths of 1 to 36 months, discounts for 6, 12, 24', knobs: ['lengths.minMonths', 'lengths.maxMonths', 'lengths.discounts', 'lengths.discountsApplyTo'] },
  { id: 'P4', title: 'A renewal extends from the current end', knobs: ['renewal.inGraceFrom'] },
  { id: 'P5', title: 'Auto-renewal at the end when the balance is enough; daily retries until suspension', knobs: ['autoRenew.months', 'autoRenew.retryDailyInGrace', 'autoRenew.retryAt'], source: '账户余额足够时，套餐到期时按月自动续费' },
  { id: 'P6', title: 'Promotions multiply a price within a window', knobs: ['promotions'], source: 'IM平滑迁移大回馈，现在迁移可享5折选购专业版套餐包' },
  { id: 'P7', title: 'One voucher per order, none in arrears, never refunded', knobs: ['vouchers.larger'] },
  { id: 'P8', title: 'A purchase needs the balance to cover it', knobs: [] },
  { id: 'F1', title: 'Feature packs and their prices', knobs: ['packs'] },
  { id: 'F2', title: 'A pack needs pro in effect', knobs: [] },
  { id: 'F3', title: 'A pack month lasts as many days as the purchase month', knobs: [], source: '有效期按照购买当月天数计算' },
  { id: 'F4', title: 'A held pack cannot be changed', knobs: [] },
  { id: 'F5', title: "A pack's limit replaces the pro default for the whole app", knobs: [] },
  { id: 'F6', title: 'What happens to packs when pro lapses', knobs: ['lifecycle.packsOnProLapse'] },
  { id: 'U1', title: 'DAU counts each user once a day; 0 while suspended', knobs: [] },
  { id: 'U2', title: 'DAU overage: 10,000 CNY per 100,000 above the included DAU', knobs: ['usage.dauOverage'], source: '某月 DAU 峰值为15万，则该月计费部分为5万 DAU，即该月 DAU 费用为10000元' },
  { id: 'U3', title: 'History storage extension', knobs: ['usage.storageExtension'], source: '历史消息存储' },
  { id: 'U4', title: 'Peak groups above 100,000', knobs: ['usage.peakGroups'], source: '不足10万按10万算' },
  { id: 'U5', title: 'AV barrage bandwidth by daily peak', knobs: ['usage.avBandwidth'] },
  { id: 'U6', title: 'Only pro apps are billed for usage', knobs: [], source: '专业版套餐外资费' },
  { id: 'U7', title: 'One bill per account and month, pushed and charged on the 3rd', knobs: ['billing.pushDay', 'billing.chargeDay'], source: '每月3日从腾讯云账户直接扣费' },
  { id: 'U8', title: 'Refunding pro does not cancel the usage of that month', knobs: [] },
  { id: 'A1', title: 'Balance in cash, income and gift, drawn gift first', knobs: ['balance.payOrder'], source: '优先扣除平台赠送余额和收益转入余额，再扣除现金充值余额' },
  { id: 'A2', title: 'An unpaid bill leaves debt: arrears', knobs: [] },
  { id: 'A3', title: 'Still in arrears 7 days after the push: the account is suspended', knobs: ['arrears.suspendAfterDays'] },
  { id: 'A4', title: 'Paying the debt restores the apps', knobs: [] },
  { id: 'A5', title: 'Nothing can be bought in arrears', knobs: [] },
  { id: 'X1', title: 'Daily expiry warnings around the end', knobs: ['lifecycle.expiryWarnings'] },
  { id: 'X2', title: 'Seven days of grace after the end', knobs: ['lifecycle.grace.days', 'lifecycle.grace.countEndDay'], source: '过期超过7天（不含到期当日）' },
  { id: 'X3', title: 'Suspended at the end of grace', knobs: [] },
  { id: 'X4', title: 'Purchase records purged at the end of grace', knobs: ['lifecycle.purgeOnRenewalInGrace'] },
  { id: 'X5', title: 'Reclaimed 90 days after suspension', knobs: ['lifecycle.retention.days'] },
  { id: 'X6', title: 'Nothing can be done to a reclaimed app', knobs: [] },
  { id: 'R1', title: 'No-reason refund within 5 days, once per account', knobs: ['refund.noReason.windowDays', 'refund.noReason.perAccount'], source: '5天无理由退还' },
  { id: 'R2', title: 'Normal refund: unused value, split back by how it was paid', knobs: ['refund.normal.timeUnit', 'refund.normal.slices'], source: '当前有效订单金额 + 未开始订单金额 - 资源已使用价值' },
  { id: 'R3', title: 'Refunding pro suspends the app at once', knobs: [] },
  { id: 'R4', title: 'Refunding a pack restores the pro limit at once', knobs: [] },
  { id: 'R5', title: 'Non-refundable promotion orders', knobs: ['promotions'], source: '某些活动资源不支持自助退还' },
  { id: 'M1', title: 'Exact money, rounded to the cent only when shown or charged', knobs: ['money.rounding'] },
];

export const ruleIds: readonly string[] = rules.map((rule) => rule.id);

/**
 * The rules that set a knob: those naming its path or a field it is part of, the most specific
 * first (the longest knob that matches), rules as specific as one another in catalogue order.
 */
export function rulesOf(path: string): Rule[] {
  const matches: { rule: Rule; length: number }[] = [];
  for (const rule of rules) {
    const knob = rule.knobs.filter((k) => path === k || path.startsWith(`${k}.`)).sort((a, b) => b.length - a.length)[0];
    if (knob) matches.push({ rule, length: knob.length });
  }
  return matches.sort((a, b) => b.length - a.length).map((m) => m.rule);
}
