import type { TalentStatus } from '../../db/tables.ts';
import { AppError, type Locale } from '../../http/errors.ts';
import { type Actor, can, listScope } from '../auth/permissions.ts';
import { findNode, nodesByIds } from '../org/org.repository.ts';
import * as repo from './talents.repository.ts';
import type { Db } from './talents.repository.ts';
import { SKILL_CODES, skillLabel } from './taxonomy.ts';

/** The list behind a figure, as the query of GET /api/v1/talents (so a figure drills down to its talents). */
function listLink(filter: Record<string, string | undefined>): string {
  const query = new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => e[1] !== undefined));
  return `/api/v1/talents?${query.toString()}`;
}

/**
 * 能人库统计: talents by skill and by grid under an org node (001: "136名能人……分类入库管理"), with the
 * in-service members and reserve candidates among them. Counts are of confirmed talents unless `status` says
 * otherwise (`all` counts every status); each row links to the list behind it.
 */
export async function talentFigures(db: Db, actor: Actor, q: { node: string; status?: TalentStatus | 'all' }, locale: Locale) {
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  const node = await findNode(db, q.node);
  if (!node || !can(actor, 'volunteers.read', { path: node.path })) {
    throw new AppError(listScope(actor, 'volunteers.read')?.paths.length ? 'ORG_NODE_NOT_FOUND' : 'FORBIDDEN', { node: q.node });
  }
  const status = q.status === 'all' ? undefined : (q.status ?? 'confirmed');
  const [totals, bySkill, byGrid] = await Promise.all([repo.countTotals(db, node.path, status), repo.countBySkill(db, node.path, status), repo.countByGrid(db, node.path, status)]);
  const places = await nodesByIds(db, [...new Set(byGrid.flatMap((g) => [g.community_id, ...(g.grid_id ? [g.grid_id] : [])]))]);
  const placeById = new Map(places.map((p) => [p.id, p]));
  const ref = (id: string) => {
    const n = placeById.get(id);
    return { id, code: n?.code ?? '', name: n?.name ?? '', kind: n?.kind ?? '' };
  };
  const statusFilter = status;
  return {
    node: { id: node.id, code: node.code, name: node.name, kind: node.kind },
    status: q.status ?? 'confirmed',
    total: totals.total,
    inService: totals.inService,
    reserveCandidates: totals.reserve,
    bySkill: bySkill
      .map((r) => ({ skill: r.skill, label: skillLabel(r.skill, locale), count: Number(r.n), list: listLink({ node: node.code, skill: r.skill, status: statusFilter }) }))
      .sort((a, b) => b.count - a.count || SKILL_CODES.indexOf(a.skill) - SKILL_CODES.indexOf(b.skill)),
    byGrid: byGrid
      .map((r) => {
        const place = ref(r.grid_id ?? r.community_id);
        // Talents placed in a community without a grid (in-service members, 双报到) count under the community.
        return { grid: r.grid_id ? place : null, community: ref(r.community_id), count: Number(r.n), list: listLink({ node: place.code || undefined, status: statusFilter, withoutGrid: r.grid_id ? undefined : 'true' }) };
      })
      .sort((a, b) => (a.grid?.code ?? a.community.code).localeCompare(b.grid?.code ?? b.community.code)),
  };
}
