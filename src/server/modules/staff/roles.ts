import type { StaffRole } from '../../db/tables.ts';
import type { Locale } from '../../http/errors.ts';

/**
 * The staff roles in the order a contact card (便民联系卡) lists them. 004: "每个网格配备一名网格长，一名专职
 * 网格员，一名社区工作者，兼职网格员若干，统筹公安民警等基层力量下沉网格".
 */
export const STAFF_ROLES: readonly StaffRole[] = ['grid_leader', 'grid_worker', 'community_worker', 'part_time_grid_worker', 'police_officer'];

const labels: Record<StaffRole, Record<Locale, string>> = {
  grid_leader: { 'zh-CN': '网格长', en: 'grid leader' },
  grid_worker: { 'zh-CN': '专职网格员', en: 'full-time grid worker' },
  part_time_grid_worker: { 'zh-CN': '兼职网格员', en: 'part-time grid worker' },
  community_worker: { 'zh-CN': '社区工作者', en: 'community worker' },
  police_officer: { 'zh-CN': '民警', en: 'police officer' },
};

/** The role's name as people see it, e.g. 专职网格员 (zh-CN) or "full-time grid worker" (en). */
export function roleLabel(role: StaffRole, locale: Locale): string {
  return labels[role][locale];
}

/** Position of a role on the contact card: 网格长 first, 民警 last. */
export function roleRank(role: StaffRole): number {
  return STAFF_ROLES.indexOf(role);
}
