import { AppError, type Locale } from '../../http/errors.ts';
import type { GridIndex } from '../../platform/geo/grid-index.ts';
import { type Actor, can, listScope } from '../auth/permissions.ts';
import { findNode, nodesByIds } from '../org/org.repository.ts';
import { byRank, type RankedCandidate, scoreCandidate } from './matching.ts';
import * as repo from './talents.repository.ts';
import type { Db } from './talents.repository.ts';
import { membersOf, teamsForMatching } from './teams.repository.ts';
import { skillLabel, teamKindLabel } from './taxonomy.ts';
import { parseWeeklyHours } from './weekly-hours.ts';

/** Open orders per talent id, as the service-order kind counts them; anyone missing has none. */
export type LoadLookup = (talentIds: readonly string[]) => Promise<ReadonlyMap<string, number>>;

export interface MatchRequest {
  skill: string;
  /** Where the service is wanted: a point, or a grid (id or code) whose centre stands for it. */
  place: { lng: number; lat: number } | { grid: string };
  /** When it is wanted; without it availability scores nobody. */
  at?: Date | null;
  limit?: number;
  /** Org path prefixes candidates must lie under (the caller's reach); null for everywhere. */
  within: string[] | null;
  /** Recent load of each talent; zero for all when not given. */
  load?: LoadLookup;
}

const noLoad: LoadLookup = async () => new Map();

async function resolvePlace(db: Db, geo: GridIndex, place: MatchRequest['place']) {
  if ('grid' in place) {
    const grid = await findNode(db, place.grid);
    if (!grid || grid.kind !== 'grid') throw new AppError('GRID_NOT_FOUND');
    if (grid.centroid_lng === null || grid.centroid_lat === null) throw new AppError('MATCH_PLACE_OUTSIDE_GRIDS');
    return { grid, point: { lng: grid.centroid_lng, lat: grid.centroid_lat } };
  }
  const gridId = geo.locateGrid(place.lng, place.lat);
  const [grid] = gridId ? await nodesByIds(db, [gridId]) : [];
  if (!grid) throw new AppError('MATCH_PLACE_OUTSIDE_GRIDS');
  return { grid, point: { lng: place.lng, lat: place.lat } };
}

/**
 * 匹配能人: confirmed talents with the skill who serve the place (one of their service areas holds its grid),
 * ranked by skill level, distance, availability at the wanted time and recent load, each with its reasons; and
 * the teams of the place's community whose members qualify, ranked by their best member. The service-order case
 * kind calls this with its open-order counts as `load`.
 */
export async function matchTalents(db: Db, geo: GridIndex, timeZone: string, request: MatchRequest, locale: Locale) {
  const { grid, point } = await resolvePlace(db, geo, request.place);
  const at = request.at ?? null;
  const rows = await repo.candidatesWithSkill(db, request.skill, request.within);
  const areas = await repo.serviceAreasOf(db, rows.map((r) => r.id));
  const serving = rows.filter((r) => areas.some((a) => a.talent_id === r.id && grid.path.startsWith(a.path)));
  const loads = await (request.load ?? noLoad)(serving.map((r) => r.id));
  const ranked = serving
    .map((r) =>
      scoreCandidate(
        { id: r.id, name: r.name, level: r.level, home: r.home_lng === null || r.home_lat === null ? null : { lng: r.home_lng, lat: r.home_lat }, availability: parseWeeklyHours(r.availability) },
        point,
        at,
        loads.get(r.id) ?? 0,
        timeZone,
        locale,
      ),
    )
    .sort(byRank);
  const limit = request.limit ?? 10;
  return {
    skill: request.skill,
    skillLabel: skillLabel(request.skill, locale),
    place: { grid: { id: grid.id, code: grid.code, name: grid.name, kind: grid.kind }, location: [point.lng, point.lat] as [number, number] },
    at: at?.toISOString() ?? null,
    talents: ranked.slice(0, limit).map((c, i) => ({ rank: i + 1, ...c })),
    teams: (await rankTeams(db, request, grid.path, ranked, locale)).slice(0, limit),
  };
}

/** Teams whose community holds the place, with at least one qualified member, ranked by that member. */
async function rankTeams(db: Db, request: MatchRequest, gridPath: string, ranked: RankedCandidate[], locale: Locale) {
  const teams = (await teamsForMatching(db, request.within)).filter((t) => gridPath.startsWith(t.path));
  const members = await membersOf(db, teams.map((t) => t.id));
  const byId = new Map(ranked.map((c) => [c.id, c]));
  const say = (zh: string, en: string) => (locale === 'en' ? en : zh);
  return teams
    .map((t) => {
      const qualified = members.filter((m) => m.team_id === t.id).map((m) => byId.get(m.talent_id)).filter((c): c is RankedCandidate => !!c).sort(byRank);
      const best = qualified[0];
      if (!best) return null;
      const free = qualified.filter((c) => c.available).length;
      const offers = t.services.includes(`"${request.skill}"`);
      const reasons = [
        say(`${qualified.length} 名成员具备该技能`, `${qualified.length} member${qualified.length === 1 ? '' : 's'} with the skill`),
        ...(request.at ? [say(`其中 ${free} 名该时段有空`, `${free} of them free at that time`)] : []),
        say(`最合适的成员：${best.name}（${best.score} 分）`, `best member: ${best.name} (${best.score} points)`),
        ...(offers ? [say('队伍服务项目包含该技能', 'the team offers this service')] : []),
      ];
      return { team: { id: t.id, name: t.name, kind: t.kind, kindLabel: teamKindLabel(t.kind, locale) }, score: best.score, qualifiedMembers: qualified.length, availableMembers: free, bestMember: { id: best.id, name: best.name }, reasons };
    })
    .filter((t): t is NonNullable<typeof t> => t !== null)
    .sort((a, b) => b.score - a.score || b.qualifiedMembers - a.qualifiedMembers || a.team.name.localeCompare(b.team.name, 'zh'))
    .map((t, i) => ({ rank: i + 1, ...t }));
}

/**
 * The staff route's call: dispatching is the community's (volunteers.manage at the place), and candidates are
 * those the caller may read.
 */
export async function matchForActor(db: Db, geo: GridIndex, timeZone: string, actor: Actor, q: { skill: string; lng?: number; lat?: number; grid?: string; at?: string; limit?: number }, locale: Locale) {
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  const manages = listScope(actor, 'volunteers.manage');
  if (!manages?.paths.length) throw new AppError('FORBIDDEN');
  let place: MatchRequest['place'];
  if (q.lng !== undefined && q.lat !== undefined) place = { lng: q.lng, lat: q.lat };
  else if (q.grid && q.lng === undefined && q.lat === undefined) place = { grid: q.grid };
  else throw new AppError('MATCH_PLACE_REQUIRED');
  const { grid } = await resolvePlace(db, geo, place);
  if (!can(actor, 'volunteers.manage', { path: grid.path })) throw new AppError('GRID_NOT_FOUND');
  const at = q.at ? new Date(q.at) : null;
  if (at && Number.isNaN(at.getTime())) throw new AppError('VALIDATION_FAILED', [{ field: 'querystring/at', problem: 'not a time' }]);
  const within = listScope(actor, 'volunteers.read')?.paths ?? [];
  return matchTalents(db, geo, timeZone, { skill: q.skill, place, at, limit: q.limit, within }, locale);
}
