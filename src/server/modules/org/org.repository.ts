import { pathUpperBound } from '../../db/paths.ts';
import { type Kysely, sql } from 'kysely';
import type { DB, OrgKind, OrgNodesTable, PoliceBeatsTable } from '../../db/tables.ts';

export type Db = Kysely<DB>;
export type OrgNodeRow = OrgNodesTable;
export type PoliceBeatRow = PoliceBeatsTable;

export { pathUpperBound };

export async function findNode(db: Db, idOrCode: string): Promise<OrgNodeRow | undefined> {
  return db.selectFrom('org_nodes').selectAll().where((eb) => eb.or([eb('id', '=', idOrCode), eb('code', '=', idOrCode)])).executeTakeFirst();
}

export async function findNodeByKind(db: Db, kind: OrgKind, codeOrName: string): Promise<OrgNodeRow | undefined> {
  return db
    .selectFrom('org_nodes')
    .selectAll()
    .where('kind', '=', kind)
    .where((eb) => eb.or([eb('code', '=', codeOrName), eb('name', '=', codeOrName)]))
    .orderBy('created_at')
    .executeTakeFirst();
}

export async function findNodesByCodes(db: Db, codes: string[]): Promise<OrgNodeRow[]> {
  if (codes.length === 0) return [];
  return db.selectFrom('org_nodes').selectAll().where('code', 'in', codes).execute();
}

export async function nodesByIds(db: Db, ids: string[]): Promise<OrgNodeRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('org_nodes').selectAll().where('id', 'in', ids).execute();
}

export async function insertNode(db: Db, row: OrgNodeRow): Promise<void> {
  await db.insertInto('org_nodes').values(row).execute();
}

export async function updateNode(db: Db, id: string, patch: Partial<Pick<OrgNodeRow, 'name' | 'code' | 'geometry' | 'centroid_lng' | 'centroid_lat' | 'updated_at'>>): Promise<void> {
  await db.updateTable('org_nodes').set(patch).where('id', '=', id).execute();
}

export async function deleteNode(db: Db, id: string): Promise<void> {
  await db.deleteFrom('org_nodes').where('id', '=', id).execute();
}

/** Whether anything still hangs on a node: child nodes, beats, compounds, households, residents or staff roles. */
export async function nodeHasDependants(db: Db, node: OrgNodeRow): Promise<boolean> {
  const checks = [
    db.selectFrom('org_nodes').select('id').where('parent_id', '=', node.id).limit(1),
    db.selectFrom('police_beats').select('id').where('node_id', '=', node.id).limit(1),
    db.selectFrom('compounds').select('id').where('grid_id', '=', node.id).limit(1),
    db.selectFrom('households').select('id').where('grid_id', '=', node.id).limit(1),
    db.selectFrom('staff_assignments').select('id').where('node_id', '=', node.id).limit(1),
    db.selectFrom('account_roles').select('account_id as id').where('node_id', '=', node.id).limit(1),
  ];
  for (const q of checks) if (await q.executeTakeFirst()) return true;
  return false;
}

export interface NodeFilter {
  kind?: OrgKind;
  underPath?: string;
  parentId?: string;
  q?: string;
  limit: number;
  offset: number;
}

export async function listNodes(db: Db, f: NodeFilter): Promise<{ rows: OrgNodeRow[]; total: number }> {
  let q = db.selectFrom('org_nodes');
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.underPath) q = q.where('path', '>=', f.underPath).where('path', '<', pathUpperBound(f.underPath));
  if (f.parentId) q = q.where('parent_id', '=', f.parentId);
  if (f.q) q = q.where((eb) => eb.or([eb('name', 'like', `%${f.q}%`), eb('code', 'like', `%${f.q}%`)]));
  const totalRow = await q.select(sql<string | number>`count(*)`.as('n')).executeTakeFirst();
  const rows = await q.selectAll().orderBy('code').limit(f.limit).offset(f.offset).execute();
  return { rows, total: Number(totalRow?.n ?? 0) };
}

export async function findPoliceBeat(db: Db, idOrCode: string): Promise<PoliceBeatRow | undefined> {
  return db.selectFrom('police_beats').selectAll().where((eb) => eb.or([eb('id', '=', idOrCode), eb('code', '=', idOrCode)])).executeTakeFirst();
}

export async function insertPoliceBeat(db: Db, row: PoliceBeatRow): Promise<void> {
  await db.insertInto('police_beats').values(row).execute();
}

export async function updatePoliceBeat(db: Db, id: string, patch: Partial<Pick<PoliceBeatRow, 'name' | 'code' | 'geometry' | 'centroid_lng' | 'centroid_lat' | 'updated_at'>>): Promise<void> {
  await db.updateTable('police_beats').set(patch).where('id', '=', id).execute();
}

export async function deletePoliceBeat(db: Db, id: string): Promise<void> {
  await db.deleteFrom('police_beats').where('id', '=', id).execute();
}

export async function policeBeatInUse(db: Db, id: string): Promise<boolean> {
  return !!(await db.selectFrom('staff_assignments').select('id').where('police_beat_id', '=', id).limit(1).executeTakeFirst());
}

export async function listPoliceBeats(db: Db, f: { underPath?: string; limit: number; offset: number }): Promise<{ rows: PoliceBeatRow[]; total: number }> {
  let q = db.selectFrom('police_beats');
  if (f.underPath) q = q.where('path', '>=', f.underPath).where('path', '<', pathUpperBound(f.underPath));
  const totalRow = await q.select(sql<string | number>`count(*)`.as('n')).executeTakeFirst();
  const rows = await q.selectAll().orderBy('code').limit(f.limit).offset(f.offset).execute();
  return { rows, total: Number(totalRow?.n ?? 0) };
}
