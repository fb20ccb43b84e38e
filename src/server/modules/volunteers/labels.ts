import type { ContactPreference, TalentOrigin, TalentStatus } from '../../db/tables.ts';
import type { Locale } from '../../http/errors.ts';

type Pair = [zh: string, en: string];

const ORIGINS: Record<TalentOrigin, Pair> = {
  survey: ['网格摸排', 'grid survey'],
  recommendation: ['群众推荐', "resident's recommendation"],
  self_nomination: ['个人自荐', 'self-nomination'],
  in_service: ['双报到', 'in-service member registration'],
};

const STATUSES: Record<TalentStatus, Pair> = {
  proposed: ['待确认', 'proposed'],
  confirmed: ['已确认', 'confirmed'],
  declined: ['未通过', 'declined'],
  retired: ['已退出', 'retired'],
};

const CONTACT: Record<ContactPreference, Pair> = {
  phone: ['电话', 'phone'],
  app: ['平台消息', 'in the app'],
  grid_worker: ['经网格员转达', 'through the grid worker'],
};

/** The history's actions (talent_events.action). */
export type TalentAction =
  | 'proposed'
  | 'recommended'
  | 'reproposed'
  | 'confirmed'
  | 'declined'
  | 'retired'
  | 'edited'
  | 'skill_set'
  | 'skill_removed'
  | 'reserve_marked'
  | 'reserve_cleared'
  | 'team_joined'
  | 'team_left'
  | 'team_leader';

const ACTIONS: Record<TalentAction, Pair> = {
  proposed: ['登记入库申请', 'proposed'],
  recommended: ['再次被推荐', 'recommended again'],
  reproposed: ['重新提名', 'proposed again'],
  confirmed: ['确认入库', 'confirmed'],
  declined: ['未通过', 'declined'],
  retired: ['退出能人库', 'retired'],
  edited: ['修改信息', 'edited'],
  skill_set: ['确认技能', 'skill confirmed'],
  skill_removed: ['移除技能', 'skill removed'],
  reserve_marked: ['列为后备力量', 'marked as reserve candidate'],
  reserve_cleared: ['取消后备力量', 'reserve mark removed'],
  team_joined: ['加入队伍', 'joined a team'],
  team_left: ['离开队伍', 'left a team'],
  team_leader: ['担任队长', 'became team leader'],
};

const pick = (pair: Pair | undefined, locale: Locale, fallback: string) => (pair ? (locale === 'en' ? pair[1] : pair[0]) : fallback);

export const originLabel = (o: TalentOrigin, locale: Locale) => pick(ORIGINS[o], locale, o);
export const statusLabel = (s: TalentStatus, locale: Locale) => pick(STATUSES[s], locale, s);
export const contactLabel = (c: ContactPreference, locale: Locale) => pick(CONTACT[c], locale, c);
export const actionLabel = (a: string, locale: Locale) => pick(ACTIONS[a as TalentAction], locale, a);

/** The details TALENT_STATUS_CONFLICT fills its message with. */
export function statusDetails(status: TalentStatus) {
  return { status, statusZh: STATUSES[status][0] };
}
