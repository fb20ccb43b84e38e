/**
 * Loads the demo community (演示社区) into an empty store, for `lianxin demo` and `lianxin serve --demo`.
 */
import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { DB } from '../db/tables.ts';
import { createAccount } from '../modules/auth/auth.service.ts';
import { newId } from '../platform/ids.ts';
import { generateDemo } from './demo.generate.ts';
import type { DemoRows } from './demo.rows.ts';
import { loadPointsDemo } from './demo.points.ts';
import { generateVolunteers, type VolunteerRows } from './demo.volunteers.ts';
// Activities and role models (M12)
import { loadActivitiesDemo } from './demo.activities.ts';

// SQLite binds at most 32,766 parameters a statement and PostgreSQL 65,535; 200 rows of the widest table
// (residents, 12 columns) stay far below both while keeping the number of round trips small.
const CHUNK_ROWS = 200;

/**
 * Inserts the demo in one transaction, unless the store already holds a community: real data is never
 * mixed with invented people, and a second call is a no-op.
 */
export async function loadDemo(database: Database): Promise<{ loaded: boolean; summary: Record<string, number> }> {
  const loaded = await database.db.transaction().execute(async (trx) => {
    const community = await trx.selectFrom('org_nodes').select('id').where('kind', '=', 'community').limit(1).executeTakeFirst();
    if (community) return null;
    const rows = generateDemo();
    await insertChunked(trx, 'org_nodes', rows.orgNodes);
    await insertChunked(trx, 'police_beats', rows.policeBeats);
    await insertChunked(trx, 'compounds', rows.compounds);
    await insertChunked(trx, 'buildings', rows.buildings);
    await insertChunked(trx, 'households', rows.households);
    await insertChunked(trx, 'residents', rows.residents);
    await insertChunked(trx, 'household_links', rows.householdLinks);
    await insertChunked(trx, 'staff', rows.staff);
    await insertChunked(trx, 'staff_assignments', rows.staffAssignments);
    for (const account of rows.accounts) {
      const accountId = await createAccount(trx, account);
      if (account.staffId) await trx.updateTable('staff').set({ account_id: accountId }).where('id', '=', account.staffId).execute();
    }
    // The talent pool, teams, partner units and shared resources (M6); then points and merchants (M7).
    const volunteers = generateVolunteers(rows, newId, rows.orgNodes[0]!.created_at);
    await insertVolunteers(trx, volunteers);
    await loadPointsDemo(trx);
    // Activities and role models (M12), whose attendance pays points through the ledger above.
    await loadActivitiesDemo(trx);
    return { rows, volunteers };
  });
  return loaded ? { loaded: true, summary: { ...summarise(loaded.rows), ...summariseVolunteers(loaded.volunteers) } } : { loaded: false, summary: {} };
}

async function insertChunked<T extends keyof DB & string>(db: Kysely<DB>, table: T, rows: Insertable<DB[T]>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK_ROWS) {
    await db.insertInto(table).values(rows.slice(i, i + CHUNK_ROWS)).execute();
  }
}

/** How many of each thing the demo holds, for the command's output and the README. */
function summarise(rows: DemoRows): Record<string, number> {
  const kinds = (kind: string) => rows.orgNodes.filter((n) => n.kind === kind).length;
  return {
    streets: kinds('street'),
    communities: kinds('community'),
    sectors: kinds('sector'),
    grids: kinds('grid'),
    police_beats: rows.policeBeats.length,
    compounds: rows.compounds.length,
    buildings: rows.buildings.length,
    households: rows.households.length,
    residents: rows.residents.length,
    party_hub_households: rows.households.filter((h) => h.is_party_hub === 1).length,
    household_liaisons: new Set(rows.householdLinks.filter((l) => l.kind === 'liaison').map((l) => l.linker_id)).size,
    household_links: rows.householdLinks.length,
    staff: rows.staff.length,
    staff_assignments: rows.staffAssignments.length,
    accounts: rows.accounts.length,
  };
}

// ---- Volunteers (M6)

async function insertVolunteers(db: Kysely<DB>, v: VolunteerRows): Promise<void> {
  await insertChunked(db, 'partner_units', v.partnerUnits);
  await insertChunked(db, 'partner_unit_communities', v.partnerUnitCommunities);
  await insertChunked(db, 'shared_resources', v.sharedResources);
  await insertChunked(db, 'talents', v.talents);
  await insertChunked(db, 'talent_skills', v.talentSkills);
  await insertChunked(db, 'talent_service_areas', v.talentServiceAreas);
  await insertChunked(db, 'talent_events', v.talentEvents);
  await insertChunked(db, 'teams', v.teams);
  await insertChunked(db, 'team_members', v.teamMembers);
}

function summariseVolunteers(v: VolunteerRows): Record<string, number> {
  return { talents: v.talents.length, volunteer_teams: v.teams.length, partner_units: v.partnerUnits.length, shared_resources: v.sharedResources.length };
}
