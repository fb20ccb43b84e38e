import { AppError, type Locale } from '../../http/errors.ts';
import { limitOffset } from '../../http/schemas.ts';
import { nowIso } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { type Actor, abilitiesOn, assertCan, listScope } from '../auth/permissions.ts';
import { findNode, nodesByIds } from '../org/org.repository.ts';
import { assertCanOn, nodePathOf } from '../people/people.scope.ts';
import { recordTalentEvent } from './talent-events.ts';
import type { TalentWithPerson } from './talents.repository.ts';
import { readableTalent } from './talents.scope.ts';
import * as repo from './teams.repository.ts';
import type { Db, TeamRow } from './teams.repository.ts';
import { skillLabel, teamKindLabel } from './taxonomy.ts';

function parseServices(text: string): string[] {
  try {
    const value = JSON.parse(text);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

async function teamViews(db: Db, actor: Actor, rows: TeamRow[], locale: Locale) {
  const [members, communities] = await Promise.all([repo.membersOf(db, rows.map((r) => r.id)), nodesByIds(db, [...new Set(rows.map((r) => r.community_id))])]);
  const communityById = new Map(communities.map((c) => [c.id, c]));
  return rows.map((r) => {
    const mine = members.filter((m) => m.team_id === r.id);
    const leader = mine.find((m) => m.talent_id === r.leader_talent_id);
    const community = communityById.get(r.community_id);
    return {
      id: r.id,
      name: r.name,
      kind: r.kind,
      kindLabel: teamKindLabel(r.kind, locale),
      purpose: r.purpose,
      services: parseServices(r.services).map((skill) => ({ skill, label: skillLabel(skill, locale) })),
      community: { id: r.community_id, code: community?.code ?? '', name: community?.name ?? '', kind: community?.kind ?? 'community' },
      leader: leader ? { id: leader.talent_id, name: leader.name } : null,
      memberCount: mine.length,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      abilities: abilitiesOn(actor, { path: r.path }, ['volunteers.read', 'volunteers.manage']),
      members: mine.map((m) => ({ talentId: m.talent_id, name: m.name, status: m.status, leader: m.talent_id === r.leader_talent_id, joinedOn: m.joined_on })),
    };
  });
}

async function teamDetail(db: Db, actor: Actor, id: string, locale: Locale) {
  return (await teamViews(db, actor, [(await repo.findTeam(db, id))!], locale))[0]!;
}

/** A team the actor may read (404 otherwise). */
async function readableTeam(db: Db, actor: Actor, id: string): Promise<TeamRow> {
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  const team = await repo.findTeam(db, id);
  if (!team) throw new AppError('TEAM_NOT_FOUND');
  assertCanOn(actor, 'volunteers.read', { path: team.path }, 'TEAM_NOT_FOUND');
  return team;
}

async function manageableTeam(db: Db, actor: Actor, id: string): Promise<TeamRow> {
  const team = await readableTeam(db, actor, id);
  assertCan(actor, 'volunteers.manage', { path: team.path });
  return team;
}

export async function listTeams(db: Db, actor: Actor, q: { node?: string; kind?: string; skill?: string; q?: string; page?: number; pageSize?: number }, locale: Locale) {
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  const paths = listScope(actor, 'volunteers.read')?.paths ?? [];
  const p = limitOffset(q);
  const { rows, total } = await repo.listTeams(db, paths, { nodePath: await nodePathOf(db, q.node), kind: q.kind, skill: q.skill, q: q.q?.trim() || undefined, limit: p.limit, offset: p.offset });
  const items = (await teamViews(db, actor, rows, locale)).map(({ members: _members, ...view }) => view);
  return { items, total, page: p.page, pageSize: p.pageSize };
}

export async function getTeam(db: Db, actor: Actor, id: string, locale: Locale) {
  await readableTeam(db, actor, id);
  return teamDetail(db, actor, id, locale);
}

/**
 * A talent who may join or lead a team: readable by the actor, proposed or confirmed, and of the team's
 * community (a team serves its own community, 002's 六义社 of 慈松塘).
 */
async function joinableTalent(db: Db, actor: Actor, team: TeamRow, talentId: string): Promise<TalentWithPerson> {
  const talent = await readableTalent(db, actor, talentId);
  if (talent.status !== 'proposed' && talent.status !== 'confirmed') throw new AppError('TALENT_NOT_ACTIVE');
  if (!talent.path.startsWith(team.path)) throw new AppError('TEAM_MEMBER_OUTSIDE_COMMUNITY');
  return talent;
}

function checkedJoinDay(joinedOn: string | undefined, today: string): string {
  const day = joinedOn ?? today;
  if (day > today) throw new AppError('VALIDATION_FAILED', [{ field: 'body/joinedOn', problem: 'must not be in the future' }]);
  return day;
}

async function join(db: Db, actor: Actor, team: TeamRow, talent: TalentWithPerson, joinedOn: string): Promise<void> {
  const member = await repo.findMember(db, team.id, talent.id);
  if (member) {
    if (member.joined_on !== joinedOn) await repo.updateMemberJoined(db, team.id, talent.id, joinedOn);
    return;
  }
  await repo.insertMember(db, { team_id: team.id, talent_id: talent.id, joined_on: joinedOn, created_at: nowIso() });
  await recordTalentEvent(db, actor, talent.id, 'team_joined', { data: { teamId: team.id, teamName: team.name } });
}

export interface NewTeam {
  name: string;
  kind: string;
  purpose?: string;
  services?: string[];
  community: string;
  leader?: string;
}

/** 组建志愿服务队: a team of a community, optionally with its leader (who joins it). */
export async function createTeam(db: Db, actor: Actor, input: NewTeam, today: string, locale: Locale) {
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  const community = await findNode(db, input.community);
  if (!community) throw new AppError('ORG_NODE_NOT_FOUND', { node: input.community });
  assertCanOn(actor, 'volunteers.manage', { path: community.path }, 'ORG_NODE_NOT_FOUND');
  if (community.kind !== 'community') throw new AppError('TALENT_PLACE_INVALID', { node: input.community, kind: community.kind });
  const name = input.name.trim();
  if (await repo.findTeamByName(db, community.id, name)) throw new AppError('TEAM_EXISTS');
  const at = nowIso();
  const team: TeamRow = {
    id: newId(),
    name,
    kind: input.kind,
    purpose: input.purpose?.trim() || null,
    services: JSON.stringify(input.services ?? []),
    community_id: community.id,
    path: community.path,
    leader_talent_id: null,
    created_at: at,
    updated_at: at,
  };
  await repo.insertTeam(db, team);
  if (input.leader) await setLeader(db, actor, team, input.leader, today);
  return teamDetail(db, actor, team.id, locale);
}

async function setLeader(db: Db, actor: Actor, team: TeamRow, talentId: string, today: string): Promise<void> {
  const talent = await joinableTalent(db, actor, team, talentId);
  const member = await repo.findMember(db, team.id, talent.id);
  await join(db, actor, team, talent, member?.joined_on ?? today);
  await repo.updateTeam(db, team.id, { leader_talent_id: talent.id, updated_at: nowIso() });
  await recordTalentEvent(db, actor, talent.id, 'team_leader', { data: { teamId: team.id, teamName: team.name } });
}

export interface TeamPatch {
  name?: string;
  kind?: string;
  purpose?: string | null;
  services?: string[];
  leader?: string | null;
}

export async function editTeam(db: Db, actor: Actor, id: string, patch: TeamPatch, today: string, locale: Locale) {
  const team = await manageableTeam(db, actor, id);
  const changes: Partial<TeamRow> = { updated_at: nowIso() };
  if (patch.name !== undefined) {
    const name = patch.name.trim();
    const other = await repo.findTeamByName(db, team.community_id, name);
    if (other && other.id !== team.id) throw new AppError('TEAM_EXISTS');
    changes.name = name;
  }
  if (patch.kind !== undefined) changes.kind = patch.kind;
  if (patch.purpose !== undefined) changes.purpose = patch.purpose?.trim() || null;
  if (patch.services !== undefined) changes.services = JSON.stringify(patch.services);
  if (patch.leader === null) changes.leader_talent_id = null;
  await repo.updateTeam(db, team.id, changes);
  if (patch.leader) await setLeader(db, actor, { ...team, ...changes }, patch.leader, today);
  return teamDetail(db, actor, team.id, locale);
}

/** 加入队伍: adds a talent to a team (or corrects the day they joined). */
export async function addTeamMember(db: Db, actor: Actor, id: string, talentId: string, joinedOn: string | undefined, today: string, locale: Locale) {
  const team = await manageableTeam(db, actor, id);
  const talent = await joinableTalent(db, actor, team, talentId);
  await join(db, actor, team, talent, checkedJoinDay(joinedOn, today));
  await repo.updateTeam(db, team.id, { updated_at: nowIso() });
  return teamDetail(db, actor, team.id, locale);
}

/** 离开队伍: the leader must be replaced first. */
export async function removeTeamMember(db: Db, actor: Actor, id: string, talentId: string, locale: Locale) {
  const team = await manageableTeam(db, actor, id);
  const member = await repo.findMember(db, team.id, talentId);
  if (!member) throw new AppError('TEAM_MEMBER_NOT_FOUND');
  if (team.leader_talent_id === talentId) throw new AppError('TEAM_LEADER_REMOVAL');
  await repo.deleteMember(db, team.id, talentId);
  await repo.updateTeam(db, team.id, { updated_at: nowIso() });
  await recordTalentEvent(db, actor, talentId, 'team_left', { data: { teamId: team.id, teamName: team.name } });
  return teamDetail(db, actor, team.id, locale);
}
