import { sql } from 'kysely';
import type { RoleModelPeopleTable, RoleModelsTable } from '../../db/tables.ts';
import { underAnyPath } from '../../db/paths.ts';
import type { Db } from './activities.repository.ts';

export type RoleModelRow = RoleModelsTable;

export async function findRoleModel(db: Db, id: string): Promise<RoleModelRow | undefined> {
  return db.selectFrom('role_models').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertRoleModel(db: Db, row: RoleModelRow): Promise<void> {
  await db.insertInto('role_models').values(row).execute();
}

export async function updateRoleModel(db: Db, id: string, patch: Partial<RoleModelRow>): Promise<void> {
  await db.updateTable('role_models').set(patch).where('id', '=', id).execute();
}

export async function replacePeople(db: Db, id: string, people: Omit<RoleModelPeopleTable, 'role_model_id'>[]): Promise<void> {
  await db.deleteFrom('role_model_people').where('role_model_id', '=', id).execute();
  if (people.length) await db.insertInto('role_model_people').values(people.map((p) => ({ ...p, role_model_id: id }))).execute();
}

/** The people of stories, with the name on their own record (resident or talent). */
export async function peopleOf(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('role_model_people')
    .leftJoin('residents', (j) => j.onRef('residents.id', '=', 'role_model_people.person_id').on('role_model_people.kind', '=', 'resident'))
    .leftJoin('talents', (j) => j.onRef('talents.id', '=', 'role_model_people.person_id').on('role_model_people.kind', '=', 'talent'))
    .select(['role_model_people.role_model_id', 'role_model_people.kind', 'role_model_people.person_id', 'residents.name as resident_name', 'talents.name as talent_name'])
    .where('role_model_id', 'in', ids)
    .orderBy('role_model_people.position')
    .execute();
}

/** Published stories anyone may read, plus unpublished ones under `managed`, newest first. */
export async function listRoleModels(db: Db, f: { managed: string[]; communityId?: string; limit: number; offset: number }) {
  let q = db.selectFrom('role_models').where((eb) => eb.or([eb('published', '=', 1), underAnyPath('path', f.managed)]));
  if (f.communityId) q = q.where('community_id', '=', f.communityId);
  const rows = await q.selectAll().orderBy(sql`coalesce(published_at, created_at)`, 'desc').orderBy('id', 'desc').limit(f.limit).offset(f.offset).execute();
  const count = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { rows, total: Number(count.n) };
}

export async function findPhotos(db: Db, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  return (await db.selectFrom('photos').select('id').where('id', 'in', ids).execute()).map((r) => r.id);
}

export async function findTalent(db: Db, id: string) {
  return db.selectFrom('talents').select(['id', 'path']).where('id', '=', id).executeTakeFirst();
}
