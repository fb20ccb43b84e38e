import { underAnyPath } from '../../db/paths.ts';
import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import type { DB, StaffAssignmentsTable, StaffRole, StaffTable } from '../../db/tables.ts';

export type Db = Kysely<DB>;
export type StaffRow = StaffTable;
export type StaffAssignmentRow = Omit<StaffAssignmentsTable, 'on_duty'> & { on_duty: number };

/** An assignment with the node it is at, as listings show it. */
export interface AssignmentWithNode extends StaffAssignmentRow {
  node_name: string;
  node_kind: DB['org_nodes']['kind'];
  node_code: string;
}

// `path` of the assignment lies under one of the prefixes (prefix ranges use the path indexes).
function underAny(_eb: ExpressionBuilder<DB, 'staff_assignments'>, prefixes: string[]) {
  return underAnyPath('staff_assignments.path', prefixes);
}

export async function findStaff(db: Db, id: string): Promise<StaffRow | undefined> {
  return db.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertStaff(db: Db, row: StaffRow): Promise<void> {
  await db.insertInto('staff').values(row).execute();
}

export async function updateStaff(db: Db, id: string, patch: Partial<Pick<StaffRow, 'name' | 'work_phone' | 'updated_at'>>): Promise<void> {
  await db.updateTable('staff').set(patch).where('id', '=', id).execute();
}

export async function assignmentsOfStaff(db: Db, staffIds: string[]): Promise<AssignmentWithNode[]> {
  if (staffIds.length === 0) return [];
  return db
    .selectFrom('staff_assignments')
    .innerJoin('org_nodes', 'org_nodes.id', 'staff_assignments.node_id')
    .selectAll('staff_assignments')
    .select(['org_nodes.name as node_name', 'org_nodes.kind as node_kind', 'org_nodes.code as node_code'])
    .where('staff_assignments.staff_id', 'in', staffIds)
    .orderBy('staff_assignments.created_at')
    .orderBy('staff_assignments.id')
    .execute();
}

export async function findAssignment(db: Db, staffId: string, assignmentId: string): Promise<StaffAssignmentRow | undefined> {
  return db.selectFrom('staff_assignments').selectAll().where('id', '=', assignmentId).where('staff_id', '=', staffId).executeTakeFirst();
}

export async function findSameAssignment(db: Db, staffId: string, nodeId: string, role: StaffRole): Promise<StaffAssignmentRow | undefined> {
  return db
    .selectFrom('staff_assignments')
    .selectAll()
    .where('staff_id', '=', staffId)
    .where('node_id', '=', nodeId)
    .where('role', '=', role)
    .executeTakeFirst();
}

export async function insertAssignment(db: Db, row: StaffAssignmentRow): Promise<void> {
  await db.insertInto('staff_assignments').values(row).execute();
}

export async function deleteAssignment(db: Db, id: string): Promise<void> {
  await db.deleteFrom('staff_assignments').where('id', '=', id).execute();
}

export async function setAssignmentOnDuty(db: Db, id: string, onDuty: boolean): Promise<void> {
  await db.updateTable('staff_assignments').set({ on_duty: onDuty ? 1 : 0 }).where('id', '=', id).execute();
}

export interface StaffFilter {
  /** Staff with an assignment under one of these path prefixes (already narrowed to the caller's scope). */
  under: string[];
  role?: StaffRole;
  /** Also staff with no assignment at all (the pool waiting to be assigned). */
  includeUnassigned: boolean;
  limit: number;
  offset: number;
}

/** One page of staff matching the filter, by name, and how many match in all. */
export async function listStaff(db: Db, f: StaffFilter): Promise<{ rows: StaffRow[]; total: number }> {
  if (f.under.length === 0 && !f.includeUnassigned) return { rows: [], total: 0 };
  const q = db.selectFrom('staff').where((eb) => {
    const matches = [];
    if (f.under.length > 0) {
      let assigned = eb
        .selectFrom('staff_assignments')
        .select(sql`1`.as('one'))
        .whereRef('staff_assignments.staff_id', '=', 'staff.id')
        .where((inner) => underAny(inner, f.under));
      if (f.role) assigned = assigned.where('staff_assignments.role', '=', f.role);
      matches.push(eb.exists(assigned));
    }
    if (f.includeUnassigned) {
      matches.push(eb.not(eb.exists(eb.selectFrom('staff_assignments').select(sql`1`.as('one')).whereRef('staff_assignments.staff_id', '=', 'staff.id'))));
    }
    return eb.or(matches);
  });
  const totalRow = await q.select(sql<string | number>`count(*)`.as('n')).executeTakeFirst();
  const rows = await q.selectAll().orderBy('name').orderBy('id').limit(f.limit).offset(f.offset).execute();
  return { rows, total: Number(totalRow?.n ?? 0) };
}

/** A grid's contacts: everyone assigned at the grid node, and the police officers of its police beat. */
export async function contactRowsOfGrid(db: Db, gridId: string, policeBeatId: string | null) {
  return db
    .selectFrom('staff_assignments')
    .innerJoin('staff', 'staff.id', 'staff_assignments.staff_id')
    .select(['staff.id as staff_id', 'staff.name', 'staff.work_phone', 'staff_assignments.role', 'staff_assignments.on_duty', 'staff_assignments.created_at'])
    .where((eb) => {
      const atGrid = eb('staff_assignments.node_id', '=', gridId);
      if (!policeBeatId) return atGrid;
      return eb.or([atGrid, eb.and([eb('staff_assignments.role', '=', 'police_officer'), eb('staff_assignments.police_beat_id', '=', policeBeatId)])]);
    })
    .orderBy('staff_assignments.created_at')
    .orderBy('staff_assignments.id')
    .execute();
}
