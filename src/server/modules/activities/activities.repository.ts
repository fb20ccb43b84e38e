import { type Kysely, sql } from 'kysely';
import type { ActivitiesTable, ActivityAttendancesTable, ActivitySignUpsTable, DB } from '../../db/tables.ts';
import { underAnyPath } from '../../db/paths.ts';

export type Db = Kysely<DB>;
export type ActivityRow = ActivitiesTable;
export type SignUpRow = ActivitySignUpsTable;
export type AttendanceRow = ActivityAttendancesTable;

export async function findActivity(db: Db, id: string): Promise<ActivityRow | undefined> {
  return db.selectFrom('activities').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findActivityByCode(db: Db, code: string): Promise<ActivityRow | undefined> {
  return db.selectFrom('activities').selectAll().where('check_in_code', '=', code).executeTakeFirst();
}

export async function insertActivity(db: Db, row: ActivityRow): Promise<void> {
  await db.insertInto('activities').values(row).execute();
}


/** Moves an activity from one of `from` to `to`; false when someone else moved it first. */
export async function changeState(db: Db, id: string, from: readonly ActivityRow['state'][], patch: Partial<ActivityRow>): Promise<boolean> {
  const r = await db.updateTable('activities').set(patch).where('id', '=', id).where('state', 'in', [...from]).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Takes one place, only while the activity is published and has room: the guard that racing sign-ups meet. */
export async function takeSeat(db: Db, id: string, at: string): Promise<boolean> {
  const r = await db
    .updateTable('activities')
    .set({ seats_taken: sql`seats_taken + 1`, updated_at: at })
    .where('id', '=', id)
    .where('state', '=', 'published')
    .where((eb) => eb.or([eb('capacity', 'is', null), eb('seats_taken', '<', eb.ref('capacity'))]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function releaseSeat(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('activities').set({ seats_taken: sql`seats_taken - 1`, updated_at: at }).where('id', '=', id).where('seats_taken', '>', 0).execute();
}

export interface ActivityFilter {
  paths: string[];
  states?: readonly ActivityRow['state'][];
  startsFrom?: string;
  startsBefore?: string;
}

function filtered(db: Db, f: ActivityFilter) {
  let q = db.selectFrom('activities').where(underAnyPath('path', f.paths));
  if (f.states) q = q.where('state', 'in', [...f.states]);
  if (f.startsFrom) q = q.where('starts_at', '>=', f.startsFrom);
  if (f.startsBefore) q = q.where('starts_at', '<', f.startsBefore);
  return q;
}

export async function listActivities(db: Db, f: ActivityFilter & { limit: number; offset: number }): Promise<{ rows: ActivityRow[]; total: number }> {
  const rows = await filtered(db, f).selectAll().orderBy('starts_at').orderBy('id').limit(f.limit).offset(f.offset).execute();
  const count = await filtered(db, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { rows, total: Number(count.n) };
}

/** Live sign-ups and check-ins per activity. */
export async function countsOf(db: Db, ids: string[]): Promise<Map<string, { signedUp: number; attended: number }>> {
  const out = new Map<string, { signedUp: number; attended: number }>(ids.map((id) => [id, { signedUp: 0, attended: 0 }]));
  if (ids.length === 0) return out;
  const signUps = await db.selectFrom('activity_sign_ups').select(['activity_id', (eb) => eb.fn.countAll<number>().as('n')]).where('activity_id', 'in', ids).where('state', '=', 'signed_up').groupBy('activity_id').execute();
  const attended = await db.selectFrom('activity_attendances').select(['activity_id', (eb) => eb.fn.countAll<number>().as('n')]).where('activity_id', 'in', ids).groupBy('activity_id').execute();
  for (const r of signUps) out.get(r.activity_id)!.signedUp = Number(r.n);
  for (const r of attended) out.get(r.activity_id)!.attended = Number(r.n);
  return out;
}

export async function findSignUp(db: Db, activityId: string, residentId: string): Promise<SignUpRow | undefined> {
  return db.selectFrom('activity_sign_ups').selectAll().where('activity_id', '=', activityId).where('resident_id', '=', residentId).executeTakeFirst();
}

export async function insertSignUp(db: Db, row: SignUpRow): Promise<void> {
  await db.insertInto('activity_sign_ups').values(row).execute();
}

/** Moves a sign-up between states; false when it was not in `from` (a racing request moved it first). */
export async function setSignUpState(db: Db, id: string, from: SignUpRow['state'], patch: Partial<SignUpRow>): Promise<boolean> {
  const r = await db.updateTable('activity_sign_ups').set(patch).where('id', '=', id).where('state', '=', from).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function findAttendance(db: Db, activityId: string, residentId: string): Promise<AttendanceRow | undefined> {
  return db.selectFrom('activity_attendances').selectAll().where('activity_id', '=', activityId).where('resident_id', '=', residentId).executeTakeFirst();
}

export async function insertAttendance(db: Db, row: AttendanceRow): Promise<void> {
  await db.insertInto('activity_attendances').values(row).execute();
}

export async function setAttendancePoints(db: Db, id: string, patch: Pick<AttendanceRow, 'points' | 'points_outcome' | 'transfer_id'>): Promise<void> {
  await db.updateTable('activity_attendances').set(patch).where('id', '=', id).execute();
}

export async function hasAttendance(db: Db, activityId: string): Promise<boolean> {
  return !!(await db.selectFrom('activity_attendances').select('id').where('activity_id', '=', activityId).limit(1).executeTakeFirst());
}

/** Everyone signed up (now or before) or checked in, with their names and phones, for the staff's list. */
export async function rosterOf(db: Db, activityId: string) {
  const signUps = await db
    .selectFrom('activity_sign_ups')
    .innerJoin('residents', 'residents.id', 'activity_sign_ups.resident_id')
    .select(['activity_sign_ups.resident_id', 'activity_sign_ups.state', 'activity_sign_ups.by_staff', 'activity_sign_ups.created_at', 'residents.name', 'residents.phone'])
    .where('activity_id', '=', activityId)
    .orderBy('activity_sign_ups.created_at')
    .orderBy('activity_sign_ups.id')
    .execute();
  const attendances = await db
    .selectFrom('activity_attendances')
    .innerJoin('residents', 'residents.id', 'activity_attendances.resident_id')
    .select(['activity_attendances.resident_id', 'activity_attendances.method', 'activity_attendances.walk_in', 'activity_attendances.points', 'activity_attendances.checked_in_at', 'residents.name', 'residents.phone'])
    .where('activity_id', '=', activityId)
    .orderBy('checked_in_at')
    .execute();
  return { signUps, attendances };
}

/** A resident's live sign-ups and attendances, newest activity first. */
export async function activitiesOfResident(db: Db, residentId: string, limit: number) {
  const signed = db.selectFrom('activity_sign_ups').select('activity_id').where('resident_id', '=', residentId).where('state', '=', 'signed_up');
  const came = db.selectFrom('activity_attendances').select('activity_id').where('resident_id', '=', residentId);
  const rows = await db.selectFrom('activities').selectAll().where((eb) => eb.or([eb('id', 'in', signed), eb('id', 'in', came)])).orderBy('starts_at', 'desc').limit(limit).execute();
  const ids = rows.map((r) => r.id);
  const signUps = ids.length ? await db.selectFrom('activity_sign_ups').select(['activity_id', 'state']).where('resident_id', '=', residentId).where('activity_id', 'in', ids).execute() : [];
  const attendances = ids.length ? await db.selectFrom('activity_attendances').select(['activity_id', 'points']).where('resident_id', '=', residentId).where('activity_id', 'in', ids).execute() : [];
  return { rows, signUps, attendances };
}

export async function teamNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('teams').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function findTeam(db: Db, id: string) {
  return db.selectFrom('teams').select(['id', 'community_id', 'name']).where('id', '=', id).executeTakeFirst();
}

export async function findResident(db: Db, id: string) {
  return db.selectFrom('residents').select(['id', 'path', 'household_id', 'name']).where('id', '=', id).executeTakeFirst();
}

/** Writes an edit while the activity is still in `state` and its places taken fit the (new) capacity. */
export async function updateActivityFitting(db: Db, id: string, state: ActivityRow['state'], patch: Partial<ActivityRow>): Promise<boolean> {
  let q = db.updateTable('activities').set(patch).where('id', '=', id).where('state', '=', state);
  if (patch.capacity !== undefined && patch.capacity !== null) q = q.where('seats_taken', '<=', patch.capacity);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
