import type { ActivityKind, ActivityState, AttendancePointsOutcome } from '../../db/tables.ts';
import type { Locale } from '../../http/errors.ts';

/** 月月有活动 (003): classes, matches, talks, performances, service days such as 六义社's 义剪 day. */
export const ACTIVITY_KINDS: readonly ActivityKind[] = ['class', 'match', 'talk', 'performance', 'service_day', 'other'];
export const ACTIVITY_STATES: readonly ActivityState[] = ['draft', 'published', 'cancelled', 'finished'];
export const POINTS_OUTCOMES: readonly AttendancePointsOutcome[] = ['earned', 'not_earning', 'no_rule', 'limit_reached'];

const KIND: Record<ActivityKind, [string, string]> = {
  class: ['课堂', 'class'],
  match: ['比赛', 'match'],
  talk: ['讲座', 'talk'],
  performance: ['演出', 'performance'],
  service_day: ['志愿服务日', 'service day'],
  other: ['其他活动', 'other'],
};

const STATE: Record<ActivityState, [string, string]> = {
  draft: ['草稿', 'draft'],
  published: ['已发布', 'published'],
  cancelled: ['已取消', 'cancelled'],
  finished: ['已结束', 'finished'],
};

const OUTCOME: Record<AttendancePointsOutcome, [string, string]> = {
  earned: ['签到成功，已获得积分。', 'Checked in; points earned.'],
  not_earning: ['签到成功。本活动不计积分。', 'Checked in. This activity does not earn points.'],
  no_rule: ['签到成功。本社区未启用活动积分规则，本次不计积分。', 'Checked in. The community has no active attendance points rule, so no points were paid.'],
  limit_reached: ['签到成功。本期活动积分已达上限，本次不计积分。', 'Checked in. The points limit for this period has been reached, so no points were paid.'],
};

const pick = (pair: [string, string], locale: Locale) => (locale === 'en' ? pair[1] : pair[0]);

export const activityKindLabel = (kind: ActivityKind, locale: Locale) => pick(KIND[kind], locale);
export const activityStateLabel = (state: ActivityState, locale: Locale) => pick(STATE[state], locale);
export const pointsOutcomeMessage = (outcome: AttendancePointsOutcome, locale: Locale) => pick(OUTCOME[outcome], locale);
/** The Chinese state name, for the zh message of ACTIVITY_STATE_CONFLICT. */
export const activityStateZh = (state: ActivityState) => STATE[state][0];
