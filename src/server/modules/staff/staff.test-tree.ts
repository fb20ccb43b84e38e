import type { AccountRole, OrgKind, StaffRole } from '../../db/tables.ts';
import { nowIso } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { createAccount } from '../auth/auth.service.ts';
import type { Db } from './staff.repository.ts';

/**
 * The tree the staff tests share, written straight to the store so they do not depend on the org API:
 * 城关区 → 夺底街道 → 维巴村 (grids WB-01, WB-02, police beat WB-JG over WB-01) and 加措社区 (grid JC-01).
 */
export interface StaffTestTree {
  ids: Record<string, string>;
  paths: Record<string, string>;
}

const square = (x: number, y: number, s: number) => JSON.stringify({ type: 'Polygon', coordinates: [[[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]]] });

async function insertNode(db: Db, tree: StaffTestTree, kind: OrgKind, code: string, name: string, parent: string | null, box?: [number, number, number]) {
  const id = newId();
  const path = `${parent ? tree.paths[parent] : '/'}${id}/`;
  const at = nowIso();
  await db
    .insertInto('org_nodes')
    .values({
      id,
      kind,
      code,
      name,
      parent_id: parent ? tree.ids[parent] : null,
      path,
      geometry: box ? square(...box) : null,
      centroid_lng: box ? box[0] + box[2] / 2 : null,
      centroid_lat: box ? box[1] + box[2] / 2 : null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  tree.ids[code] = id;
  tree.paths[code] = path;
}

export async function buildStaffTestTree(db: Db): Promise<StaffTestTree> {
  const tree: StaffTestTree = { ids: {}, paths: {} };
  await insertNode(db, tree, 'district', 'CG', '城关区', null);
  await insertNode(db, tree, 'street', 'DD', '夺底街道', 'CG');
  await insertNode(db, tree, 'community', 'WB', '维巴村', 'DD');
  await insertNode(db, tree, 'grid', 'WB-01', '维巴村第一网格', 'WB', [91.1, 29.7, 0.01]);
  await insertNode(db, tree, 'grid', 'WB-02', '维巴村第二网格', 'WB', [91.12, 29.7, 0.01]);
  await insertNode(db, tree, 'community', 'JC', '加措社区', 'DD');
  await insertNode(db, tree, 'grid', 'JC-01', '加措社区第一网格', 'JC', [91.2, 29.7, 0.01]);
  const beatId = newId();
  const at = nowIso();
  await db
    .insertInto('police_beats')
    .values({ id: beatId, code: 'WB-JG', name: '维巴警格', node_id: tree.ids.WB!, path: tree.paths.WB!, geometry: square(91.095, 29.695, 0.02), centroid_lng: 91.105, centroid_lat: 29.705, created_at: at, updated_at: at })
    .execute();
  tree.ids['WB-JG'] = beatId;
  tree.paths['WB-JG'] = tree.paths.WB!;
  return tree;
}

/** An account with one role at one node of the tree (`null`: everywhere). */
export async function createTestAccount(db: Db, tree: StaffTestTree, username: string, role: AccountRole, at: string | null): Promise<void> {
  await createAccount(db, { username, password: `${username}-pass-1`, role, node: at ? { id: tree.ids[at]!, path: tree.paths[at]! } : null });
}

/** A staff member written straight to the store with one assignment per `[node code, role, on duty?, beat code?]`. */
export async function insertStaff(db: Db, tree: StaffTestTree, name: string, workPhone: string | null, roles: [string, StaffRole, boolean?, string?][]): Promise<string> {
  const id = newId();
  const at = nowIso();
  await db.insertInto('staff').values({ id, name, work_phone: workPhone, account_id: null, created_at: at, updated_at: at }).execute();
  for (const [node, role, onDuty = true, beat] of roles) {
    await db
      .insertInto('staff_assignments')
      .values({ id: newId(), staff_id: id, node_id: tree.ids[node]!, path: tree.paths[node]!, role, police_beat_id: beat ? tree.ids[beat]! : null, on_duty: onDuty ? 1 : 0, created_at: nowIso() })
      .execute();
  }
  return id;
}
