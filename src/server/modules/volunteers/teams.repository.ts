import { type Kysely, type SqlBool, sql } from 'kysely';
import { underAnyPath, underPath } from '../../db/paths.ts';
import type { DB, TeamMembersTable, TeamsTable } from '../../db/tables.ts';

export type Db = Kysely<DB>;
export type TeamRow = TeamsTable;

const count = sql<string | number>`count(*)`.as('n');

export async function findTeam(db: Db, id: string): Promise<TeamRow | undefined> {
  return db.selectFrom('teams').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findTeamByName(db: Db, communityId: string, name: string): Promise<TeamRow | undefined> {
  return db.selectFrom('teams').selectAll().where('community_id', '=', communityId).where('name', '=', name).executeTakeFirst();
}

export async function insertTeam(db: Db, row: TeamRow): Promise<void> {
  await db.insertInto('teams').values(row).execute();
}

export async function updateTeam(db: Db, id: string, patch: Partial<Omit<TeamRow, 'id' | 'created_at'>>): Promise<void> {
  await db.updateTable('teams').set(patch).where('id', '=', id).execute();
}

export interface TeamFilter {
  nodePath?: string;
  kind?: string;
  skill?: string;
  q?: string;
  limit: number;
  offset: number;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** One page of the teams under the visible paths, by name, and how many match in all. */
export async function listTeams(db: Db, paths: string[], f: TeamFilter): Promise<{ rows: TeamRow[]; total: number }> {
  let q = db.selectFrom('teams').where(underAnyPath('teams.path', paths));
  if (f.nodePath) q = q.where(underPath('teams.path', f.nodePath));
  if (f.kind) q = q.where('teams.kind', '=', f.kind);
  // Services are a JSON array of codes; a code is matched with its quotes, so `repairs` never matches `household_repairs`.
  if (f.skill) q = q.where(sql<SqlBool>`teams.services like ${`%"${escapeLike(f.skill)}"%`} escape '\\'`);
  if (f.q) q = q.where(sql<SqlBool>`teams.name like ${`%${escapeLike(f.q)}%`} escape '\\'`);
  const total = await q.select(count).executeTakeFirst();
  const rows = await q.selectAll().orderBy('name').orderBy('id').limit(f.limit).offset(f.offset).execute();
  return { rows, total: Number(total?.n ?? 0) };
}

/** Members of teams, with each talent's name and status. */
export async function membersOf(db: Db, teamIds: string[]) {
  if (teamIds.length === 0) return [];
  return db
    .selectFrom('team_members')
    .innerJoin('talents', 'talents.id', 'team_members.talent_id')
    .leftJoin('residents', 'residents.id', 'talents.resident_id')
    .select(['team_members.team_id', 'team_members.talent_id', 'team_members.joined_on', 'talents.status', sql<string>`coalesce(residents.name, talents.name)`.as('name')])
    .where('team_members.team_id', 'in', teamIds)
    .orderBy('team_members.joined_on')
    .orderBy('team_members.talent_id')
    .execute();
}

export async function findMember(db: Db, teamId: string, talentId: string): Promise<TeamMembersTable | undefined> {
  return db.selectFrom('team_members').selectAll().where('team_id', '=', teamId).where('talent_id', '=', talentId).executeTakeFirst();
}

export async function insertMember(db: Db, row: TeamMembersTable): Promise<void> {
  await db.insertInto('team_members').values(row).execute();
}

export async function updateMemberJoined(db: Db, teamId: string, talentId: string, joinedOn: string): Promise<void> {
  await db.updateTable('team_members').set({ joined_on: joinedOn }).where('team_id', '=', teamId).where('talent_id', '=', talentId).execute();
}

export async function deleteMember(db: Db, teamId: string, talentId: string): Promise<void> {
  await db.deleteFrom('team_members').where('team_id', '=', teamId).where('talent_id', '=', talentId).execute();
}

/** Teams under the paths (all when null) with their community's centre, for matching. */
export async function teamsForMatching(db: Db, within: string[] | null) {
  let q = db
    .selectFrom('teams')
    .innerJoin('org_nodes', 'org_nodes.id', 'teams.community_id')
    .select(['teams.id', 'teams.name', 'teams.kind', 'teams.services', 'teams.path', 'org_nodes.centroid_lng', 'org_nodes.centroid_lat']);
  if (within) q = q.where(underAnyPath('teams.path', within));
  return q.orderBy('teams.name').execute();
}
