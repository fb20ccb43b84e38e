import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import { underAnyPath, underPath } from '../../db/paths.ts';
import type { DB, TalentEventsTable, TalentSkillsTable, TalentStatus, TalentsTable } from '../../db/tables.ts';

export type Db = Kysely<DB>;
export type TalentRow = Omit<TalentsTable, 'reserve_candidate'> & { reserve_candidate: number };

/** A talent with what the views need from other tables: the resident's current name, phone and household. */
export interface TalentWithPerson extends TalentRow {
  resident_name: string | null;
  resident_phone: string | null;
  household_id: string | null;
  unit_name: string | null;
}

/** What a list may show: rows under any of these path prefixes, or (for a resident) one household's. */
export interface Visibility {
  paths: string[];
  householdId: string | null;
}

const count = sql<string | number>`count(*)`.as('n');

function withPerson(db: Db) {
  return db
    .selectFrom('talents')
    .leftJoin('residents', 'residents.id', 'talents.resident_id')
    .leftJoin('partner_units', 'partner_units.id', 'talents.partner_unit_id')
    .selectAll('talents')
    .select(['residents.name as resident_name', 'residents.phone as resident_phone', 'residents.household_id as household_id', 'partner_units.name as unit_name']);
}

function visibleTo(vis: Visibility): Expression<SqlBool> {
  const anyOf: Expression<SqlBool>[] = vis.paths.length ? [underAnyPath('talents.path', vis.paths)] : [];
  if (vis.householdId) anyOf.push(sql<SqlBool>`residents.household_id = ${vis.householdId}`);
  return anyOf.length ? sql<SqlBool>`(${sql.join(anyOf, sql` or `)})` : sql<SqlBool>`1 = 0`;
}

export async function findTalent(db: Db, id: string): Promise<TalentWithPerson | undefined> {
  return withPerson(db).where('talents.id', '=', id).executeTakeFirst();
}

export async function findTalentByResident(db: Db, residentId: string): Promise<TalentWithPerson | undefined> {
  return withPerson(db).where('talents.resident_id', '=', residentId).executeTakeFirst();
}

/** A non-resident talent by their own mobile number, or a resident talent whose resident record has it. */
export async function findTalentByPhone(db: Db, phone: string): Promise<TalentWithPerson | undefined> {
  return withPerson(db).where((eb) => eb.or([eb('talents.phone', '=', phone), eb('residents.phone', '=', phone)])).orderBy('talents.created_at').executeTakeFirst();
}

export async function insertTalent(db: Db, row: TalentRow): Promise<void> {
  await db.insertInto('talents').values(row).execute();
}

export async function updateTalent(db: Db, id: string, patch: Partial<Omit<TalentRow, 'id' | 'created_at'>>): Promise<void> {
  await db.updateTable('talents').set(patch).where('id', '=', id).execute();
}

/** Compare-and-set of the status: changes it only from one of `from`; false when someone else changed it first. */
export async function moveTalentStatus(db: Db, id: string, from: readonly TalentStatus[], patch: Partial<TalentRow> & { status: TalentStatus }): Promise<boolean> {
  const result = await db.updateTable('talents').set(patch).where('id', '=', id).where('status', 'in', [...from]).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

// ---- skills

export async function skillsOf(db: Db, talentIds: string[]): Promise<TalentSkillsTable[]> {
  if (talentIds.length === 0) return [];
  return db.selectFrom('talent_skills').selectAll().where('talent_id', 'in', talentIds).orderBy('created_at').orderBy('skill').execute();
}

export async function insertSkills(db: Db, rows: TalentSkillsTable[]): Promise<void> {
  if (rows.length) await db.insertInto('talent_skills').values(rows).execute();
}

export async function updateSkill(db: Db, talentId: string, skill: string, patch: Partial<Omit<TalentSkillsTable, 'talent_id' | 'skill' | 'created_at'>>): Promise<void> {
  await db.updateTable('talent_skills').set(patch).where('talent_id', '=', talentId).where('skill', '=', skill).execute();
}

export async function deleteSkill(db: Db, talentId: string, skill: string): Promise<void> {
  await db.deleteFrom('talent_skills').where('talent_id', '=', talentId).where('skill', '=', skill).execute();
}

// ---- service areas

export async function serviceAreasOf(db: Db, talentIds: string[]) {
  if (talentIds.length === 0) return [];
  return db
    .selectFrom('talent_service_areas')
    .innerJoin('org_nodes', 'org_nodes.id', 'talent_service_areas.node_id')
    .select(['talent_service_areas.talent_id', 'talent_service_areas.path', 'org_nodes.id', 'org_nodes.code', 'org_nodes.name', 'org_nodes.kind'])
    .where('talent_service_areas.talent_id', 'in', talentIds)
    .orderBy('org_nodes.path')
    .execute();
}

export async function replaceServiceAreas(db: Db, talentId: string, nodes: { id: string; path: string }[]): Promise<void> {
  await db.deleteFrom('talent_service_areas').where('talent_id', '=', talentId).execute();
  if (nodes.length) await db.insertInto('talent_service_areas').values(nodes.map((n) => ({ talent_id: talentId, node_id: n.id, path: n.path }))).execute();
}

// ---- teams of talents

export async function teamsOfTalents(db: Db, talentIds: string[]) {
  if (talentIds.length === 0) return [];
  return db
    .selectFrom('team_members')
    .innerJoin('teams', 'teams.id', 'team_members.team_id')
    .select(['team_members.talent_id', 'team_members.joined_on', 'teams.id', 'teams.name', 'teams.kind', 'teams.leader_talent_id'])
    .where('team_members.talent_id', 'in', talentIds)
    .orderBy('teams.name')
    .execute();
}

// ---- history

export async function insertEvent(db: Db, row: TalentEventsTable): Promise<void> {
  await db.insertInto('talent_events').values(row).execute();
}

export async function eventsOf(db: Db, talentId: string): Promise<TalentEventsTable[]> {
  return db.selectFrom('talent_events').selectAll().where('talent_id', '=', talentId).orderBy('at').orderBy('id').execute();
}

// ---- lists

export interface TalentFilter {
  nodePath?: string;
  skill?: string;
  status?: TalentStatus;
  origin?: string;
  teamId?: string;
  reserve?: boolean;
  withoutGrid?: boolean;
  q?: string;
  limit: number;
  offset: number;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** One page of the talents the visibility allows, by name, and how many match in all. */
export async function listTalents(db: Db, vis: Visibility, f: TalentFilter): Promise<{ rows: TalentWithPerson[]; total: number }> {
  let q = db
    .selectFrom('talents')
    .leftJoin('residents', 'residents.id', 'talents.resident_id')
    .leftJoin('partner_units', 'partner_units.id', 'talents.partner_unit_id')
    .where(visibleTo(vis));
  if (f.nodePath) q = q.where(underPath('talents.path', f.nodePath));
  if (f.status) q = q.where('talents.status', '=', f.status);
  if (f.origin) q = q.where('talents.origin', '=', f.origin as TalentsTable['origin']);
  if (f.reserve !== undefined) q = q.where('talents.reserve_candidate', '=', f.reserve ? 1 : 0);
  if (f.withoutGrid) q = q.where('talents.grid_id', 'is', null);
  if (f.skill) {
    const skill = f.skill;
    q = q.where((eb) => eb.exists(eb.selectFrom('talent_skills').select(sql`1`.as('one')).whereRef('talent_skills.talent_id', '=', 'talents.id').where('talent_skills.skill', '=', skill)));
  }
  if (f.teamId) {
    const teamId = f.teamId;
    q = q.where((eb) => eb.exists(eb.selectFrom('team_members').select(sql`1`.as('one')).whereRef('team_members.talent_id', '=', 'talents.id').where('team_members.team_id', '=', teamId)));
  }
  if (f.q) q = q.where(sql<SqlBool>`coalesce(residents.name, talents.name) like ${`%${escapeLike(f.q)}%`} escape '\\'`);
  const total = await q.select(count).executeTakeFirst();
  const rows = await q
    .selectAll('talents')
    .select(['residents.name as resident_name', 'residents.phone as resident_phone', 'residents.household_id as household_id', 'partner_units.name as unit_name'])
    .orderBy(sql`coalesce(residents.name, talents.name)`)
    .orderBy('talents.id')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { rows, total: Number(total?.n ?? 0) };
}

// ---- matching

/** A confirmed talent with a skill, where they live (compound point, else grid or community centre) and their level. */
export interface CandidateRow {
  id: string;
  name: string;
  grid_id: string | null;
  community_id: string;
  availability: string;
  level: number;
  home_lng: number | null;
  home_lat: number | null;
}

/** Confirmed talents with the skill under any of the prefixes (all when `within` is null). */
export async function candidatesWithSkill(db: Db, skill: string, within: string[] | null): Promise<CandidateRow[]> {
  let q = db
    .selectFrom('talents')
    .innerJoin('talent_skills', (j) => j.onRef('talent_skills.talent_id', '=', 'talents.id').on('talent_skills.skill', '=', skill))
    .leftJoin('residents', 'residents.id', 'talents.resident_id')
    .leftJoin('households', 'households.id', 'residents.household_id')
    .leftJoin('compounds', 'compounds.id', 'households.compound_id')
    .leftJoin('org_nodes as grid', 'grid.id', 'talents.grid_id')
    .leftJoin('org_nodes as community', 'community.id', 'talents.community_id')
    .select([
      'talents.id',
      sql<string>`coalesce(residents.name, talents.name)`.as('name'),
      'talents.grid_id',
      'talents.community_id',
      'talents.availability',
      'talent_skills.level',
      sql<number | null>`coalesce(compounds.lng, grid.centroid_lng, community.centroid_lng)`.as('home_lng'),
      sql<number | null>`coalesce(compounds.lat, grid.centroid_lat, community.centroid_lat)`.as('home_lat'),
    ])
    .where('talents.status', '=', 'confirmed');
  if (within) q = q.where(underAnyPath('talents.path', within));
  return q.orderBy('talents.id').execute();
}

// ---- figures

/** Talents by skill under a node (one talent counts once per skill). */
export async function countBySkill(db: Db, nodePath: string, status: TalentStatus | undefined) {
  let q = db.selectFrom('talent_skills').innerJoin('talents', 'talents.id', 'talent_skills.talent_id').where(underPath('talents.path', nodePath));
  if (status) q = q.where('talents.status', '=', status);
  return q.select(['talent_skills.skill', count]).groupBy('talent_skills.skill').execute();
}

/** Talents by grid under a node; talents placed in a community without a grid have `grid_id` null. */
export async function countByGrid(db: Db, nodePath: string, status: TalentStatus | undefined) {
  let q = db.selectFrom('talents').where(underPath('talents.path', nodePath));
  if (status) q = q.where('talents.status', '=', status);
  return q.select(['talents.grid_id', 'talents.community_id', count]).groupBy(['talents.grid_id', 'talents.community_id']).execute();
}

export async function countTotals(db: Db, nodePath: string, status: TalentStatus | undefined) {
  let q = db.selectFrom('talents').where(underPath('talents.path', nodePath));
  if (status) q = q.where('talents.status', '=', status);
  const row = await q
    .select([
      count,
      sql<string | number>`sum(case when talents.origin = 'in_service' then 1 else 0 end)`.as('in_service'),
      sql<string | number>`sum(case when talents.reserve_candidate = 1 then 1 else 0 end)`.as('reserve'),
    ])
    .executeTakeFirst();
  return { total: Number(row?.n ?? 0), inService: Number(row?.in_service ?? 0), reserve: Number(row?.reserve ?? 0) };
}
