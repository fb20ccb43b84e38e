import type { PointAccountKind, PointRuleName, PointTransferKind } from '../../db/tables.ts';
import type { Locale } from '../../http/errors.ts';

/** The earning rules a community can configure, in the order staff see them. */
export const POINT_RULES: readonly PointRuleName[] = ['service_hour', 'activity_attendance', 'manual'];

export const TRANSFER_KINDS: readonly PointTransferKind[] = ['earn', 'redeem', 'expire', 'reversal', 'settle'];

const ruleLabels: Record<PointRuleName, [string, string]> = {
  service_hour: ['志愿服务时长', 'volunteer service hours'],
  activity_attendance: ['参加活动', 'activity attendance'],
  manual: ['人工奖励', 'staff award'],
};

const kindLabels: Record<PointTransferKind, [string, string]> = {
  earn: ['积分发放', 'earned'],
  redeem: ['积分兑换', 'redeemed'],
  expire: ['积分过期', 'expired'],
  reversal: ['冲正', 'reversal'],
  settle: ['商户结算', 'merchant settlement'],
};

const accountLabels: Record<PointAccountKind, [string, string]> = {
  pool: ['社区积分池', 'community pool'],
  person: ['居民', 'resident'],
  merchant: ['商户', 'merchant'],
  expiry: ['过期积分', 'expired points'],
};

const pick = (locale: Locale, [zh, en]: [string, string]) => (locale === 'en' ? en : zh);

export function ruleLabel(rule: PointRuleName, locale: Locale): string {
  return pick(locale, ruleLabels[rule]);
}

export function transferKindLabel(kind: PointTransferKind, locale: Locale): string {
  return pick(locale, kindLabels[kind]);
}

export function accountKindLabel(kind: PointAccountKind, locale: Locale): string {
  return pick(locale, accountLabels[kind]);
}
