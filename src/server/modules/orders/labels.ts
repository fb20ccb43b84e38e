import type { OrderPointsOutcome } from '../../db/tables.ts';
import type { Locale } from '../../http/errors.ts';

const OUTCOMES: Record<OrderPointsOutcome, [zh: string, en: string]> = {
  earned: ['已按服务时长发放积分', 'points paid for the hours served'],
  capped: ['已发放积分（达到本期上限，超出部分未发放）', 'points paid up to this period\'s limit'],
  no_rule: ['本社区未设置服务时长积分规则，本次未发放积分', 'no active service-hour rule in this community: no points paid'],
  limit_reached: ['已达本期积分上限，本次未发放积分', 'this period\'s points limit was already reached: no points paid'],
  no_resident: ['该能人不是本辖区登记居民，服务时长记入档案，不发放积分', 'the talent is not a registered resident: hours are recorded in their file, no points'],
};

/** What the verification of an order paid, in words. */
export function pointsOutcomeLabel(outcome: OrderPointsOutcome, locale: Locale): string {
  const [zh, en] = OUTCOMES[outcome];
  return locale === 'en' ? en : zh;
}

/** The requester's 1–5 score as the case engine's satisfaction (CASES.md figures count it as a follow-up). */
export function satisfactionOf(score: number): 'satisfied' | 'basically_satisfied' | 'dissatisfied' {
  return score >= 4 ? 'satisfied' : score === 3 ? 'basically_satisfied' : 'dissatisfied';
}
