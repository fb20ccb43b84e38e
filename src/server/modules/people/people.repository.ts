import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import type { BuildingsTable, CompoundsTable, DB, HouseholdLinkKind, HouseholdsTable, ResidentsTable } from '../../db/tables.ts';
import { underPath as under } from '../../db/paths.ts';

export type Db = Kysely<DB>;
export type CompoundRow = CompoundsTable;
export type BuildingRow = BuildingsTable;
export type HouseholdRow = Omit<HouseholdsTable, 'is_party_hub'> & { is_party_hub: number };
export type ResidentRow = Omit<ResidentsTable, 'is_party_member'> & { is_party_member: number };

/** What a list may show: rows under any of these org path prefixes, or (for a resident) one household. */
export interface Visibility {
  paths: string[];
  householdId: string | null;
}

export interface Paging {
  limit: number;
  offset: number;
}

/** The visibility (and optional org node filter) as one condition; a table without households ignores `householdId`. */
function visibleTo(vis: Visibility, nodePath: string | undefined, pathColumn: string, householdColumn: string | null): Expression<SqlBool> {
  const anyOf = vis.paths.map((p) => under(pathColumn, p));
  if (vis.householdId && householdColumn) anyOf.push(sql<SqlBool>`${sql.ref(householdColumn)} = ${vis.householdId}`);
  const visible = anyOf.length ? sql<SqlBool>`(${sql.join(anyOf, sql` or `)})` : sql<SqlBool>`1 = 0`;
  return nodePath ? sql<SqlBool>`${visible} and ${under(pathColumn, nodePath)}` : visible;
}

const count = sql<string | number>`count(*)`.as('n');


// ---- compounds and buildings (大院/小区, 楼栋)

export async function findCompound(db: Db, id: string): Promise<CompoundRow | undefined> {
  return db.selectFrom('compounds').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findCompoundByName(db: Db, gridId: string, name: string): Promise<CompoundRow | undefined> {
  return db.selectFrom('compounds').selectAll().where('grid_id', '=', gridId).where('name', '=', name).executeTakeFirst();
}

export async function insertCompound(db: Db, row: CompoundRow): Promise<void> {
  await db.insertInto('compounds').values(row).execute();
}

export async function listCompounds(db: Db, vis: Visibility, f: { nodePath?: string } & Paging) {
  const q = db.selectFrom('compounds').where(visibleTo(vis, f.nodePath, 'compounds.path', null));
  const total = await q.select(count).executeTakeFirst();
  const rows = await q
    .selectAll('compounds')
    .select((eb) => eb.selectFrom('buildings').select(count).whereRef('buildings.compound_id', '=', 'compounds.id').as('building_count'))
    .orderBy('name')
    .orderBy('id')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { rows, total: Number(total?.n ?? 0) };
}

export async function findBuilding(db: Db, id: string) {
  return db
    .selectFrom('buildings')
    .innerJoin('compounds', 'compounds.id', 'buildings.compound_id')
    .selectAll('buildings')
    .select(['compounds.path', 'compounds.grid_id'])
    .where('buildings.id', '=', id)
    .executeTakeFirst();
}

export async function findBuildingByName(db: Db, compoundId: string, name: string): Promise<BuildingRow | undefined> {
  return db.selectFrom('buildings').selectAll().where('compound_id', '=', compoundId).where('name', '=', name).executeTakeFirst();
}

export async function insertBuilding(db: Db, row: BuildingRow): Promise<void> {
  await db.insertInto('buildings').values(row).execute();
}

export async function listBuildings(db: Db, compoundId: string, f: Paging) {
  const q = db.selectFrom('buildings').where('compound_id', '=', compoundId);
  const total = await q.select(count).executeTakeFirst();
  const rows = await q.selectAll().orderBy('name').orderBy('id').limit(f.limit).offset(f.offset).execute();
  return { rows, total: Number(total?.n ?? 0) };
}

// ---- households (户)

export async function findHousehold(db: Db, id: string): Promise<HouseholdRow | undefined> {
  return db.selectFrom('households').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findHouseholdsByIds(db: Db, ids: string[]): Promise<HouseholdRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('households').selectAll().where('id', 'in', ids).execute();
}

export async function findHouseholdByAddress(db: Db, gridId: string, address: string): Promise<HouseholdRow | undefined> {
  return db.selectFrom('households').selectAll().where('grid_id', '=', gridId).where('address', '=', address).executeTakeFirst();
}

export async function insertHousehold(db: Db, row: Omit<HouseholdRow, 'is_party_hub'>): Promise<void> {
  await db.insertInto('households').values(row).execute();
}

export async function updateHousehold(db: Db, id: string, patch: Partial<Omit<HouseholdRow, 'id' | 'created_at'>>): Promise<void> {
  await db.updateTable('households').set(patch).where('id', '=', id).execute();
}

/** Moves a household's members with it when the household changes grid. */
export async function moveMembers(db: Db, householdId: string, gridId: string, path: string, at: string): Promise<void> {
  await db.updateTable('residents').set({ grid_id: gridId, path, updated_at: at }).where('household_id', '=', householdId).execute();
}

export interface HouseholdFilter extends Paging {
  nodePath?: string;
  compoundId?: string;
  partyHubsOnly?: boolean;
  /** Only households linked to this party hub household or liaison. */
  linkedTo?: { kind: HouseholdLinkKind; linkerId: string };
}

export async function listHouseholds(db: Db, vis: Visibility, f: HouseholdFilter) {
  let q = db.selectFrom('households').where(visibleTo(vis, f.nodePath, 'households.path', 'households.id'));
  if (f.compoundId) q = q.where('compound_id', '=', f.compoundId);
  if (f.partyHubsOnly) q = q.where('is_party_hub', '=', 1);
  if (f.linkedTo) {
    const { kind, linkerId } = f.linkedTo;
    q = q.where('id', 'in', db.selectFrom('household_links').select('household_id').where('kind', '=', kind).where('linker_id', '=', linkerId));
  }
  const total = await q.select(count).executeTakeFirst();
  const rows = await q
    .selectAll('households')
    .select((eb) => [
      eb.selectFrom('residents').select(count).whereRef('residents.household_id', '=', 'households.id').as('member_count'),
      eb
        .selectFrom('household_links')
        .select(count)
        .where('household_links.kind', '=', 'party_hub')
        .whereRef('household_links.linker_id', '=', 'households.id')
        .as('linked_count'),
    ])
    .orderBy('address')
    .orderBy('id')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { rows, total: Number(total?.n ?? 0) };
}

// ---- residents (居民)

const residentColumns = [
  'residents.id',
  'residents.household_id',
  'residents.grid_id',
  'residents.path',
  'residents.name',
  'residents.gender',
  'residents.phone',
  'residents.id_number',
  'residents.birth_date',
  'residents.is_party_member',
  'residents.created_at',
  'residents.updated_at',
  'households.address',
] as const;

export type ResidentWithAddress = ResidentRow & { address: string };

export async function findResident(db: Db, id: string): Promise<ResidentWithAddress | undefined> {
  return db.selectFrom('residents').innerJoin('households', 'households.id', 'residents.household_id').select(residentColumns).where('residents.id', '=', id).executeTakeFirst();
}

export async function findResidentIdByIdNumber(db: Db, idNumber: string): Promise<string | undefined> {
  const row = await db.selectFrom('residents').select('id').where('id_number', '=', idNumber).executeTakeFirst();
  return row?.id;
}

export async function membersOf(db: Db, householdId: string): Promise<ResidentWithAddress[]> {
  return db
    .selectFrom('residents')
    .innerJoin('households', 'households.id', 'residents.household_id')
    .select(residentColumns)
    .where('residents.household_id', '=', householdId)
    .orderBy('residents.id')
    .execute();
}

export async function insertResident(db: Db, row: Omit<ResidentRow, 'is_party_member'> & { is_party_member?: number }): Promise<void> {
  await db.insertInto('residents').values(row).execute();
}

export async function updateResident(db: Db, id: string, patch: Partial<Omit<ResidentRow, 'id' | 'created_at'>>): Promise<void> {
  await db.updateTable('residents').set(patch).where('id', '=', id).execute();
}

export async function deleteResident(db: Db, id: string): Promise<void> {
  await db.deleteFrom('household_links').where('kind', '=', 'liaison').where('linker_id', '=', id).execute();
  await db.deleteFrom('residents').where('id', '=', id).execute();
}

export async function residentHasAccount(db: Db, id: string): Promise<boolean> {
  return !!(await db.selectFrom('accounts').select('id').where('resident_id', '=', id).limit(1).executeTakeFirst());
}

export interface ResidentFilter extends Paging {
  nodePath?: string;
  householdId?: string;
  /** Name contains. */
  q?: string;
  liaisonsOnly?: boolean;
}

export async function listResidents(db: Db, vis: Visibility, f: ResidentFilter) {
  let q = db
    .selectFrom('residents')
    .innerJoin('households', 'households.id', 'residents.household_id')
    .where(visibleTo(vis, f.nodePath, 'residents.path', 'residents.household_id'));
  if (f.householdId) q = q.where('residents.household_id', '=', f.householdId);
  if (f.q) q = q.where(sql<SqlBool>`residents.name like ${`%${escapeLike(f.q)}%`} escape '\\'`);
  if (f.liaisonsOnly) {
    q = q.where('residents.id', 'in', db.selectFrom('household_links').select('linker_id').where('kind', '=', 'liaison'));
  }
  const total = await q.select(count).executeTakeFirst();
  const rows = await q
    .select(residentColumns)
    .select((eb) =>
      eb
        .selectFrom('household_links')
        .select(count)
        .where('household_links.kind', '=', 'liaison')
        .whereRef('household_links.linker_id', '=', 'residents.id')
        .as('linked_count'),
    )
    .orderBy('residents.id')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { rows, total: Number(total?.n ?? 0) };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

// ---- party hub households (党员中心户) and household liaisons (联户长)

export async function setPartyHubFlag(db: Db, householdId: string, isHub: boolean, at: string): Promise<void> {
  await db.updateTable('households').set({ is_party_hub: isHub ? 1 : 0, updated_at: at }).where('id', '=', householdId).execute();
}

export async function countLinks(db: Db, kind: HouseholdLinkKind, linkerId: string): Promise<number> {
  const row = await db.selectFrom('household_links').select(count).where('kind', '=', kind).where('linker_id', '=', linkerId).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Replaces the households a hub or liaison serves. */
export async function replaceLinks(db: Db, kind: HouseholdLinkKind, linkerId: string, householdIds: string[], at: string): Promise<void> {
  await db.deleteFrom('household_links').where('kind', '=', kind).where('linker_id', '=', linkerId).execute();
  if (householdIds.length === 0) return;
  await db
    .insertInto('household_links')
    .values(householdIds.map((household_id) => ({ kind, linker_id: linkerId, household_id, created_at: at })))
    .execute();
}
