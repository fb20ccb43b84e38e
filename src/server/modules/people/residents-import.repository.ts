import { sql } from 'kysely';
import type { OrgNodesTable } from '../../db/tables.ts';
import type { BuildingRow, CompoundRow, Db, HouseholdRow, ResidentRow } from './people.repository.ts';

// Set-at-a-time SQL for the spreadsheet import: one statement per batch rather than one per row.

/** Grids whose code or name is `key` (a name may match several). */
export async function gridsByCodeOrName(db: Db, key: string): Promise<OrgNodesTable[]> {
  return db
    .selectFrom('org_nodes')
    .selectAll()
    .where('kind', '=', 'grid')
    .where((eb) => eb.or([eb('code', '=', key), eb('name', '=', key)]))
    .execute();
}

export async function compoundsNamed(db: Db, gridIds: string[], names: string[]): Promise<CompoundRow[]> {
  if (gridIds.length === 0) return [];
  return db.selectFrom('compounds').selectAll().where('grid_id', 'in', gridIds).where('name', 'in', names).execute();
}

export async function insertCompounds(db: Db, rows: CompoundRow[]): Promise<void> {
  if (rows.length) await db.insertInto('compounds').values(rows).execute();
}

export async function buildingsNamed(db: Db, compoundIds: string[], names: string[]): Promise<BuildingRow[]> {
  if (compoundIds.length === 0) return [];
  return db.selectFrom('buildings').selectAll().where('compound_id', 'in', compoundIds).where('name', 'in', names).execute();
}

export async function insertBuildings(db: Db, rows: BuildingRow[]): Promise<void> {
  if (rows.length) await db.insertInto('buildings').values(rows).execute();
}

export async function householdsAt(db: Db, gridIds: string[], addresses: string[]): Promise<Pick<HouseholdRow, 'id' | 'grid_id' | 'path' | 'address'>[]> {
  if (gridIds.length === 0) return [];
  return db.selectFrom('households').select(['id', 'grid_id', 'path', 'address']).where('grid_id', 'in', gridIds).where('address', 'in', addresses).execute();
}

export async function insertHouseholds(db: Db, rows: Omit<HouseholdRow, 'is_party_hub'>[]): Promise<void> {
  if (rows.length) await db.insertInto('households').values(rows).execute();
}

/** Which of these ID numbers are already registered. */
export async function registeredIdNumbers(db: Db, idNumbers: string[]): Promise<Set<string>> {
  if (idNumbers.length === 0) return new Set();
  const rows = await db.selectFrom('residents').select('id_number').where('id_number', 'in', idNumbers).execute();
  return new Set(rows.map((r) => r.id_number!));
}

/**
 * Inserts residents, or updates the one already holding the ID number: they may have moved household or changed
 * name. A blank phone in the file keeps the phone on record; the party-member flag is not in the file and stays.
 */
export async function upsertResidentsByIdNumber(db: Db, rows: ResidentRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('residents')
    .values(rows)
    .onConflict((oc) =>
      oc.column('id_number').doUpdateSet((eb) => ({
        household_id: eb.ref('excluded.household_id'),
        grid_id: eb.ref('excluded.grid_id'),
        path: eb.ref('excluded.path'),
        name: eb.ref('excluded.name'),
        gender: eb.ref('excluded.gender'),
        phone: sql<string | null>`coalesce(excluded.phone, residents.phone)`,
        birth_date: eb.ref('excluded.birth_date'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .execute();
}

/** The residents of these households, so a row without an ID number is matched on re-import by household and name. */
export async function residentsOfHouseholds(db: Db, householdIds: string[]): Promise<{ id: string; household_id: string; name: string }[]> {
  if (householdIds.length === 0) return [];
  return db.selectFrom('residents').select(['id', 'household_id', 'name']).where('household_id', 'in', householdIds).execute();
}

export async function insertResidents(db: Db, rows: ResidentRow[]): Promise<void> {
  if (rows.length) await db.insertInto('residents').values(rows).execute();
}

export async function updateResidentFromSheet(db: Db, id: string, patch: { gender: ResidentRow['gender']; phone: string | null; birth_date: string | null; updated_at: string }): Promise<void> {
  await db
    .updateTable('residents')
    .set({
      gender: sql`coalesce(${patch.gender}, gender)`,
      phone: sql`coalesce(${patch.phone}, phone)`,
      birth_date: sql`coalesce(${patch.birth_date}, birth_date)`,
      updated_at: patch.updated_at,
    })
    .where('id', '=', id)
    .execute();
}
