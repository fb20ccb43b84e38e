import { type Kysely, type SqlBool, sql } from 'kysely';
import { underAnyPath, underPath } from '../../db/paths.ts';
import type { DB, PartnerUnitsTable, SharedResourcesTable } from '../../db/tables.ts';

export type Db = Kysely<DB>;
export type PartnerUnitRow = PartnerUnitsTable;
export type SharedResourceRow = Omit<SharedResourcesTable, 'active'> & { active: number };

const count = sql<string | number>`count(*)`.as('n');
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function findUnit(db: Db, id: string): Promise<PartnerUnitRow | undefined> {
  return db.selectFrom('partner_units').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findUnitByName(db: Db, name: string): Promise<PartnerUnitRow | undefined> {
  return db.selectFrom('partner_units').selectAll().where('name', '=', name).executeTakeFirst();
}

export async function insertUnit(db: Db, row: PartnerUnitRow): Promise<void> {
  await db.insertInto('partner_units').values(row).execute();
}

export async function updateUnit(db: Db, id: string, patch: Partial<Omit<PartnerUnitRow, 'id' | 'created_at'>>): Promise<void> {
  await db.updateTable('partner_units').set(patch).where('id', '=', id).execute();
}

/** The communities units pair with, with their names. */
export async function communitiesOf(db: Db, unitIds: string[]) {
  if (unitIds.length === 0) return [];
  return db
    .selectFrom('partner_unit_communities')
    .innerJoin('org_nodes', 'org_nodes.id', 'partner_unit_communities.community_id')
    .select(['partner_unit_communities.partner_unit_id', 'partner_unit_communities.path', 'org_nodes.id', 'org_nodes.code', 'org_nodes.name', 'org_nodes.kind'])
    .where('partner_unit_communities.partner_unit_id', 'in', unitIds)
    .orderBy('org_nodes.code')
    .execute();
}

export async function addCommunity(db: Db, unitId: string, community: { id: string; path: string }, at: string): Promise<void> {
  await db.insertInto('partner_unit_communities').values({ partner_unit_id: unitId, community_id: community.id, path: community.path, created_at: at }).execute();
}

export async function removeCommunity(db: Db, unitId: string, communityId: string): Promise<void> {
  await db.deleteFrom('partner_unit_communities').where('partner_unit_id', '=', unitId).where('community_id', '=', communityId).execute();
}

/** One page of the units paired with a community under the paths (and under `nodePath`), by name. */
export async function listUnits(db: Db, paths: string[], f: { nodePath?: string; q?: string; limit: number; offset: number }) {
  let q = db.selectFrom('partner_units').where((eb) => {
    let paired = eb.selectFrom('partner_unit_communities').select(sql`1`.as('one')).whereRef('partner_unit_communities.partner_unit_id', '=', 'partner_units.id').where(underAnyPath('partner_unit_communities.path', paths));
    if (f.nodePath) paired = paired.where(underPath('partner_unit_communities.path', f.nodePath));
    return eb.exists(paired);
  });
  if (f.q) q = q.where(sql<SqlBool>`partner_units.name like ${`%${escapeLike(f.q)}%`} escape '\\'`);
  const total = await q.select(count).executeTakeFirst();
  const rows = await q.selectAll().orderBy('name').orderBy('id').limit(f.limit).offset(f.offset).execute();
  return { rows, total: Number(total?.n ?? 0) };
}

/** In-service members (双报到) registered with each unit. */
export async function inServiceCounts(db: Db, unitIds: string[]) {
  if (unitIds.length === 0) return [];
  return db.selectFrom('talents').select(['partner_unit_id', count]).where('partner_unit_id', 'in', unitIds).where('origin', '=', 'in_service').groupBy('partner_unit_id').execute();
}

// ---- shared resources

export async function findResource(db: Db, id: string): Promise<SharedResourceRow | undefined> {
  return db.selectFrom('shared_resources').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertResource(db: Db, row: SharedResourceRow): Promise<void> {
  await db.insertInto('shared_resources').values(row).execute();
}

export async function updateResource(db: Db, id: string, patch: Partial<Omit<SharedResourceRow, 'id' | 'created_at'>>): Promise<void> {
  await db.updateTable('shared_resources').set(patch).where('id', '=', id).execute();
}

export async function resourcesOfUnits(db: Db, unitIds: string[]) {
  if (unitIds.length === 0) return [];
  return withPlace(db).where('shared_resources.partner_unit_id', 'in', unitIds).orderBy('shared_resources.name').execute();
}

function withPlace(db: Db) {
  return db
    .selectFrom('shared_resources')
    .innerJoin('partner_units', 'partner_units.id', 'shared_resources.partner_unit_id')
    .innerJoin('org_nodes', 'org_nodes.id', 'shared_resources.community_id')
    .selectAll('shared_resources')
    .select(['partner_units.name as unit_name', 'org_nodes.code as community_code', 'org_nodes.name as community_name']);
}

export async function findResourceWithPlace(db: Db, id: string) {
  return withPlace(db).where('shared_resources.id', '=', id).executeTakeFirst();
}

/** The public list: active resources, under a node if given, of one kind if given. */
export async function listActiveResources(db: Db, f: { nodePath?: string; kind?: string; limit: number; offset: number }) {
  let q = withPlace(db).where('shared_resources.active', '=', 1);
  if (f.nodePath) q = q.where(underPath('shared_resources.path', f.nodePath));
  if (f.kind) q = q.where('shared_resources.kind', '=', f.kind);
  const total = await q.clearSelect().select(count).executeTakeFirst();
  const rows = await q.orderBy('org_nodes.code').orderBy('shared_resources.kind').orderBy('shared_resources.name').orderBy('shared_resources.id').limit(f.limit).offset(f.offset).execute();
  return { rows, total: Number(total?.n ?? 0) };
}
