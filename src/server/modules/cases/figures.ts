import type { CaseRow } from './kinds.ts';
import { PROACTIVE_CHANNELS, type Channel } from './kinds.ts';
import { isOpen } from './lifecycle.ts';

/**
 * The figures of CASES.md, defined once. A case's *contributions* are what it currently adds to each
 * cohort counter (attributed to its reporting day); the roll-ups (case_rollups, a column per counter) are their sums, kept by
 * applying the difference whenever a case changes. The drill-down lists the cases whose contribution to
 * a counter is not zero, so a figure and the cases behind it can never disagree.
 */
export const COHORT_COUNTERS = [
  'received',
  'proactive',
  'merged',
  'rejected',
  'repeat',
  'accepted',
  'accepted_on_time',
  'resolved',
  'resolved_on_time',
  'suspended',
  'closed',
  'closed_in_grid',
  'overdue',
  'reworked',
  'handling_hours',
] as const;
export type CohortCounter = (typeof COHORT_COUNTERS)[number];

export const FOLLOW_UP_COUNTERS = ['follow_ups', 'valid_follow_ups', 'contacted_in_time', 'solved', 'satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export type FollowUpCounter = (typeof FOLLOW_UP_COUNTERS)[number];

export type Contributions = Partial<Record<CohortCounter, number>>;

const hoursBetween = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 3_600_000;

/** What a case adds to each cohort counter now; `previous` carries what must stay once set (was suspended). */
export function contributionsOf(c: CaseRow, previous: Contributions = {}): Contributions {
  if (c.state === 'merged') return { merged: 1 };
  if (c.state === 'rejected') return { rejected: 1 };
  const suspended = previous.suspended === 1 || c.state === 'suspended' || c.suspended_at !== null ? 1 : 0;
  const resolved = c.resolved_at !== null;
  const out: Contributions = {
    received: 1,
    proactive: PROACTIVE_CHANNELS.includes(c.channel as Channel) ? 1 : 0,
    repeat: c.repeat_of_id ? 1 : 0,
    accepted: c.accepted_at ? 1 : 0,
    accepted_on_time: c.accepted_at && c.accepted_at <= c.respond_by ? 1 : 0,
    resolved: resolved ? 1 : 0,
    // 缓办 cases leave the on-time figure (CASES.md).
    resolved_on_time: resolved && !suspended && c.resolved_at! <= c.resolve_by ? 1 : 0,
    suspended,
    closed: c.state === 'closed' ? 1 : 0,
    closed_in_grid: c.state === 'closed' && c.resolved_tier === 1 ? 1 : 0,
    overdue: (isOpen(c.state) && c.overdue_at !== null) || (resolved && c.resolved_at! > c.resolve_by) ? 1 : 0,
    reworked: c.rework_count > 0 ? 1 : 0,
    handling_hours: resolved ? Math.round(hoursBetween(c.reported_at, c.resolved_at!) * 100) / 100 : 0,
  };
  for (const k of Object.keys(out) as CohortCounter[]) if (!out[k]) delete out[k];
  return out;
}

export type Sums = Partial<Record<CohortCounter | FollowUpCounter, number>>;

export interface FigureDefinition {
  code: string;
  zh: string;
  en: string;
  formulaZh: string;
  formulaEn: string;
  unit: 'count' | 'rate' | 'hours';
  /** The counter whose cases the figure opens to. */
  drill: CohortCounter | FollowUpCounter;
  value(s: Sums, weights: { basicallySatisfied: number }): number | null;
}

const n = (s: Sums, k: CohortCounter | FollowUpCounter) => s[k] ?? 0;
const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 10_000) / 10_000 : null);

/** Every figure with its definition; the API and the Excel export both read this list. */
export const FIGURES: FigureDefinition[] = [
  { code: 'received', zh: '受理量', en: 'received', formulaZh: '期间上报的案件数（不含合并、不予受理）', formulaEn: 'cases reported in the period (without merged and rejected)', unit: 'count', drill: 'received', value: (s) => n(s, 'received') },
  { code: 'proactive_rate', zh: '主动发现率', en: 'proactive rate', formulaZh: '巡查、走访、传感器发现的案件 / 受理量', formulaEn: 'cases found by patrols, visits and sensors / received', unit: 'rate', drill: 'proactive', value: (s) => ratio(n(s, 'proactive'), n(s, 'received')) },
  { code: 'repeat_rate', zh: '重复诉求率', en: 'repeat rate', formulaZh: '(合并案件 + 同一居民30天内同地同类再诉) / (受理量 + 合并案件)', formulaEn: '(merged + same reporter, same place ≤100 m, same category within 30 days) / (received + merged)', unit: 'rate', drill: 'repeat', value: (s) => ratio(n(s, 'merged') + n(s, 'repeat'), n(s, 'received') + n(s, 'merged')) },
  { code: 'on_time_acceptance', zh: '按时签收率', en: 'on-time acceptance', formulaZh: '在响应时限内签收的案件 / 已签收案件', formulaEn: 'accepted by respondBy / accepted', unit: 'rate', drill: 'accepted_on_time', value: (s) => ratio(n(s, 'accepted_on_time'), n(s, 'accepted')) },
  { code: 'closure_rate', zh: '结案率', en: 'closure rate', formulaZh: '已结案 / 受理量', formulaEn: 'closed / received', unit: 'rate', drill: 'closed', value: (s) => ratio(n(s, 'closed'), n(s, 'received')) },
  { code: 'on_time_resolution', zh: '按期办结率', en: 'on-time resolution', formulaZh: '按期办结 / (受理量 − 缓办)', formulaEn: 'resolved on time / (received − suspended)', unit: 'rate', drill: 'resolved_on_time', value: (s) => ratio(n(s, 'resolved_on_time'), n(s, 'received') - n(s, 'suspended')) },
  { code: 'overdue_rate', zh: '超期率', en: 'overdue rate', formulaZh: '(超期未办结 + 超期办结) / 受理量', formulaEn: '(open past resolveBy + resolved late) / received', unit: 'rate', drill: 'overdue', value: (s) => ratio(n(s, 'overdue'), n(s, 'received')) },
  { code: 'rework_rate', zh: '返工率', en: 'rework rate', formulaZh: '至少返工一次的案件 / 已办结案件', formulaEn: 'reworked at least once / resolved', unit: 'rate', drill: 'reworked', value: (s) => ratio(n(s, 'reworked'), n(s, 'resolved')) },
  { code: 'in_grid_resolution', zh: '网格内解决率', en: 'in-grid resolution', formulaZh: '在网格层级解决并结案 / 已结案', formulaEn: 'closed with resolution at tier 1 / closed', unit: 'rate', drill: 'closed_in_grid', value: (s) => ratio(n(s, 'closed_in_grid'), n(s, 'closed')) },
  { code: 'mean_handling_hours', zh: '平均处置时长', en: 'mean handling time', formulaZh: '办结时间 − 上报时间 的平均值（小时）', formulaEn: 'mean of resolvedAt − reportedAt, hours', unit: 'hours', drill: 'resolved', value: (s) => (n(s, 'resolved') > 0 ? Math.round((n(s, 'handling_hours') / n(s, 'resolved')) * 100) / 100 : null) },
  { code: 'response_rate', zh: '响应率', en: 'response rate', formulaZh: '回访中"及时联系" / 有效回访', formulaEn: 'follow-ups answering "contacted in time" / valid follow-ups', unit: 'rate', drill: 'contacted_in_time', value: (s) => ratio(n(s, 'contacted_in_time'), n(s, 'valid_follow_ups')) },
  { code: 'solved_rate', zh: '解决率', en: 'solved rate', formulaZh: '回访中"已解决" / 有效回访', formulaEn: 'follow-ups answering "solved" / valid follow-ups', unit: 'rate', drill: 'solved', value: (s) => ratio(n(s, 'solved'), n(s, 'valid_follow_ups')) },
  { code: 'satisfaction_rate', zh: '满意率', en: 'satisfaction', formulaZh: '(满意 + w × 基本满意) / 有效回访', formulaEn: '(satisfied + w × basically satisfied) / valid follow-ups', unit: 'rate', drill: 'valid_follow_ups', value: (s, w) => ratio(n(s, 'satisfied') + w.basicallySatisfied * n(s, 'basically_satisfied'), n(s, 'valid_follow_ups')) },
];

/** What one follow-up adds to the follow-up counters (attributed to the day it was made). */
export function followUpContributions(f: { reached: boolean; contactedInTime: boolean | null; solved: boolean | null; satisfaction: string | null }): Partial<Record<FollowUpCounter, number>> {
  if (!f.reached) return { follow_ups: 1 };
  return {
    follow_ups: 1,
    valid_follow_ups: 1,
    ...(f.contactedInTime ? { contacted_in_time: 1 } : {}),
    ...(f.solved ? { solved: 1 } : {}),
    ...(f.satisfaction === 'satisfied' ? { satisfied: 1 } : {}),
    ...(f.satisfaction === 'basically_satisfied' ? { basically_satisfied: 1 } : {}),
    ...(f.satisfaction === 'dissatisfied' ? { dissatisfied: 1 } : {}),
  };
}
