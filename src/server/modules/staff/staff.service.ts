import type { OrgKind, StaffRole } from '../../db/tables.ts';
import { AppError, type Locale } from '../../http/errors.ts';
import { nowIso } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { type Action, type Actor, can, listScope } from '../auth/permissions.ts';
import { findNode, findPoliceBeat } from '../org/org.repository.ts';
import { roleLabel } from './roles.ts';
import * as repo from './staff.repository.ts';
import type { AssignmentWithNode, Db, StaffRow } from './staff.repository.ts';

// 手机 13800000000, or a landline with its area code, 0891-6321234 (Lhasa) or 010-12345678.
const WORK_PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

// Where each role may be assigned. 004: each grid has a 网格长, a 专职网格员, a 社区工作者 and 兼职网格员;
// community workers also serve a whole community or sector, and police officers sit wherever their beat is.
const allowedKinds: Record<StaffRole, readonly OrgKind[]> = {
  grid_leader: ['grid'],
  grid_worker: ['grid'],
  part_time_grid_worker: ['grid'],
  community_worker: ['community', 'sector', 'grid'],
  police_officer: ['district', 'street', 'community', 'sector', 'grid'],
};

export interface AssignmentView {
  id: string;
  nodeId: string;
  nodeCode: string;
  nodeName: string;
  nodeKind: OrgKind;
  role: StaffRole;
  roleLabel: string;
  policeBeatId: string | null;
  onDuty: boolean;
}

export interface StaffView {
  id: string;
  name: string;
  workPhone: string | null;
  assignments: AssignmentView[];
  abilities: Action[];
}

// Staff names and work phones are public (they are printed on contact cards), so reading staff needs no
// personal-data right; any organisation role (every non-resident role has 'people.read') reads the staff
// assigned inside its nodes.
function readPaths(actor: Actor): string[] {
  return listScope(actor, 'people.read')?.paths ?? [];
}

// Someone who manages staff somewhere also sees the pool of staff not yet assigned anywhere, so that a
// community office can register a new grid worker and then assign them.
function managesStaffSomewhere(actor: Actor): boolean {
  return listScope(actor, 'staff.manage') !== null;
}

// Whether a node is on the actor's branch of the tree: inside their scope, or one of its ancestors.
function isOnBranch(path: string, scopes: string[]): boolean {
  return scopes.some((s) => path.startsWith(s) || s.startsWith(path));
}

function isVisible(actor: Actor, assignments: { path: string }[]): boolean {
  if (assignments.length === 0) return managesStaffSomewhere(actor);
  const paths = readPaths(actor);
  return assignments.some((a) => paths.some((p) => a.path.startsWith(p)));
}

function isManageable(actor: Actor, assignments: { path: string }[]): boolean {
  if (assignments.length === 0) return managesStaffSomewhere(actor);
  return assignments.some((a) => can(actor, 'staff.manage', { path: a.path }));
}

function assertSignedIn(actor: Actor): void {
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
}

function checkedWorkPhone(value: string): string {
  const phone = value.trim();
  if (!WORK_PHONE.test(phone)) throw new AppError('WORK_PHONE_INVALID', { field: 'workPhone', value });
  return phone;
}

function toView(actor: Actor, staff: StaffRow, assignments: AssignmentWithNode[], locale: Locale): StaffView {
  const paths = readPaths(actor);
  return {
    id: staff.id,
    name: staff.name,
    workPhone: staff.work_phone,
    // Only the assignments inside the reader's own nodes: a grid worker of one community sees nothing of another.
    assignments: assignments
      .filter((a) => paths.some((p) => a.path.startsWith(p)))
      .map((a) => ({
        id: a.id,
        nodeId: a.node_id,
        nodeCode: a.node_code,
        nodeName: a.node_name,
        nodeKind: a.node_kind,
        role: a.role,
        roleLabel: roleLabel(a.role, locale),
        policeBeatId: a.police_beat_id,
        onDuty: a.on_duty === 1,
      })),
    abilities: isManageable(actor, assignments) ? ['staff.manage'] : [],
  };
}

/** A staff member the actor may read, with every assignment; unknown and out-of-scope both answer 404. */
async function loadVisibleStaff(db: Db, actor: Actor, id: string): Promise<{ staff: StaffRow; assignments: AssignmentWithNode[] }> {
  assertSignedIn(actor);
  const staff = await repo.findStaff(db, id);
  if (!staff) throw new AppError('STAFF_NOT_FOUND');
  const assignments = await repo.assignmentsOfStaff(db, [staff.id]);
  if (!isVisible(actor, assignments)) throw new AppError('STAFF_NOT_FOUND');
  return { staff, assignments };
}

async function loadManageableStaff(db: Db, actor: Actor, id: string) {
  const loaded = await loadVisibleStaff(db, actor, id);
  if (!isManageable(actor, loaded.assignments)) throw new AppError('FORBIDDEN');
  return loaded;
}

export interface StaffListQuery {
  node?: string;
  role?: StaffRole;
  page: number;
  pageSize: number;
}

/** 工作人员名单: staff assigned inside the actor's nodes, optionally under one node and in one role. */
export async function listStaffMembers(db: Db, actor: Actor, query: StaffListQuery, locale: Locale) {
  assertSignedIn(actor);
  const scopes = readPaths(actor);
  let under = scopes;
  if (query.node) {
    const node = await findNode(db, query.node);
    if (!node || !isOnBranch(node.path, scopes)) throw new AppError('ORG_NODE_NOT_FOUND', { node: query.node });
    // The intersection of "under the node" and "under a scope": whichever of the two prefixes is longer.
    under = [...new Set(scopes.filter((s) => isOnBranch(node.path, [s])).map((s) => (s.startsWith(node.path) ? s : node.path)))];
  }
  const includeUnassigned = !query.node && !query.role && managesStaffSomewhere(actor);
  if (under.length === 0 && !includeUnassigned) throw new AppError('FORBIDDEN');
  const { rows, total } = await repo.listStaff(db, {
    under,
    role: query.role,
    includeUnassigned,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  const assignments = await repo.assignmentsOfStaff(db, rows.map((r) => r.id));
  const items = rows.map((r) => toView(actor, r, assignments.filter((a) => a.staff_id === r.id), locale));
  return { items, total, page: query.page, pageSize: query.pageSize };
}

/** One staff member with their assignments. */
export async function getStaffMember(db: Db, actor: Actor, id: string, locale: Locale): Promise<StaffView> {
  const { staff, assignments } = await loadVisibleStaff(db, actor, id);
  return toView(actor, staff, assignments, locale);
}

/** 登记工作人员: a new staff member, not yet assigned anywhere. */
export async function registerStaffMember(db: Db, actor: Actor, input: { name: string; workPhone: string }, locale: Locale): Promise<StaffView> {
  assertSignedIn(actor);
  if (!managesStaffSomewhere(actor)) throw new AppError('FORBIDDEN');
  const at = nowIso();
  const row: StaffRow = { id: newId(), name: input.name.trim(), work_phone: checkedWorkPhone(input.workPhone), account_id: null, created_at: at, updated_at: at };
  await repo.insertStaff(db, row);
  return toView(actor, row, [], locale);
}

/** Corrects a staff member's name or work phone. */
export async function updateStaffMember(db: Db, actor: Actor, id: string, patch: { name?: string; workPhone?: string }, locale: Locale): Promise<StaffView> {
  const { staff } = await loadManageableStaff(db, actor, id);
  await repo.updateStaff(db, staff.id, {
    ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
    ...(patch.workPhone !== undefined ? { work_phone: checkedWorkPhone(patch.workPhone) } : {}),
    updated_at: nowIso(),
  });
  return getStaffMember(db, actor, id, locale);
}

export interface NewAssignment {
  /** Org node id or code. */
  node: string;
  role: StaffRole;
  /** Police beat id or code (民警 only). */
  policeBeat?: string | null;
}

/** 安排岗位: gives a staff member a role at an org node (and, for a police officer, a police beat). */
export async function assignStaffMember(db: Db, actor: Actor, staffId: string, input: NewAssignment, locale: Locale): Promise<StaffView> {
  const { staff } = await loadVisibleStaff(db, actor, staffId);
  const scopes = readPaths(actor);
  const node = await findNode(db, input.node);
  if (!node || !isOnBranch(node.path, scopes)) throw new AppError('ORG_NODE_NOT_FOUND', { node: input.node });
  if (!can(actor, 'staff.manage', { path: node.path })) throw new AppError('FORBIDDEN');
  if (!allowedKinds[input.role].includes(node.kind)) {
    throw new AppError('STAFF_ROLE_NODE_MISMATCH', { role: input.role, nodeKind: node.kind, allowed: allowedKinds[input.role] });
  }
  let policeBeatId: string | null = null;
  if (input.policeBeat) {
    if (input.role !== 'police_officer') throw new AppError('POLICE_BEAT_ONLY_FOR_OFFICERS', { role: input.role });
    const beat = await findPoliceBeat(db, input.policeBeat);
    if (!beat || !isOnBranch(beat.path, scopes)) throw new AppError('POLICE_BEAT_NOT_FOUND', { policeBeat: input.policeBeat });
    policeBeatId = beat.id;
  }
  if (await repo.findSameAssignment(db, staff.id, node.id, input.role)) {
    throw new AppError('STAFF_ASSIGNMENT_EXISTS', { node: node.code, role: input.role });
  }
  await repo.insertAssignment(db, {
    id: newId(),
    staff_id: staff.id,
    node_id: node.id,
    path: node.path,
    role: input.role,
    police_beat_id: policeBeatId,
    on_duty: 1,
    created_at: nowIso(),
  });
  return getStaffMember(db, actor, staff.id, locale);
}

async function loadManageableAssignment(db: Db, actor: Actor, staffId: string, assignmentId: string) {
  await loadVisibleStaff(db, actor, staffId);
  const assignment = await repo.findAssignment(db, staffId, assignmentId);
  if (!assignment || !isVisible(actor, [assignment])) throw new AppError('STAFF_ASSIGNMENT_NOT_FOUND');
  if (!can(actor, 'staff.manage', { path: assignment.path })) throw new AppError('FORBIDDEN');
  return assignment;
}

/** 撤销岗位: ends one of a staff member's roles. */
export async function unassignStaffMember(db: Db, actor: Actor, staffId: string, assignmentId: string): Promise<void> {
  const assignment = await loadManageableAssignment(db, actor, staffId, assignmentId);
  await repo.deleteAssignment(db, assignment.id);
}

/** 在岗 / 不在岗: on-duty people come first on the grid's contact card. */
export async function setStaffOnDuty(db: Db, actor: Actor, staffId: string, assignmentId: string, onDuty: boolean, locale: Locale): Promise<StaffView> {
  const assignment = await loadManageableAssignment(db, actor, staffId, assignmentId);
  await repo.setAssignmentOnDuty(db, assignment.id, onDuty);
  return getStaffMember(db, actor, staffId, locale);
}
